#pragma once

#include "accounts/AccountSettings.h"

#include "net/CertificateProblem.h"
#include "pop3/Client.h"
#include "pop3/Error.h"
#include "smtp/Client.h"
#include "smtp/Error.h"

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
//
// The outgoing server is tested the same way, as a send would meet it, without sending:
// connect (implicit TLS or STARTTLS), EHLO, log in, QUIT. startOutgoing() runs beside start()
// (each has its own session and signals), so testing both takes no longer than the slower.
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
        TlsFailed,          // encryption could not be set up (incl. no or failed STLS/STARTTLS)
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
        int messageCount = 0;                               // with Outcome::Success
        qint64 mailboxSize = 0;                             // bytes, with Outcome::Success
    };

    // The outcome of testing the outgoing (SMTP submission) server.
    struct OutgoingResult
    {
        Outcome outcome = Outcome::Failed;
        QString message; // for the user, translated; never contains the password
        Smtp::Error error;
        std::optional<Net::CertificateProblem> certificate; // with Outcome::CertificateProblem
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

    // The socket seam of Smtp::Client (tests); empty means a real TLS socket.
    void setOutgoingTransportFactory(Smtp::Client::TransportFactory factory)
    {
        m_smtpFactory = std::move(factory);
    }

    // Starts a test of the incoming server; one that runs is cancelled first (and reports
    // nothing). A running outgoing test goes on.
    void start(const AccountSettings &settings, const QString &password);
    // Starts a test of settings.outgoing with the password it logs in with (the incoming one
    // when outgoing.samePassword, else its own); an outgoing test that runs is cancelled
    // first. Settings without an outgoing server finish (from the event loop) with Failed.
    void startOutgoing(const AccountSettings &settings, const QString &password);
    // Stops both tests; neither reports anything.
    void cancel();
    bool isRunning() const { return m_client != nullptr; }
    bool isOutgoingRunning() const { return m_smtpRunning; }

    static Outcome outcomeFor(Pop3::ErrorKind kind);
    static Outcome outcomeFor(const Smtp::Error &error);

signals:
    // What the test is doing now ("Connecting…", "Logging in…"), for the user.
    void stepChanged(const QString &step);
    void finished(const Poplar::Accounts::ConnectionTester::Result &result);
    // Likewise for the outgoing server.
    void outgoingStepChanged(const QString &step);
    void outgoingFinished(const Poplar::Accounts::ConnectionTester::OutgoingResult &result);

private:
    void onStateChanged(Pop3::Client::State state);
    void onFailed(const Pop3::Error &error);
    void finish(Result result);
    // Stops and lets go of the session; false when there was none (already finished).
    bool releaseClient();

    void onSmtpStateChanged(Smtp::Client::State state);
    void onSmtpFailed(const Smtp::Error &error);
    void finishOutgoing(const OutgoingResult &result);
    // Likewise for the outgoing session.
    bool releaseSmtpClient();

    QList<QSslCertificate> m_extraCaCertificates;
    Pop3::Client::TransportFactory m_factory;
    int m_connectTimeoutMs = 20 * 1000;
    int m_responseTimeoutMs = 30 * 1000;
    QPointer<Pop3::Client> m_client;
    std::optional<Net::CertificateProblem> m_certificate;
    Result m_success;
    bool m_statDone = false;

    Smtp::Client::TransportFactory m_smtpFactory;
    QPointer<Smtp::Client> m_smtpClient;
    bool m_smtpRunning = false; // also while a "not configured" answer waits for the loop
    quint64 m_smtpGeneration = 0;
    std::optional<Net::CertificateProblem> m_smtpCertificate;
    OutgoingResult m_smtpSuccess;
    bool m_smtpOpened = false;
};

} // namespace Poplar::Accounts

Q_DECLARE_METATYPE(Poplar::Accounts::ConnectionTester::Result)
Q_DECLARE_METATYPE(Poplar::Accounts::ConnectionTester::OutgoingResult)
