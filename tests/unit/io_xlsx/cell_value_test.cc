#include <gtest/gtest.h>

#include "ziping/io/xlsx/cell_value.h"

namespace ziping::io::xlsx {
namespace {

Cell number_cell(std::string value, int decimals = -1, bool percent = false, bool date = false) {
  Cell cell;
  cell.type = Cell::Type::Number;
  cell.value = std::move(value);
  cell.style.decimals = decimals;
  cell.style.percent = percent;
  cell.style.date = date;
  return cell;
}

TEST(XmlNumber, CutsToTheDigitsExcelShows) {
  EXPECT_EQ(xml_number("8.7300000000000004")->to_string(), "8.73");
  EXPECT_EQ(xml_number("0.30000000000000004")->to_string(), "0.3");
  EXPECT_EQ(xml_number("22681.599999999999")->to_string(), "22681.6");
  EXPECT_EQ(xml_number("1.5E-3")->to_string(), "0.0015");
  EXPECT_EQ(xml_number("1E+3")->to_string(), "1000");
  EXPECT_EQ(xml_number("-0")->to_string(), "0");
  EXPECT_EQ(xml_number("123456789012345678")->to_string(), "123456789012346000");
  EXPECT_EQ(xml_number("1E-30")->to_string(), "0");
  EXPECT_FALSE(xml_number("abc"));
  EXPECT_FALSE(xml_number("1E+99"));
  EXPECT_FALSE(xml_number(""));
}

TEST(ShownNumber, RoundsToTheFormatsDecimals) {
  EXPECT_EQ(shown_number(number_cell("8.7300000000000004", 1))->to_string(), "8.7");
  EXPECT_EQ(shown_number(number_cell("8.7300000000000004", 2))->to_string(), "8.73");
  EXPECT_EQ(shown_number(number_cell("0.8", 2))->to_string(), "0.80");
  EXPECT_EQ(shown_number(number_cell("10", -1))->to_string(), "10");
}

TEST(ShownText, PercentDateBoolean) {
  EXPECT_EQ(shown_text(number_cell("0.87261700000000003", 1, true)), "87.3%");
  EXPECT_EQ(shown_text(number_cell("0.955", 2, true)), "95.50%");
  bool date = false;
  EXPECT_EQ(shown_text(number_cell("45224", -1, false, true), &date), "2023年10月25日");
  EXPECT_TRUE(date);
  EXPECT_EQ(serial_date_text(1), "1900年1月1日");
  EXPECT_EQ(serial_date_text(61), "1900年3月1日");
  Cell flag;
  flag.type = Cell::Type::Boolean;
  flag.value = "1";
  EXPECT_EQ(shown_text(flag), "是");
}

TEST(NumberFormat, Analysis) {
  EXPECT_EQ(analyse_number_format("#,##0.00").decimals, 2);
  EXPECT_EQ(analyse_number_format("0.0%").decimals, 1);
  EXPECT_TRUE(analyse_number_format("0.0%").percent);
  EXPECT_TRUE(analyse_number_format("yyyy\"年\"m\"月\"d\"日\"").date);
  EXPECT_EQ(analyse_number_format("General").decimals, -1);
  EXPECT_EQ(analyse_number_format("0.00_ ;[Red]-0.00").decimals, 2);
  EXPECT_TRUE(analyse_number_format("@").text);
}

TEST(CellNames, BothWays) {
  EXPECT_EQ(cell_name({6, 2}), "C7");
  EXPECT_EQ(cell_name({11, 27}), "AB12");
  EXPECT_EQ(parse_cell_name("AB12")->column, 27);
  EXPECT_EQ(parse_cell_name("$C$7")->row, 6);
  EXPECT_FALSE(parse_cell_name("XFE1"));     // beyond Excel's 16384 columns
  EXPECT_FALSE(parse_cell_name("A1048577")); // beyond its rows
  EXPECT_FALSE(parse_cell_name("A99999999999999999999"));
  EXPECT_FALSE(parse_cell_name("7C"));
  EXPECT_EQ(range_name(*parse_range_name("C5:A3")), "A3:C5");
}

} // namespace
} // namespace ziping::io::xlsx
