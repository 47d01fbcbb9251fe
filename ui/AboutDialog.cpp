#include "ui/AboutDialog.h"

#include "Version.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace Poplar::Ui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Poplar"));

    auto *title = new QLabel(tr("<h2>Poplar %1</h2>").arg(version()), this);
    title->setObjectName(QStringLiteral("aboutVersion"));
    auto *text = new QLabel(tr("An email reader for people who read their mail offline. Poplar "
                               "fetches mail over POP3 and keeps every message on this computer."),
                            this);
    text->setWordWrap(true);
    auto *qt = new QLabel(tr("Built with Qt %1, running on Qt %2.")
                              .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())),
                          this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addWidget(qt);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

} // namespace Poplar::Ui
