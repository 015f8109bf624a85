#!/bin/sh
# check-layout.sh — the architecture, checked: nothing in cgi/core/ includes a
# file outside it, and the approval engine includes no domain's header.
# Every domain folder has a domain.c and is listed in cgi/domains.c.
cd "${DOSSIER_SRCDIR:-$(dirname "$0")/..}/cgi" || exit 99
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# core: only its own headers ("x.h", never "dir/x.h" or "../x.h")
for f in core/*.c core/*.h; do
	grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f" | while IFS= read -r line; do
		inc=$(printf '%s\n' "$line" | sed 's/.*"\(.*\)".*/\1/')
		case $inc in
		*/*) echo "FAIL: $f includes $inc (outside core/)"; exit 1 ;;
		esac
		[ -f "core/$inc" ] || { echo "FAIL: $f includes $inc, not a file of core/"; exit 1; }
	done || fail=1
done

# the approval engine: core and its own folder only
for f in approvals/engine.c approvals/approvals.h; do
	if grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f" |
		grep -v '"core/[a-z_]*\.h"' | grep -v '"\(approvals\|sql\)\.h"' | grep -q .; then
		bad "$f includes a domain's header:"
		grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f" | grep -v '"core/' | grep -v '"\(approvals\|sql\)\.h"'
	fi
done

# one descriptor per domain folder, each listed once in the wiring file
for d in */; do
	d=${d%/}
	[ "$d" = core ] && continue
	[ -f "$d/domain.c" ] || bad "cgi/$d has no domain.c"
	grep -q "^const struct domain ${d}_domain = {" "$d/domain.c" 2>/dev/null || bad "cgi/$d/domain.c does not define ${d}_domain"
	[ "$(grep -c "&${d}_domain," domains.c)" = 1 ] || bad "cgi/domains.c does not list ${d}_domain once"
done

if [ $fail = 0 ]; then
	echo "PASS: layout (core includes only core; the engine no domain; every domain wired once)"
	echo "1 passed, 0 failed"
else
	echo "0 passed, 1 failed"
fi
exit $fail
