#pragma once

#include <QHash>
#include <QSet>
#include <QTextBrowser>
#include <QUrl>

class QNetworkAccessManager;

namespace Poplar::Ui {

// The message body's viewer. It loads nothing by itself: data: URLs are decoded in memory and
// every other resource is refused, unless remote loading was allowed for the message shown
// (the user pressed "Load"), in which case http(s) images are fetched asynchronously.
// Links are not followed; the window decides what a click does.
// Wide HTML (newsletters laid out for 600-800 pixel tables, large pictures) is fitted to the
// width of the view: fixed-width tables and pictures wider than the view are narrowed (and
// get their own width back when the view grows), and long words wrap, so the message scrolls
// only vertically.
class SafeTextBrowser : public QTextBrowser
{
    Q_OBJECT

public:
    explicit SafeTextBrowser(QWidget *parent = nullptr);

    // Allows http(s) images for the current document; cleared by clearRemote().
    void setRemoteAllowed(bool allowed);
    bool remoteAllowed() const { return m_remoteAllowed; }
    // Forgets fetched remote resources and refuses remote loading again.
    void clearRemote();

    QVariant loadResource(int type, const QUrl &name) override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void scheduleFit();
    void fitToWidth();

    void fetchRemote(const QUrl &url);

    bool m_remoteAllowed = false;
    QNetworkAccessManager *m_network = nullptr;
    QSet<QUrl> m_requested;
    bool m_fitting = false;
    bool m_fitQueued = false;
};

} // namespace Poplar::Ui
