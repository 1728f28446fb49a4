/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * osc — the bytes of the terminal features gloss uses beyond curses:
 * OSC 8 hyperlinks and OSC 52 clipboard writes, with the passthrough
 * wrapping tmux and GNU screen need, and the rule deciding whether the
 * terminal is likely to understand OSC 8.
 *
 * Nothing here writes to the terminal: functions append bytes to a strbuf
 * the caller owns.  Only printable ASCII ever goes inside a sequence: a
 * URL is percent-encoded, clipboard data is base64.
 */
#ifndef GLOSS_OSC_H
#define GLOSS_OSC_H

#include "gloss/gloss.h"
#include "gloss/error.h"
#include "gloss/strbuf.h"

/* Largest clipboard text (bytes) osc_clipboard() accepts: the whole sequence stays under 100,000 bytes. */
#define OSC_CLIPBOARD_MAX 74988

enum osc_wrap {
	OSC_WRAP_NONE,		/* straight to the terminal */
	OSC_WRAP_TMUX,		/* DCS tmux; passthrough (ESC doubled) */
	OSC_WRAP_SCREEN,	/* DCS passthrough in pieces GNU screen accepts */
};

enum osc_hyperlinks {
	OSC_LINKS_AUTO,
	OSC_LINKS_ALWAYS,
	OSC_LINKS_NEVER,
};

/* The wrapping for the environment: $TMUX → tmux, else $STY → screen, else none. */
enum osc_wrap osc_wrap_from_env(void);

/*
 * Whether a URL may become a hyperlink: http, https, ftp or mailto
 * scheme (case-insensitive), no control characters.
 */
bool osc_url_allowed(const char *url, size_t n);

/*
 * Appends the OSC 8 sequence opening a hyperlink to url (false, appending
 * nothing, if the URL is not allowed).  id groups the pieces of one link
 * broken over lines (0: no id).  osc_link_close() ends it.
 */
bool osc_link_open(struct strbuf *out, const char *url, size_t n, unsigned id);
void osc_link_close(struct strbuf *out);

/*
 * Appends an OSC 52 sequence setting the clipboard ("c") to data, wrapped
 * as w says.  GLOSS_ETOOBIG (appending nothing) when n > OSC_CLIPBOARD_MAX.
 */
enum gloss_status osc_clipboard(struct strbuf *out, const char *data, size_t n, enum osc_wrap w);

/*
 * Whether to emit hyperlinks: ALWAYS/NEVER as given; AUTO guesses from the
 * environment (getenv_fn(name), NULL: getenv): on for terminals known to
 * support OSC 8 (kitty, WezTerm, iTerm2, VTE ≥ 0.50, Windows Terminal,
 * foot, ghostty, VS Code), off inside tmux or screen and everywhere else.
 */
bool osc_hyperlinks_enabled(enum osc_hyperlinks mode, const char *(*getenv_fn)(const char *));

/* Parses "auto", "always"/"on"/"yes", "never"/"off"/"no"; -1 for anything else. */
int osc_hyperlinks_parse(const char *s);

#endif
