#include "ui/common/FileNameSanitizer.h"
#include "ui/reader/AttachmentSaver.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using Poplar::Ui::AttachmentSaver;
using Poplar::Ui::FileNameSanitizer;

class tst_FileNameSanitizer : public QObject
{
    Q_OBJECT

private slots:
    void sanitizes_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("report.pdf") << QStringLiteral("report.pdf");
        QTest::newRow("chinese") << QStringLiteral("会议纪要.docx")
                                 << QStringLiteral("会议纪要.docx");
        QTest::newRow("traversal")
            << QStringLiteral("../../.bashrc") << QStringLiteral("_.._.bashrc");
        QTest::newRow("absolute") << QStringLiteral("/etc/passwd") << QStringLiteral("_etc_passwd");
        QTest::newRow("windows path")
            << QStringLiteral("C:\\Windows\\evil.exe") << QStringLiteral("C__Windows_evil.exe");
        QTest::newRow("dots only") << QStringLiteral("..") << QStringLiteral("attachment");
        QTest::newRow("empty") << QString() << QStringLiteral("attachment");
        QTest::newRow("control") << QStringLiteral("a\nb\tc\x01.txt")
                                 << QStringLiteral("a_b_c_.txt");
        QTest::newRow("bidi override")
            << QStringLiteral("invoice\u202Efdp.exe") << QStringLiteral("invoice_fdp.exe");
        QTest::newRow("reserved") << QStringLiteral("CON") << QStringLiteral("_CON");
        QTest::newRow("reserved ext") << QStringLiteral("nul.txt") << QStringLiteral("_nul.txt");
        QTest::newRow("com1") << QStringLiteral("com1.log") << QStringLiteral("_com1.log");
        QTest::newRow("not reserved")
            << QStringLiteral("console.txt") << QStringLiteral("console.txt");
        QTest::newRow("trailing dot")
            << QStringLiteral("notes.txt. ") << QStringLiteral("notes.txt");
        QTest::newRow("windows chars")
            << QStringLiteral("a<b>c:d\"e|f?g*h.txt") << QStringLiteral("a_b_c_d_e_f_g_h.txt");
    }

    void sanitizes()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        QCOMPARE(FileNameSanitizer::sanitize(name), expected);
    }

    void keepsExtensionWhenShortening()
    {
        const QString name = QString(500, QLatin1Char('a')) + QStringLiteral(".pdf");
        const QString safe = FileNameSanitizer::sanitize(name);
        QVERIFY(safe.size() <= 200);
        QVERIFY(safe.endsWith(QStringLiteral(".pdf")));
    }

    void recognisesExecutables()
    {
        QVERIFY(FileNameSanitizer::isExecutable(QStringLiteral("setup.EXE")));
        QVERIFY(FileNameSanitizer::isExecutable(QStringLiteral("run.sh")));
        QVERIFY(FileNameSanitizer::isExecutable(QStringLiteral("invoice.pdf.js")));
        QVERIFY(!FileNameSanitizer::isExecutable(QStringLiteral("invoice.pdf")));
        QVERIFY(!FileNameSanitizer::isExecutable(QStringLiteral("README")));
    }

    void savesHostileNamesInsideTheFolder()
    {
        QTemporaryDir root;
        const QString folder = root.filePath(QStringLiteral("downloads"));
        QVERIFY(QDir().mkpath(folder));
        QList<Poplar::Mime::Attachment> attachments;
        for (const QString &name : {QStringLiteral("../escape.txt"), QStringLiteral("/tmp/abs.txt"),
                                    QStringLiteral("..\\..\\win.txt"), QStringLiteral("NUL"),
                                    QStringLiteral("same.txt"), QStringLiteral("same.txt")}) {
            Poplar::Mime::Attachment attachment;
            attachment.filename = name;
            attachment.data = name.toUtf8();
            attachments.append(attachment);
        }
        int asked = 0;
        const auto outcome = AttachmentSaver::save(folder, attachments, [&asked](const QString &) {
            ++asked;
            return false;
        });
        QCOMPARE(outcome.errors, QStringList());
        QCOMPARE(outcome.saved.size(), 6);
        QCOMPARE(asked, 0);
        // Nothing outside the chosen folder.
        QCOMPARE(QDir(root.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("downloads")});
        for (const QString &path : outcome.saved)
            QCOMPARE(QFileInfo(path).absolutePath(), QFileInfo(folder).absoluteFilePath());
        QVERIFY(QFile::exists(QDir(folder).filePath(QStringLiteral("same (2).txt"))));

        // Saving again asks before replacing; "no" keeps the file.
        QFile existing(outcome.saved.first());
        const auto again =
            AttachmentSaver::save(folder, {attachments.first()}, [&asked](const QString &) {
                ++asked;
                return false;
            });
        QCOMPARE(asked, 1);
        QCOMPARE(again.skipped.size(), 1);
        QVERIFY(again.saved.isEmpty());
    }
};

QTEST_MAIN(tst_FileNameSanitizer)
#include "tst_FileNameSanitizer.moc"
