<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Poplar::App::CommandLine</name>
    <message>
        <source>Keep all of Poplar's state in &lt;dir&gt; (default: %1).</source>
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
        <source>poplar: unknown command '%1'. Run 'poplar --help' to see the commands.</source>
        <translation>poplar：未知命令“%1”。运行“poplar --help”查看可用命令。</translation>
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
        <translation>邮件服务器拒绝了连接（端口错误或服务器已停止）。</translation>
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
        <translation>邮件服务器未能及时响应。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>There is no open connection to the mail server.</source>
        <translation>没有与邮件服务器的已打开连接。</translation>
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
        <translation>邮件服务器的证书在您接受之后已更改。这可能是攻击；请先向您的服务提供商核实，再接受新证书。</translation>
    </message>
    <message>
        <source>The mail server does not offer encryption (STLS), so nothing was sent.</source>
        <translation>邮件服务器不提供加密（STLS），因此未发送任何内容。</translation>
    </message>
    <message>
        <source>The mail server refused to start encryption (STLS), so nothing was sent.</source>
        <translation>邮件服务器拒绝启动加密（STLS），因此未发送任何内容。</translation>
    </message>
    <message>
        <source>The mail server offers no login method allowed for this account.</source>
        <translation>邮件服务器未提供此帐户允许的登录方式。</translation>
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
        <translation>邮件服务器出现临时问题。请稍后再试。</translation>
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
        <translation>邮件服务器发送了无效的 POP3 内容。</translation>
    </message>
    <message>
        <source>The mail server sent a line that is far too long.</source>
        <translation>邮件服务器发送了过长的一行。</translation>
    </message>
    <message>
        <source>The mail server sent a listing that is far too large.</source>
        <translation>邮件服务器发送的列表过大。</translation>
    </message>
    <message>
        <source>The message is larger than the maximum size set for this account.</source>
        <translation>该邮件超过了此帐户设置的最大大小。</translation>
    </message>
    <message>
        <source>The mail server sent more data than the message size it announced.</source>
        <translation>邮件服务器发送的数据多于其声明的邮件大小。</translation>
    </message>
    <message>
        <source>The downloaded message could not be saved.</source>
        <translation>无法保存已下载的邮件。</translation>
    </message>
    <message>
        <source>The server said: “%1”</source>
        <translation>服务器说：“%1”</translation>
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
        <source>Message</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Select a message to read it here.</source>
        <translation>选择一封邮件，在这里阅读。</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
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
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Poplar</source>
        <translation>Poplar</translation>
    </message>
</context>
</TS>
