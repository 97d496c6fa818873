#include "ziping/io/csv/csv_table.h"

#include <iconv.h>

#include <cerrno>

#include "ziping/text/utf8.h"

namespace ziping::io::csv {
namespace {

using diag::DiagId;

diag::Diagnostic at(DiagId id, const std::string& file, int line, int column,
                    std::vector<std::string> args = {}) {
  auto d = diag::make(id, "", std::move(args));
  d.where = diag::SourceLocation::text(file, line, column);
  return d;
}

// The delimiter of the first line outside quotes: a comma unless the line has none and has
// tabs or semicolons (Excel in some locales saves ";").
char sniff_delimiter(std::string_view text) {
  std::size_t commas = 0, tabs = 0, semicolons = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    commas += c == ',';
    tabs += c == '\t';
    semicolons += c == ';';
  }
  if (commas == 0 && tabs > 0) return '\t';
  if (commas == 0 && semicolons > 0) return ';';
  return ',';
}

} // namespace

std::optional<std::string> gb18030_to_utf8(std::string_view bytes) {
  // One converter per thread, reset before each use: opening one costs more than converting a
  // short file, and bytes that are not UTF-8 (every other fuzz input) all come here.
  struct Converter {
    iconv_t handle = iconv_open("UTF-8", "GB18030");
    ~Converter() {
      if (handle != iconv_t(-1)) iconv_close(handle);
    }
  };
  thread_local Converter converter;
  if (converter.handle == iconv_t(-1)) return std::nullopt;
  iconv(converter.handle, nullptr, nullptr, nullptr, nullptr);
  // Converted through a buffer on the stack and appended: the output is allocated as it
  // grows, not zero-filled at twice the input's size up front.
  std::string out;
  char buffer[4096];
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  while (in_left > 0) {
    char* target = buffer;
    std::size_t out_left = sizeof buffer;
    std::size_t result = iconv(converter.handle, &in, &in_left, &target, &out_left);
    out.append(buffer, std::size_t(target - buffer));
    if (result != std::size_t(-1)) break;
    if (errno != E2BIG) return std::nullopt; // EILSEQ or EINVAL: not GB18030
  }
  return out;
}

namespace {

diag::Diagnostic in_file(DiagId id, const std::string& file, std::vector<std::string> args = {}) {
  auto d = diag::make(id, "", std::move(args));
  d.where.file = file;
  return d;
}

// The bytes as UTF-8 text: the size checked, a BOM dropped, GB18030 converted (noted), empty
// input refused; nullopt (with the error in `result`) when there is no text to read.
std::optional<std::string_view> csv_text(std::string_view bytes, const std::string& file,
                                         std::string& converted, TableRead& result) {
  if (bytes.size() > kMaxCsvBytes) {
    result.diagnostics.push_back(
        in_file(DiagId::err_input_too_large, file,
                {std::to_string(bytes.size()), std::to_string(kMaxCsvBytes)}));
    return std::nullopt;
  }
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (auto bad = text::first_invalid_utf8(bytes)) {
    auto gb = gb18030_to_utf8(bytes);
    if (!gb || text::first_invalid_utf8(*gb)) {
      result.diagnostics.push_back(
          in_file(DiagId::err_input_not_utf8, file, {std::to_string(*bad + 1)}));
      return std::nullopt;
    }
    converted = std::move(*gb);
    bytes = converted;
    result.diagnostics.push_back(at(DiagId::note_csv_converted_gb18030, file, 1, 1));
  }
  if (text::trim(bytes).empty()) {
    result.diagnostics.push_back(in_file(DiagId::err_input_empty, file));
    return std::nullopt;
  }
  return bytes;
}

// Reads fields one at a time, keeping the line and code-point column of where it is.
class FieldScanner {
public:
  FieldScanner(std::string_view bytes, char delimiter, const std::string& file, TableRead& result)
      : bytes_(bytes), delimiter_(delimiter), file_(file), result_(result) {}
  bool read(Table& table);

private:
  void advance(char c) {
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column_;
    }
  }
  bool field_end(std::size_t at) const {
    return bytes_[at] == delimiter_ || bytes_[at] == '\n' || bytes_[at] == '\r';
  }
  bool quoted(Field& field);
  void unquoted(Field& field);

  std::string_view bytes_;
  char delimiter_;
  const std::string& file_;
  TableRead& result_;
  int line_ = 1, column_ = 1;
  std::size_t pos_ = 0;
  bool stray_reported_ = false;
};

// A field in quotes (doubled quotes inside); false when the closing quote never comes.
bool FieldScanner::quoted(Field& field) {
  advance(bytes_[pos_++]);
  bool closed = false;
  while (pos_ < bytes_.size()) {
    char c = bytes_[pos_];
    if (c == '"') {
      if (pos_ + 1 < bytes_.size() && bytes_[pos_ + 1] == '"') {
        field.text += '"';
        advance(c);
        advance(c);
        pos_ += 2;
        continue;
      }
      advance(c);
      ++pos_;
      closed = true;
      break;
    }
    if (c == '\r') {
      // CRLF inside quotes is one line break in the field, as written.
      field.text += c;
      ++pos_;
      if (pos_ < bytes_.size() && bytes_[pos_] == '\n') {
        field.text += '\n';
        ++pos_;
      }
      ++line_;
      column_ = 1;
      continue;
    }
    field.text += c;
    advance(c);
    ++pos_;
  }
  if (!closed) {
    result_.diagnostics.push_back(at(DiagId::err_csv_unterminated_quote, file_, field.line,
                                     field.column, {std::to_string(field.line)}));
    return false;
  }
  // Text after the closing quote belongs to the field (lenient, as Excel reads it).
  while (pos_ < bytes_.size() && !field_end(pos_)) {
    field.text += bytes_[pos_];
    advance(bytes_[pos_++]);
  }
  return true;
}

// An unquoted field is the bytes up to the next delimiter or line end, taken at once (no line
// break inside, so only the column moves); the first stray quote is reported.
void FieldScanner::unquoted(Field& field) {
  std::size_t end = pos_;
  while (end < bytes_.size() && !field_end(end)) ++end;
  std::string_view raw = bytes_.substr(pos_, end - pos_);
  if (auto quote = raw.find('"'); quote != std::string_view::npos && !stray_reported_) {
    int quote_column = column_;
    for (char c : raw.substr(0, quote))
      quote_column += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    result_.diagnostics.push_back(at(DiagId::warn_csv_stray_quote, file_, line_, quote_column));
    stray_reported_ = true;
  }
  field.text.assign(raw);
  for (char c : raw) advance(c);
  pos_ = end;
}

// The rows of fields; false (with the error in the result) on an unterminated quote or too
// many fields.
bool FieldScanner::read(Table& table) {
  std::size_t fields = 0;
  Row row;
  while (pos_ < bytes_.size()) {
    Field field;
    field.line = line_;
    field.column = column_;
    if (bytes_[pos_] == '"') {
      if (!quoted(field)) return false;
    } else {
      unquoted(field);
    }
    if (++fields > kMaxCsvFields) {
      result_.diagnostics.push_back(at(DiagId::err_csv_too_many_fields, file_, line_, column_,
                                       {std::to_string(kMaxCsvFields), std::to_string(line_)}));
      return false;
    }
    row.push_back(std::move(field));
    if (pos_ >= bytes_.size()) break;
    char c = bytes_[pos_];
    if (c == delimiter_) {
      advance(c);
      ++pos_;
      if (pos_ == bytes_.size()) row.push_back(Field{"", line_, column_});
      continue;
    }
    // A line end: CRLF, LF or CR.
    ++pos_;
    if (c == '\r' && pos_ < bytes_.size() && bytes_[pos_] == '\n') ++pos_;
    ++line_;
    column_ = 1;
    table.rows.push_back(std::move(row));
    row.clear();
  }
  if (!row.empty()) table.rows.push_back(std::move(row));
  return true;
}

} // namespace

TableRead read_table(std::string_view bytes, const std::string& file) {
  TableRead result;
  std::string converted;
  auto content = csv_text(bytes, file, converted, result);
  if (!content) return result;
  Table table;
  table.delimiter = sniff_delimiter(*content);
  if (!FieldScanner(*content, table.delimiter, file, result).read(table)) return result;
  result.table = std::move(table);
  return result;
}

} // namespace ziping::io::csv
