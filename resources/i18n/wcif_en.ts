<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BaselineDialog</name>
    <message>
        <source>已整改</source>
        <translation>Fixed</translation>
    </message>
    <message>
        <source>部分整改</source>
        <translation>Partly fixed</translation>
    </message>
    <message>
        <source>未整改</source>
        <translation>Not fixed</translation>
    </message>
    <message>
        <source>待核实</source>
        <translation>To be checked</translation>
    </message>
    <message>
        <source>上年评价（历史标准）</source>
        <translation>Last year&apos;s evaluation (historical standard)</translation>
    </message>
    <message>
        <source>关联上年评价文件…</source>
        <translation>Link last year&apos;s evaluation file…</translation>
    </message>
    <message>
        <source>取消关联</source>
        <translation>Unlink</translation>
    </message>
    <message>
        <source>同比</source>
        <translation>Year on year</translation>
    </message>
    <message>
        <source>勾选要结转到本评价的上年绩效目标和问题（已结转的不再重复）：</source>
        <translation>Tick last year&apos;s performance targets and problems to carry into this evaluation (items already carried are not repeated):</translation>
    </message>
    <message>
        <source>结转所选</source>
        <translation>Carry forward selected</translation>
    </message>
    <message>
        <source>结转</source>
        <translation>Carry forward</translation>
    </message>
    <message>
        <source>上年问题</source>
        <translation>Last year&apos;s problem</translation>
    </message>
    <message>
        <source>整改情况</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>历史标准</source>
        <translation>Historical standard</translation>
    </message>
    <message>
        <source>结余衔接：</source>
        <translation>Balance continuity: </translation>
    </message>
    <message>
        <source>结余衔接（不一致）：</source>
        <translation>Balance continuity (mismatch): </translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>本年（元）</source>
        <translation>This year (yuan)</translation>
    </message>
    <message>
        <source>上年（元）</source>
        <translation>Last year (yuan)</translation>
    </message>
    <message>
        <source>增减（元）</source>
        <translation>Change (yuan)</translation>
    </message>
    <message>
        <source>增长率（%）</source>
        <translation>Growth rate (%)</translation>
    </message>
    <message>
        <source>绩效指标</source>
        <translation>Performance indicator</translation>
    </message>
    <message>
        <source>上年目标值</source>
        <translation>Last year&apos;s target</translation>
    </message>
    <message>
        <source>上年实际值（历史标准）</source>
        <translation>Last year&apos;s actual (historical standard)</translation>
    </message>
    <message>
        <source>本年实际值</source>
        <translation>This year&apos;s actual</translation>
    </message>
    <message>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>目标：</source>
        <translation>Target: </translation>
    </message>
    <message>
        <source>问题：</source>
        <translation>Problem: </translation>
    </message>
    <message>
        <source>（已结转）</source>
        <translation> (carried)</translation>
    </message>
    <message>
        <source>选择上年评价文件</source>
        <translation>Choose last year&apos;s evaluation file</translation>
    </message>
    <message>
        <source>评价文件</source>
        <translation>Evaluation files</translation>
    </message>
    <message>
        <source>上年评价（历史标准）(&amp;B)…</source>
        <translation>Last year&apos;s evaluation (&amp;baseline)…</translation>
    </message>
    <message>
        <source>请先打开本年度的评价文件。</source>
        <translation>Open this year&apos;s evaluation file first.</translation>
    </message>
</context>
<context>
    <name>BudgetActualChart</name>
    <message>
        <source>暂无预算数或执行数</source>
        <translation>No budget or actual figures yet</translation>
    </message>
    <message>
        <source>预算数</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>执行数</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>（万元）</source>
        <translation>(10k yuan)</translation>
    </message>
</context>
<context>
    <name>BusinessDataDialog</name>
    <message>
        <source>业务数据（{0}年）</source>
        <translation>Business data ({0})</translation>
    </message>
    <message>
        <source>导入业务数据表…</source>
        <translation>Import business data sheet…</translation>
    </message>
    <message>
        <source>下载空白模板…</source>
        <translation>Download blank template…</translation>
    </message>
    <message>
        <source>参保覆盖率</source>
        <translation>Insurance coverage rate</translation>
    </message>
    <message>
        <source>工伤认定按时办结率</source>
        <translation>On-time rate of work-injury recognitions</translation>
    </message>
    <message>
        <source>劳动能力鉴定按时完成率</source>
        <translation>On-time rate of work-capacity appraisals</translation>
    </message>
    <message>
        <source>征缴率</source>
        <translation>Collection rate</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>value</translation>
    </message>
    <message>
        <source>录入业务数据</source>
        <translation>Enter business data</translation>
    </message>
    <message>
        <source>导入业务数据表</source>
        <translation>Import business data sheet</translation>
    </message>
    <message>
        <source>表格 (*.xlsx *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>下载空白模板</source>
        <translation>Download blank template</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>解决合并冲突</source>
        <translation>Resolve merge conflicts</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>本文件</source>
        <translation>This file</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>选择</source>
        <translation>Choose</translation>
    </message>
    <message>
        <source>全部保留本文件</source>
        <translation>Keep this file for all</translation>
    </message>
    <message>
        <source>全部采用导入</source>
        <translation>Take import for all</translation>
    </message>
    <message>
        <source>应用</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>记录历史…</source>
        <translation>Record history…</translation>
    </message>
    <message>
        <source>来自 {0}，{1}</source>
        <translation>From {0}, {1}</translation>
    </message>
    <message>
        <source>没有待解决的冲突。</source>
        <translation>No conflicts to resolve.</translation>
    </message>
    <message>
        <source>{0}“{1}”在本文件和导入文件（{2}）中都被修改过。请逐字段选择结果。</source>
        <translation>{0} “{1}” was changed both in this file and in the imported file ({2}). Choose the result field by field.</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>无法解决冲突</source>
        <translation>Cannot resolve the conflict</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>程序出现意外错误</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>发生了一个意外错误。您的评价文件中已保存的内容不会丢失。请将下面的错误报告复制给技术支持人员。日志文件：{0}</source>
        <translation>An unexpected error occurred. What is already saved in your evaluation file is not lost. Please copy the report below to your support contact. Log file: {0}</translation>
    </message>
    <message>
        <source>复制错误报告</source>
        <translation>Copy error report</translation>
    </message>
</context>
<context>
    <name>CreateIdentityDialog</name>
    <message>
        <source>创建签名证书</source>
        <translation>Create signing identity</translation>
    </message>
    <message>
        <source>为没有CA证书的评价机构创建自签名的签名证书（PKCS#12 文件，由口令保护）。请妥善保管该文件和口令。</source>
        <translation>Create a self-signed signing identity (a passphrase-protected PKCS#12 file) for an agency without a CA certificate. Keep the file and the passphrase safe.</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>签名人姓名</source>
        <translation>Signer name</translation>
    </message>
    <message>
        <source>所在单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>再次输入口令</source>
        <translation>Repeat passphrase</translation>
    </message>
    <message>
        <source>保存位置</source>
        <translation>Save to</translation>
    </message>
    <message>
        <source>保存签名证书</source>
        <translation>Save signing identity</translation>
    </message>
    <message>
        <source>签名证书 (*.p12 *.pfx);;所有文件 (*)</source>
        <translation>Signing certificates (*.p12 *.pfx);;All files (*)</translation>
    </message>
    <message>
        <source>请填写签名人姓名</source>
        <translation>Please enter the signer&apos;s name</translation>
    </message>
    <message>
        <source>请填写所在单位</source>
        <translation>Please enter the organisation</translation>
    </message>
    <message>
        <source>口令至少需要 6 个字符</source>
        <translation>The passphrase needs at least 6 characters</translation>
    </message>
    <message>
        <source>两次输入的口令不一致</source>
        <translation>The two passphrases differ</translation>
    </message>
    <message>
        <source>请选择签名证书的保存位置</source>
        <translation>Please choose where to save the identity</translation>
    </message>
</context>
<context>
    <name>DimensionChart</name>
    <message>
        <source>{0}/{1}（{2}）</source>
        <translation>{0}/{1} ({2})</translation>
    </message>
</context>
<context>
    <name>DocumentsDialog</name>
    <message>
        <source>生成文档</source>
        <translation>Generate document</translation>
    </message>
    <message>
        <source>（不使用事务所模板）</source>
        <translation>(no firm template)</translation>
    </message>
    <message>
        <source>选择模板…</source>
        <translation>Choose template…</translation>
    </message>
    <message>
        <source>文档</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>出具名义</source>
        <translation>Issued in the name of</translation>
    </message>
    <message>
        <source>事务所 Word 模板</source>
        <translation>Firm Word template</translation>
    </message>
    <message>
        <source>Word 文档使用标题样式和目录域，可在 Word/WPS 中继续编辑；模板占位符见 docs/word-templates.md。</source>
        <translation>Word documents use heading styles and a table-of-contents field and can be edited further in Word/WPS; template placeholders are described in docs/word-templates.md.</translation>
    </message>
    <message>
        <source>生成…</source>
        <translation>Generate…</translation>
    </message>
    <message>
        <source>选择事务所 Word 模板</source>
        <translation>Choose the firm&apos;s Word template</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>PDF 文档 (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>以评价机构名义</source>
        <translation>In the evaluation agency&apos;s name</translation>
    </message>
    <message>
        <source>以委托方名义</source>
        <translation>In the commissioning body&apos;s name</translation>
    </message>
    <message>
        <source>简版报告</source>
        <translation>Brief report</translation>
    </message>
    <message>
        <source>完整版报告</source>
        <translation>Full report</translation>
    </message>
    <message>
        <source>工作方案</source>
        <translation>Work plan</translation>
    </message>
    <message>
        <source>调研函</source>
        <translation>Inquiry letter</translation>
    </message>
    <message>
        <source>资料清单</source>
        <translation>Document request list</translation>
    </message>
    <message>
        <source>问题清单</source>
        <translation>Problem list</translation>
    </message>
    <message>
        <source>工作总结</source>
        <translation>Work summary</translation>
    </message>
    <message>
        <source>调研提纲</source>
        <translation>Inquiry outline</translation>
    </message>
    <message>
        <source>调研安排</source>
        <translation>Site visit schedule</translation>
    </message>
    <message>
        <source>归档目录</source>
        <translation>Archive index</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx);;所有文件 (*)</source>
        <translation>Word documents (*.docx);;All files (*)</translation>
    </message>
    <message>
        <source>保存文档</source>
        <translation>Save document</translation>
    </message>
    <message>
        <source>已写入：{0}</source>
        <translation>Written: {0}</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <source>导出评价…</source>
        <translation>Export evaluation…</translation>
    </message>
    <message>
        <source>导出成员工作包…</source>
        <translation>Export member work package…</translation>
    </message>
    <message>
        <source>导入并合并…</source>
        <translation>Import and merge…</translation>
    </message>
    <message>
        <source>解决合并冲突…</source>
        <translation>Resolve merge conflicts…</translation>
    </message>
    <message>
        <source>记录历史…</source>
        <translation>Record history…</translation>
    </message>
    <message>
        <source>密码（留空则不加密）：</source>
        <translation>Password (leave empty for no encryption):</translation>
    </message>
    <message>
        <source>再次输入密码：</source>
        <translation>Enter the password again:</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The passwords do not match</translation>
    </message>
    <message>
        <source>评价小组中还没有成员</source>
        <translation>The evaluation team has no members yet</translation>
    </message>
    <message>
        <source>导出成员工作包</source>
        <translation>Export member work package</translation>
    </message>
    <message>
        <source>成员：</source>
        <translation>Member:</translation>
    </message>
    <message>
        <source>导出评价</source>
        <translation>Export evaluation</translation>
    </message>
    <message>
        <source>（导出）</source>
        <translation> (export)</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>已导出到 {0}</source>
        <translation>Exported to {0}</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>导入并合并</source>
        <translation>Import and merge</translation>
    </message>
    <message>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <source>该文件已加密，请输入密码：</source>
        <translation>This file is encrypted. Enter the password:</translation>
    </message>
    <message>
        <source>合并完成，有冲突待解决</source>
        <translation>Merge finished; conflicts to resolve</translation>
    </message>
    <message>
        <source>合并完成</source>
        <translation>Merge finished</translation>
    </message>
    <message>
        <source>正在检查并合并…</source>
        <translation>Checking and merging…</translation>
    </message>
    <message>
        <source>未导入</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <source>交换(&amp;E)</source>
        <translation>&amp;Exchange</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <source>被评价单位意见</source>
        <translation>Evaluated unit&apos;s comments</translation>
    </message>
    <message>
        <source>意见</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>采纳情况</source>
        <translation>Adoption</translation>
    </message>
    <message>
        <source>说明（如何修改或不采纳的理由）</source>
        <translation>Explanation (what changed, or why not adopted)</translation>
    </message>
    <message>
        <source>采纳</source>
        <translation>Adopted</translation>
    </message>
    <message>
        <source>部分采纳</source>
        <translation>Partly adopted</translation>
    </message>
    <message>
        <source>未采纳</source>
        <translation>Not adopted</translation>
    </message>
</context>
<context>
    <name>FinanceView</name>
    <message>
        <source>收入预算执行率</source>
        <translation>Income budget execution rate</translation>
    </message>
    <message>
        <source>支出预算执行率</source>
        <translation>Expenditure budget execution rate</translation>
    </message>
    <message>
        <source>收入预算偏差率</source>
        <translation>Income budget deviation rate</translation>
    </message>
    <message>
        <source>支出预算偏差率</source>
        <translation>Expenditure budget deviation rate</translation>
    </message>
    <message>
        <source>当年收支结余（万元）</source>
        <translation>Current-year surplus (10k yuan)</translation>
    </message>
    <message>
        <source>期初余额（万元）</source>
        <translation>Opening balance (10k yuan)</translation>
    </message>
    <message>
        <source>年末滚存结余（万元）</source>
        <translation>Year-end accumulated balance (10k yuan)</translation>
    </message>
    <message>
        <source>累计结余可支付月数</source>
        <translation>Months of payment coverage</translation>
    </message>
    <message>
        <source>收入同比增长</source>
        <translation>Income growth (year on year)</translation>
    </message>
    <message>
        <source>支出同比增长</source>
        <translation>Expenditure growth (year on year)</translation>
    </message>
    <message>
        <source>工伤预防费上限（万元）</source>
        <translation>Injury prevention expense cap (10k yuan)</translation>
    </message>
    <message>
        <source>工伤预防费占上年保险费收入</source>
        <translation>Injury prevention expense / prior-year premium income</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>导入基金收支表…</source>
        <translation>Import fund statement…</translation>
    </message>
    <message>
        <source>手工录入收支…</source>
        <translation>Enter statement by hand…</translation>
    </message>
    <message>
        <source>业务数据…</source>
        <translation>Business data…</translation>
    </message>
    <message>
        <source>下载空白模板…</source>
        <translation>Download blank template…</translation>
    </message>
    <message>
        <source>行次</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>预算数</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>调整后预算数</source>
        <translation>Adjusted budget</translation>
    </message>
    <message>
        <source>执行数</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>执行率</source>
        <translation>Execution rate</translation>
    </message>
    <message>
        <source>偏差率</source>
        <translation>Deviation rate</translation>
    </message>
    <message>
        <source>同比增长</source>
        <translation>Growth (YoY)</translation>
    </message>
    <message>
        <source>基金收支（万元）</source>
        <translation>Fund income and expenditure (10k yuan)</translation>
    </message>
    <message>
        <source>测算指标</source>
        <translation>Derived indicators</translation>
    </message>
    <message>
        <source>工伤预防费上限：上年工伤保险费收入的百分比（人社部规〔2017〕13号为3%，省级批准可提高）</source>
        <translation>Injury prevention expense cap: percentage of the prior year&apos;s work-injury insurance premium income (3% under 人社部规〔2017〕13号; may be raised with provincial approval)</translation>
    </message>
    <message>
        <source>工伤预防费上限比例（%）</source>
        <translation>Injury prevention cap rate (%)</translation>
    </message>
    <message>
        <source>核对</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>{0}年</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>表中期初余额</source>
        <translation>Opening balance in the statement</translation>
    </message>
    <message>
        <source>上年年末滚存结余</source>
        <translation>Prior year-end accumulated balance</translation>
    </message>
    <message>
        <source>由年末结余倒推</source>
        <translation>Derived from the year-end balance</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>滚存核对：期初余额由年末结余倒推，无法核对</source>
        <translation>Roll-forward check: the opening balance is derived from the year-end balance and cannot be checked</translation>
    </message>
    <message>
        <source>滚存核对：缺少期初余额或收支数据，无法核对</source>
        <translation>Roll-forward check: opening balance or income/expenditure missing; cannot be checked</translation>
    </message>
    <message>
        <source>导入基金收支表</source>
        <translation>Import fund statement</translation>
    </message>
</context>
<context>
    <name>FinanceWindow</name>
    <message>
        <source>基金收支</source>
        <translation>Fund income and expenditure</translation>
    </message>
</context>
<context>
    <name>FindingLibraryDialog</name>
    <message>
        <source>问题库</source>
        <translation>Finding library</translation>
    </message>
    <message>
        <source>搜索标题、依据、原因、建议…</source>
        <translation>Search titles, basis, causes, recommendations…</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>用所选条目新建问题</source>
        <translation>New problem from the selected entry</translation>
    </message>
    <message>
        <source>存入问题库</source>
        <translation>Save to library</translation>
    </message>
    <message>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>本评价的问题：</source>
        <translation>Problems of this evaluation:</translation>
    </message>
    <message>
        <source>原因：{0}
建议：{1}
证明材料：{2}</source>
        <translation>Cause: {0}
Recommendation: {1}
Supporting evidence: {2}</translation>
    </message>
    <message>
        <source>导入问题库</source>
        <translation>Import finding library</translation>
    </message>
    <message>
        <source>问题库 (*.json);;所有文件 (*)</source>
        <translation>Finding library (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>新增 {0} 条，更新 {1} 条，跳过 {2} 条</source>
        <translation>{0} added, {1} updated, {2} skipped</translation>
    </message>
    <message>
        <source>导出问题库</source>
        <translation>Export finding library</translation>
    </message>
</context>
<context>
    <name>FindingsPage</name>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>新条目</source>
        <translation>New item</translation>
    </message>
    <message>
        <source>完整性检查</source>
        <translation>Readiness check</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>原因分析</source>
        <translation>Cause analysis</translation>
    </message>
    <message>
        <source>正文</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>问题的依据（指标、工作底稿、证据）</source>
        <translation>Basis of the problem (indicators, working papers, evidence)</translation>
    </message>
    <message>
        <source>关联</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>取消关联</source>
        <translation>Unlink</translation>
    </message>
    <message>
        <source>该建议针对的问题</source>
        <translation>Problems this recommendation answers</translation>
    </message>
    <message>
        <source>在左侧选择一个条目进行编辑。</source>
        <translation>Select an item on the left to edit it.</translation>
    </message>
    <message>
        <source>报告中显示为：</source>
        <translation>In the report: </translation>
    </message>
    <message>
        <source>修改“{0}”</source>
        <translation>Edit “{0}”</translation>
    </message>
    <message>
        <source>（经关联指标/底稿）</source>
        <translation> (via a linked indicator/working paper)</translation>
    </message>
    <message>
        <source>该评价文件不支持问题关联（文件版本较旧）。</source>
        <translation>This evaluation file does not support finding links (older file version).</translation>
    </message>
    <message>
        <source>尚未关联任何指标、工作底稿或证据。</source>
        <translation>No indicator, working paper or evidence linked yet.</translation>
    </message>
    <message>
        <source>（没有可关联的{0}）</source>
        <translation>(nothing of type {0} to link)</translation>
    </message>
    <message>
        <source>（无标题）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>建议对应的问题不存在：{0}</source>
        <translation>The problem the recommendation answers does not exist: {0}</translation>
    </message>
    <message>
        <source>修改建议对应的问题</source>
        <translation>Edit the problems answered</translation>
    </message>
</context>
<context>
    <name>GradeBandsDialog</name>
    <message>
        <source>等级划分</source>
        <translation>Grade bands</translation>
    </message>
    <message>
        <source>综合评分不低于下限即评为该等级。请从高到低填写，最低一档从 0 分起。</source>
        <translation>A total score at or above a lower bound gets that grade. Fill in from high to low; the lowest band starts at 0 points.</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>分数下限（含）</source>
        <translation>Lower bound (inclusive)</translation>
    </message>
    <message>
        <source>最低一档从 0 分起</source>
        <translation>The lowest band starts at 0 points</translation>
    </message>
    <message>
        <source>恢复默认（90/80/60）</source>
        <translation>Restore default (90/80/60)</translation>
    </message>
    <message>
        <source>即：{0}</source>
        <translation>That is: {0}</translation>
    </message>
    <message>
        <source>等级划分有误</source>
        <translation>Grade bands not accepted</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>修改人</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>（新建）</source>
        <translation>(new)</translation>
    </message>
    <message>
        <source>本文件</source>
        <translation>This file</translation>
    </message>
</context>
<context>
    <name>IndependenceEditor</name>
    <message>
        <source>未声明</source>
        <translation>Not declared</translation>
    </message>
    <message>
        <source>独立（{0}）</source>
        <translation>Independent ({0})</translation>
    </message>
    <message>
        <source>不独立（{0}）：{1}</source>
        <translation>Not independent ({0}): {1}</translation>
    </message>
    <message>
        <source>独立性声明</source>
        <translation>Independence declaration</translation>
    </message>
    <message>
        <source>独立</source>
        <translation>Independent</translation>
    </message>
    <message>
        <source>不独立</source>
        <translation>Not independent</translation>
    </message>
    <message>
        <source>说明（声明“不独立”时必填：与委托方或被评价单位的关系）</source>
        <translation>Explanation (required for “not independent”: the relationship with the commissioning body or the evaluated unit)</translation>
    </message>
    <message>
        <source>保存声明</source>
        <translation>Save declaration</translation>
    </message>
    <message>
        <source>成员</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>声明日期</source>
        <translation>Declared on</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>尚未添加评价小组成员：添加成员后，每位成员须填写独立性声明。</source>
        <translation>No team members yet: once members are added, each must make an independence declaration.</translation>
    </message>
    <message>
        <source>独立性待处理：</source>
        <translation>Independence pending:</translation>
    </message>
    <message>
        <source>全部成员均已声明具备独立性。</source>
        <translation>All members have declared their independence.</translation>
    </message>
</context>
<context>
    <name>IndicatorTreeModel</name>
    <message>
        <source>编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>指标名称</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>分值</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>扣分原因</source>
        <translation>Reason for deduction</translation>
    </message>
    <message>
        <source>评价情况（实际值）</source>
        <translation>Finding (actual value)</translation>
    </message>
    <message>
        <source>“{0}”得分 {1} 低于分值 {2}，请填写扣分原因：</source>
        <translation>The score {1} of “{0}” is below its weight {2}. Please give the deduction reason:</translation>
    </message>
</context>
<context>
    <name>InterviewForm</name>
    <message>
        <source>姓名或职务，如 基金科科长</source>
        <translation>Name or position, e.g. head of the fund section</translation>
    </message>
    <message>
        <source>被访谈人</source>
        <translation>Interviewee</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>访谈日期</source>
        <translation>Interview date</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>访谈人</source>
        <translation>Interviewer</translation>
    </message>
    <message>
        <source>关联指标</source>
        <translation>Linked indicators</translation>
    </message>
    <message>
        <source>访谈摘要</source>
        <translation>Summary</translation>
    </message>
</context>
<context>
    <name>InterviewTableModel</name>
    <message>
        <source>被访谈人</source>
        <translation>Interviewee</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>访谈人</source>
        <translation>Interviewer</translation>
    </message>
    <message>
        <source>摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>关联指标</source>
        <translation>Linked indicators</translation>
    </message>
</context>
<context>
    <name>InterviewsPanel</name>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>保存访谈记录</source>
        <translation>Save interview record</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>添加访谈记录</source>
        <translation>Add interview record</translation>
    </message>
    <message>
        <source>访谈记录</source>
        <translation>Interview records</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>新建(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>从样例新建…</source>
        <translation>New from sample…</translation>
    </message>
    <message>
        <source>新建空白评价…</source>
        <translation>New empty evaluation…</translation>
    </message>
    <message>
        <source>打开(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>另存为(&amp;A)…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <source>最近打开(&amp;R)</source>
        <translation>&amp;Recent files</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>清除列表</source>
        <translation>Clear list</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>报告步骤：打印报告；其他步骤：打印当前的表格</source>
        <translation>Report step: print the report; other steps: print the current table</translation>
    </message>
    <message>
        <source>首选项(&amp;P)…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <source>用户指南(&amp;G)</source>
        <translation>User &amp;guide</translation>
    </message>
    <message>
        <source>打开日志文件夹(&amp;L)</source>
        <translation>Open &amp;log folder</translation>
    </message>
    <message>
        <source>许可(&amp;I)…</source>
        <translation>L&amp;icences…</translation>
    </message>
    <message>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <source>无法打开评价文件</source>
        <translation>Cannot open the evaluation file</translation>
    </message>
    <message>
        <source>打开评价文件时发现旁边的附属文件</source>
        <translation>Files found beside the evaluation file</translation>
    </message>
    <message>
        <source>打开评价文件</source>
        <translation>Open evaluation file</translation>
    </message>
    <message>
        <source>评价文件</source>
        <translation>Evaluation files</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>从样例新建</source>
        <translation>New from sample</translation>
    </message>
    <message>
        <source>呼和浩特市2021年度绩效评价</source>
        <translation>Hohhot 2021 evaluation</translation>
    </message>
    <message>
        <source>文件已存在，不会覆盖：{0}</source>
        <translation>The file exists and will not be overwritten: {0}</translation>
    </message>
    <message>
        <source>无法新建评价文件</source>
        <translation>Cannot create the evaluation file</translation>
    </message>
    <message>
        <source>新建空白评价</source>
        <translation>New empty evaluation</translation>
    </message>
    <message>
        <source>新建绩效评价</source>
        <translation>New performance evaluation</translation>
    </message>
    <message>
        <source>无法另存为</source>
        <translation>Cannot save as</translation>
    </message>
    <message>
        <source>另存为</source>
        <translation>Save As</translation>
    </message>
    <message>
        <source>（副本）</source>
        <translation> (copy)</translation>
    </message>
    <message>
        <source>首选项</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>界面语言将在重新启动程序后生效。</source>
        <translation>The interface language changes after a restart.</translation>
    </message>
    <message>
        <source>工伤保险基金项目绩效评价工具（离线）</source>
        <translation>Offline performance evaluation of work-injury insurance funds</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>此页没有可打印的表格。</source>
        <translation>This page has no table to print.</translation>
    </message>
    <message>
        <source>用户指南</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>许可</source>
        <translation>Licences</translation>
    </message>
    <message>
        <source>选择归档文件夹（新的或空的文件夹）</source>
        <translation>Choose an archive folder (new or empty)</translation>
    </message>
    <message>
        <source>文档(&amp;O)</source>
        <translation>D&amp;ocuments</translation>
    </message>
    <message>
        <source>生成文档（Word/PDF）…</source>
        <translation>Generate document (Word/PDF)…</translation>
    </message>
    <message>
        <source>绩效目标表审核…</source>
        <translation>Performance target table review…</translation>
    </message>
    <message>
        <source>问题库…</source>
        <translation>Finding library…</translation>
    </message>
    <message>
        <source>归档…</source>
        <translation>Archive…</translation>
    </message>
    <message>
        <source>导入绩效目标表</source>
        <translation>Import performance target table</translation>
    </message>
    <message>
        <source>拒绝：</source>
        <translation>Rejected: </translation>
    </message>
    <message>
        <source>数据(&amp;D)</source>
        <translation>D&amp;ata</translation>
    </message>
    <message>
        <source>基金收支…</source>
        <translation>Fund income and expenditure…</translation>
    </message>
    <message>
        <source>导入基金收支表…</source>
        <translation>Import fund statement…</translation>
    </message>
    <message>
        <source>导入绩效目标表…</source>
        <translation>Import performance target table…</translation>
    </message>
    <message>
        <source>申报目标与细化目标对比…</source>
        <translation>Declared vs. refined targets…</translation>
    </message>
    <message>
        <source>手工录入基金收支…</source>
        <translation>Enter fund statement by hand…</translation>
    </message>
    <message>
        <source>业务数据…</source>
        <translation>Business data…</translation>
    </message>
    <message>
        <source>下载基金收支及业务数据空白模板…</source>
        <translation>Download blank statement and business data template…</translation>
    </message>
</context>
<context>
    <name>NarrativeComposer</name>
    <message>
        <source>插入字段</source>
        <translation>Insert field</translation>
    </message>
    <message>
        <source>采用生成的文字并编辑</source>
        <translation>Adopt the generated text and edit it</translation>
    </message>
    <message>
        <source>恢复为自动生成</source>
        <translation>Reset to generated text</translation>
    </message>
    <message>
        <source>数据字段</source>
        <translation>Data field</translation>
    </message>
    <message>
        <source>报告中显示为（当前数据）</source>
        <translation>As printed in the report (current data)</translation>
    </message>
    <message>
        <source>自撰</source>
        <translation>written</translation>
    </message>
    <message>
        <source>自动生成</source>
        <translation>generated</translation>
    </message>
    <message>
        <source>（未撰写：报告将使用根据数据生成的文字）</source>
        <translation>(Not written: the report uses the text generated from the data)</translation>
    </message>
    <message>
        <source>来源：评价人员撰写</source>
        <translation>Source: written by the evaluator</translation>
    </message>
    <message>
        <source>来源：根据数据自动生成</source>
        <translation>Source: generated from the data</translation>
    </message>
    <message>
        <source>（该部分在报告中没有文字）</source>
        <translation>(This section has no text in the report)</translation>
    </message>
    <message>
        <source>未知字段（报告中将显示为【未知字段】）：{0}</source>
        <translation>Unknown fields (printed as 【未知字段】 in the report): {0}</translation>
    </message>
</context>
<context>
    <name>NarrativeEditor</name>
    <message>
        <source>报告中显示为：</source>
        <translation>In the report: </translation>
    </message>
</context>
<context>
    <name>OwnerDelegate</name>
    <message>
        <source>（未指定）</source>
        <translation>(not assigned)</translation>
    </message>
</context>
<context>
    <name>PanelWidget</name>
    <message>
        <source>算术平均</source>
        <translation>Mean</translation>
    </message>
    <message>
        <source>去掉最高分和最低分后平均</source>
        <translation>Mean without the highest and lowest</translation>
    </message>
    <message>
        <source>专家组合议</source>
        <translation>Panel consensus</translation>
    </message>
    <message>
        <source>组长公开评分</source>
        <translation>Lead reveals the scores</translation>
    </message>
    <message>
        <source>汇总写入指标得分</source>
        <translation>Write the aggregate to the indicator scores</translation>
    </message>
    <message>
        <source>评分人</source>
        <translation>Scorer</translation>
    </message>
    <message>
        <source>汇总方法</source>
        <translation>Aggregation method</translation>
    </message>
    <message>
        <source>保存我的评分</source>
        <translation>Save my scores</translation>
    </message>
    <message>
        <source>我的得分</source>
        <translation>My score</translation>
    </message>
    <message>
        <source>扣分说明</source>
        <translation>Deduction reason</translation>
    </message>
    <message>
        <source>记录合议得分</source>
        <translation>Record agreed score</translation>
    </message>
    <message>
        <source>合议得分</source>
        <translation>Agreed score</translation>
    </message>
    <message>
        <source>合议说明</source>
        <translation>Reason agreed</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>汇总方法选“专家组合议”时记录合议得分</source>
        <translation>Record the agreed score when the aggregation method is “panel consensus”</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>分值</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>极差</source>
        <translation>Range</translation>
    </message>
    <message>
        <source>汇总</source>
        <translation>Aggregate</translation>
    </message>
    <message>
        <source>合议</source>
        <translation>Agreed</translation>
    </message>
    <message>
        <source>尚无专家评分。</source>
        <translation>No expert scores yet.</translation>
    </message>
</context>
<context>
    <name>PaperEntryDialog</name>
    <message>
        <source>录入纸质问卷：{0}</source>
        <translation>Enter paper questionnaires: {0}</translation>
    </message>
    <message>
        <source>问卷编号（可不填）</source>
        <translation>Questionnaire number (optional)</translation>
    </message>
    <message>
        <source>填写日期，如 2022-03-01（可不填）</source>
        <translation>Date filled in, e.g. 2022-03-01 (optional)</translation>
    </message>
    <message>
        <source>问卷编号</source>
        <translation>Questionnaire number</translation>
    </message>
    <message>
        <source>填写日期</source>
        <translation>Date filled in</translation>
    </message>
    <message>
        <source>（未作答）</source>
        <translation>(no answer)</translation>
    </message>
    <message>
        <source>保存并录入下一份</source>
        <translation>Save and enter the next</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>本次已录入 {0} 份</source>
        <translation>{0} entered in this session</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>尚无可预览的报告。</source>
        <translation>No report to preview yet.</translation>
    </message>
    <message>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>缩放</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>第 {0} / {1} 页</source>
        <translation>Page {0} of {1}</translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <source>成本效益分析法</source>
        <translation>Cost-benefit analysis</translation>
    </message>
    <message>
        <source>比较法</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <source>因素分析法</source>
        <translation>Factor analysis</translation>
    </message>
    <message>
        <source>最低成本法</source>
        <translation>Least cost</translation>
    </message>
    <message>
        <source>公众评判法</source>
        <translation>Public assessment</translation>
    </message>
    <message>
        <source>标杆管理法</source>
        <translation>Benchmarking</translation>
    </message>
    <message>
        <source>计划标准</source>
        <translation>Plan standard</translation>
    </message>
    <message>
        <source>行业标准</source>
        <translation>Industry standard</translation>
    </message>
    <message>
        <source>历史标准</source>
        <translation>Historical standard</translation>
    </message>
    <message>
        <source>其他标准</source>
        <translation>Other standard</translation>
    </message>
    <message>
        <source>评价目的、对象与范围</source>
        <translation>Objectives, object and scope</translation>
    </message>
    <message>
        <source>评价目的</source>
        <translation>Objectives</translation>
    </message>
    <message>
        <source>评价对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>评价范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>评价方法（财预〔2020〕10号）</source>
        <translation>Methods (财预〔2020〕10号)</translation>
    </message>
    <message>
        <source>评价标准</source>
        <translation>Standards</translation>
    </message>
    <message>
        <source>评价依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>文件名称</source>
        <translation>Document title</translation>
    </message>
    <message>
        <source>发文机关</source>
        <translation>Issuing authority</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>新文件</source>
        <translation>New document</translation>
    </message>
    <message>
        <source>添加依据</source>
        <translation>Add basis</translation>
    </message>
    <message>
        <source>工作安排（阶段、时间、负责人）</source>
        <translation>Schedule (phases, dates, owners)</translation>
    </message>
    <message>
        <source>阶段</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>工作内容</source>
        <translation>Work</translation>
    </message>
    <message>
        <source>新阶段</source>
        <translation>New phase</translation>
    </message>
    <message>
        <source>添加阶段</source>
        <translation>Add phase</translation>
    </message>
    <message>
        <source>报告第二部分预览（评价依据与工作过程）</source>
        <translation>Preview of report part two (basis and work process)</translation>
    </message>
    <message>
        <source>评价依据：</source>
        <translation>Basis:</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>首选项</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>默认评价机构</source>
        <translation>Default agency</translation>
    </message>
    <message>
        <source>默认签名人</source>
        <translation>Default signer</translation>
    </message>
</context>
<context>
    <name>ReadinessView</name>
    <message>
        <source>检查通过：没有发现问题。</source>
        <translation>Check passed: no problems found.</translation>
    </message>
    <message>
        <source>{0} 项需要修改，{1} 项提示。</source>
        <translation>{0} to fix, {1} hints.</translation>
    </message>
    <message>
        <source>确认未重复扣分</source>
        <translation>Confirm no double deduction</translation>
    </message>
    <message>
        <source>确认这些指标的扣分针对不同事实、没有重复扣分？</source>
        <translation>Confirm that these indicators are deducted for different facts and nothing is deducted twice?</translation>
    </message>
</context>
<context>
    <name>RecordHistoryDialog</name>
    <message>
        <source>记录历史</source>
        <translation>Record history</translation>
    </message>
    <message>
        <source>{0} 的修改历史（共 {1} 条）</source>
        <translation>Change history of {0} ({1} entries)</translation>
    </message>
</context>
<context>
    <name>RecordListControls</name>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>添加一行，并开始编辑它的第一格</source>
        <translation>Add a row and start editing its first cell</translation>
    </message>
    <message>
        <source>删除所选的行（可撤销：Ctrl+Z）</source>
        <translation>Remove the selected row (undo: Ctrl+Z)</translation>
    </message>
    <message>
        <source>把所选的行上移一位</source>
        <translation>Move the selected row up</translation>
    </message>
    <message>
        <source>把所选的行下移一位</source>
        <translation>Move the selected row down</translation>
    </message>
</context>
<context>
    <name>RecordPickerDialog</name>
    <message>
        <source>选择记录</source>
        <translation>Choose a record</translation>
    </message>
    <message>
        <source>表</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>（已删除）</source>
        <translation>(deleted)</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>修改“{0}”</source>
        <translation>Edit “{0}”</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>评价已锁定</source>
        <translation>Evaluation locked</translation>
    </message>
    <message>
        <source>报告已最终签署，评价已锁定。如需修改，请说明解除锁定的原因（将记入评价的修改记录）。已签署的报告保持不变；修改后需要重新生成并签署报告。</source>
        <translation>The report has been finally signed and the evaluation is locked. To change it, give the reason for reopening it (kept in the evaluation&apos;s history). The signed report stays as it is; after changes, generate and sign the report again.</translation>
    </message>
    <message>
        <source>解除锁定的原因，例如：委托方要求更正第三部分的数据</source>
        <translation>Reason for reopening, e.g. the commissioning body asked to correct the figures in part three</translation>
    </message>
    <message>
        <source>解除锁定并修改</source>
        <translation>Reopen and edit</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>生成报告</source>
        <translation>Generate report</translation>
    </message>
    <message>
        <source>简式报告（与样例报告结构一致）</source>
        <translation>Brief report (structure of the sample report)</translation>
    </message>
    <message>
        <source>完整报告（财预〔2020〕10号 报告提纲，含附件）</source>
        <translation>Full report (outline of 财预〔2020〕10号, with appendices)</translation>
    </message>
    <message>
        <source>简式</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>完整</source>
        <translation>Full</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>征求意见稿</source>
        <translation>Draft for comments</translation>
    </message>
    <message>
        <source>正式稿</source>
        <translation>Final version</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>生成后用签名证书签名</source>
        <translation>Sign with the signing identity after generating</translation>
    </message>
    <message>
        <source>最终签署（签署后评价锁定，修改须说明原因）</source>
        <translation>Final signature (locks the evaluation; changes then need a reason)</translation>
    </message>
    <message>
        <source>生成 PDF 报告</source>
        <translation>Generate PDF report</translation>
    </message>
    <message>
        <source>如：内鑫评字〔2022〕第 18 号</source>
        <translation>e.g. 内鑫评字〔2022〕第 18 号</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>报告模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>报告编号</source>
        <translation>Report number</translation>
    </message>
    <message>
        <source>保存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>签名证书</source>
        <translation>Signing identity</translation>
    </message>
    <message>
        <source>创建签名证书…</source>
        <translation>Create signing identity…</translation>
    </message>
    <message>
        <source>使用已有证书 (.p12/.pfx)…</source>
        <translation>Use existing identity (.p12/.pfx)…</translation>
    </message>
    <message>
        <source>不选则签名处只显示签署人和时间</source>
        <translation>Without a seal the signature shows only the signer and the time</translation>
    </message>
    <message>
        <source>选择印章图片…</source>
        <translation>Choose seal image…</translation>
    </message>
    <message>
        <source>当前证书</source>
        <translation>Current identity</translation>
    </message>
    <message>
        <source>证书口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>印章图片 (PNG)</source>
        <translation>Seal image (PNG)</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>尚未生成报告。</source>
        <translation>No report generated yet.</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>签名此报告</source>
        <translation>Sign this report</translation>
    </message>
    <message>
        <source>验证签名</source>
        <translation>Verify signatures</translation>
    </message>
    <message>
        <source>用其他程序打开</source>
        <translation>Open in another application</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>解除锁定…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <source>报告完整性检查</source>
        <translation>Report readiness check</translation>
    </message>
    <message>
        <source>生成与签名</source>
        <translation>Generate and sign</translation>
    </message>
    <message>
        <source>报告文字</source>
        <translation>Report text</translation>
    </message>
    <message>
        <source>生成报告后在此预览；也可预览已保存的报告。</source>
        <translation>Generated reports are previewed here; kept reports can be previewed too.</translation>
    </message>
    <message>
        <source>预览与打印</source>
        <translation>Preview and print</translation>
    </message>
    <message>
        <source>每次生成或签名的报告都保存在评价文件中（SHA-256 校验），可随时另存出来。</source>
        <translation>Every generated or signed report is kept in the evaluation file (checked by SHA-256) and can be saved out again at any time.</translation>
    </message>
    <message>
        <source>生成时间</source>
        <translation>Generated at</translation>
    </message>
    <message>
        <source>报告</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>签名人</source>
        <translation>Signers</translation>
    </message>
    <message>
        <source>最终</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>已保存的报告</source>
        <translation>Kept reports</translation>
    </message>
    <message>
        <source>被评价单位对征求意见稿的意见及采纳情况，列入正式稿附件。</source>
        <translation>The evaluated unit&apos;s comments on the draft for comments and how they were taken up; listed in an appendix of the final version.</translation>
    </message>
    <message>
        <source>意见</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>采纳情况</source>
        <translation>Adoption</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>添加意见…</source>
        <translation>Add comment…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>被评价单位意见</source>
        <translation>Evaluated unit&apos;s comments</translation>
    </message>
    <message>
        <source>报告模块不可用（安装不完整）。</source>
        <translation>The report module is not available (incomplete installation).</translation>
    </message>
    <message>
        <source>选择印章图片</source>
        <translation>Choose seal image</translation>
    </message>
    <message>
        <source>PNG 图片 (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>将生成“{0}”（每页标注），不能最终签署；完整性检查有 {1} 项待完成。</source>
        <translation>A “{0}” will be generated (marked on every page) and cannot be signed final; the readiness check lists {1} open items.</translation>
    </message>
    <message>
        <source>完整性检查通过：将生成正式稿，可以最终签署。</source>
        <translation>Readiness check passed: the final version will be generated and may be signed final.</translation>
    </message>
    <message>
        <source>未选择（可创建或选择已有证书）</source>
        <translation>None (create one or choose an existing one)</translation>
    </message>
    <message>
        <source>评价文件中已保存 {0} 份报告，最近一份：{1}（{2}）</source>
        <translation>{0} report(s) kept in the evaluation file; the latest: {1} ({2})</translation>
    </message>
    <message>
        <source>🔒 报告已最终签署，评价已锁定。修改任何内容前须说明原因解除锁定。</source>
        <translation>🔒 The report has been finally signed; the evaluation is locked. Any change first needs a reason to reopen it.</translation>
    </message>
    <message>
        <source>评价未锁定。勾选“最终签署”签名后，评价将被锁定。</source>
        <translation>The evaluation is not locked. Signing with “Final signature” ticked locks it.</translation>
    </message>
    <message>
        <source>（未签名）</source>
        <translation>(unsigned)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>已保存的报告（{0}）</source>
        <translation>Kept reports ({0})</translation>
    </message>
    <message>
        <source>报告保存为</source>
        <translation>Save report as</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>请输入签名证书的口令</source>
        <translation>Please enter the identity&apos;s passphrase</translation>
    </message>
    <message>
        <source>正在生成报告…</source>
        <translation>Generating the report…</translation>
    </message>
    <message>
        <source>正在生成报告</source>
        <translation>Generating report</translation>
    </message>
    <message>
        <source>正在签名</source>
        <translation>Signing</translation>
    </message>
    <message>
        <source>正在验证签名</source>
        <translation>Verifying signatures</translation>
    </message>
    <message>
        <source>报告已保存：{0}</source>
        <translation>Report saved: {0}</translation>
    </message>
    <message>
        <source>当前报告：{0}</source>
        <translation>Current report: {0}</translation>
    </message>
    <message>
        <source>该报告没有签名。</source>
        <translation>The report is not signed.</translation>
    </message>
    <message>
        <source>签名状态：</source>
        <translation>Signatures:</translation>
    </message>
    <message>
        <source>已取消，未写入报告。</source>
        <translation>Cancelled; no report was written.</translation>
    </message>
    <message>
        <source>未能完成：{0}</source>
        <translation>Not completed: {0}</translation>
    </message>
    <message>
        <source>发生意外错误。</source>
        <translation>An unexpected error occurred.</translation>
    </message>
    <message>
        <source>已保存的报告：{0}（{1}）</source>
        <translation>Kept report: {0} ({1})</translation>
    </message>
    <message>
        <source>另存报告</source>
        <translation>Save report as</translation>
    </message>
    <message>
        <source>已另存报告：{0}</source>
        <translation>Report saved as: {0}</translation>
    </message>
    <message>
        <source>文件已存在，不会覆盖：{0}</source>
        <translation>The file exists and will not be overwritten: {0}</translation>
    </message>
    <message>
        <source>签名证书已创建：{0}</source>
        <translation>Signing identity created: {0}</translation>
    </message>
    <message>
        <source>选择签名证书</source>
        <translation>Choose signing identity</translation>
    </message>
    <message>
        <source>签名证书 (*.p12 *.pfx);;所有文件 (*)</source>
        <translation>Signing certificates (*.p12 *.pfx);;All files (*)</translation>
    </message>
</context>
<context>
    <name>RequestImport</name>
    <message>
        <source>导入资料清单</source>
        <translation>Import request list</translation>
    </message>
    <message>
        <source>表格 (*.xlsx *.xlsm *.xls *.csv);;所有文件 (*)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>正在读取资料清单</source>
        <translation>Reading the request list</translation>
    </message>
    <message>
        <source>无法导入资料清单</source>
        <translation>Cannot import the request list</translation>
    </message>
</context>
<context>
    <name>RequestImportDialog</name>
    <message>
        <source>导入资料清单</source>
        <translation>Import request list</translation>
    </message>
    <message>
        <source>文件：{0}（工作表“{1}”）
将新增 {2} 项，更新 {3} 项（按编号对应），{4} 项无变化。可撤销。</source>
        <translation>File: {0} (sheet “{1}”)
{2} items will be added and {3} updated (matched by code); {4} unchanged. Can be undone.</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>（自动编号）</source>
        <translation>(automatic code)</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>{0} → {1}</source>
        <translation>{0} → {1}</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>资料名称</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>绩效评价工作开展情况（报告第二部分）</source>
        <translation>How the evaluation was carried out (report part 2)</translation>
    </message>
    <message>
        <source>现场资料核查清单</source>
        <translation>On-site document review</translation>
    </message>
    <message>
        <source>资料核查清单（调取资料、核查要点、发现的问题）将在此处提供，尚未开放。</source>
        <translation>The document review checklist (documents requested, points checked, issues found) will appear here; not available yet.</translation>
    </message>
    <message>
        <source>满意度与知晓度调查</source>
        <translation>Satisfaction and awareness survey</translation>
    </message>
    <message>
        <source>工作开展情况（报告第二部分）</source>
        <translation>Work process (report part 2)</translation>
    </message>
</context>
<context>
    <name>RollupDialog</name>
    <message>
        <source>汇总分析</source>
        <translation>Roll-up analysis</translation>
    </message>
    <message>
        <source>选择多个评价文件或所在文件夹进行汇总。文件只读打开，不做备份、不升级、不写入；无法读取的文件会列出原因。双击表格中的一行可打开该评价。</source>
        <translation>Choose several evaluation files or their folders to roll up. Files are opened read-only: no backup, no upgrade, no write; files that cannot be read are listed with the reason. Double-click a row to open that evaluation.</translation>
    </message>
    <message>
        <source>添加文件夹…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>开始汇总</source>
        <translation>Roll up</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>尚未选择文件</source>
        <translation>No files chosen yet</translation>
    </message>
    <message>
        <source>得分图</source>
        <translation>Score chart</translation>
    </message>
    <message>
        <source>选择评价文件所在文件夹</source>
        <translation>Choose the folder of the evaluation files</translation>
    </message>
    <message>
        <source>选择评价文件</source>
        <translation>Choose evaluation files</translation>
    </message>
    <message>
        <source>评价文件</source>
        <translation>Evaluation files</translation>
    </message>
    <message>
        <source>所有文件</source>
        <translation>All files</translation>
    </message>
    <message>
        <source>已选择：</source>
        <translation>Chosen: </translation>
    </message>
    <message>
        <source>正在汇总评价文件…</source>
        <translation>Rolling up evaluation files…</translation>
    </message>
    <message>
        <source>汇总已取消。</source>
        <translation>Roll-up cancelled.</translation>
    </message>
    <message>
        <source>无法汇总</source>
        <translation>Cannot roll up</translation>
    </message>
    <message numerus="yes">
        <source>已汇总 %n 个评价文件</source>
        <translation>
            <numerusform>Rolled up %n evaluation file</numerusform>
            <numerusform>Rolled up %n evaluation files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>；未纳入 %n 个文件（原因见“来源与核验”）</source>
        <translation>
            <numerusform>; %n file left out (see “Provenance and checks” for why)</numerusform>
            <numerusform>; %n files left out (see “Provenance and checks” for why)</numerusform>
        </translation>
    </message>
    <message>
        <source>汇总</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>排名</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <source>指标得分率</source>
        <translation>Indicator score rates</translation>
    </message>
    <message>
        <source>基金收支</source>
        <translation>Fund income and spending</translation>
    </message>
    <message>
        <source>常见问题</source>
        <translation>Common problems</translation>
    </message>
    <message>
        <source>满意度与知晓率</source>
        <translation>Satisfaction and awareness</translation>
    </message>
    <message>
        <source>来源与核验</source>
        <translation>Provenance and checks</translation>
    </message>
    <message>
        <source>导出汇总表</source>
        <translation>Export roll-up workbook</translation>
    </message>
    <message>
        <source>正在写入汇总表…</source>
        <translation>Writing the roll-up workbook…</translation>
    </message>
    <message>
        <source>已导出：</source>
        <translation>Exported: </translation>
    </message>
    <message>
        <source>汇总分析(&amp;U)…</source>
        <translation>Roll-&amp;up analysis…</translation>
    </message>
</context>
<context>
    <name>RuleParamsForm</name>
    <message>
        <source>基金收入预算执行率</source>
        <translation>Fund income budget execution rate</translation>
    </message>
    <message>
        <source>基金支出预算执行率</source>
        <translation>Fund expenditure budget execution rate</translation>
    </message>
    <message>
        <source>收入预算偏差率</source>
        <translation>Income budget deviation rate</translation>
    </message>
    <message>
        <source>支出预算偏差率</source>
        <translation>Expenditure budget deviation rate</translation>
    </message>
    <message>
        <source>累计结余可支付月数</source>
        <translation>Months of payment coverage</translation>
    </message>
    <message>
        <source>基金收入比上年增长率</source>
        <translation>Fund income growth on prior year</translation>
    </message>
    <message>
        <source>基金支出比上年增长率</source>
        <translation>Fund expenditure growth on prior year</translation>
    </message>
    <message>
        <source>工伤保险费征缴完成率</source>
        <translation>Premium collection rate</translation>
    </message>
    <message>
        <source>工伤预防费占上年工伤保险费收入比例</source>
        <translation>Injury prevention expense / prior-year premium income</translation>
    </message>
    <message>
        <source>工伤预防费占规定上限的比例</source>
        <translation>Injury prevention expense / its cap</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <source>政策知晓率</source>
        <translation>Policy awareness rate</translation>
    </message>
    <message>
        <source>人工评分：由评价人员对照评分标准填写得分和扣分原因，无需参数。</source>
        <translation>Manual scoring: the evaluator enters the score and deduction reason against the scoring standard; no parameters.</translation>
    </message>
    <message>
        <source>比率法（实际值÷目标值）</source>
        <translation>Ratio (actual ÷ target)</translation>
    </message>
    <message>
        <source>区间赋分</source>
        <translation>Bands</translation>
    </message>
    <message>
        <source>手工填写实际值</source>
        <translation>Actual value typed in</translation>
    </message>
    <message>
        <source>越高越好</source>
        <translation>Higher is better</translation>
    </message>
    <message>
        <source>越低越好（反向指标）</source>
        <translation>Lower is better (reverse indicator)</translation>
    </message>
    <message>
        <source>按绝对值比较（如偏差率 −12% 视为 12%）</source>
        <translation>Compare the absolute value (a deviation of −12% counts as 12%)</translation>
    </message>
    <message>
        <source>阈值</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <source>得分（分或“40%”）</source>
        <translation>Points (or “40%”)</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>计算方法</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>取值来源</source>
        <translation>Value from</translation>
    </message>
    <message>
        <source>实际值</source>
        <translation>Actual value</translation>
    </message>
    <message>
        <source>目标值</source>
        <translation>Target value</translation>
    </message>
    <message>
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>区间</source>
        <translation>Bands</translation>
    </message>
    <message>
        <source>不在任何区间时得分</source>
        <translation>Points outside every band</translation>
    </message>
    <message>
        <source>每次扣分</source>
        <translation>Points per occurrence</translation>
    </message>
    <message>
        <source>扣分上限（可空）</source>
        <translation>Deduction cap (optional)</translation>
    </message>
    <message>
        <source>要点/事项</source>
        <translation>Elements / items</translation>
    </message>
    <message>
        <source>未评定</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <source>满足</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>不满足</source>
        <translation>Not met</translation>
    </message>
    <message>
        <source>要点</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>分值（可空）</source>
        <translation>Points (optional)</translation>
    </message>
    <message>
        <source>评定</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>次数</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>每次扣分（可空）</source>
        <translation>Points each (optional)</translation>
    </message>
</context>
<context>
    <name>ScoreSheet</name>
    <message>
        <source>导出评分表</source>
        <translation>Export score sheet</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>已导出评分表：{0}</source>
        <translation>Score sheet exported: {0}</translation>
    </message>
    <message>
        <source>导入评分表</source>
        <translation>Import score sheet</translation>
    </message>
    <message>
        <source>评分表 (*.xlsx *.xlsm *.xls);;所有文件 (*)</source>
        <translation>Score sheets (*.xlsx *.xlsm *.xls);;All files (*)</translation>
    </message>
    <message>
        <source>正在读取评分表</source>
        <translation>Reading the score sheet</translation>
    </message>
    <message>
        <source>无法导入评分表</source>
        <translation>Cannot import the score sheet</translation>
    </message>
</context>
<context>
    <name>ScoreSheetImportDialog</name>
    <message>
        <source>导入评分表</source>
        <translation>Import score sheet</translation>
    </message>
    <message>
        <source>文件：{0}（工作表“{1}”）
导入将替换本评价现有的 {2} 个指标（可撤销）；评分表共 {3} 项末级指标，其中 {4} 项新增或有变化；分值合计 {5}，得分合计 {6}。</source>
        <translation>File: {0} (sheet “{1}”)
The import replaces this evaluation&apos;s {2} indicators (can be undone); the sheet has {3} leaf indicators, {4} of them new or changed; weights total {5}, scores total {6}.</translation>
    </message>
    <message>
        <source>文件：{0}（工作表“{1}”）
评分表中有 {2} 行是一级/二级指标的汇总得分，只能与本评价核对，不能导入（本评价的指标与得分不变）。</source>
        <translation>File: {0} (sheet “{1}”)
{2} rows of the score sheet are level-1/level-2 group scores: they can only be checked against this evaluation, not imported (this evaluation&apos;s indicators and scores stay as they are).</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>分值</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>现得分</source>
        <translation>Current score</translation>
    </message>
    <message>
        <source>导入得分</source>
        <translation>Imported score</translation>
    </message>
    <message>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>汇总得分（不导入）</source>
        <translation>Group score (not imported)</translation>
    </message>
    <message>
        <source>新增或变化</source>
        <translation>New or changed</translation>
    </message>
    <message>
        <source>注意：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <source>核对：</source>
        <translation>Check: </translation>
    </message>
    <message>
        <source>表内核对（仅提示，按各行导入）：</source>
        <translation>Cross-check of the sheet (for information; the rows are imported as they are):</translation>
    </message>
    <message>
        <source>与本评价核对：</source>
        <translation>Checked against this evaluation:</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>ScoringPage</name>
    <message>
        <source>优</source>
        <translation>excellent</translation>
    </message>
    <message>
        <source>良</source>
        <translation>good</translation>
    </message>
    <message>
        <source>中</source>
        <translation>fair</translation>
    </message>
    <message>
        <source>差</source>
        <translation>poor</translation>
    </message>
    <message>
        <source>指标说明</source>
        <translation>Indicator details</translation>
    </message>
    <message>
        <source>选择一个指标查看其指标解释和评分标准。双击“得分”或“扣分原因”可修改。</source>
        <translation>Select an indicator to see its definition and scoring rule. Double-click Score or Reason to change them.</translation>
    </message>
    <message>
        <source>指标体系检查</source>
        <translation>Framework checks</translation>
    </message>
    <message>
        <source>指标说明与检查</source>
        <translation>Indicator details and checks</translation>
    </message>
    <message>
        <source>指标体系模板</source>
        <translation>Framework template</translation>
    </message>
    <message>
        <source>用所选模板替换本评价的指标体系（可撤销）</source>
        <translation>Replace this evaluation&apos;s indicator framework with the chosen template (undoable)</translation>
    </message>
    <message>
        <source>评分表</source>
        <translation>Score sheet</translation>
    </message>
    <message>
        <source>导出评分表（Excel）…</source>
        <translation>Export score sheet (Excel)…</translation>
    </message>
    <message>
        <source>导入评分表…</source>
        <translation>Import score sheet…</translation>
    </message>
    <message>
        <source>把评分表导出为 Excel，或从 Excel 评分表导入指标、分值和得分</source>
        <translation>Export the score sheet to Excel, or import indicators, weights and scores from an Excel score sheet</translation>
    </message>
    <message>
        <source>等级划分…</source>
        <translation>Grade bands…</translation>
    </message>
    <message>
        <source>修改优、良、中、差的分数下限（可撤销）</source>
        <translation>Change the lower bounds of 优 (excellent), 良 (good), 中 (fair) and 差 (poor) (can be undone)</translation>
    </message>
    <message>
        <source>未评分（已评 {0}/{1} 项三级指标）</source>
        <translation>Not scored ({0}/{1} level-3 indicators scored)</translation>
    </message>
    <message>
        <source>综合评分 {0} 分，评级 {1}</source>
        <translation>Total score {0}, grade {1}</translation>
    </message>
    <message>
        <source>未评分：尚无指标体系，请在右侧选择模板并点“套用模板”。</source>
        <translation>Unscored: no indicator framework yet; choose a template on the right and click “Apply template”.</translation>
    </message>
    <message>
        <source>尚未设置指标体系：请从模板导入或逐项添加指标。</source>
        <translation>No indicator framework yet: import one from a template or add indicators.</translation>
    </message>
    <message>
        <source>尚有 {0} 项三级指标未评分。</source>
        <translation>{0} level-3 indicators are not scored yet.</translation>
    </message>
    <message>
        <source>未发现问题：分值合计 100，各级分值一致，扣分均有原因。</source>
        <translation>No problems: weights sum to 100, levels agree, every deduction has a reason.</translation>
    </message>
    <message>
        <source>（分值 {0}）</source>
        <translation> (weight {0})</translation>
    </message>
    <message>
        <source>指标解释：{0}</source>
        <translation>Definition: {0}</translation>
    </message>
    <message>
        <source>评分标准：{0}</source>
        <translation>Scoring rule: {0}</translation>
    </message>
</context>
<context>
    <name>ScoringTools</name>
    <message>
        <source>编辑指标体系</source>
        <translation>Edit indicator framework</translation>
    </message>
    <message>
        <source>维度得分率</source>
        <translation>Dimension score rates</translation>
    </message>
    <message>
        <source>专家评分</source>
        <translation>Expert scoring</translation>
    </message>
</context>
<context>
    <name>StatementEntryDialog</name>
    <message>
        <source>录入基金收支（{0}年，万元）</source>
        <translation>Enter fund statement ({0}, 10,000 yuan)</translation>
    </message>
    <message>
        <source>金额单位：万元。合计行与明细行分别录入；留空表示未提供。</source>
        <translation>Amounts in 10,000 yuan. Enter totals and detail lines separately; leave a cell blank when not given.</translation>
    </message>
    <message>
        <source>行次</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>预算数</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>调整后预算数</source>
        <translation>Adjusted budget</translation>
    </message>
    <message>
        <source>执行数</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>录入基金收支</source>
        <translation>Enter fund statement</translation>
    </message>
</context>
<context>
    <name>StatementImportDialog</name>
    <message>
        <source>导入基金收支表 — {0}</source>
        <translation>Import fund statement — {0}</translation>
    </message>
    <message>
        <source>自动识别</source>
        <translation>Detect automatically</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>金额单位</source>
        <translation>Amount unit</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>行标题列</source>
        <translation>Row title column</translation>
    </message>
    <message>
        <source>文件：{0}</source>
        <translation>File: {0}</translation>
    </message>
    <message>
        <source>预览（红色：拒绝的单元格；绿色：将导入的数值）</source>
        <translation>Preview (red: rejected cells; green: values to import)</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>表头</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>导入为</source>
        <translation>Import as</translation>
    </message>
    <message>
        <source>列的对应关系</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <source>拒绝的单元格和跳过的行</source>
        <translation>Rejected cells and skipped rows</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在读取表格</source>
        <translation>Reading the spreadsheet</translation>
    </message>
    <message>
        <source>不导入</source>
        <translation>Do not import</translation>
    </message>
    <message>
        <source>“{0}”对应了多列，请只保留一列</source>
        <translation>“{0}” is mapped to several columns; keep only one</translation>
    </message>
    <message>
        <source>拒绝：</source>
        <translation>Rejected: </translation>
    </message>
    <message>
        <source>跳过：</source>
        <translation>Skipped: </translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>未打开评价文件</source>
        <translation>No evaluation file open</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>每次修改都会立即保存到评价文件中</source>
        <translation>Every edit is saved to the evaluation file at once</translation>
    </message>
    <message>
        <source>🔒 已锁定（最终签署）</source>
        <translation>🔒 Locked (final signature)</translation>
    </message>
    <message>
        <source>未锁定</source>
        <translation>Not locked</translation>
    </message>
    <message>
        <source>评价已最终签署：修改前须说明原因重新开启</source>
        <translation>The evaluation has its final signature: give a reason to reopen it before editing</translation>
    </message>
    <message>
        <source>评价可以修改</source>
        <translation>The evaluation can be edited</translation>
    </message>
    <message>
        <source>已保存 {0}</source>
        <translation>Saved {0}</translation>
    </message>
</context>
<context>
    <name>StepState</name>
    <message>
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>SurveyImportDialog</name>
    <message>
        <source>导入问卷答卷：{0}</source>
        <translation>Import survey responses: {0}</translation>
    </message>
    <message>
        <source>问卷“{0}”（调查对象：{1}）  文件：{2}（{3} 行）</source>
        <translation>Questionnaire “{0}” (respondents: {1})  File: {2} ({3} rows)</translation>
    </message>
    <message>
        <source>列 → 题目</source>
        <translation>Column → question</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>列标题</source>
        <translation>Column title</translation>
    </message>
    <message>
        <source>对应到</source>
        <translation>Mapped to</translation>
    </message>
    <message>
        <source>匹配方式</source>
        <translation>Matched by</translation>
    </message>
    <message>
        <source>答案 → 选项（量表分值）</source>
        <translation>Answer → option (scale points)</translation>
    </message>
    <message>
        <source>题目</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>答案</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>次数</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>问题数据的处理</source>
        <translation>Handling of problem data</translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation>(please choose)</translation>
    </message>
    <message>
        <source>检查（不写入）</source>
        <translation>Check (no write)</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>（未对应）</source>
        <translation>(not mapped)</translation>
    </message>
    <message>
        <source>忽略该列</source>
        <translation>Ignore this column</translation>
    </message>
    <message>
        <source>答卷编号</source>
        <translation>Response number</translation>
    </message>
    <message>
        <source>提交时间</source>
        <translation>Submitted at</translation>
    </message>
    <message>
        <source>已保存的对应</source>
        <translation>Saved mapping</translation>
    </message>
    <message>
        <source>题目相同</source>
        <translation>Same question</translation>
    </message>
    <message>
        <source>题目相近</source>
        <translation>Similar question</translation>
    </message>
    <message>
        <source>平台字段</source>
        <translation>Platform field</translation>
    </message>
    <message>
        <source>手工指定</source>
        <translation>Chosen by hand</translation>
    </message>
    <message>
        <source>（未对应：量表外）</source>
        <translation>(not mapped: off scale)</translation>
    </message>
    <message>
        <source>量表外，不计分</source>
        <translation>Off scale, not scored</translation>
    </message>
    <message>
        <source>{0}（{1}分）</source>
        <translation>{0} ({1} points)</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>正确</source>
        <translation>correct</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>wrong</translation>
    </message>
    <message>
        <source>正在导入答卷</source>
        <translation>Importing responses</translation>
    </message>
    <message>
        <source>已取消，未写入任何答卷。</source>
        <translation>Cancelled; no responses were written.</translation>
    </message>
    <message>
        <source>未能完成：{0}</source>
        <translation>Not completed: {0}</translation>
    </message>
</context>
<context>
    <name>SurveyPanel</name>
    <message>
        <source>满意率（满意与非常满意占比）</source>
        <translation>Satisfied share (satisfied and very satisfied)</translation>
    </message>
    <message>
        <source>平均分折算百分制</source>
        <translation>Mean score on a 100-point scale</translation>
    </message>
    <message>
        <source>满意度与政策知晓度调查</source>
        <translation>Satisfaction and policy awareness survey</translation>
    </message>
    <message>
        <source>问卷：</source>
        <translation>Questionnaire:</translation>
    </message>
    <message>
        <source>满意度计算方法：</source>
        <translation>Satisfaction rate method:</translation>
    </message>
    <message>
        <source>题目 / 答案</source>
        <translation>Question / answer</translation>
    </message>
    <message>
        <source>次数</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>比例</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>导入答卷…</source>
        <translation>Import responses…</translation>
    </message>
    <message>
        <source>录入纸质问卷…</source>
        <translation>Enter paper questionnaires…</translation>
    </message>
    <message>
        <source>按导出文件新建问卷…</source>
        <translation>New questionnaire from an export file…</translation>
    </message>
    <message>
        <source>尚无问卷。可按问卷平台导出的 Excel/CSV 文件新建问卷，再导入答卷。</source>
        <translation>No questionnaire yet. Create one from the survey platform&apos;s Excel/CSV export, then import the responses.</translation>
    </message>
    <message>
        <source>量表外（不计分）</source>
        <translation>Off scale (not scored)</translation>
    </message>
    <message>
        <source>未作答</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>选择问卷平台导出的答卷文件</source>
        <translation>Choose the response file exported by the survey platform</translation>
    </message>
    <message>
        <source>表格文件 (*.xlsx *.xlsm *.xls *.csv);;所有文件 (*)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>正在读取答卷文件</source>
        <translation>Reading the responses file</translation>
    </message>
    <message>
        <source>新建问卷</source>
        <translation>New questionnaire</translation>
    </message>
    <message>
        <source>调查对象（可输入其他群体）：</source>
        <translation>Respondent group (another group may be typed in):</translation>
    </message>
</context>
<context>
    <name>SurveyResultsModel</name>
    <message>
        <source>调查对象</source>
        <translation>Respondents</translation>
    </message>
    <message>
        <source>有效答卷</source>
        <translation>Valid responses</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <source>满意度95%区间</source>
        <translation>Satisfaction 95% CI</translation>
    </message>
    <message>
        <source>政策知晓率</source>
        <translation>Policy awareness rate</translation>
    </message>
    <message>
        <source>知晓率95%区间</source>
        <translation>Awareness 95% CI</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Hint</translation>
    </message>
</context>
<context>
    <name>TargetComparisonDialog</name>
    <message>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>保留</source>
        <translation>Kept</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>一级指标</source>
        <translation>Level-1 indicator</translation>
    </message>
    <message>
        <source>二级指标</source>
        <translation>Level-2 indicator</translation>
    </message>
    <message>
        <source>指标名称</source>
        <translation>Indicator name</translation>
    </message>
    <message>
        <source>比较符</source>
        <translation>Comparator</translation>
    </message>
    <message>
        <source>指标值</source>
        <translation>Target value</translation>
    </message>
    <message>
        <source>计量单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>评价标准</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>指标性质</source>
        <translation>Indicator type</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>申报的指标</source>
        <translation>Declared indicator</translation>
    </message>
    <message>
        <source>申报指标值</source>
        <translation>Declared value</translation>
    </message>
    <message>
        <source>细化后的指标</source>
        <translation>Refined indicator</translation>
    </message>
    <message>
        <source>细化指标值</source>
        <translation>Refined value</translation>
    </message>
    <message>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>调整原因</source>
        <translation>Reason for the change</translation>
    </message>
    <message>
        <source>申报目标与细化目标对比</source>
        <translation>Declared vs. refined targets</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>TargetReviewDialog</name>
    <message>
        <source>绩效目标表审核</source>
        <translation>Performance target table review</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>底稿</source>
        <translation>Working paper</translation>
    </message>
    <message>
        <source>意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <source>写入工作底稿</source>
        <translation>Write to working papers</translation>
    </message>
    <message>
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>未通过</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>共 {0} 项规则，未通过 {1} 项</source>
        <translation>{0} rules, {1} failed</translation>
    </message>
    <message>
        <source>已写入“绩效目标合理性”“绩效指标明确性”的工作底稿（已有内容的底稿未覆盖）。</source>
        <translation>Written to the working papers “绩效目标合理性” and “绩效指标明确性” (working papers with content were not overwritten).</translation>
    </message>
</context>
<context>
    <name>TargetsPage</name>
    <message>
        <source>一级指标</source>
        <translation>Level 1</translation>
    </message>
    <message>
        <source>二级指标</source>
        <translation>Level 2</translation>
    </message>
    <message>
        <source>三级指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>符号</source>
        <translation>Op</translation>
    </message>
    <message>
        <source>指标值</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>实际完成值</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>完成情况</source>
        <translation>Completion</translation>
    </message>
    <message>
        <source>偏差原因</source>
        <translation>Reason for deviation</translation>
    </message>
    <message>
        <source>新指标</source>
        <translation>New indicator</translation>
    </message>
    <message>
        <source>申报的绩效目标</source>
        <translation>Declared targets</translation>
    </message>
    <message>
        <source>评价组细化的绩效目标</source>
        <translation>Targets refined by the team</translation>
    </message>
    <message>
        <source>绩效目标表</source>
        <translation>Target tables</translation>
    </message>
    <message>
        <source>项目绩效目标（报告第一部分第3节）</source>
        <translation>Performance targets (report part 1, section 3)</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <source>评价基本信息</source>
        <translation>Evaluation facts</translation>
    </message>
    <message>
        <source>评价项目名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>评价年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>报告中的项目名称</source>
        <translation>Project name in the reports</translation>
    </message>
    <message>
        <source>委托单位</source>
        <translation>Commissioned by</translation>
    </message>
    <message>
        <source>被评价单位</source>
        <translation>Evaluated unit</translation>
    </message>
    <message>
        <source>评价机构</source>
        <translation>Evaluation agency</translation>
    </message>
    <message>
        <source>报告日期</source>
        <translation>Report date</translation>
    </message>
    <message>
        <source>用于报告、工作方案、资料清单等各文档的标题，例如“2021 年工伤保险基金项目绩效评价报告”</source>
        <translation>Used in the title of every document (report, work plan, request list …), e.g. “2021 年工伤保险基金项目绩效评价报告”</translation>
    </message>
    <message>
        <source>评价小组</source>
        <translation>Evaluation team</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>资格/职称</source>
        <translation>Qualification</translation>
    </message>
    <message>
        <source>所在单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>联系方式</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>新成员</source>
        <translation>New member</translation>
    </message>
    <message>
        <source>添加成员</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>修改“{0}”</source>
        <translation>Edit “{0}”</translation>
    </message>
    <message>
        <source>说明：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <source>独立性声明</source>
        <translation>Independence declaration</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Evaluation facts</translation>
    </message>
    <message>
        <source>评价小组与独立性</source>
        <translation>Team and independence</translation>
    </message>
    <message>
        <source>评价方案</source>
        <translation>Evaluation plan</translation>
    </message>
</context>
<context>
    <name>TotalsChart</name>
    <message>
        <source>尚无汇总结果</source>
        <translation>No roll-up result yet</translation>
    </message>
</context>
<context>
    <name>TreeEditor</name>
    <message>
        <source>添加同级指标</source>
        <translation>Add sibling indicator</translation>
    </message>
    <message>
        <source>添加下级指标</source>
        <translation>Add child indicator</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>升一级</source>
        <translation>Promote</translation>
    </message>
    <message>
        <source>降一级</source>
        <translation>Demote</translation>
    </message>
    <message>
        <source>按规则重新计算</source>
        <translation>Recalculate by rule</translation>
    </message>
    <message>
        <source>指标名称</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>分值</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>指标解释</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>评价要点</source>
        <translation>Key points</translation>
    </message>
    <message>
        <source>评分标准</source>
        <translation>Scoring rule</translation>
    </message>
    <message>
        <source>评分规则</source>
        <translation>Scoring method</translation>
    </message>
    <message>
        <source>规则参数</source>
        <translation>Rule parameters</translation>
    </message>
    <message>
        <source>保存指标修改</source>
        <translation>Save indicator changes</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>套用模板</source>
        <translation>Apply template</translation>
    </message>
    <message>
        <source>引用</source>
        <translation>Cite</translation>
    </message>
    <message>
        <source>取消引用</source>
        <translation>Remove citation</translation>
    </message>
    <message>
        <source>评分依据</source>
        <translation>Scoring basis</translation>
    </message>
    <message>
        <source>由工作底稿或证据一侧关联</source>
        <translation>Linked from the working paper or evidence side</translation>
    </message>
    <message>
        <source>底稿 {0} {1}</source>
        <translation>Working paper {0} {1}</translation>
    </message>
    <message>
        <source>证据 {0}</source>
        <translation>Evidence {0}</translation>
    </message>
    <message>
        <source>新指标</source>
        <translation>New indicator</translation>
    </message>
    <message>
        <source>套用模板会替换本评价现有的指标体系（可撤销）。是否继续？</source>
        <translation>Applying the template replaces this evaluation&apos;s indicator framework (can be undone). Continue?</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>工伤保险基金绩效评价</source>
        <translation>Work-injury insurance fund performance evaluation</translation>
    </message>
    <message>
        <source>新建或打开一个评价文件（.wcif）开始工作。</source>
        <translation>Create or open an evaluation file (.wcif) to start.</translation>
    </message>
    <message>
        <source>从样例新建…</source>
        <translation>New from sample…</translation>
    </message>
    <message>
        <source>新建空白评价…</source>
        <translation>New empty evaluation…</translation>
    </message>
    <message>
        <source>打开评价文件…</source>
        <translation>Open evaluation file…</translation>
    </message>
    <message>
        <source>最近打开</source>
        <translation>Recent files</translation>
    </message>
</context>
<context>
    <name>_Grid</name>
    <message>
        <source>添加行</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>删除行</source>
        <translation>Remove row</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>操作已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>请填写签署人姓名</source>
        <translation>Please enter the signer&apos;s name</translation>
    </message>
    <message>
        <source>请设置签名证书密码（不能为空）</source>
        <translation>Please set a password for the signing certificate (it cannot be empty)</translation>
    </message>
    <message>
        <source>文件已存在，不会覆盖：{path}</source>
        <translation>The file already exists and will not be overwritten: {path}</translation>
    </message>
    <message>
        <source>无法写入签名证书文件 {path}：{reason}</source>
        <translation>Cannot write the signing certificate file {path}: {reason}</translation>
    </message>
    <message>
        <source>无法读取签名证书文件：{path}（{reason}）</source>
        <translation>Cannot read the signing certificate file: {path} ({reason})</translation>
    </message>
    <message>
        <source>签名证书密码错误，无法打开：{name}（请检查密码后重试）</source>
        <translation>Wrong signing certificate password, cannot open: {name} (please check the password and try again)</translation>
    </message>
    <message>
        <source>不是有效的签名证书文件（PKCS#12 .p12/.pfx）：{name}</source>
        <translation>Not a valid signing certificate file (PKCS#12 .p12/.pfx): {name}</translation>
    </message>
    <message>
        <source>无法从签名证书文件 {name} 载入签名密钥：{reason}</source>
        <translation>Cannot load the signing key from the identity file {name}: {reason}</translation>
    </message>
    <message>
        <source>签名证书文件中没有可用的证书和私钥：{name}</source>
        <translation>The signing certificate file has no usable certificate and private key: {name}</translation>
    </message>
    <message>
        <source>签署人姓名中有字体无法显示的字符：{chars}</source>
        <translation>The signer&apos;s name contains characters the font cannot display: {chars}</translation>
    </message>
    <message>
        <source>无法读取印章图片：{path}（{reason}）</source>
        <translation>Cannot read the seal image: {path} ({reason})</translation>
    </message>
    <message>
        <source>无法读取要签署的 PDF：{path}（{reason}）</source>
        <translation>Cannot read the PDF to sign: {path} ({reason})</translation>
    </message>
    <message>
        <source>不是 PDF 文件：{path}</source>
        <translation>Not a PDF file: {path}</translation>
    </message>
    <message>
        <source>找不到印章图片：{path}</source>
        <translation>Seal image not found: {path}</translation>
    </message>
    <message>
        <source>PDF 文件无法解析（可能已损坏）：{path}（{reason}）</source>
        <translation>The PDF file cannot be parsed (it may be damaged): {path} ({reason})</translation>
    </message>
    <message>
        <source>签署失败：{reason}</source>
        <translation>Signing failed: {reason}</translation>
    </message>
    <message>
        <source>PDF 文件无法解析：{path}（{reason}）</source>
        <translation>The PDF file cannot be parsed: {path} ({reason})</translation>
    </message>
    <message>
        <source>无法读取文件：{path}（{reason}）</source>
        <translation>Cannot read the file: {path} ({reason})</translation>
    </message>
    <message>
        <source>PDF 文件已损坏或被篡改，无法解析：{name}（{reason}）</source>
        <translation>The PDF file is damaged or has been tampered with and cannot be parsed: {name} ({reason})</translation>
    </message>
    <message>
        <source>无法创建评价文件 {path}：{reason}</source>
        <translation>Cannot create the evaluation file {path}: {reason}</translation>
    </message>
    <message>
        <source>评价的锁定状态只能通过“锁定”或“解除锁定（说明原因）”改变，未保存</source>
        <translation>The evaluation&apos;s lock can only change through locking or reopening (with a reason); not saved</translation>
    </message>
    <message>
        <source>历史记录第{seq}条：内容被改动（{reason}）</source>
        <translation>History entry #{seq}: content altered ({reason})</translation>
    </message>
    <message>
        <source>历史记录第{seq}条之前缺少记录</source>
        <translation>History entry missing before #{seq}</translation>
    </message>
    <message>
        <source>历史记录第{seq}条：哈希链断开（前一条被删除或改动）</source>
        <translation>History entry #{seq}: chain broken (the previous entry was removed or altered)</translation>
    </message>
    <message>
        <source>历史记录第{seq}条：内容被改动</source>
        <translation>History entry #{seq}: content altered</translation>
    </message>
    <message>
        <source>历史记录被截短：{n}条中删除了{removed}条（末尾若干条或全部）</source>
        <translation>History shortened: {removed} of {n} entries removed (the last ones or all)</translation>
    </message>
    <message>
        <source>历史记录中有{extra}条不是本程序写入的</source>
        <translation>The history has {extra} entries this program did not write</translation>
    </message>
    <message>
        <source>历史记录被改写：最后一条不是本程序写入的那一条</source>
        <translation>History rewritten: its last entry is not the one this program wrote</translation>
    </message>
    <message>
        <source>记录在本程序之外被修改：{table} {label}</source>
        <translation>Record changed outside this program: {table} {label}</translation>
    </message>
    <message>
        <source>记录在本程序之外被删除：{table} {rid}</source>
        <translation>Record removed outside this program: {table} {rid}</translation>
    </message>
    <message>
        <source>评价文件以只读方式打开，不能修改：{path}</source>
        <translation>The evaluation file is open read-only and cannot be changed: {path}</translation>
    </message>
    <message>
        <source>找不到评价文件：{path}</source>
        <translation>Evaluation file not found: {path}</translation>
    </message>
    <message>
        <source>该评价文件由更新版本的 WCIF Desktop 创建（含本程序不认识的文件结构变更 {unknown}），请升级软件后再打开：{path}</source>
        <translation>This evaluation file was created by a newer version of WCIF Desktop (it has file structure changes this program does not know: {unknown}). Please upgrade before opening it: {path}</translation>
    </message>
    <message>
        <source>保存失败，文件保持原样：{reason}</source>
        <translation>Saving failed; the file is unchanged: {reason}</translation>
    </message>
    <message>
        <source>合并来源：{source}</source>
        <translation>Merged from: {source}</translation>
    </message>
    <message>
        <source>没有新的内容（此文件的内容已全部合并过）。</source>
        <translation>Nothing new (everything in this file has been merged before).</translation>
    </message>
    <message>
        <source>新增记录 {inserted} 条，更新 {updated} 条，删除 {deleted} 条，新增证据内容 {content} 项，导入历史 {history} 条，新冲突 {conflicts} 条。</source>
        <translation>Records added: {inserted}, updated: {updated}, deleted: {deleted}; evidence contents added: {content}; history entries imported: {history}; new conflicts: {conflicts}.</translation>
    </message>
    <message>
        <source>  ~ {table} {label}：{fields}</source>
        <translation>  ~ {table} {label}: {fields}</translation>
    </message>
    <message>
        <source>  未合并的表（无主键）：{name}</source>
        <translation>  Table not merged (no primary key): {name}</translation>
    </message>
    <message>
        <source>  已用导入文件中完好的副本修复本文件中损坏的证据内容：{sha256}</source>
        <translation>  Damaged evidence content of this file repaired from the intact copy in the imported file: {sha256}</translation>
    </message>
    <message>
        <source>合并 {table}</source>
        <translation>Merging {table}</translation>
    </message>
    <message>
        <source>合并后外键关系不完整（{table} 表），已撤销合并，文件保持原样</source>
        <translation>Foreign key relations are incomplete after the merge (table {table}). The merge was undone and the file is unchanged</translation>
    </message>
    <message>
        <source>合并完成</source>
        <translation>Merge finished</translation>
    </message>
    <message>
        <source>无法合并 {table} 表的记录“{record}”：{reason}；已撤销合并，文件保持原样</source>
        <translation>Cannot merge record &quot;{record}&quot; of table {table}: {reason}. The merge was undone and the file is unchanged</translation>
    </message>
    <message>
        <source>冲突不存在：{conflict_id}</source>
        <translation>Conflict not found: {conflict_id}</translation>
    </message>
    <message>
        <source>该冲突已解决</source>
        <translation>This conflict is already resolved</translation>
    </message>
    <message>
        <source>字段“{field}”不在该冲突的差异字段中（{fields}）</source>
        <translation>Field &quot;{field}&quot; is not one of the differing fields of this conflict ({fields})</translation>
    </message>
    <message>
        <source>未知的选择：{choice}（应为 mine / theirs / edited）</source>
        <translation>Unknown choice: {choice} (must be mine / theirs / edited)</translation>
    </message>
    <message>
        <source>记录不存在：{table}/{record_id}</source>
        <translation>The record does not exist: {table}/{record_id}</translation>
    </message>
    <message>
        <source>得分“{score}”不是数字</source>
        <translation>Score &quot;{score}&quot; is not a number</translation>
    </message>
    <message>
        <source>得分 {score} 超出 0–{weight} 分，未保存</source>
        <translation>Score {score} is outside 0–{weight} points; not saved</translation>
    </message>
    <message>
        <source>无法读取文件 {path}：{reason}</source>
        <translation>Cannot read the file {path}: {reason}</translation>
    </message>
    <message>
        <source>无法读取密码文件 {path}：{reason}</source>
        <translation>Cannot read the password file {path}: {reason}</translation>
    </message>
    <message>
        <source>密码文件为空：{path}</source>
        <translation>The password file is empty: {path}</translation>
    </message>
    <message>
        <source>密码不能为空</source>
        <translation>The password cannot be empty</translation>
    </message>
    <message>
        <source>密码太短：至少需要 {count} 个字符</source>
        <translation>Password too short: at least {count} characters are required</translation>
    </message>
    <message>
        <source>加密文件头的密钥参数不合理（scrypt n=2^{log2_n}, r={r}, p={p}），文件已损坏或不是本程序写的：{name}</source>
        <translation>The key parameters in the encrypted file&apos;s header are not plausible (scrypt n=2^{log2_n}, r={r}, p={p}); the file is damaged or was not written by this program: {name}</translation>
    </message>
    <message>
        <source>加密文件头要求的密钥计算量过大（scrypt 需 {mib} MiB 内存，本程序最多接受 {max_mib} MiB），拒绝打开：{name}</source>
        <translation>The encrypted file&apos;s header asks for too costly a key derivation (scrypt needs {mib} MiB of memory, this program accepts at most {max_mib} MiB); not opened: {name}</translation>
    </message>
    <message>
        <source>加密文件头的分段大小不合理（{size} 字节，应在 {low}–{high} 字节之间），文件已损坏：{name}</source>
        <translation>The chunk size in the encrypted file&apos;s header is not plausible ({size} bytes, should be {low}–{high} bytes); the file is damaged: {name}</translation>
    </message>
    <message>
        <source>内存不足，无法计算加密密钥</source>
        <translation>Not enough memory to derive the encryption key</translation>
    </message>
    <message>
        <source>文件过大，无法加密</source>
        <translation>The file is too large to encrypt</translation>
    </message>
    <message>
        <source>不是加密的评价导出文件，或文件头已损坏：{name}</source>
        <translation>Not an encrypted evaluation export, or its header is damaged: {name}</translation>
    </message>
    <message>
        <source>加密文件的格式版本 {version} 不受支持（本程序支持 {supported}），请升级软件：{name}</source>
        <translation>Encrypted file format version {version} is not supported (this program supports {supported}). Please upgrade: {name}</translation>
    </message>
    <message>
        <source>密码错误，无法打开加密的评价文件：{name}</source>
        <translation>Wrong password, cannot open the encrypted evaluation file: {name}</translation>
    </message>
    <message>
        <source>加密文件不完整（被截断）：{name}</source>
        <translation>The encrypted file is incomplete (truncated): {name}</translation>
    </message>
    <message>
        <source>加密文件头已损坏（格式版本或密钥算法无法识别）：{name}</source>
        <translation>The encrypted file&apos;s header is damaged (unknown format version or key algorithm): {name}</translation>
    </message>
    <message>
        <source>加密文件头已损坏（校验值不符），不是密码错误：{name}</source>
        <translation>The encrypted file&apos;s header is damaged (checksum mismatch); this is not a wrong password: {name}</translation>
    </message>
    <message>
        <source>加密文件已损坏或不完整（第 {part} 段校验失败）：{name}</source>
        <translation>The encrypted file is damaged or incomplete (part {part} failed the check): {name}</translation>
    </message>
    <message>
        <source>导出文件不能与评价文件相同：{path}</source>
        <translation>The export file cannot be the evaluation file itself: {path}</translation>
    </message>
    <message>
        <source>导出目标文件夹不存在：{folder}</source>
        <translation>The export target folder does not exist: {folder}</translation>
    </message>
    <message>
        <source>记录版本</source>
        <translation>Recording versions</translation>
    </message>
    <message>
        <source>无法创建临时工作文件夹：{reason}</source>
        <translation>Cannot create the temporary work folder: {reason}</translation>
    </message>
    <message>
        <source>生成快照</source>
        <translation>Creating a snapshot</translation>
    </message>
    <message>
        <source>导出失败（无法写入快照，磁盘空间不足？）：{reason}</source>
        <translation>Export failed (cannot write the snapshot; disk full?): {reason}</translation>
    </message>
    <message>
        <source>筛选工作包</source>
        <translation>Selecting the work package</translation>
    </message>
    <message>
        <source>导出失败（磁盘空间不足？）：{reason}</source>
        <translation>Export failed (disk full?): {reason}</translation>
    </message>
    <message>
        <source>写入文件</source>
        <translation>Writing the file</translation>
    </message>
    <message>
        <source>导出失败，未写入 {path}（{reason}）</source>
        <translation>Export failed; {path} was not written ({reason})</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>评价小组中没有成员“{member}”；现有成员：（无）</source>
        <translation>The evaluation team has no member &quot;{member}&quot;; members: (none)</translation>
    </message>
    <message>
        <source>评价小组中没有成员“{member}”；现有成员：{names}</source>
        <translation>The evaluation team has no member &quot;{member}&quot;; members: {names}</translation>
    </message>
    <message>
        <source>评价小组中有多名成员叫“{member}”，请改用成员编号（id）</source>
        <translation>Several evaluation team members are called &quot;{member}&quot;; use the member id instead</translation>
    </message>
    <message>
        <source>{table}：保留 {kept} / {total} 条（属于 {member}）</source>
        <translation>{table}: kept {kept} of {total} records (belonging to {member})</translation>
    </message>
    <message>
        <source>没有任何表记录负责人或分工，工作包包含整个评价</source>
        <translation>No table records owners or assignments; the work package contains the whole evaluation</translation>
    </message>
    <message>
        <source>要导入的是一个文件夹，请选择评价文件：{path}</source>
        <translation>This is a folder; please choose an evaluation file to import: {path}</translation>
    </message>
    <message>
        <source>找不到要导入的文件：{path}</source>
        <translation>The file to import was not found: {path}</translation>
    </message>
    <message>
        <source>该文件已加密，请提供密码：{path}</source>
        <translation>This file is encrypted; please enter the password: {path}</translation>
    </message>
    <message>
        <source>无法读取要导入的文件 {path}：{reason}</source>
        <translation>Cannot read the file to import {path}: {reason}</translation>
    </message>
    <message>
        <source>导入文件已损坏，未导入（{path}）：{problems}</source>
        <translation>The import file is damaged and was not imported ({path}): {problems}</translation>
    </message>
    <message>
        <source>该文件由更新版本的 WCIF Desktop 创建（含本程序不认识的文件结构变更 {unknown}），请升级软件后再导入：{path}</source>
        <translation>This file was created by a newer version of WCIF Desktop (it has file structure changes this program does not know: {unknown}). Please upgrade before importing it: {path}</translation>
    </message>
    <message>
        <source>无法打开或升级要导入的文件 {path}：{reason}</source>
        <translation>Cannot open or upgrade the file to import {path}: {reason}</translation>
    </message>
    <message>
        <source>要导入的文件中有 {count} 份证据内容已损坏（校验值不符），未导入：{names}（{path}）</source>
        <translation>{count} evidence content(s) in the file to import are damaged (checksum mismatch); not imported: {names} ({path})</translation>
    </message>
    <message>
        <source>导入文件不符合评价数据的规则，未导入（{path}）：{problems}</source>
        <translation>The import file breaks the rules for evaluation data and was not imported ({path}): {problems}</translation>
    </message>
    <message>
        <source>要导入的不是普通文件（管道、设备或套接字），未导入：{path}</source>
        <translation>Not a regular file (a pipe, device or socket); not imported: {path}</translation>
    </message>
    <message>
        <source>要导入的文件旁有未完成的保存记录（{journal}）：该文件正被编辑，或上次保存时程序被中断。请在成员的 WCIF Desktop 中打开并关闭该文件（中断的保存会自动恢复），然后重新导入：{path}</source>
        <translation>An unfinished save record lies beside the file to import ({journal}): the file is being edited, or the program was interrupted while saving it. Open and close the file in the member&apos;s WCIF Desktop (an interrupted save is recovered automatically), then import again: {path}</translation>
    </message>
    <message>
        <source>缺少表 {table}</source>
        <translation>table {table} is missing</translation>
    </message>
    <message>
        <source>{table} 表缺少列 {columns}</source>
        <translation>table {table} lacks the columns {columns}</translation>
    </message>
    <message>
        <source>不是评价文件（不是 SQLite 数据库）：{path}</source>
        <translation>Not an evaluation file (not an SQLite database): {path}</translation>
    </message>
    <message>
        <source>不是 WCIF 评价文件（application_id={app_id}）：{path}</source>
        <translation>Not a WCIF evaluation file (application_id={app_id}): {path}</translation>
    </message>
    <message>
        <source>不是 WCIF 评价文件（文本编码不是 UTF-8）：{path}</source>
        <translation>Not a WCIF evaluation file (the text encoding is not UTF-8): {path}</translation>
    </message>
    <message>
        <source>该文件由更新版本的 WCIF Desktop 创建（文件结构版本 {version}，本程序支持 {supported}），请升级软件后再导入：{path}</source>
        <translation>This file was created by a newer version of WCIF Desktop (file structure version {version}; this program supports {supported}). Please upgrade before importing it: {path}</translation>
    </message>
    <message>
        <source>{table} 表的记录“{record}”的 {field} 值“{value}”不是合理的数字</source>
        <translation>Record “{record}” of table {table}: {field} value “{value}” is not a plausible number</translation>
    </message>
    <message>
        <source>指标“{name}”的权重 {weight} 超出 0–100 分</source>
        <translation>Indicator “{name}”: weight {weight} is outside 0–100 points</translation>
    </message>
    <message>
        <source>指标“{name}”的级次 {level} 不是 1–3</source>
        <translation>Indicator “{name}”: level {level} is not 1–3</translation>
    </message>
    <message>
        <source>指标“{name}”的上级指标不存在（{parent}）</source>
        <translation>Indicator “{name}”: its parent indicator does not exist ({parent})</translation>
    </message>
    <message>
        <source>指标体系中有循环：指标“{name}”是它自己的上级（直接或间接）</source>
        <translation>The indicator tree has a cycle: indicator “{name}” is its own parent (directly or indirectly)</translation>
    </message>
    <message>
        <source>{table} 表的记录“{record}”的 {field} 指向不存在的 {target} 记录（{value}）</source>
        <translation>Record “{record}” of table {table}: {field} points to a {target} record that does not exist ({value})</translation>
    </message>
    <message>
        <source>{table} 表有 {count} 条记录的删除标记不是 0 或 1</source>
        <translation>table {table} has {count} records whose deletion mark is not 0 or 1</translation>
    </message>
    <message>
        <source>有记录在 WCIF Desktop 之外被改动（修改历史中没有这些改动，无法归到任何人名下）：{records}</source>
        <translation>Records were changed outside WCIF Desktop (the history does not hold these changes; they cannot be attributed to anyone): {records}</translation>
    </message>
    <message>
        <source>不能把评价文件导入它自己</source>
        <translation>An evaluation file cannot be imported into itself</translation>
    </message>
    <message>
        <source>要导入的文件在导入过程中被修改了（可能正被其他程序编辑），未导入，评价文件保持原样。请在对方关闭该文件后重新导入：{path}</source>
        <translation>The file to import was modified while it was being imported (another program may be editing it). Nothing was imported and the evaluation file is unchanged. Import again once the other side has closed the file: {path}</translation>
    </message>
    <message>
        <source>要导入的文件属于另一个评价项目（评价编号不同），不能合并：{path}</source>
        <translation>The file to import belongs to another evaluation (different evaluation id) and cannot be merged: {path}</translation>
    </message>
    <message>
        <source>本评价文件中有记录在 WCIF Desktop 之外被改动（{records}），未合并；请先用 verify-history 检查，并从备份恢复或核实后重新录入</source>
        <translation>Records of this evaluation file were changed outside WCIF Desktop ({records}); not merged. Check with verify-history first, then restore from a backup or re-enter after checking</translation>
    </message>
    <message>
        <source>评价已锁定（报告已最终签署），不能合并其他文件；如需修改请先解除锁定并说明原因</source>
        <translation>The evaluation is locked (the report has been finally signed); other files cannot be merged. To make changes, unlock it first and give a reason</translation>
    </message>
    <message>
        <source>合并失败，评价文件保持原样：{reason}</source>
        <translation>The merge failed; the evaluation file is unchanged: {reason}</translation>
    </message>
    <message>
        <source>历史记录在{what}生成后被截短（其中记录的历史为{n}条）</source>
        <translation>History shortened since {what} was made (it recorded {n} entries)</translation>
    </message>
    <message>
        <source>历史记录在{what}生成后被改写（第{n}条不同）</source>
        <translation>History rewritten since {what} was made (entry {n} differs)</translation>
    </message>
    <message>
        <source>{name} 中没有记录评价文件的历史（无历史锚点）</source>
        <translation>{name} holds no record of the evaluation&apos;s history (no history anchor)</translation>
    </message>
    <message>
        <source>证据文件内容已损坏（SHA-256 不符）：{name}</source>
        <translation>Evidence content damaged (SHA-256 mismatch): {name}</translation>
    </message>
    <message>
        <source>评价小组中没有该成员：{member_id}</source>
        <translation>The evaluation team has no such member: {member_id}</translation>
    </message>
    <message>
        <source>要分配的记录不存在：{table}/{record_id}</source>
        <translation>The record to assign does not exist: {table}/{record_id}</translation>
    </message>
    <message>
        <source>不是普通文件（文件夹、设备或管道），未读取：{path}</source>
        <translation>Not a regular file (a folder, device or pipe); not read: {path}</translation>
    </message>
    <message>
        <source>旁边有 SQLite 附属文件 {sidecar}，汇总不会应用它；请先在本程序中正常打开该评价文件处理后再汇总：{path}</source>
        <translation>There is an SQLite sidecar file {sidecar} beside it, which the roll-up does not apply; open the evaluation file in this program first to deal with it, then roll up again: {path}</translation>
    </message>
    <message>
        <source>该评价文件由更新版本的 WCIF Desktop 创建（文件结构版本 {version}，本程序支持 {supported}），请升级软件后再打开：{path}</source>
        <translation>This evaluation file was created by a newer version of WCIF Desktop (file structure version {version}; this program supports {supported}). Please upgrade before opening it: {path}</translation>
    </message>
    <message>
        <source>评价文件已损坏：{path}（{reason}）</source>
        <translation>The evaluation file is damaged: {path} ({reason})</translation>
    </message>
    <message>
        <source>旧版本评价文件（文件结构版本 {version}）在临时副本上升级失败，未纳入：{path}（{reason}）</source>
        <translation>An evaluation file of an older version (file structure version {version}) could not be upgraded on a temporary copy; left out: {path} ({reason})</translation>
    </message>
    <message>
        <source>评价文件中有无法解读的内容，未纳入：{path}（{reason}）</source>
        <translation>The evaluation file holds content that cannot be interpreted; left out: {path} ({reason})</translation>
    </message>
    <message>
        <source>找不到文件或文件夹：{path}</source>
        <translation>File or folder not found: {path}</translation>
    </message>
    <message>
        <source>无法写入汇总表 {path}：{reason}</source>
        <extracomment>number format of a column by the end of its name (Excel): amounts with thousands separators, the rest 0.00</extracomment>
        <translation>Cannot write the roll-up workbook {path}: {reason}</translation>
    </message>
    <message>
        <source>签署需要 --passphrase-file（其第一行为签名证书密码）</source>
        <translation>Signing needs --passphrase-file (its first line is the signing certificate&apos;s password)</translation>
    </message>
    <message>
        <source>无法读取密码文件：{path}（{reason}）</source>
        <translation>Cannot read the password file: {path} ({reason})</translation>
    </message>
    <message>
        <source>密码文件的编码无法识别（请保存为 UTF-8）：{path}</source>
        <translation>Cannot detect the encoding of the password file (save it as UTF-8): {path}</translation>
    </message>
    <message>
        <source>找不到签名证书文件：{path}</source>
        <translation>Signing certificate file not found: {path}</translation>
    </message>
    <message>
        <source>找不到要签署的 PDF：{path}</source>
        <translation>PDF to sign not found: {path}</translation>
    </message>
    <message>
        <source>找不到PDF 文件：{path}</source>
        <translation>PDF file not found: {path}</translation>
    </message>
    <message>
        <source>--seal 需要与 --sign 一起使用</source>
        <translation>--seal must be used together with --sign</translation>
    </message>
    <message>
        <source>找不到唯一的报告编号：{report_id}</source>
        <translation>No unique report matches the number: {report_id}</translation>
    </message>
    <message>
        <source>请用 -o 指定保存位置</source>
        <translation>Use -o to choose where to save</translation>
    </message>
    <message>
        <source>归档文件夹不是空的，请选择新的文件夹：{folder}</source>
        <translation>The archive folder is not empty. Please choose a new folder: {folder}</translation>
    </message>
    <message>
        <source>无法创建归档文件夹 {folder}：{reason}</source>
        <translation>Cannot create the archive folder {folder}: {reason}</translation>
    </message>
    <message>
        <source>无法复制评价文件到归档文件夹：{reason}</source>
        <translation>Cannot copy the evaluation file to the archive folder: {reason}</translation>
    </message>
    <message>
        <source>无法写入 Word 文件 {path}：{reason}（文件是否已在 Word/WPS 中打开？）</source>
        <translation>Cannot write the Word file {path}: {reason} (is the file open in Word/WPS?)</translation>
    </message>
    <message>
        <source>{what}格式不正确（应为 YYYY-MM-DD）：{value}</source>
        <translation>{what} has an invalid format (expected YYYY-MM-DD): {value}</translation>
    </message>
    <message>
        <source>评价小组中没有该成员：{member}</source>
        <translation>No such member in the evaluation team: {member}</translation>
    </message>
    <message>
        <source>调研地点和调研单位不能都为空</source>
        <translation>Site location and unit cannot both be empty</translation>
    </message>
    <message>
        <source>请说明选取“{site}”的理由</source>
        <translation>Explain why &quot;{site}&quot; was selected</translation>
    </message>
    <message>
        <source>选取理由不能为空</source>
        <translation>The reason for selection cannot be empty</translation>
    </message>
    <message>
        <source>调研提纲中没有主题：{topic}（可选：{topics}）</source>
        <translation>The research outline has no topic: {topic} (choose from: {topics})</translation>
    </message>
    <message>
        <source>问题不能为空</source>
        <translation>Question cannot be empty</translation>
    </message>
    <message>
        <source>找不到 Word 模板：{path}</source>
        <translation>Word template not found: {path}</translation>
    </message>
    <message>
        <source>不是有效的 Word 模板（.docx）：{path}（{reason}）</source>
        <translation>Not a valid Word template (.docx): {path} ({reason})</translation>
    </message>
    <message>
        <source>Word 模板 {name} 的占位符语法错误：{reason}（所在段落：“{where}”）</source>
        <translation>Placeholder syntax error in Word template {name}: {reason} (in paragraph: &quot;{where}&quot;)</translation>
    </message>
    <message>
        <source>Word 模板 {name} 的占位符语法错误：{reason}</source>
        <translation>Placeholder syntax error in Word template {name}: {reason}</translation>
    </message>
    <message>
        <source>Word 模板 {name} 含有未知占位符：{names}。可用的占位符见 docs/word-templates.md</source>
        <translation>Word template {name} contains unknown placeholders: {names}. See docs/word-templates.md for the available placeholders</translation>
    </message>
    <message>
        <source>Word 模板 {name} 填充失败：{reason}</source>
        <translation>Filling Word template {name} failed: {reason}</translation>
    </message>
    <message>
        <source>未知的文档类型：{kind}（可选：{choices}）</source>
        <translation>Unknown document type: {kind} (choices: {choices})</translation>
    </message>
    <message>
        <source>输出文件应为 .pdf 或 .docx：{path}</source>
        <translation>The output file must be .pdf or .docx: {path}</translation>
    </message>
    <message>
        <source>事务所 Word 模板只能用于 .docx 输出</source>
        <translation>A firm Word template can only be used for .docx output</translation>
    </message>
    <message>
        <source>出具名义应为 agency（评价机构）或 commissioner（委托方），不是 {issuer}</source>
        <translation>The issuer must be agency (evaluation agency) or commissioner (commissioning party), not {issuer}</translation>
    </message>
    <message>
        <source>“{title}”不是存在问题，不能设置问题清单信息</source>
        <translation>&quot;{title}&quot; is not a problem; problem list details cannot be set</translation>
    </message>
    <message>
        <source>关联的指标不存在：{indicator_id}</source>
        <translation>The linked indicator does not exist: {indicator_id}</translation>
    </message>
    <message>
        <source>无法读取调研提纲模板 {path}：{reason}</source>
        <translation>Cannot read the survey outline template {path}: {reason}</translation>
    </message>
    <message>
        <source>调研提纲模板 {path} 没有主题（[[topic]]）</source>
        <translation>Survey outline template {path} has no topics ([[topic]])</translation>
    </message>
    <message>
        <source>调研提纲模板 {path} 第 {number} 个主题缺少 key、title 或 questions</source>
        <translation>Survey outline template {path}: topic {number} is missing key, title or questions</translation>
    </message>
    <message>
        <source>调研提纲模板 {path} 主题 key 重复：{key}</source>
        <translation>Survey outline template {path}: duplicate topic key: {key}</translation>
    </message>
    <message>
        <source>无法读取绩效目标审核规则 {path}：{reason}</source>
        <translation>Cannot read the performance target review rules {path}: {reason}</translation>
    </message>
    <message>
        <source>不是数值：{value}</source>
        <translation>Not a number: {value}</translation>
    </message>
    <message>
        <source>金额/分值不能使用浮点数：{value}</source>
        <translation>Amounts and points cannot be floating-point numbers: {value}</translation>
    </message>
    <message>
        <source>缺少数值 (missing number)</source>
        <translation>Missing number</translation>
    </message>
    <message>
        <source>不是有效数值：{value}</source>
        <translation>Not a valid number: {value}</translation>
    </message>
    <message>
        <source>未知的专家评分汇总方法：{method}（可用：{choices}）</source>
        <translation>Unknown method for combining expert scores: {method} (available: {choices})</translation>
    </message>
    <message>
        <source>未知的专家评分汇总方法：{method}</source>
        <translation>Unknown method for combining expert scores: {method}</translation>
    </message>
    <message>
        <source>列表字段不是有效的 JSON：{text}</source>
        <translation>The list field is not valid JSON: {text}</translation>
    </message>
    <message>
        <source>列表字段应为文本列表：{text}</source>
        <translation>The list field must be a list of text: {text}</translation>
    </message>
    <message>
        <source>未知的评价方法：{methods}（可选：{choices}，财预〔2020〕10号）</source>
        <translation>Unknown evaluation method: {methods} (choose from: {choices}, 财预〔2020〕10号)</translation>
    </message>
    <message>
        <source>未知的评价标准：{standard}（可选：{choices}）</source>
        <translation>Unknown evaluation standard: {standard} (choose from: {choices})</translation>
    </message>
    <message>
        <source>未知的资料状态：{status}（可选：{choices}）</source>
        <translation>Unknown document status: {status} (choose from: {choices})</translation>
    </message>
    <message>
        <source>资料 {code}“{title}”不能从“{old}”改为“{new}”</source>
        <translation>Document {code} &quot;{title}&quot; cannot change from &quot;{old}&quot; to &quot;{new}&quot;</translation>
    </message>
    <message>
        <source>评分规则参数不是有效的 JSON（第{line}行第{column}列）：{reason}</source>
        <translation>Scoring rule parameters are not valid JSON (line {line}, column {column}): {reason}</translation>
    </message>
    <message>
        <source>评分规则参数应为 JSON 对象，例如 {&quot;target&quot;: &quot;100&quot;}</source>
        <translation>Scoring rule parameters must be a JSON object, e.g. {&quot;target&quot;: &quot;100&quot;}</translation>
    </message>
    <message>
        <source>评分规则参数“{name}”不是数值：{value}</source>
        <translation>Scoring rule parameter “{name}” is not a number: {value}</translation>
    </message>
    <message>
        <source>比率法的目标值须大于0</source>
        <translation>The target of the ratio method must be greater than 0</translation>
    </message>
    <message>
        <source>区间赋分规则缺少区间（bands）</source>
        <translation>The band scoring rule has no bands</translation>
    </message>
    <message>
        <source>扣分次数不能为负数：{item}</source>
        <translation>The number of deductions cannot be negative: {item}</translation>
    </message>
    <message>
        <source>要点得分规则缺少要点（items）</source>
        <translation>The key-point scoring rule has no items</translation>
    </message>
    <message>
        <source>数据驱动规则缺少计算指标（metric）</source>
        <translation>The data-driven rule has no metric</translation>
    </message>
    <message>
        <source>数据驱动规则的方法应为 ratio 或 bands：{method}</source>
        <translation>The method of a data-driven rule must be ratio or bands: {method}</translation>
    </message>
    <message>
        <source>未知的评分规则类型：{rule_type}（可用：{available}）</source>
        <translation>Unknown scoring rule type: {rule_type} (available: {available})</translation>
    </message>
    <message>
        <source>方向（direction）应为 higher（越高越好）或 lower（越低越好）</source>
        <translation>The direction must be higher (higher is better) or lower (lower is better)</translation>
    </message>
    <message>
        <source>各要点分值合计 {total} 超过指标分值 {weight}</source>
        <translation>The key-point scores add up to {total}, more than the indicator weight {weight}</translation>
    </message>
    <message>
        <source>“{name}”得分不能小于0（输入 {score}）</source>
        <translation>The score of &quot;{name}&quot; cannot be below 0 (entered {score})</translation>
    </message>
    <message>
        <source>“{name}”得分 {score} 超过分值 {weight}</source>
        <translation>The score {score} of &quot;{name}&quot; exceeds its weight {weight}</translation>
    </message>
    <message>
        <source>“{name}”得分低于分值，须填写扣分原因</source>
        <translation>The score of &quot;{name}&quot; is below its weight: enter the reason for the deduction</translation>
    </message>
    <message>
        <source>指标分值合计为 {total}，应为 100</source>
        <translation>The indicator weights add up to {total}; they should add up to 100</translation>
    </message>
    <message>
        <source>“{name}”的下级分值合计 {sum} 与其分值 {weight} 不一致</source>
        <translation>The weights below &quot;{name}&quot; add up to {sum}, which differs from its weight {weight}</translation>
    </message>
    <message>
        <source>“{name}”得分 {score} 不在 0 至 {weight} 之间</source>
        <translation>The score {score} of &quot;{name}&quot; is not between 0 and {weight}</translation>
    </message>
    <message>
        <source>“{name}”扣分但未填写扣分原因</source>
        <translation>&quot;{name}&quot; has a deduction but no reason for it</translation>
    </message>
    <message>
        <source>提示：产出、效益指标权重合计 {weight}，低于财预〔2020〕10号要求的60%</source>
        <translation>Note: output and effect indicators weigh {weight} in total, below the 60% that 财预〔2020〕10号 requires</translation>
    </message>
    <message>
        <source>等级划分格式不正确：{reason}</source>
        <translation>Invalid grade bands: {reason}</translation>
    </message>
    <message>
        <source>等级划分不能为空</source>
        <translation>Grade bands cannot be empty</translation>
    </message>
    <message>
        <source>等级划分的分数下限不能重复</source>
        <translation>Grade band lower bounds must not repeat</translation>
    </message>
    <message>
        <source>等级划分的分数下限应在 0 至 100 之间</source>
        <translation>Grade band lower bounds must be between 0 and 100</translation>
    </message>
    <message>
        <source>最低一档等级的分数下限应为 0</source>
        <translation>The lowest grade band must start at 0</translation>
    </message>
    <message>
        <source>每一档等级都须有名称</source>
        <translation>Every grade band needs a name</translation>
    </message>
    <message>
        <source>等级“{name}”的分数下限“{value}”不是数值</source>
        <translation>The lower bound “{value}” of grade “{name}” is not a number</translation>
    </message>
    <message>
        <source>等级“{name}”出现了两次</source>
        <translation>Grade “{name}” appears twice</translation>
    </message>
    <message>
        <source>等级划分应从高到低排列：“{name}”的下限 {value} 不低于“{previous}”的下限 {bound}</source>
        <translation>Grade bands must go from high to low: the lower bound {value} of “{name}” is not below the lower bound {bound} of “{previous}”</translation>
    </message>
    <message>
        <source>等级划分“{item}”应写作 等级=分数下限，例如 优=90</source>
        <translation>Write the grade band “{item}” as grade=lower bound, e.g. 优=90</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>政策知晓</source>
        <translation>Policy awareness</translation>
    </message>
    <message>
        <source>开放式（文字）</source>
        <translation>Open-ended (text)</translation>
    </message>
    <message>
        <source>样本量为0，无法计算置信区间</source>
        <translation>The sample size is 0; cannot compute a confidence interval</translation>
    </message>
    <message>
        <source>比例须在0到1之间：{value}</source>
        <translation>The proportion must be between 0 and 1: {value}</translation>
    </message>
    <message>
        <source>样本量偏小（{n}人，少于{minimum}人），置信区间参考价值有限</source>
        <translation>Small sample ({n} respondents, fewer than {minimum}); the confidence interval is of limited use</translation>
    </message>
    <message>
        <source>置信区间过宽（半宽{half}个百分点，超过{maximum}个百分点），结果精度不足</source>
        <translation>Confidence interval too wide (half-width {half} percentage points, more than {maximum}); the result is not precise enough</translation>
    </message>
    <message>
        <source>政策知晓率按回答“知道”或答对政策问题的答案数占知晓度有效答案数的比例计算；95%置信区间采用Wilson方法（z=1.96），样本量按有效答卷人数计。</source>
        <translation>The policy awareness rate is the share of answers “aware” or correct answers to policy questions among the valid awareness answers; the 95% confidence interval uses the Wilson method (z=1.96), with the number of valid respondents as the sample size.</translation>
    </message>
    <message>
        <source>满意度按“满意”与“非常满意”的答案数占满意度有效答案数的比例（满意率）计算；95%置信区间采用Wilson方法（z=1.96），样本量按有效答卷人数计。</source>
        <translation>Satisfaction is the share of “satisfied” and “very satisfied” answers among the valid satisfaction answers (satisfied share); the 95% confidence interval uses the Wilson method (z=1.96), with the number of valid respondents as the sample size.</translation>
    </message>
    <message>
        <source>满意度按平均得分折算为百分制计算：每个答案按其分值除以满分（{max_score}分）乘以100（非常满意100分……非常不满意{lowest}分），再求平均；95%置信区间采用Wilson方法（z=1.96），样本量按有效答卷人数计。</source>
        <translation>Satisfaction is the mean score on a 100-point scale: each answer&apos;s points divided by the maximum ({max_score} points) times 100 (very satisfied 100 … very dissatisfied {lowest}), then averaged; the 95% confidence interval uses the Wilson method (z=1.96), with the number of valid respondents as the sample size.</translation>
    </message>
    <message>
        <source>满意度合并各问卷按其所选方法（满意率或平均分折算百分制）计算的答案值后求平均；95%置信区间采用Wilson方法（z=1.96），样本量按有效答卷人数计。</source>
        <translation>Satisfaction is the mean of the answer values of all surveys, each computed by its chosen method (satisfied share or mean score on a 100-point scale); the 95% confidence interval uses the Wilson method (z=1.96), with the number of valid respondents as the sample size.</translation>
    </message>
    <message>
        <source>符合要求。</source>
        <translation>Meets the requirements.</translation>
    </message>
    <message>
        <source>审核规则 {rule_id} 的 {key} 不是有效的正则表达式：{reason}</source>
        <translation>The {key} of review rule {rule_id} is not a valid regular expression: {reason}</translation>
    </message>
    <message>
        <source>{source} 没有审核规则（[[rule]]）</source>
        <translation>{source} has no review rules ([[rule]])</translation>
    </message>
    <message>
        <source>{source} 第 {number} 条规则缺少 {key}</source>
        <translation>{source}: rule {number} is missing {key}</translation>
    </message>
    <message>
        <source>{source} 规则 id 重复：{rule_id}</source>
        <translation>{source}: duplicate rule id: {rule_id}</translation>
    </message>
    <message>
        <source>{source} 规则 {rule_id} 的 check 未知：{check}（可选：{choices}）</source>
        <translation>{source}: rule {rule_id} has an unknown check: {check} (choices: {choices})</translation>
    </message>
    <message>
        <source>{source} 规则 {rule_id} 的 indicator 应为 {choices}</source>
        <translation>{source}: the indicator of rule {rule_id} must be {choices}</translation>
    </message>
    <message>
        <source>未知的审核检查：{check}</source>
        <translation>Unknown review check: {check}</translation>
    </message>
    <message>
        <source>评价文件中缺少该报告的内容（SHA-256 {sha256}…）</source>
        <translation>The evaluation file lacks the content of this report (SHA-256 {sha256}…)</translation>
    </message>
    <message>
        <source>评价文件中保存的报告已被改动（SHA-256 不符）：{title}</source>
        <translation>The report saved in the evaluation file has been altered (SHA-256 mismatch): {title}</translation>
    </message>
    <message>
        <source>还有 {count} 个合并冲突未解决（{names}），不能最终签署；请先在“合并冲突”中逐项解决</source>
        <translation>{count} merge conflict(s) are still open ({names}); the report cannot be signed as final. Resolve them first under “Merge conflicts”</translation>
    </message>
    <message>
        <source>请先填写本评价的年度，再关联上年评价文件</source>
        <translation>Enter this evaluation&apos;s fiscal year before linking last year&apos;s evaluation file</translation>
    </message>
    <message>
        <source>不能把本评价文件自身关联为上年评价：{path}</source>
        <translation>An evaluation file cannot be its own baseline: {path}</translation>
    </message>
    <message>
        <source>评价文件缺少评价基本信息：{path}</source>
        <translation>The evaluation file lacks the basic evaluation information: {path}</translation>
    </message>
    <message>
        <source>上年评价文件的基金为“{other}”，与本评价的“{this}”不同：{path}</source>
        <translation>Last year&apos;s evaluation file is about the fund “{other}”, not “{this}” as this evaluation: {path}</translation>
    </message>
    <message>
        <source>上年评价文件的地区为“{other}”，与本评价的“{this}”不同：{path}</source>
        <translation>Last year&apos;s evaluation file is about the region “{other}”, not “{this}” as this evaluation: {path}</translation>
    </message>
    <message>
        <source>上年评价文件的年度为{other}年，应为{expected}年（本评价{this}年）：{path}</source>
        <translation>Last year&apos;s evaluation file is of fiscal year {other}; it should be {expected} (this evaluation: {this}): {path}</translation>
    </message>
    <message>
        <source>未关联上年评价文件</source>
        <translation>No evaluation file of last year is linked</translation>
    </message>
    <message>
        <source>找不到关联的上年评价文件：{path}（请重新关联）</source>
        <translation>The linked evaluation file of last year is not found: {path} (link it again)</translation>
    </message>
    <message>
        <source>上年评价文件在关联后已改变（SHA-256 不同），请核对后重新关联：{path}</source>
        <translation>Last year&apos;s evaluation file has changed since it was linked (different SHA-256); check it and link it again: {path}</translation>
    </message>
    <message>
        <source>已关联上年评价：{title}（{year}年），文件未改变：{path}</source>
        <translation>Linked to last year&apos;s evaluation: {title} ({year}), file unchanged: {path}</translation>
    </message>
    <message>
        <source>期初余额</source>
        <translation>opening balance</translation>
    </message>
    <message>
        <source>由本年收支倒推的期初余额</source>
        <translation>opening balance implied by this year&apos;s income and spending</translation>
    </message>
    <message>
        <source>{year}年{how}{opening}等于上年评价文件中{previous_year}年年末滚存结余{closing}</source>
        <translation>{year} {how} {opening} equals the {previous_year} year-end balance {closing} in last year&apos;s evaluation file</translation>
    </message>
    <message>
        <source>{year}年{how}{opening}不等于上年评价文件中{previous_year}年年末滚存结余{closing}，相差{difference}</source>
        <translation>{year} {how} {opening} does not equal the {previous_year} year-end balance {closing} in last year&apos;s evaluation file; difference {difference}</translation>
    </message>
    <message>
        <source>整改情况应为 已整改、部分整改、未整改 或 待核实，而不是“{status}”</source>
        <translation>Rectification must be Fixed, Partly fixed, Not fixed or To be checked, not “{status}”</translation>
    </message>
    <message>
        <source>“{title}”不是结转的上年问题</source>
        <translation>“{title}” is not a problem carried from last year</translation>
    </message>
    <message>
        <source>解除锁定须说明原因</source>
        <translation>Unlocking requires a reason</translation>
    </message>
    <message>
        <source>未知的报告模板：{template}（可选：{choices}）</source>
        <translation>Unknown report template: {template} (choices: {choices})</translation>
    </message>
    <message>
        <source>无法写入报告文件 {path}：{reason}</source>
        <translation>Cannot write the report file {path}: {reason}</translation>
    </message>
    <message>
        <source>无法写入报告文件 {path}：{reason}（文件是否正被其他程序打开？）</source>
        <translation>Cannot write the report file {path}: {reason} (is the file open in another program?)</translation>
    </message>
    <message>
        <source>{year}年没有预算数或执行数，无法绘制预算与执行对比图</source>
        <translation>No budget or actual spending for {year}; cannot draw the budget vs. actual chart</translation>
    </message>
    <message>
        <source>没有各年度基金收支数据，无法绘制收支趋势图</source>
        <translation>No yearly fund income and expenditure data; cannot draw the income and expenditure trend chart</translation>
    </message>
    <message>
        <source>没有满意度或知晓率数据，无法绘制问卷结果图</source>
        <translation>No satisfaction or awareness data; cannot draw the survey results chart</translation>
    </message>
    <message>
        <source>报告中有字体无法显示的字符，未生成 PDF：{places}。请在相应内容中替换这些字符后重试。</source>
        <translation>The report contains characters the fonts cannot display; no PDF was created: {places}. Please replace these characters in the content and try again.</translation>
    </message>
    <message>
        <source>报告排版失败：{reason}</source>
        <translation>Report layout failed: {reason}</translation>
    </message>
    <message>
        <source>目录页码无法稳定（排版多次后仍变化），请联系技术支持</source>
        <translation>The table of contents page numbers do not settle (they still change after several layout passes). Please contact technical support</translation>
    </message>
    <message>
        <source>无法加载报告字体 {path}：{reason}（请重新安装 WCIF Desktop）</source>
        <translation>Cannot load the report font {path}: {reason} (please reinstall WCIF Desktop)</translation>
    </message>
    <message>
        <source>签署报告需要签名证书密码</source>
        <translation>Signing the report requires the signing certificate password</translation>
    </message>
    <message>
        <source>报告未能写入或保存（{reason}），未留下签署的报告：{path}</source>
        <translation>The report could not be written or kept ({reason}); no signed report was left behind: {path}</translation>
    </message>
    <message>
        <source>另存为的目标就是当前文件：{path}</source>
        <translation>The target is the open file itself: {path}</translation>
    </message>
    <message>
        <source>无法另存为 {path}：{reason}</source>
        <translation>Cannot save as {path}: {reason}</translation>
    </message>
    <message>
        <source>评价年度应在 2000—2100 之间：{year}</source>
        <translation>The fiscal year must lie between 2000 and 2100: {year}</translation>
    </message>
    <message>
        <source>评价已锁定（报告已最终签署），如需修改请先解除锁定并说明原因</source>
        <translation>The evaluation is locked (the report has been finally signed). To make changes, unlock it first and give a reason</translation>
    </message>
    <message>
        <source>未知字段：{fields}</source>
        <translation>Unknown fields: {fields}</translation>
    </message>
    <message>
        <source>“{label}”：{reason}</source>
        <translation>“{label}”: {reason}</translation>
    </message>
    <message>
        <source>第{row}行：{reason}</source>
        <translation>Row {row}: {reason}</translation>
    </message>
    <message>
        <source>{path} 中没有识别出业务数据（应为“项目 | 数值”两列，如“参保人数 | 123456”）</source>
        <translation>No business data recognised in {path} (expected two columns “item | value”, e.g. “参保人数 | 123456”)</translation>
    </message>
    <message>
        <source>无法写入文件 {path}：{reason}</source>
        <translation>Cannot write the file {path}: {reason}</translation>
    </message>
    <message>
        <source>不是基金收支表的标准行：{code}</source>
        <translation>Not a standard line of the fund statement: {code}</translation>
    </message>
    <message>
        <source>“{name}”是上级指标，其得分由下级指标汇总，不能直接填写</source>
        <translation>&quot;{name}&quot; is a parent indicator; its score is the sum of its child indicators and cannot be entered directly</translation>
    </message>
    <message>
        <source>找不到要添加的文件（可能已被移动或删除）：{path}</source>
        <translation>The file to add was not found (it may have been moved or deleted): {path}</translation>
    </message>
    <message>
        <source>不能添加文件夹，请选择文件：{path}</source>
        <translation>A folder cannot be added; please choose a file: {path}</translation>
    </message>
    <message>
        <source>没有读取权限（或文件正被其他程序独占打开），无法添加：{path}</source>
        <translation>No permission to read the file (or another program has it open exclusively); cannot add: {path}</translation>
    </message>
    <message>
        <source>文件为空（0 字节），未添加：{path}</source>
        <translation>The file is empty (0 bytes) and was not added: {path}</translation>
    </message>
    <message>
        <source>读取文件时出错（文件可能已被移动或所在设备已断开）：{path}：{reason}</source>
        <translation>Error reading the file (it may have been moved or its device disconnected): {path}: {reason}</translation>
    </message>
    <message>
        <source>计算校验值</source>
        <translation>Computing the checksum</translation>
    </message>
    <message>
        <source>证据内容不完整（缺少第 {chunk} 块）：{sha256}</source>
        <translation>The evidence content is incomplete (chunk {chunk} is missing): {sha256}</translation>
    </message>
    <message>
        <source>无法确定 {folder} 的可用磁盘空间：{reason}</source>
        <translation>Cannot determine the free disk space of {folder}: {reason}</translation>
    </message>
    <message>
        <source>磁盘空间不足：导出“{name}”需要约 {needed}，{folder} 所在磁盘仅剩 {free}。请清理磁盘后重试，已保存的内容未受影响</source>
        <translation>Not enough disk space: exporting &quot;{name}&quot; needs about {needed}, but the disk of {folder} has only {free} left. Free up space and try again; saved content is not affected</translation>
    </message>
    <message>
        <source>磁盘空间不足：添加“{name}”需要约 {needed}，{folder} 所在磁盘仅剩 {free}。请清理磁盘后重试，已保存的内容未受影响</source>
        <translation>Not enough disk space: adding &quot;{name}&quot; needs about {needed}, but the disk of {folder} has only {free} left. Free up space and try again; saved content is not affected</translation>
    </message>
    <message>
        <source>证据只能关联到资料清单项、指标或工作底稿，不能关联到“{kind}”</source>
        <translation>Evidence can only be linked to a document request list item, an indicator or a working paper, not to &quot;{kind}&quot;</translation>
    </message>
    <message>
        <source>要关联的资料不存在：{target_id}</source>
        <translation>The document to link does not exist: {target_id}</translation>
    </message>
    <message>
        <source>要关联的指标不存在：{target_id}</source>
        <translation>The indicator to link does not exist: {target_id}</translation>
    </message>
    <message>
        <source>要关联的工作底稿不存在：{target_id}</source>
        <translation>The working paper to link does not exist: {target_id}</translation>
    </message>
    <message>
        <source>无法重新读取文件：{path}：{reason}</source>
        <translation>Cannot read the file again: {path}: {reason}</translation>
    </message>
    <message>
        <source>写入评价文件</source>
        <translation>Writing to the evaluation file</translation>
    </message>
    <message>
        <source>文件在读取过程中发生了变化，未添加，请关闭正在编辑它的程序后重试：{path}</source>
        <translation>The file changed while it was being read and was not added. Close the program editing it and try again: {path}</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>请给出证据的 SHA-256（至少前 6 位十六进制数字）：{value}</source>
        <translation>Give the SHA-256 of the evidence (at least the first 6 hex digits): {value}</translation>
    </message>
    <message>
        <source>评价文件中没有 SHA-256 为 {key}… 的证据</source>
        <translation>The evaluation file has no evidence with SHA-256 {key}…</translation>
    </message>
    <message>
        <source>SHA-256 前缀 {key} 对应多份证据，请给出更长的前缀</source>
        <translation>The SHA-256 prefix {key} matches several pieces of evidence; give a longer prefix</translation>
    </message>
    <message>
        <source>目标文件已存在，未覆盖：{path}</source>
        <translation>The target file already exists and was not overwritten: {path}</translation>
    </message>
    <message>
        <source>目标文件夹不存在：{folder}</source>
        <translation>The target folder does not exist: {folder}</translation>
    </message>
    <message>
        <source>无法写入目标文件夹 {folder}：{reason}</source>
        <translation>Cannot write to the target folder {folder}: {reason}</translation>
    </message>
    <message>
        <source>导出证据</source>
        <translation>Exporting evidence</translation>
    </message>
    <message>
        <source>证据“{name}”的内容已损坏（SHA-256 不符），未导出</source>
        <translation>The content of the evidence &quot;{name}&quot; is damaged (SHA-256 mismatch) and was not exported</translation>
    </message>
    <message>
        <source>无法写入 {path}：{reason}</source>
        <translation>Cannot write {path}: {reason}</translation>
    </message>
    <message>
        <source>校验证据</source>
        <translation>Verifying evidence</translation>
    </message>
    <message>
        <source>{field} 不能为负数</source>
        <translation>{field} cannot be negative</translation>
    </message>
    <message>
        <source>{year}年预算数</source>
        <translation>{year} budget</translation>
    </message>
    <message>
        <source>{year}年调整后预算数</source>
        <translation>{year} adjusted budget</translation>
    </message>
    <message>
        <source>{year}年执行数</source>
        <translation>{year} actual</translation>
    </message>
    <message>
        <source>第{row}行“{label}”：不是基金收支表的标准行（未识别的行标题）</source>
        <translation>Row {row} “{label}”: not a standard line of the fund statement (row title not recognised)</translation>
    </message>
    <message>
        <source>第{row}行“{label}”：与第{first}行重复（同一行次{line}）</source>
        <translation>Row {row} “{label}”: duplicate of row {first} (same line {line})</translation>
    </message>
    <message>
        <source>第{row}行“{label}”：没有数值</source>
        <translation>Row {row} “{label}”: no values</translation>
    </message>
    <message>
        <source>第{row}行“{label}”：{reason}</source>
        <translation>Row {row} “{label}”: {reason}</translation>
    </message>
    <message>
        <source>工作表“{sheet}”：金额单位 {unit}（指定）；行标题列 {label_column}；{columns}；可导入 {lines} 行 {values} 个数值，拒绝 {rejected} 个单元格，跳过 {skipped} 行</source>
        <translation>Sheet “{sheet}”: amount unit {unit} (chosen); row title column {label_column}; {columns}; {lines} rows with {values} values can be imported, {rejected} cells rejected, {skipped} rows skipped</translation>
    </message>
    <message>
        <source>工作表“{sheet}”：金额单位 {unit}（据标题识别）；行标题列 {label_column}；{columns}；可导入 {lines} 行 {values} 个数值，拒绝 {rejected} 个单元格，跳过 {skipped} 行</source>
        <translation>Sheet “{sheet}”: amount unit {unit} (detected from the title); row title column {label_column}; {columns}; {lines} rows with {values} values can be imported, {rejected} cells rejected, {skipped} rows skipped</translation>
    </message>
    <message>
        <source>工作表“{sheet}”：金额单位 {unit}（据表头识别）；行标题列 {label_column}；{columns}；可导入 {lines} 行 {values} 个数值，拒绝 {rejected} 个单元格，跳过 {skipped} 行</source>
        <translation>Sheet “{sheet}”: amount unit {unit} (detected from the header); row title column {label_column}; {columns}; {lines} rows with {values} values can be imported, {rejected} cells rejected, {skipped} rows skipped</translation>
    </message>
    <message>
        <source>工作表“{sheet}”：金额单位 未知；行标题列 {label_column}；{columns}；可导入 {lines} 行 {values} 个数值，拒绝 {rejected} 个单元格，跳过 {skipped} 行</source>
        <translation>Sheet “{sheet}”: amount unit unknown; row title column {label_column}; {columns}; {lines} rows with {values} values can be imported, {rejected} cells rejected, {skipped} rows skipped</translation>
    </message>
    <message>
        <source>工作表“{sheet}”：金额单位 {unit}；行标题列 {label_column}；{columns}；可导入 {lines} 行 {values} 个数值，拒绝 {rejected} 个单元格，跳过 {skipped} 行</source>
        <translation>Sheet “{sheet}”: amount unit {unit}; row title column {label_column}; {columns}; {lines} rows with {values} values can be imported, {rejected} cells rejected, {skipped} rows skipped</translation>
    </message>
    <message>
        <source>工作表“{sheet}”中没有识别出预算数/调整后预算数/执行数列（表头：{names}），请手动指定列</source>
        <translation>No budget, adjusted budget or actual spending columns recognized in sheet &quot;{sheet}&quot; (headers: {names}). Please choose the columns manually</translation>
    </message>
    <message>
        <source>无法从标题或表头识别金额单位，请指定单位“元”或“万元”（工作表“{sheet}”，{column}列“{name}”）</source>
        <translation>Cannot tell the amount unit from the title or headers. Please specify the unit &quot;元&quot; (yuan) or &quot;万元&quot; (10,000 yuan) (sheet &quot;{sheet}&quot;, column {column} &quot;{name}&quot;)</translation>
    </message>
    <message>
        <source>不是基金收支表的标准行（未识别的行标题）</source>
        <translation>Not a standard line of the fund statement (row title not recognised)</translation>
    </message>
    <message>
        <source>与第{first}行重复（同一行次{line}）</source>
        <translation>Duplicate of row {first} (same line {line})</translation>
    </message>
    <message>
        <source>没有数值</source>
        <translation>No values</translation>
    </message>
    <message>
        <source>问题库文件无法读取：{path}（{reason}）</source>
        <translation>Cannot read the problem library file: {path} ({reason})</translation>
    </message>
    <message>
        <source>问题库中没有该条目：{entry_id}</source>
        <translation>No such entry in the problem library: {entry_id}</translation>
    </message>
    <message>
        <source>问题库条目的标题不能为空</source>
        <translation>The title of a problem library entry cannot be empty</translation>
    </message>
    <message>
        <source>无法写入问题库导出文件 {path}：{reason}</source>
        <translation>Cannot write the problem library export file {path}: {reason}</translation>
    </message>
    <message>
        <source>无法读取问题库文件 {path}：{reason}</source>
        <translation>Cannot read the problem library file {path}: {reason}</translation>
    </message>
    <message>
        <source>不是问题库导出文件：{path}</source>
        <translation>Not a problem library export file: {path}</translation>
    </message>
    <message>
        <source>问题库文件由更新版本导出（版本 {version}），请升级软件：{path}</source>
        <translation>The problem library file was exported by a newer version (version {version}). Please upgrade: {path}</translation>
    </message>
    <message>
        <source>问题库文件缺少 entries 列表：{path}</source>
        <translation>The problem library file has no entries list: {path}</translation>
    </message>
    <message>
        <source>问题库文件 {path} 第 {index} 条缺少 id 或 title</source>
        <translation>Entry {index} of the problem library file {path} has no id or title</translation>
    </message>
    <message>
        <source>“{title}”不是存在问题，只有问题可以存入问题库</source>
        <translation>&quot;{title}&quot; is not a problem; only problems can be saved to the problem library</translation>
    </message>
    <message>
        <source>指标（已删除）</source>
        <translation>Indicator (deleted)</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>指标 {detail}</source>
        <translation>Indicator {detail}</translation>
    </message>
    <message>
        <source>工作底稿（已删除）</source>
        <translation>Working paper (deleted)</translation>
    </message>
    <message>
        <source>工作底稿</source>
        <translation>Working paper</translation>
    </message>
    <message>
        <source>工作底稿 {detail}</source>
        <translation>Working paper {detail}</translation>
    </message>
    <message>
        <source>证据（已删除）</source>
        <translation>Evidence (deleted)</translation>
    </message>
    <message>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>证据 {detail}</source>
        <translation>Evidence {detail}</translation>
    </message>
    <message>
        <source>问题只能关联到指标、工作底稿或证据，不能关联到“{kind}”</source>
        <translation>A finding can only be linked to an indicator, a working paper or evidence, not to &quot;{kind}&quot;</translation>
    </message>
    <message>
        <source>该评价文件不支持问题关联（请用新版本重新创建或导入评价文件）</source>
        <translation>This evaluation file does not support finding links (create or import the evaluation file again with the new version)</translation>
    </message>
    <message>
        <source>要关联的证据不存在：{target_id}</source>
        <translation>The evidence to link does not exist: {target_id}</translation>
    </message>
    <message>
        <source>只有建议可以对应问题：“{title}”</source>
        <translation>Only a recommendation can answer problems: &quot;{title}&quot;</translation>
    </message>
    <message>
        <source>建议对应的问题不存在：{problem_id}</source>
        <translation>The problem the recommendation answers does not exist: {problem_id}</translation>
    </message>
    <message>
        <source>指标体系模板无法读取：{path}（{reason}）</source>
        <translation>Cannot read the indicator framework template: {path} ({reason})</translation>
    </message>
    <message>
        <source>指标体系模板缺少“{key}”：{path}</source>
        <translation>The indicator framework template lacks “{key}”: {path}</translation>
    </message>
    <message>
        <source>找不到指标体系模板：{key}（现有：{available}）</source>
        <translation>Indicator framework template not found: {key} (available: {available})</translation>
    </message>
    <message>
        <source>模板 {key}：{where} 引用的基础指标“{base}”不存在</source>
        <translation>Template {key}: the base indicator “{base}” referenced by {where} does not exist</translation>
    </message>
    <message>
        <source>模板 {key}：{where} 缺少名称或分值</source>
        <translation>Template {key}: {where} has no name or weight</translation>
    </message>
    <message>
        <source>模板 {key}：“{name}”的评分规则有误：{reason}</source>
        <translation>Template {key}: the scoring rule of “{name}” is invalid: {reason}</translation>
    </message>
    <message>
        <source>模板 {key} 的分值不一致：{problems}</source>
        <translation>The weights of template {key} do not add up: {problems}</translation>
    </message>
    <message>
        <source>本评价已有 {count} 个指标；如需改用模板“{template}”，请选择替换现有指标体系</source>
        <translation>This evaluation already has {count} indicators. To use the template “{template}” instead, choose to replace the existing indicator framework</translation>
    </message>
    <message>
        <source>指标不存在：{indicator_id}</source>
        <translation>The indicator does not exist: {indicator_id}</translation>
    </message>
    <message>
        <source>指标名称不能为空</source>
        <translation>The indicator name cannot be empty</translation>
    </message>
    <message>
        <source>“{name}”的分值不能为负数</source>
        <translation>The weight of “{name}” cannot be negative</translation>
    </message>
    <message>
        <source>指标最多三级，不能在三级指标“{name}”下再添加</source>
        <translation>Indicators have at most three levels; cannot add below the level-3 indicator “{name}”</translation>
    </message>
    <message>
        <source>“{name}”已有得分，添加下级指标前请先清除其得分</source>
        <translation>“{name}” already has a score. Clear its score before adding sub-indicators</translation>
    </message>
    <message>
        <source>不能把“{name}”移到它自己的下级</source>
        <translation>Cannot move “{name}” below itself</translation>
    </message>
    <message>
        <source>“{name}”已有得分，不能作为上级指标</source>
        <translation>“{name}” already has a score and cannot be a parent indicator</translation>
    </message>
    <message>
        <source>移动后“{name}”的下级将超过三级</source>
        <translation>After the move, “{name}” would have more than three levels below it</translation>
    </message>
    <message>
        <source>“{name}”已得 {score} 分，高于新分值 {weight}；请先调整得分</source>
        <translation>“{name}” has a score of {score}, above the new weight {weight}. Please adjust the score first</translation>
    </message>
    <message>
        <source>不能在此修改的字段：{fields}</source>
        <translation>These fields cannot be changed here: {fields}</translation>
    </message>
    <message>
        <source>未知的评分规则类型：{rule_type}</source>
        <translation>Unknown scoring rule type: {rule_type}</translation>
    </message>
    <message>
        <source>评价小组中没有成员“{name}”</source>
        <translation>The evaluation team has no member &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>评价小组中有多名成员“{name}”</source>
        <translation>The evaluation team has several members named &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>成员姓名不能为空</source>
        <translation>Member name cannot be empty</translation>
    </message>
    <message>
        <source>未知的小组角色：{role}（可选：{roles}）</source>
        <translation>Unknown team role: {role} (choose from: {roles})</translation>
    </message>
    <message>
        <source>{name} 声明不具备独立性时，须说明关联关系</source>
        <translation>{name} declared not being independent: describe the relationship</translation>
    </message>
    <message>
        <source>{name}（{role}）尚未填写独立性声明</source>
        <translation>{name} ({role}) has not made an independence declaration yet</translation>
    </message>
    <message>
        <source>{name}（{role}）声明不具备独立性：{note}</source>
        <translation>{name} ({role}) declared not to be independent: {note}</translation>
    </message>
    <message>
        <source>评价依据的文件名称不能为空</source>
        <translation>The title of the basis document cannot be empty</translation>
    </message>
    <message>
        <source>开始日期应写成 年-月-日（如 2022-04-01），输入为“{text}”</source>
        <translation>The start date must be written as year-month-day (e.g. 2022-04-01); you entered &quot;{text}&quot;</translation>
    </message>
    <message>
        <source>结束日期应写成 年-月-日（如 2022-04-01），输入为“{text}”</source>
        <translation>The end date must be written as year-month-day (e.g. 2022-04-01); you entered &quot;{text}&quot;</translation>
    </message>
    <message>
        <source>结束日期 {end} 早于开始日期 {start}</source>
        <translation>End date {end} is before start date {start}</translation>
    </message>
    <message>
        <source>阶段名称不能为空</source>
        <translation>Phase name cannot be empty</translation>
    </message>
    <message>
        <source>无法读取资料清单模板 {path}：{reason}</source>
        <translation>Cannot read the document request list template {path}: {reason}</translation>
    </message>
    <message>
        <source>资料清单模板 {path} 没有类别（[[category]]）</source>
        <translation>The document request list template {path} has no categories ([[category]])</translation>
    </message>
    <message>
        <source>资料清单模板 {path} 第 {number} 个类别缺少 code、name 或 items</source>
        <translation>Category {number} of the document request list template {path} lacks code, name or items</translation>
    </message>
    <message>
        <source>资料清单模板 {path} 类别编号重复：{code}</source>
        <translation>Duplicate category code in the document request list template {path}: {code}</translation>
    </message>
    <message>
        <source>资料清单模板 {path} 类别 {code} 第 {number} 项缺少 title</source>
        <translation>Item {number} of category {code} in the document request list template {path} lacks a title</translation>
    </message>
    <message>
        <source>资料清单中没有编号为“{code}”的资料</source>
        <translation>The document request list has no item with the code &quot;{code}&quot;</translation>
    </message>
    <message>
        <source>资料名称不能为空</source>
        <translation>The document name cannot be empty</translation>
    </message>
    <message>
        <source>资料类别不能为空</source>
        <translation>The document category cannot be empty</translation>
    </message>
    <message>
        <source>资料编号 {code} 已被使用</source>
        <translation>The document code {code} is already in use</translation>
    </message>
    <message>
        <source>截止日期 {due_on} 早于索取日期 {requested_on}</source>
        <translation>The due date {due_on} is earlier than the request date {requested_on}</translation>
    </message>
    <message>
        <source>不能在此修改字段：{fields}（状态请用“更改状态”）</source>
        <translation>These fields cannot be changed here: {fields} (use &quot;Change status&quot; for the status)</translation>
    </message>
    <message>
        <source>资料编号不能为空</source>
        <translation>The document code cannot be empty</translation>
    </message>
    <message>
        <source>资料名称和类别不能为空</source>
        <translation>The document name and category cannot be empty</translation>
    </message>
    <message>
        <source>核查记录内容不能为空</source>
        <translation>The review note cannot be empty</translation>
    </message>
    <message>
        <source>关联的指标不存在：{id}</source>
        <translation>The linked indicator does not exist: {id}</translation>
    </message>
    <message>
        <source>关联的资料不存在：{id}</source>
        <translation>The linked document does not exist: {id}</translation>
    </message>
    <message>
        <source>工作底稿标题不能为空</source>
        <translation>The working paper title cannot be empty</translation>
    </message>
    <message>
        <source>不能在此修改字段：{fields}</source>
        <translation>These fields cannot be changed here: {fields}</translation>
    </message>
    <message>
        <source>{name} 已作为复核人签字，不能同时作为编制人</source>
        <translation>{name} has already signed as reviewer and cannot also be the preparer</translation>
    </message>
    <message>
        <source>工作底稿“{title}”须先由编制人签字（修改后须重新签字），才能复核</source>
        <translation>The working paper &quot;{title}&quot; must first be signed by its preparer (and signed again after changes) before it can be reviewed</translation>
    </message>
    <message>
        <source>复核人须为编制人以外的小组成员：{name} 是本底稿的编制人</source>
        <translation>The reviewer must be a team member other than the preparer: {name} prepared this working paper</translation>
    </message>
    <message>
        <source>未知的签字角色：{role}（preparer 编制人 / reviewer 复核人）</source>
        <translation>Unknown sign-off role: {role} (preparer / reviewer)</translation>
    </message>
    <message>
        <source>被访谈人不能为空（可填写职务，如“基金科科长”）</source>
        <translation>The interviewee cannot be empty (a job title is fine, e.g. &quot;Head of the Fund Section&quot;)</translation>
    </message>
    <message>
        <source>请至少选择一名访谈人（评价小组成员）</source>
        <translation>Select at least one interviewer (a member of the evaluation team)</translation>
    </message>
    <message>
        <source>不支持的导出格式“（无扩展名）”：请使用 .xlsx 或 .pdf（{path}）</source>
        <translation>Unsupported export format &quot;(no extension)&quot;: use .xlsx or .pdf ({path})</translation>
    </message>
    <message>
        <source>不支持的导出格式“{suffix}”：请使用 .xlsx 或 .pdf（{path}）</source>
        <translation>Unsupported export format &quot;{suffix}&quot;: use .xlsx or .pdf ({path})</translation>
    </message>
    <message>
        <source>资料清单为空，请先添加资料或从模板生成</source>
        <translation>The document request list is empty. Add items first or create it from the template</translation>
    </message>
    <message>
        <source>导出目录不存在：{folder}</source>
        <translation>The export folder does not exist: {folder}</translation>
    </message>
    <message>
        <source>无法写入导出目录 {folder}：{reason}</source>
        <translation>Cannot write to the export folder {folder}: {reason}</translation>
    </message>
    <message>
        <source>导出资料清单</source>
        <translation>Exporting the document request list</translation>
    </message>
    <message>
        <source>工作表“{sheet}”第{row}行：找不到指标名称列或分值/权重列（表头：{headers}）</source>
        <translation>Sheet &quot;{sheet}&quot;, row {row}: no indicator name column or points/weight column found (headers: {headers})</translation>
    </message>
    <message>
        <source>评分表有无法读取的单元格：{cells}（另有 {more} 处）</source>
        <translation>The score sheet has cells that cannot be read: {cells} ({more} more)</translation>
    </message>
    <message>
        <source>评分表有无法读取的单元格：{cells}</source>
        <translation>The score sheet has cells that cannot be read: {cells}</translation>
    </message>
    <message>
        <source>工作表“{sheet}”中没有找到带分值的指标行：{path}</source>
        <translation>No indicator rows with points found in sheet &quot;{sheet}&quot;: {path}</translation>
    </message>
    <message>
        <source>评分表中有超出分值的得分：{problems}</source>
        <translation>The score sheet has scores above their points: {problems}</translation>
    </message>
    <message>
        <source>评分表“{sheet}”中没有可导入的指标行</source>
        <translation>Score sheet “{sheet}” has no indicator rows to import</translation>
    </message>
    <message>
        <source>工作表“{sheet}”第{rows}行是一级/二级指标的汇总得分（{names}），没有末级指标的分值和得分：导入不能把汇总得分分到末级指标，也不会用它们替换本评价的指标体系，因此未导入。请在评分步骤逐项评分，或导入列有末级指标的评分表（汇总得分与本评价的核对见导入预览）</source>
        <translation>Rows {rows} of sheet “{sheet}” are level-1/level-2 group scores ({names}) without leaf weights and scores: the import cannot spread a group score over the leaf indicators and will not replace this evaluation&apos;s indicator framework with them, so nothing was imported. Score the indicators one by one in the scoring step, or import a score sheet that lists the leaf indicators (the preview compares the group scores with this evaluation).</translation>
    </message>
    <message>
        <source>本评价已有 {count} 个指标；导入评分表会替换现有指标体系，请确认替换</source>
        <translation>This evaluation already has {count} indicators; importing the score sheet replaces the existing indicator framework. Please confirm the replacement</translation>
    </message>
    <message>
        <source>无法写入评分表（文件是否已在 Excel 中打开？）：{path}（{reason}）</source>
        <translation>Cannot write the score sheet (is the file open in Excel?): {path} ({reason})</translation>
    </message>
    <message>
        <source>“{code} {name}”的评分规则有误：{reason}</source>
        <translation>The scoring rule of &quot;{code} {name}&quot; is invalid: {reason}</translation>
    </message>
    <message>
        <source>引用类型应为 {kinds}：{kind}</source>
        <translation>Citation type must be {kinds}: {kind}</translation>
    </message>
    <message>
        <source>请选择要引用的工作底稿或证据</source>
        <translation>Select a working paper or evidence to cite</translation>
    </message>
    <message>
        <source>该得分已引用此项</source>
        <translation>This score already cites this item</translation>
    </message>
    <message>
        <source>底稿 {name}</source>
        <translation>Working paper {name}</translation>
    </message>
    <message>
        <source>证据 {name}</source>
        <translation>Evidence {name}</translation>
    </message>
    <message>
        <source>工作底稿 {name}</source>
        <translation>Working paper {name}</translation>
    </message>
    <message>
        <source>未知的专家评分汇总方法：{method}（可用：{methods}）</source>
        <translation>Unknown method for combining expert scores: {method} (available: {methods})</translation>
    </message>
    <message>
        <source>“{name}”是上级指标，由下级指标汇总，不能直接评分</source>
        <translation>&quot;{name}&quot; is a parent indicator summed from its sub-indicators and cannot be scored directly</translation>
    </message>
    <message>
        <source>只有评价组组长可以公开专家评分（{name} 不是组长）</source>
        <translation>Only the evaluation team lead can reveal the expert scores ({name} is not the lead)</translation>
    </message>
    <message>
        <source>专家评分尚未由组长公开，不能汇总</source>
        <translation>The expert scores have not been revealed by the team lead yet and cannot be combined</translation>
    </message>
    <message>
        <source>问卷名称和调查对象（群体）不能为空</source>
        <translation>The survey title and the respondent group cannot be empty</translation>
    </message>
    <message>
        <source>未知的满意度计算方法“{method}”（可选：share 满意率，mean 平均分折算百分制）</source>
        <translation>Unknown satisfaction method “{method}” (choose: share = satisfaction rate, mean = average score on a 100-point scale)</translation>
    </message>
    <message>
        <source>未知的满意度计算方法“{method}”</source>
        <translation>Unknown satisfaction method “{method}”</translation>
    </message>
    <message>
        <source>未知的题目类型“{kind}”（可选：{kinds}）</source>
        <translation>Unknown question type “{kind}” (choose: {kinds})</translation>
    </message>
    <message>
        <source>题目内容不能为空</source>
        <translation>The question text cannot be empty</translation>
    </message>
    <message>
        <source>问卷“{survey}”中已有该题目：{text}</source>
        <translation>The survey “{survey}” already has this question: {text}</translation>
    </message>
    <message>
        <source>知晓度题目“{text}”须指定正确答案（选项之一）</source>
        <translation>The awareness question “{text}” needs a correct answer (one of its options)</translation>
    </message>
    <message>
        <source>题目“{text}”的选项有重复</source>
        <translation>The question “{text}” has duplicate options</translation>
    </message>
    <message>
        <source>问卷“{survey}”中已有编号为“{rid}”的答卷</source>
        <translation>The survey “{survey}” already has a response with ID “{rid}”</translation>
    </message>
    <message>
        <source>问卷“{survey}”中没有题目“{key}”</source>
        <translation>The survey “{survey}” has no question “{key}”</translation>
    </message>
    <message>
        <source>题目“{question}”的答案“{text}”不在选项内（可选：{labels}）</source>
        <translation>The answer “{text}” to the question “{question}” is not one of its options (choose: {labels})</translation>
    </message>
    <message>
        <source>答卷没有任何答案</source>
        <translation>The response has no answers</translation>
    </message>
    <message>
        <source>剔除答卷须说明原因</source>
        <translation>Please give a reason for excluding the response</translation>
    </message>
    <message>
        <source>评价文件中没有调查对象为“{group}”的问卷。现有问卷：{listing}</source>
        <translation>The evaluation file has no survey for the respondent group “{group}”. Surveys on file: {listing}</translation>
    </message>
    <message>
        <source>调查对象“{group}”有多份问卷，请指定问卷名称。现有问卷：{listing}</source>
        <translation>There are several surveys for the respondent group “{group}”; please give the survey title. Surveys on file: {listing}</translation>
    </message>
    <message>
        <source>满意度：样本量偏小（{n}人，少于{minimum}人），置信区间参考价值有限</source>
        <translation>Satisfaction: small sample ({n} respondents, fewer than {minimum}); the confidence interval is of limited use</translation>
    </message>
    <message>
        <source>满意度：置信区间过宽（半宽{half}个百分点，超过{maximum}个百分点），结果精度不足</source>
        <translation>Satisfaction: confidence interval too wide (half-width {half} percentage points, more than {maximum}); the result is not precise enough</translation>
    </message>
    <message>
        <source>政策知晓率：样本量偏小（{n}人，少于{minimum}人），置信区间参考价值有限</source>
        <translation>Policy awareness rate: small sample ({n} respondents, fewer than {minimum}); the confidence interval is of limited use</translation>
    </message>
    <message>
        <source>政策知晓率：置信区间过宽（半宽{half}个百分点，超过{maximum}个百分点），结果精度不足</source>
        <translation>Policy awareness rate: confidence interval too wide (half-width {half} percentage points, more than {maximum}); the result is not precise enough</translation>
    </message>
    <message>
        <source>无法对应的列</source>
        <translation>Unmatched columns</translation>
    </message>
    <message>
        <source>忽略该列</source>
        <translation>Ignore the column</translation>
    </message>
    <message>
        <source>作为新的文字题导入</source>
        <translation>Import as a new text question</translation>
    </message>
    <message>
        <source>文件中缺少的题目</source>
        <translation>Questions missing from the file</translation>
    </message>
    <message>
        <source>取消导入</source>
        <translation>Cancel the import</translation>
    </message>
    <message>
        <source>照常导入（该题无答案）</source>
        <translation>Import anyway (the question stays unanswered)</translation>
    </message>
    <message>
        <source>文件疑似属于其他问卷</source>
        <translation>File seems to belong to another survey</translation>
    </message>
    <message>
        <source>仍导入能对应的列</source>
        <translation>Import the matched columns anyway</translation>
    </message>
    <message>
        <source>重复的答卷</source>
        <translation>Duplicate responses</translation>
    </message>
    <message>
        <source>只计入第一份</source>
        <translation>Count only the first</translation>
    </message>
    <message>
        <source>全部计入</source>
        <translation>Count all</translation>
    </message>
    <message>
        <source>量表外的答案</source>
        <translation>Answers outside the scale</translation>
    </message>
    <message>
        <source>不计入这些答卷</source>
        <translation>Leave these responses out</translation>
    </message>
    <message>
        <source>计入，该答案不计分</source>
        <translation>Count them, the answer unscored</translation>
    </message>
    <message>
        <source>问卷中没有题目“{key}”（可用题号 {codes} 或题目原文）</source>
        <translation>The survey has no question “{key}” (use a question number {codes} or the question text)</translation>
    </message>
    <message>
        <source>列对应的写法应为“列标题=题号”：{spec}</source>
        <translation>A column mapping should be written as “column header=question number”: {spec}</translation>
    </message>
    <message>
        <source>答案对应的写法应为“题号:答案=选项”：{spec}</source>
        <translation>An answer mapping should be written as “question number:answer=option”: {spec}</translation>
    </message>
    <message>
        <source>题目“{question}”没有选项“{target}”</source>
        <translation>The question “{question}” has no option “{target}”</translation>
    </message>
    <message>
        <source>问卷：{survey}（{group}）  文件：{file}  工作表：{sheet}</source>
        <translation>Survey: {survey} ({group})  File: {file}  Sheet: {sheet}</translation>
    </message>
    <message>
        <source>读取数据行 {rows} 行；空行 {blank}；已导入过 {already}；重复 {duplicates}；含量表外答案的答卷 {out_of_scale}</source>
        <translation>Data rows read: {rows}; blank: {blank}; imported before: {already}; duplicates: {duplicates}; responses with answers outside the scale: {out_of_scale}</translation>
    </message>
    <message>
        <source>  列 {letter}“{header}” → 题目“{question}”（已保存的对应）</source>
        <translation>  Column {letter} “{header}” → question “{question}” (saved mapping)</translation>
    </message>
    <message>
        <source>  列 {letter}“{header}” → 题目“{question}”（题目相同）</source>
        <translation>  Column {letter} “{header}” → question “{question}” (same question)</translation>
    </message>
    <message>
        <source>  列 {letter}“{header}” → 题目“{question}”（题目相近）</source>
        <translation>  Column {letter} “{header}” → question “{question}” (similar question)</translation>
    </message>
    <message>
        <source>  列 {letter}“{header}” → 题目“{question}”（手工指定）</source>
        <translation>  Column {letter} “{header}” → question “{question}” (chosen by hand)</translation>
    </message>
    <message>
        <source>  列 {letter}“{header}” → 题目“{question}”（{how}）</source>
        <translation>  Column {letter} “{header}” → question “{question}” ({how})</translation>
    </message>
    <message>
        <source>  列 {letter}“{header}” → 答卷编号</source>
        <translation>  Column {letter} “{header}” → response number</translation>
    </message>
    <message>
        <source>  列 {letter}“{header}” → 提交时间</source>
        <translation>  Column {letter} “{header}” → submit time</translation>
    </message>
    <message>
        <source>  无法对应的列：{letter}“{header}”</source>
        <translation>  Unmatched column: {letter} “{header}”</translation>
    </message>
    <message>
        <source>  文件中缺少题目：“{question}”</source>
        <translation>  Question missing from the file: “{question}”</translation>
    </message>
    <message>
        <source>  文件的大部分列与该问卷的题目对不上，疑似其他问卷的导出文件</source>
        <translation>  Most columns of the file do not match the questions of this survey; it seems to be an export of another survey</translation>
    </message>
    <message>
        <source>  无法对应的答案：题目“{question}”的“{answer}”（{count}次）</source>
        <translation>  Unmatched answer: “{answer}” to question “{question}” ({count} times)</translation>
    </message>
    <message>
        <source>  重复答卷：第{row}行（答卷编号“{rid}”重复）</source>
        <translation>  Duplicate response: row {row} (response number “{rid}” repeated)</translation>
    </message>
    <message>
        <source>  重复答卷：第{row}行（与前面一行在同一提交时间“{at}”的答案完全相同）</source>
        <translation>  Duplicate response: row {row} (same answers as an earlier row at the same submit time “{at}”)</translation>
    </message>
    <message>
        <source>  重复答卷：第{row}行（{reason}）</source>
        <translation>  Duplicate response: row {row} ({reason})</translation>
    </message>
    <message>
        <source>  ……另有{count}行重复</source>
        <translation>  … {count} more duplicate rows</translation>
    </message>
    <message>
        <source>  空行（已跳过）：第{rows}行</source>
        <translation>  Blank rows (skipped): rows {rows}</translation>
    </message>
    <message>
        <source>  按已保存的对应不计分的答案：{count}个</source>
        <translation>  Answers unscored by the saved mapping: {count}</translation>
    </message>
    <message>
        <source>未导入：按选择取消导入（文件疑似属于其他问卷）</source>
        <translation>Not imported: import cancelled as chosen (file seems to belong to another survey)</translation>
    </message>
    <message>
        <source>未导入：按选择取消导入（文件中缺少的题目）</source>
        <translation>Not imported: import cancelled as chosen (questions missing from the file)</translation>
    </message>
    <message>
        <source>未导入：{reason}</source>
        <translation>Not imported: {reason}</translation>
    </message>
    <message>
        <source>已导入 {imported} 份答卷；另有 {skipped} 份按选择跳过（已记为剔除的答卷，不计入结果）</source>
        <translation>{imported} responses imported; {skipped} more skipped as chosen (recorded as excluded responses, not counted in the results)</translation>
    </message>
    <message>
        <source>已导入 {imported} 份答卷</source>
        <translation>{imported} responses imported</translation>
    </message>
    <message>
        <source>试运行：将导入 {count} 份答卷（另有 {skipped} 份按选择跳过），未写入任何内容</source>
        <translation>Dry run: {count} responses would be imported ({skipped} more skipped as chosen); nothing was written</translation>
    </message>
    <message>
        <source>试运行：将导入 {count} 份答卷，未写入任何内容</source>
        <translation>Dry run: {count} responses would be imported; nothing was written</translation>
    </message>
    <message>
        <source>未写入任何内容</source>
        <translation>Nothing was written</translation>
    </message>
    <message>
        <source>待决定：无法对应的列（{count}）——skip：忽略该列；keep：作为新的文字题导入</source>
        <translation>To decide: unmatched columns ({count}) — skip: ignore the column; keep: import as a new text question</translation>
    </message>
    <message>
        <source>待决定：文件中缺少的题目（{count}）——skip：取消导入；keep：照常导入（该题无答案）</source>
        <translation>To decide: questions missing from the file ({count}) — skip: cancel the import; keep: import anyway (the question stays unanswered)</translation>
    </message>
    <message>
        <source>待决定：文件疑似属于其他问卷（{count}）——skip：取消导入；keep：仍导入能对应的列</source>
        <translation>To decide: file seems to belong to another survey ({count}) — skip: cancel the import; keep: import the matched columns anyway</translation>
    </message>
    <message>
        <source>待决定：重复的答卷（{count}）——skip：只计入第一份；keep：全部计入</source>
        <translation>To decide: duplicate responses ({count}) — skip: count only the first; keep: count all</translation>
    </message>
    <message>
        <source>待决定：量表外的答案（{count}）——skip：不计入这些答卷；keep：计入，该答案不计分</source>
        <translation>To decide: answers outside the scale ({count}) — skip: leave these responses out; keep: count them, the answer unscored</translation>
    </message>
    <message>
        <source>按选择取消导入（文件疑似属于其他问卷）</source>
        <translation>Import cancelled as chosen (file seems to belong to another survey)</translation>
    </message>
    <message>
        <source>按选择取消导入（文件中缺少的题目）</source>
        <translation>Import cancelled as chosen (questions missing from the file)</translation>
    </message>
    <message>
        <source>工作表“{sheet}”中没有答卷数据行（只有表头）：{path}</source>
        <translation>Sheet “{sheet}” has no response rows (only the header): {path}</translation>
    </message>
    <message>
        <source>无效的处理方式：{kind}={value}（类别：{kinds}；方式：skip 或 keep）</source>
        <translation>Invalid decision: {kind}={value} (kinds: {kinds}; decisions: skip or keep)</translation>
    </message>
    <message>
        <source>读取答卷</source>
        <translation>Reading responses</translation>
    </message>
    <message>
        <source>答卷编号“{rid}”重复</source>
        <translation>Response number “{rid}” repeated</translation>
    </message>
    <message>
        <source>与前面一行在同一提交时间“{at}”的答案完全相同</source>
        <translation>Same answers as an earlier row at the same submit time “{at}”</translation>
    </message>
    <message>
        <source>检查完毕</source>
        <translation>Check finished</translation>
    </message>
    <message>
        <source>写入答卷</source>
        <translation>Writing responses</translation>
    </message>
    <message>
        <source>导入完成</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <source>工作表“{sheet}”第{row}行{column}列：{reason}（原值“{value}”）</source>
        <translation>Worksheet &quot;{sheet}&quot;, row {row}, column {column}: {reason} (original value &quot;{value}&quot;)</translation>
    </message>
    <message>
        <source>工作表“{sheet}”第{row}行{column}列：{reason}</source>
        <translation>Worksheet &quot;{sheet}&quot;, row {row}, column {column}: {reason}</translation>
    </message>
    <message>
        <source>找不到表格文件：{path}</source>
        <extracomment>Size limits of an input spreadsheet. A file beyond one of them is refused with one sentence naming the limit, instead of filling memory or hanging the import (a crafted or damaged sheet can claim a million rows, a cell in column XFD or a merged range over the whole sheet). Excel&apos;s own cell limit is 32,767 characters.</extracomment>
        <translation>Spreadsheet file not found: {path}</translation>
    </message>
    <message>
        <source>Excel 文件中没有工作表“{sheet}”（现有：{sheets}）：{path}</source>
        <translation>The Excel file has no worksheet &quot;{sheet}&quot; (available: {sheets}): {path}</translation>
    </message>
    <message>
        <source>无法识别 CSV 文件的编码（请另存为 UTF-8）：{path}</source>
        <translation>Cannot detect the encoding of the CSV file (save it as UTF-8): {path}</translation>
    </message>
    <message>
        <source>无法读取表格文件：{path}（{reason}）</source>
        <translation>Cannot read the spreadsheet file: {path} ({reason})</translation>
    </message>
    <message>
        <source>表格文件过大（{size} MB，上限 {limit} MB），请只保留需要导入的工作表和数据：{path}</source>
        <translation>The spreadsheet file is too large ({size} MB, limit {limit} MB); keep only the sheets and data to import: {path}</translation>
    </message>
    <message>
        <source>不支持的表格格式“{suffix}”（支持 .xlsx、.xls 和 .csv），请在 Excel/WPS 中另存为 .xlsx：{path}</source>
        <translation>Unsupported spreadsheet format &quot;{suffix}&quot; (.xlsx, .xls and .csv are supported); save it as .xlsx in Excel/WPS: {path}</translation>
    </message>
    <message>
        <source>无法读取 Excel 文件（文件已损坏或不是 Excel 文件）：{path}</source>
        <translation>Cannot read the Excel file (damaged or not an Excel file): {path}</translation>
    </message>
    <message>
        <source>不支持的表格格式“{suffix}”（支持 .xlsx、.xls 和 .csv）：{path}</source>
        <translation>Unsupported spreadsheet format &quot;{suffix}&quot; (.xlsx, .xls and .csv are supported): {path}</translation>
    </message>
    <message>
        <source>无法读取 Excel 文件（文件已损坏或格式不对）：{path}（{reason}）</source>
        <translation>Cannot read the Excel file (damaged or in the wrong format): {path} ({reason})</translation>
    </message>
    <message>
        <source>Excel 文件有密码保护，请在 Excel/WPS 中取消密码后再导入：{path}</source>
        <translation>The Excel file is password-protected; remove the password in Excel/WPS before importing: {path}</translation>
    </message>
    <message>
        <source>Excel 文件中没有可见的工作表：{path}</source>
        <translation>The Excel file has no visible worksheet: {path}</translation>
    </message>
    <message>
        <source>读取表格</source>
        <translation>Reading the spreadsheet</translation>
    </message>
    <message>
        <source>文件是 Excel 2003 XML 表格（扩展名为“{suffix}”），不是 Excel 工作簿：请在 Excel/WPS 中打开后另存为 .xlsx：{path}</source>
        <translation>The file is an Excel 2003 XML spreadsheet (extension “{suffix}”), not an Excel workbook: open it in Excel/WPS and save it as .xlsx: {path}</translation>
    </message>
    <message>
        <source>文件是网页（HTML）格式，只是扩展名为“{suffix}”，不是 Excel 工作簿：请在 Excel/WPS 中打开后另存为 .xlsx：{path}</source>
        <translation>The file is a web page (HTML) with the extension “{suffix}”, not an Excel workbook: open it in Excel/WPS and save it as .xlsx: {path}</translation>
    </message>
    <message>
        <source>工作表“{sheet}”第{row}行{column}列的内容过长（{length} 个字符，上限 {limit}）：{path}</source>
        <translation>Sheet &quot;{sheet}&quot;, row {row}, column {column}: the cell is too long ({length} characters, limit {limit}): {path}</translation>
    </message>
    <message>
        <source>工作表“{sheet}”的数据有 {rows} 行，超过上限 {limit} 行（可能有远处的零散单元格，请删除多余的行后再导入）：{path}</source>
        <translation>Sheet &quot;{sheet}&quot; has {rows} rows of data, more than the limit of {limit} (perhaps a stray cell far below; delete the extra rows before importing): {path}</translation>
    </message>
    <message>
        <source>工作表“{sheet}”的数据有 {cols} 列（到 {column} 列），超过上限 {limit} 列（请删除多余的列后再导入）：{path}</source>
        <translation>Sheet &quot;{sheet}&quot; has {cols} columns of data (up to column {column}), more than the limit of {limit} (delete the extra columns before importing): {path}</translation>
    </message>
    <message>
        <source>工作表“{sheet}”的数据区域过大（{rows} 行 × {cols} 列，上限 {limit} 个单元格）：{path}</source>
        <translation>The data area of sheet &quot;{sheet}&quot; is too large ({rows} rows × {cols} columns, limit {limit} cells): {path}</translation>
    </message>
    <message>
        <source>工作表“{sheet}”过大（解压后 {size} MB），无法导入：{path}</source>
        <translation>Sheet &quot;{sheet}&quot; is too large ({size} MB uncompressed) to import: {path}</translation>
    </message>
    <message>
        <source>工作表“{sheet}”的合并单元格异常（范围重叠或过大），请取消合并后再导入：{path}</source>
        <translation>Sheet &quot;{sheet}&quot; has abnormal merged cells (overlapping or too large ranges); unmerge them before importing: {path}</translation>
    </message>
    <message>
        <source>CSV 文件中含有空字符（NUL），不是纯文本表格，请在 Excel/WPS 中另存为 CSV：{path}</source>
        <translation>The CSV file contains NUL characters and is not a plain-text table; save it as CSV in Excel/WPS: {path}</translation>
    </message>
    <message>
        <source>CSV 文件第{row}行无法解析（{reason}）：{path}</source>
        <translation>Line {row} of the CSV file cannot be parsed ({reason}): {path}</translation>
    </message>
    <message>
        <source>金额单位只能是“元”“万元”或“亿元”，而不是“{unit}”</source>
        <translation>The amount unit must be &quot;元&quot;, &quot;万元&quot; or &quot;亿元&quot;, not &quot;{unit}&quot;</translation>
    </message>
    <message>
        <source>表头行数只能是 1 或 2</source>
        <translation>The number of header rows must be 1 or 2</translation>
    </message>
    <message>
        <source>工作表“{sheet}”是空的：{path}</source>
        <translation>Worksheet &quot;{sheet}&quot; is empty: {path}</translation>
    </message>
    <message>
        <source>工作表“{sheet}”中找不到表头行（含“{keywords}”）：{path}</source>
        <translation>No header row (containing &quot;{keywords}&quot;) found in worksheet &quot;{sheet}&quot;: {path}</translation>
    </message>
    <message>
        <source>工作表“{sheet}”中找不到表头行：{path}</source>
        <translation>No header row found in worksheet &quot;{sheet}&quot;: {path}</translation>
    </message>
    <message>
        <source>工作表“{sheet}”（申报目标）：项目“{project}”，{indicators} 个绩效指标，拒绝 {rejected} 个单元格</source>
        <translation>Sheet “{sheet}” (declared targets): project “{project}”, {indicators} performance indicators, {rejected} cells rejected</translation>
    </message>
    <message>
        <source>工作表“{sheet}”（细化目标）：项目“{project}”，{indicators} 个绩效指标，拒绝 {rejected} 个单元格</source>
        <translation>Sheet “{sheet}” (refined targets): project “{project}”, {indicators} performance indicators, {rejected} cells rejected</translation>
    </message>
    <message>
        <source>目标版本只能是 declared（申报）或 refined（细化），而不是“{version}”</source>
        <translation>The target version must be declared or refined, not &quot;{version}&quot;</translation>
    </message>
    <message>
        <source>工作表“{sheet}”的指标表没有“指标值”列（表头：{names}）</source>
        <translation>The indicator table in sheet &quot;{sheet}&quot; has no &quot;指标值&quot; (indicator value) column (headers: {names})</translation>
    </message>
    <message>
        <source>工作表“{sheet}”中没有绩效指标行（只有表头）：{path}</source>
        <translation>Sheet “{sheet}” has no target indicator rows (only the header): {path}</translation>
    </message>
    <message>
        <source>已有细化目标，不能再次从申报目标复制</source>
        <translation>Refined targets already exist; they cannot be copied from the declared targets again</translation>
    </message>
    <message>
        <source>无法写入文件：{path}（{reason}）</source>
        <translation>Cannot write the file: {path} ({reason})</translation>
    </message>
    <message>
        <source>期初余额{opening} + 本年收入{income} − 本年支出{expenditure} = {expected}，与年末滚存结余一致</source>
        <translation>Opening balance {opening} + income of the year {income} − expenditure of the year {expenditure} = {expected}, which matches the year-end accumulated balance</translation>
    </message>
    <message>
        <source>期初余额{opening} + 本年收入{income} − 本年支出{expenditure} = {expected}，但年末滚存结余为{closing}，相差{difference}（滚存不平）</source>
        <translation>Opening balance {opening} + income of the year {income} − expenditure of the year {expenditure} = {expected}, but the year-end accumulated balance is {closing}, a difference of {difference} (roll-forward does not balance)</translation>
    </message>
    <message>
        <source>预算数</source>
        <translation>budget</translation>
    </message>
    <message>
        <source>调整后预算数</source>
        <translation>adjusted budget</translation>
    </message>
    <message>
        <source>执行数</source>
        <translation>actual</translation>
    </message>
    <message>
        <source>{year}年“{line}”{column}{total}等于明细（{names}）之和{expected}</source>
        <translation>{year} “{line}” {column} {total} equals the sum of its details ({names}) {expected}</translation>
    </message>
    <message>
        <source>{year}年“{line}”{column}{total}不等于明细（{names}）之和{expected}，相差{difference}</source>
        <translation>{year} “{line}” {column} {total} does not equal the sum of its details ({names}) {expected}, a difference of {difference}</translation>
    </message>
    <message>
        <source>{year}年本年收支结余{column}{result}等于收入减支出{expected}</source>
        <translation>{year} current-year balance, {column}: {result} equals income minus expenditure {expected}</translation>
    </message>
    <message>
        <source>{year}年本年收支结余{column}{result}不等于收入减支出{expected}，相差{difference}</source>
        <translation>{year} current-year balance, {column}: {result} does not equal income minus expenditure {expected}, a difference of {difference}</translation>
    </message>
    <message>
        <source>{year}年期初余额{opening}等于{previous_year}年年末滚存结余{closing}</source>
        <translation>{year} opening balance {opening} equals the {previous_year} year-end accumulated balance {closing}</translation>
    </message>
    <message>
        <source>{year}年期初余额{opening}不等于{previous_year}年年末滚存结余{closing}，相差{difference}</source>
        <translation>{year} opening balance {opening} does not equal the {previous_year} year-end accumulated balance {closing}, a difference of {difference}</translation>
    </message>
    <message>
        <source>{year}年工伤预防费{spending}，占{previous_year}年工伤保险费收入{base}的{share}%，未超过上限{rate}%（{cap}）</source>
        <translation>{year} injury prevention expenses {spending} are {share}% of the {previous_year} work-injury insurance premium income {base}, within the cap of {rate}% ({cap})</translation>
    </message>
    <message>
        <source>{year}年工伤预防费{spending}，占{previous_year}年工伤保险费收入{base}的{share}%，超过上限{rate}%（{cap}）</source>
        <translation>{year} injury prevention expenses {spending} are {share}% of the {previous_year} work-injury insurance premium income {base}, above the cap of {rate}% ({cap})</translation>
    </message>
    <message>
        <source>建议“{name}”未对应任何存在的问题</source>
        <translation>The recommendation &quot;{name}&quot; answers no existing problem</translation>
    </message>
    <message>
        <source>建议“（无标题）”未对应任何存在的问题</source>
        <translation>A recommendation without a title answers no existing problem</translation>
    </message>
    <message>
        <source>问题“{name}”未填写原因分析</source>
        <translation>The problem &quot;{name}&quot; has no cause analysis</translation>
    </message>
    <message>
        <source>问题“（无标题）”未填写原因分析</source>
        <translation>A problem without a title has no cause analysis</translation>
    </message>
    <message>
        <source>问题“{name}”没有对应的建议</source>
        <translation>The problem &quot;{name}&quot; has no recommendation</translation>
    </message>
    <message>
        <source>问题“（无标题）”没有对应的建议</source>
        <translation>A problem without a title has no recommendation</translation>
    </message>
    <message>
        <source>{count} 项三级指标尚未评分：{names}等</source>
        <translation>Level-3 indicators not scored yet ({count}): {names} and others</translation>
    </message>
    <message>
        <source>{count} 项三级指标尚未评分：{names}</source>
        <translation>Level-3 indicators not scored yet ({count}): {names}</translation>
    </message>
    <message>
        <source>报告段落“{section}”中有未知字段：{fields}</source>
        <translation>The report section &quot;{section}&quot; has unknown fields: {fields}</translation>
    </message>
    <message>
        <source>“{name}”中有未知字段：{fields}</source>
        <translation>&quot;{name}&quot; has unknown fields: {fields}</translation>
    </message>
    <message>
        <source>合并冲突未解决：{name}（解决前不能最终签署）</source>
        <translation>Merge conflict not resolved: {name} (no final signature before it is resolved)</translation>
    </message>
    <message>
        <source>未录入评价组成员（报告附件“评价组成员及独立性”需要）</source>
        <translation>No evaluation team members entered (the report appendix on the team and its independence needs them)</translation>
    </message>
    <message>
        <source>未填写评价机构（封面和落款需要）</source>
        <translation>The evaluation agency is not filled in (the cover and the signature block need it)</translation>
    </message>
    <message>
        <source>未填写报告日期，将使用生成当天的日期</source>
        <translation>The report date is not filled in; the date the report is generated will be used</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>修改“{name}”得分</source>
        <translation>Change score of “{name}”</translation>
    </message>
    <message>
        <source>修改文字</source>
        <translation>Edit text</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>调整顺序</source>
        <translation>Reorder</translation>
    </message>
    <message>
        <source>修改指标“{name}”</source>
        <translation>Change indicator “{name}”</translation>
    </message>
    <message>
        <source>按规则重新计算</source>
        <translation>Recalculate by rule</translation>
    </message>
    <message>
        <source>套用指标体系模板</source>
        <translation>Apply indicator framework template</translation>
    </message>
    <message>
        <source>导入评分表</source>
        <translation>Import score sheet</translation>
    </message>
    <message>
        <source>修改等级划分</source>
        <translation>Change grade bands</translation>
    </message>
    <message>
        <source>导入资料清单</source>
        <translation>Import request list</translation>
    </message>
    <message>
        <source>添加指标</source>
        <translation>Add indicator</translation>
    </message>
    <message>
        <source>删除指标“{name}”</source>
        <translation>Delete indicator “{name}”</translation>
    </message>
    <message>
        <source>移动指标“{name}”</source>
        <translation>Move indicator “{name}”</translation>
    </message>
    <message>
        <source>引用评分依据</source>
        <translation>Cite scoring basis</translation>
    </message>
    <message>
        <source>取消引用</source>
        <translation>Remove citation</translation>
    </message>
    <message>
        <source>修改评价方案</source>
        <translation>Change evaluation plan</translation>
    </message>
    <message>
        <source>修改工作阶段</source>
        <translation>Change work phase</translation>
    </message>
    <message>
        <source>修改访谈记录</source>
        <translation>Change interview record</translation>
    </message>
    <message>
        <source>修改资料</source>
        <translation>Change request item</translation>
    </message>
    <message>
        <source>更改状态</source>
        <translation>Change status</translation>
    </message>
    <message>
        <source>修改工作底稿</source>
        <translation>Change working paper</translation>
    </message>
    <message>
        <source>签字</source>
        <translation>Sign off</translation>
    </message>
    <message>
        <source>附件已不在此处</source>
        <translation>The attachment is no longer linked here</translation>
    </message>
    <message>
        <source>移除附件</source>
        <translation>Remove attachment</translation>
    </message>
    <message>
        <source>修改工伤预防费上限比例</source>
        <translation>Change the injury prevention cap rate</translation>
    </message>
    <message>
        <source>修改满意度计算方法</source>
        <translation>Change the satisfaction rate method</translation>
    </message>
    <message>
        <source>修改独立性声明</source>
        <translation>Change independence declaration</translation>
    </message>
    <message>
        <source>导入绩效目标表</source>
        <translation>Import performance target table</translation>
    </message>
    <message>
        <source>导入基金收支表</source>
        <translation>Import fund statement</translation>
    </message>
    <message>
        <source>录入纸质问卷</source>
        <translation>Enter paper questionnaires</translation>
    </message>
    <message>
        <source>专家评分</source>
        <translation>Expert scoring</translation>
    </message>
    <message>
        <source>记录专家组合议得分</source>
        <translation>Record the panel&apos;s agreed score</translation>
    </message>
    <message>
        <source>专家评分汇总方法</source>
        <translation>Expert score aggregation method</translation>
    </message>
    <message>
        <source>公开专家评分</source>
        <translation>Reveal expert scores</translation>
    </message>
    <message>
        <source>汇总专家评分</source>
        <translation>Aggregate expert scores</translation>
    </message>
    <message>
        <source>请指定要创建的评价文件（.wcif）</source>
        <translation>Please name the evaluation file to create (.wcif)</translation>
    </message>
    <message>
        <source>“{name}”按{metrics}评分，但评价文件中没有相应数据</source>
        <translation>“{name}” is scored from {metrics}, but the evaluation file holds no such data</translation>
    </message>
    <message>
        <source>“{name}”已评分，但评价文件中没有问卷调查数据，也未引用其他依据</source>
        <translation>“{name}” is scored, but the evaluation file holds no survey data and no other basis is cited</translation>
    </message>
    <message>
        <source>“{name}”没有评价依据：请填写评价情况（实际值）或引用工作底稿、证据</source>
        <translation>“{name}” has no basis: enter the finding (actual value) or cite a working paper or evidence</translation>
    </message>
    <message>
        <source>同一数据（{fact}）在多项指标中扣分：{names}，请确认未重复扣分</source>
        <translation>The same figure ({fact}) drives deductions in several indicators: {names}; please confirm it is not deducted twice</translation>
    </message>
    <message>
        <source>评价方案中尚未登记评价依据：工作方案只列通用依据，请在“团队与方案”中补充地方文件</source>
        <translation>The plan lists no evaluation basis: the work plan states only the general documents; add the local ones under “Team and plan”</translation>
    </message>
    <message>
        <source>评价方案中尚未选定评价方法：工作方案列出常用方法，报告不写评价方法</source>
        <translation>The plan has no evaluation methods chosen: the work plan lists the usual ones, the report states none</translation>
    </message>
    <message>
        <source>评价方案中尚未登记工作阶段和日期：报告的工作过程和各文件的日期无从确定</source>
        <translation>The plan has no phases with dates: the report cannot state the work done, nor the documents their dates</translation>
    </message>
    <message>
        <source>问题清单：{text}</source>
        <translation>Problem list: {text}</translation>
    </message>
    <message>
        <source>细化目标“{target}”与评分表指标“{indicator}”名称不一致，请统一</source>
        <translation>The refined target “{target}” and the score-sheet indicator “{indicator}” are named differently; use one name</translation>
    </message>
    <message>
        <source>没有需要确认的重复扣分：{fact}</source>
        <translation>No double deduction to confirm: {fact}</translation>
    </message>
    <message>
        <source>报告尚不完整，只能生成草稿，不能最终签署（{count} 项待完成）：{items}</source>
        <translation>The report is not complete: only a draft can be generated and it cannot be signed final ({count} open items): {items}</translation>
    </message>
    <message>
        <source>报告版本为“{version}”，不能最终签署；请先将版本改为正式稿</source>
        <translation>The report version is “{version}” and cannot be signed final; set the version to the final version first</translation>
    </message>
    <message>
        <source>请填写被评价单位的意见</source>
        <translation>Please enter the evaluated unit&apos;s comment</translation>
    </message>
    <message>
        <source>采纳情况应为 {choices}：{value}</source>
        <translation>Adoption must be one of {choices}: {value}</translation>
    </message>
    <message>
        <source>“{adoption}”的意见需要说明理由</source>
        <translation>A comment marked “{adoption}” needs a reason</translation>
    </message>
    <message>
        <source>没有第{number}项结转问题（共{count}项）</source>
        <translation>There is no carried problem number {number} (there are {count})</translation>
    </message>
    <message>
        <source>没有可汇总的评价文件（共检查 {count} 个文件）</source>
        <translation>No evaluation file could be rolled up ({count} files checked)</translation>
    </message>
    <message>
        <source>备份 {backup} 所需的证据内容在备份区中缺失或已损坏（{chunks}），无法完整恢复</source>
        <translation>Evidence content the backup {backup} needs is missing from the backup store or damaged ({chunks}); it cannot be restored completely</translation>
    </message>
    <message>
        <source>无法从备份 {backup} 恢复到 {path}：{reason}</source>
        <translation>Cannot restore the backup {backup} to {path}: {reason}</translation>
    </message>
    <message>
        <source>评价文件旁有其他程序留下的 {sidecar}，无法把它移开（{reason}），为免改动评价文件未打开。请把该文件移到别处（不要删除，也不要与评价文件放在一起）后再打开，或以只读方式打开：{path}</source>
        <translation>Beside the evaluation file lies {sidecar}, left by another program, and it cannot be moved aside ({reason}); the evaluation file was not opened so that it is not changed. Move that file elsewhere (do not delete it, and do not keep it beside the evaluation file) and open again, or open the file read-only: {path}</translation>
    </message>
    <message>
        <source>评价文件旁有其他程序留下的 {names}（WCIF Desktop 从不写这类文件），未使用，已原样移到“{folder}”；评价文件按原样打开：{path}</source>
        <translation>{names} beside the evaluation file came from another program (WCIF Desktop never writes such files): not used, moved unchanged to “{folder}”; the evaluation file was opened as it was: {path}</translation>
    </message>
    <message>
        <source>评价文件上次保存时被中断，已恢复到中断前的状态（回滚前的文件和 {journal} 保留在“{folder}”）：{path}</source>
        <translation>The last save of the evaluation file was interrupted; it was restored to the state before that save (the file as found and {journal} are kept in “{folder}”): {path}</translation>
    </message>
    <message>
        <source>评价文件旁的 {journal} 不属于该文件（或回滚结果未通过检查），未使用，已原样移到“{folder}”；评价文件按原样打开：{path}</source>
        <translation>{journal} beside the evaluation file does not belong to it (or rolling it back failed the checks): not used, moved unchanged to “{folder}”; the evaluation file was opened as it was: {path}</translation>
    </message>
    <message>
        <source>“{label}”的{column}不是有效金额：{value}</source>
        <translation>{column} of “{label}” is not a valid amount: {value}</translation>
    </message>
    <message>
        <source>累计结余可支付{months}个月，不低于{lower}个月，按国家阶段性降低工伤保险费率的规定可下调费率{cut}%</source>
        <translation>The accumulated balance covers {months} months of payments, at least {lower} months: under the national rules on lowering work-injury insurance rates the rate may be cut by {cut}%</translation>
    </message>
    <message>
        <source>累计结余可支付{months}个月，低于18个月，不在降低费率的区间</source>
        <translation>The accumulated balance covers {months} months of payments, less than 18 months: no rate cut applies</translation>
    </message>
    <message>
        <source>业务数据：{small}（{a}）多于{big}（{b}）</source>
        <translation>Business data: {small} ({a}) exceeds {big} ({b})</translation>
    </message>
    <message>
        <source>工伤预防项目支出超过上限（上年度征缴收入的{rate}%），占上限的{usage}%</source>
        <translation>Prevention project spending exceeds its cap ({rate}% of last year&apos;s premium collection): {usage}% of the cap</translation>
    </message>
    <message>
        <source>“{label}”不能为负数：{value}</source>
        <translation>“{label}” cannot be negative: {value}</translation>
    </message>
    <message>
        <source>“{label}”应为整数：{value}</source>
        <translation>“{label}” must be a whole number: {value}</translation>
    </message>
    <message>
        <source>评价方案未填写评价目的</source>
        <translation>The evaluation plan states no objectives</translation>
    </message>
    <message>
        <source>评价方案未选择评价方法</source>
        <translation>The evaluation plan chooses no evaluation method</translation>
    </message>
    <message>
        <source>评价方案未列明评价依据</source>
        <translation>The evaluation plan lists no basis documents</translation>
    </message>
    <message>
        <source>评价方案未安排工作阶段</source>
        <translation>The evaluation plan schedules no phases</translation>
    </message>
    <message>
        <source>评价小组没有复核人</source>
        <translation>The evaluation team has no reviewer</translation>
    </message>
    <message>
        <source>{name} 未签署独立性声明</source>
        <translation>{name} has not signed an independence declaration</translation>
    </message>
    <message>
        <source>{name} 声明不具备独立性：{note}</source>
        <translation>{name} declared not to be independent: {note}</translation>
    </message>
    <message>
        <source>资料“{item}”仍为已索取，未记录提供情况</source>
        <translation>Document “{item}” is still requested; no answer recorded</translation>
    </message>
    <message>
        <source>资料“{item}”未提供，但未说明原因</source>
        <translation>Document “{item}” was not provided, and no reason is recorded</translation>
    </message>
    <message>
        <source>工作底稿“{paper}”未附证据</source>
        <translation>Working paper “{paper}” has no evidence attached</translation>
    </message>
    <message>
        <source>工作底稿“{paper}”编制人未签字或签字后已修改</source>
        <translation>Working paper “{paper}”: no preparer sign-off, or changed since signing</translation>
    </message>
    <message>
        <source>工作底稿“{paper}”复核人未签字或签字后已修改</source>
        <translation>Working paper “{paper}”: no reviewer sign-off, or changed since signing</translation>
    </message>
    <message>
        <source>“{code} {name}”扣分但未引用工作底稿或证据</source>
        <translation>“{code} {name}” loses points but cites no working paper or evidence</translation>
    </message>
    <message>
        <source>“{code} {name}”引用的工作底稿或证据已删除</source>
        <translation>“{code} {name}” cites a working paper or evidence that was deleted</translation>
    </message>
    <message>
        <source>“{code} {name}”依据问卷调查评分，但没有“{group}”的有效问卷</source>
        <translation>“{code} {name}” is scored from a survey, but there are no valid responses from “{group}”</translation>
    </message>
    <message>
        <source>“{code} {name}”依据问卷调查评分，但评价中没有有效问卷</source>
        <translation>“{code} {name}” is scored from a survey, but the evaluation has no valid responses</translation>
    </message>
    <message>
        <source>“{group}”有效问卷仅 {count} 份（少于 {min} 份），结论的代表性不足</source>
        <translation>“{group}” has only {count} valid responses (fewer than {min}): the result is not representative enough</translation>
    </message>
    <message>
        <source>尚未录入业务数据（参保、工伤认定、劳动能力鉴定、待遇、征缴）</source>
        <translation>No business data entered yet (insured, recognitions, appraisals, beneficiaries, collection)</translation>
    </message>
    <message>
        <source>--create 不能与 --map-column/--map-answer 同时使用：请先建立问卷，再指定对应</source>
        <translation>--create cannot be combined with --map-column/--map-answer: create the survey first, then give the mapping</translation>
    </message>
    <message>
        <source>未知的基本信息项：{name}</source>
        <translation>Unknown evaluation fact: {name}</translation>
    </message>
    <message>
        <source>评价年度“{value}”不是年份</source>
        <translation>The fiscal year “{value}” is not a year</translation>
    </message>
    <message>
        <source>报告中的项目名称和基金名称不能为空（各文档标题要用）</source>
        <translation>The project name and the fund name cannot be empty (every document&apos;s title uses them)</translation>
    </message>
    <message>
        <source>报告日期“{value}”应写作 年-月-日，例如 2022-06-30</source>
        <translation>Write the report date “{value}” as year-month-day, e.g. 2022-06-30</translation>
    </message>
    <message>
        <source>合议得分应写作 指标编号=得分，例如 2.1.2=3.5</source>
        <translation>Write the agreed score as indicator code=score, e.g. 2.1.2=3.5</translation>
    </message>
    <message>
        <source>没有编号为“{code}”的三级指标</source>
        <translation>There is no level-3 indicator with code “{code}”</translation>
    </message>
    <message>
        <source>评价组中没有成员“{name}”</source>
        <translation>The evaluation team has no member “{name}”</translation>
    </message>
    <message>
        <source>评价组没有组长：请用 --by 指定记录合议的成员</source>
        <translation>The evaluation team has no lead: name the member recording the agreement with --by</translation>
    </message>
    <message>
        <source>工作表“{sheet}”中找不到“资料名称”列（表头：{names}）</source>
        <translation>Sheet “{sheet}” has no “资料名称” (document name) column (headers: {names})</translation>
    </message>
    <message>
        <source>工作表“{sheet}”中没有资料条目</source>
        <translation>Sheet “{sheet}” has no request items</translation>
    </message>
    <message>
        <source>资料清单有 {count} 处无法导入，未导入任何条目：{problems}</source>
        <translation>The request list has {count} cells that cannot be imported; nothing was imported: {problems}</translation>
    </message>
    <message>
        <source>资料状态不能从“{old}”改为“{new}”</source>
        <translation>The request status cannot change from “{old}” to “{new}”</translation>
    </message>
</context>
<context>
    <name>desktop</name>
    <message>
        <source>复制所选行</source>
        <translation>Copy selected rows</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>无法完成操作</source>
        <translation>Cannot complete the operation</translation>
    </message>
</context>
<context>
    <name>findings</name>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>工作底稿</source>
        <translation>Working paper</translation>
    </message>
    <message>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>主要经验及做法</source>
        <translation>Good practices</translation>
    </message>
    <message>
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>有关建议</source>
        <translation>Recommendations</translation>
    </message>
</context>
<context>
    <name>readiness</name>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Hint</translation>
    </message>
    <message>
        <source>【{0}】{1}</source>
        <translation>[{0}] {1}</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <source>已取消：正在添加的文件未保存，此前添加的文件已保存。</source>
        <translation>Cancelled: the file being added was not saved; files added before it were saved.</translation>
    </message>
    <message>
        <source>部分文件未添加</source>
        <translation>Some files were not added</translation>
    </message>
    <message>
        <source>添加附件</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <source>导出附件</source>
        <translation>Export attachment</translation>
    </message>
    <message>
        <source>已逾期（截止 {0}）</source>
        <translation>Overdue (due {0})</translation>
    </message>
    <message>
        <source>用系统程序打开</source>
        <translation>Open with system application</translation>
    </message>
    <message>
        <source>无法预览该 PDF：{0}</source>
        <translation>Cannot preview this PDF: {0}</translation>
    </message>
    <message>
        <source>{0}，共 {1} 页</source>
        <translation>{0}, {1} pages</translation>
    </message>
    <message>
        <source>此类文件不能在程序内预览，请用系统程序打开。</source>
        <translation>This kind of file cannot be previewed here; open it with the system application.</translation>
    </message>
    <message>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>添加附件…</source>
        <translation>Attach files…</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>选择要添加的附件</source>
        <translation>Choose files to attach</translation>
    </message>
    <message>
        <source>常见证据 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.xlsx *.xls *.docx *.doc);;所有文件 (*)</source>
        <translation>Common evidence (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.xlsx *.xls *.docx *.doc);;All files (*)</translation>
    </message>
    <message>
        <source>另存为</source>
        <translation>Save As</translation>
    </message>
    <message>
        <source>按模板生成清单</source>
        <translation>Generate list from template</translation>
    </message>
    <message>
        <source>添加资料</source>
        <translation>Add request item</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>设为此状态</source>
        <translation>Set this status</translation>
    </message>
    <message>
        <source>添加核查记录…</source>
        <translation>Add review note…</translation>
    </message>
    <message>
        <source>导出清单…</source>
        <translation>Export list…</translation>
    </message>
    <message>
        <source>把文件拖到某一项上，即作为该项资料的附件保存到评价文件中</source>
        <translation>Drop a file on an item to attach it to that item and keep it in the evaluation file</translation>
    </message>
    <message>
        <source>核查记录</source>
        <translation>Review notes</translation>
    </message>
    <message>
        <source>已索取</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>已收到</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>已核查</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>未提供</source>
        <translation>Not provided</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>未签字</source>
        <translation>not signed</translation>
    </message>
    <message>
        <source>已签字</source>
        <translation>signed</translation>
    </message>
    <message>
        <source>签字后已修改（需重新签字）</source>
        <translation>changed after signing (sign again)</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>资料名称</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>索取日期</source>
        <translation>Requested on</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>从表格导入…</source>
        <translation>Import from spreadsheet…</translation>
    </message>
    <message>
        <source>导入被评价单位填写的资料清单表格（编号、类别、资料名称、状态、说明），按编号更新或新增</source>
        <translation>Import the request list spreadsheet filled in by the evaluated unit (code, category, document, status, note): items are updated by code or added</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <source>共 {0} 项：{1}；逾期 {2} 项（截至 {3}）</source>
        <translation>{0} items: {1}; {2} overdue (as of {3})</translation>
    </message>
    <message>
        <source>逾期：</source>
        <translation>Overdue: </translation>
    </message>
    <message>
        <source>等</source>
        <translation> etc.</translation>
    </message>
    <message>
        <source>资料名称：</source>
        <translation>Document:</translation>
    </message>
    <message>
        <source>类别：</source>
        <translation>Category:</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>导出资料清单</source>
        <translation>Export document request list</translation>
    </message>
    <message>
        <source>资料清单.pdf</source>
        <translation>document request list.pdf</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx)</source>
        <translation>PDF file (*.pdf);;Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>请把文件拖到资料清单中的某一项上</source>
        <translation>Drop the file on an item of the document request list</translation>
    </message>
    <message>
        <source>核查记录：{0} {1}</source>
        <translation>Review notes: {0} {1}</translation>
    </message>
    <message>
        <source>核查人</source>
        <translation>Reviewed by</translation>
    </message>
    <message>
        <source>核查情况</source>
        <translation>Findings of the review</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>新建底稿</source>
        <translation>New working paper</translation>
    </message>
    <message>
        <source>保存底稿</source>
        <translation>Save working paper</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>编制人签字</source>
        <translation>Preparer sign-off</translation>
    </message>
    <message>
        <source>复核人签字</source>
        <translation>Reviewer sign-off</translation>
    </message>
    <message>
        <source>编制人：{0}（{1}）；复核人：{2}（{3}）</source>
        <translation>Preparer: {0} ({1}); reviewer: {2} ({3})</translation>
    </message>
    <message>
        <source>新工作底稿</source>
        <translation>New working paper</translation>
    </message>
    <message>
        <source>资料清单</source>
        <translation>Document request list</translation>
    </message>
    <message>
        <source>工作底稿</source>
        <translation>Working papers</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>组长</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>成员</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>专家</source>
        <translation>Expert</translation>
    </message>
    <message>
        <source>复核人</source>
        <translation>Reviewer</translation>
    </message>
</context>
<context>
    <name>rules</name>
    <message>
        <source>人工评分</source>
        <translation>Manual scoring</translation>
    </message>
    <message>
        <source>比率法（实际值÷目标值）</source>
        <translation>Ratio (actual ÷ target)</translation>
    </message>
    <message>
        <source>区间赋分</source>
        <translation>Score bands</translation>
    </message>
    <message>
        <source>扣分制（按次扣分）</source>
        <translation>Deductions (per occurrence)</translation>
    </message>
    <message>
        <source>要点得分</source>
        <translation>Checklist points</translation>
    </message>
    <message>
        <source>数据驱动（计算指标）</source>
        <translation>Data-driven (computed metric)</translation>
    </message>
</context>
<context>
    <name>steps</name>
    <message>
        <source>问题与建议</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>报告</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>现场资料核查</source>
        <translation>On-site review</translation>
    </message>
    <message>
        <source>指标评分</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <source>绩效目标</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>团队与方案</source>
        <translation>Team and plan</translation>
    </message>
</context>
<context>
    <name>workers</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
