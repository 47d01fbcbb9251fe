#include "pop3/PipelineWindow.h"

#include <algorithm>
#include <cmath>

namespace Poplar::Pop3 {

namespace {

// The shortest interval a rate is measured over, however short the round trip (loopback):
// shorter ones measure the event loop, not the link.
constexpr qint64 kMinIntervalNs = 2'000'000;

} // namespace

PipelineWindow::PipelineWindow(const Limits &limits)
    : m_limits(limits)
{
    m_limits.maxCommands = std::max(1, m_limits.maxCommands);
    m_limits.minBytes = std::max<qint64>(kStatusBytes, m_limits.minBytes);
    m_limits.maxBytes = std::max(m_limits.minBytes, m_limits.maxBytes);
    m_limits.margin = std::max(1.0, m_limits.margin);
}

bool PipelineWindow::admits(int commands, qint64 bytes) const
{
    if (commands <= 0)
        return true;
    return commands < m_limits.maxCommands && bytes < targetBytes();
}

void PipelineWindow::roundTrip(qint64 sentNs, qint64 answeredNs)
{
    const qint64 sample = answeredNs - sentNs;
    if (sample <= 0)
        return;
    if (m_roundTripNs == 0 || sample < m_roundTripNs)
        m_roundTripNs = sample;
}

void PipelineWindow::received(qint64 bytes, qint64 nowNs)
{
    if (bytes <= 0)
        return;
    if (m_intervalStartNs < 0) {
        // The first bytes after a pause mark the start; they do not count (they may have
        // waited in the socket for any time).
        m_intervalStartNs = nowNs;
        m_intervalBytes = 0;
        return;
    }
    m_intervalBytes += bytes;
    const qint64 elapsed = nowNs - m_intervalStartNs;
    if (elapsed < std::max(kMinIntervalNs, m_roundTripNs))
        return;
    m_rates[size_t(m_nextRate)] = double(m_intervalBytes) * 1e9 / double(elapsed);
    m_nextRate = (m_nextRate + 1) % int(m_rates.size());
    m_intervalStartNs = nowNs;
    m_intervalBytes = 0;
}

void PipelineWindow::idle()
{
    m_intervalStartNs = -1;
    m_intervalBytes = 0;
}

double PipelineWindow::rate() const
{
    return *std::max_element(m_rates.cbegin(), m_rates.cend());
}

qint64 PipelineWindow::targetBytes() const
{
    const double product = rate() * double(m_roundTripNs) / 1e9 * m_limits.margin;
    if (!std::isfinite(product) || product >= double(m_limits.maxBytes))
        return m_limits.maxBytes;
    return std::max(m_limits.minBytes, qint64(product));
}

} // namespace Poplar::Pop3
