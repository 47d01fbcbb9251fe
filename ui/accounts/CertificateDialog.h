#pragma once

#include "net/CertificateProblem.h"

#include <QByteArray>
#include <QDialog>

namespace Poplar::Ui {

// Shows a server certificate Poplar did not accept: who it was issued to and by, when it is
// valid, its SHA-256 fingerprint and what is wrong with it, in words. "Trust this certificate
// for this account" accepts the dialog; the caller then pins pinnedSha256() on the account.
class CertificateDialog : public QDialog
{
    Q_OBJECT

public:
    CertificateDialog(const Net::CertificateProblem &problem, const QString &accountName,
                      QWidget *parent = nullptr);

    const Net::CertificateProblem &problem() const { return m_problem; }
    // The raw 32-byte fingerprint to store in AccountSettings::pinnedCertificateSha256.
    QByteArray pinnedSha256() const { return QByteArray::fromHex(m_problem.sha256); }

    // "AB:CD:…" in two lines of 16 bytes, as the dialog shows it.
    static QString groupedFingerprint(const QByteArray &hexSha256);

private:
    Net::CertificateProblem m_problem;
};

} // namespace Poplar::Ui
