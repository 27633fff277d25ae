#!/usr/bin/env bash
# Load test of the host on 127.0.0.1 with Debian's hey: starts the host on a fresh database, waits for /health/ready,
# warms up, then drives a fixed rate at POST /api/v1/match (real student bodies from samples/students) and at the public
# pages (the questionnaire's first HTML answer and its static assets; HTTP tools do not open Blazor circuits, so the
# interactive part of the pages is not exercised here). Prints req/s, p50/p90/p99 and the status histogram of every
# phase and fails on any non-2xx answer or client error. See docs/performance.md ("Load test").
#
#   tools/load/run.sh                   # Release publish, SQLite, 500 req/s for 30 s per phase
#   tools/load/run.sh --smoke           # CI: the build output as it is, 500 req/s, about 12 s of load in all
#   tools/load/run.sh --soak 10         # 10 minutes at the rate, RSS and GC heap every 10 s into a CSV
#   MATCHER_PG="Host=…" tools/load/run.sh --pg   # on PostgreSQL (a new database on that server)
#
# Options: --rate N (requests/s, default 500), --duration S (seconds per phase, default 30), --port P (default 5500),
# --out DIR (default artifacts/load), --no-build (use src/Matcher.Portal/bin/Debug as built, in Development so that
# its static assets resolve; --smoke implies it).
set -euo pipefail
cd "$(dirname "$0")/../.."

RATE=500
DURATION=30
PORT=5500
OUT=artifacts/load
MODE=full
SOAK_MINUTES=0
USE_PG=false
BUILD=true
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) MODE=smoke; DURATION=5; BUILD=false ;;
    --soak) MODE=soak; SOAK_MINUTES="$2"; shift ;;
    --rate) RATE="$2"; shift ;;
    --duration) DURATION="$2"; shift ;;
    --port) PORT="$2"; shift ;;
    --out) OUT="$2"; shift ;;
    --pg) USE_PG=true ;;
    --no-build) BUILD=false ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done

for tool in hey curl; do
  if ! command -v "$tool" > /dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq hey curl > /dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq hey curl > /dev/null; }
  fi
done

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
WORK=$(mktemp -d /tmp/matcher-load.XXXXXX)
HOST_PID=""
cleanup() {
  if [ -n "$HOST_PID" ]; then kill "$HOST_PID" 2> /dev/null || true; wait "$HOST_PID" 2> /dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if $BUILD; then
  echo "== publishing the host (Release)"
  dotnet publish src/Matcher.Portal -c Release -o "$WORK/pub" --nologo -v quiet > "$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log"; exit 1; }
  HOST_DIR="$WORK/pub"
  ENVIRONMENT=Production
else
  HOST_DIR=src/Matcher.Portal/bin/Debug/net10.0
  [ -f "$HOST_DIR/Matcher.Portal.dll" ] || { echo "build the host first: dotnet build src/Matcher.Portal" >&2; exit 1; }
  HOST_DIR=$(cd "$HOST_DIR" && pwd)
  ENVIRONMENT=Development
fi

if $USE_PG; then
  [ -n "${MATCHER_PG:-}" ] || { echo "--pg needs MATCHER_PG (a PostgreSQL connection string)" >&2; exit 2; }
  DATABASE="$(echo "$MATCHER_PG" | sed -E 's/(^|;)Database=[^;]*//I');Database=matcher_load_$$_$(date +%s)"
else
  DATABASE="Data Source=$WORK/matcher.db"
fi

# The anonymous match limiter (Portal:AnonymousMatchPermitsPerMinute, 120 per client by default) is lifted: the load
# comes from one client on 127.0.0.1. Logging at Warning so that the console does not become the bottleneck.
echo "== starting the host on ${DATABASE%%=*} (http://127.0.0.1:$PORT, $ENVIRONMENT)"
(cd "$HOST_DIR" && exec env MATCHER_DB="$DATABASE" MATCHER_ADMIN_PASSWORD="load-admin-password-1" ASPNETCORE_ENVIRONMENT="$ENVIRONMENT" \
  Portal__AnonymousMatchPermitsPerMinute=1000000 Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore=Warning \
  dotnet Matcher.Portal.dll --urls "http://127.0.0.1:$PORT") > "$WORK/host.log" 2>&1 &
HOST_PID=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 240); do
  if curl -fsS "$BASE/health/ready" > /dev/null 2>&1; then break; fi
  if ! kill -0 "$HOST_PID" 2> /dev/null; then cat "$WORK/host.log"; exit 1; fi
  sleep 0.5
done
curl -fsS "$BASE/health/ready" > /dev/null || { cat "$WORK/host.log"; exit 1; }

BODIES=(samples/students/*.json)
MATCH_URL="$BASE/api/v1/match?date=2025-09-20"
PAGES=("$BASE/" "$BASE/css/portal.css" "$BASE/js/portal.js" "$BASE/_framework/blazor.web.js" "$BASE/_content/Radzen.Blazor/Radzen.Blazor.js")
for page in "${PAGES[@]}"; do
  curl -fsS -o /dev/null "$page" || { echo "GET $page failed"; cat "$WORK/host.log"; exit 1; }
done

FAILED=0
# hey at a fixed rate: C connections, each at RATE/C requests per second, for S seconds; one hey per URL (or body), the
# rate split between them. Prints one summary line and keeps hey's full report.
drive() {
  local name="$1" seconds="$2"; shift 2
  local targets=("$@") n=${#targets[@]} c=4
  local per=$(( RATE / n / c )); [ "$per" -ge 1 ] || per=1
  local pids=() i=0
  for t in "${targets[@]}"; do
    if [ "${t%%:*}" = "POST" ]; then
      hey -z "${seconds}s" -c "$c" -q "$per" -m POST -T application/json -D "${t#POST:}" "$MATCH_URL" > "$WORK/$name.$i.txt" 2>&1 &
    else
      hey -z "${seconds}s" -c "$c" -q "$per" "$t" > "$WORK/$name.$i.txt" 2>&1 &
    fi
    pids+=($!); i=$((i + 1))
  done
  for p in "${pids[@]}"; do wait "$p" || true; done
  cat "$WORK/$name".*.txt > "$OUT/$name.txt"
  summarize "$name" "$OUT/$name.txt"
}

# Sums the requests and statuses of every hey report in a file and prints the slowest percentiles among them.
summarize() {
  local name="$1" file="$2"
  awk -v name="$name" '
    /Requests\/sec:/ { rps += $2 }
    / 50%+ in / { if ($3 > p50) p50 = $3 }
    / 90%+ in / { if ($3 > p90) p90 = $3 }
    / 99%+ in / { if ($3 > p99) p99 = $3 }
    /^Summary:/ { errors = 0 }
    /^Error distribution:/ { errors = 1 }
    !errors && /^[ \t]*\[[0-9]+\]/ { code = $1; gsub(/[\[\]]/, "", code); status[code] += $2; total += $2; if (code !~ /^2/) bad += $2 }
    errors && /^[ \t]*\[[0-9]+\]/ { n = $1; gsub(/[\[\]]/, "", n); err += n }
    END {
      histogram = ""; for (s in status) histogram = histogram " " s ":" status[s]
      printf "%-8s %6d requests  %7.1f req/s  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  status%s%s\n", name, total, rps, p50 * 1000, p90 * 1000, p99 * 1000, histogram, (err > 0 ? "  errors:" err : "")
      exit (bad > 0 || err > 0 || total == 0) ? 1 : 0
    }' "$file" || { echo "FAILED: $name had non-2xx answers or errors (see $file)"; return 1; }
}

MATCH_TARGETS=()
for b in "${BODIES[@]}"; do MATCH_TARGETS+=("POST:$b"); done

echo "== warm-up"
WARM=$([ "$MODE" = smoke ] && echo 2 || echo 10)
drive warmup "$WARM" "${MATCH_TARGETS[@]}" "${PAGES[@]}" > /dev/null || true

if [ "$MODE" = soak ]; then
  CSV="$OUT/soak.csv"
  echo "elapsed_s,rss_kib,gc_heap_bytes,working_set_bytes" > "$CSV"
  SECONDS_TOTAL=$(( SOAK_MINUTES * 60 ))
  echo "== soak: $RATE req/s at /api/v1/match for $SOAK_MINUTES min, sampling every 10 s into $CSV"
  drive soak "$SECONDS_TOTAL" "${MATCH_TARGETS[@]}" > "$WORK/soak.summary" &
  LOAD_PID=$!
  START=$(date +%s)
  while kill -0 "$LOAD_PID" 2> /dev/null; do
    rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$HOST_PID/status")
    heap=$(curl -fsS "$BASE/metrics" | awk '/^dotnet_total_memory_bytes / { printf "%.0f", $2 }')
    ws=$(curl -fsS "$BASE/metrics" | awk '/^process_working_set_bytes / { printf "%.0f", $2 }')
    echo "$(( $(date +%s) - START )),$rss,$heap,$ws" >> "$CSV"
    sleep 10
  done
  wait "$LOAD_PID" || FAILED=1
  cat "$WORK/soak.summary"
  awk -F, 'NR == 2 { r0 = $2; h0 = $3 } NR > 1 { r = $2; h = $3; if ($2 > rmax) rmax = $2 } END { printf "rss first %.0f KiB, last %.0f KiB, max %.0f KiB; gc heap first %.0f, last %.0f bytes\n", r0, r, rmax, h0, h }' "$CSV"
else
  echo "== $RATE req/s for ${DURATION}s per phase"
  drive match "$DURATION" "${MATCH_TARGETS[@]}" || FAILED=1
  drive pages "$DURATION" "${PAGES[@]}" || FAILED=1
fi

kill -0 "$HOST_PID" 2> /dev/null || { echo "the host died"; cat "$WORK/host.log"; exit 1; }
if [ "$FAILED" -ne 0 ]; then echo "load test FAILED"; exit 1; fi
echo "load test passed"
