#pragma once

#include <QString>

namespace Poplar {

// The version comes from project(VERSION) in the top-level CMakeLists.txt, and nowhere else.
inline QString version()
{
    return QStringLiteral(POPLAR_VERSION);
}

} // namespace Poplar
