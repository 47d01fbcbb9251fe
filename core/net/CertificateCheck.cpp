#include "net/CertificateCheck.h"

#include <QCryptographicHash>

namespace Poplar::Net {

CertificateCheck::CertificateCheck(const QString &host, const QByteArray &pinnedSha256)
    : m_host(host)
    , m_pin(normalized(pinnedSha256))
{}

QByteArray CertificateCheck::sha256Fingerprint(const QSslCertificate &certificate)
{
    return certificate.digest(QCryptographicHash::Sha256).toHex();
}

QByteArray CertificateCheck::normalized(const QByteArray &fingerprint)
{
    QByteArray out;
    for (char c : fingerprint) {
        if (QChar::isLetterOrNumber(uchar(c)))
            out.append(char(QChar::toLower(uchar(c))));
    }
    return out;
}

bool CertificateCheck::pinMatches(const QSslCertificate &certificate) const
{
    return !m_pin.isEmpty() && sha256Fingerprint(certificate) == m_pin;
}

CertificateProblem CertificateCheck::problem(const Transport &transport,
                                             const QList<QSslError> &errors) const
{
    CertificateProblem problem;
    problem.host = m_host;
    problem.chain = transport.peerCertificateChain();
    problem.sha256 = sha256Fingerprint(transport.peerCertificate());
    problem.errors = errors;
    problem.pinnedSha256 = m_pin;
    return problem;
}

std::optional<CertificateProblem>
CertificateCheck::onHandshakeErrors(Transport &transport, const QList<QSslError> &errors) const
{
    if (pinMatches(transport.peerCertificate())) {
        transport.ignoreSslErrors(errors);
        return std::nullopt;
    }
    return problem(transport, errors);
}

std::optional<CertificateProblem> CertificateCheck::onEncrypted(const Transport &transport) const
{
    // Valid for the system's authorities, but not the certificate the user accepted.
    if (!m_pin.isEmpty() && !pinMatches(transport.peerCertificate()))
        return problem(transport, {});
    return std::nullopt;
}

} // namespace Poplar::Net
