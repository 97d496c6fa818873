#include "ziping/server/run_until_signal.h"

#include <pthread.h>
#include <thread>

namespace ziping::server {

sigset_t block_stop_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

bool run_until_signal(HttpServer& server, const sigset_t& signals) {
  // One thread takes the signal (sigwait) and stops the server; the others keep it blocked.
  std::thread waiter([&] {
    int received = 0;
    sigwait(&signals, &received);
    server.stop();
  });
  bool ok = server.run();
  pthread_kill(waiter.native_handle(), SIGTERM); // wakes the waiter if the server stopped itself
  waiter.join();
  return ok;
}

} // namespace ziping::server
