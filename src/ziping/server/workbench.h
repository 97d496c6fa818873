// server/workbench.h — what the API does, with no HTTP in it: reads forms through the format
// registry, scores and checks them under a rule set, files them into the store with the summary
// lists filter on, and writes them out in any registered format. The routes (routes_*.cc) only
// translate requests and responses.
//
// It never touches the disk: uploads and exports are converted in memory. Rule sets are the
// embedded ones, loaded once and shared read-only by every request thread.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ziping/check/check.h"
#include "ziping/io/registry.h"
#include "ziping/model/read_result.h"
#include "ziping/rules/rule_set.h"
#include "ziping/store/store.h"

namespace ziping::server {

// A form scored under a rule set, with every diagnostic about it (from reading, scoring and
// checking) located through the reader's SourceMap and in source order.
struct Scored {
  model::Form form;
  const rules::RuleSet* rules = nullptr;
  rules::Mode mode = rules::Mode::Review;
  check::Assessment assessment;
  std::vector<diag::Diagnostic> diagnostics;
};

// What a create or save says besides the form.
struct FilingOptions {
  std::string author;
  std::string comment;
  std::optional<store::Status> status;
  std::optional<std::string> rules;
  std::optional<std::string> mode;
};

class Workbench {
public:
  explicit Workbench(store::Store& store);

  store::Store& store() { return store_; }

  // Rule sets. Unknown names are ApiError 400 unknown_rule_set (ZP0602).
  const rules::RuleSet& rule_set(std::string_view name) const;
  const std::map<std::string, rules::RuleSet, std::less<>>& rule_sets() const { return rules_; }
  static rules::Mode parse_mode(std::string_view name); // ApiError 400 on other values
  static std::string_view mode_name(rules::Mode mode);

  // Reads `bytes`; ApiError 422 unreadable_form (ZP0715, the diagnostics in its details) when
  // no form comes back.
  static model::ReadResult read(std::string_view bytes, const io::Format& format,
                                const io::ReadOptions& options);
  // Canonical form JSON (the request bodies of check, create and save).
  static model::ReadResult read_json(std::string_view bytes, const std::string& file_name);

  Scored score(model::ReadResult read, const rules::RuleSet& rules, rules::Mode mode) const;
  Scored score(const model::Form& form, const rules::RuleSet& rules, rules::Mode mode) const;
  static store::Summary summary(const Scored& scored);
  static std::string score_json(const Scored& scored);

  // Files a new form (revision 1), scored under options.rules (default cn-2020) and mode.
  store::StoredForm create(model::ReadResult read, const FilingOptions& options);
  // A save on top of `base_revision`; scored under the rules and mode the form will have.
  // Conflict and NotFound come back in the result (the routes answer 409 / 404).
  store::SaveResult save(store::Id id, int base_revision, model::ReadResult read,
                         const FilingOptions& options);

  // The stored form (revision given or current) or ApiError 404.
  store::StoredForm stored(store::Id id, std::optional<int> revision);
  // Writes `stored` in `format`, with the scores and diagnostics under its own rules and mode
  // unless others are given.
  std::string write(const store::StoredForm& stored, const io::Format& format,
                    const rules::RuleSet& rules, rules::Mode mode) const;

private:
  store::Store& store_;
  std::map<std::string, rules::RuleSet, std::less<>> rules_;
};

// "application/json; charset=utf-8", "application/pdf", … by the format's first extension.
std::string media_type(const io::Format& format);

} // namespace ziping::server
