#include "SampleMailGenerator.h"

#include <QDate>
#include <QStringEncoder>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <vector>

// Determinism rules for this file: no std distributions, no floating point, no clock, no
// locale; and never two random draws inside one expression (the order in which C++
// evaluates operands is unspecified), so every draw sits in its own statement.

using namespace Qt::StringLiterals;

namespace Poplar::TestSupport {

using Kind = SampleMailGenerator::Kind;
using Language = SampleMailGenerator::Language;

namespace {

// ---------------------------------------------------------------------------------------------
// Randomness: splitmix64 streams keyed by (seed, index, salt).

constexpr quint64 mix64(quint64 z)
{
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

class Rng
{
public:
    explicit Rng(quint64 state)
        : m_state(state)
    {}

    quint64 next()
    {
        m_state += 0x9E3779B97F4A7C15ULL;
        return mix64(m_state);
    }
    // In [0, n); the modulo bias is irrelevant here and the mapping is the same everywhere.
    quint64 below(quint64 n) { return n <= 1 ? 0 : next() % n; }
    // In [lo, hi], both included.
    qint64 range(qint64 lo, qint64 hi) { return lo + qint64(below(quint64(hi - lo) + 1)); }
    bool percent(int p) { return below(100) < quint64(p); }
    // Roughly log-uniform in [lo, hi]: a random octave, then uniform inside it.
    qint64 logUniform(qint64 lo, qint64 hi)
    {
        int octaves = 0;
        for (qint64 v = lo; v * 2 < hi; v *= 2)
            ++octaves;
        const qint64 from = lo << below(quint64(octaves) + 1);
        return range(from, std::min(hi, from * 2));
    }

private:
    quint64 m_state;
};

enum Salt : quint64
{
    SaltPlan = 1,
    SaltContent = 2,
    SaltMessageId = 3,
    SaltBoundary = 4,
    SaltArticle = 0x1000,
    SaltParagraph = 0x100000,
};

Rng stream(quint64 seed, int index, quint64 salt)
{
    return Rng(mix64(seed ^ mix64(quint64(quint32(index)) * 0xD1B54A32D192ED03ULL +
                                  salt * 0x8CB92BA72F3D8DD7ULL)));
}

template<typename T, size_t N> const T &pick(Rng &r, const T (&list)[N])
{
    return list[r.below(N)];
}

QString str(const char16_t *s)
{
    return QString::fromUtf16(s);
}

QString pickStr(Rng &r, const char16_t *const *list, size_t n)
{
    return str(list[r.below(n)]);
}

template<size_t N> QString pickStr(Rng &r, const char16_t *const (&list)[N])
{
    return pickStr(r, list, N);
}

QByteArray hex(quint64 v, int digits)
{
    QByteArray h = QByteArray::number(v, 16);
    if (h.size() < digits)
        h.prepend(QByteArray(digits - h.size(), '0'));
    return h.right(digits);
}

// ---------------------------------------------------------------------------------------------
// Vocabulary. Chinese lists stay inside GBK / Big5, Japanese inside JIS X 0208.

struct NameEntry
{
    const char16_t *name;
    const char *local;
};

struct Org
{
    const char *domain;
    const char16_t *name;
};

struct Brand
{
    const char16_t *name;
    const char *domain;
};

constexpr NameEntry kEnglishNames[] = {
    {u"John Smith", "john.smith"},      {u"Emily Clarke", "emily.clarke"},
    {u"Michael O'Brien", "m.obrien"},   {u"Sarah Johnson", "sarah.johnson"},
    {u"David Miller", "d.miller"},      {u"Laura Chen", "laura.chen"},
    {u"James Wilson", "jwilson"},       {u"Priya Patel", "priya.patel"},
    {u"Smith, Robert", "robert.smith"}, {u"Anna K. Lee", "anna.lee"},
};
// Only in UTF-8 mail: names that need an encoded word.
constexpr NameEntry kLatinNames[] = {
    {u"Jos\u00e9 Garc\u00eda", "jose.garcia"},    {u"Zo\u00eb M\u00fcller", "zoe.mueller"},
    {u"Fran\u00e7ois Dubois", "francois.dubois"}, {u"S\u00f8ren Nielsen", "soren.nielsen"},
    {u"Bj\u00f6rn Larsson", "bjorn.larsson"},     {u"Chlo\u00e9 Martin", "chloe.martin"},
};
constexpr NameEntry kSimplifiedNames[] = {
    {u"张伟", "zhang.wei"}, {u"王芳", "wang.fang"}, {u"李娜", "li.na"},    {u"刘洋", "liu.yang"},
    {u"陈静", "chen.jing"}, {u"杨磊", "yang.lei"},  {u"赵敏", "zhao.min"}, {u"黄勇", "huang.yong"},
    {u"周杰", "zhou.jie"},  {u"吴霞", "wu.xia"},
};
constexpr NameEntry kTraditionalNames[] = {
    {u"陳志明", "chihming.chen"}, {u"林美玲", "meiling.lin"},   {u"黃淑芬", "shufen.huang"},
    {u"張家豪", "chiahao.chang"}, {u"李怡君", "yichun.lee"},    {u"王建宏", "chienhung.wang"},
    {u"吳雅婷", "yating.wu"},     {u"劉俊傑", "chunchieh.liu"},
};
constexpr NameEntry kJapaneseNames[] = {
    {u"佐藤 健", "ken.sato"},           {u"鈴木 花子", "hanako.suzuki"},
    {u"高橋 誠", "makoto.takahashi"},   {u"田中 美咲", "misaki.tanaka"},
    {u"渡辺 大輔", "daisuke.watanabe"}, {u"伊藤 由美", "yumi.ito"},
    {u"山本 翔太", "shota.yamamoto"},   {u"中村 愛", "ai.nakamura"},
};

constexpr Org kEnglishOrgs[] = {
    {"acme-corp.example", u"Acme Corporation"},
    {"northwind.example", u"Northwind Traders"},
    {"riverside-university.example", u"Riverside University"},
    {"example.com", u"Example Consulting"},
};
constexpr Org kSimplifiedOrgs[] = {
    {"huaxin-tech.example", u"华信科技有限公司"},
    {"changjiang-trade.example", u"长江贸易有限公司"},
    {"example.net", u"示例网络公司"},
};
constexpr Org kTraditionalOrgs[] = {
    {"taipei-trading.example", u"台北貿易股份有限公司"},
    {"formosa-design.example", u"福爾摩沙設計"},
};
constexpr Org kJapaneseOrgs[] = {
    {"tokyo-shoji.example", u"東京商事株式会社"},
    {"sakura-soft.example", u"さくらソフト株式会社"},
};

constexpr int kEnglishZones[] = {-480, -300, 0, 60, -420, 330, 600, -240, 120, 0};

constexpr Brand kBrands[4][2] = {
    {{u"Northwind Weekly", "northwind-weekly.example"},
     {u"City Library News", "citylibrary.example"}},
    {{u"悦读书店", "yuedu-books.example"}, {u"云帆旅行", "yunfan-travel.example"}},
    {{u"台北生活週報", "taipei-life.example"}, {u"好日子書店", "good-days-books.example"}},
    {{u"東京ガジェット通信", "tokyo-gadget.example"},
     {u"さくら旅行ニュース", "sakura-travel.example"}},
};

struct Vocabulary
{
    const char16_t *const *subjects; // templates: {T} topic, {Y} year, {Q} quarter, {N} number,
    size_t subjectCount;             // {C} city, {W} weekday
    const char16_t *const *topics;
    size_t topicCount;
    const char16_t *const *cities;
    size_t cityCount;
    const char16_t *const *weekdays;
    size_t weekdayCount;
    const char16_t *const *actors;
    size_t actorCount;
    const char16_t *const *verbs;
    size_t verbCount;
    const char16_t *const *objects;
    size_t objectCount;
    const char16_t *const *tails;
    size_t tailCount;
    const char16_t *const *questions; // {O} object
    size_t questionCount;
    const char16_t *const *greetings; // {F} first name of the owner, {S} sender's family name
    size_t greetingCount;
    const char16_t *const *closings; // {S} sender
    size_t closingCount;
    const char16_t *const *titles;
    size_t titleCount;
    const char16_t *const *articles; // newsletter headlines: {T}, {C}, {N}
    size_t articleCount;
    const char16_t *replyPrefix;
    const char16_t *attribution; // {Y} {M} {D} {h} {m} {N} {A}
    const char16_t *readMore;
    const char16_t *footer; // {B}
    const char16_t *unsubscribe;
    const char16_t *newsSubject; // {B} {A}
    const char16_t *csvHeader;
    const char16_t *readmeName;
    const char16_t *sentenceSeparator;
};

#define POPLAR_LIST(name) name, std::size(name)

constexpr const char16_t *kEnSubjects[] = {
    u"Quarterly report for Q{Q} {Y}",
    u"Meeting notes: {T}",
    u"Invoice #{N}",
    u"Trip to {C} next {W}",
    u"Question about {T}",
    u"{T} - draft for review",
    u"Reminder: {T} on {W}",
    u"Photos from {C}",
    u"Updated schedule for {T}",
    u"Lunch on {W}?",
};
constexpr const char16_t *kEnTopics[] = {
    u"the budget",         u"the product launch", u"server migration", u"the hiring plan",
    u"customer feedback",  u"the office move",    u"the annual audit", u"the new website",
    u"supplier contracts", u"the team offsite",
};
constexpr const char16_t *kEnUtf8Topics[] = {
    u"the caf\u00e9 opening",    u"the r\u00e9sum\u00e9 review", u"the Z\u00fcrich workshop",
    u"na\u00efve Bayes results", u"the S\u00e3o Paulo office",   u"Q&A \u2014 follow-up",
};
constexpr const char16_t *kEnCities[] = {u"London", u"Boston",  u"Singapore",
                                         u"Berlin", u"Toronto", u"Sydney"};
constexpr const char16_t *kEnWeekdays[] = {u"Monday", u"Tuesday", u"Wednesday", u"Thursday",
                                           u"Friday"};
constexpr const char16_t *kEnActors[] = {
    u"I",
    u"We",
    u"The team",
    u"Our supplier",
    u"The finance department",
    u"Your colleague",
    u"The new intern",
    u"Marketing",
};
constexpr const char16_t *kEnVerbs[] = {
    u"reviewed",         u"will send",
    u"has updated",      u"needs to confirm",
    u"forgot to attach", u"would like to discuss",
    u"just finished",    u"is still waiting for",
};
constexpr const char16_t *kEnObjects[] = {
    u"the quarterly report", u"the draft contract",        u"the travel budget",
    u"the meeting agenda",   u"the server migration plan", u"the customer feedback",
    u"the design mockups",   u"the shipping schedule",
};
constexpr const char16_t *kEnTails[] = {
    u" before Friday",
    u" as we agreed last week",
    u" by the end of the month",
    u" once the numbers are final",
    u" if that works for you",
    u" after the holiday",
    u"",
    u" in the shared folder",
};
constexpr const char16_t *kEnUtf8Tails[] = {
    u" at the caf\u00e9 downstairs",
    u" \u2014 see the r\u00e9sum\u00e9",
    u" (\u2248 2 hours)",
    u" in Z\u00fcrich",
    u" with Zo\u00eb\u2019s notes",
};
constexpr const char16_t *kEnQuestions[] = {
    u"Could you take a look at {O}?",
    u"Have you had a chance to review {O}?",
    u"Is there any update on {O}?",
    u"Did you get {O}?",
};
constexpr const char16_t *kEnGreetings[] = {u"Hi {F},", u"Hello {F},", u"Dear {F},", u"Hi all,",
                                            u"Good morning {F},"};
constexpr const char16_t *kEnClosings[] = {u"Best regards,\n{S}", u"Thanks,\n{S}", u"Cheers,\n{S}",
                                           u"Kind regards,\n{S}"};
constexpr const char16_t *kEnTitles[] = {u"Project Manager", u"Senior Engineer",
                                         u"Finance Director", u"Sales Lead"};
constexpr const char16_t *kEnArticles[] = {
    u"Five ideas for {T}",    u"Spring sale: up to 40% off", u"Behind the scenes in {C}",
    u"Member spotlight: {N}", u"This week's reading list",   u"Events in {C} next month",
};

constexpr const char16_t *kZhSubjects[] = {
    u"关于{T}的会议纪要", u"{Y}年第{Q}季度报告",  u"发票 #{N}",        u"下{W}去{C}出差",
    u"请教一下{T}的问题", u"{T}（初稿，请审阅）", u"提醒：{W}讨论{T}", u"{C}的照片",
    u"{T}时间表更新",     u"{W}一起吃午饭？",
};
constexpr const char16_t *kZhTopics[] = {u"预算",       u"产品发布",   u"服务器迁移", u"招聘计划",
                                         u"客户反馈",   u"办公室搬迁", u"年度审计",   u"新网站",
                                         u"供应商合同", u"团队建设"};
constexpr const char16_t *kZhCities[] = {u"北京", u"上海", u"深圳", u"杭州", u"成都", u"广州"};
constexpr const char16_t *kZhWeekdays[] = {u"周一", u"周二", u"周三", u"周四", u"周五"};
constexpr const char16_t *kZhActors[] = {u"我",     u"我们",     u"团队",         u"供应商",
                                         u"财务部", u"你的同事", u"新来的实习生", u"市场部"};
constexpr const char16_t *kZhVerbs[] = {u"已经审核了", u"会发送",     u"更新了",     u"需要确认",
                                        u"忘了附上",   u"想讨论一下", u"刚刚完成了", u"还在等"};
constexpr const char16_t *kZhObjects[] = {u"季度报告",       u"合同草案", u"差旅预算", u"会议议程",
                                          u"服务器迁移方案", u"客户反馈", u"设计稿",   u"发货计划"};
constexpr const char16_t *kZhTails[] = {
    u"，请在周五之前回复。",
    u"，和上周说好的一样。",
    u"，月底之前要完成。",
    u"，等数字确定以后再说。",
    u"，如果你方便的话。",
    u"，假期结束以后处理。",
    u"。",
    u"，文件在共享文件夹里。",
};
constexpr const char16_t *kZhQuestions[] = {u"你能帮忙看一下{O}吗？", u"{O}现在进展怎么样了？",
                                            u"{O}收到了吗？", u"{O}还需要修改吗？"};
constexpr const char16_t *kZhGreetings[] = {u"林先生，您好：", u"{F}，你好：", u"各位好："};
constexpr const char16_t *kZhClosings[] = {u"谢谢！\n{S}", u"祝好，\n{S}", u"此致\n敬礼！\n{S}"};
constexpr const char16_t *kZhTitles[] = {u"项目经理", u"高级工程师", u"财务总监", u"销售主管"};
constexpr const char16_t *kZhArticles[] = {
    u"关于{T}的五个建议", u"春季促销：最低六折", u"走进{C}的幕后",
    u"会员故事：{N}",     u"本周推荐书单",       u"下个月{C}的活动",
};

constexpr const char16_t *kTwSubjects[] = {
    u"關於{T}的會議記錄", u"{Y}年第{Q}季報告",    u"發票 #{N}",        u"下{W}去{C}出差",
    u"請教一下{T}的問題", u"{T}（初稿，請審閱）", u"提醒：{W}討論{T}", u"{C}的照片",
    u"{T}時程更新",       u"{W}一起吃午餐？",
};
constexpr const char16_t *kTwTopics[] = {u"預算",       u"產品發表",   u"伺服器遷移", u"招募計畫",
                                         u"客戶回饋",   u"辦公室搬遷", u"年度稽核",   u"新網站",
                                         u"供應商合約", u"團隊旅遊"};
constexpr const char16_t *kTwCities[] = {u"台北", u"台中", u"高雄", u"新竹", u"香港", u"台南"};
constexpr const char16_t *kTwWeekdays[] = {u"週一", u"週二", u"週三", u"週四", u"週五"};
constexpr const char16_t *kTwActors[] = {u"我",     u"我們",     u"團隊",         u"供應商",
                                         u"財務部", u"你的同事", u"新來的實習生", u"行銷部"};
constexpr const char16_t *kTwVerbs[] = {u"已經審核了", u"會寄出",     u"更新了",     u"需要確認",
                                        u"忘了附上",   u"想討論一下", u"剛剛完成了", u"還在等"};
constexpr const char16_t *kTwObjects[] = {u"季度報告",       u"合約草案", u"差旅預算", u"會議議程",
                                          u"伺服器遷移計畫", u"客戶回饋", u"設計稿",   u"出貨時程"};
constexpr const char16_t *kTwTails[] = {
    u"，請在週五之前回覆。",
    u"，跟上週說好的一樣。",
    u"，月底之前要完成。",
    u"，等數字確定以後再說。",
    u"，如果你方便的話。",
    u"，假期結束以後處理。",
    u"。",
    u"，檔案在共用資料夾裡。",
};
constexpr const char16_t *kTwQuestions[] = {u"你能幫忙看一下{O}嗎？", u"{O}現在進度如何？",
                                            u"{O}收到了嗎？", u"{O}還需要修改嗎？"};
constexpr const char16_t *kTwGreetings[] = {u"林先生您好：", u"{F} 你好：", u"大家好："};
constexpr const char16_t *kTwClosings[] = {u"謝謝！\n{S}", u"祝 順心\n{S}", u"敬祝 商祺\n{S}"};
constexpr const char16_t *kTwTitles[] = {u"專案經理", u"資深工程師", u"財務長", u"業務主管"};
constexpr const char16_t *kTwArticles[] = {
    u"關於{T}的五個建議", u"春季特賣：最低六折", u"走進{C}的幕後",
    u"會員故事：{N}",     u"本週推薦書單",       u"下個月{C}的活動",
};

constexpr const char16_t *kJaSubjects[] = {
    u"{T}に関する打ち合わせ",
    u"{Y}年第{Q}四半期の報告書",
    u"請求書 #{N}",
    u"来週{W}の{C}出張について",
    u"{T}についての質問",
    u"{T}（ドラフト、ご確認ください）",
    u"リマインダー：{W}に{T}の件",
    u"{C}の写真",
    u"{T}のスケジュール更新",
    u"{W}のランチはいかがですか？",
};
constexpr const char16_t *kJaTopics[] = {
    u"予算",         u"新製品の発表", u"サーバー移行",       u"採用計画",       u"お客様の声",
    u"事務所の移転", u"年次監査",     u"新しいウェブサイト", u"仕入先との契約", u"チーム合宿"};
constexpr const char16_t *kJaCities[] = {u"東京", u"大阪", u"京都", u"名古屋", u"福岡", u"札幌"};
constexpr const char16_t *kJaWeekdays[] = {u"月曜日", u"火曜日", u"水曜日", u"木曜日", u"金曜日"};
constexpr const char16_t *kJaActors[] = {
    u"私は",     u"私たちは",   u"チームは",           u"仕入先は",
    u"経理部は", u"同僚の方は", u"新しいインターンは", u"営業部は"};
constexpr const char16_t *kJaVerbs[] = {
    u"確認しました",     u"送る予定です",         u"更新しました",   u"確認する必要があります",
    u"添付し忘れました", u"相談したいと思います", u"完成させました", u"まだ待っています"};
constexpr const char16_t *kJaObjects[] = {u"四半期報告書", u"契約書の草案",     u"出張の予算",
                                          u"会議の議題",   u"サーバー移行計画", u"お客様のご意見",
                                          u"デザイン案",   u"出荷スケジュール"};
constexpr const char16_t *kJaTails[] = {u"金曜日までに",
                                        u"先週お話ししたとおり、",
                                        u"月末までに",
                                        u"数字が確定したら",
                                        u"ご都合がよろしければ",
                                        u"休み明けに",
                                        u"",
                                        u"共有フォルダで"};
constexpr const char16_t *kJaQuestions[] = {
    u"{O}を確認していただけますか？", u"{O}について少しお時間をいただけますか？",
    u"{O}はもう届きましたか？", u"{O}の件はどうなりましたか？"};
constexpr const char16_t *kJaGreetings[] = {u"林様\n\nお世話になっております。{S}です。",
                                            u"{F}さん\n\nお疲れ様です。{S}です。",
                                            u"皆様\n\nいつもお世話になっております。"};
constexpr const char16_t *kJaClosings[] = {u"よろしくお願いいたします。\n{S}",
                                           u"以上、よろしくお願いします。\n{S}"};
constexpr const char16_t *kJaTitles[] = {u"プロジェクトマネージャー", u"主任技師", u"経理部長",
                                         u"営業課長"};
constexpr const char16_t *kJaArticles[] = {
    u"{T}のための五つのヒント", u"春のセール：最大四割引", u"{C}の舞台裏",
    u"会員紹介：{N}さん",       u"今週のおすすめ本",       u"来月の{C}のイベント",
};

const Vocabulary kVocabulary[4] = {
    {POPLAR_LIST(kEnSubjects),
     POPLAR_LIST(kEnTopics),
     POPLAR_LIST(kEnCities),
     POPLAR_LIST(kEnWeekdays),
     POPLAR_LIST(kEnActors),
     POPLAR_LIST(kEnVerbs),
     POPLAR_LIST(kEnObjects),
     POPLAR_LIST(kEnTails),
     POPLAR_LIST(kEnQuestions),
     POPLAR_LIST(kEnGreetings),
     POPLAR_LIST(kEnClosings),
     POPLAR_LIST(kEnTitles),
     POPLAR_LIST(kEnArticles),
     u"Re: ",
     u"On {Y}-{M}-{D} {h}:{m}, {N} <{A}> wrote:",
     u"Read more",
     u"You receive this email because you subscribed to {B}.",
     u"Unsubscribe",
     u"{B}: {A}",
     u"Date,Name,Item,Amount",
     u"README.txt",
     u" "},
    {POPLAR_LIST(kZhSubjects),
     POPLAR_LIST(kZhTopics),
     POPLAR_LIST(kZhCities),
     POPLAR_LIST(kZhWeekdays),
     POPLAR_LIST(kZhActors),
     POPLAR_LIST(kZhVerbs),
     POPLAR_LIST(kZhObjects),
     POPLAR_LIST(kZhTails),
     POPLAR_LIST(kZhQuestions),
     POPLAR_LIST(kZhGreetings),
     POPLAR_LIST(kZhClosings),
     POPLAR_LIST(kZhTitles),
     POPLAR_LIST(kZhArticles),
     u"回复：",
     u"在 {Y}年{M}月{D}日 {h}:{m}，{N} <{A}> 写道：",
     u"阅读全文",
     u"您收到这封邮件是因为您订阅了{B}。",
     u"退订",
     u"【{B}】{A}",
     u"日期,姓名,项目,金额",
     u"说明.txt",
     u""},
    {POPLAR_LIST(kTwSubjects),
     POPLAR_LIST(kTwTopics),
     POPLAR_LIST(kTwCities),
     POPLAR_LIST(kTwWeekdays),
     POPLAR_LIST(kTwActors),
     POPLAR_LIST(kTwVerbs),
     POPLAR_LIST(kTwObjects),
     POPLAR_LIST(kTwTails),
     POPLAR_LIST(kTwQuestions),
     POPLAR_LIST(kTwGreetings),
     POPLAR_LIST(kTwClosings),
     POPLAR_LIST(kTwTitles),
     POPLAR_LIST(kTwArticles),
     u"回覆：",
     u"於 {Y}年{M}月{D}日 {h}:{m}，{N} <{A}> 寫道：",
     u"閱讀全文",
     u"您收到這封郵件是因為您訂閱了{B}。",
     u"取消訂閱",
     u"【{B}】{A}",
     u"日期,姓名,項目,金額",
     u"說明.txt",
     u""},
    {POPLAR_LIST(kJaSubjects),
     POPLAR_LIST(kJaTopics),
     POPLAR_LIST(kJaCities),
     POPLAR_LIST(kJaWeekdays),
     POPLAR_LIST(kJaActors),
     POPLAR_LIST(kJaVerbs),
     POPLAR_LIST(kJaObjects),
     POPLAR_LIST(kJaTails),
     POPLAR_LIST(kJaQuestions),
     POPLAR_LIST(kJaGreetings),
     POPLAR_LIST(kJaClosings),
     POPLAR_LIST(kJaTitles),
     POPLAR_LIST(kJaArticles),
     u"Re: ",
     u"{Y}/{M}/{D} {h}:{m}、{N} <{A}> のメッセージ：",
     u"続きを読む",
     u"このメールは{B}にご登録いただいた方にお送りしています。",
     u"配信停止",
     u"【{B}】{A}",
     u"日付,氏名,項目,金額",
     u"はじめにお読みください.txt",
     u""},
};

#undef POPLAR_LIST

const Vocabulary &vocabulary(Language language)
{
    return kVocabulary[int(language)];
}

// Attachment file names, [language][type]; the types are in AttachmentType order.
enum class AttachmentType
{
    Pdf,
    Zip,
    Png,
    Text,
    Csv
};

constexpr const char16_t *kAttachmentNames[4][5][3] = {
    {{u"Q3-report.pdf", u"Contract draft v2.pdf", u"travel_itinerary.pdf"},
     {u"photos.zip", u"project-files.zip", u"Scans 2024.zip"},
     {u"diagram.png", u"screenshot.png", u"floor plan.png"},
     {u"meeting-notes.txt", u"notes.txt", u"Release notes.txt"},
     {u"budget.csv", u"expenses-2024.csv", u"inventory.csv"}},
    {{u"季度报告_2024.pdf", u"合同草案.pdf", u"出差行程.pdf"},
     {u"照片.zip", u"项目文件.zip", u"扫描件.zip"},
     {u"示意图.png", u"截图.png", u"办公室平面图.png"},
     {u"会议纪要.txt", u"备忘录.txt", u"发布说明.txt"},
     {u"预算表.csv", u"费用明细.csv", u"库存清单.csv"}},
    {{u"季度報告_2024.pdf", u"合約草案.pdf", u"出差行程.pdf"},
     {u"照片.zip", u"專案檔案.zip", u"掃描檔.zip"},
     {u"示意圖.png", u"截圖.png", u"辦公室平面圖.png"},
     {u"會議記錄.txt", u"備忘錄.txt", u"版本說明.txt"},
     {u"預算表.csv", u"費用明細.csv", u"庫存清單.csv"}},
    {{u"四半期報告書_2024.pdf", u"契約書案.pdf", u"出張日程表.pdf"},
     {u"写真.zip", u"プロジェクト資料.zip", u"スキャン.zip"},
     {u"図面.png", u"スクリーンショット.png", u"事務所の間取り図.png"},
     {u"議事録.txt", u"メモ.txt", u"リリースノート.txt"},
     {u"予算表.csv", u"経費明細.csv", u"在庫一覧.csv"}},
};

// ---------------------------------------------------------------------------------------------
// People

struct Person
{
    int id = -1; // -1 is the mailbox owner
    QString name;
    QByteArray address;
    int utcOffsetMinutes = 0;
    int org = 0;
};

const NameEntry &nameEntry(Language language, int id)
{
    switch (language) {
    case Language::English: {
        const int ascii = int(std::size(kEnglishNames));
        return id < ascii ? kEnglishNames[id] : kLatinNames[id - ascii];
    }
    case Language::SimplifiedChinese:
        return kSimplifiedNames[id];
    case Language::TraditionalChinese:
        return kTraditionalNames[id];
    case Language::Japanese:
        return kJapaneseNames[id];
    }
    return kEnglishNames[0];
}

int peopleCount(Language language, bool latin)
{
    switch (language) {
    case Language::English:
        return int(std::size(kEnglishNames)) + (latin ? int(std::size(kLatinNames)) : 0);
    case Language::SimplifiedChinese:
        return int(std::size(kSimplifiedNames));
    case Language::TraditionalChinese:
        return int(std::size(kTraditionalNames));
    case Language::Japanese:
        return int(std::size(kJapaneseNames));
    }
    return 1;
}

const Org &org(Language language, int index)
{
    switch (language) {
    case Language::English:
        return kEnglishOrgs[index % int(std::size(kEnglishOrgs))];
    case Language::SimplifiedChinese:
        return kSimplifiedOrgs[index % int(std::size(kSimplifiedOrgs))];
    case Language::TraditionalChinese:
        return kTraditionalOrgs[index % int(std::size(kTraditionalOrgs))];
    case Language::Japanese:
        return kJapaneseOrgs[index % int(std::size(kJapaneseOrgs))];
    }
    return kEnglishOrgs[0];
}

Person owner()
{
    Person p;
    p.id = -1;
    p.name = SampleMailGenerator::ownerName();
    p.address = SampleMailGenerator::ownerAddress();
    return p;
}

Person person(Language language, int id)
{
    const NameEntry &entry = nameEntry(language, id);
    Person p;
    p.id = id;
    p.name = str(entry.name);
    p.org = id;
    p.address = QByteArray(entry.local) + '@' + org(language, id).domain;
    switch (language) {
    case Language::English:
        p.utcOffsetMinutes = kEnglishZones[id % int(std::size(kEnglishZones))];
        break;
    case Language::SimplifiedChinese:
    case Language::TraditionalChinese:
        p.utcOffsetMinutes = 8 * 60;
        break;
    case Language::Japanese:
        p.utcOffsetMinutes = 9 * 60;
        break;
    }
    return p;
}

// How a sender signs: the family name in CJK mail, the given name in English.
QString shortName(Language language, const QString &name)
{
    if (language == Language::English) {
        const qsizetype comma = name.indexOf(u',');
        if (comma >= 0)
            return name.mid(comma + 1).trimmed();
        return name.section(u' ', 0, 0);
    }
    if (language == Language::Japanese)
        return name.section(u' ', 0, 0);
    return name.left(1);
}

// How a sender signs a letter: the given name in English, the full name in CJK mail.
QString signOff(Language language, const QString &name)
{
    return language == Language::English ? shortName(language, name) : name;
}

// ---------------------------------------------------------------------------------------------
// Checksums and binary formats

// CRC-32 (ISO 3309, as PNG and ZIP use it), eight bytes at a time.
using CrcTables = std::array<std::array<quint32, 256>, 8>;

constexpr CrcTables makeCrcTables()
{
    CrcTables t{};
    for (quint32 n = 0; n < 256; ++n) {
        quint32 c = n;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xEDB88320U ^ (c >> 1) : c >> 1;
        t[0][n] = c;
    }
    for (size_t k = 1; k < 8; ++k) {
        for (size_t n = 0; n < 256; ++n)
            t[k][n] = (t[k - 1][n] >> 8) ^ t[0][t[k - 1][n] & 0xFF];
    }
    return t;
}

constexpr CrcTables kCrc = makeCrcTables();

quint32 crc32(const char *data, qsizetype size, quint32 crc = 0)
{
    const auto *p = reinterpret_cast<const uchar *>(data);
    crc = ~crc;
    for (; size >= 8; size -= 8, p += 8) {
        const quint32 a =
            crc ^ (quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16 | quint32(p[3]) << 24);
        const quint32 b =
            quint32(p[4]) | quint32(p[5]) << 8 | quint32(p[6]) << 16 | quint32(p[7]) << 24;
        crc = kCrc[7][a & 0xFF] ^ kCrc[6][(a >> 8) & 0xFF] ^ kCrc[5][(a >> 16) & 0xFF] ^
              kCrc[4][a >> 24] ^ kCrc[3][b & 0xFF] ^ kCrc[2][(b >> 8) & 0xFF] ^
              kCrc[1][(b >> 16) & 0xFF] ^ kCrc[0][b >> 24];
    }
    for (; size > 0; --size, ++p)
        crc = kCrc[0][(crc ^ *p) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

quint32 adler32(const char *data, qsizetype size)
{
    quint32 a = 1;
    quint32 b = 0;
    while (size > 0) {
        const qsizetype n = std::min<qsizetype>(size, 5552);
        for (qsizetype i = 0; i < n; ++i) {
            a += uchar(data[i]);
            b += a;
        }
        a %= 65521;
        b %= 65521;
        data += n;
        size -= n;
    }
    return (b << 16) | a;
}

void putBe32(QByteArray &out, quint32 v)
{
    const char bytes[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    out.append(bytes, 4);
}

void putLe16(QByteArray &out, quint32 v)
{
    const char bytes[2] = {char(v), char(v >> 8)};
    out.append(bytes, 2);
}

void putLe32(QByteArray &out, quint32 v)
{
    const char bytes[4] = {char(v), char(v >> 8), char(v >> 16), char(v >> 24)};
    out.append(bytes, 4);
}

// A zlib stream of stored (uncompressed) deflate blocks: valid, and the same on every zlib.
QByteArray zlibStored(const QByteArray &raw)
{
    QByteArray out;
    out.reserve(raw.size() + raw.size() / 65535 * 5 + 16);
    out.append('\x78');
    out.append('\x01');
    qsizetype pos = 0;
    do {
        const qsizetype n = std::min<qsizetype>(raw.size() - pos, 65535);
        const bool last = pos + n >= raw.size();
        out.append(char(last ? 1 : 0));
        putLe16(out, quint32(n));
        putLe16(out, quint32(~n & 0xFFFF));
        out.append(raw.constData() + pos, n);
        pos += n;
    } while (pos < raw.size());
    putBe32(out, adler32(raw.constData(), raw.size()));
    return out;
}

void pngChunk(QByteArray &out, const char *type, const char *data, qsizetype size)
{
    putBe32(out, quint32(size));
    const qsizetype start = out.size();
    out.append(type, 4);
    out.append(data, size);
    putBe32(out, crc32(out.constData() + start, out.size() - start));
}

qint64 isqrt(qint64 v)
{
    if (v <= 0)
        return 0;
    qint64 x = v;
    qint64 y = (x + 1) / 2;
    while (y < x) {
        x = y;
        y = (x + v / x) / 2;
    }
    return x;
}

// Paints a picture: a two-colour diagonal gradient, a disc and some grain. Writes rows of
// (filterBytes ? 1 : 0) + width * 3 bytes. Tight loops: large attachments are pictures.
void paintPicture(char *out, int width, int height, quint64 seed, bool filterBytes)
{
    Rng r(mix64(seed ^ 0x5EEDBA5EULL));
    uchar from[3];
    uchar to[3];
    uchar disc[3];
    for (uchar &c : from)
        c = uchar(r.below(256));
    for (uchar &c : to)
        c = uchar(r.below(256));
    for (uchar &c : disc)
        c = uchar(r.below(256));
    const qint64 cx = r.range(0, width - 1);
    const qint64 cy = r.range(0, height - 1);
    const qint64 radius = r.range(std::min(width, height) / 6 + 1, std::min(width, height) / 2 + 1);
    const int grain = 1 << r.range(0, 5); // 1 means none
    quint64 noise = r.next();

    const qint64 span = qint64(width) + height;
    std::vector<uchar> gradient(size_t(span) * 3);
    for (qint64 s = 0; s < span; ++s) {
        for (int c = 0; c < 3; ++c)
            gradient[size_t(s * 3 + c)] = uchar(from[c] + (to[c] - from[c]) * s / span);
    }
    const qsizetype rowBytes = qsizetype(width) * 3;
    for (int y = 0; y < height; ++y) {
        if (filterBytes)
            *out++ = 0;
        uchar *row = reinterpret_cast<uchar *>(out);
        const qint64 dy = y - cy;
        const qint64 rest = radius * radius - dy * dy;
        qint64 discFrom = width;
        qint64 discTo = -1;
        if (rest >= 0) {
            const qint64 half = isqrt(rest);
            discFrom = std::max<qint64>(cx - half, 0);
            discTo = std::min<qint64>(cx + half, width - 1);
        }
        std::memcpy(row, gradient.data() + size_t(y) * 3, size_t(rowBytes));
        for (qint64 x = discFrom; x <= discTo; ++x)
            std::memcpy(row + x * 3, disc, 3);
        if (grain > 1) {
            const int mask = grain - 1;
            const int half = grain / 2;
            for (qsizetype i = 0; i < rowBytes; i += 8) {
                noise += 0x9E3779B97F4A7C15ULL;
                quint64 bits = mix64(noise);
                const qsizetype end = std::min<qsizetype>(i + 8, rowBytes);
                for (qsizetype k = i; k < end; ++k, bits >>= 8) {
                    const int v = row[k] + int(bits & quint64(mask)) - half;
                    row[k] = uchar(v < 0 ? 0 : v > 255 ? 255 : v);
                }
            }
        }
        out += rowBytes;
    }
}

QByteArray makePng(int width, int height, quint64 seed)
{
    width = std::clamp(width, 1, 16384);
    height = std::clamp(height, 1, 16384);
    const qsizetype rowSize = 1 + qsizetype(width) * 3;
    QByteArray raw(rowSize * height, Qt::Uninitialized);
    paintPicture(raw.data(), width, height, seed, true);

    const QByteArray idat = zlibStored(raw);
    raw.clear();
    QByteArray png;
    png.reserve(idat.size() + idat.size() / (1 << 20) * 12 + 64);
    png.append("\x89PNG\r\n\x1a\n", 8);
    QByteArray ihdr;
    putBe32(ihdr, quint32(width));
    putBe32(ihdr, quint32(height));
    ihdr.append("\x08\x02\x00\x00\x00", 5); // 8 bits, RGB, deflate, no filter, no interlace
    pngChunk(png, "IHDR", ihdr.constData(), ihdr.size());
    // Large images are split over several IDAT chunks, as encoders do.
    for (qsizetype pos = 0; pos < idat.size(); pos += 1 << 20)
        pngChunk(png, "IDAT", idat.constData() + pos,
                 std::min<qsizetype>(idat.size() - pos, 1 << 20));
    pngChunk(png, "IEND", nullptr, 0);
    return png;
}

// Width and height of a PNG whose file is about `size` bytes.
QPair<int, int> pngDimensionsFor(qint64 size, Rng &r)
{
    static constexpr int aspects[][2] = {{4, 3}, {16, 9}, {1, 1}, {3, 2}};
    const auto &aspect = pick(r, aspects);
    const qint64 pixels = std::max<qint64>((size - 120) / 3, 1);
    qint64 width = isqrt(pixels * aspect[0] / aspect[1]);
    width = std::clamp<qint64>(width, 16, 8192);
    qint64 height = std::clamp<qint64>((size - 120) / (1 + 3 * width), 16, 8192);
    return {int(width), int(height)};
}

// ---------------------------------------------------------------------------------------------
// Text: charsets, wrapping, transfer encodings

enum class Cte
{
    SevenBit,
    EightBit,
    QuotedPrintable,
    Base64
};

QByteArray cteName(Cte cte)
{
    switch (cte) {
    case Cte::SevenBit:
        return "7bit";
    case Cte::EightBit:
        return "8bit";
    case Cte::QuotedPrintable:
        return "quoted-printable";
    case Cte::Base64:
        return "base64";
    }
    return "7bit";
}

bool isAscii(const QString &s)
{
    return std::all_of(s.begin(), s.end(), [](QChar c) { return c.unicode() < 0x80; });
}

// Text in a charset. ICU's ISO-2022-JP encoder leaves the end of the text in JIS X 0208
// mode; RFC 1468 wants it back in ASCII, so the escape is added here.
QByteArray encodeCharset(const QString &text, const QByteArray &charset)
{
    if (charset == "UTF-8")
        return text.toUtf8();
    if (charset == "US-ASCII")
        return text.toLatin1();
    QStringEncoder encoder(charset.constData());
    QByteArray out = encoder.encode(text);
    if (charset == "ISO-2022-JP") {
        const qsizetype toJis = out.lastIndexOf("\x1b$");
        const qsizetype toAscii = out.lastIndexOf("\x1b(");
        if (toJis > toAscii)
            out.append("\x1b(B");
    }
    return out;
}

bool isWide(QChar c)
{
    return c.unicode() >= 0x1100;
}

bool isClosingPunctuation(QChar c)
{
    return QStringView(u"，。、）」』：；？！").contains(c);
}

// Wraps a paragraph to `columns` display columns (CJK characters count two): at spaces in
// English, between characters in CJK text (not before closing punctuation).
QStringList wrap(const QString &text, int columns)
{
    QStringList lines;
    QString line;
    int width = 0;
    qsizetype lastSpace = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const int w = isWide(c) ? 2 : 1;
        if (width + w > columns && !line.isEmpty()) {
            if (c == u' ') {
                lines.append(line);
                line.clear();
                width = 0;
                lastSpace = -1;
                continue;
            }
            if (!isWide(c) && lastSpace > 0) {
                lines.append(line.left(lastSpace));
                line = line.mid(lastSpace + 1);
            } else if (isClosingPunctuation(c) && line.size() > 1 && isWide(line.back())) {
                lines.append(line.left(line.size() - 1));
                line = line.right(1);
            } else {
                lines.append(line);
                line.clear();
            }
            width = 0;
            for (QChar k : std::as_const(line))
                width += isWide(k) ? 2 : 1;
            lastSpace = line.lastIndexOf(u' ');
        }
        if (c == u' ')
            lastSpace = line.size();
        line.append(c);
        width += w;
    }
    if (!line.isEmpty())
        lines.append(line);
    return lines;
}

QByteArray toCrlf(QByteArray bytes)
{
    bytes.replace("\n", "\r\n");
    return bytes;
}

QByteArray base64Lines(const QByteArray &data)
{
    const QByteArray b64 = data.toBase64();
    QByteArray out;
    out.reserve(b64.size() + (b64.size() / 76 + 1) * 2);
    for (qsizetype i = 0; i < b64.size(); i += 76) {
        out.append(b64.constData() + i, std::min<qsizetype>(76, b64.size() - i));
        out.append("\r\n", 2);
    }
    return out;
}

// Quoted-printable (RFC 2045 6.7) of text whose hard line breaks are CRLF.
QByteArray quotedPrintable(const QByteArray &in)
{
    static constexpr char digits[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(in.size() + in.size() / 4 + 16);
    int lineLength = 0;
    const qsizetype n = in.size();
    for (qsizetype i = 0; i < n; ++i) {
        const uchar c = uchar(in.at(i));
        if (c == '\r' && i + 1 < n && in.at(i + 1) == '\n') {
            out.append("\r\n", 2);
            lineLength = 0;
            ++i;
            continue;
        }
        const bool atLineEnd =
            i + 1 == n || (in.at(i + 1) == '\r' && i + 2 < n && in.at(i + 2) == '\n');
        const bool literal =
            (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !atLineEnd);
        const int length = literal ? 1 : 3;
        if (lineLength + length > 75) {
            out.append("=\r\n", 3);
            lineLength = 0;
        }
        if (literal) {
            out.append(char(c));
        } else {
            out.append('=');
            out.append(digits[c >> 4]);
            out.append(digits[c & 15]);
        }
        lineLength += length;
    }
    if (!out.endsWith("\r\n"))
        out.append("\r\n", 2);
    return out;
}

// Body bytes (CRLF line breaks) in a transfer encoding; always ends with CRLF.
QByteArray transferEncode(const QByteArray &bytes, Cte cte)
{
    switch (cte) {
    case Cte::Base64:
        return base64Lines(bytes);
    case Cte::QuotedPrintable:
        return quotedPrintable(bytes);
    case Cte::SevenBit:
    case Cte::EightBit:
        break;
    }
    if (bytes.endsWith("\r\n"))
        return bytes;
    return bytes + "\r\n";
}

// About how many octets `text` takes in a charset and transfer encoding.
qint64 encodedCost(const QString &text, const QByteArray &charset, Cte cte)
{
    const QByteArray bytes = encodeCharset(text, charset);
    switch (cte) {
    case Cte::Base64:
        return (bytes.size() + 2) / 3 * 4 * 78 / 76;
    case Cte::QuotedPrintable: {
        qint64 n = 0;
        for (char c : bytes)
            n += (uchar(c) >= 33 && uchar(c) <= 126 && c != '=') || c == ' ' ? 1 : 3;
        return n + n / 73 * 3;
    }
    case Cte::SevenBit:
    case Cte::EightBit:
        break;
    }
    return bytes.size() + bytes.count('\n');
}

// ---------------------------------------------------------------------------------------------
// Headers

// RFC 2047 encoded words for `text`, each at most 75 characters, split between characters.
QByteArray encodedWords(const QString &text, const QByteArray &charset, bool q)
{
    static constexpr char digits[] = "0123456789ABCDEF";
    const QByteArray prefix = "=?" + charset + (q ? "?Q?" : "?B?");
    auto encodeWord = [&](const QString &chunk) {
        const QByteArray bytes = encodeCharset(chunk, charset);
        QByteArray word = prefix;
        if (q) {
            for (char ch : bytes) {
                const uchar c = uchar(ch);
                if (c == ' ') {
                    word.append('_');
                } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '!' || c == '*' || c == '+' || c == '-' ||
                           c == '/') {
                    word.append(char(c));
                } else {
                    word.append('=');
                    word.append(digits[c >> 4]);
                    word.append(digits[c & 15]);
                }
            }
        } else {
            word.append(bytes.toBase64());
        }
        word.append("?=");
        return word;
    };
    QByteArrayList words;
    QString chunk;
    QByteArray current;
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype step = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        const QString candidate = chunk + text.mid(i, step);
        const QByteArray word = encodeWord(candidate);
        if (word.size() > 75 && !chunk.isEmpty()) {
            words.append(current);
            chunk.clear();
            current.clear();
            continue;
        }
        chunk = candidate;
        current = word;
        i += step;
    }
    if (!chunk.isEmpty())
        words.append(current);
    return words.join(' ');
}

QByteArray headerCharsetFor(const QString &text, const QByteArray &charset)
{
    if (charset == "US-ASCII")
        return "UTF-8";
    QStringEncoder probe(charset == "UTF-8" ? "UTF-8" : charset.constData());
    (void)probe.encode(text);
    return probe.hasError() ? QByteArray("UTF-8") : charset;
}

// Unstructured header text: raw when ASCII, else encoded words (a leading "Re: " stays raw).
QByteArray headerText(const QString &text, const QByteArray &charset, bool q)
{
    if (isAscii(text))
        return text.toLatin1();
    QString rest = text;
    QByteArray raw;
    while (rest.startsWith(u"Re: ")) {
        raw += "Re: ";
        rest = rest.mid(4);
    }
    return raw + encodedWords(rest, headerCharsetFor(rest, charset), q);
}

QByteArray mailbox(const Person &p, const QByteArray &charset, bool q)
{
    if (p.name.isEmpty())
        return p.address;
    QByteArray phrase;
    if (isAscii(p.name)) {
        phrase = p.name.toLatin1();
        static constexpr char specials[] = "()<>[]:;@\\,.\"";
        if (std::any_of(phrase.begin(), phrase.end(),
                        [](char c) { return std::strchr(specials, c) != nullptr; })) {
            phrase.replace("\\", "\\\\");
            phrase.replace("\"", "\\\"");
            phrase = '"' + phrase + '"';
        }
    } else {
        phrase = encodedWords(p.name, headerCharsetFor(p.name, charset), q);
    }
    return phrase + " <" + p.address + '>';
}

// One header field, folded at spaces to lines of at most 78 characters where possible.
QByteArray field(const QByteArray &name, const QByteArray &value)
{
    QByteArray out = name + ": ";
    qsizetype lineLength = out.size();
    bool first = true;
    for (const QByteArray &word : value.split(' ')) {
        if (!first) {
            if (lineLength + 1 + word.size() > 78) {
                out.append("\r\n ");
                lineLength = 1;
            } else {
                out.append(' ');
                ++lineLength;
            }
        }
        out.append(word);
        lineLength += word.size();
        first = false;
    }
    out.append("\r\n");
    return out;
}

struct CivilTime
{
    QDate date;
    int hour = 0;
    int minute = 0;
    int second = 0;
};

CivilTime civil(qint64 utc, int offsetMinutes)
{
    const qint64 local = utc + qint64(offsetMinutes) * 60;
    qint64 days = local / 86400;
    qint64 seconds = local % 86400;
    if (seconds < 0) {
        seconds += 86400;
        --days;
    }
    CivilTime t;
    t.date = QDate::fromJulianDay(2440588 + days);
    t.hour = int(seconds / 3600);
    t.minute = int(seconds / 60 % 60);
    t.second = int(seconds % 60);
    return t;
}

QByteArray twoDigits(int v)
{
    return QByteArray::number(v).rightJustified(2, '0');
}

QByteArray rfc5322Date(qint64 utc, int offsetMinutes)
{
    static constexpr const char *days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static constexpr const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const CivilTime t = civil(utc, offsetMinutes);
    const int absOffset = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes;
    return QByteArray(days[t.date.dayOfWeek() - 1]) + ", " + QByteArray::number(t.date.day()) +
           ' ' + months[t.date.month() - 1] + ' ' + QByteArray::number(t.date.year()) + ' ' +
           twoDigits(t.hour) + ':' + twoDigits(t.minute) + ':' + twoDigits(t.second) + ' ' +
           (offsetMinutes < 0 ? '-' : '+') + twoDigits(absOffset / 60) + twoDigits(absOffset % 60);
}

// ---------------------------------------------------------------------------------------------
// MIME entities

struct Entity
{
    QByteArray headers; // Content-* fields, each ending in CRLF
    QByteArray body;    // ends with CRLF
};

QByteArray quotedParam(const QByteArray &value)
{
    return '"' + value + '"';
}

Entity textEntity(const QString &text, const QByteArray &subtype, const QByteArray &charset,
                  Cte cte, bool quoteCharset)
{
    Entity e;
    e.headers = "Content-Type: text/" + subtype +
                "; charset=" + (quoteCharset ? quotedParam(charset) : charset) + "\r\n" +
                "Content-Transfer-Encoding: " + cteName(cte) + "\r\n";
    e.body = transferEncode(toCrlf(encodeCharset(text, charset)), cte);
    return e;
}

Entity multipart(const QByteArray &subtype, const QByteArray &boundary, const QList<Entity> &parts,
                 const QByteArray &extraParams = QByteArray(), bool preamble = false)
{
    Entity e;
    e.headers = field("Content-Type", "multipart/" + subtype + ";" + extraParams +
                                          " boundary=" + quotedParam(boundary));
    qsizetype size = 64;
    for (const Entity &part : parts)
        size += part.headers.size() + part.body.size() + boundary.size() + 8;
    e.body.reserve(size);
    if (preamble)
        e.body.append("This is a multi-part message in MIME format.\r\n");
    for (const Entity &part : parts) {
        e.body.append("--" + boundary + "\r\n");
        e.body.append(part.headers);
        e.body.append("\r\n");
        e.body.append(part.body);
    }
    e.body.append("--" + boundary + "--\r\n");
    return e;
}

QByteArray percentEncode(const QByteArray &bytes)
{
    static constexpr char digits[] = "0123456789ABCDEF";
    QByteArray out;
    for (char ch : bytes) {
        const uchar c = uchar(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_') {
            out.append(char(c));
        } else {
            out.append('%');
            out.append(digits[c >> 4]);
            out.append(digits[c & 15]);
        }
    }
    return out;
}

enum class NameStyle
{
    Rfc2231,
    Rfc2047
};

// "; attr=value" parameter text (folded with CRLF + tab) for a file name.
QByteArray fileNameParam(const QByteArray &attribute, const QString &name, NameStyle style,
                         const QByteArray &charset, bool q)
{
    if (isAscii(name))
        return ";\r\n\t" + attribute + '=' + quotedParam(name.toLatin1());
    if (style == NameStyle::Rfc2047)
        return ";\r\n\t" + attribute + '=' +
               quotedParam(encodedWords(name, headerCharsetFor(name, charset), q));
    const QByteArray cs = charset == "GBK" || charset == "Big5" ? charset : QByteArray("UTF-8");
    const QByteArray encoded = percentEncode(encodeCharset(name, cs));
    const QByteArray single = attribute + "*=" + cs + "''" + encoded;
    if (single.size() <= 70)
        return ";\r\n\t" + single;
    // RFC 2231 continuations, never splitting a %XX triplet.
    QByteArray out;
    qsizetype pos = 0;
    for (int section = 0; pos < encoded.size(); ++section) {
        qsizetype end = std::min<qsizetype>(pos + 45, encoded.size());
        if (end < encoded.size()) {
            if (encoded.at(end - 1) == '%')
                end -= 1;
            else if (end >= 2 && encoded.at(end - 2) == '%')
                end -= 2;
        }
        out += ";\r\n\t" + attribute + '*' + QByteArray::number(section) +
               "*=" + (section == 0 ? cs + "''" : QByteArray()) + encoded.mid(pos, end - pos);
        pos = end;
    }
    return out;
}

QString htmlEscape(const QString &text)
{
    return text.toHtmlEscaped();
}

// ---------------------------------------------------------------------------------------------
// Sentences and letters

bool englishUtf8(Language language, const QByteArray &charset)
{
    return language == Language::English && charset == "UTF-8";
}

QString fillTemplate(QString text, Rng &r, Language language, bool utf8, int year)
{
    const Vocabulary &v = vocabulary(language);
    if (text.contains(u"{T}")) {
        QString topic = pickStr(r, v.topics, v.topicCount);
        if (utf8 && r.percent(60))
            topic = pickStr(r, kEnUtf8Topics);
        text.replace(QStringLiteral("{T}"), topic);
    }
    if (text.contains(u"{C}"))
        text.replace(QStringLiteral("{C}"), pickStr(r, v.cities, v.cityCount));
    if (text.contains(u"{W}"))
        text.replace(QStringLiteral("{W}"), pickStr(r, v.weekdays, v.weekdayCount));
    if (text.contains(u"{Q}"))
        text.replace(QStringLiteral("{Q}"), QString::number(r.range(1, 4)));
    if (text.contains(u"{N}")) {
        if (text.contains(u'#'))
            text.replace(QStringLiteral("{N}"), QString::number(r.range(10000, 99999)));
        else
            text.replace(
                QStringLiteral("{N}"),
                person(language, int(r.below(quint64(peopleCount(language, false))))).name);
    }
    text.replace(QStringLiteral("{Y}"), QString::number(year));
    return text;
}

QString sentence(Rng &r, Language language, bool utf8)
{
    const Vocabulary &v = vocabulary(language);
    if (r.percent(20)) {
        QString q = pickStr(r, v.questions, v.questionCount);
        return q.replace(QStringLiteral("{O}"), pickStr(r, v.objects, v.objectCount));
    }
    const QString actor = pickStr(r, v.actors, v.actorCount);
    const QString verb = pickStr(r, v.verbs, v.verbCount);
    const QString object = pickStr(r, v.objects, v.objectCount);
    QString tail = pickStr(r, v.tails, v.tailCount);
    switch (language) {
    case Language::English:
        if (utf8 && r.percent(30))
            tail += pickStr(r, kEnUtf8Tails);
        return actor + u' ' + verb + u' ' + object + tail + u'.';
    case Language::SimplifiedChinese:
    case Language::TraditionalChinese:
        return actor + verb + object + tail;
    case Language::Japanese:
        return actor + tail + object + u"を" + verb + u"。";
    }
    return actor;
}

// Paragraph k of a message: a function of (seed, index, k) only, so replies can quote it.
QStringList paragraph(quint64 seed, int index, int k, Language language, bool utf8)
{
    Rng r = stream(seed, index, SaltParagraph + quint64(k));
    const int count = int(r.range(1, 5));
    QStringList sentences;
    for (int i = 0; i < count; ++i)
        sentences.append(sentence(r, language, utf8));
    return sentences;
}

struct Quote
{
    int level = 1;
    QString attribution;
    QString text;
};

struct Letter
{
    QString greeting;
    QList<QStringList> paragraphs;
    QList<int> boldParagraphs;
    QByteArray link;
    QString closing;
    QString signature; // without the "-- " line
    QByteArray logo;   // a remote image in the HTML signature, as company signatures have
    QList<Quote> quotes;
};

QString joinSentences(Language language, const QStringList &sentences)
{
    return sentences.join(str(vocabulary(language).sentenceSeparator));
}

QString letterText(const Letter &letter, Language language)
{
    QString out = letter.greeting + u"\n\n";
    for (const QStringList &p : letter.paragraphs)
        out += wrap(joinSentences(language, p), 72).join(u'\n') + u"\n\n";
    if (!letter.link.isEmpty())
        out += QString::fromLatin1(letter.link) + u"\n\n";
    out += letter.closing + u'\n';
    if (!letter.signature.isEmpty())
        out += u"\n-- \n" + letter.signature + u'\n';
    for (const Quote &q : letter.quotes) {
        const QString prefix = QString(q.level, u'>') + u' ';
        out +=
            u'\n' + QString(q.level - 1, u'>') + (q.level > 1 ? u" " : u"") + q.attribution + u'\n';
        for (const QString &line : wrap(q.text, 72 - 2 * q.level))
            out += prefix + line + u'\n';
    }
    return out;
}

struct InlineImage
{
    QByteArray contentId;
    int width = 0;
    int height = 0;
    QString alt;
};

QString htmlHead(const QByteArray &charset, const QString &title)
{
    return u"<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv=\"Content-Type\" "
           u"content=\"text/html; charset="_s +
           QString::fromLatin1(charset) + u"\">\n<title>" + htmlEscape(title) +
           u"</title>\n</head>\n";
}

QString letterHtml(const Letter &letter, Language language, const QByteArray &charset,
                   const QString &title, const QList<InlineImage> &images)
{
    QString out = htmlHead(charset, title);
    out += u"<body style=\"font-family: Arial, sans-serif; font-size: 14px;\">\n";
    out += u"<p>" + htmlEscape(letter.greeting).replace(u"\n"_s, u"<br>\n"_s) + u"</p>\n";
    for (qsizetype i = 0; i < letter.paragraphs.size(); ++i) {
        const QStringList &p = letter.paragraphs.at(i);
        out += u"<p>";
        if (letter.boldParagraphs.contains(int(i)) && p.size() > 1) {
            out += u"<b>" + htmlEscape(p.first()) + u"</b>" +
                   str(vocabulary(language).sentenceSeparator) +
                   htmlEscape(joinSentences(language, p.mid(1)));
        } else {
            out += htmlEscape(joinSentences(language, p));
        }
        out += u"</p>\n";
        if (i == 0) {
            for (const InlineImage &image : images)
                out += u"<p><img src=\"cid:" + QString::fromLatin1(image.contentId) +
                       u"\" width=\"" + QString::number(image.width) + u"\" height=\"" +
                       QString::number(image.height) + u"\" alt=\"" + htmlEscape(image.alt) +
                       u"\"></p>\n";
        }
    }
    if (!letter.link.isEmpty()) {
        const QString url = QString::fromLatin1(letter.link);
        out += u"<p><a href=\"" + url + u"\">" + url + u"</a></p>\n";
    }
    out += u"<p>" + htmlEscape(letter.closing).replace(u"\n"_s, u"<br>\n"_s) + u"</p>\n";
    if (!letter.signature.isEmpty()) {
        out += u"<div class=\"signature\" style=\"color: #777;\">-- <br>\n" +
               htmlEscape(letter.signature).replace(u"\n"_s, u"<br>\n"_s);
        if (!letter.logo.isEmpty())
            out += u"<br>\n<img src=\"" + QString::fromLatin1(letter.logo) +
                   u"\" width=\"120\" height=\"40\" alt=\"logo\">";
        out += u"</div>\n";
    }
    int open = 0;
    for (const Quote &q : letter.quotes) {
        out += u"<div>" + htmlEscape(q.attribution) + u"</div>\n";
        out += u"<blockquote type=\"cite\" style=\"border-left: 2px solid #ccc; "
               u"padding-left: 8px;\">\n<p>"_s +
               htmlEscape(q.text) + u"</p>\n";
        ++open;
    }
    for (; open > 0; --open)
        out += u"</blockquote>\n";
    out += u"</body>\n</html>\n";
    return out;
}

Cte chooseTextCte(Rng &r, const QByteArray &charset)
{
    const quint64 roll = r.below(100);
    if (charset == "US-ASCII")
        return roll < 85 ? Cte::SevenBit : Cte::QuotedPrintable;
    if (charset == "UTF-8")
        return roll < 50 ? Cte::QuotedPrintable : roll < 80 ? Cte::Base64 : Cte::EightBit;
    if (charset == "ISO-2022-JP")
        return roll < 85 ? Cte::SevenBit : Cte::Base64;
    return roll < 60 ? Cte::Base64 : roll < 85 ? Cte::EightBit : Cte::QuotedPrintable;
}

Cte chooseHtmlCte(Rng &r, const QByteArray &charset)
{
    const quint64 roll = r.below(100);
    if (charset == "UTF-8" || charset == "US-ASCII")
        return roll < 70 ? Cte::QuotedPrintable : Cte::Base64;
    return roll < 60 ? Cte::Base64 : Cte::QuotedPrintable;
}

QByteArray contentTypeFor(AttachmentType type, Rng &r)
{
    switch (type) {
    case AttachmentType::Pdf:
        return r.percent(10) ? "application/octet-stream" : "application/pdf";
    case AttachmentType::Zip:
        return r.percent(20) ? "application/x-zip-compressed" : "application/zip";
    case AttachmentType::Png:
        return "image/png";
    case AttachmentType::Text:
        return "text/plain";
    case AttachmentType::Csv:
        return "text/csv";
    }
    return "application/octet-stream";
}

QByteArray pdfEscape(const QString &text)
{
    QByteArray out;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'(' || u == u')' || u == u'\\')
            out.append('\\');
        out.append(u < 0x80 ? char(u) : '?');
    }
    return out;
}

// A valid one-page PDF of about `size` bytes: a title, a few lines of text and (when there is
// room) an uncompressed RGB picture, with a correct cross-reference table.
QByteArray makePdf(qint64 size, const QString &title, Rng &r)
{
    QStringList lines;
    const int lineCount = int(r.range(3, 8));
    for (int i = 0; i < lineCount; ++i)
        lines.append(sentence(r, Language::English, false));
    QByteArray content = "BT /F1 20 Tf 72 720 Td (" + pdfEscape(title) + ") Tj ET\n";
    for (int i = 0; i < lines.size(); ++i)
        content += "BT /F1 11 Tf 72 " + QByteArray::number(690 - 16 * i) + " Td (" +
                   pdfEscape(lines.at(i)) + ") Tj ET\n";
    const qint64 imageBytes = size - 1400 - content.size();
    int width = 0;
    int height = 0;
    if (imageBytes >= 16 * 16 * 3) {
        width = int(std::clamp<qint64>(isqrt(imageBytes / 3 * 4 / 3), 16, 8192));
        height = int(std::clamp<qint64>(imageBytes / 3 / width, 16, 8192));
        content += "q 400 0 0 " + QByteArray::number(400 * height / width) + " 72 " +
                   QByteArray::number(std::max(40, 560 - 400 * height / width)) + " cm /Im1 Do Q\n";
    }
    const quint64 pictureSeed = r.next();

    QByteArray pdf("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
    QList<qsizetype> offsets;
    auto object = [&](const QByteArray &dictionary, const QByteArray &stream = QByteArray()) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(offsets.size()) + " 0 obj\n" + dictionary;
        if (!stream.isNull())
            pdf += "\nstream\n" + stream + "\nendstream";
        pdf += "\nendobj\n";
    };
    object("<< /Type /Catalog /Pages 2 0 R >>");
    object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 "
           "R >>" +
           QByteArray(width ? " /XObject << /Im1 6 0 R >>" : "") + " >> /Contents 5 0 R >>");
    object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    object("<< /Length " + QByteArray::number(content.size()) + " >>", content);
    if (width) {
        QByteArray pixels(qsizetype(width) * height * 3, Qt::Uninitialized);
        paintPicture(pixels.data(), width, height, pictureSeed, false);
        object("<< /Type /XObject /Subtype /Image /Width " + QByteArray::number(width) +
                   " /Height " + QByteArray::number(height) +
                   " /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length " +
                   QByteArray::number(pixels.size()) + " >>",
               pixels);
    }
    object("<< /Title (" + pdfEscape(title) + ") /Producer (Poplar sample mail) >>");
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype offset : std::as_const(offsets))
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(offsets.size() + 1) + " /Root 1 0 R /Info " +
           QByteArray::number(offsets.size()) + " 0 R >>\nstartxref\n" + QByteArray::number(xref) +
           "\n%%EOF\n";
    return pdf;
}

// A valid ZIP archive (stored entries) of about `size` bytes: a read-me text and pictures.
QByteArray makeZip(qint64 size, qint64 dosStamp, const QString &readmeName, const QString &readme,
                   Rng &r)
{
    struct File
    {
        QByteArray name;
        QByteArray data;
    };
    QList<File> files;
    files.append({readmeName.toUtf8(), toCrlf(readme.toUtf8())});
    qint64 left = size - readme.size() * 3 - 200;
    const int pictures = left > 2000 ? int(r.range(1, 4)) : 0;
    for (int i = 0; i < pictures; ++i) {
        const qint64 share = i + 1 == pictures ? left : left / (pictures - i);
        const auto [w, h] = pngDimensionsFor(share - 100, r);
        const qint64 number = r.range(1000, 9999);
        const quint64 seed = r.next();
        files.append({"IMG_" + QByteArray::number(number) + "_" + QByteArray::number(i) + ".png",
                      makePng(w, h, seed)});
        left -= files.back().data.size() + 100;
    }
    QByteArray zip;
    QByteArray directory;
    for (const File &f : std::as_const(files)) {
        const quint32 crc = crc32(f.data.constData(), f.data.size());
        const bool utf8 =
            std::any_of(f.name.begin(), f.name.end(), [](char c) { return uchar(c) >= 0x80; });
        const quint32 flags = utf8 ? 0x0800 : 0;
        const quint32 offset = quint32(zip.size());
        auto common = [&](QByteArray &out) {
            putLe16(out, 20);    // version needed
            putLe16(out, flags); // general purpose flags
            putLe16(out, 0);     // stored
            putLe32(out, quint32(dosStamp));
            putLe32(out, crc);
            putLe32(out, quint32(f.data.size()));
            putLe32(out, quint32(f.data.size()));
            putLe16(out, quint32(f.name.size()));
            putLe16(out, 0); // extra field length
        };
        putLe32(zip, 0x04034b50);
        common(zip);
        zip += f.name;
        zip += f.data;
        putLe32(directory, 0x02014b50);
        putLe16(directory, 20); // version made by
        common(directory);
        putLe16(directory, 0); // comment length
        putLe16(directory, 0); // disk
        putLe16(directory, 0); // internal attributes
        putLe32(directory, 0); // external attributes
        putLe32(directory, offset);
        directory += f.name;
    }
    const quint32 directoryOffset = quint32(zip.size());
    zip += directory;
    putLe32(zip, 0x06054b50);
    putLe16(zip, 0);
    putLe16(zip, 0);
    putLe16(zip, quint32(files.size()));
    putLe16(zip, quint32(files.size()));
    putLe32(zip, quint32(directory.size()));
    putLe32(zip, directoryOffset);
    putLe16(zip, 0);
    return zip;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// The plan: everything about message i that does not need its body.

struct SampleMailGenerator::Plan : SampleMailGenerator::MessageInfo
{
    Person from;
    QList<Person> to;
    QList<Person> cc;
    QString rootSubject;
    QList<AttachmentType> attachmentTypes;
    int brand = -1; // newsletters
    bool latinNames = false;
};

namespace {

struct CharsetChoice
{
    Language language;
    const char *charset;
};

constexpr CharsetChoice kCharsetChoices[8] = {
    {Language::English, "US-ASCII"},
    {Language::SimplifiedChinese, "GBK"},
    {Language::TraditionalChinese, "Big5"},
    {Language::Japanese, "ISO-2022-JP"},
    {Language::English, "UTF-8"},
    {Language::SimplifiedChinese, "UTF-8"},
    {Language::TraditionalChinese, "UTF-8"},
    {Language::Japanese, "UTF-8"},
};

// GBK, Big5 and ISO-2022-JP come from ICU; a Qt built without it writes UTF-8 instead.
bool legacyCharsetsAvailable()
{
    static const bool available = QStringEncoder("GBK").isValid() &&
                                  QStringEncoder("Big5").isValid() &&
                                  QStringEncoder("ISO-2022-JP").isValid();
    return available;
}

QByteArray usableCharset(const QByteArray &charset)
{
    if (charset == "UTF-8" || charset == "US-ASCII" || legacyCharsetsAvailable())
        return charset;
    return "UTF-8";
}

QByteArray legacyCharset(Language language)
{
    switch (language) {
    case Language::English:
        return "US-ASCII";
    case Language::SimplifiedChinese:
        return "GBK";
    case Language::TraditionalChinese:
        return "Big5";
    case Language::Japanese:
        return "ISO-2022-JP";
    }
    return "UTF-8";
}

constexpr Kind kFirstKinds[10] = {
    Kind::Alternative, Kind::PlainText,   Kind::Attachments, Kind::PlainText,    Kind::InlineImages,
    Kind::Newsletter,  Kind::Alternative, Kind::Attachments, Kind::InlineImages, Kind::Attachments};

constexpr qint64 kFirstDate = 1546300800; // 2019-01-01T00:00:00Z
constexpr qint64 kLastDate = 1790812800;  // 2026-10-01T00:00:00Z

bool isHugeIndex(int index)
{
    return index % 250 == 7;
}
bool isLargeIndex(int index)
{
    return index % 100 == 29;
}
bool isTinyIndex(int index)
{
    return index % 50 == 3;
}

int pickPerson(Rng &r, Language language, bool latin, const QList<int> &exclude)
{
    const int count = peopleCount(language, latin);
    for (int attempt = 0; attempt < 16; ++attempt) {
        const int id = int(r.below(quint64(count)));
        if (!exclude.contains(id))
            return id;
    }
    for (int id = 0; id < count; ++id) {
        if (!exclude.contains(id))
            return id;
    }
    return 0;
}

QString attachmentName(Rng &r, Language language, AttachmentType type)
{
    const auto &names = kAttachmentNames[int(language)][int(type)];
    return pickStr(r, names);
}

} // namespace

SampleMailGenerator::SampleMailGenerator(quint64 seed, qint64 maximumSize)
    : m_seed(seed)
    , m_maximumSize(std::max(maximumSize, SmallestMaximumSize))
{}

QByteArray SampleMailGenerator::ownerAddress()
{
    return "jordan.lin@poplar.example";
}

QString SampleMailGenerator::ownerName()
{
    return QStringLiteral("Jordan Lin");
}

QByteArray SampleMailGenerator::png(int width, int height, quint64 seed)
{
    return makePng(width, height, seed);
}

SampleMailGenerator::Plan SampleMailGenerator::plan(int index) const
{
    Rng r = stream(m_seed, index, SaltPlan);
    Plan p;
    p.index = index;

    // Kind and size class.
    if (index < 10) {
        p.kind = kFirstKinds[index];
    } else if (isHugeIndex(index) || isLargeIndex(index)) {
        p.kind = Kind::Attachments;
    } else if (isTinyIndex(index)) {
        p.kind = Kind::PlainText;
    } else {
        const quint64 roll = r.below(100);
        p.kind = roll < 30   ? Kind::PlainText
                 : roll < 60 ? Kind::Alternative
                 : roll < 78 ? Kind::Attachments
                 : roll < 88 ? Kind::InlineImages
                             : Kind::Newsletter;
    }

    // Thread: maybe a reply to one of the 40 messages before.
    std::optional<Plan> parent;
    if (index >= 8 && p.kind != Kind::Newsletter && r.percent(40)) {
        const int window = std::min(index, 40);
        const int candidate = index - 1 - int(r.below(quint64(window)));
        Plan other = plan(candidate);
        if (other.kind != Kind::Newsletter && other.threadDepth < 7)
            parent = std::move(other);
    }

    const quint64 messageHash = mix64(m_seed ^ (quint64(quint32(index)) * 0x9E3779B97F4A7C15ULL));

    if (parent) {
        p.parentIndex = parent->index;
        p.threadDepth = parent->threadDepth + 1;
        p.language = parent->language;
        p.charset = parent->charset;
        if (p.language != Language::English && r.percent(25))
            p.charset = p.charset == "UTF-8" ? legacyCharset(p.language) : QByteArray("UTF-8");
        p.charset = usableCharset(p.charset);
        p.latinNames = parent->latinNames && p.charset == "UTF-8";
        p.rootSubject = parent->rootSubject;
        const Vocabulary &v = vocabulary(p.language);
        if (r.percent(20))
            p.subject = u"Re: " + parent->subject;
        else if (r.percent(70))
            p.subject = str(v.replyPrefix) + p.rootSubject;
        else
            p.subject = u"Re: " + p.rootSubject;
        p.references = parent->references;
        p.references.append(parent->messageId);
        while (p.references.size() > 10)
            p.references.removeAt(1);
        p.dateUtc = parent->dateUtc + r.range(600, 3 * 86400);
        // Who answers: the original sender again (answering the owner) or another participant.
        if (parent->from.id >= 0 && r.percent(50)) {
            p.from = parent->from;
            p.to.append(owner());
            for (const Person &c : std::as_const(parent->cc)) {
                if (c.id >= 0)
                    p.cc.append(c);
            }
        } else {
            QList<int> taken{parent->from.id};
            const int id = pickPerson(r, p.language, p.latinNames, taken);
            p.from = person(p.language, id);
            p.to.append(parent->from);
            p.cc.append(owner());
            for (const Person &c : std::as_const(parent->cc)) {
                if (c.id >= 0 && c.id != id)
                    p.cc.append(c);
            }
        }
    } else {
        if (index < 8) {
            const CharsetChoice &choice = kCharsetChoices[(quint64(index) + m_seed) % 8];
            p.language = choice.language;
            p.charset = choice.charset;
        } else {
            const quint64 roll = r.below(100);
            p.language = roll < 40   ? Language::English
                         : roll < 65 ? Language::SimplifiedChinese
                         : roll < 80 ? Language::TraditionalChinese
                                     : Language::Japanese;
            p.charset = r.percent(50) ? legacyCharset(p.language) : QByteArray("UTF-8");
        }
        p.charset = usableCharset(p.charset);
        p.latinNames = englishUtf8(p.language, p.charset);
        p.dateUtc = r.range(kFirstDate, kLastDate);
        const int year = civil(p.dateUtc, 0).date.year();
        const Vocabulary &v = vocabulary(p.language);
        if (p.kind == Kind::Newsletter) {
            p.brand = int(r.below(2));
            const Brand &brand = kBrands[int(p.language)][p.brand];
            Rng article = stream(m_seed, index, SaltArticle);
            const QString headline = fillTemplate(pickStr(article, v.articles, v.articleCount),
                                                  article, p.language, false, year);
            p.rootSubject = str(v.newsSubject)
                                .replace(QStringLiteral("{B}"), str(brand.name))
                                .replace(QStringLiteral("{A}"), headline);
            p.from.name = str(brand.name);
            p.from.address = QByteArray(r.percent(50) ? "news@" : "newsletter@") + brand.domain;
            p.from.utcOffsetMinutes = p.language == Language::English    ? 0
                                      : p.language == Language::Japanese ? 540
                                                                         : 480;
            p.to.append(owner());
        } else {
            const QString subjectTemplate = pickStr(r, v.subjects, v.subjectCount);
            p.rootSubject = fillTemplate(subjectTemplate, r, p.language, p.latinNames, year);
            p.rootSubject[0] = p.rootSubject.at(0).toUpper();
            QList<int> taken;
            const int fromId = pickPerson(r, p.language, p.latinNames, taken);
            taken.append(fromId);
            p.from = person(p.language, fromId);
            const bool ownerInCc = r.percent(15);
            if (!ownerInCc)
                p.to.append(owner());
            const int others = int(r.range(ownerInCc ? 1 : 0, 2));
            for (int i = 0; i < others; ++i) {
                const int id = pickPerson(r, p.language, p.latinNames, taken);
                taken.append(id);
                p.to.append(person(p.language, id));
            }
            if (ownerInCc)
                p.cc.append(owner());
            const int ccCount = r.percent(50) ? int(r.range(1, 2)) : 0;
            for (int i = 0; i < ccCount; ++i) {
                const int id = pickPerson(r, p.language, p.latinNames, taken);
                taken.append(id);
                p.cc.append(person(p.language, id));
            }
        }
        p.subject = p.rootSubject;
    }
    p.fromName = p.from.name;
    p.fromAddress = p.from.address;
    p.utcOffsetMinutes = p.from.utcOffsetMinutes;
    p.dateUtc = std::min(p.dateUtc, kLastDate + 90 * 86400);

    const CivilTime utc = civil(p.dateUtc, 0);
    const QByteArray host = p.from.address.mid(p.from.address.indexOf('@') + 1);
    p.messageId = '<' + QByteArray::number(utc.date.year()) + twoDigits(utc.date.month()) +
                  twoDigits(utc.date.day()) + twoDigits(utc.hour) + twoDigits(utc.minute) +
                  twoDigits(utc.second) + '.' + hex(messageHash, 16) + "@mail." + host + '>';

    // Sizes: most small, some 50-500 KB, a few large; the large ones at fixed indices.
    if (isTinyIndex(index)) {
        p.plannedSize = r.range(900, 1300);
    } else if (isHugeIndex(index)) {
        p.plannedSize = r.range(9'400'000, 10'400'000);
    } else if (isLargeIndex(index)) {
        p.plannedSize = r.logUniform(1'000'000, 3'000'000);
    } else {
        switch (p.kind) {
        case Kind::PlainText:
            p.plannedSize =
                r.percent(85) ? r.logUniform(1'000, 8'000) : r.logUniform(8'000, 40'000);
            break;
        case Kind::Alternative:
            p.plannedSize = r.logUniform(3'000, 30'000);
            break;
        case Kind::Newsletter:
            p.plannedSize = r.logUniform(12'000, 90'000);
            break;
        case Kind::InlineImages:
            p.plannedSize =
                r.percent(75) ? r.logUniform(15'000, 120'000) : r.logUniform(120'000, 500'000);
            break;
        case Kind::Attachments: {
            const quint64 roll = r.below(100);
            p.plannedSize = roll < 70   ? r.logUniform(20'000, 200'000)
                            : roll < 97 ? r.logUniform(200'000, 600'000)
                                        : r.logUniform(1'000'000, 5'000'000);
            break;
        }
        }
    }

    // Attachments: what and how many.
    int attachments = 0;
    if (p.kind == Kind::Attachments)
        attachments = p.plannedSize > 1'000'000 ? int(r.range(1, 2)) : int(r.range(1, 3));
    else if (p.kind == Kind::InlineImages && r.percent(30))
        attachments = 1;
    for (int i = 0; i < attachments; ++i) {
        AttachmentType type;
        if (p.plannedSize > 600'000) {
            static constexpr AttachmentType big[] = {AttachmentType::Pdf, AttachmentType::Zip,
                                                     AttachmentType::Png};
            type = pick(r, big);
        } else {
            static constexpr AttachmentType any[] = {AttachmentType::Pdf,  AttachmentType::Pdf,
                                                     AttachmentType::Zip,  AttachmentType::Png,
                                                     AttachmentType::Text, AttachmentType::Csv};
            type = pick(r, any);
        }
        QString name = attachmentName(r, p.language, type);
        if (p.attachmentNames.contains(name)) {
            const qsizetype dot = name.lastIndexOf(u'.');
            name.insert(dot, u" (" + QString::number(i + 1) + u')');
        }
        p.attachmentTypes.append(type);
        p.attachmentNames.append(name);
    }
    if (p.kind == Kind::InlineImages)
        p.inlineImageCount = int(r.range(1, 4));
    return p;
}

SampleMailGenerator::MessageInfo SampleMailGenerator::info(int index) const
{
    if (index < 0)
        return {};
    return plan(index);
}

QByteArray SampleMailGenerator::message(int index) const
{
    if (index < 0)
        return {};
    const Plan p = plan(index);
    qint64 budget = std::min(p.plannedSize, m_maximumSize);
    for (int attempt = 0; attempt < 6 && budget > 0; ++attempt) {
        QByteArray bytes = render(p, budget);
        if (bytes.size() <= m_maximumSize)
            return bytes;
        budget -= bytes.size() - m_maximumSize + 256 + attempt * 1024;
    }
    // The cap leaves no room for this message's parts: a short plain text instead.
    Plan plain = p;
    plain.kind = Kind::PlainText;
    plain.attachmentTypes.clear();
    plain.attachmentNames.clear();
    plain.inlineImageCount = 0;
    return render(plain, 0);
}

QList<QByteArray> SampleMailGenerator::messages(int count) const
{
    QList<QByteArray> out;
    out.reserve(std::max(count, 0));
    for (int i = 0; i < count; ++i)
        out.append(message(i));
    return out;
}

QByteArray SampleMailGenerator::render(const Plan &p, qint64 budget) const
{
    Rng r = stream(m_seed, p.index, SaltContent);
    const Vocabulary &v = vocabulary(p.language);
    const bool utf8 = englishUtf8(p.language, p.charset);
    const QByteArray &charset = p.charset;
    const bool q = charset == "UTF-8" ? r.percent(40) : charset != "ISO-2022-JP" && r.percent(15);
    const QByteArray senderHost = p.from.address.mid(p.from.address.indexOf('@') + 1);
    const CivilTime local = civil(p.dateUtc, p.utcOffsetMinutes);
    int boundaryCounter = 0;
    const bool thunderbirdBoundaries = r.percent(40);
    auto boundary = [&]() -> QByteArray {
        const quint64 h = mix64(m_seed ^ mix64(quint64(quint32(p.index)) * 0x2545F4914F6CDD1DULL +
                                               SaltBoundary + quint64(++boundaryCounter)));
        if (thunderbirdBoundaries)
            return QByteArray("------------") + hex(h, 16) + QByteArray::number(boundaryCounter);
        return QByteArray("----=_Part_") + QByteArray::number(boundaryCounter) + '_' + hex(h, 16);
    };

    // ---- message header
    QByteArray head;
    head += "Return-Path: <" + p.from.address + ">\r\n";
    {
        const quint64 ip = r.below(254) + 1;
        const quint64 net = r.below(3);
        const QByteArray nets[] = {"192.0.2.", "198.51.100.", "203.0.113."};
        const quint64 queueId = r.next();
        head += "Received: from mail." + senderHost + " (mail." + senderHost + " [" + nets[net] +
                QByteArray::number(ip) + "])\r\n\tby mx.poplar.example (Postfix) with ESMTPS id " +
                hex(queueId, 10).toUpper() + "\r\n\tfor <" + ownerAddress() + ">; " +
                rfc5322Date(p.dateUtc + r.range(2, 90), 0) + "\r\n";
    }
    head += field("Date", rfc5322Date(p.dateUtc, p.utcOffsetMinutes));
    head += field("From", mailbox(p.from, charset, q));
    auto addressList = [&](const QList<Person> &people) {
        QByteArrayList list;
        for (const Person &person : people)
            list.append(mailbox(person, charset, q));
        return list.join(", ");
    };
    if (!p.to.isEmpty())
        head += field("To", addressList(p.to));
    if (!p.cc.isEmpty())
        head += field("Cc", addressList(p.cc));
    head += field("Subject", headerText(p.subject, charset, q));
    head += field("Message-ID", p.messageId);
    if (p.parentIndex >= 0) {
        head += field("In-Reply-To", p.references.back());
        head += field("References", p.references.join(' '));
    }
    head += "MIME-Version: 1.0\r\n";
    if (p.kind == Kind::Newsletter) {
        const Brand &brand = kBrands[int(p.language)][p.brand];
        const QByteArray token = hex(r.next(), 12);
        head += field("List-Id", QByteArray("<news.") + brand.domain + '>');
        head += field("List-Unsubscribe",
                      "<http://" + QByteArray(brand.domain) + "/unsubscribe?u=" + token +
                          ">, <mailto:unsubscribe@" + brand.domain + "?subject=" + token + '>');
        head += "Precedence: bulk\r\n";
    } else {
        static constexpr const char *mailers[4][3] = {
            {"X-Mailer: Microsoft Outlook 16.0", "X-Mailer: Apple Mail (2.3731.700.6)",
             "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 "
             "Thunderbird/115.6.0"},
            {"X-Mailer: Foxmail 7.2.25.228[cn]", "X-Mailer: Microsoft Outlook 16.0",
             "X-Mailer: Coremail Webmail Server Version 2023.2"},
            {"X-Mailer: Microsoft Outlook 16.0", "X-Mailer: Apple Mail (2.3731.700.6)",
             "X-Mailer: Foxmail 7.2.25.228[tw]"},
            {"X-Mailer: Becky! ver. 2.81.04", "X-Mailer: Microsoft Outlook 16.0",
             "User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:115.0) Gecko/20100101 "
             "Thunderbird/115.6.0"}};
        const QByteArray mailer = mailers[int(p.language)][r.below(3)];
        const qsizetype colon = mailer.indexOf(':');
        head += field(mailer.left(colon), mailer.mid(colon + 2));
    }

    // ---- the letter (everything but newsletters)
    const Cte textCte = chooseTextCte(r, charset);
    const Cte htmlCte = chooseHtmlCte(r, charset);
    const bool quoteCharset = r.percent(50);
    const bool preamble = r.percent(50);
    qint64 remaining = budget - head.size() - 120;

    auto fillLetter = [&](Letter &letter, qint64 textBudget, bool withHtml) {
        const QString ownerShort = QStringLiteral("Jordan");
        letter.greeting = pickStr(r, v.greetings, v.greetingCount)
                              .replace(QStringLiteral("{F}"), ownerShort)
                              .replace(QStringLiteral("{S}"), shortName(p.language, p.from.name));
        letter.closing = pickStr(r, v.closings, v.closingCount)
                             .replace(QStringLiteral("{S}"), signOff(p.language, p.from.name));
        if (r.percent(35)) {
            const QString title = pickStr(r, v.titles, v.titleCount);
            letter.signature =
                p.from.name + u'\n' + title + u'\n' + str(org(p.language, p.from.org).name);
            if (withHtml && r.percent(40))
                letter.logo = "http://www." + senderHost + "/images/logo.png";
        }
        if (r.percent(20)) {
            const quint64 token = r.next();
            letter.link = "https://" + senderHost + "/share/" + hex(token, 12);
        }
        // Quotes of the messages this one answers, nearest first, three levels at most.
        int ancestor = p.parentIndex;
        for (int level = 1; ancestor >= 0 && level <= 3; ++level) {
            const Plan a = plan(ancestor);
            const CivilTime t = civil(a.dateUtc, a.utcOffsetMinutes);
            Quote quote;
            quote.level = level;
            quote.attribution =
                str(v.attribution)
                    .replace(QStringLiteral("{Y}"), QString::number(t.date.year()))
                    .replace(QStringLiteral("{M}"),
                             QString::number(t.date.month()).rightJustified(2, u'0'))
                    .replace(QStringLiteral("{D}"),
                             QString::number(t.date.day()).rightJustified(2, u'0'))
                    .replace(QStringLiteral("{h}"), QString::number(t.hour).rightJustified(2, u'0'))
                    .replace(QStringLiteral("{m}"),
                             QString::number(t.minute).rightJustified(2, u'0'))
                    .replace(QStringLiteral("{N}"), a.from.name)
                    .replace(QStringLiteral("{A}"), QString::fromLatin1(a.from.address));
            quote.text = joinSentences(p.language, paragraph(m_seed, a.index, 0, a.language,
                                                             englishUtf8(a.language, a.charset)));
            letter.quotes.append(quote);
            ancestor = a.parentIndex;
        }
        qint64 cost = encodedCost(letterText(letter, p.language), charset, textCte);
        if (withHtml)
            cost += cost * 2 + 400;
        for (int k = 0; k < 2000; ++k) {
            QStringList para = paragraph(m_seed, p.index, k, p.language, utf8);
            const QString joined = joinSentences(p.language, para);
            qint64 c = encodedCost(joined, charset, textCte) + 4;
            if (withHtml)
                c += encodedCost(joined, charset, htmlCte) + 12;
            if (k > 0 && cost + c > textBudget)
                break;
            letter.paragraphs.append(para);
            cost += c;
            if (withHtml && para.size() > 1 && r.percent(25))
                letter.boldParagraphs.append(k);
        }
    };

    auto alternative = [&](const Letter &letter, const QList<InlineImage> &images,
                           const QList<Entity> &imageParts, bool outlookNesting) {
        const Entity text =
            textEntity(letterText(letter, p.language), "plain", charset, textCte, quoteCharset);
        Entity html = textEntity(letterHtml(letter, p.language, charset, p.subject, images), "html",
                                 charset, htmlCte, quoteCharset);
        if (imageParts.isEmpty())
            return multipart("alternative", boundary(), {text, html});
        if (outlookNesting) {
            QList<Entity> parts{multipart("alternative", boundary(), {text, html})};
            parts += imageParts;
            return multipart("related", boundary(), parts, " type=\"multipart/alternative\";");
        }
        QList<Entity> related{html};
        related += imageParts;
        return multipart("alternative", boundary(),
                         {text, multipart("related", boundary(), related, " type=\"text/html\";")});
    };

    auto attachmentEntity = [&](AttachmentType type, const QString &name, qint64 encodedSize) {
        const qint64 rawSize = std::max<qint64>(encodedSize * 57 / 78 - 60, 200);
        QByteArray data;
        QByteArray contentType = contentTypeFor(type, r);
        Cte cte = Cte::Base64;
        switch (type) {
        case AttachmentType::Pdf:
            data = makePdf(rawSize, name.section(u'.', 0, 0), r);
            break;
        case AttachmentType::Zip: {
            const CivilTime t = local;
            const qint64 dos = (qint64(t.date.year() - 1980) << 25) |
                               (qint64(t.date.month()) << 21) | (qint64(t.date.day()) << 16) |
                               (t.hour << 11) | (t.minute << 5) | (t.second / 2);
            QStringList readme;
            for (int k = 0; k < 3; ++k)
                readme.append(joinSentences(
                    p.language, paragraph(m_seed, p.index, 5000 + k, p.language, utf8)));
            data = makeZip(rawSize, dos, str(v.readmeName), readme.join(u"\n\n"), r);
            break;
        }
        case AttachmentType::Png: {
            const auto [w, h] = pngDimensionsFor(rawSize, r);
            data = makePng(w, h, r.next());
            break;
        }
        case AttachmentType::Text: {
            for (int k = 0; data.size() < rawSize && k < 5000; ++k) {
                const QStringList para = paragraph(m_seed, p.index, 10000 + k, p.language, utf8);
                data += toCrlf(
                    (wrap(joinSentences(p.language, para), 72).join(u'\n') + u"\n\n").toUtf8());
            }
            contentType += "; charset=UTF-8";
            // Quoted-printable only where it fits: mostly ASCII text.
            if (p.language == Language::English && r.percent(50))
                cte = Cte::QuotedPrintable;
            break;
        }
        case AttachmentType::Csv: {
            const QByteArray csvCharset = charset == "ISO-2022-JP" ? QByteArray("UTF-8") : charset;
            data = encodeCharset(str(v.csvHeader), csvCharset) + "\r\n";
            const int year = local.date.year();
            for (int row = 0; data.size() < rawSize && row < 100000; ++row) {
                const int month = int(r.range(1, 12));
                const int day = int(r.range(1, 28));
                const Person who =
                    person(p.language, int(r.below(quint64(peopleCount(p.language, false)))));
                const QString item = pickStr(r, v.objects, v.objectCount);
                const qint64 cents = r.range(100, 999999);
                const QString line =
                    QString::number(year) + u'-' + QString::number(month).rightJustified(2, u'0') +
                    u'-' + QString::number(day).rightJustified(2, u'0') + u",\"" + who.name +
                    u"\",\"" + item + u"\"," + QString::number(cents / 100) + u'.' +
                    QString::number(cents % 100).rightJustified(2, u'0');
                data += encodeCharset(line, csvCharset) + "\r\n";
            }
            contentType += "; charset=" + csvCharset;
            break;
        }
        }
        const NameStyle dispositionStyle = r.percent(50) ? NameStyle::Rfc2231 : NameStyle::Rfc2047;
        const NameStyle typeStyle = r.percent(70) ? NameStyle::Rfc2047 : dispositionStyle;
        Entity e;
        e.headers = "Content-Type: " + contentType +
                    fileNameParam("name", name, typeStyle, charset, q) +
                    "\r\nContent-Disposition: attachment" +
                    fileNameParam("filename", name, dispositionStyle, charset, q) +
                    "\r\nContent-Transfer-Encoding: " + cteName(cte) + "\r\n";
        e.body = transferEncode(data, cte);
        return e;
    };

    auto inlineImages = [&](int count, qint64 imageBudget, QList<InlineImage> &images,
                            QList<Entity> &parts) {
        for (int i = 0; i < count; ++i) {
            const qint64 share = imageBudget / (count - i);
            const auto [w, h] = pngDimensionsFor(std::max<qint64>(share * 57 / 78 - 300, 900), r);
            const quint64 seed = r.next();
            const QByteArray png = makePng(w, h, seed);
            InlineImage image;
            image.contentId = "part" + QByteArray::number(i + 1) + '.' + hex(seed, 8) + '.' +
                              hex(mix64(seed), 8) + '@' + senderHost;
            image.width = w;
            image.height = h;
            image.alt = QStringLiteral("image%1.png").arg(i + 1, 3, 10, QLatin1Char('0'));
            Entity e;
            e.headers = "Content-Type: image/png;\r\n\tname=\"" + image.alt.toLatin1() +
                        "\"\r\nContent-Transfer-Encoding: base64\r\nContent-ID: <" +
                        image.contentId + ">\r\nContent-Disposition: inline;\r\n\tfilename=\"" +
                        image.alt.toLatin1() + "\"\r\n";
            e.body = base64Lines(png);
            imageBudget -= e.headers.size() + e.body.size();
            images.append(image);
            parts.append(e);
        }
    };

    Entity body;
    if (budget <= 0) {
        // The smallest form: one sentence of plain text.
        Letter letter;
        letter.greeting = pickStr(r, v.greetings, v.greetingCount)
                              .replace(QStringLiteral("{F}"), QStringLiteral("Jordan"))
                              .replace(QStringLiteral("{S}"), shortName(p.language, p.from.name));
        letter.paragraphs.append({sentence(r, p.language, utf8)});
        letter.closing = shortName(p.language, p.from.name);
        body = textEntity(letterText(letter, p.language), "plain", charset, textCte, quoteCharset);
    } else if (p.kind == Kind::PlainText || p.kind == Kind::Alternative) {
        Letter letter;
        const bool html = p.kind == Kind::Alternative;
        fillLetter(letter, remaining - (html ? 400 : 0), html);
        if (html)
            body = alternative(letter, {}, {}, false);
        else
            body =
                textEntity(letterText(letter, p.language), "plain", charset, textCte, quoteCharset);
    } else if (p.kind == Kind::Attachments || p.kind == Kind::InlineImages) {
        Letter letter;
        const bool html = p.kind == Kind::InlineImages || r.percent(40);
        const qint64 letterBudget = std::min<qint64>(remaining / (html ? 4 : 8), 6000);
        fillLetter(letter, letterBudget, html);
        QList<InlineImage> images;
        QList<Entity> imageParts;
        // Inline images get the room when there is no attachment, else a fifth of it.
        qint64 left = remaining - letterBudget - 600;
        if (p.inlineImageCount > 0) {
            const qint64 imageBudget = p.attachmentTypes.isEmpty() ? left : left / 5;
            inlineImages(p.inlineImageCount, imageBudget, images, imageParts);
        }
        Entity main = html ? alternative(letter, images, imageParts, r.percent(50))
                           : textEntity(letterText(letter, p.language), "plain", charset, textCte,
                                        quoteCharset);
        if (p.attachmentTypes.isEmpty()) {
            body = main;
        } else {
            left = budget - head.size() - main.headers.size() - main.body.size() - 200;
            QList<qint64> weights;
            qint64 total = 0;
            for (qsizetype i = 0; i < p.attachmentTypes.size(); ++i) {
                weights.append(i == 0 ? 6 : r.range(1, 4));
                total += weights.back();
            }
            QList<Entity> parts{main};
            for (qsizetype i = 0; i < p.attachmentTypes.size(); ++i) {
                const qint64 share = left * weights.at(i) / total - 300;
                parts.append(
                    attachmentEntity(p.attachmentTypes.at(i), p.attachmentNames.at(i), share));
            }
            body = multipart("mixed", boundary(), parts, QByteArray(), preamble);
        }
    } else { // Newsletter
        const Brand &brand = kBrands[int(p.language)][p.brand];
        const QByteArray domain = brand.domain;
        const int year = local.date.year();
        const QString brandName = str(brand.name);
        QString text = brandName + u"\n\n";
        QString html = htmlHead(charset, p.subject) +
                       u"<body style=\"margin: 0; background: #f4f4f4;\">\n"
                       u"<table width=\"600\" align=\"center\" cellpadding=\"0\" "
                       u"cellspacing=\"0\" style=\"background: #ffffff;\">\n"_s;
        html += u"<tr><td><img src=\"http://cdn." + QString::fromLatin1(domain) + u"/img/banner-" +
                QString::number(year) +
                u".jpg\" width=\"600\" height=\"180\" "
                u"alt=\"" +
                htmlEscape(brandName) + u"\"></td></tr>\n";
        qint64 cost = encodedCost(text + html, charset, htmlCte) + 1200;
        for (int k = 0; k < 500; ++k) {
            Rng article = stream(m_seed, p.index, SaltArticle + quint64(k));
            const QString headline = fillTemplate(pickStr(article, v.articles, v.articleCount),
                                                  article, p.language, false, year);
            const QString body_ =
                joinSentences(p.language, paragraph(m_seed, p.index, k, p.language, utf8));
            const QByteArray slug = hex(article.next(), 10);
            const QString url =
                u"http://" + QString::fromLatin1(domain) + u"/a/" + QString::fromLatin1(slug);
            const QString scheme = article.percent(70) ? u"http://"_s : u"https://"_s;
            const QString articleText = headline + u'\n' + wrap(body_, 72).join(u'\n') + u'\n' +
                                        str(v.readMore) + u": " + url + u"\n\n";
            const QString articleHtml =
                u"<tr><td style=\"padding: 16px;\">\n<img src=\"" + scheme + u"images." +
                QString::fromLatin1(domain) + u"/articles/" + QString::fromLatin1(slug) +
                u".jpg\" width=\"568\" height=\"240\" alt=\"\">\n<h2 style=\"font-size: 20px;\">" +
                htmlEscape(headline) + u"</h2>\n<p>" + htmlEscape(body_) + u"</p>\n<p><a href=\"" +
                url + u"\">" + str(v.readMore) + u"</a></p>\n</td></tr>\n";
            const qint64 c = encodedCost(articleText, charset, textCte) +
                             encodedCost(articleHtml, charset, htmlCte);
            if (k > 0 && cost + c > remaining)
                break;
            text += articleText;
            html += articleHtml;
            cost += c;
        }
        const QByteArray token = hex(r.next(), 16);
        const QString unsubscribe = u"http://" + QString::fromLatin1(domain) + u"/unsubscribe?u=" +
                                    QString::fromLatin1(token);
        const QString footer = str(v.footer).replace(QStringLiteral("{B}"), brandName);
        text += u"--\n" + footer + u'\n' + str(v.unsubscribe) + u": " + unsubscribe + u'\n';
        html +=
            u"<tr><td style=\"padding: 16px; font-size: 11px; color: #888;\">" +
            htmlEscape(footer) + u"<br>\n<a href=\"" + unsubscribe + u"\">" + str(v.unsubscribe) +
            u"</a>\n<img src=\"http://t." + QString::fromLatin1(domain) + u"/open/" +
            QString::fromLatin1(token) +
            u".gif\" width=\"1\" height=\"1\" alt=\"\"></td></tr>\n</table>\n</body>\n</html>\n";
        body = multipart("alternative", boundary(),
                         {textEntity(text, "plain", charset, textCte, quoteCharset),
                          textEntity(html, "html", charset, htmlCte, quoteCharset)},
                         QByteArray(), preamble);
    }

    QByteArray out;
    out.reserve(head.size() + body.headers.size() + body.body.size() + 2);
    out += head;
    out += body.headers;
    out += "\r\n";
    out += body.body;
    return out;
}

} // namespace Poplar::TestSupport
