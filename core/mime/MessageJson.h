#pragma once

#include "mime/Message.h"

#include <QJsonObject>

namespace Poplar::Mime {

// The message as `poplar parse --json` prints it. Field names are stable and documented in
// core/mime/README.md.
class MessageJson
{
public:
    static QJsonObject toJson(const Message &message);
    static QJsonObject partToJson(const Part &part);
    // Indented UTF-8 JSON with a final newline.
    static QByteArray toBytes(const Message &message);
};

} // namespace Poplar::Mime
