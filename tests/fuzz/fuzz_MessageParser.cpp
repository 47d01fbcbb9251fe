// libFuzzer target: any bytes as a message, through everything a reader does with one.
#include "mime/MessageJson.h"
#include "mime/MessageParser.h"
#include "mime/MessageRenderer.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Poplar::Mime;
    const QByteArrayView raw(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const Message message = MessageParser::parse(raw);
    (void)message.summary();
    (void)MessageJson::toJson(message);
    MessageRenderer::Options options;
    options.allowRemote = size % 2 == 0;
    (void)MessageRenderer::render(message, options);
    return 0;
}
