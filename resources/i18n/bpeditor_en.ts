<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>（上年：%1）</source>
        <translation> (last year: %1)</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>未知</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>许可证：{license}</source>
        <translation>License: {license}</translation>
    </message>
    <message>
        <source>关于 {product}</source>
        <translation>About {product}</translation>
    </message>
    <message>
        <source>版本 {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <source>项目支出绩效目标表的导入、检查、编辑与导出（文本、Word、Excel）。</source>
        <translation>Import, check, edit and export project expenditure performance-target tables (text, Word, Excel).</translation>
    </message>
    <message>
        <source>许可证：{license}。本程序按“原样”提供，不附带任何明示或暗示的担保。</source>
        <translation>License: {license}. This program is provided “as is”, without warranty of any kind, express or implied.</translation>
    </message>
    <message>
        <source>日志文件：{path}</source>
        <translation>Log file: {path}</translation>
    </message>
    <message>
        <source>程序出错时的详细信息记录在这里，报告问题时请附上</source>
        <translation>Details of program errors are recorded here; attach this file when reporting a problem</translation>
    </message>
    <message>
        <source>组件</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>复制版本信息</source>
        <translation>Copy Version Information</translation>
    </message>
    <message>
        <source>把版本和组件信息复制到剪贴板，便于报告问题</source>
        <translation>Copy the version and component information to the clipboard, for reporting a problem</translation>
    </message>
    <message>
        <source>使用的组件：</source>
        <translation>Components used:</translation>
    </message>
</context>
<context>
    <name>AllIndicatorsModel</name>
    <message>
        <source>资金使用单位</source>
        <translation>Funding unit</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Project</translation>
    </message>
</context>
<context>
    <name>AllIndicatorsPanel</name>
    <message>
        <source>筛选：任意文字</source>
        <translation>Filter: any text</translation>
    </message>
    <message>
        <source>全部一级指标</source>
        <translation>All level-1 classes</translation>
    </message>
    <message>
        <source>项目或单位名称</source>
        <translation>Project or unit name</translation>
    </message>
    <message>
        <source>只看有检查结果的</source>
        <translation>Only those with findings</translation>
    </message>
    <message>
        <source>本列中查找</source>
        <translation>Find in this column</translation>
    </message>
    <message>
        <source>替换为</source>
        <translation>Replace with</translation>
    </message>
    <message>
        <source>在本列替换(&amp;R)</source>
        <translation>&amp;Replace in Column</translation>
    </message>
    <message>
        <source>在当前列的所有显示的行中替换</source>
        <translation>Replace in the current column, in every row shown</translation>
    </message>
    <message>
        <source>向下填充(&amp;D)</source>
        <translation>Fill &amp;Down</translation>
    </message>
    <message>
        <source>把选中区域第一格的内容填到同列其余选中的格（Ctrl+D）</source>
        <translation>Copy the first selected cell into the other selected cells of its column (Ctrl+D)</translation>
    </message>
    <message>
        <source>向下填充</source>
        <translation>Fill down</translation>
    </message>
    <message>
        <source>共 {total} 个指标</source>
        <translation>{total} indicators</translation>
    </message>
    <message>
        <source>共 {total} 个指标，显示 {shown} 个</source>
        <translation>{total} indicators, {shown} shown</translation>
    </message>
    <message>
        <source>向下填充{column}</source>
        <translation>Fill down {column}</translation>
    </message>
    <message>
        <source>已向下填充 {count} 格。按 Ctrl+Z 可撤销。</source>
        <translation>Filled down {count} cell(s). Press Ctrl+Z to undo.</translation>
    </message>
    <message>
        <source>请先点选要替换的列（三级指标或指标值），再填写查找内容</source>
        <translation>First click in the column to replace in (indicator name or a value), then enter the text to find</translation>
    </message>
    <message>
        <source>在{column}列中替换</source>
        <translation>Replace in {column}</translation>
    </message>
    <message>
        <source>已在“{column}”列替换 {count} 处</source>
        <translation>Replaced {count} time(s) in “{column}”</translation>
    </message>
</context>
<context>
    <name>AllIndicatorsTab</name>
    <message>
        <source>全部指标</source>
        <translation>All Indicators</translation>
    </message>
    <message>
        <source>全部指标(&amp;A)</source>
        <translation>&amp;All Indicators</translation>
    </message>
    <message>
        <source>在一张表中查看和编辑所有项目的全部指标</source>
        <translation>See and edit every indicator of every project in one table</translation>
    </message>
</context>
<context>
    <name>AmountEdit</name>
    <message>
        <source>“{text}”不是数字（请输入数字，如 1,664.69）</source>
        <translation>“{text}” is not a number (enter a number, such as 1,664.69)</translation>
    </message>
    <message>
        <source>{error}（请输入数字，如 1,664.69）</source>
        <translation>{error} (enter a number, such as 1,664.69)</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>绩效目标表编辑器</source>
        <translation>Performance Target Table Editor</translation>
    </message>
</context>
<context>
    <name>ClassDelegate</name>
    <message>
        <source>（空）</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>Clipboard</name>
    <message>
        <source>粘贴 {count} 个指标</source>
        <translation>Paste {count} indicator(s)</translation>
    </message>
    <message>
        <source>粘贴 {count} 行</source>
        <translation>Paste {count} row(s)</translation>
    </message>
    <message>
        <source>清除内容</source>
        <translation>Clear Contents</translation>
    </message>
</context>
<context>
    <name>ClipboardCommands</name>
    <message>
        <source>从剪贴板新建(&amp;B)</source>
        <translation>New from Clip&amp;board</translation>
    </message>
    <message>
        <source>粘贴为表格（导入到当前表）(&amp;T)</source>
        <translation>Paste as &amp;Table (Import into Current Table)</translation>
    </message>
    <message>
        <source>读取从 Excel、WPS、Word 或网页复制的整张表格</source>
        <translation>Read a whole table copied from Excel, WPS, Word or a web page</translation>
    </message>
    <message>
        <source>无法粘贴表格</source>
        <translation>Cannot paste the table</translation>
    </message>
    <message>
        <source>已从剪贴板新建表格</source>
        <translation>New table from the clipboard</translation>
    </message>
    <message>
        <source>已从剪贴板导入 {count} 个项目（可撤销）</source>
        <translation>Imported {count} projects from the clipboard (can be undone)</translation>
    </message>
    <message>
        <source>（{count} 条导入警告）</source>
        <translation> ({count} import warnings)</translation>
    </message>
</context>
<context>
    <name>DeclarationForm</name>
    <message>
        <source>项目期</source>
        <translation>Project period</translation>
    </message>
    <message>
        <source>主管部门</source>
        <translation>Supervising department</translation>
    </message>
    <message>
        <source>主管部门代码</source>
        <translation>Department code</translation>
    </message>
    <message>
        <source>实施单位</source>
        <translation>Implementing unit</translation>
    </message>
    <message>
        <source>财政拨款</source>
        <translation>Fiscal appropriation</translation>
    </message>
    <message>
        <source>财政专户拨款</source>
        <translation>Special fiscal account</translation>
    </message>
    <message>
        <source>其他资金</source>
        <translation>Other funds</translation>
    </message>
    <message>
        <source>项目属性：</source>
        <translation>Project type:</translation>
    </message>
    <message>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <source>如：1年、2025年1月-2027年12月</source>
        <translation>e.g. 1年 or 2025年1月-2027年12月</translation>
    </message>
    <message>
        <source>实施期资金：</source>
        <translation>Funds for the whole period:</translation>
    </message>
    <message>
        <source>实施期目标：</source>
        <translation>Goal for the whole period:</translation>
    </message>
    <message>
        <source>实施期同年度</source>
        <translation>Period same as the budget year</translation>
    </message>
    <message>
        <source>项目期为一年或未填写：实施期资金、目标和指标值同年度，打印时照年度填写</source>
        <translation>The project period is one year or blank: the period&apos;s funds, goal and target values are the budget year&apos;s, and print as such</translation>
    </message>
    <message>
        <source>单独填写实施期</source>
        <translation>Fill in the period separately</translation>
    </message>
    <message>
        <source>总计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>项目属性</source>
        <translation>Project type</translation>
    </message>
    <message>
        <source>修改{field}</source>
        <translation>Edit {field}</translation>
    </message>
    <message>
        <source>修改实施期目标</source>
        <translation>Edit the period goal</translation>
    </message>
    <message>
        <source>修改实施期资金</source>
        <translation>Edit the period funds</translation>
    </message>
    <message>
        <source>实施期单独填写</source>
        <translation>Fill in the period separately</translation>
    </message>
</context>
<context>
    <name>DeclarationSection</name>
    <message>
        <source>申报信息</source>
        <translation>Declaration</translation>
    </message>
    <message>
        <source>申报信息（项目属性、项目期、主管部门、实施期资金和目标）</source>
        <translation>Declaration (type, period, department, period funds and goal)</translation>
    </message>
</context>
<context>
    <name>DialogService</name>
    <message>
        <source>复制详细信息</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>不保存(&amp;N)</source>
        <translation>Do&amp;n&apos;t Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>重试(&amp;R)</source>
        <translation>&amp;Retry</translation>
    </message>
    <message>
        <source>另存为(&amp;A)…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <source>恢复(&amp;R)</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>丢弃(&amp;D)</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <source>以后再说(&amp;L)</source>
        <translation>&amp;Later</translation>
    </message>
</context>
<context>
    <name>EditorActions</name>
    <message>
        <source>撤销(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>重做(&amp;R)</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>剪切(&amp;T)</source>
        <translation>Cu&amp;t</translation>
    </message>
    <message>
        <source>复制(&amp;C)</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>粘贴(&amp;P)</source>
        <translation>&amp;Paste</translation>
    </message>
    <message>
        <source>粘贴为新行(&amp;W)</source>
        <translation>Paste as Ne&amp;w Rows</translation>
    </message>
    <message>
        <source>查找(&amp;F)…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <source>替换(&amp;H)…</source>
        <translation>Rep&amp;lace…</translation>
    </message>
    <message>
        <source>查找下一个(&amp;X)</source>
        <translation>Find ne&amp;xt</translation>
    </message>
    <message>
        <source>查找上一个(&amp;V)</source>
        <translation>Find pre&amp;vious</translation>
    </message>
    <message>
        <source>在下方插入指标(&amp;I)</source>
        <translation>&amp;Insert Indicator Below</translation>
    </message>
    <message>
        <source>在上方插入指标(&amp;A)</source>
        <translation>Insert Indicator &amp;Above</translation>
    </message>
    <message>
        <source>删除行(&amp;D)</source>
        <translation>&amp;Delete rows</translation>
    </message>
    <message>
        <source>上移指标(&amp;U)</source>
        <translation>Move Indicators &amp;Up</translation>
    </message>
    <message>
        <source>下移指标(&amp;N)</source>
        <translation>Move Indicators Dow&amp;n</translation>
    </message>
    <message>
        <source>复制行(&amp;L)</source>
        <translation>Dup&amp;licate Rows</translation>
    </message>
    <message>
        <source>复制实施周期指标值到年度(&amp;Y)</source>
        <translation>Cop&amp;y Period Values to Annual</translation>
    </message>
    <message>
        <source>清除内容(&amp;E)</source>
        <translation>Cl&amp;ear Contents</translation>
    </message>
    <message>
        <source>新增资金使用单位(&amp;U)</source>
        <translation>Add Funding U&amp;nit</translation>
    </message>
    <message>
        <source>新增项目(&amp;P)</source>
        <translation>Add &amp;Project</translation>
    </message>
    <message>
        <source>重命名(&amp;R)</source>
        <translation>&amp;Rename</translation>
    </message>
    <message>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>上移(&amp;K)</source>
        <translation>Move &amp;Up</translation>
    </message>
    <message>
        <source>下移(&amp;J)</source>
        <translation>Move Do&amp;wn</translation>
    </message>
    <message>
        <source>删除单位“{name}”及其 {projects} 个项目、{count} 个指标？</source>
        <translation>Delete the unit “{name}” with its {projects} project(s) and {count} indicator(s)?</translation>
    </message>
    <message>
        <source>删除项目“{name}”及其 {count} 个指标？</source>
        <translation>Delete the project “{name}” with its {count} indicator(s)?</translation>
    </message>
    <message>
        <source>删除后可以撤销（Ctrl+Z）。</source>
        <translation>You can undo it afterwards (Ctrl+Z).</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>已删除“{name}”。按 Ctrl+Z 可撤销。</source>
        <translation>Deleted “{name}”. Press Ctrl+Z to undo.</translation>
    </message>
    <message>
        <source>删除单位</source>
        <translation>Delete unit</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <source>修改表格信息</source>
        <translation>Edit table details</translation>
    </message>
    <message>
        <source>重命名单位</source>
        <translation>Rename unit</translation>
    </message>
    <message>
        <source>修改项目</source>
        <translation>Edit project</translation>
    </message>
    <message>
        <source>修改金额</source>
        <translation>Edit amount</translation>
    </message>
    <message>
        <source>修改指标</source>
        <translation>Edit indicator</translation>
    </message>
    <message>
        <source>插入指标</source>
        <translation>Insert indicators</translation>
    </message>
    <message>
        <source>删除指标</source>
        <translation>Delete indicators</translation>
    </message>
    <message>
        <source>移动指标</source>
        <translation>Move indicators</translation>
    </message>
    <message>
        <source>新增项目</source>
        <translation>Add project</translation>
    </message>
    <message>
        <source>删除项目</source>
        <translation>Delete project</translation>
    </message>
    <message>
        <source>移动项目</source>
        <translation>Move project</translation>
    </message>
    <message>
        <source>新增单位</source>
        <translation>Add unit</translation>
    </message>
    <message>
        <source>删除单位</source>
        <translation>Delete unit</translation>
    </message>
    <message>
        <source>移动单位</source>
        <translation>Move unit</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>程序出现了意外错误：{error}

窗口中的内容仍在，请先“另存为”一份，再继续使用或重新启动程序。</source>
        <translation>The program ran into an unexpected error: {error}

Your table is still in the window: first use “Save As” to keep a copy, then carry on or restart the program.</translation>
    </message>
    <message>
        <source>详细信息已记录在日志文件：{path}</source>
        <translation>The details are recorded in the log file: {path}</translation>
    </message>
    <message>
        <source>程序错误</source>
        <translation>Program error</translation>
    </message>
</context>
<context>
    <name>ExcelFields</name>
    <message>
        <source>资金使用单位</source>
        <translation>Funding unit</translation>
    </message>
    <message>
        <source>主管部门</source>
        <translation>Supervising department</translation>
    </message>
    <message>
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <source>总计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>财政拨款</source>
        <translation>Fiscal appropriation</translation>
    </message>
    <message>
        <source>财政专户拨款</source>
        <translation>Special fiscal account</translation>
    </message>
    <message>
        <source>其他资金</source>
        <translation>Other funds</translation>
    </message>
    <message>
        <source>绩效目标（年度）</source>
        <translation>Performance goal (annual)</translation>
    </message>
    <message>
        <source>实施期目标</source>
        <translation>Goal for the whole period</translation>
    </message>
    <message>
        <source>绩效指标（汇总表的一格多指标）</source>
        <translation>Indicators (summary table: many in one cell)</translation>
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
        <source>三级指标</source>
        <translation>Indicator (level 3)</translation>
    </message>
    <message>
        <source>指标值（两期相同）</source>
        <translation>Value (same for both)</translation>
    </message>
    <message>
        <source>实施周期指标值</source>
        <translation>Value for the period</translation>
    </message>
    <message>
        <source>年度指标值</source>
        <translation>Annual value</translation>
    </message>
    <message>
        <source>计算符号（两期相同）</source>
        <translation>Sign (same for both)</translation>
    </message>
    <message>
        <source>实施周期计算符号</source>
        <translation>Sign for the period</translation>
    </message>
    <message>
        <source>年度计算符号</source>
        <translation>Annual sign</translation>
    </message>
    <message>
        <source>计量单位（两期相同）</source>
        <translation>Unit of measure (same for both)</translation>
    </message>
    <message>
        <source>实施周期计量单位</source>
        <translation>Unit of measure for the period</translation>
    </message>
    <message>
        <source>年度计量单位</source>
        <translation>Annual unit of measure</translation>
    </message>
    <message>
        <source>指标值确定依据</source>
        <translation>Basis of the value</translation>
    </message>
    <message>
        <source>指标解释</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>ExcelImportDialog</name>
    <message>
        <source>（不导入）</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <source>从 Excel 导入：指定表头和各列</source>
        <translation>Import from Excel: Header Row and Columns</translation>
    </message>
    <message>
        <source>（隐藏）</source>
        <translation> (hidden)</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation> (empty)</translation>
    </message>
    <message>
        <source>第 </source>
        <translation>Row </translation>
    </message>
    <message>
        <source> 行</source>
        <translation> </translation>
    </message>
    <message>
        <source>工作表(&amp;S)：</source>
        <translation>&amp;Sheet:</translation>
    </message>
    <message>
        <source>表头行(&amp;H)：</source>
        <translation>&amp;Header row:</translation>
    </message>
    <message>
        <source>（也可以在预览中点击表头所在的行）</source>
        <translation>(or click the header row in the preview)</translation>
    </message>
    <message>
        <source>各列对应的栏目</source>
        <translation>What each column holds</translation>
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
        <source>从“{name}”导入：请选择工作表和表头行，并为各列指定对应的栏目。</source>
        <translation>Import from “{name}”: choose the sheet and the header row, and say what each column holds.</translation>
    </message>
    <message>
        <source>工作表“{sheet}”中找不到表头行</source>
        <translation>no header row found in sheet “{sheet}”</translation>
    </message>
    <message>
        <source>工作表“{sheet}”第 {row} 行的表头无法自动对应到绩效目标表的栏目</source>
        <translation>the header in row {row} of sheet “{sheet}” does not match the fields of a performance-target table</translation>
    </message>
    <message>
        <source>“{name}”的格式未能自动识别（{where}）。请在预览中点选表头所在的行，再为各列指定对应的栏目，然后点“导入”。</source>
        <translation>The layout of “{name}” was not recognised ({where}). Click the header row in the preview, say what each column holds, then click “Import”.</translation>
    </message>
    <message>
        <source>已套用上次导入相同表头时选定的对应关系。</source>
        <translation>The columns were filled in as chosen the last time a sheet with this header was imported.</translation>
    </message>
    <message>
        <source>已按表头文字猜测了部分列，请核对并补全。</source>
        <translation>Some columns were guessed from the header text; please check and complete them.</translation>
    </message>
    <message>
        <source>表头文字未能对应到任何栏目，请为各列指定。</source>
        <translation>No column could be matched from the header text; please choose for each column.</translation>
    </message>
    <message>
        <source>工作簿中没有工作表。</source>
        <translation>The workbook has no sheets.</translation>
    </message>
    <message>
        <source>第 {row} 行是空行：请选择表头所在的行。</source>
        <translation>Row {row} is empty: choose the row that holds the header.</translation>
    </message>
    <message>
        <source>还不能导入：请指定“项目名称”列。</source>
        <translation>Cannot import yet: choose the “Project name” column.</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>“{field}”</source>
        <translation>“{field}”</translation>
    </message>
    <message>
        <source>还不能导入：“绩效指标”列（汇总表，一格多指标）不能与{fields}列同时指定，请只保留一种。</source>
        <translation>Cannot import yet: an “Indicators” column (summary table, many in one cell) cannot be combined with {fields} columns; keep only one kind.</translation>
    </message>
    <message>
        <source>可以导入：按汇总表读取，第 {row} 行为表头，{count} 列已对应。</source>
        <translation>Ready to import: read as a summary table, header in row {row}, {count} columns assigned.</translation>
    </message>
    <message>
        <source>还不能导入：请指定“三级指标”列（每行一条指标的表），或“绩效指标”列（汇总表，一格多指标）。</source>
        <translation>Cannot import yet: choose an “Indicator (level 3)” column (one indicator per row) or an “Indicators” column (summary table, many in one cell).</translation>
    </message>
    <message>
        <source>没有指定指标值列，指标值将为空</source>
        <translation>no value column is chosen, so values will be empty</translation>
    </message>
    <message>
        <source>没有指定“一级指标”列，每条指标都会有警告</source>
        <translation>no “Level-1 indicator” column is chosen, so every indicator will get a warning</translation>
    </message>
    <message>
        <source>（注意：{notes}）</source>
        <translation> (Note: {notes}.)</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>可以导入：每行一条指标，第 {row} 行为表头，{count} 列已对应。</source>
        <translation>Ready to import: one indicator per row, header in row {row}, {count} columns assigned.</translation>
    </message>
    <message>
        <source>无法读取（{error}）</source>
        <translation>cannot be read ({error})</translation>
    </message>
    <message>
        <source>无法导入，文件内容不符合预期（{error}）</source>
        <translation>cannot be imported, the content is not as expected ({error})</translation>
    </message>
    <message>
        <source>导入失败：{reason}</source>
        <translation>Import failed: {reason}</translation>
    </message>
</context>
<context>
    <name>ExplainDialog</name>
    <message>
        <source>标记为已说明</source>
        <translation>Mark as Explained</translation>
    </message>
    <message>
        <source>说明理由（清空则取消已说明）：</source>
        <translation>Reason (clear it to remove the mark):</translation>
    </message>
</context>
<context>
    <name>ExportCommands</name>
    <message>
        <source>导出(&amp;E)</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>-申报表</source>
        <translation>-forms</translation>
    </message>
    <message>
        <source>导出为{format}</source>
        <translation>Export as {format}</translation>
    </message>
    <message>
        <source>
……等共 {count} 个</source>
        <translation>
… {count} in all</translation>
    </message>
    <message>
        <source>表中还有 {count} 个错误（见“检查结果”），导出的文件会带着这些错误：

{errors}{more}

仍要导出吗？</source>
        <translation>The table still has {count} error(s) (see Check Results); the exported file will carry them:

{errors}{more}

Export anyway?</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>无法导出</source>
        <translation>Cannot Export</translation>
    </message>
    <message>
        <source>{path}：不支持导出为这种格式或版式（可用：{known}）</source>
        <translation>{path}: this format or layout cannot be exported (available: {known})</translation>
    </message>
    <message>
        <source>表中有无法导出的内容（{error}）</source>
        <translation>The table holds something that cannot be exported ({error})</translation>
    </message>
    <message>
        <source>字体未安装</source>
        <translation>Font not installed</translation>
    </message>
    <message>
        <source>导出提示</source>
        <translation>Export notes</translation>
    </message>
    <message>
        <source>{path}：导出失败（{error}）</source>
        <translation>{path}: export failed ({error})</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export Failed</translation>
    </message>
    <message>
        <source>正在导出 {name}…</source>
        <translation>Exporting {name}…</translation>
    </message>
    <message>
        <source>已导出 {name}</source>
        <translation>Exported {name}</translation>
    </message>
    <message>
        <source>导出为</source>
        <translation>Export As</translation>
    </message>
    <message>
        <source>{path}：文件夹“{folder}”不存在，无法导出</source>
        <translation>{path}: the folder “{folder}” does not exist, cannot export</translation>
    </message>
    <message>
        <source>{path}：无法在文件夹“{folder}”中写入（{error}），可能没有写入权限或磁盘已满</source>
        <translation>{path}: cannot write in the folder “{folder}” ({error}); you may not have permission, or the disk is full</translation>
    </message>
    <message>
        <source>{path}：文件正被其他程序（如 WPS、Excel）打开，无法覆盖。请关闭该程序后重试，或另存为其他文件名；原文件未改动</source>
        <translation>{path}: the file is open in another program (such as WPS or Excel) and cannot be overwritten. Close that program and retry, or save under another name; the original file is unchanged</translation>
    </message>
    <message>
        <source>{path}：这是只读文件，无法去掉它的只读属性（{error}）。请另存为其他文件名；原文件未改动</source>
        <translation>{path}: the file is read-only and its read-only attribute cannot be removed ({error}). Save under another name; the original file is unchanged</translation>
    </message>
    <message>
        <source>{path}：无法覆盖原文件，文件可能已在其他程序（如 WPS、Excel、Word）中打开，或是只读文件（{error}）。请关闭该程序后重试，或另存为其他文件名；原文件未改动</source>
        <translation>{path}: cannot replace the file; it may be open in another program (such as WPS, Excel or Word), or read-only ({error}). Close that program and retry, or save under another name; the original file is unchanged</translation>
    </message>
    <message>
        <source>{path}：无法写入（{error}）；原文件未改动</source>
        <translation>{path}: cannot write ({error}); the original file is unchanged</translation>
    </message>
</context>
<context>
    <name>ExportOptionsDialog</name>
    <message>
        <source>指标值确定依据</source>
        <translation>Basis of the value</translation>
    </message>
    <message>
        <source>指标解释</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>权重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>分值</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>打印和导出选项</source>
        <translation>Print and export options</translation>
    </message>
    <message>
        <source>汇总表（项目支出绩效目标表）</source>
        <translation>Summary table (performance targets)</translation>
    </message>
    <message>
        <source>逐项目申报表</source>
        <translation>One form per project</translation>
    </message>
    <message>
        <source>Windows 自带字体（仿宋、黑体）</source>
        <translation>Fonts shipped with Windows (FangSong, SimHei)</translation>
    </message>
    <message>
        <source>公文字体（仿宋_GB2312、方正小标宋简体、黑体）</source>
        <translation>Official document fonts (FangSong_GB2312, FZXiaoBiaoSong, SimHei)</translation>
    </message>
    <message>
        <source>绩效指标每项一行</source>
        <translation>One indicator per line</translation>
    </message>
    <message>
        <source>按版式（申报表总是打印，汇总表有内容时打印）</source>
        <translation>As the layout has it (forms always, the summary when filled in)</translation>
    </message>
    <message>
        <source>总是打印</source>
        <translation>Always print</translation>
    </message>
    <message>
        <source>不打印</source>
        <translation>Do not print</translation>
    </message>
    <message>
        <source> 毫米</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>按版式</source>
        <translation>Layout default</translation>
    </message>
    <message>
        <source> 磅</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>版式：</source>
        <translation>Layout:</translation>
    </message>
    <message>
        <source>字体：</source>
        <translation>Fonts:</translation>
    </message>
    <message>
        <source>字号：</source>
        <translation>Size:</translation>
    </message>
    <message>
        <source>绩效指标：</source>
        <translation>Indicators:</translation>
    </message>
    <message>
        <source>签字栏：</source>
        <translation>Sign-off line:</translation>
    </message>
    <message>
        <source>页边距：</source>
        <translation>Margins:</translation>
    </message>
    <message>
        <source>申报表加印列：</source>
        <translation>Extra form columns:</translation>
    </message>
    <message>
        <source>申报表在年度指标值后加印这一列</source>
        <translation>Print this column on the forms after the annual target value</translation>
    </message>
</context>
<context>
    <name>ExportSettings</name>
    <message>
        <source>这台电脑没有安装所选的字体：{fonts}。打印和导出的文件在这台电脑上会用其他字体代替，版面可能与预期不同。可在“打印和导出选项”中改用“Windows 自带字体”。</source>
        <translation>This PC does not have the chosen fonts installed: {fonts}. Printing and exported files will use other fonts on this PC, and pages may look different. Choose “Fonts shipped with Windows” in Print and export options.</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>未命名</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>绩效目标表编辑器文件 (*.bpe)</source>
        <translation>Performance Target Table Editor files (*.bpe)</translation>
    </message>
    <message>
        <source>导入到当前表</source>
        <translation>Import into Current Table</translation>
    </message>
    <message>
        <source>新建(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>打开(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>另存为(&amp;A)…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <source>导入到当前表(&amp;I)…</source>
        <translation>&amp;Import into Current Table…</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>正在打开 {name}…</source>
        <translation>Opening {name}…</translation>
    </message>
    <message>
        <source>{path}：无法读取（{error}）</source>
        <translation>{path}: cannot be read ({error})</translation>
    </message>
    <message>
        <source>无法打开文件</source>
        <translation>Cannot Open File</translation>
    </message>
    <message>
        <source>（{count} 条导入警告，见检查结果）</source>
        <translation> ({count} import warning(s), see Check Results)</translation>
    </message>
    <message>
        <source>已打开 {name}</source>
        <translation>Opened {name}</translation>
    </message>
    <message>
        <source>“{name}”似乎不完整（可能没有下载或复制完）：

{where}

已读入到中断处。请核对最后几个项目和指标，必要时找到完整的文件重新打开。</source>
        <translation>“{name}” seems incomplete (perhaps it was not fully downloaded or copied):

{where}

It was read up to where it breaks off. Check the last projects and indicators, and if needed open a complete copy of the file.</translation>
    </message>
    <message>
        <source>文件不完整</source>
        <translation>Incomplete File</translation>
    </message>
    <message>
        <source>正在导入 {name}…</source>
        <translation>Importing {name}…</translation>
    </message>
    <message>
        <source>{name} 中没有项目</source>
        <translation>{name} contains no projects</translation>
    </message>
    <message>
        <source>“{name}”是“{theirs}”的表，当前表是“{mine}”的。

仍要把它的项目导入到当前表吗？（可以撤销）</source>
        <translation>“{name}” is the table of “{theirs}”; the open table is that of “{mine}”.

Import its projects into the open table anyway? (You can undo it.)</translation>
    </message>
    <message>
        <source>已从 {name} 导入 {count} 个项目，{warnings} 条导入警告（可撤销）</source>
        <translation>Imported {count} project(s) from {name}, {warnings} import warning(s) (can be undone)</translation>
    </message>
    <message>
        <source>已从 {name} 导入 {count} 个项目（可撤销）</source>
        <translation>Imported {count} project(s) from {name} (can be undone)</translation>
    </message>
    <message>
        <source>另存为</source>
        <translation>Save As</translation>
    </message>
    <message>
        <source>保存失败</source>
        <translation>Save Failed</translation>
    </message>
    <message>
        <source>已保存 {name}</source>
        <translation>Saved {name}</translation>
    </message>
    <message>
        <source>保存修改</source>
        <translation>Save Changes</translation>
    </message>
    <message>
        <source>“{name}”有尚未保存的修改。

是否保存？</source>
        <translation>“{name}” has unsaved changes.

Do you want to save them?</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>FileFormat</name>
    <message>
        <source>汇总表</source>
        <translation>summary table</translation>
    </message>
    <message>
        <source>逐项目申报表</source>
        <translation>One form per project</translation>
    </message>
    <message>
        <source>绩效目标表编辑器文件</source>
        <translation>Performance Target Table Editor file</translation>
    </message>
    <message>
        <source>Word 文档</source>
        <translation>Word document</translation>
    </message>
    <message>
        <source>Excel 工作簿</source>
        <translation>Excel workbook</translation>
    </message>
    <message>
        <source>网页表格（另存的 .xls）</source>
        <translation>Web page table (saved as .xls)</translation>
    </message>
    <message>
        <source>文本（制表符分隔）</source>
        <translation>Text (tab-separated)</translation>
    </message>
    <message>
        <source>所有支持的文件</source>
        <translation>All supported files</translation>
    </message>
    <message>
        <source>所有文件</source>
        <translation>All files</translation>
    </message>
    <message>
        <source>{format}（{layout}）…</source>
        <translation>{format} ({layout})…</translation>
    </message>
</context>
<context>
    <name>FindReplacePanel</name>
    <message>
        <source>替换</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>查找内容</source>
        <translation>Text to find</translation>
    </message>
    <message>
        <source>替换为</source>
        <translation>Replace with</translation>
    </message>
    <message>
        <source>区分大小写(&amp;C)</source>
        <translation>Match &amp;case</translation>
    </message>
    <message>
        <source>查找下一个(&amp;N)</source>
        <translation>Find &amp;Next</translation>
    </message>
    <message>
        <source>上一个(&amp;P)</source>
        <translation>&amp;Previous</translation>
    </message>
    <message>
        <source>替换(&amp;R)</source>
        <translation>&amp;Replace</translation>
    </message>
    <message>
        <source>全部替换(&amp;A)</source>
        <translation>Replace &amp;All</translation>
    </message>
    <message>
        <source>查找(&amp;F)：</source>
        <translation>&amp;Find:</translation>
    </message>
    <message>
        <source>替换为(&amp;E)：</source>
        <translation>R&amp;eplace with:</translation>
    </message>
    <message>
        <source>找不到“{text}”</source>
        <translation>“{text}” not found</translation>
    </message>
    <message>
        <source>第 {position} / {count} 处（共 {total} 次出现）</source>
        <translation>Match {position} of {count} ({total} occurrences)</translation>
    </message>
    <message>
        <source>将在 {count} 处把“{needle}”替换为“{replacement}”。

替换吗？（可以撤销；点“显示详细信息”预览每一处。）</source>
        <translation>“{needle}” will be replaced with “{replacement}” in {count} place(s).

Replace? (You can undo it; click “Show Details…” to preview each place.)</translation>
    </message>
    <message>
        <source>全部替换</source>
        <translation>Replace all</translation>
    </message>
    <message>
        <source>未替换</source>
        <translation>Nothing replaced</translation>
    </message>
    <message>
        <source>全部替换“{needle}”为“{replacement}”</source>
        <translation>Replace all “{needle}” with “{replacement}”</translation>
    </message>
    <message>
        <source>已在 {count} 处替换</source>
        <translation>Replaced in {count} place(s)</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Reporting unit</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>绩效目标</source>
        <translation>Performance goal</translation>
    </message>
    <message>
        <source>主管部门</source>
        <translation>Supervising department</translation>
    </message>
    <message>
        <source>实施单位</source>
        <translation>Implementing unit</translation>
    </message>
    <message>
        <source>实施期目标</source>
        <translation>Goal for the whole period</translation>
    </message>
    <message>
        <source>实施周期指标值</source>
        <translation>Value for the period</translation>
    </message>
    <message>
        <source>年度指标值</source>
        <translation>Annual value</translation>
    </message>
    <message>
        <source>指标值确定依据</source>
        <translation>Basis of the value</translation>
    </message>
    <message>
        <source>指标解释</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>第 {row} 行</source>
        <translation>row {row}</translation>
    </message>
</context>
<context>
    <name>FixPreviewDialog</name>
    <message>
        <source>将做以下 {count} 处修改（可撤销）：</source>
        <translation>These {count} changes will be made (they can be undone):</translation>
    </message>
</context>
<context>
    <name>Funds</name>
    <message>
        <source>总计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>财政拨款</source>
        <translation>Fiscal appropriation</translation>
    </message>
    <message>
        <source>财政专户拨款</source>
        <translation>Special fiscal account</translation>
    </message>
    <message>
        <source>其他资金</source>
        <translation>Other funds</translation>
    </message>
    <message>
        <source>{label}：{amount} {unit}</source>
        <translation>{label}: {amount} {unit}</translation>
    </message>
</context>
<context>
    <name>HelpCommands</name>
    <message>
        <source>使用说明(&amp;M)</source>
        <translation>User &amp;Manual</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>使用说明</source>
        <translation>User Manual</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>IndicatorGrid</name>
    <message>
        <source>显示列</source>
        <translation>Show Columns</translation>
    </message>
</context>
<context>
    <name>IndicatorTableModel</name>
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
        <source>实施周期指标值</source>
        <translation>Value for the Period</translation>
    </message>
    <message>
        <source>年度指标值</source>
        <translation>Annual Value</translation>
    </message>
    <message>
        <source>上年结转，待确认</source>
        <translation>Carried over from last year, to be confirmed</translation>
    </message>
    <message>
        <source>指标值确定依据</source>
        <translation>Basis of the Value</translation>
    </message>
    <message>
        <source>指标解释</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>权重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>分值</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>上年指标值</source>
        <translation>Last Year’s Value</translation>
    </message>
    <message>
        <source>编码 {code}</source>
        <translation>Code {code}</translation>
    </message>
    <message>
        <source>无编码</source>
        <translation>No code</translation>
    </message>
    <message>
        <source>（{label}）</source>
        <translation> ({label})</translation>
    </message>
    <message>
        <source>上年实施周期指标值：{value}</source>
        <translation>Last year’s value for the period: {value}</translation>
    </message>
    <message>
        <source>上年年度指标值：{value}</source>
        <translation>Last year’s annual value: {value}</translation>
    </message>
    <message>
        <source>修改{column}</source>
        <translation>Edit {column}</translation>
    </message>
</context>
<context>
    <name>JobBar</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>界面语言</source>
        <translation>Interface Language</translation>
    </message>
    <message>
        <source>界面语言将在重新启动程序后切换为{language}。</source>
        <translation>The interface will switch to {language} when the program is restarted.</translation>
    </message>
</context>
<context>
    <name>LibraryCommands</name>
    <message>
        <source>指标库(&amp;L)…</source>
        <translation>Indicator &amp;Library…</translation>
    </message>
    <message>
        <source>把一个文件加入指标库(&amp;F)…</source>
        <translation>Add a &amp;File to the Indicator Library…</translation>
    </message>
    <message>
        <source>为本项目推荐指标(&amp;R)…</source>
        <translation>&amp;Recommend Indicators for This Project…</translation>
    </message>
    <message>
        <source>选用指标库指标</source>
        <translation>Use indicator from library</translation>
    </message>
    <message>
        <source>选择往年的表所在的文件夹</source>
        <translation>Choose the Folder of Past Years&apos; Tables</translation>
    </message>
    <message>
        <source>选择往年的表</source>
        <translation>Choose a past year&apos;s table</translation>
    </message>
    <message>
        <source>指标库：%1 个文件、%2 个指标；本次读取 %3 个文件。</source>
        <translation>Indicator library: %1 files, %2 indicators; %3 files read now.</translation>
    </message>
    <message>
        <source>以下文件无法读取，已跳过：</source>
        <translation>These files could not be read and were skipped:</translation>
    </message>
    <message>
        <source>指标库</source>
        <translation>Indicator Library</translation>
    </message>
    <message>
        <source>指标库中没有可推荐的指标</source>
        <translation>The indicator library has nothing to recommend</translation>
    </message>
    <message>
        <source>为本项目推荐指标</source>
        <translation>Recommend Indicators for This Project</translation>
    </message>
    <message>
        <source>插入推荐指标</source>
        <translation>Insert Recommended Indicators</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>检查结果</source>
        <translation>Check Results</translation>
    </message>
    <message>
        <source>（打开时的状态）</source>
        <translation>(as opened)</translation>
    </message>
    <message>
        <source>撤销历史</source>
        <translation>Undo History</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>查找和替换</source>
        <translation>Find and Replace</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>项目(&amp;P)</source>
        <translation>&amp;Project</translation>
    </message>
    <message>
        <source>指标(&amp;I)</source>
        <translation>&amp;Indicator</translation>
    </message>
    <message>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>关于绩效目标表编辑器(&amp;A)…</source>
        <translation>&amp;About Performance Target Table Editor…</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>打开示例表(&amp;E)</source>
        <translation>Open &amp;Example Table</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>指标表的列(&amp;C)</source>
        <translation>Indicator &amp;Columns</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <source>万元</source>
        <translation>×10k yuan</translation>
    </message>
    <message>
        <source>元</source>
        <translation>yuan</translation>
    </message>
</context>
<context>
    <name>NameCompletion</name>
    <message>
        <source>本项目往年 {year}</source>
        <translation>this project, {year}</translation>
    </message>
    <message>
        <source>指标库：{project} {year}</source>
        <translation>library: {project} {year}</translation>
    </message>
</context>
<context>
    <name>PrintCommands</name>
    <message>
        <source>打印预览(&amp;V)…</source>
        <translation>Print Pre&amp;View…</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>导出 PDF(&amp;D)…</source>
        <translation>Export P&amp;DF…</translation>
    </message>
    <message>
        <source>打印和导出选项(&amp;T)…</source>
        <translation>Print and Export Op&amp;tions…</translation>
    </message>
    <message>
        <source>字体未安装</source>
        <translation>Font not installed</translation>
    </message>
    <message>
        <source>打印失败</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <source>打印提示</source>
        <translation>Printing notes</translation>
    </message>
    <message>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export Failed</translation>
    </message>
    <message>
        <source>已导出 {name}</source>
        <translation>Exported {name}</translation>
    </message>
</context>
<context>
    <name>ProblemListModel</name>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Advice</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>{message}（已说明：{reason}）</source>
        <translation>{message} (explained: {reason})</translation>
    </message>
</context>
<context>
    <name>ProjectPanel</name>
    <message>
        <source>总计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>财政拨款</source>
        <translation>Fiscal</translation>
    </message>
    <message>
        <source>财政专户拨款</source>
        <translation>Special account</translation>
    </message>
    <message>
        <source>其他资金</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>总计 = 财政拨款 + 财政专户拨款 + 其他资金，随资金来源自动计算</source>
        <translation>Total = fiscal appropriation + special fiscal account + other funds; it follows the sources</translation>
    </message>
    <message>
        <source>金额：</source>
        <translation>Amounts:</translation>
    </message>
    <message>
        <source>（请填写绩效目标）</source>
        <translation>(enter the performance goal)</translation>
    </message>
    <message>
        <source>绩效目标</source>
        <translation>Performance Goal</translation>
    </message>
    <message>
        <source>绩效指标</source>
        <translation>Performance Indicators</translation>
    </message>
    <message>
        <source>请在左侧选择一个项目</source>
        <translation>Select a project on the left</translation>
    </message>
    <message>
        <source>资金使用单位：</source>
        <translation>Funding unit:</translation>
    </message>
    <message>
        <source>项目名称(&amp;N)：</source>
        <translation>Project &amp;name:</translation>
    </message>
    <message>
        <source>按来源更正</source>
        <translation>Correct from Sources</translation>
    </message>
    <message>
        <source>把总计改为各资金来源之和</source>
        <translation>Set the total to the sum of the funding sources</translation>
    </message>
    <message>
        <source>绩效指标（{count} 个）</source>
        <translation>Performance Indicators ({count})</translation>
    </message>
    <message>
        <source>已填写的总计 {total} 与各资金来源之和 {sources} 不一致。
修改任一资金来源或点“按来源更正”后，总计随来源计算。</source>
        <translation>The total entered, {total}, differs from the sum of the sources, {sources}.
After you change a source or click “Correct”, the total follows the sources.</translation>
    </message>
    <message>
        <source>更正为 {amount}</source>
        <translation>Correct to {amount}</translation>
    </message>
    <message>
        <source>第 {row} 行 · {column}：{text}</source>
        <translation>Row {row} · {column}: {text}</translation>
    </message>
    <message>
        <source>修改项目名称</source>
        <translation>Edit project name</translation>
    </message>
    <message>
        <source>修改绩效目标</source>
        <translation>Edit performance goal</translation>
    </message>
    <message>
        <source>修改{field}</source>
        <translation>Edit {field}</translation>
    </message>
    <message>
        <source>按来源更正总计</source>
        <translation>Correct total from sources</translation>
    </message>
</context>
<context>
    <name>ProjectTreeModel</name>
    <message>
        <source>项目名称（资金使用单位）</source>
        <translation>Project (Funding Unit)</translation>
    </message>
    <message>
        <source>总计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>总计与各资金来源之和不一致</source>
        <translation>The total differs from the sum of the funding sources</translation>
    </message>
    <message>
        <source>（未命名）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>（未命名单位）</source>
        <translation>(unnamed unit)</translation>
    </message>
    <message>
        <source>（未命名项目）</source>
        <translation>(unnamed project)</translation>
    </message>
    <message>
        <source>{projects} 个项目，{indicators} 个指标</source>
        <translation>{projects} projects, {indicators} indicators</translation>
    </message>
    <message>
        <source>{count} 个项目</source>
        <translation>{count} projects</translation>
    </message>
    <message>
        <source>{count} 个指标</source>
        <translation>{count} indicators</translation>
    </message>
</context>
<context>
    <name>RecentFiles</name>
    <message>
        <source>最近打开的文件(&amp;R)</source>
        <translation>&amp;Recent Files</translation>
    </message>
    <message>
        <source>清除列表</source>
        <translation>Clear List</translation>
    </message>
    <message>
        <source>无法打开文件</source>
        <translation>Cannot Open File</translation>
    </message>
    <message>
        <source>{path}：文件不存在</source>
        <translation>{path}: the file does not exist</translation>
    </message>
</context>
<context>
    <name>RecoveryEntry</name>
    <message>
        <source>未命名</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>文件：{name}</source>
        <translation>File: {name}</translation>
    </message>
    <message>
        <source>位置：{path}</source>
        <translation>Location: {path}</translation>
    </message>
    <message>
        <source>自动保存于：{time}</source>
        <translation>Autosaved at: {time}</translation>
    </message>
</context>
<context>
    <name>RecoveryManager</name>
    <message>
        <source>无法锁定恢复文件 {path}</source>
        <translation>Cannot lock the recovery file {path}</translation>
    </message>
    <message>
        <source>无法写入自动恢复副本：{error}</source>
        <translation>Cannot write the recovery copy: {error}</translation>
    </message>
</context>
<context>
    <name>RecoveryPrompts</name>
    <message>
        <source>恢复未保存的内容</source>
        <translation>Restore Unsaved Work</translation>
    </message>
    <message>
        <source>绩效目标表编辑器上次没有正常退出，以下内容尚未保存：

{details}

是否恢复？</source>
        <translation>Performance Target Table Editor did not close normally last time. This work was not saved:

{details}

Do you want to restore it?</translation>
    </message>
    <message>
        <source>无法恢复</source>
        <translation>Cannot Restore</translation>
    </message>
    <message>
        <source>已恢复上次未保存的内容，请保存</source>
        <translation>Restored the unsaved work of the last session; please save it</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>快速修复(&amp;Q)…</source>
        <translation>&amp;Quick Fix…</translation>
    </message>
    <message>
        <source>全部修复此类(&amp;A)…</source>
        <translation>Fix &amp;All of This Kind…</translation>
    </message>
    <message>
        <source>标记已说明(&amp;M)…</source>
        <translation>&amp;Mark as Explained…</translation>
    </message>
    <message>
        <source>审核规则(&amp;R)…</source>
        <translation>&amp;Review Rules…</translation>
    </message>
    <message>
        <source>导出审核意见(&amp;E)…</source>
        <translation>&amp;Export Review Comments…</translation>
    </message>
    <message>
        <source>这条检查结果没有可以自动完成的修复</source>
        <translation>This finding has no fix that can be made automatically</translation>
    </message>
    <message>
        <source>快速修复</source>
        <translation>Quick Fix</translation>
    </message>
    <message>
        <source>全部修复：{rule} {title}</source>
        <translation>Fix all: {rule} {title}</translation>
    </message>
    <message>
        <source>审核规则：{name}</source>
        <translation>Review rules: {name}</translation>
    </message>
    <message>
        <source>导出审核意见</source>
        <translation>Export Review Comments</translation>
    </message>
    <message>
        <source>无法导出审核意见</source>
        <translation>Cannot Export Review Comments</translation>
    </message>
    <message>
        <source>已导出审核意见：{path}</source>
        <translation>Review comments exported: {path}</translation>
    </message>
</context>
<context>
    <name>RowEdits</name>
    <message>
        <source>删除 {count} 个指标</source>
        <translation>Delete {count} indicator(s)</translation>
    </message>
    <message>
        <source>上移指标</source>
        <translation>Move indicators up</translation>
    </message>
    <message>
        <source>下移指标</source>
        <translation>Move indicators down</translation>
    </message>
    <message>
        <source>复制 {count} 个指标</source>
        <translation>Duplicate {count} indicator(s)</translation>
    </message>
    <message>
        <source>复制实施周期指标值到年度</source>
        <translation>Copy period values to annual</translation>
    </message>
    <message>
        <source>（无名称）</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source> 等</source>
        <translation> and more</translation>
    </message>
    <message>
        <source>已删除 {count} 个指标：{names}。按 Ctrl+Z 可撤销。</source>
        <translation>Deleted {count} indicator(s): {names}. Press Ctrl+Z to undo.</translation>
    </message>
</context>
<context>
    <name>RuleSetDialog</name>
    <message>
        <source>审核规则</source>
        <translation>Review Rules</translation>
    </message>
    <message>
        <source>规则名称：</source>
        <translation>Rule set name:</translation>
    </message>
    <message>
        <source>满意度下限（S2）：</source>
        <translation>Satisfaction floor (S2):</translation>
    </message>
    <message>
        <source>三级指标名称最多字数（V9）：</source>
        <translation>Longest indicator name (V9):</translation>
    </message>
    <message>
        <source>指标值最多字数（V9）：</source>
        <translation>Longest value (V9):</translation>
    </message>
    <message>
        <source>每个项目都要有成本指标（C5）</source>
        <translation>Every project needs a cost indicator (C5)</translation>
    </message>
    <message>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>What it checks</translation>
    </message>
    <message>
        <source>意见类别</source>
        <translation>Comment category</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>On</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>打开规则文件(&amp;O)…</source>
        <translation>&amp;Open Rule File…</translation>
    </message>
    <message>
        <source>另存为(&amp;S)…</source>
        <translation>&amp;Save As…</translation>
    </message>
    <message>
        <source>默认规则(&amp;D)</source>
        <translation>&amp;Default Rules</translation>
    </message>
    <message>
        <source>严格规则(&amp;T)</source>
        <translation>S&amp;trict Rules</translation>
    </message>
    <message>
        <source>规则文件：{path}</source>
        <translation>Rule file: {path}</translation>
    </message>
    <message>
        <source>规则文件：（未保存）</source>
        <translation>Rule file: (not saved)</translation>
    </message>
    <message>
        <source>打开规则文件</source>
        <translation>Open Rule File</translation>
    </message>
    <message>
        <source>无法使用规则文件</source>
        <translation>Cannot Use the Rule File</translation>
    </message>
    <message>
        <source>保存规则文件</source>
        <translation>Save Rule File</translation>
    </message>
    <message>
        <source>无法保存规则文件</source>
        <translation>Cannot Save the Rule File</translation>
    </message>
</context>
<context>
    <name>SheetPreviewModel</name>
    <message>
        <source>隐藏的行（不导入）</source>
        <translation>Hidden row (not imported)</translation>
    </message>
    <message>
        <source>点击设为表头行</source>
        <translation>Click to make this the header row</translation>
    </message>
</context>
<context>
    <name>StatusSummary</name>
    <message>
        <source>正在检查… {done}/{total}</source>
        <translation>Checking… {done}/{total}</translation>
    </message>
    <message>
        <source>合计 {total} {unit}</source>
        <translation>Total {total} {unit}</translation>
    </message>
    <message>
        <source>{projects} 个项目 / {indicators} 个指标</source>
        <translation>{projects} projects / {indicators} indicators</translation>
    </message>
    <message>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>检查结果（正在检查…）</source>
        <translation>Check Results (checking…)</translation>
    </message>
    <message>
        <source>{errors} 个错误，{warnings} 个警告，{advice} 个提示</source>
        <translation>{errors} errors, {warnings} warnings, {advice} advices</translation>
    </message>
    <message>
        <source>检查结果（{summary}）</source>
        <translation>Check Results ({summary})</translation>
    </message>
</context>
<context>
    <name>TableInfoForm</name>
    <message>
        <source>年度</source>
        <translation>Budget year</translation>
    </message>
    <message>
        <source>单位代码</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <source>单位（盖章）</source>
        <translation>Unit (seal)</translation>
    </message>
    <message>
        <source>单位负责人</source>
        <translation>Head of unit</translation>
    </message>
    <message>
        <source>经办人（填报人）</source>
        <translation>Prepared by</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>填报日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>财政系统指标体系（产出、效益、满意度）</source>
        <translation>Finance-system classes (output, benefit, satisfaction)</translation>
    </message>
    <message>
        <source>2021年指引指标体系（含成本指标一级）</source>
        <translation>2021 guide classes (with cost as a first-level class)</translation>
    </message>
    <message>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <source>如：2026（打印为“（2026年度）”）</source>
        <translation>e.g. 2026 (printed as “（2026年度）”)</translation>
    </message>
    <message>
        <source>如：2026年1月15日</source>
        <translation>e.g. 2026年1月15日</translation>
    </message>
    <message>
        <source>把指标转换为此体系</source>
        <translation>Convert the indicators to these classes</translation>
    </message>
    <message>
        <source>指标体系：</source>
        <translation>Indicator classes:</translation>
    </message>
    <message>
        <source>修改{field}</source>
        <translation>Edit {field}</translation>
    </message>
    <message>
        <source>选择指标体系</source>
        <translation>Choose the indicator classes</translation>
    </message>
    <message>
        <source>转换指标体系</source>
        <translation>Convert the indicator classes</translation>
    </message>
    <message>
        <source>以下指标无法一一对应，已归入最接近的类别，请核对：</source>
        <translation>These indicators have no exact counterpart and were put in the nearest class; please check:</translation>
    </message>
    <message>
        <source>……另有 {count} 项</source>
        <translation>… and {count} more</translation>
    </message>
</context>
<context>
    <name>TableInfoSection</name>
    <message>
        <source>申报信息</source>
        <translation>Declaration</translation>
    </message>
    <message>
        <source>申报信息（年度、单位代码、签字栏、指标体系）</source>
        <translation>Declaration (year, unit code, sign-off, indicator classes)</translation>
    </message>
</context>
<context>
    <name>TablePanel</name>
    <message>
        <source>如：广州市花都区口岸服务保障中心</source>
        <translation>e.g. 广州市花都区口岸服务保障中心</translation>
    </message>
    <message>
        <source>单位名称(&amp;U)：</source>
        <translation>Reporting &amp;unit:</translation>
    </message>
    <message>
        <source>表格标题(&amp;T)：</source>
        <translation>Table &amp;title:</translation>
    </message>
    <message>
        <source>金额单位(&amp;M)：</source>
        <translation>&amp;Money unit:</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Grand Total</translation>
    </message>
    <message>
        <source>在左侧树中右击可新增单位和项目；拖动可调整顺序，或把项目移到另一单位。</source>
        <translation>Right-click in the tree on the left to add units and projects; drag to reorder them or to move a project to another unit.</translation>
    </message>
    <message>
        <source>修改单位名称</source>
        <translation>Edit reporting unit</translation>
    </message>
    <message>
        <source>修改表格标题</source>
        <translation>Edit table title</translation>
    </message>
    <message>
        <source>修改金额单位</source>
        <translation>Edit money unit</translation>
    </message>
    <message>
        <source>{units} 个资金使用单位，{projects} 个项目，{indicators} 个指标</source>
        <translation>{units} funding units, {projects} projects, {indicators} indicators</translation>
    </message>
</context>
<context>
    <name>UnitPanel</name>
    <message>
        <source>资金使用单位名称</source>
        <translation>Name of the funding unit</translation>
    </message>
    <message>
        <source>本单位小计</source>
        <translation>Unit Subtotal</translation>
    </message>
    <message>
        <source>单位名称(&amp;N)：</source>
        <translation>Unit &amp;name:</translation>
    </message>
    <message>
        <source>项目（双击打开）</source>
        <translation>Projects (double-click to open)</translation>
    </message>
</context>
<context>
    <name>UnitProjectsModel</name>
    <message>
        <source>项目名称</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>总计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>财政拨款</source>
        <translation>Fiscal</translation>
    </message>
    <message>
        <source>财政专户拨款</source>
        <translation>Special Account</translation>
    </message>
    <message>
        <source>其他资金</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>指标数</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>（未命名项目）</source>
        <translation>(unnamed project)</translation>
    </message>
</context>
<context>
    <name>ValueEditor</name>
    <message>
        <source>如 ≥98%、12个月、按时完成</source>
        <translation>e.g. ≥98%, 12个月, 按时完成</translation>
    </message>
    <message>
        <source>去掉符号</source>
        <translation>Remove Sign</translation>
    </message>
    <message>
        <source>比较符号</source>
        <translation>Comparison Sign</translation>
    </message>
    <message>
        <source>插入比较符号 ≥ ＞ ＝ ＜ ≤（Alt+↓）</source>
        <translation>Insert a comparison sign ≥ ＞ ＝ ＜ ≤ (Alt+Down)</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>计量单位</source>
        <translation>Unit of Measure</translation>
    </message>
    <message>
        <source>设置计量单位</source>
        <translation>Set the unit of measure</translation>
    </message>
</context>
<context>
    <name>YearCommands</name>
    <message>
        <source>新建下一年度表(&amp;Y)…</source>
        <translation>New &amp;Next Year&apos;s Table…</translation>
    </message>
    <message>
        <source>与其他年度比较(&amp;C)…</source>
        <translation>&amp;Compare with Another Year…</translation>
    </message>
    <message>
        <source>接受本项目的上年指标</source>
        <translation>Accept This Project&apos;s Carried-Over Indicators</translation>
    </message>
    <message>
        <source>接受全部上年指标</source>
        <translation>Accept All Carried-Over Indicators</translation>
    </message>
    <message>
        <source>已新建下一年度表：%1 个指标沿用上年，修改或接受后取消标记</source>
        <translation>Next year&apos;s table created: %1 indicators carried over, marked until edited or accepted</translation>
    </message>
    <message>
        <source>选择要比较的其他年度的表</source>
        <translation>Choose the Table of Another Year to Compare</translation>
    </message>
    <message>
        <source>无法比较</source>
        <translation>Cannot Compare</translation>
    </message>
    <message>
        <source>年度比较</source>
        <translation>Year Comparison</translation>
    </message>
    <message>
        <source>导出年度比较</source>
        <translation>Export Year Comparison</translation>
    </message>
    <message>
        <source>%1 年度比较</source>
        <translation>%1 Year Comparison</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export Failed</translation>
    </message>
    <message>
        <source>已导出年度比较：%1</source>
        <translation>Year comparison exported: %1</translation>
    </message>
</context>
<context>
    <name>YearComparisonModel</name>
    <message>
        <source>项目 / 三级指标</source>
        <translation>Project / Indicator</translation>
    </message>
    <message>
        <source>二级指标</source>
        <translation>Level-2 Class</translation>
    </message>
    <message>
        <source>上年</source>
        <translation>Last Year</translation>
    </message>
    <message>
        <source>本年</source>
        <translation>This Year</translation>
    </message>
    <message>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>相同</source>
        <translation>Same</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>对应</source>
        <translation>Matched</translation>
    </message>
    <message>
        <source>目标降低</source>
        <translation>Target lowered</translation>
    </message>
    <message>
        <source>目标提高</source>
        <translation>Target raised</translation>
    </message>
    <message>
        <source>计量单位缺失</source>
        <translation>Unit dropped</translation>
    </message>
    <message>
        <source>比较符号缺失</source>
        <translation>Sign dropped</translation>
    </message>
    <message>
        <source>新增项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>取消项目</source>
        <translation>Project dropped</translation>
    </message>
    <message>
        <source>资金变化</source>
        <translation>Funds changed</translation>
    </message>
</context>
<context>
    <name>YearComparisonPanel</name>
    <message>
        <source>只看变化</source>
        <translation>Only Changes</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>取消比较</source>
        <translation>Stop Comparing</translation>
    </message>
    <message>
        <source>上年：%1</source>
        <translation>Last year: %1</translation>
    </message>
    <message>
        <source>项目“%1”的指标“%2”比上年降低：%3 → %4，请说明理由</source>
        <translation>Project “%1”: indicator “%2” is lower than last year&apos;s (%3 → %4); please give the reason</translation>
    </message>
</context>
</TS>
