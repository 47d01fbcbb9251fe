#include "mime/Part.h"

namespace Poplar::Mime {

const Part *Part::find(QStringView wanted) const
{
    if (path == wanted)
        return this;
    for (const Part &child : children) {
        if (const Part *found = child.find(wanted))
            return found;
    }
    return nullptr;
}

const Part *Part::findByContentId(QStringView wanted) const
{
    if (kind == Kind::Leaf && !contentId.isEmpty() &&
        contentId.compare(wanted, Qt::CaseSensitive) == 0)
        return this;
    for (const Part &child : children) {
        if (const Part *found = child.findByContentId(wanted))
            return found;
    }
    return nullptr;
}

} // namespace Poplar::Mime
