#!/usr/bin/env bash
# Builds the corpuslint wheel (python/): the Python package with this platform's
# corpuslint binary bundled, the way ruff ships its binary. No network: Go builds
# the binary from the module cache and python/build_wheel.py (standard library
# only, Debian's python3 is enough) writes the wheel.
#
#   scripts/build-wheel.sh [OUT_DIR]          # default dist/; prints the wheel's path
#   GOOS=linux GOARCH=arm64 scripts/build-wheel.sh   # another platform's wheel
#
# The binary is static (CGO_ENABLED=0), so one Linux wheel serves every glibc and
# musl distribution; it is tagged manylinux2014 and musllinux_1_1 for the CPU.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dist}"
export PATH="/usr/local/go/bin:$PATH"
goos="${GOOS:-$(go env GOOS)}"
goarch="${GOARCH:-$(go env GOARCH)}"
case "$goos/$goarch" in
  linux/amd64)   plat="manylinux_2_17_x86_64.manylinux2014_x86_64.musllinux_1_1_x86_64" ;;
  linux/arm64)   plat="manylinux_2_17_aarch64.manylinux2014_aarch64.musllinux_1_1_aarch64" ;;
  darwin/amd64)  plat="macosx_10_12_x86_64" ;;
  darwin/arm64)  plat="macosx_11_0_arm64" ;;
  windows/amd64) plat="win_amd64" ;;
  windows/arm64) plat="win_arm64" ;;
  *) echo "build-wheel.sh: no wheel platform tag for $goos/$goarch" >&2; exit 2 ;;
esac
exe=corpuslint
[ "$goos" = windows ] && exe=corpuslint.exe
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
CGO_ENABLED=0 GOOS="$goos" GOARCH="$goarch" go build -trimpath -ldflags "-s -w" -o "$tmp/$exe" ./cmd/corpuslint
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3   # Debian's, as CI has it
"$py" python/build_wheel.py --binary "$tmp/$exe" --plat "$plat" --out "$out"
