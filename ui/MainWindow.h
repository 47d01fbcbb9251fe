#pragma once

#include <QMainWindow>

class QSplitter;
class QStackedWidget;
class QTextBrowser;
class QTreeView;

namespace Poplar::Ui {

class WelcomeView;

// The three-pane reading window: folders on the left, the message list in the middle and
// the message on the right. Window geometry and pane sizes are kept in the profile.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const QString &settingsPath, QWidget *parent = nullptr);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void restoreLayout();
    void saveLayout() const;

    QString m_settingsPath;
    QSplitter *m_splitter = nullptr;
    QTreeView *m_folderView = nullptr;
    QStackedWidget *m_listStack = nullptr;
    WelcomeView *m_welcome = nullptr;
    QTextBrowser *m_messageView = nullptr;
};

} // namespace Poplar::Ui
