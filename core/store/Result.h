#pragma once

#include "store/StoreError.h"

#include <utility>
#include <variant>

namespace Poplar::Store {

// A value or the StoreError that prevented it. Check ok() before value().
template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    {}
    Result(StoreError error)
        : m_data(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    // By value, so that `for (x : query().value())` does not iterate a destroyed temporary.
    T value() && { return std::get<T>(std::move(m_data)); }
    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

    StoreError error() const { return ok() ? StoreError() : std::get<StoreError>(m_data); }

private:
    std::variant<T, StoreError> m_data;
};

} // namespace Poplar::Store
