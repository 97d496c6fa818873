// server/export_cache.h — exports of a stored revision, kept by (form, revision, format, rule
// set, mode, review fingerprint). A revision never changes (the store only appends) and the
// 财政复核 it prints is in the key, so an entry is never stale; rendering a 40,000-indicator form
// costs seconds and anyone may ask again, so the second ask is a lookup. Bounded: at most
// kExportCacheBytes in all (least recently used dropped first), and no single export larger than
// kExportCacheEntryBytes is kept.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace ziping::server {

inline constexpr std::size_t kExportCacheBytes = 128u << 20;
inline constexpr std::size_t kExportCacheEntryBytes = 48u << 20;

struct ExportKey {
  long long form = 0; // the form's or the plan's id
  int revision = 0;
  std::string format, rules, mode;
  std::string review; // review_fingerprint(): the 财政复核 printed beside the revision
  // "form" (a form's revision) or "plan" (a stored 申报表/监控表, which never changes: only
  // its link does, and the export does not print it).
  std::string subject = "form";
  std::string text() const;
};

// The bytes for `key`: from the cache, or made by `render` and kept. `hit` says which.
std::shared_ptr<const std::string>
cached_export(const ExportKey& key, const std::function<std::string()>& render, bool& hit);

} // namespace ziping::server
