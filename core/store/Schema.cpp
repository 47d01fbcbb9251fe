#include "store/Schema.h"

#include "Logging.h"
#include "store/ContentHash.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/ThreadIndex.h"
#include "store/Transaction.h"

#include <QList>

#include <array>

namespace Poplar::Store {

namespace {

// Version 1: the tables.
//
// messages holds the summary of each stored message; list queries read only this table.
// The raw bytes live in message_raw so that paging never touches large blobs. Times are
// milliseconds since 1970 UTC; date is the Date header, or the first-seen time when the
// message has no readable date, so every message has a place in the list. folder: 0 = Inbox, 1 =
// Trash (trashed_at says since when). from_sort and subject_sort are case-folded keys computed by
// Poplar for sorting.
//
// seen_uidls remembers every UIDL Poplar has seen on the server for an account, whether or
// not the message is still stored, so the sync engine can apply the leave-on-server policy
// (first_seen), knows what it already deleted on the server (server_deleted_at), and never
// downloads again a message the user deleted (local_deleted_at). A deleted message keeps its
// Message-ID and content hash there, so it is still recognised if the server renames it.
//
// message_fts is the search index; see SearchText for why it uses unicode61 and how Chinese,
// Japanese and Korean text is prepared before it is indexed.
constexpr const char *kVersion1 = R"sql(
CREATE TABLE messages (
    id              INTEGER PRIMARY KEY,
    account         TEXT    NOT NULL,
    uidl            TEXT    NOT NULL,
    size            INTEGER NOT NULL DEFAULT 0,
    date            INTEGER NOT NULL,
    from_text       TEXT    NOT NULL DEFAULT '',
    from_sort       TEXT    NOT NULL DEFAULT '',
    to_text         TEXT    NOT NULL DEFAULT '',
    cc_text         TEXT    NOT NULL DEFAULT '',
    subject         TEXT    NOT NULL DEFAULT '',
    subject_sort    TEXT    NOT NULL DEFAULT '',
    snippet         TEXT    NOT NULL DEFAULT '',
    has_attachments INTEGER NOT NULL DEFAULT 0,
    message_id      TEXT    NOT NULL DEFAULT '',
    in_reply_to     TEXT    NOT NULL DEFAULT '',
    refs            TEXT    NOT NULL DEFAULT '',
    is_read         INTEGER NOT NULL DEFAULT 0,
    is_starred      INTEGER NOT NULL DEFAULT 0,
    folder          INTEGER NOT NULL DEFAULT 0,
    trashed_at      INTEGER,
    headers_only    INTEGER NOT NULL DEFAULT 0,
    first_seen      INTEGER NOT NULL,
    stored_at       INTEGER NOT NULL,
    content_hash    BLOB,
    UNIQUE (account, uidl)
);
CREATE INDEX messages_by_message_id ON messages (account, message_id);

CREATE TABLE message_raw (
    message INTEGER PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
    raw     BLOB NOT NULL
);

CREATE TABLE seen_uidls (
    account           TEXT    NOT NULL,
    uidl              TEXT    NOT NULL,
    first_seen        INTEGER NOT NULL,
    server_deleted_at INTEGER,
    local_deleted_at  INTEGER,
    message_id        TEXT,
    content_hash      BLOB,
    PRIMARY KEY (account, uidl)
) WITHOUT ROWID;
CREATE INDEX seen_uidls_deleted_content ON seen_uidls (account, content_hash)
    WHERE local_deleted_at IS NOT NULL;

CREATE VIRTUAL TABLE message_fts USING fts5 (
    subject, people, body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
)sql";

// Version 2: one index per sort order of the message list, for one account and for all
// accounts, so a page is read from an index instead of sorting the folder. The rowid at the
// end of each index breaks ties in a stable way. The partial index answers unread counts.
constexpr const char *kVersion2 = R"sql(
CREATE INDEX messages_all_date       ON messages (folder, date);
CREATE INDEX messages_all_from       ON messages (folder, from_sort);
CREATE INDEX messages_all_subject    ON messages (folder, subject_sort);
CREATE INDEX messages_all_size       ON messages (folder, size);
CREATE INDEX messages_account_date    ON messages (account, folder, date);
CREATE INDEX messages_account_from    ON messages (account, folder, from_sort);
CREATE INDEX messages_account_subject ON messages (account, folder, subject_sort);
CREATE INDEX messages_account_size    ON messages (account, folder, size);
CREATE INDEX messages_unread ON messages (account) WHERE folder = 0 AND is_read = 0;
)sql";

// Version 3: content hashes become BLAKE2b-256 digests (ContentHash), computed again from the
// raw message of every stored message that has one. A message deleted for good before this
// version keeps its old SHA-256 hash in seen_uidls (its raw bytes are gone): it is no longer
// recognised if the server later shows it under a new UIDL.
StoreError rehashContent(Database &db)
{
    QList<qint64> ids;
    {
        Statement select(db.handle(), "SELECT id FROM messages WHERE content_hash IS NOT NULL");
        for (Statement::Step step = select.step(); step != Statement::Step::Done;
             step = select.step()) {
            if (step == Statement::Step::Error)
                return select.error();
            ids.append(select.int64(0));
        }
    }
    Statement read(db.handle(), "SELECT raw FROM message_raw WHERE message = ?1");
    Statement update(db.handle(), "UPDATE messages SET content_hash = ?2 WHERE id = ?1");
    for (const qint64 id : ids) {
        read.bind(1, id);
        const Statement::Step step = read.step();
        if (step == Statement::Step::Error)
            return read.error();
        // A summary without raw bytes cannot be recognised by its content.
        const QByteArray hash =
            step == Statement::Step::Row ? ContentHash::of(read.blob(0)) : QByteArray();
        read.reset();
        update.bind(1, id);
        if (hash.isEmpty())
            update.bindNull(2);
        else
            update.bind(2, hash);
        if (const StoreError error = update.run())
            return error;
    }
    return {};
}

// Version 4: threads (see ThreadIndex). thread labels a message's conversation and thread_date
// is the date of the newest message of that thread in the same folder; thread_refs maps each
// Message-ID an account's messages named to its thread. messages_by_thread answers the thread
// dates; the *_thread indexes give the message list grouped by thread (threads newest first,
// each thread oldest first). The stored messages are threaded by ThreadIndex::threadAll().
constexpr const char *kVersion4 = R"sql(
ALTER TABLE messages ADD COLUMN thread INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN thread_date INTEGER NOT NULL DEFAULT 0;
CREATE TABLE thread_refs (
    account    TEXT    NOT NULL,
    message_id TEXT    NOT NULL,
    thread     INTEGER NOT NULL,
    PRIMARY KEY (account, message_id)
) WITHOUT ROWID;
CREATE INDEX thread_refs_by_thread ON thread_refs (thread);
CREATE INDEX messages_by_thread ON messages (thread, folder, date);
CREATE INDEX messages_all_thread ON messages (folder, thread_date DESC, thread DESC, date);
CREATE INDEX messages_account_thread
    ON messages (account, folder, thread_date DESC, thread DESC, date);
)sql";

// Version 5: sending. Folders 2 (Sent) and 3 (Drafts) join Inbox and Trash in messages.folder.
// outbox holds each message waiting to be sent: the exact bytes (without Bcc), the envelope
// (recipients one per line), its state (OutgoingRecord::State) and the retry schedule. A
// message is written here before any network step and leaves only once the server accepted
// it, in the same transaction that stores its copy in Sent.
constexpr const char *kVersion5 = R"sql(
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: `poplar outbox retry ID`
    account         TEXT    NOT NULL,
    state           INTEGER NOT NULL DEFAULT 0,
    raw             BLOB    NOT NULL,
    envelope_from   TEXT    NOT NULL,
    recipients      TEXT    NOT NULL,
    bcc             TEXT    NOT NULL DEFAULT '',
    subject         TEXT    NOT NULL DEFAULT '',
    to_text         TEXT    NOT NULL DEFAULT '',
    message_id      TEXT    NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    last_error      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX outbox_by_account ON outbox (account, id);
)sql";

// Each step is SQL, code, or both (SQL first), run in one transaction.
struct Step
{
    const char *sql;
    StoreError (*code)(Database &);
};

constexpr std::array<Step, 5> kSteps = {
    Step{kVersion1, nullptr},     Step{kVersion2, nullptr},
    Step{nullptr, rehashContent}, Step{kVersion4, &ThreadIndex::threadAll},
    Step{kVersion5, nullptr},
};

} // namespace

int Schema::latestVersion()
{
    return int(kSteps.size());
}

StoreError Schema::migrate(Database &db, int targetVersion)
{
    if (targetVersion < 0 || targetVersion > latestVersion())
        targetVersion = latestVersion();
    const QString context = QStringLiteral("Cannot upgrade the mail database");
    // The common case, an up-to-date database, needs no write lock.
    if (const Result<int> current = db.schemaVersion(); current && current.value() == targetVersion)
        return {};
    for (;;) {
        // The version is read inside the write transaction: if another connection upgraded the
        // database meanwhile, this one sees it and does not run a step twice.
        Transaction transaction(db);
        if (transaction.error())
            return transaction.error().inContext(context);
        const Result<int> version = db.schemaVersion();
        if (!version)
            return version.error();
        if (version.value() > latestVersion()) {
            return StoreError(StoreError::Kind::SchemaTooNew,
                              QStringLiteral("The mail database %1 was written by a newer version "
                                             "of Poplar (schema %2, this version knows %3). "
                                             "Poplar will not change it.")
                                  .arg(db.path())
                                  .arg(version.value())
                                  .arg(latestVersion()));
        }
        if (version.value() >= targetVersion)
            return {};
        const int next = version.value() + 1;
        const Step &step = kSteps[size_t(next - 1)];
        if (step.sql) {
            if (const StoreError error = db.exec(step.sql))
                return error.inContext(context);
        }
        if (step.code) {
            if (const StoreError error = step.code(db))
                return error.inContext(context);
        }
        const QByteArray setVersion = "PRAGMA user_version = " + QByteArray::number(next);
        if (const StoreError error = db.exec(setVersion.constData()))
            return error.inContext(context);
        if (const StoreError error = transaction.commit())
            return error.inContext(context);
        qCInfo(lcStore) << "mail database schema upgraded to version" << next;
    }
}

} // namespace Poplar::Store
