// model/review.h — the 财政复核 of a form as a writer sees it: per leaf the reviewer's score
// beside the self-score, the reason, who gave it and when; the review state's label and the
// reviewers' comments with the form paths they are pinned to.
//
// Declared data only: the server fills it from the store's review log when it exports, so that
// the writers (io/) show the review without depending on the store. It is never part of the
// unit's declared form: readers ignore it, and writers print it apart from the form.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ziping/num/decimal.h"

namespace ziping::model {

struct ReviewedLeaf {
  std::string path;                       // a leaf: "goals[0].indicators[3]"
  std::optional<num::Decimal> self_score; // the form's 得分 when the score was given
  num::Decimal reviewer_score;            // exact, as the reviewer typed it
  std::optional<num::Decimal> difference; // reviewer − self
  std::string reason;
  std::string reviewer;
  std::string at;
};

struct ReviewNote {
  std::string path; // the cell it is pinned to: "goals[0].indicators[3].actual"; "" the form
  std::string text;
  std::string author;
  std::string at;
};

struct Review {
  std::string state; // the chain's state as printed, e.g. "财政复核中 finance_review"
  std::vector<ReviewedLeaf> scores;
  std::vector<ReviewNote> comments;

  bool empty() const { return scores.empty() && comments.empty(); }
  // The score for a leaf path, nullptr when the reviewer gave none.
  const ReviewedLeaf* score_for(const std::string& leaf_path) const {
    for (const auto& s : scores)
      if (s.path == leaf_path) return &s;
    return nullptr;
  }
};

} // namespace ziping::model
