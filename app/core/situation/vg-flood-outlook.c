/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-flood-outlook"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vg-flood-outlook.h"

struct _VgFloodOutlook
{
  GObject            parent_instance;

  char              *gauge;
  VgGauge           *river_gauge;
  VgFloodLibrary    *library;
  VgFloodProjection *projection;
  int                envelope_now;
  gboolean           beyond;
  VgFloodTotals      totals;
  int                next;          /* index into the projection's crossings, -1 none */
  char              *summary;
};

G_DEFINE_FINAL_TYPE (VgFloodOutlook, vg_flood_outlook, G_TYPE_OBJECT)

static void
vg_flood_outlook_finalize (GObject *object)
{
  VgFloodOutlook *self = VG_FLOOD_OUTLOOK (object);

  g_clear_pointer (&self->gauge, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_object (&self->river_gauge);
  g_clear_object (&self->library);
  g_clear_object (&self->projection);

  G_OBJECT_CLASS (vg_flood_outlook_parent_class)->finalize (object);
}

static void
vg_flood_outlook_class_init (VgFloodOutlookClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_flood_outlook_finalize;
}

static void
vg_flood_outlook_init (VgFloodOutlook *self)
{
  self->envelope_now = -1;
  self->next = -1;
}

static char *
format_summary (VgFloodOutlook *self)
{
  g_autoptr(GString) s = g_string_new (NULL);
  guint n_steps, n_crossings;
  const VgFloodProjectionStep *steps = vg_flood_projection_get_steps (self->projection, &n_steps);
  const VgFloodCrossing *crossings = vg_flood_projection_get_crossings (self->projection, &n_crossings);

  g_string_append_printf (s, _("%s %.2f m"), vg_gauge_get_name (self->river_gauge), steps[0].stage_m);
  if (self->envelope_now >= 0)
    {
      VgFloodEnvelope *e = vg_flood_library_get_envelope (self->library, self->envelope_now);

      g_string_append_printf (s, self->beyond ? _(": beyond the highest envelope (%.1f m), at least %u buildings, %.0f residents")
                                              : _(": envelope %.1f m, %u buildings, %.0f residents"),
                              vg_flood_envelope_get_stage (e), self->totals.buildings, self->totals.residents);
    }
  else
    g_string_append (s, _(": below every envelope"));
  if (self->next >= 0 && crossings[self->next].time_us >= 0)
    {
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (crossings[self->next].time_us / G_USEC_PER_SEC);
      g_autofree char *when = g_date_time_format_iso8601 (at);

      g_string_append_printf (s, _("; %.1f m expected at %s"), crossings[self->next].stage_m, when);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

VgFloodOutlook *
vg_flood_outlook_new (const char          *gauge,
                      VgGauge             *river_gauge,
                      VgFloodLibrary      *library,
                      VgFloodProjection   *projection,
                      int                  envelope_now,
                      gboolean             beyond,
                      const VgFloodTotals *totals)
{
  VgFloodOutlook *self;
  const VgFloodCrossing *crossings;
  guint n;

  g_return_val_if_fail (gauge != NULL, NULL);
  g_return_val_if_fail (VG_IS_GAUGE (river_gauge), NULL);
  g_return_val_if_fail (VG_IS_FLOOD_PROJECTION (projection), NULL);
  g_return_val_if_fail (envelope_now < 0 || totals != NULL, NULL);

  self = g_object_new (VG_TYPE_FLOOD_OUTLOOK, NULL);
  self->gauge = g_strdup (gauge);
  self->river_gauge = g_object_ref (river_gauge);
  self->library = g_object_ref (library);
  self->projection = g_object_ref (projection);
  self->envelope_now = envelope_now;
  self->beyond = beyond;
  if (envelope_now >= 0)
    self->totals = *totals;
  crossings = vg_flood_projection_get_crossings (projection, &n);
  for (guint i = 0; i < n && self->next < 0; i++)
    if (!crossings[i].already && crossings[i].time_us >= 0)
      self->next = i;
  self->summary = format_summary (self);
  return self;
}

const char *
vg_flood_outlook_get_gauge (VgFloodOutlook *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_OUTLOOK (self), NULL);

  return self->gauge;
}

VgGauge *
vg_flood_outlook_get_river_gauge (VgFloodOutlook *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_OUTLOOK (self), NULL);

  return self->river_gauge;
}

VgFloodLibrary *
vg_flood_outlook_get_library (VgFloodOutlook *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_OUTLOOK (self), NULL);

  return self->library;
}

VgFloodProjection *
vg_flood_outlook_get_projection (VgFloodOutlook *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_OUTLOOK (self), NULL);

  return self->projection;
}

void
vg_flood_outlook_get_reading (VgFloodOutlook *self,
                              gint64         *time,
                              double         *stage_m)
{
  const VgFloodProjectionStep *steps;
  guint n;

  g_return_if_fail (VG_IS_FLOOD_OUTLOOK (self));

  steps = vg_flood_projection_get_steps (self->projection, &n);
  if (time != NULL)
    *time = steps[0].time_us;
  if (stage_m != NULL)
    *stage_m = steps[0].stage_m;
}

int
vg_flood_outlook_get_envelope_now (VgFloodOutlook *self,
                                   gboolean       *beyond)
{
  g_return_val_if_fail (VG_IS_FLOOD_OUTLOOK (self), -1);

  if (beyond != NULL)
    *beyond = self->beyond;
  return self->envelope_now;
}

const VgFloodTotals *
vg_flood_outlook_get_totals (VgFloodOutlook *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_OUTLOOK (self), NULL);

  return self->envelope_now >= 0 ? &self->totals : NULL;
}

const VgFloodCrossing *
vg_flood_outlook_get_next (VgFloodOutlook *self)
{
  guint n;

  g_return_val_if_fail (VG_IS_FLOOD_OUTLOOK (self), NULL);

  if (self->next < 0)
    return NULL;
  return &vg_flood_projection_get_crossings (self->projection, &n)[self->next];
}

const char *
vg_flood_outlook_get_summary (VgFloodOutlook *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_OUTLOOK (self), NULL);

  return self->summary;
}
