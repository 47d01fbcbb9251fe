#include "BenchRun.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>

#include <algorithm>
#include <cstdio>

namespace Poplar::Bench {

std::optional<double> runProgram(const QString &program, const QStringList &arguments,
                                 const QByteArray &input, const QString &errorFile)
{
    QProcess process;
    process.setStandardErrorFile(errorFile);
    process.setStandardOutputFile(QProcess::nullDevice());
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    process.write(input);
    process.closeWriteChannel();
    loop.exec();
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        QFile errors(errorFile);
        (void)errors.open(QIODevice::ReadOnly);
        std::fprintf(stderr, "%s %s failed (%d): %s\n", qPrintable(program),
                     qPrintable(arguments.join(u' ')), process.exitCode(),
                     errors.readAll().right(600).constData());
        return std::nullopt;
    }
    return seconds;
}

QList<Result> medians(const QList<QList<Result>> &rounds)
{
    QList<Result> out;
    if (rounds.isEmpty())
        return out;
    for (qsizetype client = 0; client < rounds.first().size(); ++client) {
        QList<Result> runs;
        for (const QList<Result> &round : rounds)
            runs.append(round.value(client));
        std::sort(runs.begin(), runs.end(),
                  [](const Result &a, const Result &b) { return a.seconds < b.seconds; });
        out.append(runs[runs.size() / 2]);
    }
    return out;
}

void printTable(const QString &title, const QList<Result> &results, const QString &peer)
{
    std::printf("\n%s\n", qPrintable(title));
    std::printf("%-40s %9s %10s %9s %9s %9s\n", "client", "messages", "MB", "seconds", "msgs/s",
                "MB/s");
    const Result *reference = nullptr;
    for (const Result &r : results) {
        if (r.label.startsWith(peer))
            reference = &r;
    }
    for (const Result &r : results) {
        std::printf("%-40s %9d %10.1f %9.2f %9.1f %9.2f", qPrintable(r.label), r.messages,
                    r.bytes / 1e6, r.seconds, r.msgsPerSecond(), r.mbPerSecond());
        if (reference && &r != reference && r.seconds > 0)
            std::printf("   %.1fx %s", reference->seconds / r.seconds, qPrintable(peer));
        std::printf("\n");
    }
    std::fflush(stdout);
}

} // namespace Poplar::Bench
