// libFuzzer target for the POP3 engine: the input is what a hostile server sends, cut into
// reads of fuzzer-chosen sizes, fed to a Client through a ScriptedTransport. The first byte
// picks the account settings. Besides crashes, hangs and sanitizer reports, it checks what
// must hold whatever the server does:
//  - nothing but CAPA and STLS is written in clear when the account asks for encryption;
//  - every command gets at most one outcome, and all of them once the session is closed;
//  - no message data beyond the account's size limit reaches a sink.
#include "ScriptedTransport.h"
#include "pop3/Capabilities.h"
#include "pop3/Client.h"
#include "pop3/Error.h"
#include "pop3/ResponseParser.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QHash>

#include <cstdio>
#include <cstdlib>

using namespace Poplar::Pop3;
using Poplar::TestSupport::ScriptedTransport;

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "pop3 fuzz invariant broken: %s\n", what);
        std::abort();
    }
}

void fuzzClient(const uint8_t *data, size_t size)
{
    const uint8_t flags = data[0];
    Settings settings;
    settings.host = QStringLiteral("pop.example");
    settings.security = Settings::Security(flags % 3);
    settings.auth = Settings::Auth((flags >> 2) % 7);
    settings.allowApop = flags & 0x20;
    settings.username = QStringLiteral("alice");
    settings.password = QStringLiteral("secret");
    settings.maxMessageSize = 4096;
    settings.maxLineLength = 512;
    settings.maxListingSize = 8192;
    settings.keepAliveMs = 0;
    settings.pipelineMaxCommands = (flags & 0x40) ? 4 : 1000;

    ScriptedTransport *transport = nullptr;
    Client client(settings, [&transport](const Settings &) {
        transport = new ScriptedTransport;
        return transport;
    });
    QObject context;
    QHash<CommandId, int> outcomes;
    bool closed = false;
    auto outcome = [&outcomes](CommandId id) { ++outcomes[id]; };
    QObject::connect(&client, &Client::sessionClosed, &context, [&](bool) { closed = true; });
    QObject::connect(&client, &Client::statFinished, &context,
                     [&](CommandId id, int, qint64) { outcome(id); });
    QObject::connect(&client, &Client::listFinished, &context,
                     [&](CommandId id, const QList<MessageSize> &) { outcome(id); });
    QObject::connect(&client, &Client::uidlFinished, &context,
                     [&](CommandId id, const QList<MessageUid> &) { outcome(id); });
    QObject::connect(&client, &Client::retrieveFinished, &context,
                     [&](CommandId id, int, qint64) { outcome(id); });
    QObject::connect(&client, &Client::commandFinished, &context,
                     [&](CommandId id) { outcome(id); });
    QObject::connect(&client, &Client::commandFailed, &context, [&](CommandId id, const Error &e) {
        outcome(id);
        (void)e.message();
    });

    QBuffer sinkA, sinkB;
    sinkA.open(QIODevice::WriteOnly);
    sinkB.open(QIODevice::WriteOnly);
    client.open();
    QList<CommandId> ids = {client.stat(),
                            client.list(),
                            client.uidl(),
                            client.retrieve(1, &sinkA, (flags & 0x80) ? 50 : -1),
                            client.top(2, 0, &sinkB),
                            client.list(2),
                            client.uidl(3),
                            client.remove(1),
                            client.noop(),
                            client.reset()};
    client.quit();

    size_t pos = 1;
    while (pos < size && transport && !transport->isClosed()) {
        const size_t length = std::min<size_t>(size_t(data[pos]) + 1, size - pos - 1);
        ++pos;
        transport->feed(QByteArray(reinterpret_cast<const char *>(data + pos), qsizetype(length)));
        pos += length;
    }
    if (transport && !transport->isClosed())
        transport->hangUp();
    check(transport != nullptr, "open() makes a transport");
    if (settings.security != Settings::Security::None) {
        QByteArray clear;
        for (const auto &w : transport->writes()) {
            if (!w.encrypted)
                clear += w.bytes;
        }
        check(clear.isEmpty() || clear == "CAPA\r\n" || clear == "CAPA\r\nSTLS\r\n",
              "nothing but CAPA and STLS in clear");
    }
    // Commands refused at once (e.g. too large) report on the next event loop turn; the
    // closed transport is deleted there too, so it is not touched after this.
    QCoreApplication::processEvents();

    check(closed, "a session ended by the server reports sessionClosed");
    check(client.state() == Client::State::Closed, "the client ends Closed");
    for (CommandId id : std::as_const(ids))
        check(outcomes.value(id) == 1, "every command gets exactly one outcome");
    check(sinkA.data().size() <= settings.maxMessageSize, "RETR respects the size limit");
    check(sinkB.data().size() <= settings.maxMessageSize, "TOP respects the size limit");
}

void fuzzParser(const uint8_t *data, size_t size)
{
    // The parser alone, with the expectation for each response taken from the data.
    ResponseParser::Limits limits;
    limits.maxLineLength = 256;
    limits.maxListingSize = 4096;
    limits.dataChunkSize = 1 + data[0] % 64;
    ResponseParser parser(limits);
    parser.append(QByteArrayView(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1)));
    size_t expectIndex = 0;
    qint64 produced = 0;
    for (int guard = 0; guard < 100000; ++guard) {
        const auto expect = ResponseParser::Expect(data[expectIndex++ % size] % 4);
        const auto event = parser.next(expect);
        produced += event.text.size();
        if (event.type == ResponseParser::Event::Type::NeedMore ||
            event.type == ResponseParser::Event::Type::Failure)
            break;
        if (event.type == ResponseParser::Event::Type::Line)
            (void)Capabilities::parse({event.text});
        if (event.type == ResponseParser::Event::Type::Err)
            (void)Error::fromServer(event.text, ErrorKind::ServerError).message();
    }
    // Unstuffing only removes bytes; bare LF becomes CRLF, so at most twice the input.
    check(produced <= qint64(2 * size), "the parser produces no more than it was given");
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
    // Outside an event loop, deleteLater() needs an explicit turn.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return 0;
}
