/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-data-dir"

#include "config.h"

#include "vg-data-dir.h"
#include "vg-error.h"

char *
vg_data_dir_find (const char  *relpath,
                  GError     **error)
{
  const char *dirs[3];
  g_autoptr(GString) tried = g_string_new (NULL);
  guint n = 0;

  g_return_val_if_fail (relpath != NULL, NULL);

  if (g_getenv ("VIGIE_DATA_DIR") != NULL)
    dirs[n++] = g_getenv ("VIGIE_DATA_DIR");
  dirs[n++] = VIGIE_PKGDATADIR;
  dirs[n++] = VIGIE_SOURCE_DATADIR;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], relpath, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
      g_string_append_printf (tried, "%s%s", tried->len ? ", " : "", path);
    }

  g_set_error (error, VG_DATA_ERROR, VG_DATA_ERROR_NOT_FOUND,
               "Data file “%s” not found (tried %s)", relpath, tried->str);
  return NULL;
}
