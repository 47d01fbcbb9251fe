#include "ui/compose/RecipientEdit.h"

#include "compose/AddressBook.h"

#include "accounts/AccountSettings.h"

#include <QAbstractItemView>
#include <QCompleter>

namespace Poplar::Ui {

namespace {
constexpr int kVisibleCompletions = 8;

// A comma outside quotes and angle brackets ends an address.
bool isSeparatorAt(const QString &text, int position)
{
    bool quoted = false;
    int angle = 0;
    for (int i = 0; i < position; ++i) {
        const QChar c = text.at(i);
        if (c == u'\\' && quoted)
            ++i;
        else if (c == u'"')
            quoted = !quoted;
        else if (!quoted && c == u'<')
            ++angle;
        else if (!quoted && c == u'>' && angle > 0)
            --angle;
    }
    return !quoted && angle == 0 && (text.at(position) == u',' || text.at(position) == u';');
}
} // namespace

RecipientEdit::RecipientEdit(QWidget *parent)
    : QLineEdit(parent)
    , m_completer(new QCompleter(this))
{
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setMaxVisibleItems(kVisibleCompletions);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &RecipientEdit::insertCompletion);
    connect(this, &QLineEdit::textEdited, this, &RecipientEdit::updateCompletion);
}

void RecipientEdit::setCompletionModel(QAbstractItemModel *model)
{
    m_completer->setModel(model);
}

int RecipientEdit::currentTokenStart() const
{
    const QString value = text();
    for (int i = cursorPosition() - 1; i >= 0; --i)
        if (isSeparatorAt(value, i))
            return i + 1;
    return 0;
}

void RecipientEdit::updateCompletion()
{
    const int start = currentTokenStart();
    const QString typed = text().mid(start, cursorPosition() - start).trimmed();
    if (typed.isEmpty() || !m_completer->model()) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(typed);
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->complete();
    // The best match is chosen, so that Return takes it, as in other mail clients.
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
}

void RecipientEdit::insertCompletion(const QString &completion)
{
    const QString value = text();
    const int start = currentTokenStart();
    int end = cursorPosition();
    while (end < value.size() && !isSeparatorAt(value, end))
        ++end;
    QString before = value.left(start);
    if (!before.isEmpty() && !before.endsWith(u' '))
        before += u' ';
    const QString after = value.mid(end);
    const QString inserted = completion + QStringLiteral(", ");
    setText(before + inserted + after.mid(after.startsWith(u',') ? 1 : 0).trimmed());
    setCursorPosition(int(before.size() + inserted.size()));
}

QList<Mime::Address> RecipientEdit::addresses() const
{
    return Mime::Address::parseList(text().toUtf8());
}

void RecipientEdit::setAddresses(const QList<Mime::Address> &addresses)
{
    QStringList parts;
    for (const Mime::Address &address : addresses)
        parts.append(Compose::AddressBook::formatted(address));
    setText(parts.join(QStringLiteral(", ")));
}

QStringList RecipientEdit::invalidAddresses() const
{
    QStringList invalid;
    for (const Mime::Address &address : addresses())
        if (!Accounts::AccountSettings::isPlausibleEmailAddress(address.email))
            invalid.append(address.email.isEmpty() ? address.name : address.email);
    return invalid;
}

} // namespace Poplar::Ui
