#include "ziping/server/review_export.h"

#include <functional>

#include "ziping/store/review_log.h"

namespace ziping::server {

model::Review review_for_export(store::ReviewLog& log, store::Id form) {
  model::Review review;
  if (auto state = log.state(form))
    review.state =
        std::string(access::state_name_zh(*state)) + " " + std::string(access::state_name(*state));
  for (auto& s : log.scores(form))
    review.scores.push_back({std::move(s.path), s.self_score, s.reviewer_score, s.difference,
                             std::move(s.reason), std::move(s.reviewer), std::move(s.at)});
  for (auto& c : log.comments(form))
    review.comments.push_back(
        {std::move(c.path), std::move(c.text), std::move(c.author), std::move(c.at)});
  return review;
}

std::string review_fingerprint(const model::Review& review) {
  if (review.empty()) return {};
  // Every printed field, separated by a byte no field holds; the counts guard the hash.
  std::string all = review.state;
  auto add = [&](const std::string& part) { (all += '\x1f') += part; };
  for (const auto& s : review.scores) {
    add(s.path), add(s.reviewer_score.to_string()), add(s.reason), add(s.reviewer), add(s.at);
    add(s.self_score ? s.self_score->to_string() : "-");
  }
  for (const auto& c : review.comments) add(c.path), add(c.text), add(c.author), add(c.at);
  return std::to_string(review.scores.size()) + "s" + std::to_string(review.comments.size()) + "c" +
         std::to_string(std::hash<std::string>{}(all));
}

} // namespace ziping::server
