/* test_http_archive.c — the archive through the real stack: numbers from
 * a counter row (two filings at once get two numbers), filing signed off by
 * the manager and placed by the archivist, the secrecy table for the demo
 * roles (who asks, who approves, top secret refused with no request), due
 * times, the desk (two desks at once: one check-out), returns intact,
 * damaged and lost, a secret loan decided through the GM's delegation, the
 * overdue and reading-room tasks of `dossier cron`, and the overdue loans'
 * reminders (once, escalated after the days, a secret one at once, dropped when
 * returned first). */
#include "test_http.h"
#include "archive/archive.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char run[16];

static long long card_named(struct client *c, const char *label)
{
	char name[128];
	snprintf(name, sizeof name, "档案%s%s有限公司", label, run);
	return new_card(c, name, "personal", NULL);
}

static long long type_id(const char *code)
{
	return db_value("SELECT id FROM archive_types WHERE code = '%s'", code);
}

/* Submits an item from the card; the answer's status. */
static long submit(struct client *c, long long card, const char *title, const char *type, const char *secrecy)
{
	char path[64], tok[80], ty[24];
	snprintf(path, sizeof path, "/clients/%lld/archive/new", card);
	snprintf(tok, sizeof tok, "%s", csrf_of(c, path));
	snprintf(path, sizeof path, "/clients/%lld/archive", card);
	snprintf(ty, sizeof ty, "%lld", type_id(type));
	return client_post(c, path, "_csrf", tok, "title", title, "type_id", ty, "doc_date", "2026-03-01", "pages", "12",
			   "copies", "1", "secrecy", secrecy, "retention", "10", "medium", "paper", "author", "销售一部",
			   NULL);
}

static long decide(struct client *c, long long req, const char *decision)
{
	char tok[80], path[64], step[8];
	snprintf(path, sizeof path, "/requests/%lld", req);
	snprintf(tok, sizeof tok, "%s", csrf_of(c, path));
	snprintf(step, sizeof step, "%lld", db_value("SELECT cur_step FROM requests WHERE id = %lld", req));
	snprintf(path, sizeof path, "/requests/%lld/decide", req);
	return client_post(c, path, "_csrf", tok, "step", step, "decision", decision, "comment", "", NULL);
}

static long place(struct client *archivist, long long item)
{
	char path[64], tok[80], box[24];
	snprintf(tok, sizeof tok, "%s", csrf_of(archivist, "/archive/placing"));
	snprintf(path, sizeof path, "/archive/items/%lld/place", item);
	snprintf(box, sizeof box, "%lld", db_value("SELECT MIN(id) FROM archive_locations WHERE kind = 'box'"));
	return client_post(archivist, path, "_csrf", tok, "location_id", box, NULL);
}

/* An item of card filed, signed off by manager1 and placed: its id. */
static long long shelved(struct client *owner, long long card, const char *title, const char *secrecy)
{
	struct client boss, arc;
	sign_in(&boss, "manager1");
	sign_in(&arc, "archivist");
	CU_ASSERT_EQUAL(submit(owner, card, title, "HT", secrecy), 303);
	long long item = db_value("SELECT MAX(id) FROM archive_items WHERE client_id = %lld", card);
	CU_ASSERT_EQUAL(decide(&boss, db_value("SELECT request_id FROM archive_items WHERE id = %lld", item), "approve"),
			303);
	CU_ASSERT_EQUAL(place(&arc, item), 303);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT status FROM archive_items WHERE id = %lld", item), "on_shelf");
	client_free(&boss);
	client_free(&arc);
	return item;
}

static long borrow(struct client *c, long long item, const char *reason)
{
	char path[64], tok[80];
	snprintf(path, sizeof path, "/archive/items/%lld/borrow", item);
	snprintf(tok, sizeof tok, "%s", csrf_of(c, path));
	return client_post(c, path, "_csrf", tok, "_reason", reason, NULL);
}

static long long borrow_request(long long item)
{
	return db_value("SELECT COALESCE(MAX(id), 0) FROM requests WHERE req_type = 'archive_borrow' AND new_value = '%lld'",
			item);
}

static int approver_is(long long req, const char *user)
{
	return db_value("SELECT COUNT(*) FROM request_approvers WHERE request_id = %lld AND user_id = %lld", req,
			user_id(user)) == 1;
}

static long long auth_of(long long item)
{
	return db_value("SELECT COALESCE(MAX(id), 0) FROM archive_auths WHERE item_id = %lld AND used_at IS NULL", item);
}

static long checkout(struct client *arc, long long auth)
{
	char a[24], tok[80];
	snprintf(tok, sizeof tok, "%s", csrf_of(arc, "/"));
	snprintf(a, sizeof a, "%lld", auth);
	return client_post(arc, "/archive/desk/checkout", "_csrf", tok, "auth", a, "copies", "1", NULL);
}

static long give_back(struct client *arc, long long item, const char *condition)
{
	char l[24], tok[80];
	snprintf(tok, sizeof tok, "%s", csrf_of(arc, "/"));
	snprintf(l, sizeof l, "%lld", db_value("SELECT COALESCE(MAX(id), 0) FROM archive_loans WHERE item_id = %lld", item));
	return client_post(arc, "/archive/desk/return", "_csrf", tok, "loan", l, "condition", condition, NULL);
}

static const char *no_of(long long item)
{
	static char s[80];
	snprintf(s, sizeof s, "%s", db_text("SELECT archive_no FROM archive_items WHERE id = %lld", item));
	return s;
}

static void test_archive_numbers_and_filing(void)
{
	struct client owner, owner2, boss, arc, other;
	sign_in(&owner, "staff1");
	sign_in(&owner2, "staff1");
	sign_in(&boss, "manager1");
	sign_in(&arc, "archivist");
	sign_in(&other, "staff3");
	long long card = card_named(&owner, "编号");
	char want[64];
	/* the default pattern: client code, year, type code, sequence from the counter */
	CU_ASSERT_EQUAL(submit(&owner, card, "销售合同一", "HT", "ordinary"), 303);
	long long first = db_value("SELECT MAX(id) FROM archive_items WHERE client_id = %lld", card);
	snprintf(want, sizeof want, "C%06lld-2026-HT-001", card);
	CU_ASSERT_STRING_EQUAL(no_of(first), want);
	CU_ASSERT_EQUAL(submit(&owner, card, "信用报告", "XY", "ordinary"), 303);
	snprintf(want, sizeof want, "C%06lld-2026-XY-001", card);
	CU_ASSERT_STRING_EQUAL(no_of(db_value("SELECT MAX(id) FROM archive_items WHERE client_id = %lld", card)), want);
	/* two filings at once of the same client, year and type: two numbers, the counter at 3 */
	char path[64], tok1[80], tok2[80], ty[24];
	snprintf(path, sizeof path, "/clients/%lld/archive/new", card);
	snprintf(tok1, sizeof tok1, "%s", csrf_of(&owner, path));
	snprintf(tok2, sizeof tok2, "%s", csrf_of(&owner2, path));
	snprintf(path, sizeof path, "/clients/%lld/archive", card);
	snprintf(ty, sizeof ty, "%lld", type_id("HT"));
	const char *f1[] = { "_csrf", tok1, "title", "同时甲", "type_id", ty, "doc_date", "2026-05-01", "pages", "1",
			     "copies", "1", "secrecy", "ordinary", "retention", "10", "medium", "paper", NULL };
	const char *f2[] = { "_csrf", tok2, "title", "同时乙", "type_id", ty, "doc_date", "2026-05-02", "pages", "1",
			     "copies", "1", "secrecy", "ordinary", "retention", "10", "medium", "paper", NULL };
	const char *const *fields[2] = { f1, f2 };
	struct client *who[2] = { &owner, &owner2 };
	long st[2];
	post_at_once(who, path, fields, st);
	CU_ASSERT_EQUAL(st[0], 303);
	CU_ASSERT_EQUAL(st[1], 303);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(DISTINCT archive_no) FROM archive_items WHERE client_id = %lld AND "
				 "type_id = %lld", card, type_id("HT")), 3);
	CU_ASSERT_EQUAL(db_value("SELECT last_seq FROM archive_counters WHERE client_id = %lld AND year = 2026 AND "
				 "type_id = %lld", card, type_id("HT")), 3);
	snprintf(want, sizeof want, "C%06lld-2026-HT-003", card);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM archive_items WHERE archive_no = '%s'", want), 1);
	/* paper and electronic needs the other copy's number and location; nothing numbered */
	snprintf(tok1, sizeof tok1, "%s", csrf_of(&owner, "/"));
	CU_ASSERT_EQUAL(client_post(&owner, path, "_csrf", tok1, "title", "双套", "type_id", ty, "doc_date", "2026-05-02",
				    "pages", "1", "copies", "1", "secrecy", "ordinary", "retention", "10", "medium", "both",
				    NULL), 422);
	CU_ASSERT_EQUAL(db_value("SELECT last_seq FROM archive_counters WHERE client_id = %lld AND year = 2026 AND "
				 "type_id = %lld", card, type_id("HT")), 3);
	/* someone who may not change the card files nothing */
	snprintf(path, sizeof path, "/clients/%lld/archive/new", card);
	CU_ASSERT_EQUAL(client_get(&other, path), 403);
	/* the filing request goes to the filer's manager; placing waits for the sign-off */
	long long req = db_value("SELECT request_id FROM archive_items WHERE id = %lld", first);
	CU_ASSERT(approver_is(req, "manager1"));
	CU_ASSERT_EQUAL(place(&arc, first), 409);
	CU_ASSERT_EQUAL(decide(&boss, req, "approve"), 303);
	CU_ASSERT(db_value("SELECT approved_by FROM archive_items WHERE id = %lld", first) == user_id("manager1"));
	CU_ASSERT_EQUAL(client_get(&arc, "/archive/placing"), 200);
	CU_ASSERT(client_has(&arc, no_of(first)));
	CU_ASSERT(client_has(&arc, "销售一部"));
	CU_ASSERT_EQUAL(client_get(&owner, "/archive/placing"), 403);
	CU_ASSERT_EQUAL(place(&arc, first), 303);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT status FROM archive_items WHERE id = %lld", first), "on_shelf");
	CU_ASSERT_EQUAL(place(&arc, first), 409);
	/* the card's panel lists the items with their status and the borrow link */
	CU_ASSERT_EQUAL(client_get(&owner, card_path(card, "")), 200);
	CU_ASSERT(client_has(&owner, "id=\"archive\""));
	CU_ASSERT(client_has(&owner, no_of(first)));
	snprintf(path, sizeof path, "/archive/items/%lld/borrow", first);
	CU_ASSERT(client_has(&owner, path));
	/* the volume's catalogue and reference sheet */
	snprintf(path, sizeof path, "/archive/volumes/%lld", db_value("SELECT volume_id FROM archive_items WHERE id = %lld",
								       first));
	CU_ASSERT_EQUAL(client_get(&owner, path), 200);
	CU_ASSERT(client_has(&owner, "id=\"catalogue\""));
	CU_ASSERT(client_has(&owner, "id=\"reference-sheet\""));
	CU_ASSERT(client_has(&owner, no_of(first)));
	CU_ASSERT_EQUAL(client_get(&other, path), 403);
	snprintf(path, sizeof path, "/archive/items/%lld", first);
	CU_ASSERT_EQUAL(client_get(&other, path), 403);
	client_free(&owner);
	client_free(&owner2);
	client_free(&boss);
	client_free(&arc);
	client_free(&other);
}

static void test_archive_secrecy_table(void)
{
	struct client owner, boss, director, gm, deputy, outsider;
	sign_in(&owner, "staff1");
	sign_in(&boss, "manager1");
	sign_in(&director, "director");
	sign_in(&gm, "gm");
	sign_in(&deputy, "deputy");
	sign_in(&outsider, "staff3");
	long long card = card_named(&owner, "密级");
	long long ord = shelved(&owner, card, "普通件", "ordinary");
	long long sec = shelved(&owner, card, "秘密件", "secret");
	long long conf = shelved(&owner, card, "机密件", "confidential");
	long long top = shelved(&owner, card, "绝密件", "top_secret");
	/* ordinary: the requester's department manager */
	CU_ASSERT_EQUAL(borrow(&owner, ord, "核对合同条款"), 303);
	long long r_ord = borrow_request(ord);
	CU_ASSERT(r_ord > 0 && approver_is(r_ord, "manager1"));
	CU_ASSERT(!approver_is(r_ord, "gm"));
	/* asked again while pending: refused */
	CU_ASSERT_EQUAL(borrow(&owner, ord, "再次"), 409);
	/* secret: the GM */
	CU_ASSERT_EQUAL(borrow(&owner, sec, "核对价格"), 303);
	long long r_sec = borrow_request(sec);
	CU_ASSERT(r_sec > 0 && approver_is(r_sec, "gm"));
	CU_ASSERT(!approver_is(r_sec, "manager1"));
	/* confidential: the marketing director */
	CU_ASSERT_EQUAL(borrow(&owner, conf, "查阅资质"), 303);
	long long r_conf = borrow_request(conf);
	CU_ASSERT(r_conf > 0 && approver_is(r_conf, "director"));
	/* top secret: refused with a clear message, no request at all */
	long long before = db_value("SELECT COUNT(*) FROM requests");
	CU_ASSERT_EQUAL(borrow(&owner, top, "想看"), 403);
	CU_ASSERT(client_has(&owner, "id=\"refused\""));
	CU_ASSERT_EQUAL(borrow(&director, top, "想看"), 403);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM requests"), before);
	CU_ASSERT_EQUAL(borrow_request(top), 0);
	CU_ASSERT_EQUAL(auth_of(top), 0);
	CU_ASSERT(audit_count("archive.refused", "staff1", 0) >= 1);
	/* the card shows "not available" for it */
	CU_ASSERT_EQUAL(client_get(&owner, card_path(card, "")), 200);
	char path[64];
	snprintf(path, sizeof path, "/archive/items/%lld/borrow\"", top);
	CU_ASSERT(!client_has(&owner, path));
	/* the approver sees exactly the item, its secrecy and the loan it allows */
	snprintf(path, sizeof path, "/requests/%lld", r_sec);
	CU_ASSERT_EQUAL(client_get(&gm, path), 200);
	CU_ASSERT(client_has(&gm, no_of(sec)));
	CU_ASSERT(client_has(&gm, "secrecy-secret"));
	CU_ASSERT(client_has(&gm, "4小时"));
	/* the manager does not decide the GM's request; the GM does */
	CU_ASSERT_EQUAL(decide(&boss, r_sec, "approve"), 403);
	CU_ASSERT_EQUAL(decide(&gm, r_sec, "approve"), 303);
	CU_ASSERT_EQUAL(db_value("SELECT loan_secs FROM archive_auths WHERE request_id = %lld", r_sec), 4 * 3600);
	CU_ASSERT_EQUAL(decide(&boss, r_ord, "approve"), 303);
	CU_ASSERT_EQUAL(db_value("SELECT loan_secs FROM archive_auths WHERE request_id = %lld", r_ord), 7 * 86400);
	CU_ASSERT_EQUAL(decide(&director, r_conf, "approve"), 303);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT mode FROM archive_auths WHERE request_id = %lld", r_conf), "reading");
	/* the GM, deputy GM and director borrow ordinary items directly: no request, a direct authorisation */
	before = db_value("SELECT COUNT(*) FROM requests");
	CU_ASSERT_EQUAL(borrow(&gm, ord, "直接借阅"), 303);
	CU_ASSERT_EQUAL(borrow(&deputy, ord, "直接借阅"), 303);
	CU_ASSERT_EQUAL(borrow(&director, ord, "直接借阅"), 303);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM requests"), before);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM archive_auths WHERE item_id = %lld AND via = 'direct'", ord), 3);
	/* but a secret item even the director asks for (to the GM) */
	CU_ASSERT_EQUAL(borrow(&director, sec, "核对"), 303);
	CU_ASSERT(approver_is(db_value("SELECT MAX(id) FROM requests WHERE requester_id = %lld AND req_type = "
				       "'archive_borrow'", user_id("director")), "gm"));
	/* a manager asking for an ordinary item is not their own approver */
	CU_ASSERT_EQUAL(borrow(&boss, conf, "查阅"), 303);
	CU_ASSERT_EQUAL(borrow(&boss, ord, "核对"), 303);
	CU_ASSERT(!approver_is(db_value("SELECT MAX(id) FROM requests WHERE requester_id = %lld AND req_type = "
					"'archive_borrow'", user_id("manager1")), "manager1"));
	/* someone who does not see the card asks for nothing */
	CU_ASSERT_EQUAL(borrow(&outsider, ord, "看看"), 403);
	client_free(&owner);
	client_free(&boss);
	client_free(&director);
	client_free(&gm);
	client_free(&deputy);
	client_free(&outsider);
}

static void test_archive_desk_due_times_and_returns(void)
{
	struct client owner, boss, gm, deputy, director, arc;
	sign_in(&owner, "staff1");
	sign_in(&boss, "manager1");
	sign_in(&gm, "gm");
	sign_in(&deputy, "deputy");
	sign_in(&director, "director");
	sign_in(&arc, "archivist");
	long long card = card_named(&owner, "借阅台");
	long long ord = shelved(&owner, card, "普通合同", "ordinary");
	long long sec = shelved(&owner, card, "秘密报告", "secret");
	CU_ASSERT_EQUAL(borrow(&owner, ord, "核对"), 303);
	CU_ASSERT_EQUAL(decide(&boss, borrow_request(ord), "approve"), 303);
	/* the desk finds the item by its number (the scanner's GET) and shows who may take it */
	char path[128];
	snprintf(path, sizeof path, "/archive/desk?no=%s", no_of(ord));
	CU_ASSERT_EQUAL(client_get(&arc, path), 200);
	CU_ASSERT(client_has(&arc, "id=\"auths\""));
	CU_ASSERT(client_has(&arc, "陈静"));
	CU_ASSERT(client_has(&arc, "autofocus"));
	CU_ASSERT_EQUAL(client_get(&arc, "/archive/desk?no=NO-SUCH-NUMBER"), 404);
	CU_ASSERT_EQUAL(client_get(&owner, "/archive/desk"), 403);
	/* ordinary: due in 7 days */
	CU_ASSERT_EQUAL(checkout(&arc, auth_of(ord)), 303);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT status FROM archive_items WHERE id = %lld", ord), "checked_out");
	CU_ASSERT_EQUAL(db_value("SELECT TIMESTAMPDIFF(SECOND, out_at, due_at) FROM archive_loans WHERE item_id = %lld",
				 ord), 7 * 86400);
	CU_ASSERT_EQUAL(db_value("SELECT borrower_id FROM archive_loans WHERE item_id = %lld", ord), user_id("staff1"));
	CU_ASSERT_EQUAL(db_value("SELECT open_item FROM archive_loans WHERE item_id = %lld", ord), ord);
	/* the authorisation is used once */
	CU_ASSERT_EQUAL(checkout(&arc, db_value("SELECT MAX(id) FROM archive_auths WHERE item_id = %lld", ord)), 409);
	/* items out lists it; the register too */
	CU_ASSERT_EQUAL(client_get(&arc, "/archive/out"), 200);
	CU_ASSERT(client_has(&arc, no_of(ord)));
	snprintf(path, sizeof path, "/archive/register?no=%s", no_of(ord));
	CU_ASSERT_EQUAL(client_get(&arc, path), 200);
	CU_ASSERT(client_has(&arc, "核对"));
	/* returned intact: the line closes, the item is back */
	CU_ASSERT_EQUAL(give_back(&arc, ord, "intact"), 303);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT status FROM archive_items WHERE id = %lld", ord), "on_shelf");
	CU_ASSERT_STRING_EQUAL(db_text("SELECT cond FROM archive_loans WHERE item_id = %lld", ord), "intact");
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM archive_loans WHERE item_id = %lld AND open_item IS NOT NULL", ord), 0);
	CU_ASSERT_EQUAL(give_back(&arc, ord, "intact"), 409);
	/* secret: due in 4 hours */
	CU_ASSERT_EQUAL(borrow(&owner, sec, "核对"), 303);
	CU_ASSERT_EQUAL(decide(&gm, borrow_request(sec), "approve"), 303);
	CU_ASSERT_EQUAL(checkout(&arc, auth_of(sec)), 303);
	CU_ASSERT_EQUAL(db_value("SELECT TIMESTAMPDIFF(SECOND, out_at, due_at) FROM archive_loans WHERE item_id = %lld",
				 sec), 4 * 3600);
	CU_ASSERT_EQUAL(give_back(&arc, sec, "intact"), 303);
	/* damaged: back on the shelf, an incident recorded */
	CU_ASSERT_EQUAL(borrow(&gm, ord, "直接"), 303);
	CU_ASSERT_EQUAL(checkout(&arc, auth_of(ord)), 303);
	CU_ASSERT_EQUAL(give_back(&arc, ord, "damaged"), 303);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT status FROM archive_items WHERE id = %lld", ord), "on_shelf");
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM archive_incidents WHERE item_id = %lld AND kind = 'damaged'", ord), 1);
	/* lost: the item's status becomes lost, an incident is recorded, nobody may borrow it */
	CU_ASSERT_EQUAL(borrow(&deputy, ord, "直接"), 303);
	CU_ASSERT_EQUAL(checkout(&arc, auth_of(ord)), 303);
	CU_ASSERT_EQUAL(give_back(&arc, ord, "lost"), 303);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT status FROM archive_items WHERE id = %lld", ord), "lost");
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM archive_incidents WHERE item_id = %lld AND kind = 'lost'", ord), 1);
	CU_ASSERT(audit_count("archive.lost", "archivist", 0) >= 1);
	CU_ASSERT_EQUAL(borrow(&director, ord, "直接"), 409);
	client_free(&owner);
	client_free(&boss);
	client_free(&gm);
	client_free(&deputy);
	client_free(&director);
	client_free(&arc);
}

static void test_archive_never_out_twice(void)
{
	struct client owner, gm, director, desk1, desk2;
	sign_in(&owner, "staff1");
	sign_in(&gm, "gm");
	sign_in(&director, "director");
	sign_in(&desk1, "archivist");
	sign_in(&desk2, "archivist");
	long long card = card_named(&owner, "重复");
	long long item = shelved(&owner, card, "争抢件", "ordinary");
	CU_ASSERT_EQUAL(borrow(&gm, item, "直接"), 303);
	long long a1 = auth_of(item);
	CU_ASSERT_EQUAL(borrow(&director, item, "直接"), 303);
	long long a2 = auth_of(item);
	CU_ASSERT(a1 != a2);
	char tok1[80], tok2[80], s1[24], s2[24];
	snprintf(tok1, sizeof tok1, "%s", csrf_of(&desk1, "/"));
	snprintf(tok2, sizeof tok2, "%s", csrf_of(&desk2, "/"));
	snprintf(s1, sizeof s1, "%lld", a1);
	snprintf(s2, sizeof s2, "%lld", a2);
	const char *f1[] = { "_csrf", tok1, "auth", s1, "copies", "1", NULL };
	const char *f2[] = { "_csrf", tok2, "auth", s2, "copies", "1", NULL };
	const char *const *fields[2] = { f1, f2 };
	struct client *who[2] = { &desk1, &desk2 };
	long st[2];
	post_at_once(who, "/archive/desk/checkout", fields, st);
	CU_ASSERT((st[0] == 303 && st[1] == 409) || (st[0] == 409 && st[1] == 303));
	struct client *loser = st[0] == 409 ? &desk1 : &desk2;
	CU_ASSERT(client_has(loser, "不能重复出借"));
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM archive_loans WHERE item_id = %lld", item), 1);
	/* the database's own guard: a second open line for the item is refused */
	CU_ASSERT(db_exec_admin("INSERT INTO archive_loans (item_id, auth_id, kind, borrower_id, reason, out_at, due_at, "
				"out_by, open_item) VALUES (%lld, %lld, 'loan', 1, 'x', NOW(), NOW(), 1, %lld)", item, a2,
				item) == 1062);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM archive_loans WHERE item_id = %lld", item), 1);
	client_free(&owner);
	client_free(&gm);
	client_free(&director);
	client_free(&desk1);
	client_free(&desk2);
}

static void test_archive_secret_through_delegation(void)
{
	struct client owner, deputy, boss;
	sign_in(&owner, "staff1");
	sign_in(&deputy, "deputy");
	sign_in(&boss, "manager1");
	long long card = card_named(&owner, "委托");
	long long sec = shelved(&owner, card, "秘密委托件", "secret");
	CU_ASSERT_EQUAL(borrow(&owner, sec, "核对"), 303);
	long long req = borrow_request(sec);
	CU_ASSERT(approver_is(req, "gm"));
	/* without a delegation the deputy may not decide it */
	CU_ASSERT_EQUAL(decide(&deputy, req, "approve"), 403);
	char from[20], to[20];
	test_time_text(-3600, from);
	test_time_text(3600, to);
	from[10] = to[10] = ' ';
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO delegations (from_user, to_user, starts_at, ends_at, note, created_at) "
				      "VALUES (%lld, %lld, '%s', '%s', 'archive test', '%s')", user_id("gm"),
				      user_id("deputy"), from, to, from), 0);
	CU_ASSERT_EQUAL(decide(&deputy, req, "approve"), 303);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT status FROM requests WHERE id = %lld", req), "approved");
	CU_ASSERT_EQUAL(db_value("SELECT on_behalf_of FROM request_decisions WHERE request_id = %lld AND decision = "
				 "'approved'", req), user_id("gm"));
	CU_ASSERT_EQUAL(db_value("SELECT loan_secs FROM archive_auths WHERE request_id = %lld", req), 4 * 3600);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE delegations SET revoked_at = ends_at WHERE note = 'archive test'"), 0);
	client_free(&owner);
	client_free(&deputy);
	client_free(&boss);
}

/* The href of the pager's rel="next" link in c's page, &amp; undone, into out; 0 when there is one. */
static int next_link(struct client *c, char *out, size_t n)
{
	const char *a = strstr(c->res.body.data, "rel=\"next\" href=\"");
	if (a == NULL)
		return -1;
	a += strlen("rel=\"next\" href=\"");
	size_t k = 0;
	for (; *a && *a != '"' && k + 1 < n; k++)
		if (strncmp(a, "&amp;", 5) == 0) {
			out[k] = '&';
			a += 5;
		} else
			out[k] = *a++;
	out[k] = '\0';
	return 0;
}

/* The ids of the register lines listed on c's page (id="loan-N"), in order; their number. */
static size_t listed_loans(struct client *c, long long *ids, size_t max)
{
	size_t n = 0;
	for (const char *p = c->res.body.data; n < max && (p = strstr(p, "id=\"loan-")) != NULL; p += 9)
		ids[n++] = strtoll(p + 9, NULL, 10);
	return n;
}

/* 120 lines out since 1990, due two by two (a tie across the first page's
 * end): the overdue list shows 50 at a time, soonest due first (ties by
 * line), each page after the last line of the one before, with "51–100 of". */
static void test_archive_loan_lists_page_by_due(void)
{
	struct client owner, arc;
	sign_in(&owner, "staff1");
	sign_in(&arc, "archivist");
	long long item = shelved(&owner, card_named(&owner, "翻页"), "翻页样件", "ordinary");
#define COPIES "INSERT INTO archive_items (archive_no, client_id, volume_id, type_id, seq, title, doc_date, status, " \
	"dept_id, filed_by, filed_at) SELECT CONCAT('PG-%s-', s.seq), i.client_id, i.volume_id, i.type_id, 1000 + s.seq, " \
	"CONCAT('翻页', s.seq), i.doc_date, 'checked_out', i.dept_id, i.filed_by, i.filed_at " \
	"FROM archive_items i, seq_1_to_120 s WHERE i.id = %lld"
	CU_ASSERT_EQUAL(db_exec_admin(COPIES, run, item), 0);
#undef COPIES
#define LINES "INSERT INTO archive_loans (item_id, auth_id, kind, borrower_id, reason, out_at, due_at, out_by, " \
	"open_item) SELECT i.id, 0, 'loan', %lld, '翻页', '1990-01-01 08:00:00', " \
	"'1990-01-01 09:00:00' + INTERVAL (i.seq - 1000) DIV 2 MINUTE, %lld, i.id FROM archive_items i " \
	"WHERE i.archive_no LIKE 'PG-%s-%%' ORDER BY i.seq DESC"
	CU_ASSERT_EQUAL(db_exec_admin(LINES, user_id("staff1"), user_id("archivist"), run), 0);
#undef LINES
	/* the lines in the order the pages must show them */
	long long want[120];
	for (int k = 0; k < 120; k++)
		want[k] = db_value("SELECT id FROM archive_loans WHERE reason = '翻页' AND open_item IS NOT NULL "
				   "ORDER BY due_at, id LIMIT 1 OFFSET %d", k);
	CU_ASSERT_NOT_EQUAL(want[49], want[50]);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(DISTINCT due_at) FROM archive_loans WHERE id IN (%lld, %lld)", want[49],
				 want[50]), 1);
	const char *pages[] = { "/archive/overdue", "/archive/out" };
	for (int t = 0; t < 2; t++) {
		char path[512];
		snprintf(path, sizeof path, "%s", pages[t]);
		long long got[60];
		for (int page = 0; page < 2; page++) {
			CU_ASSERT_EQUAL_FATAL(client_get(&arc, path), 200);
			CU_ASSERT_EQUAL(listed_loans(&arc, got, 60), 50);
			for (int k = 0; k < 50; k++)
				CU_ASSERT_EQUAL(got[k], want[page * 50 + k]);
			CU_ASSERT(client_has(&arc, page ? "51–100 " : "1–50 "));
			CU_ASSERT_EQUAL(client_has(&arc, "id=\"first-page\""), page == 1);
			CU_ASSERT_EQUAL_FATAL(next_link(&arc, path, sizeof path), 0);
		}
		/* the third page starts with the last 20 */
		CU_ASSERT_EQUAL_FATAL(client_get(&arc, path), 200);
		CU_ASSERT(listed_loans(&arc, got, 60) >= 20);
		CU_ASSERT_EQUAL(got[0], want[100]);
		CU_ASSERT_EQUAL(got[19], want[119]);
	}
	/* a key that is not one: the first page, never an error */
	CU_ASSERT_EQUAL(client_get(&arc, "/archive/overdue?after=abc&after_key=x%27&from=-5"), 200);
	CU_ASSERT(client_has(&arc, "1–50 "));
	CU_ASSERT_EQUAL(db_exec_admin("DELETE FROM archive_loans WHERE reason = '翻页'"), 0);
	CU_ASSERT_EQUAL(db_exec_admin("DELETE FROM archive_items WHERE archive_no LIKE 'PG-%s-%%'", run), 0);
	client_free(&owner);
	client_free(&arc);
}

/* The columns kept by triggers (sql/076) follow their rows whoever writes
 * them, a value written to them directly is replaced, and no index holds a
 * generated column (MariaDB 10.11 reads such an index through the rows when
 * a prepared statement runs again: README "Kept columns"). */
static void test_kept_columns_follow_their_rows(void)
{
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM information_schema.STATISTICS s JOIN information_schema.COLUMNS c "
				 "ON c.TABLE_SCHEMA = s.TABLE_SCHEMA AND c.TABLE_NAME = s.TABLE_NAME "
				 "AND c.COLUMN_NAME = s.COLUMN_NAME WHERE s.TABLE_SCHEMA = DATABASE() "
				 "AND c.IS_GENERATED <> 'NEVER'"), 0);
	long long staff = user_id("staff1"), arc = user_id("archivist");
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO archive_loans (item_id, auth_id, kind, borrower_id, reason, out_at, "
				      "due_at, out_by, open_item, open_due, open_borrower) VALUES (2100000000, 0, 'loan', "
				      "%lld, '保持列', '2001-01-01 08:00:00', '2001-01-08 08:00:00', %lld, 2100000000, "
				      "'2999-01-01', 1)", staff, arc), 0);
#define LINE " FROM archive_loans WHERE item_id = 2100000000"
	CU_ASSERT_EQUAL(db_value("SELECT open_due = '2001-01-08 08:00:00' AND open_borrower = %lld" LINE, staff), 1);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE archive_loans SET due_at = '2001-02-01 08:00:00' WHERE item_id = 2100000000"),
			0);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT open_due" LINE), "2001-02-01 08:00:00");
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE archive_loans SET open_item = NULL WHERE item_id = 2100000000"), 0);
	CU_ASSERT_EQUAL(db_value("SELECT open_due IS NULL AND open_borrower IS NULL" LINE), 1);
	CU_ASSERT_EQUAL(db_exec_admin("DELETE" LINE), 0);
#undef LINE
	/* a card: served when visited; open for escalation until its due day is escalated */
	long long card = db_value("SELECT MIN(id) FROM clients WHERE deleted_at IS NULL AND in_pool = 0");
	char was[160];
	snprintf(was, sizeof was, "%s", db_text("SELECT CONCAT_WS('/', last_visit_on, escalated_due, next_visit_due) "
						"FROM clients WHERE id = %lld", card));
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET last_visit_on = '2099-01-02', escalated_due = NULL, "
				      "next_visit_due = '2099-02-01' WHERE id = %lld", card), 0);
	CU_ASSERT_EQUAL(db_value("SELECT last_service_on = '2099-01-02' AND escalation_open = 1 FROM clients "
				 "WHERE id = %lld", card), 1);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET escalated_due = next_visit_due, last_service_on = '1999-01-01' "
				      "WHERE id = %lld", card), 0);
	CU_ASSERT_EQUAL(db_value("SELECT last_service_on = '2099-01-02' AND escalation_open = 0 FROM clients "
				 "WHERE id = %lld", card), 1);
	/* as it was ("" parts are NULL) */
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET last_visit_on = NULLIF(SUBSTRING_INDEX('%s', '/', 1), ''), "
				      "escalated_due = NULLIF(SUBSTRING_INDEX(SUBSTRING_INDEX('%s', '/', 2), '/', -1), ''), "
				      "next_visit_due = NULLIF(SUBSTRING_INDEX('%s', '/', -1), '') WHERE id = %lld",
				      was, was, was, card), 0);
}

/* Moves the clock: last in the suite. */
static void test_archive_overdue_and_reading_room_same_day(void)
{
	struct client owner, gm, director, arc;
	sign_in(&owner, "staff1");
	sign_in(&gm, "gm");
	sign_in(&director, "director");
	sign_in(&arc, "archivist");
	long long card = card_named(&owner, "阅览");
	long long sec = shelved(&owner, card, "秘密逾期件", "secret");
	long long conf = shelved(&owner, card, "机密阅览件", "confidential");
	CU_ASSERT_EQUAL(borrow(&owner, sec, "核对"), 303);
	CU_ASSERT_EQUAL(decide(&gm, borrow_request(sec), "approve"), 303);
	CU_ASSERT_EQUAL(checkout(&arc, auth_of(sec)), 303);
	CU_ASSERT_EQUAL(borrow(&owner, conf, "查阅"), 303);
	CU_ASSERT_EQUAL(decide(&director, borrow_request(conf), "approve"), 303);
	/* confidential: the reading room, until the day's end */
	CU_ASSERT_EQUAL(checkout(&arc, auth_of(conf)), 303);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT status FROM archive_items WHERE id = %lld", conf), "reading_room");
	CU_ASSERT_STRING_EQUAL(db_text("SELECT kind FROM archive_loans WHERE item_id = %lld", conf), "reading");
	CU_ASSERT_EQUAL(db_value("SELECT DATE(due_at) = DATE(out_at) AND TIME(due_at) = '23:59:59' FROM archive_loans "
				 "WHERE item_id = %lld", conf), 1);
	/* five hours on: the secret loan is overdue; the job marks it */
	clock_advance(5 * 3600);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(db_value("SELECT overdue FROM archive_loans WHERE item_id = %lld", sec), 1);
	client_free(&arc);
	sign_in(&arc, "archivist");
	CU_ASSERT_EQUAL(client_get(&arc, "/archive/overdue"), 200);
	CU_ASSERT(client_has(&arc, no_of(sec)));
	/* the next day: the session left open was closed at its day's end and flagged */
	clock_advance(24 * 3600);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(db_value("SELECT closed_by_job FROM archive_loans WHERE item_id = %lld", conf), 1);
	CU_ASSERT_EQUAL(db_value("SELECT open_item IS NULL AND TIME(returned_at) = '23:59:59' AND DATE(returned_at) = "
				 "DATE(out_at) FROM archive_loans WHERE item_id = %lld", conf), 1);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT status FROM archive_items WHERE id = %lld", conf), "on_shelf");
	/* the secret loan is still out (it is not a reading-room session) */
	CU_ASSERT_STRING_EQUAL(db_text("SELECT status FROM archive_items WHERE id = %lld", sec), "checked_out");
	client_free(&arc);
	sign_in(&arc, "archivist");
	CU_ASSERT_EQUAL(give_back(&arc, sec, "intact"), 303);
	client_free(&owner);
	client_free(&gm);
	client_free(&director);
	client_free(&arc);
}

/* The app's clock moved to 09:00 of the next day (company time): a fresh digest day. */
static void next_morning(void)
{
	char now[20];
	test_time_text(0, now);
	int h = 0, m = 0;
	sscanf(now + 11, "%d:%d", &h, &m);
	clock_advance((24 - h) * 3600L - m * 60L + 9 * 3600L);
}

#define LOAN_MAIL(kind, loan, user) db_value("SELECT COUNT(*) FROM mail_outbox WHERE kind = '%s' AND subject_ref = " \
					     "'loan:%lld' AND recipient_id = %lld", kind, loan, user_id(user))

/* Moves the clock by more than ten days: last in the suite. */
static void test_archive_overdue_reminders(void)
{
	struct client owner, gm, arc;
	sign_in(&owner, "staff1");
	sign_in(&gm, "gm");
	sign_in(&arc, "archivist");
	long long card = card_named(&owner, "催还");
	long long ord = shelved(&owner, card, "普通催还件", "ordinary");
	long long back = shelved(&owner, card, "按时归还件", "ordinary");
	long long sec = shelved(&owner, card, "秘密催还件", "secret");
	struct client boss;
	sign_in(&boss, "manager1");
	CU_ASSERT_EQUAL(borrow(&owner, ord, "核对合同"), 303);
	CU_ASSERT_EQUAL(decide(&boss, borrow_request(ord), "approve"), 303);
	CU_ASSERT_EQUAL(checkout(&arc, auth_of(ord)), 303);
	CU_ASSERT_EQUAL(borrow(&owner, back, "核对合同"), 303);
	CU_ASSERT_EQUAL(decide(&boss, borrow_request(back), "approve"), 303);
	CU_ASSERT_EQUAL(checkout(&arc, auth_of(back)), 303);
	CU_ASSERT_EQUAL(borrow(&owner, sec, "核对"), 303);
	CU_ASSERT_EQUAL(decide(&gm, borrow_request(sec), "approve"), 303);
	CU_ASSERT_EQUAL(checkout(&arc, auth_of(sec)), 303);
	client_free(&boss);
	long long l_ord = db_value("SELECT MAX(id) FROM archive_loans WHERE item_id = %lld", ord);
	long long l_back = db_value("SELECT MAX(id) FROM archive_loans WHERE item_id = %lld", back);
	long long l_sec = db_value("SELECT MAX(id) FROM archive_loans WHERE item_id = %lld", sec);
#define REMIND_AT(l) db_text("SELECT COALESCE(remind_at = due_at, 'none') FROM archive_loans WHERE id = %lld", l)
#define REMIND_ESCALATE(l) db_value("SELECT remind_at = DATE_ADD(due_at, INTERVAL 3 DAY) FROM archive_loans " \
				    "WHERE id = %lld", l)
	/* the job's next look at a loan (sql/066): its due time */
	CU_ASSERT_STRING_EQUAL(REMIND_AT(l_ord), "1");
	CU_ASSERT_STRING_EQUAL(REMIND_AT(l_sec), "1");
	/* nothing before the due time */
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(LOAN_MAIL("loan.overdue", l_sec, "staff1"), 0);
	/* five hours on: the secret loan reminds its borrower and goes to the manager at once */
	clock_advance(5 * 3600);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(LOAN_MAIL("loan.overdue", l_sec, "staff1"), 1);
	CU_ASSERT_EQUAL(LOAN_MAIL("loan.escalation", l_sec, "manager1"), 1);
	CU_ASSERT_EQUAL(LOAN_MAIL("loan.escalation", l_sec, "staff1"), 0);   /* not the borrower */
	CU_ASSERT_EQUAL(LOAN_MAIL("loan.overdue", l_ord, "staff1"), 0);
	CU_ASSERT_STRING_EQUAL(REMIND_AT(l_sec), "none");     /* escalated: the job never reads it again */
	CU_ASSERT(strstr(db_text("SELECT body_text FROM mail_outbox WHERE kind = 'loan.escalation' AND subject_ref = "
				 "'loan:%lld' AND recipient_id = %lld", l_sec, user_id("manager1")), no_of(sec)) != NULL);
	/* past the 7 days, the next morning: the borrower of the ordinary loans is reminded, once */
	clock_advance(7 * 86400);
	next_morning();
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(LOAN_MAIL("loan.overdue", l_ord, "staff1"), 1);
	CU_ASSERT_EQUAL(LOAN_MAIL("loan.overdue", l_back, "staff1"), 1);
	CU_ASSERT_EQUAL(LOAN_MAIL("loan.escalation", l_ord, "manager1"), 0);   /* not yet 3 days */
	CU_ASSERT_EQUAL(REMIND_ESCALATE(l_ord), 1);            /* its next look: the escalation's day */
	CU_ASSERT_EQUAL(LOAN_MAIL("loan.overdue", l_sec, "staff1"), 1);
	CU_ASSERT_EQUAL(LOAN_MAIL("loan.escalation", l_sec, "manager1"), 1);
	/* the borrower's digest lists the loans overdue */
	CU_ASSERT(db_value("SELECT COUNT(*) FROM mail_outbox WHERE recipient_id = %lld AND kind = 'digest' "
			   "AND day = (SELECT MAX(day) FROM mail_digests) AND body_text LIKE '%%%s%%'",
			   user_id("staff1"), no_of(ord)) >= 1);
	/* a reminder not yet sent is dropped when the loan is returned first */
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO mail_outbox (kind, subject_ref, recipient_id, day, channel, state, "
				      "next_attempt_at, created_at, language, address, title, body_text, body_html) "
				      "SELECT kind, subject_ref, recipient_id, DATE_SUB(day, INTERVAL 1 DAY), channel, 'queued', "
				      "'2000-01-01', created_at, language, address, title, body_text, body_html FROM mail_outbox "
				      "WHERE kind = 'loan.overdue' AND subject_ref = 'loan:%lld'", l_back), 0);
	client_free(&arc);
	sign_in(&arc, "archivist");
	CU_ASSERT_EQUAL(give_back(&arc, back, "intact"), 303);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT(db_value("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'loan.overdue' AND subject_ref = "
			   "'loan:%lld' AND state = 'dropped'", l_back) >= 1);
	CU_ASSERT_STRING_EQUAL(REMIND_AT(l_back), "none");    /* returned */
	/* three days more: the manager is told of the ordinary loan, once; nothing for the returned one */
	clock_advance(3 * 86400);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(LOAN_MAIL("loan.escalation", l_ord, "manager1"), 1);
	CU_ASSERT_EQUAL(LOAN_MAIL("loan.overdue", l_ord, "staff1"), 1);
	CU_ASSERT_EQUAL(LOAN_MAIL("loan.escalation", l_back, "manager1"), 0);
	CU_ASSERT_STRING_EQUAL(REMIND_AT(l_ord), "none");
	client_free(&arc);
	sign_in(&arc, "archivist");
	CU_ASSERT_EQUAL(give_back(&arc, ord, "intact"), 303);
	CU_ASSERT_EQUAL(give_back(&arc, sec, "intact"), 303);
	client_free(&owner);
	client_free(&gm);
	client_free(&arc);
}

static long set_hold(struct client *c, long long card, const char *hold, const char *reason)
{
	char path[64], tok[80];
	snprintf(path, sizeof path, "/clients/%lld/legal-hold", card);
	snprintf(tok, sizeof tok, "%s", csrf_of(c, path));
	return client_post(c, path, "_csrf", tok, "hold", hold, "_reason", reason, NULL);
}

static long make_batch(struct client *arc, long long a, long long b)
{
	char tok[80], x[24], y[24];
	snprintf(tok, sizeof tok, "%s", csrf_of(arc, "/archive/retention"));
	snprintf(x, sizeof x, "%lld", a);
	snprintf(y, sizeof y, "%lld", b);
	if (b == 0)
		return client_post(arc, "/archive/retention", "_csrf", tok, "item", x, "_reason", "到期销毁", NULL);
	return client_post(arc, "/archive/retention", "_csrf", tok, "item", x, "item", y, "_reason", "到期销毁", NULL);
}

static long batch_post(struct client *c, long long batch, const char *what, const char *supervisor)
{
	char path[80], tok[80], sup[24], name[128];
	snprintf(path, sizeof path, "/archive/destruction/%lld", batch);
	snprintf(tok, sizeof tok, "%s", csrf_of(c, "/"));
	snprintf(path, sizeof path, "/archive/destruction/%lld/%s", batch, what);
	if (supervisor == NULL)
		return client_post(c, path, "_csrf", tok, NULL);
	snprintf(sup, sizeof sup, "%lld", user_id(supervisor));
	snprintf(name, sizeof name, "%s", db_text("SELECT display_name FROM users WHERE username = '%s'", supervisor));
	return client_post(c, path, "_csrf", tok, "place", "档案室碎纸间", "destroyed_on", "2026-06-01", "executor", "王师傅",
			   "supervisor", sup, "supervisor_q", name, NULL);
}

/* Retention, a destruction batch appraised and approved, its 6-month hold,
 * the record and the supervisor's confirmation, the legal hold, the register
 * append-only for the app. Moves the clock by 6 months: last in the suite. */
static void test_archive_retention_and_destruction(void)
{
	struct client owner, arc, director;
	sign_in(&owner, "staff1");
	sign_in(&arc, "archivist");
	sign_in(&director, "director");
	long long card = card_named(&owner, "销毁"), other = card_named(&owner, "保全");
	long long a = shelved(&owner, card, "到期普通件", "ordinary");
	long long b = shelved(&owner, card, "到期秘密件", "secret");
	long long perm = shelved(&owner, card, "永久件", "ordinary");
	long long young = shelved(&owner, card, "未到期件", "ordinary");
	long long held = shelved(&owner, other, "保全件", "ordinary");
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE archive_items SET doc_date = '2012-05-01', retention = '10' WHERE id IN "
				      "(%lld, %lld, %lld)", a, b, held), 0);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE archive_items SET doc_date = '1990-05-01', retention = 'permanent' "
				      "WHERE id = %lld", perm), 0);
	/* the items due: not the permanent one, nor one within its years */
	CU_ASSERT_EQUAL(client_get(&arc, "/archive/retention"), 200);
	CU_ASSERT(client_has(&arc, no_of(a)));
	CU_ASSERT(client_has(&arc, no_of(b)));
	CU_ASSERT(!client_has(&arc, no_of(perm)));
	CU_ASSERT(!client_has(&arc, no_of(young)));
	CU_ASSERT_EQUAL(run_cron(), 0);
	/* a legal hold (the director, with a reason, audited) keeps the client's items out of any batch */
	CU_ASSERT_EQUAL(set_hold(&owner, other, "1", "诉讼"), 403);
	CU_ASSERT_EQUAL(set_hold(&director, other, "1", ""), 422);
	CU_ASSERT_EQUAL(set_hold(&director, other, "1", "合同纠纷诉讼中"), 303);
	CU_ASSERT_EQUAL(db_value("SELECT legal_hold FROM clients WHERE id = %lld", other), 1);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM audit_log WHERE action = 'archive.legal_hold_set' AND object_id = %lld",
				 other), 1);
	long long before = db_value("SELECT COUNT(*) FROM destruction_batches");
	CU_ASSERT_EQUAL(make_batch(&arc, held, 0), 409);
	CU_ASSERT_EQUAL(make_batch(&arc, a, held), 409);
	CU_ASSERT_EQUAL(make_batch(&arc, perm, 0), 409);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM destruction_batches"), before);
	/* the batch: the customer-service manager, the department's head, then the GM (an item is secret) */
	CU_ASSERT_EQUAL(make_batch(&arc, a, b), 303);
	long long batch = db_value("SELECT MAX(id) FROM destruction_batches");
	long long req = db_value("SELECT request_id FROM destruction_batches WHERE id = %lld", batch);
	CU_ASSERT(approver_is(req, "csmanager"));
	CU_ASSERT(!approver_is(req, "manager1"));
	CU_ASSERT_EQUAL(make_batch(&arc, a, 0), 409);      /* already in a batch being decided */
	struct client cs, boss, gm;
	sign_in(&cs, "csmanager");
	sign_in(&boss, "manager1");
	sign_in(&gm, "gm");
	CU_ASSERT_EQUAL(decide(&boss, req, "approve"), 403);
	CU_ASSERT_EQUAL(decide(&cs, req, "approve"), 303);
	CU_ASSERT(approver_is(req, "manager1"));
	CU_ASSERT_EQUAL(decide(&boss, req, "approve"), 303);
	CU_ASSERT(approver_is(req, "gm"));
	CU_ASSERT(!approver_is(req, "director"));
	CU_ASSERT_EQUAL(decide(&gm, req, "approve"), 303);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT status FROM requests WHERE id = %lld", req), "approved");
	CU_ASSERT_STRING_EQUAL(db_text("SELECT status FROM archive_items WHERE id = %lld", a), "destruction_hold");
	CU_ASSERT_STRING_EQUAL(db_text("SELECT status FROM archive_items WHERE id = %lld", b), "destruction_hold");
	CU_ASSERT_EQUAL(db_value("SELECT hold_until = DATE_ADD((SELECT decided_at FROM requests WHERE id = %lld), "
				 "INTERVAL 6 MONTH) FROM archive_items WHERE id = %lld", req, a), 1);
	/* not before the hold ends */
	CU_ASSERT_EQUAL(batch_post(&arc, batch, "record", "manager2"), 409);
	clock_advance(184 * 86400L);
	/* the archivists' next digest says the hold has ended */
	clock_next_morning();
	CU_ASSERT_EQUAL(run_cron(), 0);
	char line[160];
	snprintf(line, sizeof line, "销毁批次 %lld（2 件）：保留期已于 ", batch);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'digest' AND recipient_id = %lld AND "
				 "day = (SELECT MAX(day) FROM mail_digests) AND body_text LIKE '%%%s%%'", user_id("archivist"),
				 line), 1);
	client_free(&arc);
	sign_in(&arc, "archivist");
	char page[64];
	snprintf(page, sizeof page, "/archive/destruction/%lld", batch);
	CU_ASSERT_EQUAL(client_get(&arc, page), 200);
	CU_ASSERT_EQUAL(batch_post(&arc, batch, "record", "manager2"), 303);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT status FROM destruction_batches WHERE id = %lld", batch), "recorded");
	/* the supervisor's next digest asks for the confirmation; the archivists' no longer lists the batch */
	clock_next_morning();
	CU_ASSERT_EQUAL(run_cron(), 0);
	snprintf(line, sizeof line, "销毁批次 %lld（2 件），", batch);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'digest' AND recipient_id = %lld AND "
				 "day = (SELECT MAX(day) FROM mail_digests) AND body_text LIKE '%%%s%%'", user_id("manager2"),
				 line), 1);
	snprintf(line, sizeof line, "销毁批次 %lld（", batch);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'digest' AND recipient_id = %lld AND "
				 "day = (SELECT MAX(day) FROM mail_digests) AND body_text LIKE '%%%s%%'", user_id("archivist"),
				 line), 0);
	client_free(&arc);                  /* a night later: signed in again */
	sign_in(&arc, "archivist");
	/* only the supervisor confirms; until then nothing is destroyed */
	CU_ASSERT_EQUAL(batch_post(&arc, batch, "confirm", NULL), 403);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT status FROM archive_items WHERE id = %lld", a), "destruction_hold");
	/* a legal hold set meanwhile (the archivist) stops the execution */
	CU_ASSERT_EQUAL(set_hold(&arc, card, "1", "监管调查"), 303);
	struct client sup;
	sign_in(&sup, "manager2");
	CU_ASSERT_EQUAL(batch_post(&sup, batch, "confirm", NULL), 409);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT status FROM archive_items WHERE id = %lld", a), "destruction_hold");
	CU_ASSERT_EQUAL(set_hold(&arc, card, "0", "调查结束"), 303);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM audit_log WHERE action = 'archive.legal_hold_lifted' AND "
				 "object_id = %lld", card), 1);
	CU_ASSERT_EQUAL(batch_post(&sup, batch, "confirm", NULL), 303);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT status FROM archive_items WHERE id = %lld", a), "destroyed");
	CU_ASSERT_STRING_EQUAL(db_text("SELECT status FROM archive_items WHERE id = %lld", b), "destroyed");
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM destruction_register WHERE batch_id = %lld AND supervisor_id = %lld "
				 "AND place = '档案室碎纸间' AND executor = '王师傅'", batch, user_id("manager2")), 2);
	/* each line keeps its item's department (the retention report reads the register by it) */
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM destruction_register g JOIN archive_items i ON i.id = g.item_id "
				 "WHERE g.batch_id = %lld AND g.dept_id = i.dept_id AND g.dept_id > 0", batch), 2);
	CU_ASSERT_EQUAL(client_get(&arc, "/archive/destruction"), 200);
	CU_ASSERT(client_has(&arc, no_of(a)));
	/* the register is append-only for the application's account */
	CU_ASSERT_EQUAL(db_as_app("UPDATE destruction_register SET place = 'x' WHERE id = 1"), 1142);
	CU_ASSERT_EQUAL(db_as_app("DELETE FROM destruction_register WHERE id = 1"), 1142);
	CU_ASSERT_EQUAL(db_as_app("SELECT COUNT(*) FROM destruction_register"), 0);
	client_free(&owner);
	client_free(&arc);
	client_free(&director);
	client_free(&cs);
	client_free(&boss);
	client_free(&gm);
	client_free(&sup);
}


/* The first <svg …>…</svg> of the page, well-formed XML (python3's parser
 * reads it), and the text libzint printed under the bars (what they encode). */
static int svg_ok(struct client *c, const char *code)
{
	const char *body = c->res.body.data, *a = body ? strstr(body, "<svg") : NULL;
	const char *b = a ? strstr(a, "</svg>") : NULL;
	if (b == NULL)
		return 0;
	char tmp[] = "/tmp/dossier-svg-XXXXXX";
	int fd = mkstemp(tmp);
	CU_ASSERT_FATAL(fd >= 0);
	close(fd);
	char cmd[512];
	snprintf(cmd, sizeof cmd, "python3 -c 'import sys, xml.dom.minidom as m; d = m.parseString(sys.stdin.buffer.read()); "
		 "print(len(d.getElementsByTagName(\"rect\")), d.getElementsByTagName(\"text\")[0].firstChild.data)' > %s",
		 tmp);
	FILE *f = popen(cmd, "w");
	CU_ASSERT_FATAL(f != NULL);
	fwrite(a, 1, (size_t)(b + 6 - a), f);
	int rc = pclose(f);
	char out[256] = "";
	FILE *o = fopen(tmp, "r");
	if (o != NULL) {
		if (fgets(out, sizeof out, o) == NULL)
			out[0] = '\0';
		fclose(o);
	}
	unlink(tmp);
	int bars = atoi(out);
	const char *sp = strchr(out, ' ');
	char want[128];
	snprintf(want, sizeof want, " %s\n", code);
	return rc == 0 && bars > 8 && sp != NULL && strcmp(sp, want) == 0;
}

static void test_archive_labels(void)
{
	struct client owner, arc, admin, other;
	sign_in(&owner, "staff1");
	sign_in(&arc, "archivist");
	sign_in(&admin, "admin");
	sign_in(&other, "staff3");
	long long card = card_named(&owner, "标签");
	long long item = shelved(&owner, card, "标签合同", "ordinary");
	long long item2 = shelved(&owner, card, "标签报告", "ordinary");
	char path[160], want[96];
	/* an item: its number in the barcode, the label link on its page */
	snprintf(path, sizeof path, "/archive/items/%lld", item);
	CU_ASSERT_EQUAL(client_get(&owner, path), 200);
	snprintf(want, sizeof want, "/archive/labels?items=%lld", item);
	CU_ASSERT(client_has(&owner, want));
	CU_ASSERT_EQUAL(client_get(&owner, want), 200);
	CU_ASSERT(svg_ok(&owner, no_of(item)));
	CU_ASSERT(client_has(&owner, "class=\"label-sheet\""));
	/* two at once; a malformed list or one too many is refused; a stranger's is not shown */
	snprintf(path, sizeof path, "/archive/labels?items=%lld,%lld", item, item2);
	CU_ASSERT_EQUAL(client_get(&arc, path), 200);
	CU_ASSERT(client_has(&arc, no_of(item2)));
	CU_ASSERT_EQUAL(client_get(&arc, "/archive/labels?items=1,,2"), 400);
	CU_ASSERT_EQUAL(client_get(&arc, "/archive/labels?items=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,"
					 "21,22,23,24,25"), 400);
	CU_ASSERT_EQUAL(client_get(&arc, "/archive/labels"), 400);
	snprintf(path, sizeof path, "/archive/labels?items=%lld", item);
	CU_ASSERT_EQUAL(client_get(&other, path), 403);
	/* the desk accepts what the barcode encodes: the number itself */
	snprintf(path, sizeof path, "/archive/desk?no=%s", no_of(item));
	CU_ASSERT_EQUAL(client_get(&arc, path), 200);
	CU_ASSERT(client_has(&arc, "标签合同"));
	/* a number with '·' (the DA/T 22 pattern) is not Code 128: the barcode carries "#id", the desk takes it */
	CU_ASSERT(db_exec_admin("UPDATE archive_items SET archive_no = 'QZ01-HT·2026-D10-XS-%04lld' WHERE id = %lld",
				item2 % 10000, item2) == 0);
	char hash[32];
	snprintf(hash, sizeof hash, "#%lld", item2);
	snprintf(path, sizeof path, "/archive/labels?items=%lld", item2);
	CU_ASSERT_EQUAL(client_get(&arc, path), 200);
	CU_ASSERT(svg_ok(&arc, hash));
	CU_ASSERT(client_has(&arc, "HT·2026"));
	snprintf(path, sizeof path, "/archive/desk?no=%%23%lld", item2);
	CU_ASSERT_EQUAL(client_get(&arc, path), 200);
	CU_ASSERT(client_has(&arc, "标签报告"));
	CU_ASSERT_EQUAL(client_get(&arc, "/archive/desk?no=%23999999999"), 404);
	/* a volume: C + the client's number and the year; the link on the volume page */
	long long vol = db_value("SELECT volume_id FROM archive_items WHERE id = %lld", item);
	snprintf(path, sizeof path, "/archive/volumes/%lld", vol);
	CU_ASSERT_EQUAL(client_get(&owner, path), 200);
	snprintf(path, sizeof path, "/archive/labels?volume=%lld", vol);
	CU_ASSERT(client_has(&owner, path));
	CU_ASSERT_EQUAL(client_get(&owner, path), 200);
	snprintf(want, sizeof want, "C%06lld-%lld", card, db_value("SELECT year FROM archive_volumes WHERE id = %lld", vol));
	CU_ASSERT(svg_ok(&owner, want));
	CU_ASSERT_EQUAL(client_get(&other, path), 403);
	/* a box: B + its id; from the admin's places page; not for everyone */
	long long box = db_value("SELECT MIN(id) FROM archive_locations WHERE kind = 'box'");
	snprintf(path, sizeof path, "/archive/labels?box=%lld", box);
	CU_ASSERT_EQUAL(client_get(&admin, "/admin/archive"), 200);
	CU_ASSERT(client_has(&admin, path));
	CU_ASSERT_EQUAL(client_get(&admin, path), 200);
	snprintf(want, sizeof want, "B%06lld", box);
	CU_ASSERT(svg_ok(&admin, want));
	CU_ASSERT_EQUAL(client_get(&arc, path), 200);
	CU_ASSERT_EQUAL(client_get(&owner, path), 403);
	snprintf(path, sizeof path, "/archive/labels?box=%lld",
		 db_value("SELECT MIN(id) FROM archive_locations WHERE kind = 'room'"));
	CU_ASSERT_EQUAL(client_get(&admin, path), 404);
	client_free(&owner);
	client_free(&arc);
	client_free(&admin);
	client_free(&other);
}


#define PERIOD_ROWS(who, day) db_value("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'archive.period' AND " \
				      "recipient_id = %lld AND day = '%s'", who, day)

/* At the start of a filing period each department manager is sent, once, the
 * items of the department submitted and not placed and its cards with no item
 * in the year the period collects; the archivist's page shows the period. */
static void test_archive_filing_periods(void)
{
	struct client owner, arc;
	sign_in(&owner, "staff1");
	sign_in(&arc, "archivist");
	char now[20];
	test_time_text(0, now);
	now[10] = '\0';
	struct archive_period p;
	CU_ASSERT_FATAL(archive_period_of(now, &p) == 0);
	/* an item submitted, not yet signed off; a card with nothing */
	long long card = card_named(&owner, "归档期");
	char title[64];
	snprintf(title, sizeof title, "归档期合同%s", run);
	CU_ASSERT_EQUAL(submit(&owner, card, title, "HT", "ordinary"), 303);
	long long item = db_value("SELECT MAX(id) FROM archive_items WHERE client_id = %lld", card);
	long long bare = card_named(&owner, "归档期无档");
	long long dept = db_value("SELECT dept_id FROM clients WHERE id = %lld", bare);
	long long m1 = user_id("manager1");
	CU_ASSERT_EQUAL(db_value("SELECT dept_id FROM users WHERE id = %lld", m1), dept);
	/* the period began: a job that already ran this period is forgotten so this one queues */
	CU_ASSERT(db_exec_admin("DELETE FROM archive_period_runs") == 0);
	CU_ASSERT(db_exec_admin("DELETE FROM mail_outbox WHERE kind = 'archive.period'") == 0);
	CU_ASSERT_EQUAL(run_cron(), 0);
	long long rows = PERIOD_ROWS(m1, p.start);
	CU_ASSERT(rows >= 1);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM archive_period_runs WHERE period_start = '%s'", p.start), 1);
	/* every manager of a department, each about their own department */
	CU_ASSERT(db_value("SELECT COUNT(DISTINCT recipient_id) FROM mail_outbox WHERE kind = 'archive.period' AND day = '%s'",
			   p.start) >= 2);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM mail_outbox o JOIN users u ON u.id = o.recipient_id WHERE "
				 "o.kind = 'archive.period' AND o.subject_ref <> CONCAT('period:', o.day, ':dept:', u.dept_id)"), 0);
	/* manager1's lists: the item waiting, the bare card, and the counts */
	char like[160];
	snprintf(like, sizeof like, "%%%s%%", no_of(item));
	if (db_value("SELECT COUNT(*) FROM archive_items WHERE dept_id = %lld AND status = 'submitted'", dept) <= 20)
		CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'archive.period' AND recipient_id = "
					 "%lld AND body_text LIKE '%s' AND body_text LIKE '%%%s%%'", m1, like, title), rows);
	char y0[24], y1[24];
	snprintf(y0, sizeof y0, "%04d-01-01", p.filing_year);
	snprintf(y1, sizeof y1, "%04d-01-01", p.filing_year + 1);
	long long missing = db_value("SELECT COUNT(*) FROM clients c WHERE c.dept_id = %lld AND c.deleted_at IS NULL AND "
				     "NOT EXISTS (SELECT 1 FROM archive_items i WHERE i.client_id = c.id AND i.doc_date >= '%s' "
				     "AND i.doc_date < '%s')", dept, y0, y1);
	CU_ASSERT(missing >= 1);
	snprintf(like, sizeof like, "%%%d (%lld)%%", p.filing_year, missing);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'archive.period' AND recipient_id = %lld "
				 "AND body_text LIKE '%s'", m1, like), rows);
	if (missing <= 20)
		CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'archive.period' AND recipient_id = "
					 "%lld AND body_text LIKE '%%归档期无档%s%%'", m1, run), rows);
	/* once per manager and period: again, and again with the period's row gone (the outbox's key) */
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(PERIOD_ROWS(m1, p.start), rows);
	CU_ASSERT(db_exec_admin("DELETE FROM archive_period_runs") == 0);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(PERIOD_ROWS(m1, p.start), rows);
	/* the archivist's page: the period per department, then the department's lists */
	CU_ASSERT_EQUAL(client_get(&arc, "/archive/periods"), 200);
	CU_ASSERT(client_has(&arc, "id=\"periods\""));
	CU_ASSERT(client_has(&arc, p.start));
	char path[128];
	snprintf(path, sizeof path, "/archive/periods?start=%s&dept=%lld", p.start, dept);
	CU_ASSERT_EQUAL(client_get(&arc, path), 200);
	CU_ASSERT(client_has(&arc, "id=\"filed\""));
	CU_ASSERT(client_has(&arc, "id=\"waiting\""));
	CU_ASSERT(client_has(&arc, no_of(item)));
	char bare_link[64];
	snprintf(bare_link, sizeof bare_link, "/clients/%lld\"", bare);
	if (missing <= 200)
		CU_ASSERT(client_has(&arc, bare_link));
	/* an earlier period is offered and shown; a day that starts no period, or one to come, is not */
	struct archive_period before;
	CU_ASSERT_FATAL(archive_period_before(&p, &before) == 0);
	snprintf(path, sizeof path, "/archive/periods?start=%s", before.start);
	CU_ASSERT_EQUAL(client_get(&arc, path), 200);
	CU_ASSERT_EQUAL(client_get(&arc, "/archive/periods?start=2026-05-02"), 404);
	CU_ASSERT_EQUAL(client_get(&arc, "/archive/periods?start=2999-01-01"), 404);
	CU_ASSERT_EQUAL(client_get(&arc, "/archive/periods?dept=999999"), 404);
	CU_ASSERT_EQUAL(client_get(&owner, "/archive/periods"), 403);
	client_free(&owner);
	client_free(&arc);
}

/* The card lists its items with their volume and place; the print view lists
 * each paper volume's number with the places its paper is kept in, once each,
 * and what is not placed yet; electronic-only items are not paper. */
static void test_archive_card_print_lists_paper_volumes(void)
{
	struct client owner, arc;
	sign_in(&owner, "staff1");
	sign_in(&arc, "archivist");
	long long card = card_named(&owner, "案卷");
	long long a = shelved(&owner, card, "案卷合同甲", "ordinary");
	long long b = shelved(&owner, card, "案卷合同乙", "ordinary");
	long long c = shelved(&owner, card, "案卷合同丙", "ordinary");
	long long box2 = db_value("SELECT MAX(id) FROM archive_locations WHERE kind = 'box'");
	CU_ASSERT(box2 != db_value("SELECT MIN(id) FROM archive_locations WHERE kind = 'box'"));
	CU_ASSERT(db_exec_admin("UPDATE archive_items SET location_id = %lld WHERE id = %lld", box2, c) == 0);
	CU_ASSERT_EQUAL(submit(&owner, card, "案卷待上架", "HT", "ordinary"), 303);
	CU_ASSERT_EQUAL(submit(&owner, card, "案卷扫描件", "HT", "ordinary"), 303);
	long long scan = db_value("SELECT MAX(id) FROM archive_items WHERE client_id = %lld", card);
	CU_ASSERT(db_exec_admin("UPDATE archive_items SET medium = 'electronic' WHERE id = %lld", scan) == 0);
#define PATH_SQL "SELECT CONCAT_WS(' / ', l4.name, l3.name, l2.name, l1.name) FROM archive_locations l1 " \
	"LEFT JOIN archive_locations l2 ON l2.id = l1.parent_id LEFT JOIN archive_locations l3 ON l3.id = l2.parent_id " \
	"LEFT JOIN archive_locations l4 ON l4.id = l3.parent_id WHERE l1.id = %lld"
	char place1[200], place2[200], want[600], path[64];
	snprintf(place1, sizeof place1, "%s", db_text(PATH_SQL, db_value("SELECT location_id FROM archive_items WHERE id = %lld", a)));
	snprintf(place2, sizeof place2, "%s", db_text(PATH_SQL, box2));
	long long vol = db_value("SELECT volume_id FROM archive_items WHERE id = %lld", a);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(DISTINCT volume_id) FROM archive_items WHERE client_id = %lld", card), 1);
	CU_ASSERT_EQUAL(db_value("SELECT volume_id FROM archive_items WHERE id = %lld", b), vol);
	char vno[32];
	snprintf(vno, sizeof vno, "C%06lld-%lld", card, db_value("SELECT year FROM archive_volumes WHERE id = %lld", vol));
	snprintf(path, sizeof path, "/clients/%lld/print", card);
	CU_ASSERT_EQUAL(client_get(&owner, path), 200);
	/* the volume's line: its number linking to its catalogue, the two boxes once each, one not placed,
	 * four items on paper (the scan is not one) */
	snprintf(want, sizeof want, "<a href=\"/archive/volumes/%lld\">纸质案卷 %s</a>: %s; %s; 尚未上架: 1 · 4 件纸质档案",
		 vol, vno, place1, place2);
	CU_ASSERT(client_has(&owner, want));
	if (!client_has(&owner, want))
		fprintf(stderr, "\nwanted: %s\n", want);
	/* each item's row: its volume and where it is, "electronic" for the scan */
	snprintf(want, sizeof want, "<td>案卷扫描件</td><td><a href=\"/archive/volumes/%lld\">%s</a></td><td>电子</td>", vol,
		 vno);
	CU_ASSERT(client_has(&owner, want));
	snprintf(want, sizeof want, "<td>案卷待上架</td><td><a href=\"/archive/volumes/%lld\">%s</a></td><td>尚未上架</td>", vol,
		 vno);
	CU_ASSERT(client_has(&owner, want));
	/* the volume's catalogue carries the same number */
	snprintf(path, sizeof path, "/archive/volumes/%lld", vol);
	CU_ASSERT_EQUAL(client_get(&owner, path), 200);
	CU_ASSERT(client_has(&owner, vno));
	client_free(&owner);
	client_free(&arc);
}

#define T(f) CU_add_test(s, #f, f)
void add_archive_suite(void)
{
	snprintf(run, sizeof run, "%ld", (long)(getpid() % 100000));
	CU_pSuite s = CU_add_suite("archive", NULL, NULL);
	T(test_archive_numbers_and_filing);
	T(test_archive_secrecy_table);
	T(test_archive_desk_due_times_and_returns);
	T(test_archive_never_out_twice);
	T(test_archive_secret_through_delegation);
	T(test_archive_loan_lists_page_by_due);
	T(test_kept_columns_follow_their_rows);
	T(test_archive_overdue_and_reading_room_same_day);
	T(test_archive_overdue_reminders);
	T(test_archive_retention_and_destruction);
	T(test_archive_labels);
	T(test_archive_filing_periods);
	T(test_archive_card_print_lists_paper_volumes);
}
