<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
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
        <source>签名证书 (*.p12 *.pfx)</source>
        <translation>Signing identities (*.p12 *.pfx)</translation>
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
    <name>EvaluationContext</name>
    <message>
        <source>修改{0}</source>
        <translation>Change {0}</translation>
    </message>
    <message>
        <source>修改“{0}”得分</source>
        <translation>Change score of “{0}”</translation>
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
        <source>另存为的目标就是当前文件：{0}</source>
        <translation>The target is the open file itself: {0}</translation>
    </message>
    <message>
        <source>无法另存为 {0}：{1}</source>
        <translation>Cannot save as {0}: {1}</translation>
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
        <source>交换(&amp;X)</source>
        <translation>E&amp;xchange</translation>
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
        <source>修改工伤预防费上限比例</source>
        <translation>Change the injury prevention cap rate</translation>
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
        <source>问题库 (*.json)</source>
        <translation>Finding library (*.json)</translation>
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
        <source>独立性待处理：</source>
        <translation>Independence pending:</translation>
    </message>
    <message>
        <source>全部成员均已声明具备独立性。</source>
        <translation>All members have declared their independence.</translation>
    </message>
    <message>
        <source>修改独立性声明</source>
        <translation>Change independence declaration</translation>
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
        <source>修改访谈记录</source>
        <translation>Change interview record</translation>
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
        <source>首选项…</source>
        <translation>Preferences…</translation>
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
        <source>无法打开评价文件</source>
        <translation>Cannot open the evaluation file</translation>
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
        <source>选择归档文件夹（新的或空的文件夹）</source>
        <translation>Choose an archive folder (new or empty)</translation>
    </message>
    <message>
        <source>文档(&amp;D)</source>
        <translation>&amp;Documents</translation>
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
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
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
        <source>尚无专家评分。</source>
        <translation>No expert scores yet.</translation>
    </message>
    <message>
        <source>专家评分</source>
        <translation>Expert scoring</translation>
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
    <message>
        <source>录入纸质问卷</source>
        <translation>Enter paper questionnaires</translation>
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
    <name>PhaseModel</name>
    <message>
        <source>修改工作阶段</source>
        <translation>Change work phase</translation>
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
        <source>修改评价方案</source>
        <translation>Change evaluation plan</translation>
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
        <source>报告模板</source>
        <translation>Template</translation>
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
        <source>当前证书</source>
        <translation>Current identity</translation>
    </message>
    <message>
        <source>证书口令</source>
        <translation>Passphrase</translation>
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
        <source>报告模块不可用（安装不完整）。</source>
        <translation>The report module is not available (incomplete installation).</translation>
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
        <source>签名证书 (*.p12 *.pfx)</source>
        <translation>Signing identities (*.p12 *.pfx)</translation>
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
        <source>综合评分 {0} 分，评级 {1}</source>
        <translation>Total score {0}, grade {1}</translation>
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
    <message>
        <source>导入基金收支表</source>
        <translation>Import fund statement</translation>
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
        <source>修改满意度计算方法</source>
        <translation>Change the satisfaction rate method</translation>
    </message>
    <message>
        <source>选择问卷平台导出的答卷文件</source>
        <translation>Choose the response file exported by the survey platform</translation>
    </message>
    <message>
        <source>表格文件 (*.xlsx *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.csv)</translation>
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
        <source>独立性声明</source>
        <translation>Independence declaration</translation>
    </message>
    <message>
        <source>基本信息与评价小组</source>
        <translation>Basic information and evaluation team</translation>
    </message>
    <message>
        <source>评价方案</source>
        <translation>Evaluation plan</translation>
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
        <source>规则参数（JSON）</source>
        <translation>Rule parameters (JSON)</translation>
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
        <source>引用评分依据</source>
        <translation>Cite scoring basis</translation>
    </message>
    <message>
        <source>新指标</source>
        <translation>New indicator</translation>
    </message>
    <message>
        <source>添加指标</source>
        <translation>Add indicator</translation>
    </message>
    <message>
        <source>删除指标“{0}”</source>
        <translation>Delete indicator “{0}”</translation>
    </message>
    <message>
        <source>移动指标“{0}”</source>
        <translation>Move indicator “{0}”</translation>
    </message>
    <message>
        <source>修改指标“{0}”</source>
        <translation>Change indicator “{0}”</translation>
    </message>
    <message>
        <source>套用模板会替换本评价现有的指标体系（可撤销）。是否继续？</source>
        <translation>Applying the template replaces this evaluation&apos;s indicator framework (can be undone). Continue?</translation>
    </message>
    <message>
        <source>套用指标体系模板</source>
        <translation>Apply indicator framework template</translation>
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
    <name>core</name>
    <message>
        <source>操作已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>文件已存在，不会覆盖：{path}</source>
        <translation>The file already exists and will not be overwritten: {path}</translation>
    </message>
    <message>
        <source>无法创建评价文件 {path}：{reason}</source>
        <translation>Cannot create the evaluation file {path}: {reason}</translation>
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
        <source>记录不存在：{table}/{record_id}</source>
        <translation>The record does not exist: {table}/{record_id}</translation>
    </message>
    <message>
        <source>无法读取文件 {path}：{reason}</source>
        <translation>Cannot read the file {path}: {reason}</translation>
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
        <source>该评价文件由更新版本的 WCIF Desktop 创建（文件结构版本 {version}，本程序支持 {supported}），请升级软件后再打开：{path}</source>
        <translation>This evaluation file was created by a newer version of WCIF Desktop (file structure version {version}; this program supports {supported}). Please upgrade before opening it: {path}</translation>
    </message>
    <message>
        <source>评价文件已损坏：{path}（{reason}）</source>
        <translation>The evaluation file is damaged: {path} ({reason})</translation>
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
        <source>修改资料</source>
        <translation>Change request item</translation>
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
        <source>移除附件</source>
        <translation>Remove attachment</translation>
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
        <source>调整顺序</source>
        <translation>Reorder</translation>
    </message>
    <message>
        <source>更改状态</source>
        <translation>Change status</translation>
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
        <source>修改工作底稿</source>
        <translation>Change working paper</translation>
    </message>
    <message>
        <source>签字</source>
        <translation>Sign off</translation>
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
