#include "ziping/io/json/form_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

namespace ziping::io::json {
namespace {

// Arguments as the Chinese message shows them (program phrases are bilingual).
std::vector<std::string> zh(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  for (const auto& arg : args) out.emplace_back(diag::in_language(arg, diag::Language::Chinese));
  return out;
}
std::string zh(const std::string& arg) {
  return std::string(diag::in_language(arg, diag::Language::Chinese));
}

using diag::DiagId;
using num::Decimal;

std::string corpus_file(const std::string& name) {
  std::ifstream in(std::string(ZIPING_SOURCE_DIR) + "/tests/fuzz/corpus/json/" + name,
                   std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A small form whose line numbers the tests below rely on.
constexpr std::string_view kSmallForm = R"({
  "format": "ziping-form",
  "format_version": 1,
  "kind": "department",
  "year": 2022,
  "budget": {"annual": 22681.6, "executed": 19792.2, "rate": "87.3%"},
  "goals": [
    {
      "number": 1,
      "indicators": [
        {"name": "党建活动及培训次数", "target": "≥5次", "actual": "6次", "weight": 2, "score": 2},
        {"name": "党建工作经费", "weight": 0.80, "score": null}
      ]
    }
  ]
}
)";

// kSmallForm with one piece of text replaced.
std::string small_form_with(std::string_view from, std::string_view to) {
  std::string text(kSmallForm);
  auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

model::ReadResult read(std::string_view text) {
  return read_form_json(text, "form.json");
}

// The one diagnostic a read must give.
diag::Diagnostic only_diagnostic(const model::ReadResult& result) {
  if (result.diagnostics.size() != 1) {
    std::string all;
    for (const auto& d : result.diagnostics) {
      all += "\n  " + d.where.to_string() + " " + std::string(d.code()) + " " + d.message_en();
    }
    ADD_FAILURE() << "expected one diagnostic, got " << result.diagnostics.size() << all;
  }
  return result.diagnostics.empty() ? diag::Diagnostic{} : result.diagnostics.front();
}

void expect_at(const diag::Diagnostic& d, int line, int column) {
  EXPECT_EQ(d.where.kind, diag::SourceLocation::Kind::Text);
  EXPECT_EQ(d.where.file, "form.json");
  EXPECT_EQ(d.where.line, line) << d.message_en();
  EXPECT_EQ(d.where.column, column) << d.message_en();
}

TEST(FormReader, ReadsAFormWithoutDiagnostics) {
  auto result = read(kSmallForm);
  ASSERT_TRUE(result.form);
  EXPECT_TRUE(result.diagnostics.empty());
  const auto& form = *result.form;
  EXPECT_EQ(form.kind, model::FormKind::Department);
  EXPECT_EQ(form.year, 2022);
  EXPECT_EQ(form.money_unit, "万元"); // absent: the model's default
  EXPECT_EQ(form.budget.annual, Decimal::of("22681.6"));
  EXPECT_FALSE(form.budget.initial);
  EXPECT_EQ(form.budget.rate, "87.3%");
  ASSERT_EQ(form.goals.size(), 1u);
  EXPECT_EQ(form.goals[0].number, 1);
  ASSERT_EQ(form.goals[0].indicators.size(), 2u);
  const auto& first = form.goals[0].indicators[0];
  EXPECT_EQ(first.name, "党建活动及培训次数");
  EXPECT_EQ(first.target, "≥5次");
  EXPECT_EQ(first.weight, Decimal::of("2"));
  const auto& second = form.goals[0].indicators[1];
  EXPECT_EQ(second.weight->to_string(), "0.80"); // the scale is kept
  EXPECT_FALSE(second.score);                    // null is absent
  EXPECT_EQ(second.target, "");
}

TEST(FormReader, ReadsEveryFieldOfTheCanonicalSamples) {
  auto department = read(corpus_file("canonical_department.json"));
  ASSERT_TRUE(department.form);
  EXPECT_TRUE(department.diagnostics.empty());
  EXPECT_EQ(department.form->department, "天津市人民政府政务服务办公室");
  EXPECT_EQ(department.form->total_score, Decimal::of("97.43"));
  EXPECT_EQ(department.form->grade, "优");
  EXPECT_EQ(department.form->goals.size(), 3u);

  auto project = read(corpus_file("canonical_project.json"));
  ASSERT_TRUE(project.form);
  EXPECT_TRUE(project.diagnostics.empty());
  const auto& form = *project.form;
  EXPECT_EQ(form.kind, model::FormKind::Project);
  ASSERT_EQ(form.budget.sources.size(), 4u);
  EXPECT_EQ(form.budget.sources[1].label, "其中：本年财政拨款");
  EXPECT_FALSE(form.budget.sources[2].initial);
  EXPECT_EQ(form.budget.sources[2].annual, Decimal::of("0"));
  ASSERT_EQ(form.goals.size(), 1u);
  EXPECT_FALSE(form.goals[0].number);
  const auto& rate = form.goals[0].indicators[1];
  EXPECT_EQ(rate.adjusted_target, "≥85%");
  EXPECT_EQ(rate.nature, "定量");
  EXPECT_EQ(rate.unit, "%");
  EXPECT_EQ(rate.score_coefficient, Decimal::of("83.05"));
  EXPECT_EQ(rate.scoring_standard, "完成率×分值");
  EXPECT_FALSE(rate.core);
  EXPECT_EQ(form.goals[0].indicators[0].core, true);
  EXPECT_EQ(form.goals[0].indicators[2].core, false);
  EXPECT_EQ(form.problems, "坐席电话接通率未达到年度指标值。");
  EXPECT_EQ(form.finance_leader, "李四");
}

TEST(FormReader, RecordsWhereEveryNodeWas) {
  auto result = read(kSmallForm);
  auto at = [&](const std::string& path) {
    const auto* location = result.map.find(path);
    EXPECT_NE(location, nullptr) << path;
    return location ? location->to_string() : std::string();
  };
  EXPECT_EQ(result.map.file(), "form.json");
  EXPECT_EQ(at(""), "form.json:1:1");
  EXPECT_EQ(at("format"), "form.json:2:13");
  EXPECT_EQ(at("year"), "form.json:5:11");
  EXPECT_EQ(at("budget"), "form.json:6:13");
  EXPECT_EQ(at("budget.executed"), "form.json:6:45");
  EXPECT_EQ(at("goals"), "form.json:7:12");
  EXPECT_EQ(at("goals[0]"), "form.json:8:5");
  EXPECT_EQ(at("goals[0].number"), "form.json:9:17");
  EXPECT_EQ(at("goals[0].indicators[0]"), "form.json:11:9");
  EXPECT_EQ(at("goals[0].indicators[0].name"), "form.json:11:18");
  EXPECT_EQ(at("goals[0].indicators[0].target"), "form.json:11:41");
  EXPECT_EQ(at("goals[0].indicators[1].weight"), "form.json:12:38");
  EXPECT_EQ(at("goals[0].indicators[1].score"), "form.json:12:53");
  // A field that is not in the file falls back to its nearest ancestor.
  EXPECT_EQ(at("goals[0].indicators[1].deviation_reason"), "form.json:12:9");
}

TEST(FormReader, GivesNoFormForASyntaxError) {
  auto result = read(small_form_with("\"year\": 2022,", "\"year\": 2022"));
  EXPECT_FALSE(result.form);
  auto d = only_diagnostic(result);
  EXPECT_EQ(d.id, DiagId::err_json_syntax);
  EXPECT_EQ(d.path, "");
  expect_at(d, 6, 3);
  EXPECT_EQ(zh(d.args[0]), "期望逗号或右花括号，实际为 '\"'");
}

TEST(FormReader, GivesNoFormForInputThatIsNotAnObject) {
  auto result = read("[]");
  EXPECT_FALSE(result.form);
  auto d = only_diagnostic(result);
  EXPECT_EQ(d.id, DiagId::err_json_wrong_type);
  EXPECT_EQ(zh(d.args), (std::vector<std::string>{"$", "对象", "数组"}));
  expect_at(d, 1, 1);
}

TEST(FormReader, GivesNoFormForAnotherFormat) {
  auto wrong = read(small_form_with("\"ziping-form\"", "\"ziping-report\""));
  EXPECT_FALSE(wrong.form);
  auto d = only_diagnostic(wrong);
  EXPECT_EQ(d.id, DiagId::err_json_not_a_form);
  EXPECT_EQ(d.path, "format");
  EXPECT_EQ(zh(d.args[0]), "\"ziping-report\"");
  expect_at(d, 2, 13);

  auto not_text = read(small_form_with("\"ziping-form\"", "1"));
  EXPECT_FALSE(not_text.form);
  EXPECT_EQ(zh(only_diagnostic(not_text).args[0]), "1");

  auto missing = read(R"({"name": "package", "version": "1.0"})");
  EXPECT_FALSE(missing.form);
  auto m = only_diagnostic(missing);
  EXPECT_EQ(m.id, DiagId::err_json_missing_field);
  EXPECT_EQ(zh(m.args[0]), "format");
  expect_at(m, 1, 1);
}

TEST(FormReader, GivesNoFormForAnotherVersion) {
  auto newer = read(small_form_with("\"format_version\": 1", "\"format_version\": 2"));
  EXPECT_FALSE(newer.form);
  auto d = only_diagnostic(newer);
  EXPECT_EQ(d.id, DiagId::err_format_version);
  EXPECT_EQ(zh(d.args), (std::vector<std::string>{"2", "1"}));
  expect_at(d, 3, 21);

  for (std::string_view bad : {"\"1\"", "1.0", "null", "1e0"}) {
    auto result =
        read(small_form_with("\"format_version\": 1", "\"format_version\": " + std::string(bad)));
    EXPECT_FALSE(result.form) << bad;
    EXPECT_EQ(result.diagnostics.size(), 1u) << bad;
  }
  auto missing = read(small_form_with("\"format_version\": 1,", ""));
  EXPECT_FALSE(missing.form);
  EXPECT_EQ(only_diagnostic(missing).id, DiagId::err_json_missing_field);
}

TEST(FormReader, ReportsMissingRequiredFieldsAtTheirObject) {
  auto no_kind = read(small_form_with("\"kind\": \"department\",", ""));
  ASSERT_TRUE(no_kind.form);
  auto d = only_diagnostic(no_kind);
  EXPECT_EQ(d.id, DiagId::err_json_missing_field);
  EXPECT_EQ(d.path, "kind");
  EXPECT_EQ(zh(d.args[0]), "kind");
  expect_at(d, 1, 1);

  auto no_name = read(small_form_with("\"name\": \"党建工作经费\", ", ""));
  ASSERT_TRUE(no_name.form);
  auto n = only_diagnostic(no_name);
  EXPECT_EQ(n.path, "goals[0].indicators[1].name");
  EXPECT_EQ(zh(n.args[0]), "goals[0].indicators[1].name");
  expect_at(n, 12, 9);
  EXPECT_EQ(no_name.form->goals[0].indicators[1].weight->to_string(), "0.80"); // still read

  auto no_goals = read(R"({"format": "ziping-form", "format_version": 1, "kind": "project"})");
  ASSERT_TRUE(no_goals.form);
  EXPECT_EQ(only_diagnostic(no_goals).path, "goals");

  auto no_indicators = read(R"({"format": "ziping-form", "format_version": 1, "kind": "project",
                                "goals": [{"number": null}]})");
  ASSERT_TRUE(no_indicators.form);
  EXPECT_EQ(only_diagnostic(no_indicators).path, "goals[0].indicators");
  expect_at(only_diagnostic(no_indicators), 2, 43);

  auto no_label = read(small_form_with("\"rate\": \"87.3%\"", "\"sources\": [{\"annual\": 1}]"));
  ASSERT_TRUE(no_label.form);
  EXPECT_EQ(only_diagnostic(no_label).path, "budget.sources[0].label");
}

TEST(FormReader, WarnsAboutUnknownFieldsAtTheirKey) {
  auto result = read(small_form_with("\"number\": 1,", "\"number\": 1, \"备注\": \"无\","));
  ASSERT_TRUE(result.form);
  auto d = only_diagnostic(result);
  EXPECT_EQ(d.id, DiagId::warn_json_unknown_field);
  EXPECT_EQ(d.severity, diag::Severity::Warning);
  EXPECT_EQ(d.path, "goals[0].备注");
  EXPECT_EQ(zh(d.args[0]), "goals[0].备注");
  expect_at(d, 9, 20);
}

TEST(FormReader, ReportsWrongTypesWithExpectedAndFound) {
  auto result = read(small_form_with("\"weight\": 2,", "\"weight\": \"2\","));
  ASSERT_TRUE(result.form);
  auto d = only_diagnostic(result);
  EXPECT_EQ(d.id, DiagId::err_json_wrong_type);
  EXPECT_EQ(d.path, "goals[0].indicators[0].weight");
  EXPECT_EQ(zh(d.args),
            (std::vector<std::string>{"goals[0].indicators[0].weight", "数值", "字符串"}));
  EXPECT_EQ(d.message_zh(), "字段 goals[0].indicators[0].weight 应为数值，实际为字符串");
  expect_at(d, 11, 74);
  // The rest of the indicator was still read.
  EXPECT_FALSE(result.form->goals[0].indicators[0].weight);
  EXPECT_EQ(result.form->goals[0].indicators[0].score, Decimal::of("2"));

  auto text_as_number = read(small_form_with("\"target\": \"≥5次\"", "\"target\": 5"));
  EXPECT_EQ(zh(only_diagnostic(text_as_number).args[1]), "字符串");
  EXPECT_EQ(zh(only_diagnostic(text_as_number).args[2]), "数值");

  auto text_as_null = read(small_form_with("\"target\": \"≥5次\"", "\"target\": null"));
  EXPECT_EQ(zh(only_diagnostic(text_as_null).args[2]), "null");

  auto budget = read(small_form_with("{\"annual\": 22681.6, \"executed\": 19792.2, \"rate\": "
                                     "\"87.3%\"}",
                                     "[]"));
  ASSERT_TRUE(budget.form);
  EXPECT_EQ(zh(only_diagnostic(budget).args), (std::vector<std::string>{"budget", "对象", "数组"}));

  auto core = read(small_form_with("\"score\": null", "\"core\": \"是\""));
  EXPECT_EQ(zh(only_diagnostic(core).args[1]), "布尔值");
}

TEST(FormReader, KeepsModelIndicesEqualToFileIndices) {
  auto result = read(small_form_with(
      "{\"name\": \"党建工作经费\", \"weight\": 0.80, \"score\": null}",
      "\"not an indicator\", {\"name\": \"党建工作经费\"}, [], {\"name\": \"third\"}"));
  ASSERT_TRUE(result.form);
  ASSERT_EQ(result.diagnostics.size(), 2u);
  EXPECT_EQ(result.diagnostics[0].path, "goals[0].indicators[1]");
  EXPECT_EQ(zh(result.diagnostics[0].args),
            (std::vector<std::string>{"goals[0].indicators[1]", "对象", "字符串"}));
  EXPECT_EQ(result.diagnostics[1].path, "goals[0].indicators[3]");
  const auto& indicators = result.form->goals[0].indicators;
  ASSERT_EQ(indicators.size(), 5u);
  EXPECT_EQ(indicators[1].name, "");
  EXPECT_EQ(indicators[2].name, "党建工作经费");
  EXPECT_EQ(indicators[4].name, "third");
  EXPECT_TRUE(result.map.find("goals[0].indicators[4].name"));
}

TEST(FormReader, RefusesExponentsAndInexactNumbers) {
  auto exponent = read(small_form_with("\"weight\": 2,", "\"weight\": 2e0,"));
  ASSERT_TRUE(exponent.form);
  auto e = only_diagnostic(exponent);
  EXPECT_EQ(e.id, DiagId::err_json_number_exponent);
  EXPECT_EQ(zh(e.args[0]), "2e0");
  EXPECT_EQ(e.path, "goals[0].indicators[0].weight");
  expect_at(e, 11, 74);

  auto digits =
      read(small_form_with("\"weight\": 2,", "\"weight\": 12345678901234567890123456789,"));
  EXPECT_EQ(only_diagnostic(digits).id, DiagId::err_json_bad_number);
  auto places = read(small_form_with("\"weight\": 2,", "\"weight\": 0.1234567890123456789,"));
  EXPECT_EQ(only_diagnostic(places).id, DiagId::err_json_bad_number);
  EXPECT_EQ(zh(only_diagnostic(places).args[0]), "0.1234567890123456789");
  auto long_token =
      read(small_form_with("\"weight\": 2,", "\"weight\": 1" + std::string(5000, '0') + ","));
  EXPECT_LT(only_diagnostic(long_token).args[0].size(), 50u); // the message cuts it
  auto fits = read(small_form_with("\"weight\": 2,", "\"weight\": -0.123456789012345678,"));
  EXPECT_TRUE(fits.diagnostics.empty());
}

TEST(FormReader, ReadsIntegersStrictly) {
  for (auto [text, expected] : {std::pair{"2022.5", "2022.5"}, {"2022.0", "2022.0"}}) {
    auto result = read(small_form_with("\"year\": 2022", std::string("\"year\": ") + text));
    auto d = only_diagnostic(result);
    EXPECT_EQ(d.id, DiagId::err_json_wrong_type);
    EXPECT_EQ(zh(d.args), (std::vector<std::string>{"year", "整数", expected}));
  }
  auto huge = read(small_form_with("\"year\": 2022", "\"year\": 12345678901"));
  EXPECT_EQ(zh(only_diagnostic(huge).args[1]), "9 位以内的整数");
  auto largest = read(small_form_with("\"year\": 2022", "\"year\": -999999999"));
  EXPECT_TRUE(largest.diagnostics.empty());
  EXPECT_EQ(largest.form->year, -999999999);
  auto null_year = read(small_form_with("\"year\": 2022", "\"year\": null"));
  EXPECT_TRUE(null_year.diagnostics.empty());
  EXPECT_FALSE(null_year.form->year);
}

TEST(FormReader, ReportsAnUnknownKind) {
  auto result = read(small_form_with("\"department\"", "\"部门\""));
  ASSERT_TRUE(result.form);
  auto d = only_diagnostic(result);
  EXPECT_EQ(d.id, DiagId::err_bad_enum_value);
  EXPECT_EQ(zh(d.args),
            (std::vector<std::string>{"kind", "\"部门\"", "\"department\", \"project\""}));
  expect_at(d, 4, 11);
}

TEST(FormReader, KeepsContentTheCheckerJudges) {
  auto result = read(small_form_with("\"annual\": 22681.6", "\"annual\": 0") + "");
  auto negative = read(small_form_with("\"weight\": 2,", "\"weight\": -2,"));
  ASSERT_TRUE(result.form);
  EXPECT_TRUE(result.diagnostics.empty());
  EXPECT_TRUE(result.form->budget.annual->is_zero());
  EXPECT_TRUE(negative.diagnostics.empty());
  EXPECT_EQ(negative.form->goals[0].indicators[0].weight, Decimal::of("-2"));
  auto empty = read(R"({"format": "ziping-form", "format_version": 1, "kind": "project",
                        "goals": [{"indicators": [{"name": ""}]}, {"indicators": []}]})");
  EXPECT_TRUE(empty.diagnostics.empty());
  EXPECT_EQ(empty.form->goals.size(), 2u);
}

TEST(FormReader, ContinuesAfterEveryError) {
  auto result = read(R"({
  "format": "ziping-form", "format_version": 1, "kind": "department",
  "title": 1, "year": "2022", "budget": {"annual": "x", "score": 8.7},
  "goals": [{"number": "1", "indicators": [{"name": 2, "score": 1e1, "weight": 3}]}],
  "total": {"weight": 100, "score": true}, "grade": "优", "extra": 1
})");
  ASSERT_TRUE(result.form);
  std::vector<std::string> paths;
  for (const auto& d : result.diagnostics) paths.push_back(d.path);
  EXPECT_EQ(paths,
            (std::vector<std::string>{"title", "year", "budget.annual", "goals[0].number",
                                      "goals[0].indicators[0].name", "goals[0].indicators[0].score",
                                      "total.score", "extra"}));
  EXPECT_EQ(result.form->budget.score, Decimal::of("8.7"));
  EXPECT_EQ(result.form->goals[0].indicators[0].weight, Decimal::of("3"));
  EXPECT_EQ(result.form->total_weight, Decimal::of("100"));
  EXPECT_EQ(result.form->grade, "优");
}

TEST(FormReader, StopsReportingAfterAHundredDiagnostics) {
  std::string text =
      R"({"format": "ziping-form", "format_version": 1, "kind": "project", "goals": [)";
  for (int i = 0; i < 300; ++i) text += std::string(i ? "," : "") + "{\"indicators\": 1}";
  auto result = read(text + "]}");
  ASSERT_TRUE(result.form);
  ASSERT_EQ(result.diagnostics.size(), 101u);
  EXPECT_EQ(result.diagnostics.back().id, DiagId::err_too_many_errors);
  EXPECT_EQ(zh(result.diagnostics.back().args[0]), "100");
  EXPECT_EQ(result.diagnostics.back().where.file, "form.json");
  EXPECT_EQ(result.form->goals.size(), 300u);
}

TEST(FormReader, RefusesInputOverTheSizeLimit) {
  std::string text(kSmallForm);
  text.append(kMaxFormJsonBytes - text.size(), ' ');
  EXPECT_TRUE(read(text).form);
  text += ' ';
  auto result = read(text);
  EXPECT_FALSE(result.form);
  auto d = only_diagnostic(result);
  EXPECT_EQ(d.id, DiagId::err_input_too_large);
  EXPECT_EQ(zh(d.args), (std::vector<std::string>{"8388609", "8388608"}));
  EXPECT_EQ(d.where.file, "form.json");
}

TEST(FormReader, PassesParserErrorsOnWithTheFileName) {
  auto empty = read("");
  EXPECT_FALSE(empty.form);
  EXPECT_EQ(only_diagnostic(empty).id, DiagId::err_input_empty);
  EXPECT_EQ(only_diagnostic(empty).where.to_string(), "form.json:1:1");
  auto bom = read("\xEF\xBB\xBF" + std::string(kSmallForm));
  EXPECT_TRUE(bom.form);
  EXPECT_TRUE(bom.diagnostics.empty());
  auto repeated = read(small_form_with("\"year\": 2022", "\"year\": 2022, \"year\": 2023"));
  EXPECT_FALSE(repeated.form);
  EXPECT_EQ(only_diagnostic(repeated).id, DiagId::err_json_duplicate_key);
  EXPECT_EQ(only_diagnostic(repeated).path, "year");
  expect_at(only_diagnostic(repeated), 5, 17);
}

} // namespace
} // namespace ziping::io::json
