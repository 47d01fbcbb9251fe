#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Poplar::Store {

// A message in the Outbox: the exact bytes that will be sent (no Bcc header), the envelope,
// and where it stands. Kept in the store before any network step, so it survives a crash.
struct OutgoingRecord
{
    // Stored as an integer: never renumber.
    enum class State
    {
        Queued = 0,  // waits to be sent (again, after a temporary failure: see nextAttempt)
        Sending = 1, // a submission started; after a crash this becomes Unknown
        Failed = 2,  // the server refused it for good; lastError says why
        Unknown = 3  // the final "." went out but no answer came: it may have been sent.
                     // Never sent again unless the user says so.
    };

    qint64 id = 0;
    QString account;
    State state = State::Queued;
    QByteArray raw;         // empty in lists (outbox()); read with outgoingRaw()
    QString envelopeFrom;   // MAIL FROM
    QStringList recipients; // RCPT TO: To, Cc and Bcc addresses
    QString bcc;            // display form of the Bcc recipients, kept locally only
    QString subject;        // for lists
    QString to;             // display form of To, for lists
    QString messageId;      // without angle brackets
    qint64 size = 0;        // bytes of raw
    QDateTime createdAt;
    int attempts = 0;        // submissions tried so far
    QDateTime nextAttemptAt; // a Queued message is not tried before; invalid: at once
    QString lastError;       // the last failure in words (Failed, Unknown, or a retry)
};

} // namespace Poplar::Store
