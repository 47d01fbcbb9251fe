#include "mime/HtmlEntities.h"

#include <array>

namespace Poplar::Mime {

namespace {

struct Entity
{
    const char16_t *name;
    char16_t value;
};

constexpr std::array kEntities{
    Entity{u"amp", u'&'},      Entity{u"lt", u'<'},       Entity{u"gt", u'>'},
    Entity{u"quot", u'"'},     Entity{u"apos", u'\''},    Entity{u"nbsp", 0x00A0},
    Entity{u"copy", 0x00A9},   Entity{u"reg", 0x00AE},    Entity{u"trade", 0x2122},
    Entity{u"hellip", 0x2026}, Entity{u"mdash", 0x2014},  Entity{u"ndash", 0x2013},
    Entity{u"lsquo", 0x2018},  Entity{u"rsquo", 0x2019},  Entity{u"ldquo", 0x201C},
    Entity{u"rdquo", 0x201D},  Entity{u"sbquo", 0x201A},  Entity{u"bdquo", 0x201E},
    Entity{u"bull", 0x2022},   Entity{u"middot", 0x00B7}, Entity{u"euro", 0x20AC},
    Entity{u"pound", 0x00A3},  Entity{u"yen", 0x00A5},    Entity{u"cent", 0x00A2},
    Entity{u"laquo", 0x00AB},  Entity{u"raquo", 0x00BB},  Entity{u"times", 0x00D7},
    Entity{u"divide", 0x00F7}, Entity{u"deg", 0x00B0},    Entity{u"plusmn", 0x00B1},
    Entity{u"sect", 0x00A7},   Entity{u"para", 0x00B6},   Entity{u"shy", 0x00AD},
    Entity{u"zwnj", 0x200C},   Entity{u"zwj", 0x200D},    Entity{u"ensp", 0x2002},
    Entity{u"emsp", 0x2003},   Entity{u"thinsp", 0x2009}, Entity{u"iexcl", 0x00A1},
    Entity{u"iquest", 0x00BF}, Entity{u"auml", 0x00E4},   Entity{u"ouml", 0x00F6},
    Entity{u"uuml", 0x00FC},   Entity{u"Auml", 0x00C4},   Entity{u"Ouml", 0x00D6},
    Entity{u"Uuml", 0x00DC},   Entity{u"szlig", 0x00DF},  Entity{u"eacute", 0x00E9},
    Entity{u"egrave", 0x00E8}, Entity{u"agrave", 0x00E0}, Entity{u"aacute", 0x00E1},
    Entity{u"ccedil", 0x00E7}, Entity{u"ntilde", 0x00F1}, Entity{u"oacute", 0x00F3},
    Entity{u"iacute", 0x00ED}, Entity{u"uacute", 0x00FA}, Entity{u"Eacute", 0x00C9},
    Entity{u"colon", u':'},    Entity{u"Tab", u'\t'},     Entity{u"NewLine", u'\n'},
    Entity{u"lpar", u'('},     Entity{u"rpar", u')'},     Entity{u"sol", u'/'},
    Entity{u"period", u'.'},   Entity{u"comma", u','},    Entity{u"num", u'#'},
};

int digitValue(QChar ch, bool hex)
{
    const char16_t u = ch.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (hex && u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (hex && u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

} // namespace

QString HtmlEntities::decode(QStringView text)
{
    if (!text.contains(u'&'))
        return text.toString();
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        if (c != u'&') {
            out += c;
            continue;
        }
        qsizetype j = i + 1;
        if (j < n && text[j] == u'#') {
            ++j;
            const bool hex = j < n && (text[j] == u'x' || text[j] == u'X');
            if (hex)
                ++j;
            const qsizetype digitsStart = j;
            char32_t value = 0;
            while (j < n && j - digitsStart < 8 && digitValue(text[j], hex) >= 0) {
                value = value * (hex ? 16 : 10) + static_cast<char32_t>(digitValue(text[j], hex));
                ++j;
            }
            if (j == digitsStart) {
                out += c;
                continue;
            }
            if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
                value = 0xFFFD;
            out += QString::fromUcs4(&value, 1);
            if (j < n && text[j] == u';')
                ++j;
            i = j - 1;
            continue;
        }
        const qsizetype nameStart = j;
        while (j < n && j - nameStart < 10 && text[j].isLetterOrNumber())
            ++j;
        const QStringView name = text.sliced(nameStart, j - nameStart);
        bool found = false;
        for (const Entity &e : kEntities) {
            if (name == QStringView(e.name)) {
                out += QChar(e.value);
                found = true;
                break;
            }
        }
        if (!found) {
            out += c;
            continue;
        }
        if (j < n && text[j] == u';')
            ++j;
        i = j - 1;
    }
    return out;
}

QString HtmlEntities::escape(QStringView text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            out += QStringLiteral("&amp;");
            break;
        case u'<':
            out += QStringLiteral("&lt;");
            break;
        case u'>':
            out += QStringLiteral("&gt;");
            break;
        case u'"':
            out += QStringLiteral("&quot;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace Poplar::Mime
