/* server.h — the FastCGI service: a supervisor and its worker processes. */
#ifndef DOSSIER_SERVER_H
#define DOSSIER_SERVER_H
#include "app.h"
#include <fcgiapp.h>

/* Opens the socket, forks the workers and restarts any that die (a crash or
 * a request past request_timeout costs one request, never the service).
 * SIGTERM/SIGINT: workers finish their request and exit; returns 0. */
int server_run(const struct config *cfg);
/* Serves one request (app.c). */
void app_handle(struct worker *w, FCGX_Request *fr);

#endif
