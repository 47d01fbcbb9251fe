// Parse throughput: every .eml file under the given folders, parsed as the message view and the
// store would (tree, body choice, text, summary), repeated until at least two seconds pass.
// Prints one line of JSON: files, bytes, seconds, MB/s and messages/s.
#include "mime/MessageParser.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QList<QByteArray> messages;
    qint64 bytes = 0;
    for (const QString &folder : app.arguments().mid(1)) {
        QDirIterator it(folder, {QStringLiteral("*.eml")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly)) {
                messages.append(file.readAll());
                bytes += messages.back().size();
            }
        }
    }
    if (messages.isEmpty()) {
        std::fprintf(stderr, "usage: bench_parse FOLDER... (no .eml files found)\n");
        return 2;
    }
    qint64 checksum = 0;
    int rounds = 0;
    QElapsedTimer timer;
    timer.start();
    do {
        for (const QByteArray &raw : messages) {
            const Poplar::Mime::Message message = Poplar::Mime::MessageParser::parse(raw);
            const Poplar::Mime::MessageSummary summary = message.summary();
            checksum += summary.searchText.size() + message.attachments.size();
        }
        ++rounds;
    } while (timer.elapsed() < 2000);
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const double total = static_cast<double>(bytes) * rounds;
    const QJsonObject result{
        {QStringLiteral("parser"), QStringLiteral("poplar")},
        {QStringLiteral("files"), static_cast<qint64>(messages.size())},
        {QStringLiteral("bytes"), bytes},
        {QStringLiteral("rounds"), rounds},
        {QStringLiteral("seconds"), seconds},
        {QStringLiteral("mbPerSecond"), total / seconds / 1e6},
        {QStringLiteral("messagesPerSecond"), messages.size() * rounds / seconds},
        {QStringLiteral("checksum"), checksum}};
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
