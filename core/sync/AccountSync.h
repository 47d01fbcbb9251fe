#pragma once

#include "sync/BackgroundJobs.h"
#include "sync/SyncAccount.h"
#include "sync/SyncPlan.h"

#include "pop3/Client.h"
#include "store/BatchResult.h"
#include "store/NewMessage.h"
#include "store/WriteBatch.h"

#include <QBuffer>
#include <QHash>
#include <QObject>

#include <map>
#include <memory>
#include <optional>

namespace Poplar::Store {
class StoreWriter;
}

namespace Poplar::Sync {

// One sync run of one account: connect → log in → UIDL/LIST → plan → RETR (pipelined) →
// store → DELE → QUIT. Every message is committed to the store before anything is deleted
// on the server, and deletions are recorded only once the server confirmed QUIT. Any
// failure ends the run with nothing deleted that is not safely stored; messages that were
// completely downloaded before the failure are kept.
//
// The thread that owns the run (normally the GUI thread) only drives the protocol: reading
// what the store knows and parsing each downloaded message run on worker threads
// (BackgroundJobs), and the parsed messages come back in download order, so the store
// receives them in server order. Only a few dozen downloaded messages may wait for or be in
// a parse; beyond that no new RETR is sent, so a slow parse holds the download back instead
// of piling up raw mail in memory. Within those bounds a RETR is issued whenever the client
// would send it at once (its window, sized by round trip and rate, has room).
class AccountSync : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,
        Connecting,  // open(): connect, TLS, CAPA, login
        Listing,     // UIDL and LIST (or TOP n 0 for servers without UIDL)
        Downloading, // RETR / TOP into the store
        Deleting,    // DELE, then QUIT
        Recording,   // the confirmed deletions go into the store
        Finished
    };
    Q_ENUM(State)

    // The writer is shared by all accounts; `databasePath` is where it writes, read here
    // through a connection of this run's own.
    AccountSync(const SyncAccount &account, Store::StoreWriter *writer, const QString &databasePath,
                QObject *parent = nullptr);
    ~AccountSync() override;

    void start();
    // Downloads these headers-only messages in full instead of a normal run (a message is
    // being opened): message id in the store → its UIDL.
    void startFetchFull(const QHash<qint64, QString> &messages);
    void cancel();

    State state() const { return m_state; }
    const SyncAccount &account() const { return m_account; }
    SyncProgress progress() const { return m_progress; }

signals:
    void stateChanged(Poplar::Sync::AccountSync::State state);
    void progressChanged(const Poplar::Sync::SyncProgress &progress);
    void certificateRejected(const Poplar::Net::CertificateProblem &problem);
    void finished(const Poplar::Sync::SyncResult &result);

private:
    struct Fetch
    {
        SyncPlan::Download download;
        qint64 replaceId = 0; // FetchFull: the stored message to complete
        std::shared_ptr<QBuffer> buffer;
        Pop3::CommandId command = 0;
    };
    // A downloaded message, parsed on a worker thread, waiting for its turn in m_pending.
    struct Parsed
    {
        SyncPlan::Download download;
        qint64 replaceId = 0;
        qint64 rawBytes = 0;
        Store::NewMessage message;
    };
    // What the worker read from the store and planned.
    struct PlanLoad
    {
        QString storeError;           // empty when the store could be read
        QList<Pop3::MessageUid> uids; // the server's keys, made unique (SyncPlan::uniqueKeys)
        SyncPlan plan;                // for a normal run
    };

    void setState(State state);
    void onOpened();
    void onUidlFinished(Pop3::CommandId id, const QList<Pop3::MessageUid> &uids);
    void onListFinished(Pop3::CommandId id, const QList<Pop3::MessageSize> &sizes);
    void requestHeaders();
    void onHeaderForKey(int number, qint64 size, const QByteArray &header);
    void makePlan();
    void onPlanLoaded(const PlanLoad &load);
    void fillWindow();
    void onRetrieveFinished(Pop3::CommandId id, int number, qint64 bytes);
    void onRetrieveProgress(Pop3::CommandId id, int number, qint64 received, qint64 expected);
    void onCommandFinished(Pop3::CommandId id);
    void onCommandFailed(Pop3::CommandId id, const Pop3::Error &error);
    void onParsed(quint64 sequence, Parsed parsed);
    // Downloaded messages whose parse has not yet reached m_pending.
    quint64 parsesOutstanding() const { return m_nextParse - m_nextAppend; }
    bool moreToAskFor() const { return m_nextDownload < m_plan.downloads.size(); }
    // Nothing more to download or parse: what is pending is all there will be.
    bool downloadsDone() const;
    void submitPending();
    void onBatchFinished(const Store::BatchResult &result);
    void maybeStartDeleting();
    void onSessionClosed(bool deletionsCommitted);
    void onFailed(const Pop3::Error &error);
    void finish(SyncResult result);
    void finishWithStoreError(const QString &message);

    SyncAccount m_account;
    Store::StoreWriter *m_writer;
    QString m_databasePath;
    std::unique_ptr<Pop3::Client> m_client;
    State m_state = State::Idle;
    SyncProgress m_progress;
    SyncResult m_result;
    QDateTime m_now;

    bool m_fetchFull = false;
    QHash<qint64, QString> m_fetchFullMessages;

    // Listing
    Pop3::CommandId m_uidlCommand = 0;
    Pop3::CommandId m_listCommand = 0;
    bool m_haveUidl = false;
    bool m_haveList = false;
    bool m_usingFallbackKeys = false;
    QList<Pop3::MessageUid> m_uids;
    QList<Pop3::MessageSize> m_sizes;
    // Without UIDL: the headers (TOP n 0) that give the keys, a window at a time; m_sizes
    // from m_nextHeader on are still to be asked for.
    struct HeaderFetch
    {
        int number = 0;
        qint64 size = 0;
        std::shared_ptr<QBuffer> buffer;
    };
    QHash<Pop3::CommandId, HeaderFetch> m_headerFetches;
    qsizetype m_nextHeader = 0;

    // Downloading: m_plan.downloads in order; the ones from m_nextDownload on are still to
    // be asked for. (No second copy of the plan as a queue: a mailbox of a million messages
    // would hold it twice.)
    SyncPlan m_plan;
    qsizetype m_nextDownload = 0;
    QList<qint64> m_replaceIds; // FetchFull: the stored message each download completes
    QHash<Pop3::CommandId, Fetch> m_inFlight;
    BackgroundJobs m_jobs;
    quint64 m_nextParse = 0;            // the sequence number of the next download to parse
    quint64 m_nextAppend = 0;           // the sequence number m_pending takes next
    std::map<quint64, Parsed> m_parsed; // parsed out of order, waiting for their turn
    Store::WriteBatch m_pending;
    QList<SyncPlan::Download> m_pendingDownloads;
    qint64 m_pendingBytes = 0;     // in m_pending
    qint64 m_uncommittedBytes = 0; // downloaded (parsing, pending or submitted), not committed
    struct SubmittedBatch
    {
        QList<SyncPlan::Download> downloads;
        qint64 bytes = 0;
    };
    QHash<quint64, SubmittedBatch> m_batches; // ticket → its messages
    QHash<quint64, bool> m_recordingBatches;  // bookkeeping batches: ticket → ends the run
    std::optional<SyncResult> m_failure;      // reported once the submitted batches are in
    qint64 m_bytesOfFinishedMessages = 0;

    // With nothing to delete, QUIT is sent once the last answer is in; the run ends once it
    // is confirmed and every download is committed.
    bool m_quitEarly = false;
    bool m_sessionClosed = false;

    // Deleting
    QList<SyncPlan::Deletion> m_deletions;
    QHash<Pop3::CommandId, QString> m_deleteCommands;
    QStringList m_deletedUidls;
};

} // namespace Poplar::Sync
