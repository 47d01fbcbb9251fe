#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;
class QLocalSocket;

namespace Poplar::Ui {

// One Poplar window per profile. The first Poplar started on a profile listens on a local
// socket (in the user's runtime directory, readable by the user only); a later `poplar` on
// the same profile, e.g. a browser opening a mailto: link, hands its links to it and exits
// instead of failing on the profile lock. What travels is a version line, then one link per
// line and an empty line; the first answers "ok".
class RunningInstance : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype MaxRequestBytes = 1024 * 1024;

    explicit RunningInstance(const QString &profileDirectory, QObject *parent = nullptr);
    ~RunningInstance() override;

    // Gives the links (none: just show the window) to the Poplar running on this profile;
    // true when it took them.
    bool handOver(const QStringList &links, int timeoutMs = 3000);
    // Answers later starts from now on; false (errorString() says why) when it cannot.
    bool listen();
    QString errorString() const { return m_error; }
    QString socketPath() const { return m_path; }

signals:
    // A later start asked for these links to be opened (empty: to show the window).
    void linksReceived(const QStringList &links);

private:
    void onConnection();
    void readRequest(QLocalSocket *socket);

    QString m_path;
    QString m_error;
    QLocalServer *m_server = nullptr;
};

} // namespace Poplar::Ui
