// Every example form reads without a diagnostic and writes back byte for byte.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "ziping/io/json/form_reader.h"
#include "ziping/io/json/form_writer.h"

namespace ziping::io::json {
namespace {

TEST(Examples, ReadCleanlyAndRoundTripByteForByte) {
  std::filesystem::path folder = std::filesystem::path(ZIPING_SOURCE_DIR) / "examples";
  int seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto result = read_form_json(bytes, entry.path().string());
    ASSERT_TRUE(result.form) << entry.path();
    EXPECT_TRUE(result.diagnostics.empty())
        << entry.path() << ": " << result.diagnostics[0].message_zh();
    EXPECT_EQ(write_form_json(*result.form), bytes) << entry.path();
    ++seen;
  }
  EXPECT_GE(seen, 2);
}

} // namespace
} // namespace ziping::io::json
