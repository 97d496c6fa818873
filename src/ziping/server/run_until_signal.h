// server/run_until_signal.h — serving until Ctrl-C or SIGTERM, for `ziping serve` and the
// bench's open-gate server alike.
#pragma once

#include <csignal>

#include "ziping/server/http_server.h"

namespace ziping::server {

// Blocks SIGINT and SIGTERM in the calling thread and returns them as a set. Call it before
// any thread starts (the store's pool, the server's workers), so that every thread inherits
// the mask and the signal reaches only the waiter of run_until_signal.
sigset_t block_stop_signals();

// Runs the bound server until one of `signals` arrives or the server stops itself; returns
// run()'s result.
bool run_until_signal(HttpServer& server, const sigset_t& signals);

} // namespace ziping::server
