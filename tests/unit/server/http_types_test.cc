// The server's own HTTP pieces without a socket: the router, query and path decoding, the
// multipart parser, the cap on a read's diagnostics and the export cache.
#include <gtest/gtest.h>

#include "ziping/diag/cap.h"
#include "ziping/server/export_cache.h"
#include "ziping/server/http_types.h"
#include "ziping/server/multipart.h"

namespace ziping::server {
namespace {

// Routes are registered by their row of the authorization table: the row gives the method and
// the path, and the match names the row.
TEST(Router, MatchesTheRowsMethodAndWholePathWithCaptures) {
  Router router;
  int called = 0;
  router.add(access::EndpointId::form_get, [&](const Request&, Response&) { called = 1; });
  router.add(access::EndpointId::form_put, [&](const Request&, Response&) { called = 2; });
  router.add(access::EndpointId::rules_get, [&](const Request&, Response&) { called = 3; });
  Request req;
  req.method = "PUT";
  req.path = "/api/forms/42";
  const Handler* handler = router.route(req);
  ASSERT_NE(handler, nullptr);
  Response res;
  (*handler)(req, res);
  EXPECT_EQ(called, 2);
  EXPECT_EQ(req.endpoint, access::EndpointId::form_put);
  ASSERT_EQ(req.matches.size(), 2u);
  EXPECT_EQ(req.matches[1], "42");
  req.path = "/api/forms/42/x";
  EXPECT_EQ(router.route(req), nullptr);
  req.path = "/api/forms/x";
  EXPECT_EQ(router.route(req), nullptr);
  req.method = "DELETE";
  req.path = "/api/forms/42";
  EXPECT_EQ(router.route(req), nullptr);
  req.method = "GET";
  req.path = "/api/rules/cn-2020";
  ASSERT_NE(router.route(req), nullptr);
  EXPECT_EQ(req.matches[1], "cn-2020");
  EXPECT_EQ(router.registered().size(), 3u);
  EXPECT_EQ(path_pattern("/api/forms/{id}/review-scores"), R"(/api/forms/(\d+)/review-scores)");
}

TEST(Query, DecodesEscapesAndRefusesBrokenOnes) {
  auto params = parse_query("q=%E4%B8%AD+a&year=2022&flag&q=2");
  ASSERT_TRUE(params);
  EXPECT_EQ(params->find("q")->second, "中 a");
  EXPECT_EQ(params->count("q"), 2u);
  EXPECT_EQ(params->find("flag")->second, "");
  EXPECT_FALSE(parse_query("a=%zz"));
  EXPECT_FALSE(parse_query("a=%4"));
  EXPECT_EQ(percent_decode("/a+b%20c", false), "/a+b c");
}

TEST(Request, HeadersAreCaseInsensitive) {
  Request req;
  req.headers = {{"content-type", "multipart/form-data; boundary=x"}};
  EXPECT_EQ(req.get_header_value("Content-Type"), "multipart/form-data; boundary=x");
  EXPECT_TRUE(req.is_multipart_form_data());
}

TEST(Multipart, ReadsFieldsAndFiles) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=\"a b\""), "a b");
  EXPECT_EQ(multipart_boundary("Multipart/Form-Data; charset=utf-8; boundary=xyz"), "xyz");
  EXPECT_FALSE(multipart_boundary("multipart/form-data"));
  EXPECT_FALSE(multipart_boundary("application/json; boundary=x"));
  std::string body = "preamble\r\n--xyz\r\n"
                     "Content-Disposition: form-data; name=\"file\"; filename=\"表.json\"\r\n"
                     "Content-Type: application/json\r\n\r\n{\"a\":\r\n1}\r\n"
                     "--xyz\r\nContent-Disposition: form-data; name=\"save\"\r\n\r\ntrue\r\n"
                     "--xyz--\r\nepilogue";
  auto parts = parse_multipart(body, "xyz");
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 2u);
  const auto& file = parts->find("file")->second;
  EXPECT_EQ(file.filename, "表.json");
  EXPECT_EQ(file.content_type, "application/json");
  EXPECT_EQ(file.content, "{\"a\":\r\n1}");
  EXPECT_EQ(parts->find("save")->second.content, "true");
  EXPECT_TRUE(parts->find("save")->second.filename.empty());
}

TEST(Multipart, RefusesMalformedAndUnboundedBodies) {
  EXPECT_FALSE(parse_multipart("no delimiter at all", "xyz"));
  EXPECT_FALSE(
      parse_multipart("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nopen", "xyz"));
  EXPECT_FALSE(parse_multipart("--xyz\r\nContent-Type: text/plain\r\n\r\nx\r\n--xyz--", "xyz"));
  std::string many;
  for (std::size_t i = 0; i <= kMaxParts; ++i)
    many += "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n";
  many += "--b--";
  EXPECT_FALSE(parse_multipart(many, "b"));
  std::string huge_header = "--b\r\nX: " + std::string(kMaxPartHeaderBytes, 'a') +
                            "\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n--b--";
  EXPECT_FALSE(parse_multipart(huge_header, "b"));
}

TEST(DiagnosticCap, KeepsAHundredErrorsFirstAndSaysHowManyMore) {
  std::vector<diag::Diagnostic> many;
  for (int i = 0; i < 150; ++i)
    many.push_back(diag::make(diag::DiagId::warn_pdf_page_no_text, "", {std::to_string(i + 1)}));
  many.push_back(diag::make(diag::DiagId::err_input_empty, ""));
  diag::cap_diagnostics(many);
  ASSERT_EQ(many.size(), diag::kMaxReadDiagnostics + 1);
  EXPECT_EQ(many.back().id, diag::DiagId::note_more_diagnostics);
  EXPECT_NE(many.back().message_en().find("51 more"), std::string::npos);
  // The one error, beyond the first hundred, is kept; the order is the reader's.
  EXPECT_EQ(many[diag::kMaxReadDiagnostics - 1].id, diag::DiagId::err_input_empty);
  // A reader that stopped at the limit with its own ZP0116 (JSON, CSV, XLSX) is left as it is.
  std::vector<diag::Diagnostic> stopped(diag::kMaxReadDiagnostics,
                                        diag::make(diag::DiagId::err_input_empty, ""));
  stopped.push_back(diag::make(diag::DiagId::err_too_many_errors, "", {"100"}));
  diag::cap_diagnostics(stopped);
  EXPECT_EQ(stopped.size(), diag::kMaxReadDiagnostics + 1);
  EXPECT_EQ(stopped.back().id, diag::DiagId::err_too_many_errors);
  std::vector<diag::Diagnostic> few(3, diag::make(diag::DiagId::err_input_empty, ""));
  diag::cap_diagnostics(few);
  EXPECT_EQ(few.size(), 3u);
}

TEST(ExportCache, SecondAskIsAHitAndKeysDiffer) {
  int renders = 0;
  auto render = [&] {
    ++renders;
    return std::string("bytes");
  };
  bool hit = true;
  ExportKey key{987654, 3, "html", "tianjin-2022", "review"};
  EXPECT_EQ(*cached_export(key, render, hit), "bytes");
  EXPECT_FALSE(hit);
  EXPECT_EQ(*cached_export(key, render, hit), "bytes");
  EXPECT_TRUE(hit);
  EXPECT_EQ(renders, 1);
  key.mode = "auto";
  cached_export(key, render, hit);
  EXPECT_FALSE(hit);
  EXPECT_EQ(renders, 2);
  // Larger than an entry may be: rendered every time, never kept.
  ExportKey big{987654, 4, "pdf", "tianjin-2022", "review"};
  auto huge = [&] {
    ++renders;
    return std::string(kExportCacheEntryBytes + 1, 'x');
  };
  cached_export(big, huge, hit);
  cached_export(big, huge, hit);
  EXPECT_FALSE(hit);
  EXPECT_EQ(renders, 4);
}

} // namespace
} // namespace ziping::server
