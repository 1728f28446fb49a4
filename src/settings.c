/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * settings — reads the config file and applies it to the options, the key
 * bindings and the theme (see include/gloss/settings.h).  Each directive is a
 * row of a table: its name, its usage and the function that applies it.
 */
#include "gloss/gloss.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gloss/action.h"
#include "gloss/settings.h"
#include "gloss/display.h"
#include "gloss/glyph.h"
#include "gloss/keymap.h"
#include "gloss/options.h"
#include "gloss/osc.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"

#define SETTINGS_MAX (1 << 20)	/* a bigger config file is not one */
#define SETTINGS_WORDS 4

static char problem[512];
static char *path;
static bool path_known;

/* ------------------------------------------------------------------ */
/* Values */

static int
parse_bool(const char *s)
{
	static const char *const yes[] = { "on", "yes", "true", "1" }, *const no[] = { "off", "no", "false", "0" };

	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(yes); i++) {
		if (strcmp(s, yes[i]) == 0)
			return 1;
		if (strcmp(s, no[i]) == 0)
			return 0;
	}
	return -1;
}

static const char *const color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

/* "default" (-1), a colour name, bright-NAME (8..15) or 0..255; -2 if none. */
static short
parse_color(const char *s)
{
	char *end;
	long n;

	if (strcmp(s, "default") == 0)
		return -1;
	for (short i = 0; i < 8; i++) {
		if (strcmp(s, color_names[i]) == 0)
			return i;
		if (strncmp(s, "bright-", 7) == 0 && strcmp(s + 7, color_names[i]) == 0)
			return (short)(i + 8);
	}
	n = strtol(s, &end, 10);
	return *s && *end == '\0' && n >= 0 && n <= 255 ? (short)n : -2;
}

static void
print_color(FILE *f, short c)
{
	if (c < 0)
		fputs("default", f);
	else if (c < 8)
		fputs(color_names[c], f);
	else if (c < 16)
		fprintf(f, "bright-%s", color_names[c - 8]);
	else
		fprintf(f, "%d", c);
}

/* ------------------------------------------------------------------ */
/* set NAME VALUE */

static const char *const layout_names[] = { "auto", "ru", "be", "off" };

static bool
set_layout(const char *v)
{
	if (strcmp(v, "uk") == 0)
		v = "ru";	/* the Ukrainian and Russian places differ in no key gloss binds */
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(layout_names); i++) {
		if (strcmp(v, layout_names[i]) == 0) {
			keymap_set_layout((enum keymap_layout)i);
			return true;
		}
	}
	return false;
}

static bool
set_flag(bool *flag, const char *v)
{
	int b = parse_bool(v);

	if (b >= 0)
		*flag = b;
	return b >= 0;
}

/* Applies set NAME VALUE; false (with why) when NAME or VALUE is not one. */
static bool
apply_set(const char *name, const char *v, const char **why)
{
	static char *db, *corpus;
	char *end;
	long n;
	int m;

	*why = "a bad value";
	if (strcmp(name, "column") == 0) {
		n = strtol(v, &end, 10);
		if (*v == '\0' || *end || n < 20 || n > 1000)
			return (*why = "the column is 20 to 1000"), false;
		opt_column = (int)n;
	} else if (strcmp(name, "color") == 0 || strcmp(name, "colour") == 0) {
		if ((m = options_color_parse(v)) < 0)
			return (*why = "color is auto, always or never"), false;
		opt_color = (enum opt_color)m;
	} else if (strcmp(name, "hyperlinks") == 0) {
		if ((m = osc_hyperlinks_parse(v)) < 0)
			return (*why = "hyperlinks is auto, always or never"), false;
		opt_hyperlinks = m;
	} else if (strcmp(name, "mouse") == 0) {
		return set_flag(&opt_mouse, v) || (*why = "mouse is on or off", false);
	} else if (strcmp(name, "fold") == 0) {
		return set_flag(&opt_fold, v) || (*why = "fold is on or off", false);
	} else if (strcmp(name, "incsearch") == 0) {
		return set_flag(&opt_incsearch, v) || (*why = "incsearch is on or off", false);
	} else if (strcmp(name, "hyphenate") == 0) {
		return set_flag(&opt_hyphenate, v) || (*why = "hyphenate is on or off", false);
	} else if (strcmp(name, "ascii") == 0) {
		if (!set_flag(&opt_ascii_forced, v))
			return (*why = "ascii is on or off"), false;
		opt_glyphs = opt_ascii_forced ? GLYPH_ASCII : GLYPH_UTF8;
	} else if (strcmp(name, "keyboard-layout") == 0) {
		return set_layout(v) || (*why = "keyboard-layout is auto, ru, uk, be or off", false);
	} else if (strcmp(name, "db") == 0) {
		if (getenv("GLOSS_DB") == NULL) {
			free(db);
			opt_db = db = xstrdup(v);
		}
	} else if (strcmp(name, "corpus") == 0) {
		if (getenv("GLOSS_CORPUS") == NULL) {
			free(corpus);
			opt_corpus = corpus = xstrdup(v);
		}
	} else {
		*why = "no such setting (column, color, hyperlinks, mouse, fold, incsearch, hyphenate, ascii, keyboard-layout, db, corpus)";
		return false;
	}
	return true;
}

/* ------------------------------------------------------------------ */
/* Directives */

struct words {
	char *w[SETTINGS_WORDS + 1];
	int n;
};

static bool
view_scope(const char *view, const char **scope, enum keymap_mode *mode)
{
	static const char *const views[] = { "pager", "list", "help", "popup" };

	*mode = KEYMAP_NORMAL;
	*scope = "";
	if (strcmp(view, "all") == 0)
		return true;
	if (strcmp(view, "selection") == 0) {
		*mode = KEYMAP_VISUAL;
		return true;
	}
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(views); i++)
		if (strcmp(view, views[i]) == 0)
			return (*scope = views[i]), true;
	return false;
}

static const char *
do_set(struct words *w)
{
	const char *why;

	return apply_set(w->w[1], w->w[2], &why) ? NULL : why;
}

static const char *
bind_key(const char *view, const char *key, enum action a)
{
	const char *scope;
	enum keymap_mode mode;
	struct key k;

	if (!view_scope(view, &scope, &mode))
		return "the view is all, pager, list, help, popup or selection";
	if (!keymap_parse(key, &k))
		return "no such key (a character, ^X, Space, Enter, Esc, Tab, BS, Up, Down, Left, Right, PgUp, PgDn, Home, End, F1…F12)";
	return keymap_bind(scope, &k, a, mode) == GLOSS_OK ? NULL : "too many bindings";
}

static const char *
do_bind(struct words *w)
{
	enum action a = action_parse(w->w[3]);

	if (a == ACTION_NONE)
		return "no such action (gloss --list-keys names them)";
	return bind_key(w->w[1], w->w[2], a);
}

static const char *
do_unbind(struct words *w)
{
	return bind_key(w->w[1], w->w[2], ACTION_NONE);
}

static const char *
do_color(struct words *w)
{
	short fg = parse_color(w->w[2]), bg = w->n > 3 ? parse_color(w->w[3]) : -1;

	if (fg == -2 || bg == -2)
		return "a colour is default, black, red, green, yellow, blue, magenta, cyan, white, bright-NAME or 0 to 255";
	return display_theme_set(w->w[1], fg, bg) ? NULL :
	    "the element is match, link, note, code, key or mark";
}

static const struct directive {
	const char *name;
	int min, max;		/* words after the name */
	const char *usage;
	const char *(*apply)(struct words *w);
} directives[] = {
	{ "set", 2, 2, "set NAME VALUE", do_set },
	{ "bind", 3, 3, "bind VIEW KEY ACTION", do_bind },
	{ "unbind", 2, 2, "unbind VIEW KEY", do_unbind },
	{ "color", 2, 3, "color ELEMENT FOREGROUND [BACKGROUND]", do_color },
};

/* Ends a set's value (which may hold spaces) before a " #" comment and trailing blanks. */
static void
rest_of_line(char *p)
{
	char *c = strstr(p, " #"), *t = strstr(p, "\t#");
	size_t n;

	if (t && (!c || t < c))
		c = t;
	n = c ? (size_t)(c - p) : strlen(p);
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	p[n] = '\0';
}

/* Splits line (modified in place) into words; a '#' outside a word starts a comment. */
static bool
split(char *line, struct words *w)
{
	char *p = line;

	w->n = 0;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0' || *p == '#')
			return true;
		if (w->n == SETTINGS_WORDS)
			return false;
		w->w[w->n++] = p;
		if (w->n == 3 && strcmp(w->w[0], "set") == 0)
			return rest_of_line(p), true;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		if (*p)
			*p++ = '\0';
	}
}

/* Writes "WORDS: why" into buf, the words shown safely; returns buf. */
static const char *
say(const struct words *w, const char *why, char *buf, size_t size)
{
	struct strbuf sb = STRBUF_INIT;

	for (int i = 0; i < w->n; i++) {
		if (i)
			strbuf_addc(&sb, ' ');
		glyph_append_safe(&sb, w->w[i], strlen(w->w[i]), opt_glyphs);
	}
	snprintf(buf, size, "%s: %s", sb.len ? sb.buf : "", why);
	strbuf_done(&sb);
	return buf;
}

/* Applies one line; NULL, or why it cannot be used (in buf). */
static const char *
apply_line(char *line, char *buf, size_t size)
{
	struct words w;
	char usage[80];
	const char *why;

	if (!split(line, &w))
		return say(&w, "too many words", buf, size);
	if (w.n == 0)
		return NULL;
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(directives); i++) {
		const struct directive *d = &directives[i];

		if (strcmp(w.w[0], d->name) != 0)
			continue;
		if (w.n - 1 < d->min || w.n - 1 > d->max) {
			snprintf(usage, sizeof usage, "usage: %s", d->usage);
			return say(&w, usage, buf, size);
		}
		why = d->apply(&w);
		return why ? say(&w, why, buf, size) : NULL;
	}
	return say(&w, "not set, bind, unbind or color", buf, size);
}

/* ------------------------------------------------------------------ */
/* The file */

int
settings_load_text(const char *name, const char *text, size_t len, FILE *err)
{
	struct strbuf line = STRBUF_INIT;
	int bad = 0, lineno = 0;
	size_t at = 0;

	problem[0] = '\0';
	while (at < len) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t n = nl ? (size_t)(nl - (text + at)) : len - at;
		char buf[400];
		const char *why;

		lineno++;
		strbuf_reset(&line);
		strbuf_add(&line, text + at, n);
		at += n + (nl != NULL);
		if (line.len && line.buf[line.len - 1] == '\r')
			line.buf[--line.len] = '\0';
		if (line.len == 0)
			continue;
		if (memchr(line.buf, '\0', line.len) != NULL)
			why = "a NUL byte";
		else
			why = apply_line(line.buf, buf, sizeof buf);
		if (why == NULL)
			continue;
		if (bad++ == 0)
			snprintf(problem, sizeof problem, "config: %s:%d: %s", name, lineno, why);
		if (err)
			fprintf(err, "gloss: config: %s:%d: %s\n", name, lineno, why);
	}
	if (bad > 1) {
		size_t n = strlen(problem);

		snprintf(problem + n, sizeof problem - n, " (and %d more)", bad - 1);
	}
	strbuf_done(&line);
	return bad;
}

const char *
settings_path(void)
{
	const char *env = getenv("GLOSS_CONFIG"), *xdg = getenv("XDG_CONFIG_HOME"),
	    *home = getenv("HOME");

	if (path_known)
		return path;
	path_known = true;
	if (env != NULL)
		path = *env ? xstrdup(env) : NULL;
	else if (xdg != NULL && xdg[0] == '/')
		path = xasprintf("%s/gloss/config", xdg);
	else if (home != NULL && *home)
		path = xasprintf("%s/.config/gloss/config", home);
	return path;
}

/* Reads a regular file of at most SETTINGS_MAX bytes; NULL with why set. */
static char *
read_file(const char *p, size_t *len, const char **why)
{
	int fd = open(p, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	char *buf = NULL;
	ssize_t r = 0;

	*why = NULL;
	if (fd < 0) {
		if (errno != ENOENT)
			*why = strerror(errno);
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		*why = "not a regular file";
	else if (st.st_size > SETTINGS_MAX)
		*why = "larger than 1 MiB";
	else {
		buf = xmalloc((size_t)st.st_size + 1);
		r = read(fd, buf, (size_t)st.st_size);
		if (r < 0) {
			*why = strerror(errno);
			free(buf);
			buf = NULL;
		}
	}
	close(fd);
	*len = r > 0 ? (size_t)r : 0;
	return buf;
}

int
settings_load(FILE *err)
{
	const char *p = settings_path(), *why;
	size_t len;
	char *text;
	int bad;

	problem[0] = '\0';
	if (p == NULL)
		return 0;
	text = read_file(p, &len, &why);
	if (text == NULL) {
		if (why == NULL)
			return 0;	/* no config file: the defaults */
		snprintf(problem, sizeof problem, "config: %s: %s", p, why);
		if (err)
			fprintf(err, "gloss: config: %s: %s\n", p, why);
		return 1;
	}
	bad = settings_load_text(p, text, len, err);
	free(text);
	return bad;
}

const char *
settings_problem(void)
{
	return problem;
}

/* ------------------------------------------------------------------ */
/* --print-config */

static void
print_bindings(FILE *f)
{
	for (size_t i = 0; i < keymap_user_count(); i++) {
		const char *view;
		struct key k;
		enum action a;
		enum keymap_mode mode;
		char name[32];

		keymap_user_get(i, &view, &k, &a, &mode);
		keymap_name(&k, name, sizeof name);
		view = mode == KEYMAP_VISUAL ? "selection" : *view ? view : "all";
		if (a == ACTION_NONE) {
			fprintf(f, "unbind %s %s\n", view, name);
			continue;
		}
		char an[40];

		fprintf(f, "bind %s %s %s\n", view, name, action_config_name(a, an, sizeof an));
	}
}

/* Writes prefix and s, every character of s shown safely, and a newline. */
static void
print_safe(FILE *f, const char *prefix, const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	glyph_append_safe(&sb, s, strlen(s), opt_glyphs);
	fprintf(f, "%s%s\n", prefix, sb.buf ? sb.buf : "");
	strbuf_done(&sb);
}

void
settings_print(FILE *f)
{
	const char *p = settings_path(), *el;
	short fg, bg;

	print_safe(f, "# gloss settings in effect; config file: ", p ? p : "(none)");
	fprintf(f, "set column %d\n", opt_column);
	fprintf(f, "set color %s\n", options_color_name(opt_color));
	fprintf(f, "set hyperlinks %s\n", opt_hyperlinks == OSC_LINKS_ALWAYS ? "always" :
	    opt_hyperlinks == OSC_LINKS_NEVER ? "never" : "auto");
	fprintf(f, "set mouse %s\nset fold %s\nset incsearch %s\nset hyphenate %s\nset ascii %s\n",
	    opt_mouse ? "on" : "off", opt_fold ? "on" : "off", opt_incsearch ? "on" : "off",
	    opt_hyphenate ? "on" : "off", opt_ascii_forced ? "on" : "off");
	fprintf(f, "set keyboard-layout %s\n", layout_names[keymap_get_layout()]);
	if (opt_db)
		print_safe(f, "set db ", opt_db);
	if (opt_corpus)
		print_safe(f, "set corpus ", opt_corpus);
	for (size_t i = 0; display_theme_get(i, &el, &fg, &bg); i++) {
		fprintf(f, "color %s ", el);
		print_color(f, fg);
		fputc(' ', f);
		print_color(f, bg);
		fputc('\n', f);
	}
	print_bindings(f);
}
