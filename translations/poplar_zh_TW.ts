<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>Poplar::App::CommandLine</name>
    <message>
        <source>Keep all of Poplar's state in &lt;dir&gt; (default: %1).</source>
        <translation>將 Poplar 的全部資料儲存在 &lt;dir&gt; 中（預設：%1）。</translation>
    </message>
    <message>
        <source>Use the language &lt;lang&gt;, e.g. en, zh_CN or zh_TW.</source>
        <translation>使用語言 &lt;lang&gt;，例如 en、zh_CN 或 zh_TW。</translation>
    </message>
    <message>
        <source>Poplar reads your mail offline: it fetches it over POP3 and keeps it on this computer.

Commands:
%1</source>
        <translation>Poplar 讓您離線閱讀郵件：它透過 POP3 收取郵件並儲存在這台電腦上。

指令：
%1</translation>
    </message>
    <message>
        <source>A command to run without the window (see above).</source>
        <translation>不開啟視窗而執行的指令（見上文）。</translation>
    </message>
</context>
<context>
    <name>Poplar::App::Commands</name>
    <message>
        <source>  (none yet)
</source>
        <translation>  （尚無）
</translation>
    </message>
    <message>
        <source>poplar: unknown command '%1'. Run 'poplar --help' to see the commands.</source>
        <translation>poplar：未知指令「%1」。執行「poplar --help」查看可用指令。</translation>
    </message>
</context>
<context>
    <name>Poplar::Profile</name>
    <message>
        <source>Cannot create the profile folder %1.</source>
        <translation>無法建立設定檔資料夾 %1。</translation>
    </message>
    <message>
        <source>The profile %1 is in use by another Poplar (process %2 on %3).</source>
        <translation>設定檔 %1 正被另一個 Poplar 使用（%3 上的處理程序 %2）。</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::AboutDialog</name>
    <message>
        <source>About Poplar</source>
        <translation>關於 Poplar</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Poplar %1&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Poplar %1&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>An email reader for people who read their mail offline. Poplar fetches mail over POP3 and keeps every message on this computer.</source>
        <translation>為離線閱讀郵件的人打造的郵件閱讀器。Poplar 透過 POP3 收取郵件，並把每一封郵件儲存在這台電腦上。</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>使用 Qt %1 建置，執行於 Qt %2。</translation>
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
        <translation>資料夾</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>所有帳號</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>郵件</translation>
    </message>
    <message>
        <source>Select a message to read it here.</source>
        <translation>選擇一封郵件，在這裡閱讀。</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Poplar</source>
        <translation>關於 Poplar(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::WelcomeView</name>
    <message>
        <source>Welcome to Poplar</source>
        <translation>歡迎使用 Poplar</translation>
    </message>
    <message>
        <source>Poplar downloads your mail over POP3 and keeps it on this computer, so you can read and search it without a connection.

No account is set up yet.</source>
        <translation>Poplar 透過 POP3 下載您的郵件並儲存在這台電腦上，沒有網路也能閱讀和搜尋。

尚未設定任何帳號。</translation>
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
