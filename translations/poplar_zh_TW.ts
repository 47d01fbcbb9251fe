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
    <name>Poplar::Pop3::Error</name>
    <message>
        <source>The mail server&apos;s name could not be found.</source>
        <translation>找不到郵件伺服器的名稱。</translation>
    </message>
    <message>
        <source>The mail server refused the connection (wrong port or server down).</source>
        <translation>郵件伺服器拒絕了連線（連接埠錯誤或伺服器已停止）。</translation>
    </message>
    <message>
        <source>The connection to the mail server was lost.</source>
        <translation>與郵件伺服器的連線已中斷。</translation>
    </message>
    <message>
        <source>A network error stopped the connection to the mail server.</source>
        <translation>網路錯誤中斷了與郵件伺服器的連線。</translation>
    </message>
    <message>
        <source>The mail server did not answer in time.</source>
        <translation>郵件伺服器未能及時回應。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>There is no open connection to the mail server.</source>
        <translation>沒有與郵件伺服器的已開啟連線。</translation>
    </message>
    <message>
        <source>A secure (TLS) connection to the mail server could not be set up.</source>
        <translation>無法與郵件伺服器建立安全（TLS）連線。</translation>
    </message>
    <message>
        <source>The mail server&apos;s certificate is not trusted.</source>
        <translation>郵件伺服器的憑證不受信任。</translation>
    </message>
    <message>
        <source>The mail server&apos;s certificate has changed since you accepted it. This may be an attack; check with your provider before accepting the new one.</source>
        <translation>郵件伺服器的憑證在您接受之後已變更。這可能是攻擊；請先向您的服務供應商確認，再接受新憑證。</translation>
    </message>
    <message>
        <source>The mail server does not offer encryption (STLS), so nothing was sent.</source>
        <translation>郵件伺服器不提供加密（STLS），因此未傳送任何內容。</translation>
    </message>
    <message>
        <source>The mail server refused to start encryption (STLS), so nothing was sent.</source>
        <translation>郵件伺服器拒絕啟動加密（STLS），因此未傳送任何內容。</translation>
    </message>
    <message>
        <source>The mail server offers no login method allowed for this account.</source>
        <translation>郵件伺服器未提供此帳號允許的登入方式。</translation>
    </message>
    <message>
        <source>Login failed. The user name or password may be wrong.</source>
        <translation>登入失敗。使用者名稱或密碼可能有誤。</translation>
    </message>
    <message>
        <source>The mail server rejected the user name or password.</source>
        <translation>郵件伺服器拒絕了使用者名稱或密碼。</translation>
    </message>
    <message>
        <source>The mailbox is in use by another mail program. Try again later.</source>
        <translation>信箱正被另一個郵件程式使用。請稍後再試。</translation>
    </message>
    <message>
        <source>The mail server allows checking mail only every few minutes. Try again later.</source>
        <translation>郵件伺服器只允許每隔幾分鐘收一次信。請稍後再試。</translation>
    </message>
    <message>
        <source>The mail server has a temporary problem. Try again later.</source>
        <translation>郵件伺服器出現暫時性問題。請稍後再試。</translation>
    </message>
    <message>
        <source>The mail server has a problem that will not go away by itself. Contact your provider.</source>
        <translation>郵件伺服器出現了不會自行消失的問題。請聯絡您的服務供應商。</translation>
    </message>
    <message>
        <source>The mail server reported an error.</source>
        <translation>郵件伺服器回報了一個錯誤。</translation>
    </message>
    <message>
        <source>The mail server sent something that is not valid POP3.</source>
        <translation>郵件伺服器傳送了無效的 POP3 內容。</translation>
    </message>
    <message>
        <source>The mail server sent a line that is far too long.</source>
        <translation>郵件伺服器傳送了過長的一行。</translation>
    </message>
    <message>
        <source>The mail server sent a listing that is far too large.</source>
        <translation>郵件伺服器傳送的清單過大。</translation>
    </message>
    <message>
        <source>The message is larger than the maximum size set for this account.</source>
        <translation>該郵件超過了此帳號設定的大小上限。</translation>
    </message>
    <message>
        <source>The mail server sent more data than the message size it announced.</source>
        <translation>郵件伺服器傳送的資料多於其宣告的郵件大小。</translation>
    </message>
    <message>
        <source>The downloaded message could not be saved.</source>
        <translation>無法儲存已下載的郵件。</translation>
    </message>
    <message>
        <source>The server said: “%1”</source>
        <translation>伺服器說：「%1」</translation>
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
