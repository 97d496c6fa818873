// store/versioned_cache.h — values kept per version of the data they were made from (migration
// 9's data_versions 'lists', which every transaction writing forms, departments, org_scope or
// plans raises). A value found under the current version is the value a fresh computation would
// give; a newer version drops every kept value. Used for the counts of form lists
// (count_cache.h) and whole list responses (server/list_cache.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace ziping::store {

// `Cost` weighs a value against the budget (entries, bytes); past the budget the cache starts
// again.
template <class Value, class Cost> class VersionedCache {
public:
  explicit VersionedCache(std::size_t budget) : budget_(budget) {}

  // The value kept for `key` under `version`, if any.
  std::optional<Value> find(std::int64_t version, const std::string& key) {
    std::lock_guard lock(mutex_);
    if (version != version_) return std::nullopt;
    auto found = values_.find(key);
    if (found == values_.end()) return std::nullopt;
    return found->second;
  }

  // Keeps a value made after reading `version` (read BEFORE the value's own reads: a write
  // committed in between raises the version, so a value is never kept under a version older
  // than the data it shows). Values of an older version than the newest seen are dropped (the
  // version only rises); a newer version drops every kept value.
  void keep(std::int64_t version, const std::string& key, Value value) {
    std::lock_guard lock(mutex_);
    if (version < version_) return;
    std::size_t cost = Cost{}(value);
    if (version > version_ || used_ + cost > budget_) {
      values_.clear();
      used_ = 0;
      version_ = version;
    }
    used_ += cost;
    values_[key] = std::move(value);
  }

private:
  const std::size_t budget_;
  std::mutex mutex_;
  std::int64_t version_ = -1;
  std::size_t used_ = 0;
  std::unordered_map<std::string, Value> values_;
};

} // namespace ziping::store
