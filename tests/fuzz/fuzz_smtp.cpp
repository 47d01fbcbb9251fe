// libFuzzer target for the SMTP engine: the input is what a hostile server sends, cut into
// reads of fuzzer-chosen sizes, fed to a Client through a ScriptedTransport that sends one
// message. The first byte picks the account settings. Besides crashes, hangs and sanitizer
// reports, it checks what must hold whatever the server does:
//  - nothing but EHLO/HELO and STARTTLS is written in clear when the account asks for TLS;
//  - the message gets exactly one outcome, and Sent only after a 250 to its final dot;
//  - the reply parser never keeps more than its limits.
#include "ScriptedTransport.h"
#include "smtp/Client.h"
#include "smtp/ReplyParser.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

using namespace Poplar::Smtp;
using Poplar::TestSupport::ScriptedTransport;

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "smtp fuzz invariant broken: %s\n", what);
        std::abort();
    }
}

void fuzzClient(const uint8_t *data, size_t size)
{
    const uint8_t flags = data[0];
    Settings settings;
    settings.host = QStringLiteral("smtp.example");
    settings.security = Settings::Security(flags % 3);
    settings.auth = Settings::Auth((flags >> 2) % 7);
    settings.username = QStringLiteral("alice");
    settings.password = QStringLiteral("secret");
    ScriptedTransport *transport = nullptr;
    Client client(settings, [&transport](const Settings &) {
        transport = new ScriptedTransport;
        return transport;
    });
    int outcomes = 0;
    SendResult last;
    bool closed = false;
    QObject::connect(&client, &Client::sendFinished, &client, [&](const SendResult &r) {
        ++outcomes;
        last = r;
    });
    QObject::connect(&client, &Client::sessionClosed, &client, [&] { closed = true; });
    bool sent = false;
    QObject::connect(&client, &Client::stateChanged, &client, [&](Client::State state) {
        if (state == Client::State::Ready && !sent) {
            sent = true;
            client.send(
                Envelope{QStringLiteral("a@example.org"),
                         {QStringLiteral("b@example.org"), QStringLiteral("用户@例子.中国")}},
                QByteArrayLiteral("Subject: x\r\n\r\n.dot\r\nbody\r\n"));
        }
    });
    client.open();

    size_t pos = 1;
    while (pos < size && transport && !transport->isClosed() && !closed) {
        const size_t length = std::min<size_t>(size_t(data[pos]) + 1, size - pos - 1);
        ++pos;
        transport->feed(QByteArray(reinterpret_cast<const char *>(data + pos), qsizetype(length)));
        pos += length;
        QCoreApplication::processEvents();
    }
    if (transport && !transport->isClosed() && !closed)
        transport->hangUp();
    QCoreApplication::processEvents();
    check(transport != nullptr, "open() makes a transport");
    if (settings.security != Settings::Security::None) {
        for (const auto &w : transport->writes()) {
            if (w.encrypted)
                continue;
            check(w.bytes.startsWith("EHLO ") || w.bytes == "STARTTLS\r\n",
                  "nothing but EHLO and STARTTLS in clear");
        }
    }
    check(closed, "a session ended by the server reports sessionClosed");
    check(client.state() == Client::State::Closed, "the client ends Closed");
    check(outcomes <= 1, "a message gets at most one outcome");
    check(outcomes == 1 || !sent, "a message that was handed over gets an outcome");
    if (outcomes == 1 && last.outcome == SendResult::Outcome::Sent)
        check(last.finalReply.code == 250, "Sent only after a 250 to the final dot");
}

void fuzzParser(const uint8_t *data, size_t size)
{
    ReplyParser::Limits limits;
    limits.maxLineLength = 1 + data[0] % 512;
    limits.maxLines = 1 + data[0] % 16;
    limits.maxReplySize = 2048;
    ReplyParser parser(limits);
    parser.append(QByteArrayView(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1)));
    for (int guard = 0; guard < 100000; ++guard) {
        const ReplyParser::Event event = parser.next();
        if (event.type != ReplyParser::Event::Type::Reply)
            break;
        check(event.reply.lines.size() <= limits.maxLines, "no more lines than allowed");
        check(event.reply.code >= 200 && event.reply.code <= 599, "a reply code in range");
        (void)Error::fromReply(ErrorKind::MessageRefused, event.reply).message();
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    fuzzParser(data, size);
    fuzzClient(data, size);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return 0;
}
