#!/usr/bin/python3
"""smtp_tls.py — an SMTP sink for the tests that requires STARTTLS and a
sign-in (or, with --no-tls, offers neither), writing a Maildir.

  smtp_tls.py MAILDIR READYFILE [--cert C --key K --user U --password P] [--no-tls]

Listens on 127.0.0.1 on a free port and writes that port to READYFILE once it
accepts connections; runs until SIGTERM."""
import argparse
import signal
import socket
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("maildir")
    ap.add_argument("ready")
    ap.add_argument("--cert")
    ap.add_argument("--key")
    ap.add_argument("--user", default="")
    ap.add_argument("--password", default="")
    ap.add_argument("--no-tls", action="store_true")
    a = ap.parse_args()
    handler = Mailbox(a.maildir)
    # a free port (the controller cannot listen on port 0)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    if a.no_tls:
        ctl = Controller(handler, hostname="127.0.0.1", port=port)
    else:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(a.cert, a.key)

        def auth(server, session, envelope, mechanism, data):
            ok = data is not None and data.login == a.user.encode() and data.password == a.password.encode()
            # a refusal must say handled=False, or the client waits for ever
            return AuthResult(success=True) if ok else AuthResult(success=False, handled=False)

        ctl = Controller(handler, hostname="127.0.0.1", port=port, tls_context=ctx, require_starttls=True,
                         authenticator=auth, auth_require_tls=True)
    ctl.start()
    with open(a.ready + ".tmp", "w") as f:
        f.write("%d\n" % port)
    import os
    os.rename(a.ready + ".tmp", a.ready)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    done.wait()
    ctl.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
