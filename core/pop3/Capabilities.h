#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QList>

#include <optional>

namespace Poplar::Pop3 {

// The server's answer to CAPA (RFC 2449), parsed once. Unknown capabilities are kept by
// name so nothing the server said is lost.
class Capabilities
{
public:
    // Each line of the CAPA listing, without CRLF.
    static Capabilities parse(const QByteArrayList &lines);

    bool isKnown() const { return m_known; } // false: the server did not answer CAPA
    bool has(const QByteArray &name) const;  // case-insensitive
    QByteArrayList arguments(const QByteArray &name) const;

    bool top() const { return has("TOP"); }
    bool uidl() const { return has("UIDL"); }
    bool user() const { return has("USER"); }
    bool pipelining() const { return has("PIPELINING"); }
    bool respCodes() const { return has("RESP-CODES"); }
    bool authRespCode() const { return has("AUTH-RESP-CODE"); }
    bool stls() const { return has("STLS"); }
    QByteArrayList saslMechanisms() const; // upper case
    // EXPIRE: days messages stay on the server; nullopt when not announced or "NEVER".
    std::optional<int> expireDays() const;
    bool expireNever() const;
    // LOGIN-DELAY: minimum seconds between logins.
    std::optional<int> loginDelaySeconds() const;
    QByteArray implementation() const;

    QByteArrayList names() const;

private:
    struct Entry
    {
        QByteArray name; // upper case
        QByteArrayList arguments;
    };
    const Entry *find(const QByteArray &name) const;
    QList<Entry> m_entries;
    bool m_known = false;
};

} // namespace Poplar::Pop3
