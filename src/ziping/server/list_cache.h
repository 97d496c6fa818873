// server/list_cache.h — whole responses of GET /api/forms, kept per version of the data they
// were made from (Store::list_version: migration 9's data_versions 'lists', which every
// transaction writing forms, departments, org_scope or plans raises). A list page as a 财政
// user cost ~3.4 ms of CPU (server and PostgreSQL: the page, its units, the plans of the
// page's chains, the JSON); the same page asked again before any write costs the caller's
// authentication, the version and a copy (docs/scale.md).
//
// Authorisation is not cached: the gate identifies the caller and narrows the filter on every
// request, and the key is the caller (user, role, organisation) with the narrowed filter, so a
// response is only ever given to the caller it was made for, under the same restriction.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace ziping::server {

class ListCache {
public:
  using Body = std::shared_ptr<const std::string>;

  // The response kept for `key` under `version`, if any.
  Body find(std::int64_t version, const std::string& key) {
    std::lock_guard lock(mutex_);
    if (version != version_) return nullptr;
    auto found = bodies_.find(key);
    return found == bodies_.end() ? nullptr : found->second;
  }

  // Keeps a response made after reading `version` (read BEFORE the response's own reads: a
  // write committed in between raises the version, so a response is never kept under a
  // version older than the data it shows). Older versions than the newest seen are dropped; a
  // newer version drops every kept response.
  void keep(std::int64_t version, const std::string& key, Body body) {
    std::lock_guard lock(mutex_);
    if (version < version_) return;
    if (version > version_ || bytes_ + body->size() > kMaxBytes) {
      bodies_.clear();
      bytes_ = 0;
      version_ = version;
    }
    bytes_ += body->size();
    bodies_[key] = std::move(body);
  }

private:
  // Pages × callers between two writes; past this the cache starts again.
  static constexpr std::size_t kMaxBytes = std::size_t(64) << 20;
  std::mutex mutex_;
  std::int64_t version_ = -1;
  std::size_t bytes_ = 0;
  std::unordered_map<std::string, Body> bodies_;
};

} // namespace ziping::server
