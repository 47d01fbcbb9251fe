#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Poplar::Bench {

// One client's run of a benchmark: how many messages and bytes in how long.
struct Result
{
    QString label;
    int messages = 0;
    qint64 bytes = 0;
    double seconds = 0;
    double msgsPerSecond() const { return seconds > 0 ? messages / seconds : 0; }
    double mbPerSecond() const { return seconds > 0 ? bytes / seconds / 1e6 : 0; }
};

// Runs a program to its end with `input` on standard input, its standard error into
// errorFile; the seconds it took, or nothing (with the reason on stderr) when it failed.
std::optional<double> runProgram(const QString &program, const QStringList &arguments,
                                 const QByteArray &input, const QString &errorFile);

// The median of each client's runs; rounds[i][c] is client c in round i.
QList<Result> medians(const QList<QList<Result>> &rounds);

// A table of the results, each compared with the one whose label starts with `peer`.
void printTable(const QString &title, const QList<Result> &results, const QString &peer);

} // namespace Poplar::Bench
