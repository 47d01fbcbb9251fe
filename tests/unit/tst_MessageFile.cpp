#include "mime/MessageFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using Poplar::Mime::MessageFile;

class tst_MessageFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

private slots:
    void readsTheMessageAsWritten()
    {
        const QByteArray raw = "From: a@example.org\r\nSubject: Hi\r\n\r\nBody\r\n";
        const MessageFile file = MessageFile::read(write(QStringLiteral("hi.eml"), raw));
        QVERIFY2(file.error.isEmpty(), qPrintable(file.error));
        QCOMPARE(file.raw, raw);
    }

    // An empty file is what a broken server delivers for a message: it is read (and the
    // parser shows it as an empty message), not refused.
    void readsAnEmptyFileAsAnEmptyMessage_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("0 bytes") << QByteArray();
        QTest::newRow("line ends and blanks") << QByteArray("\r\n \r\n\t\n");
    }

    void readsAnEmptyFileAsAnEmptyMessage()
    {
        QFETCH(QByteArray, bytes);
        const MessageFile file = MessageFile::read(write(QStringLiteral("empty.eml"), bytes));
        QVERIFY2(file.error.isEmpty(), qPrintable(file.error));
        QCOMPARE(file.raw, bytes);
    }

    void explainsWhatIsNotAMessage_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing") << QStringLiteral("missing.eml")
                                 << QStringLiteral("does not exist");
        QTest::newRow("folder") << QStringLiteral("folder.eml") << QStringLiteral("is a folder");
    }

    void explainsWhatIsNotAMessage()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        QDir(m_dir.path()).mkpath(QStringLiteral("folder.eml"));
        const MessageFile file = MessageFile::read(m_dir.filePath(name));
        QVERIFY(file.raw.isEmpty());
        QVERIFY2(file.error.contains(expected), qPrintable(file.error));
        QVERIFY2(file.error.contains(name), "the error names the file");
    }

    void refusesAFileTooLargeToBeAMessage()
    {
        // Sparse: no disk space is used, and it must not be read into memory either.
        const QString path = m_dir.filePath(QStringLiteral("huge.eml"));
        QFile huge(path);
        QVERIFY(huge.open(QIODevice::WriteOnly));
        QVERIFY(huge.resize(MessageFile::maxSize + 1));
        huge.close();
        const MessageFile file = MessageFile::read(path);
        QVERIFY(file.raw.isEmpty());
        QVERIFY2(file.error.contains(QStringLiteral("larger than 512 MB")), qPrintable(file.error));
    }

    void reportsAnUnreadableFile()
    {
        if (::geteuid() == 0)
            QSKIP("root reads files whatever their permissions");
        const QString path = write(QStringLiteral("secret.eml"), "Subject: x\r\n\r\nx\r\n");
        QVERIFY(QFile::setPermissions(path, QFileDevice::WriteOwner));
        const MessageFile file = MessageFile::read(path);
        QVERIFY(file.raw.isEmpty());
        QVERIFY2(file.error.startsWith(QStringLiteral("Cannot read")), qPrintable(file.error));
    }
};

QTEST_GUILESS_MAIN(tst_MessageFile)
#include "tst_MessageFile.moc"
