#!/usr/bin/env bash
# Prints vanban's speed and memory figures (a benchmark, not a test):
#  (a) end-to-end build of each seed document, median of 10 fresh processes;
#  (b) one batch build of 200 documents vs 200 separate runs;
#  (c) peak memory of that batch; (d) start-up time of `vanban --help`.
# Usage: scripts/bench.sh   (builds the release binary if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
bin=target/release/vanban
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

ms() { # median wall time in ms of "$@" over N runs
  local n=$1; shift; local t=()
  for _ in $(seq "$n"); do
    local s=$(date +%s%N); "$@" >/dev/null 2>&1; local e=$(date +%s%N)
    t+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}

echo "(a) vanban build, one fresh process per document (median of 10):"
for f in data/20*/*/*.yaml; do
  pages=$("$bin" build "$f" -o "$work/a" >/dev/null 2>&1 && pdfinfo "$work/a/$(basename "${f%.yaml}").pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  printf '    %-60s %3s pages  %6s ms\n' "$f" "${pages:-?}" "$(ms 10 "$bin" build "$f" -o "$work/a")"
done

echo "(b) 200 documents:"
mkdir -p "$work/docs"
i=0
while [ $i -lt 200 ]; do
  for f in data/examples/*.yaml data/20*/*/*.yaml; do
    [ $i -lt 200 ] || break
    cp "$f" "$work/docs/doc-$i.yaml"; i=$((i + 1))
  done
done
s=$(date +%s%N); "$bin" build "$work/docs" -o "$work/batch" >/dev/null; e=$(date +%s%N)
batch=$(( (e - s) / 1000000 ))
s=$(date +%s%N)
for f in "$work"/docs/*.yaml; do "$bin" build "$f" -o "$work/single" >/dev/null; done
e=$(date +%s%N)
single=$(( (e - s) / 1000000 ))
awk -v b="$batch" -v s="$single" 'BEGIN {
  printf "    batch: %d ms (%.0f documents/s); 200 separate runs: %d ms; speed-up %.2fx\n", b, 200000/b, s, s/b }'

echo "(c) peak memory of the 200-document batch:"
/usr/bin/time -f '    %M KB max RSS' "$bin" build "$work/docs" -o "$work/batch2" >/dev/null

echo "(d) start-up, vanban --help (median of 20): $(ms 20 "$bin" --help) ms"
