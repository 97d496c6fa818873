#include "ziping/server/export_cache.h"

#include <list>
#include <mutex>
#include <unordered_map>

namespace ziping::server {
namespace {

struct Cache {
  std::mutex mutex;
  std::list<std::pair<std::string, std::shared_ptr<const std::string>>> order; // newest first
  std::unordered_map<std::string, decltype(order)::iterator> index;
  std::size_t bytes = 0;
};

Cache& cache() {
  static Cache instance;
  return instance;
}

} // namespace

std::string ExportKey::text() const {
  // Fields cannot hold '\n' (names of formats, rule sets and modes are checked before).
  return subject + "\n" + std::to_string(form) + "\n" + std::to_string(revision) + "\n" + format +
         "\n" + rules + "\n" + mode + "\n" + review;
}

std::shared_ptr<const std::string>
cached_export(const ExportKey& key, const std::function<std::string()>& render, bool& hit) {
  Cache& c = cache();
  std::string k = key.text();
  {
    std::lock_guard lock(c.mutex);
    auto found = c.index.find(k);
    if (found != c.index.end()) {
      c.order.splice(c.order.begin(), c.order, found->second);
      hit = true;
      return found->second->second;
    }
  }
  hit = false;
  // Rendered outside the lock: two first asks may both render; the second keeps its own copy.
  auto bytes = std::make_shared<const std::string>(render());
  if (bytes->size() > kExportCacheEntryBytes) return bytes;
  std::lock_guard lock(c.mutex);
  if (c.index.count(k)) return bytes;
  c.order.emplace_front(k, bytes);
  c.index[k] = c.order.begin();
  c.bytes += bytes->size();
  while (c.bytes > kExportCacheBytes && !c.order.empty()) {
    c.bytes -= c.order.back().second->size();
    c.index.erase(c.order.back().first);
    c.order.pop_back();
  }
  return bytes;
}

} // namespace ziping::server
