#include "pop3/Capabilities.h"

namespace Poplar::Pop3 {

Capabilities Capabilities::parse(const QByteArrayList &lines)
{
    Capabilities caps;
    caps.m_known = true;
    for (const QByteArray &line : lines) {
        const QByteArrayList words = line.simplified().split(' ');
        if (words.isEmpty() || words.first().isEmpty())
            continue;
        Entry entry;
        entry.name = words.first().toUpper();
        entry.arguments = words.mid(1);
        caps.m_entries.append(entry);
    }
    return caps;
}

const Capabilities::Entry *Capabilities::find(const QByteArray &name) const
{
    const QByteArray upper = name.toUpper();
    for (const Entry &entry : m_entries) {
        if (entry.name == upper)
            return &entry;
    }
    return nullptr;
}

bool Capabilities::has(const QByteArray &name) const
{
    return find(name) != nullptr;
}

QByteArrayList Capabilities::arguments(const QByteArray &name) const
{
    const Entry *entry = find(name);
    return entry ? entry->arguments : QByteArrayList();
}

QByteArrayList Capabilities::saslMechanisms() const
{
    QByteArrayList result;
    for (const QByteArray &mech : arguments("SASL"))
        result.append(mech.toUpper());
    return result;
}

namespace {
std::optional<int> firstNumber(const QByteArrayList &args)
{
    if (args.isEmpty())
        return std::nullopt;
    bool ok = false;
    const int value = args.first().toInt(&ok);
    if (!ok || value < 0)
        return std::nullopt;
    return value;
}
} // namespace

std::optional<int> Capabilities::expireDays() const
{
    return firstNumber(arguments("EXPIRE"));
}

bool Capabilities::expireNever() const
{
    const QByteArrayList args = arguments("EXPIRE");
    return !args.isEmpty() && args.first().toUpper() == "NEVER";
}

std::optional<int> Capabilities::loginDelaySeconds() const
{
    return firstNumber(arguments("LOGIN-DELAY"));
}

QByteArray Capabilities::implementation() const
{
    return arguments("IMPLEMENTATION").join(' ');
}

QByteArrayList Capabilities::names() const
{
    QByteArrayList result;
    for (const Entry &entry : m_entries)
        result.append(entry.name);
    return result;
}

} // namespace Poplar::Pop3
