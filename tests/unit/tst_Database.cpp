#include "store/BatchExecutor.h"
#include "store/ContentHash.h"
#include "store/Database.h"
#include "store/Schema.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Poplar::Store;

namespace {

NewMessage sample(const QString &uidl)
{
    NewMessage m;
    m.account = QStringLiteral("acct");
    m.uidl = uidl;
    m.raw = "Subject: hello " + uidl.toUtf8() + "\r\n\r\nbody\r\n";
    m.subject = QStringLiteral("hello ") + uidl;
    m.from = QStringLiteral("Alice <alice@example.org>");
    m.date = QDateTime(QDate(2024, 5, 1), QTime(9, 0), Qt::UTC);
    m.bodyText = QStringLiteral("body");
    return m;
}

qint64 scalar(Database &db, const char *sql)
{
    Statement s(db.handle(), sql);
    if (s.step() != Statement::Step::Row)
        return -1;
    return s.int64(0);
}

QString text(Database &db, const char *sql)
{
    Statement s(db.handle(), sql);
    if (s.step() != Statement::Step::Row)
        return {};
    return s.text(0);
}

} // namespace

class tst_Database : public QObject
{
    Q_OBJECT

private slots:
    void emptyFileGetsTheCurrentSchemaAndSettings()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mail.sqlite"));
        {
            QFile empty(path);
            QVERIFY(empty.open(QIODevice::WriteOnly));
        }
        Database db;
        const StoreError error = db.open(path);
        QVERIFY2(!error, qPrintable(error.message()));
        QCOMPARE(db.schemaVersion().valueOr(-1), Schema::latestVersion());
        QCOMPARE(text(db, "PRAGMA journal_mode"), QStringLiteral("wal"));
        QCOMPARE(scalar(db, "PRAGMA synchronous"), 2); // FULL
        QCOMPARE(scalar(db, "PRAGMA foreign_keys"), 1);
        QCOMPARE(scalar(db, "PRAGMA page_size"), 16384);
        QCOMPARE(scalar(db, "PRAGMA cache_size"), -32768);
        QVERIFY(scalar(db, "PRAGMA busy_timeout") > 0);
        QCOMPARE(db.integrityCheck().valueOr({QStringLiteral("failed")}), QStringList());
    }

    void reopeningKeepsDataAndVersion()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mail.sqlite"));
        {
            Database db;
            QVERIFY(!db.open(path));
            WriteBatch batch;
            batch.insertMessage(sample(QStringLiteral("u1")));
            QVERIFY(BatchExecutor(db).apply(batch).committed());
        }
        Database db;
        QVERIFY(!db.open(path));
        QCOMPARE(db.schemaVersion().valueOr(-1), Schema::latestVersion());
        QCOMPARE(scalar(db, "SELECT count(*) FROM messages"), 1);
    }

    void upgradesStepByStepFromTheFirstVersion()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mail.sqlite"));
        {
            Database db;
            QVERIFY(!db.openWithoutMigration(path));
            QVERIFY(!Schema::migrate(db, 1));
            QCOMPARE(db.schemaVersion().valueOr(-1), 1);
            QCOMPARE(
                scalar(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'messages_all_date'"),
                0);
            // Rows as version 1 stored them (the writer only knows the latest schema).
            QVERIFY(!db.exec("INSERT INTO messages (account, uidl, date, first_seen, stored_at,"
                             " subject) VALUES ('acct', 'u1', 1000, 0, 0, 'hello u1'),"
                             " ('acct', 'u2', 2000, 0, 0, 'hello u2')"));
        }
        Database db;
        QVERIFY(!db.open(path));
        QCOMPARE(db.schemaVersion().valueOr(-1), Schema::latestVersion());
        QCOMPARE(scalar(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'messages_all_date'"),
                 1);
        QCOMPARE(scalar(db, "SELECT count(*) FROM messages"), 2);
        QCOMPARE(db.integrityCheck().valueOr({QStringLiteral("failed")}), QStringList());
    }

    void databaseWithSmallerPagesKeepsThem()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mail.sqlite"));
        {
            Database db;
            QVERIFY(!db.openWithoutMigration(path));
            QVERIFY(!db.exec("PRAGMA page_size = 4096; PRAGMA journal_mode = WAL"));
            QVERIFY(!Schema::migrate(db));
            WriteBatch batch;
            batch.insertMessage(sample(QStringLiteral("u1")));
            QVERIFY(BatchExecutor(db).apply(batch).committed());
        }
        Database db;
        QVERIFY(!db.open(path));
        QCOMPARE(scalar(db, "PRAGMA page_size"), 4096);
        QCOMPARE(scalar(db, "SELECT count(*) FROM messages"), 1);
        QCOMPARE(db.integrityCheck().valueOr({QStringLiteral("failed")}), QStringList());
    }

    void version3HashesStoredMessagesAgain()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mail.sqlite"));
        const NewMessage full = sample(QStringLiteral("u1"));
        {
            Database db;
            QVERIFY(!db.openWithoutMigration(path));
            QVERIFY(!Schema::migrate(db, 2));
            // As version 2 stored them (the writer only knows the latest schema): a message
            // with a SHA-256 hash, and one downloaded headers only, without a hash.
            const QByteArray insert = "INSERT INTO messages (id, account, uidl, date, first_seen,"
                                      " stored_at, content_hash) VALUES"
                                      " (1, 'acct', 'u1', 1000, 0, 0, x'" +
                                      QByteArray(64, 'a') +
                                      "'), (2, 'acct', 'u2', 2000, 0, 0, NULL)";
            QVERIFY(!db.exec(insert.constData()));
            Statement raw(db.handle(), "INSERT INTO message_raw (message, raw) VALUES (1, ?1)");
            raw.bind(1, full.raw);
            QVERIFY(!raw.run());
        }
        Database db;
        QVERIFY(!db.open(path));
        QCOMPARE(db.schemaVersion().valueOr(-1), Schema::latestVersion());
        Statement hashes(db.handle(), "SELECT uidl, content_hash FROM messages ORDER BY uidl");
        QCOMPARE(hashes.step(), Statement::Step::Row);
        QCOMPARE(hashes.blob(1), ContentHash::of(full.raw));
        QCOMPARE(hashes.step(), Statement::Step::Row);
        QVERIFY(hashes.isNull(1)); // no body downloaded: nothing to recognise it by
        QCOMPARE(hashes.step(), Statement::Step::Done);
        QCOMPARE(db.integrityCheck().valueOr({QStringLiteral("failed")}), QStringList());
    }

    void newerSchemaIsRefusedAndLeftAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mail.sqlite"));
        {
            Database db;
            QVERIFY(!db.open(path));
            QVERIFY(!db.exec("PRAGMA user_version = 99"));
        }
        Database db;
        const StoreError error = db.open(path);
        QCOMPARE(error.kind(), StoreError::Kind::SchemaTooNew);
        QVERIFY2(error.message().contains(QStringLiteral("newer version of Poplar")),
                 qPrintable(error.message()));
        QVERIFY(!db.isOpen());
        Database raw;
        QVERIFY(!raw.openWithoutMigration(path));
        QCOMPARE(raw.schemaVersion().valueOr(-1), 99);
    }

    void fileThatIsNotADatabaseIsReportedAndKept()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mail.sqlite"));
        const QByteArray junk =
            QByteArray("this is not a database, it is a letter\n").repeated(200);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(junk);
        }
        Database db;
        const StoreError error = db.open(path);
        QCOMPARE(error.kind(), StoreError::Kind::NotADatabase);
        QVERIFY2(error.message().contains(QStringLiteral("damaged or is not a Poplar database")),
                 qPrintable(error.message()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), junk);
    }

    void missingFolderCannotBeOpened()
    {
        QTemporaryDir dir;
        Database db;
        const StoreError error =
            db.open(dir.filePath(QStringLiteral("no/such/folder/mail.sqlite")));
        QCOMPARE(error.kind(), StoreError::Kind::CannotOpen);
        QVERIFY(!error.message().isEmpty());
    }

    void transactionGuardRollsBackUnlessCommitted()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(!db.open(dir.filePath(QStringLiteral("mail.sqlite"))));
        const char *insert =
            "INSERT INTO seen_uidls (account, uidl, first_seen) VALUES ('a', 'x', 1)";
        {
            Transaction t(db);
            QVERIFY(!t.error());
            QVERIFY(!db.exec(insert));
            QCOMPARE(scalar(db, "SELECT count(*) FROM seen_uidls"), 1);
        } // no commit
        QVERIFY(!db.inTransaction());
        QCOMPARE(scalar(db, "SELECT count(*) FROM seen_uidls"), 0);
        {
            Transaction t(db);
            QVERIFY(!db.exec(insert));
            QVERIFY(!t.commit());
        }
        QCOMPARE(scalar(db, "SELECT count(*) FROM seen_uidls"), 1);
    }

    void nestedGuardRollsBackOnlyItsPart()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(!db.open(dir.filePath(QStringLiteral("mail.sqlite"))));
        {
            Transaction outer(db);
            QVERIFY(!db.exec(
                "INSERT INTO seen_uidls (account, uidl, first_seen) VALUES ('a', 'kept', 1)"));
            {
                Transaction inner(db);
                QVERIFY(!inner.error());
                QVERIFY(!db.exec(
                    "INSERT INTO seen_uidls (account, uidl, first_seen) VALUES ('a', 'lost', 1)"));
            }
            QVERIFY(!outer.commit());
        }
        QCOMPARE(text(db, "SELECT group_concat(uidl) FROM seen_uidls"), QStringLiteral("kept"));
    }

    void queryOnlyConnectionRefusesWritesWithATypedError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mail.sqlite"));
        Database writer;
        QVERIFY(!writer.open(path));
        WriteBatch first;
        first.insertMessage(sample(QStringLiteral("u1")));
        QVERIFY(BatchExecutor(writer).apply(first).committed());

        Database reader;
        QVERIFY(!reader.open(path, Database::Access::QueryOnly));
        WriteBatch batch;
        batch.insertMessage(sample(QStringLiteral("u2")));
        const BatchResult result = BatchExecutor(reader).apply(batch);
        QVERIFY(!result.committed());
        QCOMPARE(result.error.kind(), StoreError::Kind::ReadOnly);
        QCOMPARE(scalar(writer, "SELECT count(*) FROM messages"), 1);
    }

    void readOnlyFileGivesATypedError()
    {
        if (::geteuid() == 0)
            QSKIP("File permissions do not stop root; the query-only and disk-full tests cover "
                  "the typed errors.");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mail.sqlite"));
        {
            Database db;
            QVERIFY(!db.open(path));
            WriteBatch batch;
            batch.insertMessage(sample(QStringLiteral("u1")));
            QVERIFY(BatchExecutor(db).apply(batch).committed());
        }
        QFile::setPermissions(path, QFileDevice::ReadOwner);
        {
            Database db;
            const StoreError error = db.open(path);
            QVERIFY2(error.kind() == StoreError::Kind::ReadOnly,
                     qPrintable(StoreError::kindName(error.kind()) + u' ' + error.message()));
            QVERIFY(error.message().contains(QStringLiteral("cannot be written")));
        }
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        Database db;
        QVERIFY(!db.open(path));
        Statement count(db.handle(), "SELECT count(*) FROM messages");
        QCOMPARE(count.step(), Statement::Step::Row);
        QCOMPARE(count.int64(0), 1);
    }

    void integrityCheckFindsDamage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mail.sqlite"));
        {
            Database db;
            QVERIFY(!db.open(path));
            WriteBatch batch;
            for (int i = 0; i < 300; ++i)
                batch.insertMessage(sample(QStringLiteral("u%1").arg(i)));
            QVERIFY(BatchExecutor(db).apply(batch).committed());
            QVERIFY(!db.exec("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        {
            // Overwrite the middle of the file with garbage, as a failing disk might.
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            const qint64 size = file.size();
            QVERIFY(size > 64 * 1024);
            QVERIFY(file.seek(size / 2 - (size / 2) % 4096));
            file.write(QByteArray(8192, '\x5a'));
        }
        Database db;
        const StoreError error = db.open(path);
        if (error) {
            QCOMPARE(error.kind(), StoreError::Kind::NotADatabase);
            return;
        }
        const Result<QStringList> check = db.integrityCheck();
        QVERIFY(!check.ok() || !check.value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_Database.moc"
