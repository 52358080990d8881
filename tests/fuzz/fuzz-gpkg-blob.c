/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 *
 * GeoPackage geometry blobs and the WKB inside them: what an official flood library or any
 * GeoPackage handed to Vigie carries. Contract: decoded, or a VG_GEO_ERROR and the set left
 * as it was; never a crash, never a partial shape.
 */
#include "config.h"

#include <stdint.h>

#include "vg-error.h"
#include "vg-wkb.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(VgShapeSet) set = vg_shape_set_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = vg_gpkg_blob_decode (data, size, set, NULL, &error);
  g_assert (ok == (error == NULL));
  g_assert (vg_shape_set_get_n_shapes (set) == (ok ? 1u : 0u));
  if (!ok)
    {
      g_assert (error->domain == VG_GEO_ERROR);
      g_assert (vg_shape_set_get_n_points (set) == 0);
    }
  /* The same bytes as bare WKB. */
  g_clear_error (&error);
  ok = vg_wkb_decode (data, size, set, &error);
  g_assert (ok == (error == NULL));
  return 0;
}
