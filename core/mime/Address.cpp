#include "mime/Address.h"

#include "mime/EncodedWords.h"

#include <QStringList>
#include <QUrl>

namespace Poplar::Mime {

namespace {

enum class TokenKind
{
    Word,
    Quoted,
    Comment,
    Special
};

struct Token
{
    TokenKind kind;
    QByteArray text;
    char special = 0;
};

bool isSpecial(char c)
{
    return c == '<' || c == '>' || c == ',' || c == ':' || c == ';';
}

QList<Token> tokenize(QByteArrayView raw)
{
    QList<Token> tokens;
    const qsizetype n = raw.size();
    qsizetype i = 0;
    while (i < n && tokens.size() < 10000) {
        const char c = raw[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            ++i;
        } else if (c == '"' && raw.indexOf('"', i + 1) < 0) {
            ++i; // an unclosed quote is ignored
        } else if (c == '"') {
            QByteArray text;
            ++i;
            while (i < n && raw[i] != '"') {
                if (raw[i] == '\\' && i + 1 < n)
                    ++i;
                text.append(raw[i++]);
            }
            ++i;
            tokens.append({TokenKind::Quoted, text});
        } else if (c == '(') {
            QByteArray text;
            int depth = 1;
            ++i;
            while (i < n && depth > 0) {
                if (raw[i] == '\\' && i + 1 < n) {
                    text.append(raw[i + 1]);
                    i += 2;
                    continue;
                }
                if (raw[i] == '(')
                    ++depth;
                else if (raw[i] == ')' && --depth == 0)
                    break;
                text.append(raw[i++]);
            }
            ++i;
            tokens.append({TokenKind::Comment, text});
        } else if (isSpecial(c)) {
            tokens.append({TokenKind::Special, {}, c});
            ++i;
        } else {
            const qsizetype start = i;
            while (i < n && !isSpecial(raw[i]) && raw[i] != ' ' && raw[i] != '\t' &&
                   raw[i] != '"' && raw[i] != '(' && raw[i] != '\r' && raw[i] != '\n')
                ++i;
            tokens.append({TokenKind::Word, raw.sliced(start, i - start).toByteArray()});
        }
    }
    return tokens;
}

QString displayEmail(const QByteArray &spec, QByteArrayView fallback)
{
    QByteArray s = spec.trimmed();
    // Obsolete source route: "@relay1,@relay2:user@host".
    if (s.startsWith('@')) {
        const qsizetype colon = s.indexOf(':');
        if (colon >= 0)
            s = s.mid(colon + 1);
    }
    const qsizetype at = s.lastIndexOf('@');
    if (at < 0)
        return EncodedWords::decodeRaw(s, fallback);
    const QString local = EncodedWords::decodeRaw(QByteArrayView(s).first(at), fallback);
    QByteArray domain = s.mid(at + 1);
    QString domainText;
    if (domain.contains("xn--") || domain.contains("XN--")) {
        domainText = QUrl::fromAce(domain.toLower(), QUrl::IgnoreIDNWhitelist);
        if (domainText.isEmpty())
            domainText = QString::fromLatin1(domain);
    } else {
        domainText = EncodedWords::decodeRaw(domain, fallback);
    }
    return local + u'@' + domainText;
}

QString decodePhrase(const QList<Token> &tokens, qsizetype from, qsizetype to,
                     QByteArrayView fallback)
{
    QByteArray phrase;
    for (qsizetype i = from; i < to; ++i) {
        const Token &t = tokens[i];
        if (t.kind != TokenKind::Word && t.kind != TokenKind::Quoted)
            continue;
        if (!phrase.isEmpty())
            phrase += ' ';
        phrase += t.text;
    }
    return EncodedWords::decode(phrase, fallback).simplified();
}

QString firstComment(const QList<Token> &tokens, qsizetype from, qsizetype to,
                     QByteArrayView fallback)
{
    for (qsizetype i = from; i < to; ++i) {
        if (tokens[i].kind == TokenKind::Comment)
            return EncodedWords::decode(tokens[i].text, fallback).simplified();
    }
    return {};
}

} // namespace

QString Address::toDisplayString() const
{
    if (name.isEmpty())
        return email;
    if (email.isEmpty())
        return name;
    return name + u" <" + email + u'>';
}

QString Address::joined(const QList<Address> &addresses)
{
    QStringList parts;
    parts.reserve(addresses.size());
    for (const Address &a : addresses)
        parts.append(a.toDisplayString());
    return parts.join(u", ");
}

QList<Address> Address::parseList(QByteArrayView raw, QByteArrayView fallbackCharset)
{
    const QList<Token> tokens = tokenize(raw);
    QList<Address> result;
    QString group;
    qsizetype itemStart = 0;
    // The previous item had no '@': an address written without its domain ("baz"), unless
    // it turns out to be the first half of a name with an unquoted comma ("Doe, John <j@x>").
    bool pendingPhraseOnly = false;
    QString pendingPhrase;
    Address pendingAddress;
    const auto flushPending = [&] {
        if (pendingPhraseOnly)
            result.append(pendingAddress);
        pendingPhraseOnly = false;
    };

    auto finishItem = [&](qsizetype end) {
        // Find an angle address in the item.
        qsizetype open = -1;
        for (qsizetype i = itemStart; i < end; ++i) {
            if (tokens[i].kind == TokenKind::Special && tokens[i].special == '<') {
                open = i;
                break;
            }
        }
        Address address;
        address.group = group;
        if (open >= 0) {
            QByteArray spec;
            qsizetype i = open + 1;
            for (; i < end; ++i) {
                if (tokens[i].kind == TokenKind::Special && tokens[i].special == '>')
                    break;
                if (tokens[i].kind == TokenKind::Word || tokens[i].kind == TokenKind::Quoted)
                    spec += tokens[i].text;
                else if (tokens[i].kind == TokenKind::Special && tokens[i].special == ':')
                    spec += ':';
            }
            address.email = displayEmail(spec, fallbackCharset);
            address.name = decodePhrase(tokens, itemStart, open, fallbackCharset);
            if (pendingPhraseOnly && !address.name.isEmpty()) {
                address.name = pendingPhrase + u", " + address.name;
                pendingPhraseOnly = false;
            }
            if (address.name.isEmpty())
                address.name = firstComment(tokens, itemStart, end, fallbackCharset);
        } else {
            QByteArray spec;
            bool hasAt = false;
            for (qsizetype i = itemStart; i < end; ++i) {
                if (tokens[i].kind == TokenKind::Word || tokens[i].kind == TokenKind::Quoted) {
                    spec += tokens[i].text;
                    hasAt = hasAt || tokens[i].text.contains('@');
                }
            }
            if (spec.isEmpty()) {
                itemStart = end + 1;
                return;
            }
            if (!hasAt) {
                // No domain: shown as written, but held in case the next item is its other half.
                flushPending();
                pendingPhrase = decodePhrase(tokens, itemStart, end, fallbackCharset);
                pendingAddress = {firstComment(tokens, itemStart, end, fallbackCharset),
                                  pendingPhrase, group};
                pendingPhraseOnly = !pendingPhrase.isEmpty();
                itemStart = end + 1;
                return;
            }
            address.email = displayEmail(spec, fallbackCharset);
            address.name = firstComment(tokens, itemStart, end, fallbackCharset);
        }
        flushPending();
        result.append(address);
        itemStart = end + 1;
    };

    bool inAngle = false;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const Token &t = tokens[i];
        if (t.kind != TokenKind::Special)
            continue;
        if (t.special == '<')
            inAngle = true;
        else if (t.special == '>')
            inAngle = false;
        else if (inAngle && t.special == ',' && i + 1 < tokens.size() &&
                 tokens[i + 1].kind == TokenKind::Word && tokens[i + 1].text.startsWith('@'))
            continue; // obsolete route inside <>: "<@a,@b:user@host>"
        else if (inAngle && t.special != ',')
            continue;
        if (t.special == ',' && inAngle)
            inAngle = false; // a missing '>'
        if (t.special == '<' || t.special == '>')
            continue;
        else if (t.special == ',')
            finishItem(i);
        else if (t.special == ':' && group.isEmpty()) {
            group = decodePhrase(tokens, itemStart, i, fallbackCharset);
            if (group.isEmpty())
                group = QStringLiteral(" ");
            itemStart = i + 1;
        } else if (t.special == ';') {
            const qsizetype before = result.size();
            finishItem(i);
            if (result.size() == before && !pendingPhraseOnly && !group.isEmpty() && group != u" ")
                result.append({group, {}, group}); // an empty group ("undisclosed-recipients:;")
            flushPending();
            group.clear();
        }
        if (result.size() > 5000)
            break;
    }
    finishItem(tokens.size());
    flushPending();
    for (Address &a : result) {
        if (a.group == u" ")
            a.group.clear();
    }
    return result;
}

} // namespace Poplar::Mime
