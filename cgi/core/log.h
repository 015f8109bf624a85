/* log.h — one log for the service: a line per request and per event. */
#ifndef DOSSIER_LOG_H
#define DOSSIER_LOG_H

/* Opens path for appending (NULL or "" = stderr). */
int log_open(const char *path);
void log_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
