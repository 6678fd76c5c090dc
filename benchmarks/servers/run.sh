#!/usr/bin/env bash
# Requests per second of each embedded server (Tomcat, Jetty, Reactor Netty) bound from a block against the same server bound plainly
# (server.port=0, without the library on the class path), side by side: both run at once, and wrk loads them in interleaved rounds, so that
# whatever else the machine does weighs on both alike. Prints the median of each and their ratio.
#
#   benchmarks/servers/run.sh [rounds] [seconds per round] [server...]
#   (defaults: 5 rounds of 10 s; tomcat jetty netty)
#   MODES="plain plain" benchmarks/servers/run.sh ...   # the control: two plain servers, whose ratio shows the
#                                                       # harness's own bias (default MODES="block plain"; "unused"
#                                                       # is server.port=0 with the library present and no block)
#
# Needs wrk (installed through apt-get when missing and run as root) and a build of the project
# (mvn -B -DskipTests install is not needed: the script builds what it runs).
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
seconds=${2:-10}
servers=("${@:3}")
[ ${#servers[@]} -gt 0 ] || servers=(tomcat jetty netty)
read -r -a modes <<<"${MODES:-block plain}"

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "wrk is missing: install it (Debian/Ubuntu: apt-get install wrk)" >&2
    exit 1
  fi
fi

. benchmarks/servers/launcher.sh

work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
start() { # name server type mode: runs the server in the background and sets port
  local cp
  cp=$(classpath_for "$4")
  rm -f "$work/$1.out" "$work/$1.err"   # the previous server's, which would be read before this one's is written
  java "${java_options[@]}" -cp "$cp" org.portreservation.boot.autoconfigure.ServerBenchmarkApplication \
    "${@:2}" >"$work/$1.out" 2>"$work/$1.err" &
  pids+=($!)
  for _ in $(seq 600); do
    grep -qs '^port ' "$work/$1.out" && break
    sleep 0.1
  done
  port=$(grep '^port ' "$work/$1.out" | cut -d' ' -f2) || { cat "$work/$1.err" >&2; exit 1; }
}

requests_per_second() { # fails unless every answer was a 200 with the body hello
  curl -fsS "http://127.0.0.1:$1/hello" | grep -qx hello || { echo "port $1 did not answer hello" >&2; exit 1; }
  wrk -t1 -c16 -d"${seconds}s" "http://127.0.0.1:$1/hello" |
    awk '/Non-2xx|Socket errors/ {print "wrk: " $0 > "/dev/stderr"; bad = 1} /Requests\/sec/ {rate = $2}
         END {if (bad || rate == "") exit 1; print rate}'
}

printf '%-8s %-9s %12s %12s %7s\n' server type "${modes[0]}" "${modes[1]}" ratio
for server in "${servers[@]}"; do
  types="servlet reactive"
  [ "$server" = netty ] && types=reactive
  for type in $types; do
    start first "$server" "$type" "${modes[0]}"; first=$port
    start second "$server" "$type" "${modes[1]}"; second=$port
    wrk -t1 -c16 -d10s "http://127.0.0.1:$first/hello" >/dev/null   # warm up both
    wrk -t1 -c16 -d10s "http://127.0.0.1:$second/hello" >/dev/null
    first_rates=(); second_rates=()
    for round in $(seq "$rounds"); do
      if [ $((round % 2)) = 1 ]; then
        first_rates+=("$(requests_per_second "$first")"); second_rates+=("$(requests_per_second "$second")")
      else
        second_rates+=("$(requests_per_second "$second")"); first_rates+=("$(requests_per_second "$first")")
      fi
    done
    f=$(printf '%s\n' "${first_rates[@]}" | median)
    s=$(printf '%s\n' "${second_rates[@]}" | median)
    printf '%-8s %-9s %12.0f %12.0f %7.3f\n' "$server" "$type" "$f" "$s" "$(echo "$f / $s" | bc -l)"
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
    pids=()
  done
done
