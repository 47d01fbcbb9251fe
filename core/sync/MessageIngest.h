#pragma once

#include "store/NewMessage.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Poplar::Sync {

// Turns downloaded bytes into what the store keeps: the raw bytes untouched, the parsed
// summary beside them, and the content hash (Store::ContentHash) that recognises the same
// message under a new UIDL.
class MessageIngest
{
public:
    // `raw` is the whole message, or only its header when `headersOnly` (TOP n 0).
    static Store::NewMessage prepare(const QString &account, const QString &uidl,
                                     const QByteArray &raw, qint64 serverSize, bool headersOnly,
                                     const QDateTime &firstSeen);

    // The key for servers without UIDL: the same message gives the same key on every run.
    static QString fallbackKey(const QByteArray &header, qint64 size);
};

} // namespace Poplar::Sync
