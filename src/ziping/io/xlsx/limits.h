// io/xlsx/limits.h — how much of a hostile or broken XLSX file the reader is willing to
// unpack. Real self-evaluation workbooks are 10–60 kB with one to a dozen sheets; every
// limit is two orders of magnitude above that and below what would hurt a 2-core server.
#pragma once

#include <cstddef>

namespace ziping::io::xlsx {

inline constexpr std::size_t kMaxXlsxBytes = 16u << 20;     // the file itself (ZP0111)
inline constexpr std::size_t kMaxZipEntries = 1000;         // members of the archive
inline constexpr std::size_t kMaxPartBytes = 32u << 20;     // one part, unpacked
inline constexpr std::size_t kMaxUnpackedBytes = 96u << 20; // all parts read, unpacked
inline constexpr std::size_t kMaxSheets = 64;               // worksheets read
inline constexpr std::size_t kMaxCellsPerSheet = 200000;    // cells with content
inline constexpr std::size_t kMaxCells = 500000;            // all sheets together (~100 MB)
// A sheet part with more values than this is not parsed at all (a sheet with more than
// kMaxCellsPerSheet but at most this many is read up to kMaxCellsPerSheet cells).
inline constexpr std::size_t kMaxValuesPerSheetPart = 500000;
inline constexpr std::size_t kMaxSharedStrings = 500000;
inline constexpr std::size_t kMaxMergedRanges = 20000;
inline constexpr std::size_t kMaxMergedCells = 2000000; // cells covered, all ranges
inline constexpr int kMaxRows = 1048576;                // Excel's own grid
inline constexpr int kMaxColumns = 16384;

} // namespace ziping::io::xlsx
