/* files.c — electronic copies of archive items (DESIGN.md §6, issue 11
 * point 3): PDF, JPEG, PNG, DOCX and XLSX uploaded on an item's page by the
 * filer before it is placed and by the archivist after, their type told by
 * content (libmagic, never the name; an Office file's ZIP central directory
 * read for its members and declared sizes), stored once per content under
 * files_dir/ab/cd/<sha256>, and handed out by nginx (X-Accel-Redirect to
 * the internal /protected/ location) after the item's secrecy rule; every
 * download, reading-room view and refusal is a row of archive_file_log. */
#include "archive.h"
#include "sql.h"
#include "core/crypto.h"
#include "core/domain.h"
#include "core/log.h"
#include <errno.h>
#include <fcntl.h>
#include <magic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MIME_DOCX "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#define MIME_XLSX "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
/* A ZIP whose members declare more than this in all, or more than
 * ZIP_MAX_RATIO times its own size, is refused as a bomb. */
#define ZIP_MAX_TOTAL (200LL << 20)
#define ZIP_MAX_RATIO 100
#define ZIP_MAX_ENTRIES 10000
#define NAME_MAX_CHARS 100

static uint32_t le32(const unsigned char *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }
static uint16_t le16(const unsigned char *p) { return (uint16_t)(p[0] | p[1] << 8); }

/* Reads the ZIP central directory of b[0..n): the Office type its members
 * make (MIME_DOCX, MIME_XLSX) or NULL when it is none, malformed, ZIP64, or
 * declares too much (*bomb = 1). Never inflates anything. Pure. */
const char *archive_zip_office(const unsigned char *b, size_t n, int *bomb)
{
	*bomb = 0;
	if (n < 22)
		return NULL;
	size_t lo = n > 22 + 65535 ? n - 22 - 65535 : 0, e = n - 22 + 1;
	while (e-- > lo)
		if (le32(b + e) == 0x06054b50)
			break;
	if (e == (size_t)-1 || e < lo || le32(b + e) != 0x06054b50)
		return NULL;
	size_t entries = le16(b + e + 10), cd_size = le32(b + e + 12), cd_off = le32(b + e + 16);
	if (entries == 0xffff || cd_off == 0xffffffffu || entries > ZIP_MAX_ENTRIES || cd_off > e || cd_size > e - cd_off)
		return NULL;
	long long total = 0;
	int types = 0, word = 0, xl = 0;
	size_t p = cd_off;
	for (size_t i = 0; i < entries; i++) {
		if (p + 46 > cd_off + cd_size || le32(b + p) != 0x02014b50)
			return NULL;
		uint32_t csize = le32(b + p + 20), usize = le32(b + p + 24);
		size_t nl = le16(b + p + 28), xl_len = le16(b + p + 30), cl = le16(b + p + 32);
		if (csize == 0xffffffffu || usize == 0xffffffffu)
			return NULL;
		if (p + 46 + nl + xl_len + cl > cd_off + cd_size)
			return NULL;
		const char *name = (const char *)b + p + 46;
		total += usize;
		if (nl == 19 && memcmp(name, "[Content_Types].xml", 19) == 0)
			types = 1;
		else if (nl == 17 && memcmp(name, "word/document.xml", 17) == 0)
			word = 1;
		else if (nl == 15 && memcmp(name, "xl/workbook.xml", 15) == 0)
			xl = 1;
		p += 46 + nl + xl_len + cl;
	}
	if (total > ZIP_MAX_TOTAL || total > (long long)n * ZIP_MAX_RATIO) {
		*bomb = 1;
		return NULL;
	}
	if (!types || word == xl)
		return NULL;
	return word ? MIME_DOCX : MIME_XLSX;
}

/* The display name of an uploaded file: its last path component (after / or
 * \), control characters and quotes dropped, leading dots removed, at most
 * NAME_MAX_CHARS characters; "file" when nothing is left. Never a path. */
const char *archive_safe_name(arena *a, const char *in)
{
	const char *s = in;
	for (const char *p = in; *p; p++)
		if (*p == '/' || *p == '\\')
			s = p + 1;
	char *out = arena_alloc(a, strlen(s) + 1);
	size_t o = 0, chars = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p && chars < NAME_MAX_CHARS; ) {
		size_t len = *p < 0x80 ? 1 : *p < 0xe0 ? 2 : *p < 0xf0 ? 3 : 4;
		if (*p < 0x20 || *p == 0x7f || *p == '"' || *p == ':' || *p == '*' || *p == '?' || *p == '<' ||
		    *p == '>' || *p == '|' || (o == 0 && (*p == '.' || *p == ' '))) {
			p++;
			continue;
		}
		for (size_t k = 0; k < len && p[k]; k++)
			out[o++] = (char)p[k];
		p += len;
		chars++;
	}
	out[o] = '\0';
	return o ? out : "file";
}

/* The type of b[0..n) by content: one of the five accepted, or NULL.
 * *bomb is set for a ZIP that declares too much. */
static const char *file_type(const char *b, size_t n, int *bomb)
{
	static magic_t m;
	*bomb = 0;
	if (m == NULL) {
		m = magic_open(MAGIC_MIME_TYPE);
		if (m == NULL || magic_load(m, NULL) != 0) {
			log_msg("magic_load failed: %s", m ? magic_error(m) : "no handle");
			if (m)
				magic_close(m);
			m = NULL;
			return NULL;
		}
	}
	const char *t = magic_buffer(m, b, n);
	if (t == NULL)
		return NULL;
	if (strcmp(t, "application/pdf") == 0 || strcmp(t, "image/jpeg") == 0 || strcmp(t, "image/png") == 0)
		return strcmp(t, "application/pdf") == 0 ? "application/pdf" : strcmp(t, "image/png") == 0 ? "image/png" :
												    "image/jpeg";
	if (strcmp(t, MIME_DOCX) == 0 || strcmp(t, MIME_XLSX) == 0 || strcmp(t, "application/zip") == 0) {
		const char *z = archive_zip_office((const unsigned char *)b, n, bomb);
		if (z != NULL && strcmp(t, "application/zip") != 0 && strcmp(z, t) != 0)
			return NULL;   /* the members say otherwise */
		return z;
	}
	return NULL;
}

static const char *store_path(struct req *r, const char *sha)
{
	return arena_printf(r->a, "%s/%.2s/%.2s/%s", r->cfg->files_dir, sha, sha + 2, sha);
}

static int mkdir_one(const char *p)
{
	return mkdir(p, 0750) == 0 || errno == EEXIST ? 0 : -1;
}

/* Writes b[0..n) to its place under files_dir unless the content is there
 * already: a temp file beside it, fsync, rename, fsync of the directory.
 * *created = 1 when this call made the file. 0 or -1 (logged, no temp left). */
static int store(struct req *r, const char *sha, const char *b, size_t n, int *created)
{
	*created = 0;
	const char *path = store_path(r, sha);
	struct stat st;
	if (stat(path, &st) == 0 && (size_t)st.st_size == n)
		return 0;
	const char *d1 = arena_printf(r->a, "%s/%.2s", r->cfg->files_dir, sha);
	const char *d2 = arena_printf(r->a, "%s/%.2s", d1, sha + 2);
	if (mkdir_one(r->cfg->files_dir) != 0 || mkdir_one(d1) != 0 || mkdir_one(d2) != 0) {
		log_msg("rid=%s mkdir %s: %s", r->rid, d2, strerror(errno));
		return -1;
	}
	char tok[65];
	if (crypto_token(tok) != 0)
		return -1;
	const char *tmp = arena_printf(r->a, "%s/.tmp-%.16s", d2, tok);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
	if (fd < 0) {
		log_msg("rid=%s open %s: %s", r->rid, tmp, strerror(errno));
		return -1;
	}
	size_t done = 0;
	while (done < n) {
		ssize_t w = write(fd, b + done, n - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		done += (size_t)w;
	}
	int ok = done == n && fsync(fd) == 0;
	if (close(fd) != 0)
		ok = 0;
	if (!ok || rename(tmp, path) != 0) {
		log_msg("rid=%s storing %s: %s", r->rid, path, strerror(errno));
		unlink(tmp);
		return -1;
	}
	int dfd = open(d2, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	*created = 1;
	return 0;
}

/* The refusal page of an upload or a copy: the message of key, a link back to item. */
static int refuse(struct req *r, long long item, int status, const char *key)
{
	view_set(r, "Page.error_message", lang_text(r, key));
	view_set(r, "Page.title", lang_text(r, "archive.files.title"));
	view_set_int(r, "Page.item", item);
	return render(r, status, "archive/file_error.cs");
}

/* 1 when the signed-in user may add copies to the item: the archivist (not
 * to a destroyed or lost item), or its filer while it waits to be placed. */
static int may_upload(struct req *r, const struct dbres *f)
{
	const char *status = dbres_get(f, 0, 1);
	if (req_has_role(r, ROLE_ARCHIVIST))
		return strcmp(status, "destroyed") != 0 && strcmp(status, "lost") != 0;
	return dbres_int(f, 0, 0) == r->user->id && strcmp(status, "submitted") == 0;
}

struct upload_ctx {
	struct req *r;
	long long item, size, id;
	const char *sha, *mime, *name;
};

static int upload_txn(void *arg)
{
	struct upload_ctx *c = arg;
	struct dbres res;
	int rc = db_exec(c->r->db, c->r->a, Q_FILE_INSERT, &res, "isissis", c->item, c->sha, c->size, c->mime, c->name,
			 c->r->user->id, c->r->now_text);
	if (rc != DB_OK)
		return rc;
	c->id = (long long)res.insert_id;
	return audit(c->r, "archive.file_added", "archive_item", c->item,
		     arena_printf(c->r->a, "%s %s %lld", c->sha, c->mime, c->size));
}

int archive_file_upload(struct req *r)
{
	struct dbres it, f;
	int st = archive_item_load(r, r->ids[0], &it);
	if (st != 0)
		return st;
	int may = archive_may_see(r, dbres_int(&it, 0, IT_CLIENT));
	if (may < 0 || db_exec(r->db, r->a, Q_ITEM_FILER, &f, "i", r->ids[0]) != DB_OK)
		return db_fail(r);
	if (!may || f.nrows != 1 || !may_upload(r, &f)) {
		audit_event(r, "access.denied", "archive_item", r->ids[0], "file upload");
		return 403;
	}
	const struct param *p = params_find(&r->form, "file");
	if (p == NULL || p->filename == NULL || p->len == 0)
		return refuse(r, r->ids[0], 422, "archive.files.missing");
	if ((long long)p->len > r->cfg->archive_max_file)
		return refuse(r, r->ids[0], 413, "archive.files.too_big");
	int bomb;
	const char *mime = file_type(p->value, p->len, &bomb);
	if (mime == NULL) {
		audit_event(r, "archive.file_refused", "archive_item", r->ids[0], bomb ? "zip bomb" : "type");
		return refuse(r, r->ids[0], bomb ? 422 : 415, bomb ? "archive.files.bomb" : "archive.files.bad_type");
	}
	char sha[65];
	crypto_sha256_hex(p->value, p->len, sha);
	int created;
	if (store(r, sha, p->value, p->len, &created) != 0)
		return 500;
	struct upload_ctx c = { r, r->ids[0], (long long)p->len, 0, sha, mime, archive_safe_name(r->a, p->filename) };
	int rc = db_txn(r->db, upload_txn, &c);
	if (rc != DB_OK) {
		struct dbres u;
		/* nothing left behind: the file goes when no row holds its content */
		if (created && db_exec(r->db, r->a, Q_FILE_SHA_USED, &u, "s", sha) == DB_OK && dbres_int(&u, 0, 0) == 0)
			unlink(store_path(r, sha));
		if (rc == DB_DUPLICATE)
			return refuse(r, r->ids[0], 409, "archive.files.duplicate");
		return db_status(rc);
	}
	resp_flash(r, "archive_file_added");
	return resp_redirect(r, arena_printf(r->a, "/archive/items/%lld", r->ids[0]));
}

/* ---- handing a copy out ------------------------------------------------------------------------ */

enum hand { HAND_DOWNLOAD, HAND_VIEW, HAND_INLINE };

static int log_row(struct req *r, const struct dbres *f, const char *outcome, const char *reason)
{
	return db_write(r->db, r->a, Q_FILE_LOG, NULL, "iiisss", dbres_int(f, 0, FI_ID), dbres_int(f, 0, FI_ITEM),
			r->user->id, r->now_text, outcome, reason);
}

static int log_refusal(struct req *r, const struct dbres *f, const char *reason, int status, const char *key)
{
	log_row(r, f, "refused", reason);
	audit_event(r, "archive.file_refused", "archive_file", dbres_int(f, 0, FI_ID), reason);
	return refuse(r, dbres_int(f, 0, FI_ITEM), status, key);
}

static int inline_type(const char *mime)
{
	return strcmp(mime, "application/pdf") == 0 || strncmp(mime, "image/", 6) == 0;
}

/* The filename*= value: RFC 5987 percent-encoding of a safe name. */
static const char *pct(struct req *r, const char *s)
{
	char *out = arena_alloc(r->a, strlen(s) * 3 + 1), *o = out;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || strchr("-._~", *p))
			*o++ = (char)*p;
		else
			o += sprintf(o, "%%%02X", *p);
	}
	*o = '\0';
	return out;
}

static int hand_out(struct req *r, enum hand how)
{
	struct dbres f, it, k;
	if (db_exec(r->db, r->a, Q_FILE_GET, &f, "i", r->ids[0]) != DB_OK)
		return db_fail(r);
	if (f.nrows != 1)
		return 404;
	int st = archive_item_load(r, dbres_int(&f, 0, FI_ITEM), &it);
	if (st != 0)
		return st;
	int may = archive_may_see(r, dbres_int(&it, 0, IT_CLIENT));
	if (may < 0)
		return db_fail(r);
	if (!may)
		return log_refusal(r, &f, "card", 403, "archive.files.denied");
	const char *secrecy = dbres_get(&it, 0, IT_SECRECY), *mime = dbres_get(&f, 0, FI_MIME);
	if (strcmp(secrecy, "top_secret") == 0)
		return log_refusal(r, &f, "top_secret", 403, "archive.files.top_secret");
	int reading = strcmp(secrecy, "confidential") == 0;
	if (reading) {
		if (how == HAND_DOWNLOAD)
			return log_refusal(r, &f, "reading_room", 403, "archive.files.reading_only");
		if (!inline_type(mime))
			return log_refusal(r, &f, "office", 403, "archive.files.no_inline");
		if (db_exec(r->db, r->a, Q_FILE_READER, &k, "iiiis", dbres_int(&it, 0, IT_ID), r->user->id,
			    dbres_int(&it, 0, IT_ID), r->user->id, r->now_text) != DB_OK)
			return db_fail(r);
		if (dbres_int(&k, 0, 0) <= 0)
			return log_refusal(r, &f, "no_reading_auth", 403, "archive.files.reading_only");
	} else if (how != HAND_DOWNLOAD && !inline_type(mime)) {
		return 404;
	}
	if (how == HAND_VIEW) {
		archive_view_item(r, "Item", &it, 0);
		static const char *cols[FI__COUNT + 1] = { "id", "item_id", "sha256", "size", "mime", "name", "by", "at", NULL };
		view_row(r, "File", cols, &f, 0);
		view_set(r, "File.image", strncmp(mime, "image/", 6) == 0 ? "1" : "0");
		view_set(r, "Page.title", lang_text(r, "archive.files.reading_view"));
		return render(r, 200, "archive/file_view.cs");
	}
	/* a copy whose handing out cannot be logged is not handed out */
	if (log_row(r, &f, how == HAND_DOWNLOAD ? "download" : "inline", "") != DB_OK)
		return db_fail(r);
	const char *sha = dbres_get(&f, 0, FI_SHA);
	r->status = 200;
	r->ctype = mime;
	resp_header(r, "X-Accel-Redirect", arena_printf(r->a, "%s/%.2s/%.2s/%s",
							 how == HAND_DOWNLOAD ? "/protected" : "/protected-inline",
							 sha, sha + 2, sha));
	resp_header(r, "Content-Disposition", arena_printf(r->a, "%s; filename*=UTF-8''%s",
							    how == HAND_DOWNLOAD ? "attachment" : "inline",
							    pct(r, dbres_get(&f, 0, FI_NAME))));
	return 0;
}

int archive_file_download(struct req *r)
{
	return hand_out(r, HAND_DOWNLOAD);
}

int archive_file_view(struct req *r)
{
	return hand_out(r, HAND_VIEW);
}

int archive_file_inline(struct req *r)
{
	return hand_out(r, HAND_INLINE);
}

/* The item page's list of copies and whether the user may add one. 0 or -1. */
int archive_files_panel(struct req *r, const struct dbres *it)
{
	struct dbres f, w;
	long long id = dbres_int(it, 0, IT_ID);
	if (db_exec(r->db, r->a, Q_FILES_OF_ITEM, &f, "i", id) != DB_OK ||
	    db_exec(r->db, r->a, Q_ITEM_FILER, &w, "i", id) != DB_OK)
		return -1;
	static const char *cols[FI__COUNT + 1] = { "id", "item_id", "sha256", "size", "mime", "name", "by", "at", NULL };
	for (size_t i = 0; i < f.nrows; i++) {
		const char *p = arena_printf(r->a, "Files.%zu", i);
		view_row(r, p, cols, &f, i);
		view_set(r, arena_printf(r->a, "%s.inline", p), inline_type(dbres_get(&f, i, FI_MIME)) ? "1" : "0");
	}
	if (w.nrows == 1 && may_upload(r, &w))
		view_set(r, "Can.upload", "1");
	view_set_int(r, "Page.max_file_mb", r->cfg->archive_max_file >> 20);
	return 0;
}
