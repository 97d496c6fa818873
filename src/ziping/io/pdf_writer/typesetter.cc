#include "ziping/io/pdf_writer/typesetter.h"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

namespace ziping::io::pdf_writer {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Families pango (through fontconfig) offers on this thread's default font map.
std::vector<std::string> installed_families() {
  PangoFontFamily** families = nullptr;
  int count = 0;
  pango_font_map_list_families(pango_cairo_font_map_get_default(), &families, &count);
  std::vector<std::string> names;
  for (int i = 0; i < count; ++i) names.push_back(lower(pango_font_family_get_name(families[i])));
  g_free(families);
  return names;
}

Pt from_pango(int units) {
  return Pt(units) / PANGO_SCALE;
}

int to_pango(Pt points) {
  return int(std::lround(points * PANGO_SCALE));
}

PangoAlignment pango_align(Align align) {
  switch (align) {
  case Align::Left:
    return PANGO_ALIGN_LEFT;
  case Align::Center:
    return PANGO_ALIGN_CENTER;
  case Align::Right:
    return PANGO_ALIGN_RIGHT;
  }
  return PANGO_ALIGN_LEFT;
}

void read_lines(PangoLayout* layout, std::vector<LineBox>& lines) {
  lines.clear();
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    lines.push_back({from_pango(logical.y), from_pango(logical.height),
                     from_pango(pango_layout_iter_get_baseline(iter)), from_pango(logical.x)});
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
}

} // namespace

std::string choose_family(std::string_view preferred, bool fallback) {
  // Fontconfig is asked once per thread (pango's default font map is per thread).
  thread_local std::map<std::string, std::string, std::less<>> chosen;
  std::string key = std::string(preferred) + (fallback ? "" : "\n(only)");
  if (auto found = chosen.find(key); found != chosen.end()) return found->second;
  auto names = installed_families();
  auto has = [&](std::string_view family) {
    return std::find(names.begin(), names.end(), lower(family)) != names.end();
  };
  std::string result;
  // Named explicitly: fontconfig answers 宋体/SimSun/sans-serif with DejaVu, which has no
  // Chinese (stack.md §6).
  for (std::string_view family :
       {preferred, std::string_view("Noto Sans CJK SC"), std::string_view("Source Han Sans SC"),
        std::string_view("Noto Serif CJK SC"), std::string_view("WenQuanYi Micro Hei"),
        std::string_view("WenQuanYi Zen Hei")}) {
    if (has(family)) {
      result = std::string(family);
      break;
    }
    if (!fallback) break;
  }
  chosen.emplace(key, result);
  return result;
}

Typesetter::Typesetter(cairo_t* cr, const std::string& family) : cr_(cr), family_(family) {
  context_ = pango_cairo_create_context(cr);
  // Sizes in points on a surface measured in points: 72 units per inch, not the screen's 96.
  pango_cairo_context_set_resolution(context_, 72);
  // Unhinted metrics: widths measured are the widths drawn in the PDF.
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context_, options);
  cairo_font_options_destroy(options);
  pango_context_set_language(context_, pango_language_from_string("zh-cn"));
}

Typesetter::~Typesetter() {
  for (auto* layout : layouts_) g_object_unref(layout);
  for (auto& [key, description] : fonts_) pango_font_description_free(description);
  g_object_unref(context_);
}

PangoFontDescription* Typesetter::font(Pt size, Face face) {
  std::pair<int, Face> key{int(std::lround(size * 100)), face};
  for (auto& [k, description] : fonts_)
    if (k == key) return description;
  PangoFontDescription* description = pango_font_description_new();
  pango_font_description_set_family(description, family_.c_str());
  pango_font_description_set_weight(description,
                                    face == Face::Bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_size(description, to_pango(size));
  fonts_.emplace_back(key, description);
  return description;
}

int Typesetter::set(std::string_view text, Pt width, Pt size, Face face, Align align,
                    std::vector<LineBox>& lines, bool center_one_line) {
  PangoLayout* layout = pango_layout_new(context_);
  pango_layout_set_font_description(layout, font(size, face));
  pango_layout_set_width(layout, to_pango(std::max<Pt>(width, 1)));
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout, center_one_line ? PANGO_ALIGN_LEFT : pango_align(align));
  pango_layout_set_text(layout, text.data(), int(text.size()));
  layouts_.push_back(layout);
  if (text.empty()) {
    lines.clear();
  } else {
    if (center_one_line && pango_layout_get_line_count(layout) == 1)
      pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
    read_lines(layout, lines);
  }
  return int(layouts_.size()) - 1;
}

void Typesetter::draw_lines(int handle, const std::vector<LineBox>& lines, int first, int end, Pt x,
                            Pt y) {
  if (handle < 0 || first >= end) return;
  PangoLayout* layout = layouts_[std::size_t(handle)];
  Pt origin = lines[std::size_t(first)].top;
  for (int i = first; i < end; ++i) {
    const LineBox& line = lines[std::size_t(i)];
    cairo_move_to(cr_, x + line.x, y + line.baseline - origin);
    pango_cairo_show_layout_line(cr_, pango_layout_get_line_readonly(layout, i));
  }
}

Pt Typesetter::draw(std::string_view text, Pt size, Face face, Pt x, Pt y, Align align, Pt width) {
  std::vector<LineBox> lines;
  int handle = set(text, width, size, face, align, lines);
  draw_lines(handle, lines, 0, int(lines.size()), x, y);
  PangoRectangle logical;
  pango_layout_get_extents(layouts_[std::size_t(handle)], nullptr, &logical);
  return from_pango(logical.width);
}

} // namespace ziping::io::pdf_writer
