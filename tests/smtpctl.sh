#!/usr/bin/env bash
# Stops or starts the SMTP sink of a test stack (for the test that mail waits
# while the mail server is down): tests/smtpctl.sh stop|start VAR PORT
set -euo pipefail
cmd=$1 var=$2 port=$3
pidf=$var/run/smtp.pid
case $cmd in
stop)
    pid=$(cat "$pidf")
    grep -q aiosmtpd "/proc/$pid/cmdline" || { echo "smtpctl: $pid is not the sink" >&2; exit 1; }
    kill "$pid"
    for _ in $(seq 100); do [[ -e /proc/$pid ]] || { rm -f "$pidf"; exit 0; }; sleep 0.1; done
    echo "smtpctl: the sink did not stop" >&2; exit 1 ;;
start)
    setsid /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$var/mail" \
        </dev/null >>"$var/log/smtp.log" 2>&1 &
    echo $! >"$pidf"
    for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && exit 0; sleep 0.1; done
    echo "smtpctl: the sink did not start" >&2; exit 1 ;;
*) echo "usage: smtpctl.sh stop|start VAR PORT" >&2; exit 2 ;;
esac
