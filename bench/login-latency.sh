#!/usr/bin/env bash
# Latency of the login route through the gateway: wrong-password logins (a fresh username each, as a
# spray would send them) over HTTPS from one address, driven by wrk. Two runs: with the shipped
# policy (after the first few, almost all are 429 refusals) and with the login limits raised so that
# every attempt is read, forwarded to the demo registry and judged.
#
#   ./mvnw -B -q -pl gateway -am -DskipTests package && bench/login-latency.sh [jar] [seconds]
#
# Needs wrk (Debian package). Loopback only; everything it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-gateway/target/registry-guard.jar}
SECONDS_PER_RUN=${2:-20}
[ -f "$JAR" ] || { echo "build the jar first: ./mvnw -B -pl gateway -am -DskipTests package" >&2; exit 1; }
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
REG_PORT=$(free_port)
java -cp "$JAR" -Dloader.main=io.registryguard.gateway.demo.DemoRegistryMain \
  org.springframework.boot.loader.launch.PropertiesLauncher "$REG_PORT" > "$WORK/registry.log" 2>&1 &
until grep -q "demo registry at" "$WORK/registry.log"; do sleep 0.2; done

cat > "$WORK/login.lua" <<'LUA'
local counter = 0
request = function()
  counter = counter + 1
  local body = "csrf_token=t&username=user" .. counter .. "&password=wrong-password-" .. counter
  return wrk.format("POST", "/account/login/",
    {["Content-Type"] = "application/x-www-form-urlencoded", ["Accept"] = "text/html"}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f non2xx3xx=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
LUA

POLICY=$(unzip -p "$JAR" 'BOOT-INF/lib/ratelimit-config-*.jar' > "$WORK/policy.jar" && unzip -p "$WORK/policy.jar" io/registryguard/policy/policy.yaml)
printf '%s\n' "$POLICY" > "$WORK/shipped.yaml"
# raised: every limit becomes 10,000,000 per 5 minutes; risk scoring off
sed -E 's/bandwidths: \[.*\]/bandwidths: [10000000 per 5m]/' "$WORK/shipped.yaml" | awk 'BEGIN{r=0} /^risk:/{r=1} r&&/^  enabled:/{sub(/true/,"false")} {print}' > "$WORK/raised.yaml"

run() { # $1 = label, $2 = policy file
  local https http mgmt pid
  https=$(free_port); http=$(free_port); mgmt=$(free_port)
  GUARD_UPSTREAM_URL="http://127.0.0.1:$REG_PORT" GUARD_POLICY_FILE="$2" java -Xms256m -Xmx512m -jar "$JAR" \
    --server.port="$https" --guard.tls.http-port="$http" --management.server.port="$mgmt" \
    --logging.level.registryguard.access=warn --logging.level.io.registryguard=warn \
    --logging.level.registryguard.audit=warn > "$WORK/gateway-$1.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$mgmt/actuator/health/readiness" > /dev/null; do
    kill -0 $pid 2>/dev/null || { tail -50 "$WORK/gateway-$1.log"; exit 1; }
    sleep 0.3
  done
  wrk -t2 -c16 -d5s -s "$WORK/login.lua" "https://127.0.0.1:$https" > /dev/null   # warm-up
  echo "$1: $(wrk -t2 -c16 -d"${SECONDS_PER_RUN}s" -s "$WORK/login.lua" "https://127.0.0.1:$https" | grep RESULT)"
  kill $pid; wait $pid 2>/dev/null || true
}
echo "jar: $JAR ($(nproc) cores, $(java -version 2>&1 | head -1))"
run shipped-policy "$WORK/shipped.yaml"
run limits-raised "$WORK/raised.yaml"
