#include "mime/Charset.h"

#include <QStringDecoder>

#include <array>
#include <cstring>
#include <vector>

namespace Poplar::Mime {

namespace {

struct Alias
{
    const char *label;
    const char *decoder;
};

// Labels seen in mail, lower case, and the decoder each one maps to. Supersets are chosen
// where senders routinely use the extended repertoire under the narrow label.
constexpr std::array kAliases{
    Alias{"utf-8", "UTF-8"},
    Alias{"utf8", "UTF-8"},
    Alias{"unicode-1-1-utf-8", "UTF-8"},
    Alias{"us-ascii", "windows-1252"},
    Alias{"ascii", "windows-1252"},
    Alias{"ansi_x3.4-1968", "windows-1252"},
    Alias{"iso-8859-1", "windows-1252"},
    Alias{"iso8859-1", "windows-1252"},
    Alias{"iso_8859-1", "windows-1252"},
    Alias{"latin1", "windows-1252"},
    Alias{"latin-1", "windows-1252"},
    Alias{"l1", "windows-1252"},
    Alias{"gb2312", "GB18030"},
    Alias{"gb_2312-80", "GB18030"},
    Alias{"csgb2312", "GB18030"},
    Alias{"euc-cn", "GB18030"},
    Alias{"x-euc-cn", "GB18030"},
    Alias{"chinese", "GB18030"},
    Alias{"gbk", "GB18030"},
    Alias{"x-gbk", "GB18030"},
    Alias{"cp936", "GB18030"},
    Alias{"ms936", "GB18030"},
    Alias{"windows-936", "GB18030"},
    Alias{"gb18030", "GB18030"},
    Alias{"hz-gb-2312", "HZ-GB-2312"},
    Alias{"big5", "Big5-HKSCS"},
    Alias{"big-5", "Big5-HKSCS"},
    Alias{"x-big5", "Big5-HKSCS"},
    Alias{"cn-big5", "Big5-HKSCS"},
    Alias{"csbig5", "Big5-HKSCS"},
    Alias{"cp950", "Big5-HKSCS"},
    Alias{"windows-950", "Big5-HKSCS"},
    Alias{"big5-hkscs", "Big5-HKSCS"},
    Alias{"iso-2022-jp", "ISO-2022-JP-2"},
    Alias{"csiso2022jp", "ISO-2022-JP-2"},
    Alias{"iso-2022-jp-2", "ISO-2022-JP-2"},
    Alias{"shift_jis", "windows-31j"},
    Alias{"shift-jis", "windows-31j"},
    Alias{"sjis", "windows-31j"},
    Alias{"x-sjis", "windows-31j"},
    Alias{"ms_kanji", "windows-31j"},
    Alias{"csshiftjis", "windows-31j"},
    Alias{"cp932", "windows-31j"},
    Alias{"windows-31j", "windows-31j"},
    Alias{"euc-jp", "EUC-JP"},
    Alias{"x-euc-jp", "EUC-JP"},
    Alias{"cseucpkdfmtjapanese", "EUC-JP"},
    Alias{"euc-kr", "windows-949"},
    Alias{"x-euc-kr", "windows-949"},
    Alias{"cseuckr", "windows-949"},
    Alias{"ks_c_5601-1987", "windows-949"},
    Alias{"ks_c_5601", "windows-949"},
    Alias{"ksc5601", "windows-949"},
    Alias{"ksc_5601", "windows-949"},
    Alias{"korean", "windows-949"},
    Alias{"cp949", "windows-949"},
    Alias{"windows-949", "windows-949"},
    Alias{"iso-2022-kr", "ISO-2022-KR"},
    Alias{"koi8-r", "KOI8-R"},
    Alias{"koi8-u", "KOI8-U"},
    Alias{"koi8-ru", "KOI8-U"},
    Alias{"utf-16", "UTF-16"},
    Alias{"utf-16le", "UTF-16LE"},
    Alias{"utf-16be", "UTF-16BE"},
    Alias{"utf-7", "UTF-7"},
    Alias{"unicode-1-1-utf-7", "UTF-7"},
    Alias{"iso-8859-8-i", "ISO-8859-8"},
    Alias{"iso-8859-6-i", "ISO-8859-6"},
    Alias{"tis-620", "windows-874"},
    Alias{"iso-8859-11", "windows-874"},
    Alias{"windows-874", "windows-874"},
    Alias{"iso-8859-16", "ISO-8859-16"},
    Alias{"iso_8859-16", "ISO-8859-16"},
    Alias{"latin10", "ISO-8859-16"},
};

constexpr char16_t kIso8859_16[96] = {
    0x00A0, 0x0104, 0x0105, 0x0141, 0x20AC, 0x201E, 0x0160, 0x00A7, 0x0161, 0x00A9, 0x0218, 0x00AB,
    0x0179, 0x00AD, 0x017A, 0x017B, 0x00B0, 0x00B1, 0x010C, 0x0142, 0x017D, 0x201D, 0x00B6, 0x00B7,
    0x017E, 0x010D, 0x0219, 0x00BB, 0x0152, 0x0153, 0x0178, 0x017C, 0x00C0, 0x00C1, 0x00C2, 0x0102,
    0x00C4, 0x0106, 0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,
    0x0110, 0x0143, 0x00D2, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x015A, 0x0170, 0x00D9, 0x00DA, 0x00DB,
    0x00DC, 0x0118, 0x021A, 0x00DF, 0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x0107, 0x00E6, 0x00E7,
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF, 0x0111, 0x0144, 0x00F2, 0x00F3,
    0x00F4, 0x0151, 0x00F6, 0x015B, 0x0171, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x0119, 0x021B, 0x00FF};

QString decodeIso8859_16(QByteArrayView bytes)
{
    QString out(bytes.size(), Qt::Uninitialized);
    QChar *d = out.data();
    for (char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        *d++ = b < 0xA0 ? QChar(char16_t(b)) : QChar(kIso8859_16[b - 0xA0]);
    }
    return out;
}

QByteArray lowerTrimmed(QByteArrayView label)
{
    QByteArray l = label.trimmed().toByteArray().toLower();
    // Some mailers quote the label or append junk such as "utf-8;format=flowed".
    while (!l.isEmpty() && (l.front() == '"' || l.front() == '\''))
        l.remove(0, 1);
    const qsizetype cut = l.indexOf(';');
    if (cut >= 0)
        l.truncate(cut);
    while (!l.isEmpty() && (l.back() == '"' || l.back() == '\''))
        l.chop(1);
    return l.trimmed();
}

bool isSingleByteWestern(QByteArrayView decoder)
{
    return decoder == "windows-1252";
}

// Decodes with a named decoder; reports whether the bytes had invalid sequences.
QString decodeWith(QByteArrayView bytes, const QByteArray &decoder, bool *error)
{
    if (decoder == "ISO-8859-16") {
        *error = false;
        return decodeIso8859_16(bytes);
    }
    QStringDecoder d(decoder.constData());
    if (!d.isValid()) {
        *error = true;
        return {};
    }
    QString text = d.decode(bytes);
    *error = d.hasError();
    return text;
}

// A set of BMP characters with constant-time lookup.
class CharSet
{
public:
    explicit CharSet(const QString &chars)
        : m_bits(0x10000, false)
    {
        for (QChar c : chars)
            m_bits[c.unicode()] = true;
    }
    bool contains(char16_t c) const { return m_bits[c]; }

private:
    std::vector<bool> m_bits;
};

// How Chinese, Japanese or Korean a decoded text looks: kana and Hangul syllables are strong
// signals, the most frequent ideographs weaker ones, rare and private-use characters count
// against the guess.
int plausibility(QStringView text, QByteArrayView decoder, int *nonAscii)
{
    static const QString commonHanzi =
        QStringLiteral("的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子"
                       "那得于着下自之年过"
                       "发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小"
                       "部其些主样理心她本前"
                       "开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业"
                       "外将两高间由问很最重"
                       "并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表"
                       "化老给世位次度门任常"
                       "先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女"
                       "变四神总何电数安少报"
                       "才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便"
                       "空决治展马科司五基眼"
                       "书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张"
                       "该交规万取拉格望觉术"
                       "领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服"
                       "快办议往元英士证近失"
                       "转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华"
                       "城石级整府离况亚请技"
                       "際們個這來說時對會過後還點樣國學發開關問題經現電話謝請您");
    static const QString commonHangul = QStringLiteral(
        "이다는의에을하고가한지서로사기니습입요를대나수아어시자리도해여인우주그일있것들보안세감합메"
        "문국"
        "제정전부성게내무만동와과소상년회했되면던라적까께더원분오위신말실학연및점경물구장생용화간모"
        "방없"
        "같마후중교계작비운개공관음드거요터유발통진람식미야저때명미래친글님씀드립알림확인요청결제"
        "바랍니다십시오입니까합니다했습니다됩니다하세요녕번호월날짜시간");
    static const CharSet hanziSet(commonHanzi);
    static const CharSet hangulSet(commonHangul);
    int score = 0;
    int counted = 0;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x80)
            continue;
        ++counted;
        if (u == 0xFFFD || (u >= 0xE000 && u <= 0xF8FF))
            score -= 8;
        else if (u >= 0x3040 && u <= 0x30FF)
            score += decoder == "windows-31j" || decoder == "EUC-JP" ? 4 : 1;
        else if (u >= 0xAC00 && u <= 0xD7A3)
            score += hangulSet.contains(u) ? 3 : -1;
        else if (u >= 0x3000 && u <= 0x303F)
            score += 2;
        else if (u >= 0xFF61 && u <= 0xFF9F)
            score -= 1; // half-width katakana: rare in mail, common in misdecoded bytes
        else if (u >= 0xFF00 && u <= 0xFFEF)
            score += 1;
        else if (u >= 0x4E00 && u <= 0x9FFF)
            score += hanziSet.contains(u) ? 3 : 0;
        else if (u >= 0x3400 && u <= 0x4DBF)
            score -= 2; // extension A: rarely written, a sign of a wrong decoder
        else if (u >= 0x0080 && u <= 0x00FF)
            score -= 1;
    }
    *nonAscii = counted;
    return counted == 0 ? 0 : score;
}

// Share of letters written with bytes above 0x7F: high for Cyrillic or Greek in a single-byte
// charset, low for Western languages where only accented letters are.
double nonAsciiLetterShare(QByteArrayView bytes)
{
    qsizetype high = 0;
    qsizetype letters = 0;
    for (char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if (b >= 0xC0) {
            ++high;
            ++letters;
        } else if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) {
            ++letters;
        }
    }
    return letters == 0 ? 0.0 : static_cast<double>(high) / static_cast<double>(letters);
}

// How many of the most frequent letters of the script the decoder is for.
int letterScore(QStringView text, QByteArrayView decoder)
{
    static const QString russian = QStringLiteral("оеаинтсрвлкмдпуяыьгзбчйжхшюцщэфъё");
    static const QString greek = QStringLiteral("αοιετσνηυρπκμλωάέίόύήώδγχθφβξζψ");
    const QString &letters = decoder == "ISO-8859-7" ? greek : russian;
    const QString common = letters.left(12);
    int score = 0;
    for (QChar c : text) {
        if (c.unicode() < 0x80)
            continue;
        if (common.contains(c))
            score += 2;
        else if (letters.contains(c))
            score += 1;
        else
            score -= 1;
    }
    return score;
}

} // namespace

bool Charset::isAscii(QByteArrayView bytes)
{
    for (char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

bool Charset::isValidUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *end = p + bytes.size();
    while (p < end) {
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra = 0;
        char32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (end - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if ((extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return false;
        p += extra + 1;
    }
    return true;
}

QByteArray Charset::canonicalName(QByteArrayView label)
{
    const QByteArray l = lowerTrimmed(label);
    if (l.isEmpty())
        return {};
    for (const Alias &alias : kAliases) {
        if (l == alias.label)
            return QByteArray(alias.decoder);
    }
    // windows-125x, cp125x, iso-8859-x and other names ICU knows.
    if (l.startsWith("cp125") && l.size() == 6)
        return "windows-" + l.mid(2);
    if (l.startsWith("x-"))
        return canonicalName(QByteArrayView(l).sliced(2));
    QStringDecoder d(l.constData());
    if (d.isValid())
        return l;
    return {};
}

DecodedText Charset::guess(QByteArrayView bytes)
{
    if (isAscii(bytes)) {
        // Plain ASCII, unless it carries ISO-2022 escapes.
        if (bytes.contains("\x1b$B") || bytes.contains("\x1b$@") || bytes.contains("\x1b(J")) {
            bool error = false;
            QString text = decodeWith(bytes, "ISO-2022-JP-2", &error);
            if (!error)
                return {std::move(text), "ISO-2022-JP-2", true};
        }
        return {QString::fromLatin1(bytes), "US-ASCII", false};
    }
    if (isValidUtf8(bytes))
        return {QString::fromUtf8(bytes), "UTF-8", true};

    static const QByteArray candidates[] = {"GB18030", "Big5-HKSCS", "windows-31j", "EUC-JP",
                                            "windows-949"};
    // Candidates are judged on a sample; only the chosen one decodes everything.
    const QByteArrayView sample = bytes.first(std::min<qsizetype>(bytes.size(), 16 * 1024));
    const auto full = [&](DecodedText chosen) {
        if (sample.size() < bytes.size()) {
            bool error = false;
            chosen.text = decodeWith(bytes, chosen.charset, &error);
        }
        return chosen;
    };
    DecodedText best;
    int bestScore = 0;
    int bestCount = 0;
    for (const QByteArray &candidate : candidates) {
        bool error = false;
        QString text = decodeWith(sample, candidate, &error);
        if (error)
            continue;
        int count = 0;
        const int score = plausibility(text, candidate, &count);
        if (best.charset.isEmpty() || score > bestScore) {
            bestScore = score;
            bestCount = count;
            best = {std::move(text), candidate, true};
        }
    }
    const bool convincingCjk = bestCount > 0 && bestScore * 10 >= bestCount * 8;
    if (!convincingCjk && nonAsciiLetterShare(sample) > 0.5) {
        // Most letters are above 0x7F: Cyrillic or Greek in a single-byte charset.
        DecodedText single;
        int singleScore = 0;
        for (const QByteArray &candidate :
             {QByteArray("windows-1251"), QByteArray("KOI8-R"), QByteArray("ISO-8859-7")}) {
            bool error = false;
            QString text = decodeWith(sample, candidate, &error);
            const int score = letterScore(text, candidate);
            if (!error && (single.charset.isEmpty() || score > singleScore)) {
                singleScore = score;
                single = {std::move(text), candidate, true};
            }
        }
        if (!single.charset.isEmpty() && singleScore > 0)
            return full(std::move(single));
    }
    if (!best.charset.isEmpty() && bestScore > 0)
        return full(std::move(best));
    bool error = false;
    return {decodeWith(bytes, "windows-1252", &error), "windows-1252", true};
}

DecodedText Charset::decode(QByteArrayView bytes, QByteArrayView label)
{
    const QByteArray decoder = canonicalName(label);
    if (decoder.isEmpty()) {
        DecodedText guessed = guess(bytes);
        guessed.guessed = guessed.guessed || !label.trimmed().isEmpty();
        return guessed;
    }
    if (decoder == "UTF-8") {
        if (isValidUtf8(bytes))
            return {QString::fromUtf8(bytes), decoder, false};
        DecodedText guessed = guess(bytes);
        guessed.guessed = true;
        return guessed;
    }
    if (isAscii(bytes) && !decoder.startsWith("UTF-16") && decoder != "UTF-7" &&
        !decoder.startsWith("ISO-2022") && decoder != "HZ-GB-2312")
        return {QString::fromLatin1(bytes), decoder, false};
    // A Western single-byte label on UTF-8 bytes is the most common wrong label.
    if (isSingleByteWestern(decoder) && isValidUtf8(bytes))
        return {QString::fromUtf8(bytes), "UTF-8", true};

    bool error = false;
    QString text = decodeWith(bytes, decoder, &error);
    if (!error)
        return {std::move(text), decoder, false};
    DecodedText guessed = guess(bytes);
    if (guessed.charset != "windows-1252" || text.isEmpty()) {
        guessed.guessed = true;
        return guessed;
    }
    // Keep the labelled decoding with its replacement characters: closer than a blind guess.
    return {std::move(text), decoder, false};
}

} // namespace Poplar::Mime
