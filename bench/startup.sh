#!/usr/bin/env bash
# Start-up time to ready (readiness probe answers 200) and memory after start, embedded default,
# fresh data folder each run (first start: migrations, key generation, admin creation).
set -euo pipefail
runs="${1:-5}"
jar=minsheng-app/target/minsheng.jar
port=18123
for i in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  start=$(date +%s%N)
  MINSHENG_ADMIN_PASSWORD=Bench-Admin-2026 java -jar "$jar" --server.port=$port --minsheng.data-dir="$data" \
    --logging.level.root=WARN > "$data/out.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://localhost:$port/actuator/health/readiness"; do sleep 0.05; done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 5
  rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  heap=$(jcmd $pid GC.heap_info 2>/dev/null | awk '/garbage-first heap/ {for (i=1;i<=NF;i++) if ($i=="used") {print int($(i+1)/1024); exit}}')
  echo "run $i: ready in ${ready} ms, RSS ${rss} MiB, heap used ${heap:-?} MiB"
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$data"
done
