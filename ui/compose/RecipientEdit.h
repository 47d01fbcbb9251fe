#pragma once

#include "mime/Address.h"

#include <QLineEdit>

class QAbstractItemModel;
class QCompleter;

namespace Poplar::Ui {

// An address field (To, Cc, Bcc) that holds several addresses separated by commas and
// completes the one being typed from the people in the user's mail: any part of a name or an
// address matches ("明" finds 李明), the best-ranked first.
class RecipientEdit : public QLineEdit
{
    Q_OBJECT

public:
    explicit RecipientEdit(QWidget *parent = nullptr);

    // One "Name <email>" per row, best first; shared by every field of every composer.
    void setCompletionModel(QAbstractItemModel *model);
    QCompleter *completer() const { return m_completer; }

    QList<Mime::Address> addresses() const;
    void setAddresses(const QList<Mime::Address> &addresses);
    // The addresses that cannot be sent to, as typed ("bob", "x@"); empty when all are fine.
    QStringList invalidAddresses() const;

private:
    // Where the address under the cursor starts, after the last separator before it.
    int currentTokenStart() const;
    void updateCompletion();
    void insertCompletion(const QString &completion);

    QCompleter *m_completer = nullptr;
};

} // namespace Poplar::Ui
