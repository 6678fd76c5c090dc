#!/usr/bin/env bash
# Builds and runs hold.c: the kernel's cost per socket when many are held at once, against one at a time; then
# over.c: the kernel's cost of a server bound over a held placeholder, against a plain bind(0).
#   benchmarks/kernel/run.sh [sockets] [first of 16 free ports for over.c]   (defaults 1024, 20000; needs gcc)
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
gcc -O2 -o "$out" hold.c
"$out" "${1:-1024}"
gcc -O2 -o "$out" over.c
"$out" 100000 "${2:-20000}"
