/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-vector-file"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "vg-crs-transform.h"
#include "vg-error.h"
#include "vg-geojson-reader.h"
#include "vg-gpkg.h"
#include "vg-vector-file.h"

gboolean
vg_vector_file_is_sqlite (const char *path)
{
  char magic[16] = { 0 };
  FILE *f;
  gsize n;

  g_return_val_if_fail (path != NULL, FALSE);

  f = fopen (path, "rb");
  if (f == NULL)
    return FALSE;
  n = fread (magic, 1, sizeof magic, f);
  fclose (f);
  return n == sizeof magic && memcmp (magic, "SQLite format 3", 16) == 0;
}

static VgLayer *
read_gpkg (const char         *path,
           const char         *layer_name,
           const char * const *columns,
           GError            **error)
{
  g_autoptr(VgGpkg) gpkg = NULL;
  g_auto(GStrv) layers = NULL;
  g_auto(GStrv) present = NULL;
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();

  if ((gpkg = vg_gpkg_open (path, error)) == NULL)
    return NULL;
  if (layer_name == NULL)
    {
      layers = vg_gpkg_list_layers (gpkg);
      if (layers[0] == NULL)
        {
          g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_NOT_FOUND,
                       "GeoPackage “%s” has no feature layer", path);
          return NULL;
        }
      layer_name = layers[0];
    }
  if ((present = vg_gpkg_list_columns (gpkg, layer_name, error)) == NULL)
    return NULL;
  for (guint i = 0; columns != NULL && columns[i] != NULL; i++)
    if (g_strv_contains ((const char * const *) present, columns[i]))
      g_ptr_array_add (wanted, (gpointer) columns[i]);
  g_ptr_array_add (wanted, NULL);
  return vg_gpkg_read_layer (gpkg, layer_name, (const char * const *) wanted->pdata, error);
}

static gboolean
transform_cb (double   *xy,
              gsize     n_points,
              gpointer  user_data)
{
  gpointer *data = user_data;

  return vg_crs_transform_apply (data[0], xy, n_points, data[1]);
}

VgLayer *
vg_vector_file_read (const char         *path,
                     const char         *layer_name,
                     const char * const *columns,
                     GError            **error)
{
  g_autoptr(VgLayer) layer = NULL;
  g_autoptr(VgCrsTransform) transform = NULL;
  g_autoptr(VgLayer) l93 = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autofree const char **row = NULL;
  VgShapeSet *shapes;
  gpointer data[2];

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_OPEN, "Cannot open “%s”: no such file", path);
      return NULL;
    }
  layer = vg_vector_file_is_sqlite (path) ? read_gpkg (path, layer_name, columns, error)
                                          : vg_geojson_read_layer (path, columns, error);
  if (layer == NULL)
    return NULL;
  if (g_str_equal (vg_layer_get_crs (layer), "EPSG:2154"))
    return g_steal_pointer (&layer);

  transform = vg_crs_transform_new (vg_layer_get_crs (layer), "EPSG:2154", &local_error);
  if (transform == NULL)
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_CRS, "“%s”, layer “%s”: %s", path,
                   vg_layer_get_name (layer), local_error->message);
      return NULL;
    }

  /* The layer is ours alone here, so its shapes may be changed in place. */
  shapes = vg_layer_get_shapes (layer);
  data[0] = transform;
  data[1] = &local_error;
  if (!vg_shape_set_map_points (shapes, transform_cb, data))
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_CRS, "“%s”, layer “%s”: %s", path,
                   vg_layer_get_name (layer), local_error ? local_error->message : "transformation failed");
      return NULL;
    }

  for (guint i = 0; columns != NULL && columns[i] != NULL; i++)
    if (vg_layer_find_column (layer, columns[i]) >= 0)
      g_ptr_array_add (kept, (gpointer) columns[i]);
  g_ptr_array_add (kept, NULL);
  l93 = vg_layer_new (vg_layer_get_name (layer), "EPSG:2154", shapes, (const char * const *) kept->pdata);
  row = g_new0 (const char *, kept->len);
  for (guint f = 0; f < vg_layer_get_n_features (layer); f++)
    {
      for (guint c = 0; c + 1 < kept->len; c++)
        row[c] = vg_layer_get_value (layer, f, vg_layer_find_column (layer, g_ptr_array_index (kept, c)));
      vg_layer_append_values (l93, row);
    }
  return g_steal_pointer (&l93);
}
