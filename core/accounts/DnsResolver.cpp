#include "accounts/DnsResolver.h"

#include "Logging.h"

#include <QDnsLookup>

namespace Poplar::Accounts {

DnsResolver::~DnsResolver() = default;

namespace {

QString withoutTrailingDot(QString name)
{
    while (name.endsWith(u'.'))
        name.chop(1);
    return name;
}

} // namespace

void SystemDnsResolver::lookup(Type type, const QString &name, QObject *context, Callback callback)
{
    auto *dns = new QDnsLookup(type == Type::Srv ? QDnsLookup::SRV : QDnsLookup::MX, name, this);
    if (!m_nameserver.isNull())
        dns->setNameserver(m_nameserver);
    QPointer<QObject> guard(context);
    connect(dns, &QDnsLookup::finished, this, [dns, type, guard, callback] {
        dns->deleteLater();
        if (!guard)
            return;
        QList<DnsRecord> records;
        Status status = Status::Ok;
        switch (dns->error()) {
        case QDnsLookup::NoError:
            break;
        case QDnsLookup::NotFoundError:
        // Qt 6.4 reports a name without records of the type (NODATA, the usual answer for
        // _pop3s._tcp) as an invalid reply.
        case QDnsLookup::InvalidReplyError:
            status = Status::NotFound;
            break;
        default:
            qCDebug(lcAccounts) << "DNS lookup of" << dns->name() << "failed:" << dns->error()
                                << dns->errorString();
            status = Status::Failed;
            break;
        }
        if (status == Status::Ok) {
            if (type == Type::Srv) {
                const QList<QDnsServiceRecord> srv = dns->serviceRecords();
                for (const QDnsServiceRecord &r : srv) {
                    records << DnsRecord{withoutTrailingDot(r.target()), r.port(), r.priority(),
                                         r.weight()};
                }
            } else {
                const QList<QDnsMailExchangeRecord> mx = dns->mailExchangeRecords();
                for (const QDnsMailExchangeRecord &r : mx)
                    records << DnsRecord{withoutTrailingDot(r.exchange()), 0, r.preference(), 0};
            }
            if (records.isEmpty())
                status = Status::NotFound;
        }
        callback(status, records);
    });
    dns->lookup();
}

} // namespace Poplar::Accounts
