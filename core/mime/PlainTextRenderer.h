#pragma once

#include <QString>

namespace Poplar::Mime {

// Plain text to simple HTML for the viewer: escaped, links (http, https, ftp, www., mailto,
// bare addresses) made clickable, quoted lines (">") in blockquotes coloured by depth,
// the signature after "-- " dimmed.
class PlainTextRenderer
{
public:
    static QString toHtml(QStringView text);
    // The quote depth of a line ("> > x" is 2) and the text after the markers.
    static int quoteDepth(QStringView line, QStringView *rest = nullptr);
};

} // namespace Poplar::Mime
