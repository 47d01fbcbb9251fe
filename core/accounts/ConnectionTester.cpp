#include "accounts/ConnectionTester.h"

#include "Logging.h"

#include <QLocale>

namespace Poplar::Accounts {

using Pop3::ErrorKind;

ConnectionTester::ConnectionTester(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Result>();
}

ConnectionTester::~ConnectionTester()
{
    cancel();
}

void ConnectionTester::setTimeouts(int connectMs, int responseMs)
{
    m_connectTimeoutMs = connectMs;
    m_responseTimeoutMs = responseMs;
}

ConnectionTester::Outcome ConnectionTester::outcomeFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return Outcome::Success;
    case ErrorKind::HostNotFound:
        return Outcome::HostNotFound;
    case ErrorKind::ConnectionRefused:
        return Outcome::ConnectionRefused;
    case ErrorKind::Timeout:
        return Outcome::Timeout;
    case ErrorKind::TlsFailed:
    case ErrorKind::StartTlsUnavailable:
    case ErrorKind::StartTlsFailed:
        return Outcome::TlsFailed;
    case ErrorKind::CertificateUntrusted:
    case ErrorKind::CertificateChanged:
        return Outcome::CertificateProblem;
    case ErrorKind::LoginFailed:
    case ErrorKind::WrongCredentials:
        return Outcome::WrongPassword;
    case ErrorKind::InUse:
    case ErrorKind::LoginDelay:
    case ErrorKind::SysTemp:
        return Outcome::ServerBusy;
    default:
        return Outcome::Failed;
    }
}

void ConnectionTester::start(const AccountSettings &settings, const QString &password)
{
    cancel();
    m_certificate.reset();
    m_success = Result();
    m_statDone = false;

    Pop3::Settings server = settings.serverSettings(password);
    server.extraCaCertificates = m_extraCaCertificates;
    server.connectTimeoutMs = m_connectTimeoutMs;
    server.responseTimeoutMs = m_responseTimeoutMs;
    server.keepAliveMs = 0;

    auto *client =
        m_factory ? new Pop3::Client(server, m_factory, this) : new Pop3::Client(server, this);
    m_client = client;
    connect(client, &Pop3::Client::stateChanged, this, &ConnectionTester::onStateChanged);
    connect(client, &Pop3::Client::certificateRejected, this,
            [this](const Net::CertificateProblem &problem) { m_certificate = problem; });
    connect(client, &Pop3::Client::failed, this, &ConnectionTester::onFailed);
    connect(client, &Pop3::Client::opened, this, [this, client] {
        emit stepChanged(tr("Counting the messages…"));
        (void)client->stat();
        client->quit();
    });
    connect(
        client, &Pop3::Client::statFinished, this, [this](Pop3::CommandId, int count, qint64 size) {
            m_statDone = true;
            m_success.outcome = Outcome::Success;
            m_success.messageCount = count;
            m_success.mailboxSize = size;
            m_success.message =
                tr("Connected and logged in: %n message(s), %1 on the server.", "", count)
                    .arg(QLocale().formattedDataSize(size, 1, QLocale::DataSizeTraditionalFormat));
        });
    connect(client, &Pop3::Client::commandFailed, this,
            [this](Pop3::CommandId, const Pop3::Error &error) {
                if (!m_statDone)
                    onFailed(error);
            });
    connect(client, &Pop3::Client::sessionClosed, this, [this] {
        // The login and STAT worked: a QUIT without answer does not spoil that.
        if (m_statDone)
            finish(m_success);
    });
    qCDebug(lcAccounts) << "testing" << settings.host << settings.port << settings.security;
    client->open();
}

void ConnectionTester::onStateChanged(Pop3::Client::State state)
{
    switch (state) {
    case Pop3::Client::State::Connecting:
        emit stepChanged(tr("Connecting to the server…"));
        break;
    case Pop3::Client::State::StartingTls:
        emit stepChanged(tr("Setting up encryption…"));
        break;
    case Pop3::Client::State::Authenticating:
        emit stepChanged(tr("Logging in…"));
        break;
    default:
        break;
    }
}

void ConnectionTester::onFailed(const Pop3::Error &error)
{
    if (!m_client || m_statDone)
        return;
    Result result;
    result.error = error;
    result.outcome = outcomeFor(error.kind);
    result.message = error.message();
    if (result.outcome == Outcome::CertificateProblem)
        result.certificate = m_certificate;
    finish(result);
}

void ConnectionTester::finish(Result result)
{
    if (releaseClient())
        emit finished(result);
}

void ConnectionTester::cancel()
{
    releaseClient();
}

bool ConnectionTester::releaseClient()
{
    if (!m_client)
        return false;
    Pop3::Client *client = m_client;
    m_client = nullptr;
    client->disconnect(this);
    client->cancel();
    client->deleteLater();
    return true;
}

} // namespace Poplar::Accounts
