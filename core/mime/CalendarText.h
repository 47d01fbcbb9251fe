#pragma once

#include <QString>

namespace Poplar::Mime {

// text/calendar (iCalendar, RFC 5545) as readable lines: what, when, where, who, details.
class CalendarText
{
public:
    static QString toReadableText(QStringView ics);
};

} // namespace Poplar::Mime
