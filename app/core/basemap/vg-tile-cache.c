/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-tile-cache"

#include "config.h"

#include <glib/gstdio.h>

#include "vg-error.h"
#include "vg-sqlite-private.h"
#include "vg-tile-cache.h"

struct _VgTileCache
{
  GObject       parent_instance;

  GMutex        lock;    /* one connection, used from the tile worker threads in turn */
  sqlite3      *db;
  sqlite3_stmt *lookup;
  sqlite3_stmt *store;
  char         *path;
};

G_DEFINE_FINAL_TYPE (VgTileCache, vg_tile_cache, G_TYPE_OBJECT)

static void
vg_tile_cache_finalize (GObject *object)
{
  VgTileCache *self = VG_TILE_CACHE (object);

  g_clear_pointer (&self->lookup, sqlite3_finalize);
  g_clear_pointer (&self->store, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (vg_tile_cache_parent_class)->finalize (object);
}

static void
vg_tile_cache_class_init (VgTileCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_tile_cache_finalize;
}

static void
vg_tile_cache_init (VgTileCache *self)
{
  g_mutex_init (&self->lock);
}

static gboolean
fail (VgTileCache  *self,
      int           code,
      const char   *what,
      GError      **error)
{
  g_set_error (error, VG_STORE_ERROR, code, "Tile cache “%s”: %s: %s", self->path, what,
               self->db ? sqlite3_errmsg (self->db) : "cannot open");
  return FALSE;
}

static gboolean
exec (VgTileCache  *self,
      const char   *sql,
      GError      **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return fail (self, VG_STORE_ERROR_WRITE, sql, error);
  return TRUE;
}

/* Empties the cache if it was written under another key. */
static gboolean
check_key (VgTileCache  *self,
           const char   *key,
           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean same = FALSE;

  if (sqlite3_prepare_v2 (self->db, "SELECT value FROM metadata WHERE name = 'vigie-key'", -1,
                          &stmt, NULL) != SQLITE_OK)
    return fail (self, VG_STORE_ERROR_READ, "reading metadata", error);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    same = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), key) == 0;
  if (same)
    return TRUE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!exec (self, "BEGIN; DELETE FROM tiles; DELETE FROM metadata;", error))
    return FALSE;
  if (sqlite3_prepare_v2 (self->db, "INSERT INTO metadata (name, value) VALUES "
                          "('name', 'Vigie offline basemap'), ('format', 'png'), "
                          "('type', 'baselayer'), ('version', '1.3'), "
                          "('attribution', 'Ville de Montpellier, Montpellier Méditerranée Métropole, IGN Admin Express'), "
                          "('vigie-key', ?)", -1, &stmt, NULL) != SQLITE_OK)
    return fail (self, VG_STORE_ERROR_WRITE, "writing metadata", error);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fail (self, VG_STORE_ERROR_WRITE, "writing metadata", error);
  return exec (self, "COMMIT", error);
}

VgTileCache *
vg_tile_cache_open (const char  *path,
                    const char  *key,
                    GError     **error)
{
  g_autoptr(VgTileCache) self = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  self = g_object_new (VG_TYPE_TILE_CACHE, NULL);
  self->path = g_strdup (path);
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_OPEN, "Tile cache “%s”: cannot create %s: %s",
                   path, dir, g_strerror (errno));
      return NULL;
    }
  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                       SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      fail (self, VG_STORE_ERROR_OPEN, "cannot open", error);
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 2000);
  /* A cache may lose its last tiles on a power cut; it must not slow the map down. */
  if (!exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                   "CREATE TABLE IF NOT EXISTS metadata (name TEXT PRIMARY KEY, value TEXT);"
                   "CREATE TABLE IF NOT EXISTS tiles (zoom_level INTEGER, tile_column INTEGER,"
                   " tile_row INTEGER, tile_data BLOB,"
                   " PRIMARY KEY (zoom_level, tile_column, tile_row)) WITHOUT ROWID;", error) ||
      !check_key (self, key, error))
    return NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT tile_data FROM tiles WHERE zoom_level = ? AND "
                          "tile_column = ? AND tile_row = ?", -1, &self->lookup, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->db, "INSERT OR REPLACE INTO tiles VALUES (?, ?, ?, ?)", -1,
                          &self->store, NULL) != SQLITE_OK)
    {
      fail (self, VG_STORE_ERROR_FORMAT, "unexpected schema", error);
      return NULL;
    }
  return g_steal_pointer (&self);
}

/* MBTiles rows count from the south (TMS); XYZ rows from the north. */
static inline guint
tms_row (guint zoom,
         guint y)
{
  return (1u << zoom) - 1 - y;
}

GBytes *
vg_tile_cache_lookup (VgTileCache  *self,
                      guint         zoom,
                      guint         x,
                      guint         y,
                      GError      **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  GBytes *bytes = NULL;
  int rc;

  g_return_val_if_fail (VG_IS_TILE_CACHE (self), NULL);
  g_return_val_if_fail (zoom < 31, NULL);

  locker = g_mutex_locker_new (&self->lock);
  sqlite3_bind_int (self->lookup, 1, zoom);
  sqlite3_bind_int (self->lookup, 2, x);
  sqlite3_bind_int (self->lookup, 3, tms_row (zoom, y));
  rc = sqlite3_step (self->lookup);
  if (rc == SQLITE_ROW)
    bytes = g_bytes_new (sqlite3_column_blob (self->lookup, 0), sqlite3_column_bytes (self->lookup, 0));
  else if (rc != SQLITE_DONE)
    fail (self, VG_STORE_ERROR_READ, "lookup", error);
  sqlite3_reset (self->lookup);
  return bytes;
}

gboolean
vg_tile_cache_store (VgTileCache  *self,
                     guint         zoom,
                     guint         x,
                     guint         y,
                     GBytes       *png,
                     GError      **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  gsize len;
  gconstpointer data;
  int rc;

  g_return_val_if_fail (VG_IS_TILE_CACHE (self), FALSE);
  g_return_val_if_fail (png != NULL, FALSE);
  g_return_val_if_fail (zoom < 31, FALSE);

  locker = g_mutex_locker_new (&self->lock);
  data = g_bytes_get_data (png, &len);
  sqlite3_bind_int (self->store, 1, zoom);
  sqlite3_bind_int (self->store, 2, x);
  sqlite3_bind_int (self->store, 3, tms_row (zoom, y));
  sqlite3_bind_blob (self->store, 4, data, len, SQLITE_TRANSIENT);
  rc = sqlite3_step (self->store);
  sqlite3_reset (self->store);
  if (rc != SQLITE_DONE)
    return fail (self, VG_STORE_ERROR_WRITE, "store", error);
  return TRUE;
}

guint
vg_tile_cache_count (VgTileCache *self)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint count = 0;

  g_return_val_if_fail (VG_IS_TILE_CACHE (self), 0);

  locker = g_mutex_locker_new (&self->lock);
  if (sqlite3_prepare_v2 (self->db, "SELECT COUNT(*) FROM tiles", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  return count;
}
