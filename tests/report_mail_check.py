#!/usr/bin/python3
"""report_mail_check.py — reads the report mails sent to one address back
from a Maildir with Python's email parser (tests/test_http_report_mail.c).

  report_mail_check.py MAILDIR --to ADDR --only S --count N [--subject S]
      [--html-row KEY|CELL|CELL…]… [--html-no-row KEY|CELL]… [--text S]…
      [--xlsx-row CELL|NUMBER|NUMBER…]…

The messages to ADDR whose decoded subject holds the --only text (the report
mails; other kinds go to the same people) are counted; each must be multipart/mixed holding a multipart/alternative
(text/plain and text/html, UTF-8) and one .xlsx attachment. When given: S is
in the decoded subject; the HTML table data-key=KEY has a row starting with
those cells (as shown), and none starting with the --html-no-row ones; S is
in the text part; some sheet of the workbook
(openpyxl) has a row whose first cell is CELL followed by those numbers,
stored as numbers. Exit 0 when all holds, else 1 with the reasons on stderr."""
import argparse
import email
import email.policy
import html.parser
import io
import os
import sys

import openpyxl


class Tables(html.parser.HTMLParser):
    """The cells of each <table data-key=…>: {key: [[cell, …], …]}."""

    def __init__(self):
        super().__init__()
        self.tables, self.key, self.row, self.cell = {}, None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and "data-key" in a:
            self.key = a["data-key"]
            self.tables.setdefault(self.key, [])
        elif tag == "tr" and self.key:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.tables[self.key].append(self.row)
            self.row = None
        elif tag == "table":
            self.key = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def check(msg, a, errors):
    if msg.get_content_type() != "multipart/mixed":
        errors.append("not multipart/mixed: %s" % msg.get_content_type())
        return
    parts = list(msg.iter_parts())
    if len(parts) != 2 or parts[0].get_content_type() != "multipart/alternative":
        errors.append("expected the alternative and one attachment, got %s" % [p.get_content_type() for p in parts])
        return
    alt = {p.get_content_type(): p for p in parts[0].iter_parts()}
    if set(alt) != {"text/plain", "text/html"}:
        errors.append("alternative parts: %s" % sorted(alt))
        return
    for p in alt.values():
        if p.get_content_charset() != "utf-8":
            errors.append("%s charset %s" % (p.get_content_type(), p.get_content_charset()))
    att = parts[1]
    if att.get_content_disposition() != "attachment" or not (att.get_filename() or "").endswith(".xlsx"):
        errors.append("no .xlsx attachment: %s %s" % (att.get_content_disposition(), att.get_filename()))
        return
    if att.get_content_type() != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
        errors.append("attachment type %s" % att.get_content_type())
    subject = str(msg.get("Subject", ""))
    if a.subject and a.subject not in subject:
        errors.append("subject %r lacks %r" % (subject, a.subject))
    text = alt["text/plain"].get_content()
    for t in a.text or []:
        if t not in text:
            errors.append("text lacks %r" % t)
    parser = Tables()
    parser.feed(alt["text/html"].get_content())
    for want in a.html_row or []:
        key, *cells = want.split("|")
        rows = parser.tables.get(key)
        if rows is None:
            errors.append("no table %s in the HTML (tables: %s)" % (key, sorted(parser.tables)))
        elif not any(r[: len(cells)] == cells for r in rows):
            errors.append("table %s has no row %s: %s" % (key, cells, rows))
    for unwanted in a.html_no_row or []:
        key, *cells = unwanted.split("|")
        if any(r[: len(cells)] == cells for r in parser.tables.get(key, [])):
            errors.append("table %s has the row %s" % (key, cells))
    wb = openpyxl.load_workbook(io.BytesIO(att.get_payload(decode=True)))
    for want in a.xlsx_row or []:
        first, *nums = want.split("|")
        found = False
        for ws in wb.worksheets[1:]:
            for row in ws.iter_rows(values_only=True):
                if row and row[0] == first and len(row) > len(nums):
                    vals = row[1 : 1 + len(nums)]
                    if all(isinstance(v, (int, float)) and not isinstance(v, bool) and abs(v - float(n)) < 1e-9
                           for v, n in zip(vals, nums)):
                        found = True
        if not found:
            errors.append("no sheet has the row %s followed by the numbers %s" % (first, nums))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("maildir")
    ap.add_argument("--to", required=True)
    ap.add_argument("--only", required=True)
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--subject")
    ap.add_argument("--text", action="append")
    ap.add_argument("--html-row", action="append")
    ap.add_argument("--html-no-row", action="append")
    ap.add_argument("--xlsx-row", action="append")
    a = ap.parse_args()
    found, errors = [], []
    for sub in ("new", "cur"):
        d = os.path.join(a.maildir, sub)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            with open(os.path.join(d, name), "rb") as f:
                msg = email.message_from_binary_file(f, policy=email.policy.default)
            if a.to.lower() in str(msg.get("To", "")).lower() and a.only in str(msg.get("Subject", "")):
                found.append(msg)
    if len(found) != a.count:
        errors.append("%d message(s) to %s, expected %d" % (len(found), a.to, a.count))
    for msg in found:
        check(msg, a, errors)
    for e in errors:
        print("report_mail_check: " + e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
