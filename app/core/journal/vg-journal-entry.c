/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-journal-entry"

#include "config.h"

#include <errno.h>
#include <string.h>

#include "vg-journal-codec-private.h"
#include "vg-json-limits.h"
#include "vg-journal-entry-private.h"

/* One allocation per entry: the strings follow the struct, so a scan of a million entries
 * costs a million mallocs, not five million. */
struct _VgJournalEntry
{
  guint64       seq;
  gint64        time;
  VgJournalKind kind;
  const char   *kind_id;
  const char   *source;
  const char   *author;
  const char   *payload;
  JsonNode     *parsed;    /* set once, atomically, by the first get_payload() */
  guint8        prev_hash[VG_JOURNAL_HASH_LEN];
  guint8        hash[VG_JOURNAL_HASH_LEN];
  char          strings[];
};

G_DEFINE_BOXED_TYPE (VgJournalEntry, vg_journal_entry, vg_journal_entry_ref, vg_journal_entry_unref)

VgJournalEntry *
vg_journal_entry_new (guint64       seq,
                      gint64        time,
                      const char   *kind_id,
                      const char   *source,
                      const char   *author,
                      const char   *payload,
                      gsize         payload_len,
                      const guint8 *prev_hash,
                      const guint8 *hash)
{
  gsize kind_len = strlen (kind_id) + 1;
  gsize source_len = strlen (source) + 1;
  gsize author_len = strlen (author) + 1;
  VgJournalEntry *self;
  char *p;

  self = g_atomic_rc_box_alloc0 (sizeof *self + kind_len + source_len + author_len + payload_len + 1);
  self->seq = seq;
  self->time = time;
  p = self->strings;
  self->kind_id = memcpy (p, kind_id, kind_len);
  p += kind_len;
  self->source = memcpy (p, source, source_len);
  p += source_len;
  self->author = memcpy (p, author, author_len);
  p += author_len;
  self->payload = memcpy (p, payload, payload_len);   /* NUL already there: alloc0 */
  if (!vg_journal_kind_from_id (kind_id, &self->kind))
    self->kind = VG_N_JOURNAL_KINDS;
  memcpy (self->prev_hash, prev_hash, VG_JOURNAL_HASH_LEN);
  memcpy (self->hash, hash, VG_JOURNAL_HASH_LEN);
  return self;
}

VgJournalEntry *
vg_journal_entry_ref (VgJournalEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
clear_entry (gpointer data)
{
  VgJournalEntry *self = data;

  g_clear_pointer (&self->parsed, json_node_unref);
}

void
vg_journal_entry_unref (VgJournalEntry *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, clear_entry);
}

guint64
vg_journal_entry_get_seq (VgJournalEntry *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->seq;
}

gint64
vg_journal_entry_get_time (VgJournalEntry *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->time;
}

VgJournalKind
vg_journal_entry_get_kind (VgJournalEntry *self)
{
  g_return_val_if_fail (self != NULL, VG_N_JOURNAL_KINDS);

  return self->kind;
}

const char *
vg_journal_entry_get_kind_id (VgJournalEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->kind_id;
}

const char *
vg_journal_entry_get_source (VgJournalEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->source;
}

const char *
vg_journal_entry_get_author (VgJournalEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->author;
}

const char *
vg_journal_entry_get_payload_text (VgJournalEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->payload;
}

JsonNode *
vg_journal_entry_get_payload (VgJournalEntry *self)
{
  JsonNode *parsed;

  g_return_val_if_fail (self != NULL, NULL);

  parsed = g_atomic_pointer_get (&self->parsed);
  if (parsed != NULL)
    return parsed;

  /* A journal handed in for forensics may hold any text, with a valid chain: too deep a
   * payload would overflow json-glib's recursive parser, so it reads as unreadable instead. */
  if (!vg_json_nesting_within (self->payload, strlen (self->payload), VG_JSON_MAX_PAYLOAD_DEPTH))
    return NULL;
  parsed = json_from_string (self->payload, NULL);
  if (parsed == NULL || !JSON_NODE_HOLDS_OBJECT (parsed))
    {
      g_clear_pointer (&parsed, json_node_unref);
      return NULL;
    }
  json_node_seal (parsed);
  /* Another thread may have parsed it meanwhile: keep the first, so borrowed pointers stay valid. */
  if (!g_atomic_pointer_compare_and_exchange (&self->parsed, NULL, parsed))
    {
      json_node_unref (parsed);
      parsed = g_atomic_pointer_get (&self->parsed);
    }
  return parsed;
}

const guint8 *
vg_journal_entry_get_hash_raw (VgJournalEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->hash;
}

char *
vg_journal_entry_dup_hash (VgJournalEntry *self)
{
  char hex[VG_JOURNAL_HASH_HEX_LEN + 1];

  g_return_val_if_fail (self != NULL, NULL);

  vg_journal_hash_to_hex (self->hash, hex);
  return g_strdup (hex);
}

char *
vg_journal_entry_dup_prev_hash (VgJournalEntry *self)
{
  char hex[VG_JOURNAL_HASH_HEX_LEN + 1];

  g_return_val_if_fail (self != NULL, NULL);

  vg_journal_hash_to_hex (self->prev_hash, hex);
  return g_strdup (hex);
}

/* A small scanner over the canonical payload text (vg-journal-codec.c writes it: no whitespace,
 * members sorted). It returns NULL on anything it does not expect, never reads past the NUL, and
 * callers fall back to the full parser where that matters. */

/* @p at an opening quote: just past the closing one, or NULL. */
static const char *
skip_string (const char *p)
{
  for (p++; *p != '\0'; p++)
    {
      if (*p == '\\')
        {
          if (p[1] == '\0')
            return NULL;
          p++;
        }
      else if (*p == '"')
        return p + 1;
    }
  return NULL;
}

static const char *
skip_value (const char *p)
{
  guint depth = 0;

  if (*p == '"')
    return skip_string (p);
  if (*p != '{' && *p != '[')
    {
      while (*p != '\0' && *p != ',' && *p != '}' && *p != ']')
        p++;
      return p;
    }
  while (*p != '\0')
    {
      if (*p == '"')
        {
          if ((p = skip_string (p)) == NULL)
            return NULL;
          continue;
        }
      if (*p == '{' || *p == '[')
        depth++;
      else if ((*p == '}' || *p == ']') && --depth == 0)
        return p + 1;
      p++;
    }
  return NULL;
}

/* Start of the value of top-level member @name, or NULL. */
static const char *
find_member (const char *text,
             const char *name)
{
  gsize name_len = strlen (name);
  const char *p = text;

  if (*p++ != '{')
    return NULL;
  while (*p == '"')
    {
      const char *key = p + 1;
      const char *end = skip_string (p);

      if (end == NULL || *end != ':')
        return NULL;
      if ((gsize) (end - 1 - key) == name_len && memcmp (key, name, name_len) == 0)
        return end + 1;
      if ((p = skip_value (end + 1)) == NULL || *p != ',')
        return NULL;
      p++;
    }
  return NULL;
}

/* TRUE if a scalar value token stops at @end: a member separator or the end of the object. */
static inline gboolean
ends_value (const char *end)
{
  return *end == ',' || *end == '}';
}

char *
vg_journal_entry_dup_string (VgJournalEntry *self,
                             const char     *name)
{
  const char *value;
  const char *end;
  JsonNode *payload;
  JsonNode *member;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  value = find_member (self->payload, name);
  if (value == NULL || *value != '"' || (end = skip_string (value)) == NULL)
    return NULL;
  if (memchr (value, '\\', end - value) == NULL)
    return g_strndup (value + 1, end - value - 2);

  /* Escapes are rare (quotes, newlines in notes): let the parser undo them. */
  if ((payload = vg_journal_entry_get_payload (self)) == NULL ||
      (member = json_object_get_member (json_node_get_object (payload), name)) == NULL)
    return NULL;
  return g_strdup (json_node_get_string (member));
}

gboolean
vg_journal_entry_get_double (VgJournalEntry *self,
                             const char     *name,
                             double         *value)
{
  const char *text;
  char *end;
  double number;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  text = find_member (self->payload, name);
  if (text == NULL || !(*text == '-' || g_ascii_isdigit (*text)))
    return FALSE;
  number = g_ascii_strtod (text, &end);
  if (end == text || !ends_value (end))
    return FALSE;
  *value = number;
  return TRUE;
}

gboolean
vg_journal_entry_get_int (VgJournalEntry *self,
                          const char     *name,
                          gint64         *value)
{
  const char *text;
  char *end;
  gint64 number;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  text = find_member (self->payload, name);
  if (text == NULL || !(*text == '-' || g_ascii_isdigit (*text)))
    return FALSE;
  errno = 0;
  number = g_ascii_strtoll (text, &end, 10);
  if (end == text || errno != 0 || !ends_value (end))
    return FALSE;
  *value = number;
  return TRUE;
}

gboolean
vg_journal_entry_get_boolean (VgJournalEntry *self,
                              const char     *name,
                              gboolean       *value)
{
  const char *text;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  text = find_member (self->payload, name);
  if (text != NULL && g_str_has_prefix (text, "true") && ends_value (text + 4))
    *value = TRUE;
  else if (text != NULL && g_str_has_prefix (text, "false") && ends_value (text + 5))
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

char *
vg_journal_dup_canonical_json (JsonNode  *node,
                               GError   **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, NULL);

  if (!vg_journal_canonical_json (node, text, error))
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}
