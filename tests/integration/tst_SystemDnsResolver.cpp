// SystemDnsResolver (QDnsLookup) against a tiny DNS server on a loopback address, so SRV and
// MX answers, NXDOMAIN and SERVFAIL are checked without the internet. QDnsLookup in Qt 6.4
// always asks port 53, so the server binds port 53 on a random 127.x.y.z address; where that
// is not allowed (not root) the test is skipped.
#include "accounts/DnsResolver.h"

#include <QHash>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

using namespace Poplar::Accounts;

namespace {

constexpr quint16 TypeMx = 15;
constexpr quint16 TypeSrv = 33;

void put16(QByteArray &out, quint16 v)
{
    out.append(char(v >> 8)).append(char(v & 0xff));
}

QByteArray encodeName(const QByteArray &name)
{
    QByteArray out;
    for (const QByteArray &label : name.split('.')) {
        if (label.isEmpty())
            continue;
        out.append(char(label.size())).append(label);
    }
    out.append('\0');
    return out;
}

class TinyDnsServer : public QObject
{
    Q_OBJECT

public:
    struct Record
    {
        quint16 type;
        QByteArray rdata;
    };
    QHash<QByteArray, QList<Record>> records; // lower-case name without trailing dot
    QHash<QByteArray, int> rcodes;            // name -> rcode (3 NXDOMAIN, 2 SERVFAIL)
    QHostAddress address;

    bool start()
    {
        // A random address in 127/8 so parallel runs do not collide on port 53.
        const quint32 a = 0x7f000000u | (QRandomGenerator::global()->bounded(1u, 0xfffeu) << 8) |
                          QRandomGenerator::global()->bounded(1u, 0xfeu);
        address = QHostAddress(a);
        if (!m_socket.bind(address, 53))
            return false;
        connect(&m_socket, &QUdpSocket::readyRead, this, &TinyDnsServer::answer);
        return true;
    }

    static QByteArray srv(quint16 priority, quint16 weight, quint16 port, const QByteArray &target)
    {
        QByteArray r;
        put16(r, priority);
        put16(r, weight);
        put16(r, port);
        return r + encodeName(target);
    }
    static QByteArray mx(quint16 preference, const QByteArray &exchange)
    {
        QByteArray r;
        put16(r, preference);
        return r + encodeName(exchange);
    }

private:
    void answer()
    {
        while (m_socket.hasPendingDatagrams()) {
            QHostAddress from;
            quint16 port = 0;
            QByteArray q(int(m_socket.pendingDatagramSize()), '\0');
            m_socket.readDatagram(q.data(), q.size(), &from, &port);
            if (q.size() < 17)
                continue;
            // The question: labels from byte 12, then type and class.
            int pos = 12;
            QByteArrayList labels;
            while (pos < q.size() && q.at(pos) != 0) {
                const int len = quint8(q.at(pos));
                labels << q.mid(pos + 1, len).toLower();
                pos += len + 1;
            }
            pos += 1;
            if (pos + 4 > q.size())
                continue;
            const quint16 qtype = quint16((quint8(q.at(pos)) << 8) | quint8(q.at(pos + 1)));
            const QByteArray question = q.mid(12, pos + 4 - 12);
            const QByteArray name = labels.join('.');
            QList<Record> answers;
            for (const Record &r : records.value(name)) {
                if (r.type == qtype)
                    answers << r;
            }
            QByteArray out = q.left(2); // id
            put16(out, quint16(0x8180 | rcodes.value(name, 0)));
            put16(out, 1);
            put16(out, quint16(answers.size()));
            put16(out, 0);
            put16(out, 0);
            out += question;
            for (const Record &r : std::as_const(answers)) {
                put16(out, 0xc00c); // the name of the question
                put16(out, r.type);
                put16(out, 1); // IN
                put16(out, 0);
                put16(out, 300); // TTL
                put16(out, quint16(r.rdata.size()));
                out += r.rdata;
            }
            m_socket.writeDatagram(out, from, port);
        }
    }

    QUdpSocket m_socket;
};

struct Answer
{
    bool arrived = false;
    DnsResolver::Status status = DnsResolver::Status::Failed;
    QList<DnsRecord> records;
};

Answer ask(SystemDnsResolver &resolver, DnsResolver::Type type, const QString &name)
{
    Answer a;
    QObject context;
    resolver.lookup(type, name, &context,
                    [&a](DnsResolver::Status status, const QList<DnsRecord> &records) {
                        a.arrived = true;
                        a.status = status;
                        a.records = records;
                    });
    a.arrived = QTest::qWaitFor([&a] { return a.arrived; }, 15000);
    return a;
}

} // namespace

class tst_SystemDnsResolver : public QObject
{
    Q_OBJECT

    TinyDnsServer m_server;

private slots:
    void initTestCase()
    {
        if (!m_server.start())
            QSKIP("Cannot bind a DNS server to port 53 on a loopback address here (needs root); "
                  "QDnsLookup in Qt 6.4 cannot ask another port.");
        m_server.records["_pop3s._tcp.example.test"] = {
            {TypeSrv, TinyDnsServer::srv(20, 0, 995, "backup.example.test")},
            {TypeSrv, TinyDnsServer::srv(10, 5, 995, "pop.example.test")}};
        m_server.records["example.test"] = {{TypeMx, TinyDnsServer::mx(10, "mxbiz1.qq.com")},
                                            {TypeMx, TinyDnsServer::mx(20, "mxbiz2.qq.com")}};
        m_server.records["empty.example.test"] = {};
        m_server.rcodes["nx.example.test"] = 3;
        m_server.rcodes["fail.example.test"] = 2;
    }

    void srvRecords()
    {
        SystemDnsResolver resolver;
        resolver.setNameserver(m_server.address);
        const Answer a =
            ask(resolver, DnsResolver::Type::Srv, QStringLiteral("_pop3s._tcp.example.test"));
        QVERIFY(a.arrived);
        QCOMPARE(a.status, DnsResolver::Status::Ok);
        QCOMPARE(a.records.size(), 2);
        bool sawPop = false;
        for (const DnsRecord &r : a.records) {
            QVERIFY(!r.target.endsWith(u'.'));
            QCOMPARE(r.port, 995);
            if (r.target == u"pop.example.test") {
                sawPop = true;
                QCOMPARE(r.priority, 10);
                QCOMPARE(r.weight, 5);
            }
        }
        QVERIFY(sawPop);
    }

    void mxRecords()
    {
        SystemDnsResolver resolver;
        resolver.setNameserver(m_server.address);
        const Answer a = ask(resolver, DnsResolver::Type::Mx, QStringLiteral("example.test"));
        QVERIFY(a.arrived);
        QCOMPARE(a.status, DnsResolver::Status::Ok);
        QCOMPARE(a.records.size(), 2);
        QStringList targets;
        for (const DnsRecord &r : a.records)
            targets << r.target + u'/' + QString::number(r.priority);
        targets.sort();
        QCOMPARE(targets, QStringList({QStringLiteral("mxbiz1.qq.com/10"),
                                       QStringLiteral("mxbiz2.qq.com/20")}));
    }

    void missingNamesAndFailures()
    {
        SystemDnsResolver resolver;
        resolver.setNameserver(m_server.address);
        QCOMPARE(ask(resolver, DnsResolver::Type::Mx, QStringLiteral("nx.example.test")).status,
                 DnsResolver::Status::NotFound);
        QCOMPARE(ask(resolver, DnsResolver::Type::Mx, QStringLiteral("empty.example.test")).status,
                 DnsResolver::Status::NotFound);
        QCOMPARE(ask(resolver, DnsResolver::Type::Srv, QStringLiteral("fail.example.test")).status,
                 DnsResolver::Status::Failed);
    }

    void callbackDroppedWhenContextIsGone()
    {
        SystemDnsResolver resolver;
        resolver.setNameserver(m_server.address);
        bool called = false;
        {
            QObject context;
            resolver.lookup(
                DnsResolver::Type::Mx, QStringLiteral("example.test"), &context,
                [&called](DnsResolver::Status, const QList<DnsRecord> &) { called = true; });
        }
        // A second lookup on the same resolver proves the first one has been answered.
        QVERIFY(ask(resolver, DnsResolver::Type::Mx, QStringLiteral("example.test")).arrived);
        QTest::qWait(100);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(tst_SystemDnsResolver)
#include "tst_SystemDnsResolver.moc"
