#!/usr/bin/env bash
# Coverage-guided fuzzing (Jazzer) beside the tests, for `mvn verify` (pom.xml, profile "fuzz").
#
#   beside-tests.sh start JAVA CLASSPATH SKIP [JVM OPTION...]
#                                               at process-test-classes: starts the fuzz targets in the background,
#                                               at the lowest CPU priority, two at a time, one JVM each, and returns
#   beside-tests.sh wait SKIP                   at integration-test: waits for them, prints their results, fails on any
#
# Why: the test forks leave about a quarter of the two cores idle while they wait on deadlines, peers and processes;
# fuzzing at nice 19 fills those gaps instead of running for a minute after the tests (BENCHMARKS.md "The whole
# suite"). Each target's budget is a number of runs (fuzz/FuzzBudget), so the fuzzing done is the same either way.
# The targets stop when the Maven process that started them ends (e.g. `mvn test`, which never reaches the wait).
set -euo pipefail
dir=target/fuzz-beside
# lane 1 and lane 2 run side by side; the two biggest targets first
lane1=(InboundJsonFuzzTest CavageSignatureHeaderFuzzTest IriFuzzTest)
lane2=(SignedRequestFuzzTest StructuredFieldFuzzTest DigestAndDateFuzzTest)

run_target() { # java classpath target [jvm option...]
  local instrument='de.allmende.**'
  # Jackson's parser instrumented only where the target reads JSON: its coverage guides the fuzzer to well-formed
  # documents; elsewhere instrumenting the classes a target merely loads costs seconds and runs per second.
  [ "$3" = InboundJsonFuzzTest ] && instrument='de.allmende.**,com.fasterxml.jackson.**'
  local status=0
  JAZZER_FUZZ=1 nice -n 19 "$1" -Xmx1g -XX:+EnableDynamicAgentLoading -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dorg.jooq.no-logo=true -Djazzer.instrument="$instrument" "${@:4}" -cp "$2" de.allmende.fuzz.FuzzRun "de.allmende.fuzz.$3" \
    > "$dir/$3.log" 2>&1 || status=$?
  echo "$status" > "$dir/$3.exit"
}

case "$1" in
  start)
    java=$2 classpath=$3
    [ "${4:-}" = true ] && exit 0
    shift 4 # the rest: JVM options for the targets, e.g. Jazzer's own settings
    rm -rf "$dir" && mkdir -p "$dir"
    maven=$PPID
    setsid bash -c '
      source "$0" functions-only
      dir='"$dir"'
      ( for t in '"${lane1[*]}"'; do run_target "$1" "$2" "$t" "${@:3}"; done ) &
      first=$!
      ( for t in '"${lane2[*]}"'; do run_target "$1" "$2" "$t" "${@:3}"; done ) &
      second=$!
      # the targets end with the Maven process that started them
      ( while kill -0 '"$maven"' 2>/dev/null; do sleep 1; done; kill -- -$$ ) &
      watchdog=$!
      wait $first $second || true
      touch "$dir/done"
      kill $watchdog 2>/dev/null || true
    ' "$0" "$java" "$classpath" "$@" < /dev/null > "$dir/runner.log" 2>&1 &
    echo "fuzzing beside the tests: ${lane1[*]} ${lane2[*]} (logs in $dir)"
    ;;
  functions-only)
    ;;
  wait)
    [ "${2:-}" = true ] && exit 0
    [ -d "$dir" ] || { echo "no fuzzing was started (process-test-classes did not run)" >&2; exit 1; }
    for _ in $(seq 1 10800); do [ -f "$dir/done" ] && break; sleep 1; done
    [ -f "$dir/done" ] || { echo "the fuzz targets did not end within 3 hours" >&2; exit 1; }
    failed=0
    for t in "${lane1[@]}" "${lane2[@]}"; do
      grep -h "^FUZZ RESULT\|^Done [0-9]* runs" "$dir/$t.log" || true
      if [ "$(cat "$dir/$t.exit" 2>/dev/null)" != 0 ]; then
        failed=1
        echo "---- $t failed (exit $(cat "$dir/$t.exit" 2>/dev/null || echo '?')); the end of $dir/$t.log:" >&2
        tail -60 "$dir/$t.log" >&2
      fi
    done
    exit $failed
    ;;
esac
