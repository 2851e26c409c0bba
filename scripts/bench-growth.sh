#!/usr/bin/env bash
# Growth of the cases that were super-linear in issue 22, at 1k, 10k and
# 100k items each (a benchmark, not a test): time and peak memory
# (/usr/bin/time -v) of one vanban run per size, as a table. Linear work
# shows ×10 per row at most; the old quadratic or exponential paths showed
# ×100 or never finished. Each run is capped at TIMEOUT seconds (default
# 120; exit 124 is a timeout) and 3 GiB of address space.
#   typo-lookup      `check` of a document of N paragraphs with one wrong
#                    key at the end (the position index)
#   extends-ids      `check` of a child replacing N items by id of a parent
#                    of N items (the id merge)
#   cite-diamond     `build` of a document citing the next level 3 times,
#                    levels chosen so that the paths number ≈ N (3^levels)
#   trich-yeu        `build` with a trích yếu of N characters (above the
#                    text limit, 20 000, a located refusal: exit 1)
#   specials-para    `build` with N characters of `#[]$\*` as one paragraph
#                    (refused above the limit, like trich-yeu)
#   specials-split   the same N characters as paragraphs of 1 000 (all built:
#                    the escaping itself)
#   symlink-loops    `list` of a folder of N/10 documents holding two
#                    `ln -s . x` loops (the folder walk)
# Usage: scripts/bench-growth.sh [CASE…]  (SIZES="1000 10000 100000";
#        BIN=path/to/vanban, default the debug build, built if needed)
set -uo pipefail
cd "$(dirname "$0")/.."
if [ -z "${BIN:-}" ]; then cargo build -q --bin vanban; BIN=$PWD/target/debug/vanban; fi
TIMEOUT=${TIMEOUT:-120}
SIZES=${SIZES:-"1000 10000 100000"}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
example=$PWD/data/examples/cong-van.yaml
head_of() { sed -n '/^noi_dung:/q;p' "$example"; }     # the example up to noi_dung
tail_of() { sed -n '/^nguoi_ky:/,$p' "$example"; }     # from nguoi_ky on

run() { # case, items, dir, command…: one row of the table
  local name=$1 items=$2 dir=$3; shift 3
  local t="$dir/.time"
  ( cd "$dir" && /usr/bin/time -v -o "$t" timeout "$TIMEOUT" prlimit --as=3221225472 "$@" >"$dir/.out" 2>&1 )
  local rc=$?
  local secs kb
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$t")
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$t")
  printf '%-16s %8s %5s %9.2f %8d  %s\n' "$name" "$items" "$rc" "${secs:-0}" "$(( ${kb:-0} / 1024 ))" \
    "$(grep -m1 -E 'error|lỗi|panicked|giới hạn|limit' "$dir/.out" | python3 -c 'import sys; print(sys.stdin.read()[:70].strip())')"
}

case_typo-lookup() {
  for n in $SIZES; do
    local d="$work/typo-$n"; mkdir -p "$d"
    { head_of; echo 'noi_dung:'; seq "$n" | sed 's/^/  - Đoạn /'; echo '  - gach: [a]'; echo '    khong_co: 1'; tail_of; } >"$d/d.yaml"
    run typo-lookup "$n" "$d" "$BIN" check d.yaml
  done
}

case_extends-ids() {
  for n in $SIZES; do
    local d="$work/ids-$n"; mkdir -p "$d"
    { head_of; echo 'noi_dung:'; seq "$n" | sed 's/.*/  - {id: d&, doan: Đoạn &}/'; tail_of; } >"$d/p.yaml"
    { echo 'extends: p.yaml'; echo 'noi_dung:'; seq "$n" -1 1 | sed 's/.*/  - {id: d&, doan: Sửa &}/'; } >"$d/d.yaml"
    run extends-ids "$n" "$d" "$BIN" check d.yaml
  done
}

case_cite-diamond() {
  for n in $SIZES; do
    # levels with 3^levels ≈ n
    local levels; levels=$(python3 -c "import math; print(max(1, round(math.log($n, 3))))")
    local d="$work/cite-$n"; mkdir -p "$d"
    for i in $(seq 0 "$levels"); do
      local cites=""
      [ "$i" -lt "$levels" ] && cites="thuc_hien: [c$((i + 1)).yaml, c$((i + 1)).yaml, c$((i + 1)).yaml]"
      sed "s/^so: .*/so: $((i + 1))/" "$example" | { cat; echo "$cites"; } >"$d/c$i.yaml"
    done
    run cite-diamond "3^$levels" "$d" "$BIN" build c0.yaml
  done
}

case_trich-yeu() {
  for n in $SIZES; do
    local d="$work/ty-$n"; mkdir -p "$d"
    python3 - "$example" "$n" >"$d/d.yaml" <<'PY'
import sys
n = int(sys.argv[2])
text = ("chữ " * n)[:n].strip()
print("\n".join("trich_yeu: " + text if l.startswith("trich_yeu:") else l for l in open(sys.argv[1]).read().split("\n")))
PY
    run trich-yeu "$n" "$d" "$BIN" build d.yaml
  done
}

specials() { # example, n, chunk: n characters of #[]$\* in paragraphs of chunk
  python3 - "$@" <<'PY'
import sys
example, n, chunk = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
text = ("#[]$\\* " * n)[:n]
paras = "".join("  - '" + text[i:i + chunk].replace("'", "''") + "'\n" for i in range(0, n, chunk))
print(open(example).read().replace("  - Trân trọng./.", paras + "  - Trân trọng./."))
PY
}

case_specials-para() {
  for n in $SIZES; do
    local d="$work/sp-$n"; mkdir -p "$d"
    specials "$example" "$n" "$n" >"$d/d.yaml"
    run specials-para "$n" "$d" "$BIN" build d.yaml
  done
}

case_specials-split() {
  for n in $SIZES; do
    local d="$work/ss-$n"; mkdir -p "$d"
    specials "$example" "$n" 1000 >"$d/d.yaml"
    run specials-split "$n" "$d" "$BIN" build d.yaml
  done
}

case_symlink-loops() {
  for n in $SIZES; do
    local files=$((n / 10))
    local d="$work/ln-$n"; mkdir -p "$d"
    for i in $(seq "$files"); do printf 'loai: cong_van\nco_quan: A\nso: %s\nngay: 2026-01-02\n' "$i" >"$d/v$i.yaml"; done
    ln -s . "$d/x"; ln -s . "$d/y"
    run symlink-loops "$files" "$d" "$BIN" list .
  done
}

all=(typo-lookup extends-ids cite-diamond trich-yeu specials-para specials-split symlink-loops)
echo "binary: $BIN; sizes: $SIZES; cap: 3 GiB, ${TIMEOUT} s per run"
printf '%-16s %8s %5s %9s %8s  %s\n' case items exit seconds "peak MB" "first message line"
for c in "${@:-${all[@]}}"; do "case_$c"; done
