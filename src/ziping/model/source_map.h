// model/source_map.h — where each node of a Form came from (file:line:col, sheet!cell,
// page), keyed by model path, so that a diagnostic about "goals[3].indicators[2].score"
// points at the cell a person must fix.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "ziping/diag/diagnostic.h"

namespace ziping::model {

class SourceMap {
public:
  void set(const std::string& path, diag::SourceLocation location);
  // The location recorded for `path`, or for its nearest recorded ancestor
  // ("goals[3].indicators[2].score" → "goals[3].indicators[2]" → "goals[3]" → "").
  const diag::SourceLocation* find(const std::string& path) const;
  // Forgets `path` and every path below it ("goals[0].indicators" also takes
  // "goals[0].indicators[2].score"), so that a reading which replaces those nodes does not
  // leave the replaced reading's locations behind for a diagnostic to find.
  void erase_below(const std::string& path);
  // The file every location refers to; used when nothing more precise is known.
  void set_file(std::string file) { file_ = std::move(file); }
  const std::string& file() const { return file_; }
  bool empty() const { return locations_.empty(); }

private:
  std::unordered_map<std::string, diag::SourceLocation> locations_;
  std::string file_;
};

// Fills `where` of every diagnostic (and note) that has none yet from the map.
void locate(std::vector<diag::Diagnostic>& diagnostics, const SourceMap& map);

// The parent of a model path: "a[1].b" → "a[1]", "a[1]" → "a", "a" → "".
std::string parent_path(const std::string& path);

} // namespace ziping::model
