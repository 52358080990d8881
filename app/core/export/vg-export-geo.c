/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-export-geo"

#include "config.h"

#include <glib/gi18n.h>

#include "vg-entry-payload.h"
#include "vg-export-private.h"
#include "vg-gpkg-writer.h"

/* The geographic exports: every entry the filter passes that carries a geometry (payload
 * "geometry", or "lon"/"lat": vg-entry-payload.h), one feature each, with the entry's fields
 * and times as properties. An entry whose geometry does not encode is left out and named in the
 * file's metadata, so nothing is dropped silently. */

#define FLUSH_AT (64 * 1024)

/* Entries left out, as (seq, reason) pairs for the metadata. */
typedef struct
{
  guint64  seq;
  char    *reason;
} Skipped;

static void
clear_skipped (gpointer data)
{
  g_free (((Skipped *) data)->reason);
}

static GArray *
skipped_new (void)
{
  GArray *skipped = g_array_new (FALSE, FALSE, sizeof (Skipped));

  g_array_set_clear_func (skipped, clear_skipped);
  return skipped;
}

static void
skip (GArray         *skipped,
      VgJournalEntry *entry,
      GError         *error)
{
  Skipped s = { vg_journal_entry_get_seq (entry), g_strdup (error->message) };

  g_array_append_val (skipped, s);
}

typedef struct
{
  VgExportContext *ctx;
  VgExportOutput  *out;
  GString         *buffer;
  GArray          *skipped;
  guint64          n;
} GeoJsonStream;

static gboolean
geojson_entry_cb (VgJournalEntry *entry,
                  gpointer        user_data)
{
  GeoJsonStream *stream = user_data;
  GString *b = stream->buffer;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) geometry = NULL;
  g_autofree char *geometry_text = NULL;
  g_autofree char *time = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *hash = NULL;

  if (!vg_entry_may_have_geometry (entry))
    return TRUE;
  if ((geometry = vg_entry_dup_geometry (entry, &error)) == NULL)
    {
      if (error != NULL)
        skip (stream->skipped, entry, error);
      return TRUE;
    }
  geometry_text = vg_export_json_text (geometry);
  time = vg_export_format_time (vg_journal_entry_get_time (entry));
  summary = vg_entry_summarize (entry, stream->ctx->catalog);
  hash = vg_journal_entry_dup_hash (entry);

  g_string_append (b, stream->n > 0 ? ",\n    " : "\n    ");
  g_string_append_printf (b, "{\"type\":\"Feature\",\"id\":%" G_GUINT64_FORMAT ",\"geometry\":%s,\"properties\":{"
                          "\"seq\":%" G_GUINT64_FORMAT ",\"time\":\"%s\",\"time_usec\":%" G_GINT64_FORMAT ",\"kind\":",
                          vg_journal_entry_get_seq (entry), geometry_text, vg_journal_entry_get_seq (entry), time,
                          vg_journal_entry_get_time (entry));
  vg_export_append_json_string (b, vg_journal_entry_get_kind_id (entry));
  g_string_append_printf (b, ",\"group\":\"%s\",\"source\":", vg_timeline_group_to_id (vg_timeline_group_of_entry (entry)));
  vg_export_append_json_string (b, vg_journal_entry_get_source (entry));
  g_string_append (b, ",\"author\":");
  vg_export_append_json_string (b, vg_journal_entry_get_author (entry));
  g_string_append (b, ",\"summary\":");
  vg_export_append_json_string (b, summary);
  g_string_append (b, ",\"payload\":");
  g_string_append (b, vg_journal_entry_get_payload_text (entry));
  g_string_append_printf (b, ",\"hash\":\"%s\"}}", hash);
  stream->n++;
  if (b->len >= FLUSH_AT)
    {
      vg_export_output_write (stream->out, b->str, b->len);
      g_string_truncate (b, 0);
    }
  return TRUE;
}

static JsonNode *
skipped_to_json (GArray *skipped)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < skipped->len; i++)
    {
      Skipped *s = &g_array_index (skipped, Skipped, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "seq");
      json_builder_add_int_value (builder, s->seq);
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, s->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

gboolean
vg_export_write_geojson (VgExportContext  *ctx,
                         const char       *path,
                         GError          **error)
{
  g_autoptr(VgExportOutput) out = NULL;
  g_autoptr(GString) buffer = g_string_sized_new (FLUSH_AT + 4096);
  g_autoptr(GArray) skipped = skipped_new ();
  g_autoptr(JsonNode) metadata = vg_export_metadata (ctx, "vigie-features");
  g_autoptr(JsonNode) skipped_json = NULL;
  g_autofree char *metadata_text = NULL;
  g_autofree char *skipped_text = NULL;
  GeoJsonStream stream = { ctx, NULL, buffer, skipped, 0 };

  vg_export_begin_stage (ctx, 0, 1, _("Writing the features (GeoJSON)"));
  if ((out = vg_export_output_open (path, error)) == NULL)
    return FALSE;
  stream.out = out;
  /* RFC 7946 §6.1 allows foreign members: "vigie" says where the features come from. */
  metadata_text = vg_export_json_text (metadata);
  g_string_append_printf (buffer, "{\n  \"type\": \"FeatureCollection\",\n  \"vigie\": %s,\n  \"features\": [",
                          metadata_text);
  if (!vg_export_foreach (ctx, FALSE, geojson_entry_cb, &stream, error))
    return FALSE;
  skipped_json = skipped_to_json (skipped);
  skipped_text = vg_export_json_text (skipped_json);
  g_string_append_printf (buffer, "%s],\n  \"vigie_skipped\": %s\n}\n", stream.n > 0 ? "\n  " : "", skipped_text);
  vg_export_output_write (out, buffer->str, buffer->len);
  ctx->n_exported = stream.n;
  return vg_export_output_commit (out, error);
}

enum {
  COL_SEQ,
  COL_TIME,
  COL_TIME_USEC,
  COL_KIND,
  COL_GROUP,
  COL_SOURCE,
  COL_AUTHOR,
  COL_SUMMARY,
  COL_PAYLOAD,
  COL_PREV_HASH,
  COL_HASH,
  N_COLUMNS
};

static const VgGpkgColumn columns[N_COLUMNS] = {
  [COL_SEQ]       = { "seq", VG_GPKG_COLUMN_INTEGER },
  [COL_TIME]      = { "time", VG_GPKG_COLUMN_DATETIME },
  [COL_TIME_USEC] = { "time_usec", VG_GPKG_COLUMN_INTEGER },
  [COL_KIND]      = { "kind", VG_GPKG_COLUMN_TEXT },
  [COL_GROUP]     = { "timeline_group", VG_GPKG_COLUMN_TEXT },
  [COL_SOURCE]    = { "source", VG_GPKG_COLUMN_TEXT },
  [COL_AUTHOR]    = { "author", VG_GPKG_COLUMN_TEXT },
  [COL_SUMMARY]   = { "summary", VG_GPKG_COLUMN_TEXT },
  [COL_PAYLOAD]   = { "payload", VG_GPKG_COLUMN_TEXT },
  [COL_PREV_HASH] = { "prev_hash", VG_GPKG_COLUMN_TEXT },
  [COL_HASH]      = { "hash", VG_GPKG_COLUMN_TEXT },
};

typedef struct
{
  VgExportContext *ctx;
  VgGpkgWriter    *writer;
  GByteArray      *wkb;
  GArray          *skipped;
  GError          *error;   /* a write failure, which stops the walk */
} GpkgStream;

static gboolean
gpkg_entry_cb (VgJournalEntry *entry,
               gpointer        user_data)
{
  GpkgStream *stream = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  double bbox[4];

  g_byte_array_set_size (stream->wkb, 0);
  if (!vg_entry_write_wkb (entry, stream->wkb, bbox, &error))
    {
      if (error != NULL)
        skip (stream->skipped, entry, error);
      return TRUE;
    }
  summary = vg_entry_summarize (entry, stream->ctx->catalog);
  prev_hash = vg_journal_entry_dup_prev_hash (entry);
  hash = vg_journal_entry_dup_hash (entry);
  vg_gpkg_writer_set_int (stream->writer, COL_SEQ, vg_journal_entry_get_seq (entry));
  vg_gpkg_writer_set_datetime (stream->writer, COL_TIME, vg_journal_entry_get_time (entry));
  vg_gpkg_writer_set_int (stream->writer, COL_TIME_USEC, vg_journal_entry_get_time (entry));
  vg_gpkg_writer_set_text (stream->writer, COL_KIND, vg_journal_entry_get_kind_id (entry));
  vg_gpkg_writer_set_text (stream->writer, COL_GROUP, vg_timeline_group_to_id (vg_timeline_group_of_entry (entry)));
  vg_gpkg_writer_set_text (stream->writer, COL_SOURCE, vg_journal_entry_get_source (entry));
  vg_gpkg_writer_set_text (stream->writer, COL_AUTHOR, vg_journal_entry_get_author (entry));
  vg_gpkg_writer_set_text (stream->writer, COL_SUMMARY, summary);
  vg_gpkg_writer_set_text (stream->writer, COL_PAYLOAD, vg_journal_entry_get_payload_text (entry));
  vg_gpkg_writer_set_text (stream->writer, COL_PREV_HASH, prev_hash);
  vg_gpkg_writer_set_text (stream->writer, COL_HASH, hash);
  return vg_gpkg_writer_add_feature (stream->writer, stream->wkb->data, stream->wkb->len, bbox, &stream->error);
}

/* The metadata as key/value rows: nested objects as compact JSON. */
static void
metadata_rows (JsonNode  *metadata,
               GArray    *skipped,
               GStrv     *keys,
               GStrv     *values)
{
  g_autoptr(GStrvBuilder) key_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) value_builder = g_strv_builder_new ();
  g_autoptr(JsonNode) skipped_json = skipped_to_json (skipped);
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, json_node_get_object (metadata));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      g_autofree char *value = NULL;

      if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING)
        value = g_strdup (json_node_get_string (member));
      else
        value = vg_export_json_text (member);
      g_strv_builder_add (key_builder, name);
      g_strv_builder_add (value_builder, value);
    }
  g_strv_builder_add (key_builder, "skipped");
  {
    g_autofree char *text = vg_export_json_text (skipped_json);

    g_strv_builder_add (value_builder, text);
  }
  *keys = g_strv_builder_end (key_builder);
  *values = g_strv_builder_end (value_builder);
}

gboolean
vg_export_write_gpkg (VgExportContext  *ctx,
                      const char       *path,
                      GError          **error)
{
  g_autoptr(VgGpkgWriter) writer = NULL;
  g_autoptr(GByteArray) wkb = g_byte_array_new ();
  g_autoptr(GArray) skipped = skipped_new ();
  g_autoptr(JsonNode) metadata = vg_export_metadata (ctx, "vigie-features");
  g_autofree char *description = NULL;
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) values = NULL;
  GpkgStream stream = { ctx, NULL, wkb, skipped, NULL };
  gboolean walked;

  vg_export_begin_stage (ctx, 0, 1, _("Writing the features (GeoPackage)"));
  description = g_strdup_printf ("Vigie journal entries with a geometry: %s", vg_journal_get_situation (ctx->journal));
  if ((writer = vg_gpkg_writer_new (path, "vigie_timeline", description, columns, N_COLUMNS, error)) == NULL)
    return FALSE;
  stream.writer = writer;
  walked = vg_export_foreach (ctx, FALSE, gpkg_entry_cb, &stream, error);
  if (stream.error != NULL)
    {
      /* The walk stopped on a failed write: that is the error to show, not a generic one. */
      g_clear_error (error);
      g_propagate_error (error, stream.error);
      return FALSE;
    }
  if (!walked)
    return FALSE;
  metadata_rows (metadata, skipped, &keys, &values);
  if (!vg_gpkg_writer_add_attributes (writer, "vigie_export", "Where the vigie_timeline layer comes from",
                                      (const char * const *) keys, (const char * const *) values, error) ||
      !vg_gpkg_writer_finish (writer, ctx->last_time, error))
    return FALSE;
  ctx->n_exported = vg_gpkg_writer_get_n_features (writer);
  return TRUE;
}
