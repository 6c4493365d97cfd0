# Sourced by ./run-tests and bench/run: installs what is missing and starts a throwaway
# PostgreSQL on 127.0.0.1 in a temporary folder (as the postgres user when run as root), which
# an EXIT trap stops and removes. Exports DOCKET_TEST_POSTGRES. Set `tool` before sourcing.
# shellcheck shell=bash

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DEBIAN_FRONTEND=noninteractive

say() { printf '==> %s\n' "$*"; }
warn() { printf '%s: %s\n' "${tool:-docket}" "$*" >&2; }

is_root=false
[ "$(id -u)" -eq 0 ] && is_root=true

# --- 1. What the tests need from the system ------------------------------------------------

# Runs apt-get as root (directly, or through a password-less sudo for a developer).
apt_updated=false
apt_install() {
    local runner=()
    if ! $is_root; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            runner=(sudo -n)
        else
            warn "cannot install $* (not root and no password-less sudo)"
            return 1
        fi
    fi
    command -v apt-get >/dev/null 2>&1 || { warn "apt-get is not available to install $*"; return 1; }
    local log
    log="$(mktemp)"
    if ! $apt_updated; then
        "${runner[@]}" apt-get update -qq >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; return 1; }
        apt_updated=true
    fi
    say "installing $* with apt-get"
    if ! "${runner[@]}" apt-get install -y -qq --no-install-recommends "$@" >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        return 1
    fi
    rm -f "$log"
}

find_pg_bin() {
    local initdb dir
    if initdb="$(command -v initdb 2>/dev/null)"; then
        dirname "$(readlink -f "$initdb")"
        return 0
    fi
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

if ! pg_bin="$(find_pg_bin)"; then
    apt_install postgresql-15 || { warn "PostgreSQL server binaries (initdb) are missing and could not be installed"; exit 1; }
    pg_bin="$(find_pg_bin)" || { warn "initdb still not found after installing postgresql-15"; exit 1; }
fi

# Chromium is for the browser tests; a missing one is reported, not fatal, until they exist.
if [ ! -x /usr/bin/chromium ]; then
    apt_install chromium fonts-liberation || warn "chromium is not installed; browser tests will not be able to run"
fi

command -v dotnet >/dev/null 2>&1 || { warn "the dotnet SDK is not on PATH"; exit 1; }

# --- 2. A throwaway PostgreSQL ----------------------------------------------------------------

work="$(mktemp -d "${TMPDIR:-/tmp}/docket-tests.XXXXXX")"
pg_started=false

# Runs a PostgreSQL program as the server's owner (initdb refuses root), from a folder it can read.
as_pg() {
    if $is_root; then
        (cd "$work" && runuser -u postgres -- "$@")
    else
        (cd "$work" && "$@")
    fi
}

cleanup() {
    local rc=$?
    if $pg_started; then
        as_pg "$pg_bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if $is_root; then
    id postgres >/dev/null 2>&1 || { warn "there is no 'postgres' user to run the server as"; exit 1; }
    chown postgres "$work"
fi
chmod 700 "$work"

as_pg "$pg_bin/initdb" -D "$work/data" -A trust -U postgres -E UTF8 --no-locale --no-sync >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log" >&2; warn "initdb failed"; exit 1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_port=""
for port in $(seq 55432 55531); do
    port_in_use "$port" && continue
    # A throwaway cluster: durability is not needed, speed is. DOCKET_PG_OPTIONS adds server
    # options, for profiling (e.g. "-c shared_preload_libraries=pg_stat_statements").
    if as_pg "$pg_bin/pg_ctl" -D "$work/data" -l "$work/log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $work -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${DOCKET_PG_OPTIONS:-}" \
        start >/dev/null 2>&1; then
        pg_started=true
        pg_port="$port"
        break
    fi
done
if [ -z "$pg_port" ]; then
    cat "$work/log" >&2 2>/dev/null || true
    warn "could not start PostgreSQL on any port from 55432 to 55531"
    exit 1
fi
say "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"

psql_bin="$pg_bin/psql"
[ -x "$psql_bin" ] || psql_bin="$(command -v psql)"
"$psql_bin" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres \
    -c "CREATE DATABASE docket_test" >/dev/null

export DOCKET_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=docket_test"

