/* pages_test.c — routes that exist only with test_mode = 1 (router.c skips
 * them otherwise): they let the integration tests prove that a crashing or
 * hanging request costs one request and never the service. */
#include "pages.h"
#include <signal.h>
#include <unistd.h>

int test_crash(struct req *r)
{
	(void)r;
	raise(SIGSEGV);
	return 500;
}

int test_hang(struct req *r)
{
	(void)r;
	for (;;)
		pause();          /* the request watchdog (request_timeout) ends this */
}
