// The committed workbooks: LibreOffice's re-saves of our own output read back as the
// examples, byte for byte; hostile files are refused with the right diagnostic.
#include <gtest/gtest.h>

#include "test_forms.h"
#include "ziping/io/xlsx/limits.h"
#include "ziping/io/xlsx/xlsx_reader.h"

namespace ziping::io::xlsx {
namespace {

using sheet_testing::example_json;
using sheet_testing::read_file;
using sheet_testing::source_dir;

std::string golden_input(const std::string& name) {
  return read_file(source_dir() / "tests" / "golden" / name / "input.xlsx");
}

TEST(XlsxFixtures, LibreOfficeResavesReadBackAsTheExamples) {
  for (auto [fixture, example] : {std::pair{"xlsx-lo-seed", "tianjin-2022-dept.json"},
                                  {"xlsx-lo-project", "county-roads-2023-proj.json"}}) {
    auto read = read_xlsx(golden_input(fixture), fixture);
    ASSERT_TRUE(read.form) << fixture;
    EXPECT_TRUE(read.diagnostics.empty()) << fixture << ": " << read.diagnostics[0].message_zh();
    EXPECT_EQ(json::write_form_json(*read.form), example_json(example)) << fixture;
  }
}

diag::DiagId first_error(const std::string& bytes) {
  auto read = read_xlsx(bytes, "x.xlsx");
  EXPECT_FALSE(read.form);
  for (const auto& d : read.diagnostics)
    if (d.severity == diag::Severity::Error) return d.id;
  ADD_FAILURE() << "refused without an error";
  return {};
}

TEST(XlsxFixtures, HostileFilesAreRefused) {
  using diag::DiagId;
  EXPECT_EQ(first_error(golden_input("xlsx-zip-bomb")), DiagId::err_xlsx_part_too_large);
  EXPECT_EQ(first_error(golden_input("xlsx-not-a-zip")), DiagId::err_xlsx_not_zip);
  EXPECT_EQ(first_error(golden_input("xlsx-ole")), DiagId::err_xlsx_not_zip);
  EXPECT_EQ(first_error(golden_input("xlsx-missing-workbook")), DiagId::err_xlsx_missing_part);
  EXPECT_EQ(first_error(golden_input("xlsx-bad-xml")), DiagId::err_xlsx_bad_xml);
  EXPECT_EQ(first_error(golden_input("xlsx-no-form")), DiagId::err_sheet_no_form);
  EXPECT_EQ(first_error(golden_input("xlsx-too-many-members")), DiagId::err_xlsx_too_many);
  EXPECT_EQ(first_error(""), DiagId::err_input_empty);
  // A 50 MB upload is refused before anything is unpacked.
  std::string big(50u << 20, '\0');
  big[0] = 'P';
  big[1] = 'K';
  EXPECT_EQ(first_error(big), DiagId::err_input_too_large);
  // A zip cut short.
  std::string cut = golden_input("xlsx-lo-seed").substr(0, 5000);
  EXPECT_EQ(first_error(cut), DiagId::err_xlsx_not_zip);
}

// Parts of a one-sheet package, for inputs too large or too odd to commit as files.
std::map<std::string, std::string> one_sheet(std::string sheet_xml) {
  return {{"xl/workbook.xml",
           "<workbook><sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets></workbook>"},
          {"xl/_rels/workbook.xml.rels",
           "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" "
           "Target=\"worksheets/sheet1.xml\"/></Relationships>"},
          {"xl/worksheets/sheet1.xml", std::move(sheet_xml)}};
}

TEST(XlsxFixtures, CellCountIsBounded) {
  std::string xml =
      "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>三级指标</t></is></c>"
      "<c r=\"B1\" t=\"inlineStr\"><is><t>分值</t></is></c></row>";
  for (int r = 2; r <= 100002; ++r)
    xml += "<row r=\"" + std::to_string(r) +
           "\"><c t=\"inlineStr\"><is><t>x</t></is></c><c><v>1</v></c></row>";
  xml += "</sheetData></worksheet>";
  auto read = read_xlsx_parts(one_sheet(xml), "big.xlsx", model::FormKind::Project);
  ASSERT_TRUE(read.form); // what fits is kept
  bool limited = false;
  for (const auto& d : read.diagnostics) limited |= d.id == diag::DiagId::err_xlsx_too_many;
  EXPECT_TRUE(limited);
  EXPECT_LT(read.form->goals.at(0).indicators.size(), 100001u);
}

// Past kMaxValuesPerSheetPart values a sheet is refused before pugixml builds its tree (the
// 1 M-cell upload of tests/stress cost 1.4 s and 300 MB for that tree): ZP0171 names the sheet.
TEST(XlsxFixtures, ASheetFarOverTheCellLimitIsNotParsed) {
  std::string xml = "<worksheet><sheetData><row r=\"1\">";
  for (std::size_t i = 0; i <= kMaxValuesPerSheetPart; ++i) xml += "<c><v>1</v></c>";
  xml += "</row></sheetData></worksheet>";
  auto read = read_xlsx_parts(one_sheet(xml), "huge.xlsx");
  EXPECT_FALSE(read.form);
  const diag::Diagnostic* limited = nullptr;
  for (const auto& d : read.diagnostics)
    if (d.id == diag::DiagId::err_xlsx_too_many) limited = &d;
  ASSERT_NE(limited, nullptr);
  EXPECT_NE(limited->message_en().find("sheet S, not read"), std::string::npos);
  EXPECT_NE(limited->message_en().find(std::to_string(kMaxValuesPerSheetPart)), std::string::npos);
}

TEST(XlsxFixtures, HugeMergesAndReferencesCostNothing) {
  std::string xml =
      "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>三级指标</t></is></c>"
      "<c r=\"B1\" t=\"inlineStr\"><is><t>得分</t></is></c></row>"
      "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row></sheetData>"
      "<mergeCells><mergeCell ref=\"A1:XFD1048576\"/><mergeCell "
      "ref=\"C3:C2\"/></mergeCells></worksheet>";
  auto read = read_xlsx_parts(one_sheet(xml), "m.xlsx");
  EXPECT_FALSE(read.diagnostics.empty()); // the merge is refused (too many cells), not expanded
}

TEST(XlsxFixtures, BadCellsAreLocatedAtSheetAndCell) {
  auto read = read_xlsx(golden_input("xlsx-bad-cells"), "bad.xlsx");
  ASSERT_TRUE(read.form);
  std::map<diag::DiagId, std::string> at;
  for (const auto& d : read.diagnostics) at.emplace(d.id, d.where.to_string());
  EXPECT_EQ(at[diag::DiagId::err_sheet_not_a_number], "bad.xlsx:表!F6");
  EXPECT_EQ(at[diag::DiagId::err_xlsx_bad_cell], "bad.xlsx:表!I8");
  EXPECT_EQ(at[diag::DiagId::warn_sheet_merge_across_rows], "bad.xlsx:表!F7");
  EXPECT_EQ(at[diag::DiagId::warn_sheet_merge_overlap], "bad.xlsx:表!B1");
  EXPECT_EQ(at[diag::DiagId::warn_sheet_unknown_column], "bad.xlsx:表!D5");
  EXPECT_EQ(at[diag::DiagId::err_sheet_missing_column], "bad.xlsx:表!A5");
}

} // namespace
} // namespace ziping::io::xlsx
