# shellcheck shell=bash
# Shared functions for scripts/up, scripts/down, scripts/test and scripts/bench.
#
# A "stack" is a private MariaDB (unix socket only), an SMTP sink, the dossier
# FastCGI app and nginx on 127.0.0.1, all living in one var dir:
#
#   $VAR/dossier.conf        generated app config (absolute paths)
#   $VAR/run/                sockets and pid files
#   $VAR/log/                logs of every service (+ sanitizer reports)
#   $VAR/db/                 MariaDB datadir
#   $VAR/mail/               SMTP sink maildir (new mail in $VAR/mail/new/)
#   $VAR/files/              uploaded scans (served via /protected/)
#   $VAR/backups/            `dossier backup` archives (+ .sha256 manifests)
#   $VAR/nginx/              nginx prefix: nginx.conf, pid, logs/, tmp/, extra/
#
# Usage:
#   source scripts/lib.sh
#   stack_init NAME VAR PORT SMTP_PORT     # sets the D_* variables below
#   D_BIN=... D_TEST_MODE=1 D_APP_ENV=(ASAN_OPTIONS=...)   # optional tweaks
#   stack_start                             # db, smtp, migrate, demo, app, nginx
#   stack_stop                              # stops what the pid files name
#
# Every process is stopped only through a pid file written when it was started,
# and only if /proc/PID/cmdline still names that process and this var dir.
# Nothing here touches the system MariaDB or nginx (their configs are never
# read: --no-defaults / -p -c), except the read-only /etc/nginx/mime.types and
# /etc/nginx/fastcgi_params includes.

# shellcheck disable=SC2034  # the D_* variables are used by the callers

D_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# ---------------------------------------------------------------- messages ---

say() { printf '[%s] %s\n' "${D_NAME:-dossier}" "$*"; }
warn() { printf '[%s] WARNING: %s\n' "${D_NAME:-dossier}" "$*" >&2; }
die() {
    printf '[%s] ERROR: %s\n' "${D_NAME:-dossier}" "$*" >&2
    exit 1
}

# show_log FILE [LINES]: the end of a log file, indented, on stderr.
show_log() {
    local f=$1 n=${2:-30}
    if [[ -s $f ]]; then
        printf -- '----- last %s lines of %s -----\n' "$n" "$f" >&2
        tail -n "$n" "$f" | sed 's/^/  | /' >&2
        printf -- '-----\n' >&2
    else
        printf -- '----- %s is empty or missing -----\n' "$f" >&2
    fi
}

# ------------------------------------------------------------------ set-up ---

# stack_init NAME VAR PORT SMTP_PORT
stack_init() {
    D_NAME=$1
    D_VAR=$2
    D_PORT=$3
    D_SMTP_PORT=$4
    case $D_VAR in
        /*) ;;
        *) D_VAR=$PWD/$D_VAR ;;
    esac
    D_RUN=$D_VAR/run
    D_LOG=$D_VAR/log
    D_DB=$D_VAR/db
    D_DB_TMP=$D_VAR/db-tmp
    D_MAIL=$D_VAR/mail
    D_FILES=$D_VAR/files
    D_BACKUPS=$D_VAR/backups
    D_NGX=$D_VAR/nginx
    D_CONF=$D_VAR/dossier.conf
    D_DB_SOCK=$D_RUN/mysqld.sock
    D_DB_PID=$D_RUN/mysqld.pid
    D_SMTP_PID=$D_RUN/smtp.pid
    D_SCHED_PID=$D_RUN/scheduler.pid
    D_APP_SOCK=$D_RUN/dossier.sock
    D_APP_PID=$D_RUN/dossier.pid          # written by the app (pid_file)
    D_APP_LAUNCH_PID=$D_RUN/serve.pid     # written by us ($! of setsid)
    D_NGX_PID=$D_NGX/nginx.pid
    D_BIN=${D_BIN:-$D_ROOT/cgi/dossier}
    D_TEST_MODE=${D_TEST_MODE:-0}
    D_WORKERS=${D_WORKERS:-0}
    D_DEMO=${D_DEMO:-1}
    D_URL=http://127.0.0.1:$D_PORT
    # extra environment for every app invocation (e.g. ASAN_OPTIONS=...)
    if ! declare -p D_APP_ENV >/dev/null 2>&1; then D_APP_ENV=(); fi
    # extra mariadbd options
    if ! declare -p D_DB_ARGS >/dev/null 2>&1; then D_DB_ARGS=(); fi
    # a unix socket path must fit in sun_path (108 bytes incl. NUL)
    if ((${#D_APP_SOCK} > 100)); then
        die "var dir path too long for unix sockets: $D_VAR (use a shorter one)"
    fi
}

stack_dirs() {
    # the sink's Maildir needs its three folders: aiosmtpd makes them only
    # when the directory itself does not exist yet
    mkdir -p "$D_RUN" "$D_LOG" "$D_DB" "$D_DB_TMP" "$D_MAIL"/tmp "$D_MAIL"/new "$D_MAIL"/cur "$D_FILES" \
        "$D_NGX/logs" "$D_NGX/tmp" "$D_NGX/extra"
}

# --------------------------------------------------------------- processes ---

# read_pid FILE: print the pid stored in FILE; fails if none.
read_pid() {
    local pid
    [[ -r $1 ]] || return 1
    read -r pid <"$1" 2>/dev/null || [[ -n ${pid:-} ]] || return 1
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    printf '%s\n' "$pid"
}

# proc_matches PID PATTERN...: the process is alive (not a zombie) and its
# command line contains every PATTERN. Without PATTERN: just alive (right
# after a fork the child may not have exec'd its program yet).
proc_matches() {
    local pid=$1 cmd pat state
    shift
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    [[ -r /proc/$pid/cmdline ]] || return 1
    state=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$pid/status" 2>/dev/null) || return 1
    [[ -n $state && $state != Z && $state != X ]] || return 1
    cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || return 1
    for pat in "$@"; do
        [[ $cmd == *"$pat"* ]] || return 1
    done
}

# pid_running PIDFILE PATTERN...: print the pid if PIDFILE names a live
# process whose command line contains every PATTERN.
pid_running() {
    local file=$1 pid
    shift
    pid=$(read_pid "$file") || return 1
    proc_matches "$pid" "$@" || return 1
    printf '%s\n' "$pid"
}

# group_pids PGID: live (non-zombie) processes of a process group we started
# with setsid (the group id is the leader's pid).
group_pids() {
    local p
    for p in $(pgrep -g "$1" 2>/dev/null); do
        proc_matches "$p" && echo "$p"
    done
    return 0
}

# wait_gone TIMEOUT_S PID PATTERN...: wait until the process has gone.
wait_gone() {
    local timeout=$1 pid=$2 i
    shift 2
    for ((i = 0; i < timeout * 10; i++)); do
        proc_matches "$pid" "$@" || return 0
        sleep 0.1
    done
    return 1
}

# stop_proc NAME PIDFILE TIMEOUT_S SIGNAL GROUP PATTERN...
# Sends SIGNAL to the recorded pid, waits TIMEOUT_S, then SIGKILL. GROUP=1:
# the process is a setsid session leader; on SIGKILL its whole process group
# (its own children) goes too, and stray group members are reported.
stop_proc() {
    local name=$1 file=$2 timeout=$3 sig=$4 group=$5 pid left i
    shift 5
    if ! pid=$(read_pid "$file"); then
        return 0
    fi
    if ! proc_matches "$pid" "$@"; then
        say "$name: not running (stale pid file $file removed)"
        rm -f "$file"
        return 0
    fi
    say "stopping $name (pid $pid, SIG$sig)"
    kill -s "$sig" "$pid" 2>/dev/null || true
    if ! wait_gone "$timeout" "$pid" "$@"; then
        warn "$name (pid $pid) still running after ${timeout}s: SIGKILL"
        if ((group)) && [[ $(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ') == "$pid" ]]; then
            kill -s KILL -- "-$pid" 2>/dev/null || true
        else
            kill -s KILL "$pid" 2>/dev/null || true
        fi
        wait_gone 5 "$pid" "$@" || warn "$name (pid $pid) survived SIGKILL"
    fi
    if ((group)); then
        # workers may take a moment to notice their master has gone
        for ((i = 0; i < 50; i++)); do
            left=$(group_pids "$pid")
            [[ -z $left ]] && break
            sleep 0.1
        done
        if [[ -n $left ]]; then
            warn "$name: processes of its group still alive after the leader exited: $(echo "$left" | tr '\n' ' ')— SIGKILL"
            kill -s KILL -- "-$pid" 2>/dev/null || true
        fi
    fi
    rm -f "$file"
}

# port_in_use PORT: something accepts TCP connections on 127.0.0.1:PORT.
port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# ------------------------------------------------------------------- build ---

# build_inplace [LOG] [werror]: autotools + make at the top level (produces
# cgi/dossier). With "werror" (scripts/test) warnings are errors: a tree
# configured without --enable-werror is configured again with it (its other
# configure arguments kept) and rebuilt from clean, so that every object was
# compiled with -Werror.
build_inplace() {
    local log=${1:-$D_ROOT/build.log} werror=${2:-}
    [[ -f $D_ROOT/configure.ac ]] || die "no configure.ac in $D_ROOT"
    say "building in place${werror:+ with -Werror} (log: $log)"
    (
        set -e
        cd "$D_ROOT"
        if [[ ! -x configure ]]; then autoreconf -fi; fi
        if [[ ! -f Makefile || ! -f config.status ]]; then
            ./configure ${werror:+--enable-werror}
        elif [[ -n $werror ]] && ! grep -q '^WERROR_CFLAGS = -Werror' Makefile; then
            echo "configured without --enable-werror: configuring again with it, rebuilding from clean"
            eval "./configure $(./config.status --config) --enable-werror"
            make clean
        fi
        make -j"$(nproc)"
    ) >"$log" 2>&1 || {
        show_log "$log" 60
        die "build failed, see $log"
    }
    [[ -x $D_ROOT/cgi/dossier ]] || die "build produced no cgi/dossier (see $log)"
    say "built $D_ROOT/cgi/dossier ($(grep -c 'warning:' "$log" || true) compiler warnings)"
}

# build_asan [DIR]: the AddressSanitizer + UBSan build (-Werror) of the app
# and the tests in DIR (default $D_ROOT/build-asan): `make asan` of the
# configured tree (Makefile.am says how). The binary is DIR/cgi/dossier.
build_asan() {
    local dir=${1:-$D_ROOT/build-asan} log
    log=$dir.log
    [[ -f $D_ROOT/Makefile ]] || die "$D_ROOT is not configured (build_inplace first)"
    say "ASan+UBSan build: make asan ASAN_DIR=$dir (log: $log)"
    make -C "$D_ROOT" -j"$(nproc)" asan ASAN_DIR="$dir" >"$log" 2>&1 || {
        show_log "$log" 60
        die "ASan build failed, see $log"
    }
    [[ -x $dir/cgi/dossier ]] || die "ASan build produced no $dir/cgi/dossier (see $log)"
    say "built $dir/cgi/dossier"
}

# ----------------------------------------------------------------- MariaDB ---

db_running() { pid_running "$D_DB_PID" mariadbd "$D_DB"; }

db_ping() {
    mariadb-admin --no-defaults --socket="$D_DB_SOCK" --user=root \
        --connect-timeout=2 ping >/dev/null 2>&1
}

db_start() {
    local pid i log=$D_LOG/mariadb.err
    stack_dirs
    if pid=$(db_running); then
        say "MariaDB already running (pid $pid)"
        return 0
    fi
    if [[ ! -d $D_DB/mysql ]]; then
        say "initialising MariaDB datadir $D_DB"
        local user_args=()
        ((EUID == 0)) && user_args=(--user=root)
        mariadb-install-db --no-defaults --datadir="$D_DB" "${user_args[@]}" \
            --auth-root-authentication-method=normal --skip-test-db \
            >"$D_LOG/mariadb-install.log" 2>&1 || {
            show_log "$D_LOG/mariadb-install.log"
            die "mariadb-install-db failed, see $D_LOG/mariadb-install.log"
        }
    fi
    rm -f "$D_DB_SOCK" "$D_DB_SOCK.lock"
    local user_args=()
    ((EUID == 0)) && user_args=(--user=root)
    say "starting MariaDB (socket $D_DB_SOCK, no TCP)"
    # utf8mb4 server defaults: the same as Debian's packaged server config.
    # its own tmpdir: a starting mariadbd deletes every #sql* file in its
    # tmpdir, which would pull the temporary tables from under another
    # stack's running queries (two stacks at once: tests, bench, cluster)
    setsid mariadbd --no-defaults --datadir="$D_DB" --socket="$D_DB_SOCK" --tmpdir="$D_DB_TMP" \
        --pid-file="$D_DB_PID" --skip-networking "${user_args[@]}" \
        --log-error="$log" \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
        "${D_DB_ARGS[@]}" </dev/null >/dev/null 2>&1 &
    pid=$!
    for ((i = 0; i < 600; i++)); do
        if db_ping; then
            say "MariaDB up (pid $pid)"
            db_load_timezones
            return 0
        fi
        if ! proc_matches "$pid"; then
            show_log "$log"
            die "MariaDB exited during start-up, see $log"
        fi
        sleep 0.1
    done
    show_log "$log"
    die "MariaDB did not answer ping within 60 s, see $log"
}

# db_load_timezones: once per datadir, so named zones (Asia/Shanghai) work in
# SET time_zone / CONVERT_TZ (a Debian server gets them the same way).
db_load_timezones() {
    local stamp=$D_DB/.dossier-tzinfo-loaded
    [[ -f $stamp ]] && return 0
    say "loading time zone tables into the private MariaDB"
    if mariadb-tzinfo-to-sql /usr/share/zoneinfo 2>/dev/null | db_sql mysql 2>"$D_LOG/tzinfo.log"; then
        touch "$stamp"
    else
        warn "loading time zone tables failed (see $D_LOG/tzinfo.log); named time zones will not work in SQL"
    fi
}

db_stop() {
    local pid
    if ! pid=$(db_running); then
        rm -f "$D_DB_PID"
        return 0
    fi
    say "stopping MariaDB (pid $pid)"
    mariadb-admin --no-defaults --socket="$D_DB_SOCK" --user=root \
        --connect-timeout=5 shutdown >/dev/null 2>&1 || true
    if ! wait_gone 60 "$pid" mariadbd "$D_DB"; then
        stop_proc MariaDB "$D_DB_PID" 30 TERM 1 mariadbd "$D_DB"
    fi
    rm -f "$D_DB_PID"
}

# db_sql SQL...: run SQL as the admin account of the private server.
db_sql() {
    mariadb --no-defaults --socket="$D_DB_SOCK" --user=root "$@"
}

# ---------------------------------------------------------------- SMTP sink ---

smtp_running() { pid_running "$D_SMTP_PID" aiosmtpd "127.0.0.1:$D_SMTP_PORT"; }

smtp_start() {
    local pid i log=$D_LOG/smtp.log
    stack_dirs
    if pid=$(smtp_running); then
        say "SMTP sink already running (pid $pid)"
        return 0
    fi
    if port_in_use "$D_SMTP_PORT"; then
        die "port 127.0.0.1:$D_SMTP_PORT (SMTP sink) is already in use by another program"
    fi
    say "starting SMTP sink on 127.0.0.1:$D_SMTP_PORT (maildir $D_MAIL)"
    setsid /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$D_SMTP_PORT" \
        -c aiosmtpd.handlers.Mailbox "$D_MAIL" </dev/null >>"$log" 2>&1 &
    pid=$!
    echo "$pid" >"$D_SMTP_PID"
    for ((i = 0; i < 200; i++)); do
        if port_in_use "$D_SMTP_PORT"; then
            return 0
        fi
        if ! proc_matches "$pid"; then
            show_log "$log"
            die "SMTP sink exited during start-up, see $log"
        fi
        sleep 0.1
    done
    show_log "$log"
    die "SMTP sink not listening after 20 s, see $log"
}

smtp_stop() {
    stop_proc "SMTP sink" "$D_SMTP_PID" 10 TERM 1 aiosmtpd "127.0.0.1:$D_SMTP_PORT"
}

# --------------------------------------------------------------------- app ---

write_conf() {
    stack_dirs
    cat >"$D_CONF" <<EOF
# Generated by scripts/lib.sh for the stack in $D_VAR — edits are overwritten.
listen = $D_APP_SOCK
pid_file = $D_APP_PID
log_file = $D_LOG/dossier.log
workers = $D_WORKERS
db_socket = $D_DB_SOCK
db_host = localhost
db_port = 3306
db_name = dossier
db_user = dossier
db_password = dossier-local
db_admin_user = root
db_admin_password =
templates_dir = $D_ROOT/templates
sql_dir = $D_ROOT/sql
static_dir = $D_ROOT/static
files_dir = $D_FILES
backup_dir = $D_BACKUPS
lang_default = zh_CN
timezone = Asia/Shanghai
smtp_url = smtp://127.0.0.1:$D_SMTP_PORT
mail_from = dossier@localhost
mail_sink_dir = $D_MAIL
base_url = $D_URL
test_mode = $D_TEST_MODE
EOF
    if ((D_TEST_MODE)); then
        # test hook: epoch seconds written here replace the clock (no file =
        # the real time); tests find it as $DOSSIER_TEST_VAR/test-clock
        printf 'test_clock_file = %s\n' "$D_VAR/test-clock" >>"$D_CONF"
        # the hang test waits for the watchdog: keep it short
        printf 'request_timeout = 5\n' >>"$D_CONF"
        # sign-in throttling the tests can observe: the account limit above
        # the (address, account) one, so the two locks can be told apart; a
        # low per-address ceiling and a short delay
        printf 'login_fail_account = 10\nlogin_slow_addr = 30\nlogin_slow_delay_ms = 1000\n' >>"$D_CONF"
    fi
}

# app_cmd COMMAND: run `dossier -c CONF COMMAND` once (migrate, demo, check).
app_cmd() {
    local cmd=$1 log=$D_LOG/$1.log
    [[ -x $D_BIN ]] || die "no app binary $D_BIN (build first)"
    say "dossier $cmd"
    if ! env "${D_APP_ENV[@]}" "$D_BIN" -c "$D_CONF" "$cmd" </dev/null >"$log" 2>&1; then
        show_log "$log"
        die "dossier $cmd failed, see $log"
    fi
}

app_running() { pid_running "$D_APP_LAUNCH_PID" "$D_BIN" "$D_CONF"; }

app_start() {
    local pid i log=$D_LOG/dossier.stderr.log
    [[ -x $D_BIN ]] || die "no app binary $D_BIN (build first)"
    if pid=$(app_running); then
        say "dossier already running (pid $pid)"
        return 0
    fi
    # a socket left by a crash: nobody can be serving it (our pid file says so)
    rm -f "$D_APP_SOCK"
    say "starting dossier serve ($D_BIN)"
    env "${D_APP_ENV[@]}" setsid "$D_BIN" -c "$D_CONF" serve </dev/null >>"$log" 2>&1 &
    pid=$!
    echo "$pid" >"$D_APP_LAUNCH_PID"
    for ((i = 0; i < 300; i++)); do
        if [[ -S $D_APP_SOCK ]]; then
            say "dossier up (pid $pid, socket $D_APP_SOCK)"
            return 0
        fi
        if ! proc_matches "$pid"; then
            show_log "$log"
            show_log "$D_LOG/dossier.log"
            die "dossier serve exited during start-up, see $log and $D_LOG/dossier.log"
        fi
        sleep 0.1
    done
    show_log "$log"
    die "dossier serve: no socket $D_APP_SOCK after 30 s, see $log"
}

# app_pids: the master and its workers (for RSS measurements).
app_pids() {
    local pid
    pid=$(app_running) || return 1
    echo "$pid"
    pgrep -P "$pid" || true
}

app_stop() {
    local app_pid launch_pid
    # the app's own pid file should name the process we launched
    if launch_pid=$(read_pid "$D_APP_LAUNCH_PID") && app_pid=$(read_pid "$D_APP_PID") &&
        [[ $launch_pid != "$app_pid" ]] && proc_matches "$launch_pid" "$D_BIN"; then
        warn "pid_file $D_APP_PID says $app_pid, but we launched $launch_pid"
    fi
    stop_proc "dossier" "$D_APP_LAUNCH_PID" "${D_APP_STOP_TIMEOUT:-30}" TERM 1 "$D_BIN" "$D_CONF"
    if [[ -S $D_APP_SOCK ]] && ! app_running >/dev/null; then
        warn "dossier left its socket $D_APP_SOCK behind (removed)"
        rm -f "$D_APP_SOCK"
    fi
}

# --------------------------------------------------------------- scheduler ---
# The local stand-in for cron and the systemd timers: `dossier cron` every
# D_SCHED_INTERVAL seconds (default 300), in its own process group, each time
# followed by `dossier backup --if-due` (the month's backup when this month
# has none, a weekly one when the last good one is 7 days old; one query when
# nothing is due). The first round runs at once, so `scripts/up` takes a
# backup at start when one is due.

sched_running() { pid_running "$D_SCHED_PID" dossier-scheduler "$D_CONF"; }

sched_start() {
    local pid
    if pid=$(sched_running); then
        say "scheduler already running (pid $pid)"
        return 0
    fi
    say "starting the scheduler (dossier cron every ${D_SCHED_INTERVAL:-300} s)"
    # shellcheck disable=SC2016  # expanded by the inner shell
    setsid bash -c 'while :; do env "${@:4}" "$2" -c "$3" cron || true
        env "${@:4}" "$2" -c "$3" backup --if-due || true; sleep "$1"; done' \
        dossier-scheduler "${D_SCHED_INTERVAL:-300}" "$D_BIN" "$D_CONF" "${D_APP_ENV[@]}" \
        </dev/null >>"$D_LOG/scheduler.log" 2>&1 &
    echo "$!" >"$D_SCHED_PID"
}

sched_stop() {
    stop_proc "scheduler" "$D_SCHED_PID" 10 TERM 1 dossier-scheduler "$D_CONF"
}

# ------------------------------------------------------------------- nginx ---

nginx_running() { pid_running "$D_NGX_PID" "nginx: master process" "$D_NGX/nginx.conf"; }

nginx_conf() {
    local s user group
    stack_dirs
    user=$(id -un)
    group=$(id -gn)
    s=$(<"$D_ROOT/nginx/local.conf.in")
    s=${s//@ROOT@/"$D_ROOT"}
    s=${s//@VAR@/"$D_VAR"}
    s=${s//@PORT@/"$D_PORT"}
    s=${s//@USER@/"$user"}
    s=${s//@GROUP@/"$group"}
    printf '%s\n' "$s" >"$D_NGX/nginx.conf"
}

nginx_start() {
    local pid i log=$D_NGX/logs/error.log
    nginx_conf
    if pid=$(nginx_running); then
        say "nginx already running (pid $pid): reloading config"
        kill -HUP "$pid"
        return 0
    fi
    if port_in_use "$D_PORT"; then
        die "port 127.0.0.1:$D_PORT (nginx) is already in use by another program"
    fi
    if ! nginx -q -t -p "$D_NGX" -c "$D_NGX/nginx.conf" -e "$log" 2>"$D_LOG/nginx-t.log"; then
        show_log "$D_LOG/nginx-t.log"
        die "nginx config test failed for $D_NGX/nginx.conf"
    fi
    say "starting nginx on $D_URL"
    if ! nginx -p "$D_NGX" -c "$D_NGX/nginx.conf" -e "$log" 2>"$D_LOG/nginx-start.log"; then
        show_log "$D_LOG/nginx-start.log"
        show_log "$log"
        die "nginx failed to start, see $log"
    fi
    for ((i = 0; i < 100; i++)); do
        if pid=$(nginx_running); then
            return 0
        fi
        sleep 0.1
    done
    show_log "$log"
    die "nginx did not write $D_NGX_PID, see $log"
}

nginx_stop() {
    stop_proc nginx "$D_NGX_PID" 15 QUIT 1 "nginx: master process" "$D_NGX/nginx.conf"
}

# wait_healthz [TIMEOUT_S]: GET /healthz through nginx until it says ok.
wait_healthz() {
    local timeout=${1:-30} i out=
    for ((i = 0; i < timeout * 5; i++)); do
        if out=$(curl -fsS --max-time 2 "$D_URL/healthz" 2>&1) && [[ $out == *ok* ]]; then
            say "healthz: ok"
            return 0
        fi
        sleep 0.2
    done
    printf 'last answer: %s\n' "$out" >&2
    show_log "$D_LOG/dossier.stderr.log"
    show_log "$D_NGX/logs/error.log"
    die "$D_URL/healthz did not say ok within ${timeout}s"
}

# http_sign_in URL USER PASSWORD JAR: signs in through the login form with
# curl (the form's CSRF token, the cookie jar JAR); prints the answer's status
# (303 when the sign-in was accepted).
http_sign_in() {
    local url=$1 user=$2 pw=$3 jar=$4 page tok
    page=$(curl -sS --max-time 10 -c "$jar" -b "$jar" "$url/login") || return 1
    tok=$(printf '%s' "$page" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n1)
    [[ -n $tok ]] || return 1
    curl -sS --max-time 10 -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
        --data-urlencode "_csrf=$tok" --data-urlencode "username=$user" \
        --data-urlencode "password=$pw" --data-urlencode "next=" "$url/login"
}

# ------------------------------------------------------------------- stack ---

# stack_start: everything, in order; migrate (+ demo if D_DEMO=1).
stack_start() {
    stack_dirs
    # fail before starting anything if another program holds our ports
    if ! nginx_running >/dev/null && port_in_use "$D_PORT"; then
        die "port 127.0.0.1:$D_PORT (nginx) is already in use by another program (choose another port)"
    fi
    if ! smtp_running >/dev/null && port_in_use "$D_SMTP_PORT"; then
        die "port 127.0.0.1:$D_SMTP_PORT (SMTP sink) is already in use by another program (choose another port)"
    fi
    db_start
    smtp_start
    write_conf
    app_cmd migrate
    if ((D_DEMO)); then app_cmd demo; fi
    app_cmd check
    app_start
    nginx_start
    wait_healthz "${D_HEALTHZ_TIMEOUT:-30}"
}

# stack_stop: stops whatever the pid files in D_VAR name (any order of
# partial start-up), front to back.
stack_stop() {
    [[ -d $D_VAR ]] || return 0
    sched_stop
    nginx_stop
    app_stop
    smtp_stop
    db_stop
}

# stack_status: one line per service.
stack_status() {
    local pid
    if pid=$(db_running); then say "MariaDB  running (pid $pid, socket $D_DB_SOCK)"; else say "MariaDB  stopped"; fi
    if pid=$(smtp_running); then say "SMTP     running (pid $pid, 127.0.0.1:$D_SMTP_PORT)"; else say "SMTP     stopped"; fi
    if pid=$(app_running); then say "dossier  running (pid $pid)"; else say "dossier  stopped"; fi
    if pid=$(nginx_running); then say "nginx    running (pid $pid, $D_URL)"; else say "nginx    stopped"; fi
    if pid=$(sched_running); then say "cron     running (pid $pid)"; else say "cron     stopped"; fi
}
