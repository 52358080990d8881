/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-feed-json"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vg-clock.h"
#include "vg-error.h"
#include "vg-feed-private.h"

/* --- output --- */

void
vg_feed_json_add_string (JsonBuilder *builder,
                         const char  *name,
                         const char  *value)
{
  if (value == NULL)
    return;
  if (name != NULL)
    json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

void
vg_feed_json_add_time (JsonBuilder *builder,
                       const char  *name,
                       gint64       usec)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;

  if (usec == VG_FEED_TIME_UNKNOWN)
    {
      if (name == NULL)
        json_builder_add_null_value (builder);
      return;
    }
  time = vg_time_new_from_usec (usec);
  text = g_date_time_format_iso8601 (time);
  if (name != NULL)
    json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

static void
add_positions (JsonBuilder  *builder,
               const double *xy,
               guint         n)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_array (builder);
      json_builder_add_double_value (builder, xy[2 * i]);
      json_builder_add_double_value (builder, xy[2 * i + 1]);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
}

void
vg_feed_json_add_shapes (JsonBuilder *builder,
                         VgShapeSet  *shapes)
{
  json_builder_begin_array (builder);
  for (guint s = 0; s < vg_shape_set_get_n_shapes (shapes); s++)
    {
      VgShapeKind kind = vg_shape_set_get_kind (shapes, s);
      guint n_parts = vg_shape_set_get_n_parts (shapes, s);
      static const char * const types[] = { "Null", "MultiPoint", "MultiLineString", "MultiPolygon" };

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, types[kind]);
      json_builder_set_member_name (builder, "coordinates");
      json_builder_begin_array (builder);
      for (guint p = 0; p < n_parts; p++)
        {
          gboolean outer;
          guint n;
          const double *xy = vg_shape_set_get_part (shapes, s, p, &n, &outer);

          switch (kind)
            {
            case VG_SHAPE_POINT:
              json_builder_begin_array (builder);
              json_builder_add_double_value (builder, xy[0]);
              json_builder_add_double_value (builder, xy[1]);
              json_builder_end_array (builder);
              break;
            case VG_SHAPE_LINE:
              add_positions (builder, xy, n);
              break;
            case VG_SHAPE_POLYGON:
              /* Each outer ring opens a polygon; its holes follow it. */
              if (outer)
                {
                  if (p > 0)
                    json_builder_end_array (builder);
                  json_builder_begin_array (builder);
                }
              add_positions (builder, xy, n);
              if (p + 1 == n_parts)
                json_builder_end_array (builder);
              break;
            case VG_SHAPE_NONE:
            default:
              break;
            }
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* --- strict input scan ---
 *
 * json-glib 1.6 is lenient where Vigie must not be: it reads comments and single-quoted
 * strings, turns 1e999 into infinity, wraps integers beyond 64 bits, and recurses once per
 * nesting level. So every payload is first checked against RFC 8259 by this scanner (bounded
 * recursion: it stops at VG_FEED_MAX_DEPTH), which also gives errors a line and column. */

typedef struct
{
  const char  *feed_id;
  const char  *data;
  gsize        len;
  gsize        pos;
  guint        line;
  gsize        line_start;
  guint        depth;
  GError     **error;
} Scan;

static gboolean
scan_fail (Scan       *s,
           int         code,
           const char *format,
           ...) G_GNUC_PRINTF (3, 4);

static gboolean
scan_fail (Scan       *s,
           int         code,
           const char *format,
           ...)
{
  g_autofree char *message = NULL;
  g_autofree char *position = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  position = g_strdup_printf ("line %u, column %" G_GSIZE_FORMAT, s->line, s->pos - s->line_start + 1);
  return vg_feed_fail (s->error, code, s->feed_id, position, "%s", message);
}

static const char *
describe_byte (Scan *s)
{
  static const char * const names[] = { "end of data", "a control character", "an unexpected character" };

  if (s->pos >= s->len)
    return names[0];
  if ((guchar) s->data[s->pos] < 0x20)
    return names[1];
  return names[2];
}

static void
skip_ws (Scan *s)
{
  while (s->pos < s->len)
    {
      char c = s->data[s->pos];

      if (c == '\n')
        {
          s->line++;
          s->line_start = s->pos + 1;
        }
      else if (c != ' ' && c != '\t' && c != '\r')
        return;
      s->pos++;
    }
}

static int
hex4 (const char *p)
{
  int v = 0;

  for (guint i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);

      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

static gboolean
scan_string (Scan *s)
{
  s->pos++;   /* opening quote */
  while (s->pos < s->len)
    {
      guchar c = s->data[s->pos];

      if (c == '"')
        {
          s->pos++;
          return TRUE;
        }
      if (c < 0x20)
        return scan_fail (s, VG_FEED_ERROR_MALFORMED, "control character 0x%02x in a string", c);
      if (c == '\\')
        {
          int code;

          if (s->pos + 1 >= s->len)
            break;
          switch (s->data[s->pos + 1])
            {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
              s->pos += 2;
              continue;
            case 'u':
              if (s->pos + 6 > s->len || (code = hex4 (s->data + s->pos + 2)) < 0)
                return scan_fail (s, VG_FEED_ERROR_MALFORMED, "bad \\u escape");
              if (code == 0)
                return scan_fail (s, VG_FEED_ERROR_MALFORMED, "NUL character (\\u0000) in a string");
              if (code >= 0xDC00 && code <= 0xDFFF)
                return scan_fail (s, VG_FEED_ERROR_MALFORMED, "unpaired surrogate \\u%04x", code);
              if (code >= 0xD800 && code <= 0xDBFF)
                {
                  int low;

                  if (s->pos + 12 > s->len || s->data[s->pos + 6] != '\\' || s->data[s->pos + 7] != 'u' ||
                      (low = hex4 (s->data + s->pos + 8)) < 0xDC00 || low > 0xDFFF)
                    return scan_fail (s, VG_FEED_ERROR_MALFORMED, "unpaired surrogate \\u%04x", code);
                  s->pos += 6;
                }
              s->pos += 6;
              continue;
            default:
              s->pos++;
              return scan_fail (s, VG_FEED_ERROR_MALFORMED, "bad escape \\%c in a string",
                                g_ascii_isprint (s->data[s->pos]) ? s->data[s->pos] : '?');
            }
        }
      s->pos++;
    }
  return scan_fail (s, VG_FEED_ERROR_MALFORMED, "unterminated string");
}

static gboolean
scan_digits (Scan *s)
{
  gsize start = s->pos;

  while (s->pos < s->len && g_ascii_isdigit (s->data[s->pos]))
    s->pos++;
  return s->pos > start;
}

static gboolean
scan_number (Scan *s)
{
  gsize start = s->pos;
  gboolean integer = TRUE;
  char buffer[72];
  double value;

  if (s->data[s->pos] == '-')
    s->pos++;
  if (s->pos < s->len && s->data[s->pos] == '0')
    s->pos++;
  else if (!scan_digits (s))
    return scan_fail (s, VG_FEED_ERROR_MALFORMED, "bad number");
  if (s->pos < s->len && s->data[s->pos] == '.')
    {
      s->pos++;
      integer = FALSE;
      if (!scan_digits (s))
        return scan_fail (s, VG_FEED_ERROR_MALFORMED, "bad number: digits expected after the point");
    }
  if (s->pos < s->len && (s->data[s->pos] == 'e' || s->data[s->pos] == 'E'))
    {
      s->pos++;
      integer = FALSE;
      if (s->pos < s->len && (s->data[s->pos] == '+' || s->data[s->pos] == '-'))
        s->pos++;
      if (!scan_digits (s))
        return scan_fail (s, VG_FEED_ERROR_MALFORMED, "bad number: digits expected in the exponent");
    }
  if (s->pos - start >= sizeof buffer)
    {
      s->pos = start;
      return scan_fail (s, VG_FEED_ERROR_MALFORMED, "number literal longer than %u characters",
                        (guint) sizeof buffer - 1);
    }
  memcpy (buffer, s->data + start, s->pos - start);
  buffer[s->pos - start] = '\0';
  if (integer)
    {
      gint64 v;

      /* json-glib stores integers as gint64 and wraps silently beyond. */
      if (!g_ascii_string_to_signed (buffer, 10, G_MININT64, G_MAXINT64, &v, NULL))
        {
          s->pos = start;
          return scan_fail (s, VG_FEED_ERROR_MALFORMED, "integer %s does not fit in 64 bits", buffer);
        }
      return TRUE;
    }
  value = g_ascii_strtod (buffer, NULL);
  if (!isfinite (value))
    {
      s->pos = start;
      return scan_fail (s, VG_FEED_ERROR_MALFORMED, "number %s is out of range", buffer);
    }
  return TRUE;
}

static gboolean
scan_literal (Scan       *s,
              const char *literal)
{
  gsize n = strlen (literal);

  if (s->len - s->pos < n || memcmp (s->data + s->pos, literal, n) != 0)
    return scan_fail (s, VG_FEED_ERROR_MALFORMED, "%s where a value was expected", describe_byte (s));
  s->pos += n;
  return TRUE;
}

static gboolean scan_value (Scan *s);

static gboolean
scan_container (Scan *s,
                char  close)
{
  gboolean first = TRUE;

  if (++s->depth > VG_FEED_MAX_DEPTH)
    return scan_fail (s, VG_FEED_ERROR_TOO_LARGE, "nested deeper than %u levels", VG_FEED_MAX_DEPTH);
  s->pos++;
  for (;;)
    {
      skip_ws (s);
      if (s->pos < s->len && s->data[s->pos] == close && first)
        break;
      if (close == '}')
        {
          if (s->pos >= s->len || s->data[s->pos] != '"')
            return scan_fail (s, VG_FEED_ERROR_MALFORMED, "%s where a member name was expected", describe_byte (s));
          if (!scan_string (s))
            return FALSE;
          skip_ws (s);
          if (s->pos >= s->len || s->data[s->pos] != ':')
            return scan_fail (s, VG_FEED_ERROR_MALFORMED, "%s where ':' was expected", describe_byte (s));
          s->pos++;
        }
      if (!scan_value (s))
        return FALSE;
      first = FALSE;
      skip_ws (s);
      if (s->pos < s->len && s->data[s->pos] == ',')
        {
          s->pos++;
          continue;
        }
      if (s->pos < s->len && s->data[s->pos] == close)
        break;
      return scan_fail (s, VG_FEED_ERROR_MALFORMED, "%s where ',' or '%c' was expected", describe_byte (s), close);
    }
  s->pos++;
  s->depth--;
  return TRUE;
}

static gboolean
scan_value (Scan *s)
{
  skip_ws (s);
  if (s->pos >= s->len)
    return scan_fail (s, VG_FEED_ERROR_MALFORMED, "end of data where a value was expected");
  switch (s->data[s->pos])
    {
    case '{':
      return scan_container (s, '}');
    case '[':
      return scan_container (s, ']');
    case '"':
      return scan_string (s);
    case 't':
      return scan_literal (s, "true");
    case 'f':
      return scan_literal (s, "false");
    case 'n':
      return scan_literal (s, "null");
    default:
      if (s->data[s->pos] == '-' || g_ascii_isdigit (s->data[s->pos]))
        return scan_number (s);
      return scan_fail (s, VG_FEED_ERROR_MALFORMED, "%s where a value was expected", describe_byte (s));
    }
}

JsonNode *
vg_feed_json_load (const char  *feed_id,
                   GBytes      *payload,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *end = NULL;
  gsize len, skip = 0;
  Scan s = { 0 };

  if (!vg_feed_check_size (feed_id, payload, error))
    return NULL;
  s.data = g_bytes_get_data (payload, &len);
  s.len = len;
  s.feed_id = feed_id;
  s.line = 1;
  s.error = error;

  if (!g_utf8_validate_len (s.data, s.len, &end))
    {
      for (s.pos = 0; s.data + s.pos < end; s.pos++)
        if (s.data[s.pos] == '\n')
          {
            s.line++;
            s.line_start = s.pos + 1;
          }
      scan_fail (&s, VG_FEED_ERROR_MALFORMED, "not valid UTF-8");
      return NULL;
    }
  /* A UTF-8 byte order mark is tolerated (RFC 8259 §8.1 lets parsers ignore it). */
  if (s.len >= 3 && memcmp (s.data, "\xef\xbb\xbf", 3) == 0)
    s.pos = skip = 3;
  if (!scan_value (&s))
    return NULL;
  skip_ws (&s);
  if (s.pos != s.len)
    {
      scan_fail (&s, VG_FEED_ERROR_MALFORMED, "unexpected data after the JSON document");
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, s.data + skip, s.len - skip, &local_error))
    {
      /* Not expected after the scan; report it all the same rather than trust either alone. */
      vg_feed_fail (error, VG_FEED_ERROR_MALFORMED, feed_id, "document", "%s", local_error->message);
      return NULL;
    }
  return json_parser_steal_root (parser);
}

/* --- walking --- */

void
vg_json_walk_init (VgJsonWalk *walk,
                   const char *feed_id)
{
  walk->feed_id = feed_id;
  walk->path = g_string_new ("$");
}

void
vg_json_walk_clear (VgJsonWalk *walk)
{
  g_string_free (walk->path, TRUE);
  walk->path = NULL;
}

gsize
vg_json_walk_member (VgJsonWalk *walk,
                     const char *name)
{
  gsize mark = walk->path->len;
  gboolean plain = *name != '\0' && !g_ascii_isdigit (*name);

  for (const char *p = name; plain && *p != '\0'; p++)
    plain = g_ascii_isalnum (*p) || *p == '_' || *p == '@' || *p == '.';
  if (plain)
    g_string_append_printf (walk->path, ".%s", name);
  else
    {
      g_autofree char *escaped = g_strescape (name, NULL);

      g_string_append_printf (walk->path, "[\"%s\"]", escaped);
    }
  return mark;
}

gsize
vg_json_walk_index (VgJsonWalk *walk,
                    guint       index)
{
  gsize mark = walk->path->len;

  g_string_append_printf (walk->path, "[%u]", index);
  return mark;
}

void
vg_json_walk_leave (VgJsonWalk *walk,
                    gsize       mark)
{
  g_string_truncate (walk->path, mark);
}

const char *
vg_json_walk_path (VgJsonWalk *walk)
{
  return walk->path->str;
}

gboolean
vg_json_walk_fail (VgJsonWalk  *walk,
                   GError     **error,
                   int          code,
                   const char  *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  return vg_feed_fail (error, code, walk->feed_id, walk->path->str, "%s", message);
}

const char *
vg_json_type_name (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_BOOLEAN:
      return "a boolean";
    default:
      return "a number";
    }
}

/* The member @name of @object if present (and not null when NULLABLE); errors for absence. */
static gboolean
lookup (VgJsonWalk   *walk,
        JsonObject   *object,
        const char   *name,
        VgJsonFlags   flags,
        JsonNode    **node,
        GError      **error)
{
  *node = json_object_get_member (object, name);
  if (*node == NULL && (flags & VG_JSON_REQUIRED))
    {
      gsize mark = vg_json_walk_member (walk, name);

      vg_json_walk_fail (walk, error, VG_FEED_ERROR_MALFORMED, "missing");
      vg_json_walk_leave (walk, mark);
      return FALSE;
    }
  /* Present but null: as good as absent when allowed (REQUIRED | NULLABLE: must be there). */
  if (*node != NULL && JSON_NODE_HOLDS_NULL (*node) && (flags & VG_JSON_NULLABLE))
    *node = NULL;
  return TRUE;
}

static gboolean
wrong_type (VgJsonWalk  *walk,
            const char  *name,
            JsonNode    *node,
            const char  *expected,
            GError     **error)
{
  gsize mark = vg_json_walk_member (walk, name);

  vg_json_walk_fail (walk, error, VG_FEED_ERROR_MALFORMED, "expected %s, found %s", expected,
                     vg_json_type_name (node));
  vg_json_walk_leave (walk, mark);
  return FALSE;
}

static gboolean
is_value_of_type (JsonNode *node,
                  GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

gboolean
vg_json_get_string (VgJsonWalk   *walk,
                    JsonObject   *object,
                    const char   *name,
                    VgJsonFlags   flags,
                    const char  **value,
                    GError      **error)
{
  JsonNode *node;

  *value = NULL;
  if (!lookup (walk, object, name, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!is_value_of_type (node, G_TYPE_STRING))
    return wrong_type (walk, name, node, "a string", error);
  *value = json_node_get_string (node);
  return TRUE;
}

gboolean
vg_json_get_number (VgJsonWalk  *walk,
                    JsonObject  *object,
                    const char  *name,
                    VgJsonFlags  flags,
                    double      *value,
                    GError     **error)
{
  JsonNode *node;

  *value = NAN;
  if (!lookup (walk, object, name, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!is_value_of_type (node, G_TYPE_INT64) && !is_value_of_type (node, G_TYPE_DOUBLE))
    return wrong_type (walk, name, node, "a number", error);
  *value = json_node_get_double (node);
  return TRUE;
}

gboolean
vg_json_get_object (VgJsonWalk   *walk,
                    JsonObject   *object,
                    const char   *name,
                    VgJsonFlags   flags,
                    JsonObject  **value,
                    GError      **error)
{
  JsonNode *node;

  *value = NULL;
  if (!lookup (walk, object, name, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return wrong_type (walk, name, node, "an object", error);
  *value = json_node_get_object (node);
  return TRUE;
}

gboolean
vg_json_get_array (VgJsonWalk  *walk,
                   JsonObject  *object,
                   const char  *name,
                   VgJsonFlags  flags,
                   JsonArray  **value,
                   GError     **error)
{
  JsonNode *node;

  *value = NULL;
  if (!lookup (walk, object, name, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (walk, name, node, "an array", error);
  *value = json_node_get_array (node);
  return TRUE;
}

gboolean
vg_json_expect_object (VgJsonWalk  *walk,
                       JsonNode    *node,
                       JsonObject **object,
                       GError     **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return vg_json_walk_fail (walk, error, VG_FEED_ERROR_MALFORMED, "expected an object, found %s",
                              vg_json_type_name (node));
  *object = json_node_get_object (node);
  return TRUE;
}

static const char *
check_name (const char *name,
            GHashTable *clean_names)
{
  const char *term;

  if (clean_names != NULL && g_hash_table_contains (clean_names, name))
    return NULL;
  term = vg_feed_biometric_term (name);
  if (term == NULL && clean_names != NULL)
    g_hash_table_add (clean_names, g_strdup (name));
  return term;
}

static const char *
find_biometric_in (JsonNode   *node,
                   GHashTable *clean_names,
                   GString    *path)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          gsize mark = path->len;
          const char *term;

          g_string_append_printf (path, "%s%s", path->len > 0 ? "." : "", name);
          if ((term = check_name (name, clean_names)) != NULL ||
              (term = find_biometric_in (member, clean_names, path)) != NULL)
            return term;
          g_string_truncate (path, mark);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize mark = path->len;
          const char *term;

          g_string_append_printf (path, "[%u]", i);
          if ((term = find_biometric_in (json_array_get_element (array, i), clean_names, path)) != NULL)
            return term;
          g_string_truncate (path, mark);
        }
    }
  return NULL;
}

GHashTable *
vg_json_new_name_cache (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

const char *
vg_json_find_biometric_member (JsonObject  *object,
                               GHashTable  *clean_names,
                               char       **path)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  GString *found = g_string_new (NULL);
  const char *term = find_biometric_in (node, clean_names, found);

  *path = g_string_free (found, term == NULL);
  return term;
}
