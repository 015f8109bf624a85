/* test_http_visits.c — visits through the real stack: recording one from the
 * card moves the card's last visit, next visit due (the grade's cadence, or a
 * sooner follow-up) and its prospect progress; the form refuses bad dates and
 * keeps what was typed; only those who may change the card record; the
 * agenda lists a person's cards by due day, for them and their managers. */
#include "test_http.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char run[16];

static long record(struct client *c, long long card, const char *on, const char *next, const char *summary)
{
	char path[64], tok[80];
	snprintf(path, sizeof path, "/clients/%lld/visits/new", card);
	snprintf(tok, sizeof tok, "%s", csrf_of(c, path));
	snprintf(path, sizeof path, "/clients/%lld/visits", card);
	return client_post(c, path, "_csrf", tok, "visited_on", on, "kind", "onsite", "contact", "王经理",
			   "summary", summary, "satisfaction", "4", "next_follow_up", next ? next : "", NULL);
}

static long long card_named(struct client *c, const char *label)
{
	char name[128];
	snprintf(name, sizeof name, "拜访%s%s有限公司", label, run);
	return new_card(c, name, "personal", NULL);
}

static void test_a_visit_moves_the_card(void)
{
	struct client owner, other;
	sign_in(&owner, "staff1");
	sign_in(&other, "staff3");
	long long card = card_named(&owner, "甲");
	const char *today = db_text("SELECT DATE(registered_at) FROM clients WHERE id = %lld", card);
	char day[11];
	snprintf(day, sizeof day, "%s", today);
	/* the grade's cadence (never more than a year) from the visit */
	long long cadence = db_value("SELECT LEAST(COALESCE((SELECT visit_days FROM grades g WHERE g.id = c.grade_id), "
				     "365), 365) FROM clients c WHERE c.id = %lld", card);
	CU_ASSERT_EQUAL(record(&owner, card, day, NULL, "初次拜访，介绍产品"), 303);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM visits WHERE client_id = %lld", card), 1);
	CU_ASSERT_EQUAL(db_value("SELECT DATEDIFF(next_visit_due, last_visit_on) FROM clients WHERE id = %lld", card),
			cadence);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT last_progress_on FROM clients WHERE id = %lld", card), day);
	CU_ASSERT_EQUAL(audit_count("visit.recorded", "staff1", 0) >= 1, 1);
	/* a sooner follow-up comes first */
	char soon[11];
	snprintf(soon, sizeof soon, "%s", db_text("SELECT DATE_ADD('%s', INTERVAL 10 DAY)", day));
	CU_ASSERT_EQUAL(record(&owner, card, day, soon, "约定十天后再谈"), 303);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT next_visit_due FROM clients WHERE id = %lld", card), soon);
	/* an older visit recorded late moves nothing back */
	char old[11];
	snprintf(old, sizeof old, "%s", db_text("SELECT DATE_SUB('%s', INTERVAL 30 DAY)", day));
	CU_ASSERT_EQUAL(record(&owner, card, old, NULL, "补录上月电话"), 303);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT last_visit_on FROM clients WHERE id = %lld", card), day);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT next_visit_due FROM clients WHERE id = %lld", card), soon);
	/* a new grade (only an approval sets one) moves the next visit by its cadence from the last visit */
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET grade_id = NULL WHERE id = %lld", card), 0);
	char rpath[64], rtok[80];
	snprintf(rpath, sizeof rpath, "/clients/%lld/request?kind=grade", card);
	snprintf(rtok, sizeof rtok, "%s", csrf_of(&owner, rpath));
	long long q = db_value("SELECT id FROM grades WHERE code = 'qualified'");
	char grade[16];
	snprintf(grade, sizeof grade, "%lld", q);
	CU_ASSERT_EQUAL(client_post(&owner, card_path(card, "/request"), "_csrf", rtok, "kind", "grade", "value", grade,
				    "_reason", "定为合格客户", NULL), 303);
	long long req = db_value("SELECT MAX(id) FROM requests WHERE client_id = %lld", card);
	struct client boss;
	sign_in(&boss, "manager1");
	snprintf(rpath, sizeof rpath, "/requests/%lld", req);
	snprintf(rtok, sizeof rtok, "%s", csrf_of(&boss, rpath));
	snprintf(rpath, sizeof rpath, "/requests/%lld/decide", req);
	CU_ASSERT_EQUAL(client_post(&boss, rpath, "_csrf", rtok, "step", "1", "decision", "approve", "comment", "",
				    NULL), 303);
	client_free(&boss);
	CU_ASSERT_EQUAL(db_value("SELECT grade_id FROM clients WHERE id = %lld", card), q);
	CU_ASSERT_EQUAL(db_value("SELECT DATEDIFF(next_visit_due, last_visit_on) FROM clients WHERE id = %lld", card),
			db_value("SELECT LEAST(visit_days, 365) FROM grades WHERE id = %lld", q));
	/* the card lists them newest first, with a link to record one */
	CU_ASSERT_EQUAL(client_get(&owner, card_path(card, "")), 200);
	CU_ASSERT(client_has(&owner, "id=\"visits\""));
	CU_ASSERT(client_has(&owner, "约定十天后再谈"));
	CU_ASSERT(client_has(&owner, "/visits/new"));
	/* a future date or a follow-up before the visit: refused, what was typed kept, nothing saved */
	char future[11];
	snprintf(future, sizeof future, "%s", db_text("SELECT DATE_ADD('%s', INTERVAL 3 DAY)", day));
	CU_ASSERT_EQUAL(record(&owner, card, future, NULL, "尚未发生的拜访"), 422);
	CU_ASSERT(client_has(&owner, "尚未发生的拜访"));
	CU_ASSERT(client_has(&owner, "id=\"err-visited_on\""));
	CU_ASSERT_EQUAL(record(&owner, card, day, old, "跟进日期早于拜访"), 422);
	CU_ASSERT(client_has(&owner, "id=\"err-next_follow_up\""));
	CU_ASSERT_EQUAL(record(&owner, card, day, NULL, ""), 422);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM visits WHERE client_id = %lld", card), 3);
	/* someone who may not change the card records nothing (and does not see it) */
	char path[64];
	snprintf(path, sizeof path, "/clients/%lld/visits/new", card);
	CU_ASSERT_EQUAL(client_get(&other, path), 403);
	snprintf(path, sizeof path, "/clients/%lld/visits", card);
	CU_ASSERT_EQUAL(client_get(&other, path), 403);
	client_free(&owner);
	client_free(&other);
}

static void test_agenda_by_due_day(void)
{
	struct client owner, boss, other;
	sign_in(&owner, "staff1");
	sign_in(&boss, "manager1");
	sign_in(&other, "staff3");
	long long late = card_named(&owner, "逾期"), due = card_named(&owner, "下周");
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET next_visit_due = DATE_SUB(DATE(registered_at), INTERVAL 5 DAY) "
				      "WHERE id = %lld", late), 0);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET next_visit_due = DATE_ADD(DATE(registered_at), INTERVAL 40 DAY) "
				      "WHERE id = %lld", due), 0);
	CU_ASSERT_EQUAL(client_get(&owner, "/agenda"), 200);
	CU_ASSERT(client_has(&owner, "id=\"agenda-overdue\""));
	char link[64];
	snprintf(link, sizeof link, "/clients/%lld\"", late);
	CU_ASSERT(client_has(&owner, link));
	snprintf(link, sizeof link, "/clients/%lld\"", due);         /* beyond next week: not listed */
	CU_ASSERT(!client_has(&owner, link));
	/* the manager opens it by the person's name; another department's staff may not */
	CU_ASSERT_EQUAL(client_get(&boss, "/agenda?user_q=%E9%99%88%E9%9D%99"), 200);          /* 陈静 */
	CU_ASSERT(client_has(&boss, "id=\"agenda-of\""));
	snprintf(link, sizeof link, "/clients/%lld\"", late);
	CU_ASSERT(client_has(&boss, link));
	char path[64];
	snprintf(path, sizeof path, "/agenda?user=%lld", user_id("staff1"));
	CU_ASSERT_EQUAL(client_get(&other, path), 403);
	/* a visit moves the card off the overdue list */
	const char *day = db_text("SELECT DATE(registered_at) FROM clients WHERE id = %lld", late);
	char d[11];
	snprintf(d, sizeof d, "%s", day);
	CU_ASSERT_EQUAL(record(&owner, late, d, NULL, "补上拜访"), 303);
	CU_ASSERT_EQUAL(client_get(&owner, "/agenda"), 200);
	snprintf(link, sizeof link, "/clients/%lld\"", late);
	CU_ASSERT(!client_has(&owner, link));
	client_free(&owner);
	client_free(&boss);
	client_free(&other);
}

static void test_my_visits_and_choosing_the_client(void)
{
	struct client owner;
	sign_in(&owner, "staff1");
	long long card = card_named(&owner, "我的");
	const char *tok = csrf_of(&owner, "/visits");
	char t[80], name[128];
	snprintf(t, sizeof t, "%s", tok);
	snprintf(name, sizeof name, "拜访我的%s有限公司", run);
	/* the client chosen by name leads to its visit form */
	CU_ASSERT_EQUAL(client_post(&owner, "/visits/find", "_csrf", t, "client_q", name, NULL), 303);
	char where[64];
	snprintf(where, sizeof where, "/clients/%lld/visits/new", card);
	char loc[256];
	CU_ASSERT(client_header(&owner, "Location", loc, sizeof loc) == 0 && strstr(loc, where) != NULL);
	CU_ASSERT_EQUAL(client_post(&owner, "/visits/find", "_csrf", t, "client_q", "", NULL), 422);
	const char *day = db_text("SELECT DATE(registered_at) FROM clients WHERE id = %lld", card);
	char d[11];
	snprintf(d, sizeof d, "%s", day);
	CU_ASSERT_EQUAL(record(&owner, card, d, NULL, "我的拜访列表"), 303);
	CU_ASSERT_EQUAL(client_get(&owner, "/visits"), 200);
	CU_ASSERT(client_has(&owner, "我的拜访列表"));
	CU_ASSERT(client_has(&owner, name));
	client_free(&owner);
}

/* Filing deadlines: a registration 5 working days after the first contact (by
 * the calendar, across National Day and its make-up Saturday) is late, and so
 * is a change reported long after it happened; the card and the agenda say so. */
static void test_filing_deadlines(void)
{
	struct client owner;
	sign_in(&owner, "staff1");
	char name[128];
	snprintf(name, sizeof name, "报备%s逾期有限公司", run);
	long long late = new_card(&owner, name, "personal", (const char *[]){ "first_contact_on", "2026-09-30", NULL });
	/* 10-08, 10-09, Saturday 10-10 (worked), 10-12, 10-13 */
	CU_ASSERT_STRING_EQUAL(db_text("SELECT filing_due FROM clients WHERE id = %lld", late), "2026-10-13");
	CU_ASSERT_EQUAL(db_value("SELECT filed_late FROM clients WHERE id = %lld", late), 1);
	CU_ASSERT_EQUAL(client_get(&owner, card_path(late, "")), 200);
	CU_ASSERT(client_has(&owner, "id=\"filing\""));
	CU_ASSERT(client_has(&owner, "2026-10-13"));
	const char *today = db_text("SELECT DATE(registered_at) FROM clients WHERE id = %lld", late);
	char day[11];
	snprintf(day, sizeof day, "%s", today);
	snprintf(name, sizeof name, "报备%s及时有限公司", run);
	long long ontime = new_card(&owner, name, "personal", (const char *[]){ "first_contact_on", day, NULL });
	CU_ASSERT_EQUAL(db_value("SELECT filed_late FROM clients WHERE id = %lld", ontime), 0);
	long long before = db_value("SELECT COUNT(*) FROM client_history WHERE actor_id = %lld AND late = 1",
				    user_id("staff1"));
	/* a change that happened long ago, reported now: late; one of today: not */
	char path[64], tok[80];
	snprintf(path, sizeof path, "%s", card_path(ontime, "/edit"));
	snprintf(tok, sizeof tok, "%s", csrf_of(&owner, path));
	CU_ASSERT_EQUAL(client_post(&owner, path, "_csrf", tok, "version", "1", "card_type", "dealer", "name", name,
				    "lifecycle", "prospect", "address", "旧址迁出", "_reason", "客户搬迁",
				    "_event_on", "2026-09-30", NULL), 303);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM client_history WHERE client_id = %lld AND field = 'address' "
				 "AND event_on = '2026-09-30' AND late = 1", ontime), 1);
	CU_ASSERT_EQUAL(client_post(&owner, path, "_csrf", tok, "version", "2", "card_type", "dealer", "name", name,
				    "lifecycle", "prospect", "address", "新址", "_reason", "再次搬迁", NULL), 303);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM client_history WHERE client_id = %lld AND field = 'address' "
				 "AND late = 0 AND event_on IS NOT NULL", ontime), 1);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM client_history WHERE actor_id = %lld AND late = 1",
				 user_id("staff1")), before + 1);
	/* a future event is refused */
	CU_ASSERT_EQUAL(client_post(&owner, path, "_csrf", tok, "version", "3", "card_type", "dealer", "name", name,
				    "lifecycle", "prospect", "address", "未来", "_reason", "x", "_event_on", "2099-01-01",
				    NULL), 422);
	CU_ASSERT(client_has(&owner, "id=\"err-_event_on\""));
	/* the history shows it, and the agenda counts it */
	CU_ASSERT_EQUAL(client_get(&owner, card_path(ontime, "/history")), 200);
	CU_ASSERT(client_has(&owner, "class=\"tag late\""));
	CU_ASSERT_EQUAL(client_get(&owner, "/agenda"), 200);
	CU_ASSERT(client_has(&owner, "id=\"filing-late\""));
	client_free(&owner);
}

#define ESCALATIONS(card, who) db_value("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'visit.escalation' " \
					       "AND subject_ref = 'client:%lld' AND recipient_id = %lld", card, who)

/* A follow-up overdue by 7 days goes to the managers of the card's department
 * once per due day; a VIP's at once; not when it is only a little late; and a
 * visit recorded before the message goes out drops it. The owner's digest
 * lists their visits due. */
static void test_overdue_follow_ups_escalated_once(void)
{
	struct client owner;
	sign_in(&owner, "staff1");
	long long late = card_named(&owner, "升级"), soon = card_named(&owner, "稍晚"), vip = card_named(&owner, "要客");
	char day[11];
	snprintf(day, sizeof day, "%s", db_text("SELECT DATE(registered_at) FROM clients WHERE id = %lld", late));
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET next_visit_due = DATE_SUB('%s', INTERVAL 10 DAY) WHERE id = %lld",
				      day, late), 0);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET next_visit_due = DATE_SUB('%s', INTERVAL 3 DAY) WHERE id = %lld",
				      day, soon), 0);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET next_visit_due = DATE_SUB('%s', INTERVAL 1 DAY), grade_id = "
				      "(SELECT id FROM grades WHERE code = 'vip') WHERE id = %lld", day, vip), 0);
	long long boss = user_id("manager1");
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(ESCALATIONS(late, boss), 1);
	CU_ASSERT_EQUAL(ESCALATIONS(vip, boss), 1);
	CU_ASSERT_EQUAL(ESCALATIONS(soon, boss), 0);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'visit.escalation' AND subject_ref = "
				 "'client:%lld' AND recipient_id = %lld", late, user_id("staff1")), 0);   /* not the owner */
	CU_ASSERT(strstr(db_text("SELECT body_text FROM mail_outbox WHERE kind = 'visit.escalation' AND subject_ref = "
				 "'client:%lld' AND recipient_id = %lld", late, boss), "拜访升级") != NULL);
	/* again: nothing new for the same due day */
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(ESCALATIONS(late, boss), 1);
	/* a new escalation, not sent: the owner visits before the sender runs, and it is dropped */
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET next_visit_due = DATE_SUB('%s', INTERVAL 9 DAY) WHERE id = %lld",
				      day, late), 0);
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO mail_outbox (kind, subject_ref, recipient_id, day, channel, state, "
				      "next_attempt_at, created_at, language, address, title, body_text, body_html) "
				      "SELECT kind, subject_ref, recipient_id, DATE_SUB('%s', INTERVAL 9 DAY), channel, 'queued', "
				      "'2000-01-01', created_at, language, address, title, body_text, body_html FROM mail_outbox "
				      "WHERE kind = 'visit.escalation' AND subject_ref = 'client:%lld' AND recipient_id = %lld",
				      day, late, boss), 0);
	CU_ASSERT_EQUAL(record(&owner, late, day, NULL, "上门拜访，补上回访"), 303);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT state FROM mail_outbox WHERE kind = 'visit.escalation' AND subject_ref = "
				       "'client:%lld' AND recipient_id = %lld AND day = DATE_SUB('%s', INTERVAL 9 DAY)",
				       late, boss, day), "dropped");
	client_free(&owner);
}

#define T(f) CU_add_test(s, #f, f)
void add_visit_suite(void)
{
	snprintf(run, sizeof run, "%ld", (long)(getpid() % 100000));
	CU_pSuite s = CU_add_suite("visits", NULL, NULL);
	T(test_a_visit_moves_the_card);
	T(test_agenda_by_due_day);
	T(test_my_visits_and_choosing_the_client);
	T(test_filing_deadlines);
	T(test_overdue_follow_ups_escalated_once);
}
