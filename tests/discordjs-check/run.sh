#!/usr/bin/env bash
# Builds and starts the standalone emulator, runs the discord.js check against it, stops the emulator.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
project="$here/../ChatCoach.Discord.Emulator"
work="$(mktemp -d)"
emulator_pid=""

cleanup() {
  exec 3>&- 2>/dev/null || true
  if [[ -n "$emulator_pid" ]] && kill -0 "$emulator_pid" 2>/dev/null; then
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "[run] building the emulator"
dotnet build "$project" --nologo -v quiet -o "$work/bin"

# The emulator exits when its stdin closes; a fifo held open on fd 3 keeps it alive until cleanup.
mkfifo "$work/stdin"
dotnet "$work/bin/ChatCoach.Discord.Emulator.dll" --heartbeat-interval-ms 1000 <"$work/stdin" >"$work/stdout" 2>"$work/stderr" &
emulator_pid=$!
exec 3>"$work/stdin"

url=""
for _ in $(seq 1 300); do
  url="$(head -n 1 "$work/stdout" 2>/dev/null || true)"
  [[ -n "$url" ]] && break
  if ! kill -0 "$emulator_pid" 2>/dev/null; then
    echo "[run] the emulator exited early:" >&2
    cat "$work/stderr" >&2
    exit 1
  fi
  sleep 0.2
done
[[ -n "$url" ]] || { echo "[run] the emulator printed no URL" >&2; exit 1; }
echo "[run] emulator at $url"

cd "$here"
npm ci --no-audit --no-fund --loglevel=error
node check.mjs "$url"
