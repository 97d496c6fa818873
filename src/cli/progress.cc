#include "progress.h"

#include <cstdio>
#include <unistd.h>

namespace ziping::cli {

Progress::Progress(std::string label, std::int64_t total)
    : label_(std::move(label)), total_(total), start_(std::chrono::steady_clock::now()),
      terminal_(::isatty(2) == 1) {
  if (!terminal_) return;
  ticker_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!stopped_) {
      wake_.wait_for(lock, std::chrono::milliseconds(200));
      if (!stopped_) draw(false);
    }
  });
}

Progress::~Progress() {
  finish();
}

void Progress::finish() {
  {
    std::lock_guard lock(mutex_);
    if (stopped_) return;
    stopped_ = true;
  }
  wake_.notify_all();
  if (ticker_.joinable()) ticker_.join();
  if (terminal_) std::fputs("\r\033[K", stderr);
}

double Progress::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::draw(bool) {
  std::int64_t done = done_;
  double elapsed = seconds();
  double rate = elapsed > 0 ? double(done) / elapsed : 0;
  int percent = total_ > 0 ? int(done * 100 / total_) : 100;
  constexpr int kWidth = 24;
  int filled = total_ > 0 ? int(done * kWidth / total_) : kWidth;
  std::string bar(std::size_t(filled), '#');
  bar.append(std::size_t(kWidth - filled), '.');
  std::string eta = rate > 0 ? clock_text(double(total_ - done) / rate) : "?";
  std::fprintf(stderr, "\r\033[K%s %s/%s %3d%% [%s] %s/s 剩余 ETA %s", label_.c_str(),
               grouped(done).c_str(), grouped(total_).c_str(), percent, bar.c_str(),
               grouped(std::int64_t(rate)).c_str(), eta.c_str());
  std::fflush(stderr);
}

std::string grouped(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (n < 0 ? "-" : "") + out;
}

std::string clock_text(double seconds) {
  auto s = std::int64_t(seconds + 0.5);
  char buffer[32];
  if (s >= 3600)
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", (long long)(s / 3600),
                  (long long)(s / 60 % 60), (long long)(s % 60));
  else
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld", (long long)(s / 60), (long long)(s % 60));
  return buffer;
}

} // namespace ziping::cli
