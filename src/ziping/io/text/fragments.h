// io/text/fragments.h — what the recovery reads as no leaf, however it read it. A 三级 name with
// no target, actual, 分值 or 得分 is a fragment (a name the end of the text cut off, a piece of a
// neighbouring cell printed on a line of its own, a goal sentence read as a row): written as a
// leaf it would be scored as an empty row and give its reader false diagnostics. A text with no
// digit anywhere had its figures dropped by a mirror site or viewer: rows read from it put words
// in the figures' places. Both are said (ZP0833, ZP0834), never dropped silently. Internal to
// io/text: the row reading (recover_assemble.cc) and the stream reading (recover_stream.cc) ask.
#pragma once

#include <string>

#include "ziping/diag/diagnostic.h"
#include "ziping/io/text/grid.h"
#include "ziping/model/read_result.h"

namespace ziping::io::text {

// The row printed something besides its name: a target, an actual, an adjusted target, a 分值
// or a 得分.
bool has_figures(const model::Indicator& leaf);

// ZP0833 for a row that is not read as a leaf, at the row's place.
diag::Diagnostic row_without_figures(const model::Indicator& leaf, diag::SourceLocation at);

// No digit of the form's own in the grid (ASCII or full-width): at most a viewer's page marker.
bool prints_no_digit(const Grid& grid);

// A text without digits: its indicator rows are taken out of the form, with the diagnostics
// about them, and ZP0834 says why. Nothing happens where the form has no leaf.
void drop_leaves_without_digits(model::ReadResult& result);

} // namespace ziping::io::text
