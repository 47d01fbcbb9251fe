#include "compose/AddressBook.h"

#include "store/PageQuery.h"
#include "store/StoreReader.h"

#include <algorithm>

namespace Poplar::Compose {

namespace {
constexpr double kReceivedWeight = 1.0;
constexpr double kSentWeight = 2.0;
constexpr double kHalfWeightDays = 30.0; // a message this old counts half
} // namespace

AddressBook::AddressBook(const QStringList &ownAddresses, const QDateTime &now)
    : m_now(now)
{
    for (const QString &own : ownAddresses)
        m_own.append(own.trimmed().toLower());
}

AddressBook AddressBook::fromStore(Store::StoreReader &reader, const QStringList &ownAddresses,
                                   int perFolder)
{
    AddressBook book(ownAddresses);
    for (const Store::Folder folder : {Store::Folder::Inbox, Store::Folder::Sent}) {
        Store::PageQuery query;
        query.folder = folder;
        query.limit = perFolder;
        const auto rows = reader.page(query);
        if (!rows)
            continue;
        for (const Store::MessageSummary &row : rows.value()) {
            if (folder == Store::Folder::Sent)
                book.addSent(row.to, row.cc, row.date);
            else
                book.addReceived(row.from, row.date);
        }
    }
    return book;
}

void AddressBook::addReceived(const QString &from, const QDateTime &date)
{
    add(from, date, kReceivedWeight);
}

void AddressBook::addSent(const QString &to, const QString &cc, const QDateTime &date)
{
    add(to, date, kSentWeight);
    add(cc, date, kSentWeight);
}

void AddressBook::add(const QString &addresses, const QDateTime &date, double weight)
{
    if (addresses.isEmpty())
        return;
    const double ageDays = std::max<qint64>(0, date.secsTo(m_now)) / 86400.0;
    const double score = weight / (1.0 + ageDays / kHalfWeightDays);
    for (const Mime::Address &address : Mime::Address::parseList(addresses.toUtf8())) {
        const QString key = address.email.toLower();
        if (!key.contains(u'@') || m_own.contains(key))
            continue;
        Entry &entry = m_entries[key];
        if (entry.address.email.isEmpty())
            entry.address.email = address.email;
        if (!address.name.isEmpty() && (!entry.nameDate.isValid() || date > entry.nameDate)) {
            entry.address.name = address.name;
            entry.nameDate = date;
        }
        entry.score += score;
    }
}

QList<Correspondent> AddressBook::ranked() const
{
    QList<Correspondent> out;
    out.reserve(m_entries.size());
    for (const Entry &entry : m_entries)
        out.append({entry.address, entry.score});
    std::sort(out.begin(), out.end(), [](const Correspondent &a, const Correspondent &b) {
        if (a.score != b.score)
            return a.score > b.score;
        return a.address.email < b.address.email;
    });
    return out;
}

QString AddressBook::formatted(const Mime::Address &address)
{
    if (address.name.isEmpty() || address.name == address.email)
        return address.email;
    static const QString specials = QStringLiteral("()<>[]:;@\\,.\"");
    const bool needsQuotes = std::any_of(address.name.cbegin(), address.name.cend(),
                                         [](QChar c) { return specials.contains(c); });
    QString name = address.name;
    if (needsQuotes) {
        name.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
        name = u'"' + name + u'"';
    }
    return QStringLiteral("%1 <%2>").arg(name, address.email);
}

} // namespace Poplar::Compose
