<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
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
        <translation>內文：</translation>
    </message>
    <message>
        <source>poplar parse: unexpected argument &apos;%1&apos;. Usage: poplar parse FILE.eml [--json | --html]</source>
        <translation>poplar parse：非預期的參數「%1」。用法：poplar parse 檔案.eml [--json | --html]</translation>
    </message>
    <message>
        <source>Usage: poplar parse FILE.eml [--json | --html]</source>
        <translation>用法：poplar parse 檔案.eml [--json | --html]</translation>
    </message>
    <message>
        <source>poplar parse: cannot read %1: %2</source>
        <translation>poplar parse：無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>poplar parse: %1 is larger than 512 MB</source>
        <translation>poplar parse：%1 大於 512 MB</translation>
    </message>
</context>
<context>
    <name>Poplar::App::CommandLine</name>
    <message>
        <source>Keep all of Poplar&apos;s state in &lt;dir&gt; (default: %1).</source>
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
        <source>poplar: unknown command &apos;%1&apos;. Run &apos;poplar --help&apos; to see the commands.</source>
        <translation>poplar：未知指令「%1」。執行「poplar --help」查看可用指令。</translation>
    </message>
    <message>
        <source>show what Poplar reads in a message file (--json, --html)</source>
        <translation>顯示 Poplar 從郵件檔案中讀出的內容（--json、--html）</translation>
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
        <translation>郵件伺服器拒絕了連線（連接埠錯誤或伺服器未執行）。</translation>
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
        <translation>郵件伺服器沒有及時回應。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>There is no open connection to the mail server.</source>
        <translation>目前沒有與郵件伺服器的連線。</translation>
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
        <translation>郵件伺服器的憑證在您接受之後發生了變化。這可能是一次攻擊；在接受新憑證之前，請先向您的服務供應商核實。</translation>
    </message>
    <message>
        <source>The mail server does not offer encryption (STLS), so nothing was sent.</source>
        <translation>郵件伺服器不提供加密（STLS），因此沒有傳送任何資訊。</translation>
    </message>
    <message>
        <source>The mail server refused to start encryption (STLS), so nothing was sent.</source>
        <translation>郵件伺服器拒絕啟用加密（STLS），因此沒有傳送任何資訊。</translation>
    </message>
    <message>
        <source>The mail server offers no login method allowed for this account.</source>
        <translation>郵件伺服器沒有提供此帳號允許的登入方式。</translation>
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
        <translation>郵件信箱正被另一個郵件程式使用。請稍後再試。</translation>
    </message>
    <message>
        <source>The mail server allows checking mail only every few minutes. Try again later.</source>
        <translation>郵件伺服器只允許每隔幾分鐘收一次信。請稍後再試。</translation>
    </message>
    <message>
        <source>The mail server has a temporary problem. Try again later.</source>
        <translation>郵件伺服器暫時出現問題。請稍後再試。</translation>
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
        <translation>郵件伺服器傳送了不符合 POP3 協定的內容。</translation>
    </message>
    <message>
        <source>The mail server sent a line that is far too long.</source>
        <translation>郵件伺服器傳送的某一行過長。</translation>
    </message>
    <message>
        <source>The mail server sent a listing that is far too large.</source>
        <translation>郵件伺服器傳送的清單過大。</translation>
    </message>
    <message>
        <source>The message is larger than the maximum size set for this account.</source>
        <translation>這封郵件超過了此帳號設定的大小上限。</translation>
    </message>
    <message>
        <source>The mail server sent more data than the message size it announced.</source>
        <translation>郵件伺服器傳送的資料多於它宣告的郵件大小。</translation>
    </message>
    <message>
        <source>The downloaded message could not be saved.</source>
        <translation>無法儲存已下載的郵件。</translation>
    </message>
    <message>
        <source>The server said: “%1”</source>
        <translation>伺服器回覆：「%1」</translation>
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
    <name>Poplar::Sync::AccountSync</name>
    <message numerus="yes">
        <source>%n message(s) are no longer on the server.</source>
        <translation>
            <numerusform>有 %n 封郵件已不在伺服器上。</numerusform>
        </translation>
    </message>
    <message>
        <source>The server does not give messages stable identifiers; Poplar recognises them by their headers instead.</source>
        <translation>伺服器沒有為郵件提供固定的識別碼；Poplar 改用郵件標頭來識別它們。</translation>
    </message>
    <message>
        <source>Message %1 could not be downloaded: %2</source>
        <translation>無法下載第 %1 封郵件：%2</translation>
    </message>
    <message>
        <source>The server did not confirm the end of the session, so it deleted nothing.</source>
        <translation>伺服器沒有確認工作階段結束，因此沒有刪除任何郵件。</translation>
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
    <name>Poplar::Ui::AttachmentSaver</name>
    <message>
        <source>Could not save %1: %2</source>
        <translation>無法儲存 %1：%2</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::FolderModel</name>
    <message>
        <source>Folders</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>所有帳號</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>收件匣</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>垃圾桶</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1，%n 封未讀</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::MailActions</name>
    <message>
        <source>&amp;Get Mail</source>
        <translation>收取郵件(&amp;G)</translation>
    </message>
    <message>
        <source>Mark as &amp;Read</source>
        <translation>標示為已讀(&amp;R)</translation>
    </message>
    <message>
        <source>Mark as &amp;Unread</source>
        <translation>標示為未讀(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Star</source>
        <translation>星號(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>刪除(&amp;D)</translation>
    </message>
    <message>
        <source>R&amp;estore</source>
        <translation>還原(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Empty Trash…</source>
        <translation>清空垃圾桶(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Next Unread</source>
        <translation>下一封未讀(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Unread</source>
        <translation>上一封未讀(&amp;P)</translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation>清空垃圾桶</translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n message(s) in the Trash from this computer for good?</source>
        <translation>
            <numerusform>要從這台電腦永久刪除垃圾桶中的 %n 封郵件嗎？</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete for Good</source>
        <translation>永久刪除</translation>
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
    <message>
        <source>Search mail (Ctrl+F)</source>
        <translation>搜尋郵件 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search mail</source>
        <translation>搜尋郵件</translation>
    </message>
    <message>
        <source>Where to search</source>
        <translation>搜尋範圍</translation>
    </message>
    <message>
        <source>This account</source>
        <translation>目前帳號</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>郵件列表</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>搜尋(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>移至(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>郵件(&amp;M)</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>主工具列</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::MessageListModel</name>
    <message>
        <source>(no subject)</source>
        <translation>（無主旨）</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>已加星號</translation>
    </message>
    <message>
        <source>Not starred</source>
        <translation>未加星號</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>已讀</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>未讀</translation>
    </message>
    <message>
        <source>Has attachments</source>
        <translation>有附件</translation>
    </message>
    <message>
        <source>No attachments</source>
        <translation>無附件</translation>
    </message>
    <message>
        <source>From</source>
        <translation>寄件者</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主旨</translation>
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
        <translation>主旨</translation>
    </message>
    <message>
        <source>From</source>
        <translation>寄件者</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件者</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>寄件者：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>收件者：</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>副本：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>載入(&amp;L)</translation>
    </message>
    <message>
        <source>Load remote images</source>
        <translation>載入遠端圖片</translation>
    </message>
    <message>
        <source>Only the headers of this large message were downloaded.</source>
        <translation>這封郵件較大，只下載了郵件標頭。</translation>
    </message>
    <message>
        <source>&amp;Download full message</source>
        <translation>下載完整郵件(&amp;D)</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>郵件</translation>
    </message>
    <message>
        <source>Select a message to read it here.</source>
        <translation>選取一封郵件，在這裡閱讀。</translation>
    </message>
    <message>
        <source>Show as &amp;Plain Text</source>
        <translation>以純文字顯示(&amp;P)</translation>
    </message>
    <message>
        <source>View &amp;Source</source>
        <translation>檢視原始碼(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Save Message As…</source>
        <translation>郵件另存新檔(&amp;S)…</translation>
    </message>
    <message>
        <source>This message could not be read from the local cache.</source>
        <translation>無法從本機快取讀取這封郵件。</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>（無主旨）</translation>
    </message>
    <message numerus="yes">
        <source>%n remote image(s) blocked to protect your privacy.</source>
        <translation>
            <numerusform>為保護您的隱私，已封鎖 %n 張遠端圖片。</numerusform>
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
        <translation>開啟(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save As…</source>
        <translation>另存新檔(&amp;S)…</translation>
    </message>
    <message>
        <source>Save &amp;All…</source>
        <translation>全部儲存(&amp;A)…</translation>
    </message>
    <message>
        <source>Open Attachment</source>
        <translation>開啟附件</translation>
    </message>
    <message>
        <source>“%1” is a program or script. Opening it can run code on this computer. Open it only if you trust the sender and expected this file.</source>
        <translation>「%1」是程式或指令碼。開啟它可能會在這台電腦上執行程式碼。只有在您信任寄件者並且確實在等這個檔案時才開啟。</translation>
    </message>
    <message>
        <source>Save Attachment</source>
        <translation>儲存附件</translation>
    </message>
    <message>
        <source>Save All Attachments</source>
        <translation>儲存所有附件</translation>
    </message>
    <message>
        <source>Replace File</source>
        <translation>取代檔案</translation>
    </message>
    <message>
        <source>“%1” already exists. Replace it?</source>
        <translation>「%1」已存在。要取代它嗎？</translation>
    </message>
    <message>
        <source>Source of “%1”</source>
        <translation>「%1」的原始碼</translation>
    </message>
    <message>
        <source>message</source>
        <translation>郵件</translation>
    </message>
    <message>
        <source>Save Message</source>
        <translation>儲存郵件</translation>
    </message>
    <message>
        <source>Email messages (*.eml)</source>
        <translation>電子郵件 (*.eml)</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::SyncStatusWidget</name>
    <message>
        <source>Details…</source>
        <translation>詳細資訊…</translation>
    </message>
    <message>
        <source>Details of the last sync error</source>
        <translation>上次同步錯誤的詳細資訊</translation>
    </message>
    <message>
        <source>Sync progress of %1</source>
        <translation>%1 的同步進度</translation>
    </message>
    <message>
        <source>%1: connecting…</source>
        <translation>%1：正在連線…</translation>
    </message>
    <message>
        <source>%1: %2 of %3 messages, %4 of %5</source>
        <translation>%1：第 %2/%3 封郵件，%4/%5</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Sync Error</source>
        <translation>同步錯誤</translation>
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
    <message>
        <source>&amp;Add Account…</source>
        <translation>新增帳號(&amp;A)…</translation>
    </message>
    <message>
        <source>Add an email account</source>
        <translation>新增電子郵件帳號</translation>
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
