#include "ScriptedServer.h"
#include "ui/accounts/CertificateDialog.h"

#include "accounts/AccountSettings.h"
#include "pop3/Client.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using Poplar::Net::CertificateProblem;
using Poplar::Pop3::Client;
using Poplar::TestSupport::ScriptedServer;
using Poplar::Ui::CertificateDialog;

class tst_CertificateDialog : public QObject
{
    Q_OBJECT

private:
    // What a real TLS connection to a server with a self-signed certificate reports.
    static CertificateProblem problemFromServer(const QByteArray &pinnedHex = {})
    {
        ScriptedServer server(ScriptedServer::Mode::ImplicitTls);
        if (!server.start())
            return {};
        Poplar::Pop3::Settings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = server.port();
        settings.username = QStringLiteral("alice");
        settings.password = QStringLiteral("secret");
        settings.pinnedSha256 = pinnedHex;
        settings.connectTimeoutMs = 10000;
        Client client(settings);
        QSignalSpy rejected(&client, &Client::certificateRejected);
        client.open();
        if (!rejected.wait(10000))
            return {};
        return rejected.first().first().value<CertificateProblem>();
    }

    static QString text(const CertificateDialog &dialog, const char *name)
    {
        const auto *label = dialog.findChild<QLabel *>(QLatin1StringView(name));
        return label ? label->text() : QStringLiteral("<no %1>").arg(QLatin1StringView(name));
    }

private slots:
    void showsTheCertificateAndItsProblems()
    {
        const CertificateProblem problem = problemFromServer();
        QVERIFY(!problem.chain.isEmpty());
        CertificateDialog dialog(problem, QStringLiteral("Home server"));
        dialog.show();

        QVERIFY(text(dialog, "certificateSubject").contains(QStringLiteral("localhost")));
        QVERIFY(text(dialog, "certificateIssuer").contains(QStringLiteral("localhost")));
        QCOMPARE(text(dialog, "certificateHost"), QStringLiteral("127.0.0.1"));
        const QString expiry = text(dialog, "certificateNotAfter");
        QVERIFY2(expiry.contains(QString::number(problem.chain.first().expiryDate().date().year())),
                 qPrintable(expiry));
        QVERIFY(!text(dialog, "certificateNotBefore").isEmpty());

        // The fingerprint in pairs of hex digits, two lines of 16 bytes.
        const QString fingerprint = text(dialog, "certificateFingerprint");
        QCOMPARE(fingerprint.count(u'\n'), 1);
        QCOMPARE(QString(fingerprint).remove(u':').remove(u'\n').toLower().toLatin1(),
                 ScriptedServer::identity(0).sha256);
        QCOMPARE(fingerprint.left(2), QString::fromLatin1(problem.sha256.left(2).toUpper()));

        // The errors in words: a self-signed certificate is named as such.
        const QString errors = text(dialog, "certificateErrors");
        QVERIFY2(errors.contains(QStringLiteral("self"), Qt::CaseInsensitive), qPrintable(errors));
        QVERIFY(text(dialog, "certificateIntro").contains(QStringLiteral("Home server")));
    }

    void trustingGivesThePinCancelDoesNot()
    {
        const CertificateProblem problem = problemFromServer();
        QVERIFY(!problem.sha256.isEmpty());
        {
            CertificateDialog dialog(problem, QStringLiteral("Home server"));
            dialog.show();
            QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("trustCertificate")),
                              Qt::LeftButton);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            QCOMPARE(dialog.pinnedSha256().size(), 32);
            QCOMPARE(dialog.pinnedSha256().toHex(), ScriptedServer::identity(0).sha256);
            // What an account stores is what the POP3 client later compares against.
            QCOMPARE(Poplar::Accounts::AccountSettings::fingerprintToText(dialog.pinnedSha256())
                         .remove(u':')
                         .toLower()
                         .toLatin1(),
                     problem.sha256);
        }
        {
            CertificateDialog dialog(problem, QStringLiteral("Home server"));
            dialog.show();
            QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("cancelCertificate")),
                              Qt::LeftButton);
            QCOMPARE(dialog.result(), int(QDialog::Rejected));
        }
    }

    void aChangedCertificateIsCalledThat()
    {
        // Pinned to another certificate: the dialog warns that it changed.
        const CertificateProblem problem = problemFromServer(ScriptedServer::identity(1).sha256);
        QVERIFY(problem.isPinMismatch());
        CertificateDialog dialog(problem, QStringLiteral("Home server"));
        dialog.show();
        QVERIFY(
            text(dialog, "certificateIntro").contains(QStringLiteral("not the one you trusted")));
        QVERIFY(text(dialog, "certificateErrors").contains(QStringLiteral("differs")));
    }
};

QTEST_MAIN(tst_CertificateDialog)
#include "tst_CertificateDialog.moc"
