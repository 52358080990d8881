/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-flood-gauge"

#include "config.h"

#include "vg-flood-gauge.h"

struct _VgFloodGauge
{
  GObject  parent_instance;

  char    *code;
  char    *legacy_code;
  char    *name;
  char    *river;
  double   x, y;
  char    *position_source;
};

G_DEFINE_FINAL_TYPE (VgFloodGauge, vg_flood_gauge, G_TYPE_OBJECT)

/* Positions of the two Lez gauges: smash's Lez demo dataset (DassHydro/smash, commit 8643d20,
 * gauge_attributes.csv, Lambert-93), whose old codes Y3204030/Y3204040 are paired here with the
 * current HydroPortail stations; the pairing and names are not verified against the
 * HydroPortail referential (see data/flood/SOURCES.md). The Mosson gauge has no published
 * position in the data at hand: it is placed on the Mosson channel of the city's watercourse
 * layer, at the point nearest the centre of Saint-Jean-de-Védas commune. */
static const struct {
  const char *code, *legacy, *name, *river;
  double      x, y;
  const char *source;
} montpellier[] = {
  { "Y321002101", "Y3204030", "Le Lez à Montpellier", "Le Lez", 772401, 6280366,
    "smash Lez dataset gauge_attributes.csv (DassHydro/smash 8643d20), code pairing not verified" },
  { "Y321002001", "Y3204040", "Le Lez à Lattes", "Le Lez", 772330, 6274127,
    "smash Lez dataset gauge_attributes.csv (DassHydro/smash 8643d20), code pairing not verified" },
  { "Y314001001", NULL, "La Mosson à Saint-Jean-de-Védas", "La Mosson", 766033, 6275622,
    "RECONSTRUCTED: Mosson channel point nearest the centre of Saint-Jean-de-Védas commune "
    "(no published position at hand)" },
};

static void
vg_flood_gauge_finalize (GObject *object)
{
  VgFloodGauge *self = VG_FLOOD_GAUGE (object);

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->legacy_code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->river, g_free);
  g_clear_pointer (&self->position_source, g_free);

  G_OBJECT_CLASS (vg_flood_gauge_parent_class)->finalize (object);
}

static void
vg_flood_gauge_class_init (VgFloodGaugeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_flood_gauge_finalize;
}

static void
vg_flood_gauge_init (VgFloodGauge *self)
{
}

VgFloodGauge *
vg_flood_gauge_new (const char *code,
                    const char *legacy_code,
                    const char *name,
                    const char *river,
                    double      x_l93,
                    double      y_l93,
                    const char *position_source)
{
  VgFloodGauge *self;

  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (river != NULL, NULL);

  self = g_object_new (VG_TYPE_FLOOD_GAUGE, NULL);
  self->code = g_strdup (code);
  self->legacy_code = g_strdup (legacy_code);
  self->name = g_strdup (name);
  self->river = g_strdup (river);
  self->x = x_l93;
  self->y = y_l93;
  self->position_source = g_strdup (position_source ? position_source : "");
  return self;
}

GPtrArray *
vg_flood_gauge_dup_montpellier (void)
{
  GPtrArray *gauges = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (montpellier); i++)
    g_ptr_array_add (gauges, vg_flood_gauge_new (montpellier[i].code, montpellier[i].legacy,
                                                 montpellier[i].name, montpellier[i].river,
                                                 montpellier[i].x, montpellier[i].y,
                                                 montpellier[i].source));
  return gauges;
}

VgFloodGauge *
vg_flood_gauge_find_montpellier (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (montpellier); i++)
    if (g_str_equal (code, montpellier[i].code) || g_strcmp0 (code, montpellier[i].legacy) == 0)
      return vg_flood_gauge_new (montpellier[i].code, montpellier[i].legacy, montpellier[i].name,
                                 montpellier[i].river, montpellier[i].x, montpellier[i].y,
                                 montpellier[i].source);
  return NULL;
}

const char *
vg_flood_gauge_get_code (VgFloodGauge *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_GAUGE (self), NULL);

  return self->code;
}

const char *
vg_flood_gauge_get_legacy_code (VgFloodGauge *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_GAUGE (self), NULL);

  return self->legacy_code;
}

const char *
vg_flood_gauge_get_name (VgFloodGauge *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_GAUGE (self), NULL);

  return self->name;
}

const char *
vg_flood_gauge_get_river (VgFloodGauge *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_GAUGE (self), NULL);

  return self->river;
}

void
vg_flood_gauge_get_l93 (VgFloodGauge *self,
                        double       *x,
                        double       *y)
{
  g_return_if_fail (VG_IS_FLOOD_GAUGE (self));

  if (x != NULL)
    *x = self->x;
  if (y != NULL)
    *y = self->y;
}

const char *
vg_flood_gauge_get_position_source (VgFloodGauge *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_GAUGE (self), NULL);

  return self->position_source;
}

JsonNode *
vg_flood_gauge_to_json (VgFloodGauge *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (VG_IS_FLOOD_GAUGE (self), NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, self->code);
  json_builder_set_member_name (b, "legacy_code");
  if (self->legacy_code != NULL)
    json_builder_add_string_value (b, self->legacy_code);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, self->name);
  json_builder_set_member_name (b, "river");
  json_builder_add_string_value (b, self->river);
  json_builder_set_member_name (b, "x");
  json_builder_add_double_value (b, self->x);
  json_builder_set_member_name (b, "y");
  json_builder_add_double_value (b, self->y);
  json_builder_set_member_name (b, "position_source");
  json_builder_add_string_value (b, self->position_source);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
