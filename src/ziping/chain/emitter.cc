#include "ziping/chain/context.h"

namespace ziping::chain {

diag::Diagnostic Emitter::make(diag::DiagId id, const model::SourceMap& map, std::string path,
                               std::vector<std::string> args) const {
  auto d = diag::make(id, std::move(path), std::move(args));
  if (auto severity = rules.severity_for(d.code())) d.severity = *severity;
  if (const auto* at = map.find(d.path)) d.where = *at;
  if (d.where.file.empty()) d.where.file = map.file();
  return d;
}

diag::Diagnostic& Emitter::emit(diag::DiagId id, const model::SourceMap& map, std::string path,
                                std::vector<std::string> args) const {
  out.push_back(make(id, map, std::move(path), std::move(args)));
  return out.back();
}

void Emitter::note(diag::Diagnostic& to, diag::DiagId id, const model::SourceMap& map,
                   std::string path, std::vector<std::string> args) const {
  to.notes.push_back(make(id, map, std::move(path), std::move(args)));
}

std::string percent(const num::Decimal& ratio) {
  return (ratio * num::Decimal::from_int(100))
             .rounded(2, num::RoundingMode::HalfUp)
             .with_min_scale(2)
             .to_string() +
         "%";
}

} // namespace ziping::chain
