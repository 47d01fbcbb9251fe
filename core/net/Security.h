#pragma once

namespace Poplar::Net {

// How a connection is protected; the same choice for incoming and outgoing servers.
enum class Security
{
    Tls,      // implicit TLS (POP3 995, submission 465): the default
    StartTls, // plain connection upgraded (STLS, STARTTLS) before any credential is sent
    None      // no encryption at all; only when the user explicitly chose it
};

} // namespace Poplar::Net
