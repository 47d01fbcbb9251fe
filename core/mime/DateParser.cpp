#include "mime/DateParser.h"

#include <QList>
#include <QTimeZone>

#include <array>

namespace Poplar::Mime {

namespace {

int monthFromName(QByteArrayView word)
{
    static constexpr std::array<const char *, 12> names{"jan", "feb", "mar", "apr", "may", "jun",
                                                        "jul", "aug", "sep", "oct", "nov", "dec"};
    if (word.size() < 3)
        return 0;
    const QByteArray prefix = word.first(3).toByteArray().toLower();
    for (int i = 0; i < 12; ++i) {
        if (prefix == names[static_cast<size_t>(i)])
            return i + 1;
    }
    return 0;
}

bool isWeekday(QByteArrayView word)
{
    static constexpr std::array<const char *, 7> names{"mon", "tue", "wed", "thu",
                                                       "fri", "sat", "sun"};
    if (word.size() < 3)
        return false;
    const QByteArray prefix = word.first(3).toByteArray().toLower();
    for (const char *name : names) {
        if (prefix == name)
            return true;
    }
    return false;
}

// Minutes east of UTC for a zone name; false if not a zone.
bool namedZone(QByteArrayView word, int &minutes)
{
    struct Zone
    {
        const char *name;
        int minutes;
    };
    static constexpr std::array zones{
        Zone{"ut", 0},     Zone{"utc", 0},    Zone{"gmt", 0},    Zone{"z", 0},
        Zone{"est", -300}, Zone{"edt", -240}, Zone{"cst", -360}, Zone{"cdt", -300},
        Zone{"mst", -420}, Zone{"mdt", -360}, Zone{"pst", -480}, Zone{"pdt", -420},
        Zone{"cet", 60},   Zone{"cest", 120}, Zone{"bst", 60},   Zone{"jst", 540},
        Zone{"kst", 540},  Zone{"hkt", 480},  Zone{"met", 60},   Zone{"mest", 120},
        Zone{"eet", 120},  Zone{"eest", 180}, Zone{"wet", 0},    Zone{"west", 60},
    };
    const QByteArray lower = word.toByteArray().toLower();
    for (const Zone &z : zones) {
        if (lower == z.name) {
            minutes = z.minutes;
            return true;
        }
    }
    return false;
}

bool allDigits(QByteArrayView v)
{
    if (v.isEmpty())
        return false;
    for (char c : v) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

bool numericZone(QByteArrayView word, int &minutes)
{
    if (word.size() < 3 || (word[0] != '+' && word[0] != '-'))
        return false;
    QByteArray digits = word.sliced(1).toByteArray();
    digits.replace(":", "");
    if (!allDigits(digits) || (digits.size() != 4 && digits.size() != 2))
        return false;
    const int value = digits.toInt();
    const int hours = digits.size() == 4 ? value / 100 : value;
    const int mins = digits.size() == 4 ? value % 100 : 0;
    if (hours > 14 || mins > 59)
        return false;
    minutes = (hours * 60 + mins) * (word[0] == '-' ? -1 : 1);
    return true;
}

bool parseTime(QByteArrayView word, QTime &time)
{
    QList<QByteArrayView> parts;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= word.size(); ++i) {
        if (i == word.size() || word[i] == ':' || word[i] == '.') {
            parts.append(word.sliced(start, i - start));
            start = i + 1;
        }
    }
    if (parts.size() < 2 || parts.size() > 3)
        return false;
    int v[3] = {0, 0, 0};
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (!allDigits(parts[i]) || parts[i].size() > 2)
            return false;
        v[i] = parts[i].toInt();
    }
    if (v[2] == 60)
        v[2] = 59; // leap second
    time = QTime(v[0], v[1], v[2]);
    return time.isValid();
}

} // namespace

QDateTime DateParser::parse(QByteArrayView raw)
{
    QByteArray text = raw.trimmed().toByteArray();
    if (text.isEmpty() || text.size() > 200)
        return {};
    // ISO 8601, as some web forms and scripts write.
    if (text.size() >= 10 && allDigits(QByteArrayView(text).first(4)) && text[4] == '-') {
        QDateTime iso = QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate);
        if (iso.isValid()) {
            if (iso.timeSpec() == Qt::LocalTime)
                iso.setTimeZone(QTimeZone::utc());
            return iso;
        }
    }
    // Drop comments and split into words.
    QList<QByteArray> words;
    QByteArray word;
    int depth = 0;
    for (char c : text) {
        if (c == '(') {
            ++depth;
        } else if (c == ')') {
            depth = std::max(0, depth - 1);
        } else if (depth == 0 && (c == ' ' || c == '\t' || c == ',' || c == '\r' || c == '\n')) {
            if (!word.isEmpty())
                words.append(word);
            word.clear();
        } else if (depth == 0) {
            word.append(c);
        }
    }
    if (!word.isEmpty())
        words.append(word);

    int day = 0;
    int month = 0;
    int year = -1;
    QTime time;
    bool haveTime = false;
    int offset = 0;
    bool pm = false;
    bool am = false;
    for (const QByteArray &w : words) {
        int minutes = 0;
        if (isWeekday(w) && !monthFromName(w)) {
            continue;
        } else if (!haveTime && w.contains(':') && parseTime(w, time)) {
            haveTime = true;
        } else if (numericZone(w, minutes)) {
            offset = minutes;
        } else if (w.size() > 3 &&
                   (w.toLower().startsWith("gmt") || w.toLower().startsWith("utc")) &&
                   numericZone(QByteArrayView(w).sliced(3), minutes)) {
            offset = minutes;
        } else if (namedZone(w, minutes)) {
            offset = minutes;
        } else if (w.compare("pm", Qt::CaseInsensitive) == 0) {
            pm = true;
        } else if (w.compare("am", Qt::CaseInsensitive) == 0) {
            am = true;
        } else if (month == 0 && monthFromName(w)) {
            month = monthFromName(w);
        } else if (w.count('-') == 2 && month == 0) {
            // "2-Jan-2024"
            const QList<QByteArray> pieces = w.split('-');
            if (allDigits(pieces[0]) && monthFromName(pieces[1]) && allDigits(pieces[2])) {
                day = pieces[0].toInt();
                month = monthFromName(pieces[1]);
                year = pieces[2].toInt();
                if (pieces[2].size() <= 2)
                    year += year < 50 ? 2000 : 1900;
            }
        } else if (w.count('.') == 2 && allDigits(QByteArray(w).replace(".", ""))) {
            // "02.01.2024", day first as European mailers write it.
            const QList<QByteArray> pieces = w.split('.');
            day = pieces[0].toInt();
            month = pieces[1].toInt();
            year = pieces[2].toInt();
            if (pieces[2].size() <= 2)
                year += year < 50 ? 2000 : 1900;
        } else if (allDigits(w)) {
            const int value = w.size() > 6 ? -1 : w.toInt();
            if (w.size() == 4 && haveTime && year >= 0 && offset == 0) {
                // "+0000" written without a sign.
                int mins = 0;
                if (numericZone(QByteArray("+" + w), mins))
                    offset = mins;
            } else if (w.size() <= 2 && day == 0 && year < 0 && value >= 1 && value <= 31) {
                day = value;
            } else if (year < 0 && (w.size() == 4 || w.size() == 3)) {
                year = value < 1000 ? value + 1900 : value;
            } else if (year < 0 && w.size() <= 2) {
                year = value + (value < 50 ? 2000 : 1900);
            }
        }
    }
    if (year < 0 || month == 0 || day == 0)
        return {};
    if (pm && haveTime && time.hour() < 12)
        time = time.addSecs(12 * 3600);
    if (am && haveTime && time.hour() == 12)
        time = time.addSecs(-12 * 3600);
    const QDate date(year, month, day);
    if (!date.isValid() || year < 1900 || year > 9999)
        return {};
    return QDateTime(date, haveTime ? time : QTime(0, 0), Qt::OffsetFromUTC, offset * 60);
}

} // namespace Poplar::Mime
