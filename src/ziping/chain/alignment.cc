#include "ziping/chain/alignment.h"

#include "ziping/chain/matching.h"

namespace ziping::chain {
namespace {

std::string path_of(const LeafName& leaf) {
  return model::indicator_path(leaf.goal, leaf.index);
}

} // namespace

std::string_view side_name(Side side) {
  switch (side) {
  case Side::Declaration:
    return "declaration";
  case Side::Monitoring:
    return "monitoring";
  case Side::Self:
    break;
  }
  return "self";
}

std::vector<AlignedRow> align(const model::Plan* declaration, const model::Plan* monitoring,
                              const model::Form& self) {
  std::vector<LeafName> d, m, s = leaf_names(self.goals);
  if (declaration) d = leaf_names(declaration->goals);
  if (monitoring) m = leaf_names(monitoring->goals);
  std::vector<AlignedRow> rows;
  // The declaration is the pivot, as for the checks: its leaves against the 自评表's and the
  // monitoring form's.
  Matching ds = match_leaves(d, s);
  Matching dm = match_leaves(d, m);
  for (std::size_t i = 0; i < d.size(); ++i) {
    AlignedRow row;
    row.declaration = path_of(d[i]);
    if (auto j = ds.from[i].other) row.self = path_of(s[*j]);
    if (auto k = dm.from[i].other) row.monitoring = path_of(m[*k]);
    if (!row.self && ds.from[i].proposal) {
      row.proposal_side = Side::Self;
      row.proposal_path = path_of(s[*ds.from[i].proposal]);
      row.similarity = ds.from[i].similarity;
    }
    rows.push_back(std::move(row));
  }
  // The 自评表's leaves nobody declared, each with the monitoring leaf of its name if the
  // declaration did not take it.
  std::vector<LeafName> s_rest, m_rest;
  std::vector<std::size_t> s_index, m_index;
  for (std::size_t j = 0; j < s.size(); ++j)
    if (!ds.matched_to[j]) s_rest.push_back(s[j]), s_index.push_back(j);
  for (std::size_t k = 0; k < m.size(); ++k)
    if (!dm.matched_to[k]) m_rest.push_back(m[k]), m_index.push_back(k);
  Matching sd = match_leaves(s_rest, d);
  Matching sm = match_leaves(s_rest, m_rest);
  for (std::size_t j = 0; j < s_rest.size(); ++j) {
    AlignedRow row;
    row.self = path_of(s_rest[j]);
    if (auto k = sm.from[j].other) row.monitoring = path_of(m_rest[*k]);
    if (declaration && sd.from[j].proposal) {
      row.proposal_side = Side::Declaration;
      row.proposal_path = path_of(d[*sd.from[j].proposal]);
      row.similarity = sd.from[j].similarity;
    }
    rows.push_back(std::move(row));
  }
  for (std::size_t k = 0; k < m_rest.size(); ++k) {
    if (sm.matched_to[k]) continue;
    AlignedRow row;
    row.monitoring = path_of(m_rest[k]);
    rows.push_back(std::move(row));
  }
  return rows;
}

} // namespace ziping::chain
