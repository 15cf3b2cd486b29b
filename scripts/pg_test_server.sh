#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests, in a folder of its own.
#
#   scripts/pg_test_server.sh start DIR   # initdb DIR/data, start on a free loopback port,
#                                         # create database ghatna_test; prints its URL
#   scripts/pg_test_server.sh stop DIR    # stop it (the caller removes DIR)
#
# Uses Debian's `postgresql` package (initdb and pg_ctl under /usr/lib/postgresql/*/bin).
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
set -euo pipefail
cmd="${1:?usage: pg_test_server.sh start|stop DIR}"
dir="${2:?usage: pg_test_server.sh start|stop DIR}"

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$bindir" ] || [ ! -x "$bindir/pg_ctl" ]; then
    echo "pg_test_server: no PostgreSQL server installed (apt-get install postgresql)" >&2
    exit 2
fi

if [ "$(id -u)" = 0 ]; then
    owner=postgres
    as_owner() { runuser -u postgres -- "$@"; }
else
    owner="$(id -un)"
    as_owner() { "$@"; }
fi

case "$cmd" in
start)
    mkdir -p "$dir"
    chown "$owner" "$dir"
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    as_owner "$bindir/initdb" -D "$dir/data" -U "$owner" --auth=trust -E UTF8 --locale=C.UTF-8 \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" \
        start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U "$owner" ghatna_test
    echo "postgresql://$owner@127.0.0.1:$port/ghatna_test"
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    ;;
*)
    echo "usage: pg_test_server.sh start|stop DIR" >&2
    exit 2
    ;;
esac
