#include "Logging.h"

Q_LOGGING_CATEGORY(lcPop3, "poplar.pop3", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSmtp, "poplar.smtp", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMime, "poplar.mime", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "poplar.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "poplar.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAccounts, "poplar.accounts", QtInfoMsg)
