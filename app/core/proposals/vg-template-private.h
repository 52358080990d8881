/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The wording of proposals: playbook templates with {placeholders}, and the few ways numbers,
 * times and lists are written in French and English. Everything here is independent of the
 * process locale and time zone (the playbook names its zone), so the same facts give the same
 * words byte for byte on any machine. */

typedef enum {
  VG_LANG_FR,
  VG_LANG_EN,
  VG_N_LANGS,
} VgLang;

/* "fr" or "en"; static. */
const char *vg_lang_to_id          (VgLang              lang);
/* Whether every {name} in @text is one of @known (NULL-terminated) and braces pair up; if not,
 * FALSE with a message (no location: the caller adds file and line) in @message. */
gboolean    vg_template_check      (const char         *text,
                                    const char * const *known,
                                    char              **message);
/* @text with each {name} replaced by @values[name] (a string; "—" when absent). */
char       *vg_template_expand     (const char         *text,
                                    GHashTable         *values);
/* @value with at most @decimals decimals, trailing zeros dropped, decimal comma in French. */
char       *vg_format_number       (double              value,
                                    int                 decimals,
                                    VgLang              lang);
/* @usec in @zone: "29/09 à 17h40" in French, "29/09 17:40" in English. */
char       *vg_format_time         (gint64              usec,
                                    GTimeZone          *zone,
                                    VgLang              lang);
/* @items (strings, repeats dropped) as "A, B et C" / "A, B and C"; past @max, "… et 3 autres" /
 * "… and 3 others". */
char       *vg_format_list         (GPtrArray          *items,
                                    guint               max,
                                    VgLang              lang);
/* A duration in minutes as "1 h 30" / "1 h 30 min" / "45 min". */
char       *vg_format_minutes      (gint64              minutes,
                                    VgLang              lang);

G_END_DECLS
