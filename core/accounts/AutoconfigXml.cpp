#include "accounts/AutoconfigXml.h"

#include <QCoreApplication>
#include <QXmlStreamReader>

namespace Poplar::Accounts {

namespace {

QString substitute(QString value, const QString &address)
{
    const qsizetype at = address.lastIndexOf(u'@');
    const QString local = at < 0 ? address : address.left(at);
    const QString domain = at < 0 ? QString() : address.mid(at + 1);
    value.replace(QLatin1StringView("%EMAILADDRESS%"), address);
    value.replace(QLatin1StringView("%EMAILLOCALPART%"), local);
    value.replace(QLatin1StringView("%EMAILDOMAIN%"), domain);
    return value.trimmed();
}

// The best authentication Poplar can do among those listed, or nullopt when none fits.
std::optional<Authentication> pickAuthentication(const QStringList &methods)
{
    if (methods.isEmpty())
        return Authentication::Auto;
    for (const QString &m : methods) {
        const QString method = m.trimmed().toLower();
        if (method == u"password-cleartext" || method == u"plain")
            return Authentication::Auto;
        if (method == u"password-encrypted" || method == u"secure")
            return Authentication::CramMd5;
    }
    return std::nullopt;
}

// Likewise for the outgoing server. "none" (and Thunderbird's "client-IP-address") means no
// login at all; OAuth2, GSSAPI, NTLM and the like Poplar cannot do.
std::optional<OutgoingAuthentication> pickOutgoingAuthentication(const QStringList &methods)
{
    if (methods.isEmpty())
        return OutgoingAuthentication::Auto;
    for (const QString &m : methods) {
        const QString method = m.trimmed().toLower();
        if (method == u"password-cleartext" || method == u"plain")
            return OutgoingAuthentication::Auto;
        if (method == u"password-encrypted" || method == u"secure")
            return OutgoingAuthentication::CramMd5;
        if (method == u"none" || method == u"client-ip-address")
            return OutgoingAuthentication::None;
    }
    return std::nullopt;
}

struct RawServer
{
    bool outgoing = false;
    QString hostname;
    QString port;
    QString socketType;
    QString username;
    QStringList authentication;
};

// The server part shared by both directions: host, port, security, user name. False when the
// entry is unusable (no plausible host, an impossible port, an unknown socket type).
template<typename Candidate>
bool readServer(const RawServer &r, const QString &address, Candidate *c)
{
    c->host = substitute(r.hostname, address).toLower();
    if (!AccountSettings::isPlausibleHostName(c->host) || c->host.contains(u'%'))
        return false;
    bool ok = false;
    c->port = r.port.trimmed().toInt(&ok);
    if (!ok || c->port < 1 || c->port > 65535)
        return false;
    const QString socketType = r.socketType.trimmed().toUpper();
    if (socketType == u"SSL" || socketType == u"TLS")
        c->security = Security::Tls;
    else if (socketType == u"STARTTLS")
        c->security = Security::StartTls;
    else if (socketType == u"PLAIN")
        c->security = Security::None;
    else
        return false;
    c->username = r.username.isEmpty() ? address : substitute(r.username, address);
    c->source = AutoconfigSource::Autoconfig;
    return true;
}

} // namespace

AutoconfigXml::Result AutoconfigXml::parse(const QByteArray &xml, const QString &emailAddress)
{
    Result result;
    if (xml.size() > MaxDocumentSize) {
        result.error = QCoreApplication::translate("Poplar::Accounts::AutoconfigXml",
                                                   "The autoconfig file is too large.");
        return result;
    }
    QXmlStreamReader reader(xml);
    QList<RawServer> raw;
    int incomingCount = 0;
    int outgoingCount = 0;
    bool sawClientConfig = false;
    bool inProvider = false;
    std::optional<RawServer> current;
    int depth = 0;
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (token == QXmlStreamReader::DTD || token == QXmlStreamReader::EntityReference) {
            // Autoconfig files have no business with DTDs or entities; refuse expansion games.
            result.error = QCoreApplication::translate(
                "Poplar::Accounts::AutoconfigXml",
                "The autoconfig file uses XML features Poplar does not accept.");
            return result;
        }
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            if (depth > 32) {
                result.error = QCoreApplication::translate(
                    "Poplar::Accounts::AutoconfigXml", "The autoconfig file is nested too deeply.");
                return result;
            }
            const QStringView name = reader.name();
            if (depth == 1) {
                if (name != u"clientConfig") {
                    result.error = QCoreApplication::translate("Poplar::Accounts::AutoconfigXml",
                                                               "This is not an autoconfig file.");
                    return result;
                }
                sawClientConfig = true;
            } else if (depth == 2 && name == u"emailProvider") {
                inProvider = true;
            } else if (inProvider && depth == 3 && name == u"displayName") {
                const QString text =
                    reader.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
                --depth;
                if (result.providerName.isEmpty())
                    result.providerName = text.left(200);
            } else if (inProvider && depth == 3 && name == u"incomingServer") {
                if (reader.attributes()
                        .value(QLatin1StringView("type"))
                        .compare(u"pop3", Qt::CaseInsensitive) == 0)
                    current = RawServer();
            } else if (inProvider && depth == 3 && name == u"outgoingServer") {
                if (reader.attributes()
                        .value(QLatin1StringView("type"))
                        .compare(u"smtp", Qt::CaseInsensitive) == 0) {
                    current = RawServer();
                    current->outgoing = true;
                }
            } else if (current && depth == 4) {
                const QString text =
                    reader.readElementText(QXmlStreamReader::SkipChildElements).left(1024);
                --depth;
                if (reader.hasError())
                    break;
                if (name == u"hostname")
                    current->hostname = text;
                else if (name == u"port")
                    current->port = text;
                else if (name == u"socketType")
                    current->socketType = text;
                else if (name == u"username")
                    current->username = text;
                else if (name == u"authentication")
                    current->authentication << text;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (depth == 3 && current &&
                reader.name() == (current->outgoing ? u"outgoingServer" : u"incomingServer")) {
                int &count = current->outgoing ? outgoingCount : incomingCount;
                if (count < MaxServers) {
                    raw << *current;
                    ++count;
                }
                current.reset();
            } else if (depth == 2 && reader.name() == u"emailProvider") {
                inProvider = false;
            }
            --depth;
        }
    }
    if (reader.hasError()) {
        result.error =
            QCoreApplication::translate("Poplar::Accounts::AutoconfigXml",
                                        "The autoconfig file is not well-formed XML (line %1: %2).")
                .arg(reader.lineNumber())
                .arg(reader.errorString());
        return result;
    }
    if (!sawClientConfig) {
        result.error = QCoreApplication::translate("Poplar::Accounts::AutoconfigXml",
                                                   "This is not an autoconfig file.");
        return result;
    }

    const QString address = emailAddress.trimmed();
    for (const RawServer &r : std::as_const(raw)) {
        if (r.outgoing) {
            OutgoingCandidate c;
            if (!readServer(r, address, &c))
                continue;
            const std::optional<OutgoingAuthentication> auth =
                pickOutgoingAuthentication(r.authentication);
            if (!auth)
                continue;
            c.authentication = *auth;
            c.providerName = result.providerName;
            result.outgoing << c;
            continue;
        }
        ServerCandidate c;
        if (!readServer(r, address, &c))
            continue;
        const std::optional<Authentication> auth = pickAuthentication(r.authentication);
        if (!auth)
            continue;
        c.authentication = *auth;
        c.providerName = result.providerName;
        result.servers << c;
    }
    return result;
}

} // namespace Poplar::Accounts
