/* config.c — `key = value` lines, `#` comments; unknown keys are an error so
 * that a typo never silently falls back to a default. */
#include "config.h"
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum ktype { K_STR, K_LONG };

struct key {
	const char *name;
	enum ktype type;
	size_t off, size;
	long min, max;
};

#define S(f) { #f, K_STR, offsetof(struct config, f), sizeof(((struct config *)0)->f), 0, 0 }
#define L(f, lo, hi) { #f, K_LONG, offsetof(struct config, f), 0, lo, hi }

static const struct key keys[] = {
	S(listen), S(pid_file), S(log_file), L(workers, 0, 256), L(request_timeout, 1, 3600),
	S(db_socket), S(db_host), L(db_port, 1, 65535), S(db_name), S(db_user), S(db_password),
	S(db_admin_user), S(db_admin_password), S(db_failover), L(db_sync_wait, 0, 15),
	S(templates_dir), L(templates_reload, 0, 1), L(page_cache, 0, 100000), S(sql_dir), S(static_dir), S(files_dir),
	S(backup_dir), L(backup_keep_weekly, 1, 520), L(backup_keep_monthly, 0, 1200), L(backup_warn_days, 1, 3650),
	S(lang_default), S(timezone), S(smtp_url), S(mail_from),
	S(smtp_user), S(smtp_password), L(smtp_starttls, 0, 1), S(smtp_ca_file), L(smtp_connect_timeout, 1, 600),
	L(smtp_timeout, 1, 3600), L(mail_max_attempts, 1, 100), L(mail_backoff_max, 1, 10080),
	L(mail_claim_seconds, 10, 86400), L(mail_batch, 1, 1000), L(mail_keep_days, 1, 3650), L(digest_hour, 0, 23), S(base_url), S(mail_sink_dir),
	S(robot_wecom_url), S(robot_dingtalk_url),
	L(max_body, 1024, 1L << 30), L(max_upload, 1024, 1L << 32), L(max_fields, 1, 100000),
	L(max_field_len, 16, 1L << 24), L(max_header, 256, 1L << 20),
	L(session_idle, 60, 86400 * 30), L(session_absolute, 60, 86400 * 365),
	L(login_fail_account, 1, 1000), L(login_fail_addr_account, 1, 1000), L(login_slow_addr, 1, 100000),
	L(login_slow_delay_ms, 0, 10000),
	L(login_window, 1, 86400), L(login_lockout, 1, 86400 * 7), L(password_min, 8, 128),
	L(cookie_secure, 0, 1), L(grant_hours, 1, 24 * 365), L(request_expiry_days, 1, 3650),
	L(delete_hold_days, 1, 3650), L(prospect_limit, 1, 100000), L(prospect_protect_days, 1, 3650),
	L(prospect_progress_days, 1, 3650), L(prospect_warn_days, 0, 365), L(unserved_months, 1, 120), L(filing_days, 1, 60), L(visit_escalate_days, 0, 365), L(archive_max_file, 1024, 1L << 31), L(archive_escalate_days, 0, 365), L(complaint_days, 1, 365), L(complaint_urgent_days, 1, 60), S(archive_number_pattern), S(archive_fonds_code), S(cs_dept_code), L(report_statements, 0, 1), L(test_mode, 0, 1), S(test_clock_file),
};

void config_defaults(struct config *c)
{
	memset(c, 0, sizeof *c);
	strcpy(c->listen, "/run/dossier/dossier.sock");
	c->workers = 0;
	c->request_timeout = 30;
	strcpy(c->db_host, "localhost");
	c->db_port = 3306;
	c->db_sync_wait = 1;
	strcpy(c->db_name, "dossier");
	strcpy(c->db_user, "dossier");
	strcpy(c->db_admin_user, "root");
	strcpy(c->templates_dir, "/usr/local/share/dossier/templates");
	c->templates_reload = 1;
	c->page_cache = 128;
	strcpy(c->sql_dir, "/usr/local/share/dossier/sql");
	strcpy(c->static_dir, "/usr/local/share/dossier/static");
	strcpy(c->files_dir, "/var/lib/dossier/files");
	strcpy(c->backup_dir, "/var/backups/dossier");
	c->backup_keep_weekly = 8;
	c->backup_keep_monthly = 12;
	c->backup_warn_days = 8;
	strcpy(c->lang_default, "zh_CN");
	strcpy(c->timezone, "Asia/Shanghai");
	strcpy(c->smtp_url, "smtp://127.0.0.1:25");
	strcpy(c->mail_from, "dossier@localhost");
	c->smtp_connect_timeout = 10;
	c->smtp_timeout = 60;
	c->mail_max_attempts = 8;
	c->mail_backoff_max = 60;
	c->mail_claim_seconds = 300;
	c->mail_batch = 20;
	c->mail_keep_days = 90;
	c->digest_hour = 8;
	strcpy(c->base_url, "http://localhost:8080");
	strcpy(c->robot_wecom_url, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send");
	strcpy(c->robot_dingtalk_url, "https://oapi.dingtalk.com/robot/send");
	c->max_body = 1L << 20;
	c->max_upload = 21L << 20;   /* a 20 MB copy and the form around it */
	c->max_fields = 500;
	c->max_field_len = 65536;
	c->max_header = 8192;
	c->session_idle = 30 * 60;
	c->session_absolute = 12 * 3600;
	c->login_fail_account = 5;
	c->login_fail_addr_account = 5;
	c->login_slow_addr = 100;
	c->login_slow_delay_ms = 1500;
	c->login_window = 15 * 60;
	c->login_lockout = 15 * 60;
	c->password_min = 10;
	c->grant_hours = 24;
	c->request_expiry_days = 14;
	c->delete_hold_days = 30;
	c->prospect_limit = 50;
	c->prospect_protect_days = 120;
	c->prospect_progress_days = 30;
	c->prospect_warn_days = 7;
	c->unserved_months = 3;
	c->filing_days = 5;
	c->visit_escalate_days = 7;
	c->archive_escalate_days = 3;
	c->complaint_days = 15;
	c->complaint_urgent_days = 3;
	strcpy(c->archive_number_pattern, "{client}-{year}-{type}-{seq}");
	strcpy(c->archive_fonds_code, "Q001");
	c->archive_max_file = 20L << 20;
	strcpy(c->cs_dept_code, "CS");
}

static int set_key(struct config *c, const char *name, const char *value, char *err, size_t errlen)
{
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		const struct key *k = &keys[i];
		if (strcmp(k->name, name) != 0)
			continue;
		char *dst = (char *)c + k->off;
		if (k->type == K_STR) {
			if (strlen(value) >= k->size) {
				snprintf(err, errlen, "%s: value longer than %zu bytes", name, k->size - 1);
				return -1;
			}
			strcpy(dst, value);
			return 0;
		}
		char *end;
		errno = 0;
		long v = strtol(value, &end, 10);
		if (errno != 0 || end == value || *end != '\0' || v < k->min || v > k->max) {
			snprintf(err, errlen, "%s: expected a whole number from %ld to %ld, got \"%s\"",
				 name, k->min, k->max, value);
			return -1;
		}
		memcpy(dst, &v, sizeof v);
		return 0;
	}
	snprintf(err, errlen, "unknown setting \"%s\"", name);
	return -1;
}

static char *trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

int config_load(struct config *c, const char *path, char *err, size_t errlen)
{
	config_defaults(c);
	if (path != NULL) {
		FILE *f = fopen(path, "r");
		if (f == NULL) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			return -1;
		}
		char line[1024];
		int lineno = 0;
		while (fgets(line, sizeof line, f) != NULL) {
			lineno++;
			/* a comment starts at '#' at the line start or after white space,
			 * so values (passwords) may contain '#' */
			for (char *h = line; *h; h++)
				if (*h == '#' && (h == line || *(h - 1) == ' ' || *(h - 1) == '\t')) {
					*h = '\0';
					break;
				}
			char *s = trim(line);
			if (*s == '\0')
				continue;
			char *eq = strchr(s, '=');
			if (eq == NULL) {
				snprintf(err, errlen, "%s:%d: expected key = value", path, lineno);
				fclose(f);
				return -1;
			}
			*eq = '\0';
			char msg[300];
			if (set_key(c, trim(s), trim(eq + 1), msg, sizeof msg) != 0) {
				snprintf(err, errlen, "%s:%d: %s", path, lineno, msg);
				fclose(f);
				return -1;
			}
		}
		fclose(f);
	}
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		char env[80] = "DOSSIER_";
		size_t n = strlen(env);
		for (const char *p = keys[i].name; *p && n < sizeof env - 1; p++)
			env[n++] = (char)toupper((unsigned char)*p);
		env[n] = '\0';
		const char *v = getenv(env);
		if (v != NULL && set_key(c, keys[i].name, v, err, errlen) != 0)
			return -1;
	}
	if (strcmp(c->lang_default, "zh_CN") != 0 && strcmp(c->lang_default, "en") != 0) {
		snprintf(err, errlen, "lang_default: zh_CN or en");
		return -1;
	}
	if (c->mail_claim_seconds <= c->smtp_timeout) {
		/* a claim must outlast the transfer it covers, or another sender could take it */
		snprintf(err, errlen, "mail_claim_seconds: must be more than smtp_timeout");
		return -1;
	}
	if (c->login_slow_delay_ms * 2 >= c->request_timeout * 1000) {
		/* a worker sleeping past the watchdog would be killed mid-request */
		snprintf(err, errlen, "login_slow_delay_ms: must be less than half of request_timeout");
		return -1;
	}
	return 0;
}
