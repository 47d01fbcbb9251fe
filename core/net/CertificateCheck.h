#pragma once

#include "net/CertificateProblem.h"
#include "net/Transport.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

#include <optional>

namespace Poplar::Net {

// The certificate rule every Poplar connection follows: the server's certificate must verify
// against the system's authorities (and the account's extra ones), or be the one the user
// accepted by its SHA-256 fingerprint (the pin). A pin also makes every other certificate
// unacceptable, even one that verifies. The protocol clients ask it at the two moments a
// certificate can be judged and report the problem it returns.
class CertificateCheck
{
public:
    CertificateCheck(const QString &host, const QByteArray &pinnedSha256);

    // During the handshake, when verification failed: ignores the errors on the transport
    // (so the handshake goes on) when the certificate is the pinned one; otherwise returns
    // the problem to show the user.
    std::optional<CertificateProblem> onHandshakeErrors(Transport &transport,
                                                        const QList<QSslError> &errors) const;
    // After the handshake: a certificate that verified but is not the pinned one.
    std::optional<CertificateProblem> onEncrypted(const Transport &transport) const;

    const QByteArray &pin() const { return m_pin; }

    // Lower-case hex, no separators: the form pins are stored in.
    static QByteArray sha256Fingerprint(const QSslCertificate &certificate);
    // A fingerprint as the user may type it (colons, upper case) in the stored form.
    static QByteArray normalized(const QByteArray &fingerprint);

private:
    bool pinMatches(const QSslCertificate &certificate) const;
    CertificateProblem problem(const Transport &transport, const QList<QSslError> &errors) const;

    QString m_host;
    QByteArray m_pin;
};

} // namespace Poplar::Net
