// store/count_cache.h — the counts of form lists, kept per version of the data (migration 9's
// data_versions 'lists'). A list page used to count its matches from scratch on every request:
// 80% of PostgreSQL's time for a 财政 list of 3,848 of 100,000 forms (docs/scale.md). The count
// of one filter as one caller sees it (the WHERE clause and its parameters, which carry the
// caller's scope) cannot change until a transaction writes forms, departments or org_scope,
// and every such transaction raises the version.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace ziping::store {

class CountCache {
public:
  // The count kept for `key` under `version`, if any.
  std::optional<std::int64_t> find(std::int64_t version, const std::string& key) {
    std::lock_guard lock(mutex_);
    if (version != version_) return std::nullopt;
    auto found = counts_.find(key);
    if (found == counts_.end()) return std::nullopt;
    return found->second;
  }

  // Keeps a count made after reading `version`. Counts of an older version than the newest
  // seen are dropped (the version only rises); a newer version drops every kept count.
  void keep(std::int64_t version, const std::string& key, std::int64_t count) {
    std::lock_guard lock(mutex_);
    if (version < version_) return;
    if (version > version_ || counts_.size() >= kMaxEntries) {
      counts_.clear();
      version_ = version;
    }
    counts_[key] = count;
  }

private:
  // Filters × callers between two writes; past this the cache starts again.
  static constexpr std::size_t kMaxEntries = 4096;
  std::mutex mutex_;
  std::int64_t version_ = -1;
  std::unordered_map<std::string, std::int64_t> counts_;
};

} // namespace ziping::store
