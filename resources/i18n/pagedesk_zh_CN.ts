<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../editor/gui/actions.py" line="378"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="380"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="384"/>
        <source>Open from &amp;library…</source>
        <translation>从资料库打开(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="391"/>
        <source>New page from &amp;clipboard</source>
        <translation>从剪贴板新建版面(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="396"/>
        <source>&amp;Recent files</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="401"/>
        <source>&amp;Save to library</source>
        <translation>保存到资料库(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="408"/>
        <source>&amp;Close page</source>
        <translation>关闭版面(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="415"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="421"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="422"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="424"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="425"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="427"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="64"/>
        <source>Edit block &amp;text</source>
        <translation>修改文本块文字(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="75"/>
        <source>&amp;Split paragraph at cursor</source>
        <translation>在光标处拆分段落(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="86"/>
        <source>&amp;Join with next block</source>
        <translation>与下一块合并(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="433"/>
        <source>Set &amp;role</source>
        <translation>设置角色(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="444"/>
        <source>&amp;Article</source>
        <translation>稿件(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="98"/>
        <source>&amp;Split article before block</source>
        <translation>在此块前拆分稿件(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="109"/>
        <source>Merge with &amp;previous article</source>
        <translation>与上一篇稿件合并(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="121"/>
        <source>Merge with &amp;next article</source>
        <translation>与下一篇稿件合并(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="133"/>
        <source>Move article &amp;up</source>
        <translation>稿件上移(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="145"/>
        <source>Move article &amp;down</source>
        <translation>稿件下移(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="157"/>
        <source>&amp;Move blocks to article…</source>
        <translation>把文本块移到稿件(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="169"/>
        <source>New article from selected &amp;lines</source>
        <translation>用选中的行新建稿件(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="180"/>
        <source>&amp;Assign selected lines to article…</source>
        <translation>把选中的行归入稿件(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="191"/>
        <source>&amp;Re-read byline</source>
        <translation>重新解析署名(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="447"/>
        <source>&amp;Review</source>
        <translation>复核(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="202"/>
        <source>&amp;Next doubtful decision</source>
        <translation>下一个存疑判断(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="212"/>
        <source>&amp;Previous doubtful decision</source>
        <translation>上一个存疑判断(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="222"/>
        <source>Take the &amp;alternative</source>
        <translation>采用另一种可能(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="233"/>
        <source>Mark decision &amp;checked</source>
        <translation>标记为已核对(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="450"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="452"/>
        <source>Go to the &amp;raw page</source>
        <translation>转到原文(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="455"/>
        <source>Go to the article &amp;tree</source>
        <translation>转到稿件树(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="459"/>
        <source>Go to the &amp;inspector</source>
        <translation>转到属性面板(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="466"/>
        <source>Go to the page &amp;picture (PDF pages)</source>
        <translation>转到版面图(&amp;P)（PDF 版面）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="475"/>
        <source>&amp;Library</source>
        <translation>资料库(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="477"/>
        <source>&amp;Browse the library</source>
        <translation>浏览资料库(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="481"/>
        <source>&amp;Find in the library…</source>
        <translation>在资料库中查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="488"/>
        <source>&amp;Import a folder of pages…</source>
        <translation>导入版面文件夹(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="495"/>
        <source>&amp;Rebuild the search index</source>
        <translation>重建检索索引(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="500"/>
        <source>Tag &amp;vocabulary…</source>
        <translation>标签词表(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="502"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="503"/>
        <source>&amp;About PageDesk</source>
        <translation>关于 PageDesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="513"/>
        <source>This page came as text: it has no picture.</source>
        <translation>本版来自文字文件，没有版面图。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="544"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="591"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="611"/>
        <location filename="../../editor/gui/actions.py" line="622"/>
        <source>Correction not possible</source>
        <translation>无法进行此修改</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="629"/>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="635"/>
        <source>paper</source>
        <translation>报名</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="636"/>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="637"/>
        <source>section</source>
        <translation>版名</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="638"/>
        <source>page number</source>
        <translation>版次</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="678"/>
        <source>Set role</source>
        <translation>设置角色</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="679"/>
        <source>The block has {n} lines of running text; a {role} is a line or two. Make it a {role} anyway?</source>
        <translation>该块有 {n} 行正文；{role}通常只有一两行。仍要设为{role}吗？</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="684"/>
        <source>Not changed: the block reads as running text, not as a {role}.</source>
        <translation>未更改：该块读来是正文，不是{role}。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="741"/>
        <source>Move blocks to article</source>
        <translation>把文本块移到稿件</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="756"/>
        <source>Assign lines to article</source>
        <translation>把行归入稿件</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../editor/gui/app.py" line="93"/>
        <source>Something went wrong: {error}

Your page is still open; the details are in the log file:
{path}</source>
        <translation>出错了：{error}

您的版面仍然打开着；详细信息已记入日志文件：
{path}</translation>
    </message>
    <message>
        <location filename="../../editor/gui/app.py" line="99"/>
        <source>Something went wrong: {error}

Your page is still open, but the details could not be logged: the log file cannot be written.</source>
        <translation>出错了：{error}

您的版面仍然打开着，但详细信息未能记录：日志文件无法写入。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/app.py" line="106"/>
        <source>PageDesk</source>
        <translation>版面校对台</translation>
    </message>
    <message>
        <location filename="../../editor/gui/app.py" line="123"/>
        <source>{path} (cannot be written)</source>
        <translation>{path}（无法写入）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/app.py" line="126"/>
        <source>PageDesk {version}
Newspaper page text to a structured article tree.

Qt {qt}, PySide6 {pyside}

Library file:
{library}

Log file:
{log}</source>
        <translation>PageDesk 版面校对台 {version}
把报纸版面文本整理成结构化的稿件树。

Qt {qt}，PySide6 {pyside}

稿件库文件：
{library}

日志文件：
{log}</translation>
    </message>
    <message>
        <location filename="../../editor/gui/app.py" line="141"/>
        <source>About PageDesk</source>
        <translation>关于 PageDesk</translation>
    </message>
</context>
<context>
    <name>Archive</name>
    <message>
        <location filename="../../editor/gui/archive.py" line="236"/>
        <location filename="../../editor/gui/archive.py" line="294"/>
        <source>Library</source>
        <translation>资料库</translation>
    </message>
    <message>
        <location filename="../../editor/gui/archive.py" line="146"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../editor/gui/archive.py" line="166"/>
        <source>No article changed.</source>
        <translation>没有稿件被改动。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/archive.py" line="162"/>
        <source>Library: {change}</source>
        <translation>资料库：{change}</translation>
    </message>
    <message>
        <location filename="../../editor/gui/archive.py" line="177"/>
        <source>Tags {change} on {n} articles</source>
        <translation>{n} 篇稿件的标签 {change}</translation>
    </message>
    <message>
        <location filename="../../editor/gui/archive.py" line="181"/>
        <source>Rename tag {old} → {new}</source>
        <translation>重命名标签 {old} → {new}</translation>
    </message>
    <message>
        <location filename="../../editor/gui/archive.py" line="185"/>
        <source>Merge tags {tags} → {target}</source>
        <translation>合并标签 {tags} → {target}</translation>
    </message>
    <message>
        <location filename="../../editor/gui/archive.py" line="237"/>
        <source>Search</source>
        <translation>检索</translation>
    </message>
    <message>
        <location filename="../../editor/gui/archive.py" line="399"/>
        <source>Add a tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <location filename="../../editor/gui/archive.py" line="399"/>
        <source>Remove a tag</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <location filename="../../editor/gui/archive.py" line="401"/>
        <source>Tag to add to {n} articles:</source>
        <translation>要添加到 {n} 篇稿件的标签：</translation>
    </message>
    <message>
        <location filename="../../editor/gui/archive.py" line="403"/>
        <source>Tag to remove from {n} articles:</source>
        <translation>要从 {n} 篇稿件移除的标签：</translation>
    </message>
    <message>
        <location filename="../../editor/gui/archive.py" line="415"/>
        <source>Import a folder of pages</source>
        <translation>导入版面文件夹</translation>
    </message>
    <message>
        <location filename="../../editor/gui/archive.py" line="438"/>
        <source>Importing into the library…</source>
        <translation>正在导入资料库…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/archive.py" line="431"/>
        <source>{imported} pages imported, {duplicate} already in the library, {failed} could not be read.</source>
        <translation>已导入 {imported} 个版面，{duplicate} 个已在资料库中，{failed} 个无法读取。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/archive.py" line="435"/>
        <location filename="../../editor/gui/archive.py" line="443"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <location filename="../../editor/gui/browsermodel.py" line="237"/>
        <source>(no headline)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/browsermodel.py" line="254"/>
        <source>Headline</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../editor/gui/browsermodel.py" line="255"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../editor/gui/browsermodel.py" line="256"/>
        <source>Page</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../../editor/gui/browsermodel.py" line="257"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../editor/gui/browsermodel.py" line="258"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>ArticleTreeModel</name>
    <message>
        <location filename="../../editor/gui/treemodel.py" line="179"/>
        <source>Article / block</source>
        <translation>稿件 / 文本块</translation>
    </message>
    <message>
        <location filename="../../editor/gui/treemodel.py" line="179"/>
        <source>Lines</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../editor/gui/treemodel.py" line="193"/>
        <source>Article {n}</source>
        <translation>第 {n} 篇</translation>
    </message>
    <message>
        <location filename="../../editor/gui/treemodel.py" line="236"/>
        <source>Page</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../../editor/gui/treemodel.py" line="238"/>
        <source>(no headline)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/treemodel.py" line="240"/>
        <source>Page furniture ({n})</source>
        <translation>版面元素（{n}）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/treemodel.py" line="242"/>
        <source>Unassigned lines ({n})</source>
        <translation>未归属的行（{n}）</translation>
    </message>
</context>
<context>
    <name>BrowserPanel</name>
    <message>
        <location filename="../../editor/gui/browser.py" line="92"/>
        <source>Paper</source>
        <translation>报纸</translation>
    </message>
    <message>
        <location filename="../../editor/gui/browser.py" line="93"/>
        <source>Section</source>
        <translation>版名</translation>
    </message>
    <message>
        <location filename="../../editor/gui/browser.py" line="94"/>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../editor/gui/browser.py" line="95"/>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../editor/gui/browser.py" line="96"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../editor/gui/browser.py" line="97"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../editor/gui/browser.py" line="109"/>
        <source>Untagged only</source>
        <translation>仅无标签</translation>
    </message>
    <message>
        <location filename="../../editor/gui/browser.py" line="110"/>
        <source>Edited since import</source>
        <translation>导入后改过</translation>
    </message>
    <message>
        <location filename="../../editor/gui/browser.py" line="173"/>
        <source>{n} articles</source>
        <translation>{n} 篇稿件</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../editor/gui/actions.py" line="243"/>
        <source>Set role: {role}</source>
        <translation>设置角色：{role}</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="95"/>
        <source>Split article</source>
        <translation>拆分稿件</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="106"/>
        <source>Merge with previous article</source>
        <translation>与上一篇稿件合并</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="118"/>
        <source>Merge with next article</source>
        <translation>与下一篇稿件合并</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="130"/>
        <source>Move article</source>
        <translation>移动稿件</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="154"/>
        <source>Move blocks</source>
        <translation>移动文本块</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="166"/>
        <source>New article from lines</source>
        <translation>用行新建稿件</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="177"/>
        <source>Assign lines to article</source>
        <translation>把行归入稿件</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="72"/>
        <source>Split paragraph</source>
        <translation>拆分段落</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="83"/>
        <source>Join with next block</source>
        <translation>与下一块合并</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="61"/>
        <source>Edit text</source>
        <translation>修改文字</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="248"/>
        <source>Edit credit</source>
        <translation>修改图片署名</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="253"/>
        <location filename="../../editor/gui/actions.py" line="258"/>
        <source>Edit {field}</source>
        <translation>修改{field}</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="263"/>
        <source>Edit tags</source>
        <translation>修改标签</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="268"/>
        <source>Edit page {field}</source>
        <translation>修改版面{field}</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="273"/>
        <source>Edit people</source>
        <translation>修改人员</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="188"/>
        <source>Re-read byline</source>
        <translation>重新解析署名</translation>
    </message>
    <message>
        <location filename="../../editor/gui/actions.py" line="230"/>
        <source>Mark decision checked</source>
        <translation>标记为已核对</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <location filename="../../editor/gui/commands.py" line="197"/>
        <source>Untitled page</source>
        <translation>未命名版面</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../editor/gui/commands.py" line="203"/>
        <source>Select a block after the article&apos;s first block to split there.</source>
        <translation>请选中稿件第一块之后的某个文本块，再在那里拆分。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/commands.py" line="206"/>
        <source>The selected block is not in that article.</source>
        <translation>选中的文本块不在该稿件中。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/commands.py" line="209"/>
        <source>There is no article on that side to merge with.</source>
        <translation>这一侧没有可以合并的稿件。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/commands.py" line="212"/>
        <source>Select one or more text lines in the raw page first.</source>
        <translation>请先在原文中选中一行或多行文字。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/commands.py" line="215"/>
        <source>Put the cursor inside the block&apos;s text to split it there.</source>
        <translation>请把光标放在文本块文字中间，再在那里拆分。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/commands.py" line="218"/>
        <source>There is no next block to join with.</source>
        <translation>后面没有可以合并的文本块。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/commands.py" line="221"/>
        <source>A byline, dateline or caption can only be joined with a block of its role.</source>
        <translation>署名、电头或图片说明只能与同一角色的块合并。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/commands.py" line="224"/>
        <source>This block&apos;s text was corrected by hand; split its text at the cursor (Ctrl+Return) instead of taking some of its lines.</source>
        <translation>此块的文字已手工修改；请在光标处拆分文字（Ctrl+Return），而不要只取其中几行。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/commands.py" line="228"/>
        <source>The article has no byline to read.</source>
        <translation>这篇稿件没有可解析的署名。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/commands.py" line="229"/>
        <source>Select an article first.</source>
        <translation>请先选中一篇稿件。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/commands.py" line="230"/>
        <source>This correction would leave raw text without an article; it was not made.</source>
        <translation>此项更正会使原文中的行无所归属，未予执行。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/commands.py" line="233"/>
        <source>Select a block first.</source>
        <translation>请先选中一个文本块。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/commands.py" line="237"/>
        <source>This correction is not possible here ({code}).</source>
        <translation>此处无法进行这项修改（{code}）。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/workers.py" line="132"/>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/workers.py" line="133"/>
        <source>The file looks binary, not page text.</source>
        <translation>文件看起来是二进制文件，不是版面文字。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/workers.py" line="134"/>
        <source>The file&apos;s text encoding could not be recognised (UTF-8, UTF-16, GB18030 and Big5 were tried).</source>
        <translation>无法识别文件的文字编码（已尝试 UTF-8、UTF-16、GB18030 和 Big5）。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/workers.py" line="139"/>
        <source>The file or text is too large to be a newspaper page: a page file holds at most {mb} MB and a text at most {chars:,} characters.</source>
        <translation>文件或文本太大，不像一个报纸版面：版面文件最大 {mb} MB，文本最多 {chars:,} 个字符。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/workers.py" line="143"/>
        <source>The file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/workers.py" line="144"/>
        <source>The file cannot be read.</source>
        <translation>无法读取文件。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/workers.py" line="150"/>
        <source>There is not enough memory for this page.</source>
        <translation>内存不足，无法打开此版面。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/workers.py" line="153"/>
        <source>Something went wrong: {error}</source>
        <translation>出错了：{error}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../editor/gui/exportdialog.py" line="43"/>
        <source>Word document (.docx)</source>
        <translation>Word 文档 (.docx)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/exportdialog.py" line="44"/>
        <source>Web page (.html)</source>
        <translation>网页 (.html)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/exportdialog.py" line="45"/>
        <source>Static web archive (folder)</source>
        <translation>静态网页存档（文件夹）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/exportdialog.py" line="46"/>
        <source>PageDesk JSON (pagedesk.page/1)</source>
        <translation>PageDesk JSON (pagedesk.page/1)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/exportdialog.py" line="47"/>
        <source>Plain text (.txt)</source>
        <translation>纯文本 (.txt)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/exportdialog.py" line="55"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../editor/gui/exportdialog.py" line="64"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../editor/gui/exportdialog.py" line="67"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/exportdialog.py" line="72"/>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <location filename="../../editor/gui/exportdialog.py" line="73"/>
        <source>Each article on a page of its own</source>
        <translation>每篇稿件单独一页</translation>
    </message>
    <message>
        <location filename="../../editor/gui/exportdialog.py" line="100"/>
        <source>Export to folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../editor/gui/exportdialog.py" line="102"/>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <location filename="../../editor/gui/exportdialog.py" line="133"/>
        <location filename="../../editor/gui/exportdialog.py" line="154"/>
        <location filename="../../editor/gui/exportdialog.py" line="164"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../editor/gui/exportdialog.py" line="133"/>
        <source>Open a page first.</source>
        <translation>请先打开一个版面。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/exportdialog.py" line="139"/>
        <source>{n} selected articles of {page}</source>
        <translation>{page} 中选定的 {n} 篇稿件</translation>
    </message>
    <message>
        <location filename="../../editor/gui/exportdialog.py" line="141"/>
        <source>The page {page}</source>
        <translation>版面 {page}</translation>
    </message>
    <message>
        <location filename="../../editor/gui/exportdialog.py" line="145"/>
        <source>{n} articles from the library</source>
        <translation>资料库中的 {n} 篇稿件</translation>
    </message>
    <message>
        <location filename="../../editor/gui/exportdialog.py" line="154"/>
        <source>Choose where to save the export.</source>
        <translation>请选择导出的保存位置。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/exportdialog.py" line="165"/>
        <source>The folder {folder} already holds other files:
{files}

The web archive replaces its index.html, style.css and articles folder. Write it there anyway?</source>
        <translation>文件夹 {folder} 中已有其他文件：
{files}

网页存档会替换其中的 index.html、style.css 和 articles 文件夹。仍要写入该文件夹吗？</translation>
    </message>
    <message>
        <location filename="../../editor/gui/exportdialog.py" line="186"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/exportdialog.py" line="196"/>
        <source>Exported {n} file(s): {first}</source>
        <translation>已导出 {n} 个文件：{first}</translation>
    </message>
    <message>
        <location filename="../../editor/gui/exportdialog.py" line="189"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <location filename="../../editor/gui/progress.py" line="83"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../editor/gui/progress.py" line="117"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/files.py" line="88"/>
        <source>Opening {name}…</source>
        <translation>正在打开 {name}…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/files.py" line="101"/>
        <source>Open page files</source>
        <translation>打开版面文件</translation>
    </message>
    <message>
        <location filename="../../editor/gui/files.py" line="104"/>
        <source>Pages (*.txt *.text *.pdf);;Page text (*.txt *.text);;PDF pages (*.pdf);;All files (*)</source>
        <translation>版面 (*.txt *.text *.pdf);;版面文字 (*.txt *.text);;PDF 版面 (*.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/files.py" line="117"/>
        <source>Opening {n} files…</source>
        <translation>正在打开 {n} 个文件…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/files.py" line="133"/>
        <source>Finding the articles…</source>
        <translation>正在划分稿件…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/files.py" line="140"/>
        <source>Nothing to paste</source>
        <translation>没有可粘贴的内容</translation>
    </message>
    <message>
        <location filename="../../editor/gui/files.py" line="140"/>
        <source>The clipboard holds no text.</source>
        <translation>剪贴板里没有文字。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/files.py" line="144"/>
        <source>Pasted page {time}</source>
        <translation>粘贴的版面 {time}</translation>
    </message>
    <message>
        <location filename="../../editor/gui/files.py" line="145"/>
        <source>Reading the pasted page…</source>
        <translation>正在读取粘贴的版面…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/files.py" line="156"/>
        <source>Page already in the library</source>
        <translation>资料库里已有此版面</translation>
    </message>
    <message>
        <location filename="../../editor/gui/files.py" line="158"/>
        <source>{name} is already in the library, perhaps with corrections. Open the library&apos;s version? (No: use the new reading; saving it makes a new revision of the same page.)</source>
        <translation>{name} 已在资料库中，可能带有校对修改。要打开资料库里的版本吗？（选“否”则使用新的识别结果；保存时会成为同一版面的新版本。）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/files.py" line="172"/>
        <source>Some files could not be opened</source>
        <translation>有些文件无法打开</translation>
    </message>
    <message>
        <location filename="../../editor/gui/files.py" line="177"/>
        <source>PageDesk</source>
        <translation>版面校对台</translation>
    </message>
    <message>
        <location filename="../../editor/gui/files.py" line="210"/>
        <source>Loading from the library…</source>
        <translation>正在从资料库载入…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/files.py" line="230"/>
        <source>No date</source>
        <translation>没有日期</translation>
    </message>
    <message>
        <location filename="../../editor/gui/files.py" line="231"/>
        <source>This page has no date, so the library cannot find it by date. Save it anyway? (No: enter the date under Page in the inspector.)</source>
        <translation>此版面没有日期，资料库无法按日期找到它。仍要保存吗？（否：在检查器的“版面”中填写日期。）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/files.py" line="253"/>
        <location filename="../../editor/gui/files.py" line="265"/>
        <source>Saving failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <location filename="../../editor/gui/files.py" line="267"/>
        <source>Saving to the library…</source>
        <translation>正在保存到资料库…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/files.py" line="273"/>
        <source>Page changed in the library</source>
        <translation>资料库中的版面已有变动</translation>
    </message>
    <message>
        <location filename="../../editor/gui/files.py" line="274"/>
        <source>{message}

Save your version as the newest revision anyway? The other version stays in the page&apos;s history (pagedesk history, pagedesk restore), and tags added meanwhile are kept.</source>
        <translation>{message}

仍要把您的版本保存为最新修订吗？另一版本会保留在该版面的历史中（pagedesk history、pagedesk restore），其间添加的标签也会保留。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/files.py" line="288"/>
        <source>Saved revision {rev} to the library</source>
        <translation>已作为第 {rev} 版保存到资料库</translation>
    </message>
    <message>
        <location filename="../../editor/gui/files.py" line="347"/>
        <source>Autosave failed: {error}</source>
        <translation>自动保存失败：{error}</translation>
    </message>
    <message>
        <location filename="../../editor/gui/files.py" line="395"/>
        <source>Restore unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <location filename="../../editor/gui/files.py" line="397"/>
        <source>PageDesk did not close normally. Restore {n} page(s) with unsaved corrections?</source>
        <translation>版面校对台上次没有正常关闭。要恢复 {n} 个带有未保存修改的版面吗？</translation>
    </message>
    <message>
        <location filename="../../editor/gui/files.py" line="406"/>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../editor/gui/inspector.py" line="86"/>
        <source>Article</source>
        <translation>稿件</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="90"/>
        <source>Kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="91"/>
        <source>Headline</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="92"/>
        <source>Subheadline</source>
        <translation>副题</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="98"/>
        <source>Dateline</source>
        <translation>电头</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="100"/>
        <source>Re-read</source>
        <translation>重新解析</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="101"/>
        <source>Read the people again from the byline text</source>
        <translation>根据署名文字重新读取人员</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="108"/>
        <source>Byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="111"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="111"/>
        <location filename="../../editor/gui/inspector.py" line="149"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="118"/>
        <source>Add person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="120"/>
        <source>Remove person</source>
        <translation>删除人员</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="128"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="130"/>
        <source>Source tag</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="133"/>
        <source>Printed notes</source>
        <translation>印刷的注释</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="138"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="142"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="146"/>
        <source>Block</source>
        <translation>文本块</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="153"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="154"/>
        <source>Apply text</source>
        <translation>应用修改</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="156"/>
        <source>Keep the corrected text (Ctrl+Return); the raw page stays as it was</source>
        <translation>保留修改后的文字（Ctrl+Return）；原文保持不变</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="166"/>
        <source>Split at cursor</source>
        <translation>在光标处拆分</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="173"/>
        <source>Photo credit</source>
        <translation>图片署名</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="177"/>
        <source>Page</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="181"/>
        <source>Paper</source>
        <translation>报纸</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="182"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="183"/>
        <source>Section</source>
        <translation>版名</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="184"/>
        <source>Page number</source>
        <translation>版次</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="227"/>
        <source>no source tag block</source>
        <translation>没有来源文本块</translation>
    </message>
    <message>
        <location filename="../../editor/gui/inspector.py" line="245"/>
        <source> (edited)</source>
        <translation>（已修改）</translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <location filename="../../editor/gui/library.py" line="47"/>
        <source>The library is busy (another program is writing to it). Try again in a moment.</source>
        <translation>资料库正忙（另一个程序正在写入）。请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/library.py" line="51"/>
        <source>The library was written by a newer PageDesk. Update PageDesk to open it.</source>
        <translation>资料库由更新版本的版面校对台写入。请更新版面校对台后再打开。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/library.py" line="54"/>
        <source>The library file is damaged or is not a PageDesk library.</source>
        <translation>资料库文件已损坏，或者不是版面校对台的资料库。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/library.py" line="57"/>
        <source>That page is not in the library.</source>
        <translation>资料库里没有这个版面。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/library.py" line="58"/>
        <source>Someone else saved this page since you opened it.</source>
        <translation>您打开此版面后，已有他人保存过它。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/library.py" line="61"/>
        <source>The disk holding the library is full. Nothing was lost: free some space and try again.</source>
        <translation>资料库所在的磁盘已满。内容没有丢失：请腾出空间后重试。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/library.py" line="65"/>
        <source>The library is read-only here: it can be read and searched, not changed.</source>
        <translation>资料库在此处为只读：可以查阅和检索，不能修改。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/library.py" line="68"/>
        <source>The library cannot be opened (a missing folder, or no permission).</source>
        <translation>无法打开资料库（文件夹不存在，或没有访问权限）。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/library.py" line="71"/>
        <source>There is no library yet: saving a page creates it.</source>
        <translation>还没有资料库：保存一个版面时会自动创建。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/library.py" line="76"/>
        <source>The library could not be used.</source>
        <translation>无法使用资料库。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/library.py" line="87"/>
        <source>The library is not available in this build.</source>
        <translation>此版本没有资料库功能。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/library.py" line="169"/>
        <source>{n} articles</source>
        <translation>{n} 篇稿件</translation>
    </message>
    <message>
        <location filename="../../editor/gui/library.py" line="172"/>
        <source>corrected</source>
        <translation>已校对</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../editor/gui/mainwindow.py" line="78"/>
        <source>Open a page: File → Open (Ctrl+O), paste one (Ctrl+Shift+V), open one from the library (Ctrl+Shift+O), or drop page files here.</source>
        <translation>打开一个版面：文件 → 打开（Ctrl+O），粘贴版面文字（Ctrl+Shift+V），从资料库打开（Ctrl+Shift+O），或把版面文件拖到这里。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/mainwindow.py" line="134"/>
        <source>Review</source>
        <translation>复核</translation>
    </message>
    <message>
        <location filename="../../editor/gui/mainwindow.py" line="137"/>
        <source>&lt;opened&gt;</source>
        <translation>&lt;打开时&gt;</translation>
    </message>
    <message>
        <location filename="../../editor/gui/mainwindow.py" line="140"/>
        <source>History</source>
        <translation>修改历史</translation>
    </message>
    <message>
        <location filename="../../editor/gui/mainwindow.py" line="151"/>
        <source>Open pages</source>
        <translation>已打开的版面</translation>
    </message>
    <message>
        <location filename="../../editor/gui/mainwindow.py" line="356"/>
        <source>No page</source>
        <translation>没有版面</translation>
    </message>
    <message>
        <location filename="../../editor/gui/mainwindow.py" line="360"/>
        <source>{page}[*] — {app}</source>
        <translation>{page}[*] — {app}</translation>
    </message>
    <message>
        <location filename="../../editor/gui/mainwindow.py" line="424"/>
        <source>Import into the library</source>
        <translation>导入资料库</translation>
    </message>
    <message>
        <location filename="../../editor/gui/mainwindow.py" line="427"/>
        <source>What is the same for every page of this import? Leave a field blank to guess it from each file&apos;s name and page header.</source>
        <translation>本次导入的各个版面有哪些相同？留空的项将从每个文件的名称和版头推断。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/mainwindow.py" line="430"/>
        <source>Paper</source>
        <translation>报纸</translation>
    </message>
    <message>
        <location filename="../../editor/gui/mainwindow.py" line="430"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../editor/gui/mainwindow.py" line="431"/>
        <source>Section</source>
        <translation>版名</translation>
    </message>
    <message>
        <location filename="../../editor/gui/mainwindow.py" line="452"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../editor/gui/mainwindow.py" line="454"/>
        <source>These pages have changes that are not in the library:
{pages}

Save them?</source>
        <translation>以下版面有尚未存入资料库的修改：
{pages}

要保存吗？</translation>
    </message>
    <message>
        <location filename="../../editor/gui/mainwindow.py" line="490"/>
        <source>Article:</source>
        <translation>稿件：</translation>
    </message>
</context>
<context>
    <name>PageTreeModel</name>
    <message>
        <location filename="../../editor/gui/browsermodel.py" line="151"/>
        <source>(no paper/date)</source>
        <translation>（无报名/日期）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/browsermodel.py" line="166"/>
        <source>Page</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../../editor/gui/browsermodel.py" line="166"/>
        <source>Articles</source>
        <translation>稿件数</translation>
    </message>
</context>
<context>
    <name>People</name>
    <message>
        <location filename="../../editor/gui/theme.py" line="152"/>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="153"/>
        <source>Reporter</source>
        <translation>记者</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="154"/>
        <source>Correspondent</source>
        <translation>通讯员</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="155"/>
        <source>Photographer</source>
        <translation>摄影</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="156"/>
        <source>Graphics</source>
        <translation>制图</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="157"/>
        <source>Editor</source>
        <translation>编辑</translation>
    </message>
</context>
<context>
    <name>PicturePane</name>
    <message>
        <location filename="../../editor/gui/picture.py" line="233"/>
        <source>The PDF this page was read from is not at {path} any more: no picture.</source>
        <translation>读取本版的 PDF 已不在 {path}：无法显示版面图。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/picture.py" line="243"/>
        <source>Drawing the page…</source>
        <translation>正在绘制版面…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/picture.py" line="278"/>
        <source>Page {n} of {file} — click a line to select it; Ctrl+wheel zooms, Ctrl+0 fits the width.</source>
        <translation>{file} 第 {n} 页 — 单击一行即选中；Ctrl+滚轮缩放，Ctrl+0 适合宽度。</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../editor/gui/prefs.py" line="193"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../editor/gui/prefs.py" line="198"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../editor/gui/prefs.py" line="204"/>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../editor/gui/prefs.py" line="205"/>
        <source>A new language takes effect when PageDesk starts again.</source>
        <translation>新的语言将在版面校对台下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/prefs.py" line="209"/>
        <source>none (only PageDesk&apos;s newsroom dictionary)</source>
        <translation>无（仅用 PageDesk 自带的新闻词典）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/prefs.py" line="210"/>
        <location filename="../../editor/gui/prefs.py" line="213"/>
        <source>Your jieba dictionary</source>
        <translation>自定义 jieba 词典</translation>
    </message>
    <message>
        <location filename="../../editor/gui/prefs.py" line="211"/>
        <source>Dictionary (*.txt *.dict);;All files (*)</source>
        <translation>词典 (*.txt *.dict);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/prefs.py" line="217"/>
        <source>none (the general conventions of Chinese newspapers)</source>
        <translation>无（按中文报纸的通用惯例）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/prefs.py" line="218"/>
        <location filename="../../editor/gui/prefs.py" line="221"/>
        <source>Paper profile</source>
        <translation>报纸配置</translation>
    </message>
    <message>
        <location filename="../../editor/gui/prefs.py" line="219"/>
        <source>Paper profile (*.toml);;All files (*)</source>
        <translation>报纸配置 (*.toml);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/prefs.py" line="222"/>
        <source>A profile names what one paper prints its own way (its name in datelines, credit titles, bullets); it applies to pages opened from now on.</source>
        <translation>报纸配置写明某一家报纸的特有印法（电头中的报名、署名头衔、项目符号等），对此后打开的版面生效。</translation>
    </message>
</context>
<context>
    <name>Prefs</name>
    <message>
        <location filename="../../editor/gui/prefs.py" line="46"/>
        <source>The dictionary cannot be used: {error}</source>
        <translation>无法使用该词典：{error}</translation>
    </message>
    <message>
        <location filename="../../editor/gui/prefs.py" line="105"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/prefs.py" line="107"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../editor/gui/prefs.py" line="60"/>
        <source>The profile cannot be used: {error}</source>
        <translation>无法使用该报纸配置：{error}</translation>
    </message>
    <message>
        <location filename="../../editor/gui/prefs.py" line="148"/>
        <source>Rebuild the search index?</source>
        <translation>重建检索索引？</translation>
    </message>
    <message>
        <location filename="../../editor/gui/prefs.py" line="149"/>
        <source>The library&apos;s search index was cut into words with the old dictionary. Rebuild it now so that search and tag suggestions use the new words? (This may take a while for a large library.)</source>
        <translation>资料库的检索索引是用原来的词典分词的。现在重建索引，让检索和标签建议用上新词吗？（资料库较大时可能需要一些时间。）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/prefs.py" line="163"/>
        <source>Rebuilding the search index…</source>
        <translation>正在重建检索索引…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/prefs.py" line="179"/>
        <source>Search index rebuilt: {n} articles.</source>
        <translation>检索索引已重建：{n} 篇稿件。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/prefs.py" line="167"/>
        <source>Rebuilding the search index failed</source>
        <translation>重建检索索引失败</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../editor/gui/theme.py" line="164"/>
        <source>Article boundary</source>
        <translation>稿件分界</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="165"/>
        <source>Headline attachment</source>
        <translation>标题归属</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="166"/>
        <source>Block role</source>
        <translation>文本块角色</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="167"/>
        <source>Paragraph break</source>
        <translation>分段</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="168"/>
        <source>Column threading</source>
        <translation>分栏接续</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="169"/>
        <source>Byline reading</source>
        <translation>署名解析</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="170"/>
        <source>Line without an owner (repaired)</source>
        <translation>无归属的原文行（已补回）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="76"/>
        <source>A new article starts here because the paragraph opens with a dateline or byline. Alternative: this paragraph continues the article above.</source>
        <translation>此处开始新稿件，因为该段以电头或署名开头。另一种可能：此段接续上一篇稿件。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="81"/>
        <source>A new article starts here because the paragraph begins after a break in the column. Alternative: this paragraph continues the article above.</source>
        <translation>此处开始新稿件，因为该段位于栏中断开之后。另一种可能：此段接续上一篇稿件。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="86"/>
        <source>A new article starts here although the paragraph reads as a continuation, because no article above could take it. Alternative: this paragraph continues the article above.</source>
        <translation>此段读来像是接续，但上方没有稿件能接上，所以此处开始新稿件。另一种可能：此段接续上一篇稿件。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="92"/>
        <source>A new article starts here with a one-line title. Alternative: the title is a subhead and the text continues the article above.</source>
        <translation>此处以一行标题开始新稿件。另一种可能：该标题是小标题，正文接续上一篇稿件。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="97"/>
        <source>A new article starts here. Alternative: this text continues the article above.</source>
        <translation>此处开始新稿件。另一种可能：这段文字接续上一篇稿件。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="101"/>
        <source>This headline was given to the article printed right below it. Alternative: the headline belongs to another article, or to none.</source>
        <translation>此标题归给了紧接其下印刷的稿件。另一种可能：标题属于另一篇稿件，或不属于任何稿件。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="106"/>
        <source>This headline was given to this article because their words match (similarity {similarity}). Alternative: the headline belongs to another article, or to none.</source>
        <translation>此标题因用词相符（相似度 {similarity}）归给了这篇稿件。另一种可能：标题属于另一篇稿件，或不属于任何稿件。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="112"/>
        <source>No article was found for this headline, so it was left unassigned. Alternative: it is the headline of one of the articles on the page.</source>
        <translation>没有找到此标题对应的稿件，因此未归属。另一种可能：它是本版某篇稿件的标题。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="117"/>
        <source>This headline was given to this article. Alternative: the headline belongs to another article, or to none.</source>
        <translation>此标题归给了这篇稿件。另一种可能：标题属于另一篇稿件，或不属于任何稿件。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="122"/>
        <source>This paragraph&apos;s end was uncertain: a line ending a sentence may or may not end the paragraph. Alternative: join it with the next paragraph, or split it at a sentence end.</source>
        <translation>此段的结尾不确定：以句末结束的行可能是段尾，也可能不是。另一种可能：与下一段合并，或在句末拆分。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="128"/>
        <source>The paragraph breaks here are uncertain. Alternative: join or split the paragraph.</source>
        <translation>此处分段不确定。另一种可能：合并或拆分该段。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="133"/>
        <source>This one-line title between two paragraphs was read as a subhead of the same story. Alternative: it is the headline of a new article starting here.</source>
        <translation>两段之间的这行标题被视为同一稿件的小标题。另一种可能：它是从这里开始的新稿件的标题。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="138"/>
        <source>This text repeats a sentence of an article, so it was read as a pull-quote (page furniture). Alternative: it is part of an article.</source>
        <translation>这段文字重复了某篇稿件中的句子，因此被视为引语（版面装饰）。另一种可能：它是稿件的一部分。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="143"/>
        <source>This line above the headlines was read as a page banner. Alternative: it is a kicker or headline of the article below.</source>
        <translation>标题上方的这一行被视为版面通栏。另一种可能：它是下方稿件的引题或主题。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="148"/>
        <source>The importer chose this block&apos;s role. Alternative: the block has another role.</source>
        <translation>导入程序确定了此块的角色。另一种可能：此块是另一种角色。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="152"/>
        <source>These column pieces were threaded into one article. Alternative: they belong to different articles.</source>
        <translation>这几段分栏文字被连成一篇稿件。另一种可能：它们属于不同的稿件。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="157"/>
        <source>The byline was read this way. Alternative: re-read or correct the byline.</source>
        <translation>署名是这样读取的。另一种可能：重新读取或更正署名。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="161"/>
        <source>A raw line had no owner, or two, and was put here to repair the page. Check that it belongs here; there is no other choice to offer.</source>
        <translation>有一行原文没有归属或有两个归属，为修复版面被放在这里。请核对它是否属于此处；没有其他可选的方案。</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../editor/gui/review.py" line="229"/>
        <source>Checked (Ctrl+K)</source>
        <translation>已核对（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="232"/>
        <source>The importer&apos;s decision is right: remove it from the list</source>
        <translation>导入程序的判断正确：从列表中移除</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="235"/>
        <source>Take the alternative (Ctrl+Shift+K)</source>
        <translation>采用另一种可能（Ctrl+Shift+K）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="238"/>
        <source>The importer&apos;s decision is wrong: apply the alternative it names</source>
        <translation>导入程序的判断有误：采用它给出的另一种可能</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="276"/>
        <source>{confidence:.0%}  {kind} — {target}</source>
        <translation>{confidence:.0%}  {kind} — {target}</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="298"/>
        <source>{n} decisions to check</source>
        <translation>{n} 个判断待核对</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="300"/>
        <source>No doubtful decisions on this page</source>
        <translation>此版面没有存疑的判断</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="310"/>
        <source>(no headline)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/review.py" line="315"/>
        <source>(removed)</source>
        <translation>（已删除）</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../editor/gui/theme.py" line="111"/>
        <source>Kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="112"/>
        <source>Headline</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="113"/>
        <source>Subheadline</source>
        <translation>副题</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="114"/>
        <source>Byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="115"/>
        <source>Dateline</source>
        <translation>电头</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="116"/>
        <source>Paragraph</source>
        <translation>正文段落</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="117"/>
        <source>Subhead</source>
        <translation>小标题</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="118"/>
        <source>Caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="119"/>
        <source>Credit</source>
        <translation>图片署名</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="120"/>
        <source>Source tag</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="121"/>
        <source>Note</source>
        <translation>注释</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="122"/>
        <source>Page header</source>
        <translation>版头</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="123"/>
        <source>Jump line</source>
        <translation>转版提示</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="124"/>
        <source>Unassigned</source>
        <translation>未归属</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="132"/>
        <source>K</source>
        <comment>mark for kicker</comment>
        <translation>引</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="133"/>
        <source>H</source>
        <comment>mark for headline</comment>
        <translation>主</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="134"/>
        <source>U</source>
        <comment>mark for subheadline</comment>
        <translation>副</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="135"/>
        <source>B</source>
        <comment>mark for byline</comment>
        <translation>署</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="136"/>
        <source>D</source>
        <comment>mark for dateline</comment>
        <translation>电</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="138"/>
        <source>S</source>
        <comment>mark for subhead</comment>
        <translation>小</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="139"/>
        <source>C</source>
        <comment>mark for caption</comment>
        <translation>图</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="140"/>
        <source>R</source>
        <comment>mark for credit</comment>
        <translation>摄</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="141"/>
        <source>O</source>
        <comment>mark for source tag</comment>
        <translation>源</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="142"/>
        <source>N</source>
        <comment>mark for note</comment>
        <translation>注</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="143"/>
        <source>G</source>
        <comment>mark for page header</comment>
        <translation>眉</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="144"/>
        <source>J</source>
        <comment>mark for jump line</comment>
        <translation>转</translation>
    </message>
    <message>
        <location filename="../../editor/gui/theme.py" line="145"/>
        <source>?</source>
        <comment>mark for unassigned</comment>
        <translation>？</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../editor/gui/search.py" line="155"/>
        <source>Search: words, &quot;a phrase&quot;, -word, tag:…, person:…, date:2025-04, section:…</source>
        <translation>检索：词语、&quot;短语&quot;、-排除词、tag:…、person:…、date:2025-04、section:…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/search.py" line="199"/>
        <source>Searching…</source>
        <translation>正在检索…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/search.py" line="218"/>
        <source>Nothing found.</source>
        <translation>没有找到。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/search.py" line="220"/>
        <source>The first {n} articles found.</source>
        <translation>找到的前 {n} 篇稿件。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/search.py" line="222"/>
        <source>{n} articles found.</source>
        <translation>找到 {n} 篇稿件。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/search.py" line="225"/>
        <source>These words are in very many articles: the best matches among the newest {n:,} come first. Add a word or a filter to narrow them.</source>
        <translation>这些词出现在非常多的稿件中：先列出最新的 {n:,} 篇匹配稿件中最相关的。加一个词或筛选条件可以缩小范围。</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../editor/gui/search.py" line="88"/>
        <source>(no headline)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/search.py" line="104"/>
        <source>Headline</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../editor/gui/search.py" line="104"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../editor/gui/search.py" line="104"/>
        <source>Page</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../../editor/gui/search.py" line="104"/>
        <source>Snippet</source>
        <translation>摘录</translation>
    </message>
</context>
<context>
    <name>SelectionActions</name>
    <message>
        <location filename="../../editor/gui/selectionactions.py" line="25"/>
        <source>Add tag…</source>
        <translation>添加标签…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/selectionactions.py" line="27"/>
        <source>Remove tag…</source>
        <translation>移除标签…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/selectionactions.py" line="29"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/selectionactions.py" line="52"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <location filename="../../editor/gui/tags.py" line="102"/>
        <source>Add tags (comma-separated)</source>
        <translation>添加标签（用逗号分隔）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/tags.py" line="105"/>
        <source>Suggested:</source>
        <translation>建议：</translation>
    </message>
    <message>
        <location filename="../../editor/gui/tags.py" line="123"/>
        <source>Remove the tag {tag}</source>
        <translation>移除标签 {tag}</translation>
    </message>
    <message>
        <location filename="../../editor/gui/tags.py" line="149"/>
        <source>Add the suggested tag {tag} ({kind})</source>
        <translation>添加建议的标签 {tag}（{kind}）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/tags.py" line="158"/>
        <source>a person</source>
        <translation>人名</translation>
    </message>
    <message>
        <location filename="../../editor/gui/tags.py" line="159"/>
        <source>a place</source>
        <translation>地名</translation>
    </message>
    <message>
        <location filename="../../editor/gui/tags.py" line="160"/>
        <source>an organisation</source>
        <translation>机构名</translation>
    </message>
    <message>
        <location filename="../../editor/gui/tags.py" line="161"/>
        <source>a keyword</source>
        <translation>关键词</translation>
    </message>
</context>
<context>
    <name>VocabularyDialog</name>
    <message>
        <location filename="../../editor/gui/vocabulary.py" line="34"/>
        <source>Tag vocabulary</source>
        <translation>标签词表</translation>
    </message>
    <message>
        <location filename="../../editor/gui/vocabulary.py" line="39"/>
        <source>Tags in the library, most used first. Select several to merge them.</source>
        <translation>资料库中的标签，常用的在前。选中多个可以合并。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/vocabulary.py" line="43"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../editor/gui/vocabulary.py" line="43"/>
        <source>Articles</source>
        <translation>稿件数</translation>
    </message>
    <message>
        <location filename="../../editor/gui/vocabulary.py" line="52"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/vocabulary.py" line="55"/>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/vocabulary.py" line="62"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../editor/gui/vocabulary.py" line="67"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../editor/gui/vocabulary.py" line="128"/>
        <source>Rename tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <location filename="../../editor/gui/vocabulary.py" line="129"/>
        <source>New name for {tag} (an existing tag&apos;s name merges the two):</source>
        <translation>{tag} 的新名称（用已有标签的名称则两者合并）：</translation>
    </message>
    <message>
        <location filename="../../editor/gui/vocabulary.py" line="142"/>
        <source>Merge tags</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <location filename="../../editor/gui/vocabulary.py" line="143"/>
        <source>Merge {tags} into:</source>
        <translation>把 {tags} 合并为：</translation>
    </message>
</context>
</TS>
