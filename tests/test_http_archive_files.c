/* test_http_archive_files.c — electronic copies of archive items through the
 * real stack (nginx in front): each accepted type uploaded (real small files
 * written by tests/archive_files.py), the type read from the content (an HTML
 * page or a program named .pdf, a plain ZIP named .docx, a zip bomb named
 * .docx refused), oversized, truncated and NUL-named uploads refused with
 * nothing left behind, names stripped of paths, one stored file per content,
 * downloads handed out by nginx (X-Accel-Redirect) with their headers and
 * bytes, refused to an outsider, for confidential (the reading-room view
 * only) and top-secret items, and every one of them logged. */
#include "test_http.h"
#include "core/crypto.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char run[16];
static char dir[512];

struct blob {
	char *data;
	size_t len;
};

static struct blob load(const char *name)
{
	struct blob b = { NULL, 0 };
	char path[700];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "rb");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fseek(f, 0, SEEK_END);
	b.len = (size_t)ftell(f);
	rewind(f);
	b.data = malloc(b.len + 1);
	CU_ASSERT_EQUAL_FATAL(fread(b.data, 1, b.len, f), b.len);
	fclose(f);
	return b;
}

static int files_setup(void)
{
	snprintf(run, sizeof run, "%ld", (long)(getpid() % 100000));
	snprintf(dir, sizeof dir, "%s/archive-files-test", getenv("DOSSIER_TEST_VAR"));
	char cmd[1200];
	snprintf(cmd, sizeof cmd, "python3 '%s/tests/archive_files.py' '%s'", getenv("DOSSIER_SRCDIR"), dir);
	return system(cmd) == 0 ? 0 : -1;
}

static long long type_id(const char *code)
{
	return db_value("SELECT id FROM archive_types WHERE code = '%s'", code);
}

/* A new card of staff1 with an item of the secrecy submitted (not placed): the item's id. */
static long long item_of(struct client *owner, const char *secrecy)
{
	static int n;
	char name[128], path[64], tok[80], ty[24];
	snprintf(name, sizeof name, "电子件%s%d有限公司", run, ++n);
	long long card = new_card(owner, name, "personal", NULL);
	snprintf(path, sizeof path, "/clients/%lld/archive/new", card);
	snprintf(tok, sizeof tok, "%s", csrf_of(owner, path));
	snprintf(path, sizeof path, "/clients/%lld/archive", card);
	snprintf(ty, sizeof ty, "%lld", type_id("HT"));
	CU_ASSERT_EQUAL(client_post(owner, path, "_csrf", tok, "title", "合同扫描件", "type_id", ty, "doc_date",
				    "2026-03-01", "pages", "3", "copies", "1", "secrecy", secrecy, "retention", "10",
				    "medium", "both", "other_no", "E-1", "other_location", "电子件", "author", "销售一部",
				    NULL), 303);
	return db_value("SELECT MAX(id) FROM archive_items WHERE client_id = %lld", card);
}

static long upload(struct client *c, long long item, const char *filename, const char *data, size_t len)
{
	char path[64], tok[80];
	snprintf(path, sizeof path, "/archive/items/%lld", item);
	snprintf(tok, sizeof tok, "%s", csrf_of(c, path));
	snprintf(path, sizeof path, "/archive/items/%lld/files", item);
	return client_upload(c, path, tok, filename, data, len);
}

static long upload_file(struct client *c, long long item, const char *filename, const char *name)
{
	struct blob b = load(name);
	long st = upload(c, item, filename, b.data, b.len);
	free(b.data);
	return st;
}

static long long files_of(long long item)
{
	return db_value("SELECT COUNT(*) FROM archive_files WHERE item_id = %lld", item);
}

/* Files under files_dir: regular ones named by a hash, and anything else (temp files). */
static void count_store(const char *path, long *hashed, long *other)
{
	DIR *d = opendir(path);
	if (d == NULL)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char p[1024];
		snprintf(p, sizeof p, "%s/%s", path, e->d_name);
		struct stat st;
		if (stat(p, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode))
			count_store(p, hashed, other);
		else if (strlen(e->d_name) == 64 && strspn(e->d_name, "0123456789abcdef") == 64)
			(*hashed)++;
		else if (strncmp(e->d_name, ".tmp-", 5) == 0)
			(*other)++;
	}
	closedir(d);
}

static void store_counts(long *hashed, long *tmp)
{
	char path[600];
	snprintf(path, sizeof path, "%s/files", getenv("DOSSIER_TEST_VAR"));
	*hashed = *tmp = 0;
	count_store(path, hashed, tmp);
}

static void test_files_each_type(void)
{
	struct client owner;
	sign_in(&owner, "staff1");
	long long item = item_of(&owner, "ordinary");
	static const struct { const char *file, *as, *mime; } ok[] = {
		{ "ok.pdf", "合同.pdf", "application/pdf" },
		{ "ok.png", "scan.png", "image/png" },
		{ "ok.jpg", "photo.jpeg", "image/jpeg" },
		{ "ok.docx", "report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
		{ "ok.xlsx", "figures.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
	};
	for (size_t i = 0; i < 5; i++) {
		CU_ASSERT_EQUAL(upload_file(&owner, item, ok[i].as, ok[i].file), 303);
		struct blob b = load(ok[i].file);
		char sha[65];
		crypto_sha256_hex(b.data, b.len, sha);
		CU_ASSERT_STRING_EQUAL(db_text("SELECT mime FROM archive_files WHERE item_id = %lld AND sha256 = '%s'",
					       item, sha), ok[i].mime);
		char path[700];
		snprintf(path, sizeof path, "%s/files/%.2s/%.2s/%s", getenv("DOSSIER_TEST_VAR"), sha, sha + 2, sha);
		struct stat st;
		CU_ASSERT(stat(path, &st) == 0 && (size_t)st.st_size == b.len);
		CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM audit_log WHERE action = 'archive.file_added' AND "
					 "object_id = %lld AND detail LIKE '%s%%'", item, sha), 1);
		free(b.data);
	}
	CU_ASSERT_EQUAL(files_of(item), 5);
	CU_ASSERT_STRING_EQUAL(db_text("SELECT name FROM archive_files WHERE item_id = %lld ORDER BY id LIMIT 1", item),
			       "合同.pdf");
	/* the page lists them with download links */
	char path[64];
	snprintf(path, sizeof path, "/archive/items/%lld", item);
	CU_ASSERT_EQUAL(client_get(&owner, path), 200);
	CU_ASSERT(client_has(&owner, "figures.xlsx"));
	CU_ASSERT(client_has(&owner, "/archive/files/"));
	client_free(&owner);
}

static void test_files_hostile(void)
{
	struct client owner;
	sign_in(&owner, "staff1");
	long long item = item_of(&owner, "ordinary");
	long hashed0, tmp0, hashed, tmp;
	store_counts(&hashed0, &tmp0);
	long long audits = db_value("SELECT COUNT(*) FROM audit_log WHERE action = 'archive.file_refused'");
	CU_ASSERT_EQUAL(upload_file(&owner, item, "invoice.pdf", "page.html"), 415);
	CU_ASSERT(client_has(&owner, "id=\"file-error\""));
	CU_ASSERT_EQUAL(upload_file(&owner, item, "invoice.pdf", "prog.exe"), 415);
	CU_ASSERT_EQUAL(upload_file(&owner, item, "setup.pdf", "mz.exe"), 415);
	CU_ASSERT_EQUAL(upload_file(&owner, item, "notes.docx", "plain.zip"), 415);
	CU_ASSERT_EQUAL(upload_file(&owner, item, "report.docx", "bomb.docx"), 422);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM audit_log WHERE action = 'archive.file_refused'"), audits + 5);
	/* one byte over archive_max_file (20 MB): refused by the app, not by nginx */
	size_t big = (20u << 20) + 1;
	char *b = calloc(1, big);
	memcpy(b, "%PDF-1.4\n", 9);
	CU_ASSERT_EQUAL(upload(&owner, item, "big.pdf", b, big), 413);
	CU_ASSERT(client_has(&owner, "id=\"file-error\""));
	free(b);
	/* an empty part */
	CU_ASSERT_EQUAL(upload(&owner, item, "empty.pdf", "", 0), 422);
	/* a body cut short (no closing boundary), and a NUL in the file name */
	char path[64], tok[80], body[600];
	snprintf(path, sizeof path, "/archive/items/%lld", item);
	snprintf(tok, sizeof tok, "%s", csrf_of(&owner, path));
	snprintf(path, sizeof path, "/archive/items/%lld/files", item);
	int n = snprintf(body, sizeof body, "--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n%s\r\n"
			 "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
			 "Content-Type: application/pdf\r\n\r\n%%PDF-1.4\n1 0 obj", tok);
	CU_ASSERT_EQUAL(client_raw(&owner, "POST", path, "multipart/form-data; boundary=XyZ", body, (size_t)n, NULL), 400);
	n = snprintf(body, sizeof body, "--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n%s\r\n"
		     "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf", tok);
	memcpy(body + n, "\0.png\"\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--XyZ--\r\n", 37);
	n += 37;
	CU_ASSERT_EQUAL(client_raw(&owner, "POST", path, "multipart/form-data; boundary=XyZ", body, (size_t)n, NULL), 400);
	/* nothing left behind: no row, no new stored file, no temp file */
	CU_ASSERT_EQUAL(files_of(item), 0);
	store_counts(&hashed, &tmp);
	CU_ASSERT_EQUAL(hashed, hashed0);
	CU_ASSERT_EQUAL(tmp, 0);
	/* path tricks: only a safe display name is kept */
	struct blob pdf = load("ok.pdf");
	static const char *names[] = { "../../etc/passwd.pdf", "..\\..\\windows\\win.ini.pdf", "/abs/./..pdf" };
	static const char *kept[] = { "passwd.pdf", "win.ini.pdf", "pdf" };
	for (int i = 0; i < 3; i++) {
		char data[300];
		memcpy(data, pdf.data, pdf.len);
		int extra = snprintf(data + pdf.len, sizeof data - pdf.len, "%% %d\n", i);
		CU_ASSERT_EQUAL(upload(&owner, item, names[i], data, pdf.len + (size_t)extra), 303);
		CU_ASSERT_STRING_EQUAL(db_text("SELECT name FROM archive_files WHERE item_id = %lld ORDER BY id DESC "
					       "LIMIT 1", item), kept[i]);
	}
	char longname[400];
	memset(longname, 'a', 300);
	strcpy(longname + 300, ".pdf");
	CU_ASSERT_EQUAL(upload(&owner, item, longname, pdf.data, pdf.len), 303);
	CU_ASSERT_EQUAL(db_value("SELECT CHAR_LENGTH(name) FROM archive_files WHERE item_id = %lld ORDER BY id DESC "
				 "LIMIT 1", item), 100);
	/* the same content twice on one item: 409; on another item: one stored file for both */
	CU_ASSERT_EQUAL(upload(&owner, item, "again.pdf", pdf.data, pdf.len), 409);
	long long other = item_of(&owner, "ordinary");
	store_counts(&hashed0, &tmp0);
	CU_ASSERT_EQUAL(upload(&owner, other, "same.pdf", pdf.data, pdf.len), 303);
	store_counts(&hashed, &tmp);
	CU_ASSERT_EQUAL(hashed, hashed0);
	free(pdf.data);
	client_free(&owner);
}

static void test_files_who_uploads(void)
{
	struct client owner, boss, arc, outsider;
	sign_in(&owner, "staff1");
	sign_in(&boss, "manager1");
	sign_in(&arc, "archivist");
	sign_in(&outsider, "staff3");
	long long item = item_of(&owner, "ordinary");
	CU_ASSERT_EQUAL(upload_file(&outsider, item, "x.pdf", "ok.pdf"), 403);
	CU_ASSERT_EQUAL(files_of(item), 0);
	/* signed off and placed: the filer no longer, the archivist yes */
	char path[64], tok[80], step[8], box[24];
	long long req = db_value("SELECT request_id FROM archive_items WHERE id = %lld", item);
	snprintf(path, sizeof path, "/requests/%lld", req);
	snprintf(tok, sizeof tok, "%s", csrf_of(&boss, path));
	snprintf(step, sizeof step, "%lld", db_value("SELECT cur_step FROM requests WHERE id = %lld", req));
	snprintf(path, sizeof path, "/requests/%lld/decide", req);
	CU_ASSERT_EQUAL(client_post(&boss, path, "_csrf", tok, "step", step, "decision", "approve", "comment", "", NULL), 303);
	snprintf(tok, sizeof tok, "%s", csrf_of(&arc, "/archive/placing"));
	snprintf(path, sizeof path, "/archive/items/%lld/place", item);
	snprintf(box, sizeof box, "%lld", db_value("SELECT MIN(id) FROM archive_locations WHERE kind = 'box'"));
	CU_ASSERT_EQUAL(client_post(&arc, path, "_csrf", tok, "location_id", box, NULL), 303);
	CU_ASSERT_EQUAL(upload_file(&owner, item, "late.pdf", "ok.pdf"), 403);
	CU_ASSERT_EQUAL(upload_file(&arc, item, "scan.png", "ok.png"), 303);
	CU_ASSERT_EQUAL(files_of(item), 1);
	client_free(&owner);
	client_free(&boss);
	client_free(&arc);
	client_free(&outsider);
}

static long long file_of(long long item)
{
	return db_value("SELECT MAX(id) FROM archive_files WHERE item_id = %lld", item);
}

static long long logged(long long file, const char *outcome)
{
	return db_value("SELECT COUNT(*) FROM archive_file_log WHERE file_id = %lld AND outcome = '%s'", file, outcome);
}

static void test_files_download(void)
{
	struct client owner, outsider;
	sign_in(&owner, "staff1");
	sign_in(&outsider, "staff3");
	long long item = item_of(&owner, "ordinary");
	CU_ASSERT_EQUAL(upload_file(&owner, item, "合同 (1).pdf", "ok.pdf"), 303);
	long long f = file_of(item);
	struct blob pdf = load("ok.pdf");
	char want[65], got[65], h[300], path[64];
	crypto_sha256_hex(pdf.data, pdf.len, want);
	snprintf(path, sizeof path, "/archive/files/%lld", f);
	CU_ASSERT_EQUAL(client_get(&owner, path), 200);
	/* nginx served the stored bytes */
	CU_ASSERT_EQUAL(owner.res.body.len, pdf.len);
	crypto_sha256_hex(owner.res.body.data, owner.res.body.len, got);
	CU_ASSERT_STRING_EQUAL(got, want);
	CU_ASSERT(client_header(&owner, "Content-Type", h, sizeof h) == 0 && strcmp(h, "application/pdf") == 0);
	CU_ASSERT(client_header(&owner, "Content-Disposition", h, sizeof h) == 0 &&
		  strcmp(h, "attachment; filename*=UTF-8''%E5%90%88%E5%90%8C%20%281%29.pdf") == 0);
	CU_ASSERT(client_header(&owner, "X-Content-Type-Options", h, sizeof h) == 0 && strcmp(h, "nosniff") == 0);
	CU_ASSERT(client_header(&owner, "X-Accel-Redirect", h, sizeof h) != 0);   /* nginx consumed it */
	CU_ASSERT_EQUAL(logged(f, "download"), 1);
	/* the store itself is not reachable */
	snprintf(h, sizeof h, "/protected/%.2s/%.2s/%s", want, want + 2, want);
	CU_ASSERT_EQUAL(client_get(&owner, h), 404);
	/* someone who does not see the card: 403, logged */
	CU_ASSERT_EQUAL(client_get(&outsider, path), 403);
	CU_ASSERT(outsider.res.body.len != pdf.len || memcmp(outsider.res.body.data, pdf.data, pdf.len) != 0);
	CU_ASSERT_EQUAL(logged(f, "refused"), 1);
	CU_ASSERT_EQUAL(db_value("SELECT COUNT(*) FROM archive_file_log WHERE file_id = %lld AND outcome = 'refused' "
				 "AND user_id = (SELECT id FROM users WHERE username = 'staff3')", f), 1);
	CU_ASSERT_EQUAL(client_get(&owner, "/archive/files/999999999"), 404);
	free(pdf.data);
	client_free(&owner);
	client_free(&outsider);
}

static void test_files_confidential_and_top_secret(void)
{
	struct client owner;
	sign_in(&owner, "staff1");
	long long conf = item_of(&owner, "confidential");
	CU_ASSERT_EQUAL(upload_file(&owner, conf, "secret.png", "ok.png"), 303);
	long long img = file_of(conf);
	CU_ASSERT_EQUAL(upload_file(&owner, conf, "secret.docx", "ok.docx"), 303);
	long long doc = file_of(conf);
	char path[64], h[300];
	/* never downloadable */
	snprintf(path, sizeof path, "/archive/files/%lld", img);
	CU_ASSERT_EQUAL(client_get(&owner, path), 403);
	CU_ASSERT(client_has(&owner, "id=\"file-error\""));
	snprintf(h, sizeof h, "href=\"/archive/items/%lld\"", conf);
	CU_ASSERT(client_has(&owner, h));   /* back to the item, not to the file's number */
	/* the reading-room view needs a reading-room authorisation */
	snprintf(path, sizeof path, "/archive/files/%lld/view", img);
	CU_ASSERT_EQUAL(client_get(&owner, path), 403);
	snprintf(path, sizeof path, "/archive/files/%lld/inline", img);
	CU_ASSERT_EQUAL(client_get(&owner, path), 403);
	CU_ASSERT_EQUAL(logged(img, "refused"), 3);
	long long uid = db_value("SELECT id FROM users WHERE username = 'staff1'");
	CU_ASSERT_EQUAL(db_exec_admin("INSERT INTO archive_auths (item_id, user_id, via, mode, loan_secs, reason, "
				      "created_at, expires_at) VALUES (%lld, %lld, 'request', 'reading', 0, 'test', "
				      "'2026-01-01 00:00:00', '2099-01-01 00:00:00')", conf, uid), 0);
	snprintf(path, sizeof path, "/archive/files/%lld/view", img);
	CU_ASSERT_EQUAL(client_get(&owner, path), 200);
	snprintf(h, sizeof h, "/archive/files/%lld/inline", img);
	CU_ASSERT(client_has(&owner, h));
	snprintf(h, sizeof h, "href=\"/archive/files/%lld\"", img);
	CU_ASSERT(!client_has(&owner, h));   /* no download link */
	snprintf(path, sizeof path, "/archive/files/%lld/inline", img);
	CU_ASSERT_EQUAL(client_get(&owner, path), 200);
	struct blob png = load("ok.png");
	CU_ASSERT(owner.res.body.len == png.len && memcmp(owner.res.body.data, png.data, png.len) == 0);
	CU_ASSERT(client_header(&owner, "Content-Disposition", h, sizeof h) == 0 &&
		  strcmp(h, "inline; filename*=UTF-8''secret.png") == 0);
	CU_ASSERT(client_header(&owner, "Content-Type", h, sizeof h) == 0 && strcmp(h, "image/png") == 0);
	CU_ASSERT_EQUAL(logged(img, "inline"), 1);
	free(png.data);
	/* still no download, and a Word file is not shown at all */
	snprintf(path, sizeof path, "/archive/files/%lld", img);
	CU_ASSERT_EQUAL(client_get(&owner, path), 403);
	snprintf(path, sizeof path, "/archive/files/%lld/view", doc);
	CU_ASSERT_EQUAL(client_get(&owner, path), 403);
	CU_ASSERT_EQUAL(logged(doc, "refused"), 1);
	/* top secret: never */
	long long top = item_of(&owner, "top_secret");
	CU_ASSERT_EQUAL(upload_file(&owner, top, "top.pdf", "ok.pdf"), 303);
	long long tf = file_of(top);
	snprintf(path, sizeof path, "/archive/files/%lld", tf);
	CU_ASSERT_EQUAL(client_get(&owner, path), 403);
	snprintf(path, sizeof path, "/archive/files/%lld/view", tf);
	CU_ASSERT_EQUAL(client_get(&owner, path), 403);
	CU_ASSERT_EQUAL(logged(tf, "refused"), 2);
	CU_ASSERT_EQUAL(logged(tf, "download"), 0);
	client_free(&owner);
}

#define T(f) CU_add_test(s, #f, f)

void add_archive_files_suite(void)
{
	CU_pSuite s = CU_add_suite("archive_files", files_setup, NULL);
	T(test_files_each_type);
	T(test_files_hostile);
	T(test_files_who_uploads);
	T(test_files_download);
	T(test_files_confidential_and_top_secret);
}
