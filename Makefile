# ziping — the two commands of the README are `make run` and `make test`; both install what is
# missing (scripts/deps.sh), build, then run or test.
.PHONY: all build deps run test test-asan fuzz bench docs format clean

BUILD ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
JOBS ?= $(shell nproc)
FUZZ_SECONDS ?=
FUZZ_RUNS ?=
CMAKE_FLAGS ?=
PORT ?= 8080

all: build

deps:
	@scripts/deps.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

build: $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

# The web workbench on ./ziping.db at http://127.0.0.1:$(PORT), until Ctrl-C. The first run
# loads the demo data (the seed form, the project example, generated forms of a dozen
# departments); later runs keep whatever the database holds and never load it twice.
run: deps build
	$(BUILD)/ziping serve --db ziping.db --demo --port $(PORT)

test: deps build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	$(MAKE) test-asan

# The unit tests and the fuzz corpora once more under AddressSanitizer and UBSan.
test-asan:
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DZIPING_SANITIZE=ON -DZIPING_BENCH=OFF -DZIPING_WEB=OFF $(CMAKE_FLAGS)
	cmake --build $(ASAN_BUILD) -j $(JOBS) --target ziping_unit_tests $$(cd tests/fuzz && ls fuzz_*.cc | sed 's/\.cc$$//')
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS) -L 'unit|fuzz'

# libFuzzer (clang, ASan+UBSan) on every tests/fuzz target for FUZZ_SECONDS each (60 s; with
# FUZZ_RUNS=N until N executions, the long run of docs/fuzzing.md); fails naming
# the target and the input on any crash, leak, timeout or out-of-memory (scripts/fuzz.sh,
# docs/fuzzing.md). FUZZ_JOBS=2 runs two targets at a time; FUZZ_TARGETS="json csv" picks some.
# New inputs go to $(FUZZ_BUILD)/corpus/<name>, findings to $(FUZZ_BUILD)/artifacts/<name>/.
FUZZ_JOBS ?= 1
FUZZ_TARGETS ?=
FUZZ_BINARIES = $(if $(strip $(FUZZ_TARGETS)),$(addprefix fuzz_,$(patsubst fuzz_%,%,$(subst $(comma), ,$(FUZZ_TARGETS)))),$(basename $(notdir $(wildcard tests/fuzz/fuzz_*.cc))))
comma := ,
fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DZIPING_FUZZ=ON -DZIPING_BENCH=OFF -DZIPING_WERROR=OFF -DZIPING_WEB=OFF $(CMAKE_FLAGS)
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target $(FUZZ_BINARIES)
	FUZZ_BUILD=$(FUZZ_BUILD) FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_RUNS=$(FUZZ_RUNS) FUZZ_JOBS=$(FUZZ_JOBS) \
	  FUZZ_TARGETS="$(FUZZ_TARGETS)" scripts/fuzz.sh

bench: deps build
	$(BUILD)/bench/ziping_bench --benchmark_min_time=0.5 --benchmark_format=json | bench/ratios.py
	bench/process_timings.sh $(BUILD)/ziping
	bench/libreoffice_baseline.sh $(BUILD)/ziping
	bench/libreoffice_print_baseline.sh $(BUILD)/ziping
	bench/scale.sh $(BUILD)/ziping

docs: build
	$(BUILD)/ziping diagnostics --markdown > docs/diagnostics.md

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
