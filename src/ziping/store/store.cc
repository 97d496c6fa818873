#include "ziping/store/store.h"

#include "ziping/text/enum_names.h"

namespace ziping::store {
namespace {

constexpr text::EnumName<Status> kStatuses[] = {
    {Status::Draft, "draft", "填报中"},
    {Status::Submitted, "submitted", "已提交"},
    {Status::Returned, "returned", "已退回"},
    {Status::Approved, "approved", "已审核"},
};

} // namespace

std::string_view status_name(Status status) {
  return text::entry_of(kStatuses, status).name;
}
std::string_view status_name_zh(Status status) {
  return text::entry_of(kStatuses, status).zh;
}

// Statuses travel in English only: the Chinese names are for display.
std::optional<Status> parse_status(std::string_view name) {
  return text::parse_enum(kStatuses, name, text::AcceptChinese::No);
}

std::string status_names() {
  return text::joined_names(kStatuses);
}

StoreError::StoreError(diag::Diagnostic diagnostic)
    : std::runtime_error(diagnostic.message_en()), diagnostic_(std::move(diagnostic)) {}

std::optional<std::string> unstorable_text(const model::Form& f) {
  auto bad = [](const std::string& text) { return text.find('\0') != std::string::npos; };
  struct Field {
    const char* name;
    const std::string* text;
  };
  for (Field field : {Field{"title", &f.title},
                      {"department", &f.department},
                      {"project", &f.project},
                      {"implementing_unit", &f.implementing_unit},
                      {"money_unit", &f.money_unit},
                      {"grade", &f.grade},
                      {"conclusion", &f.conclusion},
                      {"problems", &f.problems},
                      {"improvements", &f.improvements},
                      {"project_leader", &f.project_leader},
                      {"finance_leader", &f.finance_leader},
                      {"budget.rate", &f.budget.rate},
                      {"budget.deviation_reason", &f.budget.deviation_reason}})
    if (bad(*field.text)) return field.name;
  for (std::size_t i = 0; i < f.budget.sources.size(); ++i) {
    const auto& s = f.budget.sources[i];
    std::string path = "budget.sources[" + std::to_string(i) + "]";
    if (bad(s.label)) return path + ".label";
    if (bad(s.rate)) return path + ".rate";
  }
  for (std::size_t g = 0; g < f.goals.size(); ++g) {
    const auto& goal = f.goals[g];
    for (Field field : {Field{"target", &goal.target},
                        {"actual", &goal.actual},
                        {"deviation_reason", &goal.deviation_reason}})
      if (bad(*field.text)) return model::goal_path(g) + "." + field.name;
    for (std::size_t i = 0; i < goal.indicators.size(); ++i) {
      const auto& x = goal.indicators[i];
      for (Field field : {Field{"level1", &x.level1},
                          {"level2", &x.level2},
                          {"name", &x.name},
                          {"target", &x.target},
                          {"actual", &x.actual},
                          {"deviation_reason", &x.deviation_reason},
                          {"adjusted_target", &x.adjusted_target},
                          {"nature", &x.nature},
                          {"unit", &x.unit},
                          {"scoring_standard", &x.scoring_standard}})
        if (bad(*field.text)) return model::indicator_path(g, i) + "." + field.name;
    }
  }
  return std::nullopt;
}

FormRecord Store::create_form(const NewForm& form) {
  return create_forms(std::span<const NewForm>(&form, 1)).front();
}

} // namespace ziping::store
