/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-feed-origin"

#include "config.h"

#include "vg-feed-origin.h"

struct _VgFeedOrigin
{
  gatomicrefcount ref_count;

  char       *feed_id;
  char       *sha256;
  gint64      received_usec;
  VgFeedKind  kind;
};

G_DEFINE_BOXED_TYPE (VgFeedOrigin, vg_feed_origin, vg_feed_origin_ref, vg_feed_origin_unref)

VgFeedOrigin *
vg_feed_origin_new (const char *feed_id,
                    VgFeedKind  kind,
                    gint64      received_usec,
                    GBytes     *payload)
{
  VgFeedOrigin *self;

  g_return_val_if_fail (feed_id != NULL, NULL);
  g_return_val_if_fail (kind < VG_N_FEED_KINDS, NULL);
  g_return_val_if_fail (payload != NULL, NULL);

  self = g_new0 (VgFeedOrigin, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->feed_id = g_strdup (feed_id);
  self->kind = kind;
  self->received_usec = received_usec;
  self->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, payload);
  return self;
}

VgFeedOrigin *
vg_feed_origin_ref (VgFeedOrigin *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
vg_feed_origin_unref (VgFeedOrigin *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->feed_id);
  g_free (self->sha256);
  g_free (self);
}

const char *
vg_feed_origin_get_feed_id (VgFeedOrigin *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->feed_id;
}

VgFeedKind
vg_feed_origin_get_kind (VgFeedOrigin *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->kind;
}

gint64
vg_feed_origin_get_received_at (VgFeedOrigin *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->received_usec;
}

const char *
vg_feed_origin_get_sha256 (VgFeedOrigin *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->sha256;
}
