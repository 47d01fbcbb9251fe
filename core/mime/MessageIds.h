#pragma once

#include <QByteArrayView>
#include <QStringList>

namespace Poplar::Mime {

// Message-ID, In-Reply-To and References: the ids without angle brackets, in order, duplicates
// dropped. Tolerates missing brackets, comments and phrases between ids.
class MessageIds
{
public:
    static QStringList parse(QByteArrayView raw);
    static QString parseOne(QByteArrayView raw);
};

} // namespace Poplar::Mime
