#pragma once

#include "accounts/AccountSettings.h"

#include "net/CertificateProblem.h"
#include "pop3/Client.h"
#include "pop3/Error.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QString>

#include <optional>

namespace Poplar::Accounts {

// Tries an account's settings the way a sync would, without downloading anything: connect
// (with the account's security), CAPA, log in, STAT, QUIT. The outcome comes in one of a few
// kinds the UI can act on, with a sentence for the user. A certificate Poplar does not accept
// comes with the certificate chain, so the user can look at it and pin it.
//
//   auto *tester = new ConnectionTester(this);
//   connect(tester, &ConnectionTester::finished, this, [](const ConnectionTester::Result &r) {..});
//   tester->start(settings, password);
class ConnectionTester : public QObject
{
    Q_OBJECT

public:
    enum class Outcome
    {
        Success,
        HostNotFound,       // the name does not resolve
        ConnectionRefused,  // nothing listens there
        Timeout,            // no answer in time
        TlsFailed,          // encryption could not be set up (incl. no or failed STLS)
        CertificateProblem, // the certificate is not trusted or not the pinned one
        WrongPassword,      // the server rejected the login
        ServerBusy,         // in use, login delay or a temporary server problem: try later
        Failed              // anything else (network error, broken server, no login method)
    };
    Q_ENUM(Outcome)

    struct Result
    {
        Outcome outcome = Outcome::Failed;
        QString message; // for the user, translated; never contains the password
        Pop3::Error error;
        std::optional<Net::CertificateProblem> certificate; // with Outcome::CertificateProblem
        int messageCount = 0;                                // with Outcome::Success
        qint64 mailboxSize = 0;                              // bytes, with Outcome::Success
    };

    explicit ConnectionTester(QObject *parent = nullptr);
    ~ConnectionTester() override;

    // Extra certificate authorities trusted during the test (as Pop3::Settings has them).
    void setExtraCaCertificates(const QList<QSslCertificate> &certificates)
    {
        m_extraCaCertificates = certificates;
    }
    // Longest wait for the connection, and for each answer. Defaults: 20 s and 30 s.
    void setTimeouts(int connectMs, int responseMs);
    // The socket seam of Pop3::Client (tests); empty means a real TLS socket.
    void setTransportFactory(Pop3::Client::TransportFactory factory)
    {
        m_factory = std::move(factory);
    }

    // Starts a test; one that runs is cancelled first (and reports nothing).
    void start(const AccountSettings &settings, const QString &password);
    void cancel();
    bool isRunning() const { return m_client != nullptr; }

    static Outcome outcomeFor(Pop3::ErrorKind kind);

signals:
    // What the test is doing now ("Connecting…", "Logging in…"), for the user.
    void stepChanged(const QString &step);
    void finished(const Poplar::Accounts::ConnectionTester::Result &result);

private:
    void onStateChanged(Pop3::Client::State state);
    void onFailed(const Pop3::Error &error);
    void finish(Result result);
    // Stops and lets go of the session; false when there was none (already finished).
    bool releaseClient();

    QList<QSslCertificate> m_extraCaCertificates;
    Pop3::Client::TransportFactory m_factory;
    int m_connectTimeoutMs = 20 * 1000;
    int m_responseTimeoutMs = 30 * 1000;
    QPointer<Pop3::Client> m_client;
    std::optional<Net::CertificateProblem> m_certificate;
    Result m_success;
    bool m_statDone = false;
};

} // namespace Poplar::Accounts

Q_DECLARE_METATYPE(Poplar::Accounts::ConnectionTester::Result)
