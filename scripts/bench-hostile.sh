#!/usr/bin/env bash
# Prints time and peak memory of vanban on each hostile input of issue 22
# (a benchmark, not a test): exit code, wall seconds, peak resident MB.
# Each run is capped at 3 GiB of address space and TIMEOUT seconds
# (default 60; `timeout` reports 124). Expected after the fixes: every
# case under 10 s and 500 MB, exit 0 (all text present) or 1 (a located
# message), never 134 (abort) or 101 (panic).
# Usage: scripts/bench-hostile.sh [CASE…]   (BIN=path/to/vanban to compare
# binaries; default: the debug build, built if needed)
set -uo pipefail
cd "$(dirname "$0")/.."
if [ -z "${BIN:-}" ]; then cargo build -q --bin vanban; BIN=$PWD/target/debug/vanban; fi
TIMEOUT=${TIMEOUT:-60}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
example=$PWD/data/examples/cong-van.yaml
head_of() { sed -n '/^nguoi_ky:/q;p' "$example"; }   # the example up to nguoi_ky
signer() { printf 'nguoi_ky:\n  quyen_han: KT. TRƯỞNG PHÒNG\n  chuc_vu: PHÓ TRƯỞNG PHÒNG\n  ho_ten: Bùi Văn Nhựt\n'; }


run_case() { # name, command…: prints name, exit code, seconds, MB
  local name=$1; shift
  local t="$work/$name/.time"
  ( cd "$work/$name" && /usr/bin/time -o "$t" -f '%e %M' timeout "$TIMEOUT" prlimit --as=3221225472 "$@" >"$work/$name/.out" 2>&1 )
  local rc=$?
  read -r secs kb < <(tail -1 "$t")
  printf '%-26s exit %3s %8.2f s %7.0f MB  %s\n' "$name" "$rc" "$secs" "$((kb / 1024))" \
    "$(grep -m1 -E 'error|lỗi|panicked|overflow|giới hạn|không phải' "$work/$name/.out" | cut -c1-90)"
}

mk() { mkdir -p "$work/$1"; }

case_noi_nhan() { # 60, 120, 500 recipients
  for n in 60 120 500; do
    mk "noi-nhan-$n"
    { head_of; signer; echo 'noi_nhan:'; for i in $(seq "$n"); do echo "  - Trường Tiểu học số $i"; done; echo '  - "Lưu: VT, GDTX"'; } >"$work/noi-nhan-$n/d.yaml"
    run_case "noi-nhan-$n" "$BIN" build d.yaml
    printf '%26s lines of recipients in the PDF: %s, Lưu line: %s\n' "" \
      "$(pdftotext "$work/noi-nhan-$n/d.pdf" - 2>/dev/null | grep -c 'Trường Tiểu học số')" \
      "$(pdftotext "$work/noi-nhan-$n/d.pdf" - 2>/dev/null | grep -c 'Lưu: VT')"
  done
}

case_footnotes() { # 20 000 nested footnotes (60 KB)
  mk footnotes-20000
  python3 - "$work/footnotes-20000/d.yaml" "$example" <<'PY'
import sys
text = open(sys.argv[2]).read().replace("  - Trân trọng./.", '  - "' + "^[" * 20000 + "x" + "]" * 20000 + '"\n  - Trân trọng./.')
open(sys.argv[1], "w").write(text)
PY
  run_case footnotes-20000 "$BIN" build d.yaml
}

case_templates() {
  mk template-1000x3MB
  { sed -n '/^noi_dung:/q;p' "$example"; echo 'noi_dung:'; for _ in $(seq 1000); do echo "  - \"{{ 'x' * 3000000 }}\""; done; sed -n '/^nguoi_ky:/,$p' "$example"; } >"$work/template-1000x3MB/d.yaml"
  run_case template-1000x3MB "$BIN" build d.yaml
  mk trich-yeu-template-3MB
  sed "s/^trich_yeu: .*/trich_yeu: \"{{ 'x' * 3000000 }}\"/" "$example" >"$work/trich-yeu-template-3MB/d.yaml"
  run_case trich-yeu-template-3MB "$BIN" build d.yaml
  mk bien-3MB-x1000
  python3 - "$work/bien-3MB-x1000/d.yaml" "$example" <<'PY'
import sys
t = open(sys.argv[2]).read()
head, rest = t.split("noi_dung:\n", 1)
tail = rest[rest.index("nguoi_ky:"):]
body = "".join('  - "{{ lon }}"\n' for _ in range(1000))
open(sys.argv[1], "w").write(head + "bien:\n  lon: " + "x" * 3_000_000 + "\nnoi_dung:\n" + body + tail)
PY
  run_case bien-3MB-x1000 "$BIN" build d.yaml
  mk alias-3MB-x1000
  python3 - "$work/alias-3MB-x1000/d.yaml" "$example" <<'PY'
import sys
t = open(sys.argv[2]).read()
head, rest = t.split("noi_dung:\n", 1)
tail = rest[rest.index("nguoi_ky:"):]
body = "  - &lon " + "x" * 3_000_000 + "\n" + "".join("  - *lon\n" for _ in range(1000))
open(sys.argv[1], "w").write(head + "noi_dung:\n" + body + tail)
PY
  run_case alias-3MB-x1000 "$BIN" build d.yaml
}

png() { # out, width, height, bit depth, colour type (raw IDAT of zero rows)
  python3 - "$@" <<'PY'
import struct, sys, zlib
out, w, h, depth, ctype = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
chans = {0: 1, 2: 3, 6: 4}[ctype]
row = b"\0" + b"\0" * ((w * chans * depth + 7) // 8)
z = zlib.compressobj(9)
data = b"".join(z.compress(row) for _ in range(h)) + z.flush()
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
open(out, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, ctype, 0, 0, 0)) + chunk(b"IDAT", data) + chunk(b"IEND", b""))
PY
}

case_images() {
  mk png-1bit-50000
  png "$work/png-1bit-50000/ck.png" 50000 50000 1 0
  { head_of; signer; echo '  chu_ky: ck.png'; sed -n '/^noi_nhan:/,$p' "$example"; } >"$work/png-1bit-50000/d.yaml"
  run_case png-1bit-50000 "$BIN" build d.yaml
  mk png-rgba-40000
  png "$work/png-rgba-40000/ck.png" 40000 40000 8 6
  { head_of; signer; echo '  chu_ky: ck.png'; sed -n '/^noi_nhan:/,$p' "$example"; } >"$work/png-rgba-40000/d.yaml"
  run_case png-rgba-40000 "$BIN" build d.yaml
  mk svg-fifo; mkfifo "$work/svg-fifo/p.png"
  echo '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="50"><image href="p.png" width="100" height="50"/></svg>' >"$work/svg-fifo/ck.svg"
  { head_of; signer; echo '  chu_ky: ck.svg'; sed -n '/^noi_nhan:/,$p' "$example"; } >"$work/svg-fifo/d.yaml"
  run_case svg-fifo "$BIN" build d.yaml
  mk svg-sparse-2GB; truncate -s 2G "$work/svg-sparse-2GB/big.png"
  echo '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><image href="big.png" width="100" height="50"/></svg>' >"$work/svg-sparse-2GB/ck.svg"
  { head_of; signer; echo '  chu_ky: ck.svg'; sed -n '/^noi_nhan:/,$p' "$example"; } >"$work/svg-sparse-2GB/d.yaml"
  run_case svg-sparse-2GB "$BIN" build d.yaml
}

case_files() {
  mk dev-zero; cp "$example" "$work/dev-zero/a.yaml"; ln -s /dev/zero "$work/dev-zero/x.yaml"
  run_case dev-zero "$BIN" list .
  mk fifo-document; mkfifo "$work/fifo-document/d.yaml"
  run_case fifo-document "$BIN" build d.yaml
  mk fifo-extends; mkfifo "$work/fifo-extends/p.yaml"; { echo 'extends: p.yaml'; cat "$example"; } >"$work/fifo-extends/d.yaml"
  run_case fifo-extends "$BIN" build d.yaml
  mk symlink-loops; cp "$example" "$work/symlink-loops/a.yaml"; ln -s . "$work/symlink-loops/x"; ln -s . "$work/symlink-loops/y"
  run_case symlink-loops "$BIN" list .
}

case_panics() {
  mk cong-ngay-overflow
  sed "s/^trich_yeu: .*/trich_yeu: \"{{ '2023-10-02' | cong_ngay(100000000) }}\"/" "$example" >"$work/cong-ngay-overflow/d.yaml"
  run_case cong-ngay-overflow "$BIN" build d.yaml
  mk new-year-min; cp "$example" "$work/new-year-min/d.yaml"
  run_case new-year-min "$BIN" new --from d.yaml --year=-2147483648
}

case_cite() { # each level cites the next three times, 26 levels
  mk cite-diamond-26
  for i in $(seq 0 25); do
    n=$((i + 1))
    if [ "$i" -lt 25 ]; then cites="thuc_hien: [c$n.yaml, c$n.yaml, c$n.yaml]"; else cites=""; fi
    sed "s/^so: .*/so: $i/" "$example" | { cat; echo "$cites"; } >"$work/cite-diamond-26/c$i.yaml"
  done
  run_case cite-diamond-26 "$BIN" build c0.yaml
}

case_slow() {
  mk typo-10000-items
  { sed -n '/^noi_dung:/q;p' "$example"; echo 'noi_dung:'; for i in $(seq 10000); do echo "  - Đoạn $i"; done; echo '  - gach: [a]'; echo '    khong_co: 1'; sed -n '/^nguoi_ky:/,$p' "$example"; } >"$work/typo-10000-items/d.yaml"
  run_case typo-10000-items "$BIN" check d.yaml
  mk extends-5000-ids
  { sed -n '/^noi_dung:/q;p' "$example"; echo 'noi_dung:'; for i in $(seq 5000); do echo "  - id: d$i"; echo "    doan: Đoạn $i"; done; sed -n '/^nguoi_ky:/,$p' "$example"; } >"$work/extends-5000-ids/p.yaml"
  { echo 'extends: p.yaml'; echo 'noi_dung:'; for i in $(seq 5000 -1 1); do echo "  - id: d$i"; echo "    doan: Sửa $i"; done; } >"$work/extends-5000-ids/d.yaml"
  run_case extends-5000-ids "$BIN" check d.yaml
  mk trich-yeu-200KB
  python3 -c "import sys; t=open(sys.argv[1]).read().split('\n'); print('\n'.join('trich_yeu: ' + 'chữ ' * 50000 if l.startswith('trich_yeu:') else l for l in t))" "$example" >"$work/trich-yeu-200KB/d.yaml"
  run_case trich-yeu-200KB "$BIN" build d.yaml
  mk stars-1MB
  python3 -c "import sys; t=open(sys.argv[1]).read(); print(t.replace('  - Trân trọng./.', '  - \"' + '*' * 1000000 + '\"\n  - Trân trọng./.'))" "$example" >"$work/stars-1MB/d.yaml"
  run_case stars-1MB "$BIN" build d.yaml
  mk specials-1MB
  python3 -c "import sys; t=open(sys.argv[1]).read(); print(t.replace('  - Trân trọng./.', '  - \'' + '#[]\$\\\\' * 200000 + '\'\n  - Trân trọng./.'))" "$example" >"$work/specials-1MB/d.yaml"
  run_case specials-1MB "$BIN" build d.yaml
}

all=(noi_nhan footnotes templates images files panics cite slow)
echo "binary: $BIN; cap: 3 GiB address space, ${TIMEOUT} s"
printf '%-26s %8s %10s %10s  %s\n' case "" time peak "first message line"
for c in "${@:-${all[@]}}"; do "case_$c"; done
