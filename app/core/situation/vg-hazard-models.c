/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-hazard-models"

#include "config.h"

#include <string.h>

#include "vg-data-dir.h"
#include "vg-flood-gauge.h"
#include "vg-gpkg.h"
#include "vg-hazard-models.h"
#include "vg-site.h"

struct _VgHazardModels
{
  GObject               parent_instance;

  VgHeatDistricts      *districts;
  GListStore           *sites;
  VgFloodLibrary       *library;
  VgFloodAssets        *assets;
  VgFloodExposureIndex *index;
  GPtrArray            *warnings;
  GPtrArray            *playbooks;
  GHashTable           *gauges;     /* river gauge code → library gauge code (owned) */

  /* Each envelope's fact parts, computed on first use (they cost a PROJ transform and an
   * exposure walk, and every evaluation of the proposals asks for them again). */
  GMutex                envelope_lock;
  VgCrsTransform       *to_wgs84;   /* only used under envelope_lock: PROJ is not thread-safe */
  GPtrArray            *envelope_facts;  /* envelope index → VgEnvelopeFacts or NULL */
};

G_DEFINE_FINAL_TYPE (VgHazardModels, vg_hazard_models, G_TYPE_OBJECT)

static void
vg_hazard_models_finalize (GObject *object)
{
  VgHazardModels *self = VG_HAZARD_MODELS (object);

  g_clear_object (&self->districts);
  g_clear_object (&self->sites);
  g_clear_object (&self->library);
  g_clear_object (&self->assets);
  g_clear_object (&self->index);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->playbooks, g_ptr_array_unref);
  g_clear_pointer (&self->gauges, g_hash_table_unref);
  g_clear_object (&self->to_wgs84);
  g_clear_pointer (&self->envelope_facts, g_ptr_array_unref);
  g_mutex_clear (&self->envelope_lock);

  G_OBJECT_CLASS (vg_hazard_models_parent_class)->finalize (object);
}

static void
vg_hazard_models_class_init (VgHazardModelsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_hazard_models_finalize;
}

static void
vg_hazard_models_init (VgHazardModels *self)
{
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->gauges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_mutex_init (&self->envelope_lock);
  self->envelope_facts = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_envelope_facts_free);
}

/* The river gauge codes each library gauge answers: its own, and its legacy site code. */
static void
index_gauges (VgHazardModels *self)
{
  g_auto(GStrv) codes = vg_flood_library_dup_gauges (self->library);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autoptr(VgFloodGauge) gauge = vg_flood_gauge_find_montpellier (codes[i]);

      g_hash_table_insert (self->gauges, g_strdup (codes[i]), g_strdup (codes[i]));
      if (gauge != NULL && vg_flood_gauge_get_legacy_code (gauge) != NULL)
        g_hash_table_insert (self->gauges, g_strdup (vg_flood_gauge_get_legacy_code (gauge)), g_strdup (codes[i]));
    }
}

VgHazardModels *
vg_hazard_models_load (const char  *geodata,
                       const char  *flood_library,
                       const char  *playbooks,
                       GError     **error)
{
  g_autoptr(VgHazardModels) self = g_object_new (VG_TYPE_HAZARD_MODELS, NULL);
  g_autoptr(VgGpkg) gpkg = NULL;
  GPtrArray *library_warnings;

  g_return_val_if_fail (geodata != NULL, NULL);
  g_return_val_if_fail (flood_library != NULL, NULL);

  if ((gpkg = vg_gpkg_open (geodata, error)) == NULL ||
      (self->districts = vg_heat_districts_load (gpkg, error)) == NULL ||
      (self->sites = vg_site_load_all (gpkg, error)) == NULL)
    return NULL;
  if ((self->playbooks = vg_playbook_load_dir (playbooks, error)) == NULL)
    return NULL;
  if ((self->library = vg_flood_library_load (flood_library, -1, error)) == NULL)
    return NULL;
  self->assets = vg_flood_assets_new ();
  if (!vg_flood_assets_add_file (self->assets, geodata, self->warnings, error))
    return NULL;
  library_warnings = vg_flood_library_get_warnings (self->library);
  for (guint i = 0; i < library_warnings->len; i++)
    g_ptr_array_add (self->warnings, g_strdup (g_ptr_array_index (library_warnings, i)));
  self->index = vg_flood_exposure_index_new (self->library, self->assets, g_get_num_processors ());
  index_gauges (self);
  return g_steal_pointer (&self);
}

VgHazardModels *
vg_hazard_models_load_bundled (GError **error)
{
  g_autofree char *geodata = vg_data_dir_find ("geodata/montpellier.gpkg", error);
  g_autofree char *library = NULL;

  if (geodata == NULL ||
      (library = vg_data_dir_find ("flood/montpellier-synthetic-hand-envelopes.gpkg", error)) == NULL)
    return NULL;
  return vg_hazard_models_load (geodata, library, NULL, error);
}

VgHeatDistricts *
vg_hazard_models_get_heat_districts (VgHazardModels *self)
{
  g_return_val_if_fail (VG_IS_HAZARD_MODELS (self), NULL);

  return self->districts;
}

GListModel *
vg_hazard_models_get_sites (VgHazardModels *self)
{
  g_return_val_if_fail (VG_IS_HAZARD_MODELS (self), NULL);

  return G_LIST_MODEL (self->sites);
}

VgFloodLibrary *
vg_hazard_models_get_flood_library (VgHazardModels *self)
{
  g_return_val_if_fail (VG_IS_HAZARD_MODELS (self), NULL);

  return self->library;
}

VgFloodAssets *
vg_hazard_models_get_flood_assets (VgHazardModels *self)
{
  g_return_val_if_fail (VG_IS_HAZARD_MODELS (self), NULL);

  return self->assets;
}

VgFloodExposureIndex *
vg_hazard_models_get_flood_index (VgHazardModels *self)
{
  g_return_val_if_fail (VG_IS_HAZARD_MODELS (self), NULL);

  return self->index;
}

GPtrArray *
vg_hazard_models_get_playbooks (VgHazardModels *self)
{
  g_return_val_if_fail (VG_IS_HAZARD_MODELS (self), NULL);

  return self->playbooks;
}

GPtrArray *
vg_hazard_models_get_warnings (VgHazardModels *self)
{
  g_return_val_if_fail (VG_IS_HAZARD_MODELS (self), NULL);

  return self->warnings;
}

const char *
vg_hazard_models_resolve_gauge (VgHazardModels *self,
                                const char     *code)
{
  char site[9];
  const char *found;

  g_return_val_if_fail (VG_IS_HAZARD_MODELS (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  if ((found = g_hash_table_lookup (self->gauges, code)) != NULL)
    return found;
  if (strlen (code) <= 8)
    return NULL;
  g_strlcpy (site, code, sizeof site);
  return g_hash_table_lookup (self->gauges, site);
}

const VgEnvelopeFacts *
vg_hazard_models_get_envelope_facts (VgHazardModels  *self,
                                     guint            envelope,
                                     GError         **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  VgEnvelopeFacts *facts;

  g_return_val_if_fail (VG_IS_HAZARD_MODELS (self), NULL);
  g_return_val_if_fail (envelope < vg_flood_library_get_n_envelopes (self->library), NULL);

  locker = g_mutex_locker_new (&self->envelope_lock);
  if (envelope < self->envelope_facts->len && (facts = g_ptr_array_index (self->envelope_facts, envelope)) != NULL)
    return facts;
  if (self->to_wgs84 == NULL &&
      (self->to_wgs84 = vg_crs_transform_new ("EPSG:2154", "EPSG:4326", error)) == NULL)
    return NULL;
  facts = vg_envelope_facts_new (self->index, envelope, self->assets, G_LIST_MODEL (self->sites), self->to_wgs84, error);
  if (facts == NULL)
    return NULL;
  if (envelope >= self->envelope_facts->len)
    g_ptr_array_set_size (self->envelope_facts, envelope + 1);
  g_ptr_array_index (self->envelope_facts, envelope) = facts;
  /* Never replaced nor freed before the models: the caller may keep the pointer. */
  return facts;
}
