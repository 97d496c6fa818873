#include "ziping/io/full_formats.h"

#include "ziping/io/pdf/pdf_reader.h"
#include "ziping/io/pdf_writer/pdf_writer.h"
#include "ziping/io/xlsx/xlsx_reader.h"
#include "ziping/io/xlsx/xlsx_writer.h"

namespace ziping::io::full {
namespace {

std::string write_pdf_with(const model::Form& form, const WriteContext& context, bool appendix) {
  try {
    pdf_writer::PdfOptions options{context.evaluation, context.rules, context.diagnostics,
                                   appendix};
    options.review = context.review;
    return pdf_writer::write_pdf(form, options);
  } catch (const pdf_writer::FontUnavailable& missing) {
    throw WriteError(missing.diagnostic);
  } catch (const pdf_writer::OverBudget& over) {
    throw WriteError(over.diagnostic);
  }
}

} // namespace

model::ReadResult read_xlsx(std::string_view bytes, const ReadOptions& options) {
  return xlsx::read_xlsx(bytes, options.file_name, options.kind);
}

std::string write_xlsx(const model::Form& form, const WriteContext& context) {
  return xlsx::write_xlsx(form,
                          {context.evaluation, context.rules, context.diagnostics, context.review});
}

model::ReadResult read_pdf(std::string_view bytes, const ReadOptions& options) {
  return pdf::read_pdf_form(bytes, {options.file_name, options.kind});
}

std::string write_pdf(const model::Form& form, const WriteContext& context) {
  return write_pdf_with(form, context, false);
}

std::string write_pdf_review(const model::Form& form, const WriteContext& context) {
  return write_pdf_with(form, context, true);
}

} // namespace ziping::io::full
