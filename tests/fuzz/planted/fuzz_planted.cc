// A libFuzzer target with one planted fault, compiled by tests/fuzz/planted/planted_test.sh
// to check that scripts/fuzz.sh (what `make fuzz` runs) fails on every kind of finding and
// names the target and the input. The fault is chosen at compile time (-DPLANTED_<KIND>);
// each hides behind a few bytes that libFuzzer's comparison tracing finds within seconds,
// so the test proves that fuzzing happens, not only that the seeds are replayed.
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace {

bool starts_with(const std::uint8_t* data, std::size_t size, const char* prefix) {
  std::size_t length = std::strlen(prefix);
  if (size < length) return false;
  for (std::size_t i = 0; i < length; ++i) { // byte by byte, so each byte is a new edge
    if (data[i] != static_cast<std::uint8_t>(prefix[i])) return false;
  }
  return true;
}

volatile int sink = 0;
volatile unsigned spin = 0; // unsigned: the endless loop wraps instead of overflowing (UB)

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (!starts_with(data, size, "FUZ")) return 0;
#if defined(PLANTED_CRASH)
  std::abort();
#elif defined(PLANTED_LEAK)
  sink = static_cast<int>(reinterpret_cast<std::uintptr_t>(new char[64]) & 1);
#elif defined(PLANTED_TIMEOUT)
  for (;;) spin = spin + 1u; // a signed counter would hit UBSan's overflow before the timeout
#elif defined(PLANTED_OOM)
  // One allocation beyond the limit (-rss_limit_mb is also libFuzzer's malloc limit); called
  // through a volatile pointer so that the optimiser cannot drop the unused block.
  void* (*volatile allocate)(std::size_t) = std::malloc;
  void* block = allocate(std::size_t(1) << 30);
  sink = block != nullptr;
  std::free(block);
#elif defined(PLANTED_UBSAN)
  int big = INT_MAX - 1;
  sink = big + static_cast<int>(size); // signed overflow: size is at least 3
#elif defined(PLANTED_CLEAN)
  sink = sink + 1; // no fault: the run must pass
#else
#error "compile with one of -DPLANTED_CRASH, _LEAK, _TIMEOUT, _OOM, _UBSAN, _CLEAN"
#endif
  return 0;
}
