/* test_templates.c — the render path without a server: golden pages
 * (tests/golden/NAME.hdf → NAME.html; DOSSIER_UPDATE_GOLDEN=1 rewrites them),
 * each domain's language files hold the same keys in both languages, every template parses, output is
 * escaped, and a missing template is an error, never an empty page. */
#include <CUnit/Basic.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/app.h"

static struct config cfg;
static struct worker w;
static char srcdir[200];

static int setup(void)
{
	const char *s = getenv("DOSSIER_SRCDIR");
	snprintf(srcdir, sizeof srcdir, "%s", s ? s : ".");
	config_defaults(&cfg);
	snprintf(cfg.templates_dir, sizeof cfg.templates_dir, "%s/templates", srcdir);
	w.cfg = &cfg;
	NEOERR *err = nerr_init();
	if (err != STATUS_OK)
		return 1;
	return lang_load(&w);
}

static int teardown(void)
{
	templates_free(&w);
	lang_free(&w);
	return 0;
}

/* Renders tpl in lang with the dataset file (may be NULL) into out. */
static int render_with(const char *tpl, const char *lang, const char *dataset, struct buf *out, int *status)
{
	struct req r;
	memset(&r, 0, sizeof r);
	r.a = arena_new();
	r.w = &w;
	r.cfg = &cfg;
	r.lang = lang;
	r.path = "/test";
	r.csrf = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
	buf_init(&r.headers);
	buf_init(&r.body);
	hdf_init(&r.hdf);
	int rc = 0;
	if (dataset != NULL) {
		char path[700];
		snprintf(path, sizeof path, "%s/tests/golden/%s", srcdir, dataset);
		NEOERR *err = hdf_read_file(r.hdf, path);
		if (err != STATUS_OK) {
			nerr_ignore(&err);
			rc = -1;
		}
	}
	if (rc == 0) {
		rc = render(&r, 200, tpl);
		if (status)
			*status = r.status;
	}
	buf_append(out, buf_cstr(&r.body), r.body.len);
	hdf_destroy(&r.hdf);
	buf_free(&r.headers);
	buf_free(&r.body);
	arena_free(r.a);
	return rc;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	struct buf b;
	buf_init(&b);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_append(&b, chunk, n);
	fclose(f);
	return b.data ? b.data : strdup("");
}

static void golden(const char *name, const char *tpl, const char *lang)
{
	struct buf out;
	buf_init(&out);
	char hdf[300], path[800];
	snprintf(hdf, sizeof hdf, "%s.hdf", name);
	CU_ASSERT_EQUAL_FATAL(render_with(tpl, lang, hdf, &out, NULL), 0);
	snprintf(path, sizeof path, "%s/tests/golden/%s.html", srcdir, name);
	if (getenv("DOSSIER_UPDATE_GOLDEN") != NULL) {
		FILE *f = fopen(path, "wb");
		CU_ASSERT_PTR_NOT_NULL_FATAL(f);
		fwrite(out.data, 1, out.len, f);
		fclose(f);
	}
	char *want = slurp(path);
	CU_ASSERT_PTR_NOT_NULL_FATAL(want);
	int same = strcmp(want, buf_cstr(&out)) == 0;
	if (!same)
		fprintf(stderr, "\n%s differs from the rendering; run with DOSSIER_UPDATE_GOLDEN=1 and review "
			"the diff if the change is intended\n", path);
	CU_ASSERT_TRUE(same);
	free(want);
	buf_free(&out);
}

static void t_golden_login(void) { golden("login_en", "auth/login.cs", "en"); }
static void t_golden_error(void) { golden("error_404_zh", "error.cs", "zh_CN"); }
static void t_golden_home(void) { golden("home_en", "auth/home.cs", "en"); }
static void t_golden_users(void) { golden("admin_users_zh", "admin/admin_users.cs", "zh_CN"); }

/* Hostile values from the datasets never come out raw. */
static void t_escaped(void)
{
	struct buf out;
	buf_init(&out);
	CU_ASSERT_EQUAL_FATAL(render_with("auth/home.cs", "en", "home_en.hdf", &out, NULL), 0);
	CU_ASSERT_PTR_NULL(strstr(buf_cstr(&out), "<script>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(buf_cstr(&out), "&lt;script&gt;alert(1)&lt;/script&gt;"));
	buf_reset(&out);
	CU_ASSERT_EQUAL_FATAL(render_with("auth/login.cs", "en", "login_en.hdf", &out, NULL), 0);
	CU_ASSERT_PTR_NULL(strstr(buf_cstr(&out), "\"><img"));
	CU_ASSERT_PTR_NOT_NULL(strstr(buf_cstr(&out), "&quot;&gt;&lt;img"));
	buf_free(&out);
}

static void t_missing_template(void)
{
	struct buf out;
	buf_init(&out);
	CU_ASSERT_EQUAL(render_with("no_such_page.cs", "en", NULL, &out, NULL), 500);
	CU_ASSERT_EQUAL(out.len, 0);
	buf_free(&out);
}

/* Calls fn with the name of every template (relative to templates/: the
 * shared ones at the top, each domain's in its folder); returns how many. */
static int each_template(void (*fn)(const char *name, void *ctx), void *ctx)
{
	const char *subdirs[32];
	int nsub = 0, count = 0;
	subdirs[nsub++] = "";
	char dir[600];
	snprintf(dir, sizeof dir, "%s/templates", srcdir);
	DIR *d = opendir(dir);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.' && strchr(e->d_name, '.') == NULL && strcmp(e->d_name, "lang") != 0 && nsub < 32)
			subdirs[nsub++] = strdup(e->d_name);
	closedir(d);
	for (int i = 0; i < nsub; i++) {
		snprintf(dir, sizeof dir, "%s/templates/%s", srcdir, subdirs[i]);
		DIR *sd = opendir(dir);
		CU_ASSERT_PTR_NOT_NULL_FATAL(sd);
		while ((e = readdir(sd)) != NULL) {
			size_t n = strlen(e->d_name);
			if (n < 4 || strcmp(e->d_name + n - 3, ".cs") != 0)
				continue;
			char name[300];
			snprintf(name, sizeof name, "%s%s%s", subdirs[i], *subdirs[i] ? "/" : "", e->d_name);
			fn(name, ctx);
			count++;
		}
		closedir(sd);
		if (i > 0)
			free((char *)subdirs[i]);
	}
	return count;
}

static void render_one(const char *name, void *ctx)
{
	const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
	if (strncmp(base, "part_", 5) == 0)
		return;               /* part_*.cs are fragments rendered inside pages */
	(*(int *)ctx)++;
	struct buf out;
	buf_init(&out);
	int rc = render_with(name, "zh_CN", NULL, &out, NULL);
	if (rc != 0)
		fprintf(stderr, "\ntemplate %s failed to render\n", name);
	CU_ASSERT_EQUAL(rc, 0);
	buf_free(&out);
}

/* Every page template parses and renders with an empty dataset. */
static void t_all_templates_parse(void)
{
	int pages = 0;
	each_template(render_one, &pages);
	CU_ASSERT(pages >= 30);
}

/* ---- language files ---- */
static void collect(HDF *node, const char *prefix, struct buf *keys)
{
	for (HDF *c = hdf_obj_child(node); c != NULL; c = hdf_obj_next(c)) {
		char name[300];
		snprintf(name, sizeof name, "%s%s%s", prefix, *prefix ? "." : "", hdf_obj_name(c));
		if (hdf_obj_value(c) != NULL)
			buf_printf(keys, "\n%s\n", name);
		collect(c, name, keys);
	}
}

static int missing_from(HDF *a, HDF *b, const char *bname)
{
	struct buf ka, kb;
	buf_init(&ka);
	buf_init(&kb);
	collect(a, "", &ka);
	collect(b, "", &kb);
	int missing = 0;
	const char *p = buf_cstr(&ka);
	while ((p = strchr(p, '\n')) != NULL) {
		const char *end = strchr(p + 1, '\n');
		if (end == NULL)
			break;
		char key[320];
		snprintf(key, sizeof key, "%.*s", (int)(end - p + 1), p);
		if (strstr(buf_cstr(&kb), key) == NULL) {
			fprintf(stderr, "\nlanguage key%.*s missing from %s\n", (int)(end - p), p, bname);
			missing++;
		}
		p = end + 1;
	}
	buf_free(&ka);
	buf_free(&kb);
	return missing;
}

/* Each domain's file in one language holds the same keys as in the other,
 * and each language has the same files. */
static void t_lang_parity(void)
{
	const char *langs[2] = { "zh_CN", "en" };
	int files = 0;
	for (int l = 0; l < 2; l++) {
		char dir[600];
		snprintf(dir, sizeof dir, "%s/templates/lang/%s", srcdir, langs[l]);
		DIR *d = opendir(dir);
		CU_ASSERT_PTR_NOT_NULL_FATAL(d);
		struct dirent *e;
		while ((e = readdir(d)) != NULL) {
			size_t n = strlen(e->d_name);
			if (n < 5 || strcmp(e->d_name + n - 4, ".hdf") != 0)
				continue;
			HDF *h[2] = { NULL, NULL };
			for (int k = 0; k < 2; k++) {
				char path[900];
				snprintf(path, sizeof path, "%s/templates/lang/%s/%s", srcdir, langs[(l + k) % 2], e->d_name);
				hdf_init(&h[k]);
				NEOERR *err = hdf_read_file(h[k], path);
				if (err != STATUS_OK) {
					fprintf(stderr, "\n%s is missing or unreadable\n", path);
					nerr_ignore(&err);
					CU_FAIL("language file");
				}
			}
			char other[300];
			snprintf(other, sizeof other, "%s/%s", langs[(l + 1) % 2], e->d_name);
			CU_ASSERT_EQUAL(missing_from(h[0], h[1], other), 0);
			hdf_destroy(&h[0]);
			hdf_destroy(&h[1]);
			files++;
		}
		closedir(d);
	}
	CU_ASSERT(files >= 12);
}

struct keys_ctx {
	int missing;
};

/* Strings that templates look up exist: every Lang.x.y in a template. */
static void keys_of(const char *name, void *arg)
{
	struct keys_ctx *c = arg;
	char path[900];
	snprintf(path, sizeof path, "%s/templates/%s", srcdir, name);
	char *text = slurp(path);
	for (char *p = text; p && (p = strstr(p, "Lang.")) != NULL; p += 5) {
		size_t k = strspn(p + 5, "abcdefghijklmnopqrstuvwxyz0123456789_.");
		if (p[5 + k] == '[' || k == 0)
			continue;                /* computed keys are checked by the goldens */
		char key[200];
		snprintf(key, sizeof key, "%.*s", (int)k, p + 5);
		if (key[strlen(key) - 1] == '.')
			key[strlen(key) - 1] = '\0';
		for (int l = 0; l < 2; l++)
			if (hdf_get_obj(w.lang[l], key) == NULL) {
				fprintf(stderr, "\n%s uses Lang.%s, missing in %s\n", name, key, l ? "en" : "zh_CN");
				c->missing++;
			}
	}
	free(text);
}

static void t_template_keys_exist(void)
{
	struct keys_ctx c = { 0 };
	CU_ASSERT(each_template(keys_of, &c) >= 40);
	CU_ASSERT_EQUAL(c.missing, 0);
}

int main(void)
{
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 1;
	CU_pSuite s = CU_add_suite("templates", setup, teardown);
	CU_add_test(s, "golden: login (en, hostile input)", t_golden_login);
	CU_add_test(s, "golden: 404 page (zh_CN)", t_golden_error);
	CU_add_test(s, "golden: home (en, hostile name)", t_golden_home);
	CU_add_test(s, "golden: admin user list (zh_CN)", t_golden_users);
	CU_add_test(s, "output escaped", t_escaped);
	CU_add_test(s, "missing template is an error", t_missing_template);
	CU_add_test(s, "every template renders", t_all_templates_parse);
	CU_add_test(s, "language files hold the same keys", t_lang_parity);
	CU_add_test(s, "template strings exist", t_template_keys_exist);
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	unsigned failures = CU_get_number_of_failures();
	CU_cleanup_registry();
	return failures ? 1 : 0;
}
