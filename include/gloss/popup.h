/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * popup — a box of text over the view below it (a note shown without
 * leaving the page).  j/k scroll, y copies the text to the clipboard
 * (OSC 52), Enter runs the owner's action (e.g. go to the note) and
 * closes, q/Esc close.
 *
 * Memory: popup_new() copies title and text; the view owns them.  `below`
 * must outlive the popup (it is the view the popup was opened from).
 */
#ifndef GLOSS_POPUP_H
#define GLOSS_POPUP_H

#include "gloss/gloss.h"
#include "gloss/view.h"

/* on_enter(arg) runs on Enter (NULL: Enter closes); enter_hint names it ("go to the note"). */
struct view *popup_new(struct view *below, const char *title, const char *text,
    void (*on_enter)(void *arg), void *arg, const char *enter_hint);
/* The session's messages in full (view_messages()) over the top view: the handler of ^T. */
void popup_messages(void *arg);

#endif
