#!/usr/bin/env bash
# registry-guard side by side with an nginx reverse proxy and a bare Spring Cloud Gateway of the same versions, on
# loopback, in one run. It starts an nginx origin (a 1.2 KB index page at /simple/, a 1 MiB file under /packages/,
# a failed-login page, and an upload sink at /legacy/ that reads the whole body before it answers with the byte
# count), then one peer at a time in front of it: nginx (HTTP and HTTPS/h2), the bare gateway (bench/scg-bare, HTTP,
# then HTTPS/h2), registry-guard in memory (HTTP, then HTTPS) and registry-guard on a Redis started here (HTTP, then
# HTTPS). Each peer gets a warm-up, then wrk (-t2 -c32, HTTP/1.1, keep-alive) drives
#   index     GET /simple/ (1.2 KB)                       every answer must be 200
#   1 MiB     GET /packages/…/bench-1.0.tar.gz            every answer must be 200
#   step-up   POST /manage/account/token/, no session     the guard refuses (401); the others forward it (200)
#   login     wrong-password logins, 5,000 usernames from one address: the guard's shipped policy refuses most (429)
#             and forwards the rest (failure pages, 200); the others forward all
#   login, limits raised   the same with every limit at 10,000,000 per 5 min and risk scoring off (the policy file
#             is swapped under the running guard): every attempt read, forwarded and judged
# and curl uploads a 200 MiB file (POST /legacy/, no Authorization: a public path) with HTTP/1.1 as twine does, and
# over TLS also with HTTP/2, timed, with the JVM's heap sampled by jstat (growth after a full GC, and the peak with
# young garbage).
# It prints one table (rps, p50, p99, ratios to nginx and to the bare gateway, the answers seen) and writes it to
# bench/results/proxy-<date>.md. Ratios are what to compare across machines; absolute figures move with them.
#
#   ./mvnw -B -q -pl gateway -am -DskipTests package && bench/proxy.sh
#
# Settings (environment): DURATION seconds per measured run (8), WARMUP seconds per peer (10), UPLOAD_MIB (200),
# PEERS (all: "nginx scg guard guard-redis"), PROTOCOLS ("HTTP HTTPS"), JAR (gateway/target/registry-guard.jar), JAVA_OPTS for both JVMs
# ("-Xms512m -Xmx512m"), TLS_PROVIDER=jdk runs both JVMs on the JDK's TLS instead of OpenSSL, GUARD_ARGS extra
# arguments for the guard (e.g. --logging.level.registryguard.access=warn), KEEP=1 keeps the work directory.
# nginx logs access to a file, as the guard does (its access log at INFO); the bare gateway logs none.
# Needs nginx, wrk, redis-server, openssl, curl, a JDK (jstat, jcmd) and python3; downloads nothing. Loopback only;
# everything it starts is stopped on exit. With the defaults a run takes about 10 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-8}
WARMUP=${WARMUP:-10}
UPLOAD_MIB=${UPLOAD_MIB:-200}
PEERS=${PEERS:-nginx scg guard guard-redis}
PROTOCOLS=${PROTOCOLS:-HTTP HTTPS}
JAR=${JAR:-gateway/target/registry-guard.jar}
SCG_JAR=bench/scg-bare/target/scg-bare.jar
read -r -a JVM_OPTS <<< "${JAVA_OPTS:--Xms512m -Xmx512m}"
[ "${TLS_PROVIDER:-}" = jdk ] && JVM_OPTS+=(-Dio.netty.handler.ssl.noOpenSsl=true)
read -r -a EXTRA_GUARD_ARGS <<< "${GUARD_ARGS:-}"

missing=()
for tool in nginx wrk redis-server redis-cli openssl curl jstat jcmd python3; do
  command -v "$tool" > /dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "missing: ${missing[*]}. On Debian: apt-get install -y nginx-light wrk redis-server openssl curl python3" \
    "openjdk-17-jdk-headless" >&2
  exit 1
fi
[ -f "$JAR" ] || { echo "build the jar first: ./mvnw -B -pl gateway -am -DskipTests package" >&2; exit 1; }
if [[ " $PEERS " == *" scg "* ]] && [ ! -f "$SCG_JAR" ]; then
  echo "building the bare gateway: ./mvnw -B -q -Pbenchmark -pl bench/scg-bare package" >&2
  ./mvnw -B -q -Pbenchmark -pl bench/scg-bare package
fi

WORK=$(mktemp -d)
cleanup() {
  local pids
  pids=$(jobs -p)
  [ -n "$pids" ] && kill $pids 2>/dev/null
  wait 2>/dev/null
  if [ "${KEEP:-}" = 1 ]; then echo "work directory kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
log() { echo "[$(date +%T)] $*" >&2; }
fail() { echo "FAILED: $*" >&2; exit 1; }
PID=""        # the peer's JVM (for jstat); empty for nginx
wait_until() { # $1 = what, $2 = log file, $3 = seconds, then a command that succeeds once it is ready
  local what=$1 logfile=$2 deadline=$(($(date +%s) + $3))
  shift 3
  until "$@" > /dev/null 2>&1; do
    if [ "$(date +%s)" -ge "$deadline" ] || { [ -n "$PID" ] && ! kill -0 "$PID" 2>/dev/null; }; then
      tail -40 "$logfile" >&2
      fail "$what did not start"
    fi
    sleep 0.2
  done
}

# --- the origin's content, the certificate, the wrk scripts ------------------------------------------------------
mkdir -p "$WORK/www/simple" "$WORK/www/packages/aa/bb/cc" "$WORK/tmp"
chmod 755 "$WORK"; chmod 1777 "$WORK/tmp"   # nginx's workers run as nobody when started by root
python3 - "$WORK/www/simple/index.html" <<'PY'
import sys
links = "".join(f'    <a href="/simple/project-{i:02d}/">project-{i:02d}</a><br/>\n' for i in range(22))
page = f"<!DOCTYPE html>\n<html>\n  <head><meta name=\"pypi:repository-version\" content=\"1.1\"><title>Simple index</title></head>\n  <body>\n{links}  </body>\n</html>\n"
open(sys.argv[1], "w").write(page)
PY
INDEX_BYTES=$(stat -c %s "$WORK/www/simple/index.html")
FILE_PATH=/packages/aa/bb/cc/bench-1.0.tar.gz
head -c 1048576 /dev/urandom > "$WORK/www$FILE_PATH"
head -c "$((UPLOAD_MIB * 1048576))" /dev/urandom > "$WORK/upload.bin"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=localhost \
  -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2> /dev/null

# Every wrk run prints one RESULT line; the status tally costs wrk a little per answer, so only the runs whose
# answers differ by peer keep it (index and 1 MiB count non-2xx/3xx answers, and are checked with curl first).
WRK_DONE='
local threads = {}
function setup(thread) table.insert(threads, thread); thread:set("id", #threads) end
function done(summary, latency, requests)
  local statuses = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    if s then for code, n in pairs(s) do statuses[code] = (statuses[code] or 0) + n end end
  end
  local tally = ""
  for code, n in pairs(statuses) do tally = tally .. code .. "=" .. n .. "," end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.3f p99_ms=%.3f non2xx3xx=%d socket_errors=%d statuses=%s\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, e.status, e.connect + e.read + e.write + e.timeout, tally))
end'
WRK_TALLY='
statuses = {}
function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end'
printf '%s\n' "$WRK_DONE" > "$WORK/get.lua"
{ printf '%s\n' "$WRK_DONE" "$WRK_TALLY"; cat <<'LUA'
function request()
  return wrk.format("POST", "/manage/account/token/",
    {["Content-Type"] = "application/x-www-form-urlencoded", ["Accept"] = "text/html"}, "description=bench")
end
LUA
} > "$WORK/stepup.lua"
{ printf '%s\n' "$WRK_DONE" "$WRK_TALLY"; cat <<'LUA'
local counter = 0
function request()
  counter = counter + 1
  local user = "user" .. ((2 * counter + id) % 5000)
  local body = "csrf_token=t&username=" .. user .. "&password=wrong-password-" .. counter
  return wrk.format("POST", "/account/login/",
    {["Content-Type"] = "application/x-www-form-urlencoded", ["Accept"] = "text/html"}, body)
end
LUA
} > "$WORK/login.lua"

# --- the policies: shipped, and with every limit raised and risk scoring off (as bench/login-latency.sh) ----------
unzip -p "$JAR" 'BOOT-INF/lib/ratelimit-config-*.jar' > "$WORK/policy.jar"
unzip -p "$WORK/policy.jar" io/registryguard/policy/policy.yaml > "$WORK/shipped.yaml"
sed -E -e 's/bandwidths: \[.*\]/bandwidths: [10000000 per 5m]/' -e 's/^version: .*/version: bench-raised/' \
  "$WORK/shipped.yaml" | awk 'BEGIN{r=0} /^risk:/{r=1} r&&/^  enabled:/{sub(/true/,"false")} {print}' > "$WORK/raised.yaml"
grep -q 'version: bench-raised' "$WORK/raised.yaml" || fail "could not derive the raised policy"

# --- nginx: the origin, and the reverse proxy --------------------------------------------------------------------
nginx_common() { # $1 = name
  cat <<EOF
pid $WORK/$1.pid;
error_log $WORK/$1-error.log warn;
events { worker_connections 4096; }
EOF
}
nginx_temp_paths() { # $1 = name
  for t in client_body proxy fastcgi uwsgi scgi; do echo "  ${t}_temp_path $WORK/tmp/$1-$t;"; done
}
ORIGIN_PORT=$(free_port)
{ echo "worker_processes 1;"; nginx_common origin; cat <<EOF
http {
  access_log off;
  keepalive_requests 10000000;
$(nginx_temp_paths origin)
  server {
    listen 127.0.0.1:$ORIGIN_PORT;
    root $WORK/www;
    default_type text/html;
    location /simple/ { }
    location /packages/ { default_type application/octet-stream; }
    # Warehouse answers a wrong password with 200 and the form again.
    location = /account/login/ {
      return 200 '<!DOCTYPE html><html><body><form>Invalid or non-existent authentication information.</form></body></html>';
    }
    # proxy_pass reads the whole body (into a temp file) before it forwards anything: the answer, with the bytes
    # received, comes only after the last byte of the upload did. The body itself goes no further.
    location /legacy/ {
      client_max_body_size 4g;
      client_body_buffer_size 1m;
      proxy_pass_request_body off;
      proxy_set_header Content-Length "";
      proxy_set_header X-Received-Bytes \$request_length;
      proxy_pass http://127.0.0.1:$ORIGIN_PORT/_received;
    }
    location ^~ /_received { return 200 "received \$http_x_received_bytes"; }
    location / { return 200 "ok\n"; }
  }
}
EOF
} > "$WORK/origin.conf"
NGX_HTTP=$(free_port); NGX_HTTPS=$(free_port)
{ echo "worker_processes 2;"; nginx_common proxy; cat <<EOF
http {
  access_log $WORK/proxy-access.log;
  keepalive_requests 10000000;
$(nginx_temp_paths proxy)
  upstream origin { server 127.0.0.1:$ORIGIN_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$NGX_HTTP;
    listen 127.0.0.1:$NGX_HTTPS ssl http2;
    ssl_certificate $WORK/cert.pem;
    ssl_certificate_key $WORK/key.pem;
    ssl_protocols TLSv1.2 TLSv1.3;
    client_max_body_size 4g;
    location / {
      proxy_pass http://origin;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_request_buffering off;
    }
  }
}
EOF
} > "$WORK/proxy.conf"
nginx -c "$WORK/origin.conf" -g 'daemon off;' 2> "$WORK/origin-start.log" &
wait_until "the nginx origin" "$WORK/origin-error.log" 20 curl -sf -o /dev/null "http://127.0.0.1:$ORIGIN_PORT/simple/"

# --- measuring one peer ------------------------------------------------------------------------------------------
ROWS="$WORK/rows.tsv"
: > "$ROWS"
KIND=""       # nginx | scg | guard | guard-redis

wrk_run() { # $1 = script, $2 = url, $3 = seconds; prints the RESULT line
  local out
  out=$(wrk -t2 -c32 -d"$3s" --timeout 10s -s "$WORK/$1" "$2" 2>&1) || fail "wrk: $out"
  grep '^RESULT' <<< "$out" || fail "wrk printed no result: $out"
}
field() { sed -E "s/.*[ ]$1=([^ ]*).*/\1/" <<< "$2"; }

check_content() { # $1 = base url: the index and the file must come back whole, as 200
  local answer
  answer=$(curl -sk -o /dev/null -w '%{http_code} %{size_download}' "$1/simple/")
  [ "$answer" = "200 $INDEX_BYTES" ] || fail "$KIND $1/simple/ answered '$answer', expected '200 $INDEX_BYTES'"
  answer=$(curl -sk -o /dev/null -w '%{http_code} %{size_download}' "$1$FILE_PATH")
  [ "$answer" = "200 1048576" ] || fail "$KIND $1$FILE_PATH answered '$answer', expected '200 1048576'"
}

answers() { # $1 = RESULT line, $2 = expected statuses (e.g. "200" or "200 429"); "all 200" or a tally, flagged
  local result=$1 expected=$2 tally non socket total=0 unexpected=0 text=""
  tally=$(field statuses "$result"); non=$(field non2xx3xx "$result"); socket=$(field socket_errors "$result")
  if [ -n "$tally" ]; then
    for pair in ${tally//,/ }; do
      total=$((total + ${pair#*=}))
      [[ " $expected " == *" ${pair%=*} "* ]] || unexpected=$((unexpected + ${pair#*=}))
    done
    for pair in $(tr ',' '\n' <<< "$tally" | sort -t= -k2 -nr); do
      text+="${text:+, }${pair%=*}: $(python3 -c "print(f'{100*${pair#*=}/$total:.1f}%')")"
    done
  else
    unexpected=$non
    text="all $expected"
    [ "$non" -gt 0 ] && text="$non not 2xx/3xx"
  fi
  [ "$unexpected" -gt 0 ] && text+="; **$unexpected unexpected** (expected $expected)"
  [ "$socket" -gt 0 ] && text+="; **$socket socket errors**"
  echo "$text"
}

row() { # scenario tls rps p50 p99 answers
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$PEER_LABEL" "$3" "$4" "$5" "$6" >> "$ROWS"
}

measure() { # $1 = scenario, $2 = tls, $3 = script, $4 = url, $5 = expected statuses
  local result
  result=$(wrk_run "$3" "$4" "$DURATION")
  row "$1" "$2" "$(field rps "$result")" "$(field p50_ms "$result")" "$(field p99_ms "$result")" "$(answers "$result" "$5")"
  log "  $1 ($2): $(field rps "$result") rps, p99 $(field p99_ms "$result") ms"
}

policy_is_raised() { curl -s "http://127.0.0.1:$MGMT_PORT/actuator/policy" | grep -q '"version":"bench-raised"'; }

heap_kib() { jstat -gc "$PID" | awk 'NR==2 {printf "%d\n", $3+$4+$6+$8}'; }

upload() { # $1 = tls, $2 = base url, $3 = --http1.1 or --http2 (over TLS)
  local before after peak t0 t1 answer heap="" sampler
  if [ -n "$PID" ]; then jcmd "$PID" GC.run > /dev/null; before=$(heap_kib); fi
  if [ -n "$PID" ]; then ( while kill -0 "$PID" 2>/dev/null; do heap_kib; sleep 0.1; done ) > "$WORK/samples" & sampler=$!; fi
  t0=$(date +%s%N)
  answer=$(curl -sk "$3" -X POST -H 'Content-Type: application/octet-stream' -H 'Expect:' -T "$WORK/upload.bin" \
    -w ' %{http_code}' "$2/legacy/bench-upload") || answer="curl failed: $answer"
  t1=$(date +%s%N)
  local millis mibps
  millis=$(( (t1 - t0) / 1000000 ))
  mibps=$(python3 -c "print(f'{$UPLOAD_MIB / (($t1 - $t0) / 1e9):.1f}')")
  if [ -n "$PID" ]; then
    kill "$sampler"; wait "$sampler" 2>/dev/null || true
    jcmd "$PID" GC.run > /dev/null; after=$(heap_kib); peak=$(sort -n "$WORK/samples" | tail -1)
    heap="; heap +$(((after - before) / 1024)) MiB after GC, peak +$(((peak - before) / 1024)) MiB"
  fi
  local expected="received $(($(stat -c %s "$WORK/upload.bin")))"
  local text="200, origin got it whole"
  # The origin counts the request line and headers too: at least the file's size, never less.
  local got=${answer#received }; got=${got%% *}
  if [[ "$answer" != *" 200" ]] || ! [[ "$got" =~ ^[0-9]+$ ]] || [ "$got" -lt "${expected#received }" ]; then
    text="**$answer** (expected 200 and ≥ ${expected#received } bytes at the origin)"
  fi
  local protocol=HTTP/1.1
  [ "$3" = --http2 ] && protocol=h2
  row "upload ${UPLOAD_MIB} MiB, $protocol (MiB/s; its time)" "$1" "$mibps" "$millis" "" "$text$heap"
  log "  upload ($1, $protocol): $millis ms$heap"
}

warm_up() { # $1 = base url
  wrk_run get.lua "$1/simple/" "$WARMUP" > /dev/null
  for s in get.lua:$FILE_PATH stepup.lua: login.lua:; do wrk_run "${s%%:*}" "$1${s#*:}" 2 > /dev/null; done
}

run_peer() { # $1 = tls (HTTP|HTTPS), $2 = base url; KIND, PEER_LABEL, PID set
  local tls=$1 url=$2 guard=no
  [[ "$KIND" == guard* ]] && guard=yes
  check_content "$url"
  log "$PEER_LABEL $tls: warm-up ${WARMUP}s"
  warm_up "$url"
  measure "index" "$tls" get.lua "$url/simple/" "200"
  measure "1 MiB" "$tls" get.lua "$url$FILE_PATH" "200"
  if [ $guard = yes ]; then
    measure "step-up route, no session" "$tls" stepup.lua "$url" "401"
    measure "login, wrong passwords" "$tls" login.lua "$url" "200 429"
    cp "$WORK/raised.yaml" "$WORK/policy.next" && mv "$WORK/policy.next" "$WORK/policy.yaml"
    wait_until "the raised policy" "$WORK/$KIND-$tls.log" 30 policy_is_raised
    wrk_run login.lua "$url" 2 > /dev/null
    measure "login, limits raised" "$tls" login.lua "$url" "200"
  else
    measure "step-up route, no session" "$tls" stepup.lua "$url" "200"
    measure "login, wrong passwords" "$tls" login.lua "$url" "200"
  fi
  upload "$tls" "$url" --http1.1
  [ "$tls" = HTTPS ] && upload "$tls" "$url" --http2
  return 0
}

stop_jvm() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }

start_scg() { # $1 = HTTP|HTTPS
  local port profile=()
  port=$(free_port)
  [ "$1" = HTTPS ] && profile=(--spring.profiles.active=tls)
  ORIGIN_URL="http://127.0.0.1:$ORIGIN_PORT" PORT=$port TLS_CERTIFICATE="$WORK/cert.pem" TLS_PRIVATE_KEY="$WORK/key.pem" \
    java "${JVM_OPTS[@]}" -jar "$SCG_JAR" "${profile[@]}" > "$WORK/scg-$1.log" 2>&1 &
  PID=$!
  BASE="http://127.0.0.1:$port"; [ "$1" = HTTPS ] && BASE="https://127.0.0.1:$port"
  wait_until "bare SCG ($1)" "$WORK/scg-$1.log" 180 curl -sk -o /dev/null "$BASE/simple/"
}

start_guard() { # $1 = HTTP|HTTPS, $2 = redis url or empty
  local port env=() args=()
  port=$(free_port); MGMT_PORT=$(free_port)
  cp "$WORK/shipped.yaml" "$WORK/policy.yaml"
  env=(GUARD_UPSTREAM_URL="http://127.0.0.1:$ORIGIN_PORT" GUARD_POLICY_FILE="$WORK/policy.yaml" GUARD_POLICY_POLL_INTERVAL=1s)
  [ -n "$2" ] && env+=(SPRING_DATA_REDIS_URL="$2")
  if [ "$1" = HTTPS ]; then
    env+=(GUARD_TLS_CERTIFICATE="$WORK/cert.pem" GUARD_TLS_PRIVATE_KEY="$WORK/key.pem")
    args=(--guard.tls.http-port="$(free_port)")
    BASE="https://127.0.0.1:$port"
  else
    env+=(GUARD_TLS_ENABLED=false)
    BASE="http://127.0.0.1:$port"
  fi
  env "${env[@]}" java "${JVM_OPTS[@]}" -jar "$JAR" --server.port="$port" --management.server.port="$MGMT_PORT" \
    "${args[@]}" "${EXTRA_GUARD_ARGS[@]}" > "$WORK/$KIND-$1.log" 2>&1 &
  PID=$!
  wait_until "$KIND ($1)" "$WORK/$KIND-$1.log" 180 curl -sf -o /dev/null "http://127.0.0.1:$MGMT_PORT/actuator/health/readiness"
  TLS_LINE=$(grep -o 'HTTPS runs on .*' "$WORK/$KIND-$1.log" || true)
}

STARTED_AT=$(date +%s)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
TLS_LINE=""
GUARD_TLS=""
for peer in $PEERS; do
  KIND=$peer
  case $peer in
    nginx)
      PEER_LABEL="nginx"
      nginx -c "$WORK/proxy.conf" -g 'daemon off;' 2> "$WORK/proxy-start.log" &
      NGINX_PID=$!
      wait_until "the nginx proxy" "$WORK/proxy-error.log" 20 curl -sf -o /dev/null "http://127.0.0.1:$NGX_HTTP/simple/"
      [[ " $PROTOCOLS " == *" HTTP "* ]] && run_peer HTTP "http://127.0.0.1:$NGX_HTTP"
      [[ " $PROTOCOLS " == *" HTTPS "* ]] && run_peer HTTPS "https://127.0.0.1:$NGX_HTTPS"
      kill "$NGINX_PID"; wait "$NGINX_PID" 2>/dev/null || true
      ;;
    scg)
      PEER_LABEL="bare SCG"
      for tls in $PROTOCOLS; do start_scg $tls; run_peer $tls "$BASE"; stop_jvm; done
      ;;
    guard | guard-redis)
      PEER_LABEL="registry-guard"
      redis=""
      if [ "$peer" = guard-redis ]; then
        PEER_LABEL="registry-guard, Redis"
        if [ -z "${REDIS_PORT:-}" ]; then
          REDIS_PORT=$(free_port)
          redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no > "$WORK/redis.log" 2>&1 &
          wait_until "redis-server" "$WORK/redis.log" 20 redis-cli -p "$REDIS_PORT" ping
        fi
        redis="redis://127.0.0.1:$REDIS_PORT"
      fi
      for tls in $PROTOCOLS; do
        [ -n "$redis" ] && redis-cli -p "$REDIS_PORT" flushall > /dev/null
        start_guard $tls "$redis"
        [ $tls = HTTPS ] && GUARD_TLS=$TLS_LINE
        run_peer $tls "$BASE"
        stop_jvm
      done
      ;;
    *) fail "unknown peer $peer (nginx, scg, guard, guard-redis)" ;;
  esac
done
ELAPSED=$(( $(date +%s) - STARTED_AT ))

# --- the table ---------------------------------------------------------------------------------------------------
mkdir -p bench/results
OUT="bench/results/proxy-$(date +%Y-%m-%d-%H%M).md"
python3 - "$ROWS" > "$WORK/table.md" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
base = {}
for scenario, tls, peer, rps, *_ in rows:
    key = "login, wrong passwords" if scenario == "login, limits raised" else scenario
    if peer in ("nginx", "bare SCG"):
        base[(key, tls, peer)] = float(rps)
def ratio(scenario, tls, peer, rps, to):
    key = "login, wrong passwords" if scenario == "login, limits raised" else scenario
    b = base.get((key, tls, to))
    return "" if b is None or peer in (to, "nginx") or b == 0 else f"{float(rps) / b:.2f}×"
print("| scenario | TLS | peer | rps | p50 ms | p99 ms | × nginx | × bare SCG | answers |")
print("|---|---|---|---:|---:|---:|---:|---:|---|")
order = {}
for r in rows:
    order.setdefault((r[0], r[1]), len(order))
for scenario, tls, peer, rps, p50, p99, answers in sorted(rows, key=lambda r: order[(r[0], r[1])]):
    fmt = lambda v: "" if v == "" else f"{float(v):,.0f}" if float(v) >= 100 else f"{float(v):.2f}"
    print(f"| {scenario} | {tls} | {peer} | {fmt(rps)} | {fmt(p50)} | {fmt(p99)} | "
          f"{ratio(scenario, tls, peer, rps, 'nginx')} | {ratio(scenario, tls, peer, rps, 'bare SCG')} | {answers} |")
PY
{
  echo "# bench/proxy.sh, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB;" \
    "load average $LOAD_BEFORE at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
  echo "- $(java -version 2>&1 | head -1); JVM options: ${JVM_OPTS[*]}; $(nginx -v 2>&1 | sed 's/nginx version: //'); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "- registry-guard: $JAR${GUARD_ARGS:+ $GUARD_ARGS}${GUARD_TLS:+; $GUARD_TLS}${TLS_PROVIDER:+; TLS_PROVIDER=$TLS_PROVIDER}"
  echo "- wrk -t2 -c32 (HTTP/1.1, keep-alive) for ${DURATION}s per row after a ${WARMUP}s warm-up per peer; index $INDEX_BYTES B;" \
    "run took $((ELAPSED / 60)) min $((ELAPSED % 60)) s"
  echo
  cat "$WORK/table.md"
} > "$OUT"
echo
cat "$OUT"
echo
echo "written to $OUT"
