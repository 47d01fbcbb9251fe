#pragma once

#include <QMainWindow>

namespace Poplar::Ui {

class MessageView;

// A window of its own for one message that is not in the store, such as a saved .eml file
// opened from the file manager. It shows the message exactly as the reading pane does,
// remote content blocked, and needs no profile, so it works beside a running Poplar.
class MessageWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MessageWindow(QWidget *parent = nullptr);

    // Shows the message in that file; returns why it cannot, in words, or an empty string.
    QString openFile(const QString &path);

    MessageView *view() const { return m_view; }

private:
    MessageView *m_view;
};

} // namespace Poplar::Ui
