// io/pdf_writer/typesetter.h — internal: pango text on a cairo PDF surface, in points.
//
// Every cell's text is laid out once (wrapped to its width, CJK-aware), measured into
// LineBoxes for the page breaker, and drawn later line by line, so that each line of a cell
// is one text run in the PDF at a fixed x range (what a PDF importer reads back).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ziping/io/pdf_writer/geometry.h"

typedef struct _cairo cairo_t;
typedef struct _PangoContext PangoContext;
typedef struct _PangoLayout PangoLayout;
typedef struct _PangoFontDescription PangoFontDescription;

namespace ziping::io::pdf_writer {

enum class Face { Regular, Bold };
enum class Align { Left, Center, Right };

// The installed family to print with: `preferred` when fontconfig knows it, else the first
// installed of a few Simplified-Chinese families; empty when there is none (the page would
// show boxes instead of characters).
std::string choose_family(std::string_view preferred, bool fallback = true);

class Typesetter {
public:
  Typesetter(cairo_t* cr, const std::string& family);
  ~Typesetter();
  Typesetter(const Typesetter&) = delete;
  Typesetter& operator=(const Typesetter&) = delete;

  // Lays out `text` wrapped to `width` points; returns the handle for draw_lines(). With
  // `center_one_line`, the text is centred when it fits on one line and left-aligned when it
  // wraps (short values: "≥5次" centred, a sentence as prose).
  int set(std::string_view text, Pt width, Pt size, Face face, Align align,
          std::vector<LineBox>& lines, bool center_one_line = false);
  // Draws lines [first, end) of a laid-out text with its first line's top at (x, y).
  void draw_lines(int handle, const std::vector<LineBox>& lines, int first, int end, Pt x, Pt y);
  // One line of text with its top-left at (x, y); returns its width.
  Pt draw(std::string_view text, Pt size, Face face, Pt x, Pt y, Align align, Pt width);

private:
  PangoFontDescription* font(Pt size, Face face);

  cairo_t* cr_;
  PangoContext* context_;
  std::string family_;
  std::vector<PangoLayout*> layouts_;
  std::vector<std::pair<std::pair<int, Face>, PangoFontDescription*>> fonts_;
};

} // namespace ziping::io::pdf_writer
