// io/xlsx/scratch_file.h — libxlsxwriter 1.1.4 writes a workbook to a file only: a private
// temporary file (mkstemp under $TMPDIR), read back as bytes and removed when this goes. The
// one exception to "writers return bytes" (ARCHITECTURE.md), shared by every XLSX writer.
#pragma once

#include <string>
#include <string_view>

namespace ziping::io::xlsx {

class ScratchFile {
public:
  // `prefix` names the file ("ziping-xlsx"); `writer` names the caller in the error thrown
  // (std::runtime_error) when no file can be made.
  ScratchFile(std::string_view prefix, std::string_view writer);
  ~ScratchFile();
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  const std::string& path() const { return path_; }
  std::string bytes() const; // what has been written there

private:
  std::string path_;
};

} // namespace ziping::io::xlsx
