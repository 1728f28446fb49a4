/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * osc — OSC 8 hyperlinks and OSC 52 clipboard bytes, tmux/screen
 * passthrough, and the OSC 8 support guess (see include/gloss/osc.h).
 */
#include "gloss/gloss.h"

#include <nettle/base64.h>

#include "gloss/osc.h"
#include "gloss/xmalloc.h"

#define ESC "\033"
#define ST ESC "\\"
#define SCREEN_PIECE 256	/* bytes of payload per DCS piece (screen's limit is 768) */

enum osc_wrap
osc_wrap_from_env(void)
{
	const char *t = getenv("TMUX"), *s = getenv("STY");

	if (t && *t)
		return OSC_WRAP_TMUX;
	if (s && *s)
		return OSC_WRAP_SCREEN;
	return OSC_WRAP_NONE;
}

static bool
has_scheme(const char *url, size_t n, const char *scheme)
{
	size_t k = strlen(scheme);

	return n > k && strncasecmp(url, scheme, k) == 0;
}

bool
osc_url_allowed(const char *url, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)url[i] < 0x20 || url[i] == 0x7f)
			return false;
	return has_scheme(url, n, "http://") || has_scheme(url, n, "https://") ||
	    has_scheme(url, n, "ftp://") || has_scheme(url, n, "mailto:");
}

/* Printable ASCII other than space is kept; every other byte is %XX. */
static void
add_uri(struct strbuf *out, const char *url, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)url[i];

		if (c > 0x20 && c < 0x7f) {
			strbuf_addc(out, (char)c);
		} else {
			strbuf_addc(out, '%');
			strbuf_addc(out, hex[c >> 4]);
			strbuf_addc(out, hex[c & 15]);
		}
	}
}

bool
osc_link_open(struct strbuf *out, const char *url, size_t n, unsigned id)
{
	if (!osc_url_allowed(url, n))
		return false;
	strbuf_adds(out, ESC "]8;");
	if (id)
		strbuf_addf(out, "id=gloss%u", id);
	strbuf_addc(out, ';');
	add_uri(out, url, n);
	strbuf_adds(out, ST);
	return true;
}

void
osc_link_close(struct strbuf *out)
{
	strbuf_adds(out, ESC "]8;;" ST);
}

static void
add_base64(struct strbuf *out, const char *data, size_t n)
{
	char *enc = xmalloc(BASE64_ENCODE_RAW_LENGTH(n) + 1);

	base64_encode_raw((void *)enc, n, (const uint8_t *)data);
	strbuf_add(out, enc, BASE64_ENCODE_RAW_LENGTH(n));
	free(enc);
}

/* seq inside "ESC P tmux; … ESC \", every ESC of it doubled. */
static void
wrap_tmux(struct strbuf *out, const char *seq, size_t n)
{
	strbuf_adds(out, ESC "Ptmux;");
	for (size_t i = 0; i < n; i++) {
		if (seq[i] == '\033')
			strbuf_addc(out, '\033');
		strbuf_addc(out, seq[i]);
	}
	strbuf_adds(out, ST);
}

/* seq cut into pieces, each inside "ESC P … ESC \" (screen passes each on). */
static void
wrap_screen(struct strbuf *out, const char *seq, size_t n)
{
	for (size_t i = 0; i < n; i += SCREEN_PIECE) {
		strbuf_adds(out, ESC "P");
		strbuf_add(out, seq + i, GLOSS_MIN((size_t)SCREEN_PIECE, n - i));
		strbuf_adds(out, ST);
	}
}

enum gloss_status
osc_clipboard(struct strbuf *out, const char *data, size_t n, enum osc_wrap w)
{
	struct strbuf seq = STRBUF_INIT;

	if (n > OSC_CLIPBOARD_MAX)
		return GLOSS_ETOOBIG;
	/* BEL ends the sequence inside a passthrough: its ST would end the DCS */
	strbuf_adds(&seq, ESC "]52;c;");
	add_base64(&seq, data, n);
	strbuf_adds(&seq, w == OSC_WRAP_NONE ? ST : "\a");
	if (w == OSC_WRAP_TMUX)
		wrap_tmux(out, strbuf_str(&seq), seq.len);
	else if (w == OSC_WRAP_SCREEN)
		wrap_screen(out, strbuf_str(&seq), seq.len);
	else
		strbuf_add(out, strbuf_str(&seq), seq.len);
	strbuf_done(&seq);
	return GLOSS_OK;
}

static const char *
env_default(const char *name)
{
	return getenv(name);
}

static bool
set(const char *(*env)(const char *), const char *name)
{
	const char *s = env(name);

	return s && *s;
}

static bool
is(const char *(*env)(const char *), const char *name, const char *value)
{
	const char *s = env(name);

	return s && strcmp(s, value) == 0;
}

bool
osc_hyperlinks_enabled(enum osc_hyperlinks mode, const char *(*env)(const char *))
{
	static const char *const programs[] = {
		"iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper", "Tabby",
	};
	static const char *const terms[] = {
		"xterm-kitty", "wezterm", "foot", "foot-extra", "xterm-ghostty",
	};
	const char *vte;

	if (mode != OSC_LINKS_AUTO)
		return mode == OSC_LINKS_ALWAYS;
	if (env == NULL)
		env = env_default;
	if (set(env, "TMUX") || set(env, "STY"))
		return false;
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(programs); i++)
		if (is(env, "TERM_PROGRAM", programs[i]))
			return true;
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(terms); i++)
		if (is(env, "TERM", terms[i]))
			return true;
	vte = env("VTE_VERSION");
	if (vte && atoi(vte) >= 5000)
		return true;
	return set(env, "KITTY_WINDOW_ID") || set(env, "WT_SESSION");
}

int
osc_hyperlinks_parse(const char *s)
{
	if (strcmp(s, "auto") == 0)
		return OSC_LINKS_AUTO;
	if (strcmp(s, "always") == 0 || strcmp(s, "on") == 0 || strcmp(s, "yes") == 0)
		return OSC_LINKS_ALWAYS;
	if (strcmp(s, "never") == 0 || strcmp(s, "off") == 0 || strcmp(s, "no") == 0)
		return OSC_LINKS_NEVER;
	return -1;
}
