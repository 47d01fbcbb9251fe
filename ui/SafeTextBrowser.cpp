#include "SafeTextBrowser.h"

#include "Logging.h"

#include <QImage>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTextDocument>

namespace Poplar::Ui {

namespace {

constexpr qint64 kMaxRemoteBytes = 8 * 1024 * 1024;

// data:[<type>][;base64],<data>
QByteArray decodeDataUrl(const QUrl &url)
{
    const QByteArray encoded = url.toEncoded();
    const qsizetype comma = encoded.indexOf(',');
    if (comma < 0)
        return {};
    const QByteArray header = encoded.mid(5, comma - 5);
    const QByteArray payload = QByteArray::fromPercentEncoding(encoded.mid(comma + 1));
    if (header.endsWith(";base64"))
        return QByteArray::fromBase64(payload);
    return payload;
}

// QTextDocument's own loadResource() falls back to reading local and qrc: files; this
// document asks only the browser's policy.
class SafeDocument : public QTextDocument
{
public:
    explicit SafeDocument(SafeTextBrowser *browser)
        : QTextDocument(browser)
        , m_browser(browser)
    {}

protected:
    QVariant loadResource(int type, const QUrl &name) override
    {
        return m_browser->loadResource(type, name);
    }

private:
    SafeTextBrowser *m_browser;
};

} // namespace

SafeTextBrowser::SafeTextBrowser(QWidget *parent)
    : QTextBrowser(parent)
{
    setDocument(new SafeDocument(this));
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setReadOnly(true);
}

void SafeTextBrowser::setRemoteAllowed(bool allowed)
{
    m_remoteAllowed = allowed;
}

void SafeTextBrowser::clearRemote()
{
    m_remoteAllowed = false;
    m_requested.clear();
    if (m_network) {
        m_network->deleteLater();
        m_network = nullptr;
    }
}

QVariant SafeTextBrowser::loadResource(int type, const QUrl &name)
{
    const QString scheme = name.scheme().toLower();
    if (scheme == QLatin1String("data")) {
        const QByteArray bytes = decodeDataUrl(name);
        if (type == QTextDocument::ImageResource) {
            QImage image = QImage::fromData(bytes);
            if (!image.isNull())
                return image;
            return {};
        }
        return bytes;
    }
    if (m_remoteAllowed && type == QTextDocument::ImageResource &&
        (scheme == QLatin1String("http") || scheme == QLatin1String("https"))) {
        fetchRemote(name);
        return {};
    }
    // cid: references are already data: URLs; anything else (files, qrc, remote) is refused.
    return {};
}

void SafeTextBrowser::fetchRemote(const QUrl &url)
{
    if (m_requested.contains(url))
        return;
    m_requested.insert(url);
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_network->get(request);
    QNetworkAccessManager *network = m_network;
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxRemoteBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, url, network] {
        reply->deleteLater();
        if (network != m_network || !m_remoteAllowed || reply->error() != QNetworkReply::NoError)
            return;
        const QImage image = QImage::fromData(reply->readAll());
        if (image.isNull())
            return;
        document()->addResource(QTextDocument::ImageResource, url, image);
        document()->markContentsDirty(0, document()->characterCount());
    });
}

} // namespace Poplar::Ui
