// The server of src/ziping/server/http_server.cc compiled once more with its gate open (see
// ZIPING_BENCH_OPEN_GATE there): for the benchmark program beside it only. Its definitions
// take the place of the library's copy of http_server.cc at link time (a static library's
// member is pulled in only for a symbol nothing else defines).
#define ZIPING_BENCH_OPEN_GATE 1
#include "../../src/ziping/server/http_server.cc"
