// io/json/plan_json.h — the chain's two other forms (model/plan.h: 绩效目标申报表, 绩效运行监控表)
// in the canonical form JSON (docs/form-json.md): the same "format" and "format_version" as a
// 自评表, told apart by "kind" ("declaration", "monitoring"), with "scope" saying project or
// 部门整体. Keys, their order and which are required come from the field catalogue's Decl*/Mon*
// owners (model/fields.def), as for the 自评表.
//
// Reading never throws on content and never stops at the first bad field (like
// read_form_json); writing is a pure function of the plan, byte-stable through a read.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ziping/diag/diagnostic.h"
#include "ziping/model/plan.h"
#include "ziping/model/source_map.h"

namespace ziping::io::json {

using model::PlanReadResult;

PlanReadResult read_plan_json(std::string_view bytes, const std::string& file_name);
std::string write_plan_json(const model::Plan& plan);

// The "kind" of a canonical JSON document without reading the rest: "department", "project",
// "declaration", "monitoring", or "" when it has none (or is not JSON at all).
std::string json_form_kind(std::string_view bytes);

} // namespace ziping::io::json
