#!/usr/bin/env bash
# Prints how long signing takes (a benchmark, not a test): `vanban ky` of a
# one-page công văn with a PKCS#12 file (RSA 2048, the usual key of a
# Vietnamese soft certificate or token), in a fresh process each time,
# end to end: reading the .p12 (password from the environment), the PDF,
# the appearance image, the CMS signature and writing the update.
# Target (issue 20): at most 100 ms.
# Usage: scripts/bench-sign.sh [RUNS]   (builds the release binary if needed;
# PROFILE=dev uses the dev build instead, whose dependencies, the crypto
# included, are optimised too: `[profile.dev.package."*"] opt-level = 2`)
#
# The keys are throwaway ones made by openssl in a temporary folder that is
# deleted at the end; nothing is written into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
if [ "${PROFILE:-release}" = dev ]; then
  cargo build -q; bin=$PWD/target/debug/vanban
else
  cargo build --release -q; bin=$PWD/target/release/vanban
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export VANBAN_MAT_KHAU=bench-only-throwaway

# A throwaway CA and signer.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/ca.key" -out "$work/ca.pem" \
  -days 2 -subj "/CN=bench CA" -addext basicConstraints=critical,CA:TRUE 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout "$work/ky.key" -out "$work/ky.csr" \
  -subj "/CN=Nguyen Van A/O=bench" 2>/dev/null
openssl x509 -req -in "$work/ky.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" \
  -CAcreateserial -out "$work/ky.pem" -days 2 2>/dev/null
openssl pkcs12 -export -inkey "$work/ky.key" -in "$work/ky.pem" -certfile "$work/ca.pem" \
  -out "$work/ky.p12" -passout env:VANBAN_MAT_KHAU

# The document: the example công văn with a signature image.
mkdir -p "$work/doc/anh"
touch "$work/doc/vanban.toml"
cp tests/fixtures/images/chu-ky.png "$work/doc/anh/"
sed -e '/^nguoi_ky:/a\  chu_ky: anh/chu-ky.png' data/examples/cong-van.yaml > "$work/doc/cv.yaml"
(cd "$work/doc" && "$bin" build cv.yaml --ky-so --pdf-a -o ready >/dev/null)
pages=$(pdfinfo "$work/doc/ready/cv.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')

t=()
for i in $(seq "$runs"); do
  cp "$work/doc/ready/cv.pdf" "$work/run.pdf"
  s=$(date +%s%N)
  "$bin" ky "$work/run.pdf" --p12 "$work/ky.p12" --anh "$work/doc/anh/chu-ky.png" >/dev/null
  e=$(date +%s%N)
  t+=($(( (e - s) / 1000 )))
done
printf '%s\n' "${t[@]}" | sort -n | awk -v runs="$runs" -v pages="${pages:-?}" '
  {a[NR]=$1}
  END {
    printf "vanban ky ('"${PROFILE:-release}"' build), công văn of %s page(s), PKCS#12 RSA 2048, %d runs (fresh process each):\n", pages, runs
    printf "  min %.1f ms, median %.1f ms, max %.1f ms (target: <= 100 ms)\n", a[1]/1000, a[int((NR+1)/2)]/1000, a[NR]/1000
  }'
pdfsig -nocert "$work/run.pdf" | grep -E "Signature Validation|Total document" | sed 's/^/  pdfsig: /'
