/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-export-util"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "vg-clock.h"
#include "vg-error.h"
#include "vg-export-private.h"

/* Progress is reported and cancellation checked once per this many entries: often enough for
 * a smooth bar, rarely enough not to show in the benchmark. */
#define CHECK_EVERY 4096

void
vg_export_begin_stage (VgExportContext *ctx,
                       double           base,
                       double           span,
                       const char      *stage)
{
  ctx->stage_base = ctx->range_base + base * ctx->range_span;
  ctx->stage_span = span * ctx->range_span;
  vg_exporter_report_progress (ctx->exporter, ctx->stage_base, stage);
}

void
vg_export_progress (VgExportContext *ctx,
                    double           fraction)
{
  vg_exporter_report_progress (ctx->exporter, ctx->stage_base + ctx->stage_span * CLAMP (fraction, 0, 1), NULL);
}

const char *
vg_export_gettext (VgExportContext *ctx,
                   const char      *msgid)
{
  return vg_catalog_gettext (ctx->catalog, msgid);
}

typedef struct
{
  VgExportContext      *ctx;
  gboolean              unfiltered;
  VgJournalForeachFunc  func;
  gpointer              user_data;
  guint                 countdown;
} Walk;

static gboolean
walk_cb (VgJournalEntry *entry,
         gpointer        user_data)
{
  Walk *walk = user_data;
  guint64 seq = vg_journal_entry_get_seq (entry);

  if (seq > walk->ctx->last_seq)
    return FALSE;
  if (--walk->countdown == 0)
    {
      walk->countdown = CHECK_EVERY;
      if (g_cancellable_is_cancelled (walk->ctx->cancellable))
        return FALSE;
      vg_export_progress (walk->ctx, seq / (double) MAX (walk->ctx->last_seq, 1));
    }
  if (!walk->unfiltered && !vg_timeline_filter_matches (walk->ctx->filter, entry))
    return TRUE;
  return walk->func (entry, walk->user_data);
}

gboolean
vg_export_foreach (VgExportContext      *ctx,
                   gboolean              unfiltered,
                   VgJournalForeachFunc  func,
                   gpointer              user_data,
                   GError              **error)
{
  Walk walk = { ctx, unfiltered, func, user_data, CHECK_EVERY };
  VgJournalFilter filter;

  if (unfiltered)
    vg_journal_filter_init (&filter);
  else
    vg_timeline_filter_to_journal_filter (ctx->filter, &filter);
  /* A walk stopped early for cancellation reports it here. */
  if (!vg_journal_foreach (ctx->journal, &filter, walk_cb, &walk, error) ||
      g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  vg_export_progress (ctx, 1);
  return TRUE;
}

JsonNode *
vg_export_metadata (VgExportContext *ctx,
                    const char      *content)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *file = g_path_get_basename (vg_journal_get_path (ctx->journal));
  g_autofree char *first = vg_export_format_time (ctx->first_time);
  g_autofree char *last = vg_export_format_time (ctx->last_time);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, content);
  json_builder_set_member_name (builder, "generator");
  json_builder_add_string_value (builder, "Vigie " PACKAGE_VERSION);
  json_builder_set_member_name (builder, "situation");
  json_builder_add_string_value (builder, vg_journal_get_situation (ctx->journal));
  json_builder_set_member_name (builder, "exercise");
  json_builder_add_boolean_value (builder, vg_journal_is_exercise (ctx->journal));
  json_builder_set_member_name (builder, "journal");
  json_builder_begin_object (builder);
  /* The file name only: where it sat on the exporting machine is nobody's business, and two
   * copies of one journal must export the same bytes. */
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, file);
  json_builder_set_member_name (builder, "entries");
  json_builder_add_int_value (builder, ctx->last_seq);
  json_builder_set_member_name (builder, "first_time");
  json_builder_add_string_value (builder, first);
  json_builder_set_member_name (builder, "last_time");
  json_builder_add_string_value (builder, last);
  json_builder_set_member_name (builder, "last_hash");
  json_builder_add_string_value (builder, ctx->last_hash);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "filters");
  json_builder_add_value (builder, vg_timeline_filter_to_json (ctx->filter));
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, vg_catalog_get_language (ctx->catalog));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

char *
vg_export_format_time (gint64 usec)
{
  g_autoptr(GDateTime) time = vg_time_new_from_usec (usec);

  return time != NULL ? g_date_time_format_iso8601 (time) : g_strdup ("");
}

void
vg_export_append_json_string (GString    *out,
                              const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

/* The shortest of %.15g, %.16g, %.17g that reads back to @value, as the journal's canonical
 * JSON writes numbers (DESIGN.md), so exported coordinates look like the ones journalled. */
static void
append_double (GString *out,
               double   value)
{
  static const char *formats[] = { "%.15g", "%.16g", "%.17g" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value || i + 1 == G_N_ELEMENTS (formats))
        break;
    }
  g_string_append (out, buffer);
  /* A whole double stays a double: "2.0", not "2". */
  if (strpbrk (buffer, ".eEn") == NULL)
    g_string_append (out, ".0");
}

void
vg_export_append_json (GString  *out,
                       JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            vg_export_append_json_string (out, name);
            g_string_append_c (out, ':');
            vg_export_append_json (out, member);
          }
        g_string_append_c (out, '}');
        break;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            vg_export_append_json (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
        break;
      }
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          vg_export_append_json_string (out, json_node_get_string (node));
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          append_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;
    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

char *
vg_export_json_text (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  vg_export_append_json (out, node);
  return g_string_free (out, FALSE);
}

static gboolean
write_error (GError     **error,
             const char  *path,
             int          saved_errno)
{
  g_set_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_WRITE, _("Cannot write “%s”: %s"), path,
               g_strerror (saved_errno));
  return FALSE;
}

VgExportOutput *
vg_export_output_open (const char  *path,
                       GError     **error)
{
  g_autoptr(VgExportOutput) self = g_new0 (VgExportOutput, 1);
  int fd;

  self->path = g_strdup (path);
  if ((fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644)) < 0)
    {
      write_error (error, path, errno);
      return NULL;
    }
  if ((self->stream = fdopen (fd, "w")) == NULL)
    {
      int saved = errno;

      close (fd);
      g_unlink (path);
      write_error (error, path, saved);
      return NULL;
    }
  return g_steal_pointer (&self);
}

void
vg_export_output_write (VgExportOutput *self,
                        const char     *data,
                        gsize           len)
{
  /* stdio keeps the error flag: commit reports it once. */
  if (len > 0)
    fwrite (data, 1, len, self->stream);
}

gboolean
vg_export_output_commit (VgExportOutput  *self,
                         GError         **error)
{
  FILE *stream = g_steal_pointer (&self->stream);
  gboolean failed = ferror (stream) != 0;

  errno = 0;
  failed |= fflush (stream) != 0;
  failed |= fclose (stream) != 0;
  if (failed)
    {
      write_error (error, self->path, errno != 0 ? errno : EIO);
      g_unlink (self->path);
      return FALSE;
    }
  return TRUE;
}

void
vg_export_output_free (VgExportOutput *self)
{
  if (self == NULL)
    return;
  if (self->stream != NULL)
    {
      fclose (self->stream);
      g_unlink (self->path);
    }
  g_free (self->path);
  g_free (self);
}

void
vg_export_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }
  if ((dir = g_dir_open (path, 0, NULL)) != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        vg_export_remove_tree (child);
      }
  g_rmdir (path);
}

gboolean
vg_export_move_into_place (const char  *tmp,
                           const char  *path,
                           GError     **error)
{
  if (g_file_test (tmp, G_FILE_TEST_IS_DIR) && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* rename(2) replaces an empty folder and refuses a full one (ENOTEMPTY): exactly the
       * rule, but say it in words. */
      if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_rmdir (path) != 0)
        {
          g_set_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_WRITE,
                       _("Cannot write “%s”: it already exists and is not an empty folder"), path);
          return FALSE;
        }
    }
  if (g_rename (tmp, path) != 0)
    return write_error (error, path, errno);
  return TRUE;
}

gboolean
vg_export_write_file (const char  *path,
                      const char  *contents,
                      gsize        len,
                      GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  gsize done = 0;

  if (fd < 0)
    return write_error (error, path, errno);
  while (done < len)
    {
      gssize n = write (fd, contents + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = n < 0 ? errno : EIO;

          close (fd);
          return write_error (error, path, saved);
        }
      done += n;
    }
  if (close (fd) != 0)
    return write_error (error, path, errno);
  return TRUE;
}
