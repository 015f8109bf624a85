# shellcheck shell=bash
# A private three-node MariaDB Galera cluster on loopback, for scripts/test-cluster.
# Source after lib.sh and stack_init. Node N (1..3) lives in $D_VAR/galera/nodeN/
# (data/, its socket, pid and error log), owned by the mysql user: rsync SST runs
# the joiner's rsync as nobody and fails under --user=root (TECHNOTES).
#
#   C_BASE (default 19000): node N uses ports C_BASE+N (SQL), C_BASE+10+N (group
#   communication), C_BASE+20+N (IST), C_BASE+30+N (SST).

C_BASE=${C_BASE:-19000}
C_GALERA=$D_VAR/galera

node_dir() { printf '%s/node%s\n' "$C_GALERA" "$1"; }
node_sock() { printf '%s/node%s/mysqld.sock\n' "$C_GALERA" "$1"; }
node_pidfile() { printf '%s/node%s/mysqld.pid\n' "$C_GALERA" "$1"; }
node_port() { echo $((C_BASE + $1)); }

node_sql() {
    local n=$1
    shift
    mariadb --no-defaults --socket="$(node_sock "$n")" --user=root "$@"
}

node_status() { # node_status N VARIABLE: a wsrep status value of node N
    node_sql "$1" -N -B -e "SHOW STATUS LIKE '$2'" 2>/dev/null | cut -f2
}

node_running() { pid_running "$(node_pidfile "$1")" mariadbd "$(node_dir "$1")"; }

# node_start N [--wsrep-new-cluster]: starts node N and waits until it is
# synced with the cluster (wsrep_local_state_comment = Synced).
node_start() {
    local n=$1 dir pid i st
    shift
    dir=$(node_dir "$n")
    mkdir -p "$dir/data" "$dir/tmp"
    chown -R mysql:mysql "$dir"
    local gaddr="gcomm://127.0.0.1:$((C_BASE + 11)),127.0.0.1:$((C_BASE + 12)),127.0.0.1:$((C_BASE + 13))"
    say "starting Galera node $n (port $(node_port "$n"), gcomm $((C_BASE + 10 + n)))${1:+ $1}"
    setsid nice mariadbd --no-defaults --datadir="$dir/data" --socket="$dir/mysqld.sock" \
        --tmpdir="$dir/tmp" --pid-file="$dir/mysqld.pid" --log-error="$dir/mysqld.err" --user=mysql \
        --bind-address=127.0.0.1 --port="$(node_port "$n")" \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
        --innodb-buffer-pool-size=24M --innodb-log-file-size=16M --key-buffer-size=1M \
        --performance-schema=OFF --max-connections=60 \
        --binlog-format=ROW --innodb-autoinc-lock-mode=2 --default-storage-engine=InnoDB \
        --wsrep-on=ON --wsrep-provider=/usr/lib/galera/libgalera_smm.so \
        --wsrep-cluster-name=dossier-drill --wsrep-cluster-address="$gaddr" \
        --wsrep-node-name="node$n" --wsrep-node-address="127.0.0.1:$((C_BASE + 10 + n))" \
        --wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:$((C_BASE + 10 + n));ist.recv_addr=127.0.0.1:$((C_BASE + 20 + n));gcache.size=32M" \
        --wsrep-sst-receive-address="127.0.0.1:$((C_BASE + 30 + n))" --wsrep-sst-method=rsync \
        --wsrep-slave-threads=2 \
        "$@" </dev/null >/dev/null 2>&1 &
    pid=$!
    disown "$pid"   # no "Killed" job notice when the drill kills it
    for ((i = 0; i < 1200; i++)); do
        st=$(node_status "$n" wsrep_local_state_comment || true)
        if [[ $st == Synced ]]; then
            say "node $n synced (pid $pid, cluster size $(node_status "$n" wsrep_cluster_size))"
            return 0
        fi
        if ! proc_matches "$pid"; then
            show_log "$dir/mysqld.err" 40
            die "Galera node $n exited during start-up, see $dir/mysqld.err"
        fi
        sleep 0.1
    done
    show_log "$dir/mysqld.err" 40
    die "Galera node $n not synced after 120 s"
}

# node_kill N: SIGKILL, as a crash would.
node_kill() {
    local pid
    pid=$(node_running "$1") || return 0
    kill -s KILL "$pid"
    wait_gone 10 "$pid" || warn "node $1 (pid $pid) survived SIGKILL"
    rm -f "$(node_pidfile "$1")"
}

node_stop() {
    local n=$1 pid
    pid=$(node_running "$n") || return 0
    say "stopping Galera node $n (pid $pid)"
    node_sql "$n" -e 'SHUTDOWN' >/dev/null 2>&1 || kill -s TERM "$pid" 2>/dev/null || true
    if ! wait_gone 60 "$pid" mariadbd "$(node_dir "$n")"; then
        kill -s KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$(node_pidfile "$n")"
}

# cluster_init: node 1's datadir (only node 1: the others get theirs by SST).
cluster_init() {
    local dir
    dir=$(node_dir 1)
    mkdir -p "$dir/data"
    chown -R mysql:mysql "$C_GALERA"
    say "initialising node 1's datadir"
    mariadb-install-db --no-defaults --datadir="$dir/data" --user=mysql \
        --auth-root-authentication-method=normal --skip-test-db \
        >"$D_LOG/mariadb-install.log" 2>&1 || {
        show_log "$D_LOG/mariadb-install.log"
        die "mariadb-install-db failed"
    }
}

cluster_stop() { node_stop 3; node_stop 2; node_stop 1; }
