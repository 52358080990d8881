/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-test"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include <string.h>

#include "vg-test-util.h"

char *
vg_test_data_path (const char *relpath)
{
  return g_test_build_filename (G_TEST_DIST, "data", relpath, NULL);
}

char *
vg_test_geodata_path (void)
{
  return g_build_filename (g_getenv ("VIGIE_DATA_DIR"), "geodata", "montpellier.gpkg", NULL);
}

char *
vg_test_mkdtemp (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("vigie-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
vg_test_rmtree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        vg_test_rmtree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

int
vg_test_run (const char * const  *argv,
             char               **out,
             char               **err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;

  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (proc);
}

void
vg_cli_run_clear (VgCliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

VgCliRun
vg_test_cli (const char *first,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  VgCliRun run = { 0 };
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("VIGIE_CLI"));
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  run.status = vg_test_run ((const char * const *) argv->pdata, &run.out, &run.err);
  return run;
}

void
vg_test_cli_assert_one_line_error (const VgCliRun *run,
                                   int             status,
                                   const char     *part)
{
  g_assert_cmpint (run->status, ==, status);
  g_assert_true (g_str_has_prefix (run->err, "vigie-cli: "));
  g_assert_cmpint (strchr (run->err, '\n') - run->err, ==, strlen (run->err) - 1);
  g_assert_nonnull (strstr (run->err, part));
}
