#pragma once

#include <QByteArrayView>
#include <QDateTime>

namespace Poplar::Mime {

// Date headers to QDateTime (with the sender's UTC offset). Accepts RFC 5322 and the forms
// real mailers write: no weekday or comma, two-digit years, named zones (GMT, EST, PDT, ...),
// no zone (taken as UTC), "+08:00", "GMT+0800", zone comments, full month names, asctime
// ("Mon Jan  2 15:04:05 2006"), ISO 8601, seconds missing, dotted times. Invalid if hopeless.
class DateParser
{
public:
    static QDateTime parse(QByteArrayView raw);
};

} // namespace Poplar::Mime
