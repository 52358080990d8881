/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 *
 * The streaming GeoJSON reader of geodata files (flood/vg-geojson-reader.c): flood envelope
 * libraries and exposure assets come as files from other services (DDTM, the city's GIS). The
 * input is written as a .geojson file and read with the columns the envelope library asks for.
 * Contract: a layer, or a VG_GEO_ERROR / VG_STORE_ERROR; never a crash, memory proportional to
 * the result.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "vg-error.h"
#include "vg-geojson-reader.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *folder;
static char *path;

static void
remove_folder (void)
{
  g_remove (path);
  g_rmdir (folder);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  folder = g_dir_make_tmp ("vigie-fuzz-flood-geojson-XXXXXX", NULL);
  g_assert (folder != NULL);
  path = g_build_filename (folder, "library.geojson", NULL);
  atexit (remove_folder);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const columns[] = { "gauge", "stage_m", "depth_class", "kind", "source", "statement", NULL };
  g_autoptr(VgLayer) layer = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (g_file_set_contents (path, (const char *) data, size, NULL));
  layer = vg_geojson_read_layer (path, columns, &error);
  g_assert ((layer == NULL) == (error != NULL));
  if (error != NULL)
    g_assert (error->domain == VG_GEO_ERROR || error->domain == VG_STORE_ERROR);
  return 0;
}
