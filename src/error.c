/*
 * error — status codes, the last error message, and the fatal path that
 * restores the terminal before exiting.
 */
#include "gloss/gloss.h"

#include <stdarg.h>

#include "gloss/error.h"

static const struct {
	int code;
	const char *msg;
} status_info[] = {
#define GLOSS_STATUS_INFO(name, code, msg) { code, msg },
	GLOSS_STATUS_LIST(GLOSS_STATUS_INFO)
#undef GLOSS_STATUS_INFO
};

static _Thread_local char last_message[1024];	/* each thread its own */
static void (*fatal_cleanup)(void);

const char *
error_message(enum gloss_status st)
{
	if ((unsigned)st >= GLOSS_STATUS_COUNT)
		return "unknown error";
	return status_info[st].msg;
}

int
error_exit_code(enum gloss_status st)
{
	if ((unsigned)st >= GLOSS_STATUS_COUNT)
		return 1;
	return status_info[st].code;
}

enum gloss_status
error_set(enum gloss_status st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_message, sizeof last_message, fmt, ap);
	va_end(ap);
	return st;
}

const char *
error_last(enum gloss_status st)
{
	return last_message[0] ? last_message : error_message(st);
}

void
error_clear(void)
{
	last_message[0] = '\0';
}

void
error_set_cleanup(void (*cleanup)(void))
{
	fatal_cleanup = cleanup;
}

/*
 * Prints "gloss: MESSAGE" on the fatal path: without allocating (it runs
 * when memory is exhausted) and with every byte outside printable ASCII
 * shown as '?' (fatal messages are gloss's own; this only guarantees that
 * no control sequence reaches the terminal).  Commands print their errors
 * through cmd_error(), which shows every character safely.
 */
static void
print_fatal(const char *fmt, va_list ap)
{
	char msg[1024];

	vsnprintf(msg, sizeof msg, fmt, ap);
	for (char *c = msg; *c; c++)
		if ((unsigned char)*c < 0x20 || (unsigned char)*c >= 0x7F)
			*c = '?';
	fprintf(stderr, "gloss: %s\n", msg);
}

void
error_fatal(const char *fmt, ...)
{
	va_list ap;

	if (fatal_cleanup) {
		void (*cleanup)(void) = fatal_cleanup;

		fatal_cleanup = NULL;	/* no recursion if cleanup fails */
		cleanup();
	}
	va_start(ap, fmt);
	print_fatal(fmt, ap);
	va_end(ap);
	exit(1);
}
