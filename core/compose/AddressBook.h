#pragma once

#include "mime/Address.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Poplar::Store {
class StoreReader;
}

namespace Poplar::Compose {

// Someone the user has written to or heard from, for address completion.
struct Correspondent
{
    Mime::Address address;
    double score = 0; // higher: written to more often and more recently
};

// The people in the user's mail, ranked as Thunderbird's "popularity" ranks them: each message
// from someone, and (counting twice) each one the user sent them, adds to their score, less
// the older it is. Names are the latest the person used. Built from the newest messages of
// the store, not all of them, so it stays quick at a million messages.
class AddressBook
{
public:
    explicit AddressBook(const QStringList &ownAddresses = {},
                         const QDateTime &now = QDateTime::currentDateTimeUtc());

    // The newest `perFolder` messages of the Inbox (their senders) and of Sent (their
    // recipients).
    static AddressBook fromStore(Store::StoreReader &reader, const QStringList &ownAddresses,
                                 int perFolder = 5000);

    void addReceived(const QString &from, const QDateTime &date);
    void addSent(const QString &to, const QString &cc, const QDateTime &date);

    // Best first.
    QList<Correspondent> ranked() const;

    // "Name <email>" as it can be typed back into an address field: a name with a comma,
    // a quote or another special character is quoted.
    static QString formatted(const Mime::Address &address);

private:
    void add(const QString &addresses, const QDateTime &date, double weight);

    QStringList m_own; // lower case
    QDateTime m_now;
    struct Entry
    {
        Mime::Address address;
        QDateTime nameDate; // when address.name was last seen
        double score = 0;
    };
    QHash<QString, Entry> m_entries; // by lower-case email
};

} // namespace Poplar::Compose
