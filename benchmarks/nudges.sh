#!/usr/bin/env bash
# Weekly-nudge benchmark: PROJECTS projects set up through the bot's own card, all due at the same minute,
# posted through ../shared/bench/connector.mjs with Teams-like per-conversation limits and a global cap
# (GLOBAL_RPS, which the bot's Nudges:MaxPostsPerSecond is set to). Prints lost, duplicated and the achieved
# post rate as a share of the cap; exits 1 if anything was lost or duplicated.
#
#   benchmarks/nudges.sh                  # 2,000 projects, 50 posts/s
#   PROJECTS=500 GLOBAL_RPS=20 benchmarks/nudges.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${BENCH_DIR:-$ROOT/../shared/bench}
PROJECTS=${PROJECTS:-2000}
GLOBAL_RPS=${GLOBAL_RPS:-50}
OUT=$ROOT/benchmarks/results/nudges-$(date -u +%Y%m%dT%H%M%SZ).json
mkdir -p "$ROOT/benchmarks/results"
[ -f "$BENCH/connector.mjs" ] || { echo "connector.mjs not found in $BENCH: set BENCH_DIR to the shared bench folder." >&2; exit 1; }
echo "== building AiCoachBot (Release)"
dotnet build "$ROOT/src/AiCoachBot.Host" -c Release -v quiet -nologo | tail -n 3
echo "== $PROJECTS projects due at the same minute, connector capped at $GLOBAL_RPS requests/s"
node "$ROOT/benchmarks/nudges.mjs" --projects "$PROJECTS" --global-rps "$GLOBAL_RPS" --bench "$BENCH" --out "$OUT"
echo "result: $OUT"
