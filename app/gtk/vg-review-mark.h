/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gtk/gtk.h>

#include "vg-timeline-group.h"

G_BEGIN_DECLS

#define VG_TYPE_REVIEW_MARK (vg_review_mark_get_type ())
G_DECLARE_FINAL_TYPE (VgReviewMark, vg_review_mark, VG, REVIEW_MARK, GObject)

/* One point of the map in review mode: a journal entry of the rewound state (a reading at its
 * gauge, an entry with a geometry at its centre), with what its popover says. */

/* New mark for entry @seq of @group at @latitude, @longitude, described by @text. */
VgReviewMark *vg_review_mark_new     (guint64          seq,
                                      VgTimelineGroup  group,
                                      double           latitude,
                                      double           longitude,
                                      const char      *text);
/* The entry's seq. */
guint64       vg_review_mark_get_seq (VgReviewMark    *self);
/* TRUE if @self stands at @latitude, @longitude exactly. */
gboolean      vg_review_mark_is_at   (VgReviewMark    *self,
                                      double           latitude,
                                      double           longitude);
/* Adds another entry's @text to the popover (several entries at one place share a mark). */
void          vg_review_mark_add_text (VgReviewMark   *self,
                                       guint64         seq,
                                       const char     *text);
/* VgPointLayer functions for VgReviewMark items. */
gboolean      vg_review_mark_locate  (gpointer item, double *latitude, double *longitude);
void          vg_review_mark_draw    (cairo_t *cr, gpointer item, double x, double y, double size);
GtkWidget    *vg_review_mark_detail  (gpointer item);

G_END_DECLS
