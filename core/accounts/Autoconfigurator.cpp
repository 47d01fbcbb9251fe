#include "accounts/Autoconfigurator.h"

#include "Logging.h"
#include "accounts/AutoconfigXml.h"
#include "accounts/DnsResolver.h"
#include "accounts/ServerProbe.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

#include <algorithm>

namespace Poplar::Accounts {

namespace {

int rank(AutoconfigSource source)
{
    return int(source);
}

int rank(Security security)
{
    return security == Security::Tls ? 0 : 1;
}

template<typename Candidate> QString candidateKey(const Candidate &c)
{
    return c.host.toLower() + u':' + QString::number(c.port) + u':' + toName(c.security);
}

// Best first: by source, then TLS before STARTTLS; never unencrypted; each server once.
template<typename Candidate> QList<Candidate> bestFirst(QList<Candidate> sorted)
{
    std::stable_sort(sorted.begin(), sorted.end(), [](const Candidate &a, const Candidate &b) {
        if (rank(a.source) != rank(b.source))
            return rank(a.source) < rank(b.source);
        return rank(a.security) < rank(b.security);
    });
    QList<Candidate> out;
    QStringList seen;
    for (const Candidate &c : std::as_const(sorted)) {
        if (c.security == Security::None)
            continue;
        const QString key = candidateKey(c);
        if (seen.contains(key))
            continue;
        seen << key;
        out << c;
    }
    return out;
}

// Verified certificates first, then in the order tried.
template<typename Candidate> void verifiedFirst(QList<Candidate> &candidates)
{
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate &a, const Candidate &b) {
                         return a.certificateVerified && !b.certificateVerified;
                     });
}

} // namespace

Autoconfigurator::Autoconfigurator(AutoconfigOptions options, DnsResolver *resolver,
                                   QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_resolver(resolver)
    , m_network(new QNetworkAccessManager(this))
    , m_table(ProviderTable::builtIn())
{
    if (!m_resolver)
        m_resolver = new SystemDnsResolver(this);
    m_states.fill(SourceState::Idle);
}

Autoconfigurator::~Autoconfigurator()
{
    // Replies and probes go first, while every member they might reach still exists.
    ++m_generation;
    delete m_run;
}

QString Autoconfigurator::sourceName(AutoconfigSource source)
{
    switch (source) {
    case AutoconfigSource::Provider:
        return QCoreApplication::translate("Poplar::Accounts::Autoconfigurator",
                                           "Poplar's list of providers");
    case AutoconfigSource::Srv:
        return QCoreApplication::translate("Poplar::Accounts::Autoconfigurator",
                                           "DNS service records");
    case AutoconfigSource::Autoconfig:
        return QCoreApplication::translate("Poplar::Accounts::Autoconfigurator",
                                           "The domain's configuration file");
    case AutoconfigSource::Mx:
        return QCoreApplication::translate("Poplar::Accounts::Autoconfigurator",
                                           "The domain's mail servers (MX)");
    case AutoconfigSource::Guess:
        return QCoreApplication::translate("Poplar::Accounts::Autoconfigurator",
                                           "Trying common server names");
    }
    return {};
}

Autoconfigurator::SourceState Autoconfigurator::sourceState(AutoconfigSource source) const
{
    return m_states[std::size_t(source)];
}

void Autoconfigurator::cancel()
{
    ++m_generation;
    m_running = false;
    if (m_run) {
        // Replies and probes are children of m_run; abort what is on the wire.
        const QList<QNetworkReply *> replies = m_run->findChildren<QNetworkReply *>();
        for (QNetworkReply *reply : replies)
            reply->abort();
        m_run->deleteLater();
        m_run = nullptr;
    }
}

void Autoconfigurator::start(const QString &emailAddress)
{
    cancel();
    m_address = emailAddress.trimmed();
    m_error.clear();
    m_found.clear();
    m_outgoingFound.clear();
    m_notes.clear();
    m_srvFound.clear();
    m_srvOutgoingFound.clear();
    m_autoconfigFound.clear();
    m_autoconfigOutgoingFound.clear();
    m_autoconfigError.clear();
    m_guessFound.clear();
    m_guessOutgoingFound.clear();
    m_srvPending = m_autoconfigPending = m_probesPending = 0;
    m_srvFailed = false;
    m_states.fill(SourceState::Idle);
    m_run = new QObject(this);
    m_running = true;
    const quint64 generation = m_generation;

    const qsizetype at = m_address.lastIndexOf(u'@');
    const QString domain = at < 0 ? QString() : m_address.mid(at + 1).toLower();
    m_domain = QString::fromLatin1(QUrl::toAce(domain));
    if (!AccountSettings::isPlausibleEmailAddress(m_address) || m_domain.isEmpty()) {
        m_error = QCoreApplication::translate("Poplar::Accounts::Autoconfigurator",
                                              "“%1” is not a complete email address.")
                      .arg(m_address);
        QTimer::singleShot(0, m_run, [this, generation] {
            if (generation != m_generation)
                return;
            m_running = false;
            emit finished();
        });
        return;
    }

    if (m_options.useProviderTable)
        startProvider();
    if (m_options.useSrv)
        startSrv();
    if (m_options.useAutoconfig)
        startAutoconfig();
    if (m_options.useMx)
        startMx();
    if (m_options.useGuesses)
        startGuesses();
    // Nothing enabled: finish from the event loop all the same.
    QTimer::singleShot(0, m_run, [this, generation] {
        if (generation == m_generation)
            checkFinished();
    });
}

void Autoconfigurator::begin(AutoconfigSource source)
{
    m_states[std::size_t(source)] = SourceState::Trying;
    emit sourceStarted(source);
}

void Autoconfigurator::complete(AutoconfigSource source, QList<ServerCandidate> candidates,
                                const QString &failureReason)
{
    if (!isTrying(source))
        return;
    const qsizetype before = candidates.size();
    candidates.removeIf([](const ServerCandidate &c) { return c.security == Security::None; });
    for (ServerCandidate &c : candidates)
        c.source = source;
    if (candidates.isEmpty()) {
        m_states[std::size_t(source)] = SourceState::Failed;
        QString reason = failureReason;
        if (before > 0)
            reason = QCoreApplication::translate(
                "Poplar::Accounts::Autoconfigurator",
                "Only an unencrypted connection was offered, which Poplar does not "
                "suggest.");
        qCDebug(lcAccounts) << "Autoconfig source" << int(source) << "failed:" << reason;
        emit sourceFailed(source, reason);
    } else {
        m_states[std::size_t(source)] = SourceState::Found;
        m_found << candidates;
        emit sourceFound(source, candidates);
    }
    checkFinished();
}

void Autoconfigurator::addOutgoing(AutoconfigSource source, QList<OutgoingCandidate> candidates)
{
    if (!isTrying(source))
        return;
    candidates.removeIf([](const OutgoingCandidate &c) { return c.security == Security::None; });
    if (candidates.isEmpty())
        return;
    for (OutgoingCandidate &c : candidates)
        c.source = source;
    m_outgoingFound << candidates;
    emit outgoingFound(source, candidates);
}

void Autoconfigurator::addNotes(const QStringList &notes)
{
    for (const QString &note : notes) {
        if (!m_notes.contains(note))
            m_notes << note;
    }
}

void Autoconfigurator::checkFinished()
{
    if (!m_running)
        return;
    for (const SourceState state : m_states) {
        if (state == SourceState::Trying)
            return;
    }
    m_running = false;
    emit finished();
}

QList<ServerCandidate> Autoconfigurator::results() const
{
    return bestFirst(m_found);
}

QList<OutgoingCandidate> Autoconfigurator::outgoingResults() const
{
    return bestFirst(m_outgoingFound);
}

QStringList Autoconfigurator::notes() const
{
    return m_notes;
}

// --- The provider table ------------------------------------------------------------------

void Autoconfigurator::startProvider()
{
    begin(AutoconfigSource::Provider);
    const quint64 generation = m_generation;
    QTimer::singleShot(0, m_run, [this, generation] {
        if (generation != m_generation)
            return;
        const qsizetype at = m_address.lastIndexOf(u'@');
        std::optional<ProviderTable::Provider> provider =
            m_table.findByDomain(m_address.mid(at + 1));
        if (!provider)
            provider = m_table.findByDomain(m_domain);
        if (!provider) {
            complete(
                AutoconfigSource::Provider, {},
                QCoreApplication::translate("Poplar::Accounts::Autoconfigurator",
                                            "The domain is not in Poplar's list of providers."));
            return;
        }
        addNotes(provider->notes());
        addOutgoing(AutoconfigSource::Provider,
                    provider->outgoingCandidatesFor(m_address, AutoconfigSource::Provider));
        if (!provider->offersPop3()) {
            complete(AutoconfigSource::Provider, {},
                     QCoreApplication::translate("Poplar::Accounts::Autoconfigurator",
                                                 "%1 does not offer POP3.")
                         .arg(provider->name));
            return;
        }
        complete(AutoconfigSource::Provider,
                 provider->candidatesFor(m_address, AutoconfigSource::Provider), {});
    });
}

// --- RFC 6186 SRV records ----------------------------------------------------------------

void Autoconfigurator::startSrv()
{
    begin(AutoconfigSource::Srv);
    const quint64 generation = m_generation;
    // RFC 6186 names _pop3._tcp and _submission._tcp for STARTTLS or plain, and RFC 8314
    // adds _submissions._tcp for implicit TLS: Poplar takes the former as STARTTLS, never
    // as a connection in clear.
    const struct
    {
        const char16_t *prefix;
        bool outgoing;
        Security security;
    } services[] = {{u"_pop3s._tcp.", false, Security::Tls},
                    {u"_pop3._tcp.", false, Security::StartTls},
                    {u"_submissions._tcp.", true, Security::Tls},
                    {u"_submission._tcp.", true, Security::StartTls}};
    m_srvPending = int(std::size(services));
    for (const auto &service : services) {
        const Security security = service.security;
        const bool outgoing = service.outgoing;
        m_resolver->lookup(DnsResolver::Type::Srv, QString::fromUtf16(service.prefix) + m_domain,
                           m_run,
                           [this, generation, outgoing, security](DnsResolver::Status status,
                                                                  const QList<DnsRecord> &records) {
                               if (generation == m_generation)
                                   onSrvRecords(outgoing, security, status, records);
                           });
    }
    QTimer::singleShot(m_options.dnsTimeoutMs, m_run, [this, generation] {
        if (generation == m_generation && isTrying(AutoconfigSource::Srv)) {
            m_srvFailed = true;
            onSrvAnswered();
        }
    });
}

void Autoconfigurator::onSrvRecords(bool outgoing, Security security, DnsResolver::Status status,
                                    const QList<DnsRecord> &records)
{
    if (!isTrying(AutoconfigSource::Srv))
        return;
    // A failed submission lookup does not make the POP3 answer a failure.
    if (status == DnsResolver::Status::Failed && !outgoing)
        m_srvFailed = true;
    QList<DnsRecord> sorted = records;
    std::stable_sort(sorted.begin(), sorted.end(), [](const DnsRecord &a, const DnsRecord &b) {
        if (a.priority != b.priority)
            return a.priority < b.priority;
        return a.weight > b.weight;
    });
    for (const DnsRecord &r : std::as_const(sorted)) {
        // RFC 6186: a target of "." means the service is not offered.
        if (r.target.isEmpty() || r.target == u"." ||
            !AccountSettings::isPlausibleHostName(r.target) || r.port < 1 || r.port > 65535)
            continue;
        if (outgoing) {
            OutgoingCandidate c;
            c.host = r.target.toLower();
            c.port = r.port;
            c.security = security;
            c.username = m_address;
            m_srvOutgoingFound << c;
            continue;
        }
        ServerCandidate c;
        c.host = r.target.toLower();
        c.port = r.port;
        c.security = security;
        c.username = m_address;
        m_srvFound << c;
    }
    if (--m_srvPending == 0)
        onSrvAnswered();
}

void Autoconfigurator::onSrvAnswered()
{
    // TLS records sort before STARTTLS ones in results(); keep DNS order otherwise.
    addOutgoing(AutoconfigSource::Srv, m_srvOutgoingFound);
    complete(AutoconfigSource::Srv, m_srvFound,
             m_srvFailed
                 ? QCoreApplication::translate("Poplar::Accounts::Autoconfigurator",
                                               "The DNS lookup failed or took too long.")
                 : QCoreApplication::translate("Poplar::Accounts::Autoconfigurator",
                                               "The domain publishes no POP3 service records."));
}

// --- Mozilla autoconfig ------------------------------------------------------------------

void Autoconfigurator::startAutoconfig()
{
    begin(AutoconfigSource::Autoconfig);
    const QString encodedAddress = QString::fromLatin1(QUrl::toPercentEncoding(m_address));
    for (const QString &pattern : std::as_const(m_options.autoconfigUrls)) {
        QString text = pattern;
        text.replace(QLatin1StringView("%1"), m_domain);
        text.replace(QLatin1StringView("%2"), encodedAddress);
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.scheme() != u"https")
            continue; // the file names servers and user names: only over TLS
        QNetworkRequest request(url);
        request.setTransferTimeout(m_options.httpTimeoutMs);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::NoLessSafeRedirectPolicy);
        request.setMaximumRedirectsAllowed(3);
        if (!m_options.extraCaCertificates.isEmpty()) {
            QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
            ssl.addCaCertificates(m_options.extraCaCertificates);
            request.setSslConfiguration(ssl);
        }
        QNetworkReply *reply = m_network->get(request);
        reply->setParent(m_run);
        ++m_autoconfigPending;
        connect(reply, &QNetworkReply::downloadProgress, m_run, [reply](qint64 received, qint64) {
            if (received > AutoconfigXml::MaxDocumentSize)
                reply->abort();
        });
        const quint64 generation = m_generation;
        connect(reply, &QNetworkReply::finished, m_run, [this, reply, generation] {
            reply->deleteLater();
            if (generation == m_generation)
                onAutoconfigReply(reply);
        });
    }
    if (m_autoconfigPending == 0) {
        const quint64 generation = m_generation;
        QTimer::singleShot(0, m_run, [this, generation] {
            if (generation == m_generation)
                complete(AutoconfigSource::Autoconfig, {},
                         QCoreApplication::translate("Poplar::Accounts::Autoconfigurator",
                                                     "No autoconfig address to try."));
        });
    }
}

void Autoconfigurator::onAutoconfigReply(QNetworkReply *reply)
{
    if (!isTrying(AutoconfigSource::Autoconfig))
        return;
    const int httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError) {
        m_autoconfigError =
            reply->error() == QNetworkReply::OperationCanceledError
                ? QCoreApplication::translate(
                      "Poplar::Accounts::Autoconfigurator",
                      "The configuration file was too large or took too long.")
                : QCoreApplication::translate("Poplar::Accounts::Autoconfigurator",
                                              "Could not download the configuration file: %1")
                      .arg(reply->errorString());
    } else if (httpStatus != 200) {
        m_autoconfigError =
            QCoreApplication::translate("Poplar::Accounts::Autoconfigurator",
                                        "The server has no configuration file (HTTP %1).")
                .arg(httpStatus);
    } else {
        const AutoconfigXml::Result parsed =
            AutoconfigXml::parse(reply->read(AutoconfigXml::MaxDocumentSize + 1), m_address);
        if (!parsed.error.isEmpty())
            m_autoconfigError = parsed.error;
        else if (parsed.servers.isEmpty())
            m_autoconfigError =
                QCoreApplication::translate("Poplar::Accounts::Autoconfigurator",
                                            "The configuration file lists no POP3 server.");
        m_autoconfigFound << parsed.servers;
        m_autoconfigOutgoingFound << parsed.outgoing;
    }
    if (--m_autoconfigPending > 0)
        return;
    addOutgoing(AutoconfigSource::Autoconfig, m_autoconfigOutgoingFound);
    complete(AutoconfigSource::Autoconfig, m_autoconfigFound, m_autoconfigError);
}

// --- MX records --------------------------------------------------------------------------

void Autoconfigurator::startMx()
{
    begin(AutoconfigSource::Mx);
    const quint64 generation = m_generation;
    m_resolver->lookup(
        DnsResolver::Type::Mx, m_domain, m_run,
        [this, generation](DnsResolver::Status status, const QList<DnsRecord> &records) {
            if (generation != m_generation || !isTrying(AutoconfigSource::Mx))
                return;
            if (status != DnsResolver::Status::Ok) {
                complete(AutoconfigSource::Mx, {},
                         status == DnsResolver::Status::NotFound
                             ? QCoreApplication::translate("Poplar::Accounts::Autoconfigurator",
                                                           "The domain has no MX records.")
                             : QCoreApplication::translate("Poplar::Accounts::Autoconfigurator",
                                                           "The DNS lookup failed."));
                return;
            }
            QList<DnsRecord> sorted = records;
            std::stable_sort(
                sorted.begin(), sorted.end(),
                [](const DnsRecord &a, const DnsRecord &b) { return a.priority < b.priority; });
            for (const DnsRecord &r : std::as_const(sorted)) {
                const std::optional<ProviderTable::Provider> provider =
                    m_table.findByMxHost(r.target);
                if (!provider)
                    continue;
                addNotes(provider->notes());
                addOutgoing(AutoconfigSource::Mx,
                            provider->outgoingCandidatesFor(m_address, AutoconfigSource::Mx));
                if (!provider->offersPop3()) {
                    complete(AutoconfigSource::Mx, {},
                             QCoreApplication::translate(
                                 "Poplar::Accounts::Autoconfigurator",
                                 "Mail for this domain is handled by %1, which does not offer "
                                 "POP3.")
                                 .arg(provider->name));
                    return;
                }
                complete(AutoconfigSource::Mx,
                         provider->candidatesFor(m_address, AutoconfigSource::Mx), {});
                return;
            }
            complete(AutoconfigSource::Mx, {},
                     QCoreApplication::translate(
                         "Poplar::Accounts::Autoconfigurator",
                         "The domain's mail servers (%1) belong to no provider Poplar knows.")
                         .arg(sorted.isEmpty() ? QString() : sorted.first().target));
        });
    QTimer::singleShot(m_options.dnsTimeoutMs, m_run, [this, generation] {
        if (generation == m_generation)
            complete(AutoconfigSource::Mx, {},
                     QCoreApplication::translate("Poplar::Accounts::Autoconfigurator",
                                                 "The DNS lookup took too long."));
    });
}

// --- Guesses -----------------------------------------------------------------------------

void Autoconfigurator::startGuesses()
{
    begin(AutoconfigSource::Guess);
    const auto hostsFor = [this](const QStringList &patterns) {
        QStringList hosts;
        for (const QString &pattern : patterns) {
            QString host = pattern;
            host.replace(QLatin1StringView("%1"), m_domain);
            if (!hosts.contains(host) && AccountSettings::isPlausibleHostName(host))
                hosts << host;
        }
        return hosts;
    };
    const struct
    {
        ServerProbe::Protocol protocol;
        QStringList hosts;
        int tlsPort;
        int startTlsPort;
    } kinds[] = {{ServerProbe::Protocol::Pop3, hostsFor(m_options.guessHostPatterns),
                  m_options.tlsPort, m_options.startTlsPort},
                 {ServerProbe::Protocol::Smtp, hostsFor(m_options.outgoingGuessHostPatterns),
                  m_options.outgoingTlsPort, m_options.outgoingStartTlsPort}};
    for (const auto &kind : kinds) {
        for (const QString &host : kind.hosts) {
            const std::pair<Security, int> tries[] = {{Security::Tls, kind.tlsPort},
                                                      {Security::StartTls, kind.startTlsPort}};
            for (const auto &[security, port] : tries) {
                auto *probe = new ServerProbe(kind.protocol, host, port, security,
                                              m_options.probeTimeoutMs, m_run);
                ++m_probesPending;
                connect(probe, &ServerProbe::finished, m_run,
                        [this, generation = m_generation](ServerProbe *done) {
                            done->deleteLater();
                            if (generation == m_generation)
                                onProbeFinished(done);
                        });
                probe->start();
            }
        }
    }
    if (m_probesPending == 0) {
        const quint64 generation = m_generation;
        QTimer::singleShot(0, m_run, [this, generation] {
            if (generation == m_generation)
                complete(AutoconfigSource::Guess, {},
                         QCoreApplication::translate("Poplar::Accounts::Autoconfigurator",
                                                     "No server names to try."));
        });
    }
}

void Autoconfigurator::onProbeFinished(ServerProbe *probe)
{
    if (!isTrying(AutoconfigSource::Guess))
        return;
    if (probe->succeeded() && probe->protocol() == ServerProbe::Protocol::Smtp) {
        OutgoingCandidate c;
        c.host = probe->host();
        c.port = probe->port();
        c.security = probe->security();
        c.username = m_address;
        c.certificateVerified = probe->certificateVerified();
        m_guessOutgoingFound << c;
    } else if (probe->succeeded()) {
        ServerCandidate c;
        c.host = probe->host();
        c.port = probe->port();
        c.security = probe->security();
        c.username = m_address;
        c.certificateVerified = probe->certificateVerified();
        m_guessFound << c;
    }
    if (--m_probesPending > 0)
        return;
    verifiedFirst(m_guessFound);
    verifiedFirst(m_guessOutgoingFound);
    addOutgoing(AutoconfigSource::Guess, m_guessOutgoingFound);
    complete(
        AutoconfigSource::Guess, m_guessFound,
        QCoreApplication::translate("Poplar::Accounts::Autoconfigurator",
                                    "No server answered at the usual names (pop., pop3., mail.)."));
}

} // namespace Poplar::Accounts
