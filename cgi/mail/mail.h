/* mail.h — the mail domain's own parts: the SMTP session and the message
 * text (smtp.c), the chat robots (robots.c), the sender and the digest tasks
 * (send.c, digest.c), the pages (pages.c, sink.c). Other domains include
 * outbox.h only. */
#ifndef DOSSIER_MAIL_MAIL_H
#define DOSSIER_MAIL_MAIL_H
#include "outbox.h"
#include "core/buf.h"

/* ---- smtp.c ---- */
struct smtp;                     /* one libcurl handle: its connection is kept across messages */
struct smtp *smtp_new(const struct config *cfg);
void smtp_free(struct smtp *s);
/* Sends one message. 0 sent; else -1 with a reason in err (errlen bytes);
 * *fatal = 1 when the server cannot be used at all now (no connection, TLS or
 * sign-in refused): the rest of the run's mail waits. */
int smtp_send(struct smtp *s, const char *to, const char *message, char *err, size_t errlen, int *fatal);
/* The RFC 5322 message: multipart/alternative (text/plain and text/html,
 * UTF-8, base64), RFC 2047 subject, Date (of the app's clock), From, To,
 * Message-ID <dossier.ID.KEY@host>. With an attachment (attach_name not
 * NULL or "": its type and its bytes already base64-encoded in lines),
 * multipart/mixed holding the alternative and the attachment. In r's arena;
 * NULL on failure. */
const char *mail_compose(struct req *r, long long id, const char *to, const char *title, const char *text,
			 const char *html, const char *attach_name, const char *attach_type, const char *attach_b64);
/* "=?UTF-8?B?…?=" words, folded, for a header (plain ASCII stays as it is). */
const char *mail_encode_header(struct req *r, const char *text);
/* base64 of n bytes into b, lines of 76 characters ending in CRLF when wrap. */
void mail_base64(struct buf *b, const unsigned char *p, size_t n, int wrap);

/* ---- robots.c ---- */
enum robot_kind { ROBOT_NONE, ROBOT_WECOM, ROBOT_DINGTALK, ROBOT_JSON };
enum robot_kind robot_kind_of(const char *name);
/* Posts title and text to a robot (key: WeCom's key, DingTalk's access
 * token, or the JSON webhook's whole URL; secret: DingTalk's signing secret).
 * 0 delivered; else -1 with the reason in err. */
int robot_send(struct req *r, enum robot_kind kind, const char *key, const char *secret, const char *title,
	       const char *text, const char *kind_name, const char *subject_ref, char *err, size_t errlen);
/* DingTalk's sign: urlencode(base64(HMAC-SHA256(secret, "<ms>\n<secret>"))), in r's arena. */
const char *robot_dingtalk_sign(struct req *r, long long ms, const char *secret);

/* ---- outbox.c ---- */
/* The text stored by lang_key() (or plain) in lang. */
const char *mail_lang_text(struct req *r, const char *lang, const char *stored);

/* ---- send.c, digest.c: the scheduled tasks ---- */
int mail_send_due(struct req *r, long long *n);
int mail_digest_due(struct req *r, long long *n);
int mail_purge_due(struct req *r, long long *n);
/* The message kinds of the mail domain (digest, test). */
int mail_digest_needed(struct req *r, const char *subject_ref, long long recipient);

/* ---- pages ---- */
int mail_prefs_page(struct req *r);
int mail_prefs_save(struct req *r);
int mail_outbox_page(struct req *r);
int mail_outbox_resend(struct req *r);
int mail_settings_page(struct req *r);
int mail_test_send(struct req *r);
int mail_robots_page(struct req *r);
int mail_robot_save(struct req *r);
int mail_sink_page(struct req *r);
int mail_test_put(struct req *r);        /* test mode only */

#endif
