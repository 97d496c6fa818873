// The organisation CSV (`ziping org import`): columns by English or Chinese header, kinds in
// either language, problems with file:line:column.
#include <gtest/gtest.h>

#include "ziping/access/org_csv.h"

namespace ziping::access {
namespace {

TEST(OrgCsv, ReadsChineseHeadersInAnyOrder) {
  auto csv = read_org_csv("\xEF\xBB\xBF名称,类型,上级,代码\r\n"
                          "天津市财政局,财政局,,\r\n"
                          "天津市教育委员会,主管部门,天津市财政局,\r\n"
                          "\"天津市第一中学\",预算单位,天津市教育委员会,12010001\r\n"
                          ",,,\r\n",
                          "orgs.csv");
  ASSERT_TRUE(csv.diagnostics.empty());
  ASSERT_EQ(csv.rows.size(), 3u);
  EXPECT_EQ(csv.rows[0].kind, OrgKind::Finance);
  EXPECT_EQ(csv.rows[2].name, "天津市第一中学");
  EXPECT_EQ(csv.rows[2].parent, "天津市教育委员会");
  EXPECT_EQ(csv.rows[2].code, "12010001");
  EXPECT_EQ(csv.rows[2].where.to_string(), "orgs.csv:4:1");
}

TEST(OrgCsv, ReadsEnglishHeadersWithoutOptionalColumns) {
  auto csv = read_org_csv("kind,name\nfinance,Bureau\n", "o.csv");
  ASSERT_TRUE(csv.diagnostics.empty());
  ASSERT_EQ(csv.rows.size(), 1u);
  EXPECT_TRUE(csv.rows[0].parent.empty());
}

TEST(OrgCsv, NamesAMissingColumnAndABadKind) {
  auto missing = read_org_csv("name,parent\nx,y\n", "o.csv");
  ASSERT_EQ(missing.diagnostics.size(), 1u);
  EXPECT_EQ(missing.diagnostics[0].id, diag::DiagId::err_org_column_missing);
  auto bad = read_org_csv("kind,name\nfinance,A\nbureau,B\n", "o.csv");
  ASSERT_EQ(bad.diagnostics.size(), 1u);
  EXPECT_EQ(bad.diagnostics[0].id, diag::DiagId::err_org_kind);
  EXPECT_EQ(bad.diagnostics[0].where.to_string(), "o.csv:3:1");
  EXPECT_FALSE(read_org_csv("", "o.csv").diagnostics.empty());
}

} // namespace
} // namespace ziping::access
