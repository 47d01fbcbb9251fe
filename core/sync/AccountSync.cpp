#include "sync/AccountSync.h"

#include "Logging.h"
#include "sync/MessageIngest.h"

#include "store/StoreReader.h"
#include "store/StoreWriter.h"

#include <QElapsedTimer>

namespace Poplar::Sync {

namespace {

// Header requests (TOP n 0, for servers without UIDL) in flight at once: small answers.
constexpr int kHeaderWindow = 64;
// A batch is committed when it holds this many messages or bytes, or when nothing is left.
constexpr int kBatchMessages = 50;
constexpr qint64 kBatchBytes = 8 * 1024 * 1024;
// Stop asking for more while this much downloaded mail waits for its commit.
constexpr qint64 kMaxUncommittedBytes = 64 * 1024 * 1024;
// Stop asking for more while this many downloaded messages wait for their parse (the worker
// threads are slower than the network): memory stays bounded by count as well as by bytes.
constexpr quint64 kMaxParses = 32;
// The most memory set aside in advance for one download.
constexpr qint64 kMaxReserveBytes = 32 * 1024 * 1024;

} // namespace

AccountSync::AccountSync(const SyncAccount &account, Store::StoreWriter *writer,
                         const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_writer(writer)
    , m_databasePath(databasePath)
{
    connect(m_writer, &Store::StoreWriter::batchFinished, this, &AccountSync::onBatchFinished);
}

AccountSync::~AccountSync() = default;

void AccountSync::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void AccountSync::start()
{
    m_now = QDateTime::currentDateTimeUtc();
    m_client = std::make_unique<Pop3::Client>(m_account.server);
    Pop3::Client *client = m_client.get();
    connect(client, &Pop3::Client::opened, this, &AccountSync::onOpened);
    connect(client, &Pop3::Client::failed, this, &AccountSync::onFailed);
    connect(client, &Pop3::Client::certificateRejected, this, &AccountSync::certificateRejected);
    connect(client, &Pop3::Client::uidlFinished, this, &AccountSync::onUidlFinished);
    connect(client, &Pop3::Client::listFinished, this, &AccountSync::onListFinished);
    connect(client, &Pop3::Client::retrieveFinished, this, &AccountSync::onRetrieveFinished);
    connect(client, &Pop3::Client::retrieveProgress, this, &AccountSync::onRetrieveProgress);
    connect(client, &Pop3::Client::commandFinished, this, &AccountSync::onCommandFinished);
    connect(client, &Pop3::Client::commandFailed, this, &AccountSync::onCommandFailed);
    connect(client, &Pop3::Client::sessionClosed, this, &AccountSync::onSessionClosed);
    setState(State::Connecting);
    qCInfo(lcSync) << "sync" << m_account.id << "starts";
    client->open();
}

void AccountSync::startFetchFull(const QHash<qint64, QString> &messages)
{
    m_fetchFull = true;
    m_fetchFullMessages = messages;
    start();
}

void AccountSync::cancel()
{
    if (m_client && m_state != State::Finished)
        m_client->cancel();
}

void AccountSync::onOpened()
{
    setState(State::Listing);
    m_uidlCommand = m_client->uidl();
    m_listCommand = m_client->list();
}

void AccountSync::onUidlFinished(Pop3::CommandId id, const QList<Pop3::MessageUid> &uids)
{
    if (id != m_uidlCommand)
        return;
    m_uids = uids;
    m_haveUidl = true;
    if (m_haveList)
        makePlan();
}

void AccountSync::onListFinished(Pop3::CommandId id, const QList<Pop3::MessageSize> &sizes)
{
    if (id != m_listCommand)
        return;
    m_sizes = sizes;
    m_haveList = true;
    if (m_usingFallbackKeys) {
        // No UIDL: a stable key from each message's header (TOP n 0).
        m_uids.reserve(sizes.size());
        requestHeaders();
        if (sizes.isEmpty())
            makePlan();
    } else if (m_haveUidl) {
        makePlan();
    }
}

void AccountSync::requestHeaders()
{
    // A window of TOP commands at a time, like the downloads: a mailbox of a million messages
    // is not a million commands and buffers waiting at once.
    while (!m_failure && m_client->state() != Pop3::Client::State::Closed &&
           m_headerFetches.size() < kHeaderWindow && m_nextHeader < m_sizes.size()) {
        const Pop3::MessageSize &size = m_sizes.at(m_nextHeader++);
        auto buffer = std::make_shared<QBuffer>();
        buffer->open(QIODevice::WriteOnly);
        m_headerFetches.insert(m_client->top(size.number, 0, buffer.get()),
                               {size.number, size.size, buffer});
    }
}

void AccountSync::onHeaderForKey(int number, qint64 size, const QByteArray &header)
{
    m_uids.append({number, MessageIngest::fallbackKey(header, size)});
    requestHeaders();
    if (m_headerFetches.isEmpty() && m_nextHeader >= m_sizes.size()) {
        std::sort(m_uids.begin(), m_uids.end(),
                  [](const auto &a, const auto &b) { return a.number < b.number; });
        makePlan();
    }
}

void AccountSync::makePlan()
{
    // Reading the UIDLs the account has seen (tens of thousands of rows for an old account)
    // and comparing them with the server's list run on a worker thread.
    SyncPlan::Input input{m_uids, m_sizes, {}, m_account.policy, m_account.headersOnlyLimit, m_now};
    m_jobs.run(
        [path = m_databasePath, account = m_account.id, input = std::move(input),
         fetchFull = m_fetchFull]() mutable {
            PlanLoad load;
            Store::StoreReader reader;
            if (const Store::StoreError error = reader.open(path)) {
                load.storeError = error.message();
                return load;
            }
            auto known = reader.uidls(account);
            if (!known) {
                load.storeError = known.error().message();
                return load;
            }
            input.known = std::move(known).value();
            input.serverUids =
                SyncPlan::uniqueKeys(input.serverUids, input.serverSizes, input.known);
            load.uids = input.serverUids;
            if (!fetchFull)
                load.plan = SyncPlan::make(input);
            return load;
        },
        [this](const PlanLoad &load) { onPlanLoaded(load); });
}

void AccountSync::onPlanLoaded(const PlanLoad &load)
{
    if (m_state != State::Listing || m_failure)
        return; // the run ended meanwhile (cancelled, connection lost)
    if (!load.storeError.isEmpty()) {
        finishWithStoreError(load.storeError);
        return;
    }
    const qsizetype onServer = load.uids.size();

    setState(State::Downloading);
    if (m_fetchFull) {
        // Only the requested messages, found by UIDL under today's message numbers.
        QHash<QString, qint64> wanted;
        for (auto it = m_fetchFullMessages.cbegin(); it != m_fetchFullMessages.cend(); ++it)
            wanted.insert(it.value(), it.key());
        QHash<int, qint64> sizes;
        for (const Pop3::MessageSize &s : std::as_const(m_sizes))
            sizes.insert(s.number, s.size);
        for (const Pop3::MessageUid &uid : std::as_const(load.uids)) {
            if (!wanted.contains(uid.uid))
                continue;
            const SyncPlan::Download download{uid.number, uid.uid, sizes.value(uid.number, -1),
                                              false};
            m_plan.downloads.append(download);
            m_plan.downloadBytes += qMax<qint64>(download.size, 0);
            m_replaceIds.append(wanted.take(uid.uid));
        }
        if (!wanted.isEmpty())
            m_result.warnings << tr("%n message(s) are no longer on the server.", nullptr,
                                    int(wanted.size()));
    } else {
        m_plan = load.plan;
        m_deletions = std::exchange(m_plan.deletions, {});
        // Bookkeeping first: which UIDLs are new, which have gone from the server. A
        // message whose UIDL has gone is then free to be recognised under a new one.
        Store::WriteBatch seen;
        if (!m_plan.newUidls.isEmpty())
            seen.recordUidls(m_account.id, std::exchange(m_plan.newUidls, {}), m_now);
        if (!m_plan.vanishedUidls.isEmpty())
            seen.markDeletedOnServer(m_account.id, std::exchange(m_plan.vanishedUidls, {}), m_now);
        if (!seen.isEmpty())
            m_recordingBatches.insert(m_writer->submit(std::move(seen)), false);
    }
    // The listings have served their purpose: what is left to do is in the plan.
    m_uids = {};
    m_sizes = {};
    qCInfo(lcSync) << "sync" << m_account.id << ":" << onServer << "on server,"
                   << m_plan.downloads.size() << "to download," << m_deletions.size()
                   << "to delete";
    m_progress.messagesTotal = int(m_plan.downloads.size());
    m_progress.bytesTotal = m_plan.downloadBytes;
    emit progressChanged(m_progress);
    fillWindow();
    maybeStartDeleting();
}

void AccountSync::fillWindow()
{
    while (m_state == State::Downloading && !m_failure && moreToAskFor() &&
           m_client->wouldSendNow() && parsesOutstanding() < kMaxParses &&
           m_uncommittedBytes < kMaxUncommittedBytes) {
        Fetch fetch;
        fetch.download = m_plan.downloads.at(m_nextDownload);
        fetch.replaceId = m_replaceIds.value(m_nextDownload);
        ++m_nextDownload;
        fetch.buffer = std::make_shared<QBuffer>();
        if (!fetch.download.headersOnly && fetch.download.size > 0) {
            // Room for the size LIST announced (within reason: it comes from the server), so
            // a large message is not copied again and again while it grows on this thread.
            fetch.buffer->buffer().reserve(qMin(fetch.download.size + 1024, kMaxReserveBytes));
        }
        fetch.buffer->open(QIODevice::WriteOnly);
        fetch.command = fetch.download.headersOnly
                            ? m_client->top(fetch.download.number, 0, fetch.buffer.get())
                            : m_client->retrieve(fetch.download.number, fetch.buffer.get(),
                                                 fetch.download.size);
        m_inFlight.insert(fetch.command, std::move(fetch));
    }
    if (m_state == State::Downloading && !m_failure && !moreToAskFor() && m_inFlight.isEmpty() &&
        !m_quitEarly && m_deletions.isEmpty() &&
        m_account.policy.mode != LeavePolicy::Mode::DeleteAfterDownload) {
        // Nothing will be deleted: QUIT goes as soon as the last answer is in (it commits
        // nothing on the server), so its round trip overlaps the parses and the last commits.
        // Not before: a server may close before the tail of its answers is out (Dovecot
        // behind its TLS proxy does).
        m_quitEarly = true;
        m_client->quit();
    }
}

void AccountSync::onRetrieveProgress(Pop3::CommandId id, int, qint64 received, qint64)
{
    if (!m_inFlight.contains(id))
        return;
    m_progress.bytesDone = m_bytesOfFinishedMessages + received;
    emit progressChanged(m_progress);
}

void AccountSync::onRetrieveFinished(Pop3::CommandId id, int number, qint64 bytes)
{
    if (auto header = m_headerFetches.find(id); header != m_headerFetches.end()) {
        const QByteArray data = header->buffer->data();
        const qint64 size = header->size;
        m_headerFetches.erase(header);
        onHeaderForKey(number, size, data);
        return;
    }
    auto it = m_inFlight.find(id);
    if (it == m_inFlight.end())
        return;
    Fetch fetch = std::move(it.value());
    m_inFlight.erase(it);

    QByteArray raw = fetch.buffer->data();
    fetch.buffer.reset();
    if (raw.capacity() - raw.size() > 64 * 1024)
        raw.squeeze(); // LIST announced more than came: give the rest back
    m_uncommittedBytes += raw.size();
    // The parse (MIME tree, charsets, text for search) runs on a worker thread; onParsed()
    // puts the results back in download order.
    const quint64 sequence = m_nextParse++;
    m_jobs.run(
        [account = m_account.id, download = fetch.download, replaceId = fetch.replaceId,
         raw = std::move(raw), now = m_now] {
            QElapsedTimer timer;
            timer.start();
            Parsed parsed;
            parsed.download = download;
            parsed.replaceId = replaceId;
            parsed.rawBytes = raw.size();
            parsed.message = MessageIngest::prepare(account, download.uidl, raw, download.size,
                                                    download.headersOnly, now);
            qCDebug(lcSync) << "parsed" << download.uidl << raw.size() << "bytes in"
                            << timer.elapsed() << "ms";
            return parsed;
        },
        [this, sequence](Parsed parsed) { onParsed(sequence, std::move(parsed)); });

    m_bytesOfFinishedMessages += bytes;
    m_progress.bytesDone = m_bytesOfFinishedMessages;
    ++m_progress.messagesDone;
    emit progressChanged(m_progress);
    fillWindow();
}

void AccountSync::onParsed(quint64 sequence, Parsed parsed)
{
    if (m_state == State::Finished)
        return; // ended by a store error: nothing more goes into the store
    m_parsed.emplace(sequence, std::move(parsed));
    while (!m_parsed.empty() && m_parsed.begin()->first == m_nextAppend) {
        Parsed next = std::move(m_parsed.begin()->second);
        m_parsed.erase(m_parsed.begin());
        ++m_nextAppend;
        if (next.replaceId)
            m_pending.replaceContent(next.replaceId, std::move(next.message));
        else
            m_pending.insertMessage(std::move(next.message));
        m_pendingDownloads.append(next.download);
        m_pendingBytes += next.rawBytes;
        if (m_pendingDownloads.size() >= kBatchMessages || m_pendingBytes >= kBatchBytes)
            submitPending();
    }
    if (downloadsDone())
        submitPending();
    if (m_failure) {
        // The run failed while these were parsed: they are committed, then it ends.
        if (parsesOutstanding() == 0 && m_batches.isEmpty())
            finish(*m_failure);
        return;
    }
    fillWindow();
    maybeStartDeleting();
}

bool AccountSync::downloadsDone() const
{
    return !moreToAskFor() && m_inFlight.isEmpty() && parsesOutstanding() == 0;
}

void AccountSync::submitPending()
{
    if (m_pending.isEmpty())
        return;
    const quint64 ticket = m_writer->submit(std::exchange(m_pending, {}));
    m_batches.insert(ticket,
                     {std::exchange(m_pendingDownloads, {}), std::exchange(m_pendingBytes, 0)});
}

void AccountSync::onBatchFinished(const Store::BatchResult &result)
{
    if (!m_recordingBatches.contains(result.ticket) && !m_batches.contains(result.ticket))
        return;
    const bool endsRun = m_recordingBatches.take(result.ticket);
    const SubmittedBatch batch = m_batches.take(result.ticket);
    if (!result.committed()) {
        finishWithStoreError(result.error.message());
        return;
    }
    m_uncommittedBytes -= batch.bytes;
    for (const SyncPlan::Download &download : batch.downloads) {
        ++m_result.downloaded;
        // Durably committed: now, and only now, it may go from the server.
        if (m_account.policy.mode == LeavePolicy::Mode::DeleteAfterDownload &&
            !download.headersOnly)
            m_deletions.append({download.number, download.uidl});
    }
    if (endsRun) {
        finish(m_result);
    } else if (m_failure) {
        if (m_batches.isEmpty() && parsesOutstanding() == 0)
            finish(*m_failure);
    } else {
        fillWindow();
        maybeStartDeleting();
    }
}

void AccountSync::maybeStartDeleting()
{
    if (m_state != State::Downloading || !downloadsDone() || !m_pending.isEmpty() ||
        !m_batches.isEmpty() || !m_recordingBatches.isEmpty())
        return;
    if (m_quitEarly) {
        // Everything is stored; the run ends when the server has confirmed QUIT.
        if (m_sessionClosed) {
            m_result.ok = true;
            finish(m_result);
        }
        return;
    }
    setState(State::Deleting);
    for (const SyncPlan::Deletion &deletion : std::as_const(m_deletions))
        m_deleteCommands.insert(m_client->remove(deletion.number), deletion.uidl);
    m_client->quit();
}

void AccountSync::onCommandFinished(Pop3::CommandId id)
{
    if (const auto it = m_deleteCommands.constFind(id); it != m_deleteCommands.cend())
        m_deletedUidls << it.value();
}

void AccountSync::onCommandFailed(Pop3::CommandId id, const Pop3::Error &error)
{
    if (id == m_uidlCommand) {
        qCWarning(lcSync) << "sync" << m_account.id
                          << ": the server has no UIDL; using Message-ID, size and date";
        m_result.warnings << tr("The server does not give messages stable identifiers; "
                                "Poplar recognises them by their headers instead.");
        m_usingFallbackKeys = true;
        if (m_haveList)
            onListFinished(m_listCommand, m_sizes);
        return;
    }
    if (auto header = m_headerFetches.find(id); header != m_headerFetches.end()) {
        const HeaderFetch fetch = header.value();
        m_headerFetches.erase(header);
        onHeaderForKey(fetch.number, fetch.size, QByteArray());
        return;
    }
    if (auto it = m_inFlight.find(id); it != m_inFlight.end()) {
        if (m_client->state() == Pop3::Client::State::Closed) {
            // The session ended (failed() follows and reports why): not this message's fault.
            m_inFlight.erase(it);
            return;
        }
        // The server refused this one message (e.g. deleted meanwhile): skip it.
        m_result.warnings << tr("Message %1 could not be downloaded: %2")
                                 .arg(it->download.number)
                                 .arg(error.message());
        m_inFlight.erase(it);
        if (downloadsDone())
            submitPending();
        fillWindow();
        maybeStartDeleting();
        return;
    }
    if (m_deleteCommands.remove(id))
        m_result.warnings << error.message();
}

void AccountSync::onSessionClosed(bool deletionsCommitted)
{
    if (m_quitEarly && m_state == State::Downloading && !m_failure) {
        m_sessionClosed = true;
        maybeStartDeleting();
        return;
    }
    if (m_state != State::Deleting)
        return; // a failure: onFailed reports it
    if (!deletionsCommitted) {
        SyncResult result;
        result.error = tr("The server did not confirm the end of the session, so it deleted "
                          "nothing.");
        finish(result);
        return;
    }
    m_result.deletedOnServer = int(m_deletedUidls.size());
    m_result.ok = true;
    if (m_deletedUidls.isEmpty()) {
        finish(m_result);
        return;
    }
    setState(State::Recording);
    Store::WriteBatch deleted;
    deleted.markDeletedOnServer(m_account.id, m_deletedUidls, m_now);
    m_recordingBatches.insert(m_writer->submit(std::move(deleted)), true);
}

void AccountSync::onFailed(const Pop3::Error &error)
{
    if (m_state == State::Finished || m_failure)
        return;
    SyncResult result;
    result.ok = false;
    result.pop3Error = error;
    result.error = error.message();
    result.pipelineLimit = m_client ? m_client->suggestedPipelineLimit() : 0;
    m_failure = result;
    // What was completely downloaded is kept: commit it, then report. Messages still being
    // parsed are committed when their parse is done (onParsed).
    m_inFlight.clear();
    m_nextDownload = m_plan.downloads.size(); // nothing more is asked for
    if (parsesOutstanding() > 0)
        return;
    submitPending();
    if (m_batches.isEmpty())
        finish(*m_failure);
}

void AccountSync::finishWithStoreError(const QString &message)
{
    if (m_state == State::Finished)
        return;
    SyncResult result;
    result.ok = false;
    result.storeFailed = true;
    result.error = message;
    finish(result);
    if (m_client)
        m_client->cancel(); // nothing more is downloaded and nothing is deleted
}

void AccountSync::finish(SyncResult result)
{
    if (m_state == State::Finished)
        return;
    // The counts and warnings gathered during the run belong to every ending.
    result.downloaded = m_result.downloaded;
    result.deletedOnServer = m_result.deletedOnServer;
    result.warnings = m_result.warnings;
    if (!result.pipelineLimit && m_client)
        result.pipelineLimit = m_client->suggestedPipelineLimit();
    setState(State::Finished);
    qCInfo(lcSync) << "sync" << m_account.id << (result.ok ? "done" : "failed:") << result.error
                   << "downloaded" << result.downloaded << "deleted" << result.deletedOnServer;
    emit finished(result);
}

} // namespace Poplar::Sync
