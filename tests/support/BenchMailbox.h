#pragma once

#include "store/NewMessage.h"

#include <QRandomGenerator>
#include <QStringList>

namespace Poplar::TestSupport {

// The benchmarks' large mailbox, message by message, as the store takes it: Latin, Chinese,
// Japanese and Korean subjects and bodies with a Zipf-like word choice, 2,000 senders, three
// accounts ("account0".."account2"), five years of dates from 2020, 80% read. Message i
// depends on i and on the generator's state, so a fixed seed gives the same mailbox.
class BenchMailbox
{
public:
    static Store::NewMessage message(QRandomGenerator &rng, int i);
    // The Latin vocabulary, most frequent first (its last word is rare).
    static const QStringList &latinWords();
};

} // namespace Poplar::TestSupport
