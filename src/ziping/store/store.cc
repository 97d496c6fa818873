#include "ziping/store/store.h"

namespace ziping::store {
namespace {

struct StatusName {
  Status status;
  std::string_view name;
  std::string_view zh;
};

constexpr StatusName kStatuses[] = {
    {Status::Draft, "draft", "填报中"},
    {Status::Submitted, "submitted", "已提交"},
    {Status::Returned, "returned", "已退回"},
    {Status::Approved, "approved", "已审核"},
};

} // namespace

std::string_view status_name(Status status) {
  for (const auto& s : kStatuses)
    if (s.status == status) return s.name;
  return "draft";
}

std::string_view status_name_zh(Status status) {
  for (const auto& s : kStatuses)
    if (s.status == status) return s.zh;
  return "填报中";
}

std::optional<Status> parse_status(std::string_view name) {
  for (const auto& s : kStatuses)
    if (s.name == name) return s.status;
  return std::nullopt;
}

std::string status_names() {
  std::string out;
  for (const auto& s : kStatuses) out += (out.empty() ? "" : ", ") + std::string(s.name);
  return out;
}

std::string_view kind_name(model::FormKind kind) {
  return kind == model::FormKind::Project ? "project" : "department";
}

std::optional<model::FormKind> parse_kind(std::string_view name) {
  if (name == "department") return model::FormKind::Department;
  if (name == "project") return model::FormKind::Project;
  return std::nullopt;
}

StoreError::StoreError(diag::Diagnostic diagnostic)
    : std::runtime_error(diagnostic.message_en()), diagnostic_(std::move(diagnostic)) {}

FormRecord Store::create_form(const NewForm& form) {
  return create_forms(std::span<const NewForm>(&form, 1)).front();
}

} // namespace ziping::store
