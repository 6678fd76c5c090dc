# Sourced by the scripts beside it: builds the launcher of the benchmark servers
# (ServerBenchmarkApplication, in the auto-configuration's test classes) and sets
# $java_options and classpath_for() to run it, and median() of numbers on stdin. Run from the
# project's root.
#
# The class path is the module's test class path less Spring Security and DevTools, which it carries for a few tests
# of its own: with them, every request would answer 401 through Security's filter chain and open an HTTP session,
# and DevTools would start a LiveReload server in each JVM.
mvn -B -q -pl reservation-spring-boot-autoconfigure -am -DskipTests -Dspring-javaformat.skip=true test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath >/dev/null
module=reservation-spring-boot-autoconfigure
classpath="$module/target/test-classes:$module/target/classes:$(tr ':' '\n' <$module/target/benchmark.classpath |
  grep -v -E '/org/springframework/security/|/spring-boot-(starter-)?security/|/spring-boot-devtools/' | paste -sd:)"
java_options=(--add-exports java.base/sun.nio.ch=ALL-UNNAMED)

classpath_for() { # block|plain: a plain server runs without the library at all (its classes, the core and JNA)
  if [ "$1" = plain ]; then
    tr ':' '\n' <<<"$classpath" | grep -v -E "^$module/target/classes\$|/reservation-core/|/net/java/dev/jna/" | paste -sd:
  else
    echo "$classpath"
  fi
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
