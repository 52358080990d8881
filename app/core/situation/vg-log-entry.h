/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

#include "vg-journal-entry.h"

G_BEGIN_DECLS

#define VG_TYPE_LOG_ENTRY (vg_log_entry_get_type ())
G_DECLARE_FINAL_TYPE (VgLogEntry, vg_log_entry, VG, LOG_ENTRY, GObject)

/* One line of the operator log (main courante) as lists show it: a journal entry of kind
 * operator-note (with its linked map features) or a signed decision, with its author and time.
 * Immutable. */

/* New item for the operator-note or decision @entry. */
VgLogEntry         *vg_log_entry_new          (VgJournalEntry *entry);
/* Journal sequence number. */
guint64             vg_log_entry_get_seq      (VgLogEntry     *self);
/* Situation time, Unix microseconds. */
gint64              vg_log_entry_get_time     (VgLogEntry     *self);
/* Operator who wrote it; borrowed. */
const char         *vg_log_entry_get_author   (VgLogEntry     *self);
/* The note; borrowed. */
const char         *vg_log_entry_get_text     (VgLogEntry     *self);
/* Ids of the map features it is linked to (NULL-terminated, maybe empty); borrowed. */
const char * const *vg_log_entry_get_features (VgLogEntry     *self);
/* Whether @needle (case-insensitive) is in the text, the author or a feature id. */
gboolean            vg_log_entry_matches      (VgLogEntry     *self,
                                               const char     *needle);

G_END_DECLS
