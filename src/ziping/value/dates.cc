// value/dates.cc — reading and spelling dates and deadlines.
//
// Encoding (docs/value-notation.md): a day, a month or a year, and an edge. 月底/年底/年内/
// 第N季度 are EndOf; …日前, …月底前, …年底前, 截至…, 不晚于… and ≤… are Before, inclusive of
// the named period. "12月前" and "2022年前" are refused: they may or may not include December
// or 2022.
#include <charconv>
#include <string>

#include "ziping/value/cursor.h"
#include "ziping/value/dates.h"

namespace ziping::value {
namespace {

using Edge = DateValue::Edge;

constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2100;

enum class Precision { Year, Month, Day };

struct DateParts {
  DateValue date;
  Precision precision = Precision::Year;
};

// Puts the cursor back where a production started and reports failure.
bool refuse(Cursor& cursor, std::size_t start) {
  cursor.rewind(start);
  return false;
}

bool is_leap(int year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

bool valid_day(int year, int month, int day) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day < 1 || day > kDays[month - 1]) return false;
  return !(month == 2 && day == 29 && year != 0 && !is_leap(year));
}

// Both write their result only on success, so a refused reading leaves the date untouched.
bool read_year(Cursor& cursor, int& year) {
  std::size_t start = cursor.position();
  int digits = 0;
  if (!cursor.read_small_int(4, digits) || cursor.position() - start != 4 || digits < kFirstYear ||
      digits > kLastYear)
    return refuse(cursor, start);
  year = digits;
  return true;
}

bool read_month(Cursor& cursor, int& month) {
  std::size_t start = cursor.position();
  int digits = 0;
  if (!cursor.read_small_int(2, digits) || digits < 1 || digits > 12) return refuse(cursor, start);
  month = digits;
  return true;
}

// "2022.12.31", "2022-12-31", "2022/12/31", "2022/12", "2022-12" ("2022.12" is a number).
bool read_numeric_date(Cursor& cursor, DateParts& parts) {
  std::size_t start = cursor.position();
  DateParts found;
  if (!read_year(cursor, found.date.year) || cursor.at_end()) return refuse(cursor, start);
  char separator = cursor.rest()[0];
  if (separator != '.' && separator != '-' && separator != '/') return refuse(cursor, start);
  cursor.advance();
  if (!read_month(cursor, found.date.month)) return refuse(cursor, start);
  found.precision = Precision::Month;
  if (cursor.at(separator)) {
    cursor.advance();
    if (!cursor.read_small_int(2, found.date.day)) return refuse(cursor, start);
    found.precision = Precision::Day;
  } else if (separator == '.') {
    return refuse(cursor, start);
  }
  parts = found;
  return true;
}

int read_quarter_number(Cursor& cursor) {
  static constexpr std::string_view kQuarters[] = {"一", "二", "三", "四"};
  static constexpr std::string_view kDigits[] = {"1", "2", "3", "4"};
  for (int quarter = 1; quarter <= 4; ++quarter) {
    if (cursor.consume(kQuarters[quarter - 1]) || cursor.consume(kDigits[quarter - 1]))
      return quarter;
  }
  return 0;
}

// "第四季度", "四季度", "上半年", "下半年": the end of that period.
bool read_period(Cursor& cursor, DateParts& parts) {
  std::size_t start = cursor.position();
  int month = 0;
  if (cursor.consume("上半年")) {
    month = 6;
  } else if (cursor.consume("下半年")) {
    month = 12;
  } else {
    cursor.consume("第");
    int quarter = read_quarter_number(cursor);
    if (quarter > 0 && cursor.consume("季度")) month = quarter * 3;
  }
  if (month == 0) return refuse(cursor, start);
  parts.date.month = month;
  parts.date.edge = Edge::EndOf;
  parts.precision = Precision::Month;
  if (!cursor.consume("末")) cursor.consume("底");
  return true;
}

// "12月", "12月31日", "12月底" after an optional year.
bool read_month_day(Cursor& cursor, DateParts& parts) {
  std::size_t start = cursor.position();
  int month = 0;
  if (!read_month(cursor, month) || !(cursor.consume("月份") || cursor.consume("月")))
    return refuse(cursor, start);
  parts.date.month = month;
  parts.precision = Precision::Month;
  std::size_t day_start = cursor.position();
  int day = 0;
  if (cursor.read_small_int(2, day)) {
    if (cursor.consume("日") || cursor.consume("号")) {
      parts.date.day = day;
      parts.precision = Precision::Day;
    } else {
      cursor.rewind(day_start);
    }
  }
  return true;
}

bool read_year_word(Cursor& cursor) {
  if (!cursor.consume("本")) cursor.consume("当");
  return cursor.consume("年度") || cursor.consume("年");
}

// The calendar part: a numeric date, or [year年] then a period, a month, or nothing.
bool read_calendar(Cursor& cursor, DateParts& parts) {
  if (read_numeric_date(cursor, parts)) return true;
  std::size_t start = cursor.position();
  bool has_year = read_year(cursor, parts.date.year);
  if (has_year && !(cursor.consume("年度") || cursor.consume("年"))) return refuse(cursor, start);
  if (read_period(cursor, parts) || read_month_day(cursor, parts)) return true;
  if (has_year) return true;
  return read_year_word(cursor); // "年底", "年内", "本年度内"
}

// 底/末/内 after a month or year, then 前/之前/以前. A bare 前 after a month or year is refused.
bool read_edge(Cursor& cursor, DateParts& parts) {
  Edge& edge = parts.date.edge;
  bool end_word = false;
  if (parts.precision != Precision::Day && edge == Edge::On) {
    end_word = cursor.consume("底") || cursor.consume("末");
    if (end_word || cursor.consume("内")) edge = Edge::EndOf;
  }
  if (cursor.consume("之前") || cursor.consume("以前") || cursor.consume("前")) {
    if (parts.precision != Precision::Day && !end_word) return false;
    edge = Edge::Before;
  }
  return true;
}

bool read_completion(Cursor& cursor, Role role, bool& done) {
  if (cursor.consume("已完成") || cursor.consume("已全部完成") || cursor.consume("全部完成") ||
      cursor.consume("均已完成")) {
    done = true;
  } else if (cursor.consume("完成")) {
    done = role == Role::Actual;
  }
  return cursor.at_end();
}

bool complete(const DateParts& parts) {
  const DateValue& date = parts.date;
  if (parts.precision == Precision::Day && !valid_day(date.year, date.month, date.day))
    return false;
  // A year on its own ("2022年") is a date; nothing at all, or "年" alone, is not.
  if (parts.precision == Precision::Year && date.year == 0 && date.edge == Edge::On) return false;
  return true;
}

} // namespace

std::optional<DateValue> read_date(std::string_view compact, Role role) {
  Cursor cursor(compact);
  cursor.consume("=");
  // "≤3月" is three months, not March: the sign leads a date only with a year or a day.
  bool by_sign = cursor.consume("≤");
  bool by = by_sign || cursor.consume("截至到") || cursor.consume("截止到") ||
            cursor.consume("截至") || cursor.consume("截止") || cursor.consume("不晚于") ||
            cursor.consume("不迟于");
  if (!by && !cursor.consume("于")) cursor.consume("在");
  DateParts parts;
  if (!read_calendar(cursor, parts) || !read_edge(cursor, parts) ||
      !read_completion(cursor, role, parts.date.done) || !complete(parts))
    return std::nullopt;
  if (by_sign && parts.date.year == 0 && parts.date.day == 0) return std::nullopt;
  if (by) parts.date.edge = Edge::Before;
  return parts.date;
}

std::string format_date(const DateValue& date) {
  // Spelt into one buffer (every date value of a form is spelt once as its canonical text;
  // the chain of `+` made a temporary string per piece).
  std::string out;
  out.reserve(40);
  auto number = [&out](int value) {
    char digits[16];
    out.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
  };
  if (date.year != 0) {
    number(date.year);
    out += "年";
  }
  if (date.day != 0) {
    number(date.month);
    out += "月";
    number(date.day);
    out += "日";
    if (date.edge == Edge::Before) out += "前";
  } else if (date.month != 0) {
    number(date.month);
    out += "月";
    if (date.edge == Edge::EndOf) out += "底";
    if (date.edge == Edge::Before) out += "底前";
  } else {
    if (date.year == 0) out += "年";
    if (date.edge == Edge::EndOf) out += "内";
    if (date.edge == Edge::Before) out += "底前";
  }
  if (date.done) out += "已完成";
  return out;
}

} // namespace ziping::value
