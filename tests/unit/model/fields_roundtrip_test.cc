// The field catalogue's meta test: every field of model/fields.def survives every lossless
// format (canonical JSON, CSV, XLSX) and the store. The form is generated from the catalogue
// — each field gets a value of its kind that no other field has — so a field added to the
// catalogue is covered here without touching this file.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <set>
#include <unistd.h>

#include "ziping/io/csv/csv_form.h"
#include "ziping/io/json/form_reader.h"
#include "ziping/io/json/form_writer.h"
#include "ziping/io/xlsx/xlsx_reader.h"
#include "ziping/io/xlsx/xlsx_writer.h"
#include "ziping/model/fields.h"
#include "ziping/store/open/open_store.h"

namespace ziping::model {
namespace {

// A value of the member's type that tells fields apart: the text names the field, numbers
// and flags are derived from its place in the catalogue.
void fill(std::string& text, const FieldInfo& info, std::size_t index) {
  // Two texts have a domain of their own: the money unit is read back from the budget
  // block's header, the execution rate is a percentage as printed.
  if (info.id == FieldId::MoneyUnit) {
    text = "元";
  } else if (info.kind == FieldKind::Text || info.kind == FieldKind::Value) {
    text =
        std::string(info.header.empty() ? info.column : info.header) + "·" + std::to_string(index);
  }
}
void fill(std::optional<Decimal>& value, const FieldInfo&, std::size_t index) {
  value = Decimal::of(std::to_string(index) + ".25");
}
void fill(std::optional<int>& value, const FieldInfo& info, std::size_t index) {
  value = info.id == FieldId::Year ? 2022 : int(index);
}
void fill(std::optional<bool>& value, const FieldInfo&, std::size_t) {
  value = true;
}
void fill(FormKind&, const FieldInfo&, std::size_t) {}

std::string shown(const std::string& text) {
  return "\"" + text + "\"";
}
std::string shown(const std::optional<Decimal>& value) {
  return value ? value->to_string() : "null";
}
std::string shown(const std::optional<int>& value) {
  return value ? std::to_string(*value) : "null";
}
std::string shown(const std::optional<bool>& value) {
  return value ? (*value ? "true" : "false") : "null";
}
std::string shown(FormKind kind) {
  return std::string(kind_name(kind));
}

// Calls f on the node of `form` that holds `info` (the first of its kind), or not at all.
template <class Form_, class F> void at_node(Form_& form, const FieldInfo& info, F&& f) {
  switch (info.owner) {
  case Owner::Budget:
    f(form.budget);
    break;
  case Owner::Funding:
    if (!form.budget.sources.empty()) f(form.budget.sources[0]);
    break;
  case Owner::Goal:
    if (!form.goals.empty()) f(form.goals[0]);
    break;
  case Owner::Indicator:
    if (!form.goals.empty() && !form.goals[0].indicators.empty()) f(form.goals[0].indicators[0]);
    break;
  case Owner::Layout:
    break;
  default:
    f(form);
  }
}

std::string value_of(const Form& form, const FieldInfo& info) {
  std::string out = "(no node)";
  at_node(form, info, [&](const auto& node) {
    visit_member(node, info.id, [&](const auto& value) { out = shown(value); });
  });
  return out;
}

Form every_field_filled(FormKind kind) {
  Form form;
  form.kind = kind;
  form.budget.sources.emplace_back();
  form.goals.emplace_back();
  form.goals[0].indicators.emplace_back();
  for (std::size_t i = 0; i < fields().size(); ++i) {
    const FieldInfo& info = fields()[i];
    at_node(form, info, [&](auto& node) {
      visit_member(node, info.id, [&](auto& value) { fill(value, info, i + 1); });
    });
  }
  return form;
}

using Trip = std::function<std::optional<Form>(const Form&)>;

void expect_every_field_survives(const char* format, const Trip& trip) {
  for (FormKind kind : {FormKind::Department, FormKind::Project}) {
    Form form = every_field_filled(kind);
    auto back = trip(form);
    ASSERT_TRUE(back) << format;
    Form blank;
    blank.budget.sources.emplace_back();
    blank.goals.emplace_back();
    blank.goals[0].indicators.emplace_back();
    for (const auto& info : fields()) {
      // The chain's plans have their own round trip (tests/unit/io_json/plan_json_test.cc).
      if (info.owner == Owner::Layout || plan_kind_of(info.owner)) continue;
      std::string sent = value_of(form, info);
      // A field left at its default would pass whether or not the format carries it.
      if (info.kind != FieldKind::Enum) {
        EXPECT_NE(sent, value_of(blank, info)) << "field " << info.json_key << " not filled";
      }
      EXPECT_EQ(value_of(*back, info), sent)
          << format << ", " << kind_name(kind) << " form: field " << info.json_key << " ("
          << (info.header.empty() ? info.column : info.header) << ")";
    }
  }
}

std::optional<Form> through(const model::ReadResult& read) {
  for (const auto& d : read.diagnostics)
    if (d.severity == diag::Severity::Error)
      ADD_FAILURE() << d.code() << " " << d.where.to_string() << " " << d.message_zh();
  return read.form;
}

TEST(FieldsMeta, EveryFieldSurvivesCanonicalJson) {
  expect_every_field_survives("JSON", [](const Form& form) {
    return through(io::json::read_form_json(io::json::write_form_json(form), "t.json"));
  });
}

TEST(FieldsMeta, EveryFieldSurvivesCsv) {
  expect_every_field_survives("CSV", [](const Form& form) {
    return through(io::csv::read_csv(io::csv::write_csv(form), "t.csv"));
  });
}

TEST(FieldsMeta, EveryFieldSurvivesXlsx) {
  expect_every_field_survives("XLSX", [](const Form& form) {
    return through(io::xlsx::read_xlsx(io::xlsx::write_xlsx(form), "t.xlsx"));
  });
}

TEST(FieldsMeta, EveryFieldSurvivesTheStore) {
  auto path = std::filesystem::temp_directory_path() /
              ("ziping-fields-meta-" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(path);
  {
    auto store = store::open_store("sqlite:" + path.string(), 1);
    expect_every_field_survives("store", [&](const Form& form) -> std::optional<Form> {
      store::NewForm created{form};
      created.rule_set = "cn-2020";
      auto records = store->create_forms(std::span<const store::NewForm>(&created, 1));
      if (records.empty()) return std::nullopt;
      auto stored = store->form(records[0].id);
      if (!stored) return std::nullopt;
      return stored->form;
    });
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

// The catalogue itself: ids in declaration order, keys unique within an owner, CSV columns
// unique over the form, a printed header for every indicator column.
TEST(FieldsMeta, CatalogueIsConsistent) {
  std::set<std::pair<Owner, std::string_view>> keys;
  // CSV columns are unique within one kind of form: the 自评表, each plan kind.
  std::set<std::pair<int, std::string_view>> columns;
  for (std::size_t i = 0; i < fields().size(); ++i) {
    const auto& info = fields()[i];
    EXPECT_EQ(std::size_t(info.id), i);
    if (info.owner == Owner::Layout) continue;
    EXPECT_TRUE(keys.insert({info.owner, info.json_key}).second) << info.json_key;
    auto plan = plan_kind_of(info.owner);
    bool funding = info.owner == Owner::Funding || info.owner == Owner::DeclFunding ||
                   info.owner == Owner::MonFunding;
    if (!info.column.empty() && !funding) {
      int family = plan ? 1 + int(*plan) : 0;
      EXPECT_TRUE(columns.insert({family, info.column}).second) << info.column;
    }
    if (info.owner == Owner::Indicator || info.owner == Owner::DeclIndicator ||
        info.owner == Owner::MonIndicator) {
      EXPECT_FALSE(info.header.empty()) << info.json_key;
      EXPECT_GT(info.share, 0) << info.json_key;
      EXPECT_GT(info.width, 0) << info.json_key;
    }
  }
}

} // namespace
} // namespace ziping::model
