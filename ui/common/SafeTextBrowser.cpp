#include "ui/common/SafeTextBrowser.h"

#include "ui/common/Logging.h"

#include <QImage>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>
#include <QTimer>

#include <functional>

namespace Poplar::Ui {

namespace {

constexpr qint64 kMaxRemoteBytes = 8 * 1024 * 1024;
// Where a fitted table or picture keeps the width its HTML asked for.
constexpr int kNaturalWidthProperty = QTextFormat::UserProperty + 1;
constexpr int kNaturalHeightProperty = QTextFormat::UserProperty + 2;

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
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    connect(document(), &QTextDocument::contentsChanged, this, &SafeTextBrowser::scheduleFit);
}

void SafeTextBrowser::resizeEvent(QResizeEvent *event)
{
    QTextBrowser::resizeEvent(event);
    fitToWidth();
}

void SafeTextBrowser::scheduleFit()
{
    if (m_fitting || m_fitQueued)
        return;
    m_fitQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_fitQueued = false;
        fitToWidth();
    });
}

void SafeTextBrowser::fitToWidth()
{
    QTextDocument *doc = document();
    // Room for content: the view less the document margin on both sides and a little for
    // table borders and cell padding.
    const qreal room = std::max<qreal>(100, viewport()->width() - 2 * doc->documentMargin() - 8);
    m_fitting = true;
    QTextCursor editor(doc);
    editor.beginEditBlock();

    // Tables with a fixed width wider than the room become as wide as the room; their fixed
    // column widths become shares of it.
    const std::function<void(QTextFrame *)> fitFrames = [&](QTextFrame *frame) {
        for (QTextFrame *child : frame->childFrames()) {
            if (auto *table = qobject_cast<QTextTable *>(child)) {
                QTextTableFormat format = table->format();
                qreal natural = format.property(kNaturalWidthProperty).toReal();
                if (natural <= 0 && format.width().type() == QTextLength::FixedLength)
                    natural = format.width().rawValue();
                if (natural <= 0) {
                    qreal sum = 0;
                    for (const QTextLength &c : format.columnWidthConstraints())
                        sum += c.type() == QTextLength::FixedLength ? c.rawValue() : 0;
                    natural = sum;
                }
                if (natural > 0) {
                    const QTextLength wanted = natural > room
                                                   ? QTextLength(QTextLength::FixedLength, room)
                                                   : QTextLength(QTextLength::FixedLength, natural);
                    QList<QTextLength> columns = format.columnWidthConstraints();
                    bool columnsChanged = false;
                    for (QTextLength &c : columns)
                        if (c.type() == QTextLength::FixedLength) {
                            c = QTextLength(QTextLength::PercentageLength,
                                            std::min<qreal>(100, 100 * c.rawValue() / natural));
                            columnsChanged = true;
                        }
                    if (format.width() != wanted || columnsChanged ||
                        !format.hasProperty(kNaturalWidthProperty)) {
                        format.setProperty(kNaturalWidthProperty, natural);
                        format.setWidth(wanted);
                        if (columnsChanged)
                            format.setColumnWidthConstraints(columns);
                        table->setFormat(format);
                    }
                }
            }
            fitFrames(child);
        }
    };
    fitFrames(doc->rootFrame());

    // Pictures wider than the room shrink, keeping their proportions. Changing a format may
    // merge fragments, so the changes are collected first.
    struct Change
    {
        int position;
        int length;
        QTextImageFormat format;
    };
    QList<Change> changes;
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.isValid() || !fragment.charFormat().isImageFormat())
                continue;
            QTextImageFormat image = fragment.charFormat().toImageFormat();
            const bool fittedBefore = image.hasProperty(kNaturalWidthProperty);
            qreal width = image.property(kNaturalWidthProperty).toReal();
            qreal height = image.property(kNaturalHeightProperty).toReal();
            if (!fittedBefore) {
                width = image.width();
                height = image.height();
                if (width <= 0) {
                    const QImage picture =
                        doc->resource(QTextDocument::ImageResource, QUrl(image.name()))
                            .value<QImage>();
                    width = picture.width();
                    if (height <= 0 && width > 0)
                        height = picture.height();
                }
            }
            if (width <= 0 || (width <= room && !fittedBefore))
                continue;
            const qreal fitted = std::min(width, room);
            if (fittedBefore && qFuzzyCompare(image.width(), fitted))
                continue;
            image.setProperty(kNaturalWidthProperty, width);
            image.setProperty(kNaturalHeightProperty, height);
            image.setWidth(fitted);
            if (height > 0)
                image.setHeight(height * fitted / width);
            changes.append({fragment.position(), fragment.length(), image});
        }
    }
    for (const Change &change : std::as_const(changes)) {
        QTextCursor cursor(doc);
        cursor.setPosition(change.position);
        cursor.setPosition(change.position + change.length, QTextCursor::KeepAnchor);
        cursor.setCharFormat(change.format);
    }
    editor.endEditBlock();
    m_fitting = false;
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
        scheduleFit();
    });
}

} // namespace Poplar::Ui
