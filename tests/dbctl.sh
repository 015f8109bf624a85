#!/usr/bin/env bash
# Stops or starts the private MariaDB of a test stack (for the test that the
# app survives a database restart): tests/dbctl.sh stop|start VAR
set -euo pipefail
cmd=$1 var=$2
sock=$var/run/mysqld.sock pid=$var/run/mysqld.pid
case $cmd in
stop)
    mariadb-admin --no-defaults --socket="$sock" -u root shutdown
    for _ in $(seq 100); do [[ -e $pid ]] || exit 0; sleep 0.1; done
    echo "dbctl: MariaDB did not stop" >&2; exit 1 ;;
start)
    user=(); [[ $(id -u) == 0 ]] && user=(--user=root)
    setsid mariadbd --no-defaults --datadir="$var/db" --socket="$sock" --pid-file="$pid" --skip-networking \
        "${user[@]}" --log-error="$var/log/mariadb.err" --character-set-server=utf8mb4 \
        --collation-server=utf8mb4_general_ci </dev/null >/dev/null 2>&1 &
    for _ in $(seq 300); do
        mariadb-admin --no-defaults --socket="$sock" -u root ping >/dev/null 2>&1 && exit 0
        sleep 0.1
    done
    echo "dbctl: MariaDB did not start" >&2; exit 1 ;;
*) echo "usage: dbctl.sh stop|start VAR" >&2; exit 2 ;;
esac
