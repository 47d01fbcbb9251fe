#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QMetaType>

namespace Poplar::Smtp {

// An RFC 3463 enhanced status code ("5.1.1"): class, subject, detail. Zero class when the
// reply carried none.
struct EnhancedStatus
{
    int statusClass = 0; // 2 success, 4 persistent transient failure, 5 permanent failure
    int subject = 0;
    int detail = 0;

    bool isValid() const { return statusClass != 0; }
    QByteArray toString() const;
    friend bool operator==(const EnhancedStatus &, const EnhancedStatus &) = default;
};

// One complete server reply (RFC 5321 4.2): the three-digit code and the text of each line,
// with the enhanced status code taken off the front (RFC 2034) when the server sends one.
struct Reply
{
    int code = 0;
    EnhancedStatus status;
    QByteArrayList lines; // text after "250-" / "250 ", enhanced code removed

    bool isPositive() const { return code >= 200 && code < 400; }
    bool isTransientFailure() const { return code >= 400 && code < 500; }
    bool isPermanentFailure() const { return code >= 500; }
    // The lines joined with spaces, for messages and the log.
    QByteArray text() const { return lines.join(' '); }
};

} // namespace Poplar::Smtp

Q_DECLARE_METATYPE(Poplar::Smtp::Reply)
