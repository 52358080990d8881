/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-envelope-facts"

#include "config.h"

#include "vg-envelope-facts.h"
#include "vg-site.h"

struct _VgEnvelopeFacts
{
  GPtrArray *strings;    /* owned strings the streets point to */
  GPtrArray *sites_kept; /* the VgSites whose strings the sites point to */
  GPtrArray *lines;      /* owned lon/lat arrays */
  GArray    *streets;    /* VgFactStreet */
  GArray    *sites;      /* VgFactSite */
};

typedef struct
{
  const char *name;
  guint       index;     /* longest segment inside */
  double      inside;    /* its length inside */
  double      total;     /* the street's length inside, all segments */
} StreetCut;

static int
compare_cuts (gconstpointer a,
              gconstpointer b)
{
  const StreetCut *x = a, *y = b;

  if (x->total != y->total)
    return x->total > y->total ? -1 : 1;
  return g_strcmp0 (x->name, y->name);
}

static gboolean
add_streets (VgEnvelopeFacts  *self,
             VgFloodExposure  *exposure,
             VgFloodAssets    *assets,
             VgCrsTransform   *to_wgs84,
             GError          **error)
{
  VgLayer *roads = vg_flood_assets_get_layer (assets, VG_FLOOD_ASSET_ROAD);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (StreetCut));
  const VgFloodExposedAsset *exposed;
  VgShapeSet *shapes;
  int class_column;
  guint n;

  if (roads == NULL)
    return TRUE;
  exposed = vg_flood_exposure_get_assets (exposure, VG_FLOOD_ASSET_ROAD, &n);
  for (guint i = 0; i < n; i++)
    {
      gpointer position;

      if (exposed[i].name == NULL || exposed[i].inside <= 0)
        continue;
      if (g_hash_table_lookup_extended (by_name, exposed[i].name, NULL, &position))
        {
          StreetCut *cut = &g_array_index (cuts, StreetCut, GPOINTER_TO_UINT (position));

          cut->total += exposed[i].inside;
          if (exposed[i].inside > cut->inside)
            {
              cut->inside = exposed[i].inside;
              cut->index = exposed[i].index;
            }
        }
      else
        {
          StreetCut cut = { exposed[i].name, exposed[i].index, exposed[i].inside, exposed[i].inside };

          g_hash_table_insert (by_name, (gpointer) exposed[i].name, GUINT_TO_POINTER (cuts->len));
          g_array_append_val (cuts, cut);
        }
    }
  g_array_sort (cuts, compare_cuts);

  shapes = vg_layer_get_shapes (roads);
  class_column = vg_layer_find_column (roads, "class");
  for (guint i = 0; i < MIN (cuts->len, VG_ENVELOPE_FACTS_MAX_STREETS); i++)
    {
      StreetCut *cut = &g_array_index (cuts, StreetCut, i);
      const double *xy;
      guint n_points;
      double *lonlat;
      char *id;
      VgFactStreet street = { 0 };

      if (vg_shape_set_get_n_parts (shapes, cut->index) == 0)
        continue;
      xy = vg_shape_set_get_part (shapes, cut->index, 0, &n_points, NULL);
      if (n_points < 2)
        continue;
      lonlat = g_memdup2 (xy, sizeof (double) * 2 * n_points);
      g_ptr_array_add (self->lines, lonlat);
      if (!vg_crs_transform_apply (to_wgs84, lonlat, n_points, error))
        return FALSE;
      id = g_strdup_printf ("streets:%u", cut->index + 1);
      g_ptr_array_add (self->strings, id);
      street.id = id;
      /* The name may be the exposure's, which dies before us; the class is the layer's. */
      street.name = g_strdup (cut->name);
      g_ptr_array_add (self->strings, (gpointer) street.name);
      street.road_class = class_column >= 0 ? vg_layer_get_value (roads, cut->index, class_column) : NULL;
      street.lonlat = lonlat;
      street.n_points = n_points;
      g_array_append_val (self->streets, street);
    }
  return TRUE;
}

static void
add_sites (VgEnvelopeFacts *self,
           VgFloodExposure *exposure,
           GListModel      *sites)
{
  const VgFloodExposedAsset *exposed;
  guint n;

  exposed = vg_flood_exposure_get_assets (exposure, VG_FLOOD_ASSET_SITE, &n);
  for (guint i = 0; i < n; i++)
    {
      /* The flood assets' "sites" layer and the site list are read from the same layer in the
       * same order; a name that differs means another file, and the site is left out. */
      g_autoptr(VgSite) site = g_list_model_get_item (sites, exposed[i].index);
      VgFactSite fact;

      if (site == NULL || g_strcmp0 (vg_site_get_name (site), exposed[i].name) != 0)
        {
          g_warning ("Flood site %u (%s) is not in the site list", exposed[i].index, exposed[i].name);
          continue;
        }
      vg_fact_site_from_site (site, &fact);
      g_array_append_val (self->sites, fact);
      /* The strings are the site's: keep it alive with the parts. */
      g_ptr_array_add (self->sites_kept, g_object_ref (site));
    }
}

VgEnvelopeFacts *
vg_envelope_facts_new (VgFloodExposureIndex  *index,
                       guint                  envelope,
                       VgFloodAssets         *assets,
                       GListModel            *sites,
                       VgCrsTransform        *to_wgs84,
                       GError               **error)
{
  g_autoptr(VgEnvelopeFacts) self = g_new0 (VgEnvelopeFacts, 1);
  g_autoptr(VgFloodExposure) exposure = NULL;

  g_return_val_if_fail (VG_IS_FLOOD_EXPOSURE_INDEX (index), NULL);
  g_return_val_if_fail (VG_IS_FLOOD_ASSETS (assets), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (sites), NULL);
  g_return_val_if_fail (VG_IS_CRS_TRANSFORM (to_wgs84), NULL);

  self->strings = g_ptr_array_new_with_free_func (g_free);
  self->sites_kept = g_ptr_array_new_with_free_func (g_object_unref);
  self->lines = g_ptr_array_new_with_free_func (g_free);
  self->streets = g_array_new (FALSE, TRUE, sizeof (VgFactStreet));
  self->sites = g_array_new (FALSE, TRUE, sizeof (VgFactSite));

  /* Who is inside does not depend on when: no time. */
  exposure = vg_flood_exposure_index_dup_exposure (index, envelope, NULL);
  if (!add_streets (self, exposure, assets, to_wgs84, error))
    return NULL;
  add_sites (self, exposure, sites);
  return g_steal_pointer (&self);
}

void
vg_envelope_facts_free (VgEnvelopeFacts *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_clear_pointer (&self->sites_kept, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->streets, g_array_unref);
  g_clear_pointer (&self->sites, g_array_unref);
  g_free (self);
}

const VgFactStreet *
vg_envelope_facts_get_streets (const VgEnvelopeFacts *self,
                               guint                 *n_streets)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_streets != NULL, NULL);

  *n_streets = self->streets->len;
  /* Not &g_array_index (…, 0): the data of an empty array may be NULL. */
  return (const VgFactStreet *) (gconstpointer) self->streets->data;
}

const VgFactSite *
vg_envelope_facts_get_sites (const VgEnvelopeFacts *self,
                             guint                 *n_sites)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_sites != NULL, NULL);

  *n_sites = self->sites->len;
  return (const VgFactSite *) (gconstpointer) self->sites->data;
}
