#pragma once

#include "store/MessageSummary.h"

#include <QString>
#include <QVariant>

#include <optional>

namespace Poplar::Store {

// The message list's sort orders. Stored in settings as integers: never renumber.
enum class SortKey
{
    Date = 0,
    From = 1,
    Subject = 2,
    Size = 3
};

// Where a page ends, to ask for the next one without OFFSET (keyset paging): the sort value
// and id of the last row of the previous page. Take it from PageQuery::cursorAfter().
struct PageCursor
{
    QVariant sortValue; // qint64 for Date (ms since 1970 UTC) and Size, QString otherwise
    qint64 id = 0;
    // Grouped by thread (take it from StoreReader::threadCursorAfter()): the row's thread and
    // its thread date; sortValue is the row's date.
    qint64 thread = 0;
    qint64 threadDate = 0;
};

// One page of the message list, sorted; ties are broken by id in the same direction.
struct PageQuery
{
    QString account; // empty: all accounts
    Folder folder = Folder::Inbox;
    SortKey sortKey = SortKey::Date;
    Qt::SortOrder order = Qt::DescendingOrder;
    int offset = 0; // ignored when after is set
    int limit = 100;
    std::optional<PageCursor> after;
    // Grouped by conversation: threads ordered by their newest message in the folder, newest
    // thread first, and each thread's messages together, oldest first. sortKey and order are
    // then ignored.
    bool byThread = false;
};

} // namespace Poplar::Store
