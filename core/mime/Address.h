#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace Poplar::Mime {

// One mailbox from an address header, decoded for display.
struct Address
{
    QString name;  // display name, RFC 2047 decoded; from a comment when there is no phrase
    QString email; // local@domain, IDN domains shown in Unicode; as written when it has no
                   // domain ("To: baz"), so that such a recipient is still listed
    QString group; // the group it was listed in ("Team: a@x, b@y;"), or empty

    // "Name <email>" or just the email.
    QString toDisplayString() const;
    bool operator==(const Address &) const = default;

    // Parses an address list: groups, quoted names, comments, missing brackets, unquoted
    // commas in names ("Doe, John <j@x>"), obsolete routes, raw UTF-8 and encoded words.
    static QList<Address> parseList(QByteArrayView raw, QByteArrayView fallbackCharset = {});
    // The list joined with ", " for display and search.
    static QString joined(const QList<Address> &addresses);
};

} // namespace Poplar::Mime
