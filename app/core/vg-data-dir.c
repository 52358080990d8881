/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-data-dir"

#include "config.h"

#include "vg-data-dir.h"
#include "vg-error.h"

/* First of @env_dir (may be NULL), @installed, @source whose @relpath (NULL: the folder itself)
 * passes @test. */
static char *
search (const char  *what,
        const char  *env_dir,
        const char  *installed,
        const char  *source,
        const char  *relpath,
        GFileTest    test,
        GError     **error)
{
  const char *dirs[3];
  g_autoptr(GString) tried = g_string_new (NULL);
  guint n = 0;

  if (env_dir != NULL)
    dirs[n++] = env_dir;
  dirs[n++] = installed;
  dirs[n++] = source;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], relpath, NULL);   /* stops at a NULL relpath */

      if (g_file_test (path, test))
        return g_steal_pointer (&path);
      g_string_append_printf (tried, "%s%s", tried->len ? ", " : "", path);
    }

  if (relpath != NULL)
    g_set_error (error, VG_DATA_ERROR, VG_DATA_ERROR_NOT_FOUND,
                 "%s “%s” not found (tried %s)", what, relpath, tried->str);
  else
    g_set_error (error, VG_DATA_ERROR, VG_DATA_ERROR_NOT_FOUND, "%s not found (tried %s)", what, tried->str);
  return NULL;
}

char *
vg_data_dir_find (const char  *relpath,
                  GError     **error)
{
  g_return_val_if_fail (relpath != NULL, NULL);

  return search ("Data file", g_getenv ("VIGIE_DATA_DIR"), VIGIE_PKGDATADIR, VIGIE_SOURCE_DATADIR,
                 relpath, G_FILE_TEST_IS_REGULAR, error);
}

char *
vg_data_dir_find_folder (const char  *relpath,
                         GError     **error)
{
  g_return_val_if_fail (relpath != NULL, NULL);

  return search ("Data folder", g_getenv ("VIGIE_DATA_DIR"), VIGIE_PKGDATADIR, VIGIE_SOURCE_DATADIR,
                 relpath, G_FILE_TEST_IS_DIR, error);
}

char *
vg_data_dir_find_scenarios (GError **error)
{
  g_autofree char *installed = g_build_filename (VIGIE_PKGDATADIR, "scenarios", NULL);

  /* $VIGIE_SCENARIOS_DIR names the folder itself, as the other two do. */
  return search ("Scenario folder", g_getenv ("VIGIE_SCENARIOS_DIR"), installed, VIGIE_SOURCE_SCENARIOSDIR,
                 NULL, G_FILE_TEST_IS_DIR, error);
}
