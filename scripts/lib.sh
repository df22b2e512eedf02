# Helpers shared by scripts/run-local.sh, scripts/test.sh and .ci/run. Source it; it runs nothing by itself.

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PLAYGROUND_CLI=$REPO_ROOT/node_modules/@microsoft/m365agentsplayground/cli.js
PLAYGROUND_PRELOAD=$REPO_ROOT/scripts/playground-loopback.cjs
CHROMIUM=/usr/bin/chromium

say() { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Seconds since the epoch with milliseconds, for phase timings.
now() { printf '%s' "${EPOCHREALTIME}"; }
elapsed_since() { awk -v start="$1" -v end="${EPOCHREALTIME}" 'BEGIN { printf "%.1f", end - start }'; }

require_command() {
  local name=$1 hint=$2
  command -v "$name" >/dev/null 2>&1 || die "'$name' was not found on PATH. $hint"
}

require_dotnet_and_node() {
  require_command dotnet "Install the .NET 10 SDK: https://dot.net/download (Debian: the packages.microsoft.com 'dotnet-sdk-10.0' package)."
  require_command node "Install Node.js 20 or later (Debian: sudo apt-get install -y nodejs npm)."
  require_command npm "Install npm (Debian: sudo apt-get install -y npm)."
  local node_major
  node_major=$(node -p 'process.versions.node.split(".")[0]')
  ((node_major >= 20)) || die "Node.js $(node -v) is too old: the Agents Playground needs Node.js 20 or later."
}

# npm ci when node_modules is missing or older than package-lock.json (npm writes
# node_modules/.package-lock.json on every install, so its age tells when the last install ran).
ensure_npm_packages() {
  local installed=$REPO_ROOT/node_modules/.package-lock.json
  if [[ -f $installed && ! $REPO_ROOT/package-lock.json -nt $installed && -f $PLAYGROUND_CLI ]]; then
    return 0
  fi
  say "npm ci (node_modules is missing or older than package-lock.json)"
  local start
  start=$(now)
  (cd "$REPO_ROOT" && npm ci --ignore-scripts --no-audit --no-fund) || die "npm ci failed (see above)."
  say "npm ci took $(elapsed_since "$start") s"
}

require_chromium() {
  if [[ ! -x $CHROMIUM ]]; then
    printf 'error: %s is missing; the end-to-end tests drive Debian'"'"'s Chromium. install it: sudo apt-get install -y chromium\n' "$CHROMIUM" >&2
    exit 1
  fi
}

# True when something accepts TCP connections on 127.0.0.1:$1 (a listener on 0.0.0.0 counts too).
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Describes who holds a port ("python3 (pid 1234)"), as well as the tools at hand allow.
port_owner() {
  local port=$1
  if command -v ss >/dev/null 2>&1; then
    ss -Hltnp "sport = :$port" 2>/dev/null |
      sed -n 's/.*users:(("\([^"]*\)",pid=\([0-9]*\).*/\1 (pid \2)/p' | head -n 1
  elif command -v lsof >/dev/null 2>&1; then
    lsof -nP -iTCP:"$port" -sTCP:LISTEN 2>/dev/null | awk 'NR == 2 { print $1 " (pid " $2 ")" }'
  fi
}

# $1 = name of the variable that chose the port (BOT_PORT, PLAYGROUND_PORT).
ensure_port_free() {
  local variable=$1 port=${!1} owner
  port_in_use "$port" || return 0
  owner=$(port_owner "$port")
  die "port $port ($variable) is taken${owner:+ by $owner}.
  Stop that process, or pick another port: $variable=<free port> $0"
}

# Last lines of a log file, indented, for error messages.
log_tail() {
  local file=$1 lines=${2:-40}
  if [[ -s $file ]]; then
    printf -- '--- last %s lines of %s ---\n' "$lines" "$file"
    tail -n "$lines" "$file"
    printf -- '---\n'
  else
    printf -- '(%s is empty)\n' "$file"
  fi
}
