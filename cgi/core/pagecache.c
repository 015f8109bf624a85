/* pagecache.c — the rendered pages a worker keeps (app.h, "rendered pages").
 *
 * A page is kept under a key that names everything it shows: what the
 * layout shows (the dataset as view_common leaves it, written out whole) and
 * the caller's parts, which name the rest by versions the database keeps in
 * the same transactions as the rows they stand for. A key that differs by a
 * byte is another page; nothing is ever served on a guess.
 *
 * Each worker keeps at most cfg->page_cache pages, the least recently used
 * going first; a page over PAGE_MAX bytes is not kept. The worker's parsed
 * templates being read again (templates_reload) forgets them all. */
#include "app.h"
#include "config.h"
#include "log.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_MAX (256 * 1024)

struct page {
	uint64_t hash;           /* of the key */
	uint64_t slot;           /* of the key past its first line (the versions): the same page of another version */
	char *key;               /* malloc'd, with the body after it */
	size_t klen, blen;
	const char *body;
	char tag[16];
	long long id;
	long long reader;        /* the signed-in user it was drawn for (0: nobody) */
	unsigned long used;
};

struct page_cache {
	size_t n;
	unsigned long tick;
	struct page p[];         /* cfg->page_cache of them */
};

static uint64_t fnv1a(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static struct page_cache *cache(struct req *r)
{
	if (r->w == NULL || r->cfg->page_cache <= 0)
		return NULL;
	if (r->w->pages == NULL) {
		r->w->pages = calloc(1, sizeof *r->w->pages + (size_t)r->cfg->page_cache * sizeof(struct page));
		if (r->w->pages == NULL)
			log_msg("pagecache: out of memory for %ld pages: none kept", r->cfg->page_cache);
	}
	return r->w->pages;
}

void pages_clear(struct worker *w)
{
	struct page_cache *c = w->pages;
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->n; i++) {
		free(c->p[i].key);
		c->p[i].key = NULL;
	}
	c->n = 0;
}

void pages_free(struct worker *w)
{
	pages_clear(w);
	free(w->pages);
	w->pages = NULL;
}

const char *page_key(struct req *r, const char *versions, const char *parts)
{
	if (cache(r) == NULL)
		return NULL;
	view_common(r);
	if (r->flash_shown)      /* a one-shot message is shown once */
		return NULL;
	char *layout = NULL;
	NEOERR *err = hdf_write_string(r->hdf, &layout);
	if (err != STATUS_OK) {
		nerr_ignore(&err);
		free(layout);
		return NULL;
	}
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s %s\n%s\n%s\n", versions, r->versions ? r->versions : "-", parts, r->path);
	for (size_t i = 0; i < r->query.n; i++)
		buf_printf(&b, "?%zu:%s=%zu:%s\n", strlen(r->query.v[i].name), r->query.v[i].name,
			   strlen(r->query.v[i].value), r->query.v[i].value);   /* lengths: no two queries alike */
	buf_puts(&b, layout);
	free(layout);
	const char *key = b.failed ? NULL : arena_strdup(r->a, buf_cstr(&b));
	buf_free(&b);
	return key;
}

static struct page *find(struct page_cache *c, const char *key)
{
	size_t klen = strlen(key);
	uint64_t h = fnv1a(key, klen);
	for (size_t i = 0; i < c->n; i++)
		if (c->p[i].hash == h && c->p[i].klen == klen && memcmp(c->p[i].key, key, klen) == 0)
			return &c->p[i];
	return NULL;
}

static long long reader_of(const struct req *r)
{
	return r->user != NULL ? r->user->id : 0;
}

int page_kept(struct req *r, const char *tag, long long id)
{
	struct page_cache *c = cache(r);
	for (size_t i = 0; c != NULL && i < c->n; i++)
		if (c->p[i].id == id && c->p[i].reader == reader_of(r) && strcmp(c->p[i].tag, tag) == 0)
			return 1;
	return 0;
}

int page_serve(struct req *r, const char *key)
{
	struct page_cache *c = cache(r);
	struct page *p = c != NULL && key != NULL ? find(c, key) : NULL;
	if (p == NULL)
		return 0;
	p->used = ++c->tick;
	buf_reset(&r->body);
	buf_append(&r->body, p->body, p->blen);
	if (r->body.failed) {
		buf_reset(&r->body);
		return 0;
	}
	r->status = 200;
	r->ctype = "text/html; charset=utf-8";
	return 1;
}

void page_keep(struct req *r, const char *key, const char *tag, long long id)
{
	struct page_cache *c = cache(r);
	if (c == NULL || key == NULL || r->status != 200 || r->body.failed || r->body.len > PAGE_MAX ||
	    strlen(tag) >= sizeof c->p[0].tag)
		return;
	size_t klen = strlen(key);
	char *mem = malloc(klen + 1 + r->body.len);
	if (mem == NULL)
		return;
	memcpy(mem, key, klen + 1);
	memcpy(mem + klen + 1, r->body.data, r->body.len);
	/* a page drawn again (for newer versions) replaces its older copy */
	const char *nl = strchr(key, '\n');
	uint64_t slot = nl != NULL ? fnv1a(nl + 1, klen - (size_t)(nl + 1 - key)) : 0;
	struct page *p = NULL;
	for (size_t i = 0; i < c->n && p == NULL; i++)
		if (c->p[i].slot == slot && c->p[i].id == id && strcmp(c->p[i].tag, tag) == 0)
			p = &c->p[i];
	if (p == NULL && c->n < (size_t)r->cfg->page_cache)
		p = &c->p[c->n++];
	if (p == NULL) {         /* full: the least recently used goes */
		p = &c->p[0];
		for (size_t i = 1; i < c->n; i++)
			if (c->p[i].used < p->used)
				p = &c->p[i];
	}
	free(p->key);
	p->key = mem;
	p->klen = klen;
	p->hash = fnv1a(key, klen);
	p->slot = slot;
	p->body = mem + klen + 1;
	p->blen = r->body.len;
	snprintf(p->tag, sizeof p->tag, "%s", tag);
	p->id = id;
	p->reader = reader_of(r);
	p->used = ++c->tick;
}
