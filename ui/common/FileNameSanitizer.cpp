#include "ui/common/FileNameSanitizer.h"

#include <QRegularExpression>
#include <QSet>

namespace Poplar::Ui {

namespace {

constexpr int kMaxLength = 200;

bool isForbidden(QChar c)
{
    if (c.unicode() < 0x20 || c.unicode() == 0x7f)
        return true;
    switch (c.unicode()) {
    case '/':
    case '\\':
    case ':':
    case '*':
    case '?':
    case '"':
    case '<':
    case '>':
    case '|':
        return true;
    default:
        break;
    }
    const QChar::Category category = c.category();
    return category == QChar::Other_Control || category == QChar::Other_Format ||
           category == QChar::Separator_Line || category == QChar::Separator_Paragraph;
}

bool isReservedOnWindows(const QString &name)
{
    const QString base = name.section(QLatin1Char('.'), 0, 0).trimmed().toUpper();
    static const QRegularExpression reserved(
        QStringLiteral("^(CON|PRN|AUX|NUL|CONIN\\$|CONOUT\\$|COM[0-9\u00b9\u00b2\u00b3]|"
                       "LPT[0-9\u00b9\u00b2\u00b3])$"));
    return reserved.match(base).hasMatch();
}

} // namespace

QString FileNameSanitizer::sanitize(const QString &name, const QString &fallback)
{
    QString out;
    out.reserve(name.size());
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (c.isHighSurrogate() && i + 1 < name.size() && name.at(i + 1).isLowSurrogate()) {
            out.append(c);
            out.append(name.at(++i));
            continue;
        }
        // Lone surrogate halves are not valid file names anywhere.
        out.append(isForbidden(c) || c.isSurrogate() ? QChar(u'_') : c);
    }

    // Leading dots would hide the file or mean "..": trailing dots and spaces vanish on Windows.
    while (!out.isEmpty() && (out.front() == QLatin1Char('.') || out.front().isSpace()))
        out.remove(0, 1);
    while (!out.isEmpty() && (out.back() == QLatin1Char('.') || out.back().isSpace()))
        out.chop(1);

    if (out.isEmpty() || out.count(QLatin1Char('_')) == out.size())
        out = fallback.isEmpty() ? QStringLiteral("attachment") : fallback;
    if (isReservedOnWindows(out))
        out.prepend(QLatin1Char('_'));

    if (out.size() > kMaxLength) {
        const qsizetype dot = out.lastIndexOf(QLatin1Char('.'));
        const QString extension = dot > 0 && out.size() - dot <= 16 ? out.mid(dot) : QString();
        out = out.left(kMaxLength - extension.size()) + extension;
        if (out.at(kMaxLength - extension.size() - 1).isHighSurrogate())
            out.remove(kMaxLength - extension.size() - 1, 1);
    }
    return out;
}

bool FileNameSanitizer::isExecutable(const QString &name)
{
    static const QSet<QString> kinds = {
        QStringLiteral("exe"),     QStringLiteral("com"),      QStringLiteral("bat"),
        QStringLiteral("cmd"),     QStringLiteral("scr"),      QStringLiteral("pif"),
        QStringLiteral("msi"),     QStringLiteral("msp"),      QStringLiteral("vbs"),
        QStringLiteral("vbe"),     QStringLiteral("js"),       QStringLiteral("jse"),
        QStringLiteral("wsf"),     QStringLiteral("wsh"),      QStringLiteral("ps1"),
        QStringLiteral("psm1"),    QStringLiteral("hta"),      QStringLiteral("cpl"),
        QStringLiteral("lnk"),     QStringLiteral("reg"),      QStringLiteral("jar"),
        QStringLiteral("sh"),      QStringLiteral("bash"),     QStringLiteral("run"),
        QStringLiteral("bin"),     QStringLiteral("app"),      QStringLiteral("command"),
        QStringLiteral("desktop"), QStringLiteral("appimage"), QStringLiteral("deb"),
        QStringLiteral("rpm"),     QStringLiteral("pkg"),      QStringLiteral("dmg"),
        QStringLiteral("py"),      QStringLiteral("pl"),       QStringLiteral("iso"),
        QStringLiteral("docm"),    QStringLiteral("xlsm"),     QStringLiteral("pptm")};
    const QString trimmed = name.trimmed();
    const qsizetype dot = trimmed.lastIndexOf(QLatin1Char('.'));
    if (dot < 0)
        return false;
    QString extension = trimmed.mid(dot + 1).toLower();
    while (extension.endsWith(QLatin1Char('.')) || extension.endsWith(QLatin1Char(' ')))
        extension.chop(1);
    return kinds.contains(extension);
}

} // namespace Poplar::Ui
