// `ziping rescore --db URL [--rules R] [--year Y]`: every form's current revision scored again
// and its summary and facts replaced (store::Store::rescore), in parallel chunks. A form whose
// facts were computed under the same rule text (RuleSet::digest) is skipped, so an interrupted
// rescore resumes, and facts missing from a database made before they existed are filled in.
#include <atomic>
#include <cstdio>
#include <map>
#include <thread>

#include "accounts_common.h"
#include "batch_common.h"
#include "commands.h"
#include "input.h"
#include "progress.h"
#include "ziping/store/open/open_store.h"

namespace ziping::cli {
namespace {

constexpr std::size_t kChunk = 100;

} // namespace

int run_rescore(const RescoreOptions& options) {
  int jobs = worker_count(options.jobs);
  std::unique_ptr<store::Store> store;
  try {
    store = store::open_store(options.db, std::size_t(jobs + 1));
  } catch (const store::StoreError& error) {
    print_diagnostics({error.diagnostic()});
    return kExitUnusable;
  }
  // The rule sets: the one asked for, or each form's own, loaded once each.
  std::map<std::string, rules::RuleSet> sets;
  auto rule_set = [&](const std::string& name) -> const rules::RuleSet* {
    auto found = sets.find(name);
    if (found != sets.end()) return &found->second;
    LoadedRules loaded = load_rule_set(name);
    if (!loaded.rules) {
      print_diagnostics(loaded.diagnostics);
      return nullptr;
    }
    return &sets.emplace(name, std::move(*loaded.rules)).first->second;
  };
  if (!options.rules.empty() && !rule_set(options.rules)) return kExitUnusable;

  struct Job {
    store::CurrentRevision current;
    const rules::RuleSet* rules;
  };
  std::vector<Job> todo;
  std::int64_t up_to_date = 0, all = 0;
  for (auto& current : store->current_revisions(options.year)) {
    ++all;
    const rules::RuleSet* rules =
        rule_set(options.rules.empty() ? current.rule_set : options.rules);
    if (!rules) return kExitUnusable;
    if (!options.force && current.facts_digest == rules->digest &&
        current.rule_set == rules->name) {
      ++up_to_date;
      continue;
    }
    todo.push_back({std::move(current), rules});
  }

  std::atomic<std::int64_t> applied{0}, changed{0}, failed{0};
  Progress progress("重新计分 rescore", std::int64_t(todo.size()));
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (;;) {
      std::size_t start = next.fetch_add(kChunk);
      if (start >= todo.size()) return;
      std::size_t end = std::min(todo.size(), start + kChunk);
      std::vector<store::Rescore> batch;
      try {
        std::vector<store::Id> ids;
        for (std::size_t i = start; i < end; ++i) ids.push_back(todo[i].current.id);
        // The chunk's current revisions in one read per table.
        std::vector<store::StoredForm> stored = store->current_forms(ids);
        std::size_t at = 0;
        for (std::size_t i = start; i < end; ++i) {
          const Job& job = todo[i];
          if (at >= stored.size() || stored[at].record.id != job.current.id ||
              stored[at].record.revision != job.current.revision) {
            if (at < stored.size() && stored[at].record.id == job.current.id) ++at;
            ++changed; // deleted or saved meanwhile: that save wrote its own facts
            continue;
          }
          store::StoredForm& form = stored[at++];
          rules::Mode mode = rules::parse_mode(form.record.mode).value_or(rules::Mode::Review);
          check::Run run = check::run(std::move(form.form), *job.rules, mode);
          Filed f = filed(run);
          batch.push_back({job.current.id, job.current.revision, job.rules->name,
                           std::move(f.summary), std::move(f.facts)});
        }
        std::size_t n = store->rescore(batch);
        applied += std::int64_t(n);
        changed += std::int64_t(batch.size() - n);
      } catch (const store::StoreError& error) {
        failed += std::int64_t(end - start);
        std::fprintf(stderr, "\n%s\n", error.diagnostic().message_zh().c_str());
      }
      progress.advance(std::int64_t(end - start));
    }
  };
  std::vector<std::thread> workers;
  for (int i = 0; i < jobs; ++i) workers.emplace_back(work);
  for (auto& w : workers) w.join();
  // Rewritten facts: the inflation analyses' index-only scans need the table vacuumed.
  if (applied > 0) {
    try {
      store->settle_form_facts();
    } catch (const store::StoreError& error) {
      print_diagnostics({error.diagnostic()}); // the forms are rescored; only the analyses wait
    }
  }
  double seconds = progress.seconds();
  progress.finish();
  double rate = seconds > 0 ? double(todo.size()) / seconds : 0;
  std::printf("重新计分 rescore: %s 张表 forms: %s 已重新计分 rescored, %s 已是最新跳过 up to "
              "date, %s 期间被修改 saved meanwhile, %s 失败 failed; %.1f s, %s 张/秒 forms/s\n",
              grouped(all).c_str(), grouped(applied).c_str(), grouped(up_to_date).c_str(),
              grouped(changed).c_str(), grouped(failed).c_str(), seconds,
              grouped(std::int64_t(rate)).c_str());
  return failed > 0 ? kExitUnusable : kExitOk;
}

} // namespace ziping::cli
