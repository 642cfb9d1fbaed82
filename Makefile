# Thin wrapper around CMake.  `make demo` and `make test` work on a fresh
# Debian 12 machine as root: they install missing packages first.

BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= 2
CMAKE_ARGS ?=

.PHONY: all setup build demo test test-asan test-tsan valgrind grammar bench bench-advise peer install clean fuzz wheel

all: build

setup:
	@./scripts/setup.sh

$(BUILD)/Makefile:
	cmake -S . -B $(BUILD) -DSLUICE_WERROR=ON $(CMAKE_ARGS)

build: $(BUILD)/Makefile
	cmake --build $(BUILD) -j $(JOBS)

demo: setup build
	@./scripts/demo.sh $(BUILD)/sluice

test: setup build
	cd $(BUILD) && ctest --output-on-failure
	$(MAKE) test-asan
	$(MAKE) test-tsan
	$(MAKE) valgrind
	$(MAKE) fuzz FUZZ_SECONDS=60

test-asan:
	cmake -S . -B $(ASAN_BUILD) -DSLUICE_WERROR=ON -DSLUICE_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -LE slow

# ThreadSanitizer over the engine suite, whose last test shares one
# engine between four threads.
TSAN_BUILD ?= build-tsan
test-tsan:
	cmake -S . -B $(TSAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS="-fsanitize=thread" \
	    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=thread"
	cmake --build $(TSAN_BUILD) -j $(JOBS) --target check_engine check_rules check_analyze
	CK_FORK=no TSAN_OPTIONS=halt_on_error=1 $(TSAN_BUILD)/tests/check_engine
	CK_FORK=no TSAN_OPTIONS=halt_on_error=1 $(TSAN_BUILD)/tests/check_rules

VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite

valgrind: build
	@for t in check_dialect check_emit check_engine check_rules check_analyze check_ast_edit; do \
	    echo "valgrind $$t"; CK_FORK=no $(VALGRIND) $(BUILD)/tests/$$t > /dev/null || exit 1; done
	@echo "valgrind roundtrip"; $(VALGRIND) $(BUILD)/tests/roundtrip tests/roundtrip/spark_select.sql \
	    corpus/superset/*.sql corpus/bridge/*.sql > $(BUILD)/valgrind-roundtrip.txt; \
	    rc=$$?; tail -1 $(BUILD)/valgrind-roundtrip.txt; exit $$rc
	@echo "valgrind mutate"; $(VALGRIND) $(BUILD)/tests/mutate --iterations 3000 \
	    tests/roundtrip/spark_select.sql > $(BUILD)/valgrind-mutate.txt; \
	    rc=$$?; tail -1 $(BUILD)/valgrind-mutate.txt; exit $$rc
	@echo "valgrind corpus"; $(VALGRIND) $(BUILD)/sluice corpus corpus > $(BUILD)/valgrind-corpus.txt; \
	    rc=$$?; tail -1 $(BUILD)/valgrind-corpus.txt; exit $$rc
	@echo "valgrind lint"; $(VALGRIND) $(BUILD)/sluice lint --rules rules/example.json --format sarif \
	    tests/lint/cases tests/lint/inputs tests/lint/superset-export tests/lint/bad \
	    > $(BUILD)/valgrind-lint.sarif 2> $(BUILD)/valgrind-lint.txt; \
	    rc=$$?; [ $$rc -ne 99 ] || { cat $(BUILD)/valgrind-lint.txt; exit 1; }
	@echo "valgrind lint --explain"; $(VALGRIND) $(BUILD)/sluice lint --explain --rules rules/example.json \
	    corpus/superset corpus/guardrails > $(BUILD)/valgrind-lint-explain.txt 2>&1; \
	    rc=$$?; [ $$rc -ne 99 ] || { grep -v '^corpus/' $(BUILD)/valgrind-lint-explain.txt | head -50; exit 1; }

# libFuzzer over sl_process (every mode, the example rules), seeded from
# the corpus and fuzz/regressions (every finding so far, replayed on each
# run); FUZZ_SECONDS bounds the run.  Findings go to $(FUZZ_BUILD)/findings.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 1800
fuzz:
	CC=clang cmake -S . -B $(FUZZ_BUILD) -DSLUICE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_process
	rm -rf $(FUZZ_BUILD)/seeds && mkdir -p $(FUZZ_BUILD)/seeds $(FUZZ_BUILD)/work $(FUZZ_BUILD)/findings
	for f in $$(find corpus tests/roundtrip -name '*.sql'); do cp "$$f" $(FUZZ_BUILD)/seeds/$$(echo "$$f" | tr / _); done
	$(FUZZ_BUILD)/fuzz_process -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=10 \
	    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=$(FUZZ_BUILD)/findings/ \
	    $(FUZZ_BUILD)/work $(FUZZ_BUILD)/seeds fuzz/regressions

bench: build
	$(BUILD)/bench/bench_roundtrip --rss-calls 1000000 --rules rules/example.json \
	    corpus tests/roundtrip/spark_select.sql
	@echo "aggregate routing: the example rules without aggregates against 20 aggregates"
	$(BUILD)/bench/bench_roundtrip --compare bench/rules-without-aggregates.json \
	    bench/rules-20-aggregates.json corpus tests/roundtrip/spark_select.sql
	@echo "hostile input: 1 MB of each shape, peak RSS and time against bare pg_query_parse"
	$(BUILD)/bench/bench_hostile --rules rules/example.json

# `sluice advise` over 10,000 generated queries (docs/advise.md, Speed).
bench-advise: build
	python3 bench/advise.py $(BUILD)/sluice

peer: build
	$(BUILD)/tests/roundtrip --report-only --ndjson-out $(BUILD)/peer-emitted.ndjson \
	    ../shared/peer-sql/queries-valid.ndjson | tail -1
	node tests/spark-grammar/check.cjs $(BUILD)/peer-emitted.ndjson

install: build
	cmake --install $(BUILD)

# The Python package as a wheel carrying libsluice.so and the libraries it
# links: $(BUILD)/dist/sluice-*-py3-none-linux_x86_64.whl, for
# `pip install` into Superset's virtualenv.  Offline, with Debian's
# python3-build (`make test` installs it into a fresh venv and tests it).
PYTHON ?= /usr/bin/python3
wheel: setup build
	@./scripts/wheel.sh $(BUILD) $(PYTHON)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(TSAN_BUILD) $(FUZZ_BUILD)
