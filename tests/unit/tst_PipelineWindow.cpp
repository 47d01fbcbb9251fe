#include "pop3/PipelineWindow.h"

#include <QTest>

using Poplar::Pop3::PipelineWindow;

namespace {

constexpr qint64 kMs = 1'000'000;

PipelineWindow::Limits limits(qint64 minBytes, qint64 maxBytes, int maxCommands = 1000)
{
    PipelineWindow::Limits l;
    l.minBytes = minBytes;
    l.maxBytes = maxBytes;
    l.maxCommands = maxCommands;
    return l;
}

// Answers arrive at `rate` bytes per second in pieces of `chunk` bytes for `durationMs`, from
// `startNs` on; returns when it ended.
qint64 stream(PipelineWindow *window, double rate, qint64 chunk, qint64 startNs, qint64 durationMs)
{
    const qint64 step = qint64(double(chunk) / rate * 1e9);
    qint64 now = startNs;
    for (; now <= startNs + durationMs * kMs; now += step)
        window->received(chunk, now);
    return now;
}

} // namespace

class tst_PipelineWindow : public QObject
{
    Q_OBJECT

private slots:
    void startsAtTheFloor()
    {
        const PipelineWindow window(limits(1 << 20, 32 << 20));
        QCOMPARE(window.targetBytes(), qint64(1 << 20));
        QCOMPARE(window.roundTripNs(), 0);
        QCOMPARE(window.rate(), 0.0);
    }

    void aCommandAlwaysGoesWhenNothingIsOutstanding()
    {
        const PipelineWindow window(limits(1024, 4096, 4));
        QVERIFY(window.admits(0, 0));
        // A 100 MB message is larger than the window: alone, it still goes.
        QVERIFY(window.admits(0, 100 << 20));
        QVERIFY(window.admits(1, 1000));
        QVERIFY(!window.admits(1, 1024));
        QVERIFY(!window.admits(4, 10)); // the count ceiling
        QVERIFY(window.admits(3, 10));
    }

    void roundTripIsTheShortestSample()
    {
        PipelineWindow window;
        window.roundTrip(0, 50 * kMs);
        window.roundTrip(100 * kMs, 180 * kMs); // queued behind other answers: longer
        window.roundTrip(200 * kMs, 245 * kMs);
        window.roundTrip(300 * kMs, 300 * kMs); // no time: not a sample
        window.roundTrip(400 * kMs, 390 * kMs);
        QCOMPARE(window.roundTripNs(), 45 * kMs);
    }

    // The bandwidth-delay product with its margin: 10 MB/s over 50 ms is 500 kB, twice that
    // is the window.
    void coversRoundTripTimesRate_data()
    {
        QTest::addColumn<double>("rate");
        QTest::addColumn<qint64>("roundTripMs");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("10 MB/s, 50 ms") << 10e6 << qint64(50) << qint64(1'000'000);
        QTest::newRow("100 MB/s, 50 ms") << 100e6 << qint64(50) << qint64(10'000'000);
        QTest::newRow("slow and near: the floor") << 1e6 << qint64(1) << qint64(64 * 1024);
        QTest::newRow("fast and far: the ceiling") << 1e9 << qint64(200) << qint64(32 << 20);
    }

    void coversRoundTripTimesRate()
    {
        QFETCH(double, rate);
        QFETCH(qint64, roundTripMs);
        QFETCH(qint64, expected);
        PipelineWindow window(limits(64 * 1024, 32 << 20));
        window.roundTrip(0, roundTripMs * kMs);
        stream(&window, rate, 16 * 1024, kMs, 20 * roundTripMs);
        const double tolerance = 0.05 * double(expected);
        QVERIFY2(std::abs(double(window.targetBytes() - expected)) <= tolerance,
                 qPrintable(QStringLiteral("window %1, expected %2, rate %3")
                                .arg(window.targetBytes())
                                .arg(expected)
                                .arg(window.rate())));
    }

    // While the window is what limits the rate (window / round trip), each round trip it grows
    // by the margin, like slow start, until the link's rate stops it.
    void growsEachRoundTripUntilTheLinkIsFull()
    {
        const qint64 rtt = 50 * kMs;
        const double link = 20e6; // 1 MB per round trip
        PipelineWindow window(limits(64 * 1024, 32 << 20));
        window.roundTrip(0, rtt);
        qint64 now = rtt;
        QList<qint64> windows;
        for (int round = 0; round < 8; ++round) {
            // One round trip: the window's bytes arrive (or what the link carries).
            const double rate = std::min(link, double(window.targetBytes()) * 1e9 / double(rtt));
            now = stream(&window, rate, 4096, now, 50);
            windows.append(window.targetBytes());
        }
        for (int i = 1; i < 4; ++i)
            QVERIFY2(windows.at(i) >= windows.at(i - 1) * 3 / 2, qPrintable(QString::number(i)));
        // Full: twice the link's bandwidth-delay product, and it stays there.
        QVERIFY2(std::abs(double(windows.last()) - 2e6) < 0.1 * 2e6,
                 qPrintable(QString::number(windows.last())));
    }

    void idleTimeIsNotCountedInTheRate()
    {
        PipelineWindow window(limits(1024, 1 << 30));
        window.roundTrip(0, 10 * kMs);
        qint64 now = stream(&window, 10e6, 1000, 10 * kMs, 100);
        const double busy = window.rate();
        QVERIFY(busy > 9e6 && busy < 11e6);
        window.idle();
        // A minute later: the first piece starts a new interval, it does not measure the pause.
        now += 60'000 * kMs;
        stream(&window, 10e6, 1000, now, 100);
        QVERIFY2(window.rate() > 9e6, qPrintable(QString::number(window.rate())));
    }

    void limitsAreSane()
    {
        PipelineWindow::Limits silly;
        silly.maxCommands = 0;
        silly.minBytes = 10;
        silly.maxBytes = 1;
        silly.margin = 0.1;
        const PipelineWindow window(silly);
        QCOMPARE(window.limits().maxCommands, 1);
        QVERIFY(window.limits().maxBytes >= window.limits().minBytes);
        QCOMPARE(window.limits().margin, 1.0);
        QVERIFY(window.admits(0, 0));
        QVERIFY(!window.admits(1, 0));
    }
};

QTEST_GUILESS_MAIN(tst_PipelineWindow)
#include "tst_PipelineWindow.moc"
