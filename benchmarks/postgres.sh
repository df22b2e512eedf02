#!/usr/bin/env bash
# A throw-away PostgreSQL server for the benchmarks, started as the tests start theirs: Debian's binaries (package
# postgresql), as the postgres user when run by root, listening on 127.0.0.1 only, no unix socket. Commits are
# flushed to disk in the background (synchronous_commit=off), as durable as the embedded store's WAL with
# synchronous=NORMAL: a crash of the server process loses nothing, a power cut the last moment of commits.
#
#   benchmarks/postgres.sh start PORT FOLDER     # prints the connection string of database "postgres"
#   benchmarks/postgres.sh createdb PORT NAME    # prints the connection string of a new, empty database
#   benchmarks/postgres.sh stop FOLDER
set -euo pipefail
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$BIN/pg_ctl" ] || { echo "PostgreSQL's server binaries are not in /usr/lib/postgresql/*/bin: install Debian's postgresql package (.ci/run does)." >&2; exit 1; }

as_server() { if [ "$(id -u)" = 0 ]; then (cd /tmp && runuser -u postgres -- "$@"); else "$@"; fi; }
connection() { echo "Host=127.0.0.1;Port=$1;Username=postgres;Database=$2;Maximum Pool Size=50"; }

case "${1:-}" in
  start)
    port=$2; folder=$3
    mkdir -p "$folder"
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$folder"
    as_server "$BIN/initdb" -D "$folder/data" -U postgres --auth=trust -E UTF8 --locale=C > "$folder/initdb.log"
    as_server "$BIN/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
      -o "-p $port -c unix_socket_directories='' -c listen_addresses=127.0.0.1 -c synchronous_commit=off -c max_connections=200" start > /dev/null
    connection "$port" postgres ;;
  createdb)
    as_server "$BIN/psql" -h 127.0.0.1 -p "$2" -U postgres -q -c "CREATE DATABASE $3;" postgres
    connection "$2" "$3" ;;
  stop)
    as_server "$BIN/pg_ctl" -D "$2/data" -m fast -w stop > /dev/null || true
    rm -rf "$2" ;;
  *) sed -n '2,11p' "$0" >&2; exit 2 ;;
esac
