// io/json/form_writer.h — writes a model::Form as canonical form JSON (docs/form-json.md):
// fixed key order, two-space indentation, numbers exactly as the Decimals hold them, one
// trailing newline.
//
// The output is a pure function of the form, byte for byte: no timestamps, no locale, no
// floating point. Reading it back with read_form_json() and writing again gives the same
// bytes. It never fails and never throws for a form the reader produced.
#pragma once

#include <string>

#include "ziping/model/form.h"

namespace ziping::io::json {

std::string write_form_json(const model::Form& form);

} // namespace ziping::io::json
