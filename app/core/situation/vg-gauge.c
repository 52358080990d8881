/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-gauge"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "vg-error.h"
#include "vg-gauge.h"

#define HISTORY_USEC (14 * G_TIME_SPAN_DAY)

struct _VgGauge
{
  GObject       parent_instance;

  char         *code;
  char         *name;
  char         *river;
  char         *thresholds_source;
  double        lon, lat;
  double        thresholds[3];
  GArray       *readings[2];   /* VgGaugeSample, stage then discharge, time order */
  VgGaugeLevel  level;
};

G_DEFINE_FINAL_TYPE (VgGauge, vg_gauge, G_TYPE_OBJECT)

enum { PROP_0, PROP_LEVEL, N_PROPS };
static GParamSpec *properties[N_PROPS];
enum { READINGS_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
vg_gauge_finalize (GObject *object)
{
  VgGauge *self = VG_GAUGE (object);

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->river, g_free);
  g_clear_pointer (&self->thresholds_source, g_free);
  g_clear_pointer (&self->readings[0], g_array_unref);
  g_clear_pointer (&self->readings[1], g_array_unref);

  G_OBJECT_CLASS (vg_gauge_parent_class)->finalize (object);
}

static void
vg_gauge_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  VgGauge *self = VG_GAUGE (object);

  switch (prop_id)
    {
    case PROP_LEVEL:
      g_value_set_int (value, self->level);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vg_gauge_class_init (VgGaugeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vg_gauge_finalize;
  object_class->get_property = vg_gauge_get_property;

  properties[PROP_LEVEL] =
    g_param_spec_int ("level", NULL, NULL, VG_GAUGE_LEVEL_UNKNOWN, VG_GAUGE_LEVEL_RED, VG_GAUGE_LEVEL_UNKNOWN,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* New readings arrived (for the hydrograph). */
  signals[READINGS_CHANGED] = g_signal_new ("readings-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
vg_gauge_init (VgGauge *self)
{
  self->readings[0] = g_array_new (FALSE, FALSE, sizeof (VgGaugeSample));
  self->readings[1] = g_array_new (FALSE, FALSE, sizeof (VgGaugeSample));
  self->level = VG_GAUGE_LEVEL_UNKNOWN;
  self->thresholds[0] = self->thresholds[1] = self->thresholds[2] = NAN;
}

VgGauge *
vg_gauge_new (const char   *code,
              const char   *name,
              const char   *river,
              double        lon,
              double        lat,
              const double *thresholds,
              const char   *thresholds_source)
{
  VgGauge *self;

  g_return_val_if_fail (code != NULL, NULL);

  self = g_object_new (VG_TYPE_GAUGE, NULL);
  self->code = g_strdup (code);
  self->name = g_strdup (name ? name : code);
  self->river = g_strdup (river);
  self->lon = lon;
  self->lat = lat;
  if (thresholds != NULL)
    memcpy (self->thresholds, thresholds, sizeof self->thresholds);
  self->thresholds_source = g_strdup (thresholds_source);
  return self;
}

static gboolean
fail_field (GError     **error,
            const char  *path,
            guint        index,
            const char  *field)
{
  g_set_error (error, VG_DATA_ERROR, VG_DATA_ERROR_INVALID, "%s: gauges[%u].%s: missing or not valid",
               path, index, field);
  return FALSE;
}

GListStore *
vg_gauge_load_catalog (const char  *path,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GListStore) gauges = g_list_store_new (VG_TYPE_GAUGE);
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonArray *array;

  g_return_val_if_fail (path != NULL, NULL);

  if (!json_parser_load_from_mapped_file (parser, path, &local_error))
    {
      g_set_error (error, VG_DATA_ERROR, VG_DATA_ERROR_INVALID, "%s: %s", path, local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "gauges") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "gauges")))
    {
      g_set_error (error, VG_DATA_ERROR, VG_DATA_ERROR_INVALID, "%s: gauges: missing or not a list", path);
      return NULL;
    }
  array = json_object_get_array_member (json_node_get_object (root), "gauges");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      double thresholds[3] = { NAN, NAN, NAN };
      g_autoptr(VgGauge) gauge = NULL;
      const char *code;

      if (o == NULL)
        {
          fail_field (error, path, i, "(object)");
          return NULL;
        }
      code = json_object_get_string_member_with_default (o, "code", NULL);
      if (code == NULL || *code == '\0')
        {
          fail_field (error, path, i, "code");
          return NULL;
        }
      if (!json_object_has_member (o, "lon") || !json_object_has_member (o, "lat") ||
          json_node_get_value_type (json_object_get_member (o, "lon")) != G_TYPE_DOUBLE ||
          json_node_get_value_type (json_object_get_member (o, "lat")) != G_TYPE_DOUBLE)
        {
          fail_field (error, path, i, "lon/lat");
          return NULL;
        }
      if (json_object_has_member (o, "thresholds_m"))
        {
          JsonNode *t = json_object_get_member (o, "thresholds_m");
          JsonArray *ta = JSON_NODE_HOLDS_ARRAY (t) ? json_node_get_array (t) : NULL;

          if (ta == NULL || json_array_get_length (ta) != 3)
            {
              fail_field (error, path, i, "thresholds_m (three stages in metres)");
              return NULL;
            }
          for (guint k = 0; k < 3; k++)
            thresholds[k] = json_array_get_double_element (ta, k);
          if (!(thresholds[0] < thresholds[1] && thresholds[1] < thresholds[2]))
            {
              fail_field (error, path, i, "thresholds_m (increasing)");
              return NULL;
            }
        }
      gauge = vg_gauge_new (code, json_object_get_string_member_with_default (o, "name", NULL),
                            json_object_get_string_member_with_default (o, "river", NULL),
                            json_object_get_double_member (o, "lon"), json_object_get_double_member (o, "lat"),
                            thresholds, json_object_get_string_member_with_default (o, "thresholds_source", NULL));
      g_list_store_append (gauges, gauge);
    }
  return g_steal_pointer (&gauges);
}

const char *
vg_gauge_get_code (VgGauge *self)
{
  g_return_val_if_fail (VG_IS_GAUGE (self), NULL);

  return self->code;
}

const char *
vg_gauge_get_name (VgGauge *self)
{
  g_return_val_if_fail (VG_IS_GAUGE (self), NULL);

  return self->name;
}

const char *
vg_gauge_get_river (VgGauge *self)
{
  g_return_val_if_fail (VG_IS_GAUGE (self), NULL);

  return self->river;
}

double
vg_gauge_get_longitude (VgGauge *self)
{
  g_return_val_if_fail (VG_IS_GAUGE (self), 0);

  return self->lon;
}

double
vg_gauge_get_latitude (VgGauge *self)
{
  g_return_val_if_fail (VG_IS_GAUGE (self), 0);

  return self->lat;
}

double
vg_gauge_get_threshold (VgGauge *self,
                        guint    index)
{
  g_return_val_if_fail (VG_IS_GAUGE (self), NAN);
  g_return_val_if_fail (index < 3, NAN);

  return self->thresholds[index];
}

const char *
vg_gauge_get_thresholds_source (VgGauge *self)
{
  g_return_val_if_fail (VG_IS_GAUGE (self), NULL);

  return self->thresholds_source;
}

static VgGaugeLevel
level_of (VgGauge *self,
          double   stage)
{
  VgGaugeLevel level = VG_GAUGE_LEVEL_NORMAL;

  for (guint k = 0; k < 3; k++)
    if (!isnan (self->thresholds[k]) && stage >= self->thresholds[k])
      level = VG_GAUGE_LEVEL_YELLOW + k;
  return level;
}

void
vg_gauge_add_reading (VgGauge  *self,
                      gboolean  discharge,
                      gint64    time,
                      double    value)
{
  GArray *readings;
  VgGaugeSample sample = { time, value };
  guint i;

  g_return_if_fail (VG_IS_GAUGE (self));

  if (!isfinite (value))
    return;
  readings = self->readings[discharge ? 1 : 0];
  /* Payloads overlap (a poll returns the last hour): keep each time once, in order. */
  for (i = readings->len; i > 0 && g_array_index (readings, VgGaugeSample, i - 1).time >= time; i--)
    if (g_array_index (readings, VgGaugeSample, i - 1).time == time)
      {
        g_array_index (readings, VgGaugeSample, i - 1).value = value;
        goto done;
      }
  g_array_insert_val (readings, i, sample);
  {
    gint64 newest = g_array_index (readings, VgGaugeSample, readings->len - 1).time;
    guint drop = 0;

    while (drop < readings->len && g_array_index (readings, VgGaugeSample, drop).time < newest - HISTORY_USEC)
      drop++;
    if (drop > 0)
      g_array_remove_range (readings, 0, drop);
  }

done:
  if (!discharge && readings->len > 0)
    {
      VgGaugeLevel level = level_of (self, g_array_index (readings, VgGaugeSample, readings->len - 1).value);

      if (level != self->level)
        {
          self->level = level;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
        }
    }
  g_signal_emit (self, signals[READINGS_CHANGED], 0);
}

const VgGaugeSample *
vg_gauge_get_readings (VgGauge  *self,
                       gboolean  discharge,
                       guint    *n)
{
  GArray *readings;

  g_return_val_if_fail (VG_IS_GAUGE (self), NULL);

  readings = self->readings[discharge ? 1 : 0];
  if (n != NULL)
    *n = readings->len;
  return (const VgGaugeSample *) (gpointer) readings->data;
}

gboolean
vg_gauge_get_latest (VgGauge       *self,
                     gboolean       discharge,
                     VgGaugeSample *sample)
{
  GArray *readings;

  g_return_val_if_fail (VG_IS_GAUGE (self), FALSE);

  readings = self->readings[discharge ? 1 : 0];
  if (readings->len == 0)
    return FALSE;
  if (sample != NULL)
    *sample = g_array_index (readings, VgGaugeSample, readings->len - 1);
  return TRUE;
}

VgGaugeLevel
vg_gauge_get_level (VgGauge *self)
{
  g_return_val_if_fail (VG_IS_GAUGE (self), VG_GAUGE_LEVEL_UNKNOWN);

  return self->level;
}
