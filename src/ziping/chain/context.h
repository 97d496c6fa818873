// chain/context.h — how the chain's checks emit: severities from the catalogue unless the
// rule set overrides them, every diagnostic and note located through the map of the form it
// names (the three forms have three maps, so nothing is located after the fact).
#pragma once

#include <string>
#include <vector>

#include "ziping/chain/chain.h"

namespace ziping::chain {

struct Emitter {
  const rules::RuleSet& rules;
  std::vector<diag::Diagnostic>& out;

  diag::Diagnostic make(diag::DiagId id, const model::SourceMap& map, std::string path,
                        std::vector<std::string> args = {}) const;
  diag::Diagnostic& emit(diag::DiagId id, const model::SourceMap& map, std::string path,
                         std::vector<std::string> args = {}) const;
  // Attaches a note located in (possibly) another form.
  void note(diag::Diagnostic& to, diag::DiagId id, const model::SourceMap& map, std::string path,
            std::vector<std::string> args = {}) const;
};

// A percentage from an exact ratio: 0.495 → "49.50%".
std::string percent(const num::Decimal& ratio);

// The families of check_chain (one file each).
struct ChainForms {
  const PlanInput& declaration;
  const PlanInput* monitoring;
  const SelfInput& self;
};
void check_identity(const Emitter& emitter, const ChainForms& forms);
void check_indicators(const Emitter& emitter, const ChainForms& forms);
void check_budget_chain(const Emitter& emitter, const ChainForms& forms);

} // namespace ziping::chain
