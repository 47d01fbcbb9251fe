#include "SearchCommand.h"

#include "CommandSupport.h"
#include "Profile.h"

#include "accounts/AccountRepository.h"
#include "store/StoreReader.h"

#include <QCoreApplication>

namespace Poplar::App {

int runSearchCommand(const CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption accountOption(QStringLiteral("account"), QString(),
                                           QStringLiteral("name"));
    const QCommandLineOption limitOption(QStringLiteral("limit"), QString(), QStringLiteral("n"),
                                         QStringLiteral("50"));
    parser.addOptions({accountOption, limitOption});
    parser.addPositionalArgument(QStringLiteral("query"), QString());
    if (!parseArguments(parser, QStringLiteral("search"), context))
        return 2;
    const QString text = parser.positionalArguments().join(u' ');
    if (text.trimmed().isEmpty()) {
        printError(QCoreApplication::translate("Poplar::App::SearchCommand",
                                               "Usage: poplar search QUERY [--account NAME]"));
        return 2;
    }
    auto profile = openProfile(context);
    if (!profile)
        return 1;

    Store::SearchQuery query;
    query.text = text;
    query.limit = qMax(1, parser.value(limitOption).toInt());
    if (parser.isSet(accountOption)) {
        const auto account = findAccount(Accounts::AccountRepository(profile->settingsPath()),
                                         parser.value(accountOption), QStringLiteral("search"));
        if (!account)
            return 1;
        query.account = account->id;
    }

    Store::StoreReader reader;
    if (const Store::StoreError error = reader.open(profile->databasePath())) {
        printError(QStringLiteral("poplar search: ") + error.message());
        return 1;
    }
    const auto found = reader.search(query);
    if (!found) {
        printError(QStringLiteral("poplar search: ") + found.error().message());
        return 1;
    }
    for (const Store::MessageSummary &row : found.value()) {
        printLine(QStringLiteral("%1\t%2\t%3")
                      .arg(row.date.toLocalTime().toString(Qt::ISODate), row.from, row.subject));
    }
    return 0;
}

} // namespace Poplar::App
