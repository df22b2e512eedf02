#!/usr/bin/env bash
# Runs every test project of AiCoachBot.sln, the end-to-end tests (bot + Agents Playground + headless
# Chromium) included, and ends with one line "N passed, N failed[, N skipped]".
#   scripts/test.sh
#   scripts/test.sh --filter "FullyQualifiedName~Coaching"     (extra arguments go to dotnet test)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Sums the per-project result lines of dotnet test (VSTest), e.g.
#   Passed!  - Failed:     0, Passed:    57, Skipped:     0, Total:    57, Duration: 2 s - X.Tests.dll (net10.0)
summarise() {
  awk '
    /^[[:space:]]*(Passed|Failed)![[:space:]]+-[[:space:]]+Failed:/ {
      for (i = 1; i <= NF; i++) {
        value = $(i + 1); gsub(/[^0-9]/, "", value)
        if ($i == "Failed:") failed += value
        else if ($i == "Passed:") passed += value
        else if ($i == "Skipped:") skipped += value
      }
      projects++
    }
    END {
      if (projects == 0) print "(no test results were reported: see the build output above)" > "/dev/stderr"
      line = sprintf("%d passed, %d failed", passed, failed)
      if (skipped > 0) line = line sprintf(", %d skipped", skipped)
      print line
    }' "$1"
}

main() {
  require_dotnet_and_node
  ensure_npm_packages
  require_chromium

  local status start
  start=$(now)

  set +e
  dotnet test "$REPO_ROOT/AiCoachBot.sln" "$@" 2>&1 | tee "$TEST_OUTPUT"
  status=${PIPESTATUS[0]}
  set -e

  say "dotnet test exited with $status after $(elapsed_since "$start") s"
  summarise "$TEST_OUTPUT"
  return "$status"
}

TEST_OUTPUT=$(mktemp)
trap 'rm -f "$TEST_OUTPUT"' EXIT
main "$@"
