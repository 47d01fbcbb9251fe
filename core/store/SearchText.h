#pragma once

#include <QString>
#include <QStringList>

namespace Poplar::Store {

// How text is prepared for the full-text index and how a user's query becomes an FTS5 query.
//
// Why not a stock tokenizer: FTS5's unicode61 tokenizer splits on spaces and punctuation,
// which works for Latin, Cyrillic, Greek and Korean between words, but Chinese and Japanese
// are written without spaces, so a whole sentence would become one token and 会议 inside
// 明天下午三点开会议室见 could never match. The trigram tokenizer finds substrings but matches
// nothing for queries shorter than three characters, and most Chinese words have two.
//
// What Poplar does: before a text is indexed, every run of Chinese, Japanese or Korean
// characters is replaced by its overlapping character bigrams followed by its last character
// alone (会议室见 -> "会议 议室 室见 见"), separated by spaces, and the result goes into an FTS5
// table with the unicode61 tokenizer; other text passes through unchanged. Then:
// - a query word of two or more CJK characters becomes the phrase of its bigrams, which
//   matches wherever those characters stand next to each other, inside any sentence;
// - a single CJK character becomes a prefix query: every character of a run starts one of
//   the indexed tokens (that is what the trailing single character is for);
// - any other word becomes a prefix query, so "meet" finds "meeting" (a single letter or
//   digit is searched as a whole word: as a prefix it would match nearly everything).
// Korean is treated the same way, so 회의 also matches 회의는 (a word with its particle).
// Text is NFKC-normalized first, so full-width letters and half-width katakana match their
// usual forms. The cost is an index about twice the size of the CJK text; the gain is that
// the index stays a plain unicode61 FTS5 table that any SQLite can open and check.
class SearchText
{
public:
    // The form of a text that goes into the index.
    static QString indexForm(const QString &text);

    // What one message puts into the index's three columns, in index form and within the
    // limits below. Made where the message is prepared (the sync engine's worker threads),
    // so the store's single writer thread does not spend its time on it.
    struct Document
    {
        QString subject;
        QString people; // From, To and Cc
        QString body;
    };
    static Document document(const QString &subject, const QString &from, const QString &to,
                             const QString &cc, const QString &bodyText);

    // Limits on what one message may put into the search index (characters).
    static constexpr qsizetype kMaxIndexedBody = 256 * 1024;
    static constexpr qsizetype kMaxIndexedField = 16 * 1024;

    // The FTS5 MATCH expression for what the user typed: every word must match (AND). Quotes,
    // operators (AND, OR, NOT, NEAR), stars, parentheses and column names typed by the user
    // are searched as plain text, never interpreted, so no query can be a syntax error.
    // Empty when the query holds nothing searchable (then there are no results).
    static QString matchExpression(const QString &query);

    // True for the characters indexed as bigrams (Han, Hiragana, Katakana, Hangul).
    static bool isCjk(char32_t codePoint);

    // Bounds on the work a query can cause.
    static constexpr int kMaxQueryLength = 512;
    static constexpr int kMaxQueryTerms = 16;
};

} // namespace Poplar::Store
