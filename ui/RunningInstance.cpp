#include "ui/RunningInstance.h"

#include "ui/common/Logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

namespace Poplar::Ui {

namespace {
const QByteArray kHello = "poplar-instance 1\n";
const QByteArray kOk = "ok\n";

QString socketPathFor(const QString &profileDirectory)
{
    const QFileInfo info(profileDirectory);
    const QString canonical = info.canonicalFilePath();
    const QString profile =
        canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
    // A hash keeps the path short (sockets allow about 100 bytes) whatever the profile's is.
    const QByteArray hash =
        QCryptographicHash::hash(profile.toUtf8(), QCryptographicHash::Sha256).toHex().left(24);
    QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (runtime.isEmpty())
        runtime = QDir::tempPath();
    return runtime + QStringLiteral("/poplar-") + QString::fromLatin1(hash) +
           QStringLiteral(".socket");
}
} // namespace

RunningInstance::RunningInstance(const QString &profileDirectory, QObject *parent)
    : QObject(parent)
    , m_path(socketPathFor(profileDirectory))
{}

RunningInstance::~RunningInstance() = default;

bool RunningInstance::handOver(const QStringList &links, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(m_path);
    if (!socket.waitForConnected(timeoutMs))
        return false; // nobody listens (or a socket left by a Poplar that crashed)
    QByteArray request = kHello;
    for (const QString &link : links) {
        QString line = link;
        line.remove(u'\n').remove(u'\r'); // a line is a link
        request += line.toUtf8() + '\n';
    }
    request += '\n';
    socket.write(request);
    QElapsedTimer clock;
    clock.start();
    QByteArray answer;
    while (!answer.contains('\n') && clock.elapsed() < timeoutMs) {
        if (!socket.waitForReadyRead(int(timeoutMs - clock.elapsed())))
            break;
        answer += socket.readAll();
    }
    return answer == kOk;
}

bool RunningInstance::listen()
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &RunningInstance::onConnection);
    if (m_server->listen(m_path))
        return true;
    if (m_server->serverError() == QAbstractSocket::AddressInUseError) {
        // handOver() found nobody answering: the socket is a crashed Poplar's.
        QLocalServer::removeServer(m_path);
        if (m_server->listen(m_path))
            return true;
    }
    m_error = m_server->errorString();
    qCWarning(lcUi) << "cannot listen for later starts on" << m_path << ":" << m_error;
    return false;
}

void RunningInstance::onConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readRequest(socket); });
        readRequest(socket);
    }
}

void RunningInstance::readRequest(QLocalSocket *socket)
{
    // Read what has come without taking it off the socket until the request is complete.
    const QByteArray request = socket->peek(MaxRequestBytes + 1);
    if (request.size() > MaxRequestBytes ||
        (request.size() >= kHello.size() && !request.startsWith(kHello))) {
        qCWarning(lcUi) << "ignoring a malformed request from a later start";
        socket->abort();
        return;
    }
    if (!request.endsWith("\n\n"))
        return; // more to come
    socket->read(request.size());
    QStringList links;
    for (const QByteArray &line : request.mid(kHello.size()).split('\n'))
        if (!line.isEmpty())
            links.append(QString::fromUtf8(line));
    socket->write(kOk);
    socket->flush();
    emit linksReceived(links);
}

} // namespace Poplar::Ui
