#!/usr/bin/env bash
# Builds and runs hold.c: the kernel's cost per socket when many are held at once, against one at a time.
#   benchmarks/kernel/run.sh [sockets]   (default 1024; needs gcc)
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
gcc -O2 -o "$out" hold.c
"$out" "${1:-1024}"
