/* config.h — the one configuration file, with environment overrides. */
#ifndef DOSSIER_CONFIG_H
#define DOSSIER_CONFIG_H
#include <stddef.h>

#define CONFIG_STR 256

struct config {
	/* service */
	char listen[CONFIG_STR];
	char pid_file[CONFIG_STR];
	char log_file[CONFIG_STR];
	long workers;
	long request_timeout;           /* seconds a request may run before its worker is replaced */
	/* database */
	char db_socket[CONFIG_STR];
	char db_host[CONFIG_STR];
	long db_port;
	char db_name[64];
	char db_user[64];
	char db_password[CONFIG_STR];
	char db_admin_user[64];
	char db_admin_password[CONFIG_STR];
	char db_failover[CONFIG_STR];     /* other servers to try: "/socket, host:port, …" */
	long db_sync_wait;                /* wsrep_sync_wait of the app's sessions (Galera) */
	/* files */
	char templates_dir[CONFIG_STR];
	long templates_reload;          /* 1: re-parse a template when a file changed; 0: never (production) */
	long page_cache;                /* rendered pages a worker keeps (pagecache.c); 0: none */
	char sql_dir[CONFIG_STR];
	char static_dir[CONFIG_STR];
	char files_dir[CONFIG_STR];
	/* backups (`dossier backup`, DESIGN.md §11) */
	char backup_dir[CONFIG_STR];
	long backup_keep_weekly;        /* weekly backups kept: the newest of each of this many weeks */
	long backup_keep_monthly;       /* monthly backups kept: the newest of each of this many months */
	long backup_warn_days;          /* the admin's home page warns when the last good backup is older */
	/* locale */
	char lang_default[16];
	char timezone[64];
	/* mail */
	char smtp_url[CONFIG_STR];       /* smtp://host:port (smtps:// for TLS from the start) */
	char mail_from[CONFIG_STR];      /* the From address of every mail */
	char smtp_user[CONFIG_STR];      /* empty: no authentication */
	char smtp_password[CONFIG_STR];
	long smtp_starttls;              /* 1: STARTTLS required (never sent in clear) */
	char smtp_ca_file[CONFIG_STR];   /* CA certificates for the server's (empty: the system's) */
	long smtp_connect_timeout;       /* seconds */
	long smtp_timeout;               /* seconds for one message, all in all */
	long mail_max_attempts;          /* a message failing this often is marked failed */
	long mail_backoff_max;           /* minutes: the longest wait between attempts */
	long mail_claim_seconds;         /* a sender's claim on a message lasts this long */
	long mail_batch;                 /* messages a sender claims (and marks sent) at once */
	long mail_keep_days;             /* sent and dropped messages are deleted after this many days */
	long digest_hour;                /* the daily digest is written at or after this hour (company time) */
	char base_url[CONFIG_STR];       /* the app's address, for links in mails */
	char mail_sink_dir[CONFIG_STR];  /* a local SMTP sink's Maildir shown at /admin/mail/sink (empty: none) */
	char robot_wecom_url[CONFIG_STR];    /* the WeCom group robot's send URL (key appended) */
	char robot_dingtalk_url[CONFIG_STR]; /* the DingTalk robot's send URL (access_token appended) */
	/* request limits */
	long max_body;                  /* urlencoded bodies, bytes */
	long max_upload;                /* multipart bodies, bytes */
	long max_fields;
	long max_field_len;
	long max_header;                /* cookie header and query string, bytes */
	/* sign-in and sessions */
	long session_idle;              /* seconds */
	long session_absolute;          /* seconds */
	long login_fail_account;        /* failures per account in the window */
	long login_fail_addr_account;   /* failures per (client address, account name) in the window */
	long login_slow_addr;           /* failures per client address in the window before sign-ins slow down */
	long login_slow_delay_ms;       /* the added delay of each sign-in from such an address */
	long login_window;              /* seconds */
	long login_lockout;             /* seconds */
	long password_min;              /* characters */
	long cookie_secure;             /* 1: always set Secure (behind HTTPS) */
	/* approvals (DESIGN.md §7) */
	long grant_hours;               /* a granted view of a card lasts this long */
	long request_expiry_days;       /* a pending request expires after this many days */
	long delete_hold_days;          /* a deleted client can be restored for this many days */
	/* prospect protection (DESIGN.md §4) */
	long prospect_limit;            /* protected prospects per person */
	long prospect_protect_days;     /* protection of a registered or taken-over prospect */
	long prospect_progress_days;    /* progress must be recorded at least this often */
	long prospect_warn_days;        /* owners are warned this long before a prospect drops */
	long complaint_days;            /* a complaint is answered within this many days */
	long complaint_urgent_days;     /* an urgent one within this many working days (seed 003) */
	long visit_escalate_days;       /* a follow-up overdue this long is escalated to the managers */
	long filing_days;               /* working days to register a client or report a change (seed 004) */
	/* the archive (DESIGN.md §6) */
	char archive_number_pattern[CONFIG_STR];   /* the archive number: {client} {year} {type} {seq} {seq4} {fonds} {retention} {org} */
	char archive_fonds_code[CONFIG_STR];       /* 全宗号, for the DA/T 22-2015 pattern */
	long archive_max_file;          /* bytes of an electronic copy (max_upload must leave room for the form around it) */
	char cs_dept_code[CONFIG_STR];             /* the customer service department: its manager appraises destructions */
	long archive_escalate_days;     /* a loan overdue this long goes to the borrower's managers (a secret one at once) */
	long unserved_months;           /* a client not served this long may be reassigned (seed 004) */
	/* measuring */
	long report_statements;         /* 1: answer with X-Statements, the SQL statements the page ran (scripts/bench) */
	/* testing */
	long test_mode;                 /* 1: test hooks (clock file, /_test routes) */
	char test_clock_file[CONFIG_STR];
};

/* Fills *c with the defaults, then the file at path (may be NULL), then the
 * DOSSIER_<KEY> environment variables. Returns 0, or -1 with a message in err. */
int config_load(struct config *c, const char *path, char *err, size_t errlen);
void config_defaults(struct config *c);

#endif
