#!/usr/bin/env bash
# Runs AiCoachBot on this machine with the Microsoft 365 Agents Playground as its Teams client.
#   scripts/run-local.sh                      bot on 127.0.0.1:3978, Playground on http://127.0.0.1:56150
#   BOT_PORT=4000 PLAYGROUND_PORT=56200 scripts/run-local.sh
# Ctrl-C stops both. Logs go to logs/. The bot runs unauthenticated (no MicrosoftAppId), loopback only.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BOT_PORT=${BOT_PORT:-3978}
PLAYGROUND_PORT=${PLAYGROUND_PORT:-56150}
STARTUP_TIMEOUT_SECONDS=${STARTUP_TIMEOUT_SECONDS:-60}
LOG_DIR=$REPO_ROOT/logs
BUILD_LOG=$LOG_DIR/build.log
BOT_LOG=$LOG_DIR/bot.log
PLAYGROUND_LOG=$LOG_DIR/playground.log
PLAYGROUND_CONSOLE_LOG=$LOG_DIR/playground.console.log
BOT_DLL=$REPO_ROOT/src/AiCoachBot.Host/bin/Debug/net10.0/AiCoachBot.Host.dll

bot_pid=''
playground_pid=''

build_bot() {
  local start
  start=$(now)
  say "Building the bot (Debug; log: $BUILD_LOG)"
  if ! dotnet build "$REPO_ROOT/src/AiCoachBot.Host" -c Debug --nologo >"$BUILD_LOG" 2>&1; then
    grep -E ': error ' "$BUILD_LOG" | sort -u >&2 || log_tail "$BUILD_LOG" >&2
    die "the bot did not build (errors above, full log in $BUILD_LOG)."
  fi
  [[ -f $BOT_DLL ]] || die "the build did not produce $BOT_DLL"
  say "Built in $(elapsed_since "$start") s"
}

start_bot() {
  if [[ -n ${MicrosoftAppId:-} ]]; then
    warn "MicrosoftAppId is set in this shell; it is not passed to the bot: the Playground can only talk to a bot in local mode."
  fi
  say "Starting the bot on http://127.0.0.1:$BOT_PORT (log: $BOT_LOG)"
  # Its settings and content are read from beside the DLL; data goes to its default folder there (data/).
  # The Playground cannot take files: exports are posted as messages (Export__SendAsFile=false).
  # env execs dotnet, so $! is the bot's own PID.
  env -u MicrosoftAppId -u MicrosoftAppPassword -u MicrosoftAppTenantId -u MicrosoftAppType Export__SendAsFile=false \
    dotnet "$BOT_DLL" --urls "http://127.0.0.1:$BOT_PORT" >"$BOT_LOG" 2>&1 &
  bot_pid=$!
}

start_playground() {
  say "Starting the Agents Playground on http://127.0.0.1:$PLAYGROUND_PORT (log: $PLAYGROUND_LOG)"
  rm -f "$PLAYGROUND_LOG"
  # A direct spawn from the repo root (where it looks for .m365agentsplayground.yml), so $! is node's PID.
  TEAMSAPPTESTER_BROWSER=none \
  M365_AGENTS_PLAYGROUND_LOGFILE=$PLAYGROUND_LOG \
  NODE_OPTIONS="--require=$PLAYGROUND_PRELOAD" \
    node "$PLAYGROUND_CLI" \
      -e "http://127.0.0.1:$BOT_PORT/api/messages" -c msteams \
      --port "$PLAYGROUND_PORT" --service-url "http://127.0.0.1:$PLAYGROUND_PORT/_connector" \
      --disable-telemetry >"$PLAYGROUND_CONSOLE_LOG" 2>&1 &
  playground_pid=$!
}

# Polls $url until it answers 200, while the process $pid is alive.
wait_until_ready() {
  local name=$1 url=$2 pid=$3 log=$4 deadline=$((SECONDS + STARTUP_TIMEOUT_SECONDS)) start
  start=$(now)
  until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true) == 200 ]]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log_tail "$log" >&2
      die "$name exited before $url answered (see the log above)."
    fi
    if ((SECONDS >= deadline)); then
      log_tail "$log" >&2
      die "$name did not answer 200 on $url within $STARTUP_TIMEOUT_SECONDS s (see the log above)."
    fi
    sleep 0.2
  done
  say "$name is up ($(elapsed_since "$start") s)"
}

# SIGTERM, then SIGKILL after 10 s. Ctrl-C may have reached the process already: it is reaped all the same.
stop_process() {
  local name=$1 pid=$2
  [[ -n $pid ]] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null
    for _ in {1..50}; do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      warn "$name (pid $pid) did not stop within 10 s; killing it"
      kill -KILL "$pid" 2>/dev/null
    fi
  fi
  wait "$pid" 2>/dev/null
  say "Stopped $name"
}

stop_all() {
  # Cleanup must reach the kills even if the terminal or a pipe is gone.
  trap - EXIT INT TERM HUP
  trap '' PIPE
  set +e
  stop_process "the Playground" "$playground_pid"
  stop_process "the bot" "$bot_pid"
}

print_banner() {
  cat <<EOF

  ============================================================
    Open http://127.0.0.1:$PLAYGROUND_PORT in your browser
  ============================================================
    bot:        http://127.0.0.1:$BOT_PORT/api/messages   (pid $bot_pid)
    logs:       $BOT_LOG
                $PLAYGROUND_LOG
                $PLAYGROUND_CONSOLE_LOG
    follow:     tail -f logs/bot.log
    Press Ctrl-C to stop both.

EOF
}

# Returns when either process exits on its own; Ctrl-C goes through the traps instead.
wait_for_either_exit() {
  local status=0
  wait -n "$bot_pid" "$playground_pid" || status=$?
  if ! kill -0 "$bot_pid" 2>/dev/null; then
    log_tail "$BOT_LOG" >&2
    die "the bot exited (status $status); stopping the Playground."
  fi
  log_tail "$PLAYGROUND_CONSOLE_LOG" >&2
  die "the Playground exited (status $status); stopping the bot."
}

main() {
  local start
  start=$(now)
  require_dotnet_and_node
  require_command curl "Install curl (Debian: sudo apt-get install -y curl)."
  ensure_npm_packages
  ensure_port_free BOT_PORT
  ensure_port_free PLAYGROUND_PORT
  mkdir -p "$LOG_DIR"
  build_bot

  trap stop_all EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP

  start_bot
  wait_until_ready "The bot" "http://127.0.0.1:$BOT_PORT/healthz" "$bot_pid" "$BOT_LOG"
  start_playground
  wait_until_ready "The Playground" "http://127.0.0.1:$PLAYGROUND_PORT/_debug/ping" "$playground_pid" "$PLAYGROUND_CONSOLE_LOG"
  say "Ready in $(elapsed_since "$start") s"
  print_banner
  wait_for_either_exit
}

main "$@"
