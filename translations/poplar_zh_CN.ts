<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Poplar::Accounts::AccountRepository</name>
    <message>
        <source>The settings file %1 cannot be read cleanly, so Poplar leaves it as it is and does not change accounts.</source>
        <translation>无法正确读取设置文件 %1，因此 Poplar 保持其原样，不修改账户。</translation>
    </message>
    <message>
        <source>The account settings were written by a newer version of Poplar (settings version %1); they can be used but not changed.</source>
        <translation>账户设置由更新版本的 Poplar 写入（设置版本 %1）；可以使用，但不能修改。</translation>
    </message>
    <message>
        <source>The account has no valid identifier.</source>
        <translation>该账户没有有效的标识符。</translation>
    </message>
    <message>
        <source>An account with this identifier already exists.</source>
        <translation>已存在具有此标识符的账户。</translation>
    </message>
    <message>
        <source>There is no such account.</source>
        <translation>没有这个账户。</translation>
    </message>
    <message>
        <source>Could not save the account settings to %1.</source>
        <translation>无法将账户设置保存到 %1。</translation>
    </message>
</context>
<context>
    <name>Poplar::Accounts::AccountSettings</name>
    <message>
        <source>The account has no identifier.</source>
        <translation>该账户没有标识符。</translation>
    </message>
    <message>
        <source>Enter an email address.</source>
        <translation>请输入电子邮件地址。</translation>
    </message>
    <message>
        <source>“%1” does not look like an email address (name@example.com).</source>
        <translation>“%1”看起来不像电子邮件地址（name@example.com）。</translation>
    </message>
    <message>
        <source>Enter the incoming (POP3) server name.</source>
        <translation>请输入收件（POP3）服务器名称。</translation>
    </message>
    <message>
        <source>“%1” is not a valid server name.</source>
        <translation>“%1”不是有效的服务器名称。</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535 (not %1).</source>
        <translation>端口必须是 1 到 65535 之间的数字（而不是 %1）。</translation>
    </message>
    <message>
        <source>Enter the user name for the server.</source>
        <translation>请输入服务器的用户名。</translation>
    </message>
    <message>
        <source>Messages can be kept on the server for 1 to %1 days (not %2).</source>
        <translation>邮件可在服务器上保留 1 到 %1 天（而不是 %2 天）。</translation>
    </message>
    <message>
        <source>The size limit for downloading headers only cannot be negative.</source>
        <translation>“仅下载邮件头”的大小限制不能为负数。</translation>
    </message>
    <message>
        <source>Check for mail every 1 to %1 minutes, or 0 for only when asked (not %2).</source>
        <translation>每 1 到 %1 分钟检查一次邮件，或填 0 表示仅在手动要求时检查（而不是 %2）。</translation>
    </message>
    <message>
        <source>The pinned certificate fingerprint is not a SHA-256 fingerprint.</source>
        <translation>固定的证书指纹不是 SHA-256 指纹。</translation>
    </message>
    <message>
        <source>“%1” is not a valid outgoing server name.</source>
        <translation>“%1”不是有效的发件服务器名称。</translation>
    </message>
    <message>
        <source>The outgoing server port must be a number from 1 to 65535 (not %1).</source>
        <translation>发件服务器端口必须是 1 到 65535 之间的数字（而不是 %1）。</translation>
    </message>
    <message>
        <source>The pinned certificate fingerprint of the outgoing server is not a SHA-256 fingerprint.</source>
        <translation>发件服务器的固定证书指纹不是 SHA-256 指纹。</translation>
    </message>
</context>
<context>
    <name>Poplar::Accounts::AutoconfigXml</name>
    <message>
        <source>The autoconfig file is too large.</source>
        <translation>自动配置文件太大。</translation>
    </message>
    <message>
        <source>The autoconfig file uses XML features Poplar does not accept.</source>
        <translation>自动配置文件使用了 Poplar 不接受的 XML 功能。</translation>
    </message>
    <message>
        <source>The autoconfig file is nested too deeply.</source>
        <translation>自动配置文件嵌套层级太深。</translation>
    </message>
    <message>
        <source>This is not an autoconfig file.</source>
        <translation>这不是自动配置文件。</translation>
    </message>
    <message>
        <source>The autoconfig file is not well-formed XML (line %1: %2).</source>
        <translation>自动配置文件不是格式正确的 XML（第 %1 行：%2）。</translation>
    </message>
</context>
<context>
    <name>Poplar::Accounts::Autoconfigurator</name>
    <message>
        <source>Poplar&apos;s list of providers</source>
        <translation>Poplar 的服务商列表</translation>
    </message>
    <message>
        <source>DNS service records</source>
        <translation>DNS 服务记录</translation>
    </message>
    <message>
        <source>The domain&apos;s configuration file</source>
        <translation>该域名的配置文件</translation>
    </message>
    <message>
        <source>The domain&apos;s mail servers (MX)</source>
        <translation>该域名的邮件服务器（MX）</translation>
    </message>
    <message>
        <source>Trying common server names</source>
        <translation>尝试常见的服务器名称</translation>
    </message>
    <message>
        <source>“%1” is not a complete email address.</source>
        <translation>“%1”不是完整的电子邮件地址。</translation>
    </message>
    <message>
        <source>Only an unencrypted connection was offered, which Poplar does not suggest.</source>
        <translation>只提供了不加密的连接，Poplar 不会推荐这种设置。</translation>
    </message>
    <message>
        <source>The domain is not in Poplar&apos;s list of providers.</source>
        <translation>该域名不在 Poplar 的服务商列表中。</translation>
    </message>
    <message>
        <source>%1 does not offer POP3.</source>
        <translation>%1 不提供 POP3。</translation>
    </message>
    <message>
        <source>The DNS lookup failed or took too long.</source>
        <translation>DNS 查询失败或耗时过长。</translation>
    </message>
    <message>
        <source>The domain publishes no POP3 service records.</source>
        <translation>该域名没有发布 POP3 服务记录。</translation>
    </message>
    <message>
        <source>No autoconfig address to try.</source>
        <translation>没有可尝试的自动配置地址。</translation>
    </message>
    <message>
        <source>The configuration file was too large or took too long.</source>
        <translation>配置文件太大或下载耗时过长。</translation>
    </message>
    <message>
        <source>Could not download the configuration file: %1</source>
        <translation>无法下载配置文件：%1</translation>
    </message>
    <message>
        <source>The server has no configuration file (HTTP %1).</source>
        <translation>服务器上没有配置文件（HTTP %1）。</translation>
    </message>
    <message>
        <source>The configuration file lists no POP3 server.</source>
        <translation>配置文件中没有列出 POP3 服务器。</translation>
    </message>
    <message>
        <source>The domain has no MX records.</source>
        <translation>该域名没有 MX 记录。</translation>
    </message>
    <message>
        <source>The DNS lookup failed.</source>
        <translation>DNS 查询失败。</translation>
    </message>
    <message>
        <source>Mail for this domain is handled by %1, which does not offer POP3.</source>
        <translation>该域名的邮件由 %1 处理，而它不提供 POP3。</translation>
    </message>
    <message>
        <source>The domain&apos;s mail servers (%1) belong to no provider Poplar knows.</source>
        <translation>该域名的邮件服务器（%1）不属于 Poplar 所知的任何服务商。</translation>
    </message>
    <message>
        <source>The DNS lookup took too long.</source>
        <translation>DNS 查询耗时过长。</translation>
    </message>
    <message>
        <source>No server names to try.</source>
        <translation>没有可尝试的服务器名称。</translation>
    </message>
    <message>
        <source>No server answered at the usual names (pop., pop3., mail.).</source>
        <translation>常见名称（pop.、pop3.、mail.）上都没有服务器应答。</translation>
    </message>
</context>
<context>
    <name>Poplar::Accounts::ConnectionTester</name>
    <message>
        <source>Counting the messages…</source>
        <translation>正在统计邮件…</translation>
    </message>
    <message numerus="yes">
        <source>Connected and logged in: %n message(s), %1 on the server.</source>
        <translation>
            <numerusform>已连接并登录：服务器上有 %n 封邮件，共 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>正在连接服务器…</translation>
    </message>
    <message>
        <source>Setting up encryption…</source>
        <translation>正在建立加密连接…</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>No outgoing server is set up for this account.</source>
        <translation>此账户尚未设置发件服务器。</translation>
    </message>
    <message>
        <source>Connected to the outgoing server and logged in: it is ready to send.</source>
        <translation>已连接到发件服务器并已登录：可以发送邮件。</translation>
    </message>
    <message>
        <source>Connected to the outgoing server: it is ready to send without a login.</source>
        <translation>已连接到发件服务器：无需登录即可发送邮件。</translation>
    </message>
    <message>
        <source>Connecting to the outgoing server…</source>
        <translation>正在连接发件服务器…</translation>
    </message>
    <message>
        <source>Logging in to the outgoing server…</source>
        <translation>正在登录发件服务器…</translation>
    </message>
</context>
<context>
    <name>Poplar::Accounts::CredentialJob</name>
    <message>
        <source>No password is stored for this account.</source>
        <translation>此账户没有保存密码。</translation>
    </message>
    <message>
        <source>The system keychain is not available (no secret service is running, or it is locked). Poplar will keep the password in memory until it quits.</source>
        <translation>系统密钥环不可用（没有运行密钥服务，或已锁定）。Poplar 会把密码保存在内存中，直到退出。</translation>
    </message>
    <message>
        <source>Access to the system keychain was denied. Poplar will keep the password in memory until it quits.</source>
        <translation>访问系统密钥环被拒绝。Poplar 会把密码保存在内存中，直到退出。</translation>
    </message>
    <message>
        <source>The system keychain reported an error.</source>
        <translation>系统密钥环报告了一个错误。</translation>
    </message>
</context>
<context>
    <name>Poplar::Accounts::ProviderTable</name>
    <message>
        <source>This provider requires an app-specific authorization code instead of your web password. Create one in the provider&apos;s web settings and enter it as the password.</source>
        <translation>该服务商要求使用客户端专用的授权码，而不是网页登录密码。请在服务商的网页设置中生成授权码，并将其作为密码输入。</translation>
    </message>
    <message>
        <source>This provider does not accept your web password here: turn on two-step verification, create an app password in your account&apos;s security settings and enter that instead.</source>
        <translation>该服务商在这里不接受网页登录密码：请开启两步验证，在账户的安全设置中创建应用专用密码，并改为输入该密码。</translation>
    </message>
    <message>
        <source>If secure login is turned on for your mailbox, use the client-specific password from the web settings instead of your web password.</source>
        <translation>如果您的邮箱开启了安全登录，请使用网页设置中的客户端专用密码，而不是网页登录密码。</translation>
    </message>
    <message>
        <source>POP3 access may be turned off: turn it on in the provider&apos;s web settings first.</source>
        <translation>POP3 访问可能处于关闭状态：请先在服务商的网页设置中开启。</translation>
    </message>
    <message>
        <source>POP3 must be allowed for your mailbox by your organization&apos;s administrator.</source>
        <translation>您的邮箱需要由所在组织的管理员允许使用 POP3。</translation>
    </message>
    <message>
        <source>This provider is phasing out password sign-in for POP3; if your password is refused even though it is right, the provider no longer allows it for your account.</source>
        <translation>该服务商正在逐步停止 POP3 的密码登录；如果密码正确却被拒绝，说明服务商已不再允许您的账户这样登录。</translation>
    </message>
    <message>
        <source>This provider does not offer POP3, so Poplar cannot fetch mail from it.</source>
        <translation>该服务商不提供 POP3，因此 Poplar 无法从中收取邮件。</translation>
    </message>
    <message>
        <source>The same authorization code also serves for sending mail (SMTP): the outgoing server takes the same password.</source>
        <translation>同一个授权码也用于发送邮件（SMTP）：发件服务器使用相同的密码。</translation>
    </message>
</context>
<context>
    <name>Poplar::Accounts::ServerProbe</name>
    <message>
        <source>The server did not answer in time.</source>
        <translation>服务器没有及时应答。</translation>
    </message>
    <message>
        <source>Poplar does not probe unencrypted servers.</source>
        <translation>Poplar 不探测不加密的服务器。</translation>
    </message>
    <message>
        <source>The TLS handshake failed: %1</source>
        <translation>TLS 握手失败：%1</translation>
    </message>
    <message>
        <source>The server closed the connection.</source>
        <translation>服务器关闭了连接。</translation>
    </message>
    <message>
        <source>The server sent too much data for a POP3 greeting.</source>
        <translation>服务器发送的数据过多，不像 POP3 问候语。</translation>
    </message>
    <message>
        <source>The POP3 server refused the connection: %1</source>
        <translation>POP3 服务器拒绝了连接：%1</translation>
    </message>
    <message>
        <source>The server does not greet like a POP3 server.</source>
        <translation>服务器的问候语不像 POP3 服务器。</translation>
    </message>
    <message>
        <source>The server does not offer STARTTLS (STLS).</source>
        <translation>服务器不提供 STARTTLS（STLS）。</translation>
    </message>
    <message>
        <source>The server sent a line that is too long.</source>
        <translation>服务器发送的一行内容太长。</translation>
    </message>
    <message>
        <source>The server does not greet like an SMTP server.</source>
        <translation>该服务器的问候语不像 SMTP 服务器。</translation>
    </message>
    <message>
        <source>The server does not answer like an SMTP server.</source>
        <translation>该服务器的应答不像 SMTP 服务器。</translation>
    </message>
    <message>
        <source>The server sent too much data for an SMTP greeting.</source>
        <translation>服务器发送的数据过多，不像 SMTP 问候语。</translation>
    </message>
    <message>
        <source>The SMTP server refused the connection: %1</source>
        <translation>SMTP 服务器拒绝了连接：%1</translation>
    </message>
    <message>
        <source>The SMTP server refused EHLO: %1</source>
        <translation>SMTP 服务器拒绝了 EHLO：%1</translation>
    </message>
    <message>
        <source>The server does not offer STARTTLS.</source>
        <translation>服务器不提供 STARTTLS。</translation>
    </message>
</context>
<context>
    <name>Poplar::App::AccountCommand</name>
    <message>
        <source>poplar account add: --security takes tls, starttls or none; --auth auto, plain, login, cram-md5, apop or user; --leave keep, days:N, on-trash or delete.</source>
        <translation>poplar account add：--security 可取 tls、starttls 或 none；--auth 可取 auto、plain、login、cram-md5、apop 或 user；--leave 可取 keep、days:N、on-trash 或 delete。</translation>
    </message>
    <message>
        <source>poplar account add: --trust-fingerprint needs a SHA-256 fingerprint (64 hexadecimal digits).</source>
        <translation>poplar account add：--trust-fingerprint 需要一个 SHA-256 指纹（64 位十六进制数字）。</translation>
    </message>
    <message>
        <source>Warning: with --security none your password and mail travel unencrypted.</source>
        <translation>警告：使用 --security none 时，您的密码和邮件将以明文传输。</translation>
    </message>
    <message>
        <source>Added account %1 (%2).</source>
        <translation>已添加账户 %1（%2）。</translation>
    </message>
    <message>
        <source>The password could not be saved in the keychain (%1). Poplar will ask for it, or give it with: poplar sync --password-stdin</source>
        <translation>无法将密码保存到钥匙串（%1）。Poplar 会向您询问，您也可以这样提供：poplar sync --password-stdin</translation>
    </message>
    <message>
        <source>Usage: poplar account remove NAME|ID [--delete-mail]</source>
        <translation>用法：poplar account remove 名称|ID [--delete-mail]</translation>
    </message>
    <message>
        <source>Removed account %1.</source>
        <translation>已删除账户 %1。</translation>
    </message>
    <message>
        <source>%1 now trusts the certificate %2.</source>
        <translation>%1 现在信任证书 %2。</translation>
    </message>
    <message>
        <source>poplar %1: --%2 needs --smtp-host.</source>
        <translation>poplar %1：--%2 需要同时指定 --smtp-host。</translation>
    </message>
    <message>
        <source>poplar %1: --smtp-security takes tls, starttls or none; --smtp-auth auto, plain, login, cram-md5 or none.</source>
        <translation>poplar %1：--smtp-security 可取 tls、starttls 或 none；--smtp-auth 可取 auto、plain、login、cram-md5 或 none。</translation>
    </message>
    <message>
        <source>poplar %1: --smtp-trust-fingerprint needs a SHA-256 fingerprint (64 hexadecimal digits).</source>
        <translation>poplar %1：--smtp-trust-fingerprint 需要一个 SHA-256 指纹（64 位十六进制数字）。</translation>
    </message>
    <message>
        <source>Warning: with --smtp-security none your password and the mail you send travel unencrypted.</source>
        <translation>警告：使用 --smtp-security none 时，您的密码和您发送的邮件将以明文传输。</translation>
    </message>
    <message>
        <source>The outgoing server&apos;s password could not be saved in the keychain (%1). Poplar will ask for it when it sends.</source>
        <translation>无法将发件服务器的密码保存到钥匙串（%1）。Poplar 会在发送时向您询问。</translation>
    </message>
    <message>
        <source>outgoing: not set</source>
        <translation>发件服务器：未设置</translation>
    </message>
    <message>
        <source>poplar account add: --smtp-password-stdin needs the outgoing server&apos;s password on standard input, on the line after the incoming password if --password-stdin is given too.</source>
        <translation>poplar account add：--smtp-password-stdin 需要从标准输入读取发件服务器的密码；如果同时指定了 --password-stdin，该密码应放在收件密码的下一行。</translation>
    </message>
    <message>
        <source>Usage: poplar account outgoing NAME|ID [--sender-name NAME] --smtp-host H [--smtp-port P] [--smtp-security tls|starttls|none] [--smtp-user U] [--smtp-auth auto|plain|login|cram-md5|none] [--smtp-trust-fingerprint SHA256] [--smtp-password-stdin]</source>
        <translation>用法：poplar account outgoing NAME|ID [--sender-name NAME] --smtp-host H [--smtp-port P] [--smtp-security tls|starttls|none] [--smtp-user U] [--smtp-auth auto|plain|login|cram-md5|none] [--smtp-trust-fingerprint SHA256] [--smtp-password-stdin]</translation>
    </message>
    <message>
        <source>poplar account outgoing: --smtp-password-stdin needs the outgoing server&apos;s password on standard input.</source>
        <translation>poplar account outgoing：--smtp-password-stdin 需要从标准输入读取发件服务器的密码。</translation>
    </message>
    <message>
        <source>%1 sends through %2.</source>
        <translation>%1 通过 %2 发送邮件。</translation>
    </message>
    <message>
        <source>poplar account trust: %1 has no outgoing server.</source>
        <translation>poplar account trust：%1 没有发件服务器。</translation>
    </message>
    <message>
        <source>%1 now trusts the outgoing server&apos;s certificate %2.</source>
        <translation>%1 现在信任发件服务器的证书 %2。</translation>
    </message>
    <message>
        <source>Usage: poplar account trust NAME|ID SHA256 [--smtp] (the certificate&apos;s SHA-256 fingerprint, 64 hexadecimal digits, as poplar sync prints it; with --smtp the outgoing server&apos;s, as poplar send prints it)</source>
        <translation>用法：poplar account trust NAME|ID SHA256 [--smtp]（证书的 SHA-256 指纹，64 位十六进制数字，即 poplar sync 显示的那个；指定 --smtp 时为发件服务器的证书指纹，即 poplar send 显示的那个）</translation>
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
        除非指定了 --smtp-password-stdin，否则发件服务器使用收件密码；指定后，标准输入每行一个密码：先是收件密码（指定了 --password-stdin 时），然后是发件密码。
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
        <source>A command to run without the window (see above), message files (.eml) to show, or mailto: links to write to.</source>
        <translation>不打开窗口运行的命令（见上文）、要显示的邮件文件（.eml），或要写信的 mailto: 链接。</translation>
    </message>
</context>
<context>
    <name>Poplar::App::CommandSupport</name>
    <message>
        <source>poplar %1: no account &apos;%2&apos;.</source>
        <translation>poplar %1：没有账户“%2”。</translation>
    </message>
</context>
<context>
    <name>Poplar::App::Commands</name>
    <message>
        <source>poplar: unknown command &apos;%1&apos;. Run &apos;poplar --help&apos; to see the commands.</source>
        <translation>poplar：未知命令“%1”。运行“poplar --help”查看可用命令。</translation>
    </message>
    <message>
        <source>show what Poplar reads in a message file (--json, --html)</source>
        <translation>显示 Poplar 从邮件文件中读出的内容（--json、--html）</translation>
    </message>
    <message>
        <source>fetch new mail now (--account NAME, --password-stdin)</source>
        <translation>立即收取新邮件（--account 名称，--password-stdin）</translation>
    </message>
    <message>
        <source>search the offline mail (QUERY)</source>
        <translation>搜索离线邮件（关键词）</translation>
    </message>
    <message>
        <source>write the stored mail to an mbox file (--mbox FILE, --account NAME)</source>
        <translation>将保存的邮件写入 mbox 文件（--mbox 文件，--account 名称）</translation>
    </message>
    <message>
        <source>add the messages of an mbox file (--mbox FILE --account NAME)</source>
        <translation>添加 mbox 文件中的邮件（--mbox 文件 --account 名称）</translation>
    </message>
    <message>
        <source>send a message (--account NAME --to A --subject S, the text on standard input; --cc, --bcc, --attach FILE, --in-reply-to ID)</source>
        <translation>发送邮件（--account NAME --to A --subject S，正文从标准输入读取；--cc、--bcc、--attach FILE、--in-reply-to ID）</translation>
    </message>
    <message>
        <source>list the messages waiting to be sent; send, retry ID, mark-sent ID or delete ID</source>
        <translation>列出等待发送的邮件；send、retry ID、mark-sent ID 或 delete ID</translation>
    </message>
    <message>
        <source>add, list or remove accounts, set their outgoing server, or trust a server&apos;s certificate (run &apos;poplar account&apos; for the options)</source>
        <translation>添加、列出或删除账户，设置账户的发件服务器，或信任服务器证书（运行“poplar account”查看选项）</translation>
    </message>
</context>
<context>
    <name>Poplar::App::MboxCommand</name>
    <message>
        <source>Usage: poplar export --mbox FILE [--account NAME]</source>
        <translation>用法：poplar export --mbox 文件 [--account 名称]</translation>
    </message>
    <message>
        <source>Exported %1 message(s) to %2.</source>
        <translation>已将 %1 封邮件导出到 %2。</translation>
    </message>
    <message>
        <source>Usage: poplar import --mbox FILE --account NAME</source>
        <translation>用法：poplar import --mbox 文件 --account 名称</translation>
    </message>
    <message>
        <source>Imported %1 message(s); %2 were already there.</source>
        <translation>已导入 %1 封邮件；%2 封已经存在。</translation>
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
</context>
<context>
    <name>Poplar::App::SearchCommand</name>
    <message>
        <source>Usage: poplar search QUERY [--account NAME]</source>
        <translation>用法：poplar search 关键词 [--account 名称]</translation>
    </message>
</context>
<context>
    <name>Poplar::App::SendCommand</name>
    <message>
        <source>%1: no password for the outgoing server (%2).</source>
        <translation>%1：没有发件服务器的密码（%2）。</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>状态不明</translation>
    </message>
    <message>
        <source>%1: the account has no outgoing server yet; its messages stay in the Outbox. Add one with: poplar account outgoing &quot;%1&quot; --smtp-host HOST</source>
        <translation>%1：该账户还没有发件服务器；其邮件会留在发件箱中。请用以下命令添加：poplar account outgoing &quot;%1&quot; --smtp-host HOST</translation>
    </message>
    <message>
        <source>%1: sending message #%2 (%3 of %4)…</source>
        <translation>%1：正在发送邮件 #%2（第 %3/%4 封）…</translation>
    </message>
    <message>
        <source>#%1 sent.</source>
        <translation>#%1 已发送。</translation>
    </message>
    <message>
        <source>#%1: %2 did not get it: %3</source>
        <translation>#%1：%2 没有收到这封邮件：%3</translation>
    </message>
    <message>
        <source>#%1 not sent (%2): %3</source>
        <translation>#%1 未发送（%2）：%3</translation>
    </message>
    <message>
        <source>%1: the outgoing server&apos;s certificate has the SHA-256 fingerprint %2 (%3). If you have checked it, trust it with: poplar account trust &quot;%1&quot; %2 --smtp</source>
        <translation>%1：发件服务器证书的 SHA-256 指纹是 %2（%3）。如果您已核实过，可以这样信任它：poplar account trust &quot;%1&quot; %2 --smtp</translation>
    </message>
    <message>
        <source>poplar send: &quot;%1&quot; is not an email address.</source>
        <translation>poplar send：“%1”不是电子邮件地址。</translation>
    </message>
    <message>
        <source>poplar send: give --account, --subject and at least one of --to, --cc, --bcc; the text comes on standard input.</source>
        <translation>poplar send：请指定 --account、--subject，以及 --to、--cc、--bcc 中的至少一个；正文从标准输入读取。</translation>
    </message>
    <message>
        <source>poplar send: cannot read %1: %2</source>
        <translation>poplar send：无法读取 %1：%2</translation>
    </message>
    <message>
        <source>poplar send: cannot read standard input.</source>
        <translation>poplar send：无法读取标准输入。</translation>
    </message>
    <message>
        <source>poplar send: the text on standard input is not UTF-8; nothing was sent.</source>
        <translation>poplar send：标准输入中的正文不是 UTF-8 编码；没有发送任何内容。</translation>
    </message>
    <message>
        <source>Message #%1 is in the Outbox.</source>
        <translation>邮件 #%1 已放入发件箱。</translation>
    </message>
    <message>
        <source>poplar outbox: no message #%1 in the Outbox.</source>
        <translation>poplar outbox：发件箱中没有邮件 #%1。</translation>
    </message>
    <message>
        <source>#%1 is queued again; send it with: poplar outbox send</source>
        <translation>#%1 已重新排入队列；可以这样发送：poplar outbox send</translation>
    </message>
    <message>
        <source>#%1 is marked as sent and moved to Sent.</source>
        <translation>#%1 已标记为已发送，并已移至“已发送”。</translation>
    </message>
    <message>
        <source>#%1 is deleted from the Outbox.</source>
        <translation>#%1 已从发件箱中删除。</translation>
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
        <translation>poplar sync：--password-stdin 需要同时指定 --account。</translation>
    </message>
    <message>
        <source>poplar sync: no account yet. Add one with: poplar account add</source>
        <translation>poplar sync：还没有账户。请用以下命令添加：poplar account add</translation>
    </message>
    <message>
        <source>%1: no password (%2). Give it with --account %1 --password-stdin.</source>
        <translation>%1：没有密码（%2）。请用 --account %1 --password-stdin 提供。</translation>
    </message>
    <message>
        <source>%1: %2/%3 messages, %4 of %5</source>
        <translation>%1：%2/%3 封邮件，%4 / %5</translation>
    </message>
    <message>
        <source>%1: %2 new, %3 deleted on the server.</source>
        <translation>%1：%2 封新邮件，服务器上删除了 %3 封。</translation>
    </message>
    <message>
        <source>%1: the server&apos;s certificate has the SHA-256 fingerprint %2 (%3). If you have checked that it is your mail server&apos;s, trust it with: poplar account trust &quot;%1&quot; %2</source>
        <translation>%1：服务器证书的 SHA-256 指纹是 %2（%3）。如果您已确认这是您的邮件服务器的证书，可以这样信任它：poplar account trust &quot;%1&quot; %2</translation>
    </message>
    <message>
        <source>not the certificate trusted before</source>
        <translation>不是之前信任的那个证书</translation>
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
        <translation>转发的邮件</translation>
    </message>
    <message>
        <source>%1 wrote:</source>
        <translation>%1 写道：</translation>
    </message>
    <message>
        <source>On %1, %2 wrote:</source>
        <translation>%2 于 %1 写道：</translation>
    </message>
    <message>
        <source>Forwarded Message</source>
        <translation>转发的邮件</translation>
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
</context>
<context>
    <name>Poplar::Mime::MailtoUrl</name>
    <message>
        <source>Left out addresses with a line break or a control character in them: %1</source>
        <translation>已略去含有换行符或控制字符的地址：%1</translation>
    </message>
    <message>
        <source>Line breaks and control characters in the subject were replaced by spaces.</source>
        <translation>主题中的换行符和控制字符已替换为空格。</translation>
    </message>
    <message>
        <source>The In-Reply-To field is not a message id and was left out.</source>
        <translation>In-Reply-To 字段不是邮件 ID，已略去。</translation>
    </message>
    <message>
        <source>Parts of the link are not valid UTF-8 text; they are shown as �.</source>
        <translation>链接中有部分内容不是有效的 UTF-8 文本，显示为 �。</translation>
    </message>
    <message>
        <source>The mailto: link is %1 KiB long; links longer than %2 KiB are refused.</source>
        <translation>该 mailto: 链接长 %1 KiB；超过 %2 KiB 的链接会被拒绝。</translation>
    </message>
    <message>
        <source>This is not a mailto: link.</source>
        <translation>这不是 mailto: 链接。</translation>
    </message>
</context>
<context>
    <name>Poplar::Mime::MessageFile</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is larger than 512 MB, too large to be an email message.</source>
        <translation>%1 大于 512 MB，不可能是一封电子邮件。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a message.</source>
        <translation>%1 是文件夹，不是邮件。</translation>
    </message>
</context>
<context>
    <name>Poplar::Mime::MessageParser</name>
    <message>
        <source>This message is empty.</source>
        <translation>这封邮件是空的。</translation>
    </message>
    <message>
        <source>The rest of this message is nested too deeply to be shown here. What it contains is listed with the attachments.</source>
        <translation>本邮件其余部分嵌套过深，无法在此显示。其中的内容已列在附件中。</translation>
    </message>
    <message>
        <source>The rest of this message has too many parts to be shown here. It is listed with the attachments.</source>
        <translation>本邮件其余部分包含的部件过多，无法在此显示。它已列在附件中。</translation>
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
    <message>
        <source>The profile %1 is in use by another Poplar.</source>
        <translation>配置 %1 正被另一个 Poplar 使用。</translation>
    </message>
</context>
<context>
    <name>Poplar::Send::OutboxSender</name>
    <message>
        <source>The connection ended after the message was handed over, before the server confirmed it: it may or may not have been sent. Poplar will not send it again by itself.</source>
        <translation>邮件已交给服务器，但在服务器确认之前连接就中断了：邮件可能已发出，也可能没有。Poplar 不会自动重新发送。</translation>
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
        <translation>收件人地址不存在。</translation>
    </message>
    <message>
        <source>The recipient&apos;s mail domain does not exist or takes no mail.</source>
        <translation>收件人的邮件域名不存在或不接收邮件。</translation>
    </message>
    <message>
        <source>The address is not written correctly.</source>
        <translation>地址格式不正确。</translation>
    </message>
    <message>
        <source>The server does not accept the sender&apos;s address.</source>
        <translation>服务器不接受发件人地址。</translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox is full.</source>
        <translation>收件人的邮箱已满。</translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox is disabled.</source>
        <translation>收件人的邮箱已停用。</translation>
    </message>
    <message>
        <source>The message is too large for the server.</source>
        <translation>邮件太大，服务器无法接受。</translation>
    </message>
    <message>
        <source>The server&apos;s mail system is full.</source>
        <translation>服务器的邮件系统已满。</translation>
    </message>
    <message>
        <source>The server could not reach the recipient&apos;s mail server.</source>
        <translation>服务器无法连接到收件人的邮件服务器。</translation>
    </message>
    <message>
        <source>The server cannot take the message&apos;s format or characters.</source>
        <translation>服务器无法接受这封邮件的格式或字符。</translation>
    </message>
    <message>
        <source>The server refuses to relay this message (the sender or recipient is not allowed for this account).</source>
        <translation>服务器拒绝转发这封邮件（此账户不允许使用该发件人或收件人）。</translation>
    </message>
    <message>
        <source>The server wants you to log in before sending.</source>
        <translation>服务器要求先登录再发送。</translation>
    </message>
    <message>
        <source>The user name or password was not accepted.</source>
        <translation>用户名或密码未被接受。</translation>
    </message>
    <message>
        <source>The server requires a stronger login method or encryption.</source>
        <translation>服务器要求更安全的登录方式或加密。</translation>
    </message>
    <message>
        <source>The server&apos;s security policy refused the message.</source>
        <translation>服务器的安全策略拒绝了这封邮件。</translation>
    </message>
    <message>
        <source>The outgoing mail server&apos;s name could not be found.</source>
        <translation>找不到发件服务器的名称。</translation>
    </message>
    <message>
        <source>The outgoing mail server refused the connection (wrong port or server down).</source>
        <translation>发件服务器拒绝了连接（端口错误或服务器未运行）。</translation>
    </message>
    <message>
        <source>The connection to the outgoing mail server was lost.</source>
        <translation>与发件服务器的连接已断开。</translation>
    </message>
    <message>
        <source>A network error stopped the connection to the outgoing mail server.</source>
        <translation>网络错误中断了与发件服务器的连接。</translation>
    </message>
    <message>
        <source>The outgoing mail server did not answer in time.</source>
        <translation>发件服务器没有及时响应。</translation>
    </message>
    <message>
        <source>Sending was cancelled.</source>
        <translation>已取消发送。</translation>
    </message>
    <message>
        <source>There is no open connection to the outgoing mail server.</source>
        <translation>当前没有与发件服务器的连接。</translation>
    </message>
    <message>
        <source>The outgoing mail server is not taking mail now.</source>
        <translation>发件服务器目前不接收邮件。</translation>
    </message>
    <message>
        <source>A secure (TLS) connection to the outgoing mail server could not be set up.</source>
        <translation>无法与发件服务器建立安全（TLS）连接。</translation>
    </message>
    <message>
        <source>The outgoing mail server&apos;s certificate is not trusted.</source>
        <translation>发件服务器的证书不受信任。</translation>
    </message>
    <message>
        <source>The outgoing mail server&apos;s certificate is not the one you accepted before. Someone may be intercepting the connection.</source>
        <translation>发件服务器的证书不是您之前接受的那一个。可能有人正在拦截连接。</translation>
    </message>
    <message>
        <source>The outgoing mail server does not offer STARTTLS, so Poplar did not log in (the password would travel unencrypted).</source>
        <translation>发件服务器不提供 STARTTLS，因此 Poplar 没有登录（否则密码将以明文传输）。</translation>
    </message>
    <message>
        <source>The outgoing mail server refused to start encryption (STARTTLS), so Poplar did not log in.</source>
        <translation>发件服务器拒绝启用加密（STARTTLS），因此 Poplar 没有登录。</translation>
    </message>
    <message>
        <source>The outgoing mail server offers no login method Poplar can use with this account&apos;s settings.</source>
        <translation>发件服务器没有提供 Poplar 按此账户的设置能够使用的登录方式。</translation>
    </message>
    <message>
        <source>The outgoing mail server did not accept the user name or password.</source>
        <translation>发件服务器不接受该用户名或密码。</translation>
    </message>
    <message>
        <source>The outgoing mail server wants you to log in before sending.</source>
        <translation>发件服务器要求先登录再发送。</translation>
    </message>
    <message>
        <source>The outgoing mail server requires an encrypted connection for this login.</source>
        <translation>发件服务器要求使用加密连接才能以这种方式登录。</translation>
    </message>
    <message>
        <source>The outgoing mail server refused the sender&apos;s address.</source>
        <translation>发件服务器拒绝了发件人地址。</translation>
    </message>
    <message>
        <source>The outgoing mail server refused every recipient.</source>
        <translation>发件服务器拒绝了所有收件人。</translation>
    </message>
    <message>
        <source>The outgoing mail server refused the message.</source>
        <translation>发件服务器拒绝了这封邮件。</translation>
    </message>
    <message>
        <source>The message is larger than the outgoing mail server accepts.</source>
        <translation>邮件超过了发件服务器可接受的大小。</translation>
    </message>
    <message>
        <source>An address contains non-ASCII characters before the @, and the outgoing mail server cannot take such addresses (it does not offer SMTPUTF8).</source>
        <translation>有地址在 @ 之前包含非 ASCII 字符，而发件服务器无法接受这样的地址（它不提供 SMTPUTF8）。</translation>
    </message>
    <message>
        <source>The message contains 8-bit data, and the outgoing mail server does not accept it (it does not offer 8BITMIME).</source>
        <translation>邮件包含 8 位数据，而发件服务器不接受这种数据（它不提供 8BITMIME）。</translation>
    </message>
    <message>
        <source>The outgoing mail server sent something Poplar does not understand.</source>
        <translation>发件服务器发送了 Poplar 无法理解的内容。</translation>
    </message>
    <message>
        <source>The outgoing mail server sent a line far longer than SMTP allows.</source>
        <translation>发件服务器发送的某一行远远超出 SMTP 允许的长度。</translation>
    </message>
    <message>
        <source>The outgoing mail server sent a reply far larger than SMTP allows.</source>
        <translation>发件服务器发送的回复远远超出 SMTP 允许的大小。</translation>
    </message>
    <message>
        <source>The server said: “%1 %2”</source>
        <translation>服务器回复：“%1 %2”</translation>
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
    <name>Poplar::Ui::AccountEditDialog</name>
    <message>
        <source>Account Settings: %1</source>
        <translation>账户设置：%1</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>您的姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Email address:</source>
        <translation>电子邮件地址(&amp;E)：</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>新密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Incoming Server</source>
        <translation>收件服务器</translation>
    </message>
    <message>
        <source>Downloading Mail</source>
        <translation>下载邮件</translation>
    </message>
    <message>
        <source>Outgoing Server</source>
        <translation>发件服务器</translation>
    </message>
    <message>
        <source>Sending Mail</source>
        <translation>发送邮件</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::AccountPolicyForm</name>
    <message>
        <source>Keep mail on the server</source>
        <translation>在服务器上保留邮件</translation>
    </message>
    <message>
        <source>Delete from the server after some days</source>
        <translation>若干天后从服务器删除</translation>
    </message>
    <message>
        <source>Delete from the server when I delete it in Poplar</source>
        <translation>在 Poplar 中删除时从服务器删除</translation>
    </message>
    <message>
        <source>Delete from the server once downloaded</source>
        <translation>下载后立即从服务器删除</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Download only the headers of messages larger than</source>
        <translation>大于此大小的邮件只下载邮件头：</translation>
    </message>
    <message>
        <source> KB</source>
        <translation> KB</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Only when I ask</source>
        <translation>仅在我要求时</translation>
    </message>
    <message>
        <source>Their text and attachments are fetched when you open them.</source>
        <translation>打开邮件时才会下载其正文和附件。</translation>
    </message>
    <message>
        <source>&amp;After download:</source>
        <translation>下载之后(&amp;A)：</translation>
    </message>
    <message>
        <source>Delete &amp;after:</source>
        <translation>多久后删除(&amp;A)：</translation>
    </message>
    <message>
        <source>Large messages:</source>
        <translation>大邮件：</translation>
    </message>
    <message>
        <source>Check for &amp;new mail every:</source>
        <translation>检查新邮件的间隔(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::AccountRemoveDialog</name>
    <message>
        <source>&amp;Keep its mail on this computer (still shown under All Accounts and in search)</source>
        <translation>在这台电脑上保留其邮件（仍显示在“所有账户”和搜索结果中）(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Delete its mail from this computer</source>
        <translation>从这台电脑上删除其邮件(&amp;D)</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>删除账户</translation>
    </message>
    <message>
        <source>Remove the account %1 from Poplar? Its settings and saved password are removed. Mail on the server is not touched.</source>
        <translation>要从 Poplar 中删除账户 %1 吗？其设置和保存的密码将被删除。服务器上的邮件不受影响。</translation>
    </message>
    <message>
        <source>&amp;Remove Account</source>
        <translation>删除账户(&amp;R)</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::AccountServerForm</name>
    <message>
        <source>&amp;Test Connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>pop.example.com</source>
        <translation>pop.example.com</translation>
    </message>
    <message>
        <source>TLS (recommended)</source>
        <translation>TLS（推荐）</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>None (unencrypted)</source>
        <translation>无（不加密）</translation>
    </message>
    <message>
        <source>Automatic (the strongest offered)</source>
        <translation>自动（使用服务器提供的最安全方式）</translation>
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
        <translation>不加密时，您的密码和邮件在网络上传输，途中任何人都能读取。请只在您能掌控的网络中使用。</translation>
    </message>
    <message>
        <source>I understand: connect without encryption</source>
        <translation>我明白：不加密连接</translation>
    </message>
    <message>
        <source>POP3 &amp;server:</source>
        <translation>POP3 服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>Se&amp;curity:</source>
        <translation>安全(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>身份验证(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Enter the name of the POP3 server.</source>
        <translation>请输入 POP3 服务器的名称。</translation>
    </message>
    <message>
        <source>The server name is not valid.</source>
        <translation>服务器名称无效。</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Confirm that you want to connect without encryption.</source>
        <translation>请确认您要在不加密的情况下连接。</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
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
        <translation>%1，端口 %2，%3</translation>
    </message>
    <message>
        <source>Your Mail Account</source>
        <translation>您的邮件账户</translation>
    </message>
    <message>
        <source>Enter your email address and password. Poplar looks up the server settings for you.</source>
        <translation>输入您的电子邮件地址和密码。Poplar 会为您查找服务器设置。</translation>
    </message>
    <message>
        <source>Shown as the account&apos;s name</source>
        <translation>显示为账户名称</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>you@example.com</translation>
    </message>
    <message>
        <source>The password is kept in your system&apos;s keychain, never in Poplar&apos;s files. Some providers want an app password or authorization code here instead of the password of their website.</source>
        <translation>密码保存在系统的钥匙串中，绝不会写入 Poplar 的文件。有些服务商要求在此处填写应用专用密码或授权码，而不是网站登录密码。</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>您的姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Email address:</source>
        <translation>电子邮件地址(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Finding the Server Settings</source>
        <translation>查找服务器设置</translation>
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
        <translation>正在查找 %1 的设置…</translation>
    </message>
    <message>
        <source>Not used</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>Done looking for %1.</source>
        <translation>已完成对 %1 的查找。</translation>
    </message>
    <message>
        <source>Poplar could not find the settings for this address. Enter them on the next page; your provider&apos;s help pages list them.</source>
        <translation>Poplar 未能找到此地址的设置。请在下一页输入；您的服务商的帮助页面中列有这些设置。</translation>
    </message>
    <message>
        <source>Found by %1: %2</source>
        <translation>由 %1 找到：%2</translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation>服务商：%1</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified; the connection test will show it.</source>
        <translation>无法验证服务器的证书；连接测试会显示该证书。</translation>
    </message>
    <message>
        <source>Check the settings Poplar found, and test them.</source>
        <translation>检查 Poplar 找到的设置，并进行测试。</translation>
    </message>
    <message>
        <source>Downloading Mail</source>
        <translation>下载邮件</translation>
    </message>
    <message>
        <source>Choose what happens to your mail on the server once Poplar has it, and how often Poplar looks for new mail.</source>
        <translation>选择 Poplar 收取邮件后服务器上的邮件如何处理，以及 Poplar 多久检查一次新邮件。</translation>
    </message>
    <message>
        <source>Add Account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>Outgoing: %1</source>
        <translation>发件：%1</translation>
    </message>
    <message>
        <source>Outgoing server found by %1: %2</source>
        <translation>由 %1 找到发件服务器：%2</translation>
    </message>
    <message>
        <source>No outgoing server was found: to send mail, enter it on the next page.</source>
        <translation>未找到发件服务器：如需发送邮件，请在下一页输入。</translation>
    </message>
    <message>
        <source>Mail Servers</source>
        <translation>邮件服务器</translation>
    </message>
    <message>
        <source>Incoming Mail (POP3)</source>
        <translation>收件 (POP3)</translation>
    </message>
    <message>
        <source>Outgoing Mail (SMTP)</source>
        <translation>发件 (SMTP)</translation>
    </message>
    <message>
        <source>Enter the settings of your provider&apos;s servers, and test them.</source>
        <translation>输入您的服务商的服务器设置，并进行测试。</translation>
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
    <name>Poplar::Ui::CertificateDialog</name>
    <message>
        <source>Server Certificate</source>
        <translation>服务器证书</translation>
    </message>
    <message>
        <source>The certificate of %1 for the account %2 is not the one you trusted before. Someone may be listening in. Trust the new one only if your provider told you it changed.</source>
        <translation>账户 %2 的服务器 %1 的证书不是您先前信任的那一个。可能有人在窃听。只有在服务商告知证书已更换时才信任新证书。</translation>
    </message>
    <message>
        <source>Poplar cannot confirm that %1 is the mail server of the account %2: its certificate is not trusted. Trust it only if you know this certificate is right (for example, your own server).</source>
        <translation>Poplar 无法确认 %1 是账户 %2 的邮件服务器：它的证书不受信任。只有在您确知此证书无误时（例如您自己的服务器）才信任它。</translation>
    </message>
    <message>
        <source>The certificate differs from the one trusted for this account.</source>
        <translation>此证书与此账户先前信任的证书不同。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>颁发给：</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>颁发者：</translation>
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
        <translation>SHA-256 指纹：</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <source>&amp;Trust this certificate for this account</source>
        <translation>为此账户信任此证书(&amp;T)</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::ComposeActions</name>
    <message>
        <source>&amp;New Message</source>
        <translation>新建邮件(&amp;N)</translation>
    </message>
    <message>
        <source>Write a new message</source>
        <translation>撰写一封新邮件</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>回复(&amp;R)</translation>
    </message>
    <message>
        <source>Answer the sender of the message</source>
        <translation>回复这封邮件的发件人</translation>
    </message>
    <message>
        <source>Reply &amp;All</source>
        <translation>全部回复(&amp;A)</translation>
    </message>
    <message>
        <source>Answer the sender and everyone the message went to</source>
        <translation>回复发件人和这封邮件的所有收件人</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>转发(&amp;F)</translation>
    </message>
    <message>
        <source>Send the message on to someone else, with its attachments</source>
        <translation>将这封邮件连同附件转发给其他人</translation>
    </message>
    <message>
        <source>Forward as A&amp;ttachment</source>
        <translation>作为附件转发(&amp;T)</translation>
    </message>
    <message>
        <source>Send the message on, unchanged, as an attachment</source>
        <translation>将这封邮件原样作为附件转发</translation>
    </message>
    <message>
        <source>&amp;Edit As New…</source>
        <translation>作为新邮件编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Start a new message with this one&apos;s recipients, text and attachments</source>
        <translation>用这封邮件的收件人、正文和附件开始写一封新邮件</translation>
    </message>
    <message>
        <source>The draft cannot be read: %1</source>
        <translation>无法读取草稿：%1</translation>
    </message>
    <message>
        <source>Mail Link</source>
        <translation>邮件链接</translation>
    </message>
    <message>
        <source>The message cannot be read: %1</source>
        <translation>无法读取这封邮件：%1</translation>
    </message>
    <message>
        <source>Compose</source>
        <translation>撰写</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::ComposerWindow</name>
    <message>
        <source>&amp;From:</source>
        <translation>发件人(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>收件人(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation>抄送(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Bcc:</source>
        <translation>密送(&amp;B)：</translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation>主题(&amp;U)：</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>邮件正文</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Add an account before sending mail.</source>
        <translation>请先添加账户再发送邮件。</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>Put the message into the Outbox and send it now</source>
        <translation>将邮件放入发件箱并立即发送</translation>
    </message>
    <message>
        <source>Send &amp;Later</source>
        <translation>稍后发送(&amp;L)</translation>
    </message>
    <message>
        <source>Put the message into the Outbox; it is sent with the unsent messages, when the connection is back</source>
        <translation>将邮件放入发件箱；连接恢复后随其他未发送的邮件一起发送</translation>
    </message>
    <message>
        <source>Save &amp;Draft</source>
        <translation>保存草稿(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Attach Files…</source>
        <translation>添加附件(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove Attachment</source>
        <translation>移除附件(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>邮件(&amp;M)</translation>
    </message>
    <message>
        <source>Composer Toolbar</source>
        <translation>撰写工具栏</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>New Message</source>
        <translation>新邮件</translation>
    </message>
    <message>
        <source>%1 — Compose</source>
        <translation>%1 — 撰写</translation>
    </message>
    <message>
        <source>%1 is a folder; attach the files in it instead.</source>
        <translation>%1 是文件夹；请改为附加其中的文件。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s), %1</source>
        <translation>
            <numerusform>%n 个附件，%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Add at least one recipient.</source>
        <translation>请至少添加一位收件人。</translation>
    </message>
    <message>
        <source>These are not email addresses: %1</source>
        <translation>以下不是电子邮件地址：%1</translation>
    </message>
    <message>
        <source>Send this message without a subject?</source>
        <translation>发送这封没有主题的邮件吗？</translation>
    </message>
    <message>
        <source>With its attachments the message is about %1. Many mail servers refuse messages larger than %2. Send it anyway?</source>
        <translation>加上附件，这封邮件约为 %1。许多邮件服务器会拒收大于 %2 的邮件。仍然发送吗？</translation>
    </message>
    <message>
        <source>Putting the message into the Outbox…</source>
        <translation>正在将邮件放入发件箱…</translation>
    </message>
    <message>
        <source>The message could not be put into the Outbox: %1</source>
        <translation>无法将邮件放入发件箱：%1</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>无法保存草稿：%1</translation>
    </message>
    <message>
        <source>Draft saved at %1</source>
        <translation>草稿已于 %1 保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Save this message as a draft before closing?</source>
        <translation>关闭前将这封邮件保存为草稿吗？</translation>
    </message>
    <message>
        <source>&amp;Fixed-Width Font</source>
        <translation>等宽字体(&amp;F)</translation>
    </message>
    <message>
        <source>Show the text in a font whose letters are all as wide, as many readers show plain text</source>
        <translation>用字符等宽的字体显示正文，很多阅读器就是这样显示纯文本的</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
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
    <message>
        <source>Drafts</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>发件箱</translation>
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
    <name>Poplar::Ui::MailServices</name>
    <message>
        <source>Password for %1</source>
        <translation>%1 的密码</translation>
    </message>
    <message>
        <source>Poplar has no saved password for %1 (%2).
Password:</source>
        <translation>Poplar 没有保存 %1 的密码（%2）。
密码：</translation>
    </message>
    <message>
        <source>Server Certificate</source>
        <translation>服务器证书</translation>
    </message>
    <message>
        <source>Add Account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>The system keychain cannot be used (%1), so Poplar keeps the password only until it quits and will ask for it next time.</source>
        <translation>无法使用系统钥匙串（%1），因此 Poplar 只在退出前保留密码，下次会再询问。</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>删除账户</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Poplar cannot send the mail of %1: it has no password for the outgoing server (%2). Enter it in Account Settings.</source>
        <translation>Poplar 无法发送 %1 的邮件：没有发件服务器的密码（%2）。请在账户设置中输入。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Not Every Recipient Got It</source>
        <translation>并非所有收件人都收到了</translation>
    </message>
    <message>
        <source>The message was sent, but the server refused these recipients:
%1</source>
        <translation>邮件已发送，但服务器拒绝了以下收件人：
%1</translation>
    </message>
    <message>
        <source>Message Not Sent</source>
        <translation>邮件未发送</translation>
    </message>
    <message>
        <source>The server refused the message; it stays in the Outbox.
%1</source>
        <translation>服务器拒收了这封邮件；它仍在发件箱中。
%1</translation>
    </message>
    <message>
        <source>Message Perhaps Not Sent</source>
        <translation>邮件可能未发送</translation>
    </message>
    <message>
        <source>The connection ended after the message went out and before the server confirmed it, so it may or may not have been sent. Poplar will not send it again by itself; it stays in the Outbox.
%1</source>
        <translation>邮件发出后、服务器确认之前连接就断开了，因此它可能已发送，也可能没有。Poplar 不会自行再次发送；它仍在发件箱中。
%1</translation>
    </message>
    <message>
        <source>%1 has mail waiting in the Outbox, but no outgoing server yet. Set one up now?</source>
        <translation>%1 有邮件在发件箱中等待发送，但还没有发件服务器。现在设置吗？</translation>
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
    <message>
        <source>Add &amp;Account…</source>
        <translation>添加账户(&amp;A)…</translation>
    </message>
    <message>
        <source>Account S&amp;ettings…</source>
        <translation>账户设置(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove Account…</source>
        <translation>删除账户(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Notify on New Mail</source>
        <translation>新邮件通知(&amp;N)</translation>
    </message>
    <message>
        <source>Show a message in the system tray when a sync brings new mail</source>
        <translation>同步收到新邮件时在系统托盘中显示通知</translation>
    </message>
    <message>
        <source>Group by &amp;Thread</source>
        <translation>按会话分组(&amp;T)</translation>
    </message>
    <message>
        <source>Show the messages of a conversation together, the newest conversation first</source>
        <translation>将同一会话的邮件放在一起显示，最新的会话在前</translation>
    </message>
    <message>
        <source>Sending message %1 of %2…</source>
        <translation>正在发送第 %1 封邮件，共 %2 封…</translation>
    </message>
    <message>
        <source>Message sent.</source>
        <translation>邮件已发送。</translation>
    </message>
    <message>
        <source>Not sent yet: %1 Poplar tries again later.</source>
        <translation>尚未发送：%1 Poplar 稍后会重试。</translation>
    </message>
    <message>
        <source>A message was not sent; it waits in the Outbox.</source>
        <translation>有一封邮件未发送；它在发件箱中等待。</translation>
    </message>
    <message>
        <source>Send U&amp;nsent Messages</source>
        <translation>发送未发送的邮件(&amp;N)</translation>
    </message>
    <message>
        <source>Send every message waiting in the Outbox now</source>
        <translation>立即发送发件箱中所有等待的邮件</translation>
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
    <message>
        <source>The search could not run. %1</source>
        <translation>无法执行搜索。%1</translation>
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
    <name>Poplar::Ui::MessageWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
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
        <translation>Poplar – 没有未读邮件</translation>
    </message>
    <message>
        <source>Poplar – 1 unread message</source>
        <translation>Poplar – 1 封未读邮件</translation>
    </message>
    <message numerus="yes">
        <source>Poplar – %n unread messages</source>
        <translation>
            <numerusform>Poplar – %n 封未读邮件</numerusform>
        </translation>
    </message>
    <message>
        <source>1 new message</source>
        <translation>1 封新邮件</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages</source>
        <translation>
            <numerusform>%n 封新邮件</numerusform>
        </translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
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
        <translation>正在发送</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Perhaps sent</source>
        <translation>可能已发送</translation>
    </message>
    <message>
        <source>Not sent yet: %1 Poplar tries again at %2.</source>
        <translation>尚未发送：%1 Poplar 将在 %2 重试。</translation>
    </message>
    <message>
        <source>Waits to be sent with the next Send or mail check.</source>
        <translation>等待下次发送或检查邮件时发送。</translation>
    </message>
    <message>
        <source>Being sent now.</source>
        <translation>正在发送。</translation>
    </message>
    <message>
        <source>The server refused it: %1 Correct the message or the account&apos;s outgoing server, then send it again.</source>
        <translation>服务器拒收：%1 请更正邮件或账户的发件服务器，然后重新发送。</translation>
    </message>
    <message>
        <source>It may or may not have been sent: %1 Ask a recipient whether it arrived, then send it again or mark it as sent.</source>
        <translation>它可能已发送，也可能没有：%1 请询问收件人是否收到，然后重新发送或标记为已发送。</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>加入时间</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::OutboxView</name>
    <message>
        <source>Send &amp;Again</source>
        <translation>重新发送(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Mark as Sent</source>
        <translation>标记为已发送(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>发件箱</translation>
    </message>
    <message>
        <source>Move the message back to Drafts and open it, to correct it</source>
        <translation>将邮件移回草稿并打开，以便更正</translation>
    </message>
    <message>
        <source>Nothing waits to be sent.</source>
        <translation>没有等待发送的邮件。</translation>
    </message>
    <message>
        <source>Select a message to see where it stands.</source>
        <translation>选择一封邮件以查看其状态。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete this message from the Outbox without sending it?</source>
        <translation>从发件箱中删除这封邮件而不发送吗？</translation>
    </message>
    <message>
        <source>The message could not be moved to Drafts: %1</source>
        <translation>无法将邮件移到草稿：%1</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::OutgoingServerForm</name>
    <message>
        <source>SMTP ser&amp;ver:</source>
        <translation>SMTP 服务器(&amp;V)：</translation>
    </message>
    <message>
        <source>smtp.example.com</source>
        <translation>smtp.example.com</translation>
    </message>
    <message>
        <source>Po&amp;rt:</source>
        <translation>端口(&amp;R)：</translation>
    </message>
    <message>
        <source>S&amp;ecurity:</source>
        <translation>安全(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Login method:</source>
        <translation>登录方式(&amp;L)：</translation>
    </message>
    <message>
        <source>User na&amp;me:</source>
        <translation>用户名(&amp;M)：</translation>
    </message>
    <message>
        <source>Use the same password as for &amp;incoming mail</source>
        <translation>使用与收件相同的密码(&amp;I)</translation>
    </message>
    <message>
        <source>Automatic (the strongest offered)</source>
        <translation>自动（使用服务器提供的最安全方式）</translation>
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
        <translation>不登录</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>Outgoing server: %1</source>
        <translation>发件服务器：%1</translation>
    </message>
    <message>
        <source>Enter the user name for the outgoing server.</source>
        <translation>请输入发件服务器的用户名。</translation>
    </message>
    <message>
        <source>Enter the password for the outgoing server, or use the same password as for incoming mail.</source>
        <translation>请输入发件服务器的密码，或使用与收件相同的密码。</translation>
    </message>
</context>
<context>
    <name>Poplar::Ui::SenderForm</name>
    <message>
        <source>In replies, put the signature &amp;above the quoted text</source>
        <translation>回复时将签名放在引用内容上方(&amp;A)</translation>
    </message>
    <message>
        <source>e.g. 李明 (Li Ming)</source>
        <translation>例如 李明 (Li Ming)</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Added below what you write, after a &quot;-- &quot; line</source>
        <translation>添加在您所写内容的下方，位于“-- ”一行之后</translation>
    </message>
    <message>
        <source>Name in &amp;sent mail:</source>
        <translation>发件人姓名(&amp;S)：</translation>
    </message>
    <message>
        <source>S&amp;ignature:</source>
        <translation>签名(&amp;I)：</translation>
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
    <name>Poplar::Ui::TrayIcon</name>
    <message>
        <source>Show Poplar</source>
        <translation>显示 Poplar</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
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
