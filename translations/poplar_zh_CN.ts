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
