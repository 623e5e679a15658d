#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/fuzz_*.cpp, clang, ASan+UBSan) in build/asan (the build
# scripts/sanitize.sh shares: scripts/asan_build.sh; nothing to rebuild after it) and runs
# each one in turn for SECONDS seconds (default 30), starting from its seed corpus in
# fuzz/corpus/<target>/. New inputs go to build/asan/corpus/<target>/, crashes to
# build/asan/artifacts/. Exits non-zero on the first target that finds a crash, a leak,
# a sanitizer report or an input slower than 10 s.
#
#   bash scripts/fuzz.sh              # every target, 30 s each
#   bash scripts/fuzz.sh 600 segment  # one target (name with or without fuzz_), 10 minutes
#
# Extra libFuzzer flags can be passed in FUZZ_ARGS (e.g. FUZZ_ARGS="-max_len=65536").
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-30}"
shift || true
BUILD=build/asan

targets=()
if (($#)); then
  for t in "$@"; do targets+=("fuzz_${t#fuzz_}"); done
else
  for src in fuzz/fuzz_*.cpp; do targets+=("$(basename "$src" .cpp)"); done
fi
bash scripts/asan_build.sh --target "${targets[@]}"

mkdir -p "$BUILD/artifacts"
for t in "${targets[@]}"; do
  mkdir -p "$BUILD/corpus/$t" "fuzz/corpus/$t"
  echo "== $t: ${SECONDS_PER_TARGET}s"
  # The first corpus directory collects new inputs; the seeds stay untouched.
  # shellcheck disable=SC2086
  "$BUILD/$t" "$BUILD/corpus/$t" "fuzz/corpus/$t" \
      -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
      -artifact_prefix="$BUILD/artifacts/$t-" -print_final_stats=1 ${FUZZ_ARGS:-} \
      2> "$BUILD/$t.log" || { tail -n 60 "$BUILD/$t.log"; echo "$t FAILED (log: $BUILD/$t.log)"; exit 1; }
  grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$BUILD/$t.log" | tail -n 2
done
echo "fuzzing passed: ${targets[*]}"
