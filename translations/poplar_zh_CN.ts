<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Poplar::App</name>
    <message>
        <source>Parts:</source>
        <translation>部分：</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>附件：</translation>
    </message>
    <message>
        <source>Body:</source>
        <translation>正文：</translation>
    </message>
    <message>
        <source>poplar parse: unexpected argument &apos;%1&apos;. Usage: poplar parse FILE.eml [--json | --html]</source>
        <translation>poplar parse：意外的参数“%1”。用法：poplar parse 文件.eml [--json | --html]</translation>
    </message>
    <message>
        <source>Usage: poplar parse FILE.eml [--json | --html]</source>
        <translation>用法：poplar parse 文件.eml [--json | --html]</translation>
    </message>
    <message>
        <source>poplar parse: cannot read %1: %2</source>
        <translation>poplar parse：无法读取 %1：%2</translation>
    </message>
    <message>
        <source>poplar parse: %1 is larger than 512 MB</source>
        <translation>poplar parse：%1 大于 512 MB</translation>
    </message>
</context>
<context>
    <name>Poplar::App::CommandLine</name>
    <message>
        <source>Keep all of Poplar&apos;s state in &lt;dir&gt; (default: %1).</source>
        <translation>将 Poplar 的全部数据保存在 &lt;dir&gt; 中（默认：%1）。</translation>
    </message>
    <message>
        <source>Use the language &lt;lang&gt;, e.g. en, zh_CN or zh_TW.</source>
        <translation>使用语言 &lt;lang&gt;，例如 en、zh_CN 或 zh_TW。</translation>
    </message>
    <message>
        <source>Poplar reads your mail offline: it fetches it over POP3 and keeps it on this computer.

Commands:
%1</source>
        <translation>Poplar 让您离线阅读邮件：它通过 POP3 收取邮件并保存在这台电脑上。

命令：
%1</translation>
    </message>
    <message>
        <source>A command to run without the window (see above).</source>
        <translation>不打开窗口而运行的命令（见上文）。</translation>
    </message>
</context>
<context>
    <name>Poplar::App::Commands</name>
    <message>
        <source>  (none yet)
</source>
        <translation>  （暂无）
</translation>
    </message>
    <message>
        <source>poplar: unknown command &apos;%1&apos;. Run &apos;poplar --help&apos; to see the commands.</source>
        <translation>poplar：未知命令“%1”。运行“poplar --help”查看可用命令。</translation>
    </message>
    <message>
        <source>show what Poplar reads in a message file (--json, --html)</source>
        <translation>显示 Poplar 从邮件文件中读出的内容（--json、--html）</translation>
    </message>
</context>
<context>
    <name>Poplar::Pop3::Error</name>
    <message>
        <source>The mail server&apos;s name could not be found.</source>
        <translation>找不到邮件服务器的名称。</translation>
    </message>
    <message>
        <source>The mail server refused the connection (wrong port or server down).</source>
        <translation>邮件服务器拒绝了连接（端口错误或服务器未运行）。</translation>
    </message>
    <message>
        <source>The connection to the mail server was lost.</source>
        <translation>与邮件服务器的连接已断开。</translation>
    </message>
    <message>
        <source>A network error stopped the connection to the mail server.</source>
        <translation>网络错误中断了与邮件服务器的连接。</translation>
    </message>
    <message>
        <source>The mail server did not answer in time.</source>
        <translation>邮件服务器没有及时响应。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>There is no open connection to the mail server.</source>
        <translation>当前没有与邮件服务器的连接。</translation>
    </message>
    <message>
        <source>A secure (TLS) connection to the mail server could not be set up.</source>
        <translation>无法与邮件服务器建立安全（TLS）连接。</translation>
    </message>
    <message>
        <source>The mail server&apos;s certificate is not trusted.</source>
        <translation>邮件服务器的证书不受信任。</translation>
    </message>
    <message>
        <source>The mail server&apos;s certificate has changed since you accepted it. This may be an attack; check with your provider before accepting the new one.</source>
        <translation>邮件服务器的证书在您接受之后发生了变化。这可能是一次攻击；在接受新证书之前，请先向您的服务提供商核实。</translation>
    </message>
    <message>
        <source>The mail server does not offer encryption (STLS), so nothing was sent.</source>
        <translation>邮件服务器不提供加密（STLS），因此没有发送任何信息。</translation>
    </message>
    <message>
        <source>The mail server refused to start encryption (STLS), so nothing was sent.</source>
        <translation>邮件服务器拒绝启用加密（STLS），因此没有发送任何信息。</translation>
    </message>
    <message>
        <source>The mail server offers no login method allowed for this account.</source>
        <translation>邮件服务器没有提供此账户允许的登录方式。</translation>
    </message>
    <message>
        <source>Login failed. The user name or password may be wrong.</source>
        <translation>登录失败。用户名或密码可能有误。</translation>
    </message>
    <message>
        <source>The mail server rejected the user name or password.</source>
        <translation>邮件服务器拒绝了用户名或密码。</translation>
    </message>
    <message>
        <source>The mailbox is in use by another mail program. Try again later.</source>
        <translation>邮箱正被另一个邮件程序使用。请稍后再试。</translation>
    </message>
    <message>
        <source>The mail server allows checking mail only every few minutes. Try again later.</source>
        <translation>邮件服务器只允许每隔几分钟收一次信。请稍后再试。</translation>
    </message>
    <message>
        <source>The mail server has a temporary problem. Try again later.</source>
        <translation>邮件服务器暂时出现问题。请稍后再试。</translation>
    </message>
    <message>
        <source>The mail server has a problem that will not go away by itself. Contact your provider.</source>
        <translation>邮件服务器出现了不会自行消失的问题。请联系您的服务提供商。</translation>
    </message>
    <message>
        <source>The mail server reported an error.</source>
        <translation>邮件服务器报告了一个错误。</translation>
    </message>
    <message>
        <source>The mail server sent something that is not valid POP3.</source>
        <translation>邮件服务器发送了不符合 POP3 协议的内容。</translation>
    </message>
    <message>
        <source>The mail server sent a line that is far too long.</source>
        <translation>邮件服务器发送的某一行过长。</translation>
    </message>
    <message>
        <source>The mail server sent a listing that is far too large.</source>
        <translation>邮件服务器发送的列表过大。</translation>
    </message>
    <message>
        <source>The message is larger than the maximum size set for this account.</source>
        <translation>这封邮件超过了此账户设置的大小上限。</translation>
    </message>
    <message>
        <source>The mail server sent more data than the message size it announced.</source>
        <translation>邮件服务器发送的数据多于它声明的邮件大小。</translation>
    </message>
    <message>
        <source>The downloaded message could not be saved.</source>
        <translation>无法保存已下载的邮件。</translation>
    </message>
    <message>
        <source>The server said: “%1”</source>
        <translation>服务器回复：“%1”</translation>
    </message>
</context>
<context>
    <name>Poplar::Profile</name>
    <message>
        <source>Cannot create the profile folder %1.</source>
        <translation>无法创建配置文件夹 %1。</translation>
    </message>
    <message>
        <source>The profile %1 is in use by another Poplar (process %2 on %3).</source>
        <translation>配置 %1 正被另一个 Poplar 使用（%3 上的进程 %2）。</translation>
    </message>
</context>
<context>
    <name>Poplar::Sync::AccountSync</name>
    <message numerus="yes">
        <source>%n message(s) are no longer on the server.</source>
        <translation>
            <numerusform>有 %n 封邮件已不在服务器上。</numerusform>
        </translation>
    </message>
    <message>
        <source>The server does not give messages stable identifiers; Poplar recognises them by their headers instead.</source>
        <translation>服务器没有为邮件提供固定的标识；Poplar 改用邮件头来识别它们。</translation>
    </message>
    <message>
        <source>Message %1 could not be downloaded: %2</source>
        <translation>无法下载第 %1 封邮件：%2</translation>
    </message>
    <message>
        <source>The server did not confirm the end of the session, so it deleted nothing.</source>
        <translation>服务器没有确认会话结束，因此没有删除任何邮件。</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::AboutDialog</name>
    <message>
        <source>About Poplar</source>
        <translation>关于 Poplar</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Poplar %1&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Poplar %1&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>An email reader for people who read their mail offline. Poplar fetches mail over POP3 and keeps every message on this computer.</source>
        <translation>为离线阅读邮件的人打造的邮件阅读器。Poplar 通过 POP3 收取邮件，并把每一封邮件保存在这台电脑上。</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>使用 Qt %1 构建，运行于 Qt %2。</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::AttachmentSaver</name>
    <message>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::FolderModel</name>
    <message>
        <source>Folders</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>所有账户</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>废纸篓</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1，%n 封未读</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::MailActions</name>
    <message>
        <source>&amp;Get Mail</source>
        <translation>收取邮件(&amp;G)</translation>
    </message>
    <message>
        <source>Mark as &amp;Read</source>
        <translation>标记为已读(&amp;R)</translation>
    </message>
    <message>
        <source>Mark as &amp;Unread</source>
        <translation>标记为未读(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Star</source>
        <translation>星标(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>R&amp;estore</source>
        <translation>恢复(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Empty Trash…</source>
        <translation>清空废纸篓(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Next Unread</source>
        <translation>下一封未读(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Unread</source>
        <translation>上一封未读(&amp;P)</translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation>清空废纸篓</translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n message(s) in the Trash from this computer for good?</source>
        <translation>
            <numerusform>要从这台电脑上永久删除废纸篓中的 %n 封邮件吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete for Good</source>
        <translation>永久删除</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::MainWindow</name>
    <message>
        <source>Poplar</source>
        <translation>Poplar</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>所有账户</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Poplar</source>
        <translation>关于 Poplar(&amp;A)</translation>
    </message>
    <message>
        <source>Search mail (Ctrl+F)</source>
        <translation>搜索邮件 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search mail</source>
        <translation>搜索邮件</translation>
    </message>
    <message>
        <source>Where to search</source>
        <translation>搜索范围</translation>
    </message>
    <message>
        <source>This account</source>
        <translation>当前账户</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>邮件列表</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>搜索(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>邮件(&amp;M)</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>主工具栏</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::MessageListModel</name>
    <message>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>已加星标</translation>
    </message>
    <message>
        <source>Not starred</source>
        <translation>未加星标</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>已读</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <source>Has attachments</source>
        <translation>有附件</translation>
    </message>
    <message>
        <source>No attachments</source>
        <translation>无附件</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::MessageView</name>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>抄送</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>发件人：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>收件人：</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>抄送：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>加载(&amp;L)</translation>
    </message>
    <message>
        <source>Load remote images</source>
        <translation>加载远程图片</translation>
    </message>
    <message>
        <source>Only the headers of this large message were downloaded.</source>
        <translation>这封邮件较大，只下载了邮件头。</translation>
    </message>
    <message>
        <source>&amp;Download full message</source>
        <translation>下载完整邮件(&amp;D)</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Select a message to read it here.</source>
        <translation>选择一封邮件，在这里阅读。</translation>
    </message>
    <message>
        <source>Show as &amp;Plain Text</source>
        <translation>以纯文本显示(&amp;P)</translation>
    </message>
    <message>
        <source>View &amp;Source</source>
        <translation>查看源代码(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Save Message As…</source>
        <translation>邮件另存为(&amp;S)…</translation>
    </message>
    <message>
        <source>This message could not be read from the local cache.</source>
        <translation>无法从本地缓存读取这封邮件。</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message numerus="yes">
        <source>%n remote image(s) blocked to protect your privacy.</source>
        <translation>
            <numerusform>为保护您的隐私，已阻止 %n 张远程图片。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Attachment %1</source>
        <translation>附件 %1</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save As…</source>
        <translation>另存为(&amp;S)…</translation>
    </message>
    <message>
        <source>Save &amp;All…</source>
        <translation>全部保存(&amp;A)…</translation>
    </message>
    <message>
        <source>Open Attachment</source>
        <translation>打开附件</translation>
    </message>
    <message>
        <source>“%1” is a program or script. Opening it can run code on this computer. Open it only if you trust the sender and expected this file.</source>
        <translation>“%1”是程序或脚本。打开它可能会在这台电脑上运行代码。只有在您信任发件人并且确实在等这个文件时才打开。</translation>
    </message>
    <message>
        <source>Save Attachment</source>
        <translation>保存附件</translation>
    </message>
    <message>
        <source>Save All Attachments</source>
        <translation>保存所有附件</translation>
    </message>
    <message>
        <source>Replace File</source>
        <translation>替换文件</translation>
    </message>
    <message>
        <source>“%1” already exists. Replace it?</source>
        <translation>“%1”已存在。要替换它吗？</translation>
    </message>
    <message>
        <source>Source of “%1”</source>
        <translation>“%1”的源代码</translation>
    </message>
    <message>
        <source>message</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Save Message</source>
        <translation>保存邮件</translation>
    </message>
    <message>
        <source>Email messages (*.eml)</source>
        <translation>电子邮件 (*.eml)</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::SyncStatusWidget</name>
    <message>
        <source>Details…</source>
        <translation>详细信息…</translation>
    </message>
    <message>
        <source>Details of the last sync error</source>
        <translation>上次同步错误的详细信息</translation>
    </message>
    <message>
        <source>Sync progress of %1</source>
        <translation>%1 的同步进度</translation>
    </message>
    <message>
        <source>%1: connecting…</source>
        <translation>%1：正在连接…</translation>
    </message>
    <message>
        <source>%1: %2 of %3 messages, %4 of %5</source>
        <translation>%1：第 %2/%3 封邮件，%4/%5</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Sync Error</source>
        <translation>同步错误</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::WelcomeView</name>
    <message>
        <source>Welcome to Poplar</source>
        <translation>欢迎使用 Poplar</translation>
    </message>
    <message>
        <source>Poplar downloads your mail over POP3 and keeps it on this computer, so you can read and search it without a connection.

No account is set up yet.</source>
        <translation>Poplar 通过 POP3 下载您的邮件并保存在这台电脑上，没有网络也能阅读和搜索。

尚未设置任何账户。</translation>
    </message>
    <message>
        <source>&amp;Add Account…</source>
        <translation>添加账户(&amp;A)…</translation>
    </message>
    <message>
        <source>Add an email account</source>
        <translation>添加电子邮件账户</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Poplar</source>
        <translation>Poplar</translation>
    </message>
</context>
</TS>
