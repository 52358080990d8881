/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-export-bundle"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "vg-bundle.h"
#include "vg-bundle-private.h"
#include "vg-error.h"
#include "vg-export-private.h"
#include "vg-sqlite-private.h"

/* What a bundle holds besides the journal, bundle.json and the manifest, in the order written,
 * with the share of the run each takes (the reports draw maps: they take the most). */
static const struct {
  const char *name;
  VgExportWriter write;
  const char *language;   /* the report's, or NULL: the bundle's */
  const char *content;
  double      weight;
} parts[] = {
  { "timeline.csv", vg_export_write_csv, NULL, "the timeline, CSV (RFC 4180, \"#\" comment lines first)", 1 },
  { "timeline.json", vg_export_write_json, NULL, "the timeline, JSON", 1 },
  { "features.geojson", vg_export_write_geojson, NULL, "entries with a geometry, GeoJSON (RFC 7946)", 1 },
  { "features.gpkg", vg_export_write_gpkg, NULL, "entries with a geometry, GeoPackage 1.3", 1.5 },
  { "cap", vg_export_write_cap, NULL, "CAP messages received and issued, with index.json", 0.5 },
  { "report-fr.pdf", vg_export_write_pdf, "fr", "the after-action report, in French", 2 },
  { "report-en.pdf", vg_export_write_pdf, "en", "the after-action report, in English", 2 },
};

/* Share of the run the journal copy and the manifest take. */
#define COPY_WEIGHT     0.5
#define MANIFEST_WEIGHT 0.5

static gboolean
sqlite_error (GError     **error,
              const char  *path,
              sqlite3     *db,
              const char  *what)
{
  g_set_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_WRITE, _("Cannot write “%s”: %s (%s)"), path, what,
               db != NULL ? sqlite3_errmsg (db) : "out of memory");
  return FALSE;
}

/* A consistent copy of the journal through SQLite's online backup (the journal may be in WAL
 * mode, and live: copying its file would miss what is still in the WAL), then switched to a
 * rollback journal, so that opening the copy to check it leaves no -wal or -shm file beside it
 * in the bundle. */
static gboolean
copy_journal (VgExportContext  *ctx,
              const char       *path,
              GError          **error)
{
  g_autoptr(sqlite3) source = NULL;
  g_autoptr(sqlite3) copy = NULL;
  sqlite3_backup *backup;
  int rc;

  if (sqlite3_open_v2 (vg_journal_get_path (ctx->journal), &source, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    return sqlite_error (error, path, source, "cannot read the journal");
  sqlite3_busy_timeout (source, 10000);
  if (sqlite3_open_v2 (path, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    return sqlite_error (error, path, copy, "cannot create the copy");
  if ((backup = sqlite3_backup_init (copy, "main", source, "main")) == NULL)
    return sqlite_error (error, path, copy, "cannot copy the journal");
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    return sqlite_error (error, path, copy, "cannot copy the journal");
  if (sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    return sqlite_error (error, path, copy, "cannot seal the copy");
  if (sqlite3_close (g_steal_pointer (&copy)) != SQLITE_OK)
    return sqlite_error (error, path, NULL, "cannot close the copy");
  return TRUE;
}

static JsonNode *
bundle_index (VgExportContext *ctx)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *original = g_path_get_basename (vg_journal_get_path (ctx->journal));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "vigie");
  json_builder_add_value (builder, vg_export_metadata (ctx, "vigie-bundle"));
  json_builder_set_member_name (builder, "last_seq");
  json_builder_add_int_value (builder, ctx->last_seq);
  json_builder_set_member_name (builder, "last_hash");
  json_builder_add_string_value (builder, ctx->last_hash);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, VG_BUNDLE_JOURNAL);
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, "the situation journal itself (SQLite, hash-chained; vigie-cli journal verify)");
  json_builder_set_member_name (builder, "original_name");
  json_builder_add_string_value (builder, original);
  json_builder_end_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, parts[i].name);
      json_builder_set_member_name (builder, "content");
      json_builder_add_string_value (builder, parts[i].content);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "verify");
  json_builder_add_string_value (builder, "vigie-cli export verify FOLDER; or sha256sum -c " VG_BUNDLE_MANIFEST
                                          " then vigie-cli journal verify " VG_BUNDLE_JOURNAL);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Relative paths of the regular files under @dir, sorted bytewise, into @into. */
static void
list_files (const char *root,
            const char *relative,
            GPtrArray  *into)
{
  g_autofree char *dir_path = relative != NULL ? g_build_filename (root, relative, NULL) : g_strdup (root);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child_relative = relative != NULL ? g_strconcat (relative, "/", name, NULL) : g_strdup (name);
      g_autofree char *child = g_build_filename (root, child_relative, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        g_ptr_array_add (into, g_steal_pointer (&child_relative));   /* listed, so verify rejects it */
      else if (g_file_test (child, G_FILE_TEST_IS_DIR))
        list_files (root, child_relative, into);
      else
        g_ptr_array_add (into, g_steal_pointer (&child_relative));
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

GPtrArray *
vg_bundle_list_files (const char *root)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);

  list_files (root, NULL, files);
  g_ptr_array_sort (files, compare_paths);
  return files;
}

char *
vg_bundle_hash_file (const char  *path,
                     GError     **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (1 << 20);
  FILE *file = g_fopen (path, "rbe");
  gsize n;

  if (file == NULL)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s", g_strerror (saved));
      return NULL;
    }
  while ((n = fread (buffer, 1, 1 << 20, file)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (ferror (file))
    {
      fclose (file);
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_IO, g_strerror (EIO));
      return NULL;
    }
  fclose (file);
  return g_strdup (g_checksum_get_string (checksum));
}

static gboolean
write_manifest (VgExportContext  *ctx,
                const char       *path,
                GError          **error)
{
  g_autoptr(GPtrArray) files = vg_bundle_list_files (path);
  g_autoptr(GString) manifest = g_string_new (NULL);
  g_autofree char *manifest_path = g_build_filename (path, VG_BUNDLE_MANIFEST, NULL);

  for (guint i = 0; i < files->len; i++)
    {
      const char *relative = g_ptr_array_index (files, i);
      g_autofree char *file = g_build_filename (path, relative, NULL);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *hash = vg_bundle_hash_file (file, &local_error);

      if (hash == NULL)
        {
          g_set_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_WRITE, _("Cannot read back “%s”: %s"), file,
                       local_error->message);
          return FALSE;
        }
      /* sha256sum's text format: hash, two spaces, path. */
      g_string_append_printf (manifest, "%s  %s\n", hash, relative);
      vg_export_progress (ctx, (i + 1) / (double) files->len);
    }
  return vg_export_write_file (manifest_path, manifest->str, manifest->len, error);
}

gboolean
vg_export_write_bundle (VgExportContext  *ctx,
                        const char       *path,
                        GError          **error)
{
  g_autofree char *journal_copy = g_build_filename (path, VG_BUNDLE_JOURNAL, NULL);
  g_autofree char *index_path = g_build_filename (path, VG_BUNDLE_INDEX, NULL);
  g_autoptr(JsonNode) index = NULL;
  g_autofree char *index_text = NULL;
  double total = COPY_WEIGHT + MANIFEST_WEIGHT;
  double done = 0;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    total += parts[i].weight;
  if (g_mkdir (path, 0755) != 0)
    {
      g_set_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_WRITE, _("Cannot write “%s”: %s"), path,
                   g_strerror (errno));
      return FALSE;
    }

  ctx->range_base = 0;
  ctx->range_span = COPY_WEIGHT / total;
  vg_export_begin_stage (ctx, 0, 1, _("Copying the journal"));
  if (!copy_journal (ctx, journal_copy, error))
    return FALSE;
  done += COPY_WEIGHT;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *part = g_build_filename (path, parts[i].name, NULL);
      g_autoptr(VgCatalog) report_catalog = NULL;
      VgCatalog *bundle_catalog = ctx->catalog;
      gboolean ok;

      /* Each report in its language; the other files in the bundle's. */
      if (parts[i].language != NULL)
        {
          if ((report_catalog = vg_catalog_new (parts[i].language, error)) == NULL)
            return FALSE;
          ctx->catalog = report_catalog;
        }
      ctx->range_base = done / total;
      ctx->range_span = parts[i].weight / total;
      ok = parts[i].write (ctx, part, error);
      ctx->catalog = bundle_catalog;
      if (!ok)
        return FALSE;
      done += parts[i].weight;
    }

  index = bundle_index (ctx);
  index_text = json_to_string (index, TRUE);
  if (!vg_export_write_file (index_path, index_text, strlen (index_text), error))
    return FALSE;
  ctx->range_base = done / total;
  ctx->range_span = MANIFEST_WEIGHT / total;
  vg_export_begin_stage (ctx, 0, 1, _("Computing the manifest"));
  if (!write_manifest (ctx, path, error))
    return FALSE;
  ctx->n_exported = ctx->last_seq;
  return TRUE;
}
