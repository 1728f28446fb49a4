/*
 * annot_cmd_print.h — the output formats of `gloss annotations` (annot_cmd_print.c),
 * used by annot_cmd.c.
 */
#ifndef GLOSS_ANNOT_CMD_PRINT_H
#define GLOSS_ANNOT_CMD_PRINT_H

#include "gloss/store.h"
#include "gloss/strbuf.h"

/* ID TAB PATH TAB START-END TAB STATUS TAB COLOUR TAB TAGS TAB QUOTE NEWLINE */
void annot_cmd_print_line(struct strbuf *out, const struct store_annotation *a);
/* One JSON object (no newline). */
void annot_cmd_print_json(struct strbuf *out, const struct store_annotation *a);

#endif
