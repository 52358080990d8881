/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gio/gio.h>

#include "vg-journal.h"
#include "vg-timeline-filter.h"
#include "vg-timeline-item.h"
#include "vg-timeline-state.h"

G_BEGIN_DECLS

#define VG_TYPE_TIMELINE (vg_timeline_get_type ())
G_DECLARE_FINAL_TYPE (VgTimeline, vg_timeline, VG, TIMELINE, GObject)

/* The timeline of a situation journal: a GListModel of VgTimelineItem, in journal order, of the
 * entries its filter lets through. It holds every entry of the journal (each filter change is
 * then a pass in memory, not a query) and makes items as they are asked for. Belongs to one
 * thread (the UI's). Properties: "journal", "filter" (VgTimelineFilter, read-write), "n-items",
 * "n-entries" (before filtering), "last-seq". */

/* New, empty timeline of @journal: call vg_timeline_refresh() to read the entries. */
VgTimeline       *vg_timeline_new             (VgJournal              *journal);
/* The journal; borrowed. */
VgJournal        *vg_timeline_get_journal     (VgTimeline             *self);
/* Reads the entries appended since the last call (all of them the first time) and appends
 * those the filter lets through, in one items-changed. VG_STORE_ERROR_READ on failure, and
 * the timeline keeps what it had. */
gboolean          vg_timeline_refresh         (VgTimeline             *self,
                                               GError                **error);
/* Shows only what @filter (copied; NULL: everything) lets through. */
void              vg_timeline_set_filter      (VgTimeline             *self,
                                               const VgTimelineFilter *filter);
/* The filter in force; borrowed. An export of this view passes it to VgExporter. */
const VgTimelineFilter *vg_timeline_get_filter (VgTimeline            *self);
/* Number of entries read, filtered or not. */
guint             vg_timeline_get_n_entries   (VgTimeline             *self);
/* Seq of the last entry read (0 before the first refresh). */
guint64           vg_timeline_get_last_seq    (VgTimeline             *self);
/* Position in the model of the entry @seq, into @position; FALSE if it is filtered out or unknown. */
gboolean          vg_timeline_find_seq        (VgTimeline             *self,
                                               guint64                 seq,
                                               guint                  *position);
/* The situation as it was right after entry @seq (every entry up to it, filtered or not,
 * replayed into a fresh state; @seq past the end gives the latest). Full reference. */
VgTimelineState  *vg_timeline_dup_state_at    (VgTimeline             *self,
                                               guint64                 seq);

G_END_DECLS
