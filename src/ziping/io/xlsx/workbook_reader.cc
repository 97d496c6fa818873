// Reads the parts of an XLSX package that hold cells: the relationships (to find the
// workbook and its sheets wherever the producer put them: libxlsxwriter, Excel, WPS and
// LibreOffice all differ), shared strings (plain and rich text), styles (number formats),
// and each worksheet's cells and merged ranges. Element names are compared without their
// namespace prefix, since some producers write <x:row>.
#include <pugixml.hpp>

#include <algorithm>
#include <charconv>

#include "ziping/io/xlsx/limits.h"
#include "ziping/io/xlsx/workbook.h"
#include "ziping/io/xlsx/zip_archive.h"
#include "ziping/text/utf8.h"

namespace ziping::io::xlsx {
namespace {

using diag::DiagId;

std::string_view local(const char* name) {
  std::string_view view(name);
  auto colon = view.find(':');
  return colon == std::string_view::npos ? view : view.substr(colon + 1);
}

bool is(pugi::xml_node node, std::string_view name) {
  return node.type() == pugi::node_element && local(node.name()) == name;
}

pugi::xml_node child(pugi::xml_node node, std::string_view name) {
  for (auto item : node.children())
    if (is(item, name)) return item;
  return {};
}

// The value of an attribute by its local name ("r:id" and "id" both answer "id" only when
// asked with the prefix-less name and the attribute is namespaced).
const char* attribute(pugi::xml_node node, std::string_view name, bool namespaced = false) {
  for (auto attr : node.attributes()) {
    std::string_view full(attr.name());
    bool has_prefix = full.find(':') != std::string_view::npos;
    if (local(attr.name()) == name && has_prefix == namespaced) return attr.value();
  }
  return nullptr;
}

// Text as the form keeps it: well-formed UTF-8 (an ill-formed byte becomes U+FFFD, so that
// what is read can always be written as JSON).
std::string well_formed(std::string text) {
  if (!text::first_invalid_utf8(text)) return text;
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) text::append_utf8(out, text::next_code_point(text, pos));
  return out;
}

// Excel escapes characters XML cannot hold as _xHHHH_.
std::string unescape_ooxml(std::string_view raw) {
  std::string checked = well_formed(std::string(raw));
  std::string_view text = checked;
  if (text.find("_x") == std::string_view::npos) return checked;
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == '_' && pos + 7 <= text.size() && text[pos + 1] == 'x' &&
        text[pos + 6] == '_') {
      unsigned value = 0;
      auto hex = text.substr(pos + 2, 4);
      auto [end, error] = std::from_chars(hex.data(), hex.data() + 4, value, 16);
      if (error == std::errc() && end == hex.data() + 4 && !(value >= 0xD800 && value <= 0xDFFF)) {
        text::append_utf8(out, char32_t(value));
        pos += 7;
        continue;
      }
    }
    out += text[pos++];
  }
  return out;
}

// The text of a shared string item or an inline string: <t>, or the <r><t> runs of rich
// text, skipping phonetic runs (<rPh>).
std::string string_item_text(pugi::xml_node item) {
  std::string out;
  for (auto node : item.children()) {
    if (is(node, "t")) {
      out += node.child_value();
    } else if (is(node, "r")) {
      for (auto run : node.children())
        if (is(run, "t")) out += run.child_value();
    }
  }
  return unescape_ooxml(out);
}

struct Context {
  const std::string& file;
  Package& zip;
  std::vector<diag::Diagnostic>& diagnostics;
  std::size_t cells = 0; // read so far, all sheets
};

diag::Diagnostic& report(Context& context, DiagId id, std::vector<std::string> args) {
  auto& d = context.diagnostics.emplace_back(diag::make(id, "", std::move(args)));
  d.where.file = context.file;
  return d;
}

// Cell values (<v>) and inline strings (<is>) in a worksheet's raw XML: an upper bound on the
// cells with content, counted without building pugixml's tree.
std::size_t values_in(std::string_view xml) {
  std::size_t count = 0;
  for (std::string_view tag : {"<v>", "<is>"})
    for (auto at = xml.find(tag); at != std::string_view::npos; at = xml.find(tag, at + tag.size()))
      ++count;
  return count;
}

// Reads and parses one part; a missing part is reported only when `required`. A worksheet
// (`sheet` names it) holding more than kMaxValuesPerSheetPart values is refused before it is
// parsed: building the tree of a million-cell sheet costs 1.4 s and 300 MB, only to read its
// first kMaxCellsPerSheet cells.
bool load_part(Context& context, const std::string& name, pugi::xml_document& document,
               bool required, const std::string* sheet = nullptr) {
  Package::Status status;
  auto bytes = context.zip.read(name, status);
  if (!bytes) {
    if (status == Package::Status::TooLarge) {
      report(context, DiagId::err_xlsx_part_too_large,
             {name, std::to_string(std::min(kMaxPartBytes, kMaxUnpackedBytes))});
    } else if (status == Package::Status::Unreadable) {
      report(context, DiagId::err_xlsx_bad_xml,
             {name, diag::bilingual("压缩数据已损坏", "the compressed data is corrupt")});
    } else if (required) {
      report(context, DiagId::err_xlsx_missing_part, {name});
    }
    return false;
  }
  if (sheet && values_in(*bytes) > kMaxValuesPerSheetPart) {
    report(context, DiagId::err_xlsx_too_many,
           {diag::bilingual("单元格（工作表「" + *sheet + "」，未读取）",
                            "cells (sheet " + *sheet + ", not read)"),
            std::to_string(kMaxValuesPerSheetPart)});
    return false;
  }
  unsigned options = (pugi::parse_default & ~pugi::parse_eol) | pugi::parse_ws_pcdata_single;
  auto result = document.load_buffer(bytes->data(), bytes->size(), options, pugi::encoding_utf8);
  if (!result) {
    report(context, DiagId::err_xlsx_bad_xml,
           {name,
            std::string(result.description()) + " (offset " + std::to_string(result.offset) + ")"});
    return false;
  }
  return true;
}

// "xl/workbook.xml" + "worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml"; absolute
// targets ("/xl/worksheets/sheet1.xml") are taken from the package root.
std::string resolve(const std::string& base_part, std::string_view target) {
  if (!target.empty() && target.front() == '/') return std::string(target.substr(1));
  std::string folder = base_part.substr(0, base_part.rfind('/') + 1);
  std::vector<std::string> parts;
  std::string path = folder + std::string(target);
  std::size_t start = 0;
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    std::string piece =
        path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (piece == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!piece.empty() && piece != ".") {
      parts.push_back(piece);
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  std::string out;
  for (const auto& piece : parts) out += (out.empty() ? "" : "/") + piece;
  return out;
}

std::string rels_part(const std::string& part) {
  auto slash = part.rfind('/');
  std::string folder = slash == std::string::npos ? "" : part.substr(0, slash + 1);
  std::string name = slash == std::string::npos ? part : part.substr(slash + 1);
  return folder + "_rels/" + name + ".rels";
}

struct Relationship {
  std::string id, type, target;
};

std::vector<Relationship> relationships(Context& context, const std::string& part) {
  std::vector<Relationship> out;
  pugi::xml_document document;
  if (!load_part(context, rels_part(part), document, false)) return out;
  for (auto rel : child(document, "Relationships").children()) {
    if (!is(rel, "Relationship")) continue;
    const char* id = attribute(rel, "Id");
    const char* type = attribute(rel, "Type");
    const char* target = attribute(rel, "Target");
    const char* mode = attribute(rel, "TargetMode");
    if (mode && std::string_view(mode) == "External") continue;
    if (id && target) out.push_back({id, type ? type : "", resolve(part, target)});
  }
  return out;
}

const Relationship* by_type(const std::vector<Relationship>& rels, std::string_view suffix) {
  for (const auto& rel : rels)
    if (rel.type.ends_with(suffix)) return &rel;
  return nullptr;
}

std::vector<std::string> shared_strings(Context& context, const std::string& part) {
  std::vector<std::string> out;
  pugi::xml_document document;
  if (!load_part(context, part, document, false)) return out;
  for (auto item : child(document, "sst").children()) {
    if (!is(item, "si")) continue;
    if (out.size() >= kMaxSharedStrings) {
      report(context, DiagId::err_xlsx_too_many,
             {diag::bilingual("共享字符串", "shared strings"), std::to_string(kMaxSharedStrings)});
      break;
    }
    out.push_back(string_item_text(item));
  }
  return out;
}

// cellXfs index → number style.
std::vector<NumberStyle> cell_styles(Context& context, const std::string& part) {
  std::vector<NumberStyle> out;
  pugi::xml_document document;
  if (part.empty() || !load_part(context, part, document, false)) return out;
  auto root = child(document, "styleSheet");
  std::map<int, std::string> custom;
  for (auto format : child(root, "numFmts").children()) {
    if (!is(format, "numFmt")) continue;
    const char* id = attribute(format, "numFmtId");
    const char* code = attribute(format, "formatCode");
    if (id && code) custom[std::atoi(id)] = code;
  }
  for (auto xf : child(root, "cellXfs").children()) {
    if (!is(xf, "xf")) continue;
    if (out.size() >= 65536) break;
    const char* id_text = attribute(xf, "numFmtId");
    int id = id_text ? std::atoi(id_text) : 0;
    auto found = custom.find(id);
    std::string code =
        found != custom.end() ? found->second : std::string(builtin_number_format(id));
    NumberStyle style = analyse_number_format(code);
    if (found == custom.end() && ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) ||
                                  (id >= 45 && id <= 47) || (id >= 50 && id <= 58)))
      style.date = true;
    out.push_back(style);
  }
  return out;
}

struct SheetEntry {
  std::string name;
  std::string part;
  bool hidden = false; // state="hidden" or "veryHidden": templates keep option lists there
};

// Where cell `c` stands: its r attribute, else the column after the previous cell; nullopt
// (reported) for an invalid reference.
std::optional<CellRef> cell_place(Context& context, pugi::xml_node c, const Sheet& sheet,
                                  CellRef at) {
  const char* r = attribute(c, "r");
  if (!r) return at;
  auto parsed = parse_cell_name(r);
  if (!parsed) {
    auto& d = report(
        context, DiagId::err_xlsx_bad_cell,
        {diag::bilingual("无效的单元格引用 " + well_formed(std::string(r).substr(0, 40)),
                         "invalid cell reference " + well_formed(std::string(r).substr(0, 40)))});
    d.where = diag::SourceLocation::at_cell(context.file, sheet.name, cell_name(at));
    return std::nullopt;
  }
  return *parsed;
}

// The shared string a cell's value indexes; false (reported) when there is none.
bool shared_string(Context& context, pugi::xml_node v, const Sheet& sheet, CellRef at,
                   const std::vector<std::string>& strings, Cell& cell) {
  std::string_view raw_index = v.child_value();
  std::string shown_index = well_formed(std::string(raw_index.substr(0, 40)));
  std::string_view text = raw_index;
  std::size_t index = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), index);
  if (error != std::errc() || end != text.data() + text.size() || index >= strings.size()) {
    auto& d = report(context, DiagId::err_xlsx_bad_cell,
                     {diag::bilingual("共享字符串编号 " + shown_index + " 不存在",
                                      "shared string index " + shown_index + " does not exist")});
    d.where = diag::SourceLocation::at_cell(context.file, sheet.name, cell_name(at));
    return false;
  }
  cell.type = Cell::Type::Text;
  cell.value = strings[index];
  return true;
}

// The cell's type and value by its t attribute; false when there is no value to keep.
bool cell_value(Context& context, pugi::xml_node c, const Sheet& sheet, CellRef at,
                const std::vector<std::string>& strings, Cell& cell) {
  std::string_view type = attribute(c, "t") ? attribute(c, "t") : "n";
  auto v = child(c, "v");
  if (type == "s") return shared_string(context, v, sheet, at, strings, cell);
  if (type == "inlineStr") {
    cell.type = Cell::Type::Text;
    cell.value = string_item_text(child(c, "is"));
  } else if (type == "str") {
    cell.type = Cell::Type::Text;
    cell.value = unescape_ooxml(v.child_value());
    if (!v) return false; // a formula never calculated: no value to read
  } else if (type == "b") {
    cell.type = Cell::Type::Boolean;
    cell.value = well_formed(v.child_value());
  } else if (type == "e") {
    cell.type = Cell::Type::Error;
    cell.value = well_formed(v.child_value());
  } else if (type == "d") {
    cell.type = Cell::Type::Text;
    cell.value = well_formed(v.child_value());
  } else {
    if (!v) return false; // styled blank cell, or a formula without a cached value
    cell.type = Cell::Type::Number;
    cell.value = well_formed(std::string(text::trim(v.child_value())));
    if (cell.value.empty()) return false;
  }
  return true;
}

// Whether the sheet and the workbook have room for one more cell; the first time not, it is
// reported.
bool room_for_cell(Context& context, const Sheet& sheet, CellRef at, bool& reported_limit) {
  if (sheet.cells.size() < kMaxCellsPerSheet && context.cells < kMaxCells) return true;
  if (!reported_limit) {
    auto& d = report(
        context, DiagId::err_xlsx_too_many,
        {diag::bilingual("单元格（工作表「" + sheet.name + "」）",
                         "cells (sheet " + sheet.name + ")"),
         std::to_string(sheet.cells.size() >= kMaxCellsPerSheet ? kMaxCellsPerSheet : kMaxCells)});
    d.where = diag::SourceLocation::at_cell(context.file, sheet.name, cell_name(at));
    reported_limit = true;
  }
  return false;
}

// The cells of one <row>.
void read_row(Context& context, pugi::xml_node row, int row_index, Sheet& sheet,
              const std::vector<std::string>& strings, const std::vector<NumberStyle>& styles,
              bool& reported_limit) {
  int next_column = 0;
  for (auto c : row.children()) {
    if (!is(c, "c")) continue;
    auto place = cell_place(context, c, sheet, CellRef{row_index, next_column});
    if (!place) continue;
    CellRef at = *place;
    next_column = at.column + 1;
    Cell cell;
    cell.formula = bool(child(c, "f"));
    if (const char* s = attribute(c, "s")) {
      long index = std::atol(s);
      if (index >= 0 && std::size_t(index) < styles.size()) cell.style = styles[std::size_t(index)];
    }
    if (!cell_value(context, c, sheet, at, strings, cell)) continue;
    if (!room_for_cell(context, sheet, at, reported_limit)) continue;
    ++context.cells;
    sheet.rows = std::max(sheet.rows, at.row + 1);
    sheet.columns = std::max(sheet.columns, at.column + 1);
    sheet.cells[at] = std::move(cell);
  }
}

void read_cells(Context& context, pugi::xml_node root, Sheet& sheet,
                const std::vector<std::string>& strings, const std::vector<NumberStyle>& styles) {
  auto data = child(root, "sheetData");
  int next_row = 0;
  bool reported_limit = false;
  for (auto row : data.children()) {
    // Past the cell limit the sheet is refused: reading its remaining cells (a million in a
    // hostile file) would only cost time.
    if (reported_limit) break;
    if (!is(row, "row")) continue;
    int row_index = next_row;
    if (const char* r = attribute(row, "r")) {
      long long parsed = std::atoll(r);
      if (parsed >= 1 && parsed <= kMaxRows) row_index = int(parsed - 1);
    }
    next_row = row_index + 1;
    read_row(context, row, row_index, sheet, strings, styles, reported_limit);
  }
}

void read_merges(Context& context, pugi::xml_node root, Sheet& sheet, std::size_t& covered) {
  for (auto merge : child(root, "mergeCells").children()) {
    if (!is(merge, "mergeCell")) continue;
    const char* ref = attribute(merge, "ref");
    auto range = ref ? parse_range_name(ref) : std::nullopt;
    if (!range) continue;
    if (sheet.merges.size() >= kMaxMergedRanges) {
      report(context, DiagId::err_xlsx_too_many,
             {diag::bilingual("合并区域", "merged ranges"), std::to_string(kMaxMergedRanges)});
      break;
    }
    // Ranges beyond the cells in use cover nothing that can be read: clip them.
    Range clipped = *range;
    clipped.last.row = std::min(clipped.last.row, std::max(sheet.rows, clipped.first.row + 1) - 1);
    clipped.last.column =
        std::min(clipped.last.column, std::max(sheet.columns, clipped.first.column + 1) - 1);
    std::size_t area = std::size_t(clipped.last.row - clipped.first.row + 1) *
                       std::size_t(clipped.last.column - clipped.first.column + 1);
    if (covered + area > kMaxMergedCells) {
      report(context, DiagId::err_xlsx_too_many,
             {diag::bilingual("合并单元格", "merged cells"), std::to_string(kMaxMergedCells)});
      break;
    }
    const Range* overlap = nullptr;
    for (int r = clipped.first.row; r <= clipped.last.row && !overlap; ++r)
      for (int col = clipped.first.column; col <= clipped.last.column && !overlap; ++col)
        if (auto found = sheet.merged_at.find({r, col}); found != sheet.merged_at.end())
          overlap = &sheet.merges[found->second];
    if (overlap) {
      auto& d = report(context, DiagId::warn_sheet_merge_overlap,
                       {std::string(ref), range_name(*overlap)});
      d.where = diag::SourceLocation::at_cell(context.file, sheet.name, cell_name(range->first));
      continue;
    }
    covered += area;
    sheet.merges.push_back(*range);
    for (int r = clipped.first.row; r <= clipped.last.row; ++r)
      for (int col = clipped.first.column; col <= clipped.last.column; ++col)
        sheet.merged_at[{r, col}] = sheet.merges.size() - 1;
  }
}

} // namespace

void read_package(Package& zip, const std::string& file_name, WorkbookRead& result);

const Cell* Sheet::at(CellRef where) const {
  auto found = cells.find(where);
  return found == cells.end() ? nullptr : &found->second;
}

const Range* Sheet::merge_of(CellRef where) const {
  auto found = merged_at.find(where);
  return found == merged_at.end() ? nullptr : &merges[found->second];
}

WorkbookRead read_workbook(std::string_view bytes, const std::string& file_name) {
  WorkbookRead result;
  auto refuse = [&](DiagId id, std::vector<std::string> args) {
    auto& d = result.diagnostics.emplace_back(diag::make(id, "", std::move(args)));
    d.where.file = file_name;
    return result;
  };
  if (bytes.size() > kMaxXlsxBytes)
    return refuse(DiagId::err_input_too_large,
                  {std::to_string(bytes.size()), std::to_string(kMaxXlsxBytes)});
  if (bytes.empty()) return refuse(DiagId::err_input_empty, {});
  if (bytes.size() >= 8 &&
      bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    return refuse(
        DiagId::err_xlsx_not_zip,
        {diag::bilingual(
            "这是旧版 .xls 或加密的工作簿（OLE 复合文档），请在 Excel/WPS 中另存为不加密的 .xlsx",
            "this is a legacy .xls or an encrypted workbook (an OLE compound file); save it "
            "as an unencrypted .xlsx")});
  if (bytes.size() < 4 || bytes.substr(0, 2) != "PK")
    return refuse(DiagId::err_xlsx_not_zip,
                  {diag::bilingual("文件不是 zip 压缩包", "the file is not a zip archive")});
  ZipArchive zip(bytes);
  if (zip.status() == Package::Status::NotAZip)
    return refuse(DiagId::err_xlsx_not_zip,
                  {diag::bilingual("zip 压缩包已损坏：" + zip.error(),
                                   "the zip archive is damaged: " + zip.error())});
  if (zip.status() == Package::Status::TooManyEntries)
    return refuse(DiagId::err_xlsx_too_many, {diag::bilingual("压缩包成员", "archive members"),
                                              std::to_string(kMaxZipEntries)});
  read_package(zip, file_name, result);
  return result;
}

namespace {

class MemoryPackage : public Package {
public:
  explicit MemoryPackage(const std::map<std::string, std::string>& parts) : parts_(parts) {}
  std::optional<std::string> read(std::string_view name, Status& status) override {
    while (!name.empty() && name.front() == '/') name.remove_prefix(1);
    auto found = parts_.find(std::string(name));
    if (found == parts_.end()) {
      status = Status::Missing;
      return std::nullopt;
    }
    if (found->second.size() > kMaxPartBytes) {
      status = Status::TooLarge;
      return std::nullopt;
    }
    status = Status::Ok;
    return found->second;
  }
  bool has(std::string_view name) const override { return parts_.count(std::string(name)) > 0; }

private:
  const std::map<std::string, std::string>& parts_;
};

} // namespace

void read_package(Package& zip, const std::string& file_name, WorkbookRead& result) {
  Context context{file_name, zip, result.diagnostics};

  // The package relationships name the workbook part; xl/workbook.xml is the usual place.
  std::string workbook_part = "xl/workbook.xml";
  {
    pugi::xml_document root_rels;
    if (load_part(context, "_rels/.rels", root_rels, false)) {
      for (auto rel : child(root_rels, "Relationships").children()) {
        const char* type = attribute(rel, "Type");
        const char* target = attribute(rel, "Target");
        if (type && target && std::string_view(type).ends_with("/officeDocument"))
          workbook_part = resolve("", target);
      }
    }
  }
  pugi::xml_document workbook_xml;
  if (!load_part(context, workbook_part, workbook_xml, true)) return;
  auto rels = relationships(context, workbook_part);
  std::vector<SheetEntry> entries;
  for (auto sheet : child(child(workbook_xml, "workbook"), "sheets").children()) {
    if (!is(sheet, "sheet")) continue;
    const char* name_attr = attribute(sheet, "name");
    std::optional<std::string> name;
    if (name_attr) name = well_formed(name_attr);
    const char* id = attribute(sheet, "id", true);
    std::string part;
    for (const auto& rel : rels)
      if (id && rel.id == id) part = rel.target;
    if (part.empty()) {
      // Without a relationship the conventional name is the only guess left.
      part = "xl/worksheets/sheet" + std::to_string(entries.size() + 1) + ".xml";
    }
    const char* state = attribute(sheet, "state");
    bool hidden = state && std::string_view(state) != "visible";
    entries.push_back({name ? *name : "Sheet" + std::to_string(entries.size() + 1), part, hidden});
    if (entries.size() >= kMaxSheets) break;
  }
  if (entries.empty()) {
    report(context, DiagId::err_xlsx_missing_part, {workbook_part + " <sheets>"});
    return;
  }
  std::vector<std::string> strings;
  if (const Relationship* rel = by_type(rels, "/sharedStrings"))
    strings = shared_strings(context, rel->target);
  else if (zip.has("xl/sharedStrings.xml"))
    strings = shared_strings(context, "xl/sharedStrings.xml");
  std::vector<NumberStyle> styles;
  if (const Relationship* rel = by_type(rels, "/styles"))
    styles = cell_styles(context, rel->target);

  Workbook workbook;
  std::size_t covered = 0;
  // The form is on the visible sheets; hidden ones are read only when nothing is visible.
  bool any_visible =
      std::any_of(entries.begin(), entries.end(), [](const SheetEntry& e) { return !e.hidden; });
  for (const auto& entry : entries) {
    if (entry.hidden && any_visible) continue;
    // A chartsheet or a part that cannot be read is skipped; the others may hold the form.
    pugi::xml_document sheet_xml;
    if (!load_part(context, entry.part, sheet_xml, true, &entry.name)) continue;
    auto root = child(sheet_xml, "worksheet");
    if (!root) continue;
    Sheet sheet;
    sheet.name = entry.name;
    read_cells(context, root, sheet, strings, styles);
    read_merges(context, root, sheet, covered);
    workbook.sheets.push_back(std::move(sheet));
  }
  result.workbook = std::move(workbook);
}

WorkbookRead read_workbook_parts(const std::map<std::string, std::string>& parts,
                                 const std::string& file_name) {
  WorkbookRead result;
  MemoryPackage package(parts);
  read_package(package, file_name, result);
  return result;
}

} // namespace ziping::io::xlsx
