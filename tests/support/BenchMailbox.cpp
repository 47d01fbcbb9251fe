#include "BenchMailbox.h"

#include <algorithm>
#include <cmath>

namespace Poplar::TestSupport {

namespace {

const QStringList &latinList()
{
    static const QStringList words = [] {
        QStringList list = {QStringLiteral("budget"),   QStringLiteral("meeting"),
                            QStringLiteral("report"),   QStringLiteral("invoice"),
                            QStringLiteral("schedule"), QStringLiteral("project"),
                            QStringLiteral("review"),   QStringLiteral("release"),
                            QStringLiteral("holiday"),  QStringLiteral("contract")};
        const char *syllables[] = {"ka",  "lo",  "mi", "ter", "san", "vo",   "re",  "pi",
                                   "dul", "nex", "or", "ta",  "ble", "quin", "sor", "fa"};
        QRandomGenerator rng(7);
        while (list.size() < 3000) {
            QString w;
            const int n = 2 + int(rng.bounded(3));
            for (int i = 0; i < n; ++i)
                w += QLatin1StringView(syllables[rng.bounded(16)]);
            list << w;
        }
        return list;
    }();
    return words;
}

const QStringList kChinese = {
    QStringLiteral("会议"), QStringLiteral("安排"), QStringLiteral("明天"), QStringLiteral("下午"),
    QStringLiteral("项目"), QStringLiteral("报告"), QStringLiteral("财务"), QStringLiteral("同事"),
    QStringLiteral("通知"), QStringLiteral("时间"), QStringLiteral("地点"), QStringLiteral("客户"),
    QStringLiteral("合同"), QStringLiteral("预算"), QStringLiteral("审批"), QStringLiteral("发票"),
    QStringLiteral("培训"), QStringLiteral("计划"), QStringLiteral("部门"), QStringLiteral("经理"),
    QStringLiteral("系统"), QStringLiteral("升级"), QStringLiteral("测试"), QStringLiteral("版本"),
    QStringLiteral("周末"), QStringLiteral("请假"), QStringLiteral("出差"), QStringLiteral("机票"),
    QStringLiteral("酒店"), QStringLiteral("邮件"), QStringLiteral("附件"), QStringLiteral("确认"),
    QStringLiteral("谢谢"), QStringLiteral("收到"), QStringLiteral("问题"), QStringLiteral("解决"),
    QStringLiteral("进度"), QStringLiteral("总结"), QStringLiteral("年度"), QStringLiteral("目标"),
    QStringLiteral("的"),   QStringLiteral("了"),   QStringLiteral("在"),   QStringLiteral("是"),
    QStringLiteral("我们"), QStringLiteral("请"),   QStringLiteral("和"),   QStringLiteral("有")};
const QStringList kJapanese = {
    QStringLiteral("会議"),     QStringLiteral("予約"),     QStringLiteral("来週"),
    QStringLiteral("資料"),     QStringLiteral("確認"),     QStringLiteral("します"),
    QStringLiteral("ください"), QStringLiteral("コーヒー"), QStringLiteral("プロジェクト"),
    QStringLiteral("の"),       QStringLiteral("を"),       QStringLiteral("に"),
    QStringLiteral("は")};
const QStringList kKorean = {QStringLiteral("회의는"), QStringLiteral("내일"),
                             QStringLiteral("오후"),   QStringLiteral("시작합니다"),
                             QStringLiteral("자료를"), QStringLiteral("확인해"),
                             QStringLiteral("주세요"), QStringLiteral("프로젝트")};

// Zipf-like pick: small indexes are much more frequent.
const QString &pick(QRandomGenerator &rng, const QStringList &words)
{
    const double u = rng.generateDouble();
    const qsizetype i = qsizetype(std::pow(u, 3.0) * double(words.size()));
    return words[std::min(i, words.size() - 1)];
}

QString sentence(QRandomGenerator &rng, int words, int language)
{
    QString s;
    for (int i = 0; i < words; ++i) {
        switch (language) {
        case 0:
            if (!s.isEmpty())
                s += u' ';
            s += pick(rng, latinList());
            break;
        case 1:
            s += pick(rng, kChinese);
            if (rng.bounded(12) == 0)
                s += QStringLiteral("，");
            break;
        case 2:
            s += pick(rng, kJapanese);
            break;
        default:
            if (!s.isEmpty())
                s += u' ';
            s += pick(rng, kKorean);
            break;
        }
    }
    return s;
}

} // namespace

const QStringList &BenchMailbox::latinWords()
{
    return latinList();
}

Store::NewMessage BenchMailbox::message(QRandomGenerator &rng, int i)
{
    const int language = rng.bounded(100) < 55 ? 0 : rng.bounded(100) < 70 ? 1 : rng.bounded(2) + 2;
    Store::NewMessage m;
    m.account = QStringLiteral("account%1").arg(i % 3);
    m.uidl = QStringLiteral("UID%1-%2").arg(i).arg(rng.generate(), 8, 16, QLatin1Char('0'));
    m.subject = sentence(rng, 3 + int(rng.bounded(5)), language);
    m.bodyText = sentence(rng, 40 + int(rng.bounded(160)), language);
    const int sender = int(rng.bounded(2000));
    m.from = QStringLiteral("Sender %1 <sender%1@example.org>").arg(sender);
    m.to = QStringLiteral("Reader <reader@example.org>");
    m.snippet = m.bodyText.left(120);
    m.messageId = QStringLiteral("%1.bench@example.org").arg(i);
    m.date = QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC)
                 .addSecs(qint64(rng.bounded(5 * 365 * 24 * 3600)));
    m.raw = "From: " + m.from.toUtf8() + "\r\nSubject: " + m.subject.toUtf8() + "\r\n\r\n" +
            m.bodyText.toUtf8();
    m.read = rng.bounded(10) < 8;
    m.contentHash = QByteArray::number(i);
    return m;
}

} // namespace Poplar::TestSupport
