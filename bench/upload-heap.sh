#!/usr/bin/env bash
# Measures what a large upload costs the gateway's heap: the gateway and the registry (the demo
# registry's sink) run in separate JVMs, the upload is streamed with curl, and the gateway's heap is
# sampled with jstat while it passes. Also prints start-up time and heap after start.
#
#   ./mvnw -B -pl gateway -am -DskipTests package && bench/upload-heap.sh [size-in-MiB]
#
# Loopback only; everything it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MIB=${1:-200}
JAR=gateway/target/registry-guard.jar
[ -f "$JAR" ] || { echo "build the jar first: ./mvnw -B -pl gateway -am -DskipTests package" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
REG_PORT=$(free_port); HTTPS_PORT=$(free_port); HTTP_PORT=$(free_port); MGMT_PORT=$(free_port)

java -cp "$JAR" -Dloader.main=io.registryguard.gateway.demo.DemoRegistryMain \
  org.springframework.boot.loader.launch.PropertiesLauncher "$REG_PORT" > "$WORK/registry.log" 2>&1 &
# Start-up is measured with the registry already up: on two cores, two JVMs starting together double it.
until grep -q "demo registry at" "$WORK/registry.log"; do sleep 0.2; done
START=$(date +%s%N)
GUARD_UPSTREAM_URL="http://127.0.0.1:$REG_PORT" java -Xms64m -Xmx512m -jar "$JAR" \
  --server.port="$HTTPS_PORT" --guard.tls.http-port="$HTTP_PORT" --management.server.port="$MGMT_PORT" \
  --guard.upstream.upload-paths=/legacy/,/pypi,/_demo/sink --logging.level.registryguard.access=warn \
  > "$WORK/gateway.log" 2>&1 &
GW_PID=$!
until curl -sf "http://127.0.0.1:$MGMT_PORT/actuator/health/readiness" > /dev/null; do
  kill -0 $GW_PID 2>/dev/null || { cat "$WORK/gateway.log"; exit 1; }
  sleep 0.2
done
READY_MS=$(( ($(date +%s%N) - START) / 1000000 ))
STARTED=$(grep -o 'Started RegistryGuardApplication in [0-9.]* seconds' "$WORK/gateway.log" || true)

heap_used_kib() { jstat -gc "$GW_PID" | awk 'NR==2 {printf "%d\n", $3+$4+$6+$8}'; }
jcmd "$GW_PID" GC.run > /dev/null
BEFORE=$(heap_used_kib)

head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom > "$WORK/upload.bin"
EXPECTED=$(sha256sum "$WORK/upload.bin" | cut -d' ' -f1)
( while kill -0 $GW_PID 2>/dev/null; do heap_used_kib; sleep 0.1; done ) > "$WORK/samples" &
SAMPLER=$!
T0=$(date +%s%N)
ANSWER=$(curl -sk --http2 -X POST -H 'Content-Type: application/octet-stream' -T "$WORK/upload.bin" \
  "https://127.0.0.1:$HTTPS_PORT/_demo/sink")
T1=$(date +%s%N)
kill $SAMPLER
jcmd "$GW_PID" GC.run > /dev/null
AFTER=$(heap_used_kib)
PEAK=$(sort -n "$WORK/samples" | tail -1)

echo "registry answer:        $ANSWER"
echo "expected sha256:        $EXPECTED"
echo "start-up:               ${STARTED:-?} (ready on management port after ${READY_MS} ms)"
echo "heap after start (GC):  $((BEFORE / 1024)) MiB"
echo "upload:                 ${SIZE_MIB} MiB in $(( (T1 - T0) / 1000000 )) ms"
echo "heap peak during:       $((PEAK / 1024)) MiB (young-generation garbage included)"
echo "heap after upload (GC): $((AFTER / 1024)) MiB (growth $(( (AFTER - BEFORE) / 1024 )) MiB)"
