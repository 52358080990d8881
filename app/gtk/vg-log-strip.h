/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gtk/gtk.h>

#include "vg-situation.h"

G_BEGIN_DECLS

#define VG_TYPE_LOG_STRIP (vg_log_strip_get_type ())
G_DECLARE_FINAL_TYPE (VgLogStrip, vg_log_strip, VG, LOG_STRIP, GtkWidget)

/* The strip under the map: the operator log (main courante) — searchable, each entry with its
 * situation time, author and linked features, and a field to record a new one. A note is shown as recorded only once the journal has it on disk. A note
 * is linked to the site whose popover was opened last (vg_log_strip_set_feature()); activating an
 * entry with links emits ::feature-activated (the feature's id) to show it on the map. */

/* New, empty strip. */
GtkWidget  *vg_log_strip_new              (void);
/* Shows @situation's log; notes are recorded in it as @operator_name. */
void        vg_log_strip_set_situation    (VgLogStrip  *self,
                                           VgSituation *situation);
/* The name notes are signed with. */
void        vg_log_strip_set_operator     (VgLogStrip  *self,
                                           const char  *operator_name);
/* Moves the keyboard focus to the new-note field. */
void        vg_log_strip_focus_note       (VgLogStrip  *self);
/* Moves the keyboard focus to the log's search field. */
void        vg_log_strip_focus_search     (VgLogStrip  *self);
/* Records @text as a note, as the Record button does (for tests and scripted drills). */
gboolean    vg_log_strip_record           (VgLogStrip  *self,
                                           const char  *text);
/* Number of entries the list shows (after the search filter). */
guint       vg_log_strip_get_n_shown      (VgLogStrip  *self);
/* Filters the list by @text, as the search field does. */
void        vg_log_strip_set_search       (VgLogStrip  *self,
                                           const char  *text);

/* Links the next entry to the map feature @feature_id ("site:…", named @name; NULL: none), as
 * opening a site's popover does; the operator may unlink it before recording. */
void        vg_log_strip_set_feature      (VgLogStrip  *self,
                                           const char  *feature_id,
                                           const char  *name);
/* Activates the entry shown at @position, as a double click does. */
void        vg_log_strip_activate_entry   (VgLogStrip  *self,
                                           guint        position);
/* The feature the next entry will be linked to, or NULL; borrowed. */
const char *vg_log_strip_get_feature      (VgLogStrip  *self);

G_END_DECLS
