#include "ziping/io/pdf_writer/write_budget.h"

#include <string>

namespace ziping::io::pdf_writer {

OverBudget::OverBudget(diag::Diagnostic d)
    : std::runtime_error(d.message_zh() + " / " + d.message_en()), diagnostic(std::move(d)) {}

WriteDeadline::WriteDeadline(int seconds)
    : seconds_(seconds), end_(std::chrono::steady_clock::now() + std::chrono::seconds(seconds)) {}

void WriteDeadline::check() const {
  if (std::chrono::steady_clock::now() <= end_) return;
  throw OverBudget(diag::make(diag::DiagId::err_output_too_slow, "",
                              {std::to_string(seconds_), std::to_string(rows_set_),
                               std::to_string(rows_total_), std::to_string(pages_drawn_)}));
}

} // namespace ziping::io::pdf_writer
