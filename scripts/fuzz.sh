#!/usr/bin/env bash
# Fuzzes the loader, the inline-markup parser and `extract` (issue 22) for
# a fixed number of random cases each (not part of the ordinary
# `cargo test`: the targets are #[ignore]d tests in tests/fuzz_scale.rs).
# Prints the cases and time per target; a failure prints the shrunk input
# and the script exits non-zero.
# Usage: scripts/fuzz.sh [CASES] [SEED]   (default 20000 cases, random seed;
#        the same SEED replays the same cases)
set -euo pipefail
cd "$(dirname "$0")/.."
export FUZZ_CASES=${1:-20000}
[ -n "${2:-}" ] && export FUZZ_SEED=$2
export CARGO_INCREMENTAL=${CARGO_INCREMENTAL:-0}
# Release build when asked (PROFILE=release), else the debug build.
profile=()
[ "${PROFILE:-debug}" = release ] && profile=(--release)
start=$(date +%s)
cargo test "${profile[@]}" --test integration fuzz_scale -- --ignored --nocapture --test-threads=1 2>&1 |
  grep -E '^fuzz |^test |test result|panicked|minimal failing|Fail\(' || true
status=${PIPESTATUS[0]}
echo "total: $(( $(date +%s) - start )) s, ${FUZZ_CASES} cases per target, profile ${PROFILE:-debug}"
exit "$status"
