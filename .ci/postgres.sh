#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL server on loopback, for CI and the benchmarks.
#   source .ci/postgres.sh; pg_start DIR PORT   -> exports DATABASE_URL and CONFIDE_PG_DATADIR
#   pg_stop DIR
# CONFIDE_PG_FAST=1 (the test suite): no fsync and no full-page writes. A killed server loses nothing
# acknowledged that way (the kernel still holds its writes); only a machine crash would, which no test makes.
# Benchmarks leave it unset and measure a durable server.
pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; return 1; }
  echo "$dir"
}

pg_run() {  # initdb and postgres refuse to run as root
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  local dir=$1 port=$2 bin
  bin=$(pg_bin) || return 1
  # Never reuse a server that happens to listen there: callers wipe the database they get.
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use: pg_start only works with a server it starts" >&2; return 1
  fi
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    pg_run "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 >/dev/null
  fi
  local fast=""
  [ "${CONFIDE_PG_FAST:-}" = 1 ] && fast="-c fsync=off -c full_page_writes=off"
  pg_run "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB $fast" start >/dev/null || return 1
  psql -h 127.0.0.1 -p "$port" -U postgres -Atc "SELECT 1 FROM pg_database WHERE datname='confide'" | grep -q 1 \
    || psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE confide"
  export DATABASE_URL="postgres://postgres@127.0.0.1:$port/confide"
  export CONFIDE_PG_DATADIR="$dir/data"
}

pg_stop() {
  local dir=$1 bin
  bin=$(pg_bin) || return 0
  [ -f "$dir/data/postmaster.pid" ] && pg_run "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
}
