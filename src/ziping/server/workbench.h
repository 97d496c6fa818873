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

#include "ziping/check/run.h"
#include "ziping/io/json/json_value.h"
#include "ziping/io/registry.h"
#include "ziping/model/read_result.h"
#include "ziping/rules/rule_set.h"
#include "ziping/store/store.h"

namespace ziping::server {

// What a create or save says besides the form.
struct FilingOptions {
  std::string author;
  std::optional<store::Id> author_id; // the logged-in user: the audit entry names them
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

  // Reads `bytes`; ApiError 422 unreadable_form (ZP0715, the diagnostics in its details) when
  // no form comes back.
  static model::ReadResult read(std::string_view bytes, const io::Format& format,
                                const io::ReadOptions& options);
  // Canonical form JSON: a whole body (the draft check), or the "content" member of a body
  // already parsed (create, save), whose diagnostics then give line:column in that body.
  static model::ReadResult read_json(std::string_view bytes, const std::string& file_name);
  static model::ReadResult read_json(const io::json::JsonValue& content,
                                     const std::string& file_name);

  static store::Summary summary(const check::Run& run);
  // What the store refuses (no department, U+0000 in a text), refused as the form's fault:
  // ApiError 422 no_department / unstorable_text.
  static void check_storable(const model::Form& form);
  static std::string score_json(const check::Run& run);

  // The rule set and mode a new filing is scored under: the options', else cn-2020 / review.
  const rules::RuleSet& filing_rules(const FilingOptions& options) const;
  static rules::Mode filing_mode(const FilingOptions& options);

  // Files `run` (scored under filing_rules/filing_mode(options)) as a new form, revision 1,
  // and answers with what was stored.
  store::StoredForm create(const check::Run& run, const FilingOptions& options);
  // The same for a form just read: scored once, under filing_rules/filing_mode(options).
  store::StoredForm create(model::ReadResult read, const FilingOptions& options);
  // A save on top of `base_revision`; scored under the rules and mode the form will have.
  // Saved: `current` is the revision this save wrote. Conflict and NotFound come back in the
  // result (the routes answer 409 / 404).
  store::SaveResult save(store::Id id, int base_revision, model::ReadResult read,
                         const FilingOptions& options);

  // The stored form (revision given or current) or ApiError 404.
  store::StoredForm stored(store::Id id, std::optional<int> revision);
  // Writes `stored` in `format`, with the scores and diagnostics under its own rules and mode
  // unless others are given, and the 财政复核 when `review` is given.
  static std::string write(const store::StoredForm& stored, const io::Format& format,
                           const rules::RuleSet& rules, rules::Mode mode,
                           const model::Review* review = nullptr);

private:
  store::Store& store_;
  std::map<std::string, rules::RuleSet, std::less<>> rules_;
};

// "application/json; charset=utf-8", "application/pdf", … by the format's first extension.
std::string media_type(const io::Format& format);

} // namespace ziping::server
