/* test_cluster.c — the cluster drill's checks (scripts/test-cluster starts
 * the cluster and runs this): a three-node Galera cluster, two app instances
 * on nodes 1 and 2, nginx with an upstream of both. Prints one line per
 * check, PASS or FAIL with its figures; exits 1 when any failed.
 *
 *   DOSSIER_TEST_BASE       nginx, the upstream of both instances
 *   DOSSIER_CLUSTER_BASE1/2 nginx ports that reach instance 1 / 2 only
 *   DOSSIER_TEST_CONF       instance 1's config (the admin account on node 1)
 *   DOSSIER_CLUSTER_CONF2   instance 2's config
 *   DOSSIER_CLUSTER_SOCKS   the three nodes' sockets, comma-separated
 *   DOSSIER_CLUSTER_KILL    node 2's pid file: SIGKILLed during the writes
 *   DOSSIER_TEST_BIN        the app binary (`dossier cron`)
 *   DOSSIER_CLUSTER_SECONDS length of the load and of the writes around the kill (default 10)
 *   DOSSIER_CLUSTER_ROUNDS  rounds of the approval race (default 8; the duplicate check 1.5 times as many)
 *   DOSSIER_CLUSTER_SYNC_WAIT the instances' db_sync_wait (default 1): with it, a
 *                           card read through the other instance right after its 303 is there
 *
 * The admin connection of http_client.c reads on node 1 with wsrep_sync_wait
 * set, so it sees every write the cluster acknowledged. */
#include "http_client.h"
#include "core/config.h"
#include <errno.h>
#include <mysql.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define DEMO_PASSWORD "dossier-demo"
#define NEW_PASSWORD "chosen-by-me-42"

static const char *base, *base1, *base2;
static char run[16];
static int failures;
static struct config cfg1;
static int sync_wait = 1;

static void check(int ok, const char *name, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void check(int ok, const char *name, const char *fmt, ...)
{
	char detail[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(detail, sizeof detail, fmt, ap);
	va_end(ap);
	printf("[cluster] %-4s %-34s %s\n", ok ? "PASS" : "FAIL", name, detail);
	fflush(stdout);
	if (!ok)
		failures++;
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- the nodes ---------------------------------------------------------------- */

static char socks[3][256];

/* A wsrep status counter of node i (0..2); -1 when it does not answer. */
static long long node_status(int i, const char *var)
{
	MYSQL *m = mysql_init(NULL);
	long long v = -1;
	unsigned int timeout = 2;
	mysql_optionsv(m, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	if (mysql_real_connect(m, "localhost", cfg1.db_admin_user, cfg1.db_admin_password, NULL, 0, socks[i], 0)) {
		char q[128];
		snprintf(q, sizeof q, "SHOW GLOBAL STATUS LIKE '%s'", var);
		if (mysql_query(m, q) == 0) {
			MYSQL_RES *res = mysql_store_result(m);
			MYSQL_ROW row = res ? mysql_fetch_row(res) : NULL;
			if (row && row[1])
				v = strtoll(row[1], NULL, 10);
			if (res)
				mysql_free_result(res);
		}
	}
	mysql_close(m);
	return v;
}

/* Certification failures and brute-force aborts of the nodes with apps (1, 2). */
static long long conflicts(void)
{
	long long n = 0;
	for (int i = 0; i < 2; i++) {
		long long a = node_status(i, "wsrep_local_cert_failures"), b = node_status(i, "wsrep_local_bf_aborts");
		n += (a > 0 ? a : 0) + (b > 0 ? b : 0);
	}
	return n;
}

/* ---- people ---------------------------------------------------------------------- */

static int sign_in(struct client *c, const char *b, const char *user, const char *pw)
{
	client_init(c, b);
	long st = client_sign_in(c, user, pw);
	if (st != 303)
		fprintf(stderr, "[cluster] sign in as %s at %s: %ld\n", user, b, st);
	return st == 303;
}

static const char *csrf_of(struct client *c, const char *path)
{
	static char tok[80];
	client_get(c, path);
	snprintf(tok, sizeof tok, "%s", client_csrf(c));
	return tok;
}

/* Registers a card; its id, 0 when refused (*status: the answer). */
static long long register_card(struct client *c, const char *tok, const char *name, long *status)
{
	const char *f[] = { "_csrf", tok, "card_type", "dealer", "lifecycle", "new", "scope", "personal", "name", name,
			    NULL };
	long st = client_post_list(c, "/clients/new", f);
	if (status)
		*status = st;
	char loc[128] = "";
	if (st == 303 && client_header(c, "Location", loc, sizeof loc) == 0 && strncmp(loc, "/clients/", 9) == 0)
		return atoll(loc + 9);
	return 0;
}

struct shot {
	struct client *c;
	const char *path;
	const char *const *fields;
	pthread_barrier_t *go;
	long status;
};

static void *shoot(void *arg)
{
	struct shot *s = arg;
	pthread_barrier_wait(s->go);
	s->status = client_post_list(s->c, s->path, s->fields);
	return NULL;
}

/* Two POSTs at the same moment, c[i] with fields[i]. */
static void post_at_once(struct client *c[2], const char *path, const char *const *fields[2], long status[2])
{
	pthread_barrier_t go;
	pthread_barrier_init(&go, NULL, 2);
	struct shot s[2] = { { c[0], path, fields[0], &go, 0 }, { c[1], path, fields[1], &go, 0 } };
	pthread_t th[2];
	for (int i = 0; i < 2; i++)
		pthread_create(&th[i], NULL, shoot, &s[i]);
	for (int i = 0; i < 2; i++) {
		pthread_join(th[i], NULL);
		status[i] = s[i].status;
	}
	pthread_barrier_destroy(&go);
}

static int one_of_each(const long st[2], long a, long b)
{
	return (st[0] == a && st[1] == b) || (st[0] == b && st[1] == a);
}

/* ---- 1. two approvers on two nodes ------------------------------------------------------ */

static int race_rounds = 8;           /* DOSSIER_CLUSTER_ROUNDS */

static void approval_race(void)
{
	struct client owner, asker, admin, m1, m1b;
	if (!sign_in(&owner, base1, "staff1", DEMO_PASSWORD) || !sign_in(&asker, base1, "staff3", DEMO_PASSWORD) ||
	    !sign_in(&admin, base1, "admin", DEMO_PASSWORD)) {
		check(0, "approval race", "could not sign in");
		return;
	}
	/* a second manager of 销售一部, deciding through instance 2 */
	char uname[32], dept[16];
	snprintf(uname, sizeof uname, "m1c%s", run);
	snprintf(dept, sizeof dept, "%lld", db_value("SELECT id FROM departments WHERE code = 'S1'"));
	long st = client_post(&admin, "/admin/users/new", "_csrf", csrf_of(&admin, "/admin/users/new"), "username",
			      uname, "display_name", "集群第二经理", "email", "", "dept_id", dept, "roles", "dept_manager",
			      "password", DEMO_PASSWORD, NULL);
	int ok = st == 303 && sign_in(&m1b, base2, uname, DEMO_PASSWORD);
	if (ok) {
		char tok[80];
		snprintf(tok, sizeof tok, "%s", csrf_of(&m1b, "/password"));
		ok = client_post(&m1b, "/password", "_csrf", tok, "current_password", DEMO_PASSWORD, "new_password",
				 NEW_PASSWORD, "new_password2", NEW_PASSWORD, NULL) == 303;
	}
	ok = ok && sign_in(&m1, base1, "manager1", DEMO_PASSWORD);
	if (!ok) {
		check(0, "approval race", "could not set up the second manager (%ld)", st);
		return;
	}
	char otok[80], atok[80], t1[80], t2[80];
	snprintf(otok, sizeof otok, "%s", csrf_of(&owner, "/clients/new"));
	snprintf(t1, sizeof t1, "%s", csrf_of(&m1, "/"));
	snprintf(t2, sizeof t2, "%s", csrf_of(&m1b, "/"));
	long long c0 = conflicts();
	int right = 0, decisions_ok = 0, grants_ok = 0;
	char outcomes[2048] = "";
	for (int round = 0; round < race_rounds; round++) {
		char name[96], path[96];
		snprintf(name, sizeof name, "集群审批%s第%d号有限公司", run, round);
		long long card = register_card(&owner, otok, name, NULL);
		snprintf(path, sizeof path, "/clients/%lld/request?kind=view", card);
		snprintf(atok, sizeof atok, "%s", csrf_of(&asker, path));
		snprintf(path, sizeof path, "/clients/%lld/request", card);
		long ast = client_post(&asker, path, "_csrf", atok, "kind", "view", "value", "", "_reason", "集群并发审批",
				       NULL);
		long long req = db_value("SELECT COALESCE(MAX(id), 0) FROM requests WHERE client_id = %lld", card);
		if (card == 0 || ast != 303 || req <= 0) {
			snprintf(outcomes + strlen(outcomes), sizeof outcomes - strlen(outcomes), " set-up failed(%ld);",
				 ast);
			continue;
		}
		/* both see the request on their own node before deciding */
		snprintf(path, sizeof path, "/requests/%lld", req);
		client_get(&m1, path);
		client_get(&m1b, path);
		const char *f1[] = { "_csrf", t1, "step", "1", "decision", "approve", "comment", "", NULL };
		const char *f2[] = { "_csrf", t2, "step", "1", "decision", "approve", "comment", "", NULL };
		struct client *who[2] = { &m1, &m1b };
		const char *const *fields[2] = { f1, f2 };
		long s[2];
		snprintf(path, sizeof path, "/requests/%lld/decide", req);
		post_at_once(who, path, fields, s);
		right += one_of_each(s, 303, 409);
		decisions_ok += db_value("SELECT COUNT(*) FROM request_decisions WHERE request_id = %lld", req) == 1;
		grants_ok += db_value("SELECT COUNT(*) FROM client_grants WHERE client_id = %lld", card) == 1;
		snprintf(outcomes + strlen(outcomes), sizeof outcomes - strlen(outcomes), " %ld/%ld", s[0], s[1]);
	}
	check(right == race_rounds && decisions_ok == race_rounds && grants_ok == race_rounds, "approval race, 2 nodes",
	      "%d rounds: one 303 + one 409 in %d, one decision in %d, one grant in %d; answers (node1/node2):%s; "
	      "%lld certification conflicts/BF aborts on nodes 1-2", race_rounds, right, decisions_ok, grants_ok,
	      outcomes, conflicts() - c0);
	client_free(&owner);
	client_free(&asker);
	client_free(&admin);
	client_free(&m1);
	client_free(&m1b);
}

/* ---- 2. the same client on two nodes at once ----------------------------------------------- */


static void duplicate_race(void)
{
	struct client a, b;
	if (!sign_in(&a, base1, "staff1", DEMO_PASSWORD) || !sign_in(&b, base2, "staff2", DEMO_PASSWORD)) {
		check(0, "duplicate, 2 nodes", "could not sign in");
		return;
	}
	char ta[80], tb[80];
	snprintf(ta, sizeof ta, "%s", csrf_of(&a, "/clients/new"));
	snprintf(tb, sizeof tb, "%s", csrf_of(&b, "/clients/new"));
	long long c0 = conflicts();
	int rounds = race_rounds * 3 / 2, one_card = 0, answers = 0;
	char outcomes[2048] = "";
	for (int round = 0; round < rounds; round++) {
		char name[96];
		snprintf(name, sizeof name, "集群同名%s第%d号有限公司", run, round);
		const char *fa[] = { "_csrf", ta, "card_type", "dealer", "lifecycle", "new", "scope", "personal",
				     "name", name, NULL };
		const char *fb[] = { "_csrf", tb, "card_type", "dealer", "lifecycle", "new", "scope", "personal",
				     "name", name, NULL };
		struct client *who[2] = { &a, &b };
		const char *const *fields[2] = { fa, fb };
		long s[2];
		post_at_once(who, "/clients/new", fields, s);
		answers += one_of_each(s, 303, 409);
		long long n = db_value("SELECT COUNT(*) FROM clients WHERE name = '%s'", name);
		one_card += n == 1;
		snprintf(outcomes + strlen(outcomes), sizeof outcomes - strlen(outcomes), " %ld/%ld=%lld", s[0], s[1], n);
	}
	check(one_card == rounds && answers == rounds, "duplicate check, 2 nodes",
	      "%d rounds: one card in %d, one 303 + one 409 in %d; answers/cards:%s; %lld certification "
	      "conflicts/BF aborts", rounds, one_card, answers, outcomes, conflicts() - c0);
	client_free(&a);
	client_free(&b);
}

/* ---- 3. registration load through both instances ------------------------------------------------ */

#define LOADERS 6
#define MAX_ACKED 4000

struct loader {
	struct client c;
	char tok[80];
	int no;
	double until;                 /* monotonic seconds */
	double kill_at;               /* 0 = no kill; else the thread 0 kills node 2 then */
	long n303, n409, n5xx, nother;
	long stale;                   /* the card not yet on the other instance's node right after its 303 */
	double first_ok_after_kill;   /* seconds from the kill to this loader's first 303 after it (instance 2 only) */
	int acked;
	long long ids[MAX_ACKED];
	struct client other;          /* the other instance, for the stale-read figure */
	const char *prefix;
};

static volatile double killed_at;
static const char *kill_pidfile;

static void kill_node2(void)
{
	FILE *f = fopen(kill_pidfile, "r");
	long pid = 0;
	if (f != NULL) {
		if (fscanf(f, "%ld", &pid) != 1)
			pid = 0;
		fclose(f);
	}
	if (pid > 1 && kill((pid_t)pid, SIGKILL) == 0) {
		killed_at = now_s();
		printf("[cluster] node 2 (pid %ld) killed with SIGKILL\n", pid);
	} else {
		printf("[cluster] could not kill node 2 (pid file %s: %s)\n", kill_pidfile, strerror(errno));
	}
	fflush(stdout);
}

/* 1 while g goes on: until its end, and on instance 2 after a kill until it
 * has registered once more (at most 30 s after the kill: the cluster stalls
 * for a few seconds while it excludes the node). */
static int going_on(const struct loader *g)
{
	double t = now_s();
	if (t < g->until)
		return 1;
	return g->kill_at > 0 && g->no % 2 == 1 && killed_at > 0 && g->first_ok_after_kill == 0 &&
	       t < killed_at + 30;
}

static void *load(void *arg)
{
	struct loader *g = arg;
	for (int i = 0; going_on(g); i++) {
		if (g->kill_at > 0 && g->no == 0 && killed_at == 0 && now_s() >= g->kill_at)
			kill_node2();
		char name[96];
		snprintf(name, sizeof name, "%s%s-%d-%d号有限公司", g->prefix, run, g->no, i);
		long st;
		long long id = register_card(&g->c, g->tok, name, &st);
		if (st == 303) {
			g->n303++;
			if (g->acked < MAX_ACKED)
				g->ids[g->acked++] = id;
			if (killed_at > 0 && g->first_ok_after_kill == 0 && g->no % 2 == 1)
				g->first_ok_after_kill = now_s() - killed_at;
			if (g->kill_at == 0) {
				char path[64];
				snprintf(path, sizeof path, "/clients/%lld", id);
				if (client_get(&g->other, path) == 404)
					g->stale++;
			}
		} else if (st == 409) {
			g->n409++;
		} else if (st >= 500 || st == 0) {
			g->n5xx++;
		} else {
			g->nother++;
		}
	}
	return NULL;
}

/* Runs LOADERS people registering for secs (even ones through instance 1,
 * odd ones through instance 2); kill_after > 0: node 2 is killed then. */
static void run_load(struct loader *g, const char *prefix, int secs, double kill_after)
{
	static const char *users[LOADERS] = { "staff1", "staff2", "staff3", "manager1", "manager2", "csmanager" };
	memset(g, 0, sizeof *g * LOADERS);
	double t0 = now_s();
	for (int i = 0; i < LOADERS; i++) {
		g[i].no = i;
		g[i].prefix = prefix;
		sign_in(&g[i].c, i % 2 ? base2 : base1, users[i], DEMO_PASSWORD);
		snprintf(g[i].tok, sizeof g[i].tok, "%s", csrf_of(&g[i].c, "/clients/new"));
		/* the same session through the other instance */
		client_init(&g[i].other, i % 2 ? base1 : base2);
		client_set_cookie(&g[i].other, "sid", client_cookie(&g[i].c, "sid"));
	}
	t0 = now_s();
	for (int i = 0; i < LOADERS; i++) {
		g[i].until = t0 + secs;
		g[i].kill_at = kill_after > 0 ? t0 + kill_after : 0;
	}
	pthread_t th[LOADERS];
	for (int i = 0; i < LOADERS; i++)
		pthread_create(&th[i], NULL, load, &g[i]);
	for (int i = 0; i < LOADERS; i++)
		pthread_join(th[i], NULL);
}

/* Acknowledged cards of the loaders not in the database (read on node 1). */
static long missing_of(struct loader *g, long *acked)
{
	long missing = 0;
	*acked = 0;
	for (int i = 0; i < LOADERS; i++)
		for (int k = 0; k < g[i].acked; k++) {
			(*acked)++;
			if (db_value("SELECT COUNT(*) FROM clients WHERE id = %lld", g[i].ids[k]) != 1)
				missing++;
		}
	return missing;
}

static void registration_load(int secs)
{
	static struct loader g[LOADERS];
	long long c0 = conflicts();
	double t0 = now_s();
	run_load(g, "集群登记", secs, 0);
	double took = now_s() - t0;
	long n303 = 0, n409 = 0, n5xx = 0, nother = 0, stale = 0, acked;
	for (int i = 0; i < LOADERS; i++) {
		n303 += g[i].n303, n409 += g[i].n409, n5xx += g[i].n5xx, nother += g[i].nother, stale += g[i].stale;
		client_free(&g[i].c);
		client_free(&g[i].other);
	}
	long missing = missing_of(g, &acked);
	long long rows = db_value("SELECT COUNT(*) FROM clients WHERE name LIKE '集群登记%s-%%'", run);
	check(n303 > 0 && n409 == 0 && n5xx == 0 && nother == 0 && missing == 0 && rows == n303 && (!sync_wait || !stale),
	      "registration load",
	      "%d people, %.1f s, both instances: %ld registered (%.1f/s), %ld refused 409, %ld 5xx, %ld other; "
	      "%lld cards in the database; %ld acknowledged missing; %lld certification conflicts/BF aborts; "
	      "read right after the 303 through the other instance (db_sync_wait = %d): %ld of %ld not there yet (404)",
	      LOADERS, took, n303, (double)n303 / took, n409, n5xx, nother, rows, missing, conflicts() - c0, sync_wait, stale, n303);
}

/* ---- 4. two `dossier cron` on two nodes at once ------------------------------------------------- */

#define CRON_REQUESTS 3

static void cron_race(void)
{
	const char *bin = getenv("DOSSIER_TEST_BIN"), *conf1 = getenv("DOSSIER_TEST_CONF"),
		   *conf2 = getenv("DOSSIER_CLUSTER_CONF2");
	struct client owner, asker;
	if (!bin || !conf2 || !sign_in(&owner, base1, "staff1", DEMO_PASSWORD) ||
	    !sign_in(&asker, base2, "staff3", DEMO_PASSWORD)) {
		check(0, "cron on 2 nodes", "no DOSSIER_TEST_BIN / DOSSIER_CLUSTER_CONF2, or no sign-in");
		return;
	}
	char otok[80];
	snprintf(otok, sizeof otok, "%s", csrf_of(&owner, "/clients/new"));
	long long reqs[CRON_REQUESTS];
	for (int i = 0; i < CRON_REQUESTS; i++) {
		char name[96], path[96], tok[80];
		snprintf(name, sizeof name, "集群过期%s第%d号有限公司", run, i);
		long long card = register_card(&owner, otok, name, NULL);
		snprintf(path, sizeof path, "/clients/%lld/request?kind=view", card);
		snprintf(tok, sizeof tok, "%s", csrf_of(&asker, path));
		snprintf(path, sizeof path, "/clients/%lld/request", card);
		client_post(&asker, path, "_csrf", tok, "kind", "view", "value", "", "_reason", "无人处理", NULL);
		reqs[i] = db_value("SELECT COALESCE(MAX(id), 0) FROM requests WHERE client_id = %lld", card);
	}
	client_free(&owner);
	client_free(&asker);
	long long pending_before = db_value("SELECT COUNT(*) FROM requests WHERE status = 'pending'");
	long long audit_before = db_value("SELECT COUNT(*) FROM audit_log WHERE action = 'request.expired'");
	/* 15 days later (request_expiry_days = 14): the test clock of both instances */
	FILE *f = fopen(cfg1.test_clock_file, "w");
	long long later = (long long)time(NULL) + 15 * 86400;
	if (f != NULL) {
		fprintf(f, "%lld\n", later);
		fclose(f);
	}
	char cmd[4096];
	snprintf(cmd, sizeof cmd, "'%s' -c '%s' cron > /dev/null 2>&1 & '%s' -c '%s' cron > /dev/null 2>&1 & wait", bin, conf1,
		 bin, conf2);
	int rc = system(cmd);
	long long expired = 0, decided_once = 0;
	for (int i = 0; i < CRON_REQUESTS; i++) {
		expired += strcmp(db_text("SELECT status FROM requests WHERE id = %lld", reqs[i]), "expired") == 0;
		decided_once += db_value("SELECT COUNT(*) FROM request_decisions WHERE request_id = %lld AND "
					 "decision = 'expired'", reqs[i]) == 1;
	}
	long long audit_after = db_value("SELECT COUNT(*) FROM audit_log WHERE action = 'request.expired'");
	long long pending_after = db_value("SELECT COUNT(*) FROM requests WHERE status = 'pending'");
	/* once more: nothing left to do */
	rc |= system(cmd);
	long long audit_again = db_value("SELECT COUNT(*) FROM audit_log WHERE action = 'request.expired'");
	check(rc == 0 && expired == CRON_REQUESTS && decided_once == CRON_REQUESTS &&
	      audit_after - audit_before == pending_before - pending_after && audit_again == audit_after,
	      "cron on 2 nodes at once", "%d new requests expired: %lld, each with one decision: %lld; pending %lld -> %lld, "
	      "request.expired audit rows +%lld (a second pair of runs: +%lld)", CRON_REQUESTS, expired, decided_once,
	      pending_before, pending_after, audit_after - audit_before, audit_again - audit_after);
}

/* ---- 5. node 2 killed during the writes ---------------------------------------------------------- */

static void kill_during_writes(int secs)
{
	static struct loader g[LOADERS];
	double t0 = now_s();
	run_load(g, "集群断电", secs, secs / 3.0);
	double took = now_s() - t0;
	long n303 = 0, n409 = 0, n5xx = 0, nother = 0, acked, n303_2 = 0;
	double reconnect = 0;
	int reconnected = 0;
	for (int i = 0; i < LOADERS; i++) {
		n303 += g[i].n303, n409 += g[i].n409, n5xx += g[i].n5xx, nother += g[i].nother;
		if (i % 2 == 1) {
			n303_2 += g[i].n303;
			if (g[i].first_ok_after_kill > 0) {
				reconnected++;
				if (g[i].first_ok_after_kill > reconnect)
					reconnect = g[i].first_ok_after_kill;
			}
		}
	}
	long missing = missing_of(g, &acked);
	long long rows = db_value("SELECT COUNT(*) FROM clients WHERE name LIKE '集群断电%s-%%'", run);
	check(killed_at > 0 && missing == 0, "kill node 2: no acked write lost",
	      "%.1f s of writes by %d people, node 2 killed at %.1f s: %ld acknowledged (303), %ld missing, "
	      "%lld cards present (%lld more than acknowledged: answers lost with the node), %ld answered 5xx, %ld 409, "
	      "%ld other", took, LOADERS, secs / 3.0, acked, missing, rows, rows - acked, n5xx, n409, nother);
	check(killed_at > 0 && reconnected == LOADERS / 2, "kill node 2: instance 2 reconnects",
	      "%d of %d people on instance 2 registered again after the kill, the last %.2f s after it "
	      "(db_failover to node 3); instance 2 acknowledged %ld in all", reconnected, LOADERS / 2, reconnect, n303_2);
	for (int i = 0; i < LOADERS; i++) {
		client_free(&g[i].c);
		client_free(&g[i].other);
	}
	/* the upstream still answers */
	struct client c;
	int ok = sign_in(&c, base, "staff1", DEMO_PASSWORD) && client_get(&c, "/clients") == 200;
	check(ok, "after the kill, through nginx", "sign-in and the client list answer");
	client_free(&c);
}

int main(void)
{
	base = getenv("DOSSIER_TEST_BASE");
	base1 = getenv("DOSSIER_CLUSTER_BASE1");
	base2 = getenv("DOSSIER_CLUSTER_BASE2");
	kill_pidfile = getenv("DOSSIER_CLUSTER_KILL");
	const char *s = getenv("DOSSIER_CLUSTER_SOCKS");
	const char *conf = getenv("DOSSIER_TEST_CONF");
	int secs = getenv("DOSSIER_CLUSTER_SECONDS") ? atoi(getenv("DOSSIER_CLUSTER_SECONDS")) : 10;
	if (getenv("DOSSIER_CLUSTER_ROUNDS") && atoi(getenv("DOSSIER_CLUSTER_ROUNDS")) > 0)
		race_rounds = atoi(getenv("DOSSIER_CLUSTER_ROUNDS"));
	if (getenv("DOSSIER_CLUSTER_SYNC_WAIT"))
		sync_wait = atoi(getenv("DOSSIER_CLUSTER_SYNC_WAIT"));
	char err[256];
	if (!base || !base1 || !base2 || !kill_pidfile || !s || !conf || secs < 1 ||
	    config_load(&cfg1, conf, err, sizeof err) != 0) {
		fprintf(stderr, "test_cluster: run by scripts/test-cluster (see the head of tests/test_cluster.c)\n");
		return 77;
	}
	if (sscanf(s, "%255[^,],%255[^,],%255s", socks[0], socks[1], socks[2]) != 3) {
		fprintf(stderr, "test_cluster: DOSSIER_CLUSTER_SOCKS needs three sockets\n");
		return 2;
	}
	curl_global_init(CURL_GLOBAL_ALL);
	snprintf(run, sizeof run, "%ld", (long)(getpid() % 100000));
	if (db_test_open() != 0)
		return 2;
	/* every read of the checks waits until node 1 has applied what the cluster committed */
	db_exec_admin("SET SESSION wsrep_sync_wait = 1");
	double t0 = now_s();
	approval_race();
	duplicate_race();
	registration_load(secs);
	cron_race();
	kill_during_writes(secs);
	db_test_close();
	curl_global_cleanup();
	printf("[cluster] checks took %.1f s, %d failed\n", now_s() - t0, failures);
	return failures ? 1 : 0;
}
