// The progress board of a 主管部门 or 财政局 (GET /api/progress): every unit at or under the
// caller's organisation (or the one asked for), with the least advanced state of its forms of
// the year, the forms themselves, and the totals per state.
#include <algorithm>
#include <map>

#include "ziping/access/review_chain.h"
#include "ziping/server/account_json.h"
#include "ziping/server/api_error.h"
#include "ziping/server/json_out.h"
#include "ziping/server/review_deadline.h"
#include "ziping/server/routes.h"
#include "ziping/store/directory.h"

namespace ziping::server {
namespace {

// The board's columns, least advanced first.
constexpr std::pair<const char*, const char*> kColumns[] = {
    {"not_started", "未填报"}, {"draft", "填报中"},        {"returned", "已退回"},
    {"submitted", "已提交"},   {"reviewed", "主管已审核"}, {"approved", "已通过"},
    {"published", "已公开"}};

int rank_of(std::string_view state) {
  for (std::size_t i = 0; i < std::size(kColumns); ++i)
    if (state == kColumns[i].first) return int(i);
  return 1;
}

// The organisation tree, read once per request.
class OrgTree {
public:
  explicit OrgTree(std::vector<store::Org> orgs) : orgs_(std::move(orgs)) {
    for (const auto& o : orgs_) by_id_[o.id] = &o;
  }
  const std::vector<store::Org>& orgs() const { return orgs_; }
  const store::Org* find(store::Id id) const {
    auto found = by_id_.find(id);
    return found == by_id_.end() ? nullptr : found->second;
  }
  bool under(store::Id org, store::Id ancestor) const {
    for (std::optional<store::Id> at = org; at;) {
      if (*at == ancestor) return true;
      const store::Org* o = find(*at);
      at = o ? o->parent_id : std::nullopt;
    }
    return false;
  }

private:
  std::vector<store::Org> orgs_;
  std::map<store::Id, const store::Org*> by_id_;
};

// The caller's organisation, or the one asked for (?org=) when it is the caller's or under it;
// nothing for an administrator who asks for none.
std::optional<store::Id> board_root(const Request& req, const OrgTree& tree) {
  const Caller& caller = req.caller;
  std::optional<store::Id> root = caller.principal.org;
  auto asked = integer_param(req, "org", 1, INT64_MAX);
  if (!asked) return root;
  if (!tree.find(*asked) ||
      (caller.principal.role != access::Role::Admin && (!root || !tree.under(*asked, *root))))
    throw bad_parameter("org", std::to_string(*asked), "本单位或下级组织的编号",
                        "your organisation or one under it");
  return store::Id(*asked);
}

std::vector<const store::Org*> units_under(const OrgTree& tree, std::optional<store::Id> root) {
  std::vector<const store::Org*> units;
  for (const auto& o : tree.orgs())
    if (o.kind == access::OrgKind::Unit && (!root || tree.under(o.id, *root))) units.push_back(&o);
  return units;
}

// Every form of the units: under an organisation joined in SQL (org_scope), not thousands of
// ids as parameters; without one (an administrator) the forms of every registered unit.
std::vector<store::FormRecord> forms_of(RouteContext& ctx, std::optional<store::Id> root,
                                        const std::vector<const store::Org*>& units) {
  store::FormFilter filter;
  if (root) {
    filter.visible_under = *root;
  } else {
    std::vector<store::Id> departments;
    for (const store::Org* unit : units)
      if (unit->department_id) departments.push_back(*unit->department_id);
    filter.visible_departments = std::move(departments);
  }
  filter.limit = store::kMaxPageSize;
  std::vector<store::FormRecord> records;
  for (;;) {
    store::FormPage page = ctx.bench.store().list_forms(filter);
    records.insert(records.end(), page.items.begin(), page.items.end());
    if (!page.next) break;
    filter.after = page.next; // keyset: the next page from the index, not past an offset
  }
  return records;
}

// ?year=, else the latest year among the forms, else last year.
int board_year(const Request& req, const std::vector<store::FormRecord>& records) {
  if (auto asked = integer_param(req, "year", 1900, 9999)) return int(*asked);
  int year = 0;
  for (const auto& r : records)
    if (r.year) year = std::max(year, *r.year);
  return year != 0 ? year : std::stoi(today_utc().substr(0, 4)) - 1;
}

void write_board_form(JsonOut& out, const store::FormRecord& r) {
  access::ReviewState s = access::parse_state(r.review_state).value_or(access::ReviewState::Draft);
  out.begin_object();
  out.key("id").integer(r.id);
  out.key("kind").string(store::kind_name(r.kind));
  out.key("title").string(r.title);
  out.key("project").string(r.project);
  out.key("review_state").string(access::state_name(s));
  out.key("review_state_label").string(access::state_name_zh(s));
  out.key("updated_at").string(r.updated_at);
  out.end_object();
}

void write_optional_org(JsonOut& out, const store::Org* org) {
  if (org)
    write_org_ref(out, *org);
  else
    out.null();
}

// One unit's row: its least advanced state (未填报 without forms), the counts per state and
// its forms. Returns the row's state for the totals.
const char* write_unit(JsonOut& out, const OrgTree& tree, const store::Org& unit,
                       const std::vector<const store::FormRecord*>& mine, bool overdue_now) {
  int least = mine.empty() ? 0 : int(std::size(kColumns)) - 1;
  std::map<std::string, std::int64_t> counts;
  for (const auto* r : mine) {
    least = std::min(least, rank_of(r->review_state));
    ++counts[r->review_state];
  }
  out.begin_object();
  out.key("unit");
  write_org_ref(out, unit);
  out.key("supervisor");
  write_optional_org(out, unit.parent_id ? tree.find(*unit.parent_id) : nullptr);
  out.key("department_id");
  if (unit.department_id)
    out.integer(*unit.department_id);
  else
    out.null();
  out.key("state").string(kColumns[least].first);
  out.key("state_label").string(kColumns[least].second);
  out.key("overdue").boolean(overdue_now && least <= rank_of("returned"));
  out.key("counts").begin_object();
  for (const auto& [name, count] : counts) out.key(name).integer(count);
  out.end_object();
  out.key("forms").begin_array();
  for (const auto* r : mine) write_board_form(out, *r);
  out.end_array();
  out.end_object();
  return kColumns[least].first;
}

void progress(RouteContext& ctx, const Request& req, Response& res) {
  const OrgTree tree(ctx.bench.store().directory().orgs());
  const std::optional<store::Id> root = board_root(req, tree);
  const std::vector<const store::Org*> units = units_under(tree, root);
  const std::vector<store::FormRecord> records = forms_of(ctx, root, units);
  const int year = board_year(req, records);
  const std::string deadline = deadline_of(ctx, year);
  const bool overdue_now = today_utc() > deadline;

  // The year's forms by department, in the order listed, so each unit finds its own at once.
  std::map<store::Id, std::vector<const store::FormRecord*>> by_department;
  for (const auto& r : records)
    if (r.year == year) by_department[r.department_id].push_back(&r);

  JsonOut out;
  out.begin_object();
  out.key("org");
  write_optional_org(out, root ? tree.find(*root) : nullptr);
  out.key("year").integer(year);
  out.key("deadline").string(deadline);
  out.key("overdue_now").boolean(overdue_now);
  out.key("states").begin_array();
  for (const auto& [name, label] : kColumns)
    out.begin_object().key("name").string(name).key("label").string(label).end_object();
  out.end_array();
  std::map<std::string, std::int64_t> totals;
  static const std::vector<const store::FormRecord*> kNone;
  out.key("units").begin_array();
  for (const store::Org* unit : units) {
    auto found =
        unit->department_id ? by_department.find(*unit->department_id) : by_department.end();
    ++totals[write_unit(out, tree, *unit, found == by_department.end() ? kNone : found->second,
                        overdue_now)];
  }
  out.end_array();
  out.key("totals").begin_object();
  for (const auto& [name, label] : kColumns) out.key(name).integer(totals[name]);
  out.end_object();
  out.end_object();
  send_json(res, 200, out.take());
}

} // namespace

void add_progress_routes(Router& router, RouteContext& ctx) {
  using E = access::EndpointId; // tests/meta/openapi_routes.py reads router.add(E::…)
  router.add(E::progress, [&ctx](const Request& req, Response& res) { progress(ctx, req, res); });
}

} // namespace ziping::server
