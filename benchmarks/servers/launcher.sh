# Sourced by the scripts beside it: builds the launcher of the benchmark servers
# (ServerBenchmarkApplication, in the auto-configuration's test classes) and the library's jars, and sets
# $java_options and classpath_for() to run it, and median() of numbers on stdin. Run from the
# project's root.
#
# Both servers run on the module's test class path less this library, Spring Security and DevTools (the module
# carries the last two for a few tests of its own: with them, every request would answer 401 through Security's
# filter chain and open an HTTP session, and DevTools would start a LiveReload server in each JVM). The server from
# a block adds the library as an application's build gives it: its jars and JNA's, after the rest, rather than the
# build's class directories ahead of every jar, each of which the JVM would search for every class it loads.
mvn -B -q -pl reservation-spring-boot-autoconfigure -am -DskipTests -Dspring-javaformat.skip=true \
  -Dmaven.javadoc.skip=true -Dmaven.source.skip=true package \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath >/dev/null
module=reservation-spring-boot-autoconfigure
library="/reservation-core/|/net/java/dev/jna/"
dependencies=$(tr ':' '\n' <$module/target/benchmark.classpath)
plain_classpath="$module/target/test-classes:$(grep -v -E "$library" <<<"$dependencies" |
  grep -v -E '/org/springframework/security/|/spring-boot-(starter-)?security/|/spring-boot-devtools/' | paste -sd:)"
library_classpath="$(ls $module/target/$module-*.jar | grep -v -E -- '-(sources|javadoc|tests)\.jar$'):$(
  grep -E "$library" <<<"$dependencies" | grep -v -E -- '-tests\.jar$|/target/test-classes$' | paste -sd:)"
java_options=(--add-exports java.base/sun.nio.ch=ALL-UNNAMED)

classpath_for() { # block|unused|plain: a plain server runs without the library at all (its classes, the core and JNA)
  if [ "$1" = plain ]; then
    echo "$plain_classpath"
  else
    echo "$plain_classpath:$library_classpath"
  fi
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
