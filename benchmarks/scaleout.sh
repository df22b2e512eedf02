#!/usr/bin/env bash
# Scale-out benchmark, all in one run so that the ratios compare like with like:
#  1. the load of benchmarks/run.sh (../shared/bench/loadgen.mjs playing benchmarks/aicoachbot.json) on one
#     instance on SQLite, one on PostgreSQL (directly, then behind benchmarks/balance.mjs, the baseline of the next),
#     and two processes on PostgreSQL behind the balancer (round-robin, so each conversation's turns land on both),
#     rounds alternating;
#  2. the weekly cards of PROJECTS projects due at the same minute (benchmarks/nudges.mjs) in the same three set-ups,
#     checked for lost and duplicated cards.
# PostgreSQL is a throw-away server on this machine (benchmarks/postgres.sh), a fresh database per run.
#
#   benchmarks/scaleout.sh                     # 3 rounds, 16 users, 3 s warm-up, 20 s measured; 500 projects at 50 posts/s
#   ROUNDS=1 DURATION=10 PROJECTS=200 benchmarks/scaleout.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${BENCH_DIR:-$ROOT/../shared/bench}
ROUNDS=${ROUNDS:-3}
CONCURRENCY=${CONCURRENCY:-16}
WARMUP=${WARMUP:-3}
DURATION=${DURATION:-20}
PROJECTS=${PROJECTS:-500}
GLOBAL_RPS=${GLOBAL_RPS:-50}
PG_PORT=${PG_PORT:-41095}
PORT_A=${BOT_PORT:-41080}
PORT_B=$((PORT_A + 1))
BALANCER=$((PORT_A + 10))
OUT=$ROOT/benchmarks/results/scaleout-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"
[ -f "$BENCH/loadgen.mjs" ] || { echo "loadgen.mjs not found in $BENCH: set BENCH_DIR to the shared bench folder." >&2; exit 1; }

echo "== building AiCoachBot (Release)"
dotnet build "$ROOT/src/AiCoachBot.Host" -c Release -v quiet -nologo | tail -n 3
PG_FOLDER=$(mktemp -d /tmp/aicoachbot-bench-pg.XXXX)
echo "== PostgreSQL on 127.0.0.1:$PG_PORT"
"$ROOT/benchmarks/postgres.sh" start "$PG_PORT" "$PG_FOLDER" > /dev/null

PIDS=()
stop() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; PIDS=(); }
trap 'stop; "$ROOT/benchmarks/postgres.sh" stop "$PG_FOLDER"' EXIT
# Called as $(database), in a subshell: the name comes from the clock, not from a counter.
database() { "$ROOT/benchmarks/postgres.sh" createdb "$PG_PORT" "bench_$(date +%s%N)"; }

wait_port() {
  for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  echo "nothing listens on port $1 after 30 s; see $2" >&2; exit 1
}

bot() { # port log [postgres connection]
  local data; data=$(mktemp -d "$OUT/data.XXXX")
  Storage__DataDirectory="$data" Storage__PostgresConnectionString="${3:-}" Retros__PseudonymKey=BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc= \
    Nudges__Enabled=false Logging__LogLevel__Default=Warning \
    dotnet "$ROOT/src/AiCoachBot.Host/bin/Release/net10.0/AiCoachBot.Host.dll" --urls "http://127.0.0.1:$1" > "$2" 2>&1 &
  PIDS+=($!)
  wait_port "$1" "$2"
}

# CPU time of the PostgreSQL server's processes so far, in clock ticks (fields 14 and 15 of /proc/PID/stat).
postgres_ticks() {
  local total=0 pid
  for pid in $(pgrep -u postgres); do
    read -r -a stat < "/proc/$pid/stat" 2>/dev/null || continue
    total=$((total + stat[13] + stat[14]))
  done
  echo "$total"
}

load() { # label port out [bot pid]
  local before; before=$(postgres_ticks)
  node "$BENCH/loadgen.mjs" --bot "http://127.0.0.1:$2/api/messages" --script "$ROOT/benchmarks/aicoachbot.json" \
    --concurrency "$CONCURRENCY" --warmup "$WARMUP" --duration "$DURATION" ${4:+--bot-pid "$4"} --label "$1" --out "$3" | grep -v '^{'
  # The server's CPU over warm-up and measurement, beside the result: what one turn costs the database.
  echo "{\"postgresCpuSeconds\": $(( ($(postgres_ticks) - before) * 100 / $(getconf CLK_TCK) ))e-2, \"seconds\": $((WARMUP + DURATION))}" > "${3%.json}.postgres"
}

for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round/$ROUNDS: one instance, SQLite"
  bot "$PORT_A" "$OUT/sqlite-$round.log"; load "sqlite round $round" "$PORT_A" "$OUT/load-sqlite-$round.json" "${PIDS[0]}"; stop
  echo "== round $round/$ROUNDS: one instance, PostgreSQL"
  db=$(database); bot "$PORT_A" "$OUT/pg1-$round.log" "$db"; load "postgres x1 round $round" "$PORT_A" "$OUT/load-pg1-$round.json" "${PIDS[0]}"; stop
  echo "== round $round/$ROUNDS: one instance, PostgreSQL, behind the balancer"
  db=$(database); bot "$PORT_A" "$OUT/pg1b-$round.log" "$db"
  node "$ROOT/benchmarks/balance.mjs" --port "$BALANCER" --to "http://127.0.0.1:$PORT_A" > "$OUT/balancer1-$round.log" &
  PIDS+=($!); wait_port "$BALANCER" "$OUT/balancer1-$round.log"
  load "postgres x1 balanced round $round" "$BALANCER" "$OUT/load-pg1b-$round.json" "${PIDS[0]}"; stop
  echo "== round $round/$ROUNDS: two instances, PostgreSQL, round-robin"
  db=$(database); bot "$PORT_A" "$OUT/pg2a-$round.log" "$db"; bot "$PORT_B" "$OUT/pg2b-$round.log" "$db"
  node "$ROOT/benchmarks/balance.mjs" --port "$BALANCER" --to "http://127.0.0.1:$PORT_A,http://127.0.0.1:$PORT_B" > "$OUT/balancer-$round.log" &
  PIDS+=($!); wait_port "$BALANCER" "$OUT/balancer-$round.log"
  load "postgres x2 round $round" "$BALANCER" "$OUT/load-pg2-$round.json"; stop
done

nudges() { # name instances [postgres connection]
  echo "== weekly cards: $PROJECTS projects, $1"
  node "$ROOT/benchmarks/nudges.mjs" --projects "$PROJECTS" --global-rps "$GLOBAL_RPS" --instances "$2" ${3:+--postgres "$3"} \
    --lead 60 --bot-port "$PORT_A" --connector-port $((PORT_A + 11)) --bench "$BENCH" --out "$OUT/nudges-$1.json" | tail -n 1
}
nudges sqlite 1
nudges pg1 1 "$(database)"
nudges pg2 2 "$(database)"

node "$ROOT/benchmarks/scaleout-report.mjs" "$OUT"
