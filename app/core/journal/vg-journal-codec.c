/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-journal-codec"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vg-error.h"
#include "vg-journal-codec-private.h"

/* Domain separation for the entry hash: the format version is hashed with every entry, so an
 * entry of one format can never verify as an entry of another. */
static const guint8 hash_tag[4] = { 'V', 'G', 'J', '1' };

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (a, b);
}

void
vg_journal_canonical_string (GString    *out,
                             const char *text)
{
  const char *run = text;

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c != '"' && c != '\\' && c >= 0x20)
        continue;
      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:   g_string_append_printf (out, "\\u%04x", c); break;
        }
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

/* The shortest of %.15g..%.17g that reads back as the same double, so 0.1 stays "0.1" while
 * every double still round-trips; ".0" keeps an integral double a double when parsed again. */
static void
append_double (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
  if (strpbrk (buf, ".eE") == NULL)
    g_string_append (out, ".0");
}

static gboolean
append_value (JsonNode  *node,
              GString   *out,
              GError   **error)
{
  GType type = json_node_get_value_type (node);

  if (type == G_TYPE_INT64)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
  else if (type == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (node);

      if (!isfinite (value))
        {
          g_set_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID,
                       "Payload holds a non-finite number, which JSON cannot carry");
          return FALSE;
        }
      append_double (out, value);
    }
  else if (type == G_TYPE_BOOLEAN)
    g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
  else if (type == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      if (!g_utf8_validate (text, -1, NULL))
        {
          g_set_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID,
                       "Payload holds a string that is not valid UTF-8");
          return FALSE;
        }
      vg_journal_canonical_string (out, text);
    }
  else
    {
      g_set_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID,
                   "Payload holds a value of type %s, which JSON cannot carry", g_type_name (type));
      return FALSE;
    }
  return TRUE;
}

gboolean
vg_journal_canonical_json (JsonNode  *node,
                           GString   *out,
                           GError   **error)
{
  g_return_val_if_fail (node != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        GList *names = g_list_sort (json_object_get_members (object), compare_names);
        gboolean ok = TRUE;

        g_string_append_c (out, '{');
        for (GList *l = names; l != NULL && ok; l = l->next)
          {
            if (l != names)
              g_string_append_c (out, ',');
            if (!g_utf8_validate (l->data, -1, NULL))
              {
                g_set_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID,
                             "Payload holds a member name that is not valid UTF-8");
                ok = FALSE;
                break;
              }
            vg_journal_canonical_string (out, l->data);
            g_string_append_c (out, ':');
            ok = vg_journal_canonical_json (json_object_get_member (object, l->data), out, error);
          }
        g_list_free (names);
        if (!ok)
          return FALSE;
        g_string_append_c (out, '}');
        return TRUE;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            if (!vg_journal_canonical_json (json_array_get_element (array, i), out, error))
              return FALSE;
          }
        g_string_append_c (out, ']');
        return TRUE;
      }
    case JSON_NODE_VALUE:
      return append_value (node, out, error);
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

static void
put_be64 (guint8  *out,
          guint64  value)
{
  for (int i = 7; i >= 0; i--, value >>= 8)
    out[i] = value & 0xff;
}

static void
hash_field (GChecksum  *checksum,
            const char *text,
            gsize       len)
{
  guint8 prefix[4] = { len >> 24, len >> 16, len >> 8, len };

  g_checksum_update (checksum, prefix, sizeof prefix);
  g_checksum_update (checksum, (const guint8 *) text, len);
}

void
vg_journal_hash_entry (GChecksum    *checksum,
                       guint64       seq,
                       gint64        time,
                       const char   *kind,
                       const char   *source,
                       const char   *author,
                       const char   *payload,
                       gsize         payload_len,
                       const guint8 *prev_hash,
                       guint8       *hash)
{
  guint8 numbers[16];
  gsize len = VG_JOURNAL_HASH_LEN;

  g_return_if_fail (payload_len <= G_MAXUINT32);

  g_checksum_reset (checksum);
  g_checksum_update (checksum, hash_tag, sizeof hash_tag);
  put_be64 (numbers, seq);
  put_be64 (numbers + 8, (guint64) time);
  g_checksum_update (checksum, numbers, sizeof numbers);
  hash_field (checksum, kind, strlen (kind));
  hash_field (checksum, source, strlen (source));
  hash_field (checksum, author, strlen (author));
  hash_field (checksum, payload, payload_len);
  g_checksum_update (checksum, prev_hash, VG_JOURNAL_HASH_LEN);
  g_checksum_get_digest (checksum, hash, &len);
}

void
vg_journal_hash_to_hex (const guint8 *hash,
                        char         *hex)
{
  static const char digits[] = "0123456789abcdef";

  for (guint i = 0; i < VG_JOURNAL_HASH_LEN; i++)
    {
      hex[2 * i] = digits[hash[i] >> 4];
      hex[2 * i + 1] = digits[hash[i] & 0xf];
    }
  hex[VG_JOURNAL_HASH_HEX_LEN] = '\0';
}

gboolean
vg_journal_hash_from_hex (const char *hex,
                          guint8     *hash)
{
  if (hex == NULL || strlen (hex) != VG_JOURNAL_HASH_HEX_LEN)
    return FALSE;
  for (guint i = 0; i < VG_JOURNAL_HASH_LEN; i++)
    {
      int hi = g_ascii_xdigit_value (hex[2 * i]);
      int lo = g_ascii_xdigit_value (hex[2 * i + 1]);

      if (hi < 0 || lo < 0)
        return FALSE;
      hash[i] = (hi << 4) | lo;
    }
  return TRUE;
}
