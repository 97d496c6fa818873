#include "ziping/io/pdf/pdf_reader.h"

#include <chrono>
#include <climits>
#include <memory>

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

} // namespace

model::ReadResult read_pdf_form(std::string_view bytes, const text::RecoverOptions& options,
                                std::size_t max_characters) {
  model::ReadResult result;
  auto fail = [&](diag::DiagId id, std::vector<std::string> args) {
    result.diagnostics.push_back(diag::make(id, "", std::move(args)));
    result.diagnostics.back().where.file = options.file_name;
    return result;
  };
  if (bytes.size() > kMaxPdfBytes)
    return fail(diag::DiagId::err_input_too_large,
                {std::to_string(bytes.size()), std::to_string(kMaxPdfBytes)});
  if (bytes.empty()) return fail(diag::DiagId::err_input_empty, {});
  if (inflated_size(bytes, kMaxPdfInflatedBytes) > kMaxPdfInflatedBytes)
    return fail(diag::DiagId::err_pdf_unreadable,
                {diag::bilingual("压缩内容解压后超过 " +
                                     std::to_string(kMaxPdfInflatedBytes >> 20) + " MiB 的上限",
                                 "its compressed content inflates past the limit of " +
                                     std::to_string(kMaxPdfInflatedBytes >> 20) + " MiB")});
  poppler::set_debug_error_function(&quiet, nullptr);
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), int(bytes.size())));
  if (!document)
    return fail(diag::DiagId::err_pdf_unreadable,
                {diag::bilingual("不是 PDF 文件或文件已损坏", "not a PDF, or a damaged one")});
  if (document->is_locked())
    return fail(diag::DiagId::err_pdf_unreadable,
                {diag::bilingual("文件已加密", "the file is encrypted")});
  std::vector<Word> words;
  std::vector<diag::Diagnostic> notes;
  std::size_t radicals = 0;
  std::size_t characters = 0;
  int pages = document->pages();
  if (pages > kMaxPdfPages)
    return fail(diag::DiagId::err_pdf_unreadable,
                {diag::bilingual(std::to_string(pages) + " 页，超过 " +
                                     std::to_string(kMaxPdfPages) + " 页的上限",
                                 std::to_string(pages) + " pages, more than the limit of " +
                                     std::to_string(kMaxPdfPages))});
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kMaxPdfReadSeconds);
  for (int index = 0; index < pages; ++index) {
    if (std::chrono::steady_clock::now() > deadline)
      return fail(diag::DiagId::err_pdf_unreadable,
                  {diag::bilingual("读取超过 " + std::to_string(kMaxPdfReadSeconds) +
                                       " 秒的上限（第 " + std::to_string(index + 1) + " 页）",
                                   "reading took longer than the limit of " +
                                       std::to_string(kMaxPdfReadSeconds) + " s (page " +
                                       std::to_string(index + 1) + ")")});
    std::unique_ptr<poppler::page> page(document->create_page(index));
    if (!page) continue;
    auto boxes = page->text_list();
    std::size_t before = words.size();
    for (const auto& box : boxes) {
      std::string text = utf8(box.text());
      if (ziping::text::trim(text).empty() || ziping::text::first_invalid_utf8(text)) continue;
      for (unsigned char c : text) characters += (c & 0xC0) != 0x80;
      if (characters > max_characters) {
        fail(diag::DiagId::err_pdf_too_many_characters,
             {std::to_string(max_characters), std::to_string(index + 1)});
        result.diagnostics.back().where =
            diag::SourceLocation::at_page(options.file_name, index + 1);
        return result;
      }
      std::size_t replaced = 0;
      text = text::unify_radicals(text, replaced);
      radicals += replaced;
      auto rect = box.bbox();
      // The baseline, near the bottom of the box: fonts differ in how tall a box they give (a
      // digit's box is shorter than a Chinese character's), their baselines agree.
      words.push_back({index + 1, rect.x(), rect.x() + rect.width(), rect.y() + 0.8 * rect.height(),
                       std::string(ziping::text::trim(text)), rect.height()});
    }
    if (words.size() == before) {
      notes.push_back(
          diag::make(diag::DiagId::warn_pdf_page_no_text, "", {std::to_string(index + 1)}));
      notes.back().where = diag::SourceLocation::at_page(options.file_name, index + 1);
    }
  }
  text::Grid grid = table_from_words(std::move(words), options.file_name);
  auto note = diag::make(diag::DiagId::note_pdf_layout, "",
                         {std::to_string(pages), std::to_string(grid.rows.size())});
  note.where = diag::SourceLocation::at_page(options.file_name, 1);
  grid.diagnostics.insert(grid.diagnostics.begin(), note);
  grid.diagnostics.insert(grid.diagnostics.end(), notes.begin(), notes.end());
  if (radicals > 0) {
    grid.diagnostics.push_back(
        diag::make(diag::DiagId::note_import_radicals, "", {std::to_string(radicals)}));
    grid.diagnostics.back().where = diag::SourceLocation::at_page(options.file_name, 1);
  }
  for (auto& d : grid.diagnostics) {
    if (d.where.file.empty()) d.where.file = options.file_name;
  }
  return text::recover_form(grid, options);
}

} // namespace ziping::io::pdf
