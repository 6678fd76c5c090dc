#!/usr/bin/env bash
# Runs the same JMH benchmarks from two or more benchmark jars (say, built before and after a change) alternately,
# twice each, so that both meet the same machine state; prints each run's scores under the jar's name.
#
#   benchmarks/compare.sh "<benchmark regex>" before.jar after.jar [-- <JMH options>]
#   (default JMH options: -p protocol=TCP -wi 3 -i 5 -w 1 -r 1 -f 1)
#
# A jar of an older commit: git worktree add /tmp/old <commit> && (cd /tmp/old &&
#   mvn -B -q -pl benchmarks -am -DskipTests package) && cp /tmp/old/benchmarks/target/benchmarks.jar before.jar
set -euo pipefail
regex=$1
shift
jars=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do
  jars+=("$1")
  shift
done
[ $# -gt 0 ] && shift
options=("$@")
[ ${#options[@]} -gt 0 ] || options=(-p protocol=TCP -wi 3 -i 5 -w 1 -r 1 -f 1)
for round in 1 2; do
  for jar in "${jars[@]}"; do
    echo "== $jar, round $round"
    java -jar "$jar" "$regex" "${options[@]}" 2>&1 | grep -E '^[A-Z][A-Za-z]+Benchmarks\.'
  done
done
