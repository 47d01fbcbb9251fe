#include "store/SearchText.h"

#include <QList>

#include <algorithm>

namespace Poplar::Store {

namespace {

// Calls f(codePoint, QStringView of its UTF-16 units) for each code point of text. A lone
// surrogate is passed as itself (it is neither a letter nor CJK).
template<typename F> void forEachCodePoint(QStringView text, F f)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < n && text[i + 1].isLowSurrogate()) {
            f(QChar::surrogateToUcs4(c, text[i + 1]), text.mid(i, 2));
            ++i;
        } else {
            f(char32_t(c.unicode()), text.mid(i, 1));
        }
    }
}

// Appends the bigrams of a CJK run (each element is one character) and its last character.
void appendRun(QString &out, const QList<QStringView> &run)
{
    if (run.isEmpty())
        return;
    if (!out.isEmpty() && !out.endsWith(u' '))
        out += u' ';
    for (qsizetype i = 0; i + 1 < run.size(); ++i) {
        out += run[i];
        out += run[i + 1];
        out += u' ';
    }
    out += run.last();
    out += u' ';
}

bool isLetterOrNumber(char32_t c)
{
    return QChar::isLetterOrNumber(c);
}

void appendQuoted(QString &out, QStringView text)
{
    out += u'"';
    for (const QChar c : text) {
        if (c == u'"')
            out += u'"';
        out += c;
    }
    out += u'"';
}

} // namespace

bool SearchText::isCjk(char32_t c)
{
    if (c == 0x30FC) // ー, the katakana length mark, is part of words like コーヒー
        return true;
    if (!QChar::isLetterOrNumber(c))
        return false;
    switch (QChar::script(c)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Hangul:
    case QChar::Script_Bopomofo:
        return true;
    default:
        return false;
    }
}

QString SearchText::indexForm(const QString &text)
{
    // Most text is ASCII, which NFKC leaves as it is and which has no CJK character.
    if (std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; }))
        return text;
    const QString normalized = text.normalized(QString::NormalizationForm_KC);
    QString out;
    out.reserve(normalized.size() * 2);
    QList<QStringView> run;
    forEachCodePoint(normalized, [&](char32_t c, QStringView units) {
        if (isCjk(c)) {
            run.append(units);
            return;
        }
        if (!run.isEmpty()) {
            appendRun(out, run);
            run.clear();
        }
        out += units;
    });
    appendRun(out, run);
    return out;
}

SearchText::Document SearchText::document(const QString &subject, const QString &from,
                                          const QString &to, const QString &cc,
                                          const QString &bodyText)
{
    const auto bounded = [](const QString &text, qsizetype limit) {
        return text.size() > limit ? text.left(limit) : text;
    };
    QStringList people;
    for (const QString *field : {&from, &to, &cc}) {
        if (!field->isEmpty())
            people << bounded(*field, kMaxIndexedField);
    }
    return {indexForm(bounded(subject, kMaxIndexedField)), indexForm(people.join(u'\n')),
            indexForm(bounded(bodyText, kMaxIndexedBody))};
}

QString SearchText::matchExpression(const QString &query)
{
    // A long query is cut at a space, so its last word is not cut into a different word.
    QString bounded = query;
    if (bounded.size() > kMaxQueryLength) {
        bounded.truncate(kMaxQueryLength);
        const qsizetype space = bounded.lastIndexOf(u' ');
        if (space > 0)
            bounded.truncate(space);
    }
    const QString normalized = bounded.normalized(QString::NormalizationForm_KC);
    QStringList terms;

    // A segment is a piece of one whitespace-separated word that is either all CJK or all
    // other characters.
    QList<QStringView> cjkRun;
    QString other;
    int otherWordCharacters = 0;
    auto flushOther = [&] {
        if (otherWordCharacters > 0) {
            QString term;
            appendQuoted(term, other);
            // A single letter or digit as a prefix would match nearly every message and cost
            // a scan of the whole index: it is searched as a word of its own instead.
            if (otherWordCharacters > 1)
                term += u'*';
            terms << term;
        }
        other.clear();
        otherWordCharacters = 0;
    };
    auto flushCjk = [&] {
        if (cjkRun.isEmpty())
            return;
        QString phrase;
        if (cjkRun.size() == 1) {
            phrase = cjkRun.first().toString();
        } else {
            for (qsizetype i = 0; i + 1 < cjkRun.size(); ++i) {
                if (!phrase.isEmpty())
                    phrase += u' ';
                phrase += cjkRun[i];
                phrase += cjkRun[i + 1];
            }
        }
        QString term;
        appendQuoted(term, phrase);
        if (cjkRun.size() == 1)
            term += u'*';
        terms << term;
        cjkRun.clear();
    };

    forEachCodePoint(normalized, [&](char32_t c, QStringView units) {
        // Control characters (NUL ends an FTS5 string) separate words like spaces do.
        if (QChar::isSpace(c) || QChar::category(c) == QChar::Other_Control ||
            QChar::category(c) == QChar::Other_Surrogate) {
            flushOther();
            flushCjk();
        } else if (isCjk(c)) {
            flushOther();
            cjkRun.append(units);
        } else {
            flushCjk();
            other += units;
            if (isLetterOrNumber(c))
                ++otherWordCharacters;
        }
    });
    flushOther();
    flushCjk();

    terms.removeDuplicates();
    if (terms.size() > kMaxQueryTerms)
        terms.resize(kMaxQueryTerms);
    return terms.join(u' ');
}

} // namespace Poplar::Store
