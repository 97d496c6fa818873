#include "ziping/io/json/form_writer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "ziping/io/json/form_reader.h"

namespace ziping::io::json {
namespace {

using num::Decimal;

std::string corpus_file(const std::string& name) {
  std::ifstream in(std::string(ZIPING_SOURCE_DIR) + "/tests/fuzz/corpus/json/" + name,
                   std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

model::Form small_form() {
  model::Form form;
  form.kind = model::FormKind::Department;
  form.title = "整体支出绩效自评表";
  form.year = 2022;
  form.department = "天津市人民政府政务服务办公室";
  form.budget.initial = Decimal::of("22230.8");
  form.budget.annual = Decimal::of("22681.6");
  form.budget.executed = Decimal::of("19792.2");
  form.budget.weight = Decimal::of("10");
  form.budget.score = Decimal::of("8.70");
  form.budget.rate = "87.3%";
  model::Goal goal;
  goal.number = 1;
  goal.target = "推进党的政治建设";
  model::Indicator indicator;
  indicator.level1 = "产出指标";
  indicator.level2 = "数量指标";
  indicator.name = "党建活动及培训次数";
  indicator.target = "≥5次";
  indicator.actual = "6次";
  indicator.weight = Decimal::of("2");
  indicator.score = Decimal::of("2");
  goal.indicators.push_back(indicator);
  form.goals.push_back(goal);
  form.total_weight = Decimal::of("100");
  form.grade = "优";
  return form;
}

constexpr std::string_view kSmallFormJson = R"({
  "format": "ziping-form",
  "format_version": 1,
  "kind": "department",
  "title": "整体支出绩效自评表",
  "year": 2022,
  "department": "天津市人民政府政务服务办公室",
  "project": "",
  "implementing_unit": "",
  "money_unit": "万元",
  "budget": {
    "initial": 22230.8,
    "annual": 22681.6,
    "executed": 19792.2,
    "weight": 10,
    "score": 8.70,
    "rate": "87.3%",
    "deviation_reason": "",
    "sources": []
  },
  "goals": [
    {
      "number": 1,
      "target": "推进党的政治建设",
      "actual": "",
      "deviation_reason": "",
      "weight": null,
      "score": null,
      "indicators": [
        {
          "level1": "产出指标",
          "level2": "数量指标",
          "name": "党建活动及培训次数",
          "target": "≥5次",
          "actual": "6次",
          "weight": 2,
          "score": 2,
          "deviation_reason": ""
        }
      ]
    }
  ],
  "total": {
    "weight": 100,
    "score": null
  },
  "grade": "优",
  "conclusion": ""
}
)";

std::string rewritten(const std::string& text) {
  auto result = read_form_json(text, "rewritten.json");
  EXPECT_TRUE(result.form);
  for (const auto& d : result.diagnostics) ADD_FAILURE() << d.message_en();
  return result.form ? write_form_json(*result.form) : std::string();
}

TEST(FormWriter, WritesTheCanonicalLayout) {
  EXPECT_EQ(write_form_json(small_form()), kSmallFormJson);
}

TEST(FormWriter, WritesAnEmptyForm) {
  EXPECT_EQ(write_form_json(model::Form{}), R"({
  "format": "ziping-form",
  "format_version": 1,
  "kind": "department",
  "title": "",
  "year": null,
  "department": "",
  "project": "",
  "implementing_unit": "",
  "money_unit": "万元",
  "budget": {
    "initial": null,
    "annual": null,
    "executed": null,
    "weight": null,
    "score": null,
    "rate": "",
    "deviation_reason": "",
    "sources": []
  },
  "goals": [],
  "total": {
    "weight": null,
    "score": null
  },
  "grade": "",
  "conclusion": ""
}
)");
}

TEST(FormWriter, WritesVariantFieldsOnlyWhenTheyHoldSomething) {
  auto form = small_form();
  auto& indicator = form.goals[0].indicators[0];
  indicator.core = false;
  indicator.score_coefficient = Decimal::of("0");
  indicator.unit = "次";
  form.finance_leader = "李四";
  std::string text = write_form_json(form);
  // In the catalogue's (official column) order: 度量单位 after 三级指标, 得分系数 before 得分,
  // 是否核心指标 last.
  EXPECT_NE(text.find(R"(          "name": "党建活动及培训次数",
          "unit": "次",
          "target": "≥5次",
          "actual": "6次",
          "weight": 2,
          "score_coefficient": 0,
          "score": 2,
          "deviation_reason": "",
          "core": false
        })"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(R"(  "conclusion": "",
  "finance_leader": "李四"
})"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("adjusted_target"), std::string::npos);
  EXPECT_EQ(text.find("scoring_standard"), std::string::npos);
  EXPECT_EQ(text.find("problems"), std::string::npos);
}

TEST(FormWriter, WritesProjectFundingRows) {
  auto form = small_form();
  form.kind = model::FormKind::Project;
  form.goals[0].number.reset();
  model::FundingRow row;
  row.label = "年度资金总额";
  row.annual = Decimal::of("-0.50");
  form.budget.sources.push_back(row);
  std::string text = write_form_json(form);
  EXPECT_NE(text.find(R"("kind": "project")"), std::string::npos);
  EXPECT_NE(text.find(R"(      "number": null,)"), std::string::npos);
  EXPECT_NE(text.find(R"(    "sources": [
      {
        "label": "年度资金总额",
        "initial": null,
        "annual": -0.50,
        "executed": null,
        "rate": ""
      }
    ]
  },)"),
            std::string::npos)
      << text;
}

TEST(FormWriter, EscapesStringsAndKeepsUnicode) {
  auto form = small_form();
  form.conclusion = "引号\"反斜杠\\换行\n制表\t控制\x01 emoji \xF0\x9F\x98\x80 斜杠/";
  std::string text = write_form_json(form);
  EXPECT_NE(text.find(R"("conclusion": "引号\"反斜杠\\换行\n制表\t控制\u0001 emoji 😀 斜杠/")"),
            std::string::npos)
      << text;
  EXPECT_EQ(rewritten(text), text);
}

TEST(FormWriter, RoundTripsByteForByte) {
  std::string first = write_form_json(small_form());
  EXPECT_EQ(rewritten(first), first);

  auto full = small_form();
  auto& indicator = full.goals[0].indicators[0];
  indicator.adjusted_target = "≥4次";
  indicator.nature = "定量";
  indicator.unit = "次";
  indicator.score_coefficient = Decimal::of("100.00");
  indicator.core = true;
  indicator.scoring_standard = "完成即得满分";
  full.goals.push_back(model::Goal{});
  full.problems = "无";
  full.improvements = "无";
  full.project_leader = "张三";
  full.finance_leader = "李四";
  full.money_unit = "元";
  std::string full_text = write_form_json(full);
  EXPECT_EQ(rewritten(full_text), full_text);
}

TEST(FormWriter, ReadingAndWritingACanonicalFileGivesItsBytes) {
  for (const char* name : {"canonical_department.json", "canonical_project.json"}) {
    std::string text = corpus_file(name);
    ASSERT_FALSE(text.empty()) << name;
    EXPECT_EQ(rewritten(text), text) << name;
  }
}

TEST(FormWriter, CanonicalisesAnyReadableSpelling) {
  // Another key order, other whitespace, a BOM, escapes, a "-0": one canonical output.
  std::string loose = "\xEF\xBB\xBF{\"goals\":[{\"indicators\":[{\"weight\":-0,\"name\":"
                      "\"\\u515a\\u5efa\"}],\"number\":1}],\"kind\":\"department\",\r\n"
                      "\"format_version\":1,\"format\":\"ziping-form\"}";
  std::string canonical = rewritten(loose);
  EXPECT_NE(canonical.find("\"name\": \"党建\""), std::string::npos);
  EXPECT_NE(canonical.find("\"weight\": 0,"), std::string::npos);
  EXPECT_EQ(rewritten(canonical), canonical);
}

} // namespace
} // namespace ziping::io::json
