#include "field_table.h"

const struct client_field client_fields[CF__COUNT] = {
#define X(col, type, max, section, flags, extra) { #col, type, max, section, flags, extra },
	CLIENT_FIELDS(X)
#undef X
};
