# ziping — the two commands of the README are `make run` and `make test`; both install what is
# missing (scripts/deps.sh), build, then run or test.
.PHONY: all build deps run test test-asan fuzz bench docs format clean

BUILD ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
JOBS ?= $(shell nproc)
FUZZ_SECONDS ?= 60
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

# libFuzzer (clang) on every parser for FUZZ_SECONDS each; new inputs go to $(FUZZ_BUILD)/corpus.
fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DZIPING_FUZZ=ON -DZIPING_BENCH=OFF -DZIPING_WERROR=OFF -DZIPING_WEB=OFF
	cmake --build $(FUZZ_BUILD) -j $(JOBS)
	@for source in tests/fuzz/fuzz_*.cc; do \
	  name=$$(basename $$source .cc); corpus=$${name#fuzz_}; \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$corpus $(FUZZ_BUILD)/artifacts; \
	  cp -n tests/fuzz/corpus/$$corpus/* $(FUZZ_BUILD)/corpus/$$corpus/ 2>/dev/null || true; \
	  echo "== $$name for $(FUZZ_SECONDS)s"; \
	  $(FUZZ_BUILD)/tests/$$name -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -timeout=10 \
	    -artifact_prefix=$(FUZZ_BUILD)/artifacts/ $(FUZZ_BUILD)/corpus/$$corpus 2>&1 | tail -3 || exit 1; \
	done

bench: deps build
	$(BUILD)/bench/ziping_bench --benchmark_min_time=0.5 --benchmark_format=json | bench/ratios.py
	bench/process_timings.sh $(BUILD)/ziping
	bench/libreoffice_baseline.sh $(BUILD)/ziping
	bench/libreoffice_print_baseline.sh $(BUILD)/ziping

docs: build
	$(BUILD)/ziping diagnostics --markdown > docs/diagnostics.md

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
