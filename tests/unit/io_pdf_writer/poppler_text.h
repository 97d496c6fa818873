// What the PDF tests read back with poppler-utils: a command's standard output, and text
// compared without the spaces and line breaks pdftotext puts between cells.
#pragma once

#include <array>
#include <cstdio>
#include <string>

namespace ziping::io::pdf_writer::testing_poppler {

inline std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
  if (!pipe) return out;
  std::array<char, 4096> buffer;
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  pclose(pipe);
  return out;
}

inline std::string without_spaces(const std::string& text) {
  std::string out;
  for (char c : text)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f') out += c;
  return out;
}

} // namespace ziping::io::pdf_writer::testing_poppler
