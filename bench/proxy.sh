#!/usr/bin/env bash
# registry-guard side by side with an nginx reverse proxy and a bare Spring Cloud Gateway of the same versions, on
# loopback, in one run. It starts an nginx origin (a 1.2 KB index page at /simple/, a 1 MiB file under /packages/,
# a failed-login page, and an upload sink at /legacy/ that reads the whole body before it answers with the byte
# count) and in front of it every peer at once: nginx (HTTP, and HTTPS with h2), the bare gateway (bench/scg-bare),
# registry-guard in memory and registry-guard on a Redis started here, each JVM once over HTTP and once over HTTPS
# with h2. After a warm-up per peer, wrk (-t2 -c32, HTTP/1.1, keep-alive) drives each peer in turn, scenario by
# scenario, in interleaved rounds (a busy neighbour's load spreads over every peer; the table keeps each row's best):
#   index     GET /simple/ (1.2 KB)                       every answer must be 200
#   1 MiB     GET /packages/…/bench-1.0.tar.gz            every answer must be 200
#   step-up   POST /manage/account/token/, no session     the guard refuses (401); the others forward it (200)
#   login     wrong-password logins, 5,000 usernames from one address: the guard's shipped policy refuses most (429;
#             403 once risk scoring blocks the address)
#             and forwards the rest (failure pages, 200); the others forward all
#   login, limits raised   the same with every limit at 10,000,000 per 5 min and risk scoring off (the policy file
#             is swapped under the running guard): every attempt read, forwarded and judged
# Then curl uploads a 200 MiB file through each (POST /legacy/, no Authorization: a public path) with HTTP/1.1 as
# twine does, and over TLS also with h2, timed, with the JVM's heap sampled by jstat (growth after a full GC, and
# the peak with young garbage).
# It prints one table (rps, p50, p99, ratios to nginx and to the bare gateway, the answers seen) and writes it to
# bench/results/proxy-<date>.md. Ratios are what to compare across machines; absolute figures move with them.
#
#   ./mvnw -B -q -pl gateway -am -DskipTests package && bench/proxy.sh
#
# Settings (environment): DURATION seconds per run (5), ROUNDS (2), WARMUP seconds per peer (10), UPLOAD_MIB (200),
# PEERS (all: "nginx scg guard guard-redis"; also guard-jdk: the guard over HTTPS on the JDK's TLS), PROTOCOLS ("HTTP HTTPS"), JAR (gateway/target/registry-guard.jar),
# JAVA_OPTS for both JVMs ("-Xms512m -Xmx512m"), TLS_PROVIDER=jdk runs both JVMs on the JDK's TLS instead of
# OpenSSL, GUARD_ARGS extra arguments for the guard (e.g. --logging.level.registryguard.access=warn), KEEP=1 keeps
# the work directory (logs, configurations). nginx logs access to a file, as the guard does (its access log at
# INFO); the bare gateway logs none. wrk speaks HTTP/1.1 only.
# Needs nginx, wrk, redis-server, openssl, curl, a JDK (jstat, jcmd) and python3; downloads nothing. Loopback only;
# everything it starts is stopped on exit. With the defaults a run takes about 10 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-5}
ROUNDS=${ROUNDS:-2}
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

# --- the peers: all started first, then measured in turn, scenario by scenario, round by round -------------------
# Interleaving spreads a busy neighbour's load over every peer instead of over whichever ran at the time.
ROWS="$WORK/rows.tsv"
: > "$ROWS"
N=0
declare -a P_KIND P_LABEL P_TLS P_URL P_PID P_MGMT P_POLICY P_LOG

add_peer() { # kind label tls url pid mgmt-port policy-file log
  P_KIND[N]=$1; P_LABEL[N]=$2; P_TLS[N]=$3; P_URL[N]=$4; P_PID[N]=$5; P_MGMT[N]=$6; P_POLICY[N]=$7; P_LOG[N]=$8
  N=$((N + 1))
}

start_nginx_proxy() {
  nginx -c "$WORK/proxy.conf" -g 'daemon off;' 2> "$WORK/proxy-start.log" &
  wait_until "the nginx proxy" "$WORK/proxy-error.log" 20 curl -sf -o /dev/null "http://127.0.0.1:$NGX_HTTP/simple/"
  for tls in $PROTOCOLS; do
    if [ "$tls" = HTTP ]; then url="http://127.0.0.1:$NGX_HTTP"; else url="https://127.0.0.1:$NGX_HTTPS"; fi
    add_peer nginx nginx "$tls" "$url" "" "" "" "$WORK/proxy-error.log"
  done
}

start_scg() { # $1 = HTTP|HTTPS
  local port profile=() url
  port=$(free_port)
  [ "$1" = HTTPS ] && profile=(--spring.profiles.active=tls)
  ORIGIN_URL="http://127.0.0.1:$ORIGIN_PORT" PORT=$port TLS_CERTIFICATE="$WORK/cert.pem" TLS_PRIVATE_KEY="$WORK/key.pem" \
    java "${JVM_OPTS[@]}" -jar "$SCG_JAR" "${profile[@]}" > "$WORK/scg-$1.log" 2>&1 &
  PID=$!
  url="http://127.0.0.1:$port"; [ "$1" = HTTPS ] && url="https://127.0.0.1:$port"
  wait_until "bare SCG ($1)" "$WORK/scg-$1.log" 300 curl -sk -o /dev/null "$url/simple/"
  add_peer scg "bare SCG" "$1" "$url" "$PID" "" "" "$WORK/scg-$1.log"
  PID=""
}

start_guard() { # $1 = guard|guard-redis|guard-jdk, $2 = HTTP|HTTPS
  local port mgmt url env=() args=() jvm=("${JVM_OPTS[@]}") label=registry-guard policy="$WORK/policy-$1-$2.yaml"
  local logfile="$WORK/$1-$2.log"
  port=$(free_port); mgmt=$(free_port)
  cp "$WORK/shipped.yaml" "$policy"
  env=(GUARD_UPSTREAM_URL="http://127.0.0.1:$ORIGIN_PORT" GUARD_POLICY_FILE="$policy" GUARD_POLICY_POLL_INTERVAL=1s)
  if [ "$1" = guard-redis ]; then
    label="registry-guard, Redis"
    env+=(SPRING_DATA_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/$([ "$2" = HTTP ] && echo 1 || echo 2)")
  elif [ "$1" = guard-jdk ]; then
    label="registry-guard, JDK TLS"
    jvm+=(-Dio.netty.handler.ssl.noOpenSsl=true)
  fi
  if [ "$2" = HTTPS ]; then
    env+=(GUARD_TLS_CERTIFICATE="$WORK/cert.pem" GUARD_TLS_PRIVATE_KEY="$WORK/key.pem")
    args=(--guard.tls.http-port="$(free_port)")
    url="https://127.0.0.1:$port"
  else
    env+=(GUARD_TLS_ENABLED=false)
    url="http://127.0.0.1:$port"
  fi
  env "${env[@]}" java "${jvm[@]}" -jar "$JAR" --server.port="$port" --management.server.port="$mgmt" \
    "${args[@]}" "${EXTRA_GUARD_ARGS[@]}" > "$logfile" 2>&1 &
  PID=$!
  wait_until "$1 ($2)" "$logfile" 300 curl -sf -o /dev/null "http://127.0.0.1:$mgmt/actuator/health/readiness"
  add_peer "$1" "$label" "$2" "$url" "$PID" "$mgmt" "$policy" "$logfile"
  PID=""
  [ "$1" = guard ] && [ "$2" = HTTPS ] && GUARD_TLS=$(grep -o 'HTTPS runs on .*' "$logfile" || true)
  return 0
}

wrk_run() { # $1 = script, $2 = url, $3 = seconds; prints the RESULT line
  local out
  out=$(wrk -t2 -c32 -d"$3s" --timeout 10s -s "$WORK/$1" "$2" 2>&1) || fail "wrk: $out"
  grep '^RESULT' <<< "$out" || fail "wrk printed no result: $out"
}
field() { sed -E "s/.*[ ]$1=([^ ]*).*/\1/" <<< "$2"; }
is_guard() { [[ "${P_KIND[$1]}" == guard* ]]; }

check_content() { # $1 = peer: the index and the file must come back whole, as 200
  local answer url=${P_URL[$1]}
  answer=$(curl -sk -o /dev/null -w '%{http_code} %{size_download}' "$url/simple/")
  [ "$answer" = "200 $INDEX_BYTES" ] || fail "${P_LABEL[$1]} $url/simple/ answered '$answer', expected '200 $INDEX_BYTES'"
  answer=$(curl -sk -o /dev/null -w '%{http_code} %{size_download}' "$url$FILE_PATH")
  [ "$answer" = "200 1048576" ] || fail "${P_LABEL[$1]} $url$FILE_PATH answered '$answer', expected '200 1048576'"
}

answers() { # $1 = RESULT line, $2 = expected statuses (e.g. "200" or "200 429"): "all 200" or a tally, flagged
  local result=$1 expected=$2 tally non socket unexpected=0 text=""
  tally=$(field statuses "$result"); non=$(field non2xx3xx "$result"); socket=$(field socket_errors "$result")
  if [ -n "$tally" ]; then
    for pair in $(tr ',' '\n' <<< "$tally" | sort -t= -k2 -nr); do
      [ -n "$pair" ] || continue
      [[ " $expected " == *" ${pair%=*} "* ]] || unexpected=$((unexpected + ${pair#*=}))
      text+="${text:+, }${pair#*=} × ${pair%=*}"
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

row() { # peer scenario rps p50 p99 answers
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$2" "${P_TLS[$1]}" "${P_LABEL[$1]}" "$3" "$4" "$5" "$6" >> "$ROWS"
}

measure() { # $1 = peer, $2 = scenario, $3 = script, $4 = path, $5 = expected statuses
  local result
  result=$(wrk_run "$3" "${P_URL[$1]}$4" "$DURATION")
  row "$1" "$2" "$(field rps "$result")" "$(field p50_ms "$result")" "$(field p99_ms "$result")" "$(answers "$result" "$5")"
  log "  $2, ${P_LABEL[$1]} ${P_TLS[$1]}: $(field rps "$result") rps, p99 $(field p99_ms "$result") ms"
}

policy_is_raised() { curl -s "http://127.0.0.1:${P_MGMT[$1]}/actuator/policy" | grep -q '"version":"bench-raised"'; }

heap_kib() { jstat -gc "$1" | awk 'NR==2 {printf "%d\n", $3+$4+$6+$8}'; }

upload() { # $1 = peer, $2 = --http1.1 or --http2 (over TLS)
  local pid=${P_PID[$1]} before after peak t0 t1 answer heap="" sampler millis mibps got protocol=HTTP/1.1
  local size text="200, the origin got it whole"
  if [ -n "$pid" ]; then
    jcmd "$pid" GC.run > /dev/null; before=$(heap_kib "$pid")
    ( while kill -0 "$pid" 2>/dev/null; do heap_kib "$pid"; sleep 0.1; done ) > "$WORK/samples" &
    sampler=$!
  fi
  t0=$(date +%s%N)
  answer=$(curl -sk "$2" -X POST -H 'Content-Type: application/octet-stream' -H 'Expect:' -T "$WORK/upload.bin" \
    -w ' %{http_code}' "${P_URL[$1]}/legacy/bench-upload") || answer="curl failed: $answer"
  t1=$(date +%s%N)
  millis=$(((t1 - t0) / 1000000))
  mibps=$(python3 -c "print(f'{$UPLOAD_MIB / (($t1 - $t0) / 1e9):.1f}')")
  if [ -n "$pid" ]; then
    kill "$sampler"; wait "$sampler" 2>/dev/null || true
    jcmd "$pid" GC.run > /dev/null; after=$(heap_kib "$pid"); peak=$(sort -n "$WORK/samples" | tail -1)
    heap="; heap +$(((after - before) / 1024)) MiB after GC, peak +$(((peak - before) / 1024)) MiB"
  fi
  # The origin answers "received <bytes>", request line and headers included: never less than the file.
  size=$(stat -c %s "$WORK/upload.bin")
  got=${answer#received }; got=${got%% *}
  if [[ "$answer" != *" 200" ]] || ! [[ "$got" =~ ^[0-9]+$ ]] || [ "$got" -lt "$size" ]; then
    text="**$answer** (expected 200 and ≥ $size bytes at the origin)"
  fi
  [ "$2" = --http2 ] && protocol=h2
  row "$1" "upload ${UPLOAD_MIB} MiB, $protocol (rps: MiB/s; p50: its time)" "$mibps" "$millis" "" "$text$heap"
  log "  upload ($protocol), ${P_LABEL[$1]} ${P_TLS[$1]}: $millis ms$heap"
}

scenario() { # name, script, path, expected statuses from a guard, from the others; warm-up already done
  local name=$1 script=$2 path=$3 from_guard=$4 from_others=$5 round i
  for ((round = 1; round <= ROUNDS; round++)); do
    for ((i = 0; i < N; i++)); do
      if is_guard "$i"; then measure "$i" "$name" "$script" "$path" "$from_guard"
      elif [ -n "$from_others" ]; then measure "$i" "$name" "$script" "$path" "$from_others"; fi
    done
  done
}

STARTED_AT=$(date +%s)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
GUARD_TLS=""
for peer in $PEERS; do
  case $peer in
    nginx) start_nginx_proxy ;;
    scg) for tls in $PROTOCOLS; do start_scg "$tls"; done ;;
    guard) for tls in $PROTOCOLS; do start_guard guard "$tls"; done ;;
    guard-jdk) if [[ " $PROTOCOLS " == *" HTTPS "* ]]; then start_guard guard-jdk HTTPS; fi ;;
    guard-redis)
      REDIS_PORT=$(free_port)
      redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no > "$WORK/redis.log" 2>&1 &
      wait_until "redis-server" "$WORK/redis.log" 20 redis-cli -p "$REDIS_PORT" ping
      for tls in $PROTOCOLS; do start_guard guard-redis "$tls"; done
      ;;
    *) fail "unknown peer $peer (nginx, scg, guard, guard-redis, guard-jdk)" ;;
  esac
done
log "all started ($(( $(date +%s) - STARTED_AT )) s); warm-up: ${WARMUP}s of the index, 2s of each other run, per peer"
for ((i = 0; i < N; i++)); do
  check_content "$i"
  wrk_run get.lua "${P_URL[$i]}/simple/" "$WARMUP" > /dev/null
  for s in get.lua:$FILE_PATH stepup.lua: login.lua:; do wrk_run "${s%%:*}" "${P_URL[$i]}${s#*:}" 2 > /dev/null; done
done
scenario "index" get.lua /simple/ 200 200
scenario "1 MiB" get.lua "$FILE_PATH" 200 200
scenario "step-up route, no session" stepup.lua "" 401 200
scenario "login, wrong passwords" login.lua "" "200 403 429" 200
for ((i = 0; i < N; i++)); do
  is_guard "$i" || continue
  cp "$WORK/raised.yaml" "$WORK/policy.next" && mv "$WORK/policy.next" "${P_POLICY[$i]}"
  wait_until "the raised policy" "${P_LOG[$i]}" 30 policy_is_raised "$i"
  wrk_run login.lua "${P_URL[$i]}" 2 > /dev/null
done
scenario "login, limits raised" login.lua "" 200 ""
for ((i = 0; i < N; i++)); do
  upload "$i" --http1.1
  if [ "${P_TLS[$i]}" = HTTPS ]; then upload "$i" --http2; fi
done
ELAPSED=$(($(date +%s) - STARTED_AT))

# --- the table: per row the best of the rounds ---------------------------------------------------------------------
mkdir -p bench/results
OUT="bench/results/proxy-$(date +%Y-%m-%d-%H%M).md"
python3 - "$ROWS" > "$WORK/table.md" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
best = {}
for r in rows:  # scenario, tls, peer, rps, p50, p99, answers
    key = tuple(r[:3])
    if key not in best or float(r[3]) > float(best[key][3]):
        best[key] = r
first = {}
for r in rows:
    first.setdefault(r[0], len(first))
tls_order, peer_order = {"HTTP": 0, "HTTPS": 1}, {"nginx": 0, "bare SCG": 1, "registry-guard": 2,
                         "registry-guard, JDK TLS": 3, "registry-guard, Redis": 4}
def baseline(scenario, tls, to):
    same = "login, wrong passwords" if scenario == "login, limits raised" else scenario
    r = best.get((same, tls, to))
    return float(r[3]) if r else None
def ratio(scenario, tls, peer, rps, to):
    b = baseline(scenario, tls, to)
    return "" if b is None or peer in (to, "nginx") or b == 0 else f"{float(rps) / b:.2f}×"
def fmt(v):
    return "" if v == "" else f"{float(v):,.0f}" if float(v) >= 100 else f"{float(v):.2f}"
print("| scenario | TLS | peer | rps | p50 ms | p99 ms | × nginx | × bare SCG | answers |")
print("|---|---|---|---:|---:|---:|---:|---:|---|")
for scenario, tls, peer, rps, p50, p99, answers in sorted(best.values(),
        key=lambda r: (tls_order[r[1]], first[r[0]], peer_order[r[2]])):
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
  echo "- wrk -t2 -c32 (HTTP/1.1, keep-alive), ${DURATION}s per run, best of $ROUNDS interleaved rounds, after a ${WARMUP}s" \
    "warm-up per peer; index $INDEX_BYTES B; uploads once per peer; the run took $((ELAPSED / 60)) min $((ELAPSED % 60)) s"
  echo
  cat "$WORK/table.md"
} > "$OUT"
echo
cat "$OUT"
echo
echo "written to $OUT"
