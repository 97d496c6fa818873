#include "ziping/io/text/keys.h"

#include <climits>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "ziping/text/utf8.h"
#include "ziping/value/hant_hans.h"
#include "ziping/value/value.h"

namespace ziping::io::text {
namespace {

bool is_ascii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

bool is_space(char32_t cp) {
  return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x3000 || cp == 0xA0 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0xFEFF;
}

// CJK Radicals Supplement: the simplified-form radicals that stand for whole characters.
struct Radical {
  char32_t radical;
  char32_t character;
};
constexpr Radical kSupplement[] = {
    {0x2E8C, U'小'}, {0x2E8D, U'小'}, {0x2E95, U'彐'}, {0x2EA0, U'民'}, {0x2EA7, U'牛'},
    {0x2EAE, U'竹'}, {0x2EB7, U'羊'}, {0x2EBB, U'聿'}, {0x2EC4, U'西'}, {0x2EC5, U'见'},
    {0x2EC6, U'角'}, {0x2EC8, U'讠'}, {0x2EC9, U'贝'}, {0x2ECB, U'车'}, {0x2ECC, U'辶'},
    {0x2ECD, U'辶'}, {0x2ED0, U'钅'}, {0x2ED1, U'长'}, {0x2ED3, U'长'}, {0x2ED4, U'门'},
    {0x2ED6, U'阝'}, {0x2ED8, U'青'}, {0x2ED9, U'韦'}, {0x2EDA, U'页'}, {0x2EDB, U'风'},
    {0x2EDC, U'飞'}, {0x2EDD, U'食'}, {0x2EDF, U'食'}, {0x2EE0, U'饣'}, {0x2EE2, U'马'},
    {0x2EE3, U'骨'}, {0x2EE4, U'鬼'}, {0x2EE5, U'鱼'}, {0x2EE6, U'鸟'}, {0x2EE7, U'卤'},
    {0x2EE8, U'麦'}, {0x2EE9, U'黄'}, {0x2EEA, U'黾'}, {0x2EEB, U'齐'}, {0x2EEC, U'齐'},
    {0x2EED, U'齿'}, {0x2EEE, U'齿'}, {0x2EEF, U'龙'}, {0x2EF0, U'龙'}, {0x2EF1, U'龟'},
    {0x2EF2, U'龟'}, {0x2EF3, U'龟'},
};

} // namespace

std::string unify_radicals(std::string_view text, std::size_t& replaced) {
  replaced = 0;
  bool any = false;
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    // U+2E80..U+2FDF are E2 BA 80 .. E2 BF 9F in UTF-8.
    if (static_cast<unsigned char>(text[i]) == 0xE2 &&
        static_cast<unsigned char>(text[i + 1]) >= 0xBA &&
        static_cast<unsigned char>(text[i + 1]) <= 0xBF) {
      any = true;
      break;
    }
  }
  if (!any) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t start = pos;
    char32_t cp = ziping::text::next_code_point(text, pos);
    char32_t unified = 0;
    if (cp >= 0x2F00 && cp <= 0x2FD5) {
      // Kangxi radicals: NFKC maps each to its unified ideograph.
      std::string folded = value::fold(text.substr(start, pos - start));
      std::size_t at = 0;
      char32_t first = folded.empty() ? 0 : ziping::text::next_code_point(folded, at);
      if (first >= 0x4E00 && at == folded.size()) unified = first;
    } else if (cp >= 0x2E80 && cp <= 0x2EF3) {
      for (const auto& radical : kSupplement) {
        if (radical.radical == cp) unified = radical.character;
      }
    }
    if (unified != 0) {
      ziping::text::append_utf8(out, unified);
      ++replaced;
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

namespace {

using namespace std::string_view_literals;

std::string_view strip_page_dashes(std::string_view k) {
  for (;;) {
    bool cut = false;
    for (auto dash : {"-"sv, "—"sv, "–"sv, "―"sv, "─"sv, "~"sv}) {
      if (k.starts_with(dash)) {
        k.remove_prefix(dash.size());
        cut = true;
      }
      if (k.ends_with(dash)) {
        k.remove_suffix(dash.size());
        cut = true;
      }
    }
    if (!cut) return k;
  }
}

bool page_digits(std::string_view text, std::size_t max) {
  if (text.empty() || text.size() > max) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

} // namespace

bool looks_like_page_number(std::string_view text, bool bare_numbers) {
  std::string k = key(text);
  if (k.empty()) return false;
  std::string_view inner = strip_page_dashes(k);
  if (inner.size() < k.size()) return page_digits(inner, 3);
  if (k.starts_with("第") && k.ends_with("页")) {
    std::string_view mid = std::string_view(k).substr("第"sv.size());
    mid.remove_suffix("页"sv.size());
    auto total = mid.find("页共");
    if (total != std::string_view::npos) mid = mid.substr(0, total);
    return page_digits(mid, 3);
  }
  if (k.starts_with("共") && k.ends_with("页") && k.find("第") != std::string::npos) return true;
  auto slash = k.find('/');
  if (slash != std::string::npos && page_digits(std::string_view(k).substr(0, slash), 3) &&
      page_digits(std::string_view(k).substr(slash + 1), 3))
    return true;
  if (k.starts_with("page") || k.starts_with("Page"))
    return page_digits(std::string_view(k).substr(4), 3);
  return bare_numbers && page_digits(k, 3) && k != "0";
}

std::size_t code_point_count(std::string_view text) {
  std::size_t count = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++count;
  }
  return count;
}

// Character by character (value/hant_hans.h): labels and header words are recognised per
// character, and Hant-Hans's few phrase rules do not matter for them. A text with no
// traditional character comes back as it is.
std::string simplified(std::string_view text) {
  std::string out;
  if (is_ascii(text)) return std::string(text);
  out.reserve(text.size());
  std::size_t run = 0; // where the bytes kept as they are and not yet appended begin
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t start = pos;
    char32_t cp = ziping::text::next_code_point(text, pos);
    std::string_view simple = value::simplified_form(cp);
    // An ill-formed sequence is read as U+FFFD and written so, as everywhere in the importer.
    if (cp == 0xFFFD && text.substr(start, pos - start) != "\xEF\xBF\xBD") simple = "\xEF\xBF\xBD";
    if (simple.empty()) continue;
    out.append(text.substr(run, start - run));
    out += simple;
    run = pos;
  }
  out.append(text.substr(run));
  return out;
}

bool has_traditional(std::string_view text) {
  return !is_ascii(text) && simplified(text) != text;
}

static std::string compute_key(std::string_view text);

namespace {

// The keys remembered per thread: a fixed table of slots, each text in the slot its hash picks,
// a newer one replacing it; the texts and keys themselves are written one after another into an
// arena allocated once. Remembering never allocates: libFuzzer runs every input that leaves
// more allocations than frees a second time, looking for a leak, and strings growing in fresh
// slots (or a map growing a node per new text) made it rerun one input in eight of the text
// fuzzer. Writing them one after another touches as many pages as the texts need: with room
// for the longest text in every slot, each new key landed on a page of its own, and a whole
// `ziping check` of a published form spent half its page faults there (docs/performance.md).
class KeyMemo {
public:
  std::optional<std::string_view> find(std::string_view text) const {
    const Slot& slot = slots_[index(text)];
    if (!slot.used || std::string_view(arena_.get() + slot.offset, slot.text_size) != text)
      return std::nullopt;
    return std::string_view(arena_.get() + slot.offset + slot.text_size, slot.key_size);
  }

  // Folding can lengthen a text: a pair longer than kEntryBytes is not remembered.
  void keep(std::string_view text, std::string_view key) {
    std::size_t bytes = text.size() + key.size();
    if (bytes > kEntryBytes) return;
    if (cursor_ + bytes > kArenaBytes) {
      // The arena is full: start it again, forgetting every key, so that no slot points at
      // bytes written over.
      for (Slot& slot : slots_) slot.used = false;
      cursor_ = 0;
    }
    Slot& slot = slots_[index(text)];
    text.copy(arena_.get() + cursor_, text.size());
    key.copy(arena_.get() + cursor_ + text.size(), key.size());
    slot = Slot{static_cast<std::uint32_t>(cursor_), static_cast<std::uint16_t>(text.size()),
                static_cast<std::uint16_t>(key.size()), true};
    cursor_ += bytes;
  }

private:
  struct Slot {
    std::uint32_t offset = 0;
    std::uint16_t text_size = 0, key_size = 0;
    bool used = false;
  };
  static constexpr std::size_t kSlots = 8192;
  static constexpr std::size_t kEntryBytes = 2 * 4 * kMaxKeyCodePoints; // UTF-8: ≤ 4 a code point
  static constexpr std::size_t kArenaBytes = 1 << 20;

  static std::size_t index(std::string_view text) {
    return std::hash<std::string_view>{}(text) % kSlots;
  }

  std::vector<Slot> slots_ = std::vector<Slot>(kSlots);
  // Not zero-filled: a slot's bytes are read only up to the sizes written with them.
  std::unique_ptr<char[]> arena_{new char[kArenaBytes]};
  std::size_t cursor_ = 0;
};

} // namespace

std::string key(std::string_view text) {
  if (code_point_count(text) > kMaxKeyCodePoints) return {};
  // The same few hundred cells and words are asked about many times while a form is read.
  thread_local KeyMemo memo;
  if (auto kept = memo.find(text)) return std::string(*kept);
  std::string computed = compute_key(text);
  memo.keep(text, computed);
  return computed;
}

static std::string compute_key(std::string_view text) {
  std::string folded = value::fold(simplified(text));
  std::string out;
  out.reserve(folded.size());
  std::size_t pos = 0;
  while (pos < folded.size()) {
    char32_t cp = ziping::text::next_code_point(folded, pos);
    if (is_space(cp)) continue;
    ziping::text::append_utf8(out, cp);
  }
  std::size_t hashes = 0;
  while (hashes < out.size() && out[hashes] == '#') ++hashes;
  return out.substr(hashes);
}

namespace {

bool is_ascii_word_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

} // namespace

void append_wrapped(std::string& text, std::string_view piece) {
  piece = ziping::text::trim(piece);
  if (piece.empty()) return;
  if (!text.empty() && is_ascii_word_char(text.back()) && is_ascii_word_char(piece.front()))
    text.push_back(' ');
  text.append(piece);
}

} // namespace ziping::io::text
