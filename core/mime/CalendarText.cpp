#include "mime/CalendarText.h"

#include <QStringList>

namespace Poplar::Mime {

namespace {

QString unescape(QStringView value)
{
    QString out;
    out.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value[i] == u'\\' && i + 1 < value.size()) {
            const QChar next = value[++i];
            out += (next == u'n' || next == u'N') ? QChar(u'\n') : next;
        } else {
            out += value[i];
        }
    }
    return out;
}

// "20240105T090000Z" -> "2024-01-05 09:00 UTC"; a TZID parameter is named after the time.
QString readableTime(QStringView value, QStringView params)
{
    QString v = value.toString();
    QString out;
    if (v.size() >= 8) {
        out = v.left(4) + u'-' + v.mid(4, 2) + u'-' + v.mid(6, 2);
        if (v.size() >= 13 && v[8] == u'T')
            out += u' ' + v.mid(9, 2) + u':' + v.mid(11, 2);
        if (v.endsWith(u'Z'))
            out += QStringLiteral(" UTC");
    } else {
        out = v;
    }
    const qsizetype tz = params.indexOf(u"TZID=", 0, Qt::CaseInsensitive);
    if (tz >= 0) {
        QStringView zone = params.sliced(tz + 5);
        const qsizetype semi = zone.indexOf(u';');
        if (semi >= 0)
            zone = zone.first(semi);
        out += u" (" + zone.toString().remove(u'"') + u')';
    }
    return out;
}

} // namespace

QString CalendarText::toReadableText(QStringView ics)
{
    // Unfold: a line break followed by a blank continues the line.
    QString unfolded = ics.toString();
    unfolded.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    unfolded.replace(QStringLiteral("\n "), QString());
    unfolded.replace(QStringLiteral("\n\t"), QString());

    QStringList events;
    QString method;
    QString summary, start, end, location, organizer, description;
    bool inEvent = false;
    const auto lines = QStringView(unfolded).split(u'\n');
    for (QStringView line : lines) {
        const qsizetype colon = line.indexOf(u':');
        if (colon < 0)
            continue;
        QStringView nameAndParams = line.first(colon);
        const QStringView value = line.sliced(colon + 1);
        const qsizetype semi = nameAndParams.indexOf(u';');
        const QStringView name = semi < 0 ? nameAndParams : nameAndParams.first(semi);
        const QStringView params = semi < 0 ? QStringView() : nameAndParams.sliced(semi + 1);
        const QString key = name.toString().toUpper();
        if (key == u"METHOD" && !inEvent) {
            method = value.toString().trimmed();
        } else if (key == u"BEGIN" &&
                   value.trimmed().compare(u"VEVENT", Qt::CaseInsensitive) == 0) {
            inEvent = true;
            summary.clear(), start.clear(), end.clear(), location.clear(), organizer.clear(),
                description.clear();
        } else if (key == u"END" && value.trimmed().compare(u"VEVENT", Qt::CaseInsensitive) == 0 &&
                   inEvent) {
            inEvent = false;
            QString text = QStringLiteral("Event: ") + summary;
            if (!start.isEmpty())
                text +=
                    QStringLiteral("\nWhen: ") + start + (end.isEmpty() ? QString() : u" – " + end);
            if (!location.isEmpty())
                text += QStringLiteral("\nWhere: ") + location;
            if (!organizer.isEmpty())
                text += QStringLiteral("\nOrganizer: ") + organizer;
            if (!description.isEmpty())
                text += QStringLiteral("\n\n") + description;
            events.append(text);
        } else if (inEvent) {
            if (key == u"SUMMARY")
                summary = unescape(value);
            else if (key == u"DTSTART")
                start = readableTime(value, params);
            else if (key == u"DTEND")
                end = readableTime(value, params);
            else if (key == u"LOCATION")
                location = unescape(value);
            else if (key == u"DESCRIPTION")
                description = unescape(value);
            else if (key == u"ORGANIZER") {
                QString who = value.toString();
                if (who.startsWith(u"mailto:", Qt::CaseInsensitive))
                    who = who.mid(7);
                const qsizetype cn = params.indexOf(u"CN=", 0, Qt::CaseInsensitive);
                if (cn >= 0) {
                    QStringView name = params.sliced(cn + 3);
                    const qsizetype s = name.indexOf(u';');
                    if (s >= 0)
                        name = name.first(s);
                    who = name.toString().remove(u'"') + u" <" + who + u'>';
                }
                organizer = who;
            }
        }
        if (events.size() > 100)
            break;
    }
    if (events.isEmpty())
        return ics.toString();
    QString header;
    if (method.compare(u"CANCEL", Qt::CaseInsensitive) == 0)
        header = QStringLiteral("Cancelled invitation\n\n");
    else if (method.compare(u"REQUEST", Qt::CaseInsensitive) == 0)
        header = QStringLiteral("Invitation\n\n");
    return header + events.join(QStringLiteral("\n\n"));
}

} // namespace Poplar::Mime
