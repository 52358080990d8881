/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-bundle"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <string.h>

#include "vg-bundle.h"
#include "vg-bundle-private.h"
#include "vg-error.h"
#include "vg-journal.h"
#include "vg-json-limits.h"

/* A manifest larger than this is not one Vigie wrote (a million files would not reach it). */
#define MANIFEST_MAX_BYTES (64 * 1024 * 1024)
#define BUNDLE_INDEX_MAX_BYTES (4 * 1024 * 1024)

typedef struct
{
  const char  *bundle;
  JsonBuilder *files;     /* the report's "files" array */
  GError      *first;     /* the first failure, for the caller's error */
} Check;

G_GNUC_PRINTF (4, 5)
static void
fail (Check      *check,
      int         code,
      const char *file,
      const char *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  if (check->first == NULL)
    check->first = g_error_new (VG_EXPORT_ERROR, code, _("Bundle “%s”: %s: %s"), check->bundle, file, what);
}

static void
report_file (Check      *check,
             const char *file,
             const char *verdict,
             const char *reason)
{
  json_builder_begin_object (check->files);
  json_builder_set_member_name (check->files, "path");
  json_builder_add_string_value (check->files, file);
  json_builder_set_member_name (check->files, "verdict");
  json_builder_add_string_value (check->files, verdict);
  if (reason != NULL)
    {
      json_builder_set_member_name (check->files, "reason");
      json_builder_add_string_value (check->files, reason);
    }
  json_builder_end_object (check->files);
}

/* A manifest path Vigie could have written: relative, "/"-separated, no "." or ".." part. */
static gboolean
is_safe_path (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (*path == '\0' || *path == '/' || strchr (path, '\\') != NULL)
    return FALSE;
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] == '\0' || g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
      return FALSE;
  return TRUE;
}

/* Manifest lines into @listed (path → hash). FALSE with MALFORMED for a line Vigie would not
 * have written. */
static gboolean
read_manifest (const char  *bundle,
               GHashTable  *listed,
               GPtrArray   *order,
               GError     **error)
{
  g_autofree char *path = g_build_filename (bundle, VG_BUNDLE_MANIFEST, NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len;

  if (!g_file_test (bundle, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_MALFORMED, _("Bundle “%s”: no such folder"), bundle);
      return FALSE;
    }
  /* The size first: a hostile bundle's manifest is not read whole into memory to be refused. */
  {
    GStatBuf st;

    if (g_stat (path, &st) == 0 && st.st_size > MANIFEST_MAX_BYTES)
      {
        g_set_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_MALFORMED, _("Bundle “%s”: %s is not a manifest"),
                     bundle, VG_BUNDLE_MANIFEST);
        return FALSE;
      }
  }
  if (!g_file_get_contents (path, &text, &len, &local_error))
    {
      g_set_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_MALFORMED, _("Bundle “%s”: %s cannot be read: %s"),
                   bundle, VG_BUNDLE_MANIFEST, local_error->message);
      return FALSE;
    }
  if (len > MANIFEST_MAX_BYTES || memchr (text, '\0', len) != NULL || !g_utf8_validate (text, len, NULL))
    {
      g_set_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_MALFORMED, _("Bundle “%s”: %s is not a manifest"),
                   bundle, VG_BUNDLE_MANIFEST);
      return FALSE;
    }
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *file = line + 66;

      if (*line == '\0' && lines[i + 1] == NULL)
        break;   /* the final newline */
      if (strlen (line) < 67 || line[64] != ' ' || line[65] != ' ' || strspn (line, "0123456789abcdef") != 64 ||
          !is_safe_path (file) || g_str_equal (file, VG_BUNDLE_MANIFEST) || g_hash_table_contains (listed, file))
        {
          g_set_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_MALFORMED,
                       _("Bundle “%s”: %s, line %u: not “SHA-256, two spaces, relative path” of a file listed once"),
                       bundle, VG_BUNDLE_MANIFEST, i + 1);
          return FALSE;
        }
      g_hash_table_insert (listed, g_strdup (file), g_strndup (line, 64));
      g_ptr_array_add (order, g_strdup (file));
    }
  return TRUE;
}

static void
check_files (Check      *check,
             GHashTable *listed,
             GPtrArray  *order)
{
  g_autoptr(GPtrArray) present = vg_bundle_list_files (check->bundle);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < present->len; i++)
    g_hash_table_add (seen, g_ptr_array_index (present, i));

  for (guint i = 0; i < order->len; i++)
    {
      const char *file = g_ptr_array_index (order, i);
      g_autofree char *path = g_build_filename (check->bundle, file, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *hash = NULL;

      if (!g_hash_table_contains (seen, file))
        {
          fail (check, VG_EXPORT_ERROR_TAMPERED, file, _("listed in the manifest but missing"));
          report_file (check, file, "missing", NULL);
        }
      else if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          fail (check, VG_EXPORT_ERROR_TAMPERED, file, _("not a regular file"));
          report_file (check, file, "not-a-file", NULL);
        }
      else if ((hash = vg_bundle_hash_file (path, &error)) == NULL)
        {
          fail (check, VG_EXPORT_ERROR_TAMPERED, file, _("cannot be read: %s"), error->message);
          report_file (check, file, "unreadable", error->message);
        }
      else if (!g_str_equal (hash, g_hash_table_lookup (listed, file)))
        {
          fail (check, VG_EXPORT_ERROR_TAMPERED, file, _("changed since the bundle was made (its SHA-256 differs from the manifest’s)"));
          report_file (check, file, "changed", NULL);
        }
      else
        report_file (check, file, "ok", NULL);
    }

  for (guint i = 0; i < present->len; i++)
    {
      const char *file = g_ptr_array_index (present, i);

      if (g_str_equal (file, VG_BUNDLE_MANIFEST) || g_hash_table_contains (listed, file))
        continue;
      fail (check, VG_EXPORT_ERROR_TAMPERED, file, _("not listed in the manifest (added after the bundle was made)"));
      report_file (check, file, "unlisted", NULL);
    }
}

typedef struct
{
  guint64  seq;
  char    *hash;
} Found;

static gboolean
find_cb (VgJournalEntry *entry,
         gpointer        user_data)
{
  Found *found = user_data;

  if (vg_journal_entry_get_seq (entry) == found->seq)
    found->hash = vg_journal_entry_dup_hash (entry);
  return FALSE;
}

/* The journal copy: its chain, and that it holds the entry the exports end at. */
static void
check_journal (Check       *check,
               JsonBuilder *report)
{
  g_autofree char *path = g_build_filename (check->bundle, VG_BUNDLE_JOURNAL, NULL);
  g_autofree char *index_path = g_build_filename (check->bundle, VG_BUNDLE_INDEX, NULL);
  g_autofree char *last_hash = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(VgJournal) journal = NULL;
  guint64 n_entries = 0, first_bad = 0;
  gboolean intact;
  JsonObject *index;
  Found found = { 0, NULL };
  const char *expected;

  json_builder_set_member_name (report, "journal");
  json_builder_begin_object (report);
  json_builder_set_member_name (report, "path");
  json_builder_add_string_value (report, VG_BUNDLE_JOURNAL);
  intact = vg_journal_verify_file (path, &n_entries, &last_hash, &first_bad, &reason, &error);
  json_builder_set_member_name (report, "intact");
  json_builder_add_boolean_value (report, intact);
  json_builder_set_member_name (report, "entries");
  json_builder_add_int_value (report, n_entries);
  if (!intact)
    {
      fail (check, VG_EXPORT_ERROR_TAMPERED, VG_BUNDLE_JOURNAL, _("the journal’s hash chain fails: %s"), error->message);
      json_builder_set_member_name (report, "reason");
      json_builder_add_string_value (report, error->message);
      json_builder_end_object (report);
      return;
    }
  json_builder_set_member_name (report, "last_hash");
  json_builder_add_string_value (report, last_hash);

  /* bundle.json's own hash is checked above; here, that the exports and the journal agree.
   * The manifest's hashes prove nothing about a bundle made by someone else: bounded before
   * json-glib's recursive parser sees it. */
  root = vg_json_load_file (index_path, BUNDLE_INDEX_MAX_BYTES, VG_JSON_MAX_DEPTH, VG_EXPORT_ERROR,
                            VG_EXPORT_ERROR_TAMPERED, NULL);
  if (root == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root) ||
      (index = json_node_get_object (root)) == NULL ||
      (found.seq = json_object_get_int_member_with_default (index, "last_seq", 0)) == 0 ||
      (expected = json_object_get_string_member_with_default (index, "last_hash", NULL)) == NULL)
    {
      fail (check, VG_EXPORT_ERROR_TAMPERED, VG_BUNDLE_INDEX, _("does not say which journal entry the exports end at"));
      json_builder_end_object (report);
      return;
    }
  if ((journal = vg_journal_open (path, NULL, VG_JOURNAL_OPEN_READ_ONLY, NULL)) != NULL)
    {
      VgJournalFilter filter;

      vg_journal_filter_init (&filter);
      filter.after_seq = found.seq - 1;
      vg_journal_foreach (journal, &filter, find_cb, &found, NULL);
    }
  json_builder_set_member_name (report, "exports_end_at");
  json_builder_add_int_value (report, found.seq);
  if (found.hash == NULL || !g_str_equal (found.hash, expected))
    fail (check, VG_EXPORT_ERROR_TAMPERED, VG_BUNDLE_JOURNAL,
          _("entry %" PRIu64 ", where the exports end, is not the one bundle.json names"), found.seq);
  json_builder_set_member_name (report, "exports_match");
  json_builder_add_boolean_value (report, found.hash != NULL && g_str_equal (found.hash, expected));
  json_builder_end_object (report);
  g_free (found.hash);
}

gboolean
vg_bundle_verify (const char  *path,
                  JsonNode   **report,
                  GError     **error)
{
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonBuilder) files = json_builder_new ();
  Check check = { path, files, NULL };

  g_return_val_if_fail (path != NULL, FALSE);

  if (!read_manifest (path, listed, order, error))
    return FALSE;

  json_builder_begin_array (files);
  check_files (&check, listed, order);
  json_builder_end_array (files);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "bundle");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "files");
  json_builder_add_value (builder, json_builder_get_root (files));
  check_journal (&check, builder);
  json_builder_set_member_name (builder, "intact");
  json_builder_add_boolean_value (builder, check.first == NULL);
  if (check.first != NULL)
    {
      json_builder_set_member_name (builder, "problem");
      json_builder_add_string_value (builder, check.first->message);
    }
  json_builder_end_object (builder);
  if (report != NULL)
    *report = json_builder_get_root (builder);

  if (check.first != NULL)
    {
      g_propagate_error (error, check.first);
      return FALSE;
    }
  return TRUE;
}
