#!/usr/bin/env bash
# Requests per second of each embedded server (Tomcat, Jetty, Reactor Netty) bound from a block against the same server bound plainly
# (server.port=0), side by side: both run at once, and wrk loads them in interleaved rounds, so that
# whatever else the machine does weighs on both alike. Prints the median of each and their ratio.
#
#   benchmarks/servers/run.sh [rounds] [seconds per round] [server...]
#   (defaults: 5 rounds of 10 s; tomcat jetty netty)
#
# Needs wrk (installed through apt-get when missing and run as root) and a build of the project
# (mvn -B -DskipTests install is not needed: the script builds what it runs).
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
seconds=${2:-10}
servers=("${@:3}")
[ ${#servers[@]} -gt 0 ] || servers=(tomcat jetty netty)

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "wrk is missing: install it (Debian/Ubuntu: apt-get install wrk)" >&2
    exit 1
  fi
fi

mvn -B -q -pl reservation-spring-boot-autoconfigure -am -DskipTests -Dspring-javaformat.skip=true test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath >/dev/null
module=reservation-spring-boot-autoconfigure
classpath="$module/target/test-classes:$module/target/classes:$(cat $module/target/benchmark.classpath)"
java_options=(--add-exports java.base/sun.nio.ch=ALL-UNNAMED)

work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
start() { # name server type mode: runs the server in the background and sets port
  java "${java_options[@]}" -cp "$classpath" org.portreservation.boot.autoconfigure.ServerBenchmarkApplication \
    "${@:2}" >"$work/$1.out" 2>"$work/$1.err" &
  pids+=($!)
  for _ in $(seq 600); do
    grep -q '^port ' "$work/$1.out" && break
    sleep 0.1
  done
  port=$(grep '^port ' "$work/$1.out" | cut -d' ' -f2) || { cat "$work/$1.err" >&2; exit 1; }
}

requests_per_second() {
  wrk -t1 -c16 -d"${seconds}s" "http://127.0.0.1:$1/hello" | awk '/Requests\/sec/ {print $2}'
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

printf '%-8s %-9s %12s %12s %7s\n' server type block plain ratio
for server in "${servers[@]}"; do
  types="servlet reactive"
  [ "$server" = netty ] && types=reactive
  for type in $types; do
    start block "$server" "$type" block; block=$port
    start plain "$server" "$type" plain; plain=$port
    wrk -t1 -c16 -d5s "http://127.0.0.1:$block/hello" >/dev/null   # warm up both
    wrk -t1 -c16 -d5s "http://127.0.0.1:$plain/hello" >/dev/null
    block_rates=(); plain_rates=()
    for round in $(seq "$rounds"); do
      if [ $((round % 2)) = 1 ]; then
        block_rates+=("$(requests_per_second "$block")"); plain_rates+=("$(requests_per_second "$plain")")
      else
        plain_rates+=("$(requests_per_second "$plain")"); block_rates+=("$(requests_per_second "$block")")
      fi
    done
    b=$(printf '%s\n' "${block_rates[@]}" | median)
    p=$(printf '%s\n' "${plain_rates[@]}" | median)
    printf '%-8s %-9s %12.0f %12.0f %7.3f\n' "$server" "$type" "$b" "$p" "$(echo "$b / $p" | bc -l)"
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
    pids=()
  done
done
