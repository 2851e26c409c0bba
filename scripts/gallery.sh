#!/usr/bin/env bash
# Regenerates the README gallery: page 1 of every example of
# data/examples/ as a small PNG under docs/gallery/ (NAME.png, about 330 ×
# 470 px, under 60 KB each), and with ALL=1 every page of every example
# under $OUT (default /tmp/vanban-gallery) for looking at them.
# Usage: scripts/gallery.sh            (builds the dev binary if needed)
# Needs pdftoppm (poppler-utils); optipng, when installed, shrinks the PNGs.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q
bin=$PWD/target/debug/vanban
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p docs/gallery
"$bin" build data/examples -o "$work" >/dev/null
for pdf in "$work"/*.pdf; do
  name=$(basename "$pdf" .pdf)
  # 40 dpi: A4 is 331 × 468 px, enough to see the form of each kind.
  pdftoppm -png -r 40 -f 1 -l 1 -singlefile "$pdf" "docs/gallery/$name"
  if command -v optipng >/dev/null; then optipng -quiet -o2 "docs/gallery/$name.png"; fi
  if [ "${ALL:-0}" = 1 ]; then
    out=${OUT:-/tmp/vanban-gallery}; mkdir -p "$out"
    pdftoppm -png -r 50 "$pdf" "$out/$name"
  fi
done
# Pictures of examples that no longer exist.
for png in docs/gallery/*.png; do
  [ -f "data/examples/$(basename "$png" .png).yaml" ] || rm -v "$png"
done
ls -l docs/gallery | awk 'NR > 1 { n++; s += $5; if ($5 > m) m = $5 } END { printf "%d pictures, %d KB in all, largest %d KB\n", n, s / 1024, m / 1024 }'
