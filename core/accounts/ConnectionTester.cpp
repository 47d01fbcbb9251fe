#include "accounts/ConnectionTester.h"

#include "Logging.h"

#include <QLocale>
#include <QTimer>

namespace Poplar::Accounts {

using Pop3::ErrorKind;

ConnectionTester::ConnectionTester(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Result>();
    qRegisterMetaType<OutgoingResult>();
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

ConnectionTester::Outcome ConnectionTester::outcomeFor(const Smtp::Error &error)
{
    using Kind = Smtp::ErrorKind;
    switch (error.kind) {
    case Kind::None:
        return Outcome::Success;
    case Kind::HostNotFound:
        return Outcome::HostNotFound;
    case Kind::ConnectionRefused:
        return Outcome::ConnectionRefused;
    case Kind::Timeout:
        return Outcome::Timeout;
    case Kind::TlsFailed:
    case Kind::StartTlsUnavailable:
    case Kind::StartTlsFailed:
        return Outcome::TlsFailed;
    case Kind::CertificateUntrusted:
    case Kind::CertificateChanged:
        return Outcome::CertificateProblem;
    case Kind::AuthFailed:
        // 454: a temporary authentication failure is the server's problem, not the password.
        return error.reply.isTransientFailure() ? Outcome::ServerBusy : Outcome::WrongPassword;
    case Kind::ServiceUnavailable:
        return Outcome::ServerBusy;
    default:
        return Outcome::Failed;
    }
}

void ConnectionTester::start(const AccountSettings &settings, const QString &password)
{
    releaseClient();
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
    releaseSmtpClient();
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

// --- The outgoing server -----------------------------------------------------------------

void ConnectionTester::startOutgoing(const AccountSettings &settings, const QString &password)
{
    releaseSmtpClient();
    m_smtpCertificate.reset();
    m_smtpSuccess = OutgoingResult();
    m_smtpOpened = false;
    m_smtpRunning = true;
    const quint64 generation = m_smtpGeneration;

    if (!settings.outgoing.isConfigured()) {
        QTimer::singleShot(0, this, [this, generation] {
            if (generation != m_smtpGeneration)
                return;
            OutgoingResult result;
            result.outcome = Outcome::Failed;
            result.message = tr("No outgoing server is set up for this account.");
            finishOutgoing(result);
        });
        return;
    }

    Smtp::Settings server = settings.outgoingSettings(password);
    server.extraCaCertificates = m_extraCaCertificates;
    server.connectTimeoutMs = m_connectTimeoutMs;
    server.greetingTimeoutMs = m_responseTimeoutMs;
    server.commandTimeoutMs = m_responseTimeoutMs;

    auto *client = m_smtpFactory ? new Smtp::Client(server, m_smtpFactory, this)
                                 : new Smtp::Client(server, this);
    m_smtpClient = client;
    connect(client, &Smtp::Client::stateChanged, this, &ConnectionTester::onSmtpStateChanged);
    connect(client, &Smtp::Client::certificateRejected, this,
            [this](const Net::CertificateProblem &problem) { m_smtpCertificate = problem; });
    connect(client, &Smtp::Client::failed, this, &ConnectionTester::onSmtpFailed);
    const bool login = server.auth != Smtp::Settings::Auth::None;
    connect(client, &Smtp::Client::opened, this, [this, client, login] {
        m_smtpOpened = true;
        m_smtpSuccess.outcome = Outcome::Success;
        m_smtpSuccess.message =
            login ? tr("Connected to the outgoing server and logged in: it is ready to send.")
                  : tr("Connected to the outgoing server: it is ready to send without a "
                       "login.");
        client->quit();
    });
    connect(client, &Smtp::Client::sessionClosed, this, [this] {
        // The login worked: a QUIT without answer does not spoil that.
        if (m_smtpOpened)
            finishOutgoing(m_smtpSuccess);
    });
    qCDebug(lcAccounts) << "testing outgoing" << server.host << server.port;
    client->open();
}

void ConnectionTester::onSmtpStateChanged(Smtp::Client::State state)
{
    switch (state) {
    case Smtp::Client::State::Connecting:
        emit outgoingStepChanged(tr("Connecting to the outgoing server…"));
        break;
    case Smtp::Client::State::StartingTls:
        emit outgoingStepChanged(tr("Setting up encryption…"));
        break;
    case Smtp::Client::State::Authenticating:
        emit outgoingStepChanged(tr("Logging in to the outgoing server…"));
        break;
    default:
        break;
    }
}

void ConnectionTester::onSmtpFailed(const Smtp::Error &error)
{
    if (!m_smtpClient || m_smtpOpened)
        return;
    OutgoingResult result;
    result.error = error;
    result.outcome = outcomeFor(error);
    result.message = error.message();
    if (result.outcome == Outcome::CertificateProblem)
        result.certificate = m_smtpCertificate;
    finishOutgoing(result);
}

void ConnectionTester::finishOutgoing(const OutgoingResult &result)
{
    if (!m_smtpRunning)
        return;
    releaseSmtpClient();
    emit outgoingFinished(result);
}

bool ConnectionTester::releaseSmtpClient()
{
    const bool wasRunning = m_smtpRunning;
    m_smtpRunning = false;
    ++m_smtpGeneration;
    if (m_smtpClient) {
        Smtp::Client *client = m_smtpClient;
        m_smtpClient = nullptr;
        client->disconnect(this);
        client->cancel();
        client->deleteLater();
    }
    return wasRunning;
}

} // namespace Poplar::Accounts
