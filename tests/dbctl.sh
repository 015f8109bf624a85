#!/usr/bin/env bash
# Stops or starts the private MariaDB of a test stack (for the test that the
# app survives a database restart): tests/dbctl.sh stop|start VAR
#
# On the cluster of scripts/test-cluster (VAR/galera; DOSSIER_CLUSTER_PORTS
# from it): the database is the three Galera nodes. stop shuts all three down
# (3, 2, then 1, so node 1 holds the last state and may bootstrap), start
# bootstraps node 1 again and lets 2 and 3 rejoin (IST), each one synced
# before the next.
set -euo pipefail
cmd=$1 var=$2
if [[ -d $var/galera ]]; then
    # shellcheck source-path=SCRIPTDIR source=../scripts/lib.sh
    source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
    stack_init dbctl "$var" 0 0
    C_BASE=${DOSSIER_CLUSTER_PORTS:?dbctl: DOSSIER_CLUSTER_PORTS not set (scripts/test-cluster sets it)}
    # shellcheck source-path=SCRIPTDIR source=../scripts/cluster-lib.sh
    source "$D_ROOT/scripts/cluster-lib.sh"
    case $cmd in
    stop)
        node_stop 3
        node_stop 2
        node_stop 1 ;;
    start)
        node_start 1 --wsrep-new-cluster
        node_start 2
        node_start 3 ;;
    *) echo "usage: dbctl.sh stop|start VAR" >&2; exit 2 ;;
    esac >>"$var/log/dbctl.log" 2>&1
    exit 0
fi
sock=$var/run/mysqld.sock pid=$var/run/mysqld.pid
case $cmd in
stop)
    mariadb-admin --no-defaults --socket="$sock" -u root shutdown
    for _ in $(seq 100); do [[ -e $pid ]] || exit 0; sleep 0.1; done
    echo "dbctl: MariaDB did not stop" >&2; exit 1 ;;
start)
    user=(); [[ $(id -u) == 0 ]] && user=(--user=root)
    mkdir -p "$var/db-tmp"    # its own tmpdir, as scripts/lib.sh starts it
    setsid mariadbd --no-defaults --datadir="$var/db" --socket="$sock" --pid-file="$pid" --skip-networking \
        --tmpdir="$var/db-tmp" \
        "${user[@]}" --log-error="$var/log/mariadb.err" --character-set-server=utf8mb4 \
        --collation-server=utf8mb4_general_ci </dev/null >/dev/null 2>&1 &
    for _ in $(seq 300); do
        mariadb-admin --no-defaults --socket="$sock" -u root ping >/dev/null 2>&1 && exit 0
        sleep 0.1
    done
    echo "dbctl: MariaDB did not start" >&2; exit 1 ;;
*) echo "usage: dbctl.sh stop|start VAR" >&2; exit 2 ;;
esac
