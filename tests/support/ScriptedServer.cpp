#include "ScriptedServer.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QHostAddress>
#include <QProcess>
#include <QTemporaryDir>

namespace Poplar::TestSupport {

ScriptedServer::Identity ScriptedServer::identity(int which)
{
    static QHash<int, Identity> cache;
    if (cache.contains(which))
        return cache.value(which);

    QTemporaryDir dir;
    const QString keyPath = dir.filePath(QStringLiteral("key.pem"));
    const QString certPath = dir.filePath(QStringLiteral("cert.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=localhost/O=Poplar scripted server %1").arg(which),
                   QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1"),
                   QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), certPath});
    if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
        qFatal("ScriptedServer: openssl could not make a certificate: %s",
               openssl.readAllStandardError().constData());
    QFile keyFile(keyPath);
    QFile certFile(certPath);
    if (!keyFile.open(QIODevice::ReadOnly) || !certFile.open(QIODevice::ReadOnly))
        qFatal("ScriptedServer: cannot read the generated certificate");
    Identity id;
    id.key = QSslKey(keyFile.readAll(), QSsl::Ec);
    id.certificate = QSslCertificate(certFile.readAll());
    id.sha256 = id.certificate.digest(QCryptographicHash::Sha256).toHex();
    if (id.key.isNull() || id.certificate.isNull())
        qFatal("ScriptedServer: the generated certificate does not load");
    cache.insert(which, id);
    return id;
}

ScriptedServer::ScriptedServer(Mode mode, QObject *parent)
    : QTcpServer(parent)
    , m_mode(mode)
    , m_identity(identity(0))
{}

ScriptedServer::~ScriptedServer()
{
    if (m_socket)
        m_socket->abort();
}

void ScriptedServer::addScript(const QString &script)
{
    const QStringList lines = script.split(u'\n');
    for (QString line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        if (line.startsWith(QLatin1StringView("S: ")) || line == QLatin1StringView("S:"))
            send(line.mid(3).toUtf8());
        else if (line.startsWith(QLatin1StringView("C: ")))
            expect(line.mid(3).toUtf8());
        else if (trimmed == QLatin1StringView("TLS"))
            startTls();
        else if (trimmed == QLatin1StringView("CLOSE"))
            closeConnection();
        else
            qFatal("ScriptedServer: bad script line: %s", qPrintable(line));
    }
    advance();
}

void ScriptedServer::sendRaw(const QByteArray &bytes)
{
    m_steps.append({Step::Type::Send, bytes});
}

void ScriptedServer::expect(const QByteArray &line)
{
    m_steps.append({Step::Type::Expect, line});
}

void ScriptedServer::startTls()
{
    m_steps.append({Step::Type::StartTls, {}});
}

void ScriptedServer::closeConnection()
{
    m_steps.append({Step::Type::Close, {}});
}

bool ScriptedServer::start()
{
    return listen(QHostAddress::LocalHost, 0);
}

void ScriptedServer::incomingConnection(qintptr handle)
{
    if (m_socket) {
        // One client per script; a second one is turned away.
        QTcpSocket refused;
        refused.setSocketDescriptor(handle);
        refused.abort();
        return;
    }
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    socket->setLocalCertificate(m_identity.certificate);
    socket->setPrivateKey(m_identity.key);
    socket->setPeerVerifyMode(QSslSocket::VerifyNone);
    m_socket = socket;
    connect(socket, &QSslSocket::readyRead, this, &ScriptedServer::onReadyRead);
    connect(socket, &QSslSocket::encrypted, this, [this] {
        m_waitingForTls = false;
        advance();
    });
    connect(socket, &QSslSocket::disconnected, this, [this] { m_clientGone = true; });
    if (m_mode == Mode::ImplicitTls) {
        m_waitingForTls = true;
        socket->startServerEncryption();
    } else {
        advance();
    }
}

void ScriptedServer::onReadyRead()
{
    if (!m_socket)
        return;
    m_inbox += m_socket->readAll();
    qsizetype newline;
    while ((newline = m_inbox.indexOf('\n')) >= 0) {
        QByteArray line = m_inbox.left(newline);
        m_inbox.remove(0, newline + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        m_received.append(line);
        m_sentBeforeLine.append(m_bytesSent);
        m_pending.append(line);
        emit lineReceived(line);
    }
    advance();
}

void ScriptedServer::advance()
{
    while (m_socket && !m_waitingForTls && m_index < m_steps.size() && m_failures.isEmpty()) {
        const Step &step = m_steps.at(m_index);
        switch (step.type) {
        case Step::Type::Send:
            m_socket->write(step.bytes);
            m_bytesSent += step.bytes.size();
            ++m_index;
            break;
        case Step::Type::Expect: {
            if (m_pending.isEmpty())
                return;
            const QByteArray line = m_pending.takeFirst();
            if (step.bytes != "*" && line != step.bytes) {
                m_failures << QStringLiteral("step %1: expected \"%2\", got \"%3\"")
                                  .arg(m_index)
                                  .arg(QString::fromLatin1(step.bytes), QString::fromLatin1(line));
                return;
            }
            ++m_index;
            break;
        }
        case Step::Type::StartTls:
            ++m_index;
            m_waitingForTls = true;
            // Anything the client sent in clear before the handshake is dropped.
            m_inbox.clear();
            m_socket->startServerEncryption();
            return;
        case Step::Type::Close:
            ++m_index;
            m_socket->disconnectFromHost();
            return;
        }
    }
}

} // namespace Poplar::TestSupport
