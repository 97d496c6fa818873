// facts/evaluation_facts.h — a scored and checked form (check::Run) as the facts the store
// keeps for analyses (store/facts.h): one LeafFact per leaf with its parsed target and actual,
// its deviation, formula and declared scores and the codes of the diagnostics on it, and the
// form's sums. Every caller that files a form (the server's workbench, the demo, `ziping load`,
// `ziping rescore`) builds them here, so the store's facts mean the same whoever wrote them.
#pragma once

#include "ziping/check/run.h"
#include "ziping/store/facts.h"

namespace ziping::facts {

store::FormFacts facts_of(const check::Run& run);

// "2023年义务教育项目" → "义务教育项目": a project's name without the year it was filed for.
std::string project_key(std::string_view project);

} // namespace ziping::facts
