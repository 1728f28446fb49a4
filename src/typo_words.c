/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * typo_words — the words the rules of typo.c know (titles, abbreviations
 * before a number or a name, units, two-letter prepositions of each
 * language, function words) and the kinds of a finished token (the K_*
 * bits the rules between two tokens read) beyond typo.c's common case.
 */
#include "gloss/gloss.h"

#include <unistr.h>

#include "typo_scan.h"

/* Word lists (UTF-8, matched against the core of a token). */

static const char *const titles[] = {
	"проф.", "праф.", "акад.", "доц.", "дац.", "тов.", "г-н", "г-жа", "д-р",
	"ген.", "св.", "им.", "ім.", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.",
};

static const char *const numsigns[] = { "№", "№№", "§", "§§" };

static const char *const etc_words[] = { "ін.", "др.", "пр." };

static const char *const and_words[] = { "та", "и", "і" };

/*
 * Two-letter prepositions, conjunctions and negations that stay with the
 * next word (R1, soft), per language.  Pronouns (он, мы, ти, ён) and verbs
 * (є) of two letters are not here: a line may well end after a subject.
 */
static const char *const short2_ru[] = {
	"на", "по", "от", "до", "из", "за", "об", "во", "со", "ко", "не", "ни", "но", "да",
	"то",	/* если …, то … */
};
static const char *const short2_uk[] = {
	"на", "по", "до", "за", "із", "зі", "як", "та", "чи", "не", "ні", "аж", "бо", "що",
};
static const char *const short2_be[] = {
	"на", "па", "да", "за", "ад", "аб", "як", "не", "ні", "ці", "бо", "аж", "ля", "са",
	"ва", "ды",
};
/* Belarusian Łacinka (Latin script); one-letter ŭ is in r1_letter(). */
static const char *const short2_lacinka[] = {
	"na", "pa", "da", "za", "ad", "ab", "ni", "ci", "bo", "dy",
};

/* Abbreviations that lead a number: ст. 411, ч. 2, т. 4, с. 25 (page). */
static const char *const leadnum[] = {
	"ст.", "ч.", "п.", "пп.", "т.", "тт.", "гл.", "с.", "стр.", "рис.", "табл.", "разд.",
	"арт.", "абз.", "кн.", "вып.", "вип.", "р.", "д.", "кв.", "корп.", "No.", "p.", "pp.",
	"art.", "ch.", "vol.",
};

/* Abbreviations that stay with whatever follows them: см. раздел, див. розділ. */
static const char *const see_words[] = { "см.", "См.", "див.", "Див." };

/* Abbreviations that lead a name: г. Минск, в. Карані, ул. Ленина. */
static const char *const place[] = {
	"г.", "гор.", "с.", "в.", "п.", "пос.", "пгт.", "ул.", "вул.", "пр.", "просп.", "пл.",
	"р.", "оз.", "м.", "обл.", "дер.", "вёс.", "ст.", "раён.",
};

/* Units and words that stay with a number although they are longer than
 * four letters or contain symbols. */
static const char *const units[] = {
	"%", "‰", "°", "°C", "°С", "°F", "€", "$", "₽", "₴", "£", "¥",
	"м²", "м³", "см²", "см³", "км²", "мм²", "км/ч", "м/с", "кВт", "МВт", "ГВт",
	"кВт·ч", "тонны", "тонна", "тонн", "рублей", "рубля", "рублів", "гривен",
	"гривень", "гривні", "долларов", "доларів", "долараў", "процентов",
	"відсотків", "працэнтаў", "человек", "осіб", "чалавек", "тысяч", "тисяч",
	"миллионов", "мільйонів", "мільёнаў", "километров", "кілометрів", "метров",
	"метрів", "років", "гадоў", "percent", "million", "billion", "km²", "m²",
};

/* Short words that are not units: a number does not glue to them (so that
 * "№ 5 и § 3" can still break before "и"). */
static const char *const function_words[] = {
	/* ru */
	"а", "и", "в", "во", "на", "по", "от", "до", "из", "за", "об", "обо", "к",
	"ко", "с", "со", "у", "о", "не", "ни", "но", "да", "же", "ли", "бы", "что",
	"как", "где", "так", "это", "для", "при", "без", "под", "над", "про", "чем",
	"то", "вот", "уже", "еще", "ещё", "его", "ее", "её", "их", "он", "она",
	"оно", "они", "мы", "вы", "я", "ты", "все", "всё", "был", "была", "было",
	"были", "тот", "та", "те", "эти", "этот", "или", "если", "чтоб", "либо",
	/* uk */
	"і", "й", "чи", "що", "як", "де", "це", "від", "із", "зі", "під", "ні",
	"він", "вона", "вони", "ви", "був", "була", "було", "були", "але", "або",
	"ще", "вже", "той", "ця", "цей", "ці", "які", "яка", "який", "їх", "її",
	"його", "з", "та",
	/* be */
	"ў", "са", "ад", "аб", "па", "пры", "пад", "пра", "ці", "што", "дзе", "ён",
	"яна", "яны", "быў", "ужо", "гэта", "гэты", "тая",
	/* en */
	"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for",
	"by", "as", "is", "was", "are", "from", "into", "that", "this", "than",
	"then", "when", "it", "its", "he", "she", "we", "they", "not", "so", "if",
	"were", "has", "had", "have", "be", "been", "all", "any", "who", "what",
	"with", "up", "out", "off", "over", "more", "less", "some", "via", "our",
	"his", "her", "you", "can", "will", "may", "also", "such", "only", "each",
	"both", "i", "me", "my", "him", "them", "one", "two", "no", "nor", "yet",
};

static bool
in_list(const char *s, size_t n, const char *const *list, size_t count)
{
	size_t k;

	if (n == 0)
		return false;
	for (k = 0; k < count; k++) {
		const char *w = list[k];

		/* The second byte tells most Cyrillic words apart cheaply. */
		if (w[0] != s[0] || (n > 1 && w[1] != s[1]))
			continue;
		if (strncmp(w, s, n) == 0 && w[n] == '\0')
			return true;
	}
	return false;
}

#define IN_LIST(t, s, list) \
	in_list((s) + (t)->core, (t)->core_end - (t)->core, (list), GLOSS_ARRAY_SIZE(list))

/* ------------------------------------------------------------------ */
/* Kinds of a token */

static bool
r1_letter(uint32_t l)
{
	switch (l) {
	case 0x0430: case 0x0432: case 0x0438: case 0x043A:	/* а в и к */
	case 0x043E: case 0x0441: case 0x0443: case 0x044F:	/* о с у я */
	case 0x0456: case 0x0439: case 0x0437: case 0x045E:	/* і й з ў */
	case 0x016D:						/* Łacinka ŭ */
		return true;
	default:
		return false;
	}
}

/* Is the two-letter word a, b (lower case) in one of the short2_* lists? */
static bool
short2_word(uint32_t a, uint32_t b)
{
	char w[8];
	size_t n = 0;

	n += (size_t)u8_uctomb((uint8_t *)w, a, 4);
	n += (size_t)u8_uctomb((uint8_t *)w + n, b, 4);
	if (a < 0x80)
		return in_list(w, n, short2_lacinka, GLOSS_ARRAY_SIZE(short2_lacinka));
	return in_list(w, n, short2_ru, GLOSS_ARRAY_SIZE(short2_ru)) ||
	    in_list(w, n, short2_uk, GLOSS_ARRAY_SIZE(short2_uk)) ||
	    in_list(w, n, short2_be, GLOSS_ARRAY_SIZE(short2_be));
}

static bool
particle(const struct typo_tok *t)
{
	uint32_t a = t->l[0], b = t->nlet > 1 ? t->l[1] : 0;

	if (t->lead || t->ninner || t->ncp != t->nlet || t->first != TYPO_C_LOWER || t->nlet > 2)
		return false;
	if (b == 0)
		return a == 0x0431 || a == 0x0436;			/* б ж */
	return (a == 0x0431 && b == 0x044B) ||			/* бы */
	    (a == 0x043B && (b == 0x0438 || b == 0x044C)) ||	/* ли ль */
	    (a == 0x0436 && b == 0x0435);				/* же */
}

/* A word of one or two letters (marks allowed), nothing else. */
static bool
bare_word(const struct typo_tok *t, unsigned letters)
{
	return t->nlet == letters && t->ncp == letters && t->trail == 0 && t->ninner == 0;
}

/* Kinds for rules R1, R1c and R2. */
static unsigned
kind_words(const struct typo_tok *t)
{
	unsigned k = 0;

	if (bare_word(t, 1) && r1_letter(t->l[0]))
		k |= TYPO_K_R1;
	if (bare_word(t, 2) && short2_word(t->l[0], t->l[1]))
		k |= TYPO_K_SHORT2;
	if (particle(t))
		k |= TYPO_K_PARTICLE;
	if (t->lead == 0 && (t->first == TYPO_C_DASH || (t->nhy >= 1 && t->nhy <= 3 &&
	    t->ncp == t->nhy && t->trail == 0 && t->ninner == 0)))
		k |= TYPO_K_DASH;
	return k;
}

/* Kinds for rule R3. */
static unsigned
kind_names(const char *s, const struct typo_tok *t)
{
	unsigned k = 0;

	if (t->lead != 0)
		return 0;
	if (t->first == TYPO_C_UPPER)
		k |= TYPO_K_CAP;
	if (t->ini == 2 && t->ninner == 0)
		k |= t->trail ? TYPO_K_INITIAL_P : TYPO_K_INITIAL;
	if (t->first == TYPO_C_UPPER && t->trail == 0 && t->ninner == 0 && t->nlet >= 2 &&
	    t->nlet + t->nhy + t->napos == t->ncp)
		k |= TYPO_K_SURNAME;
	if (t->trail == 0 && t->ncp <= 6 && (t->last == TYPO_C_PERIOD || t->nhy == 1) &&
	    IN_LIST(t, s, titles))
		k |= TYPO_K_TITLE;
	return k;
}

/* Kinds for rules R4 and R5. */
static unsigned
kind_numbers(const char *s, const struct typo_tok *t)
{
	unsigned k = 0;
	bool clean = t->lead == 0 && t->ninner == 0;

	if (t->lead == 0 && t->trail == 0 && t->ndig && t->first == TYPO_C_DIGIT &&
	    t->last == TYPO_C_DIGIT && t->nlet == 0 && t->nsym == t->ndash && t->ndash <= 1 &&
	    t->napos == 0 && t->nhy == 0) {	/* 1990–1991 is one number */
		k |= TYPO_K_NUMBER;
		if (t->ndig <= 3 && t->ncp == t->ndig)
			k |= TYPO_K_GROUP13;
	}
	if (clean && t->ndig == 3 && (t->ncp == 3 || (t->ncp == 4 && t->last == TYPO_C_PERIOD)) &&
	    t->first == TYPO_C_DIGIT)
		k |= TYPO_K_GROUP3;
	if (t->lead == 0 && t->trail == 0 && t->roman && t->nlet && t->ncp == t->nlet)
		k |= TYPO_K_ROMAN;
	if (t->lead == 0 && t->trail == 0 && t->first == TYPO_C_OTHER && t->ncp <= 2 &&
	    IN_LIST(t, s, numsigns))
		k |= TYPO_K_NUMSIGN;
	if (clean && t->first == TYPO_C_LOWER && t->last == TYPO_C_PERIOD && t->ndig == 0 &&
	    t->nsym == 0 && t->napos == 0 && t->nsep == 0) {
		k |= TYPO_K_ABBR;
		if (t->nper == 1 && t->nhy == 0 && t->nlet <= 3)
			k |= t->nlet <= 2 ? TYPO_K_ABBR12 | TYPO_K_ABBR13 : TYPO_K_ABBR13;
		if (t->nlet == 2 && IN_LIST(t, s, etc_words))
			k |= TYPO_K_ETC;
	}
	/* (т. 4) */
	if (t->ninner == 0 && t->trail == 0 && t->last == TYPO_C_PERIOD && t->ncp <= 6) {
		if (IN_LIST(t, s, leadnum))
			k |= TYPO_K_LEADNUM;
		if (IN_LIST(t, s, place))
			k |= TYPO_K_PLACE;
		if (IN_LIST(t, s, see_words))
			k |= TYPO_K_SEE;
	}
	if (bare_word(t, t->nlet) && t->lead == 0 && t->nlet <= 2 && IN_LIST(t, s, and_words))
		k |= TYPO_K_AND;
	return k;
}

/* Kinds for the short last word of a sentence and what it may join. */
static unsigned
kind_ends(const struct typo_tok *t)
{
	unsigned k = 0;

	if (t->lead != 0 || t->ninner != 0)
		return 0;
	if (t->trail == 0 && (typo_is_letter(t->last) || t->last == TYPO_C_DIGIT))
		k |= TYPO_K_OPENWORD;
	if ((t->first == TYPO_C_LOWER || t->nlet <= 3) && typo_is_letter(t->first) &&
	    t->ncp == t->nlet)
		k |= TYPO_K_WORD;	/* 30 августа, 5 КБ */
	if (t->ndig >= 1 && t->ndig <= 3 && t->first == TYPO_C_DIGIT && t->nlet == 0 &&
	    ((t->last == TYPO_C_PERIOD && t->nper == 1 && t->ncp == t->ndig + 1) ||
	    (t->stop && t->ncp == t->ndig)))
		k |= TYPO_K_LAST;	/* розділ 5. */
	/* One letter and a period is an abbreviation or an initial (н. э.). */
	if (t->cyr && t->nlet >= 1 && t->nlet <= 3 && typo_is_letter(t->first) &&
	    ((t->last == TYPO_C_PERIOD && t->nper == 1 && t->ncp == t->nlet + 1 && t->nlet >= 2) ||
	    (t->stop && t->ncp == t->nlet)))
		k |= TYPO_K_LAST;
	return k;
}


unsigned
typo_words_kind(const char *s, const struct typo_tok *t)
{
	return kind_words(t) | kind_names(s, t) | kind_numbers(s, t) | kind_ends(t);
}

/* A unit or a short word that stays with a preceding number (R4). */
bool
typo_words_unit(const char *s, const struct typo_tok *t)
{
	size_t n = t->core_end - t->core;

	if (t->lead != 0 || t->ninner != 0 || n > 24)
		return false;
	if (IN_LIST(t, s, units))
		return true;
	if (t->last == TYPO_C_PERIOD &&	/* "5 %." at the end of a sentence */
	    in_list(s + t->core, n - 1, units, GLOSS_ARRAY_SIZE(units)))
		return true;
	return t->first == TYPO_C_LOWER && t->ncp == t->nlet && t->nlet <= 4 &&
	    !IN_LIST(t, s, function_words);
}

bool
typo_words_function(const char *s, const struct typo_tok *t)
{
	return IN_LIST(t, s, function_words);
}
