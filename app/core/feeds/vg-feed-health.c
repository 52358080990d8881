/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-feed-health"

#include "config.h"

#include "vg-feed-health-private.h"

struct _VgFeedHealth
{
  GObject      parent_instance;

  char        *feed_id;
  gint64       stale_after_usec;

  VgFeedState  state;
  gboolean     stale;
  GError      *error;
  gint64       last_failure_usec;
  gint64       last_success_usec;
  guint        consecutive_failures;
  gint64       next_attempt_usec;
};

G_DEFINE_FINAL_TYPE (VgFeedHealth, vg_feed_health, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (VgFeedState, vg_feed_state,
                    G_DEFINE_ENUM_VALUE (VG_FEED_STATE_PENDING, "pending"),
                    G_DEFINE_ENUM_VALUE (VG_FEED_STATE_OK, "ok"),
                    G_DEFINE_ENUM_VALUE (VG_FEED_STATE_STALE, "stale"),
                    G_DEFINE_ENUM_VALUE (VG_FEED_STATE_FAILING, "failing"))

enum {
  PROP_0,
  PROP_FEED_ID,
  PROP_STATE,
  PROP_STALE,
  PROP_ERROR_MESSAGE,
  PROP_LAST_FAILURE_USEC,
  PROP_LAST_SUCCESS_USEC,
  PROP_CONSECUTIVE_FAILURES,
  PROP_NEXT_ATTEMPT_USEC,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static gboolean
set_int64 (VgFeedHealth *self,
           gint64       *field,
           gint64        value,
           guint         prop)
{
  if (*field == value)
    return FALSE;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

static gboolean
set_error (VgFeedHealth *self,
           const GError *error)
{
  if (error == NULL && self->error == NULL)
    return FALSE;
  if (error != NULL && self->error != NULL && g_error_matches (self->error, error->domain, error->code) &&
      g_str_equal (self->error->message, error->message))
    return FALSE;

  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
  return TRUE;
}

static gboolean
set_consecutive_failures (VgFeedHealth *self,
                          guint         count)
{
  if (self->consecutive_failures == count)
    return FALSE;
  self->consecutive_failures = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSECUTIVE_FAILURES]);
  return TRUE;
}

/* State and staleness follow from the other fields and the time; failing outranks stale
 * because the error is what the operator can act on. */
static gboolean
update_state (VgFeedHealth *self,
              gint64        now_usec)
{
  gboolean stale = self->last_success_usec != 0 &&
                   now_usec - self->last_success_usec >= self->stale_after_usec;
  VgFeedState state;
  gboolean changed = FALSE;

  if (self->consecutive_failures > 0)
    state = VG_FEED_STATE_FAILING;
  else if (self->last_success_usec == 0)
    state = VG_FEED_STATE_PENDING;
  else if (stale)
    state = VG_FEED_STATE_STALE;
  else
    state = VG_FEED_STATE_OK;

  if (self->stale != stale)
    {
      self->stale = stale;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE]);
      changed = TRUE;
    }
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
      changed = TRUE;
    }
  return changed;
}

static void
vg_feed_health_finalize (GObject *object)
{
  VgFeedHealth *self = VG_FEED_HEALTH (object);

  g_clear_pointer (&self->feed_id, g_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (vg_feed_health_parent_class)->finalize (object);
}

static void
vg_feed_health_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VgFeedHealth *self = VG_FEED_HEALTH (object);

  switch (prop_id)
    {
    case PROP_FEED_ID:
      g_value_set_string (value, self->feed_id);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_STALE:
      g_value_set_boolean (value, self->stale);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, vg_feed_health_get_error_message (self));
      break;
    case PROP_LAST_FAILURE_USEC:
      g_value_set_int64 (value, self->last_failure_usec);
      break;
    case PROP_LAST_SUCCESS_USEC:
      g_value_set_int64 (value, self->last_success_usec);
      break;
    case PROP_CONSECUTIVE_FAILURES:
      g_value_set_uint (value, self->consecutive_failures);
      break;
    case PROP_NEXT_ATTEMPT_USEC:
      g_value_set_int64 (value, self->next_attempt_usec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vg_feed_health_class_init (VgFeedHealthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vg_feed_health_finalize;
  object_class->get_property = vg_feed_health_get_property;

  properties[PROP_FEED_ID] = g_param_spec_string ("feed-id", NULL, NULL, NULL, flags);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, VG_TYPE_FEED_STATE, VG_FEED_STATE_PENDING, flags);
  properties[PROP_STALE] = g_param_spec_boolean ("stale", NULL, NULL, FALSE, flags);
  properties[PROP_ERROR_MESSAGE] = g_param_spec_string ("error-message", NULL, NULL, NULL, flags);
  properties[PROP_LAST_FAILURE_USEC] =
    g_param_spec_int64 ("last-failure-usec", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_LAST_SUCCESS_USEC] =
    g_param_spec_int64 ("last-success-usec", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_CONSECUTIVE_FAILURES] =
    g_param_spec_uint ("consecutive-failures", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_NEXT_ATTEMPT_USEC] =
    g_param_spec_int64 ("next-attempt-usec", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vg_feed_health_init (VgFeedHealth *self)
{
}

const char *
vg_feed_state_to_string (VgFeedState state)
{
  switch (state)
    {
    case VG_FEED_STATE_PENDING:
      return "pending";
    case VG_FEED_STATE_OK:
      return "ok";
    case VG_FEED_STATE_STALE:
      return "stale";
    case VG_FEED_STATE_FAILING:
      return "failing";
    default:
      g_return_val_if_reached (NULL);
    }
}

VgFeedHealth *
vg_feed_health_new (const char *feed_id,
                    gint64      stale_after_usec)
{
  VgFeedHealth *self;

  g_return_val_if_fail (feed_id != NULL, NULL);
  g_return_val_if_fail (stale_after_usec > 0, NULL);

  self = g_object_new (VG_TYPE_FEED_HEALTH, NULL);
  self->feed_id = g_strdup (feed_id);
  self->stale_after_usec = stale_after_usec;
  return self;
}

gboolean
vg_feed_health_record_success (VgFeedHealth *self,
                               gint64        now_usec)
{
  gboolean changed;

  g_return_val_if_fail (VG_IS_FEED_HEALTH (self), FALSE);

  g_object_freeze_notify (G_OBJECT (self));
  changed = set_int64 (self, &self->last_success_usec, now_usec, PROP_LAST_SUCCESS_USEC);
  changed |= set_consecutive_failures (self, 0);
  changed |= set_error (self, NULL);
  changed |= update_state (self, now_usec);
  g_object_thaw_notify (G_OBJECT (self));
  return changed;
}

gboolean
vg_feed_health_record_failure (VgFeedHealth *self,
                               const GError *error,
                               gint64        now_usec)
{
  gboolean changed;

  g_return_val_if_fail (VG_IS_FEED_HEALTH (self), FALSE);
  g_return_val_if_fail (error != NULL, FALSE);

  g_object_freeze_notify (G_OBJECT (self));
  changed = set_int64 (self, &self->last_failure_usec, now_usec, PROP_LAST_FAILURE_USEC);
  changed |= set_consecutive_failures (self, self->consecutive_failures + 1);
  changed |= set_error (self, error);
  changed |= update_state (self, now_usec);
  g_object_thaw_notify (G_OBJECT (self));
  return changed;
}

gboolean
vg_feed_health_retract_success (VgFeedHealth *self,
                                gint64        previous_usec,
                                gint64        now_usec)
{
  gboolean changed;

  g_return_val_if_fail (VG_IS_FEED_HEALTH (self), FALSE);

  g_object_freeze_notify (G_OBJECT (self));
  changed = set_int64 (self, &self->last_success_usec, previous_usec, PROP_LAST_SUCCESS_USEC);
  changed |= update_state (self, now_usec);
  g_object_thaw_notify (G_OBJECT (self));
  return changed;
}

gboolean
vg_feed_health_set_next_attempt (VgFeedHealth *self,
                                 gint64        next_usec)
{
  g_return_val_if_fail (VG_IS_FEED_HEALTH (self), FALSE);

  return set_int64 (self, &self->next_attempt_usec, next_usec, PROP_NEXT_ATTEMPT_USEC);
}

gboolean
vg_feed_health_refresh (VgFeedHealth *self,
                        gint64        now_usec)
{
  gboolean changed;

  g_return_val_if_fail (VG_IS_FEED_HEALTH (self), FALSE);

  g_object_freeze_notify (G_OBJECT (self));
  changed = update_state (self, now_usec);
  g_object_thaw_notify (G_OBJECT (self));
  return changed;
}

void
vg_feed_health_set_stale_after (VgFeedHealth *self,
                                gint64        stale_after_usec)
{
  g_return_if_fail (VG_IS_FEED_HEALTH (self));
  g_return_if_fail (stale_after_usec > 0);

  self->stale_after_usec = stale_after_usec;
}

gint64
vg_feed_health_get_stale_deadline (VgFeedHealth *self)
{
  g_return_val_if_fail (VG_IS_FEED_HEALTH (self), 0);

  if (self->last_success_usec == 0 || self->stale)
    return 0;
  return self->last_success_usec + self->stale_after_usec;
}

const char *
vg_feed_health_get_feed_id (VgFeedHealth *self)
{
  g_return_val_if_fail (VG_IS_FEED_HEALTH (self), NULL);

  return self->feed_id;
}

VgFeedState
vg_feed_health_get_state (VgFeedHealth *self)
{
  g_return_val_if_fail (VG_IS_FEED_HEALTH (self), VG_FEED_STATE_PENDING);

  return self->state;
}

gboolean
vg_feed_health_get_stale (VgFeedHealth *self)
{
  g_return_val_if_fail (VG_IS_FEED_HEALTH (self), FALSE);

  return self->stale;
}

const GError *
vg_feed_health_get_error (VgFeedHealth *self)
{
  g_return_val_if_fail (VG_IS_FEED_HEALTH (self), NULL);

  return self->error;
}

const char *
vg_feed_health_get_error_message (VgFeedHealth *self)
{
  g_return_val_if_fail (VG_IS_FEED_HEALTH (self), NULL);

  return self->error != NULL ? self->error->message : NULL;
}

gint64
vg_feed_health_get_last_failure_usec (VgFeedHealth *self)
{
  g_return_val_if_fail (VG_IS_FEED_HEALTH (self), 0);

  return self->last_failure_usec;
}

gint64
vg_feed_health_get_last_success_usec (VgFeedHealth *self)
{
  g_return_val_if_fail (VG_IS_FEED_HEALTH (self), 0);

  return self->last_success_usec;
}

guint
vg_feed_health_get_consecutive_failures (VgFeedHealth *self)
{
  g_return_val_if_fail (VG_IS_FEED_HEALTH (self), 0);

  return self->consecutive_failures;
}

gint64
vg_feed_health_get_next_attempt_usec (VgFeedHealth *self)
{
  g_return_val_if_fail (VG_IS_FEED_HEALTH (self), 0);

  return self->next_attempt_usec;
}
