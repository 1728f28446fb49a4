/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_listview — the list view's model without a terminal: moving with
 * counts and pages, filtering by the fold key, refreshes that keep the
 * selected key, selecting by key, and what goes to the owner.
 */
#include "gloss/gloss.h"

#include "gloss/listview.h"
#include "gloss/options.h"

#include "../lib/tap.h"

struct owner {
	const char *rows[32];
	uint64_t keys[32];
	size_t n;
	enum action last_action;
	uint32_t last_key;
	int requests;
};

static size_t
o_count(void *arg)
{
	return ((struct owner *)arg)->n;
}

static uint64_t
o_key(void *arg, size_t i)
{
	return ((struct owner *)arg)->keys[i];
}

static void
o_draw(void *arg, size_t i, int y, int x, int width, bool selected)
{
	(void)arg, (void)i, (void)y, (void)x, (void)width, (void)selected;
}

static void
o_text(void *arg, size_t i, struct strbuf *out)
{
	strbuf_adds(out, ((struct owner *)arg)->rows[i]);
}

static enum view_result
o_request(void *arg, struct view *v, enum action a, const struct key *k)
{
	struct owner *o = arg;

	(void)v;
	o->requests++;
	o->last_action = a;
	o->last_key = k ? k->code : 0;
	return a == ACTION_ENTER || k ? VIEW_HANDLED : VIEW_UNHANDLED;
}

static const struct listview_ops ops = {
	.count = o_count,
	.key = o_key,
	.draw = o_draw,
	.text = o_text,
	.request = o_request,
};

static const char *const texts[] = {
	"Ёлка в лесу", "Новогодняя елка", "Apple pie", "ЁЛКИ и палки", "Сто́ит запомнить",
	"Беларуская: ўсё", "Українська: їжак", "м’ясо", "row 8", "row 9",
	"row 10", "row 11", "row 12", "row 13", "row 14",
	"row 15", "row 16", "row 17", "row 18", "row 19",
};

static void
fill(struct owner *o)
{
	memset(o, 0, sizeof *o);
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(texts); i++) {
		o->rows[i] = texts[i];
		o->keys[i] = 100 + i;
	}
	o->n = GLOSS_ARRAY_SIZE(texts);
}

static void
remove_row(struct owner *o, size_t i)
{
	memmove(o->rows + i, o->rows + i + 1, (o->n - i - 1) * sizeof *o->rows);
	memmove(o->keys + i, o->keys + i + 1, (o->n - i - 1) * sizeof *o->keys);
	o->n--;
}

/* The selected key, or -1 when nothing is selected. */
static long long
sel(struct view *v)
{
	uint64_t key;

	return listview_selected(v, NULL, &key) ? (long long)key : -1;
}

static const char *
status(struct view *v)
{
	static char out[128];
	struct strbuf left = STRBUF_INIT, right = STRBUF_INIT;

	v->ops->status(v, &left, &right);
	snprintf(out, sizeof out, "%s", strbuf_str(&right));
	strbuf_done(&left);
	strbuf_done(&right);
	return out;
}

static struct view *
make(struct owner *o, int rows)
{
	struct view *v;

	fill(o);
	v = listview_new(&ops, o);
	v->rows = rows;
	v->cols = 40;
	v->ops->resize(v);
	return v;
}

static void
done(struct view *v)
{
	v->ops->done(v);
	free(v);
}

static void
test_moves(void)
{
	struct owner o;
	struct view *v = make(&o, 5);

	is_int(sel(v), 100, "the first row is selected at first");
	v->ops->request(v, ACTION_LINE_DOWN, 3);
	is_int(sel(v), 103, "a count of 3 moves three rows");
	v->ops->request(v, ACTION_LINE_UP, 10);
	is_int(sel(v), 100, "moving up past the first row stops there");
	v->ops->request(v, ACTION_BOTTOM, 0);
	is_int(sel(v), 119, "G: the last row");
	v->ops->request(v, ACTION_LINE_DOWN, 0);
	is_int(sel(v), 119, "down at the end stays");
	v->ops->request(v, ACTION_TOP, 5);
	is_int(sel(v), 104, "5g: row 5");
	v->ops->request(v, ACTION_PAGE_DOWN, 0);
	is_int(sel(v), 109, "a page is the view's height (5)");
	v->ops->request(v, ACTION_PAGE_DOWN, 2);
	is_int(sel(v), 119, "two pages, clamped at the end");
	v->ops->request(v, ACTION_HALF_UP, 0);
	is_int(sel(v), 117, "half a page up is 2 rows");
	v->ops->request(v, ACTION_PAGE_UP, 0);
	is_int(sel(v), 112, "a page up");
	v->ops->request(v, ACTION_BOTTOM, 3);
	is_int(sel(v), 102, "3G: row 3");
	is_str(status(v), "3/20", "the status shows the position");
	done(v);
}

static void
test_filter(void)
{
	struct owner o;
	struct view *v = make(&o, 5);

	v->ops->request(v, ACTION_LINE_DOWN, 1);
	listview_set_filter(v, "ЕЛК");
	is_int(sel(v), 101, "the selected row (елка) passes the filter and stays selected");
	is_str(status(v), "/ЕЛК  2/3", "three rows match ЕЛК: Ёлка, елка, ЁЛКИ");
	v->ops->request(v, ACTION_LINE_DOWN, 5);
	is_int(sel(v), 103, "moves stay among the matching rows");
	v->ops->request(v, ACTION_SEARCH_CLEAR, 0);
	is_str(status(v), "4/20", "Esc clears the filter, keeping the selection");
	is_str(listview_filter(v), "", "no filter left");
	is_int(o.requests, 0, "the owner saw none of this");
	listview_set_filter(v, "стоит");
	is_int(sel(v), 104, "stress marks are ignored (Сто́ит)");
	listview_set_filter(v, "МЯСО");
	is_int(sel(v), -1, "м’ясо is not мясо: the apostrophe counts");
	is_str(status(v), "/МЯСО  0/0", "an empty result");
	listview_set_filter(v, "м'ясо");
	is_int(sel(v), 107, "a typed ' finds м’ясо");
	listview_set_filter(v, "");
	is_int(sel(v), 107, "an empty filter clears it");
	listview_set_filter(v, "нет такого");
	listview_set_filter(v, NULL);
	is_int(sel(v), 107, "after a filter that showed nothing, the old selection comes back");
	done(v);
}

static void
test_refresh(void)
{
	struct owner o;
	struct view *v = make(&o, 5);

	v->ops->request(v, ACTION_LINE_DOWN, 5);
	remove_row(&o, 0);
	listview_refresh(v);
	is_int(sel(v), 105, "a row removed above: the same key stays selected");
	is_str(status(v), "5/19", "at its new place");
	remove_row(&o, 4);
	listview_refresh(v);
	is_int(sel(v), 106, "the selected row removed: the row now at its place");
	o.n = 3;
	listview_refresh(v);
	is_int(sel(v), 103, "rows removed below: the last row");
	o.n = 0;
	listview_refresh(v);
	is_int(sel(v), -1, "an empty list has no selection");
	is_str(status(v), "0/0", "and says so");
	v->ops->request(v, ACTION_LINE_DOWN, 1);
	v->ops->request(v, ACTION_BOTTOM, 0);
	is_int(sel(v), -1, "moving in an empty list is harmless");
	done(v);
}

static void
test_keys(void)
{
	struct owner o;
	struct view *v = make(&o, 5);
	struct key x = { false, 'x' };

	listview_set_filter(v, "row");
	ok(listview_select_key(v, 102), "select a key that the filter hides");
	is_int(sel(v), 102, "it is selected");
	is_str(listview_filter(v), "", "and the filter was cleared for it");
	listview_set_filter(v, "row");
	ok(!listview_select_key(v, 999), "a key that does not exist");
	is_str(listview_filter(v), "row", "leaves the filter alone");
	ok(listview_select_key(v, 115), "select a shown key");
	is_int(sel(v), 115, "selected");

	is_int(v->ops->request(v, ACTION_ENTER, 0), VIEW_HANDLED, "Enter goes to the owner");
	ok(o.last_action == ACTION_ENTER && o.last_key == 0, "as ACTION_ENTER without a key");
	is_int(v->ops->key(v, &x), VIEW_HANDLED, "an unbound key goes to the owner");
	ok(o.last_action == ACTION_NONE && o.last_key == 'x', "as ACTION_NONE with the key");
	is_int(v->ops->request(v, ACTION_QUIT, 0), VIEW_UNHANDLED, "q goes to the owner, then to the generic code");
	listview_set_filter(v, "");
	o.requests = 0;
	is_int(v->ops->request(v, ACTION_SEARCH_CLEAR, 0), VIEW_UNHANDLED, "Esc without a filter goes to the owner");
	is_int(o.requests, 1, "once");
	done(v);
}

int
main(void)
{
	options_reset();
	test_moves();
	test_filter();
	test_refresh();
	test_keys();
	return tap_done();
}
