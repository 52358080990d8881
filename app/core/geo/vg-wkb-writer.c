/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-wkb-writer"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vg-error.h"
#include "vg-wkb.h"
#include "vg-wkb-writer.h"

enum {
  WKB_POINT = 1,
  WKB_LINESTRING,
  WKB_POLYGON,
  WKB_MULTIPOINT,
  WKB_MULTILINESTRING,
  WKB_MULTIPOLYGON,
  WKB_GEOMETRYCOLLECTION,
};

typedef struct
{
  GByteArray *out;
  double     *bbox;
  GString    *path;   /* JSON path of what is being read, for messages */
} Writer;

G_GNUC_PRINTF (3, 4)
static gboolean
fail (Writer      *w,
      GError     **error,
      const char  *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED, "GeoJSON geometry%s%s: %s",
               w->path->len > 0 ? " at " : "", w->path->str, what);
  return FALSE;
}

static void
put_u8 (Writer *w,
        guint8  value)
{
  g_byte_array_append (w->out, &value, 1);
}

static void
put_u32 (Writer  *w,
         guint32  value)
{
  guint32 le = GUINT32_TO_LE (value);

  g_byte_array_append (w->out, (const guint8 *) &le, 4);
}

static void
put_double (Writer *w,
            double  value)
{
  guint64 bits;

  memcpy (&bits, &value, 8);
  bits = GUINT64_TO_LE (bits);
  g_byte_array_append (w->out, (const guint8 *) &bits, 8);
}

static void
put_header (Writer  *w,
            guint32  type)
{
  put_u8 (w, 1);   /* little-endian */
  put_u32 (w, type);
}

/* Path helpers: push a suffix, pop it back off after the call. */
static gsize
push_index (Writer *w,
            guint   index)
{
  gsize mark = w->path->len;

  g_string_append_printf (w->path, "[%u]", index);
  return mark;
}

static JsonArray *
get_array (Writer    *w,
           JsonNode  *node,
           GError   **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (w, error, "an array is expected");
      return NULL;
    }
  return json_node_get_array (node);
}

/* One position [x, y, ...]: writes x and y. */
static gboolean
write_position (Writer    *w,
                JsonNode  *node,
                GError   **error)
{
  JsonArray *position = get_array (w, node, error);
  double xy[2];

  if (position == NULL)
    return FALSE;
  if (json_array_get_length (position) < 2)
    return fail (w, error, "a position needs two numbers");
  for (guint i = 0; i < 2; i++)
    {
      JsonNode *ordinate = json_array_get_element (position, i);

      if (!JSON_NODE_HOLDS_VALUE (ordinate) ||
          (json_node_get_value_type (ordinate) != G_TYPE_DOUBLE &&
           json_node_get_value_type (ordinate) != G_TYPE_INT64))
        return fail (w, error, "ordinate %u is not a number", i);
      xy[i] = json_node_get_double (ordinate);
      if (!isfinite (xy[i]))
        return fail (w, error, "ordinate %u is not finite", i);
    }
  put_double (w, xy[0]);
  put_double (w, xy[1]);
  w->bbox[0] = MIN (w->bbox[0], xy[0]);
  w->bbox[1] = MIN (w->bbox[1], xy[1]);
  w->bbox[2] = MAX (w->bbox[2], xy[0]);
  w->bbox[3] = MAX (w->bbox[3], xy[1]);
  return TRUE;
}

/* A point's body; GeoJSON's empty point ([]) is WKB's NaN, NaN. */
static gboolean
write_point_body (Writer    *w,
                  JsonNode  *coordinates,
                  GError   **error)
{
  JsonArray *position = get_array (w, coordinates, error);

  if (position == NULL)
    return FALSE;
  if (json_array_get_length (position) == 0)
    {
      put_double (w, NAN);
      put_double (w, NAN);
      return TRUE;
    }
  return write_position (w, coordinates, error);
}

/* A count followed by positions: a line string, or one ring (@ring: closed, at least 4). */
static gboolean
write_point_list (Writer    *w,
                  JsonNode  *node,
                  gboolean   ring,
                  GError   **error)
{
  JsonArray *points = get_array (w, node, error);
  guint n;

  if (points == NULL)
    return FALSE;
  n = json_array_get_length (points);
  if (n > 0 && n < (ring ? 4u : 2u))
    return fail (w, error, ring ? "a ring needs at least four positions" : "a line needs at least two positions");
  put_u32 (w, n);
  for (guint i = 0; i < n; i++)
    {
      gsize mark = push_index (w, i);

      if (!write_position (w, json_array_get_element (points, i), error))
        return FALSE;
      g_string_truncate (w->path, mark);
    }
  if (ring && n > 0)
    {
      const guint8 *end = w->out->data + w->out->len;

      /* The last position repeats the first (RFC 7946 §3.1.6): compare the bytes just written. */
      if (memcmp (end - 16 * n, end - 16, 16) != 0)
        return fail (w, error, "the ring is not closed (its last position must repeat the first)");
    }
  return TRUE;
}

static gboolean
write_polygon_body (Writer    *w,
                    JsonNode  *node,
                    GError   **error)
{
  JsonArray *rings = get_array (w, node, error);
  guint n;

  if (rings == NULL)
    return FALSE;
  n = json_array_get_length (rings);
  put_u32 (w, n);
  for (guint i = 0; i < n; i++)
    {
      gsize mark = push_index (w, i);

      if (!write_point_list (w, json_array_get_element (rings, i), TRUE, error))
        return FALSE;
      g_string_truncate (w->path, mark);
    }
  return TRUE;
}

/* A Multi* geometry: each member is a full WKB geometry of the single type. */
static gboolean
write_multi (Writer    *w,
             JsonNode  *node,
             guint32    member_type,
             GError   **error)
{
  JsonArray *members = get_array (w, node, error);
  guint n;

  if (members == NULL)
    return FALSE;
  n = json_array_get_length (members);
  put_u32 (w, n);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *member = json_array_get_element (members, i);
      gsize mark = push_index (w, i);
      gboolean ok;

      put_header (w, member_type);
      if (member_type == WKB_POINT)
        ok = write_point_body (w, member, error);
      else if (member_type == WKB_LINESTRING)
        ok = write_point_list (w, member, FALSE, error);
      else
        ok = write_polygon_body (w, member, error);
      if (!ok)
        return FALSE;
      g_string_truncate (w->path, mark);
    }
  return TRUE;
}

static gboolean write_geometry (Writer *w, JsonNode *node, guint depth, GError **error);

static gboolean
write_collection (Writer      *w,
                  JsonObject  *object,
                  guint        depth,
                  GError     **error)
{
  JsonArray *members;
  gsize mark = w->path->len;
  guint n;

  g_string_append (w->path, w->path->len > 0 ? ".geometries" : "geometries");
  members = get_array (w, json_object_get_member (object, "geometries"), error);
  if (members == NULL)
    return FALSE;
  n = json_array_get_length (members);
  put_u32 (w, n);
  for (guint i = 0; i < n; i++)
    {
      gsize inner = push_index (w, i);

      if (!write_geometry (w, json_array_get_element (members, i), depth + 1, error))
        return FALSE;
      g_string_truncate (w->path, inner);
    }
  g_string_truncate (w->path, mark);
  return TRUE;
}

static gboolean
write_geometry (Writer    *w,
                JsonNode  *node,
                guint      depth,
                GError   **error)
{
  static const struct {
    const char *name;
    guint32     type;
  } types[] = {
    { "Point", WKB_POINT },
    { "LineString", WKB_LINESTRING },
    { "Polygon", WKB_POLYGON },
    { "MultiPoint", WKB_MULTIPOINT },
    { "MultiLineString", WKB_MULTILINESTRING },
    { "MultiPolygon", WKB_MULTIPOLYGON },
    { "GeometryCollection", WKB_GEOMETRYCOLLECTION },
  };
  JsonObject *object;
  const char *name;
  JsonNode *coordinates;
  guint32 type = 0;
  gsize mark;
  gboolean ok;

  if (depth > VG_WKB_MAX_DEPTH)
    return fail (w, error, "collections nested deeper than %d", VG_WKB_MAX_DEPTH);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return fail (w, error, "a geometry object is expected");
  object = json_node_get_object (node);
  name = json_object_get_string_member_with_default (object, "type", NULL);
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (name, types[i].name))
      type = types[i].type;
  if (type == 0)
    return fail (w, error, "unknown geometry type “%s”", name != NULL ? name : "(none)");

  put_header (w, type);
  if (type == WKB_GEOMETRYCOLLECTION)
    return write_collection (w, object, depth, error);

  mark = w->path->len;
  g_string_append (w->path, w->path->len > 0 ? ".coordinates" : "coordinates");
  coordinates = json_object_get_member (object, "coordinates");
  switch (type)
    {
    case WKB_POINT:
      ok = write_point_body (w, coordinates, error);
      break;
    case WKB_LINESTRING:
      ok = write_point_list (w, coordinates, FALSE, error);
      break;
    case WKB_POLYGON:
      ok = write_polygon_body (w, coordinates, error);
      break;
    case WKB_MULTIPOINT:
      ok = write_multi (w, coordinates, WKB_POINT, error);
      break;
    case WKB_MULTILINESTRING:
      ok = write_multi (w, coordinates, WKB_LINESTRING, error);
      break;
    case WKB_MULTIPOLYGON:
    default:
      ok = write_multi (w, coordinates, WKB_POLYGON, error);
      break;
    }
  g_string_truncate (w->path, mark);
  return ok;
}

gboolean
vg_wkb_write_geojson (JsonNode     *geometry,
                      GByteArray   *out,
                      double        bbox[4],
                      GError      **error)
{
  g_autoptr(GString) path = g_string_new (NULL);
  double box[4] = { INFINITY, INFINITY, -INFINITY, -INFINITY };
  Writer w = { out, box, path };
  guint start;

  g_return_val_if_fail (geometry != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (bbox != NULL, FALSE);

  start = out->len;
  if (!write_geometry (&w, geometry, 0, error))
    {
      g_byte_array_set_size (out, start);
      return FALSE;
    }
  memcpy (bbox, box, sizeof box);
  return TRUE;
}

GBytes *
vg_gpkg_blob_new (const guint8 *wkb,
                  gsize         len,
                  gint32        srs_id,
                  const double  bbox[4])
{
  gboolean empty;
  GByteArray *blob;
  guint32 srs = GUINT32_TO_LE ((guint32) srs_id);
  guint8 header[4] = { 'G', 'P', 0, 0 };

  g_return_val_if_fail (wkb != NULL && len > 0, NULL);
  g_return_val_if_fail (bbox != NULL, NULL);

  empty = !(bbox[0] <= bbox[2] && bbox[1] <= bbox[3]);
  /* Flags (§2.1.3.1.1): bit 0 little-endian; bits 1-3 envelope 1 (xy); bit 4 empty. */
  header[3] = empty ? 0x11 : 0x03;
  blob = g_byte_array_sized_new (8 + (empty ? 0 : 32) + len);
  g_byte_array_append (blob, header, 4);
  g_byte_array_append (blob, (const guint8 *) &srs, 4);
  for (guint i = 0; !empty && i < 4; i++)
    {
      /* The envelope is min_x, max_x, min_y, max_y: not the bbox order. */
      static const guint order[4] = { 0, 2, 1, 3 };
      guint64 bits;

      memcpy (&bits, &bbox[order[i]], 8);
      bits = GUINT64_TO_LE (bits);
      g_byte_array_append (blob, (const guint8 *) &bits, 8);
    }
  g_byte_array_append (blob, wkb, len);
  return g_byte_array_free_to_bytes (blob);
}
