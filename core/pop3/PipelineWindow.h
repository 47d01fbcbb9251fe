#pragma once

#include <QtGlobal>

#include <array>

namespace Poplar::Pop3 {

// How much a pipelining POP3 session keeps in flight: enough answer bytes to cover the measured
// round trip at the measured rate (the bandwidth-delay product, with a margin), between a floor
// and a ceiling of bytes, and never more than a number of commands. A window sized so keeps a
// far server as busy as a near one, where a fixed number of commands caps the rate at
// commands / round trip.
//
// The rate is what arrives while answers are awaited, measured over intervals of at least one
// round trip; the estimate is the highest of the last few intervals. While the window is what
// limits the rate, the rate is window / round trip, so the next window is `margin` times the
// last: it grows like TCP's slow start until the link, the server or the ceiling stops it.
// The round trip is the shortest seen from a command written to the first line of its answer
// (an answer queued behind others only takes longer).
//
// Pure: no clock, no I/O. Times are nanoseconds from any fixed origin.
class PipelineWindow
{
public:
    // The floor lets a small mailbox go in one round trip before anything is measured (the
    // window grows only a round trip after the first answers); the ceiling and the count keep
    // a far, fast server from holding a great deal at once.
    struct Limits
    {
        int maxCommands = 1000;
        qint64 minBytes = 4 * 1024 * 1024;
        qint64 maxBytes = 32 * 1024 * 1024;
        double margin = 2.0;
    };

    PipelineWindow() = default;
    explicit PipelineWindow(const Limits &limits);

    const Limits &limits() const { return m_limits; }

    // Whether one more command may be sent while `commands` answers of `bytes` expected bytes
    // in all are outstanding. With nothing outstanding the answer is always yes, so a message
    // larger than the window still goes.
    bool admits(int commands, qint64 bytes) const;

    // A command written at `sentNs` got the first line of its answer at `answeredNs`.
    void roundTrip(qint64 sentNs, qint64 answeredNs);
    // `bytes` of answers arrived at `nowNs` while commands were outstanding.
    void received(qint64 bytes, qint64 nowNs);
    // Nothing is outstanding any more: time without commands is not counted in the rate.
    void idle();

    // The window now, in bytes of expected answers.
    qint64 targetBytes() const;
    // 0 until measured.
    qint64 roundTripNs() const { return m_roundTripNs; }
    // Bytes per second; 0 until measured.
    double rate() const;

    // Expected answer size of a command when the size is not announced (status lines, a few
    // dozen bytes), and the extra bytes of a RETR answer around the message.
    static constexpr qint64 kStatusBytes = 64;

private:
    Limits m_limits;
    qint64 m_roundTripNs = 0;
    // The interval being measured: starts at the first byte after idle().
    qint64 m_intervalStartNs = -1;
    qint64 m_intervalBytes = 0;
    // The rates (bytes per second) of the last few intervals.
    std::array<double, 8> m_rates{};
    int m_nextRate = 0;
};

} // namespace Poplar::Pop3
