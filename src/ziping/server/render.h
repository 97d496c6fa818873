// server/render.h — the JSON shapes of stored things (docs/api.md, docs/openapi.yaml): a form's
// record, a revision, a department, and the form document {form, revision, content} that
// reading, creating and saving all answer with.
#pragma once

#include <optional>
#include <string>

#include "ziping/server/json_out.h"
#include "ziping/store/store.h"

namespace ziping::server {

void write_summary(JsonOut& out, const store::Summary& summary);
void write_record(JsonOut& out, const store::FormRecord& record);
void write_revision(JsonOut& out, const store::Revision& revision);
void write_department(JsonOut& out, const store::Department& department);

// {"form": record, "revision": revision, "content": canonical form JSON[, "score": score JSON]}
std::string form_document(const store::StoredForm& stored,
                          const std::optional<std::string>& score_json = std::nullopt);
void write_form_document(JsonOut& out, const store::StoredForm& stored);

} // namespace ziping::server
