#include "ui/accounts/AccountWizard.h"

#include "ui/accounts/AccountPolicyForm.h"
#include "ui/accounts/AccountServerForm.h"
#include "ui/accounts/OutgoingServerForm.h"

#include "accounts/AccountRepository.h"
#include "accounts/Autoconfigurator.h"
#include "accounts/CredentialJob.h"
#include "accounts/CredentialStore.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWizardPage>

#include <array>

namespace Poplar::Ui {

using Accounts::AccountSettings;
using Accounts::AutoconfigSource;
using Accounts::Autoconfigurator;
using Accounts::OutgoingCandidate;
using Accounts::Security;
using Accounts::ServerCandidate;

namespace {

constexpr std::array<AutoconfigSource, 5> Sources = {
    AutoconfigSource::Provider, AutoconfigSource::Srv, AutoconfigSource::Autoconfig,
    AutoconfigSource::Mx, AutoconfigSource::Guess};

QString sourceKey(AutoconfigSource source)
{
    switch (source) {
    case AutoconfigSource::Provider:
        return QStringLiteral("provider");
    case AutoconfigSource::Srv:
        return QStringLiteral("srv");
    case AutoconfigSource::Autoconfig:
        return QStringLiteral("autoconfig");
    case AutoconfigSource::Mx:
        return QStringLiteral("mx");
    case AutoconfigSource::Guess:
        return QStringLiteral("guess");
    }
    return {};
}

QString securityText(Security security)
{
    switch (security) {
    case Security::Tls:
        return AccountWizard::tr("TLS");
    case Security::StartTls:
        return AccountWizard::tr("STARTTLS");
    case Security::None:
        return AccountWizard::tr("no encryption");
    }
    return {};
}

// Of an incoming or an outgoing candidate.
template<typename Candidate> QString describe(const Candidate &candidate)
{
    return AccountWizard::tr("%1, port %2, %3")
        .arg(candidate.host)
        .arg(candidate.port)
        .arg(securityText(candidate.security));
}

QLabel *wrappingLabel(QWidget *parent, const char *objectName = nullptr)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    if (objectName)
        label->setObjectName(QLatin1StringView(objectName));
    return label;
}

void setWarningColour(QLabel *label)
{
    QPalette warning = label->palette();
    warning.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    label->setPalette(warning);
}

} // namespace

// Page 1: who the user is.
class AccountWizardIdentityPage : public QWizardPage
{
public:
    explicit AccountWizardIdentityPage(QWidget *parent)
        : QWizardPage(parent)
        , m_name(new QLineEdit(this))
        , m_email(new QLineEdit(this))
        , m_password(new QLineEdit(this))
    {
        setObjectName(QStringLiteral("identityPage"));
        setTitle(AccountWizard::tr("Your Mail Account"));
        setSubTitle(AccountWizard::tr("Enter your email address and password. Poplar looks up "
                                      "the server settings for you."));
        m_name->setObjectName(QStringLiteral("accountName"));
        m_name->setPlaceholderText(AccountWizard::tr("Shown as the account's name"));
        m_email->setObjectName(QStringLiteral("accountEmail"));
        m_email->setPlaceholderText(AccountWizard::tr("you@example.com"));
        m_password->setObjectName(QStringLiteral("accountPassword"));
        m_password->setEchoMode(QLineEdit::Password);
        auto *hint = wrappingLabel(this);
        hint->setText(AccountWizard::tr("The password is kept in your system's keychain, "
                                        "never in Poplar's files. Some providers want an app "
                                        "password or authorization code here instead of the "
                                        "password of their website."));
        hint->setEnabled(false);

        auto *form = new QFormLayout;
        form->addRow(AccountWizard::tr("Your &name:"), m_name);
        form->addRow(AccountWizard::tr("&Email address:"), m_email);
        form->addRow(AccountWizard::tr("&Password:"), m_password);
        auto *layout = new QVBoxLayout(this);
        layout->addLayout(form);
        layout->addSpacing(12);
        layout->addWidget(hint);
        layout->addStretch(1);

        registerField(QStringLiteral("name"), m_name);
        registerField(QStringLiteral("email*"), m_email);
        registerField(QStringLiteral("password*"), m_password);
        connect(m_email, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    }

    bool isComplete() const override
    {
        return AccountSettings::isPlausibleEmailAddress(m_email->text().trimmed()) &&
               !m_password->text().isEmpty();
    }

private:
    QLineEdit *m_name;
    QLineEdit *m_email;
    QLineEdit *m_password;
};

// Page 2: finding the server settings, each source shown as it answers.
class AccountWizardDiscoveryPage : public QWizardPage
{
public:
    explicit AccountWizardDiscoveryPage(AccountWizard *wizard)
        : QWizardPage(wizard)
        , m_wizard(wizard)
        , m_result(wrappingLabel(this, "discoveryResult"))
        , m_notes(wrappingLabel(this, "providerNotes"))
    {
        setObjectName(QStringLiteral("discoveryPage"));
        setTitle(AccountWizard::tr("Finding the Server Settings"));
        auto *grid = new QGridLayout;
        grid->setColumnStretch(1, 1);
        grid->setHorizontalSpacing(16);
        int row = 0;
        for (AutoconfigSource source : Sources) {
            auto *name = new QLabel(Autoconfigurator::sourceName(source), this);
            auto *status = wrappingLabel(this);
            status->setObjectName(QStringLiteral("source-") + sourceKey(source));
            grid->addWidget(name, row, 0, Qt::AlignTop);
            grid->addWidget(status, row, 1);
            m_status[std::size_t(source)] = status;
            ++row;
        }
        QFont bold = m_result->font();
        bold.setBold(true);
        m_result->setFont(bold);
        auto *layout = new QVBoxLayout(this);
        layout->addLayout(grid);
        layout->addSpacing(12);
        layout->addWidget(m_result);
        layout->addSpacing(6);
        layout->addWidget(m_notes);
        layout->addStretch(1);

        Autoconfigurator *search = m_wizard->m_autoconfigurator;
        connect(search, &Autoconfigurator::sourceStarted, this, [this](AutoconfigSource source) {
            m_outgoing[std::size_t(source)].clear();
            setStatus(source, AccountWizard::tr("Looking…"));
        });
        // Comes just before the source's sourceFound or sourceFailed, which show it.
        connect(search, &Autoconfigurator::outgoingFound, this,
                [this](AutoconfigSource source, const QList<OutgoingCandidate> &candidates) {
                    QStringList found;
                    for (const OutgoingCandidate &candidate : candidates)
                        found << describe(candidate);
                    m_outgoing[std::size_t(source)] =
                        AccountWizard::tr("Outgoing: %1").arg(found.join(u'\n'));
                });
        connect(search, &Autoconfigurator::sourceFound, this,
                [this](AutoconfigSource source, const QList<ServerCandidate> &candidates) {
                    QStringList found;
                    for (const ServerCandidate &candidate : candidates)
                        found << describe(candidate);
                    setStatus(source, AccountWizard::tr("Found: %1").arg(found.join(u'\n')));
                });
        connect(search, &Autoconfigurator::sourceFailed, this,
                [this](AutoconfigSource source, const QString &reason) {
                    setStatus(source, AccountWizard::tr("Nothing found: %1").arg(reason));
                });
        connect(search, &Autoconfigurator::finished, this, [this] { onFinished(); });
    }

    void initializePage() override
    {
        const QString email = field(QStringLiteral("email")).toString().trimmed();
        Autoconfigurator *search = m_wizard->m_autoconfigurator;
        if (email == m_searchedEmail && !search->isRunning() && m_done)
            return; // back and forth without a change: keep what was found
        m_searchedEmail = email;
        m_done = false;
        m_wizard->m_found.reset();
        m_wizard->m_foundOutgoing.reset();
        ++m_wizard->m_search;
        setSubTitle(AccountWizard::tr("Looking up the settings for %1…").arg(email));
        for (AutoconfigSource source : Sources) {
            m_outgoing[std::size_t(source)].clear();
            setStatus(source, AccountWizard::tr("Not used"));
        }
        m_result->clear();
        m_notes->clear();
        search->start(email);
        emit completeChanged();
    }

    void cleanupPage() override
    {
        // Back to the address: stop looking; the next visit searches again.
        m_wizard->m_autoconfigurator->cancel();
        m_done = false;
    }

    bool isComplete() const override { return m_done; }

private:
    // With the outgoing servers the source found, if any.
    void setStatus(AutoconfigSource source, const QString &text)
    {
        const QString &outgoing = m_outgoing[std::size_t(source)];
        m_status[std::size_t(source)]->setText(outgoing.isEmpty() ? text : text + u'\n' + outgoing);
    }

    void onFinished()
    {
        Autoconfigurator *search = m_wizard->m_autoconfigurator;
        const QList<ServerCandidate> results = search->results();
        setSubTitle(AccountWizard::tr("Done looking for %1.").arg(m_searchedEmail));
        if (results.isEmpty()) {
            m_wizard->m_found.reset();
            QString text = AccountWizard::tr("Poplar could not find the settings for this "
                                             "address. Enter them on the next page; your "
                                             "provider's help pages list them.");
            if (!search->errorString().isEmpty())
                text = search->errorString() + u'\n' + text;
            m_result->setText(text);
        } else {
            const ServerCandidate &best = results.first();
            m_wizard->m_found = best;
            QString text = AccountWizard::tr("Found by %1: %2")
                               .arg(Autoconfigurator::sourceName(best.source), describe(best));
            if (!best.providerName.isEmpty())
                text += u'\n' + AccountWizard::tr("Provider: %1").arg(best.providerName);
            if (!best.certificateVerified)
                text += u'\n' + AccountWizard::tr("The server's certificate could not be "
                                                  "verified; the connection test will show it.");
            m_result->setText(text);
        }
        const QList<OutgoingCandidate> outgoing = search->outgoingResults();
        m_wizard->m_foundOutgoing.reset();
        if (!outgoing.isEmpty()) {
            const OutgoingCandidate &best = outgoing.first();
            m_wizard->m_foundOutgoing = best;
            m_result->setText(m_result->text() + u'\n' +
                              AccountWizard::tr("Outgoing server found by %1: %2")
                                  .arg(Autoconfigurator::sourceName(best.source), describe(best)));
        } else if (!results.isEmpty()) {
            m_result->setText(m_result->text() + u'\n' +
                              AccountWizard::tr("No outgoing server was found: to send mail, "
                                                "enter it on the next page."));
        }
        QStringList notes = search->notes();
        const auto addNotes = [&notes](const QStringList &more) {
            for (const QString &note : more)
                if (!notes.contains(note))
                    notes << note;
        };
        for (const ServerCandidate &candidate : results)
            addNotes(candidate.notes);
        for (const OutgoingCandidate &candidate : outgoing)
            addNotes(candidate.notes);
        QStringList lines;
        for (const QString &note : std::as_const(notes))
            lines << QStringLiteral("• ") + note;
        m_notes->setText(lines.join(u'\n'));
        m_done = true;
        emit completeChanged();
    }

    AccountWizard *m_wizard;
    std::array<QLabel *, 5> m_status{};
    std::array<QString, 5> m_outgoing; // "Outgoing: …" for each source that found one
    QLabel *m_result;
    QLabel *m_notes;
    QString m_searchedEmail;
    bool m_done = false;
};

// Page 3: the incoming and the outgoing server side by side, to check and change, with
// "Test connection" for both.
class AccountWizardServerPage : public QWizardPage
{
public:
    explicit AccountWizardServerPage(AccountWizard *wizard)
        : QWizardPage(wizard)
        , m_wizard(wizard)
        , m_problems(wrappingLabel(this, "serverProblems"))
    {
        setObjectName(QStringLiteral("serverPage"));
        setTitle(AccountWizard::tr("Mail Servers"));
        setWarningColour(m_problems);
        const QList<ServerForm *> forms = {m_wizard->m_serverForm, m_wizard->m_outgoingForm};
        auto *incoming = new QGroupBox(AccountWizard::tr("Incoming Mail (POP3)"), this);
        (new QVBoxLayout(incoming))->addWidget(m_wizard->m_serverForm);
        auto *outgoing = new QGroupBox(AccountWizard::tr("Outgoing Mail (SMTP)"), this);
        (new QVBoxLayout(outgoing))->addWidget(m_wizard->m_outgoingForm);
        auto *servers = new QHBoxLayout;
        servers->addWidget(incoming, 1);
        servers->addWidget(outgoing, 1);
        auto *testRow = new QHBoxLayout;
        testRow->addWidget(ServerForm::createTestButton(forms, this));
        testRow->addStretch(1);
        auto *layout = new QVBoxLayout(this);
        layout->addLayout(servers);
        layout->addLayout(testRow);
        layout->addWidget(m_problems);
        layout->addStretch(1); // the servers' boxes as tall as what they show
        for (ServerForm *form : forms) {
            connect(form, &ServerForm::edited, m_problems, &QLabel::clear);
            // Next waits for a running test: its answer (or a certificate to trust) belongs
            // to this page.
            connect(form, &ServerForm::testStarted, this, &QWizardPage::completeChanged);
            connect(form, &ServerForm::testFinished, this, &QWizardPage::completeChanged);
        }
    }

    bool isComplete() const override
    {
        return !m_wizard->m_serverForm->isTesting() && !m_wizard->m_outgoingForm->isTesting();
    }

    void initializePage() override
    {
        AccountServerForm *form = m_wizard->m_serverForm;
        OutgoingServerForm *outgoing = m_wizard->m_outgoingForm;
        const QString email = field(QStringLiteral("email")).toString().trimmed();
        const QString name = field(QStringLiteral("name")).toString().trimmed();
        const QString password = field(QStringLiteral("password")).toString();
        form->setPassword(password);
        outgoing->setIncomingPassword(password);
        form->setAccountName(name.isEmpty() ? email : name);
        outgoing->setAccountName(name.isEmpty() ? email : name);
        if (m_wizard->m_appliedSearch != m_wizard->m_search) {
            m_wizard->m_appliedSearch = m_wizard->m_search;
            AccountSettings settings = m_wizard->m_settings;
            settings.host.clear();
            settings.port = AccountSettings::DefaultTlsPort;
            settings.security = Security::Tls;
            settings.authentication = Accounts::Authentication::Auto;
            settings.username = email;
            settings.pinnedCertificateSha256.clear();
            settings.outgoing = {};
            // The incoming server first: the outgoing one compares its user name with it.
            if (m_wizard->m_found)
                m_wizard->m_found->applyTo(settings);
            if (m_wizard->m_foundOutgoing)
                m_wizard->m_foundOutgoing->applyTo(settings);
            form->setSettings(settings);
            outgoing->setSettings(settings);
        }
        setSubTitle(m_wizard->m_found ? AccountWizard::tr("Check the settings Poplar found, and "
                                                          "test them.")
                                      : AccountWizard::tr("Enter the settings of your "
                                                          "provider's servers, and test them."));
        m_problems->clear();
    }

    bool validatePage() override
    {
        const QStringList problems =
            m_wizard->m_serverForm->problems() + m_wizard->m_outgoingForm->problems();
        m_problems->setText(problems.join(u'\n'));
        return problems.isEmpty();
    }

private:
    AccountWizard *m_wizard;
    QLabel *m_problems;
};

// Page 4: what happens to mail on the server, and how often to check.
class AccountWizardPolicyPage : public QWizardPage
{
public:
    AccountWizardPolicyPage(AccountPolicyForm *form, QLabel *saveProblems, QWidget *parent)
        : QWizardPage(parent)
    {
        setObjectName(QStringLiteral("policyPage"));
        setTitle(AccountWizard::tr("Downloading Mail"));
        setSubTitle(AccountWizard::tr("Choose what happens to your mail on the server once "
                                      "Poplar has it, and how often Poplar looks for new "
                                      "mail."));
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(form);
        layout->addStretch(1);
        layout->addWidget(saveProblems);
    }
};

AccountWizard::AccountWizard(Accounts::AccountRepository *repository,
                             Accounts::CredentialStore *credentials,
                             const AccountSetupEnvironment &environment, QWidget *parent)
    : QWizard(parent)
    , m_repository(repository)
    , m_credentials(credentials)
    , m_autoconfigurator(
          new Autoconfigurator(environment.autoconfig, environment.resolver.data(), this))
    , m_serverForm(new AccountServerForm(environment, this))
    , m_outgoingForm(new OutgoingServerForm(environment, this))
    , m_policyForm(new AccountPolicyForm(this))
    , m_settings(AccountSettings::create())
{
    setObjectName(QStringLiteral("accountWizard"));
    setWindowTitle(tr("Add Account"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    if (environment.providers)
        m_autoconfigurator->setProviderTable(*environment.providers);

    auto *saveProblems = wrappingLabel(this, "saveProblems");
    setWarningColour(saveProblems);
    setPage(IdentityPage, new AccountWizardIdentityPage(this));
    setPage(DiscoveryPage, new AccountWizardDiscoveryPage(this));
    setPage(ServerPage, new AccountWizardServerPage(this));
    setPage(PolicyPage, new AccountWizardPolicyPage(m_policyForm, saveProblems, this));
    m_policyForm->setSettings(m_settings);
    setMinimumSize(900, 600);
}

AccountWizard::~AccountWizard() = default;

AccountSettings AccountWizard::settings() const
{
    AccountSettings settings = m_settings;
    settings.displayName = field(QStringLiteral("name")).toString().trimmed();
    settings.emailAddress = field(QStringLiteral("email")).toString().trimmed();
    m_serverForm->applyTo(settings);
    m_outgoingForm->applyTo(settings);
    m_policyForm->applyTo(settings);
    return settings;
}

QString AccountWizard::password() const
{
    return field(QStringLiteral("password")).toString();
}

void AccountWizard::accept()
{
    if (m_saving)
        return;
    const AccountSettings account = settings();
    QStringList problems = account.validate();
    problems << m_serverForm->problems() << m_outgoingForm->problems();
    problems.removeDuplicates();
    if (!problems.isEmpty()) {
        saveFinished(false, problems.join(u'\n'));
        return;
    }
    m_saving = true;
    button(QWizard::FinishButton)->setEnabled(false);
    button(QWizard::BackButton)->setEnabled(false);
    // The passwords first: once the account is in the repository, the sync looks for them.
    Accounts::CredentialJob *job = m_credentials->writePassword(account.id, password());
    connect(job, &Accounts::CredentialJob::finished, this,
            [this, account](Accounts::CredentialJob *job) {
                if (job->status() != Accounts::CredentialStatus::Ok) {
                    saveFinished(false, job->errorString());
                    return;
                }
                m_outgoingForm->savePassword(m_credentials, account.id,
                                             [this, account](bool ok, const QString &problem) {
                                                 if (!ok) {
                                                     m_credentials->deletePassword(account.id);
                                                     saveFinished(false, problem);
                                                     return;
                                                 }
                                                 saveAccount(account);
                                             });
            });
}

void AccountWizard::saveAccount(const AccountSettings &account)
{
    if (const auto result = m_repository->add(account); !result) {
        m_credentials->deletePassword(account.id);
        if (account.outgoing.isConfigured() && !account.outgoing.samePassword)
            m_credentials->deletePassword(AccountSettings::outgoingCredentialId(account.id));
        saveFinished(false, result.message);
        return;
    }
    m_settings = account;
    saveFinished(true, QString());
}

void AccountWizard::saveFinished(bool ok, const QString &problem)
{
    m_saving = false;
    button(QWizard::FinishButton)->setEnabled(true);
    button(QWizard::BackButton)->setEnabled(true);
    if (auto *label = findChild<QLabel *>(QStringLiteral("saveProblems")))
        label->setText(problem);
    if (ok)
        QWizard::accept();
}

} // namespace Poplar::Ui
