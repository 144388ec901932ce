#!/usr/bin/env bash
# Runs every test of FairnessGuard on a fresh machine: installs what the suite needs if it is missing,
# builds the solution once in Release, runs all test projects, and prints one closing line
# "N passed, N failed" (exit code non-zero when anything fails).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# Prerequisites that come from Debian packages (later suites need them); installed only when missing.
# The defaults are what the suite itself needs (chromium renders the CLI's HTML report); FAIRNESSGUARD_APT_NEEDS adds more.
default_apt_needs="chromium:chromium"
need=()
# PostgreSQL for the storage tests (they start a private cluster); its binaries live off PATH.
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || [ -n "${FAIRNESSGUARD_PG_BIN:-}" ] || need+=(postgresql)
for entry in $default_apt_needs ${FAIRNESSGUARD_APT_NEEDS:-}; do
  cmd="${entry%%:*}"; pkg="${entry##*:}"
  command -v "$cmd" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing missing packages: ${need[*]}"
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build FairnessGuard.sln -c Release -nologo -clp:ErrorsOnly
log="$(mktemp)"
status=0
dotnet test FairnessGuard.sln -c Release --no-build -nologo 2>&1 | tee "$log" || status=$?

# dotnet test prints one summary per test assembly; add them up into the plain closing line.
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit "$status"
