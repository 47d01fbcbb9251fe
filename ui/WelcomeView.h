#pragma once

#include <QWidget>

namespace Poplar::Ui {

// What the message list shows before any account exists: a friendly explanation of what
// Poplar does instead of an empty table.
class WelcomeView : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomeView(QWidget *parent = nullptr);
};

} // namespace Poplar::Ui
