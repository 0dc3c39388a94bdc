#!/usr/bin/env bash
# The README test command: restore, install the pinned Azurite, build, run every test project.
# Works on a fresh machine of this kind. Ends with the line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

results="$(pwd)/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

# 1. Azurite from the committed lock file (tests start their own in-memory instances on free ports).
if [ ! -f infra/azurite/node_modules/azurite/dist/src/azurite.js ]; then
  echo "Installing the pinned Azurite (npm ci)..."
  npm ci --prefix infra/azurite --no-audit --no-fund --loglevel=error
fi

# 2. Debian's chromium for the console's browser tests (Playwright drives it), and a CJK font for its Chinese labels.
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  echo "Installing Debian's chromium and fonts-noto-cjk (apt-get)..."
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk fontconfig >/dev/null
fi

# 3. Restore and build once.
dotnet restore Relief.Functions.sln
dotnet build Relief.Functions.sln --no-restore -c Release

# 4. Test, one project after another (2-core machines: parallel projects each with their own Azurite
#    only add contention). A project's failure must not hide the others' counts: keep going, then sum
#    the TRX files, one per project.
status=0
for project in $(dotnet sln Relief.Functions.sln list | grep -E '^tests/.*Tests\.csproj$' | sort); do
  name=$(basename "$project" .csproj)
  echo "=== ${name}"
  dotnet test "$project" --no-build -c Release \
    --logger "trx;LogFileName=${name}.trx" --results-directory "$results" "$@" || status=$?
  # The Relief end-to-end tests run once more with the host on Relief's lean durable provider
  # (host.json extensions.durableTask.storageProvider.type = Relief); the default run uses the framework's.
  if [ "$name" = "Relief.Functions.Tests" ]; then
    echo "=== ${name} (lean durable provider)"
    RELIEF_TEST_DURABLE_PROVIDER=Relief dotnet test "$project" --no-build -c Release \
      --logger "trx;LogFileName=${name}.Lean.trx" --results-directory "$results" "$@" || status=$?
  fi
done

passed=0; failed=0; total=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); total=$((total + ${t:-0}))
done
# Tests that never reported (a crashed test host) count as failed.
notrun=$((total - passed - failed))
if [ "$notrun" -gt 0 ]; then failed=$((failed + notrun)); fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

echo "${passed} passed, ${failed} failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
