// store/plan_shelf.h — the chain's 绩效目标申报表 and 绩效运行监控表 (model/plan.h) kept beside
// the self-evaluations (docs/chain.md, "In the workbench"), and how each is linked to one.
//
// A plan is kept as its canonical JSON, written and read by the caller (the store does not
// parse plans: nothing across plans is asked in SQL), with the columns linking needs beside
// it. Linking itself — which plan belongs to which 自评表 — is decided by the caller from
// these records (server/plan_links.h): automatically by department, year, scope and project
// (or project code), or by hand. A link made or undone by hand is audit-logged in the same
// transaction, like every other change.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ziping/model/plan.h"
#include "ziping/store/audit_trail.h"

namespace ziping::store {

enum class PlanLink {
  Auto,   // linked by department, year, scope and project (or project code)
  Manual, // linked by hand to form_id
  None,   // unlinked by hand: automatic linking leaves it alone
};
std::string_view plan_link_name(PlanLink link); // "auto", "manual", "none"
std::optional<PlanLink> parse_plan_link(std::string_view name);

struct PlanRecord {
  Id id = 0;
  Id department_id = 0;
  std::string department;
  model::PlanKind kind = model::PlanKind::Declaration;
  model::FormKind scope = model::FormKind::Project;
  std::optional<int> year;
  std::string title;
  std::string project;
  std::string project_code;
  std::string source_name; // the file it was imported from
  PlanLink link = PlanLink::Auto;
  std::optional<Id> form_id; // Manual: the 自评表 it is linked to
  std::string created_at;
  std::string created_by;
  std::string linked_at; // of the last link change by hand ("" when none)
  std::string linked_by;
};

struct StoredPlan {
  PlanRecord record;
  std::string content; // canonical plan JSON
};

struct NewPlan {
  model::Plan plan;    // department, kind, scope, year, project, code come from here
  std::string content; // the caller's canonical JSON of `plan`
  std::string source_name;
  Actor actor;
};

struct PlanFilter {
  std::optional<Id> department_id;
  std::optional<int> year;
  std::optional<Id> form_id;                   // linked by hand to this form
  std::optional<std::vector<Id>> linked_forms; // linked by hand to one of these forms
  // Only plans of these departments (the caller's visible units); unset: every plan.
  std::optional<std::vector<Id>> visible_departments;
  // Or of the departments at or under this organisation (FormFilter::visible_under).
  std::optional<Id> visible_under;
  int limit = 200;
};

class PlanShelf {
public:
  virtual ~PlanShelf() = default;
  // Files a plan (its department created when new) with an audit entry "plan.import".
  // Throws StoreError for a plan without a department (ZP0705, as for a form).
  virtual PlanRecord add(const NewPlan& plan) = 0;
  virtual std::optional<StoredPlan> plan(Id id) = 0;
  virtual std::optional<PlanRecord> record(Id id) = 0;
  // Newest first.
  virtual std::vector<PlanRecord> plans(const PlanFilter& filter) = 0;
  // Sets how a plan is linked: Manual needs form_id (an existing form; false when there is
  // none, or no such plan), Auto and None clear it. Audit entry "plan.link", "plan.unlink" or
  // "plan.autolink" naming the form.
  virtual bool set_link(Id plan_id, PlanLink link, std::optional<Id> form_id,
                        const Actor& actor) = 0;
};

} // namespace ziping::store
