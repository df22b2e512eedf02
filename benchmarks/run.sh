#!/usr/bin/env bash
# Benchmark: AiCoachBot playing the whole framing checklist (project form, 45 question cards, rules
# evaluation, scorecard, assessment recorded on the project; durable SQLite state) against the peer bot
# on the official Bot Framework JS SDK (9-turn waterfall, in-memory state), both driven by
# ../shared/bench/loadgen.mjs, alternately (A B A B ...) in one run. Prints each result, the medians
# and the ratios per turn. benchmarks/aicoachbot.json is written by BenchmarkScriptTests.
#
#   benchmarks/run.sh                 # 3 rounds, 16 users, 3 s warm-up, 20 s measured per run
#   ROUNDS=1 DURATION=10 benchmarks/run.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${BENCH_DIR:-$ROOT/../shared/bench}
ROUNDS=${ROUNDS:-3}
CONCURRENCY=${CONCURRENCY:-16}
WARMUP=${WARMUP:-3}
DURATION=${DURATION:-20}
BOT_PORT=${BOT_PORT:-41080}
PEER_PORT=${PEER_PORT:-41078}
OUT=$ROOT/benchmarks/results/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"

[ -f "$BENCH/loadgen.mjs" ] || { echo "loadgen.mjs not found in $BENCH: set BENCH_DIR to the shared bench folder." >&2; exit 1; }

echo "== building AiCoachBot (Release)"
dotnet build "$ROOT/src/AiCoachBot.Host" -c Release -v quiet -nologo | tail -n 3
if [ ! -f "$BENCH/peer-botbuilder-js/node_modules/botbuilder-dialogs/package.json" ]; then
  echo "== installing the peer bot's packages"
  (cd "$BENCH/peer-botbuilder-js" && npm run setup --silent)
fi

PID=""
stop() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi; PID=""; }
trap stop EXIT

wait_port() {
  for _ in $(seq 1 200); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    kill -0 "$PID" 2>/dev/null || { echo "the bot exited; see $2" >&2; exit 1; }
    sleep 0.1
  done
  echo "nothing listens on port $1 after 20 s; see $2" >&2; exit 1
}

run_loadgen() { # label script out
  node "$BENCH/loadgen.mjs" --bot "http://127.0.0.1:$4/api/messages" --script "$2" \
    --concurrency "$CONCURRENCY" --warmup "$WARMUP" --duration "$DURATION" \
    --bot-pid "$PID" --label "$1" --out "$3" | grep -v '^{'
}

ours() {
  local data; data=$(mktemp -d "$OUT/data.XXXX")   # on disk: durable state, as in production
  Storage__DataDirectory="$data" Logging__LogLevel__Default=Warning \
    dotnet "$ROOT/src/AiCoachBot.Host/bin/Release/net10.0/AiCoachBot.Host.dll" --urls "http://127.0.0.1:$BOT_PORT" > "$OUT/aicoachbot-$1.log" 2>&1 &
  PID=$!
  wait_port "$BOT_PORT" "$OUT/aicoachbot-$1.log"
  run_loadgen "aicoachbot round $1" "$ROOT/benchmarks/aicoachbot.json" "$OUT/aicoachbot-$1.json" "$BOT_PORT"
  stop
}

peer() {
  (cd "$BENCH" && PORT=$PEER_PORT exec node peer-botbuilder-js/index.mjs) > "$OUT/peer-$1.log" 2>&1 &
  PID=$!
  wait_port "$PEER_PORT" "$OUT/peer-$1.log"
  run_loadgen "peer-botbuilder-js round $1" "$BENCH/peer.json" "$OUT/peer-$1.json" "$PEER_PORT"
  stop
}

for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round/$ROUNDS: AiCoachBot"; ours "$round"
  echo "== round $round/$ROUNDS: peer";       peer "$round"
done
node "$ROOT/benchmarks/compare.mjs" "$OUT"
