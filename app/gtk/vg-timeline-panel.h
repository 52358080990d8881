/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gtk/gtk.h>

#include "vg-map-view.h"
#include "vg-situation.h"
#include "vg-threshold-ledger.h"
#include "vg-timeline.h"

G_BEGIN_DECLS

#define VG_TYPE_TIMELINE_PANEL (vg_timeline_panel_get_type ())
G_DECLARE_FINAL_TYPE (VgTimelinePanel, vg_timeline_panel, VG, TIMELINE_PANEL, GtkWidget)

/* The post-event review pane: the situation journal as a list (time on the situation clock,
 * kind, source, operator, one line), filtered by kind, source, operator and a search (Ctrl+F),
 * updated as entries arrive; selecting an entry enters review mode, where the map shows the
 * situation rewound to that entry. A second tab holds the threshold bookkeeping and each
 * proposal's wait for a decision. Properties "reviewing", "review-seq", "review-text" notify. */

/* New empty panel. */
GtkWidget         *vg_timeline_panel_new             (void);
/* Shows @situation's journal; review mode rewinds @map_view (may be NULL). */
void               vg_timeline_panel_set_situation   (VgTimelinePanel *self,
                                                      VgSituation     *situation,
                                                      VgMapView       *map_view);
/* Reads what was journalled since the last refresh (the panel also does so every second). */
void               vg_timeline_panel_refresh         (VgTimelinePanel *self);
/* The timeline shown (its filter is the view's), or NULL before a situation; borrowed. */
VgTimeline        *vg_timeline_panel_get_timeline    (VgTimelinePanel *self);
/* The list's selection (a click selects; selecting enters review mode), or NULL before a
 * situation; borrowed. */
GtkSelectionModel *vg_timeline_panel_get_selection   (VgTimelinePanel *self);
/* The review bookkeeping; borrowed. */
VgThresholdLedger *vg_timeline_panel_get_ledger      (VgTimelinePanel *self);
/* Shows only @group (VG_N_TIMELINE_GROUPS: every kind), as the kind drop-down does. */
void               vg_timeline_panel_set_group       (VgTimelinePanel *self,
                                                      VgTimelineGroup  group);
/* Enters review mode at entry @seq, or returns to live with 0. */
void               vg_timeline_panel_review          (VgTimelinePanel *self,
                                                      guint64          seq);
/* TRUE in review mode. */
gboolean           vg_timeline_panel_get_reviewing   (VgTimelinePanel *self);
/* The entry reviewed (0: live). */
guint64            vg_timeline_panel_get_review_seq  (VgTimelinePanel *self);
/* "As it was at 17:30" in review mode, else ""; borrowed. */
const char        *vg_timeline_panel_get_review_text (VgTimelinePanel *self);
/* The marks the rewound map shows (VgReviewMark; empty when live); borrowed. */
GListModel        *vg_timeline_panel_get_review_marks (VgTimelinePanel *self);

G_END_DECLS
