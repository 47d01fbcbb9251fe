#pragma once

#include <QDialog>

namespace Poplar::Ui {

// Help → About Poplar: name, version, what Poplar is, and the Qt it runs on.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

} // namespace Poplar::Ui
