#pragma once

#include "mime/HtmlSanitizer.h"
#include "mime/Message.h"

namespace Poplar::Mime {

// A parsed message's body as one HTML document for the viewer. Rendering never causes a
// network request: remote references stay out unless `allowRemote`, and cid: images come from
// the message itself.
class MessageRenderer
{
public:
    enum class CidImages
    {
        DataUrls, // cid: images become data: URLs (up to maxInlineImageBytes each)
        KeepCid   // cid: URLs stay for a viewer that resolves them from the message itself
    };

    struct Options
    {
        bool allowRemote = false;
        CidImages cidImages = CidImages::DataUrls;
        qsizetype maxInlineImageBytes = 4 * 1024 * 1024;
    };

    static RenderResult render(const Message &message, const Options &options);
    static RenderResult render(const Message &message) { return render(message, Options{}); }
};

} // namespace Poplar::Mime
