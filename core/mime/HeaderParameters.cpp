#include "mime/HeaderParameters.h"

#include "mime/Charset.h"
#include "mime/EncodedWords.h"

#include <algorithm>
#include <map>

namespace Poplar::Mime {

namespace {

// How a parameter was written: `name=`, `name*=` (RFC 2231 charset'language'value), or one
// section of a continued value (`name*0=`, `name*1*=`, ...).
enum class Form
{
    Plain,
    Extended,
    Continuation
};

struct Section
{
    Form form = Form::Plain;
    int index = 0;
    bool extended = false; // percent-encoded, the first one with charset'language'
    QByteArray value;
};

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

QByteArray percentDecode(QByteArrayView v)
{
    QByteArray out;
    out.reserve(v.size());
    for (qsizetype i = 0; i < v.size(); ++i) {
        if (v[i] == '%' && i + 2 < v.size() && hexValue(v[i + 1]) >= 0 && hexValue(v[i + 2]) >= 0) {
            out.append(static_cast<char>(hexValue(v[i + 1]) * 16 + hexValue(v[i + 2])));
            i += 2;
        } else {
            out.append(v[i]);
        }
    }
    return out;
}

// Splits at ';' outside quotes; returns name/value pairs with quotes removed.
void splitParameters(QByteArrayView raw, qsizetype pos,
                     std::map<QByteArray, std::vector<Section>> &out, QList<QByteArray> &order)
{
    const qsizetype n = raw.size();
    while (pos < n && order.size() < 200) {
        while (pos < n && (raw[pos] == ';' || raw[pos] == ' ' || raw[pos] == '\t'))
            ++pos;
        const qsizetype nameStart = pos;
        while (pos < n && raw[pos] != '=' && raw[pos] != ';')
            ++pos;
        QByteArray name = raw.sliced(nameStart, pos - nameStart).trimmed().toByteArray().toLower();
        if (pos >= n || raw[pos] == ';') {
            continue; // a parameter without a value
        }
        ++pos; // '='
        while (pos < n && (raw[pos] == ' ' || raw[pos] == '\t'))
            ++pos;
        QByteArray value;
        if (pos < n && raw[pos] == '"') {
            ++pos;
            while (pos < n && raw[pos] != '"') {
                if (raw[pos] == '\\' && pos + 1 < n)
                    ++pos;
                value.append(raw[pos]);
                ++pos;
            }
            ++pos; // closing quote
            // Junk after the closing quote up to the next ';' is dropped.
            while (pos < n && raw[pos] != ';')
                ++pos;
        } else {
            const qsizetype valueStart = pos;
            while (pos < n && raw[pos] != ';')
                ++pos;
            value = raw.sliced(valueStart, pos - valueStart).trimmed().toByteArray();
        }
        if (name.isEmpty())
            continue;
        Section section;
        const qsizetype star = name.indexOf('*');
        QByteArray base = name;
        if (star >= 0) {
            base = name.left(star);
            QByteArrayView rest = QByteArrayView(name).sliced(star + 1);
            if (rest.endsWith('*')) {
                section.extended = true;
                rest.chop(1);
            }
            if (rest.startsWith('*'))
                rest = rest.sliced(1);
            if (rest.isEmpty()) {
                section.form = Form::Extended; // "name*=charset''value"
                section.extended = true;
            } else {
                section.form = Form::Continuation;
                bool ok = false;
                section.index = rest.toInt(&ok);
                if (!ok || section.index < 0 || section.index > 999)
                    continue;
            }
        }
        section.value = std::move(value);
        if (!out.count(base))
            order.append(base);
        out[base].push_back(std::move(section));
    }
}

// One parameter's value from its sections, in order: percent-decoded and in the declared
// charset when extended, else RFC 2047 words and raw 8-bit text decoded.
QString joinSections(const std::vector<Section> &parts, QByteArrayView fallbackCharset)
{
    const bool anyExtended =
        std::any_of(parts.begin(), parts.end(), [](const Section &s) { return s.extended; });
    if (!anyExtended) {
        QByteArray bytes;
        for (const Section &s : parts)
            bytes += s.value;
        return EncodedWords::decode(bytes, fallbackCharset);
    }
    QByteArray charset;
    QByteArray bytes;
    bool first = true;
    for (const Section &s : parts) {
        QByteArrayView v = s.value;
        if (s.extended && first) {
            const qsizetype q1 = v.indexOf('\'');
            const qsizetype q2 = q1 < 0 ? -1 : v.indexOf('\'', q1 + 1);
            if (q2 >= 0) {
                charset = v.first(q1).toByteArray();
                v = v.sliced(q2 + 1);
            }
        }
        bytes += s.extended ? percentDecode(v) : v.toByteArray();
        first = false;
    }
    return charset.isEmpty() ? EncodedWords::decodeRaw(bytes, fallbackCharset)
                             : Charset::decode(bytes, charset).text;
}

} // namespace

HeaderParameters HeaderParameters::parse(QByteArrayView raw, QByteArrayView fallbackCharset)
{
    HeaderParameters result;
    qsizetype semi = raw.indexOf(';');
    // Some mailers forget the first ';': "text/plain charset=utf-8".
    QByteArrayView head = semi < 0 ? raw : raw.first(semi);
    head = head.trimmed();
    const qsizetype blank = head.indexOf(' ');
    if (blank > 0 && head.indexOf('=') > blank) {
        semi = (head.data() - raw.data()) + blank;
        head = head.first(blank);
    }
    result.m_value = head.toByteArray().toLower();
    if (result.m_value.startsWith('"') && result.m_value.endsWith('"') && result.m_value.size() > 1)
        result.m_value = result.m_value.mid(1, result.m_value.size() - 2);
    if (semi < 0)
        return result;

    std::map<QByteArray, std::vector<Section>> sections;
    QList<QByteArray> order;
    splitParameters(raw, semi + 1, sections, order);
    for (const QByteArray &name : order) {
        const std::vector<Section> &all = sections[name];
        // RFC 2231: the extended forms carry the real value; a plain one beside them is the
        // fallback for old readers. Each form is decoded on its own, never glued to another,
        // and the first that gives a value wins. A repeated section counts once (the first).
        QString decoded;
        for (const Form form : {Form::Extended, Form::Continuation, Form::Plain}) {
            std::vector<Section> parts;
            for (const Section &s : all) {
                const bool repeated =
                    std::any_of(parts.begin(), parts.end(),
                                [&s](const Section &kept) { return kept.index == s.index; });
                if (s.form == form && !repeated)
                    parts.push_back(s);
            }
            if (parts.empty())
                continue;
            std::stable_sort(parts.begin(), parts.end(),
                             [](const Section &a, const Section &b) { return a.index < b.index; });
            decoded = joinSections(parts, fallbackCharset);
            if (!decoded.isEmpty())
                break;
        }
        result.m_parameters.append({name, decoded});
    }
    return result;
}

QString HeaderParameters::parameter(QByteArrayView name) const
{
    for (const Parameter &p : m_parameters) {
        if (p.name.compare(name, Qt::CaseInsensitive) == 0)
            return p.value;
    }
    return {};
}

bool HeaderParameters::hasParameter(QByteArrayView name) const
{
    for (const Parameter &p : m_parameters) {
        if (p.name.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace Poplar::Mime
