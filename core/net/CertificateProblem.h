#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QStringList>

namespace Poplar::Net {

// What the UI needs to ask the user about a server certificate Poplar did not accept:
// the chain as presented, the SHA-256 fingerprint of the server's own certificate (what an
// account pins), and why verification failed.
struct CertificateProblem
{
    QString host;
    QList<QSslCertificate> chain;
    QByteArray sha256; // lower-case hex, no separators
    QList<QSslError> errors;
    QByteArray pinnedSha256; // the pin that did not match, empty when none was set

    bool isPinMismatch() const { return !pinnedSha256.isEmpty(); }
    // Why verification failed, in the TLS library's words, for an error detail.
    QString reasons() const
    {
        QStringList out;
        for (const QSslError &e : errors)
            out << e.errorString();
        return out.join(QStringLiteral("; "));
    }
};

} // namespace Poplar::Net

Q_DECLARE_METATYPE(Poplar::Net::CertificateProblem)
