#include "test_http.h"
void add_archive_suite(void) {}
