#!/usr/bin/python3
"""mail_check.py — reads a Maildir back with Python's email parser and checks
the messages sent to one address (the integration tests call it).

  mail_check.py MAILDIR --to ADDR --count N [--subject S] [--text S] [--html S]

Every message to ADDR must be multipart/alternative with a text/plain and a
text/html part in UTF-8, carry Date, From and a Message-ID, and (when given)
have S in its decoded subject, text and HTML. Exit 0 when all holds, else 1
with the reasons on stderr."""
import argparse
import email
import email.policy
import email.utils
import os
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("maildir")
    ap.add_argument("--to", required=True)
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--subject")
    ap.add_argument("--text")
    ap.add_argument("--html")
    a = ap.parse_args()
    found, errors = [], []
    for sub in ("new", "cur"):
        d = os.path.join(a.maildir, sub)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            with open(os.path.join(d, name), "rb") as f:
                msg = email.message_from_binary_file(f, policy=email.policy.default)
            if a.to.lower() not in str(msg.get("To", "")).lower():
                continue
            found.append((name, msg))
    if len(found) != a.count:
        errors.append("%d message(s) to %s, expected %d" % (len(found), a.to, a.count))
    ids = set()
    for name, msg in found:
        where = "%s (%s)" % (name, msg.get("Subject", ""))
        if msg.get_content_type() != "multipart/alternative":
            errors.append("%s: %s, not multipart/alternative" % (where, msg.get_content_type()))
            continue
        for h in ("Date", "From", "Message-ID"):
            if not msg.get(h):
                errors.append("%s: no %s header" % (where, h))
        if msg.get("Date") and email.utils.parsedate_to_datetime(str(msg["Date"])) is None:
            errors.append("%s: Date unreadable" % where)
        ids.add(str(msg.get("Message-ID")))
        plain = msg.get_body(preferencelist=("plain",))
        html = msg.get_body(preferencelist=("html",))
        if plain is None or html is None:
            errors.append("%s: missing the text or the HTML part" % where)
            continue
        for part in (plain, html):
            if (part.get_content_charset() or "").lower() != "utf-8":
                errors.append("%s: charset %s" % (where, part.get_content_charset()))
        subject = str(msg.get("Subject", ""))
        if a.subject and a.subject not in subject:
            errors.append("%s: subject %r lacks %r" % (where, subject, a.subject))
        if a.text and a.text not in plain.get_content():
            errors.append("%s: text lacks %r: %r" % (where, a.text, plain.get_content()[:300]))
        if a.html and a.html not in html.get_content():
            errors.append("%s: HTML lacks %r" % (where, a.html))
    if len(ids) != len(found):
        errors.append("Message-IDs repeat")
    for e in errors:
        print("mail_check: " + e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
