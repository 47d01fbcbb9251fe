#pragma once

#include "accounts/ServerCandidate.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Poplar::Accounts {

// Reads a Mozilla autoconfig file (clientConfig version 1.1) and returns its POP3 incoming
// servers and its SMTP outgoing servers with the placeholders (%EMAILADDRESS%, %EMAILLOCALPART%,
// %EMAILDOMAIN%) filled in for one address. Servers that need an authentication Poplar cannot do
// (OAuth2 only, ...) and entries with a missing or impossible host or port are left out.
// Unencrypted entries are returned as they are (security None): the caller decides;
// Autoconfigurator drops them.
class AutoconfigXml
{
    Q_DECLARE_TR_FUNCTIONS(Poplar::Accounts::AutoconfigXml)

public:
    static constexpr qsizetype MaxDocumentSize = 256 * 1024;
    static constexpr int MaxServers = 32; // of each direction

    struct Result
    {
        QList<ServerCandidate> servers;    // incoming, type="pop3", in the file's order
        QList<OutgoingCandidate> outgoing; // type="smtp", in the file's order
        QString providerName;
        QString error; // set when the document is not a readable autoconfig file
    };

    static Result parse(const QByteArray &xml, const QString &emailAddress);
};

} // namespace Poplar::Accounts
