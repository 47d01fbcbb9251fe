#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace Poplar::Accounts {

struct DnsRecord
{
    QString target;   // SRV target or MX exchange, without the trailing dot
    int port = 0;     // SRV only
    int priority = 0; // SRV priority, MX preference: lower is preferred
    int weight = 0;   // SRV only
};

// Looks up SRV and MX records. The system one uses QDnsLookup; tests inject their own answers.
// Answers arrive later through the callback, which is dropped if context is gone by then.
class DnsResolver : public QObject
{
    Q_OBJECT

public:
    enum class Type
    {
        Srv,
        Mx
    };
    enum class Status
    {
        Ok,       // records found
        NotFound, // the name or the records do not exist
        Failed    // the lookup failed (no network, server failure, timeout)
    };
    using Callback = std::function<void(Status status, const QList<DnsRecord> &records)>;

    using QObject::QObject;
    ~DnsResolver() override;

    virtual void lookup(Type type, const QString &name, QObject *context, Callback callback) = 0;
};

// DNS through the system's resolver (QDnsLookup), or through one given name server.
class SystemDnsResolver : public DnsResolver
{
    Q_OBJECT

public:
    using DnsResolver::DnsResolver;
    // Ask this server (port 53) instead of the system's; a null address means the system's.
    void setNameserver(const QHostAddress &nameserver) { m_nameserver = nameserver; }
    void lookup(Type type, const QString &name, QObject *context, Callback callback) override;

private:
    QHostAddress m_nameserver;
};

} // namespace Poplar::Accounts
