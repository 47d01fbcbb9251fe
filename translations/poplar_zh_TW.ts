<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>Poplar::Accounts::AccountRepository</name>
    <message>
        <source>The settings file %1 cannot be read cleanly, so Poplar leaves it as it is and does not change accounts.</source>
        <translation>無法正確讀取設定檔 %1，因此 Poplar 保持其原樣，不修改帳號。</translation>
    </message>
    <message>
        <source>The account settings were written by a newer version of Poplar (settings version %1); they can be used but not changed.</source>
        <translation>帳號設定由較新版本的 Poplar 寫入（設定版本 %1）；可以使用，但無法修改。</translation>
    </message>
    <message>
        <source>The account has no valid identifier.</source>
        <translation>此帳號沒有有效的識別碼。</translation>
    </message>
    <message>
        <source>An account with this identifier already exists.</source>
        <translation>已有使用此識別碼的帳號。</translation>
    </message>
    <message>
        <source>There is no such account.</source>
        <translation>沒有這個帳號。</translation>
    </message>
    <message>
        <source>Could not save the account settings to %1.</source>
        <translation>無法將帳號設定儲存到 %1。</translation>
    </message>
</context>
<context>
    <name>Poplar::Accounts::AccountSettings</name>
    <message>
        <source>The account has no identifier.</source>
        <translation>此帳號沒有識別碼。</translation>
    </message>
    <message>
        <source>Enter an email address.</source>
        <translation>請輸入電子郵件地址。</translation>
    </message>
    <message>
        <source>“%1” does not look like an email address (name@example.com).</source>
        <translation>「%1」看起來不像電子郵件地址（name@example.com）。</translation>
    </message>
    <message>
        <source>Enter the incoming (POP3) server name.</source>
        <translation>請輸入收件（POP3）伺服器名稱。</translation>
    </message>
    <message>
        <source>“%1” is not a valid server name.</source>
        <translation>「%1」不是有效的伺服器名稱。</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535 (not %1).</source>
        <translation>連接埠必須是 1 到 65535 之間的數字（而非 %1）。</translation>
    </message>
    <message>
        <source>Enter the user name for the server.</source>
        <translation>請輸入伺服器的使用者名稱。</translation>
    </message>
    <message>
        <source>Messages can be kept on the server for 1 to %1 days (not %2).</source>
        <translation>郵件可在伺服器上保留 1 到 %1 天（而非 %2 天）。</translation>
    </message>
    <message>
        <source>The size limit for downloading headers only cannot be negative.</source>
        <translation>「僅下載郵件標頭」的大小限制不能為負數。</translation>
    </message>
    <message>
        <source>Check for mail every 1 to %1 minutes, or 0 for only when asked (not %2).</source>
        <translation>每 1 到 %1 分鐘檢查一次郵件，或填 0 表示僅在手動要求時檢查（而非 %2）。</translation>
    </message>
    <message>
        <source>The pinned certificate fingerprint is not a SHA-256 fingerprint.</source>
        <translation>釘選的憑證指紋不是 SHA-256 指紋。</translation>
    </message>
    <message>
        <source>“%1” is not a valid outgoing server name.</source>
        <translation>「%1」不是有效的外寄郵件伺服器名稱。</translation>
    </message>
    <message>
        <source>The outgoing server port must be a number from 1 to 65535 (not %1).</source>
        <translation>外寄郵件伺服器連接埠必須是 1 到 65535 之間的數字（而非 %1）。</translation>
    </message>
    <message>
        <source>The pinned certificate fingerprint of the outgoing server is not a SHA-256 fingerprint.</source>
        <translation>外寄郵件伺服器的釘選憑證指紋不是 SHA-256 指紋。</translation>
    </message>
</context>
<context>
    <name>Poplar::Accounts::AutoconfigXml</name>
    <message>
        <source>The autoconfig file is too large.</source>
        <translation>自動設定檔太大。</translation>
    </message>
    <message>
        <source>The autoconfig file uses XML features Poplar does not accept.</source>
        <translation>自動設定檔使用了 Poplar 不接受的 XML 功能。</translation>
    </message>
    <message>
        <source>The autoconfig file is nested too deeply.</source>
        <translation>自動設定檔巢狀層級太深。</translation>
    </message>
    <message>
        <source>This is not an autoconfig file.</source>
        <translation>這不是自動設定檔。</translation>
    </message>
    <message>
        <source>The autoconfig file is not well-formed XML (line %1: %2).</source>
        <translation>自動設定檔不是格式正確的 XML（第 %1 行：%2）。</translation>
    </message>
</context>
<context>
    <name>Poplar::Accounts::Autoconfigurator</name>
    <message>
        <source>Poplar&apos;s list of providers</source>
        <translation>Poplar 的服務商清單</translation>
    </message>
    <message>
        <source>DNS service records</source>
        <translation>DNS 服務記錄</translation>
    </message>
    <message>
        <source>The domain&apos;s configuration file</source>
        <translation>該網域的設定檔</translation>
    </message>
    <message>
        <source>The domain&apos;s mail servers (MX)</source>
        <translation>該網域的郵件伺服器（MX）</translation>
    </message>
    <message>
        <source>Trying common server names</source>
        <translation>嘗試常見的伺服器名稱</translation>
    </message>
    <message>
        <source>“%1” is not a complete email address.</source>
        <translation>「%1」不是完整的電子郵件地址。</translation>
    </message>
    <message>
        <source>Only an unencrypted connection was offered, which Poplar does not suggest.</source>
        <translation>只提供了未加密的連線，Poplar 不會建議這種設定。</translation>
    </message>
    <message>
        <source>The domain is not in Poplar&apos;s list of providers.</source>
        <translation>該網域不在 Poplar 的服務商清單中。</translation>
    </message>
    <message>
        <source>%1 does not offer POP3.</source>
        <translation>%1 不提供 POP3。</translation>
    </message>
    <message>
        <source>The DNS lookup failed or took too long.</source>
        <translation>DNS 查詢失敗或耗時過長。</translation>
    </message>
    <message>
        <source>The domain publishes no POP3 service records.</source>
        <translation>該網域沒有發布 POP3 服務記錄。</translation>
    </message>
    <message>
        <source>No autoconfig address to try.</source>
        <translation>沒有可嘗試的自動設定位址。</translation>
    </message>
    <message>
        <source>The configuration file was too large or took too long.</source>
        <translation>設定檔太大或下載耗時過長。</translation>
    </message>
    <message>
        <source>Could not download the configuration file: %1</source>
        <translation>無法下載設定檔：%1</translation>
    </message>
    <message>
        <source>The server has no configuration file (HTTP %1).</source>
        <translation>伺服器上沒有設定檔（HTTP %1）。</translation>
    </message>
    <message>
        <source>The configuration file lists no POP3 server.</source>
        <translation>設定檔中沒有列出 POP3 伺服器。</translation>
    </message>
    <message>
        <source>The domain has no MX records.</source>
        <translation>該網域沒有 MX 記錄。</translation>
    </message>
    <message>
        <source>The DNS lookup failed.</source>
        <translation>DNS 查詢失敗。</translation>
    </message>
    <message>
        <source>Mail for this domain is handled by %1, which does not offer POP3.</source>
        <translation>該網域的郵件由 %1 處理，而它不提供 POP3。</translation>
    </message>
    <message>
        <source>The domain&apos;s mail servers (%1) belong to no provider Poplar knows.</source>
        <translation>該網域的郵件伺服器（%1）不屬於 Poplar 所知的任何服務商。</translation>
    </message>
    <message>
        <source>The DNS lookup took too long.</source>
        <translation>DNS 查詢耗時過長。</translation>
    </message>
    <message>
        <source>No server names to try.</source>
        <translation>沒有可嘗試的伺服器名稱。</translation>
    </message>
    <message>
        <source>No server answered at the usual names (pop., pop3., mail.).</source>
        <translation>常見名稱（pop.、pop3.、mail.）上都沒有伺服器回應。</translation>
    </message>
</context>
<context>
    <name>Poplar::Accounts::ConnectionTester</name>
    <message>
        <source>Counting the messages…</source>
        <translation>正在統計郵件…</translation>
    </message>
    <message numerus="yes">
        <source>Connected and logged in: %n message(s), %1 on the server.</source>
        <translation>
            <numerusform>已連線並登入：伺服器上有 %n 封郵件，共 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>正在連線到伺服器…</translation>
    </message>
    <message>
        <source>Setting up encryption…</source>
        <translation>正在建立加密連線…</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>正在登入…</translation>
    </message>
    <message>
        <source>No outgoing server is set up for this account.</source>
        <translation>此帳號尚未設定外寄郵件伺服器。</translation>
    </message>
    <message>
        <source>Connected to the outgoing server and logged in: it is ready to send.</source>
        <translation>已連線到外寄郵件伺服器並已登入：可以寄送郵件。</translation>
    </message>
    <message>
        <source>Connected to the outgoing server: it is ready to send without a login.</source>
        <translation>已連線到外寄郵件伺服器：不需登入即可寄送郵件。</translation>
    </message>
    <message>
        <source>Connecting to the outgoing server…</source>
        <translation>正在連線到外寄郵件伺服器…</translation>
    </message>
    <message>
        <source>Logging in to the outgoing server…</source>
        <translation>正在登入外寄郵件伺服器…</translation>
    </message>
</context>
<context>
    <name>Poplar::Accounts::CredentialJob</name>
    <message>
        <source>No password is stored for this account.</source>
        <translation>此帳號沒有儲存密碼。</translation>
    </message>
    <message>
        <source>The system keychain is not available (no secret service is running, or it is locked). Poplar will keep the password in memory until it quits.</source>
        <translation>系統金鑰圈無法使用（沒有執行中的密鑰服務，或已鎖定）。Poplar 會將密碼保存在記憶體中，直到結束。</translation>
    </message>
    <message>
        <source>Access to the system keychain was denied. Poplar will keep the password in memory until it quits.</source>
        <translation>存取系統金鑰圈遭拒。Poplar 會將密碼保存在記憶體中，直到結束。</translation>
    </message>
    <message>
        <source>The system keychain reported an error.</source>
        <translation>系統金鑰圈回報了錯誤。</translation>
    </message>
</context>
<context>
    <name>Poplar::Accounts::ProviderTable</name>
    <message>
        <source>This provider requires an app-specific authorization code instead of your web password. Create one in the provider&apos;s web settings and enter it as the password.</source>
        <translation>該服務商要求使用用戶端專用的授權碼，而非網頁登入密碼。請在服務商的網頁設定中產生授權碼，並將其作為密碼輸入。</translation>
    </message>
    <message>
        <source>This provider does not accept your web password here: turn on two-step verification, create an app password in your account&apos;s security settings and enter that instead.</source>
        <translation>該服務商在這裡不接受網頁登入密碼：請開啟兩步驟驗證，在帳號的安全性設定中建立應用程式密碼，並改為輸入該密碼。</translation>
    </message>
    <message>
        <source>If secure login is turned on for your mailbox, use the client-specific password from the web settings instead of your web password.</source>
        <translation>如果您的信箱開啟了安全登入，請使用網頁設定中的用戶端專用密碼，而非網頁登入密碼。</translation>
    </message>
    <message>
        <source>POP3 access may be turned off: turn it on in the provider&apos;s web settings first.</source>
        <translation>POP3 存取可能處於關閉狀態：請先在服務商的網頁設定中開啟。</translation>
    </message>
    <message>
        <source>POP3 must be allowed for your mailbox by your organization&apos;s administrator.</source>
        <translation>您的信箱需要由所屬組織的管理員允許使用 POP3。</translation>
    </message>
    <message>
        <source>This provider is phasing out password sign-in for POP3; if your password is refused even though it is right, the provider no longer allows it for your account.</source>
        <translation>該服務商正在逐步停止 POP3 的密碼登入；如果密碼正確卻遭拒絕，表示服務商已不再允許您的帳號這樣登入。</translation>
    </message>
    <message>
        <source>This provider does not offer POP3, so Poplar cannot fetch mail from it.</source>
        <translation>該服務商不提供 POP3，因此 Poplar 無法從中收取郵件。</translation>
    </message>
    <message>
        <source>The same authorization code also serves for sending mail (SMTP): the outgoing server takes the same password.</source>
        <translation>同一組授權碼也用於寄送郵件（SMTP）：外寄郵件伺服器使用相同的密碼。</translation>
    </message>
</context>
<context>
    <name>Poplar::Accounts::ServerProbe</name>
    <message>
        <source>The server did not answer in time.</source>
        <translation>伺服器沒有及時回應。</translation>
    </message>
    <message>
        <source>Poplar does not probe unencrypted servers.</source>
        <translation>Poplar 不探測未加密的伺服器。</translation>
    </message>
    <message>
        <source>The TLS handshake failed: %1</source>
        <translation>TLS 交握失敗：%1</translation>
    </message>
    <message>
        <source>The server closed the connection.</source>
        <translation>伺服器關閉了連線。</translation>
    </message>
    <message>
        <source>The server sent too much data for a POP3 greeting.</source>
        <translation>伺服器傳送的資料過多，不像 POP3 問候語。</translation>
    </message>
    <message>
        <source>The POP3 server refused the connection: %1</source>
        <translation>POP3 伺服器拒絕了連線：%1</translation>
    </message>
    <message>
        <source>The server does not greet like a POP3 server.</source>
        <translation>伺服器的問候語不像 POP3 伺服器。</translation>
    </message>
    <message>
        <source>The server does not offer STARTTLS (STLS).</source>
        <translation>伺服器不提供 STARTTLS（STLS）。</translation>
    </message>
    <message>
        <source>The server sent a line that is too long.</source>
        <translation>伺服器傳送的一行內容太長。</translation>
    </message>
    <message>
        <source>The server does not greet like an SMTP server.</source>
        <translation>此伺服器的問候語不像 SMTP 伺服器。</translation>
    </message>
    <message>
        <source>The server does not answer like an SMTP server.</source>
        <translation>此伺服器的回應不像 SMTP 伺服器。</translation>
    </message>
    <message>
        <source>The server sent too much data for an SMTP greeting.</source>
        <translation>伺服器傳送的資料過多，不像 SMTP 問候語。</translation>
    </message>
    <message>
        <source>The SMTP server refused the connection: %1</source>
        <translation>SMTP 伺服器拒絕了連線：%1</translation>
    </message>
    <message>
        <source>The SMTP server refused EHLO: %1</source>
        <translation>SMTP 伺服器拒絕了 EHLO：%1</translation>
    </message>
    <message>
        <source>The server does not offer STARTTLS.</source>
        <translation>伺服器不提供 STARTTLS。</translation>
    </message>
</context>
<context>
    <name>Poplar::App::AccountCommand</name>
    <message>
        <source>poplar account add: --security takes tls, starttls or none; --auth auto, plain, login, cram-md5, apop or user; --leave keep, days:N, on-trash or delete.</source>
        <translation>poplar account add：--security 可為 tls、starttls 或 none；--auth 可為 auto、plain、login、cram-md5、apop 或 user；--leave 可為 keep、days:N、on-trash 或 delete。</translation>
    </message>
    <message>
        <source>poplar account add: --trust-fingerprint needs a SHA-256 fingerprint (64 hexadecimal digits).</source>
        <translation>poplar account add：--trust-fingerprint 需要一個 SHA-256 指紋（64 位十六進位數字）。</translation>
    </message>
    <message>
        <source>Warning: with --security none your password and mail travel unencrypted.</source>
        <translation>警告：使用 --security none 時，您的密碼和郵件將以明文傳輸。</translation>
    </message>
    <message>
        <source>Added account %1 (%2).</source>
        <translation>已新增帳號 %1（%2）。</translation>
    </message>
    <message>
        <source>The password could not be saved in the keychain (%1). Poplar will ask for it, or give it with: poplar sync --password-stdin</source>
        <translation>無法將密碼儲存到鑰匙圈（%1）。Poplar 會向您詢問，您也可以這樣提供：poplar sync --password-stdin</translation>
    </message>
    <message>
        <source>Usage: poplar account remove NAME|ID [--delete-mail]</source>
        <translation>用法：poplar account remove 名稱|ID [--delete-mail]</translation>
    </message>
    <message>
        <source>Removed account %1.</source>
        <translation>已移除帳號 %1。</translation>
    </message>
    <message>
        <source>%1 now trusts the certificate %2.</source>
        <translation>%1 現在信任憑證 %2。</translation>
    </message>
    <message>
        <source>poplar %1: --%2 needs --smtp-host.</source>
        <translation>poplar %1：--%2 需要同時指定 --smtp-host。</translation>
    </message>
    <message>
        <source>poplar %1: --smtp-security takes tls, starttls or none; --smtp-auth auto, plain, login, cram-md5 or none.</source>
        <translation>poplar %1：--smtp-security 可為 tls、starttls 或 none；--smtp-auth 可為 auto、plain、login、cram-md5 或 none。</translation>
    </message>
    <message>
        <source>poplar %1: --smtp-trust-fingerprint needs a SHA-256 fingerprint (64 hexadecimal digits).</source>
        <translation>poplar %1：--smtp-trust-fingerprint 需要一個 SHA-256 指紋（64 位十六進位數字）。</translation>
    </message>
    <message>
        <source>Warning: with --smtp-security none your password and the mail you send travel unencrypted.</source>
        <translation>警告：使用 --smtp-security none 時，您的密碼和您傳送的郵件將以明文傳輸。</translation>
    </message>
    <message>
        <source>The outgoing server&apos;s password could not be saved in the keychain (%1). Poplar will ask for it when it sends.</source>
        <translation>無法將外寄郵件伺服器的密碼儲存到鑰匙圈（%1）。Poplar 會在傳送時向您詢問。</translation>
    </message>
    <message>
        <source>outgoing: not set</source>
        <translation>外寄郵件伺服器：未設定</translation>
    </message>
    <message>
        <source>poplar account add: --smtp-password-stdin needs the outgoing server&apos;s password on standard input, on the line after the incoming password if --password-stdin is given too.</source>
        <translation>poplar account add：--smtp-password-stdin 需要從標準輸入讀取外寄郵件伺服器的密碼；如果同時指定了 --password-stdin，該密碼應放在收件密碼的下一行。</translation>
    </message>
    <message>
        <source>Usage: poplar account outgoing NAME|ID [--sender-name NAME] --smtp-host H [--smtp-port P] [--smtp-security tls|starttls|none] [--smtp-user U] [--smtp-auth auto|plain|login|cram-md5|none] [--smtp-trust-fingerprint SHA256] [--smtp-password-stdin]</source>
        <translation>用法：poplar account outgoing NAME|ID [--sender-name NAME] --smtp-host H [--smtp-port P] [--smtp-security tls|starttls|none] [--smtp-user U] [--smtp-auth auto|plain|login|cram-md5|none] [--smtp-trust-fingerprint SHA256] [--smtp-password-stdin]</translation>
    </message>
    <message>
        <source>poplar account outgoing: --smtp-password-stdin needs the outgoing server&apos;s password on standard input.</source>
        <translation>poplar account outgoing：--smtp-password-stdin 需要從標準輸入讀取外寄郵件伺服器的密碼。</translation>
    </message>
    <message>
        <source>%1 sends through %2.</source>
        <translation>%1 透過 %2 傳送郵件。</translation>
    </message>
    <message>
        <source>poplar account trust: %1 has no outgoing server.</source>
        <translation>poplar account trust：%1 沒有外寄郵件伺服器。</translation>
    </message>
    <message>
        <source>%1 now trusts the outgoing server&apos;s certificate %2.</source>
        <translation>%1 現在信任外寄郵件伺服器的憑證 %2。</translation>
    </message>
    <message>
        <source>Usage: poplar account trust NAME|ID SHA256 [--smtp] (the certificate&apos;s SHA-256 fingerprint, 64 hexadecimal digits, as poplar sync prints it; with --smtp the outgoing server&apos;s, as poplar send prints it)</source>
        <translation>用法：poplar account trust NAME|ID SHA256 [--smtp]（憑證的 SHA-256 指紋，64 位十六進位數字，即 poplar sync 顯示的那個；指定 --smtp 時為外寄郵件伺服器的憑證指紋，即 poplar send 顯示的那個）</translation>
    </message>
    <message>
        <source>Usage: poplar account add --name N --email E --host H [--port P] [--security tls|starttls|none] [--user U] [--password-stdin] [--auth auto|plain|login|cram-md5|apop|user] [--leave keep|days:N|on-trash|delete] [--trust-fingerprint SHA256] [--headers-only-kib K] [--check-every MIN]
         [--sender-name NAME] [--smtp-host H [--smtp-port P] [--smtp-security tls|starttls|none] [--smtp-user U] [--smtp-auth auto|plain|login|cram-md5|none] [--smtp-trust-fingerprint SHA256] [--smtp-password-stdin]]
         The outgoing server uses the incoming password unless --smtp-password-stdin is given: then standard input holds one password a line, the incoming one first (with --password-stdin), then the outgoing one.
       poplar account outgoing NAME|ID [--sender-name NAME] --smtp-host H [--smtp-...]
       poplar account list
       poplar account remove NAME|ID [--delete-mail]
       poplar account trust NAME|ID SHA256 [--smtp]</source>
        <translation>用法：poplar account add --name N --email E --host H [--port P] [--security tls|starttls|none] [--user U] [--password-stdin] [--auth auto|plain|login|cram-md5|apop|user] [--leave keep|days:N|on-trash|delete] [--trust-fingerprint SHA256] [--headers-only-kib K] [--check-every MIN]
        [--sender-name NAME] [--smtp-host H [--smtp-port P] [--smtp-security tls|starttls|none] [--smtp-user U] [--smtp-auth auto|plain|login|cram-md5|none] [--smtp-trust-fingerprint SHA256] [--smtp-password-stdin]]
        除非指定了 --smtp-password-stdin，否則外寄郵件伺服器使用收件密碼；指定後，標準輸入每行一個密碼：先是收件密碼（指定了 --password-stdin 時），然後是外寄密碼。
      poplar account outgoing NAME|ID [--sender-name NAME] --smtp-host H [--smtp-...]
      poplar account list
      poplar account remove NAME|ID [--delete-mail]
      poplar account trust NAME|ID SHA256 [--smtp]</translation>
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
        <source>A command to run without the window (see above), message files (.eml) to show, or mailto: links to write to.</source>
        <translation>不開啟視窗執行的命令（見上文）、要顯示的郵件檔案（.eml），或要寫信的 mailto: 連結。</translation>
    </message>
</context>
<context>
    <name>Poplar::App::CommandSupport</name>
    <message>
        <source>poplar %1: no account &apos;%2&apos;.</source>
        <translation>poplar %1：沒有帳號「%2」。</translation>
    </message>
</context>
<context>
    <name>Poplar::App::Commands</name>
    <message>
        <source>poplar: unknown command &apos;%1&apos;. Run &apos;poplar --help&apos; to see the commands.</source>
        <translation>poplar：未知指令「%1」。執行「poplar --help」查看可用指令。</translation>
    </message>
    <message>
        <source>show what Poplar reads in a message file (--json, --html)</source>
        <translation>顯示 Poplar 從郵件檔案中讀出的內容（--json、--html）</translation>
    </message>
    <message>
        <source>fetch new mail now (--account NAME, --password-stdin)</source>
        <translation>立即收取新郵件（--account 名稱，--password-stdin）</translation>
    </message>
    <message>
        <source>search the offline mail (QUERY)</source>
        <translation>搜尋離線郵件（關鍵字）</translation>
    </message>
    <message>
        <source>write the stored mail to an mbox file (--mbox FILE, --account NAME)</source>
        <translation>將儲存的郵件寫入 mbox 檔案（--mbox 檔案，--account 名稱）</translation>
    </message>
    <message>
        <source>add the messages of an mbox file (--mbox FILE --account NAME)</source>
        <translation>新增 mbox 檔案中的郵件（--mbox 檔案 --account 名稱）</translation>
    </message>
    <message>
        <source>send a message (--account NAME --to A --subject S, the text on standard input; --cc, --bcc, --attach FILE, --in-reply-to ID)</source>
        <translation>傳送郵件（--account NAME --to A --subject S，內文從標準輸入讀取；--cc、--bcc、--attach FILE、--in-reply-to ID）</translation>
    </message>
    <message>
        <source>list the messages waiting to be sent; send, retry ID, mark-sent ID or delete ID</source>
        <translation>列出等待傳送的郵件；send、retry ID、mark-sent ID 或 delete ID</translation>
    </message>
    <message>
        <source>add, list or remove accounts, set their outgoing server, or trust a server&apos;s certificate (run &apos;poplar account&apos; for the options)</source>
        <translation>新增、列出或移除帳號，設定帳號的外寄郵件伺服器，或信任伺服器憑證（執行「poplar account」查看選項）</translation>
    </message>
</context>
<context>
    <name>Poplar::App::MboxCommand</name>
    <message>
        <source>Usage: poplar export --mbox FILE [--account NAME]</source>
        <translation>用法：poplar export --mbox 檔案 [--account 名稱]</translation>
    </message>
    <message>
        <source>Exported %1 message(s) to %2.</source>
        <translation>已將 %1 封郵件匯出到 %2。</translation>
    </message>
    <message>
        <source>Usage: poplar import --mbox FILE --account NAME</source>
        <translation>用法：poplar import --mbox 檔案 --account 名稱</translation>
    </message>
    <message>
        <source>Imported %1 message(s); %2 were already there.</source>
        <translation>已匯入 %1 封郵件；%2 封已經存在。</translation>
    </message>
</context>
<context>
    <name>Poplar::App::ParseCommand</name>
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
</context>
<context>
    <name>Poplar::App::SearchCommand</name>
    <message>
        <source>Usage: poplar search QUERY [--account NAME]</source>
        <translation>用法：poplar search 關鍵字 [--account 名稱]</translation>
    </message>
</context>
<context>
    <name>Poplar::App::SendCommand</name>
    <message>
        <source>%1: no password for the outgoing server (%2).</source>
        <translation>%1：沒有外寄郵件伺服器的密碼（%2）。</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>佇列中</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>傳送中</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>狀態不明</translation>
    </message>
    <message>
        <source>%1: the account has no outgoing server yet; its messages stay in the Outbox. Add one with: poplar account outgoing &quot;%1&quot; --smtp-host HOST</source>
        <translation>%1：此帳號還沒有外寄郵件伺服器；其郵件會留在寄件匣中。請用以下指令新增：poplar account outgoing &quot;%1&quot; --smtp-host HOST</translation>
    </message>
    <message>
        <source>%1: sending message #%2 (%3 of %4)…</source>
        <translation>%1：正在傳送郵件 #%2（第 %3/%4 封）…</translation>
    </message>
    <message>
        <source>#%1 sent.</source>
        <translation>#%1 已傳送。</translation>
    </message>
    <message>
        <source>#%1: %2 did not get it: %3</source>
        <translation>#%1：%2 沒有收到這封郵件：%3</translation>
    </message>
    <message>
        <source>#%1 not sent (%2): %3</source>
        <translation>#%1 未傳送（%2）：%3</translation>
    </message>
    <message>
        <source>%1: the outgoing server&apos;s certificate has the SHA-256 fingerprint %2 (%3). If you have checked it, trust it with: poplar account trust &quot;%1&quot; %2 --smtp</source>
        <translation>%1：外寄郵件伺服器憑證的 SHA-256 指紋是 %2（%3）。如果您已確認過，可以這樣信任它：poplar account trust &quot;%1&quot; %2 --smtp</translation>
    </message>
    <message>
        <source>poplar send: &quot;%1&quot; is not an email address.</source>
        <translation>poplar send：「%1」不是電子郵件地址。</translation>
    </message>
    <message>
        <source>poplar send: give --account, --subject and at least one of --to, --cc, --bcc; the text comes on standard input.</source>
        <translation>poplar send：請指定 --account、--subject，以及 --to、--cc、--bcc 中的至少一個；內文從標準輸入讀取。</translation>
    </message>
    <message>
        <source>poplar send: cannot read %1: %2</source>
        <translation>poplar send：無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>poplar send: cannot read standard input.</source>
        <translation>poplar send：無法讀取標準輸入。</translation>
    </message>
    <message>
        <source>poplar send: the text on standard input is not UTF-8; nothing was sent.</source>
        <translation>poplar send：標準輸入中的內文不是 UTF-8 編碼；沒有傳送任何內容。</translation>
    </message>
    <message>
        <source>Message #%1 is in the Outbox.</source>
        <translation>郵件 #%1 已放入寄件匣。</translation>
    </message>
    <message>
        <source>poplar outbox: no message #%1 in the Outbox.</source>
        <translation>poplar outbox：寄件匣中沒有郵件 #%1。</translation>
    </message>
    <message>
        <source>#%1 is queued again; send it with: poplar outbox send</source>
        <translation>#%1 已重新排入佇列；可以這樣傳送：poplar outbox send</translation>
    </message>
    <message>
        <source>#%1 is marked as sent and moved to Sent.</source>
        <translation>#%1 已標示為已傳送，並已移至「寄件備份」。</translation>
    </message>
    <message>
        <source>#%1 is deleted from the Outbox.</source>
        <translation>#%1 已從寄件匣中刪除。</translation>
    </message>
    <message>
        <source>Usage: poplar outbox [send [--account NAME] | retry ID | mark-sent ID | delete ID]</source>
        <translation>用法：poplar outbox [send [--account NAME] | retry ID | mark-sent ID | delete ID]</translation>
    </message>
</context>
<context>
    <name>Poplar::App::SyncCommand</name>
    <message>
        <source>poplar sync: --password-stdin needs --account.</source>
        <translation>poplar sync：--password-stdin 需要同時指定 --account。</translation>
    </message>
    <message>
        <source>poplar sync: no account yet. Add one with: poplar account add</source>
        <translation>poplar sync：還沒有帳號。請用以下指令新增：poplar account add</translation>
    </message>
    <message>
        <source>%1: no password (%2). Give it with --account %1 --password-stdin.</source>
        <translation>%1：沒有密碼（%2）。請用 --account %1 --password-stdin 提供。</translation>
    </message>
    <message>
        <source>%1: %2/%3 messages, %4 of %5</source>
        <translation>%1：%2/%3 封郵件，%4 / %5</translation>
    </message>
    <message>
        <source>%1: %2 new, %3 deleted on the server.</source>
        <translation>%1：%2 封新郵件，伺服器上刪除了 %3 封。</translation>
    </message>
    <message>
        <source>%1: the server&apos;s certificate has the SHA-256 fingerprint %2 (%3). If you have checked that it is your mail server&apos;s, trust it with: poplar account trust &quot;%1&quot; %2</source>
        <translation>%1：伺服器憑證的 SHA-256 指紋是 %2（%3）。如果您已確認這是您的郵件伺服器的憑證，可以這樣信任它：poplar account trust &quot;%1&quot; %2</translation>
    </message>
    <message>
        <source>not the certificate trusted before</source>
        <translation>不是先前信任的那個憑證</translation>
    </message>
</context>
<context>
    <name>Poplar::Compose::ReplyBuilder</name>
    <message>
        <source>someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <source>Forwarded message</source>
        <translation>轉寄的郵件</translation>
    </message>
    <message>
        <source>%1 wrote:</source>
        <translation>%1 寫道：</translation>
    </message>
    <message>
        <source>On %1, %2 wrote:</source>
        <translation>%2 於 %1 寫道：</translation>
    </message>
    <message>
        <source>Forwarded Message</source>
        <translation>轉寄的郵件</translation>
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
</context>
<context>
    <name>Poplar::Mime::MailtoUrl</name>
    <message>
        <source>Left out addresses with a line break or a control character in them: %1</source>
        <translation>已略去含有換行字元或控制字元的地址：%1</translation>
    </message>
    <message>
        <source>Line breaks and control characters in the subject were replaced by spaces.</source>
        <translation>主旨中的換行字元和控制字元已換成空格。</translation>
    </message>
    <message>
        <source>The In-Reply-To field is not a message id and was left out.</source>
        <translation>In-Reply-To 欄位不是郵件 ID，已略去。</translation>
    </message>
    <message>
        <source>Parts of the link are not valid UTF-8 text; they are shown as �.</source>
        <translation>連結中有部分內容不是有效的 UTF-8 文字，顯示為 �。</translation>
    </message>
    <message>
        <source>The mailto: link is %1 KiB long; links longer than %2 KiB are refused.</source>
        <translation>此 mailto: 連結長 %1 KiB；超過 %2 KiB 的連結會被拒絕。</translation>
    </message>
    <message>
        <source>This is not a mailto: link.</source>
        <translation>這不是 mailto: 連結。</translation>
    </message>
</context>
<context>
    <name>Poplar::Mime::MessageFile</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is larger than 512 MB, too large to be an email message.</source>
        <translation>%1 大於 512 MB，不可能是一封電子郵件。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a message.</source>
        <translation>%1 是資料夾，不是郵件。</translation>
    </message>
</context>
<context>
    <name>Poplar::Mime::MessageParser</name>
    <message>
        <source>This message is empty.</source>
        <translation>這封郵件是空的。</translation>
    </message>
    <message>
        <source>The rest of this message is nested too deeply to be shown here. What it contains is listed with the attachments.</source>
        <translation>本郵件其餘部分巢狀過深，無法在此顯示。其中的內容已列在附件中。</translation>
    </message>
    <message>
        <source>The rest of this message has too many parts to be shown here. It is listed with the attachments.</source>
        <translation>本郵件其餘部分包含的部件過多，無法在此顯示。它已列在附件中。</translation>
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
    <message>
        <source>The profile %1 is in use by another Poplar.</source>
        <translation>設定檔 %1 正被另一個 Poplar 使用。</translation>
    </message>
</context>
<context>
    <name>Poplar::Send::OutboxSender</name>
    <message>
        <source>The connection ended after the message was handed over, before the server confirmed it: it may or may not have been sent. Poplar will not send it again by itself.</source>
        <translation>郵件已交給伺服器，但在伺服器確認之前連線就中斷了：郵件可能已寄出，也可能沒有。Poplar 不會自動重新傳送。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>Poplar::Smtp::Error</name>
    <message>
        <source>The recipient&apos;s address does not exist.</source>
        <translation>收件者地址不存在。</translation>
    </message>
    <message>
        <source>The recipient&apos;s mail domain does not exist or takes no mail.</source>
        <translation>收件者的郵件網域不存在或不接收郵件。</translation>
    </message>
    <message>
        <source>The address is not written correctly.</source>
        <translation>地址格式不正確。</translation>
    </message>
    <message>
        <source>The server does not accept the sender&apos;s address.</source>
        <translation>伺服器不接受寄件者地址。</translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox is full.</source>
        <translation>收件者的信箱已滿。</translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox is disabled.</source>
        <translation>收件者的信箱已停用。</translation>
    </message>
    <message>
        <source>The message is too large for the server.</source>
        <translation>郵件太大，伺服器無法接受。</translation>
    </message>
    <message>
        <source>The server&apos;s mail system is full.</source>
        <translation>伺服器的郵件系統已滿。</translation>
    </message>
    <message>
        <source>The server could not reach the recipient&apos;s mail server.</source>
        <translation>伺服器無法連線到收件者的郵件伺服器。</translation>
    </message>
    <message>
        <source>The server cannot take the message&apos;s format or characters.</source>
        <translation>伺服器無法接受這封郵件的格式或字元。</translation>
    </message>
    <message>
        <source>The server refuses to relay this message (the sender or recipient is not allowed for this account).</source>
        <translation>伺服器拒絕轉送這封郵件（此帳號不允許使用該寄件者或收件者）。</translation>
    </message>
    <message>
        <source>The server wants you to log in before sending.</source>
        <translation>伺服器要求先登入再傳送。</translation>
    </message>
    <message>
        <source>The user name or password was not accepted.</source>
        <translation>使用者名稱或密碼未被接受。</translation>
    </message>
    <message>
        <source>The server requires a stronger login method or encryption.</source>
        <translation>伺服器要求更安全的登入方式或加密。</translation>
    </message>
    <message>
        <source>The server&apos;s security policy refused the message.</source>
        <translation>伺服器的安全性原則拒絕了這封郵件。</translation>
    </message>
    <message>
        <source>The outgoing mail server&apos;s name could not be found.</source>
        <translation>找不到外寄郵件伺服器的名稱。</translation>
    </message>
    <message>
        <source>The outgoing mail server refused the connection (wrong port or server down).</source>
        <translation>外寄郵件伺服器拒絕了連線（連接埠錯誤或伺服器未執行）。</translation>
    </message>
    <message>
        <source>The connection to the outgoing mail server was lost.</source>
        <translation>與外寄郵件伺服器的連線已中斷。</translation>
    </message>
    <message>
        <source>A network error stopped the connection to the outgoing mail server.</source>
        <translation>網路錯誤中斷了與外寄郵件伺服器的連線。</translation>
    </message>
    <message>
        <source>The outgoing mail server did not answer in time.</source>
        <translation>外寄郵件伺服器沒有及時回應。</translation>
    </message>
    <message>
        <source>Sending was cancelled.</source>
        <translation>已取消傳送。</translation>
    </message>
    <message>
        <source>There is no open connection to the outgoing mail server.</source>
        <translation>目前沒有與外寄郵件伺服器的連線。</translation>
    </message>
    <message>
        <source>The outgoing mail server is not taking mail now.</source>
        <translation>外寄郵件伺服器目前不接收郵件。</translation>
    </message>
    <message>
        <source>A secure (TLS) connection to the outgoing mail server could not be set up.</source>
        <translation>無法與外寄郵件伺服器建立安全（TLS）連線。</translation>
    </message>
    <message>
        <source>The outgoing mail server&apos;s certificate is not trusted.</source>
        <translation>外寄郵件伺服器的憑證不受信任。</translation>
    </message>
    <message>
        <source>The outgoing mail server&apos;s certificate is not the one you accepted before. Someone may be intercepting the connection.</source>
        <translation>外寄郵件伺服器的憑證不是您先前接受的那一個。可能有人正在攔截連線。</translation>
    </message>
    <message>
        <source>The outgoing mail server does not offer STARTTLS, so Poplar did not log in (the password would travel unencrypted).</source>
        <translation>外寄郵件伺服器不提供 STARTTLS，因此 Poplar 沒有登入（否則密碼將以明文傳輸）。</translation>
    </message>
    <message>
        <source>The outgoing mail server refused to start encryption (STARTTLS), so Poplar did not log in.</source>
        <translation>外寄郵件伺服器拒絕啟用加密（STARTTLS），因此 Poplar 沒有登入。</translation>
    </message>
    <message>
        <source>The outgoing mail server offers no login method Poplar can use with this account&apos;s settings.</source>
        <translation>外寄郵件伺服器沒有提供 Poplar 依此帳號的設定能夠使用的登入方式。</translation>
    </message>
    <message>
        <source>The outgoing mail server did not accept the user name or password.</source>
        <translation>外寄郵件伺服器不接受該使用者名稱或密碼。</translation>
    </message>
    <message>
        <source>The outgoing mail server wants you to log in before sending.</source>
        <translation>外寄郵件伺服器要求先登入再傳送。</translation>
    </message>
    <message>
        <source>The outgoing mail server requires an encrypted connection for this login.</source>
        <translation>外寄郵件伺服器要求使用加密連線才能以這種方式登入。</translation>
    </message>
    <message>
        <source>The outgoing mail server refused the sender&apos;s address.</source>
        <translation>外寄郵件伺服器拒絕了寄件者地址。</translation>
    </message>
    <message>
        <source>The outgoing mail server refused every recipient.</source>
        <translation>外寄郵件伺服器拒絕了所有收件者。</translation>
    </message>
    <message>
        <source>The outgoing mail server refused the message.</source>
        <translation>外寄郵件伺服器拒絕了這封郵件。</translation>
    </message>
    <message>
        <source>The message is larger than the outgoing mail server accepts.</source>
        <translation>郵件超過了外寄郵件伺服器可接受的大小。</translation>
    </message>
    <message>
        <source>An address contains non-ASCII characters before the @, and the outgoing mail server cannot take such addresses (it does not offer SMTPUTF8).</source>
        <translation>有地址在 @ 之前含有非 ASCII 字元，而外寄郵件伺服器無法接受這類地址（它不提供 SMTPUTF8）。</translation>
    </message>
    <message>
        <source>The message contains 8-bit data, and the outgoing mail server does not accept it (it does not offer 8BITMIME).</source>
        <translation>郵件含有 8 位元資料，而外寄郵件伺服器不接受這種資料（它不提供 8BITMIME）。</translation>
    </message>
    <message>
        <source>The outgoing mail server sent something Poplar does not understand.</source>
        <translation>外寄郵件伺服器傳送了 Poplar 無法理解的內容。</translation>
    </message>
    <message>
        <source>The outgoing mail server sent a line far longer than SMTP allows.</source>
        <translation>外寄郵件伺服器傳送的某一行遠遠超出 SMTP 允許的長度。</translation>
    </message>
    <message>
        <source>The outgoing mail server sent a reply far larger than SMTP allows.</source>
        <translation>外寄郵件伺服器傳送的回應遠遠超出 SMTP 允許的大小。</translation>
    </message>
    <message>
        <source>The server said: “%1 %2”</source>
        <translation>伺服器回覆：「%1 %2」</translation>
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
    <name>Poplar::Ui::AccountEditDialog</name>
    <message>
        <source>Account Settings: %1</source>
        <translation>帳號設定：%1</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>不變</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>您的姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Email address:</source>
        <translation>電子郵件地址(&amp;E)：</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>新密碼(&amp;P)：</translation>
    </message>
    <message>
        <source>Incoming Server</source>
        <translation>收件伺服器</translation>
    </message>
    <message>
        <source>Downloading Mail</source>
        <translation>下載郵件</translation>
    </message>
    <message>
        <source>Outgoing Server</source>
        <translation>外寄郵件伺服器</translation>
    </message>
    <message>
        <source>Sending Mail</source>
        <translation>寄送郵件</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::AccountPolicyForm</name>
    <message>
        <source>Keep mail on the server</source>
        <translation>在伺服器上保留郵件</translation>
    </message>
    <message>
        <source>Delete from the server after some days</source>
        <translation>若干天後從伺服器刪除</translation>
    </message>
    <message>
        <source>Delete from the server when I delete it in Poplar</source>
        <translation>在 Poplar 中刪除時從伺服器刪除</translation>
    </message>
    <message>
        <source>Delete from the server once downloaded</source>
        <translation>下載後立即從伺服器刪除</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Download only the headers of messages larger than</source>
        <translation>大於此大小的郵件只下載郵件標頭：</translation>
    </message>
    <message>
        <source> KB</source>
        <translation> KB</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> 分鐘</translation>
    </message>
    <message>
        <source>Only when I ask</source>
        <translation>僅在我要求時</translation>
    </message>
    <message>
        <source>Their text and attachments are fetched when you open them.</source>
        <translation>開啟郵件時才會下載其內文和附件。</translation>
    </message>
    <message>
        <source>&amp;After download:</source>
        <translation>下載之後(&amp;A)：</translation>
    </message>
    <message>
        <source>Delete &amp;after:</source>
        <translation>多久後刪除(&amp;A)：</translation>
    </message>
    <message>
        <source>Large messages:</source>
        <translation>大型郵件：</translation>
    </message>
    <message>
        <source>Check for &amp;new mail every:</source>
        <translation>檢查新郵件的間隔(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::AccountRemoveDialog</name>
    <message>
        <source>&amp;Keep its mail on this computer (still shown under All Accounts and in search)</source>
        <translation>在這台電腦上保留其郵件（仍顯示在「所有帳號」和搜尋結果中）(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Delete its mail from this computer</source>
        <translation>從這台電腦上刪除其郵件(&amp;D)</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>移除帳號</translation>
    </message>
    <message>
        <source>Remove the account %1 from Poplar? Its settings and saved password are removed. Mail on the server is not touched.</source>
        <translation>要從 Poplar 中移除帳號 %1 嗎？其設定和儲存的密碼將被移除。伺服器上的郵件不受影響。</translation>
    </message>
    <message>
        <source>&amp;Remove Account</source>
        <translation>移除帳號(&amp;R)</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::AccountServerForm</name>
    <message>
        <source>&amp;Test Connection</source>
        <translation>測試連線(&amp;T)</translation>
    </message>
    <message>
        <source>pop.example.com</source>
        <translation>pop.example.com</translation>
    </message>
    <message>
        <source>TLS (recommended)</source>
        <translation>TLS（建議）</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>None (unencrypted)</source>
        <translation>無（不加密）</translation>
    </message>
    <message>
        <source>Automatic (the strongest offered)</source>
        <translation>自動（使用伺服器提供的最安全方式）</translation>
    </message>
    <message>
        <source>PLAIN</source>
        <translation>PLAIN</translation>
    </message>
    <message>
        <source>LOGIN</source>
        <translation>LOGIN</translation>
    </message>
    <message>
        <source>CRAM-MD5</source>
        <translation>CRAM-MD5</translation>
    </message>
    <message>
        <source>APOP</source>
        <translation>APOP</translation>
    </message>
    <message>
        <source>USER/PASS</source>
        <translation>USER/PASS</translation>
    </message>
    <message>
        <source>Without encryption your password and your mail cross the network readable by anyone on the way. Use this only on a network you control.</source>
        <translation>不加密時，您的密碼和郵件在網路上傳輸，途中任何人都能讀取。請只在您能掌控的網路中使用。</translation>
    </message>
    <message>
        <source>I understand: connect without encryption</source>
        <translation>我明白：不加密連線</translation>
    </message>
    <message>
        <source>POP3 &amp;server:</source>
        <translation>POP3 伺服器(&amp;S)：</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>連接埠(&amp;O)：</translation>
    </message>
    <message>
        <source>Se&amp;curity:</source>
        <translation>安全性(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>身分驗證(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>使用者名稱(&amp;U)：</translation>
    </message>
    <message>
        <source>Enter the name of the POP3 server.</source>
        <translation>請輸入 POP3 伺服器的名稱。</translation>
    </message>
    <message>
        <source>The server name is not valid.</source>
        <translation>伺服器名稱無效。</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation>請輸入使用者名稱。</translation>
    </message>
    <message>
        <source>Confirm that you want to connect without encryption.</source>
        <translation>請確認您要在不加密的情況下連線。</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在測試…</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::AccountWizard</name>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>no encryption</source>
        <translation>不加密</translation>
    </message>
    <message>
        <source>%1, port %2, %3</source>
        <translation>%1，連接埠 %2，%3</translation>
    </message>
    <message>
        <source>Your Mail Account</source>
        <translation>您的郵件帳號</translation>
    </message>
    <message>
        <source>Enter your email address and password. Poplar looks up the server settings for you.</source>
        <translation>輸入您的電子郵件地址和密碼。Poplar 會為您查找伺服器設定。</translation>
    </message>
    <message>
        <source>Shown as the account&apos;s name</source>
        <translation>顯示為帳號名稱</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>you@example.com</translation>
    </message>
    <message>
        <source>The password is kept in your system&apos;s keychain, never in Poplar&apos;s files. Some providers want an app password or authorization code here instead of the password of their website.</source>
        <translation>密碼儲存在系統的鑰匙圈中，絕不會寫入 Poplar 的檔案。有些服務商要求在此處填寫應用程式專用密碼或授權碼，而不是網站登入密碼。</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>您的姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Email address:</source>
        <translation>電子郵件地址(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
    <message>
        <source>Finding the Server Settings</source>
        <translation>查找伺服器設定</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <source>Found: %1</source>
        <translation>已找到：%1</translation>
    </message>
    <message>
        <source>Nothing found: %1</source>
        <translation>未找到：%1</translation>
    </message>
    <message>
        <source>Looking up the settings for %1…</source>
        <translation>正在查找 %1 的設定…</translation>
    </message>
    <message>
        <source>Not used</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>Done looking for %1.</source>
        <translation>已完成對 %1 的搜尋。</translation>
    </message>
    <message>
        <source>Poplar could not find the settings for this address. Enter them on the next page; your provider&apos;s help pages list them.</source>
        <translation>Poplar 未能找到此地址的設定。請在下一頁輸入；您的服務商的說明頁面中列有這些設定。</translation>
    </message>
    <message>
        <source>Found by %1: %2</source>
        <translation>由 %1 找到：%2</translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation>服務商：%1</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified; the connection test will show it.</source>
        <translation>無法驗證伺服器的憑證；連線測試會顯示該憑證。</translation>
    </message>
    <message>
        <source>Check the settings Poplar found, and test them.</source>
        <translation>檢查 Poplar 找到的設定，並進行測試。</translation>
    </message>
    <message>
        <source>Downloading Mail</source>
        <translation>下載郵件</translation>
    </message>
    <message>
        <source>Choose what happens to your mail on the server once Poplar has it, and how often Poplar looks for new mail.</source>
        <translation>選擇 Poplar 收取郵件後伺服器上的郵件如何處理，以及 Poplar 多久檢查一次新郵件。</translation>
    </message>
    <message>
        <source>Add Account</source>
        <translation>新增帳號</translation>
    </message>
    <message>
        <source>Outgoing: %1</source>
        <translation>外寄：%1</translation>
    </message>
    <message>
        <source>Outgoing server found by %1: %2</source>
        <translation>由 %1 找到外寄郵件伺服器：%2</translation>
    </message>
    <message>
        <source>No outgoing server was found: to send mail, enter it on the next page.</source>
        <translation>找不到外寄郵件伺服器：如需寄送郵件，請在下一頁輸入。</translation>
    </message>
    <message>
        <source>Mail Servers</source>
        <translation>郵件伺服器</translation>
    </message>
    <message>
        <source>Incoming Mail (POP3)</source>
        <translation>收件 (POP3)</translation>
    </message>
    <message>
        <source>Outgoing Mail (SMTP)</source>
        <translation>外寄 (SMTP)</translation>
    </message>
    <message>
        <source>Enter the settings of your provider&apos;s servers, and test them.</source>
        <translation>輸入您的服務供應商的伺服器設定，並進行測試。</translation>
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
    <name>Poplar::Ui::CertificateDialog</name>
    <message>
        <source>Server Certificate</source>
        <translation>伺服器憑證</translation>
    </message>
    <message>
        <source>The certificate of %1 for the account %2 is not the one you trusted before. Someone may be listening in. Trust the new one only if your provider told you it changed.</source>
        <translation>帳號 %2 的伺服器 %1 的憑證不是您先前信任的那一個。可能有人在竊聽。只有在服務商告知憑證已更換時才信任新憑證。</translation>
    </message>
    <message>
        <source>Poplar cannot confirm that %1 is the mail server of the account %2: its certificate is not trusted. Trust it only if you know this certificate is right (for example, your own server).</source>
        <translation>Poplar 無法確認 %1 是帳號 %2 的郵件伺服器：它的憑證不受信任。只有在您確知此憑證無誤時（例如您自己的伺服器）才信任它。</translation>
    </message>
    <message>
        <source>The certificate differs from the one trusted for this account.</source>
        <translation>此憑證與此帳號先前信任的憑證不同。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>伺服器：</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>簽發給：</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>簽發者：</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>有效期自：</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>有效期至：</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256 指紋：</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>問題：</translation>
    </message>
    <message>
        <source>&amp;Trust this certificate for this account</source>
        <translation>為此帳號信任此憑證(&amp;T)</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::ComposeActions</name>
    <message>
        <source>&amp;New Message</source>
        <translation>新郵件(&amp;N)</translation>
    </message>
    <message>
        <source>Write a new message</source>
        <translation>撰寫一封新郵件</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>回覆(&amp;R)</translation>
    </message>
    <message>
        <source>Answer the sender of the message</source>
        <translation>回覆這封郵件的寄件者</translation>
    </message>
    <message>
        <source>Reply &amp;All</source>
        <translation>全部回覆(&amp;A)</translation>
    </message>
    <message>
        <source>Answer the sender and everyone the message went to</source>
        <translation>回覆寄件者和這封郵件的所有收件者</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>轉寄(&amp;F)</translation>
    </message>
    <message>
        <source>Send the message on to someone else, with its attachments</source>
        <translation>將這封郵件連同附件轉寄給其他人</translation>
    </message>
    <message>
        <source>Forward as A&amp;ttachment</source>
        <translation>以附件轉寄(&amp;T)</translation>
    </message>
    <message>
        <source>Send the message on, unchanged, as an attachment</source>
        <translation>將這封郵件原樣以附件轉寄</translation>
    </message>
    <message>
        <source>&amp;Edit As New…</source>
        <translation>以新郵件編輯(&amp;E)…</translation>
    </message>
    <message>
        <source>Start a new message with this one&apos;s recipients, text and attachments</source>
        <translation>以這封郵件的收件者、內文和附件開始撰寫新郵件</translation>
    </message>
    <message>
        <source>The draft cannot be read: %1</source>
        <translation>無法讀取草稿：%1</translation>
    </message>
    <message>
        <source>Mail Link</source>
        <translation>郵件連結</translation>
    </message>
    <message>
        <source>The message cannot be read: %1</source>
        <translation>無法讀取這封郵件：%1</translation>
    </message>
    <message>
        <source>Compose</source>
        <translation>撰寫</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::ComposerWindow</name>
    <message>
        <source>&amp;From:</source>
        <translation>寄件者(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>收件者(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation>副本(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Bcc:</source>
        <translation>密件副本(&amp;B)：</translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation>主旨(&amp;U)：</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>郵件內文</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Add an account before sending mail.</source>
        <translation>請先新增帳號再寄送郵件。</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>寄出(&amp;S)</translation>
    </message>
    <message>
        <source>Put the message into the Outbox and send it now</source>
        <translation>將郵件放入寄件匣並立即寄出</translation>
    </message>
    <message>
        <source>Send &amp;Later</source>
        <translation>稍後寄出(&amp;L)</translation>
    </message>
    <message>
        <source>Put the message into the Outbox; it is sent with the unsent messages, when the connection is back</source>
        <translation>將郵件放入寄件匣；連線恢復後隨其他未寄出的郵件一起寄出</translation>
    </message>
    <message>
        <source>Save &amp;Draft</source>
        <translation>儲存草稿(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Attach Files…</source>
        <translation>附加檔案(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove Attachment</source>
        <translation>移除附件(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>關閉(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>郵件(&amp;M)</translation>
    </message>
    <message>
        <source>Composer Toolbar</source>
        <translation>撰寫工具列</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>New Message</source>
        <translation>新郵件</translation>
    </message>
    <message>
        <source>%1 — Compose</source>
        <translation>%1 — 撰寫</translation>
    </message>
    <message>
        <source>%1 is a folder; attach the files in it instead.</source>
        <translation>%1 是資料夾；請改為附加其中的檔案。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s), %1</source>
        <translation>
            <numerusform>%n 個附件，%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation>附加檔案</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>寄出</translation>
    </message>
    <message>
        <source>Add at least one recipient.</source>
        <translation>請至少新增一位收件者。</translation>
    </message>
    <message>
        <source>These are not email addresses: %1</source>
        <translation>以下不是電子郵件地址：%1</translation>
    </message>
    <message>
        <source>Send this message without a subject?</source>
        <translation>寄出這封沒有主旨的郵件嗎？</translation>
    </message>
    <message>
        <source>With its attachments the message is about %1. Many mail servers refuse messages larger than %2. Send it anyway?</source>
        <translation>加上附件，這封郵件約為 %1。許多郵件伺服器會拒收大於 %2 的郵件。仍要寄出嗎？</translation>
    </message>
    <message>
        <source>Putting the message into the Outbox…</source>
        <translation>正在將郵件放入寄件匣…</translation>
    </message>
    <message>
        <source>The message could not be put into the Outbox: %1</source>
        <translation>無法將郵件放入寄件匣：%1</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>無法儲存草稿：%1</translation>
    </message>
    <message>
        <source>Draft saved at %1</source>
        <translation>草稿已於 %1 儲存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Save this message as a draft before closing?</source>
        <translation>關閉前將這封郵件儲存為草稿嗎？</translation>
    </message>
    <message>
        <source>&amp;Fixed-Width Font</source>
        <translation>等寬字型(&amp;F)</translation>
    </message>
    <message>
        <source>Show the text in a font whose letters are all as wide, as many readers show plain text</source>
        <translation>用字元等寬的字型顯示內文，很多閱讀器就是這樣顯示純文字的</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
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
    <message>
        <source>Drafts</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>寄件備份</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>寄件匣</translation>
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
    <name>Poplar::Ui::MailServices</name>
    <message>
        <source>Password for %1</source>
        <translation>%1 的密碼</translation>
    </message>
    <message>
        <source>Poplar has no saved password for %1 (%2).
Password:</source>
        <translation>Poplar 沒有儲存 %1 的密碼（%2）。
密碼：</translation>
    </message>
    <message>
        <source>Server Certificate</source>
        <translation>伺服器憑證</translation>
    </message>
    <message>
        <source>Add Account</source>
        <translation>新增帳號</translation>
    </message>
    <message>
        <source>The system keychain cannot be used (%1), so Poplar keeps the password only until it quits and will ask for it next time.</source>
        <translation>無法使用系統鑰匙圈（%1），因此 Poplar 只在結束前保留密碼，下次會再詢問。</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>移除帳號</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>寄出</translation>
    </message>
    <message>
        <source>Poplar cannot send the mail of %1: it has no password for the outgoing server (%2). Enter it in Account Settings.</source>
        <translation>Poplar 無法寄出 %1 的郵件：沒有外寄郵件伺服器的密碼（%2）。請在帳號設定中輸入。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Not Every Recipient Got It</source>
        <translation>並非所有收件者都收到了</translation>
    </message>
    <message>
        <source>The message was sent, but the server refused these recipients:
%1</source>
        <translation>郵件已寄出，但伺服器拒絕了以下收件者：
%1</translation>
    </message>
    <message>
        <source>Message Not Sent</source>
        <translation>郵件未寄出</translation>
    </message>
    <message>
        <source>The server refused the message; it stays in the Outbox.
%1</source>
        <translation>伺服器拒收了這封郵件；它仍在寄件匣中。
%1</translation>
    </message>
    <message>
        <source>Message Perhaps Not Sent</source>
        <translation>郵件可能未寄出</translation>
    </message>
    <message>
        <source>The connection ended after the message went out and before the server confirmed it, so it may or may not have been sent. Poplar will not send it again by itself; it stays in the Outbox.
%1</source>
        <translation>郵件送出後、伺服器確認之前連線就中斷了，因此它可能已寄出，也可能沒有。Poplar 不會自行再次寄出；它仍在寄件匣中。
%1</translation>
    </message>
    <message>
        <source>%1 has mail waiting in the Outbox, but no outgoing server yet. Set one up now?</source>
        <translation>%1 有郵件在寄件匣中等待寄出，但還沒有外寄郵件伺服器。現在設定嗎？</translation>
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
    <message>
        <source>Add &amp;Account…</source>
        <translation>新增帳號(&amp;A)…</translation>
    </message>
    <message>
        <source>Account S&amp;ettings…</source>
        <translation>帳號設定(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove Account…</source>
        <translation>移除帳號(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Notify on New Mail</source>
        <translation>新郵件通知(&amp;N)</translation>
    </message>
    <message>
        <source>Show a message in the system tray when a sync brings new mail</source>
        <translation>同步收到新郵件時在系統匣中顯示通知</translation>
    </message>
    <message>
        <source>Group by &amp;Thread</source>
        <translation>按對話分組(&amp;T)</translation>
    </message>
    <message>
        <source>Show the messages of a conversation together, the newest conversation first</source>
        <translation>將同一對話的郵件放在一起顯示，最新的對話在前</translation>
    </message>
    <message>
        <source>Sending message %1 of %2…</source>
        <translation>正在寄出第 %1 封郵件，共 %2 封…</translation>
    </message>
    <message>
        <source>Message sent.</source>
        <translation>郵件已寄出。</translation>
    </message>
    <message>
        <source>Not sent yet: %1 Poplar tries again later.</source>
        <translation>尚未寄出：%1 Poplar 稍後會重試。</translation>
    </message>
    <message>
        <source>A message was not sent; it waits in the Outbox.</source>
        <translation>有一封郵件未寄出；它在寄件匣中等待。</translation>
    </message>
    <message>
        <source>Send U&amp;nsent Messages</source>
        <translation>寄出未寄出的郵件(&amp;N)</translation>
    </message>
    <message>
        <source>Send every message waiting in the Outbox now</source>
        <translation>立即寄出寄件匣中所有等待的郵件</translation>
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
    <message>
        <source>The search could not run. %1</source>
        <translation>無法執行搜尋。%1</translation>
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
    <name>Poplar::Ui::MessageWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>關閉(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>%1 — Poplar</source>
        <translation>%1 — Poplar</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::NewMailNotifier</name>
    <message>
        <source>Poplar – no unread mail</source>
        <translation>Poplar – 沒有未讀郵件</translation>
    </message>
    <message>
        <source>Poplar – 1 unread message</source>
        <translation>Poplar – 1 封未讀郵件</translation>
    </message>
    <message numerus="yes">
        <source>Poplar – %n unread messages</source>
        <translation>
            <numerusform>Poplar – %n 封未讀郵件</numerusform>
        </translation>
    </message>
    <message>
        <source>1 new message</source>
        <translation>1 封新郵件</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages</source>
        <translation>
            <numerusform>%n 封新郵件</numerusform>
        </translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>（無主旨）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::OutboxModel</name>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>正在寄出</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未寄出</translation>
    </message>
    <message>
        <source>Perhaps sent</source>
        <translation>可能已寄出</translation>
    </message>
    <message>
        <source>Not sent yet: %1 Poplar tries again at %2.</source>
        <translation>尚未寄出：%1 Poplar 將在 %2 重試。</translation>
    </message>
    <message>
        <source>Waits to be sent with the next Send or mail check.</source>
        <translation>等待下次寄出或檢查郵件時寄出。</translation>
    </message>
    <message>
        <source>Being sent now.</source>
        <translation>正在寄出。</translation>
    </message>
    <message>
        <source>The server refused it: %1 Correct the message or the account&apos;s outgoing server, then send it again.</source>
        <translation>伺服器拒收：%1 請更正郵件或帳號的外寄郵件伺服器，然後重新寄出。</translation>
    </message>
    <message>
        <source>It may or may not have been sent: %1 Ask a recipient whether it arrived, then send it again or mark it as sent.</source>
        <translation>它可能已寄出，也可能沒有：%1 請詢問收件者是否收到，然後重新寄出或標示為已寄出。</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>（無主旨）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件者</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主旨</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>加入時間</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::OutboxView</name>
    <message>
        <source>Send &amp;Again</source>
        <translation>重新寄出(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Mark as Sent</source>
        <translation>標示為已寄出(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>刪除(&amp;D)</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>寄件匣</translation>
    </message>
    <message>
        <source>Move the message back to Drafts and open it, to correct it</source>
        <translation>將郵件移回草稿並開啟，以便更正</translation>
    </message>
    <message>
        <source>Nothing waits to be sent.</source>
        <translation>沒有等待寄出的郵件。</translation>
    </message>
    <message>
        <source>Select a message to see where it stands.</source>
        <translation>選擇一封郵件以檢視其狀態。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Delete this message from the Outbox without sending it?</source>
        <translation>從寄件匣中刪除這封郵件而不寄出嗎？</translation>
    </message>
    <message>
        <source>The message could not be moved to Drafts: %1</source>
        <translation>無法將郵件移到草稿：%1</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::OutgoingServerForm</name>
    <message>
        <source>SMTP ser&amp;ver:</source>
        <translation>SMTP 伺服器(&amp;V)：</translation>
    </message>
    <message>
        <source>smtp.example.com</source>
        <translation>smtp.example.com</translation>
    </message>
    <message>
        <source>Po&amp;rt:</source>
        <translation>連接埠(&amp;R)：</translation>
    </message>
    <message>
        <source>S&amp;ecurity:</source>
        <translation>安全性(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Login method:</source>
        <translation>登入方式(&amp;L)：</translation>
    </message>
    <message>
        <source>User na&amp;me:</source>
        <translation>使用者名稱(&amp;M)：</translation>
    </message>
    <message>
        <source>Use the same password as for &amp;incoming mail</source>
        <translation>使用與收件相同的密碼(&amp;I)</translation>
    </message>
    <message>
        <source>Automatic (the strongest offered)</source>
        <translation>自動（使用伺服器提供的最安全方式）</translation>
    </message>
    <message>
        <source>PLAIN</source>
        <translation>PLAIN</translation>
    </message>
    <message>
        <source>LOGIN</source>
        <translation>LOGIN</translation>
    </message>
    <message>
        <source>CRAM-MD5</source>
        <translation>CRAM-MD5</translation>
    </message>
    <message>
        <source>No login</source>
        <translation>不登入</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密碼(&amp;W)：</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>不變</translation>
    </message>
    <message>
        <source>Outgoing server: %1</source>
        <translation>外寄郵件伺服器：%1</translation>
    </message>
    <message>
        <source>Enter the user name for the outgoing server.</source>
        <translation>請輸入外寄郵件伺服器的使用者名稱。</translation>
    </message>
    <message>
        <source>Enter the password for the outgoing server, or use the same password as for incoming mail.</source>
        <translation>請輸入外寄郵件伺服器的密碼，或使用與收件相同的密碼。</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::SenderForm</name>
    <message>
        <source>In replies, put the signature &amp;above the quoted text</source>
        <translation>回覆時將簽名放在引用內容上方(&amp;A)</translation>
    </message>
    <message>
        <source>e.g. 李明 (Li Ming)</source>
        <translation>例如 李明 (Li Ming)</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>簽名</translation>
    </message>
    <message>
        <source>Added below what you write, after a &quot;-- &quot; line</source>
        <translation>加在您所寫內容的下方，位於「-- 」一行之後</translation>
    </message>
    <message>
        <source>Name in &amp;sent mail:</source>
        <translation>寄件者姓名(&amp;S)：</translation>
    </message>
    <message>
        <source>S&amp;ignature:</source>
        <translation>簽名(&amp;I)：</translation>
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
    <name>Poplar::Ui::TrayIcon</name>
    <message>
        <source>Show Poplar</source>
        <translation>顯示 Poplar</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>結束</translation>
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
