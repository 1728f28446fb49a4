/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_osc — the exact bytes of OSC 8 hyperlinks and OSC 52 clipboard
 * writes (plain, tmux and screen passthrough), the size limit, and the
 * OSC 8 support guess.
 */
#include "gloss/gloss.h"

#include "gloss/osc.h"
#include "gloss/xmalloc.h"
#include "../lib/tap.h"

static const char *fake_env[16][2];

static const char *
fake_getenv(const char *name)
{
	for (size_t i = 0; i < 16 && fake_env[i][0]; i++)
		if (strcmp(fake_env[i][0], name) == 0)
			return fake_env[i][1];
	return NULL;
}

static bool
guess(const char *n1, const char *v1, const char *n2, const char *v2)
{
	memset(fake_env, 0, sizeof fake_env);
	fake_env[0][0] = n1, fake_env[0][1] = v1;
	fake_env[1][0] = n2, fake_env[1][1] = v2;
	return osc_hyperlinks_enabled(OSC_LINKS_AUTO, fake_getenv);
}

static void
test_links(void)
{
	struct strbuf sb = STRBUF_INIT;
	const char *u = "https://belta.by/society/view/x?a=1&b=2#Text";

	ok(osc_link_open(&sb, u, strlen(u), 3), "https link opens");
	osc_link_close(&sb);
	is_str(strbuf_str(&sb), "\033]8;id=gloss3;https://belta.by/society/view/x?a=1&b=2#Text\033\\"
	    "\033]8;;\033\\", "OSC 8 open with id, then close");
	strbuf_reset(&sb);
	u = "https://uk.wikipedia.org/wiki/Київ path";
	ok(osc_link_open(&sb, u, strlen(u), 0), "non-ASCII link opens");
	is_str(strbuf_str(&sb), "\033]8;;https://uk.wikipedia.org/wiki/%D0%9A%D0%B8%D1%97%D0%B2%20path\033\\",
	    "non-ASCII and space percent-encoded, no id");
	strbuf_reset(&sb);
	ok(!osc_link_open(&sb, "javascript:alert(1)", 19, 1), "javascript: refused");
	ok(!osc_link_open(&sb, "file:///etc/passwd", 18, 1), "file: refused");
	ok(!osc_link_open(&sb, "https://x\033]0;t\a", 15, 1), "control characters refused");
	ok(osc_link_open(&sb, "MAILTO:a@b.c", 12, 0), "scheme case-insensitive (mailto)");
	ok(!osc_url_allowed("http://", 7), "scheme alone refused");
	strbuf_done(&sb);
}

static void
test_clipboard(void)
{
	struct strbuf sb = STRBUF_INIT;
	char *big;

	ok(osc_clipboard(&sb, "Там же", strlen("Там же"), OSC_WRAP_NONE) == GLOSS_OK, "plain");
	is_str(strbuf_str(&sb), "\033]52;c;0KLQsNC8INC20LU=\033\\", "OSC 52 plain, ST-terminated");
	strbuf_reset(&sb);
	osc_clipboard(&sb, "hi", 2, OSC_WRAP_TMUX);
	is_str(strbuf_str(&sb), "\033Ptmux;\033\033]52;c;aGk=\a\033\\", "tmux passthrough, ESC doubled");
	strbuf_reset(&sb);
	osc_clipboard(&sb, "hi", 2, OSC_WRAP_SCREEN);
	is_str(strbuf_str(&sb), "\033P\033]52;c;aGk=\a\033\\", "screen passthrough, one piece");
	strbuf_reset(&sb);
	big = xmalloc(300);
	memset(big, 'a', 300);
	osc_clipboard(&sb, big, 300, OSC_WRAP_SCREEN);
	/* 7 + 400 + 1 = 408 bytes of sequence: pieces of 256 and 152 */
	ok(sb.len == 408 + 2 * 4, "screen: two pieces (%zu bytes)", sb.len);
	ok(memcmp(sb.buf + 2 + 256, "\033\\\033P", 4) == 0, "screen: piece boundary after 256 bytes");
	strbuf_reset(&sb);
	free(big);
	big = xcalloc(OSC_CLIPBOARD_MAX + 1, 1);
	memset(big, 'x', OSC_CLIPBOARD_MAX + 1);
	ok(osc_clipboard(&sb, big, OSC_CLIPBOARD_MAX + 1, OSC_WRAP_NONE) == GLOSS_ETOOBIG,
	    "over the limit refused");
	ok(sb.len == 0, "nothing appended when refused");
	ok(osc_clipboard(&sb, big, OSC_CLIPBOARD_MAX, OSC_WRAP_NONE) == GLOSS_OK, "at the limit accepted");
	ok(sb.len < 100000, "base64 at the limit under 100,000 bytes (%zu)", sb.len);
	free(big);
	strbuf_done(&sb);
}

static void
test_guess(void)
{
	ok(osc_hyperlinks_enabled(OSC_LINKS_ALWAYS, fake_getenv), "always");
	ok(!osc_hyperlinks_enabled(OSC_LINKS_NEVER, fake_getenv), "never");
	ok(!guess("TERM", "xterm-256color", NULL, NULL), "plain xterm: off");
	ok(guess("TERM", "xterm-kitty", NULL, NULL), "kitty: on");
	ok(guess("TERM_PROGRAM", "WezTerm", NULL, NULL), "WezTerm: on");
	ok(guess("VTE_VERSION", "6800", NULL, NULL), "VTE 0.68: on");
	ok(!guess("VTE_VERSION", "4600", NULL, NULL), "VTE 0.46: off");
	ok(!guess("TERM", "xterm-kitty", "TMUX", "/tmp/tmux-0/default,1,0"), "inside tmux: off");
	ok(!guess("TERM_PROGRAM", "iTerm.app", "STY", "1.pts"), "inside screen: off");
	ok(osc_hyperlinks_parse("on") == OSC_LINKS_ALWAYS && osc_hyperlinks_parse("never") == OSC_LINKS_NEVER &&
	    osc_hyperlinks_parse("auto") == OSC_LINKS_AUTO && osc_hyperlinks_parse("maybe") == -1, "parse");
}

int
main(void)
{
	test_links();
	test_clipboard();
	test_guess();
	return tap_done();
}
