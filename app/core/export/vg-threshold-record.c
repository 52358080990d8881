/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-threshold-record"

#include "config.h"

#include <math.h>

#include "vg-threshold-record-private.h"

G_DEFINE_FINAL_TYPE (VgThresholdRecord, vg_threshold_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HAZARD,
  PROP_SUBJECT,
  PROP_THRESHOLD,
  PROP_FIRST_FORECAST_SEQ,
  PROP_FIRST_FORECAST_TIME,
  PROP_FORECAST_VALID_TIME,
  PROP_FIRST_OBSERVED_SEQ,
  PROP_FIRST_OBSERVED_TIME,
  PROP_OBSERVED_VALUE,
  PROP_LEAD_TIME,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
vg_threshold_record_finalize (GObject *object)
{
  VgThresholdRecord *self = VG_THRESHOLD_RECORD (object);

  g_clear_pointer (&self->hazard, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->threshold, g_free);

  G_OBJECT_CLASS (vg_threshold_record_parent_class)->finalize (object);
}

static void
vg_threshold_record_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VgThresholdRecord *self = VG_THRESHOLD_RECORD (object);
  gint64 lead_time = G_MININT64;

  switch (prop_id)
    {
    case PROP_HAZARD:
      g_value_set_string (value, self->hazard);
      break;
    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    case PROP_THRESHOLD:
      g_value_set_string (value, self->threshold);
      break;
    case PROP_FIRST_FORECAST_SEQ:
      g_value_set_uint64 (value, self->first_forecast_seq);
      break;
    case PROP_FIRST_FORECAST_TIME:
      g_value_set_int64 (value, self->first_forecast_time);
      break;
    case PROP_FORECAST_VALID_TIME:
      g_value_set_int64 (value, self->forecast_valid_time);
      break;
    case PROP_FIRST_OBSERVED_SEQ:
      g_value_set_uint64 (value, self->first_observed_seq);
      break;
    case PROP_FIRST_OBSERVED_TIME:
      g_value_set_int64 (value, self->first_observed_time);
      break;
    case PROP_OBSERVED_VALUE:
      g_value_set_double (value, self->observed_value);
      break;
    case PROP_LEAD_TIME:
      vg_threshold_record_get_lead_time (self, &lead_time);
      g_value_set_int64 (value, lead_time);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vg_threshold_record_class_init (VgThresholdRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vg_threshold_record_finalize;
  object_class->get_property = vg_threshold_record_get_property;

  properties[PROP_HAZARD] = g_param_spec_string ("hazard", NULL, NULL, NULL, flags);
  properties[PROP_SUBJECT] = g_param_spec_string ("subject", NULL, NULL, NULL, flags);
  properties[PROP_THRESHOLD] = g_param_spec_string ("threshold", NULL, NULL, NULL, flags);
  properties[PROP_FIRST_FORECAST_SEQ] = g_param_spec_uint64 ("first-forecast-seq", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_FIRST_FORECAST_TIME] =
    g_param_spec_int64 ("first-forecast-time", NULL, NULL, G_MININT64, G_MAXINT64, G_MININT64, flags);
  properties[PROP_FORECAST_VALID_TIME] =
    g_param_spec_int64 ("forecast-valid-time", NULL, NULL, G_MININT64, G_MAXINT64, G_MININT64, flags);
  properties[PROP_FIRST_OBSERVED_SEQ] = g_param_spec_uint64 ("first-observed-seq", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_FIRST_OBSERVED_TIME] =
    g_param_spec_int64 ("first-observed-time", NULL, NULL, G_MININT64, G_MAXINT64, G_MININT64, flags);
  properties[PROP_OBSERVED_VALUE] =
    g_param_spec_double ("observed-value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  /* G_MININT64 until both the forecast and the observation happened. */
  properties[PROP_LEAD_TIME] = g_param_spec_int64 ("lead-time", NULL, NULL, G_MININT64, G_MAXINT64, G_MININT64, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vg_threshold_record_init (VgThresholdRecord *self)
{
  self->first_forecast_time = G_MININT64;
  self->forecast_valid_time = G_MININT64;
  self->first_observed_time = G_MININT64;
  self->observed_value = NAN;
}

VgThresholdRecord *
vg_threshold_record_new (const char *hazard,
                         const char *subject,
                         const char *threshold)
{
  VgThresholdRecord *self;

  g_return_val_if_fail (subject != NULL && threshold != NULL, NULL);

  self = g_object_new (VG_TYPE_THRESHOLD_RECORD, NULL);
  self->hazard = g_strdup (hazard);
  self->subject = g_strdup (subject);
  self->threshold = g_strdup (threshold);
  return self;
}

void
vg_threshold_record_changed (VgThresholdRecord *self,
                             gboolean           forecast,
                             gboolean           observed)
{
  GObject *object = G_OBJECT (self);

  g_return_if_fail (VG_IS_THRESHOLD_RECORD (self));

  g_object_freeze_notify (object);
  g_object_notify_by_pspec (object, properties[PROP_HAZARD]);
  if (forecast)
    {
      g_object_notify_by_pspec (object, properties[PROP_FIRST_FORECAST_SEQ]);
      g_object_notify_by_pspec (object, properties[PROP_FIRST_FORECAST_TIME]);
      g_object_notify_by_pspec (object, properties[PROP_FORECAST_VALID_TIME]);
    }
  if (observed)
    {
      g_object_notify_by_pspec (object, properties[PROP_FIRST_OBSERVED_SEQ]);
      g_object_notify_by_pspec (object, properties[PROP_FIRST_OBSERVED_TIME]);
      g_object_notify_by_pspec (object, properties[PROP_OBSERVED_VALUE]);
    }
  g_object_notify_by_pspec (object, properties[PROP_LEAD_TIME]);
  g_object_thaw_notify (object);
}

const char *
vg_threshold_record_get_hazard (VgThresholdRecord *self)
{
  g_return_val_if_fail (VG_IS_THRESHOLD_RECORD (self), NULL);

  return self->hazard;
}

const char *
vg_threshold_record_get_subject (VgThresholdRecord *self)
{
  g_return_val_if_fail (VG_IS_THRESHOLD_RECORD (self), NULL);

  return self->subject;
}

const char *
vg_threshold_record_get_threshold (VgThresholdRecord *self)
{
  g_return_val_if_fail (VG_IS_THRESHOLD_RECORD (self), NULL);

  return self->threshold;
}

guint64
vg_threshold_record_get_first_forecast_seq (VgThresholdRecord *self)
{
  g_return_val_if_fail (VG_IS_THRESHOLD_RECORD (self), 0);

  return self->first_forecast_seq;
}

gint64
vg_threshold_record_get_first_forecast_time (VgThresholdRecord *self)
{
  g_return_val_if_fail (VG_IS_THRESHOLD_RECORD (self), G_MININT64);

  return self->first_forecast_time;
}

gint64
vg_threshold_record_get_forecast_valid_time (VgThresholdRecord *self)
{
  g_return_val_if_fail (VG_IS_THRESHOLD_RECORD (self), G_MININT64);

  return self->forecast_valid_time;
}

guint64
vg_threshold_record_get_first_observed_seq (VgThresholdRecord *self)
{
  g_return_val_if_fail (VG_IS_THRESHOLD_RECORD (self), 0);

  return self->first_observed_seq;
}

gint64
vg_threshold_record_get_first_observed_time (VgThresholdRecord *self)
{
  g_return_val_if_fail (VG_IS_THRESHOLD_RECORD (self), G_MININT64);

  return self->first_observed_time;
}

double
vg_threshold_record_get_observed_value (VgThresholdRecord *self)
{
  g_return_val_if_fail (VG_IS_THRESHOLD_RECORD (self), NAN);

  return self->observed_value;
}

gboolean
vg_threshold_record_get_lead_time (VgThresholdRecord *self,
                                   gint64            *lead_time)
{
  g_return_val_if_fail (VG_IS_THRESHOLD_RECORD (self), FALSE);

  if (self->first_forecast_seq == 0 || self->first_observed_seq == 0)
    return FALSE;
  if (lead_time != NULL)
    *lead_time = self->first_observed_time - self->first_forecast_time;
  return TRUE;
}
