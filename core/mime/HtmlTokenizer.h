#pragma once

#include <QList>
#include <QString>

namespace Poplar::Mime {

struct HtmlToken
{
    enum class Type
    {
        Text,
        StartTag,
        EndTag,
        Comment
    };
    Type type = Type::Text;
    QStringView text; // Text: raw text with character references still in it
    QString name;     // tags: lower case
    QList<std::pair<QString, QString>> attributes; // lower-case names, decoded values
    bool selfClosing = false;

    QString attribute(QStringView name) const;
    bool hasAttribute(QStringView name) const;
};

// A forgiving HTML tokenizer in the spirit of HTML5's: never fails, never recurses, linear.
class HtmlTokenizer
{
public:
    explicit HtmlTokenizer(QStringView html)
        : m_html(html)
    {}
    bool next(HtmlToken &token);
    // The raw text up to "</name" (for script, style, title, textarea), consuming the end tag.
    QStringView rawTextUntilEndTag(QStringView name);

private:
    QStringView m_html;
    qsizetype m_pos = 0;
};

} // namespace Poplar::Mime
