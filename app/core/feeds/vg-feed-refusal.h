/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a parser did not keep, and why: always visible, never silent. A record carrying
 * biometric data is refused whole; embedded media (a CAP <derefUri>, a data: URI) are stripped
 * unread and the record kept; a record Vigie cannot use (an unknown quantity, a value the
 * source flags as an error, an implausible value) is skipped. Each refusal carries a GError in
 * VG_FEED_ERROR naming the feed, the position and the field, ready for the journal. */

typedef enum {
  VG_FEED_REFUSAL_REFUSED,    /* the record was dropped by policy (VG_FEED_ERROR_REFUSED) */
  VG_FEED_REFUSAL_STRIPPED,   /* a field was dropped unread; the record was kept */
  VG_FEED_REFUSAL_SKIPPED,    /* the record was not usable (UNSUPPORTED, OUT_OF_RANGE...) */
} VgFeedRefusalAction;

typedef struct _VgFeedRefusal VgFeedRefusal;

#define VG_TYPE_FEED_REFUSAL (vg_feed_refusal_get_type ())

/* Boxed type of VgFeedRefusal. */
GType                vg_feed_refusal_get_type      (void) G_GNUC_CONST;
/* New refusal of record @record_id (may be NULL) at @position, because of @field; takes
 * @error (VG_FEED_ERROR, message already naming feed, position and field). */
VgFeedRefusal       *vg_feed_refusal_new           (VgFeedRefusalAction  action,
                                                    const char          *record_id,
                                                    const char          *position,
                                                    const char          *field,
                                                    GError              *error);
/* Adds a reference. */
VgFeedRefusal       *vg_feed_refusal_ref           (VgFeedRefusal       *self);
/* Drops a reference. */
void                 vg_feed_refusal_unref         (VgFeedRefusal       *self);
/* What was done. */
VgFeedRefusalAction  vg_feed_refusal_get_action    (VgFeedRefusal       *self);
/* Stable identifier of @action ("refused", "stripped", "skipped"); static. */
const char          *vg_feed_refusal_action_to_id  (VgFeedRefusalAction  action);
/* Source identifier of the record concerned, or NULL; borrowed. */
const char          *vg_feed_refusal_get_record_id (VgFeedRefusal       *self);
/* Position in the payload (JSON path, "line N"); borrowed. */
const char          *vg_feed_refusal_get_position  (VgFeedRefusal       *self);
/* Name of the field that caused it ("parameter facial_match", "derefUri"); borrowed. */
const char          *vg_feed_refusal_get_field     (VgFeedRefusal       *self);
/* The reason as an error (domain VG_FEED_ERROR); borrowed. */
const GError        *vg_feed_refusal_get_error     (VgFeedRefusal       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VgFeedRefusal, vg_feed_refusal_unref)

G_END_DECLS
