#include "queries.h"

const char *const query_sql[Q__COUNT] = {
#define X(name, sql) sql,
	QUERIES(X)
#undef X
};

const char *const query_name[Q__COUNT] = {
#define X(name, sql) #name,
	QUERIES(X)
#undef X
};
