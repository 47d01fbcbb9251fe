#include "ui/reader/MessageListModel.h"

#include "ui/common/ItemRoles.h"
#include "ui/common/Logging.h"
#include "ui/reader/SearchRunner.h"

#include "store/BatchExecutor.h"
#include "store/SearchQuery.h"
#include "store/StoreReader.h"
#include "store/StoreWriter.h"

#include <QDate>
#include <QFont>
#include <QHash>
#include <QLocale>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace Poplar::Ui {

using Store::MessageSummary;
using Row = MessageListRow;

namespace {

// A format without its seconds ("HH:mm:ss" -> "HH:mm", "h:mm:ss AP" -> "h:mm AP").
QString withoutSeconds(QString format)
{
    const qsizetype at = format.indexOf(u's');
    if (at <= 0)
        return format;
    qsizetype start = at;
    while (start > 0 && !format.at(start - 1).isLetter() && format.at(start - 1) != u'\'')
        --start;
    qsizetype end = at;
    while (end < format.size() && format.at(end) == u's')
        ++end;
    format.remove(start, end - start);
    return format;
}

// A date format without its year ("M/d/yy" -> "M/d", "yyyy/M/d" -> "M/d",
// "d MMM yyyy" -> "d MMM", "dd.MM.yy" -> "dd.MM"). Separators next to the year go with it.
QString withoutYear(QString format)
{
    const qsizetype at = format.indexOf(u'y');
    if (at < 0)
        return format;
    qsizetype end = at;
    while (end < format.size() && format.at(end) == u'y')
        ++end;
    const auto isField = [&format](qsizetype i) {
        const QChar c = format.at(i);
        return c.isLetter() && c.unicode() < 128;
    };
    qsizetype start = at;
    if (at == 0) {
        // Leading year: drop what separates it from the next field.
        while (end < format.size() && !isField(end))
            ++end;
    } else {
        while (start > 0 && !isField(start - 1))
            --start;
        // A literal right after the year (年) belongs to it.
        while (end < format.size() && !isField(end) && !format.at(end).isSpace() &&
               !format.at(end).isPunct())
            ++end;
    }
    format.remove(start, end - start);
    return format.trimmed();
}

} // namespace

QString MessageListModel::dateText(const QDateTime &date, const QDateTime &now,
                                   const QLocale &locale)
{
    const QDateTime local = date.toLocalTime();
    const QDate today = now.toLocalTime().date();
    if (local.date() == today)
        return locale.toString(local.time(),
                               withoutSeconds(locale.timeFormat(QLocale::ShortFormat)));
    if (local.date().year() == today.year())
        return locale.toString(local.date(), withoutYear(locale.dateFormat(QLocale::ShortFormat)));
    return locale.toString(local.date(), QLocale::ShortFormat);
}

QString MessageListModel::senderName(const QString &from)
{
    const qsizetype open = from.lastIndexOf(QLatin1String(" <"));
    if (open <= 0 || !from.endsWith(u'>'))
        return from;
    QString name = from.left(open).trimmed();
    if (name.size() >= 2 && name.startsWith(u'"') && name.endsWith(u'"'))
        name = name.mid(1, name.size() - 2);
    return name.isEmpty() ? from : name;
}

MessageListModel::MessageListModel(Store::StoreReader *reader, Store::StoreWriter *writer,
                                   QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(reader)
{
    if (writer) {
        connect(writer, &Store::StoreWriter::messagesAdded, this, &MessageListModel::onAdded);
        connect(writer, &Store::StoreWriter::messagesMoved, this, &MessageListModel::onMoved);
        connect(writer, &Store::StoreWriter::messagesRemoved, this, &MessageListModel::onRemoved);
        connect(writer, &Store::StoreWriter::messagesChanged, this,
                &MessageListModel::updateChanged);
    }
    reload();
}

void MessageListModel::setFolder(const QString &account, Store::Folder folder)
{
    if (m_search.isEmpty() && account == m_account && folder == m_folder)
        return;
    m_account = account;
    m_folder = folder;
    m_search.clear();
    cancelSearch();
    reload();
}

void MessageListModel::setGroupedByThread(bool grouped)
{
    if (grouped == m_grouped)
        return;
    m_grouped = grouped;
    if (m_search.isEmpty())
        reload();
}

void MessageListModel::setSearch(const QString &text, bool allAccounts)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search && (allAccounts == m_searchAllAccounts || trimmed.isEmpty())) {
        m_searchAllAccounts = allAccounts;
        return;
    }
    m_search = trimmed;
    m_searchAllAccounts = allAccounts;
    if (!m_search.isEmpty()) {
        requestSearch(Pending::Results, 0, PageSize);
        return;
    }
    // Back to the folder: its first page is a quick read from an index, done here.
    cancelSearch();
    const QList<Row> rows = query(PageSize, nullptr);
    m_atEnd = rows.size() < PageSize;
    m_showsResults = false;
    replaceRows(rows);
}

void MessageListModel::requestSearch(Pending kind, int offset, int limit)
{
    m_pending = kind;
    m_pendingLimit = limit;
    const QString path = m_reader ? m_reader->path() : QString();
    if (path.isEmpty()) {
        // No store open yet: nothing to find.
        onSearchFinished({});
        return;
    }
    if (!m_searchRunner) {
        m_searchRunner = new SearchRunner(this);
        connect(m_searchRunner, &SearchRunner::finished, this,
                [this](quint64, const QList<MessageSummary> &rows) { onSearchFinished(rows); });
        connect(m_searchRunner, &SearchRunner::failed, this,
                [this](quint64, const QString &error) { onSearchFailed(error); });
    }
    Store::SearchQuery q;
    q.text = m_search;
    q.account = m_searchAllAccounts ? QString() : m_account;
    // The folder shown (Inbox or Trash): what the user looks in, and much quicker than both
    // for common words.
    q.folder = m_folder;
    q.offset = offset;
    q.limit = limit;
    m_searchRunner->start(path, q);
}

void MessageListModel::cancelSearch()
{
    if (m_searchRunner)
        m_searchRunner->cancel();
    m_pending = Pending::None;
    m_refreshAfterSearch = false;
}

void MessageListModel::onSearchFinished(const QList<MessageSummary> &results)
{
    const QList<Row> rows = toRows(results);
    const Pending kind = std::exchange(m_pending, Pending::None);
    const bool atEnd = rows.size() < m_pendingLimit;
    switch (kind) {
    case Pending::None:
        return;
    case Pending::Results:
        m_atEnd = atEnd;
        m_showsResults = true;
        replaceRows(rows);
        emit searchShown();
        break;
    case Pending::Page:
        m_atEnd = atEnd;
        appendRows(rows);
        break;
    case Pending::Refresh:
        m_atEnd = atEnd;
        applyRows(rows);
        break;
    }
    if (std::exchange(m_refreshAfterSearch, false))
        refresh();
}

void MessageListModel::onSearchFailed(const QString &error)
{
    const Pending kind = std::exchange(m_pending, Pending::None);
    m_refreshAfterSearch = false;
    if (kind == Pending::None)
        return;
    if (kind != Pending::Refresh)
        m_atEnd = true;
    if (kind == Pending::Results) {
        // Never the rows of the text typed before under the text typed now.
        m_showsResults = true;
        replaceRows({});
        emit searchShown();
    }
    emit loadFailed(tr("The search could not run. %1").arg(error));
}

void MessageListModel::replaceRows(const QList<Row> &rows)
{
    emit layoutAboutToBeChanged();
    const QModelIndexList before = persistentIndexList();
    QList<qint64> ids;
    ids.reserve(before.size());
    for (const QModelIndex &index : before)
        ids.append(index.isValid() ? m_rows.at(index.row()).id : 0);
    m_rows = rows;
    QHash<qint64, int> rowOf;
    rowOf.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        rowOf.insert(m_rows.at(i).id, i);
    QModelIndexList after;
    after.reserve(before.size());
    for (int i = 0; i < before.size(); ++i) {
        const auto it = rowOf.constFind(ids.at(i));
        after.append(it == rowOf.cend() ? QModelIndex() : index(*it, before.at(i).column()));
    }
    changePersistentIndexList(before, after);
    emit layoutChanged();
}

void MessageListModel::appendRows(const QList<Row> &rows)
{
    // A row may already be loaded when the store changed since the last page. The set is of
    // the page's ids, not of every loaded row: building that one for each page cost tens of
    // milliseconds per page once 100,000 rows were loaded.
    QSet<qint64> arriving;
    for (const Row &row : rows)
        arriving.insert(row.id);
    for (const Row &row : std::as_const(m_rows))
        arriving.remove(row.id);
    QList<Row> fresh;
    for (const Row &row : rows)
        if (arriving.contains(row.id))
            fresh.append(row);
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size() - 1));
    m_rows.append(fresh);
    endInsertRows();
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MessageListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &m = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Star:
            return m.starred ? QStringLiteral("\u2605") : QString();
        case Unread:
            return m.read ? QString() : QStringLiteral("\u25CF");
        case Attachment:
            return m.hasAttachments ? QStringLiteral("\u2709") : QString();
        case From:
            return senderName(m.from);
        case Subject: {
            const QString subject = m.subject.isEmpty() ? tr("(no subject)") : m.subject;
            const int depth = showsThreads() ? m.threadDepth : 0;
            if (depth == 0)
                return subject;
            // A reply: indented by its depth, with an arrow that marks it as a reply.
            return QString(QString(2 * (depth - 1), QChar(0x2003)) + QStringLiteral("\u21B3 ") +
                           subject);
        }
        case Date:
            return dateText(m.date, QDateTime::currentDateTime(), QLocale());
        case Size:
            return QLocale().formattedDataSize(m.size, m.size < 1024 * 1024 ? 0 : 1,
                                               QLocale::DataSizeTraditionalFormat);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Date:
            return QLocale().toString(m.date.toLocalTime(), QLocale::LongFormat);
        case Star:
            return m.starred ? tr("Starred") : tr("Not starred");
        case Unread:
            return m.read ? tr("Read") : tr("Unread");
        case Attachment:
            return m.hasAttachments ? tr("Has attachments") : QString();
        case From:
            return m.from;
        case Subject:
            return snippet(m.id);
        default:
            return {};
        }
    case Qt::AccessibleTextRole:
        if (index.column() == Star)
            return m.starred ? tr("Starred") : tr("Not starred");
        if (index.column() == Unread)
            return m.read ? tr("Read") : tr("Unread");
        if (index.column() == Attachment)
            return m.hasAttachments ? tr("Has attachments") : tr("No attachments");
        return data(index, Qt::DisplayRole);
    case Qt::FontRole:
        if (!m.read) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Size)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (index.column() <= Attachment)
            return int(Qt::AlignCenter);
        return {};
    case MessageIdRole:
        return m.id;
    case AccountRole:
        return m.account;
    case UidlRole:
        return m.uidl;
    case ReadRole:
        return m.read;
    case StarredRole:
        return m.starred;
    case HeadersOnlyRole:
        return m.headersOnly;
    case FolderRole:
        return int(m.folder);
    case SortValueRole:
        switch (index.column()) {
        case From:
            return m.from;
        case Subject:
            return m.subject;
        case Date:
            return m.date;
        case Size:
            return m.size;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant MessageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Star:
            return QStringLiteral("\u2605");
        case Unread:
            return QStringLiteral("\u25CF");
        case Attachment:
            return QStringLiteral("\u2709");
        case From:
            return tr("From");
        case Subject:
            return tr("Subject");
        case Date:
            return tr("Date");
        case Size:
            return tr("Size");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole || role == Qt::AccessibleTextRole) {
        switch (section) {
        case Star:
            return tr("Starred");
        case Unread:
            return tr("Unread");
        case Attachment:
            return tr("Attachments");
        default:
            return headerData(section, orientation, Qt::DisplayRole);
        }
    }
    return {};
}

bool MessageListModel::canFetchMore(const QModelIndex &parent) const
{
    // While a search is under way the rows are about to change: no page of them now.
    return !parent.isValid() && !m_atEnd && m_pending == Pending::None;
}

void MessageListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    if (!m_search.isEmpty()) {
        requestSearch(Pending::Page, int(m_rows.size()), PageSize);
        return;
    }
    const QList<Row> more = query(PageSize, m_rows.isEmpty() ? nullptr : &m_rows.constLast());
    m_atEnd = more.size() < PageSize;
    appendRows(more);
}

void MessageListModel::sort(int column, Qt::SortOrder order)
{
    Store::SortKey key;
    switch (column) {
    case From:
        key = Store::SortKey::From;
        break;
    case Subject:
        key = Store::SortKey::Subject;
        break;
    case Size:
        key = Store::SortKey::Size;
        break;
    case Date:
    default:
        key = Store::SortKey::Date;
        break;
    }
    if (key == m_sortKey && order == m_order)
        return;
    m_sortKey = key;
    m_order = order;
    // Search results come newest first from the index; only folders sort in SQL. The order
    // chosen applies when the search ends.
    if (!m_search.isEmpty())
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<qint64> ids;
    for (const QModelIndex &index : before)
        ids.append(index.isValid() ? m_rows.at(index.row()).id : 0);
    const int keep = std::clamp(int(m_rows.size()), PageSize, SortKeepRows);
    m_rows = query(keep, nullptr);
    m_atEnd = m_rows.size() < keep;
    QModelIndexList after;
    for (int i = 0; i < before.size(); ++i) {
        const int row = rowOfMessage(ids.at(i));
        after.append(row < 0 ? QModelIndex() : index(row, before.at(i).column()));
    }
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

int MessageListModel::sortColumn() const
{
    switch (m_sortKey) {
    case Store::SortKey::From:
        return From;
    case Store::SortKey::Subject:
        return Subject;
    case Store::SortKey::Size:
        return Size;
    case Store::SortKey::Date:
        break;
    }
    return Date;
}

int MessageListModel::rowOfMessage(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return i;
    return -1;
}

void MessageListModel::reload()
{
    beginResetModel();
    m_showsResults = false;
    m_rows = query(PageSize, nullptr);
    m_atEnd = m_rows.size() < PageSize;
    endResetModel();
}

QList<Row> MessageListModel::query(int limit, const Row *after)
{
    // Pages of the folder only: searches go to the search thread (requestSearch).
    if (!m_reader || !m_reader->isOpen())
        return {};
    Store::PageQuery q;
    q.account = m_account;
    q.folder = m_folder;
    q.sortKey = m_sortKey;
    q.order = m_order;
    q.limit = limit;
    q.byThread = m_grouped;
    if (after)
        q.after = m_grouped ? Store::StoreReader::threadCursorAfter(after->toSummary())
                            : Store::StoreReader::cursorAfter(after->toSummary(), m_sortKey);
    auto result = m_reader->page(q);
    if (!result) {
        qCWarning(lcUi) << "page query failed:" << result.error().message();
        return {};
    }
    return toRows(result.value());
}

Row MessageListModel::toRow(const MessageSummary &message)
{
    Row row(message);
    // One copy of each account name for all rows (rows are many, accounts few).
    const auto known = m_accountNames.constFind(row.account);
    if (known == m_accountNames.cend())
        m_accountNames.insert(row.account);
    else
        row.account = *known;
    return row;
}

QList<Row> MessageListModel::toRows(const QList<MessageSummary> &messages)
{
    QList<Row> rows;
    rows.reserve(messages.size());
    for (const MessageSummary &message : messages)
        rows.append(toRow(message));
    return rows;
}

std::optional<Row> MessageListModel::readRow(qint64 id)
{
    auto result = m_reader->message(id);
    if (!result)
        return std::nullopt;
    return toRow(result.value());
}

QString MessageListModel::snippet(qint64 id) const
{
    // Read when asked (a tooltip) rather than kept for every loaded row.
    if (!m_reader || !m_reader->isOpen())
        return {};
    auto result = m_reader->message(id);
    return result ? result.value().snippet : QString();
}

void MessageListModel::scheduleRefresh()
{
    if (m_refreshQueued)
        return;
    m_refreshQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_refreshQueued = false;
        refresh();
    });
}

void MessageListModel::refresh()
{
    if (!m_search.isEmpty()) {
        if (m_pending != Pending::None) {
            // What is under way may have read the store before the change.
            m_refreshAfterSearch = true;
            return;
        }
        requestSearch(Pending::Refresh, 0, std::clamp(int(m_rows.size()), PageSize, MaxQueryRows));
        return;
    }
    // Beyond what one query may return, the rows after are dropped and fetched again.
    const int limit = std::clamp(int(m_rows.size()), PageSize, MaxQueryRows);
    const QList<Row> rows = query(limit, nullptr);
    applyRows(rows);
    m_atEnd = rows.size() < limit;
}

bool MessageListModel::belongsHere(const Row &message) const
{
    return m_search.isEmpty() && message.folder == m_folder &&
           (m_account.isEmpty() || message.account == m_account);
}

bool MessageListModel::sortsBefore(const Row &a, const Row &b) const
{
    if (showsThreads()) {
        // As the grouped SQL: thread date and thread descending, then date and id ascending.
        const qint64 x = a.threadDate.toMSecsSinceEpoch();
        const qint64 y = b.threadDate.toMSecsSinceEpoch();
        if (x != y)
            return x > y;
        if (a.thread != b.thread)
            return a.thread > b.thread;
        const qint64 da = a.date.toMSecsSinceEpoch();
        const qint64 db = b.date.toMSecsSinceEpoch();
        if (da != db)
            return da < db;
        return a.id < b.id;
    }
    // The SQL orders by (sort column, id), both in the chosen direction; text columns compare
    // as SQLite's BINARY collation does, byte by byte in UTF-8.
    int order = 0;
    switch (m_sortKey) {
    case Store::SortKey::Date: {
        const qint64 x = a.date.toMSecsSinceEpoch();
        const qint64 y = b.date.toMSecsSinceEpoch();
        order = x < y ? -1 : x > y ? 1 : 0;
        break;
    }
    case Store::SortKey::Size:
        order = a.size < b.size ? -1 : a.size > b.size ? 1 : 0;
        break;
    case Store::SortKey::From:
        order = Store::BatchExecutor::senderSortKey(a.from).toUtf8().compare(
            Store::BatchExecutor::senderSortKey(b.from).toUtf8());
        break;
    case Store::SortKey::Subject:
        order = Store::BatchExecutor::subjectSortKey(a.subject).toUtf8().compare(
            Store::BatchExecutor::subjectSortKey(b.subject).toUtf8());
        break;
    }
    if (order == 0)
        order = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    return m_order == Qt::AscendingOrder ? order < 0 : order > 0;
}

int MessageListModel::insertPosition(const Row &message) const
{
    const auto it =
        std::lower_bound(m_rows.cbegin(), m_rows.cend(), message,
                         [this](const Row &row, const Row &m) { return sortsBefore(row, m); });
    if (it == m_rows.cend() && !m_atEnd)
        return -1;
    return int(it - m_rows.cbegin());
}

void MessageListModel::onAdded(const QList<qint64> &ids)
{
    // Grouped, new mail moves its whole thread to the top (and may merge threads).
    if (!m_search.isEmpty() || showsThreads()) {
        scheduleRefresh();
        return;
    }
    if (!m_reader || !m_reader->isOpen())
        return;
    QList<Row> arrived;
    for (qint64 id : ids) {
        if (const std::optional<Row> row = readRow(id); row && belongsHere(*row))
            arrived.append(*row);
    }
    insertMessages(std::move(arrived));
}

void MessageListModel::onMoved(const QList<qint64> &ids)
{
    if (showsThreads()) {
        // Gone at once (so no action applies to them); the threads they left or joined are
        // read again.
        removeMessages(QSet<qint64>(ids.cbegin(), ids.cend()));
        scheduleRefresh();
        return;
    }
    if (!m_search.isEmpty()) {
        scheduleRefresh();
        return;
    }
    if (!m_reader || !m_reader->isOpen())
        return;
    // Out of this folder: remove; into it: insert like new mail.
    QSet<qint64> gone;
    QList<Row> arrived;
    for (qint64 id : ids) {
        if (const std::optional<Row> row = readRow(id); row && belongsHere(*row))
            arrived.append(*row);
        else
            gone.insert(id);
    }
    removeMessages(gone);
    insertMessages(std::move(arrived));
}

void MessageListModel::onRemoved(const QList<qint64> &ids)
{
    if (!m_search.isEmpty()) {
        scheduleRefresh();
        return;
    }
    removeMessages(QSet<qint64>(ids.cbegin(), ids.cend()));
    // Grouped, the rest of the thread may now sort by an older message.
    if (showsThreads())
        scheduleRefresh();
}

void MessageListModel::insertMessages(QList<Row> messages)
{
    if (messages.isEmpty())
        return;
    std::sort(messages.begin(), messages.end(),
              [this](const Row &a, const Row &b) { return sortsBefore(a, b); });
    // Positions among the rows as they are now; the messages are in order, so the positions
    // never decrease. Insert from the end so the positions still to do stay valid.
    QList<int> positions;
    positions.reserve(messages.size());
    for (const Row &message : std::as_const(messages)) {
        const int at = insertPosition(message);
        const bool loaded = at >= 0 && at < m_rows.size() && m_rows.at(at).id == message.id;
        positions.append(loaded ? -1 : at);
    }
    for (qsizetype last = messages.size() - 1; last >= 0;) {
        const int at = positions.at(last);
        if (at < 0) {
            --last;
            continue;
        }
        qsizetype first = last;
        while (first > 0 && positions.at(first - 1) == at)
            --first;
        beginInsertRows({}, at, at + int(last - first));
        for (qsizetype k = first; k <= last; ++k)
            m_rows.insert(at + (k - first), messages.at(k));
        endInsertRows();
        last = first - 1;
    }
}

void MessageListModel::removeMessages(const QSet<qint64> &ids)
{
    if (ids.isEmpty())
        return;
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (!ids.contains(m_rows.at(i).id))
            continue;
        int first = i;
        while (first > 0 && ids.contains(m_rows.at(first - 1).id))
            --first;
        beginRemoveRows({}, first, i);
        m_rows.remove(first, i - first + 1);
        endRemoveRows();
        i = first;
    }
}

// Turns the loaded rows into `rows` with row removals, insertions and dataChanged, so that
// views keep their selection and current index for the messages that stay.
void MessageListModel::applyRows(const QList<Row> &rows)
{
    QHash<qint64, int> wanted;
    for (int i = 0; i < rows.size(); ++i)
        wanted.insert(rows.at(i).id, i);

    // Rows that are gone, from the end so earlier positions stay valid.
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (wanted.contains(m_rows.at(i).id))
            continue;
        int first = i;
        while (first > 0 && !wanted.contains(m_rows.at(first - 1).id))
            --first;
        beginRemoveRows({}, first, i);
        m_rows.remove(first, i - first + 1);
        endRemoveRows();
        i = first;
    }

    // Walk the wanted order: insert new rows, move rows whose place changed, update the rest.
    QSet<qint64> present;
    for (const Row &row : std::as_const(m_rows))
        present.insert(row.id);
    for (int i = 0; i < rows.size(); ++i) {
        const Row &row = rows.at(i);
        if (i < m_rows.size() && m_rows.at(i).id == row.id) {
            if (!Row::sameContent(m_rows.at(i), row)) {
                m_rows[i] = row;
                emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
            }
            continue;
        }
        int from = -1;
        for (int j = i + 1; present.contains(row.id) && j < m_rows.size(); ++j)
            if (m_rows.at(j).id == row.id) {
                from = j;
                break;
            }
        if (from >= 0) {
            beginMoveRows({}, from, from, {}, i);
            m_rows.move(from, i);
            endMoveRows();
            if (!Row::sameContent(m_rows.at(i), row)) {
                m_rows[i] = row;
                emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
            }
            continue;
        }
        int last = i;
        while (last + 1 < rows.size() && !present.contains(rows.at(last + 1).id))
            ++last;
        beginInsertRows({}, i, last);
        for (int k = i; k <= last; ++k) {
            m_rows.insert(k, rows.at(k));
            present.insert(rows.at(k).id);
        }
        endInsertRows();
        i = last;
    }
    // Anything left past the wanted rows (cannot happen after the removals, but be safe).
    if (m_rows.size() > rows.size()) {
        beginRemoveRows({}, int(rows.size()), int(m_rows.size() - 1));
        m_rows.resize(rows.size());
        endRemoveRows();
    }
}

void MessageListModel::updateChanged(const QList<qint64> &ids)
{
    if (!m_reader || !m_reader->isOpen())
        return;
    for (qint64 id : ids) {
        const int row = rowOfMessage(id);
        if (row < 0)
            continue;
        const std::optional<Row> read = readRow(id);
        if (!read)
            continue;
        const Row &fresh = *read;
        const bool reordered =
            fresh.date != m_rows.at(row).date || fresh.from != m_rows.at(row).from ||
            fresh.subject != m_rows.at(row).subject || fresh.size != m_rows.at(row).size;
        if (showsThreads() &&
            (fresh.date != m_rows.at(row).date || fresh.thread != m_rows.at(row).thread ||
             fresh.threadDate != m_rows.at(row).threadDate)) {
            scheduleRefresh();
            continue;
        }
        if (reordered && !m_search.isEmpty()) {
            scheduleRefresh();
            continue;
        }
        if (reordered) {
            // Take the row out, find its new place, and move it there (or drop it when it
            // now sorts after the loaded rows; it comes back with a later page).
            const Row old = m_rows.takeAt(row);
            const int place = insertPosition(fresh);
            m_rows.insert(row, old);
            if (place < 0) {
                beginRemoveRows({}, row, row);
                m_rows.remove(row);
                endRemoveRows();
                continue;
            }
            if (place != row) {
                beginMoveRows({}, row, row, {}, place < row ? place : place + 1);
                m_rows.move(row, place);
                endMoveRows();
            }
            m_rows[place] = fresh;
            emit dataChanged(index(place, 0), index(place, ColumnCount - 1));
            continue;
        }
        m_rows[row] = fresh;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

} // namespace Poplar::Ui
