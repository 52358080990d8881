/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "vg-error.h"
#include "vg-tile-cache.h"
#include "vg-test-util.h"

static void
test_store_lookup_and_key_change (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "sub", "tiles.mbtiles", NULL);
  g_autoptr(GBytes) png = g_bytes_new_static ("\x89PNG fake", 9);
  g_autoptr(GBytes) got = NULL;
  VgTileCache *cache;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  cache = vg_tile_cache_open (path, "key-1", &error);
  g_assert_no_error (error);
  g_assert_null (vg_tile_cache_lookup (cache, 16, 33474, 23928, &error));
  g_assert_no_error (error);
  g_assert_true (vg_tile_cache_store (cache, 16, 33474, 23928, png, &error));
  got = vg_tile_cache_lookup (cache, 16, 33474, 23928, &error);
  g_assert_true (g_bytes_equal (got, png));
  g_assert_cmpuint (vg_tile_cache_count (cache), ==, 1);
  g_assert_finalize_object (cache);

  /* MBTiles rows are TMS (from the south): 2^16 - 1 - 23928 = 41607. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT tile_row FROM tiles", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 41607);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* Same key: still there. Another key (new data or style): emptied. */
  cache = vg_tile_cache_open (path, "key-1", &error);
  g_assert_cmpuint (vg_tile_cache_count (cache), ==, 1);
  g_assert_finalize_object (cache);
  cache = vg_tile_cache_open (path, "key-2", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vg_tile_cache_count (cache), ==, 0);
  g_assert_finalize_object (cache);

  vg_test_rmtree (dir);
}

static void
test_unwritable_location (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *file = g_build_filename (dir, "plain-file", NULL);
  g_autofree char *path = g_build_filename (file, "tiles.mbtiles", NULL);
  VgTileCache *cache;

  /* A parent that is a file, not a directory: refused with an error naming the cache. */
  g_file_set_contents (file, "x", 1, &error);
  g_assert_no_error (error);
  cache = vg_tile_cache_open (path, "k", &error);
  g_assert_null (cache);
  g_assert_error (error, VG_STORE_ERROR, VG_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "tiles.mbtiles"));
  vg_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/tile-cache/store-lookup-and-key-change", test_store_lookup_and_key_change);
  g_test_add_func ("/vigie/tile-cache/unwritable-location", test_unwritable_location);

  return g_test_run ();
}
