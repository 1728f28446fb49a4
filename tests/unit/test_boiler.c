/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_boiler — the furniture classifier of the plain loader on the corpus's
 * web-scraped articles and on small cases (exactly which blocks fold), and
 * the boiler module's folding: states, runs, walking, opening and closing;
 * and the furniture tests' lowering (its fast path against u8_tolower).
 */
#include "gloss/gloss.h"

#include "gloss/boiler.h"
#include "gloss/doc.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"
#include "../../src/plain_int.h"
#include "../lib/tap.h"

#include <unicase.h>
#include <unistr.h>

static struct doc *
open_corpus(const char *name)
{
	char *path = xasprintf("%s/corpus/%s", getenv("top_srcdir") ? getenv("top_srcdir") : ".",
	    name);
	struct doc *d = NULL;

	doc_open(path, NULL, &d);
	free(path);
	return d;
}

static struct doc *
open_text(const char *text)
{
	struct doc *d = NULL;

	doc_open_mem("t.txt", text, strlen(text), NULL, &d);
	return d;
}

/* The numbers of the blocks with flag, as ranges: "0-4,8,12". */
static char *
flagged(struct doc *d, unsigned flag)
{
	struct strbuf out = STRBUF_INIT;
	struct doc_loc loc;
	long i = 0, start = -1;
	bool more;

	for (more = doc_first(d, &loc); ; more = doc_next(d, &loc), i++) {
		bool f = more && (doc_block(d, loc)->flags & flag);

		if (f && start < 0)
			start = i;
		if (!f && start >= 0) {
			strbuf_addf(&out, out.len ? ",%ld" : "%ld", start);
			if (i - 1 > start)
				strbuf_addf(&out, "-%ld", i - 1);
			start = -1;
		}
		if (!more)
			break;
	}
	return strbuf_detach(&out, NULL);
}

static const char *
text_of(struct doc *d, uint32_t block)
{
	struct doc_block *b = doc_block(d, (struct doc_loc){ 0, block });

	return b ? b->text : "(none)";
}

static void
test_corpus_furniture(void)
{
	struct doc *d = open_corpus("belarus-weekly-2023-09-22.txt");
	char *s;

	ok(d != NULL, "belarus-weekly opens");
	if (d == NULL)
		return;
	s = flagged(d, DOC_BLOCK_FURNITURE);
	/* 0-4 appeals, skip/edit; 8 audio note; 12 newsletter; 88-119 appeals, forms, "Subscribe" */
	is_str(s, "0-4,8,12,88-89,91-119", "belarus-weekly: exactly these blocks are furniture");
	free(s);
	is_str(text_of(d, 12), "Subscribe to the Newsletter", "block 12 is the newsletter line");
	is_str(text_of(d, 13), "Belarus Weekly", "the newsletter's name after it is not furniture");
	is_str(text_of(d, 87), "The theatrical adaptation of Belarusian writer Uladzimir "
	    "Karatkievich\xE2\x80\x99s \xE2\x80\x9CKing Stakh\xE2\x80\x99s Wild Hunt\xE2\x80\x9D "
	    "premiered in London on Sept. 15, bringing together Belarusian and Ukrainian artists.",
	    "the article's last paragraph (87) is not furniture");
	is_str(text_of(d, 90), "Three years. Millions of readers. All thanks to 12,000 supporters.",
	    "a sentence between two appeals is not furniture (90)");
	is_str(text_of(d, 116), "Explaining Ukraine with Kate Tsurkan",
	    "a short line between two furniture lines is furniture (116)");
	s = flagged(d, DOC_BLOCK_DUPLICATE);
	is_str(s, "", "belarus-weekly: no duplicate captions");
	free(s);
	doc_free(d);

	d = open_corpus("lukashenko-occupied-territories-cooperation.txt");
	s = flagged(d, DOC_BLOCK_FURNITURE);
	is_str(s, "0,37", "cooperation: top of page and bottom of page only");
	free(s);
	s = flagged(d, DOC_BLOCK_DUPLICATE);
	is_str(s, "2,14,26,30", "cooperation: the first of each caption given twice");
	free(s);
	is_str(text_of(d, 14), "[Photo] Andrei Turchak and Denis Pushilin in Brest",
	    "the [Photo] caption's first copy is the duplicate");
	doc_free(d);

	d = open_corpus("lukashenko-occupied-territories-latushka.txt");
	s = flagged(d, DOC_BLOCK_FURNITURE);
	is_str(s, "0,9", "latushka: top of page and bottom of page only");
	free(s);
	doc_free(d);

	d = open_corpus("belarus-ukraine-relations-2020-2025.txt");
	s = flagged(d, DOC_BLOCK_FURNITURE | DOC_BLOCK_DUPLICATE);
	is_str(s, "", "relations: nothing folds in a clean article");
	free(s);
	doc_free(d);
}

/* Which of the blocks of text are furniture. */
static void
furniture_case(const char *text, const char *want, const char *what)
{
	struct doc *d = open_text(text);
	char *s = flagged(d, DOC_BLOCK_FURNITURE);

	is_str(s, want, "%s", what);
	free(s);
	doc_free(d);
}

static void
test_cases(void)
{
	furniture_case("Intro line of the article here.\n\n"
	    "Readers who subscribe to the print edition receive it first.\n\n"
	    "Subscribe now\n\nShare prices fell sharply\n\nThe Blueprint for Peace\n\n"
	    "We asked why so few people subscribe, and the answer was simple.\n",
	    "2", "only the bare Subscribe line: sentences and headings with the words stay");
	furniture_case("Статья о событиях.\n\nПодписаться\n\nЧитайте также: Лукашенко заявил о новом "
	    "союзе\n\nПоделиться\n\nОн предложил подписаться на рассылку, и многие согласились.\n\n"
	    "Підписатися на новини\n\nЧитайте також: інша стаття\n",
	    "1-3,5-6", "Russian and Ukrainian furniture; a sentence with подписаться stays");
	furniture_case("Body text of the article, a full sentence.\n\nWeekly Digest\n\nMore text.\n\n"
	    "Weekly Digest\n\nEven more text.\n\nWeekly Digest\n",
	    "1,3,5", "a short line repeated three times is furniture");
	furniture_case("Body text of the article, a full sentence.\n\nWeekly Digest\n\nMore text.\n\n"
	    "Weekly Digest\n", "", "twice is not enough");
	furniture_case("A.\n\nThe war goes on.\n\nText.\n\nThe war goes on.\n\nMore.\n\n"
	    "The war goes on.\n", "", "a repeated sentence is not furniture");
	furniture_case("Skip to content\n\nThree words here\n\nTop of page\n\nA sentence.\n\n"
	    "Subscribe\n\n"
	    "A real paragraph of the article that says a good deal more than twelve words about "
	    "the matter at hand.\n", "0-2,4",
	    "a short line (not a sentence) between two furniture lines folds too");
}

/* One line alone between body paragraphs: is it furniture? */
static void
line_is(const char *line, bool want)
{
	char *text = xasprintf("The article begins with a sentence of its own.\n\n%s\n\n"
	    "And it ends with another sentence of its own.\n", line);

	furniture_case(text, want ? "1" : "", want ? line : "not furniture");
	free(text);
}

static void
test_lines(void)
{
	static const char *const yes[] = {
		/* subscribe */
		"Подписывайтесь на наш канал в Telegram", "Подпишитесь на нашу рассылку",
		"Підписуйтесь на наш Telegram-канал", "Падпісвайцеся на наш Telegram",
		"Follow us on Telegram",
		/* share */
		"Поделиться:", "Поділитися", "Падзяліцца:", "Share this...", "Share this:",
		"ВКонтакте", "Одноклассники", "Аднакласнікі", "Facebook Twitter LinkedIn Email",
		"Поделиться: ВКонтакте Одноклассники Telegram Мой Мир",
		/* comments */
		"Комментарии (12)", "12 комментариев", "Коментарі", "Каментарыі", "Comments (3)",
		"Добавить комментарий", "Залишити коментар", "Leave a Reply",
		/* copyright */
		"© Звязда, 2024. Усе правы абаронены.", "© 2024 Городской портал",
		"Все права защищены.", "Усі права захищені.", "(c) 2024 Example",
		"При перепечатке материалов ссылка обязательна.",
		/* error reports */
		"Если вы нашли ошибку, выделите её и нажмите Ctrl+Enter",
		"Якщо побачили помилку, виділіть її та натисніть Ctrl+Enter",
		"Калі вы заўважылі памылку, вылучыце яе і націсніце Ctrl+Enter",
		"If you spot an error, please let us know.",
		/* read also */
		"Читайте также: Лукашенко заявил о новом союзе", "Читайте також: інша стаття",
		"Чытайце таксама", "Еще по теме:", "Read more: another story",
		/* where you are, breadcrumbs, menus, tags */
		"Вы тут", "Вы тут: Главная › Новости", "Ви тут:", "Вы здесь:", "You are here",
		"Главная · Инструмент · …", "Головна / Новини / Суспільство", "Галоўная › Навіны",
		"Home › World › Europe", "Новости · Политика · Экономика · Спорт",
		"Теги: Минск, мосты", "Тэгі: бібліятэка", "Мітки: Київ", "Tags: Belarus, Minsk",
		"Беларусь, Украина, граница, Польша",
		/* site */
		"Перейти к содержанию", "Перейти до змісту", "Реклама", "Рэклама", "Наверх",
		"Версия для печати", "5 мин чтения",
	};
	static const char *const no[] = {
		"Он предложил подписаться на рассылку, и многие согласились.",
		"Редакция просит читателей поделиться воспоминаниями.",
		"Аудиторы нашли ошибку в отчёте министерства.",
		"Share prices fell sharply",
		"Минск, 12 марта 2024",
		"Лукашенко заявил о готовности к переговорам",
		"Комментарий эксперта",
		"Що продають",
		"Belarus / Ukraine relations after 2020: a timeline",
		"Ivan Petrov, Olga Ivanova, Pavel Sidorov and Anna Smirnova signed the letter.",
	};

	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(yes); i++)
		line_is(yes[i], true);
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(no); i++)
		line_is(no[i], false);
	furniture_case("The article's last paragraph, a sentence about the city and its bridges "
	    "that goes on\nfor two lines of a hard-wrapped text file, as lynx writes them out.\n"
	    "Share this...\n", "1", "a trailing \"Share this...\" is split off its paragraph");
}

/* A furniture line alone is not folded: one fold row would take its place. */
static void
test_alone(void)
{
	struct doc *d = open_text("Body sentence one.\n\nРеклама\n\nSubscribe\n\n"
	    "Body sentence two.\n\nПоделиться:\n\nBody sentence three.\n");
	struct boiler *bo = boiler_new(d, true);
	struct doc_loc head, loc = { 0, 4 };
	uint32_t count;

	is_int(boiler_state(bo, (struct doc_loc){ 0, 4 }), BOILER_SHOWN, "a furniture line alone shows");
	ok(!boiler_run(bo, (struct doc_loc){ 0, 4 }, &head, &count), "and is no run (z: no fold)");
	ok(!boiler_reveal(bo, (struct doc_loc){ 0, 4 }), "nothing to reveal");
	is_int(boiler_state(bo, (struct doc_loc){ 0, 1 }), BOILER_FOLDED, "two lines in a row fold");
	is_int(boiler_state(bo, (struct doc_loc){ 0, 2 }), BOILER_HIDDEN, "into one row");
	ok(boiler_prev(bo, &loc) && loc.block == 3, "walking back from the line alone reaches the body (%u)",
	    loc.block);
	ok(boiler_prev(bo, &loc) && loc.block == 1, "then the fold row (%u)", loc.block);
	boiler_free(bo);
	doc_free(d);
}

static void
test_states(void)
{
	struct doc *d = open_corpus("belarus-weekly-2023-09-22.txt");
	struct boiler *bo = boiler_new(d, true);
	struct doc_loc loc, head;
	uint32_t count = 0;

	doc_first(d, &loc);
	is_int(boiler_state(bo, loc), BOILER_FOLDED, "the first block heads a folded run");
	ok(boiler_run(bo, (struct doc_loc){ 0, 3 }, &head, &count) && head.block == 0 && count == 5,
	    "block 3 is in the run 0-4 (head %u, %u blocks)", head.block, count);
	is_int(boiler_state(bo, (struct doc_loc){ 0, 3 }), BOILER_HIDDEN, "block 3 is hidden");
	ok(boiler_next(bo, &loc) && loc.block == 5, "next from the fold row is the title (%u)",
	    loc.block);
	ok(boiler_prev(bo, &loc) && loc.block == 0, "prev from the title is the fold row (%u)",
	    loc.block);
	ok(boiler_last(bo, &loc) && loc.block == 91, "the last shown block is the fold of 91-119 (%u)",
	    loc.block);
	ok(boiler_run(bo, loc, &head, &count) && count == 29, "which has 29 blocks (%u)", count);
	loc = (struct doc_loc){ 0, 100 };
	boiler_visible(bo, &loc);
	is_int(loc.block, 91, "a hidden block shows as its fold row");

	ok(boiler_toggle(bo, (struct doc_loc){ 0, 2 }), "z opens the first run");
	is_int(boiler_state(bo, (struct doc_loc){ 0, 2 }), BOILER_SHOWN, "its blocks show");
	is_int(boiler_state(bo, (struct doc_loc){ 0, 0 }), BOILER_SHOWN, "its head shows as text");
	ok(boiler_toggle(bo, (struct doc_loc){ 0, 4 }), "z on another block of it closes it");
	is_int(boiler_state(bo, (struct doc_loc){ 0, 0 }), BOILER_FOLDED, "folded again");
	ok(!boiler_toggle(bo, (struct doc_loc){ 0, 6 }), "no fold at the byline");
	ok(boiler_reveal(bo, (struct doc_loc){ 0, 110 }), "a match in block 110 opens its run");
	is_int(boiler_state(bo, (struct doc_loc){ 0, 91 }), BOILER_SHOWN, "the whole run shows");
	is_int(boiler_state(bo, (struct doc_loc){ 0, 88 }), BOILER_FOLDED, "the run before stays folded");
	ok(!boiler_reveal(bo, (struct doc_loc){ 0, 110 }), "revealing again changes nothing");

	ok(boiler_set_on(bo, false) && !boiler_on(bo), "Z turns folding off");
	is_int(boiler_state(bo, (struct doc_loc){ 0, 3 }), BOILER_SHOWN, "off: everything shows");
	ok(!boiler_run(bo, (struct doc_loc){ 0, 3 }, &head, &count), "off: no runs");
	ok(boiler_set_on(bo, true), "Z turns it on again");
	is_int(boiler_state(bo, (struct doc_loc){ 0, 100 }), BOILER_HIDDEN,
	    "on again: opened folds are closed");
	boiler_free(bo);
	doc_free(d);

	d = open_corpus("lukashenko-occupied-territories-cooperation.txt");
	bo = boiler_new(d, true);
	is_int(boiler_state(bo, (struct doc_loc){ 0, 2 }), BOILER_HIDDEN,
	    "the first copy of a caption is hidden");
	loc = (struct doc_loc){ 0, 1 };
	ok(boiler_next(bo, &loc) && loc.block == 3, "next from the title is the caption (%u)",
	    loc.block);
	ok(boiler_prev(bo, &loc) && loc.block == 1, "and back to the title (%u)", loc.block);
	loc = (struct doc_loc){ 0, 2 };
	boiler_visible(bo, &loc);
	is_int(loc.block, 3, "a hidden duplicate shows as its caption");
	ok(boiler_reveal(bo, (struct doc_loc){ 0, 2 }), "a match in the duplicate shows it");
	is_int(boiler_state(bo, (struct doc_loc){ 0, 2 }), BOILER_SHOWN, "shown");
	boiler_free(bo);
	bo = boiler_new(d, false);
	ok(!boiler_on(bo), "--no-fold: off at first");
	is_int(boiler_state(bo, (struct doc_loc){ 0, 0 }), BOILER_SHOWN, "off: top of page shows");
	boiler_free(bo);
	doc_free(d);
}

static void
test_markdown(void)
{
	static const char md[] = "# Title\n\nSubscribe\n\nSubscribe\n\nSubscribe\n";
	struct doc *d = NULL;
	struct boiler *bo;
	char *s;

	doc_open_mem("t.md", md, sizeof md - 1, NULL, &d);
	s = flagged(d, DOC_BLOCK_FURNITURE);
	is_str(s, "", "Markdown: nothing is furniture");
	free(s);
	bo = boiler_new(d, true);
	ok(!boiler_on(bo) && !boiler_set_on(bo, true), "Markdown documents never fold");
	boiler_free(bo);
	doc_free(d);
}

/* plain_lower gives u8_tolower's bytes for every character of its fast path and beyond. */
static bool
lower_agrees(const char *s, size_t n)
{
	struct plain_lowered l;
	size_t len = 0;
	uint8_t *want = u8_tolower((const uint8_t *)s, n, NULL, NULL, NULL, &len);
	bool ok;

	if (want == NULL)
		return !plain_lower(s, n, &l);
	ok = plain_lower(s, n, &l) && l.n == len && memcmp(l.s, want, len) == 0 && l.s[len] == '\0';
	plain_lowered_done(&l);
	free(want);
	return ok;
}

static void
test_lower(void)
{
	const char *mixed[] = { "ПОСЁЛОК Ёлка ЁЖ Ѓ Ѐ Ѝ — «Подписаться» … ДОНАТ",
		"Support Us — ПІДТРИМАЙТЕ НАС: ЇЖАК, ЎЗЯТЫ, Ґанок", "µ ª º ½ ÀÉ İstanbul Σ ΑΣ",
		"", "ABC\xD0", "\xE2\x80", "x\xC2", "ГАЗЕТА № 5, №\xE2\x84", "Ω \xE2\x84\xA6 K \xE2\x84\xAA" };
	unsigned bad = 0, first = 0;

	for (uint32_t cp = 1; cp < 0x3000; cp++) {
		uint8_t u[8] = "A";
		int k = u8_uctomb(u + 1, cp, 4);

		if (k > 0 && !lower_agrees((const char *)u, (size_t)k + 1) && bad++ == 0)
			first = cp;
	}
	ok(bad == 0, "plain_lower agrees with u8_tolower on U+0001-U+2FFF (%u differ, first U+%04X)",
	    bad, first);
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(mixed); i++)
		ok(lower_agrees(mixed[i], strlen(mixed[i])), "plain_lower agrees: \"%s\"",
		    mixed[i]);
}

int
main(void)
{
	test_corpus_furniture();
	test_cases();
	test_lines();
	test_alone();
	test_states();
	test_markdown();
	test_lower();
	return tap_done();
}
