#!/usr/bin/python3
"""webhook_sink.py — a chat-robot stand-in for the tests: records every POST
(path, query, JSON body) as one JSON line in LOG and answers as the robots do.

  webhook_sink.py LOG READYFILE [--dingtalk-secret S]

/wecom*: 200 {"errcode":0}; /dingtalk*: checks timestamp and sign against the
secret (DingTalk's rule: base64(HMAC-SHA256(secret, ts + "\\n" + secret)),
url-encoded) and answers errcode 310000 when it does not match; a path
containing "fail500" answers 500. Listens on a free port written to
READYFILE; runs until SIGTERM."""
import argparse
import base64
import hashlib
import hmac
import json
import os
import signal
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARGS = None


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(n)
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        try:
            body = json.loads(raw.decode("utf-8"))
        except ValueError:
            body = None
        sign_ok = None
        if url.path.startswith("/dingtalk"):
            ts, sign = query.get("timestamp", ""), query.get("sign", "")
            secret = ARGS.dingtalk_secret or ""
            want = base64.b64encode(hmac.new(secret.encode(), (ts + "\n" + secret).encode(),
                                             hashlib.sha256).digest()).decode()
            sign_ok = hmac.compare_digest(want, sign)
        rec = {"path": url.path, "query": query, "body": body, "sign_ok": sign_ok,
               "ctype": self.headers.get("Content-Type", "")}
        with open(ARGS.log, "a", encoding="utf-8") as f:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        if "fail500" in url.path:
            status, answer = 500, {"errcode": -1, "errmsg": "server error"}
        elif sign_ok is False:
            status, answer = 200, {"errcode": 310000, "errmsg": "sign not match"}
        else:
            status, answer = 200, {"errcode": 0, "errmsg": "ok"}
        out = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("log")
    ap.add_argument("ready")
    ap.add_argument("--dingtalk-secret")
    ARGS = ap.parse_args()
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(ARGS.ready + ".tmp", "w") as f:
        f.write("%d\n" % srv.server_address[1])
    os.rename(ARGS.ready + ".tmp", ARGS.ready)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=srv.shutdown).start())
    srv.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
