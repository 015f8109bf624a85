/* server.c — pre-forked workers, each single-threaded with its own database
 * connection, accepting on one shared FastCGI socket, and the domains'
 * services (domain.h). The supervisor only watches: it restarts a dead worker
 * or service and stops them all on SIGTERM (the services last). */
#include "server.h"
#include "clock.h"
#include "log.h"
#include "router.h"
#include "domain.h"
#include <errno.h>
#include <fcntl.h>
#include <mysql.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t stopping;
static volatile sig_atomic_t child_exited;
static pid_t supervisor;                         /* the pid of server_run's process */

/* In a worker, once its SIGHUP handler is set: SIGHUP when the supervisor
 * dies (killed, crashed), or an exit at once if it already has. The worker
 * then finishes its request and exits, instead of serving on an old socket
 * with an old binary with nobody to restart it (the view-log committer does
 * the same on SIGTERM, viewlog.c). */
static void orphan_ends(pid_t parent)
{
	prctl(PR_SET_PDEATHSIG, SIGHUP);
	if (getppid() != parent)
		_exit(0);                        /* it died between the fork and the line above */
}

static void on_stop(int sig)
{
	(void)sig;
	stopping = 1;
	FCGX_ShutdownPending();
}

static void on_child(int sig)
{
	(void)sig;
	child_exited = 1;
}

static void set_handler(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static void worker_main(const struct config *cfg, int fd)
{
	set_handler(SIGTERM, on_stop, SA_RESTART);
	set_handler(SIGINT, on_stop, SA_RESTART);
	/* the supervisor gone: no SA_RESTART, so that an accept() waiting for a request returns (the
	 * supervisor's own stop wakes it by shutting the socket down instead) */
	set_handler(SIGHUP, on_stop, 0);
	set_handler(SIGCHLD, SIG_DFL, 0);
	set_handler(SIGPIPE, SIG_IGN, 0);
	set_handler(SIGALRM, SIG_DFL, 0);       /* the request watchdog kills the worker */
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	orphan_ends(supervisor);
	srand((unsigned)getpid() ^ (unsigned)time(NULL));

	struct worker w;
	memset(&w, 0, sizeof w);
	w.cfg = cfg;
	w.db = db_new(cfg);
	if (w.db == NULL || lang_load(&w) != 0)
		_exit(3);
	db_connect(w.db);                        /* may fail: requests retry it */

	FCGX_Request fr;
	if (FCGX_InitRequest(&fr, fd, FCGI_FAIL_ACCEPT_ON_INTR) != 0)
		_exit(3);
	while (!stopping) {
		if (FCGX_Accept_r(&fr) < 0)
			break;
		alarm((unsigned)cfg->request_timeout);
		app_handle(&w, &fr);
		FCGX_Finish_r(&fr);
		alarm(0);
	}
	FCGX_Free(&fr, 1);
	pages_free(&w);
	lang_free(&w);
	db_free(w.db);
	mysql_library_end();
	exit(0);                                 /* exit, not _exit: leak checkers run at exit */
}

struct slot {
	pid_t pid;
	time_t started;
};

static pid_t spawn(const struct config *cfg, int fd, struct slot *s)
{
	pid_t pid = fork();
	if (pid == 0)
		worker_main(cfg, fd);
	if (pid > 0) {
		s->pid = pid;
		s->started = time(NULL);
	} else {
		log_msg("server: fork failed: %s", strerror(errno));
	}
	return pid;
}

static void write_pid(const char *path)
{
	if (*path == '\0')
		return;
	FILE *f = fopen(path, "w");
	if (f == NULL) {
		log_msg("server: cannot write %s: %s", path, strerror(errno));
		return;
	}
	fprintf(f, "%d\n", (int)getpid());
	fclose(f);
}

/* A domain's service process and when it was started. */
struct service_slot {
	const struct service *svc;
	pid_t pid;
	time_t started;
};

int server_run(const struct config *cfg)
{
	supervisor = getpid();
	if (router_check() != 0)
		return 1;
	long n = cfg->workers > 0 ? cfg->workers : 2 * sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		n = 2;
	if (FCGX_Init() != 0) {
		log_msg("server: FCGX_Init failed");
		return 1;
	}
	int fd = FCGX_OpenSocket(cfg->listen, 256);
	if (fd < 0) {
		log_msg("server: cannot listen on %s", cfg->listen);
		return 1;
	}
	chmod(cfg->listen, 0666);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	write_pid(cfg->pid_file);

	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, &old);
	set_handler(SIGTERM, on_stop, 0);
	set_handler(SIGINT, on_stop, 0);
	set_handler(SIGCHLD, on_child, 0);
	set_handler(SIGPIPE, SIG_IGN, 0);

	struct slot *slots = calloc((size_t)n, sizeof *slots);
	if (slots == NULL)
		return 1;
	/* the domains' services first (the workers may need them from their first request) */
	struct service_slot services[8];
	size_t nservices = 0;
	for (const struct domain *const *d = domains; *d != NULL && nservices < 8; d++)
		if ((*d)->service != NULL) {
			const struct service *s = (*d)->service;
			if (s->init != NULL)
				s->init(cfg);
			services[nservices].svc = s;
			services[nservices].pid = s->spawn(cfg, fd);
			services[nservices++].started = time(NULL);
		}
	for (long i = 0; i < n; i++)
		spawn(cfg, fd, &slots[i]);
	log_msg("server: listening on %s with %ld workers", cfg->listen, n);

	sigset_t wait_set = old;
	sigdelset(&wait_set, SIGTERM);
	sigdelset(&wait_set, SIGINT);
	sigdelset(&wait_set, SIGCHLD);
	while (!stopping) {
		if (!child_exited)
			sigsuspend(&wait_set);
		child_exited = 0;
		int st;
		pid_t pid;
		while ((pid = waitpid(-1, &st, WNOHANG)) > 0) {
			for (size_t k = 0; k < nservices; k++) {
				if (services[k].pid != pid)
					continue;
				log_msg("server: %s %d ended (%s %d)", services[k].svc->name, (int)pid,
					WIFSIGNALED(st) ? "signal" : "status", WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
				services[k].pid = 0;
				if (stopping)
					break;
				if (time(NULL) - services[k].started < 1)
					sleep(1);            /* crash loop: do not spin */
				services[k].pid = services[k].svc->spawn(cfg, fd);
				services[k].started = time(NULL);
			}
			for (long i = 0; i < n; i++) {
				if (slots[i].pid != pid)
					continue;
				if (WIFSIGNALED(st))
					log_msg("server: worker %d killed by signal %d%s", (int)pid, WTERMSIG(st),
						WTERMSIG(st) == SIGALRM ? " (request timeout)" : "");
				else
					log_msg("server: worker %d exited with %d", (int)pid, WEXITSTATUS(st));
				slots[i].pid = 0;
				if (stopping)
					break;
				if (time(NULL) - slots[i].started < 1)
					sleep(1);            /* crash loop: do not spin */
				spawn(cfg, fd, &slots[i]);
			}
		}
	}

	log_msg("server: stopping");
	for (long i = 0; i < n; i++)
		if (slots[i].pid > 0)
			kill(slots[i].pid, SIGTERM);
	/* wakes the workers blocked in accept(); in-flight requests finish */
	shutdown(fd, SHUT_RDWR);
	time_t deadline = time(NULL) + cfg->request_timeout + 5;
	for (;;) {
		int alive = 0;
		for (long i = 0; i < n; i++) {
			if (slots[i].pid <= 0)
				continue;
			if (waitpid(slots[i].pid, NULL, WNOHANG) == slots[i].pid)
				slots[i].pid = 0;
			else
				alive++;
		}
		if (alive == 0)
			break;
		if (time(NULL) > deadline) {
			for (long i = 0; i < n; i++)
				if (slots[i].pid > 0)
					kill(slots[i].pid, SIGKILL);
			deadline = time(NULL) + 5;
		}
		struct timespec ts = { 0, 50 * 1000000L };
		nanosleep(&ts, NULL);
	}
	/* the workers are gone: the services have answered them all */
	for (size_t k = 0; k < nservices; k++)
		if (services[k].pid > 0)
			services[k].svc->stop(services[k].pid);
	close(fd);
	unlink(cfg->listen);
	if (cfg->pid_file[0])
		unlink(cfg->pid_file);
	free(slots);
	log_msg("server: stopped");
	return 0;
}
