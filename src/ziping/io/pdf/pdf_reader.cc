#include "ziping/io/pdf/pdf_reader.h"

#include <chrono>
#include <climits>
#include <memory>
#include <optional>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include "ziping/io/pdf/pdf_budget.h"
#include "ziping/io/pdf/pdf_table.h"
#include "ziping/io/text/keys.h"
#include "ziping/text/utf8.h"

namespace ziping::io::pdf {
namespace {

// poppler reports syntax errors of damaged files on stderr; the reader says what matters itself.
void quiet(const std::string&, void*) {}

std::string utf8(const poppler::ustring& text) {
  auto bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// Why a PDF is not read: the error and its arguments; a page when it is at one.
struct Refusal {
  diag::DiagId id;
  std::vector<std::string> args;
  int page = 0;
};

Refusal unreadable(std::string zh, std::string en) {
  return {diag::DiagId::err_pdf_unreadable, {diag::bilingual(zh, en)}};
}

// The limits checked on the bytes before poppler parses them.
std::optional<Refusal> refuse_bytes(std::string_view bytes) {
  if (bytes.size() > kMaxPdfBytes)
    return Refusal{diag::DiagId::err_input_too_large,
                   {std::to_string(bytes.size()), std::to_string(kMaxPdfBytes)}};
  if (bytes.empty()) return Refusal{diag::DiagId::err_input_empty, {}};
  if (inflated_size(bytes, kMaxPdfInflatedBytes) > kMaxPdfInflatedBytes)
    return unreadable("压缩内容解压后超过 " + std::to_string(kMaxPdfInflatedBytes >> 20) +
                          " MiB 的上限",
                      "its compressed content inflates past the limit of " +
                          std::to_string(kMaxPdfInflatedBytes >> 20) + " MiB");
  return std::nullopt;
}

// The document's checks: it parses, is not encrypted, has not too many pages.
std::optional<Refusal> refuse_document(const poppler::document* document) {
  if (!document) return unreadable("不是 PDF 文件或文件已损坏", "not a PDF, or a damaged one");
  if (document->is_locked()) return unreadable("文件已加密", "the file is encrypted");
  int pages = document->pages();
  if (pages > kMaxPdfPages)
    return unreadable(
        std::to_string(pages) + " 页，超过 " + std::to_string(kMaxPdfPages) + " 页的上限",
        std::to_string(pages) + " pages, more than the limit of " + std::to_string(kMaxPdfPages));
  return std::nullopt;
}

// The words of every page, with the notes about pages without text and the count of Kangxi
// radicals unified; a page past the time limit or a character past `max_characters` stops it.
class WordCollector {
public:
  WordCollector(const std::string& file, std::size_t max_characters)
      : file_(file), max_characters_(max_characters) {}
  std::optional<Refusal> read(poppler::document& document);
  text::Grid grid(int pages);

private:
  std::optional<Refusal> page(int index, const poppler::page& page);

  const std::string& file_;
  std::size_t max_characters_;
  std::vector<Word> words_;
  std::vector<diag::Diagnostic> notes_;
  std::size_t radicals_ = 0;
  std::size_t characters_ = 0;
};

std::optional<Refusal> WordCollector::read(poppler::document& document) {
  int pages = document.pages();
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kMaxPdfReadSeconds);
  for (int index = 0; index < pages; ++index) {
    if (std::chrono::steady_clock::now() > deadline)
      return unreadable("读取超过 " + std::to_string(kMaxPdfReadSeconds) + " 秒的上限（第 " +
                            std::to_string(index + 1) + " 页）",
                        "reading took longer than the limit of " +
                            std::to_string(kMaxPdfReadSeconds) + " s (page " +
                            std::to_string(index + 1) + ")");
    std::unique_ptr<poppler::page> page_at(document.create_page(index));
    if (!page_at) continue;
    if (auto refusal = page(index, *page_at)) return refusal;
  }
  return std::nullopt;
}

std::optional<Refusal> WordCollector::page(int index, const poppler::page& page) {
  auto boxes = page.text_list();
  std::size_t before = words_.size();
  for (const auto& box : boxes) {
    std::string text = utf8(box.text());
    if (ziping::text::trim(text).empty() || ziping::text::first_invalid_utf8(text)) continue;
    for (unsigned char c : text) characters_ += (c & 0xC0) != 0x80;
    if (characters_ > max_characters_)
      return Refusal{diag::DiagId::err_pdf_too_many_characters,
                     {std::to_string(max_characters_), std::to_string(index + 1)},
                     index + 1};
    std::size_t replaced = 0;
    text = text::unify_radicals(text, replaced);
    radicals_ += replaced;
    auto rect = box.bbox();
    // The baseline, near the bottom of the box: fonts differ in how tall a box they give (a
    // digit's box is shorter than a Chinese character's), their baselines agree.
    words_.push_back({index + 1, rect.x(), rect.x() + rect.width(), rect.y() + 0.8 * rect.height(),
                      std::string(ziping::text::trim(text)), rect.height()});
  }
  if (words_.size() == before) {
    notes_.push_back(
        diag::make(diag::DiagId::warn_pdf_page_no_text, "", {std::to_string(index + 1)}));
    notes_.back().where = diag::SourceLocation::at_page(file_, index + 1);
  }
  return std::nullopt;
}

// The table rebuilt from the words, led by a note on the layout and followed by the notes.
text::Grid WordCollector::grid(int pages) {
  text::Grid grid = table_from_words(std::move(words_), file_);
  auto note = diag::make(diag::DiagId::note_pdf_layout, "",
                         {std::to_string(pages), std::to_string(grid.rows.size())});
  note.where = diag::SourceLocation::at_page(file_, 1);
  grid.diagnostics.insert(grid.diagnostics.begin(), note);
  grid.diagnostics.insert(grid.diagnostics.end(), notes_.begin(), notes_.end());
  if (radicals_ > 0) {
    grid.diagnostics.push_back(
        diag::make(diag::DiagId::note_import_radicals, "", {std::to_string(radicals_)}));
    grid.diagnostics.back().where = diag::SourceLocation::at_page(file_, 1);
  }
  for (auto& d : grid.diagnostics) {
    if (d.where.file.empty()) d.where.file = file_;
  }
  return grid;
}

model::ReadResult refused(const Refusal& refusal, const std::string& file) {
  model::ReadResult result;
  result.diagnostics.push_back(diag::make(refusal.id, "", refusal.args));
  result.diagnostics.back().where.file = file;
  if (refusal.page > 0)
    result.diagnostics.back().where = diag::SourceLocation::at_page(file, refusal.page);
  return result;
}

} // namespace

model::ReadResult read_pdf_form(std::string_view bytes, const text::RecoverOptions& options,
                                std::size_t max_characters) {
  if (auto refusal = refuse_bytes(bytes)) return refused(*refusal, options.file_name);
  poppler::set_debug_error_function(&quiet, nullptr);
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), int(bytes.size())));
  if (auto refusal = refuse_document(document.get())) return refused(*refusal, options.file_name);
  WordCollector collector(options.file_name, max_characters);
  if (auto refusal = collector.read(*document)) return refused(*refusal, options.file_name);
  text::Grid grid = collector.grid(document->pages());
  return text::recover_form(grid, options);
}

} // namespace ziping::io::pdf
