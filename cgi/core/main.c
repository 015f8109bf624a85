/* main.c — `dossier [-c FILE] COMMAND`: serve, migrate, demo, check, cron,
 * hash-password, and the operator commands the domains declare (struct
 * command: `dossier backup`, `dossier restore FILE`, …). */
#include "config.h"
#include "cron.h"
#include "crypto.h"
#include "db.h"
#include "domain.h"
#include "log.h"
#include "migrate.h"
#include "server.h"
#include "clock.h"
#include <mysql.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void usage(void)
{
	fputs("usage: dossier [-c FILE] COMMAND\n"
	      "  serve          run the FastCGI service (foreground)\n"
	      "  migrate        apply sql/NNN_*.sql and set the application user's grants\n"
	      "  demo           load the demo data (once)\n"
	      "  check          check the configuration and the database connection\n"
	      "  cron           run the scheduled tasks once (expiry, purges): every few minutes\n"
	      "  hash-password  read a password on stdin, print its Argon2id hash\n", stderr);
	for (const struct domain *const *d = domains; *d != NULL; d++)
		for (const struct command *c = (*d)->commands; c != NULL && c->name != NULL; c++)
			fprintf(stderr, "  %-14s %s\n", c->name, c->usage);
	fputs("The file defaults to $DOSSIER_CONFIG or /etc/dossier/dossier.conf;\n"
	      "every setting can be overridden by DOSSIER_<SETTING>.\n", stderr);
}

/* The domains' command of that name, or NULL. */
static const struct command *domain_command(const char *name)
{
	for (const struct domain *const *d = domains; *d != NULL; d++)
		for (const struct command *c = (*d)->commands; c != NULL && c->name != NULL; c++)
			if (strcmp(c->name, name) == 0)
				return c;
	return NULL;
}

static int cmd_check(const struct config *cfg)
{
	struct db *d = db_new(cfg);
	int rc = d && db_connect(d) == DB_OK ? 0 : 1;
	printf("%s\n", rc == 0 ? "ok" : "database unavailable (see the log)");
	db_free(d);
	return rc;
}

static int cmd_hash_password(void)
{
	char pw[1100];
	if (fgets(pw, sizeof pw, stdin) == NULL)
		return 1;
	pw[strcspn(pw, "\r\n")] = '\0';
	char hash[PASSWORD_HASH_MAX];
	if (password_hash(pw, hash, sizeof hash) != 0)
		return 1;
	printf("%s\n", hash);
	return 0;
}

int main(int argc, char **argv)
{
	const char *path = getenv("DOSSIER_CONFIG");
	int i = 1;
	if (i + 1 < argc && strcmp(argv[i], "-c") == 0) {
		path = argv[i + 1];
		i += 2;
	}
	if (i >= argc) {
		usage();
		return 2;
	}
	const char *cmd = argv[i];
	if (strcmp(cmd, "hash-password") == 0)
		return cmd_hash_password();
	if (path == NULL)
		path = "/etc/dossier/dossier.conf";

	static struct config cfg;
	char err[600];
	if (config_load(&cfg, path, err, sizeof err) != 0) {
		fprintf(stderr, "dossier: %s\n", err);
		return 2;
	}
	setenv("TZ", cfg.timezone, 1);
	tzset();
	clock_configure((int)cfg.test_mode, cfg.test_clock_file);
	if (domains_register() != 0) {
		fprintf(stderr, "dossier: the statements of a domain are declared wrongly\n");
		return 1;
	}
	if (mysql_library_init(0, NULL, NULL) != 0) {
		fprintf(stderr, "dossier: cannot initialise the MariaDB library\n");
		return 1;
	}
	int rc;
	const struct command *dc = domain_command(cmd);
	if (dc != NULL) {
		rc = dc->run(&cfg, argc - i, argv + i);
	} else if (strcmp(cmd, "serve") == 0) {
		if (log_open(cfg.log_file) != 0) {
			fprintf(stderr, "dossier: cannot open log %s\n", cfg.log_file);
			return 1;
		}
		NEOERR *nerr = nerr_init();
		if (nerr != STATUS_OK) {
			nerr_ignore(&nerr);
			return 1;
		}
		rc = server_run(&cfg);
	} else if (strcmp(cmd, "migrate") == 0) {
		rc = migrate_run(&cfg, 0);
	} else if (strcmp(cmd, "demo") == 0) {
		rc = migrate_run(&cfg, 1);
	} else if (strcmp(cmd, "check") == 0) {
		rc = cmd_check(&cfg);
	} else if (strcmp(cmd, "cron") == 0) {
		if (log_open(cfg.log_file) != 0) {
			fprintf(stderr, "dossier: cannot open log %s\n", cfg.log_file);
			return 1;
		}
		rc = cron_run(&cfg);
	} else {
		usage();
		rc = 2;
	}
	mysql_library_end();
	return rc;
}
