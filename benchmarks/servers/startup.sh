#!/usr/bin/env bash
# Start-up time of a Spring Boot application whose server binds from a block, with a second block of 16 ports
# beside it, against two baselines: the same application on server.port=0 with the library present but no block
# ("unused"), and on server.port=0 without the library ("plain"). Each round starts one JVM of each, in an order
# that turns from round to round, and reads the JVM's uptime when the application is ready. Prints the median of
# each and the ratios of the block's to each baseline's.
#
#   benchmarks/servers/startup.sh [rounds] [server...]
#   (defaults: 15 rounds; tomcat jetty netty)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-15}
servers=("${@:2}")
[ ${#servers[@]} -gt 0 ] || servers=(tomcat jetty netty)
modes=(block unused plain)

. benchmarks/servers/launcher.sh

ready_millis() { # server type mode
  java "${java_options[@]}" -cp "$(classpath_for "$3")" org.portreservation.boot.autoconfigure.ServerBenchmarkApplication \
    "$@" startup | awk '/^ready / {print $2}' | grep . || { echo "$* did not start" >&2; exit 1; }
}

printf '%-8s %-9s %10s %10s %10s %13s %12s\n' server type block unused plain block/unused block/plain
for server in "${servers[@]}"; do
  type=servlet
  [ "$server" = netty ] && type=reactive
  ready_millis "$server" "$type" block >/dev/null   # warm the file cache
  declare -A times=()
  for round in $(seq "$rounds"); do
    for i in 0 1 2; do
      mode=${modes[$(((round + i) % 3))]}
      times[$mode]+="$(ready_millis "$server" "$type" "$mode") "
    done
  done
  declare -A medians=()
  for mode in "${modes[@]}"; do
    medians[$mode]=$(tr ' ' '\n' <<<"${times[$mode]}" | grep . | median)
  done
  printf '%-8s %-9s %8.0fms %8.0fms %8.0fms %13.3f %12.3f\n' "$server" "$type" "${medians[block]}" "${medians[unused]}" \
    "${medians[plain]}" "$(echo "${medians[block]} / ${medians[unused]}" | bc -l)" \
    "$(echo "${medians[block]} / ${medians[plain]}" | bc -l)"
done
