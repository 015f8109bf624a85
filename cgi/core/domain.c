/* domain.c — what the core does with the list of domains at start-up. */
#include "domain.h"
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "core_sql.h"
#include "log.h"

/* Every domain's session fields, in the order of the domains: the plain
 * ones are Q_SESSION_GET's extra columns, the joined ones Q_USER_STATE's. */
#define SESSION_FIELDS_MAX 32
static const struct session_field *session_fields[SESSION_FIELDS_MAX];
static size_t nsession_fields;
static size_t njoined_fields;    /* of them, those read by Q_USER_STATE */
static int session_built;

/* Q_SESSION_GET with every plain session field after its own columns, and
 * Q_USER_STATE with every joined one and its join; each `?` of a join is
 * the start of the request's day (the state is kept for the day at most). */
static int session_sql_build(void)
{
	struct buf get, state;
	buf_init(&get);
	buf_init(&state);
	buf_puts(&get, SESSION_SELECT);
	buf_puts(&state, USER_STATE_SELECT);
	int ok = 1;
	for (const struct domain *const *d = domains; ok && *d != NULL; d++)
		for (const struct session_field *c = (*d)->session_fields; ok && c != NULL && c->expr != NULL; c++) {
			if (nsession_fields == SESSION_FIELDS_MAX || strchr(c->expr, '?') != NULL) {
				log_msg("domain %s: too many session fields, or a parameter in one's expr", (*d)->name);
				ok = 0;
				break;
			}
			session_fields[nsession_fields++] = c;
			njoined_fields += c->join != NULL;
			buf_printf(c->join != NULL ? &state : &get, ", %s", c->expr);
		}
	buf_puts(&get, SESSION_FROM SESSION_WHERE);
	buf_puts(&state, USER_STATE_FROM);
	struct buf types;
	buf_init(&types);
	for (size_t i = 0; ok && i < nsession_fields; i++)
		if (session_fields[i]->join != NULL) {
			buf_printf(&state, " %s", session_fields[i]->join);
			for (const char *p = strchr(session_fields[i]->join, '?'); p != NULL; p = strchr(p + 1, '?'))
				buf_puts(&types, "s");
		}
	buf_puts(&state, USER_STATE_WHERE);
	buf_puts(&types, "i");
	if (ok) {
		Q_SESSION_GET->text = strdup(buf_cstr(&get));     /* kept for the process's life */
		Q_USER_STATE->text = strdup(buf_cstr(&state));
		Q_USER_STATE->types = strdup(buf_cstr(&types));
	}
	buf_free(&get);
	buf_free(&state);
	buf_free(&types);
	return ok && Q_SESSION_GET->text != NULL && Q_USER_STATE->text != NULL && Q_USER_STATE->types != NULL ? 0 : -1;
}

size_t session_joined_fields(void)
{
	return njoined_fields;
}

char *const *session_fields_of(arena *a, char *const *plain, char *const *joined)
{
	char **out = arena_alloc(a, (nsession_fields + 1) * sizeof *out);
	size_t p = 0, j = 0;
	for (size_t i = 0; i < nsession_fields; i++)
		out[i] = session_fields[i]->join != NULL ? joined[j++] : plain[p++];
	return out;
}

const char *session_value(const struct req *r, const struct session_field *c)
{
	if (r->session_fields == NULL)
		return NULL;
	for (size_t i = 0; i < nsession_fields; i++)
		if (session_fields[i] == c)
			return r->session_fields[i] != NULL ? r->session_fields[i] : "";
	return NULL;
}

/* The statement of each page's panels (struct panel_rows): part k of every
 * panel, in the order of the domains, as
 *   (SELECT k, NULL…, <its columns> FROM … ORDER BY o LIMIT n)
 * joined by UNION ALL; the NULLs pad each part to the widest, before its
 * columns, so a part's row starts at its first column when the padding is
 * skipped. MariaDB returns a UNION ALL part after part, each in its own
 * order, so the whole needs no ORDER BY: sorting the union's result (on
 * disk, as the parts have TEXT columns), or numbering each part's rows with
 * ROW_NUMBER(), cost more than the parts themselves. panels_fill still takes
 * the parts' rows by their number, and test_http_clients checks the order. */
#define PANEL_PAGES 8
#define PANEL_PARTS 16
struct panel_page {
	const char *page;
	struct sql *q;
	struct sql *list[2];         /* { q, NULL }: what db_register takes */
	int width;                   /* columns of the widest part */
	int nparts;
	const struct panel *owner[PANEL_PARTS];   /* the panel of part k */
	int ncols[PANEL_PARTS];
};
static struct panel_page panel_pages[PANEL_PAGES];
static int npanel_pages;

static struct panel_page *panel_page(const char *page)
{
	for (int i = 0; i < npanel_pages; i++)
		if (strcmp(panel_pages[i].page, page) == 0)
			return &panel_pages[i];
	return NULL;
}

static int panel_sql_build(void)
{
	for (const struct domain *const *d = domains; *d != NULL; d++)
		for (const struct panel *p = (*d)->panels; p != NULL && p->page != NULL; p++)
			for (int k = 0; k < 2 && p->parts[k].select != NULL; k++) {
				const struct panel_rows *part = &p->parts[k];
				struct panel_page *pg = panel_page(p->page);
				if (pg == NULL && npanel_pages < PANEL_PAGES) {
					pg = &panel_pages[npanel_pages++];
					pg->page = p->page;
				}
				if (pg == NULL || pg->nparts == PANEL_PARTS || strncmp(part->select, "SELECT ", 7) != 0 ||
				    part->ncols <= 0 || part->order == NULL || part->limit <= 0 ||
				    (k > 0 && part->ncols != p->parts[0].ncols)) {
					log_msg("domain %s: a panel of %s declares its rows wrongly", (*d)->name, p->page);
					return -1;
				}
				pg->owner[pg->nparts] = p;
				pg->ncols[pg->nparts++] = part->ncols;
				if (part->ncols > pg->width)
					pg->width = part->ncols;
			}
	for (int i = 0; i < npanel_pages; i++) {
		struct panel_page *pg = &panel_pages[i];
		struct buf text, types;
		buf_init(&text);
		buf_init(&types);
		int k = 0;
		for (const struct domain *const *d = domains; *d != NULL; d++)
			for (const struct panel *p = (*d)->panels; p != NULL && p->page != NULL; p++)
				for (int j = 0; j < 2 && p->parts[j].select != NULL; j++) {
					if (strcmp(p->page, pg->page) != 0)
						continue;
					const struct panel_rows *part = &p->parts[j];
					buf_printf(&text, "%s(SELECT %d, ", k ? " UNION ALL " : "", k);
					for (int n = part->ncols; n < pg->width; n++)
						buf_puts(&text, "NULL, ");
					buf_printf(&text, "%s ORDER BY %s LIMIT %d)", part->select + 7, part->order, part->limit);
					for (const char *q = strchr(part->select, '?'); q != NULL; q = strchr(q + 1, '?'))
						buf_puts(&types, "i");
					k++;
				}
		struct sql *q = calloc(1, sizeof *q);
		if (q == NULL) {
			buf_free(&text);
			buf_free(&types);
			return -1;
		}
		q->text = strdup(buf_cstr(&text));            /* kept for the process's life */
		q->types = strdup(buf_cstr(&types));
		buf_reset(&text);
		buf_printf(&text, "Q_PANELS(%s)", pg->page);
		q->name = strdup(buf_cstr(&text));            /* for the log */
		q->slot = -1;
		buf_free(&text);
		buf_free(&types);
		pg->q = pg->list[0] = q;
		if (q->name == NULL || q->text == NULL || q->types == NULL || db_register(pg->list) != 0)
			return -1;
	}
	return 0;
}

int domains_register(void)
{
	if (!session_built && (session_sql_build() != 0 || panel_sql_build() != 0))
		return -1;
	session_built = 1;
	for (const struct domain *const *d = domains; *d != NULL; d++)
		if ((*d)->sql != NULL && db_register((*d)->sql) != 0) {
			log_msg("domain %s: its statements cannot be registered", (*d)->name);
			return -1;
		}
	return 0;
}

int panels_fill(struct req *r, const char *page, long long id, unsigned flags)
{
	struct panel_page *pg = panel_page(page);
	struct dbres all;
	memset(&all, 0, sizeof all);
	if (pg != NULL) {
		struct dbparams *pp = arena_alloc(r->a, sizeof *pp);
		pp->n = 0;
		pp->overflow = 0;
		for (const char *t = pg->q->types; *t; t++)
			dbp_int(pp, id);
		if (db_execv(r->db, r->a, pg->q, &all, pp) != DB_OK)
			return db_fail(r);
	}
	int n = 0;
	for (const struct domain *const *d = domains; *d != NULL; d++)
		for (const struct panel *p = (*d)->panels; p != NULL && p->page != NULL; p++) {
			if (strcmp(p->page, page) != 0)
				continue;
			/* its rows: those of its parts, each past the part number and the padding */
			struct dbres rows;
			memset(&rows, 0, sizeof rows);
			rows.rows = arena_alloc(r->a, (all.nrows + 1) * sizeof *rows.rows);
			for (size_t i = 0; i < all.nrows; i++) {
				int k = (int)dbres_int(&all, i, 0);
				if (k < 0 || k >= pg->nparts || pg->owner[k] != p)
					continue;
				rows.ncols = (size_t)pg->ncols[k];
				rows.rows[rows.nrows++] = all.rows[i] + 1 + (pg->width - pg->ncols[k]);
			}
			int st = p->fill(r, id, flags, arena_printf(r->a, "Panels.%d", n++), &rows);
			if (st != 0)
				return st;
		}
	return 0;
}

const char *dashboard_count_text(struct req *r, long long n, long long cap)
{
	return arena_printf(r->a, n > cap ? "%lld+" : "%lld", n > cap ? cap : n);
}

void dashboard_head(struct req *r, const char *prefix, const char *id, const char *title_key, const char *empty_key)
{
	view_set(r, arena_printf(r->a, "%s.id", prefix), id);
	view_set(r, arena_printf(r->a, "%s.title", prefix), lang_text(r, title_key));
	view_set(r, arena_printf(r->a, "%s.empty", prefix), lang_text(r, empty_key));
}

const char *dashboard_row(struct req *r, const char *prefix, size_t n, const char *id, const char *label,
			  const char *value, const char *href, const char *detail, int warn)
{
	const char *f = arena_printf(r->a, "%s.rows.%zu", prefix, n);
	view_set(r, arena_printf(r->a, "%s.id", f), id);
	view_set(r, arena_printf(r->a, "%s.label", f), label);
	view_set(r, arena_printf(r->a, "%s.value", f), value);
	view_set(r, arena_printf(r->a, "%s.href", f), href);
	if (detail != NULL)
		view_set(r, arena_printf(r->a, "%s.detail", f), detail);
	if (warn)
		view_set(r, arena_printf(r->a, "%s.warn", f), "1");
	return f;
}

int dashboard_fill(struct req *r)
{
	if (r->user == NULL || !req_has_role(r, ROLE_DEPT_MANAGER | ROLE_DIRECTOR | ROLE_DEPUTY_GM | ROLE_GM))
		return DB_OK;
	struct dashboard_scope s = { 0 };
	s.company = req_has_role(r, ROLE_DIRECTOR | ROLE_DEPUTY_GM | ROLE_GM);
	s.root = s.company ? 0 : r->user->dept_id;
	long long from = s.company ? DEPT_ALL : s.root;
	size_t n0 = dept_subtree(r, from, NULL, 0);
	long long *ids = arena_alloc(r->a, (n0 + 1) * sizeof *ids);
	s.n = dept_subtree(r, from, ids, n0);
	s.depts = ids;
	view_set(r, "Dashboard.on", "1");
	int n = 0;
	for (const struct domain *const *d = domains; *d != NULL; d++)
		if ((*d)->dashboard != NULL) {
			int rc = (*d)->dashboard(r, &s, arena_printf(r->a, "Dashboard.groups.%d", n++));
			if (rc != DB_OK)
				return rc;
		}
	return DB_OK;
}
