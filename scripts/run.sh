#!/usr/bin/env bash
# The README run command: the Relief function app on http://localhost:7071 through the local Functions host
# (shared/Relief.FunctionsHost), with Azurite as its storage.
#  - First use: creates local.settings.json from local.settings.sample.json and installs the pinned
#    Azurite (npm ci, from the committed lock file).
#  - Starts Azurite (ports 10000-10002, data in the git-ignored .azurite/ folder) unless
#    AzureWebJobsStorage (environment, else local.settings.json) names a real storage account.
#  - Ctrl+C (SIGINT) or SIGTERM stops the host gracefully, then Azurite; nothing is left running.
# Extra arguments go to the host (e.g. --port 7072).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

if [ ! -f local.settings.json ]; then
  cp local.settings.sample.json local.settings.json
  echo "Created local.settings.json from local.settings.sample.json."
fi

storage="${AzureWebJobsStorage:-}"
if [ -z "$storage" ]; then
  storage="$(node -e 'try { const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); process.stdout.write((s.Values && s.Values.AzureWebJobsStorage) || ""); } catch (e) {}' "$root/local.settings.json")"
fi
use_azurite=false
case "$storage" in
  ""|*UseDevelopmentStorage=true*|*127.0.0.1*|*localhost*) use_azurite=true ;;
esac

azurite_pid=""
host_pid=""
# Waits for a child to end; after $2 seconds sends SIGKILL (nothing may be left running).
wait_or_kill() {
  local pid=$1 seconds=$2
  for _ in $(seq 1 $((seconds * 10))); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return; }
    sleep 0.1
  done
  echo "pid $pid did not stop within ${seconds} s: killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
stop_all() {
  trap - INT TERM EXIT
  if [ -n "$host_pid" ] && kill -0 "$host_pid" 2>/dev/null; then
    # Graceful: polling stops, in-flight invocations finish (background jobs ignore SIGINT, so TERM).
    kill -TERM "$host_pid" 2>/dev/null || true
    wait_or_kill "$host_pid" 60
  fi
  if [ -n "$azurite_pid" ] && kill -0 "$azurite_pid" 2>/dev/null; then
    kill -INT "$azurite_pid" 2>/dev/null || true   # Azurite's own Ctrl+C: closes and flushes its services
    # Azurite may linger after saying its three services are closed (data is flushed by then): end it.
    for _ in $(seq 1 200); do
      kill -0 "$azurite_pid" 2>/dev/null || break
      if [ "$(grep -c 'service successfully closed' .azurite/azurite.log 2>/dev/null)" -ge 3 ]; then
        sleep 0.5
        kill -KILL "$azurite_pid" 2>/dev/null || true
        break
      fi
      sleep 0.1
    done
    wait_or_kill "$azurite_pid" 5
  fi
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

if [ "$use_azurite" = true ]; then
  if [ ! -f infra/azurite/node_modules/azurite/dist/src/azurite.js ]; then
    echo "Installing the pinned Azurite (npm ci)..."
    npm ci --prefix infra/azurite --no-audit --no-fund --loglevel=error
  fi
  mkdir -p .azurite
  # Own session (setsid): a terminal Ctrl+C reaches the host first; Azurite is stopped after it.
  setsid node infra/azurite/node_modules/azurite/dist/src/azurite.js \
    --location .azurite --skipApiVersionCheck --loose \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort 10000 --queuePort 10001 --tablePort 10002 > .azurite/azurite.log 2>&1 &
  azurite_pid=$!
  for _ in $(seq 1 120); do
    if (exec 3<>/dev/tcp/127.0.0.1/10001) 2>/dev/null; then break; fi
    if ! kill -0 "$azurite_pid" 2>/dev/null; then echo "Azurite failed to start; see .azurite/azurite.log" >&2; exit 1; fi
    sleep 0.5
  done
  echo "Azurite running (pid $azurite_pid), data in .azurite/"
else
  echo "AzureWebJobsStorage names a storage account: Azurite not started."
fi

# No build servers: Ctrl+C must leave nothing running (MSBuild nodes and the compiler server would linger).
dotnet build functions/Relief.Functions/Relief.Functions.csproj -c Release -nologo -v q --disable-build-servers
dotnet build shared/Relief.FunctionsHost/Relief.FunctionsHost.csproj -c Release -nologo -v q --disable-build-servers
# Sign-in: unless an OpenID Connect authority is configured, the app validates tokens with the local development key
# (created on first run in the git-ignored .relief/ folder); the README's token command signs with the same key.
authority="${Relief__Auth__Authority:-}"
if [ -z "$authority" ]; then
  authority="$(node -e 'try { const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); process.stdout.write((s.Values && s.Values["Relief:Auth:Authority"]) || ""); } catch (e) {}' "$root/local.settings.json")"
fi
if [ -z "$authority" ]; then
  export Relief__Auth__DevelopmentKeyFile="${Relief__Auth__DevelopmentKeyFile:-$root/.relief/dev-signing-key}"
  echo "Sign-in: development tokens (key $Relief__Auth__DevelopmentKeyFile). A token, e.g. for a Shinan caseworker:"
  echo "  dotnet run --project tools/Relief.DevToken -- --role caseworker --area qingdao/shinan --sub 0042"
  echo "  then: curl -H \"Authorization: Bearer \$TOKEN\" localhost:7071/api/cases"
fi
# The local Functions host runs the built app (host.json from its folder; app settings from local.settings.json),
# as `func start` would where Core Tools is installed.
dotnet shared/Relief.FunctionsHost/bin/Release/net10.0/Relief.FunctionsHost.dll \
  --script-root functions/Relief.Functions/bin/Release/net10.0 --settings local.settings.json --static-root console "$@" &
host_pid=$!
set +e
wait "$host_pid"
status=$?
host_pid=""
exit "$status"
