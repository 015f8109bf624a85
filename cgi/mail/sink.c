/* sink.c — /admin/mail/sink: the last messages a local SMTP sink received
 * (its Maildir, mail_sink_dir), read back: subject (RFC 2047 decoded), from,
 * to, date, the text part, and the HTML part shown in a sandboxed iframe
 * whose srcdoc is an escaped attribute (no script runs, nothing loads). */
#include "mail.h"
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define SINK_SHOWN 20
#define SINK_MAX_FILES 1000000   /* files looked at, at most */
#define SINK_MAX_BYTES (1 << 20)

struct part {
	const char *headers;     /* unfolded, "\n"-separated */
	const char *body;
	size_t len;
};

/* The file's text (at most SINK_MAX_BYTES), NUL-terminated, in r's arena. */
static char *read_file(struct req *r, const char *path, size_t size, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	if (size > SINK_MAX_BYTES)
		size = SINK_MAX_BYTES;
	char *data = arena_alloc(r->a, size + 1);
	*len = fread(data, 1, size, f);
	fclose(f);
	data[*len] = '\0';
	return data;
}

/* Splits text into unfolded headers and the body. */
static struct part split(struct req *r, const char *text, size_t len)
{
	struct part p = { "", "", 0 };
	const char *end = strstr(text, "\r\n\r\n");
	const char *lf = strstr(text, "\n\n");
	size_t skip = 4;
	if (end == NULL || (lf != NULL && lf < end)) {
		end = lf;
		skip = 2;
	}
	if (end == NULL)
		return p;
	char *h = arena_strndup(r->a, text, (size_t)(end - text));
	/* unfold: CRLF (or LF) followed by white space continues the line */
	char *w = h;
	for (char *q = h; *q; q++) {
		if (*q == '\r')
			continue;
		if (*q == '\n' && (q[1] == ' ' || q[1] == '\t'))
			continue;
		*w++ = *q;
	}
	*w = '\0';
	p.headers = h;
	p.body = end + skip;
	p.len = len - (size_t)(p.body - text);
	return p;
}

/* The value of header name (case-insensitive), or "". */
static const char *header(struct req *r, const char *headers, const char *name)
{
	size_t n = strlen(name);
	for (const char *l = headers; *l;) {
		size_t ll = strcspn(l, "\n");
		if (ll > n && strncasecmp(l, name, n) == 0 && l[n] == ':') {
			const char *v = l + n + 1;
			v += strspn(v, " \t");
			return arena_strndup(r->a, v, ll - (size_t)(v - l));
		}
		l += ll;
		if (*l == '\n')
			l++;
	}
	return "";
}

/* A parameter of a header value (boundary="…"), or "". */
static const char *param(struct req *r, const char *value, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = value; (p = strchr(p, ';')) != NULL;) {
		p++;
		p += strspn(p, " \t");
		if (strncasecmp(p, name, n) == 0 && p[n] == '=') {
			p += n + 1;
			if (*p == '"') {
				p++;
				return arena_strndup(r->a, p, strcspn(p, "\""));
			}
			return arena_strndup(r->a, p, strcspn(p, "; \t"));
		}
	}
	return "";
}

static int b64_value(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

static char *unbase64(struct req *r, const char *s, size_t n, size_t *outlen)
{
	char *out = arena_alloc(r->a, n / 4 * 3 + 4);
	size_t o = 0;
	unsigned v = 0;
	int bits = 0;
	for (size_t i = 0; i < n; i++) {
		int d = b64_value((unsigned char)s[i]);
		if (d < 0)
			continue;
		v = (v << 6) | (unsigned)d;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (char)((v >> bits) & 0xFF);
		}
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

static int hexval(int c)
{
	return isdigit(c) ? c - '0' : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}

/* Quoted-printable; in a header (q = 1) '_' is a space. */
static char *unqp(struct req *r, const char *s, size_t n, int q)
{
	char *out = arena_alloc(r->a, n + 1);
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '=' && i + 1 < n && (s[i + 1] == '\n' || s[i + 1] == '\r')) {
			i += s[i + 1] == '\r' && i + 2 < n && s[i + 2] == '\n' ? 2 : 1;
		} else if (s[i] == '=' && i + 2 < n && hexval((unsigned char)s[i + 1]) >= 0 &&
			   hexval((unsigned char)s[i + 2]) >= 0) {
			out[o++] = (char)(hexval((unsigned char)s[i + 1]) * 16 + hexval((unsigned char)s[i + 2]));
			i += 2;
		} else {
			out[o++] = q && s[i] == '_' ? ' ' : s[i];
		}
	}
	out[o] = '\0';
	return out;
}

/* RFC 2047 words (UTF-8, B or Q) decoded; others left as they are. */
static const char *decode_words(struct req *r, const char *v)
{
	struct buf b;
	buf_init(&b);
	const char *p = v;
	int last_word = 0;
	while (*p) {
		const char *w = strstr(p, "=?");
		if (w == NULL) {
			buf_puts(&b, p);
			break;
		}
		const char *q1 = strchr(w + 2, '?');
		const char *q2 = q1 ? strchr(q1 + 1, '?') : NULL;
		const char *e = q2 ? strstr(q2 + 1, "?=") : NULL;
		if (e == NULL) {
			buf_puts(&b, p);
			break;
		}
		/* white space between two encoded words is dropped */
		if (!(last_word && strspn(p, " \t") == (size_t)(w - p)))
			buf_append(&b, p, (size_t)(w - p));
		char enc = (char)toupper((unsigned char)q1[1]);
		const char *data = q2 + 1;
		size_t dl = (size_t)(e - data), ol = 0;
		if (enc == 'B') {
			const char *d = unbase64(r, data, dl, &ol);
			buf_append(&b, d, ol);
		} else if (enc == 'Q') {
			buf_puts(&b, unqp(r, data, dl, 1));
		} else {
			buf_append(&b, w, (size_t)(e + 2 - w));
		}
		last_word = 1;
		p = e + 2;
	}
	const char *out = arena_strdup(r->a, b.failed ? v : buf_cstr(&b));
	buf_free(&b);
	return out;
}

/* The decoded body of a part. */
static const char *part_text(struct req *r, const struct part *p)
{
	const char *cte = header(r, p->headers, "Content-Transfer-Encoding");
	size_t ol;
	if (strncasecmp(cte, "base64", 6) == 0)
		return unbase64(r, p->body, p->len, &ol);
	if (strncasecmp(cte, "quoted-printable", 16) == 0)
		return unqp(r, p->body, p->len, 0);
	return arena_strndup(r->a, p->body, p->len);
}

/* Finds the text/plain and text/html parts of message m (one level of multipart, nested once). */
static void find_parts(struct req *r, const struct part *m, const char **text, const char **html, int depth)
{
	const char *ct = header(r, m->headers, "Content-Type");
	if (strncasecmp(ct, "multipart/", 10) != 0 || depth > 2) {
		if (strncasecmp(ct, "text/html", 9) == 0)
			*html = part_text(r, m);
		else if (*ct == '\0' || strncasecmp(ct, "text/plain", 10) == 0)
			*text = part_text(r, m);
		return;
	}
	const char *boundary = param(r, ct, "boundary");
	if (*boundary == '\0')
		return;
	const char *delim = arena_printf(r->a, "--%s", boundary);
	const char *body = arena_strndup(r->a, m->body, m->len);
	const char *p = strstr(body, delim);
	while (p != NULL) {
		p += strlen(delim);
		if (strncmp(p, "--", 2) == 0)
			break;
		p += strspn(p, "\r\n");
		const char *next = strstr(p, delim);
		size_t len = next ? (size_t)(next - p) : strlen(p);
		struct part sub = split(r, arena_strndup(r->a, p, len), len);
		find_parts(r, &sub, text, html, depth + 1);
		p = next;
	}
}

struct entry {
	char path[800];
	time_t mtime;
	size_t size;
};

static int newest_first(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	return x->mtime < y->mtime ? 1 : x->mtime > y->mtime ? -1 : strcmp(y->path, x->path);
}

int mail_sink_page(struct req *r)
{
	view_set(r, "Page.title", lang_text(r, "mail.sink.title"));
	const char *dir = r->cfg->mail_sink_dir;
	if (*dir == '\0')
		return render(r, 200, "mail/sink.cs");
	view_set(r, "Sink.dir", dir);
	/* the newest SINK_SHOWN of however many files: kept sorted while reading */
	struct entry e[SINK_SHOWN + 1];
	size_t n = 0;
	long long total = 0;
	static const char *const subdirs[] = { "new", "cur" };
	for (int s = 0; s < 2; s++) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s", dir, subdirs[s]);
		DIR *dp = opendir(path);
		if (dp == NULL)
			continue;
		struct dirent *d;
		while ((d = readdir(dp)) != NULL && total < SINK_MAX_FILES) {
			if (d->d_name[0] == '.')
				continue;
			struct stat st;
			struct entry cur;
			snprintf(cur.path, sizeof cur.path, "%s/%s", path, d->d_name);
			if (stat(cur.path, &st) != 0 || !S_ISREG(st.st_mode))
				continue;
			total++;
			cur.mtime = st.st_mtime;
			cur.size = (size_t)st.st_size;
			size_t k = n < SINK_SHOWN ? n++ : SINK_SHOWN;
			if (k == SINK_SHOWN && newest_first(&cur, &e[SINK_SHOWN - 1]) >= 0)
				continue;                       /* older than every one kept */
			if (k == SINK_SHOWN)
				k = SINK_SHOWN - 1;
			for (; k > 0 && newest_first(&cur, &e[k - 1]) < 0; k--)
				e[k] = e[k - 1];
			e[k] = cur;
		}
		closedir(dp);
	}
	view_set_int(r, "Sink.count", total);
	for (size_t i = 0; i < n && i < SINK_SHOWN; i++) {
		size_t len = 0;
		char *data = read_file(r, e[i].path, e[i].size, &len);
		if (data == NULL)
			continue;
		for (size_t k = 0; k < len; k++)
			if (data[k] == '\0')
				data[k] = ' ';
		struct part m = split(r, data, len);
		const char *text = "", *html = "";
		find_parts(r, &m, &text, &html, 0);
		const char *p = arena_printf(r->a, "Sink.mails.%zu", i);
		view_set(r, arena_printf(r->a, "%s.subject", p), decode_words(r, header(r, m.headers, "Subject")));
		view_set(r, arena_printf(r->a, "%s.from", p), decode_words(r, header(r, m.headers, "From")));
		view_set(r, arena_printf(r->a, "%s.to", p), decode_words(r, header(r, m.headers, "To")));
		view_set(r, arena_printf(r->a, "%s.date", p), header(r, m.headers, "Date"));
		view_set(r, arena_printf(r->a, "%s.message_id", p), header(r, m.headers, "Message-ID"));
		view_set(r, arena_printf(r->a, "%s.text", p), text);
		view_set(r, arena_printf(r->a, "%s.html", p), html);
	}
	return render(r, 200, "mail/sink.cs");
}
