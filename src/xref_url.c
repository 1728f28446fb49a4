/*
 * xref_url — the comparison form of a URL for the cross-document index:
 * two citations of one page compare equal even when written differently.
 */
#include "gloss/gloss.h"

#include <ctype.h>
#include <strings.h>

#include "gloss/strbuf.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "xref_int.h"

static void
add_lower(struct strbuf *sb, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		strbuf_addc(sb, (char)tolower((unsigned char)s[i]));
}

/*
 * scheme://host/path?query#fragment: lower-cases scheme and host (the
 * user part and port are kept), drops a leading "www." and the fragment,
 * and one trailing slash of the path.
 */
char *
xref_url_normalize(const char *url)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n = strcspn(url, "#"), s, h, hend, q;

	while (n > 0 && isspace((unsigned char)url[n - 1]))
		n--;
	while (n > 0 && isspace((unsigned char)*url))
		url++, n--;
	s = text_scheme_len(url);
	add_lower(&sb, url, s);
	h = s;
	if (strncmp(url + s, "//", 2) == 0 && s + 2 <= n) {
		h = s + 2;
		strbuf_adds(&sb, "//");
		hend = h + strcspn(url + h, "/?#");
		hend = GLOSS_MIN(hend, n);
		if (hend - h > 4 && strncasecmp(url + h, "www.", 4) == 0)
			h += 4;
		add_lower(&sb, url + h, hend - h);
		h = hend;
	}
	q = h + strcspn(url + h, "?#");
	q = GLOSS_MIN(q, n);
	strbuf_add(&sb, url + h, q - h);
	if (q > h && url[q - 1] == '/')
		strbuf_truncate(&sb, sb.len - 1);
	strbuf_add(&sb, url + q, n - q);
	if (sb.buf == NULL)
		strbuf_adds(&sb, "");
	return strbuf_detach(&sb, NULL);
}
