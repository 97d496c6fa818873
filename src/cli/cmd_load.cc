// `ziping load --db URL DIR|FILE…`: files forms in bulk. Workers take chunks of files; each
// chunk is hashed, its stored hashes skipped, the rest read, scored and checked, and filed in
// one transaction with their facts and content hashes, so an interrupted load loses at most
// the chunks in flight and a second run picks up where it stopped.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "accounts_common.h"
#include "batch_common.h"
#include "commands.h"
#include "input.h"
#include "progress.h"
#include "ziping/crypto/crypto.h"
#include "ziping/diag/render.h"
#include "ziping/io/registry.h"
#include "ziping/store/open/open_store.h"

namespace ziping::cli {
namespace {

constexpr std::size_t kChunk = 64;
// Statistics are refreshed once the database holds this many more forms than at the start
// (the planner's choices for the chunks' lookups are then those of a full table), and at the
// end.
constexpr std::int64_t kStatisticsAfter = 2000;

// The files named, directories walked recursively for files a reader claims, sorted.
std::vector<std::string> collect(const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const auto& input : inputs) {
    std::error_code error;
    if (!std::filesystem::is_directory(input, error)) {
      files.push_back(input);
      continue;
    }
    for (auto it = std::filesystem::recursive_directory_iterator(input, error);
         !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
      if (!it->is_regular_file(error)) continue;
      const io::Format* format = io::format_for_path(it->path().string());
      if (format && format->read) files.push_back(it->path().string());
    }
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

struct Tally {
  std::atomic<std::int64_t> loaded{0}, skipped{0}, failed{0}, with_errors{0};
  std::mutex mutex;
  std::vector<std::string> failures; // "file: why"
  std::set<std::string> claimed;     // hashes taken by this run (a file copied twice)

  void fail(const std::string& file, const std::string& why) {
    ++failed;
    std::lock_guard lock(mutex);
    failures.push_back(file + ": " + why);
  }
  bool claim(const std::string& hash) {
    std::lock_guard lock(mutex);
    return claimed.insert(hash).second;
  }
};

std::string first_error(const std::vector<diag::Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics)
    if (d.severity == diag::Severity::Error)
      return std::string(d.code()) + " " + d.message_zh() + " (" + d.message_en() + ")";
  return "无法读取 (unreadable)";
}

} // namespace

int run_load(const LoadOptions& options) {
  auto status = store::parse_status(options.status);
  if (!status) {
    std::fprintf(stderr, "ziping load: --status 应为 %s (must be one of those)\n",
                 store::status_names().c_str());
    return kExitUnusable;
  }
  auto mode = rules::parse_mode(options.mode);
  if (!mode) {
    std::fprintf(stderr, "ziping load: --mode 应为 review 或 auto (review or auto)\n");
    return kExitUnusable;
  }
  LoadedRules loaded_rules = load_rule_set(options.rules);
  if (!loaded_rules.rules) {
    print_diagnostics(loaded_rules.diagnostics);
    return kExitUnusable;
  }
  const rules::RuleSet& rules = *loaded_rules.rules;
  std::vector<std::string> files = collect(options.inputs);
  int jobs = worker_count(options.jobs);
  std::unique_ptr<store::Store> store;
  try {
    store = store::open_store(options.db, std::size_t(jobs + 1));
  } catch (const store::StoreError& error) {
    print_diagnostics({error.diagnostic()});
    return kExitUnusable;
  }
  std::string author = cli_actor().name;
  auto kind = parse_kind(options.kind);

  Tally tally;
  Progress progress("载入 load", std::int64_t(files.size()));
  std::atomic<std::size_t> next{0};
  std::atomic<bool> refreshed{false};
  auto refresh = [&] {
    try {
      store->refresh_statistics();
      store->settle_form_facts();
    } catch (const store::StoreError& error) {
      print_diagnostics({error.diagnostic()}); // the forms are stored; only the planner waits
    }
  };
  auto work = [&] {
    for (;;) {
      std::size_t start = next.fetch_add(kChunk);
      if (start >= files.size()) return;
      std::size_t end = std::min(files.size(), start + kChunk);
      struct Item {
        std::string file;
        std::string bytes;
        std::string hash;
      };
      std::vector<Item> items;
      std::vector<std::string> hashes;
      for (std::size_t i = start; i < end; ++i) {
        std::vector<diag::Diagnostic> diagnostics;
        auto bytes = read_bytes(files[i], diagnostics);
        if (!bytes) {
          tally.fail(files[i], first_error(diagnostics));
          progress.advance();
          continue;
        }
        std::string hash = crypto::sha256_hex(*bytes);
        hashes.push_back(hash);
        items.push_back({files[i], std::move(*bytes), std::move(hash)});
      }
      std::set<std::string> known;
      try {
        for (auto& h : store->known_sources(hashes)) known.insert(std::move(h));
      } catch (const store::StoreError& error) {
        for (const auto& item : items) tally.fail(item.file, error.diagnostic().message_zh());
        progress.advance(std::int64_t(items.size()));
        continue;
      }
      std::vector<store::NewForm> batch;
      std::vector<std::string> batch_files;
      for (auto& item : items) {
        if (known.contains(item.hash) || !tally.claim(item.hash)) {
          ++tally.skipped;
          progress.advance();
          continue;
        }
        const io::Format* format = io::format_for_path(item.file);
        if (!format || !format->read) {
          tally.fail(item.file, "不认识的格式 (unknown format)");
          progress.advance();
          continue;
        }
        model::ReadResult read = format->read(item.bytes, io::ReadOptions{item.file, kind});
        if (!read.form) {
          tally.fail(item.file, first_error(read.diagnostics));
          progress.advance();
          continue;
        }
        if (read.form->department.empty()) {
          tally.fail(item.file, "表中没有部门（单位）名称 (the form names no department)");
          progress.advance();
          continue;
        }
        if (auto path = store::unstorable_text(*read.form)) {
          tally.fail(item.file, "无法保存的文本 (unstorable text) at " + *path);
          progress.advance();
          continue;
        }
        check::Run run = check::run(std::move(read), rules, *mode);
        if (run.counts.errors > 0) ++tally.with_errors;
        Filed f = filed(run);
        store::NewForm n;
        n.form = std::move(run.form);
        n.summary = std::move(f.summary);
        n.facts = std::move(f.facts);
        n.status = *status;
        n.rule_set = rules.name;
        n.mode = std::string(rules::mode_name(*mode));
        n.author = author;
        n.comment = "ziping load " + std::filesystem::path(item.file).filename().string();
        n.source_hash = item.hash;
        n.source_name = item.file;
        batch.push_back(std::move(n));
        batch_files.push_back(item.file);
      }
      if (!batch.empty()) {
        try {
          store->create_forms(batch);
          tally.loaded += std::int64_t(batch.size());
        } catch (const store::StoreError& error) {
          for (const auto& f : batch_files) tally.fail(f, error.diagnostic().message_zh());
        }
        progress.advance(std::int64_t(batch.size()));
        if (tally.loaded >= kStatisticsAfter && !refreshed.exchange(true)) refresh();
      }
    }
  };
  std::vector<std::thread> workers;
  for (int i = 0; i < jobs; ++i) workers.emplace_back(work);
  for (auto& w : workers) w.join();
  if (tally.loaded > 0) refresh();
  double seconds = progress.seconds();
  progress.finish();

  std::size_t shown = 0;
  std::sort(tally.failures.begin(), tally.failures.end());
  for (const auto& f : tally.failures) {
    if (++shown > 20) {
      std::fprintf(stderr, "… 另有 %zu 个 (and %zu more)\n", tally.failures.size() - 20,
                   tally.failures.size() - 20);
      break;
    }
    std::fprintf(stderr, "未载入 (not loaded) %s\n", f.c_str());
  }
  double rate = seconds > 0 ? double(files.size()) / seconds : 0;
  std::printf("载入 load: %s 个文件 files: %s 新存 loaded, %s 已存跳过 already stored, %s 未载入 "
              "failed (%s 有错误的表 forms with errors); %.1f s, %s 个/秒 files/s\n",
              grouped(std::int64_t(files.size())).c_str(), grouped(tally.loaded).c_str(),
              grouped(tally.skipped).c_str(), grouped(tally.failed).c_str(),
              grouped(tally.with_errors).c_str(), seconds, grouped(std::int64_t(rate)).c_str());
  return tally.failed > 0 ? kExitUnusable : kExitOk;
}

} // namespace ziping::cli
