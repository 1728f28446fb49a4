/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * plain_furniture — the curated list of web-page furniture and the test of
 * one line against it (plain_is_furniture).  One table per rule, each in
 * English, Russian, Ukrainian and Belarusian; docs/folding.md describes
 * the rules.  plain_classify applies the test to blocks and adds the rules
 * that look at a line's neighbours (repeats, runs of short links, lines
 * between furniture).
 *
 * Cost: nearly every line of an article is no furniture, so a line is
 * lower-cased once and the needles that may occur anywhere in it are found
 * through an index of their first 4 or 8 bytes (built once): two hash
 * probes where a word starts, a comparison only where a needle's first
 * bytes really are.  The rules
 * anchored at the line's start (prefixes, whole lines, share bars, chains)
 * look only there.
 */
#include "gloss/gloss.h"

#include <pthread.h>

#include <unicase.h>
#include <unictype.h>

#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "plain_int.h"

#define FURNITURE_MAX 160	/* bytes: a longer line is never furniture by pattern */
#define FURNITURE_LONG_MAX 400	/* bytes: for the unmistakable appeals */
#define WEAK_WORDS 6		/* a weak pattern folds only a line this short */
#define LINE_MAX_BYTES 48	/* a whole-line entry, punctuation and counts trimmed */
#define CHAIN_ITEM_WORDS 3	/* words of an item of a breadcrumb or menu chain (but the last) */
#define TAGS_MIN 4		/* items of a comma-separated tag list */

/* ------------------------------------------------------------------ */
/* The tables (lower case; docs/folding.md) */

/* 1. Unmistakable: anywhere in a line of up to FURNITURE_MAX bytes, sentence or not. */
static const char *const furniture_strong[] = {
	/* en */
	"top of page", "bottom of page", "skip to content", "skip to main content",
	"edit post", "* indicates required", "indicates required", "enter your email",
	"enter correct email", "successfuly subscribed", "successfully subscribed",
	"subscribe to the newsletter", "subscribe to our newsletter", "sign up for our newsletter",
	"thank you for signing up", "sent you a confirmation email",
	"become a member", "gift membership", "gift a membership", "support us",
	"audio is created with ai", "listen to this article", "share this article",
	"share this story", "share this post", "click to share", "share on facebook",
	"share on twitter", "follow us on", "subscribe to our channel", "our telegram channel",
	"accept cookies", "this site uses cookies", "this website uses cookies",
	"we use cookies", "all rights reserved", "leave a comment", "leave a reply",
	"comments are closed", "if you spot an error", "if you find an error",
	"if you notice an error", "spotted an error", "spotted a typo", "found a typo",
	"report a typo", "report an error", "ctrl+enter", "ctrl + enter", "copy link",
	"skip to navigation", "your email address will not be published",
	"required fields are marked", "save my name, email", "notify me of", "cancel reply",
	"post comment", "powered by wordpress",
	/* ru */
	"перейти к содержанию", "перейти к основному содержанию", "подпишитесь на",
	"подпишитесь в", "подпишись на", "подписывайтесь на",
	"подписывайтесь в", "следите за нами",
	"присоединяйтесь к нам", "наш канал в telegram", "наш telegram-канал",
	"если вы нашли ошибку", "если нашли ошибку", "если вы заметили ошибку",
	"если заметили ошибку", "нашли опечатку", "заметили опечатку", "нашли ошибку в тексте",
	"выделите её и нажмите", "выделите ее и нажмите", "выделите фрагмент",
	"все права защищены", "при перепечатке", "при копировании материалов",
	"при использовании материалов", "при цитировании материалов", "перепечатка материалов",
	"использование материалов сайта", "мы используем cookie", "мы используем файлы",
	"файлы cookie", "cookie-файлы", "оставить комментарий", "добавить комментарий",
	"чтобы оставить комментарий", "версия для печати", "скопировать ссылку",
	"копировать ссылку", "ссылка скопирована", "на правах рекламы",
	"партнерский материал", "партнёрский материал", "ваш адрес email не будет опубликован",
	"обязательные поля помечены",
	/* uk */
	"перейти до змісту", "перейти до вмісту", "перейти до основного вмісту",
	"підпишіться на", "підпишіться в", "підписуйтесь на", "підписуйтеся на",
	"підписуйтесь у", "підписуйтеся у", "підписуйтесь в", "підписуйтеся в",
	"стежте за нами", "слідкуйте за нами", "приєднуйтесь до нас", "приєднуйтеся до нас",
	"наш канал у telegram", "наш канал в telegram", "якщо ви знайшли помилку",
	"якщо знайшли помилку", "якщо ви побачили помилку", "якщо побачили помилку",
	"якщо ви помітили помилку", "якщо помітили помилку", "виділіть її та натисніть",
	"виділіть її і натисніть", "виділіть фрагмент", "усі права захищені",
	"всі права захищені", "при використанні матеріалів", "передрук матеріалів",
	"використання матеріалів сайту", "ми використовуємо cookie", "ми використовуємо файли",
	"файли cookie", "залишити коментар", "додати коментар", "версія для друку",
	"копіювати посилання", "скопіювати посилання", "посилання скопійовано",
	"на правах реклами", "не буде опублікована", "поля позначені",
	/* be */
	"перайсці да зместу", "перайсці да асноўнага зместу", "падпісвайцеся на",
	"падпісвайцеся ў", "падпішыцеся на", "падпішыцеся ў", "падпішыся на", "сачыце за намі",
	"далучайцеся да нас", "наш канал у telegram",
	"калі вы заўважылі памылку", "калі заўважылі памылку", "калі вы знайшлі памылку",
	"калі знайшлі памылку", "вылучыце яе і націсніце", "вылучыце фрагмент",
	"усе правы абаронены", "пры перадруку", "пры выкарыстанні матэрыялаў",
	"перадрук матэрыялаў", "мы выкарыстоўваем cookie", "мы выкарыстоўваем файлы",
	"пакінуць каментар", "дадаць каментар", "скапіяваць спасылку", "капіяваць спасылку",
	"на правах рэкламы", "не будзе апублікаваны", "палі пазначаны",
};

/* 2. Donation and membership appeals: anywhere in a line of up to FURNITURE_LONG_MAX bytes. */
static const char *const furniture_appeals[] = {
	/* en */
	"funded by our readers", "readers like you", "help fund our", "help us get",
	"makes a financial contribution", "support independent journalism",
	"support our journalism", "make a donation", "donate now", "consider gifting",
	"become a patron",
	/* ru */
	"поддержите нас", "поддержать нас", "поддержите редакцию", "поддержать редакцию",
	"поддержите независим", "поддержать независим",
	/* uk */
	"підтримайте нас", "підтримати нас", "підтримайте редакцію", "підтримати редакцію",
	"підтримайте незалежн", "підтримати незалежн",
	/* be */
	"падтрымайце нас", "падтрымаць нас", "падтрымайце рэдакцыю", "падтрымаць рэдакцыю",
	"падтрымайце незалежн", "падтрымаць незалежн",
};

/* 3. Weak: as whole words, only in a line of at most WEAK_WORDS words not ending like a sentence. */
static const char *const furniture_weak[] = {
	/* en */
	"subscribe", "subscribed", "newsletter", "sign in", "log in", "sign up", "cookies",
	"advertisement", "read more", "related articles", "related stories", "related news",
	"related posts", "more stories", "editors' picks", "editor's picks", "most read",
	"most popular", "latest news", "top stories", "you may also like", "recommended for you",
	"mastercard", "share on", "share this", "print this", "follow us", "sponsored",
	"view comments", "show comments",
	/* ru */
	"подписаться", "подпишитесь", "подписывайтесь", "поделиться", "поделитесь", "реклама",
	"войти", "регистрация", "комментарии", "комментариев", "комментировать",
	"читать далее", "читать дальше", "самое читаемое", "самое популярное",
	"последние новости", "главные новости", "выбор редакции", "новости партнеров",
	"новости партнёров", "другие новости", "все новости", "лента новостей",
	/* uk */
	"підписатися", "підпишіться", "підписуйтесь", "підписуйтеся", "поділитися",
	"поділіться", "увійти", "реєстрація", "коментарі", "коментарів", "коментувати",
	"читати далі", "читати більше", "найпопулярніше", "останні новини", "головні новини",
	"вибір редакції", "новини партнерів", "інші новини", "усі новини", "всі новини",
	"стрічка новин",
	/* be */
	"падпісацца", "падпісвайцеся", "падпішыцеся", "падзяліцца", "падзяліцеся", "рэклама",
	"увайсці", "рэгістрацыя", "каментарыі", "каментароў", "каментаваць", "чытаць далей",
	"чытаць больш", "самае чытанае", "самае папулярнае", "апошнія навіны",
	"галоўныя навіны", "выбар рэдакцыі", "навіны партнёраў", "іншыя навіны", "усе навіны",
	"стужка навін",
};

/*
 * 4. The whole line is one of these, once what is not a letter is dropped
 * at both ends (punctuation, a count: "Комментарии (12)", "3 min read").
 */
static const char *const furniture_lines[] = {
	/* en */
	"share", "print", "email", "e-mail", "menu", "search", "donate", "comments", "tags",
	"home", "next", "previous", "back to top", "loading", "like this", "related",
	"recommended", "you are here", "min read", "like loading", "website", "name", "comment",
	/* ru */
	"печать", "распечатать", "меню", "поиск", "вход", "главная", "теги", "метки",
	"рубрики", "комментариев", "комментария", "назад", "далее", "наверх", "вверх",
	"архив", "популярное", "подробнее", "вы тут", "вы здесь", "мин чтения",
	"мин. чтения", "имя", "сайт",
	/* uk */
	"друк", "поширити", "пошук", "вхід", "головна", "мітки", "коментаря", "далі",
	"догори", "нагору", "архів", "популярне", "докладніше", "детальніше", "ви тут",
	"хв читання", "хв. читання", "ім'я", "ім\xE2\x80\x99я",
	/* be */
	"друкаваць", "уваход", "галоўная", "тэгі", "рубрыкі", "далей", "уверх", "архіў",
	"папулярнае", "падрабязней", "вы знаходзіцеся тут", "хв чытання", "хвілін чытання",
	"імя",
};

/* 5. A line that starts with one of these ("Читайте также: …", "© 2024 …"). */
static const char *const furniture_prefixes[] = {
	/* en */
	"read also", "see also:", "also read:", "read more:", "related:", "tags:", "tagged:",
	"tagged with", "filed under", "topics:", "you are here:", "©", "(c) ", "copyright ",
	"views:",
	/* ru */
	"читайте также", "читать также", "смотрите также", "читайте ещё", "читайте еще",
	"читайте по теме", "по теме:", "ещё по теме", "еще по теме", "теги:", "метки:",
	"рубрика:", "рубрики:", "вы тут:", "вы здесь:", "вы находитесь:", "вы находитесь здесь",
	"просмотров:",
	"просмотры:",
	/* uk */
	"читайте також", "читати також", "дивіться також", "за темою:", "більше за темою",
	"мітки:", "ви тут:", "ви знаходитесь:", "ви знаходитесь тут", "ви знаходитеся:",
	"ви знаходитеся тут", "переглядів:",
	"перегляди:",
	/* be */
	"чытайце таксама", "чытаць таксама", "глядзіце таксама", "па тэме:", "яшчэ па тэме",
	"тэгі:", "рубрыка:", "вы знаходзіцеся:", "вы знаходзіцеся тут", "праглядаў:",
};

/*
 * 6. Share bars: every word of the line is one of these (social networks
 * and the words around them), whatever separates them.
 */
static const char *const furniture_networks[] = {
	"facebook", "twitter", "telegram", "telegram-канал", "whatsapp", "viber", "instagram",
	"youtube", "tiktok", "linkedin", "pinterest", "reddit", "threads", "mastodon", "bluesky",
	"flipboard", "tumblr", "livejournal", "vk", "ok.ru", "rss", "google news", "email",
	"e-mail", "print", "share", "share this", "copy link",
	"вконтакте", "вк", "одноклассники", "однокласники", "аднакласнікі", "мой мир",
	"мій світ", "мой мір", "жж", "яндекс.дзен", "яндекс дзен", "дзен",
	"поделиться", "поділитися", "падзяліцца", "поширити", "печать", "друк",
	"скопировать ссылку", "копировать ссылку", "копіювати посилання",
	"скапіяваць спасылку",
};

/*
 * Headings of lists of links: the short lines after such a line (whole,
 * once what is not a letter is dropped at both ends) are its links.
 */
static const char *const furniture_list_heads[] = {
	/* en */
	"read also", "read more", "see also", "related", "related stories", "related articles",
	"related news", "related posts", "more stories", "most read", "most popular",
	"latest news", "top stories", "you may also like", "recommended", "recommended for you",
	"editors' picks", "editor's picks",
	/* ru */
	"читайте также", "читать также", "смотрите также", "по теме", "еще по теме",
	"ещё по теме", "самое читаемое", "самое популярное", "последние новости",
	"главные новости", "другие новости", "выбор редакции", "новости партнеров",
	"новости партнёров", "популярное",
	/* uk */
	"читайте також", "читати також", "дивіться також", "за темою", "більше за темою",
	"найпопулярніше", "останні новини", "головні новини", "інші новини", "вибір редакції",
	"новини партнерів", "популярне",
	/* be */
	"чытайце таксама", "чытаць таксама", "глядзіце таксама", "па тэме", "яшчэ па тэме",
	"самае чытанае", "самае папулярнае", "апошнія навіны", "галоўныя навіны", "іншыя навіны",
	"выбар рэдакцыі", "навіны партнёраў", "папулярнае",
};

/* Where a breadcrumb starts ("Главная › Новости › …"). */
static const char *const furniture_home[] = {
	"home", "homepage", "main", "главная", "на главную", "головна", "на головну",
	"галоўная", "на галоўную",
};

/* ------------------------------------------------------------------ */
/* Words and lines */

int
plain_count_words(const char *s, size_t n)
{
	int words = 0;
	bool in = false;

	for (size_t i = 0; i < n; i++) {
		bool sp = s[i] == ' ';

		if (!sp && !in)
			words++;
		in = !sp;
	}
	return words;
}

uint32_t
plain_last_cp(const char *s, size_t n)
{
	size_t i = n;
	uint32_t cp = 0;

	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i > 0)
		text_decode(s + i - 1, n - i + 1, &cp);
	return cp;
}

bool
plain_ends_sentence(const char *s, size_t n)
{
	uint32_t cp;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '"' || s[n - 1] == ')'))
		n--;
	cp = plain_last_cp(s, n);
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x201D ||
	    cp == 0x00BB;
}

/* "Share this...", "Read more…": a teaser cut short, not a sentence of the article. */
static bool
ends_ellipsis(const char *s, size_t n)
{
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return (n >= 3 && memcmp(s + n - 3, "...", 3) == 0) || plain_last_cp(s, n) == 0x2026;
}

bool
plain_has_year(const char *s, size_t n)
{
	for (size_t i = 0; i + 4 <= n; i++) {
		if ((s[i] == '1' || s[i] == '2') && s[i + 1] >= '0' && s[i + 1] <= '9' &&
		    s[i + 2] >= '0' && s[i + 2] <= '9' && s[i + 3] >= '0' && s[i + 3] <= '9' &&
		    (i == 0 || s[i - 1] < '0' || s[i - 1] > '9') &&
		    (i + 4 == n || s[i + 4] < '0' || s[i + 4] > '9'))
			return true;
	}
	return false;
}

/* ------------------------------------------------------------------ */
/* Lowering */

/*
 * Lowers s[0..n) into buf by the simple rules of the characters most text
 * is made of: ASCII, the basic Cyrillic block (U+0400-U+045F: capitals
 * U+0410-U+042F are 0x20 below their small letters, U+0400-U+040F 0x50),
 * and the caseless U+00A0-U+00BF, U+2000-U+207F and U+2116 (№, in a
 * sixth of the lines of news).  False as soon as another character comes
 * (then u8_tolower does it all).
 */
static bool
lower_common(const char *s, size_t n, char *buf)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned c = u[i];

		if (c < 0x80) {
			buf[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			i++;
		} else if ((c == 0xD0 || c == 0xD1 || c == 0xC2) && i + 1 < n &&
		    (u[i + 1] & 0xC0) == 0x80) {
			uint32_t cp = ((uint32_t)(c & 0x1F) << 6) | (u[i + 1] & 0x3F);

			if ((c == 0xC2 && cp < 0xA0) || cp > 0x45F)
				return false;
			if (cp >= 0x400 && cp <= 0x40F)
				cp += 0x50;
			else if (cp >= 0x410 && cp <= 0x42F)
				cp += 0x20;
			buf[i] = (char)(0xC0 | (cp >> 6));
			buf[i + 1] = (char)(0x80 | (cp & 0x3F));
			i += 2;
		} else if (c == 0xE2 && i + 2 < n && (((u[i + 1] == 0x80 || u[i + 1] == 0x81) &&
		    (u[i + 2] & 0xC0) == 0x80) || (u[i + 1] == 0x84 && u[i + 2] == 0x96))) {
			memcpy(buf + i, s + i, 3);	/* U+2000-U+207F, U+2116: none has a case */
			i += 3;
		} else {
			return false;
		}
	}
	return true;
}

bool
plain_lower(const char *s, size_t n, struct plain_lowered *l)
{
	size_t len = sizeof l->buf - 1;

	if (n > FURNITURE_LONG_MAX) {
		n = FURNITURE_LONG_MAX;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;	/* not inside a character */
	}
	l->s = (uint8_t *)l->buf;
	if (n < sizeof l->buf && lower_common(s, n, l->buf)) {
		len = n;
	} else {
		l->s = u8_tolower((const uint8_t *)s, n, NULL, NULL, (uint8_t *)l->buf, &len);
		if (l->s == NULL)
			return false;
		if (l->s != (uint8_t *)l->buf)
			l->s = xreallocarray(l->s, len + 1, 1);	/* room for the NUL */
	}
	l->s[len] = '\0';
	l->n = len;
	return true;
}

void
plain_lowered_done(struct plain_lowered *l)
{
	if (l->s != (uint8_t *)l->buf)
		free(l->s);
}

/* The code point at byte i of s[0..n) (0 past the end); its length in *len. */
static uint32_t
cp_at(const uint8_t *s, size_t n, size_t i, int *len)
{
	uint32_t cp = 0;

	*len = 1;
	if (i < n)
		*len = text_decode((const char *)s + i, n - i, &cp);
	return cp;
}

static bool
alnum_before(const uint8_t *s, size_t i)
{
	uint32_t cp = 0;
	size_t k = i;

	if (i == 0)
		return false;
	while (k > 0 && (s[k - 1] & 0xC0) == 0x80)
		k--;
	if (k > 0)
		k--;
	text_decode((const char *)s + k, i - k, &cp);
	return uc_is_alnum(cp);
}

static bool
alnum_at(const uint8_t *s, size_t n, size_t i)
{
	int len;

	return i < n && uc_is_alnum(cp_at(s, n, i, &len));
}

bool
plain_lowered_has(const struct plain_lowered *l, const char *const *needles, size_t count,
    bool words)
{
	for (size_t i = 0; i < count; i++) {
		const char *at = (const char *)l->s;
		size_t k = strlen(needles[i]);

		while ((at = strstr(at, needles[i])) != NULL) {
			size_t p = (size_t)(at - (const char *)l->s);

			if (!words || (!alnum_before(l->s, p) && !alnum_at(l->s, l->n, p + k)))
				return true;
			at++;
		}
	}
	return false;
}

/* ------------------------------------------------------------------ */
/* The index of every table but the list heads and home words */

enum rule { RULE_STRONG, RULE_APPEAL, RULE_WEAK, RULE_LINE, RULE_PREFIX, RULE_NETWORK };

struct needle {
	const char *s;
	uint16_t len;
	uint8_t rule, width;	/* width: bytes of its gram: 8, 4, or all of it when shorter */
	uint64_t gram;
};

#define SLOTS 2048		/* a power of two, over twice the needles */

struct slot {
	uint64_t gram;
	uint16_t first, count;	/* needles[first, first + count) */
	uint8_t width;		/* 0: empty */
};

/* The first 4 bytes of the needles of rules 1-3, hashed: a word whose first 4 bytes miss is passed over. */
#define FIRST4_BITS 65536

struct furniture_index {
	struct needle needles[GLOSS_ARRAY_SIZE(furniture_strong) +
	    GLOSS_ARRAY_SIZE(furniture_appeals) + GLOSS_ARRAY_SIZE(furniture_weak) +
	    GLOSS_ARRAY_SIZE(furniture_lines) + GLOSS_ARRAY_SIZE(furniture_prefixes) +
	    GLOSS_ARRAY_SIZE(furniture_networks)];
	size_t nneedles;
	struct slot slots[SLOTS];
	unsigned char first4[FIRST4_BITS / 8];
};
/*
 * Built once, on the heap (60 KiB): the reader's heap is a huge page
 * (xmalloc_heap_huge), where the same tables as static data cost the
 * first screen 9 page faults.  Never freed.
 */
static struct furniture_index *ix;
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

/* The first width (2, 3, 4 or 8) bytes of s as a number; constant sizes, so the copies are inlined. */
static uint64_t
gram_of(const uint8_t *s, unsigned width)
{
	uint64_t g = 0;
	uint32_t w4 = 0;
	uint16_t w2 = 0;

	switch (width) {
	case 8:
		memcpy(&g, s, 8);
		return g;
	case 4:
		memcpy(&w4, s, 4);
		return w4;
	case 3:
		memcpy(&w2, s, 2);
		return w2 | (uint64_t)s[2] << 16;
	default:
		memcpy(&w2, s, 2);
		return w2;
	}
}

static unsigned
slot_of(uint64_t gram, unsigned width)
{
	return (unsigned)(((gram ^ width) * 0x9E3779B97F4A7C15u) >> 53) & (SLOTS - 1);
}

static unsigned
first4_of(uint64_t gram4)
{
	return (unsigned)((gram4 * 0x9E3779B97F4A7C15u) >> 48);
}

static int
needle_cmp(const void *a, const void *b)
{
	const struct needle *x = a, *y = b;

	if (x->width != y->width)
		return x->width < y->width ? -1 : 1;
	return x->gram < y->gram ? -1 : x->gram > y->gram;
}

static void
add_needles(const char *const *v, size_t count, enum rule rule)
{
	for (size_t i = 0; i < count; i++) {
		struct needle *nd = &ix->needles[ix->nneedles++];

		nd->s = v[i];
		nd->len = (uint16_t)strlen(v[i]);	/* every entry has 2 bytes or more */
		nd->rule = (uint8_t)rule;
		nd->width = nd->len >= 8 ? 8 : nd->len >= 4 ? 4 : (uint8_t)nd->len;
		nd->gram = gram_of((const uint8_t *)v[i], nd->width);
		if (rule <= RULE_WEAK) {
			unsigned h = first4_of(gram_of((const uint8_t *)v[i], 4));

			ix->first4[h / 8] |= (unsigned char)(1u << (h % 8));
		}
	}
}

static void
index_init(void)
{
	ix = xcalloc(1, sizeof *ix);
	add_needles(furniture_strong, GLOSS_ARRAY_SIZE(furniture_strong), RULE_STRONG);
	add_needles(furniture_appeals, GLOSS_ARRAY_SIZE(furniture_appeals), RULE_APPEAL);
	add_needles(furniture_weak, GLOSS_ARRAY_SIZE(furniture_weak), RULE_WEAK);
	add_needles(furniture_lines, GLOSS_ARRAY_SIZE(furniture_lines), RULE_LINE);
	add_needles(furniture_prefixes, GLOSS_ARRAY_SIZE(furniture_prefixes), RULE_PREFIX);
	add_needles(furniture_networks, GLOSS_ARRAY_SIZE(furniture_networks), RULE_NETWORK);
	qsort(ix->needles, ix->nneedles, sizeof *ix->needles, needle_cmp);
	for (size_t i = 0; i < ix->nneedles; ) {
		size_t j = i;
		unsigned h = slot_of(ix->needles[i].gram, ix->needles[i].width);

		while (j < ix->nneedles && needle_cmp(&ix->needles[i], &ix->needles[j]) == 0)
			j++;
		while (ix->slots[h].width)
			h = (h + 1) & (SLOTS - 1);
		ix->slots[h] = (struct slot){ ix->needles[i].gram, (uint16_t)i, (uint16_t)(j - i),
		    ix->needles[i].width };
		i = j;
	}
}

/* The needles whose first width bytes are those at l->s[i]; their count in *count. */
static const struct needle *
needles_at(const struct plain_lowered *l, size_t i, unsigned width, unsigned *count)
{
	uint64_t g;
	unsigned h;

	*count = 0;
	if (width > l->n - i)
		return NULL;
	g = gram_of(l->s + i, width);
	for (h = slot_of(g, width); ix->slots[h].width; h = (h + 1) & (SLOTS - 1)) {
		if (ix->slots[h].width == width && ix->slots[h].gram == g) {
			*count = ix->slots[h].count;
			return &ix->needles[ix->slots[h].first];
		}
	}
	return NULL;
}

static bool
starts_here(const struct plain_lowered *l, size_t i, const struct needle *nd)
{
	return nd->len <= l->n - i && memcmp(l->s + i, nd->s, nd->len) == 0;
}

/* What a line allows: the rules its length and shape leave open. */
struct line_ctx {
	const struct plain_lowered *l;
	bool strong;		/* short enough for rule 1 */
	bool weak;		/* short, few words, not a sentence: rule 3 */
};

static bool
needle_fits(const struct line_ctx *c, const struct needle *nd, size_t i)
{
	const struct plain_lowered *l = c->l;

	if (nd->rule > RULE_WEAK || !starts_here(l, i, nd))
		return false;
	if (nd->rule == RULE_APPEAL)
		return true;
	if (nd->rule == RULE_STRONG)
		return c->strong;
	return c->weak && !alnum_before(l->s, i) && !alnum_at(l->s, l->n, i + nd->len);
}

static bool
probe(const struct line_ctx *c, size_t i, unsigned width)
{
	unsigned count;
	const struct needle *nd = needles_at(c->l, i, width, &count);

	for (unsigned k = 0; k < count; k++)
		if (needle_fits(c, &nd[k], i))
			return true;
	return false;
}

/* Does a needle of rules 1-3 start at byte i? */
static bool
needle_at(const struct line_ctx *c, size_t i)
{
	unsigned h;

	if (i + 4 > c->l->n)
		return false;
	h = first4_of(gram_of(c->l->s + i, 4));
	if (!(ix->first4[h / 8] & (1u << (h % 8))))
		return false;
	return probe(c, i, 4) || (i + 8 <= c->l->n && probe(c, i, 8));
}

/* Opening punctuation before a word: ( [ " ' « „ “. */
static size_t
opening_len(const uint8_t *s, size_t n, size_t i)
{
	if (i < n && (s[i] == '(' || s[i] == '[' || s[i] == '"' || s[i] == '\''))
		return 1;
	if (i + 1 < n && s[i] == 0xC2 && s[i + 1] == 0xAB)
		return 2;
	if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0x9C || s[i + 2] == 0x9E))
		return 3;
	return 0;
}

/*
 * Rules 1-3: a needle where a word starts: at the start of the line and
 * after each space, and after opening punctuation there.  Spaces are found
 * with memchr: this runs for nearly every short line of every document.
 */
static bool
scan_needles(const struct line_ctx *c)
{
	const uint8_t *s = c->l->s;
	size_t n = c->l->n, i = 0;

	while (i < n) {
		const uint8_t *sp;
		size_t k = opening_len(s, n, i);

		if (needle_at(c, i) || (k > 0 && needle_at(c, i + k)))
			return true;
		sp = memchr(s + i, ' ', n - i);
		if (sp == NULL)
			break;
		i = (size_t)(sp - s) + 1;
	}
	return false;
}

/*
 * The longest entry of rule that starts at byte i and ends at z (exact) or,
 * with exact unset, before a character that is no letter or digit; 0 if none.
 */
static size_t
entry_at(const struct plain_lowered *l, size_t i, size_t z, enum rule rule, bool exact)
{
	static const unsigned widths[] = { 2, 3, 4, 8 };
	size_t best = 0;

	for (size_t w = 0; w < GLOSS_ARRAY_SIZE(widths); w++) {
		unsigned count;
		const struct needle *nd = needles_at(l, i, widths[w], &count);

		for (unsigned k = 0; k < count; k++) {
			if (nd[k].rule != rule || nd[k].len <= best || i + nd[k].len > z ||
			    !starts_here(l, i, &nd[k]))
				continue;
			if (exact ? i + nd[k].len == z : rule == RULE_PREFIX ||
			    !alnum_at(l->s, z, i + nd[k].len))
				best = nd[k].len;
		}
	}
	return best;
}

/* ------------------------------------------------------------------ */
/* Rules anchored at the line (4-6, chains) */

/* [*a, *z) of the lowered line without what is not a letter at either end. */
static void
letters_only(const struct plain_lowered *l, size_t *a, size_t *z)
{
	int len;

	*a = 0;
	*z = l->n;
	while (*a < *z && !uc_is_alpha(cp_at(l->s, l->n, *a, &len)))
		*a += (size_t)len;
	while (*z > *a) {
		size_t p = *z - 1;

		while (p > *a && (l->s[p] & 0xC0) == 0x80)
			p--;
		if (uc_is_alpha(cp_at(l->s, *z, p, &len)))
			break;
		*z = p;
	}
}

static bool
is_one_of(const uint8_t *s, size_t n, const char *const *v, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (strlen(v[i]) == n && memcmp(s, v[i], n) == 0)
			return true;
	return false;
}

/* Rule 6: every word of l->s[a..z) is a share-bar entry. */
static bool
share_bar(const struct plain_lowered *l, size_t a, size_t z)
{
	int len;

	while (a < z) {
		size_t k = entry_at(l, a, z, RULE_NETWORK, false);

		if (k == 0)
			return false;
		a += k;
		while (a < z && !uc_is_alpha(cp_at(l->s, z, a, &len)))
			a += (size_t)len;	/* spaces, commas, bars, counts */
	}
	return true;
}

static bool
is_separator(uint32_t cp)
{
	return cp == '|' || cp == '/' || cp == '>' || cp == '\\' || cp == 0xB7 || cp == 0xBB ||
	    cp == 0x2022 || cp == 0x203A || cp == 0x2192 || cp == 0x27E9;
}

/* The items of a chain "A › B › C" and of a list "A, B, C". */
struct chain {
	uint32_t sep;		/* the first separator seen with a space on either side */
	int items, first_words, max_words, words;	/* max_words: of the items but the last */
	int commas, comma_max_words, comma_words;
	size_t first_end;	/* byte where the first item ends */
};

static void
chain_step(struct chain *ch, const uint8_t *s, size_t n, size_t i, uint32_t cp, int len)
{
	bool spaced = i > 0 && s[i - 1] == ' ' && i + (size_t)len < n && s[i + (size_t)len] == ' ';

	if (is_separator(cp) && spaced && (ch->sep == 0 || ch->sep == cp)) {
		if (ch->items == 0)
			ch->first_words = ch->words, ch->first_end = i;
		ch->sep = cp;
		ch->items++;
		ch->max_words = GLOSS_MAX(ch->max_words, ch->words);
		ch->words = 0;
	} else if (cp == ',') {
		ch->commas++;
		ch->comma_max_words = GLOSS_MAX(ch->comma_max_words, ch->comma_words);
		ch->comma_words = 0;
	} else if (cp != ' ' && (i == 0 || s[i - 1] == ' ')) {
		ch->words++;
		ch->comma_words++;
	}
}

/*
 * Can the line be a chain: TAGS_MIN - 1 commas, or a space before a byte
 * that may start a separator?  A byte scan that spares nearly every line
 * the decoding of is_chain.
 */
static bool
may_chain(const struct plain_lowered *l)
{
	int commas = 0;

	for (size_t i = 1; i < l->n; i++) {
		uint8_t c = l->s[i];

		if (c == ',' && ++commas >= TAGS_MIN - 1)
			return true;
		if (l->s[i - 1] == ' ' && (c == '|' || c == '/' || c == '>' || c == '\\' ||
		    (c == 0xC2 && i + 1 < l->n && (l->s[i + 1] == 0xB7 || l->s[i + 1] == 0xBB)) ||
		    (c == 0xE2 && i + 2 < l->n && (memcmp(l->s + i, "\xE2\x80\xA2", 3) == 0 ||
		    memcmp(l->s + i, "\xE2\x80\xBA", 3) == 0 || memcmp(l->s + i, "\xE2\x86\x92", 3) == 0 ||
		    memcmp(l->s + i, "\xE2\x9F\xA9", 3) == 0))))
			return true;	/* | / > \ · » • › → ⟩ */
	}
	return false;
}

/*
 * Breadcrumbs, menus, tag lists: "Главная › Новости › …" (starts with a
 * home word), "Новости · Политика · Экономика" (three items or more, the
 * first of at most two words and none but the last over three, no year:
 * not "14:35 · 12.03.2024 · Политика"), "Беларусь, Украина, санкции,
 * выборы" (four items or more of at most two words, not a sentence).
 */
static bool
is_chain(const struct plain_lowered *l, const char *s, size_t n)
{
	struct chain ch = { 0 };
	int len;

	if (!may_chain(l))
		return false;
	for (size_t i = 0; i < l->n; i += (size_t)len) {
		uint32_t cp = cp_at(l->s, l->n, i, &len);

		chain_step(&ch, l->s, l->n, i, cp, len);
	}
	if (ch.items > 0) {
		size_t z = ch.first_end;

		while (z > 0 && l->s[z - 1] == ' ')
			z--;
		ch.items++;	/* the last item */
		if (is_one_of(l->s, z, furniture_home, GLOSS_ARRAY_SIZE(furniture_home)))
			return true;
		if (ch.items >= 3 && ch.first_words <= 2 && ch.max_words <= CHAIN_ITEM_WORDS &&
		    !plain_has_year(s, n))
			return true;
	}
	return ch.commas + 1 >= TAGS_MIN && GLOSS_MAX(ch.comma_max_words, ch.comma_words) <= 2 &&
	    !plain_ends_sentence(s, n) && !plain_has_year(s, n);
}

/* Rules 4-6 and chains: what the start or the whole of the line is. */
static bool
anchored(const struct plain_lowered *l, const char *s, size_t n)
{
	size_t a, z;

	letters_only(l, &a, &z);
	if (entry_at(l, 0, l->n, RULE_PREFIX, false) || (a > 0 && entry_at(l, a, l->n, RULE_PREFIX, false)))
		return true;
	if (z > a && z - a <= LINE_MAX_BYTES && entry_at(l, a, z, RULE_LINE, true))
		return true;
	return (z > a && share_bar(l, a, z)) || is_chain(l, s, n);
}

bool
plain_is_list_head(const char *s, size_t n)
{
	struct plain_lowered l;
	size_t a, z;
	bool yes;

	if (n == 0 || n > LINE_MAX_BYTES || !plain_lower(s, n, &l))
		return false;
	letters_only(&l, &a, &z);
	yes = z > a && is_one_of(l.s + a, z - a, furniture_list_heads,
	    GLOSS_ARRAY_SIZE(furniture_list_heads));
	plain_lowered_done(&l);
	return yes;
}

bool
plain_is_furniture(const char *s, size_t n)
{
	struct plain_lowered l;
	struct line_ctx c;
	bool yes;

	if (n == 0 || n > FURNITURE_LONG_MAX || !plain_lower(s, n, &l))
		return false;
	pthread_once(&index_once, index_init);
	c.l = &l;
	c.strong = n <= FURNITURE_MAX;
	c.weak = c.strong && plain_count_words(s, n) <= WEAK_WORDS &&
	    (!plain_ends_sentence(s, n) || ends_ellipsis(s, n));
	yes = (c.strong && anchored(&l, s, n)) || scan_needles(&c);
	plain_lowered_done(&l);
	return yes;
}
