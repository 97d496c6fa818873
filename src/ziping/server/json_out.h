// server/json_out.h — API answers are compact JSON from the one writer, text::JsonWriter
// (which splices in what another part rendered with raw()).
#pragma once

#include "ziping/text/json_writer.h"

namespace ziping::server {

struct JsonOut : text::JsonWriter {
  JsonOut() : text::JsonWriter(Layout::Compact) {}
  std::string take() { return finish(); } // the document, no trailing newline
};

} // namespace ziping::server
