#pragma once

namespace Poplar::Sync {

// What happens to a message on the server once Poplar has it safely on disk.
struct LeavePolicy
{
    enum class Mode
    {
        Keep,               // leave everything on the server (the default)
        DeleteAfterDays,    // delete once the message was first seen `days` days ago
        DeleteWhenDeleted,  // delete when the user deletes it for good from Poplar's Trash
        DeleteAfterDownload // delete as soon as the download is committed
    };
    Mode mode = Mode::Keep;
    int days = 14;

    bool operator==(const LeavePolicy &) const = default;
};

} // namespace Poplar::Sync
