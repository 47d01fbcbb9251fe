#include "Translator.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Poplar::App {

namespace {

bool loadInto(QCoreApplication *app, const QLocale &locale, const QString &name,
              const QString &directory)
{
    auto *translator = new QTranslator(app);
    if (translator->load(locale, name, QStringLiteral("_"), directory)) {
        QCoreApplication::installTranslator(translator);
        return true;
    }
    delete translator;
    return false;
}

} // namespace

void installTranslations(const QString &language)
{
    QCoreApplication *app = QCoreApplication::instance();
    QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    // zh_HK, zh_MO and the like read Traditional Chinese: use the zh_TW translation for them.
    if (locale.language() == QLocale::Chinese &&
        locale.script() == QLocale::TraditionalChineseScript &&
        locale.territory() != QLocale::Taiwan)
        locale = QLocale(QLocale::Chinese, QLocale::TraditionalChineseScript, QLocale::Taiwan);
    if (!language.isEmpty())
        QLocale::setDefault(locale);

    loadInto(app, locale, QStringLiteral("poplar"), QStringLiteral(":/i18n"));
    const QString qtTranslations = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    loadInto(app, locale, QStringLiteral("qtbase"), qtTranslations);
}

} // namespace Poplar::App
