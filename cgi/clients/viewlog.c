/* viewlog.c — the view-log committer and the workers' side of it (viewlog.h).
 *
 * Transport: a unix SOCK_SEQPACKET socket in the abstract namespace, named
 * after the supervisor's pid, bound by the committer itself. While no
 * committer runs, a worker's connect is refused at once (and it writes the
 * row itself); when the committer dies, the kernel closes its connections,
 * so a worker notices at its next send or while waiting. Both ends check
 * that the other runs under the same uid (SO_PEERCRED). */
#include "viewlog.h"
#include "sql.h"
#include "core/db.h"
#include "core/log.h"
#include <errmsg.h>
#include <errno.h>
#include <mysql.h>
#include <mysqld_error.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define ROWS_PER_INSERT 64     /* a batch larger than this is several INSERTs, still one COMMIT */
#define BATCH_MAX 512          /* rows taken per round */
#define PEERS_MAX 1024         /* connected workers */

struct vl_msg {                /* worker → committer: one client_views row */
	uint32_t seq;
	int64_t client_id, user_id;
	char at[20], via[12], page[16];
};

struct vl_ack {                /* committer → worker */
	uint32_t seq;
	int32_t rc;                /* enum viewlog_rc */
};

static char sock_name[64];     /* abstract address without its leading NUL; "" = no committer */
static pid_t supervisor;
static long wait_ms = 5000;    /* how long a worker waits for its answer */

static socklen_t sock_addr(struct sockaddr_un *a)
{
	size_t n = strlen(sock_name);
	memset(a, 0, sizeof *a);
	a->sun_family = AF_UNIX;
	memcpy(a->sun_path + 1, sock_name, n);     /* sun_path[0] = '\0': abstract */
	return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + n);
}

static int same_user(int fd)
{
	struct ucred cr;
	socklen_t len = sizeof cr;
	return getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cr, &len) == 0 && cr.uid == geteuid();
}

void viewlog_init(const struct config *cfg)
{
	supervisor = getpid();
	snprintf(sock_name, sizeof sock_name, "dossier-viewlog.%ld", (long)supervisor);
	/* well inside request_timeout, so a worker that gives up can still write the row itself */
	long ms = cfg->request_timeout * 1000 / 3;
	wait_ms = ms < 1000 ? 1000 : ms > 10000 ? 10000 : ms;
}

/* ---- worker side ------------------------------------------------------------- */

static int conn_fd = -1;
static uint32_t conn_seq;
static int conn_warned;        /* "writing views directly" logged since the last answer */

static void conn_close(void)
{
	if (conn_fd >= 0)
		close(conn_fd);
	conn_fd = -1;
}

static int conn_open(void)
{
	if (conn_fd >= 0)
		return 0;
	if (sock_name[0] == '\0')
		return -1;
	int fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	struct sockaddr_un a;
	socklen_t len = sock_addr(&a);
	if (connect(fd, (struct sockaddr *)&a, len) != 0 || !same_user(fd)) {
		close(fd);
		return -1;
	}
	conn_fd = fd;
	return 0;
}

static int unreachable(const char *why)
{
	conn_close();
	if (sock_name[0] != '\0' && !conn_warned) {
		log_msg("viewlog: committer %s, views are written directly", why);
		conn_warned = 1;
	}
	return VIEWLOG_UNREACHABLE;
}

static long ms_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

int viewlog_write(long long client_id, long long user_id, const char *at, const char *via, const char *page)
{
	if (sock_name[0] == '\0')
		return VIEWLOG_UNREACHABLE;
	struct vl_msg m;
	memset(&m, 0, sizeof m);
	if (strlen(at) >= sizeof m.at || strlen(via) >= sizeof m.via || strlen(page) >= sizeof m.page)
		return VIEWLOG_UNREACHABLE;
	m.seq = ++conn_seq;
	m.client_id = client_id;
	m.user_id = user_id;
	strcpy(m.at, at);
	strcpy(m.via, via);
	strcpy(m.page, page);
	/* a connection to a committer that has since died fails at send, before
	 * anything was sent: one new connection is tried */
	for (int attempt = 0;; attempt++) {
		if (conn_open() != 0)
			return unreachable("not running");
		if (send(conn_fd, &m, sizeof m, MSG_NOSIGNAL) == (ssize_t)sizeof m)
			break;
		conn_close();
		if (attempt == 1)
			return unreachable("refused the row");
	}
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		long left = wait_ms - ms_since(&t0);
		if (left <= 0)
			return unreachable("did not answer in time");
		struct pollfd p = { .fd = conn_fd, .events = POLLIN };
		int n = poll(&p, 1, (int)left);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return unreachable("did not answer");
		struct vl_ack k;
		ssize_t got = recv(conn_fd, &k, sizeof k, 0);
		if (got < 0 && errno == EINTR)
			continue;
		/* it died with our row: committed or not, the caller writes it (a view may be logged twice, never lost) */
		if (got != (ssize_t)sizeof k || k.seq != m.seq)
			return unreachable("went away");
		if (conn_warned)
			log_msg("viewlog: committer answers again");
		conn_warned = 0;
		return k.rc;
	}
}

/* ---- the committer: its database connection ----------------------------------- */

static struct {
	const struct config *cfg;
	MYSQL *m;
	MYSQL_STMT *ins[ROWS_PER_INSERT + 1];      /* INSERT of n rows, prepared when first needed */
	unsigned long long rows, commits;
} C;

static void cdb_close(void)
{
	for (int i = 0; i <= ROWS_PER_INSERT; i++) {
		if (C.ins[i] != NULL)
			mysql_stmt_close(C.ins[i]);
		C.ins[i] = NULL;
	}
	if (C.m != NULL)
		mysql_close(C.m);
	C.m = NULL;
}

/* The same session as db.c's connections: utf8mb4, strict mode; autocommit off. */
static int cdb_connect(void)
{
	if (C.m != NULL)
		return 0;
	MYSQL *m = db_session_open(C.cfg);
	if (m == NULL)
		return -1;
	if (mysql_autocommit(m, 0) != 0) {
		log_msg("viewlog: autocommit off failed: %s", mysql_error(m));
		mysql_close(m);
		return -1;
	}
	C.m = m;
	return 0;
}


/* Q_VIEW_INSERT with its VALUES tuple repeated n times; NULL with *err set. */
static MYSQL_STMT *insert_stmt(unsigned n, unsigned *err)
{
	*err = 0;
	if (C.ins[n] != NULL)
		return C.ins[n];
	const char *one = Q_VIEW_INSERT->text;
	const char *tuple = strstr(one, "VALUES ") + 7;
	size_t lo = strlen(one), lt = strlen(tuple), len = lo;
	char *sql = malloc(lo + (n - 1) * (lt + 2) + 1);
	if (sql == NULL) {
		*err = CR_OUT_OF_MEMORY;
		return NULL;
	}
	memcpy(sql, one, lo);
	for (unsigned i = 1; i < n; i++) {
		memcpy(sql + len, ", ", 2);
		memcpy(sql + len + 2, tuple, lt);
		len += lt + 2;
	}
	sql[len] = '\0';
	MYSQL_STMT *s = mysql_stmt_init(C.m);
	if (s == NULL || mysql_stmt_prepare(s, sql, len) != 0 || mysql_stmt_param_count(s) != 5 * n) {
		*err = s == NULL ? CR_OUT_OF_MEMORY : mysql_stmt_errno(s) ? mysql_stmt_errno(s) : CR_UNKNOWN_ERROR;
		if (!db_error_lost(*err))
			log_msg("viewlog: prepare of %u rows failed: %u %s", n, *err, s ? mysql_stmt_error(s) : "");
		if (s != NULL)
			mysql_stmt_close(s);
		s = NULL;
	}
	free(sql);
	return C.ins[n] = s;
}

struct pending {
	int peer;                  /* index into the poll set */
	int rc;
	struct vl_msg m;
};

/* One INSERT of rows p[0..n), n <= ROWS_PER_INSERT. 0 or the error number;
 * the message into msg. */
static unsigned insert_rows(const struct pending *p, unsigned n, char msg[256])
{
	static MYSQL_BIND b[5 * ROWS_PER_INSERT];
	static long long ints[2 * ROWS_PER_INSERT];
	static unsigned long lens[3 * ROWS_PER_INSERT];
	unsigned err;
	MYSQL_STMT *s = insert_stmt(n, &err);
	if (s == NULL) {
		snprintf(msg, 256, "prepare failed");
		return err;
	}
	memset(b, 0, sizeof b);
	for (unsigned i = 0; i < n; i++) {
		const struct vl_msg *m = &p[i].m;
		const char *str[3] = { m->at, m->via, m->page };
		ints[2 * i] = m->client_id;
		ints[2 * i + 1] = m->user_id;
		for (int j = 0; j < 2; j++) {
			b[5 * i + j].buffer_type = MYSQL_TYPE_LONGLONG;
			b[5 * i + j].buffer = &ints[2 * i + j];
		}
		for (int j = 0; j < 3; j++) {
			MYSQL_BIND *x = &b[5 * i + 2 + j];
			lens[3 * i + j] = (unsigned long)strlen(str[j]);
			x->buffer_type = MYSQL_TYPE_STRING;
			x->buffer = (void *)str[j];
			x->buffer_length = lens[3 * i + j];
			x->length = &lens[3 * i + j];
		}
	}
	if (mysql_stmt_bind_param(s, b) != 0 || mysql_stmt_execute(s) != 0) {
		snprintf(msg, 256, "%s", mysql_stmt_error(s));
		return mysql_stmt_errno(s) ? mysql_stmt_errno(s) : CR_UNKNOWN_ERROR;
	}
	return 0;
}

/* Rows p[0..n) in one transaction: VIEWLOG_OK, VIEWLOG_FAILED (nothing
 * written) or VIEWLOG_UNKNOWN (the connection died during COMMIT). A
 * deadlock, or a lost connection before COMMIT, is retried (reconnecting:
 * the database may have been restarted). */
static int write_rows(const struct pending *p, unsigned n)
{
	int refused = 0;
	for (int attempt = 0; attempt < 5; attempt++) {
		if (attempt > 0) {
			struct timespec ts = { 0, (long)(10 + rand() % 40) * 1000000L * attempt };
			nanosleep(&ts, NULL);
		}
		if (cdb_connect() != 0) {
			if (++refused == 2)
				return VIEWLOG_FAILED;
			continue;
		}
		unsigned err = 0;
		char msg[256] = "";
		for (unsigned i = 0; i < n && err == 0; i += ROWS_PER_INSERT)
			err = insert_rows(p + i, n - i < ROWS_PER_INSERT ? n - i : ROWS_PER_INSERT, msg);
		if (err == 0) {
			if (mysql_commit(C.m) == 0) {
				C.rows += n;
				C.commits++;
				return VIEWLOG_OK;
			}
			err = mysql_errno(C.m);
			log_msg("viewlog: COMMIT of %u rows failed: %u %s", n, err, mysql_error(C.m));
			if (db_error_lost(err)) {
				cdb_close();
				return VIEWLOG_UNKNOWN;
			}
			mysql_rollback(C.m);
			if (err == ER_LOCK_DEADLOCK)
				continue;
			return VIEWLOG_FAILED;
		}
		if (db_error_lost(err)) {            /* nothing was committed: reconnect and retry */
			log_msg("viewlog: connection lost (%u), reconnecting", err);
			cdb_close();
			continue;
		}
		mysql_rollback(C.m);
		if (err == ER_LOCK_DEADLOCK || err == ER_LOCK_WAIT_TIMEOUT)
			continue;
		log_msg("viewlog: INSERT of %u rows failed: %u %s", n, err, msg);
		return VIEWLOG_FAILED;
	}
	log_msg("viewlog: %u rows not written after retries", n);
	return VIEWLOG_FAILED;
}

/* ---- the committer: its loop --------------------------------------------------- */

static volatile sig_atomic_t stop_flag;

static void on_term(int sig)
{
	(void)sig;
	stop_flag = 1;
}

static struct pollfd pfd[1 + PEERS_MAX];       /* [0] the listening socket, then the workers */
static int peer_eof[1 + PEERS_MAX];
static int npfd;
static struct pending batch[BATCH_MAX];

static void accept_all(void)
{
	for (;;) {
		int fd = accept4(pfd[0].fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
		if (fd < 0) {
			if (errno == EINTR)
				continue;
			return;                     /* EAGAIN: none left */
		}
		if (!same_user(fd) || npfd == 1 + PEERS_MAX) {
			close(fd);
			continue;
		}
		pfd[npfd].fd = fd;
		pfd[npfd].events = POLLIN;
		peer_eof[npfd] = 0;
		npfd++;
	}
}

static int text_ok(const char *s, size_t size, int date)
{
	if (memchr(s, '\0', size) == NULL || *s == '\0')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || *s == '_' || (date && strchr("0123456789-: ", *s))))
			return 0;
	return 1;
}

static void send_ack(int i, uint32_t seq, int rc)
{
	struct vl_ack k = { .seq = seq, .rc = rc };
	if (!peer_eof[i] && send(pfd[i].fd, &k, sizeof k, MSG_NOSIGNAL | MSG_DONTWAIT) != (ssize_t)sizeof k)
		peer_eof[i] = 1;
}

/* Everything the workers have sent by now, up to BATCH_MAX rows. */
static unsigned collect(void)
{
	unsigned n = 0;
	for (int i = 1; i < npfd && n < BATCH_MAX; i++) {
		while (!peer_eof[i] && n < BATCH_MAX) {
			struct pending *p = &batch[n];
			ssize_t got = recv(pfd[i].fd, &p->m, sizeof p->m, MSG_DONTWAIT);
			if (got < 0 && errno == EINTR)
				continue;
			if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
				break;
			if (got != (ssize_t)sizeof p->m) {   /* closed (0), an error, or not ours */
				peer_eof[i] = 1;
				break;
			}
			if (!text_ok(p->m.at, sizeof p->m.at, 1) || !text_ok(p->m.via, sizeof p->m.via, 0) ||
			    !text_ok(p->m.page, sizeof p->m.page, 0)) {
				send_ack(i, p->m.seq, VIEWLOG_FAILED);
				continue;
			}
			p->peer = i;
			n++;
		}
	}
	return n;
}

/* One round: take what has arrived, write it in one transaction, answer.
 * Returns the number of rows taken. */
static unsigned round_once(void)
{
	accept_all();
	unsigned n = collect();
	if (n > 0) {
		int rc = write_rows(batch, n);
		/* a row the database refuses must not fail the others: one by one */
		for (unsigned i = 0; i < n; i++)
			batch[i].rc = rc == VIEWLOG_FAILED && n > 1 && C.m != NULL ? write_rows(&batch[i], 1) : rc;
		for (unsigned i = 0; i < n; i++)
			send_ack(batch[i].peer, batch[i].m.seq, batch[i].rc);
	}
	int k = 1;
	for (int i = 1; i < npfd; i++) {
		if (peer_eof[i]) {
			close(pfd[i].fd);
			continue;
		}
		pfd[k] = pfd[i];
		peer_eof[k++] = 0;
	}
	npfd = k;
	return n;
}

static void committer_main(const struct config *cfg, int close_fd) __attribute__((noreturn));
static void committer_main(const struct config *cfg, int close_fd)
{
	prctl(PR_SET_NAME, "dossier-viewlog");
	prctl(PR_SET_PDEATHSIG, SIGTERM);           /* the supervisor gone: finish like on SIGTERM */
	if (close_fd >= 0)
		close(close_fd);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_term;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGCHLD, &sa, NULL);
	sigaction(SIGALRM, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	/* SIGTERM/SIGINT are delivered only inside ppoll: never in the middle of a round */
	sigset_t block, during_poll;
	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	sigprocmask(SIG_SETMASK, &block, NULL);
	sigemptyset(&during_poll);
	srand((unsigned)getpid() ^ (unsigned)time(NULL));
	C.cfg = cfg;
	if (getppid() != supervisor)
		exit(0);

	int lfd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	struct sockaddr_un a;
	socklen_t len = sock_addr(&a);
	if (lfd < 0 || bind(lfd, (struct sockaddr *)&a, len) != 0 || listen(lfd, 128) != 0) {
		log_msg("viewlog: cannot listen on @%s: %s", sock_name, strerror(errno));
		exit(3);
	}
	pfd[0].fd = lfd;
	pfd[0].events = POLLIN;
	npfd = 1;
	cdb_connect();                               /* may fail: every round retries it */
	log_msg("viewlog: committer %d listening on @%s", (int)getpid(), sock_name);

	while (!stop_flag) {
		if (ppoll(pfd, (nfds_t)npfd, NULL, &during_poll) < 0 && errno != EINTR) {
			log_msg("viewlog: poll: %s", strerror(errno));
			break;
		}
		round_once();
	}
	/* stopping: commit and answer what has arrived; later senders find no
	 * committer and write their rows themselves */
	round_once();                               /* with the connections still waiting to be accepted */
	close(lfd);
	pfd[0].fd = -1;
	for (int i = 0; i < 100 && round_once() > 0; i++)
		;
	for (int i = 1; i < npfd; i++)
		close(pfd[i].fd);
	log_msg("viewlog: committer %d stopped: %llu rows in %llu commits", (int)getpid(), C.rows, C.commits);
	cdb_close();
	mysql_library_end();
	exit(0);                                     /* exit, not _exit: leak checkers run at exit */
}

pid_t viewlog_spawn(const struct config *cfg, int close_fd)
{
	if (sock_name[0] == '\0')
		return -1;
	pid_t pid = fork();
	if (pid == 0)
		committer_main(cfg, close_fd);
	if (pid < 0)
		log_msg("viewlog: fork failed: %s", strerror(errno));
	return pid;
}

void viewlog_stop(pid_t pid)
{
	if (pid <= 0)
		return;
	kill(pid, SIGTERM);
	for (int i = 0; i < 200; i++) {
		if (waitpid(pid, NULL, WNOHANG) != 0)
			return;
		struct timespec ts = { 0, 50 * 1000000L };
		nanosleep(&ts, NULL);
	}
	log_msg("viewlog: committer %d did not stop, killing it", (int)pid);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}
