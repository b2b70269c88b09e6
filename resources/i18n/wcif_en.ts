<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
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
