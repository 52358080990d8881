/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

#include "vg-journal-entry.h"
#include "vg-timeline-group.h"

G_BEGIN_DECLS

#define VG_TYPE_TIMELINE_ITEM (vg_timeline_item_get_type ())
G_DECLARE_FINAL_TYPE (VgTimelineItem, vg_timeline_item, VG, TIMELINE_ITEM, GObject)

/* One row of the timeline: a journal entry as lists show it. Immutable; its read-only
 * properties ("entry", "seq", "time", "kind-id", "group", "group-id", "source", "author",
 * "summary", "has-geometry") are what a list item binds. */

/* New item for @entry. */
VgTimelineItem  *vg_timeline_item_new          (VgJournalEntry *entry);
/* The entry; borrowed. */
VgJournalEntry  *vg_timeline_item_get_entry    (VgTimelineItem *self);
/* Its journal sequence number. */
guint64          vg_timeline_item_get_seq      (VgTimelineItem *self);
/* When it was journalled, Unix microseconds. */
gint64           vg_timeline_item_get_time     (VgTimelineItem *self);
/* Its group. */
VgTimelineGroup  vg_timeline_item_get_group    (VgTimelineItem *self);
/* One line about it in the session's language (made on first use); borrowed. */
const char      *vg_timeline_item_get_summary  (VgTimelineItem *self);
/* TRUE if it carries a geometry the map can show (payload "geometry", or "lon"/"lat"). */
gboolean         vg_timeline_item_has_geometry (VgTimelineItem *self);

G_END_DECLS
