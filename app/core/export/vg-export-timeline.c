/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-export-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vg-entry-payload.h"
#include "vg-export-private.h"

/* The timeline exports, CSV and JSON: every field of every entry the filter passes, enough to
 * recompute each entry's hash from the file alone (seq, time in µs, kind, source, author, the
 * canonical payload text, prev_hash; DESIGN.md, "Canonical encoding and hash"), plus a time in
 * ISO 8601, the timeline group and a summary in the export's language for people. Both stream:
 * a million entries never sit in memory. */

/* Entries are written through this buffer, flushed when it passes FLUSH_AT bytes. */
#define FLUSH_AT (64 * 1024)

typedef struct
{
  VgExportContext *ctx;
  VgExportOutput  *out;
  GString         *buffer;
  guint64          n;
} Stream;

static void
flush (Stream *stream)
{
  vg_export_output_write (stream->out, stream->buffer->str, stream->buffer->len);
  g_string_truncate (stream->buffer, 0);
}

/* RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
static void
append_csv_field (GString    *out,
                  const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static gboolean
csv_entry_cb (VgJournalEntry *entry,
              gpointer        user_data)
{
  Stream *stream = user_data;
  GString *b = stream->buffer;
  g_autofree char *time = vg_export_format_time (vg_journal_entry_get_time (entry));
  g_autofree char *summary = vg_entry_summarize (entry, stream->ctx->catalog);
  g_autofree char *prev_hash = vg_journal_entry_dup_prev_hash (entry);
  g_autofree char *hash = vg_journal_entry_dup_hash (entry);

  g_string_append_printf (b, "%" G_GUINT64_FORMAT ",%s,%" G_GINT64_FORMAT ",", vg_journal_entry_get_seq (entry),
                          time, vg_journal_entry_get_time (entry));
  append_csv_field (b, vg_journal_entry_get_kind_id (entry));
  g_string_append_c (b, ',');
  g_string_append (b, vg_timeline_group_to_id (vg_timeline_group_of_entry (entry)));
  g_string_append_c (b, ',');
  append_csv_field (b, vg_journal_entry_get_source (entry));
  g_string_append_c (b, ',');
  append_csv_field (b, vg_journal_entry_get_author (entry));
  g_string_append_c (b, ',');
  append_csv_field (b, summary);
  g_string_append_c (b, ',');
  append_csv_field (b, vg_journal_entry_get_payload_text (entry));
  g_string_append_printf (b, ",%s,%s\r\n", prev_hash, hash);
  stream->n++;
  if (b->len >= FLUSH_AT)
    flush (stream);
  return TRUE;
}

/* "# key: value" comment lines, one per metadata member (objects as compact JSON). */
static void
append_csv_metadata (GString  *out,
                     JsonNode *metadata)
{
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
      g_strdelimit (value, "\r\n", ' ');
      g_string_append_printf (out, "# %s: %s\r\n", name, value);
    }
}

gboolean
vg_export_write_csv (VgExportContext  *ctx,
                     const char       *path,
                     GError          **error)
{
  g_autoptr(VgExportOutput) out = NULL;
  g_autoptr(GString) buffer = g_string_sized_new (FLUSH_AT + 4096);
  g_autoptr(JsonNode) metadata = vg_export_metadata (ctx, "vigie-timeline-csv");
  Stream stream = { ctx, NULL, buffer, 0 };

  vg_export_begin_stage (ctx, 0, 1, _("Writing the timeline (CSV)"));
  if ((out = vg_export_output_open (path, error)) == NULL)
    return FALSE;
  stream.out = out;
  /* Comment lines first: the filters are part of what the file says (spreadsheets and most CSV
   * readers take "#" lines as comments when told to; see DESIGN.md). */
  append_csv_metadata (buffer, metadata);
  g_string_append (buffer, "seq,time,time_usec,kind,group,source,author,summary,payload,prev_hash,hash\r\n");
  if (!vg_export_foreach (ctx, FALSE, csv_entry_cb, &stream, error))
    return FALSE;
  flush (&stream);
  ctx->n_exported = stream.n;
  return vg_export_output_commit (out, error);
}

static gboolean
json_entry_cb (VgJournalEntry *entry,
               gpointer        user_data)
{
  Stream *stream = user_data;
  GString *b = stream->buffer;
  g_autofree char *time = vg_export_format_time (vg_journal_entry_get_time (entry));
  g_autofree char *summary = vg_entry_summarize (entry, stream->ctx->catalog);
  g_autofree char *prev_hash = vg_journal_entry_dup_prev_hash (entry);
  g_autofree char *hash = vg_journal_entry_dup_hash (entry);

  g_string_append (b, stream->n > 0 ? ",\n    " : "\n    ");
  g_string_append_printf (b, "{\"seq\":%" G_GUINT64_FORMAT ",\"time\":\"%s\",\"time_usec\":%" G_GINT64_FORMAT ",\"kind\":",
                          vg_journal_entry_get_seq (entry), time, vg_journal_entry_get_time (entry));
  vg_export_append_json_string (b, vg_journal_entry_get_kind_id (entry));
  g_string_append_printf (b, ",\"group\":\"%s\",\"source\":", vg_timeline_group_to_id (vg_timeline_group_of_entry (entry)));
  vg_export_append_json_string (b, vg_journal_entry_get_source (entry));
  g_string_append (b, ",\"author\":");
  vg_export_append_json_string (b, vg_journal_entry_get_author (entry));
  g_string_append (b, ",\"summary\":");
  vg_export_append_json_string (b, summary);
  /* The stored canonical text is itself JSON: spliced in as it is, byte for byte. */
  g_string_append (b, ",\"payload\":");
  g_string_append (b, vg_journal_entry_get_payload_text (entry));
  g_string_append_printf (b, ",\"prev_hash\":\"%s\",\"hash\":\"%s\"}", prev_hash, hash);
  stream->n++;
  if (b->len >= FLUSH_AT)
    flush (stream);
  return TRUE;
}

/* @metadata's members as the first lines of a JSON object, each followed by a comma. */
static void
append_json_members (GString  *out,
                     JsonNode *metadata)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, json_node_get_object (metadata));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      g_autofree char *value = vg_export_json_text (member);

      g_string_append (out, "  ");
      vg_export_append_json_string (out, name);
      g_string_append_printf (out, ": %s,\n", value);
    }
}

gboolean
vg_export_write_json (VgExportContext  *ctx,
                      const char       *path,
                      GError          **error)
{
  g_autoptr(VgExportOutput) out = NULL;
  g_autoptr(GString) buffer = g_string_sized_new (FLUSH_AT + 4096);
  g_autoptr(JsonNode) metadata = vg_export_metadata (ctx, "vigie-timeline");
  Stream stream = { ctx, NULL, buffer, 0 };

  vg_export_begin_stage (ctx, 0, 1, _("Writing the timeline (JSON)"));
  if ((out = vg_export_output_open (path, error)) == NULL)
    return FALSE;
  stream.out = out;
  g_string_append (buffer, "{\n");
  append_json_members (buffer, metadata);
  g_string_append (buffer, "  \"entries\": [");
  if (!vg_export_foreach (ctx, FALSE, json_entry_cb, &stream, error))
    return FALSE;
  /* The count comes last: it is known only once the entries are written. */
  g_string_append_printf (buffer, "%s],\n  \"n_entries\": %" G_GUINT64_FORMAT "\n}\n", stream.n > 0 ? "\n  " : "", stream.n);
  flush (&stream);
  ctx->n_exported = stream.n;
  return vg_export_output_commit (out, error);
}
