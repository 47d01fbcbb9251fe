// libFuzzer target: any bytes as a Mozilla autoconfig document from a hostile web server.
// Whatever it says, no crash, and no server offered that the parser should have dropped.
#include "accounts/AutoconfigXml.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using Poplar::Accounts::AutoconfigXml;
    const QByteArray xml(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const AutoconfigXml::Result result =
        AutoconfigXml::parse(xml, QStringLiteral("user@example.org"));
    if (result.servers.size() > AutoconfigXml::MaxServers ||
        result.outgoing.size() > AutoconfigXml::MaxServers)
        std::abort();
    const auto check = [](const auto &servers) {
        for (const auto &server : servers) {
            if (server.host.isEmpty() || server.port <= 0 || server.port > 65535 ||
                server.host.contains(u'%') || server.host.contains(u' '))
                std::abort();
        }
    };
    check(result.servers);
    check(result.outgoing);
    // A document the parser refuses offers nothing at all.
    if (!result.error.isEmpty() && (!result.servers.isEmpty() || !result.outgoing.isEmpty()))
        std::abort();
    return 0;
}
