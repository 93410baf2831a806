#!/usr/bin/env bash
# Stabsrum's one test command (also what CI runs, through .ci/run).
#
#   1. installs what the tests need when it is missing: PostgreSQL, Chromium, poppler-utils and fonts from
#      Debian packages (when run as root), npm packages (by the build, from package-lock.json);
#   2. starts a throwaway PostgreSQL cluster of its own on a free loopback port in a temp folder;
#   3. dotnet format --verify-no-changes, a warnings-as-errors build;
#   4. every test on SQLite, every test on PostgreSQL, then the browser tests;
#   5. prints one line "N passed, N failed" and exits non-zero on any failure.
#
# Options through the environment: STABSRUM_SKIP_BROWSER=1 skips the browser tests (for quick local runs;
# CI never sets it), STABSRUM_TEST_FILTER passes a dotnet test --filter to every run.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '\n== %s\n' "$*"; }
die() { printf 'test.sh: %s\n' "$*" >&2; echo "0 passed, 1 failed"; exit 1; }

# --- 1. What the tests need -------------------------------------------------------------------------------
find_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ] && { echo "$dir"; return 0; }
  done
  return 1
}

missing=()
find_pg_bin >/dev/null || missing+=(postgresql)
[ -x "${STABSRUM_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null || die "apt-get update failed"
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || die "apt-get install ${missing[*]} failed"
  else
    die "missing ${missing[*]}: run ./test.sh as root once (it installs them with apt-get) or install them yourself"
  fi
fi

# --- 2. A throwaway PostgreSQL cluster --------------------------------------------------------------------
pg_bin=$(find_pg_bin) || die "PostgreSQL server binaries not found under /usr/lib/postgresql"
pg_dir=$(mktemp -d /tmp/stabsrum-pg.XXXXXX)
results=$(mktemp -d /tmp/stabsrum-results.XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_pg() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir" "$results"
}
trap stop_pg EXIT
[ "$(id -u)" = 0 ] && chown postgres "$pg_dir"

pg_port=""
for port in $(seq 55432 55532); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then pg_port=$port; break; fi
done
[ -n "$pg_port" ] || die "no free port for PostgreSQL between 55432 and 55532"

say "PostgreSQL on 127.0.0.1:$pg_port ($pg_bin)"
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log"; die "initdb failed"; }
# fsync off: a throwaway test cluster; durability of the app is tested against the app's own settings.
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c full_page_writes=off" start >/dev/null \
  || { cat "$pg_dir/server.log"; die "PostgreSQL did not start"; }
postgres_cs="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=unused;Include Error Detail=true"

# --- 3. Format and build ---------------------------------------------------------------------------------
say "Restore"
dotnet restore Stabsrum.slnx --verbosity quiet || die "restore failed"
say "dotnet format --verify-no-changes"
dotnet format Stabsrum.slnx --verify-no-changes --no-restore --verbosity quiet || die "code is not formatted: run 'dotnet format Stabsrum.slnx'"
say "Build (warnings are errors)"
dotnet build Stabsrum.slnx --no-restore --verbosity quiet -warnaserror || die "build failed"

# --- 4. Tests ---------------------------------------------------------------------------------------------
filter=()
[ -n "${STABSRUM_TEST_FILTER:-}" ] && filter=(--filter "$STABSRUM_TEST_FILTER")
failed_runs=0
run_tests() { # name project [VAR=value ...]
  local name=$1 project=$2; shift 2
  say "Tests: $name"
  env "$@" dotnet test "$project" --no-build "${filter[@]}" \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" 2>&1 | tee "$results/$name.log" \
    | grep -E '^\s*(Failed|Passed!|Failed!|Error Message|\s+at Stabsrum)|\[FAIL\]' || true
  [ "${PIPESTATUS[0]}" = 0 ] || failed_runs=$((failed_runs + 1))
}

run_tests sqlite tests/Stabsrum.Tests STABSRUM_TEST_PROVIDER=Sqlite
run_tests postgres tests/Stabsrum.Tests STABSRUM_TEST_PROVIDER=Postgres "STABSRUM_TEST_POSTGRES=$postgres_cs"
if [ "${STABSRUM_SKIP_BROWSER:-}" = 1 ]; then
  say "Browser tests skipped (STABSRUM_SKIP_BROWSER=1)"
else
  run_tests browser tests/Stabsrum.BrowserTests "STABSRUM_TEST_POSTGRES=$postgres_cs"
fi

# --- 5. One summary line ---------------------------------------------------------------------------------
# Counted from the TRX files so that a crashed test host (no TRX) shows up as a failed run, not as 0 tests.
count() { cat "$results"/*.trx 2>/dev/null | grep -o "<Counters [^>]*" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{ s += $1 } END { print s + 0 }'; }
passed=$(count passed); failed=$(count failed); total=$(count total)
passed=${passed:-0}; failed=${failed:-0}; total=${total:-0}
skipped=$((total - passed - failed))
if [ "$failed_runs" -gt 0 ] && [ "$failed" = 0 ]; then failed=$failed_runs; fi
echo
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
[ "$failed" = 0 ] && [ "$failed_runs" = 0 ] && [ "$passed" -gt 0 ]
