/* pages.h — the handlers of the auth domain (its routes: domain.c). */
#ifndef DOSSIER_AUTH_PAGES_H
#define DOSSIER_AUTH_PAGES_H
#include "core/app.h"
#include "sql.h"

int page_home(struct req *r);
int auth_login_form(struct req *r);
int auth_login(struct req *r);
int auth_logout(struct req *r);
int auth_password_form(struct req *r);
int auth_password(struct req *r);
int auth_lang(struct req *r);

#endif
