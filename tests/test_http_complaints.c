/* test_http_complaints.c — complaints and surveys through the real stack:
 * deadlines by the working-day calendar, handling with an assignee chosen by
 * name, the client's feedback closing or reopening it, the card's panel,
 * surveys kept in their yearly averages, and the surveys due on the agenda. */
#include "test_http.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char run[16];

#define QUEUED(kind, k, who) db_value("SELECT COUNT(*) FROM mail_outbox WHERE kind = '" kind "' AND " \
				      "subject_ref = 'complaint:%lld' AND recipient_id = %lld", k, who)

static long long card_named(struct client *c, const char *label)
{
	char name[128];
	snprintf(name, sizeof name, "投诉%s%s有限公司", label, run);
	return new_card(c, name, "personal", NULL);
}

static long complain(struct client *c, long long card, const char *at, const char *urgency, const char *text)
{
	char path[64], tok[80];
	snprintf(path, sizeof path, "/clients/%lld/complaints/new", card);
	snprintf(tok, sizeof tok, "%s", csrf_of(c, path));
	snprintf(path, sizeof path, "/clients/%lld/complaints", card);
	return client_post(c, path, "_csrf", tok, "received_at", at, "channel", "phone", "urgency", urgency,
			   "content", text, "assignee_q", "", NULL);
}

static void test_complaint_deadlines_handling_and_feedback(void)
{
	struct client owner, other;
	sign_in(&owner, "staff1");
	sign_in(&other, "staff3");
	long long card = card_named(&owner, "甲");
	/* urgent on Wednesday 09-30: 3 working days over National Day are 10-08, 10-09 and Saturday 10-10 */
	CU_ASSERT_EQUAL(complain(&owner, card, "2026-09-30T10:00", "urgent", "产品漏水，要求上门"), 303);
	long long k = db_value("SELECT MAX(id) FROM complaints WHERE client_id = %lld", card);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT due_on FROM complaints WHERE id = %lld", k), "2026-10-10");
	CU_ASSERT_EQUAL(audit_count("complaint.registered", "staff1", 0) >= 1, 1);
	/* a normal one: 15 days */
	CU_ASSERT_EQUAL(complain(&owner, card, "2026-11-20T09:00", "normal", "发票开错"), 303);
	long long k2 = db_value("SELECT MAX(id) FROM complaints WHERE client_id = %lld", card);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT due_on FROM complaints WHERE id = %lld", k2), "2026-12-05");
	/* refused: no content, the typing kept; nothing saved */
	CU_ASSERT_EQUAL(complain(&owner, card, "2026-11-20T09:00", "urgent", ""), 422);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM complaints WHERE client_id = %lld", card), 2);
	/* the card shows them; someone who cannot see the card registers nothing */
	CU_ASSERT_EQUAL(client_get(&owner, card_path(card, "")), 200);
	CU_ASSERT(client_has(&owner, "id=\"service\""));
	CU_ASSERT(client_has(&owner, "产品漏水，要求上门"));
	char path[64];
	snprintf(path, sizeof path, "/clients/%lld/complaints/new", card);
	CU_ASSERT_EQUAL(client_get(&other, path), 403);
	snprintf(path, sizeof path, "/complaints/%lld", k);
	CU_ASSERT_EQUAL(client_get(&other, path), 403);
	/* handled: assigned by name; "answered" needs the answer */
	char tok[80];
	snprintf(tok, sizeof tok, "%s", csrf_of(&owner, path));
	CU_ASSERT_EQUAL(client_post(&owner, path, "_csrf", tok, "version", "1", "assignee_q", "杨帆", "investigation",
				    "阀门老化", "answered", "1", NULL), 422);
	CU_ASSERT(client_has(&owner, "id=\"err-answer\""));
	CU_ASSERT(client_has(&owner, "阀门老化"));
	CU_ASSERT_EQUAL(client_post(&owner, path, "_csrf", tok, "version", "1", "assignee_q", "杨帆", "investigation",
				    "阀门老化", "measures", "更换阀门", "result", "已修复", "answer", "已上门更换", "answered",
				    "1", NULL), 303);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT status FROM complaints WHERE id = %lld", k), "answered");
	CU_ASSERT_EQUAL(db_value("SELECT assignee_id FROM complaints WHERE id = %lld", k), user_id("staff2"));
	/* a stale version changes nothing */
	CU_ASSERT_EQUAL(client_post(&owner, path, "_csrf", tok, "version", "1", "assignee_q", "杨帆", "answer", "旧",
				    NULL), 409);
	/* unsatisfied: open again with a new deadline from today */
	char fb[80];
	snprintf(fb, sizeof fb, "/complaints/%lld/feedback", k);
	CU_ASSERT_EQUAL(client_post(&owner, fb, "_csrf", tok, "version", "2", "feedback", "unsatisfied",
				    "feedback_note", "还在漏", NULL), 303);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT status FROM complaints WHERE id = %lld", k), "open");
	CU_ASSERT_EQUAL(db_value("SELECT reopened FROM complaints WHERE id = %lld", k), 1);
	CU_ASSERT(strcmp(db_text("SELECT due_on FROM complaints WHERE id = %lld", k), "2026-10-10") > 0);
	/* answered again, then satisfied: closed; feedback on a closed one is refused */
	CU_ASSERT_EQUAL(client_post(&owner, path, "_csrf", tok, "version", "3", "assignee", "", "assignee_q", "杨帆",
				    "answer", "二次维修", "answered", "1", NULL), 303);
	CU_ASSERT_EQUAL(client_post(&owner, fb, "_csrf", tok, "version", "4", "feedback", "satisfied", NULL), 303);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT status FROM complaints WHERE id = %lld", k), "closed");
	CU_ASSERT_EQUAL(client_post(&owner, fb, "_csrf", tok, "version", "5", "feedback", "unsatisfied", NULL), 409);
	/* the open list has the other one, not the closed */
	CU_ASSERT_EQUAL(client_get(&owner, "/complaints?mine=1"), 200);
	snprintf(path, sizeof path, "/complaints/%lld\"", k2);
	CU_ASSERT(client_has(&owner, path));
	snprintf(path, sizeof path, "/complaints/%lld\"", k);
	CU_ASSERT(!client_has(&owner, path));
	client_free(&owner);
	client_free(&other);
}

static void test_surveys_averages_and_due(void)
{
	struct client owner, boss;
	sign_in(&owner, "staff1");
	sign_in(&boss, "manager1");
	long long card = card_named(&owner, "调查");
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET lifecycle = 'established' WHERE id = %lld", card), 0);
	/* the agenda lists the clients due (never surveyed, or a year ago), the longest first */
	CU_ASSERT_EQUAL(client_get(&owner, "/agenda"), 200);
	CU_ASSERT(client_has(&owner, "id=\"surveys-due\""));
	char path[64], tok[80];
	snprintf(path, sizeof path, "/clients/%lld/surveys/new", card);
	snprintf(tok, sizeof tok, "%s", csrf_of(&owner, path));
	snprintf(path, sizeof path, "/clients/%lld/surveys", card);
	long long before = db_value("SELECT COALESCE(SUM(n), 0) FROM survey_stats WHERE year = 2026");
	CU_ASSERT_EQUAL(client_post(&owner, path, "_csrf", tok, "surveyed_on", "2026-11-02", "service_quality", "5",
				    "price", "3", NULL), 422);                       /* overall missing */
	CU_ASSERT_EQUAL(client_post(&owner, path, "_csrf", tok, "surveyed_on", "2026-11-02", "service_quality", "5",
				    "price", "3", "overall", "4", "comments", "响应快", NULL), 303);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT last_survey_on FROM clients WHERE id = %lld", card), "2026-11-02");
	CU_ASSERT_EQUAL(db_value("SELECT COALESCE(SUM(n), 0) FROM survey_stats WHERE year = 2026"), before + 1);
	/* the card shows it; the averages page is the managers' */
	CU_ASSERT_EQUAL(client_get(&owner, card_path(card, "")), 200);
	CU_ASSERT(client_has(&owner, "响应快"));
	CU_ASSERT_EQUAL(client_get(&owner, "/surveys"), 403);
	CU_ASSERT_EQUAL(client_get(&boss, "/surveys?year=2026"), 200);
	CU_ASSERT(client_has(&boss, "id=\"stats-dept\""));
	CU_ASSERT(client_has(&boss, "销售一部"));
	client_free(&owner);
	client_free(&boss);
}

/* An open complaint past its deadline reminds whoever handles it (its
 * registrant while nobody is assigned) and goes to the managers of the
 * client's department, once per deadline; answered first, it is dropped. */
static void test_overdue_complaints_reminded_and_escalated(void)
{
	struct client owner;
	sign_in(&owner, "staff1");
	long long card = card_named(&owner, "逾期");
	CU_ASSERT_EQUAL(complain(&owner, card, "2026-11-01T09:00", "normal", "退款迟迟未到"), 303);
	long long k = db_value("SELECT MAX(id) FROM complaints WHERE client_id = %lld", card);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT due_on FROM complaints WHERE id = %lld", k), "2026-11-16");
	long long me = user_id("staff1"), boss = user_id("manager1");
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(QUEUED("complaint.overdue", k, me), 1);
	CU_ASSERT_EQUAL(QUEUED("complaint.escalation", k, boss), 1);
	CU_ASSERT_EQUAL(run_cron(), 0);                                     /* once per deadline */
	CU_ASSERT_EQUAL(QUEUED("complaint.overdue", k, me), 1);
	CU_ASSERT_EQUAL(QUEUED("complaint.escalation", k, boss), 1);
	/* a message still queued when the complaint is answered is dropped */
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO mail_outbox (kind, subject_ref, recipient_id, day, channel, state, "
				      "next_attempt_at, created_at, language, address, title, body_text, body_html) "
				      "SELECT kind, subject_ref, recipient_id, '2026-11-17', channel, 'queued', '2000-01-01', "
				      "created_at, language, address, title, body_text, body_html FROM mail_outbox "
				      "WHERE kind = 'complaint.escalation' AND subject_ref = 'complaint:%lld' "
				      "AND recipient_id = %lld", k, boss), 0);
	char path[64], tok[80];
	snprintf(path, sizeof path, "/complaints/%lld", k);
	snprintf(tok, sizeof tok, "%s", csrf_of(&owner, path));
	CU_ASSERT_EQUAL(client_post(&owner, path, "_csrf", tok, "version", "1", "assignee_q", "", "answer",
				    "已退款", "answered", "1", NULL), 303);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT state FROM mail_outbox WHERE kind = 'complaint.escalation' AND "
				       "subject_ref = 'complaint:%lld' AND recipient_id = %lld AND day = '2026-11-17'",
				       k, boss), "dropped");
	client_free(&owner);
}

#define T(f) CU_add_test(s, #f, f)
void add_complaint_suite(void)
{
	snprintf(run, sizeof run, "%ld", (long)(getpid() % 100000));
	CU_pSuite s = CU_add_suite("complaints", NULL, NULL);
	T(test_complaint_deadlines_handling_and_feedback);
	T(test_surveys_averages_and_due);
	T(test_overdue_complaints_reminded_and_escalated);
}
