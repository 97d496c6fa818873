#include "ziping/model/source_map.h"

#include <algorithm>

namespace ziping::model {

void SourceMap::set(const std::string& path, diag::SourceLocation location) {
  locations_[path] = std::move(location);
}

const diag::SourceLocation* SourceMap::find(const std::string& path) const {
  std::string key = path;
  while (true) {
    auto found = locations_.find(key);
    if (found != locations_.end()) return &found->second;
    if (key.empty()) return nullptr;
    key = parent_path(key);
  }
}

void SourceMap::erase_below(const std::string& path) {
  std::erase_if(locations_, [&](const auto& entry) {
    const std::string& key = entry.first;
    if (!key.starts_with(path)) return false;
    return key.size() == path.size() || key[path.size()] == '.' || key[path.size()] == '[';
  });
}

std::string parent_path(const std::string& path) {
  if (path.empty()) return {};
  if (path.back() == ']') {
    auto open = path.rfind('[');
    return open == std::string::npos ? std::string() : path.substr(0, open);
  }
  auto dot = path.rfind('.');
  auto bracket = path.rfind(']');
  if (dot == std::string::npos) return {};
  if (bracket != std::string::npos && bracket > dot) return path.substr(0, bracket + 1);
  return path.substr(0, dot);
}

void locate(std::vector<diag::Diagnostic>& diagnostics, const SourceMap& map) {
  for (auto& diagnostic : diagnostics) {
    if (diagnostic.where.empty()) {
      if (const auto* location = map.find(diagnostic.path)) {
        diagnostic.where = *location;
      } else if (!map.file().empty()) {
        diagnostic.where.file = map.file();
      }
    }
    locate(diagnostic.notes, map);
  }
}

} // namespace ziping::model
