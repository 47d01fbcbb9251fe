#pragma once

#include <QString>

namespace Poplar::Mime {

// HTML character references: numeric ones and the named ones mail actually uses.
class HtmlEntities
{
public:
    // Decodes references in `text`; unknown names are left as written.
    static QString decode(QStringView text);
    // Escapes &, <, > and " for text and attribute values.
    static QString escape(QStringView text);
};

} // namespace Poplar::Mime
