#!/usr/bin/env bash
# Time from `java -jar allmende.jar serve` to the first 200 from /health/ready, and the JVM's RSS
# 5 s later (idle). Usage: src/bench/startup.sh [runs]   (env: JAVA, JAVA_OPTS, ALLMENDE_* as for serve)
set -euo pipefail
runs=${1:-5}
JAVA=${JAVA:-java}
port=${ALLMENDE_HTTP_PORT:-18181}
export ALLMENDE_HTTP_PORT=$port ALLMENDE_PUBLIC_URL=${ALLMENDE_PUBLIC_URL:-http://127.0.0.1:$port}
export ALLMENDE_DATA_DIR=${ALLMENDE_DATA_DIR:-/tmp/allmende-bench-data}
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  $JAVA ${JAVA_OPTS:-} -jar target/allmende.jar serve >/tmp/allmende-bench.log 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"; do
    kill -0 $pid 2>/dev/null || { echo "serve exited:"; tail -3 /tmp/allmende-bench.log; exit 1; }
    sleep 0.005
  done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 5
  rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  echo "run $i: ready after ${ready} ms, idle JVM RSS ${rss} MiB"
  kill -TERM $pid; wait $pid || true
done
