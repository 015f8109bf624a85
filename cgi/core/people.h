/* people.h — choosing a person by name in any form, also without JavaScript
 * (a server-rendered chooser, templates/macros.cs person_field).
 *
 * The form carries <name>_q, what was typed: part of a display name, a
 * login, or part of a department's name; and <name>, the chosen person's id
 * (a hidden input once chosen, or a radio among the candidates). A form
 * shown for the first time with a person in it calls person_show.
 *
 *	long long to;
 *	int ok = person_choose(r, "to", PERSON_REQUIRED, &to);
 *	…other fields…
 *	if (!ok) return render(r, form_status(r), …);   // nobody, several, or "find"
 */
#ifndef DOSSIER_PEOPLE_H
#define DOSSIER_PEOPLE_H
#include "app.h"

enum person_flag {
	PERSON_REQUIRED = 1,   /* nothing typed is refused ("choose a person") */
	PERSON_QUERY = 2,      /* read from the query string (a filter), not the POSTed form */
};

#define PEOPLE_SHOWN 20        /* candidates listed at most */

/* Resolves the field: a chosen id whose name is still what the field shows,
 * else the one enabled person matching what was typed (an exact name or
 * login wins over partial matches). Sets Form.values.<name> (the id) and
 * Form.values.<name>_q (the person's name) when chosen; otherwise the
 * candidates under Form.pick.<name>.N.{id,name,dept} and a message under
 * the field. Returns 1 with *id set when one person is chosen; 0 when nobody
 * was typed (and *id = 0, no message unless PERSON_REQUIRED), when nobody or
 * several match, or when the form's "find" button (_find) was pressed; -1
 * on a database failure (the caller answers db_fail). */
int person_choose(struct req *r, const char *name, unsigned flags, long long *id);

/* Puts the person id in the field as chosen (a form's first display). 0, or -1. */
int person_show(struct req *r, const char *name, long long id);

/* When the form's "find" button (_find = the chooser's name) was pressed: drops
 * the messages of the other fields (nothing is being saved yet) and returns 1;
 * else 0. person_choose calls it; a form that checks its fields after a
 * chooser calls it again. */
int form_find_only(struct req *r);

/* 422 when a field was refused (Form.invalid), else 200: the status of a form
 * shown again after person_choose returned 0. */
int form_status(struct req *r);

#endif
