#include "ui/common/Logging.h"

Q_LOGGING_CATEGORY(lcUi, "poplar.ui", QtInfoMsg)
