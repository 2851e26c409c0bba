#!/usr/bin/env bash
# Builds a Debian package of vanban (target/debian/vanban_*.deb) so that an
# office machine can have it without a Rust toolchain:
#   sudo apt install ./vanban_0.1.0-1_amd64.deb
# Needs cargo-deb, which this script installs once if missing
# (`cargo install cargo-deb --locked`, a few minutes). Not run by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-deb >/dev/null 2>&1 || cargo install cargo-deb --locked
cargo deb "$@"
deb=$(ls -t target/debian/vanban_*.deb | head -1)
echo "$deb"
dpkg-deb --info "$deb" | sed -n '/Package:/,/Description:/p'
dpkg-deb --contents "$deb"
