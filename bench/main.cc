// One benchmark program for every bench/bench_*.cc file.
#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
