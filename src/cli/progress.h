// cli/progress.h — the batch commands' progress line (`ziping load`, `ziping rescore`): done of
// total, percent, a bar, the rate and the time left, redrawn on standard error five times a
// second, and only when standard error is a terminal (a log or a pipe gets the summary alone).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace ziping::cli {

class Progress {
public:
  Progress(std::string label, std::int64_t total);
  ~Progress(); // stops the redrawing and clears the line
  void advance(std::int64_t n = 1) { done_ += n; }
  std::int64_t done() const { return done_; }
  double seconds() const; // since construction (timing only, never a figure of a form)
  void finish();

private:
  void draw(bool last);

  std::string label_;
  std::int64_t total_;
  std::atomic<std::int64_t> done_{0};
  std::chrono::steady_clock::time_point start_;
  bool terminal_;
  bool stopped_ = false;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread ticker_;
};

// "1,234,567"
std::string grouped(std::int64_t n);
// "0:42", "1:02:03"
std::string clock_text(double seconds);

} // namespace ziping::cli
