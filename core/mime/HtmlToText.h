#pragma once

#include <QString>

namespace Poplar::Mime {

// HTML reduced to the text a reader sees: no markup, no script or style, references decoded,
// blocks on their own lines, list items bulleted, whitespace collapsed outside <pre>.
class HtmlToText
{
public:
    static QString convert(QStringView html);
};

} // namespace Poplar::Mime
