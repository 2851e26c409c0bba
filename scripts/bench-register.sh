#!/usr/bin/env bash
# Prints the register's figures (a benchmark, not a test):
#  (a) `vanban cap-so --no-pdf` allocating and recording N numbers (default
#      10 000) in one project, one transaction, one YAML rewrite and one
#      fsync each: total time and numbers per second;
#  (b) the same with the PDF built for each of 200 documents;
#  (c) two processes allocating N/10 numbers each at the same time;
#  (d) exporting the N rows to XLSX, to CSV and to the printed PDF
#      (Typst, A4 landscape), with the PDF's page count.
# Usage: scripts/bench-register.sh [N]   (builds the release binary if needed;
# BIN=target/debug/vanban measures another build instead)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
if [ -z "${BIN:-}" ]; then
  cargo build --release -q
  bin=$PWD/target/release/vanban
else
  bin=$(realpath "$BIN")
fi
echo "binary: $bin"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

draft() { # a small công văn awaiting its number
  cat <<'YAML'
loai: cong_van
co_quan_chu_quan: UBND HUYỆN THỦ THỪA
co_quan: PHÒNG GIÁO DỤC VÀ ĐÀO TẠO
ky_hieu: PGDĐT
dia_danh: Thủ Thừa
ngay: 2026-03
trich_yeu: Báo cáo số liệu học sinh đầu năm học 2026-2027
kinh_gui: Các trường tiểu học, trung học cơ sở
noi_dung:
  - Đề nghị các trường gửi báo cáo đúng hạn.
nguoi_ky:
  quyen_han: KT. TRƯỞNG PHÒNG
  chuc_vu: PHÓ TRƯỞNG PHÒNG
  ho_ten: Nguyễn Văn A
noi_nhan:
  - Như trên
  - "Lưu: VT, TH"
YAML
}

make_project() { # DIR COUNT: a project with COUNT drafts
  mkdir -p "$1"; : > "$1/vanban.toml"; draft > "$1/d.yaml"
  for i in $(seq -w 1 "$2"); do cp "$1/d.yaml" "$1/cv-$i.yaml"; done
  rm "$1/d.yaml"
}

secs() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.2f", (e - s) / 1e9 }'; }

echo "(a) cap-so --no-pdf: $n numbers, one process"
make_project "$work/a" "$n"
s=$(date +%s%N)
(cd "$work/a" && ls cv-*.yaml | xargs "$bin" cap-so --no-pdf --date 2026-03-02 2>/dev/null)
e=$(date +%s%N)
t=$(secs "$s" "$e")
echo "    $t s, $(awk -v n="$n" -v t="$t" 'BEGIN { printf "%.0f", n / t }') numbers/s"
rows=$(sqlite3 "$work/a/so-van-ban.sqlite" "SELECT COUNT(*), MIN(number), MAX(number), COUNT(DISTINCT number) FROM entries" 2>/dev/null || echo "?")
echo "    register: count|min|max|distinct = $rows"

echo "(b) cap-so with the PDF built: 200 numbers, one process"
make_project "$work/b" 200
s=$(date +%s%N)
(cd "$work/b" && ls cv-*.yaml | xargs "$bin" cap-so --date 2026-03-02 >/dev/null 2>&1)
e=$(date +%s%N)
t=$(secs "$s" "$e")
echo "    $t s, $(awk -v t="$t" 'BEGIN { printf "%.1f", t * 1000 / 200 }') ms per document"

m=$((n / 10))
echo "(c) two processes at once, $m numbers each (--no-pdf)"
make_project "$work/c" $((2 * m))
s=$(date +%s%N)
(cd "$work/c" && ls cv-*.yaml | awk 'NR % 2' | xargs "$bin" cap-so --no-pdf --date 2026-03-02 2>/dev/null) &
(cd "$work/c" && ls cv-*.yaml | awk '!(NR % 2)' | xargs "$bin" cap-so --no-pdf --date 2026-03-02 2>/dev/null) &
wait
e=$(date +%s%N)
echo "    $(secs "$s" "$e") s; register: count|min|max|distinct = $(sqlite3 "$work/c/so-van-ban.sqlite" "SELECT COUNT(*), MIN(number), MAX(number), COUNT(DISTINCT number) FROM entries" 2>/dev/null || echo "?")"

echo "(d) exports of the $n rows of (a)"
for f in so.xlsx so.csv so.pdf; do
  s=$(date +%s%N)
  "$bin" so-dang-ky "$work/a" -o "$work/$f" 2>/dev/null
  e=$(date +%s%N)
  extra=""
  if [ "$f" = so.pdf ] && command -v pdfinfo >/dev/null; then
    extra=", $(pdfinfo "$work/$f" 2>/dev/null | awk '/^Pages:/ {print $2}') pages"
  fi
  echo "    $f: $(secs "$s" "$e") s, $(du -k "$work/$f" | cut -f1) KiB$extra"
done
