/* field_table.c — the card's fields (field_table.h) as data. */
#include "field_table.h"

const struct client_field client_fields[CF__COUNT] = {
/* the last argument: a kind (the member after flags) or .choices = … */
#define X(col_, type_, max_, section_, flags_, extra_) \
	{ .col = #col_, .type = type_, .max = max_, .section = section_, .flags = flags_, extra_ },
	CLIENT_FIELDS(X)
#undef X
};
