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

TableRead read_table(std::string_view bytes, const std::string& file) {
  TableRead result;
  if (bytes.size() > kMaxCsvBytes) {
    auto d = diag::make(DiagId::err_input_too_large, "",
                        {std::to_string(bytes.size()), std::to_string(kMaxCsvBytes)});
    d.where.file = file;
    result.diagnostics.push_back(std::move(d));
    return result;
  }
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::string converted;
  if (auto bad = text::first_invalid_utf8(bytes)) {
    auto gb = gb18030_to_utf8(bytes);
    if (!gb || text::first_invalid_utf8(*gb)) {
      auto d = diag::make(DiagId::err_input_not_utf8, "", {std::to_string(*bad + 1)});
      d.where.file = file;
      result.diagnostics.push_back(std::move(d));
      return result;
    }
    converted = std::move(*gb);
    bytes = converted;
    auto d = diag::make(DiagId::note_csv_converted_gb18030, "");
    d.where = diag::SourceLocation::text(file, 1, 1);
    result.diagnostics.push_back(std::move(d));
  }
  if (text::trim(bytes).empty()) {
    auto d = diag::make(DiagId::err_input_empty, "");
    d.where.file = file;
    result.diagnostics.push_back(std::move(d));
    return result;
  }
  Table table;
  table.delimiter = sniff_delimiter(bytes);
  int line = 1, column = 1;
  std::size_t pos = 0, fields = 0;
  bool stray_reported = false;
  Row row;
  auto advance = [&](char c) {
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column;
    }
  };
  while (pos < bytes.size()) {
    Field field;
    field.line = line;
    field.column = column;
    if (bytes[pos] == '"') {
      advance(bytes[pos++]);
      bool closed = false;
      while (pos < bytes.size()) {
        char c = bytes[pos];
        if (c == '"') {
          if (pos + 1 < bytes.size() && bytes[pos + 1] == '"') {
            field.text += '"';
            advance(c);
            advance(c);
            pos += 2;
            continue;
          }
          advance(c);
          ++pos;
          closed = true;
          break;
        }
        if (c == '\r') {
          // CRLF inside quotes is one line break in the field, as written.
          field.text += c;
          ++pos;
          if (pos < bytes.size() && bytes[pos] == '\n') {
            field.text += '\n';
            ++pos;
          }
          ++line;
          column = 1;
          continue;
        }
        field.text += c;
        advance(c);
        ++pos;
      }
      if (!closed) {
        result.diagnostics.push_back(at(DiagId::err_csv_unterminated_quote, file, field.line,
                                        field.column, {std::to_string(field.line)}));
        return result;
      }
      // Text after the closing quote belongs to the field (lenient, as Excel reads it).
      while (pos < bytes.size() && bytes[pos] != table.delimiter && bytes[pos] != '\n' &&
             bytes[pos] != '\r') {
        field.text += bytes[pos];
        advance(bytes[pos++]);
      }
    } else {
      // An unquoted field is the bytes up to the next delimiter or line end, taken at once
      // (no line break inside, so only the column moves).
      std::size_t end = pos;
      while (end < bytes.size() && bytes[end] != table.delimiter && bytes[end] != '\n' &&
             bytes[end] != '\r')
        ++end;
      std::string_view raw = bytes.substr(pos, end - pos);
      if (auto quote = raw.find('"'); quote != std::string_view::npos && !stray_reported) {
        int quote_column = column;
        for (char c : raw.substr(0, quote))
          quote_column += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        result.diagnostics.push_back(at(DiagId::warn_csv_stray_quote, file, line, quote_column));
        stray_reported = true;
      }
      field.text.assign(raw);
      for (char c : raw) advance(c);
      pos = end;
    }
    if (++fields > kMaxCsvFields) {
      auto d = diag::make(DiagId::err_csv_too_many_fields, "",
                          {std::to_string(kMaxCsvFields), std::to_string(line)});
      d.where = diag::SourceLocation::text(file, line, column);
      result.diagnostics.push_back(std::move(d));
      return result;
    }
    row.push_back(std::move(field));
    if (pos >= bytes.size()) break;
    char c = bytes[pos];
    if (c == table.delimiter) {
      advance(c);
      ++pos;
      if (pos == bytes.size()) row.push_back(Field{"", line, column});
      continue;
    }
    // A line end: CRLF, LF or CR.
    ++pos;
    if (c == '\r' && pos < bytes.size() && bytes[pos] == '\n') ++pos;
    ++line;
    column = 1;
    table.rows.push_back(std::move(row));
    row.clear();
  }
  if (!row.empty()) table.rows.push_back(std::move(row));
  result.table = std::move(table);
  return result;
}

} // namespace ziping::io::csv
