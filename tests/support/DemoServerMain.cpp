// poplar-demo-server: the private POP3 server behind `./run.sh` (and handy for trying Poplar
// by hand). Starts Dovecot from tests/support with a sample mailbox and, when Exim is
// installed, an SMTP submission server that delivers into it, writes the connection details
// to a file, and runs until SIGINT or SIGTERM.

#include "DovecotServer.h"
#include "SampleMailGenerator.h"
#include "SmtpServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <memory>
#include <unistd.h>

using Poplar::TestSupport::DovecotServer;

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] auto written = ::write(g_signalPipe[1], &byte, 1);
}

QByteArray welcomeMessage()
{
    return QByteArrayLiteral(
        "From: Poplar <hello@poplar.invalid>\r\n"
        "To: Demo <demo@poplar.invalid>\r\n"
        "Subject: Welcome to the Poplar demo\r\n"
        "Date: Sun, 22 Nov 2026 09:00:00 +0000\r\n"
        "Message-ID: <welcome@poplar.invalid>\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "\r\n"
        "This mailbox lives on a private POP3 server on this computer, filled with\r\n"
        "generated sample mail in English, Chinese and Japanese.\r\n");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Runs a private Dovecot POP3 server with a sample mailbox."));
    parser.addHelpOption();
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       QStringLiteral("Keep the server's files in <dir>."),
                                       QStringLiteral("dir"));
    const QCommandLineOption infoOption(
        QStringLiteral("info"), QStringLiteral("Write host, ports and user to <file> once ready."),
        QStringLiteral("file"));
    const QCommandLineOption userOption(QStringLiteral("user"), QStringLiteral("Mailbox user."),
                                        QStringLiteral("name"), QStringLiteral("demo"));
    const QCommandLineOption passwordOption(QStringLiteral("password"),
                                            QStringLiteral("Mailbox password."),
                                            QStringLiteral("password"), QStringLiteral("demo"));
    const QCommandLineOption countOption(QStringLiteral("messages"),
                                         QStringLiteral("How many sample messages."),
                                         QStringLiteral("count"), QStringLiteral("60"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        QStringLiteral("Seed of the sample mailbox."),
                                        QStringLiteral("seed"), QStringLiteral("2026"));
    parser.addOptions({dirOption, infoOption, userOption, passwordOption, countOption, seedOption});
    parser.process(app);
    if (!parser.isSet(dirOption)) {
        std::fprintf(stderr, "poplar-demo-server: --dir is required\n");
        return 2;
    }

    DovecotServer server(parser.value(dirOption));
    const QString user = parser.value(userOption);
    server.addUser(user, parser.value(passwordOption));
    server.deliver(user, welcomeMessage());
    const Poplar::TestSupport::SampleMailGenerator generator(
        parser.value(seedOption).toULongLong());
    const int count = parser.value(countOption).toInt();
    for (int i = 0; i < count; ++i)
        server.deliver(user, generator.message(i));
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "poplar-demo-server: %s\n", qPrintable(error));
        return 1;
    }

    QString info = QStringLiteral("host=%1\nplain_port=%2\ntls_port=%3\nuser=%4\ncert=%5\n")
                       .arg(server.host())
                       .arg(server.plainPort())
                       .arg(server.tlsPort())
                       .arg(user, server.certificatePath());
    // With Exim on the machine the demo can send too: mail to <user>@poplar.test comes back
    // into the demo mailbox; other addresses are refused, in words.
    std::unique_ptr<Poplar::TestSupport::SmtpServer> smtp;
    if (Poplar::TestSupport::SmtpServer::isAvailable()) {
        smtp = std::make_unique<Poplar::TestSupport::SmtpServer>(
            server, parser.value(dirOption) + QStringLiteral("/smtp"));
        if (smtp->start(&error))
            info += QStringLiteral("smtp_tls_port=%1\nsmtp_cert=%2/cert.pem\nemail=%3@%4\n")
                        .arg(smtp->tlsPort())
                        .arg(smtp->directory(), user, smtp->domain());
        else
            std::fprintf(stderr, "poplar-demo-server: no SMTP server: %s\n", qPrintable(error));
    }
    std::fputs(qPrintable(info), stdout);
    std::fflush(stdout);
    if (parser.isSet(infoOption)) {
        QFile file(parser.value(infoOption));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(info.toUtf8()) < 0) {
            std::fprintf(stderr, "poplar-demo-server: cannot write %s\n",
                         qPrintable(parser.value(infoOption)));
            return 1;
        }
    }

    // Stop cleanly on SIGINT/SIGTERM: the handler only writes to a pipe the event loop watches.
    if (::pipe(g_signalPipe) != 0)
        return 1;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    const int status = app.exec();
    if (smtp)
        smtp->stop();
    server.stop();
    return status;
}
