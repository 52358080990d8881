/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-feed-refusal"

#include "config.h"

#include "vg-feed-refusal.h"

struct _VgFeedRefusal
{
  gatomicrefcount      ref_count;

  VgFeedRefusalAction  action;
  char                *record_id;
  char                *position;
  char                *field;
  GError              *error;
};

G_DEFINE_BOXED_TYPE (VgFeedRefusal, vg_feed_refusal, vg_feed_refusal_ref, vg_feed_refusal_unref)

VgFeedRefusal *
vg_feed_refusal_new (VgFeedRefusalAction  action,
                     const char          *record_id,
                     const char          *position,
                     const char          *field,
                     GError              *error)
{
  VgFeedRefusal *self;

  g_return_val_if_fail (action <= VG_FEED_REFUSAL_SKIPPED, NULL);
  g_return_val_if_fail (position != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  self = g_new0 (VgFeedRefusal, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->action = action;
  self->record_id = g_strdup (record_id);
  self->position = g_strdup (position);
  self->field = g_strdup (field);
  self->error = error;
  return self;
}

VgFeedRefusal *
vg_feed_refusal_ref (VgFeedRefusal *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
vg_feed_refusal_unref (VgFeedRefusal *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->record_id);
  g_free (self->position);
  g_free (self->field);
  g_error_free (self->error);
  g_free (self);
}

VgFeedRefusalAction
vg_feed_refusal_get_action (VgFeedRefusal *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->action;
}

const char *
vg_feed_refusal_action_to_id (VgFeedRefusalAction action)
{
  static const char * const ids[] = { "refused", "stripped", "skipped" };

  g_return_val_if_fail (action <= VG_FEED_REFUSAL_SKIPPED, NULL);

  return ids[action];
}

const char *
vg_feed_refusal_get_record_id (VgFeedRefusal *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->record_id;
}

const char *
vg_feed_refusal_get_position (VgFeedRefusal *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->position;
}

const char *
vg_feed_refusal_get_field (VgFeedRefusal *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->field;
}

const GError *
vg_feed_refusal_get_error (VgFeedRefusal *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->error;
}
