#!/usr/bin/env bash
# Load benchmark: gunicorn on loopback over N seeded bilag (PostgreSQL), wrk with 64
# connections against the home page, a country list, a filtered list, a search, a permalink
# and a PDF. Prints requests per second, p95 latency and errors per page.
#
#   bench/load.sh                 # N=100000, 60 s per page
#   N=5000 DURATION=10 bench/load.sh
#
# Targets on 2 cores: permalink and country list >= 300 req/s, search >= 50, zero errors.
#
# Each page is one URL, as the targets are stated, so after its first request the anonymous
# page cache (BAGGRUND_PAGE_CACHE_SECONDS, 60 s by default) answers; BAGGRUND_PAGE_CACHE_SECONDS=0
# measures the application itself. The last line, "permalinks (spread)", picks each request's
# permalink at random among SPREAD (20,000) bilag: the cache rarely helps, as when a crawler
# walks the archive.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-100000}"
DURATION="${DURATION:-60}"
CONNECTIONS="${CONNECTIONS:-64}"
PORT="${PORT:-8765}"
DB="${BENCH_DB:-baggrund_bench}"
WORK="${BENCH_WORK:-/tmp/baggrund-load}"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
mkdir -p "$WORK/media/bench" "$WORK/static"

# Seed (skipped when the database already holds N bilag) through the search benchmark's seeder.
.venv/bin/python bench/search.py --n "$N" --db "$DB" --runs 2 >/dev/null

export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB"
export MEDIA_ROOT="$WORK/media" STATIC_ROOT="$WORK/static" DEBUG=0 CONN_MAX_AGE=600
export AXES_ENABLED=0 LOG_LEVEL=WARNING
# One cache for every gunicorn worker, as in production (README: CACHE_URL), emptied first.
export CACHE_URL="${CACHE_URL:-redis://127.0.0.1:6379/13}"
.venv/bin/python -c "import redis; redis.Redis.from_url('$CACHE_URL').flushdb()"
read -r COUNTRY NUMBER PK < <(psql -At -F ' ' -h 127.0.0.1 -U postgres "$DB" -c \
  "SELECT c.slug, b.number, b.id FROM bilag_bilag b JOIN bilag_country c ON c.id = b.country_id
   WHERE b.status = 'published' ORDER BY b.id LIMIT 1")
.venv/bin/python -c "
import sys; sys.path.insert(0, '.')
from bilag.demo import render_pdf
open('$WORK/media/bench/$PK.pdf', 'wb').write(render_pdf(None, [['Load test page %d.' % i] for i in range(40)]))
"
.venv/bin/python manage.py collectstatic --noinput -v0

GUNICORN_BIND="127.0.0.1:$PORT" GUNICORN_WORKERS="${WORKERS:-5}" GUNICORN_THREADS="${THREADS:-2}" \
  .venv/bin/gunicorn -c deploy/gunicorn.conf.py --access-logfile /dev/null portal.wsgi &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done

SPREAD="${SPREAD:-20000}"
psql -At -h 127.0.0.1 -U postgres "$DB" -c \
  "SELECT '/' || c.slug || '/' || b.number || '/' FROM bilag_bilag b
   JOIN bilag_country c ON c.id = b.country_id WHERE b.status = 'published'
   ORDER BY md5(b.id::text) LIMIT $SPREAD" > "$WORK/permalinks.txt"

REPORT="$WORK/report.lua"
SPREAD_REPORT="$WORK/spread.lua"
{
  echo "paths = {}"
  echo "for line in io.lines('$WORK/permalinks.txt') do paths[#paths + 1] = line end"
  echo "request = function() return wrk.format('GET', paths[math.random(#paths)]) end"
} > "$SPREAD_REPORT"
cat > "$REPORT" <<'LUA'
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.1f %d %d %s\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(95) / 1000, errors, summary.requests,
    string.format("connect=%d,read=%d,write=%d,status=%d,timeout=%d",
      e.connect, e.read, e.write, e.status, e.timeout)))
end
LUA
cat "$REPORT" >> "$SPREAD_REPORT"

echo "$N bilag; gunicorn ${WORKERS:-5} workers x ${THREADS:-2} threads; ${DURATION} s a page;" \
  "page cache ${BAGGRUND_PAGE_CACHE_SECONDS:-60} s (0 = off) in $CACHE_URL"
printf '%-20s %10s %10s %8s %10s\n' page "req/s" "p95 ms" errors requests
run() {
  local name=$1 path=$2 script=${3:-$REPORT}
  curl -sf -o /dev/null "http://127.0.0.1:$PORT$path" || { echo "$name: $path does not answer 200"; return 1; }
  local line
  line=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$script" "http://127.0.0.1:$PORT$path" | grep '^RESULT')
  read -r _ rps p95 errors requests kinds <<<"$line"
  printf '%-20s %10s %10s %8s %10s' "$name" "$rps" "$p95" "$errors" "$requests"
  if [ "$errors" != 0 ]; then printf '  (%s)' "$kinds"; fi
  printf '\n'
}
run home "/"
run country "/$COUNTRY/"
run filtered "/$COUNTRY/?sprog=da&udgivet_fra=2015-01-01&sortering=-udgivet"
run search "/soeg/?q=flygtninge"
run permalink "/$COUNTRY/$NUMBER/"
run pdf "/$COUNTRY/$NUMBER/pdf"
run "permalinks (spread)" "/$COUNTRY/$NUMBER/" "$SPREAD_REPORT"
