#include "ziping/server/render.h"

#include "ziping/access/review_chain.h"
#include "ziping/io/json/form_writer.h"

namespace ziping::server {

void write_summary(JsonOut& out, const store::Summary& s) {
  out.begin_object();
  out.key("total").decimal(s.total);
  out.key("grade").string(s.grade);
  out.key("execution_rate").decimal(s.execution_rate);
  out.key("indicator_score").decimal(s.indicator_score);
  out.key("errors").integer(s.errors);
  out.key("warnings").integer(s.warnings);
  out.key("notes").integer(s.notes);
  out.end_object();
}

void write_record(JsonOut& out, const store::FormRecord& r) {
  out.begin_object();
  out.key("id").integer(r.id);
  out.key("department_id").integer(r.department_id);
  out.key("department").string(r.department);
  out.key("kind").string(store::kind_name(r.kind));
  out.key("year").optional_integer(r.year);
  out.key("title").string(r.title);
  out.key("project").string(r.project);
  out.key("status").string(store::status_name(r.status));
  out.key("status_label").string(store::status_name_zh(r.status));
  out.key("rules").string(r.rule_set);
  out.key("mode").string(r.mode);
  out.key("revision").integer(r.revision);
  out.key("score");
  write_summary(out, r.summary);
  out.key("created_at").string(r.created_at);
  out.key("updated_at").string(r.updated_at);
  out.key("updated_by").string(r.updated_by);
  auto state = access::parse_state(r.review_state).value_or(access::ReviewState::Draft);
  out.key("review_state").string(access::state_name(state));
  out.key("review_state_label").string(access::state_name_zh(state));
  out.end_object();
}

void write_revision(JsonOut& out, const store::Revision& r) {
  out.begin_object();
  out.key("number").integer(r.number);
  out.key("author").string(r.author);
  out.key("comment").string(r.comment);
  out.key("created_at").string(r.created_at);
  out.key("status").string(store::status_name(r.status));
  out.key("status_label").string(store::status_name_zh(r.status));
  out.key("rules").string(r.rule_set);
  out.key("mode").string(r.mode);
  out.key("score");
  write_summary(out, r.summary);
  out.end_object();
}

void write_department(JsonOut& out, const store::Department& d) {
  out.begin_object();
  out.key("id").integer(d.id);
  out.key("name").string(d.name);
  out.key("created_at").string(d.created_at);
  out.key("form_count").integer(d.form_count);
  out.end_object();
}

void write_form_document(JsonOut& out, const store::StoredForm& stored) {
  out.begin_object();
  out.key("form");
  write_record(out, stored.record);
  out.key("revision");
  write_revision(out, stored.revision);
  out.key("content").raw(io::json::write_form_json(stored.form));
  out.end_object();
}

std::string form_document(const store::StoredForm& stored,
                          const std::optional<std::string>& score_json) {
  JsonOut out;
  out.begin_object();
  out.key("form");
  write_record(out, stored.record);
  out.key("revision");
  write_revision(out, stored.revision);
  out.key("content").raw(io::json::write_form_json(stored.form));
  if (score_json) out.key("score").raw(*score_json);
  out.end_object();
  return out.take();
}

} // namespace ziping::server
