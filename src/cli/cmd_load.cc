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

// One file's bytes and content hash, read for a chunk.
struct Item {
  std::string file;
  std::string bytes;
  std::string hash;
};

// What a load is run with, parsed and opened once; the workers share it.
struct LoadSettings {
  store::Status status;
  rules::Mode mode;
  LoadedRules rules;
  std::optional<model::FormKind> kind;
  std::string author;
};

class Load {
public:
  Load(const LoadSettings& settings, store::Store& store, std::vector<std::string> files)
      : settings_(settings), store_(store), files_(std::move(files)),
        progress_("载入 load", std::int64_t(files_.size())) {}

  void run(int jobs) {
    std::vector<std::thread> workers;
    for (int i = 0; i < jobs; ++i) workers.emplace_back([this] { work(); });
    for (auto& w : workers) w.join();
    if (tally_.loaded > 0) refresh();
    seconds_ = progress_.seconds();
    progress_.finish();
  }

  int summarise() {
    print_failures();
    double rate = seconds_ > 0 ? double(files_.size()) / seconds_ : 0;
    std::printf("载入 load: %s 个文件 files: %s 新存 loaded, %s 已存跳过 already stored, %s 未载入 "
                "failed (%s 有错误的表 forms with errors); %.1f s, %s 个/秒 files/s\n",
                grouped(std::int64_t(files_.size())).c_str(), grouped(tally_.loaded).c_str(),
                grouped(tally_.skipped).c_str(), grouped(tally_.failed).c_str(),
                grouped(tally_.with_errors).c_str(), seconds_, grouped(std::int64_t(rate)).c_str());
    return tally_.failed > 0 ? kExitUnusable : kExitOk;
  }

private:
  void work() {
    for (;;) {
      std::size_t start = next_.fetch_add(kChunk);
      if (start >= files_.size()) return;
      std::vector<Item> items = read_chunk(start, std::min(files_.size(), start + kChunk));
      if (!drop_known(items)) continue;
      std::vector<store::NewForm> batch;
      std::vector<std::string> batch_files;
      for (auto& item : items) {
        if (auto form = prepare(item)) {
          batch.push_back(std::move(*form));
          batch_files.push_back(item.file);
        } else {
          progress_.advance();
        }
      }
      if (!batch.empty()) file_batch(batch, batch_files);
    }
  }

  std::vector<Item> read_chunk(std::size_t start, std::size_t end) {
    std::vector<Item> items;
    for (std::size_t i = start; i < end; ++i) {
      std::vector<diag::Diagnostic> diagnostics;
      auto bytes = read_bytes(files_[i], diagnostics);
      if (!bytes) {
        fail(files_[i], first_error(diagnostics));
        continue;
      }
      std::string hash = crypto::sha256_hex(*bytes);
      items.push_back({files_[i], std::move(*bytes), std::move(hash)});
    }
    return items;
  }

  // Removes the items whose content is stored already or taken by another worker of this
  // run; false when the store could not be asked (the chunk's items are then failed).
  bool drop_known(std::vector<Item>& items) {
    std::vector<std::string> hashes;
    for (const auto& item : items) hashes.push_back(item.hash);
    std::set<std::string> known;
    try {
      for (auto& h : store_.known_sources(hashes)) known.insert(std::move(h));
    } catch (const store::StoreError& error) {
      for (const auto& item : items) tally_.fail(item.file, error.diagnostic().message_zh());
      progress_.advance(std::int64_t(items.size()));
      return false;
    }
    std::erase_if(items, [&](const Item& item) {
      if (!known.contains(item.hash) && tally_.claim(item.hash)) return false;
      ++tally_.skipped;
      progress_.advance();
      return true;
    });
    return true;
  }

  // The item read, scored and checked as a form to file; nullopt (and a failure recorded) when
  // it cannot be filed.
  std::optional<store::NewForm> prepare(Item& item) {
    const io::Format* format = io::format_for_path(item.file);
    if (!format || !format->read) return refuse(item.file, "不认识的格式 (unknown format)");
    model::ReadResult read = format->read(item.bytes, io::ReadOptions{item.file, settings_.kind});
    if (!read.form) return refuse(item.file, first_error(read.diagnostics));
    if (read.form->department.empty())
      return refuse(item.file, "表中没有部门（单位）名称 (the form names no department)");
    if (auto path = store::unstorable_text(*read.form))
      return refuse(item.file, "无法保存的文本 (unstorable text) at " + *path);
    const rules::RuleSet& rules = *settings_.rules.rules;
    check::Run run = check::run(std::move(read), rules, settings_.mode);
    if (run.counts.errors > 0) ++tally_.with_errors;
    Filed f = filed(run);
    store::NewForm n;
    n.form = std::move(run.form);
    n.summary = std::move(f.summary);
    n.facts = std::move(f.facts);
    n.status = settings_.status;
    n.rule_set = rules.name;
    n.mode = std::string(rules::mode_name(settings_.mode));
    n.author = settings_.author;
    n.comment = "ziping load " + std::filesystem::path(item.file).filename().string();
    n.source_hash = item.hash;
    n.source_name = item.file;
    return n;
  }

  void file_batch(std::vector<store::NewForm>& batch, const std::vector<std::string>& files) {
    try {
      store_.create_forms(batch);
      tally_.loaded += std::int64_t(batch.size());
    } catch (const store::StoreError& error) {
      for (const auto& f : files) tally_.fail(f, error.diagnostic().message_zh());
    }
    progress_.advance(std::int64_t(batch.size()));
    if (tally_.loaded >= kStatisticsAfter && !refreshed_.exchange(true)) refresh();
  }

  void refresh() {
    try {
      store_.refresh_statistics();
      store_.settle_form_facts();
    } catch (const store::StoreError& error) {
      print_diagnostics({error.diagnostic()}); // the forms are stored; only the planner waits
    }
  }

  void fail(const std::string& file, const std::string& why) {
    tally_.fail(file, why);
    progress_.advance();
  }

  std::nullopt_t refuse(const std::string& file, const std::string& why) {
    tally_.fail(file, why);
    return std::nullopt;
  }

  void print_failures() {
    std::sort(tally_.failures.begin(), tally_.failures.end());
    std::size_t shown = 0;
    for (const auto& f : tally_.failures) {
      if (++shown > 20) {
        std::fprintf(stderr, "… 另有 %zu 个 (and %zu more)\n", tally_.failures.size() - 20,
                     tally_.failures.size() - 20);
        break;
      }
      std::fprintf(stderr, "未载入 (not loaded) %s\n", f.c_str());
    }
  }

  const LoadSettings& settings_;
  store::Store& store_;
  const std::vector<std::string> files_;
  Tally tally_;
  Progress progress_;
  std::atomic<std::size_t> next_{0};
  std::atomic<bool> refreshed_{false};
  double seconds_ = 0;
};

// The options parsed; nullopt (with the reason on standard error) when one is unusable.
std::optional<LoadSettings> settings_of(const LoadOptions& options) {
  auto status = store::parse_status(options.status);
  if (!status) {
    std::fprintf(stderr, "ziping load: --status 应为 %s (must be one of those)\n",
                 store::status_names().c_str());
    return std::nullopt;
  }
  auto mode = rules::parse_mode(options.mode);
  if (!mode) {
    std::fprintf(stderr, "ziping load: --mode 应为 review 或 auto (review or auto)\n");
    return std::nullopt;
  }
  LoadedRules loaded_rules = load_rule_set(options.rules);
  if (!loaded_rules.rules) {
    print_diagnostics(loaded_rules.diagnostics);
    return std::nullopt;
  }
  return LoadSettings{*status, *mode, std::move(loaded_rules), parse_kind(options.kind),
                      cli_actor().name};
}

} // namespace

int run_load(const LoadOptions& options) {
  std::optional<LoadSettings> settings = settings_of(options);
  if (!settings) return kExitUnusable;
  std::vector<std::string> files = collect(options.inputs);
  int jobs = worker_count(options.jobs);
  std::unique_ptr<store::Store> store;
  try {
    store = store::open_store(options.db, std::size_t(jobs + 1));
  } catch (const store::StoreError& error) {
    print_diagnostics({error.diagnostic()});
    return kExitUnusable;
  }
  Load load(*settings, *store, std::move(files));
  load.run(jobs);
  return load.summarise();
}

} // namespace ziping::cli
