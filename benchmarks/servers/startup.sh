#!/usr/bin/env bash
# Start-up time of a Spring Boot application whose server binds from a block, with a second block of 16 ports
# beside it, against the same application on server.port=0 without the library: each round starts one JVM of
# each, in alternating order, and reads the JVM's uptime when the application is ready. Prints the median of each
# and their ratio.
#
#   benchmarks/servers/startup.sh [rounds] [server...]
#   (defaults: 15 rounds; tomcat jetty netty)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-15}
servers=("${@:2}")
[ ${#servers[@]} -gt 0 ] || servers=(tomcat jetty netty)

. benchmarks/servers/launcher.sh

ready_millis() { # server type mode
  java "${java_options[@]}" -cp "$(classpath_for "$3")" org.portreservation.boot.autoconfigure.ServerBenchmarkApplication \
    "$@" startup | awk '/^ready / {print $2}' | grep . || { echo "$* did not start" >&2; exit 1; }
}

printf '%-8s %-9s %10s %10s %7s\n' server type block plain ratio
for server in "${servers[@]}"; do
  type=servlet
  [ "$server" = netty ] && type=reactive
  ready_millis "$server" "$type" block >/dev/null   # warm the file cache
  block_times=(); plain_times=()
  for round in $(seq "$rounds"); do
    if [ $((round % 2)) = 1 ]; then
      block_times+=("$(ready_millis "$server" "$type" block)"); plain_times+=("$(ready_millis "$server" "$type" plain)")
    else
      plain_times+=("$(ready_millis "$server" "$type" plain)"); block_times+=("$(ready_millis "$server" "$type" block)")
    fi
  done
  b=$(printf '%s\n' "${block_times[@]}" | median)
  p=$(printf '%s\n' "${plain_times[@]}" | median)
  printf '%-8s %-9s %8.0fms %8.0fms %7.3f\n' "$server" "$type" "$b" "$p" "$(echo "$b / $p" | bc -l)"
done
