/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-flood-exposure"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "vg-flood-exposure.h"
#include "vg-site-category.h"

struct _VgFloodExposure
{
  GObject          parent_instance;

  VgFloodEnvelope *envelope;
  GDateTime       *time;
  VgFloodTotals    totals;
  char            *method;
  char            *library_version;
  char            *assets_version;
  GStringChunk    *strings;
  GArray          *assets[VG_N_FLOOD_ASSETS];   /* VgFloodExposedAsset */
  GArray          *streets;                     /* VgFloodStreetCut */
  GHashTable      *street_index;                /* name → position + 1 */
  gboolean         streets_sorted;
};

G_DEFINE_FINAL_TYPE (VgFloodExposure, vg_flood_exposure, G_TYPE_OBJECT)

static void
vg_flood_exposure_finalize (GObject *object)
{
  VgFloodExposure *self = VG_FLOOD_EXPOSURE (object);

  g_clear_object (&self->envelope);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_clear_pointer (&self->method, g_free);
  g_clear_pointer (&self->library_version, g_free);
  g_clear_pointer (&self->assets_version, g_free);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  for (guint k = 0; k < VG_N_FLOOD_ASSETS; k++)
    g_clear_pointer (&self->assets[k], g_array_unref);
  g_clear_pointer (&self->streets, g_array_unref);
  g_clear_pointer (&self->street_index, g_hash_table_unref);

  G_OBJECT_CLASS (vg_flood_exposure_parent_class)->finalize (object);
}

static void
vg_flood_exposure_class_init (VgFloodExposureClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_flood_exposure_finalize;
}

static void
vg_flood_exposure_init (VgFloodExposure *self)
{
  self->strings = g_string_chunk_new (4096);
  for (guint k = 0; k < VG_N_FLOOD_ASSETS; k++)
    self->assets[k] = g_array_new (FALSE, FALSE, sizeof (VgFloodExposedAsset));
  self->streets = g_array_new (FALSE, FALSE, sizeof (VgFloodStreetCut));
  self->street_index = g_hash_table_new (g_str_hash, g_str_equal);
}

VgFloodExposure *
vg_flood_exposure_new (VgFloodEnvelope     *envelope,
                       GDateTime           *time,
                       const VgFloodTotals *totals,
                       const char          *method,
                       const char          *library_version,
                       const char          *assets_version)
{
  VgFloodExposure *self;

  g_return_val_if_fail (VG_IS_FLOOD_ENVELOPE (envelope), NULL);
  g_return_val_if_fail (totals != NULL, NULL);

  self = g_object_new (VG_TYPE_FLOOD_EXPOSURE, NULL);
  self->envelope = g_object_ref (envelope);
  self->time = time ? g_date_time_ref (time) : NULL;
  self->totals = *totals;
  self->method = g_strdup (method ? method : "");
  self->library_version = g_strdup (library_version ? library_version : "");
  self->assets_version = g_strdup (assets_version ? assets_version : "");
  return self;
}

static const char *
intern (VgFloodExposure *self,
        const char      *text)
{
  return text ? g_string_chunk_insert_const (self->strings, text) : NULL;
}

void
vg_flood_exposure_add_asset (VgFloodExposure           *self,
                             const VgFloodExposedAsset *asset)
{
  VgFloodExposedAsset copy;

  g_return_if_fail (VG_IS_FLOOD_EXPOSURE (self));
  g_return_if_fail (asset != NULL && asset->kind < VG_N_FLOOD_ASSETS);

  copy = *asset;
  copy.name = intern (self, asset->name);
  copy.category = intern (self, asset->category);
  g_array_append_val (self->assets[asset->kind], copy);

  if (asset->kind == VG_FLOOD_ASSET_ROAD && copy.name != NULL && *copy.name != '\0')
    {
      guint pos = GPOINTER_TO_UINT (g_hash_table_lookup (self->street_index, copy.name));

      if (pos == 0)
        {
          VgFloodStreetCut cut = { copy.name, 0, 0 };

          g_array_append_val (self->streets, cut);
          pos = self->streets->len;
          g_hash_table_insert (self->street_index, (gpointer) copy.name, GUINT_TO_POINTER (pos));
        }
      g_array_index (self->streets, VgFloodStreetCut, pos - 1).length_m += copy.inside;
      g_array_index (self->streets, VgFloodStreetCut, pos - 1).segments++;
      self->streets_sorted = FALSE;
    }
}

VgFloodEnvelope *
vg_flood_exposure_get_envelope (VgFloodExposure *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_EXPOSURE (self), NULL);

  return self->envelope;
}

GDateTime *
vg_flood_exposure_get_time (VgFloodExposure *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_EXPOSURE (self), NULL);

  return self->time;
}

const VgFloodTotals *
vg_flood_exposure_get_totals (VgFloodExposure *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_EXPOSURE (self), NULL);

  return &self->totals;
}

const VgFloodExposedAsset *
vg_flood_exposure_get_assets (VgFloodExposure  *self,
                              VgFloodAssetKind  kind,
                              guint            *n)
{
  g_return_val_if_fail (VG_IS_FLOOD_EXPOSURE (self), NULL);
  g_return_val_if_fail (kind < VG_N_FLOOD_ASSETS, NULL);

  if (n != NULL)
    *n = self->assets[kind]->len;
  return (const VgFloodExposedAsset *) (gpointer) self->assets[kind]->data;
}

static int
compare_cuts (const void *a,
              const void *b)
{
  const VgFloodStreetCut *x = a, *y = b;

  if (x->length_m != y->length_m)
    return x->length_m < y->length_m ? 1 : -1;
  return g_strcmp0 (x->name, y->name);
}

const VgFloodStreetCut *
vg_flood_exposure_get_streets_cut (VgFloodExposure *self,
                                   guint           *n)
{
  g_return_val_if_fail (VG_IS_FLOOD_EXPOSURE (self), NULL);

  if (!self->streets_sorted)
    {
      /* The name index points into the array: rebuilt after sorting. */
      if (self->streets->len > 1)   /* never qsort(NULL, 0): UBSan */
        qsort (self->streets->data, self->streets->len, sizeof (VgFloodStreetCut), compare_cuts);
      g_hash_table_remove_all (self->street_index);
      for (guint i = 0; i < self->streets->len; i++)
        g_hash_table_insert (self->street_index, (gpointer) g_array_index (self->streets, VgFloodStreetCut, i).name,
                             GUINT_TO_POINTER (i + 1));
      self->streets_sorted = TRUE;
    }
  if (n != NULL)
    *n = self->streets->len;
  return (const VgFloodStreetCut *) (gpointer) self->streets->data;
}

/* An asset's metres and square metres to the millimetre: what the data supports, and stable in
 * diffs. Totals keep every digit: they are compared with other engines. */
static double
round3 (double v)
{
  return round (v * 1000) / 1000;
}

JsonNode *
vg_flood_totals_to_json (const VgFloodTotals *t)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (t != NULL, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "buildings");
  json_builder_add_int_value (b, t->buildings);
  json_builder_set_member_name (b, "building_area_inside_m2");
  json_builder_add_double_value (b, t->building_area_m2);
  json_builder_set_member_name (b, "addresses");
  json_builder_add_int_value (b, t->addresses);
  json_builder_set_member_name (b, "residents_estimate");
  json_builder_add_int_value (b, (gint64) round (t->residents));
  json_builder_set_member_name (b, "road_segments");
  json_builder_add_int_value (b, t->road_segments);
  json_builder_set_member_name (b, "road_length_inside_m");
  json_builder_add_double_value (b, t->road_length_m);
  json_builder_set_member_name (b, "streets_cut");
  json_builder_add_int_value (b, t->streets_cut);
  json_builder_set_member_name (b, "sites");
  json_builder_add_int_value (b, t->sites);
  json_builder_set_member_name (b, "vulnerable_sites");
  json_builder_add_int_value (b, t->vulnerable_sites);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
add_string_or_null (JsonBuilder *b,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

JsonNode *
vg_flood_exposure_to_json (VgFloodExposure *self,
                           gboolean         with_assets)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  static const char * const members[VG_N_FLOOD_ASSETS] = { "buildings", "addresses", "roads", "sites" };

  g_return_val_if_fail (VG_IS_FLOOD_EXPOSURE (self), NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "envelope");
  json_builder_add_value (b, vg_flood_envelope_to_json (self->envelope));
  json_builder_set_member_name (b, "time");
  if (self->time != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (self->time);
      g_autofree char *iso = g_date_time_format_iso8601 (utc);

      json_builder_add_string_value (b, iso);
    }
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "method");
  json_builder_add_string_value (b, self->method);
  json_builder_set_member_name (b, "data_versions");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "library");
  json_builder_add_string_value (b, self->library_version);
  json_builder_set_member_name (b, "assets");
  json_builder_add_string_value (b, self->assets_version);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "residents_assumption");
  json_builder_add_string_value (b, VG_FLOOD_RESIDENTS_SOURCE);
  json_builder_set_member_name (b, "totals");
  json_builder_add_value (b, vg_flood_totals_to_json (&self->totals));

  if (with_assets)
    {
      guint n_cuts;
      const VgFloodStreetCut *cuts = vg_flood_exposure_get_streets_cut (self, &n_cuts);

      for (guint k = 0; k < VG_N_FLOOD_ASSETS; k++)
        {
          json_builder_set_member_name (b, members[k]);
          json_builder_begin_array (b);
          for (guint i = 0; i < self->assets[k]->len; i++)
            {
              const VgFloodExposedAsset *a = &g_array_index (self->assets[k], VgFloodExposedAsset, i);

              json_builder_begin_object (b);
              json_builder_set_member_name (b, "index");
              json_builder_add_int_value (b, a->index);
              add_string_or_null (b, "name", a->name);
              if (k == VG_FLOOD_ASSET_SITE || k == VG_FLOOD_ASSET_ROAD)
                add_string_or_null (b, k == VG_FLOOD_ASSET_SITE ? "category" : "class", a->category);
              if (k == VG_FLOOD_ASSET_BUILDING)
                {
                  json_builder_set_member_name (b, "area_inside_m2");
                  json_builder_add_double_value (b, round3 (a->inside));
                  json_builder_set_member_name (b, "area_m2");
                  json_builder_add_double_value (b, round3 (a->total));
                }
              else if (k == VG_FLOOD_ASSET_ROAD)
                {
                  json_builder_set_member_name (b, "length_inside_m");
                  json_builder_add_double_value (b, round3 (a->inside));
                  json_builder_set_member_name (b, "length_m");
                  json_builder_add_double_value (b, round3 (a->total));
                }
              else if (k == VG_FLOOD_ASSET_SITE)
                {
                  VgSiteCategory category;

                  json_builder_set_member_name (b, "vulnerable");
                  json_builder_add_boolean_value (b, vg_site_category_from_id (a->category, &category) &&
                                                     vg_site_category_is_vulnerable (category));
                  add_string_or_null (b, "depth_class", a->depth_class >= 0 ? vg_flood_depth_class_to_id (a->depth_class) : NULL);
                }
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
        }
      json_builder_set_member_name (b, "streets_cut");
      json_builder_begin_array (b);
      for (guint i = 0; i < n_cuts; i++)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, cuts[i].name);
          json_builder_set_member_name (b, "length_inside_m");
          json_builder_add_double_value (b, round3 (cuts[i].length_m));
          json_builder_set_member_name (b, "segments");
          json_builder_add_int_value (b, cuts[i].segments);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
