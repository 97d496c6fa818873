// The PDF writer: sheet → measured boxes → pages → cairo PDF surface written into memory.
#include "ziping/io/pdf_writer/pdf_writer.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>

#include "ziping/io/pdf_writer/page_setup.h"
#include "ziping/io/print/plan_layout.h"
#include "ziping/io/print/review.h"

namespace ziping::io::pdf_writer {
namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// The surface and its drawing context, released in every path out.
struct Surface {
  cairo_surface_t* surface;
  cairo_t* cr;
  Surface(std::string& sink, const PageSetup& setup)
      : surface(cairo_pdf_surface_create_for_stream(append, &sink, setup.width, setup.height)),
        cr(cairo_create(surface)) {}
  ~Surface() {
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
  }
};

std::string document_title(const model::Form& form, const print::Sheet& sheet) {
  std::string title = sheet.heading;
  if (!form.project.empty())
    title += " " + form.project;
  else if (!form.department.empty())
    title += " " + form.department;
  return title;
}

// The fewest pages the document can take: every row at least the minimum height, every page
// at most the frame's height. Cheap, so a form far over the page limit is refused before any
// text is set.
std::size_t row_count(const Document& document) {
  std::size_t rows = 0;
  for (const auto& section : document.sections) rows += section.header.size() + section.body.size();
  return rows;
}

std::size_t least_pages(std::size_t rows, const PageFrame& frame) {
  double per_page = (frame.bottom - frame.top) / frame.min_row;
  return std::size_t(double(rows) / std::max(per_page, 1.0));
}

[[noreturn]] void too_many_pages(std::size_t pages, int limit) {
  throw OverBudget(diag::make(diag::DiagId::err_output_too_many_pages, "",
                              {std::to_string(pages), std::to_string(limit)}));
}

} // namespace

FontUnavailable::FontUnavailable(diag::Diagnostic d)
    : std::runtime_error(d.message_zh() + " / " + d.message_en()), diagnostic(std::move(d)) {}

namespace {

// What the document says of itself (PDF metadata).
struct Metadata {
  std::string title;
  std::string subject;
  std::string author;
};

std::string font_family(const PdfOptions& options) {
  std::string family = choose_family(options.family, options.fallback);
  if (family.empty()) {
    throw FontUnavailable(
        diag::make(diag::DiagId::err_output_font_missing, "", {options.family, "fonts-noto-cjk"}));
  }
  return family;
}

// The one path from a sheet (and the sections printed after it) to PDF bytes, for the 自评表
// and the chain's plans alike: measured, paginated and drawn under the write budget.
std::string render(const print::Sheet& sheet, std::vector<print::Section> more,
                   const Metadata& metadata, const std::string& family, const PdfOptions& options) {
  PageSetup setup;
  Document document;
  document.title = sheet.title;
  document.subtitle = sheet.subtitle;
  document.sections = sheet.sections;
  for (auto& section : more) document.sections.push_back(std::move(section));
  document.edges = column_edges(sheet.columns, setup);
  document.frame.top = setup.margin_top;
  document.frame.first_top = setup.margin_top + title_height(document, setup);
  document.frame.bottom = setup.height - setup.margin_bottom;
  document.frame.padding = setup.cell_padding_y;
  document.frame.min_row = setup.min_row;
  std::size_t rows = row_count(document);
  if (least_pages(rows, document.frame) > std::size_t(options.max_pages))
    too_many_pages(least_pages(rows, document.frame), options.max_pages);
  WriteDeadline deadline(options.max_seconds);
  deadline.set_rows(rows);

  std::string pdf;
  {
    Surface surface(pdf, setup);
    cairo_pdf_surface_set_metadata(surface.surface, CAIRO_PDF_METADATA_TITLE,
                                   metadata.title.c_str());
    cairo_pdf_surface_set_metadata(surface.surface, CAIRO_PDF_METADATA_SUBJECT,
                                   metadata.subject.c_str());
    cairo_pdf_surface_set_metadata(surface.surface, CAIRO_PDF_METADATA_CREATOR, "ziping");
    if (!metadata.author.empty())
      cairo_pdf_surface_set_metadata(surface.surface, CAIRO_PDF_METADATA_AUTHOR,
                                     metadata.author.c_str());
    Typesetter typesetter(surface.cr, family);
    measure(document, typesetter, setup, deadline);
    auto pages = paginate(document.boxes, document.frame);
    if (pages.size() > std::size_t(options.max_pages))
      too_many_pages(pages.size(), options.max_pages);
    for (std::size_t i = 0; i < pages.size(); ++i) {
      draw_page(surface.cr, typesetter, document, pages[i], int(i + 1), int(pages.size()), setup);
      cairo_show_page(surface.cr);
      deadline.page_drawn();
    }
    cairo_surface_finish(surface.surface);
    if (cairo_surface_status(surface.surface) != CAIRO_STATUS_SUCCESS)
      throw std::runtime_error(std::string("write_pdf: cairo: ") +
                               cairo_status_to_string(cairo_surface_status(surface.surface)));
  }
  return pdf;
}

} // namespace

std::string write_pdf(const model::Form& form, const PdfOptions& options) {
  std::string family = font_family(options);
  print::Sheet sheet = print::official_layout(form);
  std::vector<print::Section> more;
  if (options.review && !options.review->empty()) {
    for (auto& section : print::reviewer_sections(sheet, form, *options.review))
      more.push_back(std::move(section));
  }
  if (options.appendix) {
    if (options.evaluation && options.rules) {
      for (auto& section : print::review_sections(sheet, form, *options.evaluation, *options.rules))
        more.push_back(std::move(section));
    }
    if (options.diagnostics) {
      for (auto& section : print::diagnostic_sections(sheet, *options.diagnostics))
        more.push_back(std::move(section));
    }
  }
  return render(sheet, std::move(more),
                {document_title(form, sheet), "预算绩效自评表", form.department}, family, options);
}

std::string write_plan_pdf(const model::Plan& plan, const PdfOptions& options) {
  std::string family = font_family(options);
  print::Sheet sheet = print::plan_layout(plan);
  std::string title = sheet.heading;
  if (!plan.project.empty())
    title += " " + plan.project;
  else if (!plan.department.empty())
    title += " " + plan.department;
  std::string subject =
      plan.kind == model::PlanKind::Monitoring ? "绩效运行监控表" : "绩效目标申报表";
  return render(sheet, {}, {title, subject, plan.department}, family, options);
}

} // namespace ziping::io::pdf_writer
