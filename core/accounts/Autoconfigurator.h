#pragma once

#include "accounts/DnsResolver.h"
#include "accounts/ProviderTable.h"
#include "accounts/ServerCandidate.h"

#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

#include <array>

class QNetworkAccessManager;
class QNetworkReply;

namespace Poplar::Accounts {

class ServerProbe;

// Everything an Autoconfigurator may be told; the defaults are what Poplar uses.
struct AutoconfigOptions
{
    bool useProviderTable = true;
    bool useSrv = true;
    bool useAutoconfig = true;
    bool useMx = true;
    bool useGuesses = true;

    // %1 is the domain (ASCII form), %2 the address (percent-encoded).
    QStringList autoconfigUrls = {
        QStringLiteral("https://autoconfig.%1/mail/config-v1.1.xml"),
        QStringLiteral("https://%1/.well-known/autoconfig/mail/config-v1.1.xml"),
    };
    // Extra certificate authorities trusted for the autoconfig download (tests).
    QList<QSslCertificate> extraCaCertificates;

    // %1 is the domain. Each is probed with TLS on tlsPort and STARTTLS on startTlsPort.
    QStringList guessHostPatterns = {QStringLiteral("pop.%1"), QStringLiteral("pop3.%1"),
                                     QStringLiteral("mail.%1")};
    int tlsPort = 995;
    int startTlsPort = 110;
    // The same for the outgoing (submission) server, probed as SMTP: implicit TLS on 465
    // (RFC 8314), STARTTLS on 587 (RFC 6409). Empty patterns: no outgoing guesses.
    QStringList outgoingGuessHostPatterns = {QStringLiteral("smtp.%1"), QStringLiteral("mail.%1")};
    int outgoingTlsPort = 465;
    int outgoingStartTlsPort = 587;

    int dnsTimeoutMs = 6000;
    int httpTimeoutMs = 6000;
    int probeTimeoutMs = 5000;
};

// Finds incoming (POP3) and outgoing (SMTP submission) server settings for an email address.
// All enabled sources run at once, each looking for both directions in the same run: the
// built-in provider table, RFC 6186 SRV records (_pop3s/_pop3, _submissions/_submission),
// the domain's Mozilla autoconfig file (incomingServer, outgoingServer), the MX records
// (domains hosted by a known provider) and probes of guessed names (POP3 and SMTP aware).
// Progress is reported per source; results() and outgoingResults() are ordered best first.
// A setting without encryption is never offered as a result, whatever a source says.
//
// The source signals and states are about the incoming server, which an account cannot do
// without; a source that also found outgoing servers says so with outgoingFound() just before
// its sourceFound() or sourceFailed(). A source ends only when both directions are answered,
// so finished() means everything is in, and the outgoing search adds no waiting of its own.
class Autoconfigurator : public QObject
{
    Q_OBJECT

public:
    enum class SourceState
    {
        Idle,
        Trying,
        Found,
        Failed
    };

    // resolver nullptr: the system resolver. The table defaults to the built-in one.
    explicit Autoconfigurator(AutoconfigOptions options = {}, DnsResolver *resolver = nullptr,
                              QObject *parent = nullptr);
    ~Autoconfigurator() override;

    void setProviderTable(const ProviderTable &table) { m_table = table; }

    // Starts looking; a running search is cancelled first. An address without a usable domain
    // finishes at once (later, from the event loop) with no results and errorString() set.
    void start(const QString &emailAddress);
    // Stops everything; no further signals.
    void cancel();

    bool isRunning() const { return m_running; }
    QString emailAddress() const { return m_address; }
    QString errorString() const { return m_error; }
    SourceState sourceState(AutoconfigSource source) const;
    // Best first: by source (provider table, SRV, autoconfig, MX, guesses), then TLS before
    // STARTTLS; each host/port/security once.
    QList<ServerCandidate> results() const;
    // The outgoing servers found, best first by the same rules; each host/port/security once.
    QList<OutgoingCandidate> outgoingResults() const;
    // Notes for the user about the provider (e.g. "use an app password", "no POP3"),
    // translated, each once.
    QStringList notes() const;

    static QString sourceName(AutoconfigSource source);

signals:
    void sourceStarted(Poplar::Accounts::AutoconfigSource source);
    void sourceFound(Poplar::Accounts::AutoconfigSource source,
                     const QList<Poplar::Accounts::ServerCandidate> &candidates);
    void outgoingFound(Poplar::Accounts::AutoconfigSource source,
                       const QList<Poplar::Accounts::OutgoingCandidate> &candidates);
    void sourceFailed(Poplar::Accounts::AutoconfigSource source, const QString &reason);
    void finished();

private:
    void startProvider();
    void startSrv();
    void startAutoconfig();
    void startMx();
    void startGuesses();
    void onSrvRecords(bool outgoing, Security security, DnsResolver::Status status,
                      const QList<DnsRecord> &records);
    void onSrvAnswered();
    void onAutoconfigReply(QNetworkReply *reply);
    void onProbeFinished(ServerProbe *probe);

    void begin(AutoconfigSource source);
    bool isTrying(AutoconfigSource source) const
    {
        return sourceState(source) == SourceState::Trying;
    }
    // Drops unencrypted candidates; Found if any remain, else Failed with the reason.
    void complete(AutoconfigSource source, QList<ServerCandidate> candidates,
                  const QString &failureReason);
    // Drops unencrypted candidates; emits outgoingFound if any remain. Call before complete().
    void addOutgoing(AutoconfigSource source, QList<OutgoingCandidate> candidates);
    void addNotes(const QStringList &notes);
    void checkFinished();

    AutoconfigOptions m_options;
    DnsResolver *m_resolver = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    ProviderTable m_table;
    QObject *m_run = nullptr; // parent/context of everything in flight; deleted on cancel

    QString m_address;
    QString m_domain; // ASCII (punycode) form
    QString m_error;
    bool m_running = false;
    std::array<SourceState, 5> m_states{};
    quint64 m_generation = 0; // callbacks of an earlier run see a different number
    QList<ServerCandidate> m_found;
    QList<OutgoingCandidate> m_outgoingFound;
    QStringList m_notes;

    // SRV: four lookups (two services each way).
    int m_srvPending = 0;
    QList<ServerCandidate> m_srvFound;
    QList<OutgoingCandidate> m_srvOutgoingFound;
    bool m_srvFailed = false;
    // Autoconfig: one reply per URL.
    int m_autoconfigPending = 0;
    QList<ServerCandidate> m_autoconfigFound;
    QList<OutgoingCandidate> m_autoconfigOutgoingFound;
    QString m_autoconfigError;
    // Guesses: one probe per host x security, for each direction.
    int m_probesPending = 0;
    QList<ServerCandidate> m_guessFound;
    QList<OutgoingCandidate> m_guessOutgoingFound;
};

} // namespace Poplar::Accounts
