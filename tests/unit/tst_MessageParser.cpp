#include "mime/MessageJson.h"
#include "mime/MessageParser.h"
#include "mime/MessageRenderer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Poplar::Mime;

namespace {

QString corpusDir()
{
    return qEnvironmentVariable("POPLAR_SOURCE_DIR") + QStringLiteral("/tests/data/mime");
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

[[maybe_unused]] Message parseCorpus(const QString &name)
{
    return MessageParser::parse(readFile(corpusDir() + u'/' + name + QStringLiteral(".eml")));
}

// The first place two JSON values differ, as "path: expected vs actual".
QString firstDifference(const QJsonValue &expected, const QJsonValue &actual, const QString &path)
{
    if (expected == actual)
        return {};
    if (expected.isObject() && actual.isObject()) {
        const QJsonObject e = expected.toObject();
        const QJsonObject a = actual.toObject();
        QStringList keys = e.keys() + a.keys();
        keys.removeDuplicates();
        for (const QString &key : keys) {
            const QString diff = firstDifference(e.value(key), a.value(key), path + u'.' + key);
            if (!diff.isEmpty())
                return diff;
        }
    }
    if (expected.isArray() && actual.isArray()) {
        const QJsonArray e = expected.toArray();
        const QJsonArray a = actual.toArray();
        for (qsizetype i = 0; i < std::max(e.size(), a.size()); ++i) {
            const QString diff = firstDifference(i < e.size() ? e.at(i) : QJsonValue(),
                                                 i < a.size() ? a.at(i) : QJsonValue(),
                                                 path + u'[' + QString::number(i) + u']');
            if (!diff.isEmpty())
                return diff;
        }
    }
    const auto show = [](const QJsonValue &v) -> QString {
        if (v.isString())
            return u'"' + v.toString().left(300) + u'"';
        return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
            .left(300);
    };
    return path + QStringLiteral(": expected ") + show(expected) + QStringLiteral(" but got ") +
           show(actual);
}

} // namespace

class tst_MessageParser : public QObject
{
    Q_OBJECT

private slots:
    // Every message of the corpus parses to its golden JSON (what `poplar parse --json` prints).
    // Set POPLAR_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change, then
    // review the diff.
    void corpusMatchesGolden_data()
    {
        QTest::addColumn<QString>("name");
        const QStringList files =
            QDir(corpusDir()).entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 80, qPrintable(corpusDir()));
        for (const QString &file : files) {
            const QString name = file.chopped(4);
            QTest::newRow(qPrintable(name)) << name;
        }
    }

    void corpusMatchesGolden()
    {
        QFETCH(QString, name);
        const QString base = corpusDir() + u'/' + name;
        const QByteArray raw = readFile(base + QStringLiteral(".eml"));
        const QJsonObject actual = MessageJson::toJson(MessageParser::parse(raw));
        if (qEnvironmentVariableIntValue("POPLAR_UPDATE_GOLDEN") == 1) {
            QFile out(base + QStringLiteral(".json"));
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(QJsonDocument(actual).toJson(QJsonDocument::Indented));
            return;
        }
        QJsonParseError error;
        const QJsonDocument golden =
            QJsonDocument::fromJson(readFile(base + QStringLiteral(".json")), &error);
        QVERIFY2(error.error == QJsonParseError::NoError && golden.isObject(),
                 qPrintable(QStringLiteral("no readable golden file for ") + name));
        const QString diff = firstDifference(golden.object(), actual, name);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
};

QTEST_GUILESS_MAIN(tst_MessageParser)
#include "tst_MessageParser.moc"
