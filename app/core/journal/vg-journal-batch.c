/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-journal-batch"

#include "config.h"

#include <string.h>

#include "vg-error.h"
#include "vg-journal-batch-private.h"

struct _VgJournalBatch
{
  GArray *records;   /* of VgJournalRecord */
};

static void
clear_record (gpointer data)
{
  VgJournalRecord *record = data;

  g_free (record->source);
  g_free (record->author);
  g_free (record->payload);
  g_clear_pointer (&record->raw, g_bytes_unref);
}

VgJournalBatch *
vg_journal_batch_new (void)
{
  VgJournalBatch *self = g_new0 (VgJournalBatch, 1);

  self->records = g_array_new (FALSE, TRUE, sizeof (VgJournalRecord));
  g_array_set_clear_func (self->records, clear_record);
  return self;
}

void
vg_journal_batch_free (VgJournalBatch *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->records);
  g_free (self);
}

guint
vg_journal_batch_get_size (VgJournalBatch *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->records->len;
}

static gboolean
check_name (const char  *what,
            const char  *value,
            GError     **error)
{
  if (*value == '\0')
    g_set_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID,
                 "A journal entry needs a non-empty %s", what);
  else if (!g_utf8_validate (value, -1, NULL))
    g_set_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID,
                 "The %s of a journal entry is not valid UTF-8", what);
  else
    return TRUE;
  return FALSE;
}

static VgJournalRecord *
push_record (VgJournalBatch *self,
             VgJournalKind   kind,
             const char     *source,
             const char     *author,
             GString        *payload)
{
  VgJournalRecord *record;

  g_array_set_size (self->records, self->records->len + 1);
  record = &g_array_index (self->records, VgJournalRecord, self->records->len - 1);
  record->kind = kind;
  record->source = g_strdup (source);
  record->author = g_strdup (author);
  record->payload_len = payload->len;
  record->payload = g_string_free (payload, FALSE);
  return record;
}

gboolean
vg_journal_batch_add (VgJournalBatch  *self,
                      VgJournalKind    kind,
                      const char      *source,
                      const char      *author,
                      JsonNode        *payload,
                      GError         **error)
{
  g_autoptr(GString) text = NULL;
  gint64 corrects = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (kind < VG_N_JOURNAL_KINDS, FALSE);
  g_return_val_if_fail (kind != VG_JOURNAL_KIND_HEADER && kind != VG_JOURNAL_KIND_RAW_FEED_PAYLOAD, FALSE);
  g_return_val_if_fail (source != NULL && author != NULL && payload != NULL, FALSE);

  if (!check_name ("source", source, error) || !check_name ("author", author, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (payload))
    {
      g_set_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID,
                   "A %s entry from “%s” needs a JSON object as payload",
                   vg_journal_kind_to_id (kind), source);
      return FALSE;
    }
  if (kind == VG_JOURNAL_KIND_CORRECTION)
    {
      JsonNode *member = json_object_get_member (json_node_get_object (payload), "corrects");

      if (member == NULL || json_node_get_value_type (member) != G_TYPE_INT64 ||
          (corrects = json_node_get_int (member)) < 1)
        {
          g_set_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID,
                       "A correction by “%s” must name the entry it corrects (\"corrects\": seq)", author);
          return FALSE;
        }
    }

  text = g_string_sized_new (128);
  if (!vg_journal_canonical_json (payload, text, error))
    {
      g_prefix_error (error, "%s entry from “%s”: ", vg_journal_kind_to_id (kind), source);
      return FALSE;
    }
  push_record (self, kind, source, author, g_steal_pointer (&text))->corrects = corrects;
  return TRUE;
}

static void
sha256_of (GBytes *bytes,
           guint8  digest[VG_JOURNAL_HASH_LEN],
           char    hex[VG_JOURNAL_HASH_HEX_LEN + 1])
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize len = VG_JOURNAL_HASH_LEN;

  g_checksum_update (checksum, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_checksum_get_digest (checksum, digest, &len);
  vg_journal_hash_to_hex (digest, hex);
}

/* Queues the raw-feed-payload entry: @stored (may be NULL: no bytes kept) under its hash;
 * @original and @withheld, when given, say what arrived and what was left out of it. */
static gboolean
add_raw (VgJournalBatch  *self,
         const char      *feed_id,
         const char      *url,
         const char      *content_type,
         GDateTime       *fetched_at,
         GBytes          *stored,
         GBytes          *original,
         JsonNode        *withheld,
         const char      *not_stored,
         GError         **error)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *fetched = NULL;
  g_autoptr(GString) text = g_string_sized_new (256);
  char hex[VG_JOURNAL_HASH_HEX_LEN + 1];
  VgJournalRecord *record;
  guint8 digest[VG_JOURNAL_HASH_LEN];

  if (!check_name ("feed id", feed_id, error))
    return FALSE;

  utc = g_date_time_to_utc (fetched_at);
  fetched = g_date_time_format_iso8601 (utc);
  json_object_set_string_member (object, "feed", feed_id);
  json_object_set_string_member (object, "url", url);
  json_object_set_string_member (object, "content_type", content_type);
  json_object_set_string_member (object, "fetched_at", fetched);
  if (original != NULL)
    {
      guint8 original_digest[VG_JOURNAL_HASH_LEN];
      char original_hex[VG_JOURNAL_HASH_HEX_LEN + 1];

      sha256_of (original, original_digest, original_hex);
      json_object_set_string_member (object, "original_sha256", original_hex);
      json_object_set_int_member (object, "original_size", g_bytes_get_size (original));
      json_object_set_member (object, "withheld", json_node_copy (withheld));
    }
  if (stored != NULL)
    {
      sha256_of (stored, digest, hex);
      json_object_set_string_member (object, "sha256", hex);
      json_object_set_int_member (object, "size", g_bytes_get_size (stored));
      if (original != NULL)
        json_object_set_boolean_member (object, "sanitised", TRUE);
    }
  else
    json_object_set_string_member (object, "not_stored", not_stored);
  json_node_set_object (node, object);
  if (!vg_journal_canonical_json (node, text, error))
    {
      g_prefix_error (error, "Raw payload of feed “%s”: ", feed_id);
      return FALSE;
    }

  record = push_record (self, VG_JOURNAL_KIND_RAW_FEED_PAYLOAD, feed_id, feed_id, g_steal_pointer (&text));
  if (stored != NULL)
    {
      record->raw = g_bytes_ref (stored);
      memcpy (record->raw_hash, digest, sizeof digest);
    }
  return TRUE;
}

gboolean
vg_journal_batch_add_raw_payload (VgJournalBatch  *self,
                                  const char      *feed_id,
                                  const char      *url,
                                  const char      *content_type,
                                  GDateTime       *fetched_at,
                                  GBytes          *bytes,
                                  GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (feed_id != NULL && url != NULL && content_type != NULL, FALSE);
  g_return_val_if_fail (fetched_at != NULL && bytes != NULL, FALSE);

  return add_raw (self, feed_id, url, content_type, fetched_at, bytes, NULL, NULL, NULL, error);
}

gboolean
vg_journal_batch_add_withheld_payload (VgJournalBatch  *self,
                                       const char      *feed_id,
                                       const char      *url,
                                       const char      *content_type,
                                       GDateTime       *fetched_at,
                                       GBytes          *original,
                                       GBytes          *kept,
                                       JsonNode        *withheld,
                                       const char      *not_stored,
                                       GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (feed_id != NULL && url != NULL && content_type != NULL, FALSE);
  g_return_val_if_fail (fetched_at != NULL && original != NULL, FALSE);
  g_return_val_if_fail (withheld != NULL && JSON_NODE_HOLDS_ARRAY (withheld), FALSE);
  g_return_val_if_fail (kept != NULL || (not_stored != NULL && *not_stored != '\0'), FALSE);

  return add_raw (self, feed_id, url, content_type, fetched_at, kept, original, withheld, not_stored, error);
}

void
vg_journal_batch_add_canonical (VgJournalBatch *self,
                                VgJournalKind   kind,
                                const char     *source,
                                const char     *author,
                                const char     *payload)
{
  g_return_if_fail (self != NULL);

  push_record (self, kind, source, author, g_string_new (payload));
}

const VgJournalRecord *
vg_journal_batch_get_record (VgJournalBatch *self,
                             guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->records->len, NULL);

  return &g_array_index (self->records, VgJournalRecord, index);
}

void
vg_journal_batch_clear (VgJournalBatch *self)
{
  g_return_if_fail (self != NULL);

  g_array_set_size (self->records, 0);
}
