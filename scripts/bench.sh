#!/usr/bin/env bash
# Prints vanban's speed and memory figures (a benchmark, not a test):
#  (a) end-to-end `vanban build` of each seed document against `typst compile`
#      of the same generated .typ with the same fonts (hyperfine);
#  (b) one batch build of 200 documents vs 200 separate runs;
#  (c) peak memory of that batch; (d) start-up time of `vanban --help`.
# Usage: scripts/bench.sh   (builds the release binary if needed)
#
# (a) needs the Typst CLI 0.15.1, which only this script installs, outside
# the repository: $VANBAN_BENCH_ROOT (default ~/.cache/vanban-bench)/bin/typst,
# through `cargo install typst-cli --version 0.15.1 --locked` (about 15
# minutes on 2 cores, once). TYPST=/path/to/typst uses another copy;
# SKIP_TYPST=1 skips the comparison. (a) also needs hyperfine.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
bin=$PWD/target/release/vanban
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

ms() { # median wall time in ms of "$@" over N runs
  local n=$1; shift; local t=()
  for _ in $(seq "$n"); do
    local s=$(date +%s%N); "$@" >/dev/null 2>&1; local e=$(date +%s%N)
    t+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}

typst_cli() { # prints the path of a Typst CLI 0.15.1, installing it if needed
  local root=${VANBAN_BENCH_ROOT:-$HOME/.cache/vanban-bench}
  local t=${TYPST:-$root/bin/typst}
  if ! "$t" --version 2>/dev/null | grep -q '^typst 0\.15\.1'; then
    echo "installing the Typst CLI 0.15.1 into $root (once; ~15 min)..." >&2
    nice -n 19 cargo install typst-cli --version 0.15.1 --locked --root "$root" -q >&2
    t=$root/bin/typst
  fi
  echo "$t"
}

echo "(a) each seed document (then each example), fresh process, end to end: vanban build of the YAML"
echo "    vs typst compile of the .typ vanban generates, same fonts (fonts/ only). hyperfine, 30 runs each:"
echo "    median wall time, and CPU time (user + system). Ratios are vanban / typst; vanban's time includes"
echo "    reading the YAML, the templates and an fsync of the PDF before it is renamed into place."
if [ "${SKIP_TYPST:-}" = 1 ]; then
  echo "    (skipped: SKIP_TYPST=1)"
else
  typst=$(typst_cli)
  # The generated .typ reads /layouts/… and a document's images from the
  # project root (this repository), so Typst gets the same root.
  tc=$PWD/target/bench-typ; rm -rf "$tc"; mkdir -p "$tc"
  printf '    %-56s %5s  %17s  %17s  %10s\n' document pages "vanban wall/cpu" "typst wall/cpu" "wall/cpu"
  for f in data/20*/*/*.yaml data/examples/*.yaml; do
    name=$(basename "${f%.yaml}")
    "$bin" build "$f" -o "$tc" --typst >/dev/null 2>&1
    pages=$(pdfinfo "$tc/$name.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
    hyperfine -N -w 3 -m 30 -M 30 --export-json "$work/h.json" \
      "$bin build $f -o $work/v" \
      "$typst compile --root $PWD --ignore-system-fonts --ignore-embedded-fonts --font-path fonts $tc/$name.typ $tc/$name-typst.pdf" \
      >/dev/null 2>&1 || { echo "    $f: a command failed"; continue; }
    python3 - "$work/h.json" "$f" "${pages:-?}" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
v, t = r[0], r[1]
cpu = lambda x: x["user"] + x["system"]
f = lambda x: f"{x['median']*1000:5.1f} / {cpu(x)*1000:5.1f} ms"
print(f"    {sys.argv[2]:<56} {sys.argv[3]:>5}  {f(v):>17}  {f(t):>17}  "
      f"{v['median']/t['median']:4.2f} / {cpu(v)/cpu(t):4.2f}")
PY
  done
fi

echo "(b) 200 documents:"
mkdir -p "$work/docs"
# The examples' signature and seal images, beside the copies that use them.
cp -r data/examples/anh "$work/docs/anh"
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
