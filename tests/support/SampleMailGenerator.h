#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Poplar::TestSupport {

// A deterministic source of realistic sample mail for the integration tests, the benchmarks
// and the demo. Message i of seed s is a pure function of (s, i, maximum size): the same
// bytes on every platform, compiler and time zone, and each message can be computed on its
// own, without generating the ones before it.
//
// The mailbox mixes plain text, multipart/alternative text + HTML, attachments (PDF, ZIP,
// PNG, text, CSV; some with RFC 2231 or RFC 2047 encoded non-ASCII file names), HTML with
// inline cid: images (valid PNGs), newsletters that reference remote images, and threads
// (Message-ID / In-Reply-To / References, several levels). Subjects, names and bodies are
// in English, Simplified Chinese, Traditional Chinese and Japanese, in US-ASCII, UTF-8,
// GBK, Big5 and ISO-2022-JP. Dates run from 2019 to 2026 in several zones; sizes from about
// 1 KB to 10 MB: most are small, some 50-500 KB, and a few are large at fixed indices
// (index % 250 == 7 is about 9-10 MB, index % 100 == 29 is 1-3 MB), so the first 50
// messages already span the whole range when the maximum size allows it.
//
// Every message is valid RFC 5322 / MIME: CRLF line endings, lines of at most 998 octets,
// ASCII-only headers, base64 wrapped at 76 columns, boundaries that occur nowhere in content.
// The legacy charsets come from ICU (QStringEncoder); on a Qt built without ICU those
// messages are written in UTF-8 instead. All members are const and share no state, so
// messages can be generated from several threads at once.
class SampleMailGenerator
{
public:
    enum class Kind
    {
        PlainText,    // text/plain only
        Alternative,  // multipart/alternative: text/plain + text/html (some with a remote logo)
        Attachments,  // multipart/mixed: a text or text+HTML body and 1-3 attachments
        InlineImages, // HTML with cid: PNG images in multipart/related (maybe an attachment)
        Newsletter,   // multipart/alternative whose HTML references remote (http) images
    };

    enum class Language
    {
        English,
        SimplifiedChinese,
        TraditionalChinese,
        Japanese
    };

    // What message i is, computed cheaply without generating its body.
    struct MessageInfo
    {
        int index = 0;
        Kind kind = Kind::PlainText;
        Language language = Language::English;
        // The charset of the encoded words in the headers and of the text bodies, as declared:
        // "US-ASCII", "UTF-8", "GBK", "Big5" or "ISO-2022-JP".
        QByteArray charset;
        QString subject;           // as the reader sees it, decoded
        QString fromName;          // decoded display name
        QByteArray fromAddress;    // addr-spec
        QByteArray messageId;      // with the angle brackets
        int parentIndex = -1;      // the earlier message this one replies to; -1 for none
        int threadDepth = 0;       // 0 for the first message of a thread
        QByteArrayList references; // Message-IDs, oldest first (empty when not a reply)
        qint64 dateUtc = 0;        // seconds since 1970-01-01T00:00:00Z
        int utcOffsetMinutes = 0;
        qint64 plannedSize = 0;      // the size aimed at before the maximum size applies
        QStringList attachmentNames; // decoded file names of the attachments (not inline images)
        int inlineImageCount = 0;
    };

    static constexpr qint64 DefaultMaximumSize = 10 * 1024 * 1024;
    // Caps below this are raised to it: a message with headers needs some room.
    static constexpr qint64 SmallestMaximumSize = 4 * 1024;

    // maximumSize caps every message (in octets); the default allows the full 1 KB - 10 MB
    // range. A message whose natural size fits under the cap is the same with any cap.
    explicit SampleMailGenerator(quint64 seed, qint64 maximumSize = DefaultMaximumSize);

    quint64 seed() const { return m_seed; }
    qint64 maximumSize() const { return m_maximumSize; }

    MessageInfo info(int index) const;
    QByteArray message(int index) const;
    QList<QByteArray> messages(int count) const;

    // The mailbox owner: every message is addressed to this person (To or Cc).
    static QByteArray ownerAddress();
    static QString ownerName();

    // A valid 8-bit RGB PNG (stored deflate blocks, so its bytes never depend on zlib).
    static QByteArray png(int width, int height, quint64 seed);

private:
    struct Plan;
    Plan plan(int index) const;
    QByteArray render(const Plan &plan, qint64 budget) const;

    quint64 m_seed;
    qint64 m_maximumSize;
};

} // namespace Poplar::TestSupport
