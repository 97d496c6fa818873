#include "ziping/io/xlsx/scratch_file.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <unistd.h>
#include <vector>

namespace ziping::io::xlsx {

ScratchFile::ScratchFile(std::string_view prefix, std::string_view writer) {
  const char* folder = std::getenv("TMPDIR");
  std::string pattern =
      std::string(folder && *folder ? folder : "/tmp") + "/" + std::string(prefix) + "-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) throw std::runtime_error(std::string(writer) + ": cannot create a temporary file");
  ::close(fd);
  path_ = name.data();
}

ScratchFile::~ScratchFile() {
  std::remove(path_.c_str());
}

std::string ScratchFile::bytes() const {
  std::ifstream in(path_, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

} // namespace ziping::io::xlsx
