/* test_http_requests.c — approvals through the real stack: every request
 * type about a card for the demo roles, routing, self-approval, two people
 * deciding at once, the grade quota, withdrawal, delegation windows, grant
 * expiry, deletion with its hold, restore, purge and tombstone, expiry of
 * old requests by `dossier cron` under the test clock. */
#include "test_http.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char run[16];

static long ask(struct client *c, long long card, const char *kind, const char *value, const char *reason)
{
	char tok[80], path[96];
	snprintf(path, sizeof path, "/clients/%lld/request?kind=%s", card, kind);
	snprintf(tok, sizeof tok, "%s", csrf_of(c, path));
	const char *field = strcmp(kind, "owner") == 0 || strcmp(kind, "reassign") == 0 ? "value_q" : "value";
	return client_post(c, card_path(card, "/request"), "_csrf", tok, "kind", kind, field, value ? value : "",
			   "_reason", reason, NULL);
}

static long long last_request(const char *user)
{
	return db_value("SELECT COALESCE(MAX(id), 0) FROM requests WHERE requester_id = %lld", user_id(user));
}

static long decide(struct client *c, long long req, const char *decision, const char *comment)
{
	char tok[80], path[64], step[8];
	snprintf(path, sizeof path, "/requests/%lld", req);
	snprintf(tok, sizeof tok, "%s", csrf_of(c, path));
	snprintf(step, sizeof step, "%lld", db_value("SELECT cur_step FROM requests WHERE id = %lld", req));
	snprintf(path, sizeof path, "/requests/%lld/decide", req);
	return client_post(c, path, "_csrf", tok, "step", step, "decision", decision, "comment", comment, NULL);
}

static const char *status_of(long long req)
{
	static char s[32];
	snprintf(s, sizeof s, "%s", db_text("SELECT status FROM requests WHERE id = %lld", req));
	return s;
}

static long long approvers(long long req, const char *user)
{
	return db_value("SELECT COUNT(*) FROM request_approvers WHERE request_id = %lld AND user_id = %lld", req,
			user_id(user));
}

/* Two copies of the job at the same moment, as overlapping timers would start them. */
static int run_cron_twice_at_once(void)
{
	CU_ASSERT_FATAL(getenv("DOSSIER_TEST_BIN") != NULL);
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "'%s' -c '%s' cron & '%s' -c '%s' cron & wait", getenv("DOSSIER_TEST_BIN"),
		 getenv("DOSSIER_TEST_CONF"), getenv("DOSSIER_TEST_BIN"), getenv("DOSSIER_TEST_CONF"));
	return system(cmd);
}

/* A department under parent_code, made through the admin page (asserts success). */
static void make_department(struct client *admin, const char *name, const char *code, const char *parent_code)
{
	char tok[80], parent[16];
	snprintf(tok, sizeof tok, "%s", csrf_of(admin, "/admin/departments"));
	snprintf(parent, sizeof parent, "%lld", db_value("SELECT id FROM departments WHERE code = '%s'", parent_code));
	CU_ASSERT_EQUAL_FATAL(client_post(admin, "/admin/departments", "_csrf", tok, "name", name, "code", code, "kind",
					  "department", "parent_id", parent, NULL), 303);
}

/* Step 1 of type's routing set through /admin/routes (at its current version); the answer. */
static long set_route(struct client *admin, const char *type, const char *role, int over, int need_all)
{
	long long route = db_value("SELECT id FROM approval_routes WHERE req_type = '%s' AND step_no = 1", type);
	char path[64], ver[16], tok[80];
	snprintf(path, sizeof path, "/admin/routes/%lld", route);
	snprintf(ver, sizeof ver, "%lld", db_value("SELECT version FROM approval_routes WHERE id = %lld", route));
	snprintf(tok, sizeof tok, "%s", csrf_of(admin, "/admin/routes"));
	const char *f[13] = { "_csrf", tok, "version", ver, "step", "1", "role", role };
	size_t n = 8;
	if (over)
		f[n++] = "over", f[n++] = "1";
	if (need_all)
		f[n++] = "need_all", f[n++] = "1";
	f[n] = NULL;
	return client_post_list(admin, path, f);
}

static long long card_of(struct client *owner, const char *label, const char *scope)
{
	char name[128];
	snprintf(name, sizeof name, "审批%s%s有限公司", label, run);
	return new_card(owner, name, scope, NULL);
}

/* ---- view access ------------------------------------------------------------------ */

static void test_view_request_grant_and_expiry(void)
{
	struct client owner, asker, boss, other;
	sign_in(&owner, "staff1");
	sign_in(&asker, "staff3");
	sign_in(&boss, "manager1");
	sign_in(&other, "manager2");
	long long card = card_of(&owner, "查看", "personal");
	CU_ASSERT_EQUAL(client_get(&asker, card_path(card, "")), 403);
	CU_ASSERT(client_has(&asker, "/request?kind=view"));               /* the denied page offers it */
	CU_ASSERT_EQUAL(client_get(&asker, card_path(card, "/request?kind=view")), 200);
	/* a reason is required; nothing is stored without one */
	long long before = last_request("staff3");
	CU_ASSERT_EQUAL(ask(&asker, card, "view", NULL, ""), 422);
	CU_ASSERT_EQUAL(last_request("staff3"), before);
	CU_ASSERT_EQUAL(ask(&asker, card, "view", NULL, "客户来电找负责人，需要查看联系方式"), 303);
	long long req = last_request("staff3");
	CU_ASSERT(req > before);
	CU_ASSERT_STRING_EQUAL(status_of(req), "pending");
	/* routed to the owner's department manager, nobody else */
	CU_ASSERT_EQUAL(approvers(req, "manager1"), 1);
	CU_ASSERT_EQUAL(approvers(req, "manager2"), 0);
	CU_ASSERT_EQUAL(approvers(req, "staff3"), 0);
	CU_ASSERT_EQUAL(approvers(req, "director"), 0);
	/* the same again while it waits: refused */
	CU_ASSERT_EQUAL(ask(&asker, card, "view", NULL, "再问一次"), 409);
	/* the inbox and its count */
	CU_ASSERT_EQUAL(client_get(&boss, "/requests/inbox"), 200);
	char link[64];
	snprintf(link, sizeof link, "href=\"/requests/%lld\"", req);
	CU_ASSERT(client_has(&boss, link));
	CU_ASSERT(client_has(&boss, "id=\"inbox-count\""));
	CU_ASSERT(client_has(&boss, "客户来电找负责人"));
	/* outsiders may not read it, the requester may not decide it */
	char path[64];
	snprintf(path, sizeof path, "/requests/%lld", req);
	CU_ASSERT_EQUAL(client_get(&other, path), 403);
	CU_ASSERT_EQUAL(decide(&other, req, "approve", ""), 403);
	CU_ASSERT_EQUAL(decide(&asker, req, "approve", ""), 403);
	CU_ASSERT_STRING_EQUAL(status_of(req), "pending");
	/* approved: a grant, the card opens and the view is logged "grant" */
	CU_ASSERT_EQUAL(decide(&boss, req, "approve", "同意，限今日"), 303);
	CU_ASSERT_STRING_EQUAL(status_of(req), "approved");
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM client_grants WHERE client_id = %lld AND user_id = %lld", card,
				 user_id("staff3")), 1);
	CU_ASSERT_EQUAL(client_get(&asker, card_path(card, "")), 200);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM client_views WHERE client_id = %lld AND user_id = %lld "
				 "AND via = 'grant'", card, user_id("staff3")), 1);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM request_approvers WHERE request_id = %lld AND open = 1", req), 0);
	/* the card says until when the grant runs, and so does the requester's list of requests */
	char until[64], shown[160];
	snprintf(until, sizeof until, "%s", db_text("SELECT DATE_FORMAT(expires_at, '%%Y-%%m-%%d %%H:%%i') FROM client_grants "
						     "WHERE client_id = %lld AND user_id = %lld", card, user_id("staff3")));
	CU_ASSERT_FATAL(strlen(until) == 16);
	snprintf(shown, sizeof shown, "<span id=\"grant-until\">(有效至 %s)</span>", until);
	CU_ASSERT(client_has(&asker, shown));
	CU_ASSERT_EQUAL(client_get(&owner, card_path(card, "")), 200);
	CU_ASSERT(!client_has(&owner, "id=\"grant-until\""));              /* the owner sees it by no grant */
	snprintf(shown, sizeof shown, "(查看授权至 %s)", until);
	CU_ASSERT_EQUAL(client_get(&asker, "/requests"), 200);
	CU_ASSERT(client_has(&asker, shown));
	/* the grant ends after grant_hours */
	clock_advance(23 * 3600);
	struct client again;
	sign_in(&again, "staff3");
	CU_ASSERT_EQUAL(client_get(&again, card_path(card, "")), 200);
	CU_ASSERT(client_has(&again, "id=\"grant-until\""));
	clock_advance(2 * 3600);
	client_free(&again);
	sign_in(&again, "staff3");
	CU_ASSERT_EQUAL(client_get(&again, card_path(card, "")), 403);
	/* the list of requests now says the grant has expired */
	CU_ASSERT_EQUAL(client_get(&again, "/requests"), 200);
	CU_ASSERT(!client_has(&again, shown));
	CU_ASSERT(client_has(&again, "(查看授权已过期)"));
	client_free(&again);
	client_free(&owner);
	client_free(&asker);
	client_free(&boss);
	client_free(&other);
}

static void test_company_card_view_goes_to_the_director(void)
{
	struct client owner, asker, director, boss;
	sign_in(&owner, "staff1");
	sign_in(&asker, "staff2");
	sign_in(&director, "director");
	sign_in(&boss, "manager1");
	long long card = card_of(&owner, "公司级", "department");
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET scope = 'company' WHERE id = %lld", card), 0);
	CU_ASSERT_EQUAL(ask(&asker, card, "view", NULL, "需要了解该公司级客户"), 303);
	long long req = last_request("staff2");
	CU_ASSERT_EQUAL(approvers(req, "director"), 1);
	CU_ASSERT_EQUAL(approvers(req, "manager1"), 0);
	CU_ASSERT_EQUAL(decide(&boss, req, "approve", ""), 403);
	/* a rejection needs a comment */
	CU_ASSERT_EQUAL(decide(&director, req, "reject", ""), 422);
	CU_ASSERT_STRING_EQUAL(status_of(req), "pending");
	CU_ASSERT_EQUAL(decide(&director, req, "reject", "不属于您的业务范围"), 303);
	CU_ASSERT_STRING_EQUAL(status_of(req), "rejected");
	CU_ASSERT_EQUAL(client_get(&asker, card_path(card, "")), 403);
	/* the requester reads the outcome with the comment */
	char path[64];
	snprintf(path, sizeof path, "/requests/%lld", req);
	CU_ASSERT_EQUAL(client_get(&asker, path), 200);
	CU_ASSERT(client_has(&asker, "不属于您的业务范围"));
	client_free(&owner);
	client_free(&asker);
	client_free(&director);
	client_free(&boss);
}

/* ---- deciding ------------------------------------------------------------------------ */

static void test_two_approvers_at_once_give_one_decision(void)
{
	struct client owner, asker, admin, m1, m1b;
	sign_in(&owner, "staff1");
	sign_in(&asker, "staff3");
	sign_in(&admin, "admin");
	/* a second manager of 销售一部 */
	char uname[64];
	snprintf(uname, sizeof uname, "m1b%s", run);
	make_user(&admin, uname, "第二经理", "S1", "dept_manager");
	sign_in_first_time(&m1b, uname);
	sign_in(&m1, "manager1");
	long long card = card_of(&owner, "并发", "personal");
	CU_ASSERT_EQUAL(ask(&asker, card, "view", NULL, "并发审批测试"), 303);
	long long req = last_request("staff3");
	CU_ASSERT_EQUAL(approvers(req, "manager1") + approvers(req, uname), 2);
	char path[64], t1[80], t2[80];
	snprintf(path, sizeof path, "/requests/%lld", req);
	snprintf(t1, sizeof t1, "%s", csrf_of(&m1, path));
	snprintf(t2, sizeof t2, "%s", csrf_of(&m1b, path));
	const char *f1[] = { "_csrf", t1, "step", "1", "decision", "approve", "comment", "", NULL };
	const char *f2[] = { "_csrf", t2, "step", "1", "decision", "approve", "comment", "", NULL };
	struct client *who[2] = { &m1, &m1b };
	const char *const *fields[2] = { f1, f2 };
	long st[2];
	snprintf(path, sizeof path, "/requests/%lld/decide", req);
	post_at_once(who, path, fields, st);
	CU_ASSERT((st[0] == 303 && st[1] == 409) || (st[0] == 409 && st[1] == 303));
	CU_ASSERT(client_has(who[st[0] == 409 ? 0 : 1], "已经有人处理过了"));
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM request_decisions WHERE request_id = %lld", req), 1);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM client_grants WHERE client_id = %lld", card), 1);
	client_free(&owner);
	client_free(&asker);
	client_free(&admin);
	client_free(&m1);
	client_free(&m1b);
}

/* Deciding from the inbox: approve and reject from the row itself (a
 * rejection needs its comment: refused with the row's typed value kept), and
 * a batch approval where one request was decided meanwhile by someone else. */
static void test_decide_from_the_inbox(void)
{
	struct client owner, asker, admin, m1, m1c;
	sign_in(&owner, "staff1");
	sign_in(&asker, "staff3");
	sign_in(&admin, "admin");
	char uname[64];
	snprintf(uname, sizeof uname, "m1c%s", run);
	make_user(&admin, uname, "第三经理", "S1", "dept_manager");
	sign_in_first_time(&m1c, uname);
	sign_in(&m1, "manager1");
	long long req[5];
	for (int i = 0; i < 5; i++) {
		char label[32];
		snprintf(label, sizeof label, "收件%d", i);
		long long card = card_of(&owner, label, "personal");
		CU_ASSERT_EQUAL_FATAL(ask(&asker, card, "view", NULL, "收件箱审批测试"), 303);
		req[i] = last_request("staff3");
		CU_ASSERT_EQUAL(approvers(req[i], "manager1"), 1);
	}
	/* every row carries its own form (the step it shows) and a checkbox of the batch form */
	char tok[80], path[64], want[128];
	snprintf(tok, sizeof tok, "%s", csrf_of(&m1, "/requests/inbox"));
	for (int i = 0; i < 5; i++) {
		snprintf(want, sizeof want, "action=\"/requests/%lld/decide\"", req[i]);
		CU_ASSERT(client_has(&m1, want));
		snprintf(want, sizeof want, "name=\"pick\" value=\"%lld.1\"", req[i]);
		CU_ASSERT(client_has(&m1, want));
	}
	CU_ASSERT(client_has(&m1, "action=\"/requests/inbox\" id=\"batch\""));
	/* approve from the row: back to the inbox */
	snprintf(path, sizeof path, "/requests/%lld/decide", req[0]);
	CU_ASSERT_EQUAL(client_post(&m1, path, "_csrf", tok, "back", "inbox", "step", "1", "decision", "approve",
				    "comment", "", NULL), 303);
	char loc[256] = "";
	client_header(&m1, "Location", loc, sizeof loc);
	CU_ASSERT(strstr(loc, "/requests/inbox") != NULL);
	CU_ASSERT_STRING_EQUAL(status_of(req[0]), "approved");
	/* a rejection without a comment: refused on the inbox, the row's typed value kept */
	snprintf(path, sizeof path, "/requests/%lld/decide", req[1]);
	CU_ASSERT_EQUAL(client_post(&m1, path, "_csrf", tok, "back", "inbox", "step", "1", "decision", "reject",
				    "comment", "   ", NULL), 422);
	snprintf(want, sizeof want, "id=\"row-%lld\"", req[1]);
	CU_ASSERT(client_has(&m1, want));
	CU_ASSERT(client_has(&m1, "class=\"row-decide invalid\""));
	CU_ASSERT(client_has(&m1, "id=\"err-comment\""));
	CU_ASSERT(client_has(&m1, "value=\"   \""));
	CU_ASSERT_STRING_EQUAL(status_of(req[1]), "pending");
	/* with its comment it is rejected */
	CU_ASSERT_EQUAL(client_post(&m1, path, "_csrf", tok, "back", "inbox", "step", "1", "decision", "reject",
				    "comment", "资料不全，驳回", NULL), 303);
	CU_ASSERT_STRING_EQUAL(status_of(req[1]), "rejected");
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM request_decisions WHERE request_id = %lld AND comment = "
				 "'资料不全，驳回'", req[1]), 1);
	/* the batch form needs its CSRF token */
	char p2[24], p3[24], p4[24];
	snprintf(p2, sizeof p2, "%lld.1", req[2]);
	snprintf(p3, sizeof p3, "%lld.1", req[3]);
	snprintf(p4, sizeof p4, "%lld.1", req[4]);
	CU_ASSERT_EQUAL(client_post(&m1, "/requests/inbox", "_csrf", "forged", "pick", p2, NULL), 403);
	CU_ASSERT_STRING_EQUAL(status_of(req[2]), "pending");
	/* a batch of three, one of them decided meanwhile by the other manager */
	snprintf(tok, sizeof tok, "%s", csrf_of(&m1, "/requests/inbox"));
	CU_ASSERT_EQUAL(decide(&m1c, req[3], "approve", ""), 303);
	CU_ASSERT_EQUAL(client_post(&m1, "/requests/inbox", "_csrf", tok, "pick", p2, "pick", p3, "pick", p4, NULL), 200);
	CU_ASSERT(client_has(&m1, "id=\"batch-approved\">2<"));
	snprintf(want, sizeof want, "<a href=\"/requests/%lld\">#%lld</a>: 已有人处理过", req[3], req[3]);
	CU_ASSERT(client_has(&m1, want));
	CU_ASSERT_STRING_EQUAL(status_of(req[2]), "approved");
	CU_ASSERT_STRING_EQUAL(status_of(req[4]), "approved");
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM request_decisions WHERE request_id = %lld", req[3]), 1);
	CU_ASSERT_EQUAL(db_value("SELECT decider_id FROM request_decisions WHERE request_id = %lld", req[3]),
			user_id(uname));
	/* a request that is not the user's is reported, not decided */
	long long card = card_of(&owner, "收件外", "personal");
	CU_ASSERT_EQUAL_FATAL(ask(&asker, card, "view", NULL, "不是你的"), 303);
	long long other = last_request("staff3");
	snprintf(p2, sizeof p2, "%lld.1", other);
	struct client m2;
	sign_in(&m2, "manager2");
	snprintf(tok, sizeof tok, "%s", csrf_of(&m2, "/requests/inbox"));
	CU_ASSERT_EQUAL(client_post(&m2, "/requests/inbox", "_csrf", tok, "pick", p2, NULL), 200);
	CU_ASSERT(client_has(&m2, "id=\"batch-approved\">0<"));
	CU_ASSERT(client_has(&m2, "不由您审批"));
	CU_ASSERT_STRING_EQUAL(status_of(other), "pending");
	client_free(&m2);
	/* my requests and the inbox tell how many; a page back reads newer ones */
	char want2[64];
	CU_ASSERT_EQUAL(client_get(&asker, "/requests"), 200);
	long long mine = db_value("SELECT COUNT(*) FROM requests WHERE requester_id = %lld", user_id("staff3"));
	snprintf(want2, sizeof want2, "共 %lld<", mine);
	CU_ASSERT(mine > 10000 || client_has(&asker, want2));
	snprintf(path, sizeof path, "/requests?after=%lld", req[2]);
	CU_ASSERT_EQUAL(client_get(&asker, path), 200);
	snprintf(want, sizeof want, "href=\"/requests/%lld\"", req[3]);
	CU_ASSERT(client_has(&asker, want));
	snprintf(want, sizeof want, "href=\"/requests/%lld\"", req[1]);
	CU_ASSERT(!client_has(&asker, want));
	CU_ASSERT(client_has(&asker, "rel=\"next\""));
	CU_ASSERT_EQUAL(client_get(&m1, "/requests/inbox"), 200);
	CU_ASSERT(client_has(&m1, "id=\"list-count\""));
	client_free(&owner);
	client_free(&asker);
	client_free(&admin);
	client_free(&m1);
	client_free(&m1c);
}

static void test_nobody_decides_their_own_request(void)
{
	/* a department right under the company whose only manager asks: nobody
	 * over it holds the routed role, so the step goes up to the director */
	struct client admin, boss, director;
	sign_in(&admin, "admin");
	char code[32], mname[64];
	snprintf(code, sizeof code, "E%s", run);
	make_department(&admin, "直属项目部", code, "HQ");
	snprintf(mname, sizeof mname, "em%s", run);
	make_user(&admin, mname, "项目经理", code, "dept_manager");
	sign_in_first_time(&boss, mname);
	sign_in(&director, "director");
	long long card = card_of(&boss, "自批", "personal");
	CU_ASSERT_EQUAL(ask(&boss, card, "former", NULL, "客户已停业"), 303);
	long long req = last_request(mname);
	CU_ASSERT_EQUAL(approvers(req, mname), 0);
	CU_ASSERT_EQUAL(approvers(req, "director"), 1);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT role FROM request_steps WHERE request_id = %lld", req), "director");
	CU_ASSERT_EQUAL(decide(&boss, req, "approve", ""), 403);
	CU_ASSERT_STRING_EQUAL(status_of(req), "pending");
	CU_ASSERT_EQUAL(decide(&director, req, "approve", ""), 303);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT lifecycle FROM clients WHERE id = %lld", card), "former");
	/* and in a department with other managers over it, the asker is left out */
	struct client m1;
	sign_in(&m1, "manager1");
	long long card2 = card_of(&m1, "自批二", "personal");
	CU_ASSERT_EQUAL(ask(&m1, card2, "former", NULL, "客户已停业"), 303);
	long long req2 = last_request("manager1");
	CU_ASSERT_EQUAL(approvers(req2, "manager1"), 0);
	CU_ASSERT(db_value("SELECT COUNT(*) FROM request_approvers WHERE request_id = %lld", req2) >= 1);
	CU_ASSERT_EQUAL(decide(&m1, req2, "approve", ""), 403);
	client_free(&m1);
	client_free(&admin);
	client_free(&boss);
	client_free(&director);
}

static void test_withdraw_while_pending(void)
{
	struct client owner, boss;
	sign_in(&owner, "staff1");
	sign_in(&boss, "manager1");
	long long card = card_of(&owner, "撤回", "personal");
	CU_ASSERT_EQUAL(ask(&owner, card, "scope", "department", "共享给部门"), 303);
	long long req = last_request("staff1");
	char path[64], tok[80];
	snprintf(path, sizeof path, "/requests/%lld", req);
	snprintf(tok, sizeof tok, "%s", csrf_of(&boss, path));
	/* the approver cannot withdraw it */
	snprintf(path, sizeof path, "/requests/%lld/withdraw", req);
	CU_ASSERT_EQUAL(client_post(&boss, path, "_csrf", tok, NULL), 403);
	snprintf(path, sizeof path, "/requests/%lld", req);
	snprintf(tok, sizeof tok, "%s", csrf_of(&owner, path));
	snprintf(path, sizeof path, "/requests/%lld/withdraw", req);
	CU_ASSERT_EQUAL(client_post(&owner, path, "_csrf", tok, NULL), 303);
	CU_ASSERT_STRING_EQUAL(status_of(req), "withdrawn");
	CU_ASSERT_EQUAL(decide(&boss, req, "approve", ""), 409);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT scope FROM clients WHERE id = %lld", card), "personal");
	CU_ASSERT_EQUAL(client_post(&owner, path, "_csrf", tok, NULL), 409);
	client_free(&owner);
	client_free(&boss);
}

/* ---- controlled fields -------------------------------------------------------------------- */

static void test_grade_quota(void)
{
	/* a small new department: 7 clients; VIP quota 15 % allows one */
	struct client admin, mgr, sales;
	sign_in(&admin, "admin");
	char code[32], mname[64], sname[64];
	snprintf(code, sizeof code, "Q%s", run);
	make_department(&admin, "配额测试部", code, "MKT");
	snprintf(mname, sizeof mname, "qm%s", run);
	snprintf(sname, sizeof sname, "qs%s", run);
	make_user(&admin, mname, "配额经理", code, "dept_manager");
	make_user(&admin, sname, "配额业务员", code, "staff");
	sign_in_first_time(&mgr, mname);
	sign_in_first_time(&sales, sname);
	long long cards[7];
	for (int i = 0; i < 7; i++) {
		char label[32];
		snprintf(label, sizeof label, "配额%d", i);
		cards[i] = card_of(&sales, label, "personal");
	}
	char vip[16], pref[16];
	snprintf(vip, sizeof vip, "%lld", db_value("SELECT id FROM grades WHERE code = 'vip'"));
	snprintf(pref, sizeof pref, "%lld", db_value("SELECT id FROM grades WHERE code = 'preferred'"));
	/* two VIP requests while none is VIP: each fits on its own */
	CU_ASSERT_EQUAL(ask(&sales, cards[0], "grade", vip, "年采购额超过五百万"), 303);
	long long r1 = last_request(sname);
	CU_ASSERT_EQUAL(ask(&sales, cards[1], "grade", vip, "战略合作伙伴"), 303);
	long long r2 = last_request(sname);
	CU_ASSERT_EQUAL(decide(&mgr, r1, "approve", ""), 303);
	CU_ASSERT_EQUAL(db_value("SELECT grade_id FROM clients WHERE id = %lld", cards[0]), atoll(vip));
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM client_history WHERE client_id = %lld AND field = 'grade_id'",
				 cards[0]), 1);
	/* the second would make 2 of 7 = 28.6 %: refused at approval, naming the quota, nothing decided */
	CU_ASSERT_EQUAL(decide(&mgr, r2, "approve", ""), 409);
	CU_ASSERT(client_has(&mgr, "配额"));
	CU_ASSERT(client_has(&mgr, "15"));
	CU_ASSERT_STRING_EQUAL(status_of(r2), "pending");
	CU_ASSERT(db_value("SELECT grade_id IS NULL OR grade_id <> %s FROM clients WHERE id = %lld", vip, cards[1]) == 1);
	/* and a third is refused as soon as it is asked */
	long long before = last_request(sname);
	CU_ASSERT_EQUAL(ask(&sales, cards[2], "grade", vip, "再申请一个"), 422);
	CU_ASSERT(client_has(&sales, "15.00%"));
	CU_ASSERT_EQUAL(last_request(sname), before);
	/* preferred: 30 % of 7 allows two */
	CU_ASSERT_EQUAL(ask(&sales, cards[3], "grade", pref, "优选一"), 303);
	CU_ASSERT_EQUAL(decide(&mgr, last_request(sname), "approve", ""), 303);
	CU_ASSERT_EQUAL(ask(&sales, cards[4], "grade", pref, "优选二"), 303);
	CU_ASSERT_EQUAL(decide(&mgr, last_request(sname), "approve", ""), 303);
	CU_ASSERT_EQUAL(ask(&sales, cards[5], "grade", pref, "优选三"), 422);
	client_free(&admin);
	client_free(&mgr);
	client_free(&sales);
}

static void test_scope_owner_and_stale_requests(void)
{
	struct client owner, boss, director, staff2;
	sign_in(&owner, "staff1");
	sign_in(&boss, "manager1");
	sign_in(&director, "director");
	sign_in(&staff2, "staff2");
	long long card = card_of(&owner, "范围", "personal");
	CU_ASSERT_EQUAL(client_get(&staff2, card_path(card, "")), 403);
	CU_ASSERT_EQUAL(ask(&owner, card, "scope", "department", "部门共同跟进"), 303);
	CU_ASSERT_EQUAL(decide(&boss, last_request("staff1"), "approve", ""), 303);
	CU_ASSERT_EQUAL(client_get(&staff2, card_path(card, "")), 200);
	/* transfer to another owner: an unknown user is refused with the form kept */
	CU_ASSERT_EQUAL(ask(&owner, card, "owner", "no-such-user", "交接"), 422);
	CU_ASSERT(client_has(&owner, "value=\"no-such-user\""));
	CU_ASSERT_EQUAL(ask(&owner, card, "owner", "staff3", "客户迁至二部辖区"), 303);
	long long transfer = last_request("staff1");
	/* a request whose card changed meanwhile no longer applies */
	CU_ASSERT_EQUAL(ask(&owner, card, "scope", "personal", "收回"), 303);
	long long scope_back = last_request("staff1");
	CU_ASSERT_EQUAL(decide(&boss, transfer, "approve", "同意移交"), 303);
	CU_ASSERT_EQUAL(db_value("SELECT owner_id FROM clients WHERE id = %lld", card), user_id("staff3"));
	CU_ASSERT_EQUAL(db_value("SELECT dept_id FROM clients WHERE id = %lld", card),
			db_value("SELECT id FROM departments WHERE code = 'S2'"));
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM client_history WHERE client_id = %lld AND field = 'owner_id' "
				 "AND old_value = '陈静' AND new_value = '周敏'", card), 1);
	/* the scope request is now over a card in 销售二部: manager1 still holds it, and it still applies */
	CU_ASSERT_EQUAL(decide(&boss, scope_back, "approve", ""), 303);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT scope FROM clients WHERE id = %lld", card), "personal");
	client_free(&owner);
	client_free(&boss);
	client_free(&director);
	client_free(&staff2);
}

static void test_blacklists_route_by_level(void)
{
	struct client owner, boss, director, staff3;
	sign_in(&owner, "staff1");
	sign_in(&boss, "manager1");
	sign_in(&director, "director");
	sign_in(&staff3, "staff3");
	long long card = card_of(&owner, "黑名单", "personal");
	char name[128];
	snprintf(name, sizeof name, "%s", db_text("SELECT name FROM clients WHERE id = %lld", card));
	CU_ASSERT_EQUAL(ask(&owner, card, "blacklist", "department", "多次拖欠货款"), 303);
	long long dept = last_request("staff1");
	CU_ASSERT_EQUAL(approvers(dept, "manager1"), 1);
	CU_ASSERT_EQUAL(approvers(dept, "director"), 0);
	CU_ASSERT_EQUAL(decide(&boss, dept, "approve", ""), 303);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT blacklist FROM clients WHERE id = %lld", card), "department");
	CU_ASSERT_EQUAL(client_get(&owner, card_path(card, "")), 200);
	CU_ASSERT(client_has(&owner, "多次拖欠货款"));                /* the banner with the reason */
	/* the company list is the marketing director's */
	CU_ASSERT_EQUAL(ask(&owner, card, "blacklist", "company", "经核实存在欺诈"), 303);
	long long comp = last_request("staff1");
	CU_ASSERT_EQUAL(approvers(comp, "director"), 1);
	CU_ASSERT_EQUAL(approvers(comp, "manager1"), 0);
	CU_ASSERT_EQUAL(decide(&boss, comp, "approve", ""), 403);
	CU_ASSERT_EQUAL(decide(&director, comp, "approve", "核实无误"), 303);
	CU_ASSERT_EQUAL(client_get(&staff3, "/blacklist"), 200);
	CU_ASSERT(client_has(&staff3, name));
	client_free(&owner);
	client_free(&boss);
	client_free(&director);
	client_free(&staff3);
}

/* ---- deletion, hold, restore, purge -------------------------------------------------------- */

static void test_delete_hold_restore_purge(void)
{
	struct client owner, boss, staff3;
	sign_in(&owner, "staff1");
	sign_in(&boss, "manager1");
	sign_in(&staff3, "staff3");
	long long keep = card_of(&owner, "恢复", "personal");
	long long gone = card_of(&owner, "清除", "personal");
	CU_ASSERT_EQUAL(ask(&owner, keep, "delete", NULL, "重复登记"), 303);
	CU_ASSERT_EQUAL(decide(&boss, last_request("staff1"), "approve", ""), 303);
	CU_ASSERT_EQUAL(ask(&owner, gone, "delete", NULL, "已注销的企业"), 303);
	long long del = last_request("staff1");
	CU_ASSERT_EQUAL(decide(&boss, del, "approve", "同意删除"), 303);
	/* hidden at once */
	CU_ASSERT_EQUAL(client_get(&owner, card_path(keep, "")), 404);
	CU_ASSERT_EQUAL(client_get(&boss, "/clients/deleted"), 200);
	CU_ASSERT(client_has(&boss, db_text("SELECT name FROM clients WHERE id = %lld", keep)));
	/* restorable by the manager, not by a stranger or the owner */
	char tok[80];
	snprintf(tok, sizeof tok, "%s", csrf_of(&staff3, "/clients"));
	CU_ASSERT_EQUAL(client_post(&staff3, card_path(keep, "/restore"), "_csrf", tok, NULL), 403);
	snprintf(tok, sizeof tok, "%s", csrf_of(&owner, "/clients"));
	CU_ASSERT_EQUAL(client_post(&owner, card_path(keep, "/restore"), "_csrf", tok, NULL), 403);
	snprintf(tok, sizeof tok, "%s", csrf_of(&boss, "/clients/deleted"));
	CU_ASSERT_EQUAL(client_post(&boss, card_path(keep, "/restore"), "_csrf", tok, NULL), 303);
	CU_ASSERT_EQUAL(client_get(&owner, card_path(keep, "")), 200);
	/* the job purges nothing during the hold */
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM clients WHERE id = %lld", gone), 1);
	/* after 30 days it is gone, with one tombstone even when two copies of the job run at once */
	clock_advance(30 * 86400 + 60);
	CU_ASSERT_EQUAL(run_cron_twice_at_once(), 0);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM clients WHERE id = %lld", gone), 0);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM client_persons WHERE client_id = %lld", gone), 0);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM audit_log WHERE action = 'client.purged' AND object_id = %lld "
				 "AND detail LIKE '%%陈静%%刘洋%%'", gone), 1);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM audit_log WHERE action = 'client.purged' AND object_id = %lld",
				 gone), 1);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM clients WHERE id = %lld", keep), 1);
	/* too late to restore a purged client */
	sign_in(&boss, "manager1");
	snprintf(tok, sizeof tok, "%s", csrf_of(&boss, "/clients/deleted"));
	CU_ASSERT_EQUAL(client_post(&boss, card_path(gone, "/restore"), "_csrf", tok, NULL), 404);
	client_free(&owner);
	client_free(&boss);
	client_free(&staff3);
}

static void test_old_requests_expire(void)
{
	struct client owner, asker;
	sign_in(&owner, "staff1");
	sign_in(&asker, "staff3");
	long long card = card_of(&owner, "过期", "personal");
	CU_ASSERT_EQUAL(ask(&asker, card, "view", NULL, "无人处理的申请"), 303);
	long long req = last_request("staff3");
	clock_advance(13 * 86400);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_STRING_EQUAL(status_of(req), "pending");
	clock_advance(2 * 86400);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_STRING_EQUAL(status_of(req), "expired");
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM request_approvers WHERE request_id = %lld AND open = 1", req), 0);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM request_decisions WHERE request_id = %lld AND decision = 'expired'",
				 req), 1);
	struct client boss;
	sign_in(&boss, "manager1");
	CU_ASSERT_EQUAL(decide(&boss, req, "approve", ""), 409);
	client_free(&boss);
	client_free(&owner);
	client_free(&asker);
}

/* ---- delegation and routing ------------------------------------------------------------------ */

/* The header's inbox badge on the page the client is on (0 when it shows none). */
static long inbox_badge(struct client *c)
{
	const char *n = c->res.body.data != NULL ? strstr(c->res.body.data, "id=\"inbox-count\">") : NULL;
	return n != NULL ? strtol(n + strlen("id=\"inbox-count\">"), NULL, 10) : 0;
}

/* The badge counts the user's own open approvals, read with the session,
 * and, while a delegation runs, the delegator's that are not also the
 * user's own (a request waiting for both counts once). */
static void test_inbox_badge_counts_a_delegators_approvals_once(void)
{
	struct client admin, b;
	sign_in(&admin, "admin");
	char ua[64];
	snprintf(ua, sizeof ua, "bda%s", run);
	long long a = make_user(&admin, ua, "徽标委托人", "S1", "dept_manager");
	long long me = make_user_signed_in(&admin, &b, "bdb", run, "徽标受托人", "S1", "dept_manager");
	long long req[3];
	for (int i = 0; i < 3; i++) {
		CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO requests (req_type, requester_id, reason, created_at, expires_at) "
					      "VALUES ('handover', %lld, '徽标测试', NOW(), NOW() + INTERVAL 30 DAY)", a), 0);
		req[i] = db_value("SELECT MAX(id) FROM requests WHERE reason = '徽标测试'");
	}
	/* b waits for requests 0 and 2, a for 1 and 2 */
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO request_approvers (request_id, step_no, user_id, open) VALUES "
				      "(%lld, 1, %lld, 1), (%lld, 1, %lld, 1), "
				      "(%lld, 1, %lld, 1), (%lld, 1, %lld, 1)",
				      req[0], me, req[2], me, req[1], a, req[2], a), 0);
	CU_ASSERT_EQUAL(client_get(&b, "/"), 200);
	CU_ASSERT_EQUAL(inbox_badge(&b), 2);
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO delegations (from_user, to_user, starts_at, ends_at, created_at) "
				      "VALUES (%lld, %lld, '2000-01-01', '2999-01-01', NOW())", a, me), 0);
	CU_ASSERT_EQUAL(client_get(&b, "/"), 200);
	CU_ASSERT_EQUAL(inbox_badge(&b), 3);
	/* the delegation revoked: the user's own again */
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE delegations SET revoked_at = NOW() WHERE to_user = %lld", me), 0);
	CU_ASSERT_EQUAL(client_get(&b, "/"), 200);
	CU_ASSERT_EQUAL(inbox_badge(&b), 2);
	/* out of the other tests' way: no open approvals, and two managers of 销售一部 fewer to route to */
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE request_approvers SET open = 0 WHERE request_id IN (%lld, %lld, %lld)",
				      req[0], req[1], req[2]), 0);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE users SET disabled = 1 WHERE id IN (%lld, %lld)", a, me), 0);
	client_free(&admin);
	client_free(&b);
}

/* n pages of c (each to whichever worker takes it): how many show the badge
 * `want` and answer `path` with `status` */
static int pages_agree(struct client *c, int n, long want, const char *path, long status)
{
	int agree = 0;
	for (int i = 0; i < n; i++) {
		long st = client_get(c, path);
		CU_ASSERT_EQUAL(client_get(c, "/"), 200);
		agree += st == status && inbox_badge(c) == want;
	}
	return agree;
}

/* Each worker keeps a person's roles, delegations and badge while their
 * user_state version holds (core/session.c); the triggers of sql/073 bump
 * it with each change of those rows, whatever writes them. Every worker has
 * read the old state (16 pages) and none shows it after a change. */
static void test_every_worker_sees_a_change_of_roles_approvals_delegations_at_once(void)
{
	struct client admin, c;
	sign_in(&admin, "admin");
	char ua[64];
	snprintf(ua, sizeof ua, "wsa%s", run);
	long long from = make_user(&admin, ua, "状态委托人", "S1", "dept_manager");
	long long me = make_user_signed_in(&admin, &c, "wsb", run, "状态受托人", "S1", "dept_manager");
	CU_ASSERT_EQUAL(pages_agree(&c, 16, 0, "/admin/users", 403), 16);
	/* a role given, then taken away */
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO user_roles (user_id, role) VALUES (%lld, 'admin')", me), 0);
	CU_ASSERT_EQUAL(pages_agree(&c, 16, 0, "/admin/users", 200), 16);
	CU_ASSERT_EQUAL(db_exec_admin("DELETE FROM user_roles WHERE user_id = %lld AND role = 'admin'", me), 0);
	CU_ASSERT_EQUAL(pages_agree(&c, 16, 0, "/admin/users", 403), 16);
	/* an approval waiting, then closed */
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO requests (req_type, requester_id, reason, created_at, expires_at) "
				      "VALUES ('handover', %lld, '状态测试', NOW(), NOW() + INTERVAL 30 DAY)", from), 0);
	long long req = db_value("SELECT MAX(id) FROM requests WHERE reason = '状态测试'");
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO request_approvers (request_id, step_no, user_id, open) VALUES "
				      "(%lld, 1, %lld, 1)", req, me), 0);
	CU_ASSERT_EQUAL(pages_agree(&c, 16, 1, "/", 200), 16);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE request_approvers SET open = 0 WHERE request_id = %lld", req), 0);
	CU_ASSERT_EQUAL(pages_agree(&c, 16, 0, "/", 200), 16);
	/* the delegator's approval counts while a delegation runs, and not once it is revoked */
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE request_approvers SET open = 1, user_id = %lld WHERE request_id = %lld",
				      from, req), 0);
	CU_ASSERT_EQUAL(pages_agree(&c, 16, 0, "/", 200), 16);
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO delegations (from_user, to_user, starts_at, ends_at, created_at) "
				      "VALUES (%lld, %lld, '2000-01-01', '2999-01-01', NOW())", from, me), 0);
	CU_ASSERT_EQUAL(pages_agree(&c, 16, 1, "/", 200), 16);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE delegations SET revoked_at = NOW() WHERE to_user = %lld", me), 0);
	CU_ASSERT_EQUAL(pages_agree(&c, 16, 0, "/", 200), 16);
	/* out of the other tests' way */
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE request_approvers SET open = 0 WHERE request_id = %lld", req), 0);
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE users SET disabled = 1 WHERE id IN (%lld, %lld)", from, me), 0);
	client_free(&admin);
	client_free(&c);
}

/* ---- a change and its audit row: both or neither ------------------------------------------ */

#define CRASH_AT_AUDIT "X-Test-Fault: crash:audit"

/* The worker is killed (test mode) between writing the change and its audit
 * row: the answer is nginx's 502, and neither the change nor its row is
 * there; sent again without the fault, both are. */
static void test_delegations_and_routes_commit_with_their_audit_rows(void)
{
	struct client dir, admin;
	sign_in(&dir, "director");
	sign_in(&admin, "admin");
	char starts[20], ends[20], tok[80], path[64];
	test_time_text(400 * 86400L, starts);
	test_time_text(401 * 86400L, ends);
	snprintf(tok, sizeof tok, "%s", csrf_of(&dir, "/delegations"));
	long long me = user_id("director");
	const char *create[] = { "_csrf", tok, "to_q", "deputy", "starts_at", starts, "ends_at", ends, "note",
				 "审计测试", NULL };

	/* delegation created */
	long long a0 = audit_max_id(), n0 = db_value("SELECT COUNT(*) FROM delegations WHERE from_user = %lld", me);
	CU_ASSERT_EQUAL(client_post_header(&dir, "/delegations", CRASH_AT_AUDIT, create), 502);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM delegations WHERE from_user = %lld", me), n0);
	CU_ASSERT_EQUAL(audit_count("delegation.created", "director", a0), 0);
	CU_ASSERT_EQUAL(client_post_list(&dir, "/delegations", create), 303);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM delegations WHERE from_user = %lld", me), n0 + 1);
	CU_ASSERT_EQUAL(audit_count("delegation.created", "director", a0), 1);

	/* delegation revoked */
	long long d = db_value("SELECT MAX(id) FROM delegations WHERE from_user = %lld", me);
	snprintf(path, sizeof path, "/delegations/%lld/revoke", d);
	const char *revoke[] = { "_csrf", tok, NULL };
	CU_ASSERT_EQUAL(client_post_header(&dir, path, CRASH_AT_AUDIT, revoke), 502);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM delegations WHERE id = %lld AND revoked_at IS NULL", d), 1);
	CU_ASSERT_EQUAL(audit_count("delegation.revoked", "director", a0), 0);
	CU_ASSERT_EQUAL(client_post_list(&dir, path, revoke), 303);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM delegations WHERE id = %lld AND revoked_at IS NULL", d), 0);
	CU_ASSERT_EQUAL(audit_count("delegation.revoked", "director", a0), 1);

	/* route created (a ninth step of company view requests, deleted below) */
	snprintf(tok, sizeof tok, "%s", csrf_of(&admin, "/admin/routes"));
	const char *route[] = { "_csrf", tok, "type", "view", "scope", "company", "secrecy", "", "step", "9", "role", "gm",
				NULL };
	long long r0 = db_value("SELECT COUNT(*) FROM approval_routes WHERE step_no = 9");
	CU_ASSERT_EQUAL(client_post_header(&admin, "/admin/routes", CRASH_AT_AUDIT, route), 502);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM approval_routes WHERE step_no = 9"), r0);
	CU_ASSERT_EQUAL(audit_count("route.created", "admin", a0), 0);
	CU_ASSERT_EQUAL(client_post_list(&admin, "/admin/routes", route), 303);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM approval_routes WHERE step_no = 9"), r0 + 1);
	CU_ASSERT_EQUAL(audit_count("route.created", "admin", a0), 1);

	/* route updated, then deleted */
	long long id = db_value("SELECT MAX(id) FROM approval_routes WHERE step_no = 9");
	char ver[24];
	snprintf(ver, sizeof ver, "%lld", db_value("SELECT version FROM approval_routes WHERE id = %lld", id));
	snprintf(path, sizeof path, "/admin/routes/%lld", id);
	const char *update[] = { "_csrf", tok, "version", ver, "step", "9", "role", "director", NULL };
	CU_ASSERT_EQUAL(client_post_header(&admin, path, CRASH_AT_AUDIT, update), 502);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT role FROM approval_routes WHERE id = %lld", id), "gm");
	CU_ASSERT_EQUAL(audit_count("route.updated", "admin", a0), 0);
	CU_ASSERT_EQUAL(client_post_list(&admin, path, update), 303);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT role FROM approval_routes WHERE id = %lld", id), "director");
	CU_ASSERT_EQUAL(audit_count("route.updated", "admin", a0), 1);
	snprintf(ver, sizeof ver, "%lld", db_value("SELECT version FROM approval_routes WHERE id = %lld", id));
	const char *del[] = { "_csrf", tok, "version", ver, "delete", "1", NULL };
	CU_ASSERT_EQUAL(client_post_list(&admin, path, del), 303);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM approval_routes WHERE step_no = 9"), r0);
	CU_ASSERT_EQUAL(audit_count("route.updated", "admin", a0), 2);
	client_free(&dir);
	client_free(&admin);
}

/* A write whose answer is lost (test mode: the connection dropped right after
 * the statement ran on the server) is not simply sent again: it ran in a
 * transaction, which the server rolled back with the connection, and the
 * whole transaction is retried: one delegation, one audit row. A read whose
 * answer is lost is read again. */
static void test_a_lost_write_is_not_written_twice(void)
{
	struct client dir;
	sign_in(&dir, "director");
	char starts[20], ends[20], tok[80];
	test_time_text(500 * 86400L, starts);
	test_time_text(501 * 86400L, ends);
	snprintf(tok, sizeof tok, "%s", csrf_of(&dir, "/delegations"));
	long long me = user_id("director");
	const char *create[] = { "_csrf", tok, "to_q", "deputy", "starts_at", starts, "ends_at", ends, NULL };
	long long a0 = audit_max_id(), n0 = db_value("SELECT COUNT(*) FROM delegations WHERE from_user = %lld", me);
	CU_ASSERT_EQUAL(client_post_header(&dir, "/delegations", "X-Test-Fault: lost:Q_DELEGATION_INSERT", create), 303);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM delegations WHERE from_user = %lld", me), n0 + 1);
	CU_ASSERT_EQUAL(audit_count("delegation.created", "director", a0), 1);
	/* the audit row's answer lost: the delegation and its row once each */
	test_time_text(502 * 86400L, starts);
	test_time_text(503 * 86400L, ends);
	CU_ASSERT_EQUAL(client_post_header(&dir, "/delegations", "X-Test-Fault: lost:Q_AUDIT_INSERT", create), 303);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM delegations WHERE from_user = %lld", me), n0 + 2);
	CU_ASSERT_EQUAL(audit_count("delegation.created", "director", a0), 2);
	/* a refused sign-in is an event of its own: its rows once each */
	struct client anon;
	client_init(&anon, test_base);
	client_get(&anon, "/login");
	char pre[80];
	snprintf(pre, sizeof pre, "%s", client_csrf(&anon));
	long long f0 = db_value("SELECT COUNT(*) FROM login_attempts WHERE username = 'director' AND outcome = 'fail'");
	const char *wrong[] = { "_csrf", pre, "username", "director", "password", "not-the-password", NULL };
	CU_ASSERT_EQUAL(client_post_header(&anon, "/login", "X-Test-Fault: lost:Q_LOGIN_ATTEMPT", wrong), 401);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM login_attempts WHERE username = 'director' AND outcome = 'fail'"),
			f0 + 1);
	CU_ASSERT_EQUAL(audit_count("login.failed", NULL, a0), 1);
	/* a read: read again on a new connection, the page as ever */
	CU_ASSERT_EQUAL(client_raw(&dir, "GET", "/delegations", NULL, NULL, 0, "X-Test-Fault: lost:Q_DELEGATIONS_OF"), 200);
	CU_ASSERT(client_has(&dir, "李明"));                 /* the delegations to the deputy */
	client_free(&anon);
	client_free(&dir);
}

/* A read in a transaction that fails is not an answer: deciding read "not an
 * approver" from a lost read of the approvers and answered 403 (on a Galera
 * cluster the same happened when another node's commit aborted the
 * transaction: 1213 on its next statement). The transaction runs again. */
static void test_a_lost_read_in_a_decision_is_retried(void)
{
	struct client owner, asker, boss;
	sign_in(&owner, "staff1");
	sign_in(&asker, "staff3");
	sign_in(&boss, "manager1");
	long long card = card_of(&owner, "读丢", "personal");
	CU_ASSERT_EQUAL(ask(&asker, card, "view", NULL, "读丢了再来"), 303);
	long long req = last_request("staff3");
	char tok[80], path[64];
	snprintf(path, sizeof path, "/requests/%lld", req);
	snprintf(tok, sizeof tok, "%s", csrf_of(&boss, path));
	snprintf(path, sizeof path, "/requests/%lld/decide", req);
	const char *f[] = { "_csrf", tok, "step", "1", "decision", "approve", "comment", "", NULL };
	CU_ASSERT_EQUAL(client_post_header(&boss, path, "X-Test-Fault: lost:Q_APPROVER_OPEN", f), 303);
	CU_ASSERT_STRING_EQUAL(status_of(req), "approved");
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM request_decisions WHERE request_id = %lld", req), 1);
	client_free(&owner);
	client_free(&asker);
	client_free(&boss);
}

static void test_delegation_window_and_routing_by_data(void)
{
	struct client admin, gm, deputy, owner;
	sign_in(&admin, "admin");
	/* route company blacklists to the GM (the admin edits the routing) */
	long long route = db_value("SELECT id FROM approval_routes WHERE req_type = 'blacklist_company' AND step_no = 1");
	char path[64], ver[16], tok[80];
	snprintf(path, sizeof path, "/admin/routes/%lld", route);
	snprintf(ver, sizeof ver, "%lld", db_value("SELECT version FROM approval_routes WHERE id = %lld", route));
	snprintf(tok, sizeof tok, "%s", csrf_of(&admin, "/admin/routes"));
	CU_ASSERT_EQUAL(client_post(&admin, path, "_csrf", tok, "version", ver, "step", "1", "role", "gm", NULL), 303);
	CU_ASSERT_EQUAL(client_post(&admin, path, "_csrf", tok, "version", ver, "step", "1", "role", "gm", NULL), 409);
	sign_in(&gm, "gm");
	sign_in(&owner, "staff1");
	/* the GM delegates to the deputy from an hour from now for a day */
	char starts[20], ends[20];
	test_time_text(3600, starts);
	test_time_text(25 * 3600, ends);
	snprintf(tok, sizeof tok, "%s", csrf_of(&gm, "/delegations"));
	CU_ASSERT_EQUAL(client_post(&gm, "/delegations", "_csrf", tok, "to_q", "gm", "starts_at", starts,
				    "ends_at", ends, NULL), 422);
	CU_ASSERT_EQUAL(client_post(&gm, "/delegations", "_csrf", tok, "to_q", "deputy", "starts_at", ends,
				    "ends_at", starts, NULL), 422);
	CU_ASSERT_EQUAL(client_post(&gm, "/delegations", "_csrf", tok, "to_q", "deputy", "starts_at",
				    "2026-02-30T10:00", "ends_at", ends, NULL), 422);
	CU_ASSERT_EQUAL(client_post(&gm, "/delegations", "_csrf", tok, "to_q", "deputy", "starts_at", starts,
				    "ends_at", ends, "note", "出差广州", NULL), 303);
	CU_ASSERT(audit_count("delegation.created", "gm", 0) >= 1);
	long long card = card_of(&owner, "委托", "personal");
	CU_ASSERT_EQUAL(ask(&owner, card, "blacklist", "company", "涉嫌欺诈"), 303);
	long long r1 = last_request("staff1");
	CU_ASSERT_EQUAL(approvers(r1, "gm"), 1);
	CU_ASSERT_EQUAL(approvers(r1, "director"), 0);
	/* before the delegation starts the deputy has nothing to do with it */
	sign_in(&deputy, "deputy");
	snprintf(path, sizeof path, "/requests/%lld", r1);
	CU_ASSERT_EQUAL(client_get(&deputy, path), 403);
	CU_ASSERT_EQUAL(decide(&deputy, r1, "approve", ""), 403);
	client_free(&deputy);
	/* while it runs the deputy decides on the GM's behalf */
	clock_advance(2 * 3600);
	sign_in(&deputy, "deputy");
	sign_in(&owner, "staff1");
	CU_ASSERT_EQUAL(client_get(&deputy, "/requests/inbox"), 200);
	char link[64];
	snprintf(link, sizeof link, "href=\"/requests/%lld\"", r1);
	CU_ASSERT(client_has(&deputy, link));
	CU_ASSERT(client_has(&deputy, "王建国"));
	CU_ASSERT_EQUAL(decide(&deputy, r1, "approve", "代总经理批准"), 303);
	CU_ASSERT_STRING_EQUAL(status_of(r1), "approved");
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM request_decisions WHERE request_id = %lld AND decider_id = %lld "
				 "AND on_behalf_of = %lld", r1, user_id("deputy"), user_id("gm")), 1);
	CU_ASSERT_EQUAL(client_get(&owner, path), 200);
	CU_ASSERT(client_has(&owner, "李明 代表 王建国"));
	/* after it ends, only the GM again */
	long long card2 = card_of(&owner, "委托后", "personal");
	CU_ASSERT_EQUAL(ask(&owner, card2, "blacklist", "company", "涉嫌欺诈二"), 303);
	long long r2 = last_request("staff1");
	clock_advance(24 * 3600);
	client_free(&deputy);
	sign_in(&deputy, "deputy");
	CU_ASSERT_EQUAL(decide(&deputy, r2, "approve", ""), 403);
	client_free(&gm);
	sign_in(&gm, "gm");
	CU_ASSERT_EQUAL(decide(&gm, r2, "approve", ""), 303);
	/* the routing back as it was */
	client_free(&admin);
	sign_in(&admin, "admin");
	CU_ASSERT_EQUAL(set_route(&admin, "blacklist_company", "director", 0, 0), 303);
	client_free(&admin);
	client_free(&gm);
	client_free(&deputy);
	client_free(&owner);
}

/* A step that needs every one of several people (routing: need_all). */
static void test_step_needing_everyone(void)
{
	struct client admin, owner;
	sign_in(&admin, "admin");
	CU_ASSERT_EQUAL(set_route(&admin, "delete", "dept_manager", 1, 1), 303);
	sign_in(&owner, "staff1");
	long long card = card_of(&owner, "会签", "personal");
	CU_ASSERT_EQUAL(ask(&owner, card, "delete", NULL, "会签删除"), 303);
	long long req = last_request("staff1");
	long long n = db_value("SELECT COUNT(*) FROM request_approvers WHERE request_id = %lld", req);
	CU_ASSERT_FATAL(n >= 2);                 /* manager1 and the managers above or beside */
	/* each signs; the request stays pending until the last one */
	for (long long i = 0; i < n; i++) {
		char who[64];
		snprintf(who, sizeof who, "%s", db_text("SELECT u.username FROM request_approvers a JOIN users u "
							"ON u.id = a.user_id WHERE a.request_id = %lld AND a.open = 1 "
							"ORDER BY u.id LIMIT 1", req));
		struct client c;
		client_init(&c, test_base);
		if (client_sign_in(&c, who, DEMO_PASSWORD) != 303)
			CU_ASSERT_EQUAL_FATAL(client_sign_in(&c, who, NEW_PASSWORD), 303);
		CU_ASSERT_EQUAL(decide(&c, req, "approve", "同意"), 303);
		CU_ASSERT_STRING_EQUAL(status_of(req), i + 1 < n ? "pending" : "approved");
		CU_ASSERT_EQUAL(db_value("SELECT deleted_at IS NULL FROM clients WHERE id = %lld", card), i + 1 < n);
		client_free(&c);
	}
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM request_decisions WHERE request_id = %lld AND decision = 'approved'",
				 req), n);
	/* the routing back as it was */
	CU_ASSERT_EQUAL(set_route(&admin, "delete", "dept_manager", 1, 0), 303);
	client_free(&admin);
	client_free(&owner);
}

/* ---- transfers -------------------------------------------------------------------------- */

static void test_duplicate_transfer_to_second_registrant(void)
{
	struct client first, second, boss;
	sign_in(&first, "staff1");
	sign_in(&second, "staff2");
	sign_in(&boss, "manager1");
	char name[128];
	snprintf(name, sizeof name, "撞单%s机械有限公司", run);
	long long card = new_card(&first, name, "personal", NULL);
	/* the second registrant hits the duplicate and asks for the client */
	char tok[80];
	snprintf(tok, sizeof tok, "%s", csrf_of(&second, "/clients/new"));
	CU_ASSERT_EQUAL(client_post(&second, "/clients/new", "_csrf", tok, "card_type", "dealer", "lifecycle",
				    "prospect", "scope", "personal", "name", name, NULL), 409);
	char link[96];
	snprintf(link, sizeof link, "/clients/%lld/request?kind=transfer", card);
	CU_ASSERT(client_has(&second, link));
	CU_ASSERT_EQUAL(ask(&second, card, "transfer", NULL, "客户首先联系的是我，有通话记录"), 303);
	long long req = last_request("staff2");
	/* the owner may not ask for what they have */
	CU_ASSERT_EQUAL(ask(&first, card, "transfer", NULL, "x"), 422);
	CU_ASSERT_EQUAL(decide(&boss, req, "approve", "核实通话记录属实"), 303);
	CU_ASSERT_EQUAL(db_value("SELECT owner_id FROM clients WHERE id = %lld", card), user_id("staff2"));
	CU_ASSERT_EQUAL(client_get(&second, card_path(card, "")), 200);
	client_free(&first);
	client_free(&second);
	client_free(&boss);
}

static void test_handover_of_a_leaving_employee(void)
{
	struct client admin, leaver, boss;
	sign_in(&admin, "admin");
	char lname[64], mname[64];
	snprintf(lname, sizeof lname, "leave%s", run);
	snprintf(mname, sizeof mname, "mgrleave%s", run);
	long long lid = make_user(&admin, lname, "离职业务员", "S2", "staff");
	long long mid = make_user(&admin, mname, "离职经理", "S2", "dept_manager");
	sign_in_first_time(&leaver, lname);
	sign_in_first_time(&boss, mname);
	long long c1 = card_of(&leaver, "交接一", "personal");
	long long c2 = card_of(&leaver, "交接二", "department");
	/* a request the leaver sent and one waiting for the leaving manager */
	CU_ASSERT_EQUAL(ask(&leaver, c1, "scope", "department", "共享"), 303);
	long long sent = last_request(lname);
	CU_ASSERT(approvers(sent, mname) == 1);
	char path[64], tok[80];
	snprintf(path, sizeof path, "/admin/users/%lld", lid);
	snprintf(tok, sizeof tok, "%s", csrf_of(&admin, path));
	snprintf(path, sizeof path, "/admin/users/%lld/handover", lid);
	/* a bad target keeps the form and changes nothing */
	CU_ASSERT_EQUAL(client_post(&admin, path, "_csrf", tok, "to_q", lname, "handover_reason", "离职", NULL), 422);
	CU_ASSERT_EQUAL(client_post(&admin, path, "_csrf", tok, "to_q", "no-such", "handover_reason", "离职", NULL),
			422);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM clients WHERE owner_id = %lld", lid), 2);
	CU_ASSERT_EQUAL(client_post(&admin, path, "_csrf", tok, "to_q", "staff3", "handover_reason", "离职交接",
				    NULL), 303);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM clients WHERE owner_id = %lld", lid), 0);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM clients WHERE id IN (%lld, %lld) AND owner_id = %lld", c1, c2,
				 user_id("staff3")), 2);
	CU_ASSERT_EQUAL(db_value("SELECT requester_id FROM requests WHERE id = %lld", sent), user_id("staff3"));
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM client_history WHERE client_id = %lld AND field = 'owner_id' "
				 "AND reason = '离职交接'", c1), 1);
	CU_ASSERT_EQUAL(audit_count("user.handover", "admin", 0) >= 1, 1);
	/* the manager leaving: what waits for them goes to their successor */
	snprintf(path, sizeof path, "/admin/users/%lld/handover", mid);
	CU_ASSERT_EQUAL(client_post(&admin, path, "_csrf", tok, "to_q", "manager2", "handover_reason", "调岗",
				    NULL), 303);
	CU_ASSERT_EQUAL(approvers(sent, mname) == 1 &&
			db_value("SELECT open FROM request_approvers WHERE request_id = %lld AND user_id = %lld", sent,
				 mid) == 0, 1);
	struct client m2;
	sign_in(&m2, "manager2");
	CU_ASSERT_EQUAL(decide(&m2, sent, "approve", ""), 303);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT scope FROM clients WHERE id = %lld", c1), "department");
	client_free(&m2);
	client_free(&admin);
	client_free(&leaver);
	client_free(&boss);
}

/* ---- prospects: protection, progress, the pool, takeover, the limit ----------------------- */

static void test_prospect_protection_pool_and_takeover(void)
{
	struct client owner;
	sign_in(&owner, "staff1");
	long long card = card_of(&owner, "潜客", "personal");
	CU_ASSERT_EQUAL(db_value("SELECT DATEDIFF(protected_until, last_progress_on) FROM clients WHERE id = %lld", card),
			120);
	CU_ASSERT_EQUAL(client_get(&owner, card_path(card, "")), 200);
	CU_ASSERT(client_has(&owner, "id=\"drops-on\""));
	/* progress after 20 days keeps it protected */
	clock_advance(20 * 86400);
	client_free(&owner);
	sign_in(&owner, "staff1");
	char tok[80];
	snprintf(tok, sizeof tok, "%s", csrf_of(&owner, card_path(card, "")));
	CU_ASSERT_EQUAL(client_post(&owner, card_path(card, "/progress"), "_csrf", tok, "note", "", NULL), 303);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM client_history WHERE client_id = %lld AND field = 'progress'",
				 card), 0);
	CU_ASSERT_EQUAL(client_post(&owner, card_path(card, "/progress"), "_csrf", tok, "note", "电话沟通采购计划", NULL),
			303);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM client_history WHERE client_id = %lld AND field = 'progress' "
				 "AND reason = '电话沟通采购计划'", card), 1);
	CU_ASSERT_EQUAL(db_value("SELECT DATEDIFF(protected_until, last_progress_on) FROM clients WHERE id = %lld", card),
			100);
	/* a colleague may not record progress on it */
	struct client staff3;
	sign_in(&staff3, "staff3");
	snprintf(tok, sizeof tok, "%s", csrf_of(&staff3, "/clients"));
	CU_ASSERT_EQUAL(client_post(&staff3, card_path(card, "/progress"), "_csrf", tok, "note", "x", NULL), 403);
	/* 25 days later the owner is warned on the home page */
	clock_advance(25 * 86400);
	client_free(&owner);
	sign_in(&owner, "staff1");
	CU_ASSERT_EQUAL(client_get(&owner, "/"), 200);
	CU_ASSERT(client_has(&owner, "id=\"dropping\""));
	CU_ASSERT(client_has(&owner, db_text("SELECT name FROM clients WHERE id = %lld", card)));
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(db_value("SELECT in_pool FROM clients WHERE id = %lld", card), 0);
	/* a month without progress: back to the department pool */
	clock_advance(6 * 86400);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(db_value("SELECT in_pool FROM clients WHERE id = %lld", card), 1);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM audit_log WHERE action = 'client.to_pool' AND object_id = %lld",
				 card), 1);
	CU_ASSERT_EQUAL(run_cron(), 0);                  /* idempotent */
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM audit_log WHERE action = 'client.to_pool' AND object_id = %lld",
				 card), 1);
	/* the department sees it in its pool; another department does not */
	struct client staff2, boss;
	sign_in(&staff2, "staff2");
	client_free(&staff3);
	sign_in(&staff3, "staff3");
	CU_ASSERT_EQUAL(client_get(&staff2, "/clients/pool"), 200);
	char link[64];
	snprintf(link, sizeof link, "href=\"/clients/%lld\"", card);
	CU_ASSERT(client_has(&staff2, link));
	CU_ASSERT_EQUAL(client_get(&staff2, card_path(card, "")), 200);
	CU_ASSERT_EQUAL(client_get(&staff3, "/clients/pool"), 200);
	CU_ASSERT(!client_has(&staff3, link));
	CU_ASSERT_EQUAL(client_get(&staff3, card_path(card, "")), 403);
	CU_ASSERT_EQUAL(ask(&staff3, card, "takeover", NULL, "我想跟进"), 422);
	/* a colleague asks the manager to take it over */
	CU_ASSERT_EQUAL(ask(&staff2, card, "takeover", NULL, "该客户在我的片区"), 303);
	long long req = last_request("staff2");
	sign_in(&boss, "manager1");
	CU_ASSERT_EQUAL(decide(&boss, req, "approve", ""), 303);
	CU_ASSERT_EQUAL(db_value("SELECT owner_id FROM clients WHERE id = %lld", card), user_id("staff2"));
	CU_ASSERT_EQUAL(db_value("SELECT in_pool FROM clients WHERE id = %lld", card), 0);
	CU_ASSERT_EQUAL(db_value("SELECT DATEDIFF(protected_until, last_progress_on) FROM clients WHERE id = %lld", card),
			120);
	/* the claim limit: someone already holding the maximum cannot ask */
	struct client admin, full;
	sign_in(&admin, "admin");
	char uname[64];
	snprintf(uname, sizeof uname, "full%s", run);
	long long uid = make_user(&admin, uname, "满额业务员", "S1", "staff");
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO clients (card_type, name, name_norm, lifecycle, owner_id, dept_id, scope, "
				      "registered_at, registered_by, updated_at, protected_until, last_progress_on) "
				      "SELECT 'dealer', CONCAT('限额潜客', seq, '-%s'), CONCAT('限额潜客', seq, '-%s'), "
				      "'prospect', %lld, dept_id, 'personal', NOW(), %lld, NOW(), '2099-01-01', '2099-01-01' "
				      "FROM seq_1_to_50 JOIN users u ON u.id = %lld", run, run, uid, uid, uid), 0);
	client_free(&owner);
	sign_in(&owner, "staff1");
	long long other = card_of(&owner, "潜客二", "personal");
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET in_pool = 1 WHERE id = %lld", other), 0);
	sign_in_first_time(&full, uname);
	CU_ASSERT_EQUAL(ask(&full, other, "takeover", NULL, "想接手"), 422);
	CU_ASSERT(client_has(&full, "上限"));
	client_free(&full);
	client_free(&admin);
	client_free(&owner);
	client_free(&staff2);
	client_free(&staff3);
	client_free(&boss);
}

/* ---- the half-yearly grade review ------------------------------------------------------------ */

static void test_grade_review_cycle(void)
{
	CU_ASSERT_EQUAL(run_cron(), 0);
	long long s1 = db_value("SELECT id FROM departments WHERE code = 'S1'");
	/* this half-year's cycle already done (a test database used before): go to the next half-year */
	if (db_value("SELECT COUNT(*) FROM review_cycles WHERE dept_id = %lld AND status = 'open' "
		     "AND request_id IS NULL", s1) == 0) {
		clock_advance(184 * 86400);
		CU_ASSERT_EQUAL(run_cron(), 0);
	}
	long long cycle = db_value("SELECT MAX(id) FROM review_cycles WHERE dept_id = %lld AND status = 'open' "
				   "AND request_id IS NULL", s1);
	CU_ASSERT_FATAL(cycle > 0);
	CU_ASSERT_EQUAL(run_cron(), 0);                                   /* opened once */
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM review_cycles WHERE dept_id = %lld AND period = "
				 "(SELECT period FROM review_cycles WHERE id = %lld)", s1, cycle), 1);
	struct client boss, other, staff;
	sign_in(&boss, "manager1");
	sign_in(&other, "manager2");
	sign_in(&staff, "staff1");
	char path[64], tok[80];
	snprintf(path, sizeof path, "/reviews/%lld", cycle);
	CU_ASSERT_EQUAL(client_get(&boss, "/reviews"), 200);
	CU_ASSERT(client_has(&boss, path));
	CU_ASSERT_EQUAL(client_get(&other, path), 403);
	CU_ASSERT_EQUAL(client_get(&staff, path), 403);
	CU_ASSERT_EQUAL(client_get(&boss, path), 200);
	CU_ASSERT(client_has(&boss, "id=\"quota\""));
	snprintf(tok, sizeof tok, "%s", client_csrf(&boss));
	/* propose VIP for more clients than the quota allows */
	long long vip = db_value("SELECT id FROM grades WHERE code = 'vip'");
	long long total = db_value("SELECT COUNT(*) FROM clients WHERE dept_id = %lld AND deleted_at IS NULL", s1);
	long long have = db_value("SELECT COUNT(*) FROM clients WHERE dept_id = %lld AND deleted_at IS NULL "
				  "AND grade_id = %lld", s1, vip);
	long long room = (long long)(0.15 * (double)total) - have;
	CU_ASSERT_FATAL(room >= 0);
	char ids[8192];
	snprintf(ids, sizeof ids, "%s", db_text("SELECT GROUP_CONCAT(id ORDER BY id) FROM (SELECT id FROM clients "
					       "WHERE dept_id = %lld AND deleted_at IS NULL AND (grade_id IS NULL OR "
					       "grade_id <> %lld) ORDER BY id LIMIT %lld) x", s1, vip, room + 1));
	const char *fields[400];
	size_t n = 0;
	char vipv[16], names[200][32];
	snprintf(vipv, sizeof vipv, "%lld", vip);
	fields[n++] = "_csrf";
	fields[n++] = tok;
	int k = 0;
	for (char *p = strtok(ids, ","); p && k < 190; p = strtok(NULL, ","), k++) {
		snprintf(names[k], sizeof names[k], "grade_%s", p);
		fields[n++] = names[k];
		fields[n++] = vipv;
	}
	fields[n] = NULL;
	CU_ASSERT_EQUAL(client_post_list(&boss, path, fields), 303);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM review_lines WHERE cycle_id = %lld", cycle), room + 1);
	CU_ASSERT_EQUAL(client_get(&boss, path), 200);
	CU_ASSERT(client_has(&boss, "class=\"over\""));                 /* the quota shows broken */
	/* a client of another department cannot be slipped in */
	char foreign[32];
	snprintf(foreign, sizeof foreign, "grade_%lld", db_value("SELECT MIN(id) FROM clients WHERE dept_id <> %lld", s1));
	CU_ASSERT_EQUAL(client_post(&boss, path, "_csrf", tok, foreign, vipv, NULL), 400);
	/* a page is saved whole or not at all: a good line beside a refused one is not saved */
	char kept[32];
	snprintf(kept, sizeof kept, "%s", db_text("SELECT IFNULL(grade_id, '') FROM clients WHERE id = %s", names[0] + 6));
	CU_ASSERT_EQUAL(client_post(&boss, path, "_csrf", tok, names[0], kept, foreign, vipv, NULL), 400);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM review_lines WHERE cycle_id = %lld", cycle), room + 1);
	/* cannot be sent while over the quota */
	char submit[80];
	snprintf(submit, sizeof submit, "/reviews/%lld/submit", cycle);
	CU_ASSERT_EQUAL(client_post(&boss, submit, "_csrf", tok, "_reason", "上半年复核", NULL), 422);
	CU_ASSERT(client_has(&boss, "配额"));
	/* back one: now it fits */
	char first[32];
	snprintf(first, sizeof first, "%s", names[0]);
	const char *cur = db_text("SELECT COALESCE(grade_id, '') FROM clients WHERE id = %s", first + 6);
	char curv[16];
	snprintf(curv, sizeof curv, "%s", cur);
	CU_ASSERT_EQUAL(client_post(&boss, path, "_csrf", tok, first, curv, NULL), 303);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM review_lines WHERE cycle_id = %lld", cycle), room);
	CU_ASSERT_EQUAL(client_post(&boss, submit, "_csrf", tok, "_reason", "上半年复核", NULL), 303);
	long long req = db_value("SELECT request_id FROM review_cycles WHERE id = %lld", cycle);
	CU_ASSERT_FATAL(req > 0);
	CU_ASSERT_EQUAL(approvers(req, "director"), 1);
	/* no more changes while it waits */
	CU_ASSERT_EQUAL(client_post(&boss, path, "_csrf", tok, first, vipv, NULL), 403);
	/* approved: every line at once, with history */
	struct client director;
	sign_in(&director, "director");
	/* the approver sees what they approve: each card, its grade now → proposed, and the quotas (issue 8.2) */
	char rpath[48], link[48], second[24];
	snprintf(rpath, sizeof rpath, "/requests/%lld", req);
	snprintf(second, sizeof second, "%s", names[room > 0 ? 1 : 0] + 6);
	snprintf(link, sizeof link, "href=\"/clients/%s\"", second);
	CU_ASSERT_EQUAL(client_get(&director, rpath), 200);
	CU_ASSERT(client_has(&director, "id=\"detail-cards\""));
	CU_ASSERT(client_has(&director, "id=\"detail-quota\""));
	if (room > 0) {
		CU_ASSERT(client_has(&director, link));
		CU_ASSERT(client_has(&director, db_text("SELECT name FROM clients WHERE id = %s", second)));
		CU_ASSERT(client_has(&director, db_text("SELECT name_zh FROM grades WHERE id = %lld", vip)));
	}
	CU_ASSERT(!client_has(&director, "class=\"over\""));          /* what was sent fits */
	CU_ASSERT_EQUAL(decide(&director, req, "approve", "同意"), 303);
	CU_ASSERT_STRING_EQUAL(status_of(req), "approved");
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM clients WHERE dept_id = %lld AND deleted_at IS NULL "
				 "AND grade_id = %lld", s1, vip), have + room);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT status FROM review_cycles WHERE id = %lld", cycle), "approved");
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM client_history WHERE field = 'grade_id' "
				 "AND reason = CONCAT('lang:review.history_reason', CHAR(31), '%lld', CHAR(31), "
				 "'上半年复核', CHAR(31), '张伟')", req), room);   /* shown in the reader's language */
	client_free(&director);
	client_free(&boss);
	client_free(&other);
	client_free(&staff);
}

/* People are chosen by name, department or login, without JavaScript: one
 * match is taken, several are offered as choices, a pick among them is taken,
 * "find" only shows (issue 8.17). */
static void test_people_chosen_by_name(void)
{
	struct client gm, owner, boss;
	sign_in(&gm, "gm");
	sign_in(&owner, "staff1");
	sign_in(&boss, "manager1");
	char starts[20], ends[20], tok[80], id[24];
	test_time_text(3600, starts);
	test_time_text(2 * 3600, ends);
	snprintf(tok, sizeof tok, "%s", csrf_of(&gm, "/delegations"));
	long long before = db_value("SELECT COUNT(*) FROM delegations WHERE from_user = %lld", user_id("gm"));
	/* a department's name: several people, offered as radios; nothing saved */
	CU_ASSERT_EQUAL(client_post(&gm, "/delegations", "_csrf", tok, "to_q", "销售一部", "starts_at", starts,
				    "ends_at", ends, NULL), 422);
	snprintf(id, sizeof id, "value=\"%lld\"", user_id("staff2"));
	CU_ASSERT(client_has(&gm, "id=\"pick-to\""));
	CU_ASSERT(client_has(&gm, id));
	CU_ASSERT(client_has(&gm, "杨帆"));
	CU_ASSERT(client_has(&gm, "value=\"销售一部\""));                /* what was typed is kept */
	/* nobody matches: a message, nothing saved */
	CU_ASSERT_EQUAL(client_post(&gm, "/delegations", "_csrf", tok, "to_q", "无此人", "starts_at", starts,
				    "ends_at", ends, NULL), 422);
	CU_ASSERT(client_has(&gm, "id=\"err-to_q\""));
	/* "find" with one match shows the person chosen and saves nothing */
	CU_ASSERT_EQUAL(client_post(&gm, "/delegations", "_csrf", tok, "to_q", "杨帆", "_find", "to", "starts_at",
				    starts, "ends_at", ends, NULL), 200);
	snprintf(id, sizeof id, "name=\"to\" value=\"%lld\"", user_id("staff2"));
	CU_ASSERT(client_has(&gm, id));
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM delegations WHERE from_user = %lld", user_id("gm")), before);
	/* the pick among the candidates is taken although the text is still the department */
	snprintf(id, sizeof id, "%lld", user_id("staff2"));
	CU_ASSERT_EQUAL(client_post(&gm, "/delegations", "_csrf", tok, "to_q", "销售一部", "to", id, "starts_at",
				    starts, "ends_at", ends, NULL), 303);
	CU_ASSERT_EQUAL(db_value("SELECT to_user FROM delegations WHERE from_user = %lld ORDER BY id DESC LIMIT 1",
				 user_id("gm")), user_id("staff2"));
	/* a chosen id no longer matching what the field shows is not taken: the text is */
	CU_ASSERT_EQUAL(client_post(&gm, "/delegations", "_csrf", tok, "to_q", "周敏", "to", id, "starts_at",
				    starts, "ends_at", ends, NULL), 303);
	CU_ASSERT_EQUAL(db_value("SELECT to_user FROM delegations WHERE from_user = %lld ORDER BY id DESC LIMIT 1",
				 user_id("gm")), user_id("staff3"));
	/* owner transfer by a display name */
	long long card = card_of(&owner, "选人", "personal");
	CU_ASSERT_EQUAL(ask(&owner, card, "owner", "销售", "交接"), 422);        /* several */
	CU_ASSERT(client_has(&owner, "id=\"pick-value\""));
	CU_ASSERT_EQUAL(ask(&owner, card, "owner", "杨帆", "客户改由杨帆跟进"), 303);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT new_value FROM requests WHERE id = %lld", last_request("staff1")), id);
	/* the list's owner filter: one person filters, several offer a choice and list nothing */
	CU_ASSERT_EQUAL(client_get(&boss, "/clients?owner_q=%E9%99%88%E9%9D%99"), 200);     /* 陈静 */
	CU_ASSERT(client_has(&boss, "id=\"chosen-owner\""));
	CU_ASSERT(client_has(&boss, "审批选人"));
	CU_ASSERT_EQUAL(client_get(&boss, "/clients?owner_q=%E6%9D%A8%E5%B8%86"), 200);     /* 杨帆 */
	CU_ASSERT(!client_has(&boss, "审批选人"));
	CU_ASSERT_EQUAL(client_get(&boss, "/clients?owner_q=%E9%94%80%E5%94%AE"), 200);     /* 销售 */
	CU_ASSERT(client_has(&boss, "id=\"pick-owner\""));
	CU_ASSERT(!client_has(&boss, "审批选人"));
	/* the two delegations made here end now, so they route nothing later */
	for (int k = 0; k < 2; k++) {
		char path[64];
		snprintf(path, sizeof path, "/delegations/%lld/revoke",
			 db_value("SELECT MAX(id) FROM delegations WHERE from_user = %lld AND revoked_at IS NULL",
				  user_id("gm")));
		CU_ASSERT_EQUAL(client_post(&gm, path, "_csrf", tok, NULL), 303);
	}
	client_free(&gm);
	client_free(&owner);
	client_free(&boss);
}

static unsigned unserve(long long card)
{
	return db_exec_admin("UPDATE clients SET registered_at = registered_at - INTERVAL 10 YEAR, "
			     "last_progress_on = last_progress_on - INTERVAL 10 YEAR WHERE id = %lld", card);
}

/* A client nobody served for unserved_months is listed for the managers over
 * it; anyone may ask to reassign it, the manager over its department decides;
 * a card served meanwhile is refused (issue 8.21). */
static void test_unserved_clients_reassigned(void)
{
	struct client owner, other, boss, m2;
	sign_in(&owner, "staff1");
	sign_in(&other, "staff3");
	sign_in(&boss, "manager1");
	sign_in(&m2, "manager2");
	long long card = card_of(&owner, "久未服务", "personal"), fresh = card_of(&owner, "新近服务", "personal");
	/* registered (and last progress noted) long ago, never visited: unserved, and the longest
	 * unserved, first on the list; the other one served today */
	CU_ASSERT_EQUAL(unserve(card), 0);
	char row[64];
	snprintf(row, sizeof row, "/clients/%lld/request?kind=reassign", card);
	CU_ASSERT_EQUAL(client_get(&boss, "/clients/unserved"), 200);
	CU_ASSERT(client_has(&boss, row));
	snprintf(row, sizeof row, "/clients/%lld/request?kind=reassign", fresh);
	CU_ASSERT(!client_has(&boss, row));
	CU_ASSERT_EQUAL(client_get(&m2, "/clients/unserved"), 200);        /* another department's manager */
	CU_ASSERT(!client_has(&m2, "审批久未服务"));
	CU_ASSERT_EQUAL(client_get(&owner, "/clients/unserved"), 403);     /* the list is the managers' */
	CU_ASSERT_EQUAL(client_get(&owner, card_path(card, "")), 200);     /* the card says so */
	CU_ASSERT(client_has(&owner, "id=\"unserved\""));
	/* a served card cannot be asked for */
	CU_ASSERT_EQUAL(ask(&other, fresh, "reassign", "周敏", "我来跟进"), 422);
	/* someone of another department asks for it: the manager over the card decides */
	CU_ASSERT_EQUAL(ask(&other, card, "reassign", "周敏", "客户参加了我部活动，由我跟进"), 303);
	long long req = last_request("staff3");
	CU_ASSERT_STRING_EQUAL(db_text("SELECT req_type FROM requests WHERE id = %lld", req), "reassign");
	CU_ASSERT_EQUAL(approvers(req, "manager1"), 1);
	CU_ASSERT_EQUAL(approvers(req, "manager2"), 0);
	CU_ASSERT_EQUAL(client_get(&boss, "/clients/unserved"), 200);      /* the row links the request */
	snprintf(row, sizeof row, "/requests/%lld\"", req);
	CU_ASSERT(client_has(&boss, row));
	CU_ASSERT_EQUAL(decide(&boss, req, "approve", ""), 303);
	CU_ASSERT_EQUAL(db_value("SELECT owner_id FROM clients WHERE id = %lld", card), user_id("staff3"));
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM client_history WHERE client_id = %lld AND field = 'owner_id'",
				 card), 1);
	/* asked for while unserved, then served before the decision: refused */
	long long card2 = card_of(&owner, "久未服务二", "personal");
	CU_ASSERT_EQUAL(unserve(card2), 0);
	CU_ASSERT_EQUAL(ask(&other, card2, "reassign", "周敏", "我来跟进"), 303);
	long long req2 = last_request("staff3");
	CU_ASSERT_EQUAL(db_exec_admin("UPDATE clients SET last_visit_on = CURDATE() WHERE id = %lld", card2), 0);
	decide(&boss, req2, "approve", "");
	CU_ASSERT_EQUAL(db_value("SELECT owner_id FROM clients WHERE id = %lld", card2), user_id("staff1"));
	client_free(&owner);
	client_free(&other);
	client_free(&boss);
	client_free(&m2);
}

#define T(f) CU_add_test(s, #f, f)
/* The navigation offers each role the pages it uses, and marks the one open (issue 8.16). */
static void test_navigation_by_role(void)
{
	struct client m, s;
	sign_in(&m, "manager1");
	sign_in(&s, "staff1");
	CU_ASSERT_EQUAL(client_get(&m, "/"), 200);
	const char *managers[] = { "<a href=\"/clients/pool\"", "<a href=\"/reviews\"", "<a href=\"/clients/deleted\"",
				   "<a href=\"/delegations\"", "<a href=\"/requests\"", NULL };
	for (int i = 0; managers[i]; i++)
		CU_ASSERT(client_has(&m, managers[i]));
	CU_ASSERT_EQUAL(client_get(&s, "/"), 200);
	CU_ASSERT(client_has(&s, "<a href=\"/clients/pool\""));
	CU_ASSERT(client_has(&s, "<a href=\"/requests\""));
	CU_ASSERT(!client_has(&s, "<a href=\"/reviews\""));
	CU_ASSERT(!client_has(&s, "<a href=\"/clients/deleted\""));
	CU_ASSERT(!client_has(&s, "<a href=\"/delegations\""));
	/* one current entry: the longest match */
	CU_ASSERT_EQUAL(client_get(&m, "/requests"), 200);
	CU_ASSERT(client_has(&m, "<a href=\"/requests\" aria-current=\"page\">"));
	CU_ASSERT(!client_has(&m, "<a href=\"/requests/inbox\" aria-current"));
	CU_ASSERT_EQUAL(client_get(&m, "/clients/pool"), 200);
	CU_ASSERT(client_has(&m, "<a href=\"/clients/pool\" aria-current=\"page\">"));
	CU_ASSERT(!client_has(&m, "<a href=\"/clients\" aria-current"));
	CU_ASSERT_EQUAL(client_get(&m, "/clients"), 200);
	CU_ASSERT(client_has(&m, "<a href=\"/clients\" aria-current=\"page\">"));
	client_free(&m);
	client_free(&s);
}

/* A prospect whose owner records the client's intent becomes a new client and
 * never returns to the pool; the card states the rule with its dates (issue 8.5). */
static void test_prospect_intent_ends_the_protection(void)
{
	struct client owner;
	sign_in(&owner, "staff1");
	long long card = card_of(&owner, "意向", "personal");
	CU_ASSERT_STRING_EQUAL(db_text("SELECT lifecycle FROM clients WHERE id = %lld", card), "prospect");
	CU_ASSERT_EQUAL(client_get(&owner, card_path(card, "")), 200);
	CU_ASSERT(client_has(&owner, "id=\"protection-rule\""));
	CU_ASSERT(client_has(&owner, db_text("SELECT protected_until FROM clients WHERE id = %lld", card)));
	CU_ASSERT(client_has(&owner, "name=\"intent\""));
	char tok[80];
	snprintf(tok, sizeof tok, "%s", csrf_of(&owner, card_path(card, "")));
	CU_ASSERT_EQUAL(client_post(&owner, card_path(card, "/progress"), "_csrf", tok, "note", "客户确认下季度采购",
				    "intent", "1", NULL), 303);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT lifecycle FROM clients WHERE id = %lld", card), "new");
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM client_history WHERE client_id = %lld AND field = 'lifecycle' "
				 "AND old_value = 'prospect' AND new_value = 'new'", card), 1);
	/* long past the protection: the job leaves it with its owner */
	clock_advance(200 * 86400);
	CU_ASSERT_EQUAL(run_cron(), 0);
	CU_ASSERT_EQUAL(db_value("SELECT in_pool FROM clients WHERE id = %lld", card), 0);
	CU_ASSERT_EQUAL(db_value("SELECT owner_id FROM clients WHERE id = %lld", card), user_id("staff1"));
	client_free(&owner);
}

void add_request_suite(void)
{
	snprintf(run, sizeof run, "%ld", (long)(getpid() % 100000));
	CU_pSuite s = CU_add_suite("requests", NULL, NULL);
	T(test_view_request_grant_and_expiry);
	T(test_company_card_view_goes_to_the_director);
	T(test_two_approvers_at_once_give_one_decision);
	T(test_decide_from_the_inbox);
	T(test_nobody_decides_their_own_request);
	T(test_withdraw_while_pending);
	T(test_grade_quota);
	T(test_scope_owner_and_stale_requests);
	T(test_blacklists_route_by_level);
	T(test_delete_hold_restore_purge);
	T(test_old_requests_expire);
	T(test_delegation_window_and_routing_by_data);
	T(test_delegations_and_routes_commit_with_their_audit_rows);
	T(test_inbox_badge_counts_a_delegators_approvals_once);
	T(test_every_worker_sees_a_change_of_roles_approvals_delegations_at_once);
	T(test_a_lost_write_is_not_written_twice);
	T(test_a_lost_read_in_a_decision_is_retried);
	T(test_step_needing_everyone);
	T(test_duplicate_transfer_to_second_registrant);
	T(test_handover_of_a_leaving_employee);
	T(test_people_chosen_by_name);
	T(test_unserved_clients_reassigned);
	T(test_navigation_by_role);
	T(test_prospect_protection_pool_and_takeover);
	T(test_prospect_intent_ends_the_protection);
	T(test_grade_review_cycle);
}
