#pragma once

#include "store/MessageSummary.h"

#include <QString>

#include <optional>

namespace Poplar::Store {

// A full-text search, newest first. text is what the user typed (see SearchText).
struct SearchQuery
{
    QString text;
    QString account;              // empty: all accounts
    std::optional<Folder> folder; // nullopt: every folder
    int offset = 0;
    int limit = 100;
};

} // namespace Poplar::Store
