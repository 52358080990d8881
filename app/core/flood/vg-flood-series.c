/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-flood-series"

#include "config.h"

#include <math.h>

#include "vg-error.h"
#include "vg-flood-series.h"

struct _VgFloodSeries
{
  gatomicrefcount ref_count;
  GArray         *points;   /* VgFloodStagePoint */
};

G_DEFINE_BOXED_TYPE (VgFloodSeries, vg_flood_series, vg_flood_series_ref, vg_flood_series_unref)

VgFloodSeries *
vg_flood_series_new (void)
{
  VgFloodSeries *self = g_new0 (VgFloodSeries, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->points = g_array_new (FALSE, FALSE, sizeof (VgFloodStagePoint));
  return self;
}

VgFloodSeries *
vg_flood_series_ref (VgFloodSeries *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
vg_flood_series_unref (VgFloodSeries *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->points);
  g_free (self);
}

gboolean
vg_flood_series_append (VgFloodSeries *self,
                        gint64         time_us,
                        double         stage_m,
                        double         low_m,
                        double         high_m)
{
  VgFloodStagePoint p = { time_us, stage_m, low_m, high_m };

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->points->len > 0 &&
      time_us <= g_array_index (self->points, VgFloodStagePoint, self->points->len - 1).time_us)
    return FALSE;
  g_array_append_val (self->points, p);
  return TRUE;
}

guint
vg_flood_series_get_length (VgFloodSeries *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->points->len;
}

const VgFloodStagePoint *
vg_flood_series_get_points (VgFloodSeries *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const VgFloodStagePoint *) (gpointer) self->points->data;
}

static gboolean
number_of (JsonNode *node,
           double   *out)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      *out = json_node_get_double (node);
      return isfinite (*out);
    default:
      return FALSE;
    }
}

VgFloodSeries *
vg_flood_series_new_from_json (JsonNode    *node,
                               const char  *what,
                               GError     **error)
{
  g_autoptr(VgFloodSeries) self = vg_flood_series_new ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  JsonArray *array = NULL;

  g_return_val_if_fail (node != NULL, NULL);

  what = what ? what : "stage series";
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *o = json_node_get_object (node);
      const char *members[] = { "points", "readings", "forecast" };

      for (guint i = 0; i < G_N_ELEMENTS (members) && array == NULL; i++)
        if (json_object_has_member (o, members[i]) && JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, members[i])))
          array = json_object_get_array_member (o, members[i]);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    array = json_node_get_array (node);
  if (array == NULL)
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED,
                   "%s: expected an array of (time, stage) points", what);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *point = json_array_get_element (array, i);
      JsonNode *time_node = NULL, *stage_node = NULL, *low_node = NULL, *high_node = NULL;
      g_autoptr(GDateTime) time = NULL;
      double stage, low = NAN, high = NAN;
      const char *text;

      if (JSON_NODE_HOLDS_ARRAY (point) && json_array_get_length (json_node_get_array (point)) == 2)
        {
          time_node = json_array_get_element (json_node_get_array (point), 0);
          stage_node = json_array_get_element (json_node_get_array (point), 1);
        }
      else if (JSON_NODE_HOLDS_OBJECT (point))
        {
          JsonObject *o = json_node_get_object (point);

          time_node = json_object_get_member (o, "time");
          stage_node = json_object_get_member (o, "stage_m");
          low_node = json_object_get_member (o, "stage_low_m");
          high_node = json_object_get_member (o, "stage_high_m");
        }
      text = time_node && JSON_NODE_HOLDS_VALUE (time_node) && json_node_get_value_type (time_node) == G_TYPE_STRING
             ? json_node_get_string (time_node) : NULL;
      if (text == NULL || (time = g_date_time_new_from_iso8601 (text, utc)) == NULL)
        {
          g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED, "%s, point %u: no ISO 8601 time", what, i + 1);
          return NULL;
        }
      if (!number_of (stage_node, &stage) || stage < -10 || stage > 100)
        {
          g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED,
                       "%s, point %u (%s): no stage in metres, or outside −10…100 m", what, i + 1, text);
          return NULL;
        }
      if ((low_node != NULL && !number_of (low_node, &low)) || (high_node != NULL && !number_of (high_node, &high)) ||
          (!isnan (low) && low > stage) || (!isnan (high) && high < stage))
        {
          g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED,
                       "%s, point %u (%s): band stage_low_m ≤ stage_m ≤ stage_high_m expected", what, i + 1, text);
          return NULL;
        }
      if (!vg_flood_series_append (self, g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time),
                                   stage, low, high))
        {
          g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED,
                       "%s, point %u (%s): not after the previous point", what, i + 1, text);
          return NULL;
        }
    }
  return g_steal_pointer (&self);
}
