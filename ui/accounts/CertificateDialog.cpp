#include "ui/accounts/CertificateDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSslCertificate>
#include <QStringList>
#include <QVBoxLayout>

namespace Poplar::Ui {

namespace {

QString nameOf(const QSslCertificate &certificate, bool issuer)
{
    const auto info = [&](QSslCertificate::SubjectInfo field) {
        const QStringList values =
            issuer ? certificate.issuerInfo(field) : certificate.subjectInfo(field);
        return values.join(QStringLiteral(", "));
    };
    QStringList parts;
    for (const auto field :
         {QSslCertificate::CommonName, QSslCertificate::Organization,
          QSslCertificate::OrganizationalUnitName, QSslCertificate::CountryName}) {
        const QString value = info(field);
        if (!value.isEmpty())
            parts << value;
    }
    if (parts.isEmpty())
        return issuer ? certificate.issuerDisplayName() : certificate.subjectDisplayName();
    return parts.join(QStringLiteral(" · "));
}

QLabel *selectableLabel(const QString &text, const char *objectName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QLatin1StringView(objectName));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

QString CertificateDialog::groupedFingerprint(const QByteArray &hexSha256)
{
    const QByteArray hex = hexSha256.toUpper();
    QStringList pairs;
    for (qsizetype i = 0; i + 1 < hex.size(); i += 2)
        pairs << QString::fromLatin1(hex.mid(i, 2));
    QStringList lines;
    for (qsizetype i = 0; i < pairs.size(); i += 16)
        lines << pairs.mid(i, 16).join(u':');
    return lines.join(u'\n');
}

CertificateDialog::CertificateDialog(const Net::CertificateProblem &problem,
                                     const QString &accountName, QWidget *parent)
    : QDialog(parent)
    , m_problem(problem)
{
    setObjectName(QStringLiteral("certificateDialog"));
    setWindowTitle(tr("Server Certificate"));

    const QSslCertificate certificate = problem.chain.value(0);

    QString intro;
    if (problem.isPinMismatch())
        intro = tr("The certificate of %1 for the account %2 is not the one you trusted "
                   "before. Someone may be listening in. Trust the new one only if your "
                   "provider told you it changed.")
                    .arg(problem.host, accountName);
    else
        intro = tr("Poplar cannot confirm that %1 is the mail server of the account %2: its "
                   "certificate is not trusted. Trust it only if you know this certificate "
                   "is right (for example, your own server).")
                    .arg(problem.host, accountName);
    auto *introLabel = selectableLabel(intro, "certificateIntro", this);

    QStringList errors;
    for (const QSslError &error : problem.errors)
        errors << error.errorString();
    if (problem.isPinMismatch())
        errors << tr("The certificate differs from the one trusted for this account.");
    errors.removeDuplicates();
    QStringList errorLines;
    for (const QString &error : std::as_const(errors))
        errorLines << QStringLiteral("• ") + error;

    const QLocale locale;
    const auto date = [&](const QDateTime &time) {
        return time.isValid() ? locale.toString(time.toLocalTime(), QLocale::LongFormat)
                              : tr("unknown");
    };

    auto *form = new QFormLayout;
    form->addRow(tr("Server:"), selectableLabel(problem.host, "certificateHost", this));
    form->addRow(tr("Issued to:"),
                 selectableLabel(nameOf(certificate, false), "certificateSubject", this));
    form->addRow(tr("Issued by:"),
                 selectableLabel(nameOf(certificate, true), "certificateIssuer", this));
    form->addRow(tr("Valid from:"),
                 selectableLabel(date(certificate.effectiveDate()), "certificateNotBefore", this));
    form->addRow(tr("Valid until:"),
                 selectableLabel(date(certificate.expiryDate()), "certificateNotAfter", this));
    auto *fingerprint =
        selectableLabel(groupedFingerprint(problem.sha256), "certificateFingerprint", this);
    fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    fingerprint->setWordWrap(false);
    form->addRow(tr("SHA-256 fingerprint:"), fingerprint);
    auto *errorLabel = selectableLabel(errorLines.join(u'\n'), "certificateErrors", this);
    QPalette warning = errorLabel->palette();
    warning.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    errorLabel->setPalette(warning);
    form->addRow(tr("Problems:"), errorLabel);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *trust = buttons->addButton(tr("&Trust this certificate for this account"),
                                            QDialogButtonBox::AcceptRole);
    trust->setObjectName(QStringLiteral("trustCertificate"));
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelCertificate"));
    cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(introLabel);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

} // namespace Poplar::Ui
