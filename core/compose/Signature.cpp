#include "compose/Signature.h"

namespace Poplar::Compose {

QString Signature::block(const QString &signature)
{
    QString body = signature;
    body.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    while (body.endsWith(u'\n') || body.endsWith(u' '))
        body.chop(1);
    // A signature that brings its own separator keeps it, once.
    if (body.startsWith(QStringLiteral("-- \n")))
        body.remove(0, 4);
    return QStringLiteral("-- \n") + body + u'\n';
}

QString Signature::added(const QString &text, const QString &signature, bool aboveQuote)
{
    if (signature.trimmed().isEmpty())
        return text;
    if (text.isEmpty() || aboveQuote)
        return QStringLiteral("\n\n") + block(signature) + text;
    return text + (text.endsWith(u'\n') ? QStringLiteral("\n") : QStringLiteral("\n\n")) +
           block(signature);
}

} // namespace Poplar::Compose
