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
	/* long overdue: the agenda lists the 50 most overdue (staff1 has more by now) */
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET next_visit_due = '1990-01-02' WHERE id = %lld", late), 0);
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

/* A backlog of overdue cards never hides what is due today: the agenda lists
 * the 50 most overdue, says there are more and links to all of them in the
 * client list, and lists today's cards apart. */
static void test_agenda_backlog_keeps_today_in_sight(void)
{
	struct client admin, s;
	sign_in(&admin, "admin");
	long long me = make_user_signed_in(&admin, &s, "agb", run, "积压业务员", "S1", "staff");
	long long ids[53];
	for (int i = 0; i < 53; i++) {
		char name[64];
		snprintf(name, sizeof name, "积压%s客户%02d", run, i);
		ids[i] = new_card(&s, name, "personal", NULL);
	}
	char today[20];
	test_time_text(0, today);
	today[10] = '\0';
	/* 52 overdue, by 100 days down to 49 days; the last one due today */
	for (int i = 0; i < 52; i++)
		CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET next_visit_due = DATE_SUB('%s', INTERVAL %d DAY) "
					      "WHERE id = %lld", today, 100 - i, ids[i]), 0);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET next_visit_due = '%s' WHERE id = %lld", today, ids[52]), 0);
	CU_ASSERT_EQUAL(client_get(&s, "/agenda"), 200);
	char link[64];
	snprintf(link, sizeof link, "/clients/%lld\"", ids[52]);
	const char *due_today = strstr(s.res.body.data, "id=\"agenda-today\"");
	CU_ASSERT_FATAL(due_today != NULL);
	CU_ASSERT(strstr(due_today, link) != NULL);
	/* the 50 most overdue, the two least overdue left to the list */
	for (int i = 0; i < 52; i++) {
		snprintf(link, sizeof link, "/clients/%lld\"", ids[i]);
		CU_ASSERT_EQUAL(client_has(&s, link), i < 50);
	}
	CU_ASSERT(client_has(&s, "<span class=\"count\">50+</span>"));
	char all[128];
	snprintf(all, sizeof all, "href=\"/clients?owner=%lld&amp;due=overdue&amp;sort=due\"", me);
	CU_ASSERT(client_has(&s, "id=\"overdue-more\""));
	CU_ASSERT(client_has(&s, all));
	snprintf(all, sizeof all, "/clients?owner=%lld&due=overdue&sort=due", me);
	CU_ASSERT_EQUAL(client_get(&s, all), 200);
	CU_ASSERT(client_has(&s, "1–50 "));
	CU_ASSERT(client_has(&s, " 52</p>"));
	client_free(&admin);
	client_free(&s);
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

/* the escalations to who of the batch whose first card is first; of the department's batches, any */
#define ESCALATIONS(dept, first, who) db_value("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'visit.escalation' " \
					       "AND subject_ref = 'dept:%lld:%lld' AND recipient_id = %lld", dept, first, who)
#define DEPT_ESCALATIONS(dept, who) db_value("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'visit.escalation' " \
					     "AND subject_ref LIKE 'dept:%lld:%%' AND recipient_id = %lld", dept, who)

/* Follow-ups overdue by 7 days (a VIP's at once) go to the managers of the
 * cards' department in one message per run, listing the cards and counting
 * them; once per due day; not when only a little late; not to the owner; a
 * card that becomes overdue later goes in the next run's batch; and a batch
 * whose cards are all visited before its message goes out is dropped. */
static void test_overdue_follow_ups_escalated_once(void)
{
	struct client owner;
	sign_in(&owner, "staff1");
	long long late = card_named(&owner, "升级"), soon = card_named(&owner, "稍晚"), vip = card_named(&owner, "要客");
	long long dept = db_value("SELECT dept_id FROM clients WHERE id = %lld", late);
	char day[11];
	snprintf(day, sizeof day, "%s", db_text("SELECT DATE(registered_at) FROM clients WHERE id = %lld", late));
	long long boss = user_id("manager1");
	/* what is overdue in the department already (the demo's cards, other tests') goes in a batch first */
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET next_visit_due = NULL WHERE id IN (%lld, %lld, %lld)", late, soon,
				      vip), 0);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET next_visit_due = DATE_SUB('%s', INTERVAL 10 DAY) WHERE id = %lld",
				      day, late), 0);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET next_visit_due = DATE_SUB('%s', INTERVAL 3 DAY) WHERE id = %lld",
				      day, soon), 0);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET next_visit_due = DATE_SUB('%s', INTERVAL 1 DAY), grade_id = "
				      "(SELECT id FROM grades WHERE code = 'vip') WHERE id = %lld", day, vip), 0);
	long long before = DEPT_ESCALATIONS(dept, boss);
	CU_ASSERT_EQUAL(run_cron(), 0);
	/* one message more for the department; its batch holds late and vip, not soon */
	CU_ASSERT_EQUAL(DEPT_ESCALATIONS(dept, boss), before + 1);
	long long batch = db_value("SELECT COALESCE(escalated_in, 0) FROM clients WHERE id = %lld", late);
	CU_ASSERT(batch > 0);
	CU_ASSERT_EQUAL(db_value("SELECT COALESCE(escalated_in, 0) FROM clients WHERE id = %lld", vip), batch);
	CU_ASSERT_EQUAL(db_value("SELECT COALESCE(escalated_in, 0) FROM clients WHERE id = %lld", soon), 0);
	CU_ASSERT_EQUAL(ESCALATIONS(dept, batch, boss), 1);
	CU_ASSERT_EQUAL(ESCALATIONS(dept, batch, user_id("staff1")), 0);   /* not the owner */
	const char *body = db_text("SELECT body_text FROM mail_outbox WHERE kind = 'visit.escalation' AND subject_ref = "
				   "'dept:%lld:%lld' AND recipient_id = %lld", dept, batch, boss);
	char name[96], count[64];
	snprintf(name, sizeof name, "拜访升级%s有限公司 · ", run);
	CU_ASSERT(strstr(body, name) != NULL);
	snprintf(name, sizeof name, "拜访要客%s有限公司 (VIP) · ", run);
	CU_ASSERT(strstr(body, name) != NULL);
	snprintf(name, sizeof name, "拜访稍晚%s有限公司", run);
	CU_ASSERT(strstr(body, name) == NULL);
	CU_ASSERT(strstr(body, "以下客户的回访已经逾期") != NULL);
	snprintf(count, sizeof count, "· %lld 个客户", db_value("SELECT COUNT(*) FROM clients WHERE escalated_in = %lld", batch));
	CU_ASSERT(strstr(db_text("SELECT title FROM mail_outbox WHERE kind = 'visit.escalation' AND subject_ref = "
				 "'dept:%lld:%lld' AND recipient_id = %lld", dept, batch, boss), count) != NULL);
	/* again: nothing new for the same due days */
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(DEPT_ESCALATIONS(dept, boss), before + 1);
	/* soon becomes overdue by the days: a batch of its own in the next run, sent */
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET next_visit_due = DATE_SUB('%s', INTERVAL 8 DAY) WHERE id = %lld",
				      day, soon), 0);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(ESCALATIONS(dept, soon, boss), 1);
	CU_ASSERT_EQUAL(db_value("SELECT escalated_in FROM clients WHERE id = %lld", soon), soon);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT state FROM mail_outbox WHERE kind = 'visit.escalation' AND subject_ref = "
				       "'dept:%lld:%lld' AND recipient_id = %lld", dept, soon, boss), "sent");
	/* its message again, not sent yet (another day's copy): the owner visits first, and it is dropped */
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO mail_outbox (kind, subject_ref, recipient_id, day, channel, state, "
				      "next_attempt_at, created_at, language, address, title, body_text, body_html) "
				      "SELECT kind, subject_ref, recipient_id, DATE_SUB(day, INTERVAL 1 DAY), channel, 'queued', "
				      "'2000-01-01', created_at, language, address, title, body_text, body_html FROM mail_outbox "
				      "WHERE kind = 'visit.escalation' AND subject_ref = 'dept:%lld:%lld' AND recipient_id = %lld",
				      dept, soon, boss), 0);
	CU_ASSERT_EQUAL(record(&owner, soon, day, NULL, "上门拜访，补上回访"), 303);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT state FROM mail_outbox WHERE kind = 'visit.escalation' AND subject_ref = "
				       "'dept:%lld:%lld' AND recipient_id = %lld AND state <> 'sent'", dept, soon, boss),
			       "dropped");
	/* the first batch's copy is still needed while late is unvisited */
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO mail_outbox (kind, subject_ref, recipient_id, day, channel, state, "
				      "next_attempt_at, created_at, language, address, title, body_text, body_html) "
				      "SELECT kind, subject_ref, recipient_id, DATE_SUB(day, INTERVAL 1 DAY), channel, 'queued', "
				      "'2000-01-01', created_at, language, address, title, body_text, body_html FROM mail_outbox "
				      "WHERE kind = 'visit.escalation' AND subject_ref = 'dept:%lld:%lld' AND recipient_id = %lld",
				      dept, batch, boss), 0);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'visit.escalation' AND subject_ref = "
				 "'dept:%lld:%lld' AND recipient_id = %lld AND state = 'sent'", dept, batch, boss), 2);
	client_free(&owner);
}

/* A department with more overdue cards than a message lists: one message to
 * its manager lists the first 50 in due order and counts the others; the
 * title counts them all; the next run sends nothing more. */
static void test_escalation_lists_fifty_and_counts_the_rest(void)
{
	char name[64], login[32];
	long long dept = test_dept("ESC", "升级", "D", run, db_value("SELECT MIN(id) FROM departments"), name);
	snprintf(login, sizeof login, "escboss%s", run);
	CU_ASSERT_EQUAL_FATAL(db_exec_admin("INSERT INTO users (username, display_name, dept_id, email, password_hash, "
					    "created_at, updated_at) SELECT '%s', '升级经理%s', %lld, '%s@example.test', password_hash, "
					    "NOW(), NOW() FROM users WHERE username = 'staff1'", login, run, dept, login), 0);
	long long boss = user_id(login);
	CU_ASSERT_EQUAL_FATAL(db_exec_admin("INSERT INTO user_roles (user_id, role) VALUES (%lld, 'dept_manager')", boss), 0);
	/* 53 cards overdue by 10 to 62 days on the app's clock (card n by 62 - n), owned by the manager */
	char now[20];
	test_time_text(0, now);
	now[10] = '\0';
	CU_ASSERT_EQUAL_FATAL(db_exec_admin("INSERT INTO clients (card_type, name, name_norm, owner_id, dept_id, lifecycle, "
					    "registered_at, registered_by, updated_at, next_visit_due) SELECT 'end', "
					    "CONCAT('升级客户%s-', seq), CONCAT('升级客户%s-', seq), %lld, %lld, 'established', NOW(), "
					    "%lld, NOW(), DATE_SUB('%s', INTERVAL 62 - seq DAY) FROM seq_0_to_52",
					    run, run, boss, dept, boss, now), 0);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(DEPT_ESCALATIONS(dept, boss), 1);
	long long batch = db_value("SELECT MIN(id) FROM clients WHERE dept_id = %lld", dept);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM clients WHERE escalated_in = %lld", batch), 53);
	const char *text = db_text("SELECT body_text FROM mail_outbox WHERE kind = 'visit.escalation' AND subject_ref = "
				   "'dept:%lld:%lld' AND recipient_id = %lld", dept, batch, boss);
	char want[96];
	int rows = 0;
	for (const char *t = strstr(text, "\n- "); t != NULL; t = strstr(t + 1, "\n- "))
		rows++;
	CU_ASSERT_EQUAL(rows, 50);
	snprintf(want, sizeof want, "\n- 升级客户%s-0 · ", run);      /* the most overdue first */
	CU_ASSERT(strstr(text, want) != NULL && strstr(text, want) == strstr(text, "\n- "));
	snprintf(want, sizeof want, "\n- 升级客户%s-49 · ", run);
	CU_ASSERT(strstr(text, want) != NULL);
	snprintf(want, sizeof want, "\n- 升级客户%s-50 · ", run);
	CU_ASSERT(strstr(text, want) == NULL);
	CU_ASSERT(strstr(text, "\n3 个未在此列出。") != NULL);
	snprintf(want, sizeof want, "/clients?dept=%lld&due=overdue", dept);
	CU_ASSERT(strstr(text, want) != NULL);
	snprintf(want, sizeof want, "回访逾期： %s · 53 个客户", name);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT title FROM mail_outbox WHERE kind = 'visit.escalation' AND subject_ref = "
				       "'dept:%lld:%lld' AND recipient_id = %lld", dept, batch, boss), want);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(DEPT_ESCALATIONS(dept, boss), 1);
}

#define T(f) CU_add_test(s, #f, f)
void add_visit_suite(void)
{
	snprintf(run, sizeof run, "%ld", (long)(getpid() % 100000));
	CU_pSuite s = CU_add_suite("visits", NULL, NULL);
	T(test_a_visit_moves_the_card);
	T(test_agenda_by_due_day);
	T(test_agenda_backlog_keeps_today_in_sight);
	T(test_my_visits_and_choosing_the_client);
	T(test_filing_deadlines);
	T(test_overdue_follow_ups_escalated_once);
	T(test_escalation_lists_fifty_and_counts_the_rest);
}
