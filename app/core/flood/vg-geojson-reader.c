/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-geojson-reader"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vg-error.h"
#include "vg-geojson-reader.h"

/* Nesting deeper than this is not GeoJSON a city publishes: refused, so hostile input cannot
 * exhaust the stack. */
#define MAX_DEPTH 64

typedef struct
{
  const char  *start;
  const char  *p;
  const char  *end;
  const char  *path;
  guint        feature;     /* 1-based feature being read, 0 outside features */
  GError     **error;
} Parser;

typedef enum {
  GEOM_UNKNOWN,
  GEOM_POINT,
  GEOM_MULTIPOINT,
  GEOM_LINESTRING,
  GEOM_MULTILINESTRING,
  GEOM_POLYGON,
  GEOM_MULTIPOLYGON,
  GEOM_COLLECTION,
} GeomType;

static gboolean fail (Parser *ps, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (Parser     *ps,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (ps->error == NULL || *ps->error != NULL)
    return FALSE;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (ps->feature > 0)
    g_set_error (ps->error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED, "GeoJSON “%s”, feature %u: %s (byte %td)",
                 ps->path, ps->feature, message, ps->p - ps->start);
  else
    g_set_error (ps->error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED, "GeoJSON “%s”: %s (byte %td)",
                 ps->path, message, ps->p - ps->start);
  return FALSE;
}

static inline void
skip_ws (Parser *ps)
{
  while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r'))
    ps->p++;
}

static gboolean
expect (Parser *ps,
        char    c)
{
  skip_ws (ps);
  if (ps->p >= ps->end || *ps->p != c)
    return fail (ps, "expected “%c”", c);
  ps->p++;
  return TRUE;
}

/* Whether the next token is @c, consuming it if so. */
static gboolean
accept (Parser *ps,
        char    c)
{
  skip_ws (ps);
  if (ps->p < ps->end && *ps->p == c)
    {
      ps->p++;
      return TRUE;
    }
  return FALSE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Parser  *ps,
           guint32 *out)
{
  guint32 v = 0;

  if (ps->end - ps->p < 4)
    return fail (ps, "truncated \\u escape");
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (ps->p[i]);

      if (h < 0)
        return fail (ps, "bad \\u escape");
      v = v << 4 | (guint32) h;
    }
  ps->p += 4;
  *out = v;
  return TRUE;
}

/* Reads a string token into @out (cleared first), unescaping it; invalid UTF-8 is refused. */
static gboolean
parse_string (Parser  *ps,
              GString *out)
{
  const char *run;

  if (!expect (ps, '"'))
    return FALSE;
  g_string_truncate (out, 0);
  run = ps->p;
  while (ps->p < ps->end && *ps->p != '"')
    {
      if ((guchar) *ps->p < 0x20)
        return fail (ps, "control character in a string");
      if (*ps->p != '\\')
        {
          ps->p++;
          continue;
        }
      g_string_append_len (out, run, ps->p - run);
      ps->p++;
      if (ps->p >= ps->end)
        break;
      switch (*ps->p++)
        {
        case '"': g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/': g_string_append_c (out, '/'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            guint32 c, low;

            if (!read_hex4 (ps, &c))
              return FALSE;
            if (c >= 0xD800 && c < 0xDC00)
              {
                if (ps->end - ps->p < 2 || ps->p[0] != '\\' || ps->p[1] != 'u')
                  return fail (ps, "unpaired surrogate in \\u escape");
                ps->p += 2;
                if (!read_hex4 (ps, &low))
                  return FALSE;
                if (low < 0xDC00 || low >= 0xE000)
                  return fail (ps, "unpaired surrogate in \\u escape");
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              }
            else if (c >= 0xDC00 && c < 0xE000)
              return fail (ps, "unpaired surrogate in \\u escape");
            if (c == 0)
              return fail (ps, "NUL character in a string");
            g_string_append_unichar (out, c);
          }
          break;
        default:
          ps->p--;
          return fail (ps, "bad escape “\\%c”", *ps->p);
        }
      run = ps->p;
    }
  if (ps->p >= ps->end)
    return fail (ps, "unterminated string");
  g_string_append_len (out, run, ps->p - run);
  ps->p++;
  if (!g_utf8_validate_len (out->str, out->len, NULL))
    return fail (ps, "invalid UTF-8 in a string");
  return TRUE;
}

/* Scans a JSON number (-?digits[.digits][(e|E)[+-]digits]) from the current position, leaving
 * ps->p after it; FALSE if there is none. */
static gboolean
scan_number (Parser      *ps,
             const char **start)
{
  const char *q;

  skip_ws (ps);
  q = *start = ps->p;
  if (q < ps->end && *q == '-')
    q++;
  if (q >= ps->end || !g_ascii_isdigit (*q))
    return fail (ps, "expected a number");
  while (q < ps->end && (g_ascii_isdigit (*q) || *q == '.' || *q == 'e' || *q == 'E' || *q == '+' || *q == '-'))
    q++;
  ps->p = q;
  return TRUE;
}

static gboolean
parse_number (Parser *ps,
              double *out)
{
  const char *start;
  char buf[64], *endp;
  gsize len;

  /* Copied out so that strtod never reads past the mapped buffer. */
  if (!scan_number (ps, &start))
    return FALSE;
  len = ps->p - start;
  if (len >= sizeof buf)
    {
      ps->p = start;
      return fail (ps, "number too long");
    }
  memcpy (buf, start, len);
  buf[len] = '\0';
  *out = g_ascii_strtod (buf, &endp);
  if (endp != buf + len || !isfinite (*out))
    {
      ps->p = start;
      return fail (ps, "bad number “%s”", buf);
    }
  return TRUE;
}

/* Skips a string token, checking its escapes but building nothing. */
static gboolean
skip_string (Parser *ps)
{
  if (!expect (ps, '"'))
    return FALSE;
  while (ps->p < ps->end && *ps->p != '"')
    {
      if ((guchar) *ps->p < 0x20)
        return fail (ps, "control character in a string");
      if (*ps->p++ != '\\')
        continue;
      if (ps->p >= ps->end)
        break;
      if (*ps->p == 'u')
        {
          guint32 c;

          ps->p++;
          if (!read_hex4 (ps, &c))
            return FALSE;
        }
      else if (strchr ("\"\\/bfnrt", *ps->p) != NULL && *ps->p != '\0')
        ps->p++;
      else
        return fail (ps, "bad escape “\\%c”", *ps->p);
    }
  if (ps->p >= ps->end)
    return fail (ps, "unterminated string");
  ps->p++;
  return TRUE;
}

/* Skips any value, checking its syntax. */
static gboolean
skip_value (Parser *ps,
            guint   depth)
{
  if (depth > MAX_DEPTH)
    return fail (ps, "nesting deeper than %d", MAX_DEPTH);
  skip_ws (ps);
  if (ps->p >= ps->end)
    return fail (ps, "unexpected end of file");
  switch (*ps->p)
    {
    case '{':
      ps->p++;
      if (accept (ps, '}'))
        return TRUE;
      do
        {
          if (!skip_string (ps) || !expect (ps, ':') || !skip_value (ps, depth + 1))
            return FALSE;
        }
      while (accept (ps, ','));
      return expect (ps, '}');

    case '[':
      ps->p++;
      if (accept (ps, ']'))
        return TRUE;
      do
        if (!skip_value (ps, depth + 1))
          return FALSE;
      while (accept (ps, ','));
      return expect (ps, ']');

    case '"':
      return skip_string (ps);

    case 't':
    case 'f':
    case 'n':
      {
        const char *words[] = { "true", "false", "null" };

        for (guint i = 0; i < G_N_ELEMENTS (words); i++)
          {
            gsize len = strlen (words[i]);

            if ((gsize) (ps->end - ps->p) >= len && memcmp (ps->p, words[i], len) == 0)
              {
                ps->p += len;
                return TRUE;
              }
          }
        return fail (ps, "unexpected token");
      }

    default:
      {
        double ignored;

        return parse_number (ps, &ignored);
      }
    }
}

static gboolean
accept_null (Parser *ps)
{
  skip_ws (ps);
  if (ps->end - ps->p >= 4 && memcmp (ps->p, "null", 4) == 0)
    {
      ps->p += 4;
      return TRUE;
    }
  return FALSE;
}

static GeomType
geom_type_from_name (const char *name)
{
  static const struct { const char *name; GeomType type; } types[] = {
    { "Point", GEOM_POINT }, { "MultiPoint", GEOM_MULTIPOINT },
    { "LineString", GEOM_LINESTRING }, { "MultiLineString", GEOM_MULTILINESTRING },
    { "Polygon", GEOM_POLYGON }, { "MultiPolygon", GEOM_MULTIPOLYGON },
    { "GeometryCollection", GEOM_COLLECTION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (name, types[i].name))
      return types[i].type;
  return GEOM_UNKNOWN;
}

/* A position [x, y, ...]: extra ordinates (elevation, measure) are dropped. */
static gboolean
parse_position (Parser     *ps,
                VgShapeSet *into)
{
  double x, y;

  if (!expect (ps, '[') || !parse_number (ps, &x) || !expect (ps, ',') || !parse_number (ps, &y))
    return FALSE;
  while (accept (ps, ','))
    {
      double ignored;

      if (!parse_number (ps, &ignored))
        return FALSE;
    }
  if (!expect (ps, ']'))
    return FALSE;
  vg_shape_set_add_point (into, x, y);
  return TRUE;
}

/* An array of positions as one part; @min_points 2 for lines, 4 for rings (closed). */
static gboolean
parse_positions (Parser     *ps,
                 VgShapeSet *into,
                 gboolean    is_outer,
                 guint       min_points)
{
  guint n = 0;

  if (!expect (ps, '['))
    return FALSE;
  vg_shape_set_begin_part (into, is_outer);
  if (!accept (ps, ']'))
    {
      do
        {
          if (!parse_position (ps, into))
            return FALSE;
          n++;
        }
      while (accept (ps, ','));
      if (!expect (ps, ']'))
        return FALSE;
    }
  if (n < min_points)
    return fail (ps, "%s of %u positions (at least %u needed)", min_points == 4 ? "ring" : "line", n, min_points);
  return TRUE;
}

static gboolean
parse_rings (Parser     *ps,
             VgShapeSet *into)
{
  guint r = 0;

  if (!expect (ps, '['))
    return FALSE;
  if (accept (ps, ']'))
    return TRUE;
  do
    if (!parse_positions (ps, into, r++ == 0, 4))
      return FALSE;
  while (accept (ps, ','));
  return expect (ps, ']');
}

/* The coordinates of a geometry of @type, appended to the shape being built. */
static gboolean
parse_coordinates (Parser     *ps,
                   GeomType    type,
                   VgShapeSet *into)
{
  switch (type)
    {
    case GEOM_POINT:
      vg_shape_set_begin_part (into, TRUE);
      return parse_position (ps, into);

    case GEOM_LINESTRING:
      return parse_positions (ps, into, TRUE, 2);

    case GEOM_POLYGON:
      return parse_rings (ps, into);

    case GEOM_MULTIPOINT:
    case GEOM_MULTILINESTRING:
    case GEOM_MULTIPOLYGON:
      if (!expect (ps, '['))
        return FALSE;
      if (accept (ps, ']'))
        return TRUE;
      do
        {
          gboolean ok;

          if (type == GEOM_MULTIPOINT)
            {
              vg_shape_set_begin_part (into, TRUE);
              ok = parse_position (ps, into);
            }
          else if (type == GEOM_MULTILINESTRING)
            ok = parse_positions (ps, into, TRUE, 2);
          else
            ok = parse_rings (ps, into);
          if (!ok)
            return FALSE;
        }
      while (accept (ps, ','));
      return expect (ps, ']');

    case GEOM_UNKNOWN:
    case GEOM_COLLECTION:
    default:
      return fail (ps, "no coordinates expected here");
    }
}

static VgShapeKind
kind_of (GeomType type)
{
  switch (type)
    {
    case GEOM_POINT:
    case GEOM_MULTIPOINT:
      return VG_SHAPE_POINT;
    case GEOM_LINESTRING:
    case GEOM_MULTILINESTRING:
      return VG_SHAPE_LINE;
    case GEOM_POLYGON:
    case GEOM_MULTIPOLYGON:
      return VG_SHAPE_POLYGON;
    case GEOM_UNKNOWN:
    case GEOM_COLLECTION:
    default:
      return VG_SHAPE_NONE;
    }
}

/* A geometry object, appended to the shape being built (whose kind is set by the first member
 * with coordinates; members of another dimension in a collection are dropped, as
 * vg_geos_context_append_geos does). Members may come in any order: coordinates met before the
 * type are located, skipped, and read once the type is known. @key and @value are scratch. */
static gboolean
parse_geometry (Parser      *ps,
                VgShapeSet  *into,
                VgShapeKind *kind,
                guint        depth,
                GString     *key,
                GString     *value)
{
  const char *coordinates = NULL, *geometries = NULL, *after;
  GeomType type = GEOM_UNKNOWN;
  gboolean has_type = FALSE, done = FALSE;

  if (depth > 8)
    return fail (ps, "geometry collections nested too deep");
  if (!expect (ps, '{'))
    return FALSE;
  if (!accept (ps, '}'))
    {
      do
        {
          if (!parse_string (ps, key) || !expect (ps, ':'))
            return FALSE;
          skip_ws (ps);
          if (g_str_equal (key->str, "type"))
            {
              if (!parse_string (ps, value))
                return FALSE;
              type = geom_type_from_name (value->str);
              if (type == GEOM_UNKNOWN)
                return fail (ps, "unknown geometry type “%s”", value->str);
              has_type = TRUE;
              continue;
            }
          if (g_str_equal (key->str, "coordinates") && has_type && type != GEOM_COLLECTION && !done)
            {
              /* The usual order: read them now, in one pass. */
              if (*kind == VG_SHAPE_NONE)
                {
                  *kind = kind_of (type);
                  vg_shape_set_set_current_kind (into, *kind);
                }
              if (kind_of (type) == *kind)
                {
                  if (!parse_coordinates (ps, type, into))
                    return FALSE;
                  done = TRUE;
                  continue;
                }
            }
          if (g_str_equal (key->str, "coordinates"))
            coordinates = ps->p;
          else if (g_str_equal (key->str, "geometries"))
            geometries = ps->p;
          if (!skip_value (ps, depth + 2))
            return FALSE;
        }
      while (accept (ps, ','));
      if (!expect (ps, '}'))
        return FALSE;
    }
  after = ps->p;
  if (!has_type)
    return fail (ps, "geometry without a type");

  if (type == GEOM_COLLECTION)
    {
      if (geometries == NULL)
        return fail (ps, "GeometryCollection without geometries");
      ps->p = geometries;
      if (!expect (ps, '['))
        return FALSE;
      if (!accept (ps, ']'))
        {
          do
            if (!parse_geometry (ps, into, kind, depth + 1, key, value))
              return FALSE;
          while (accept (ps, ','));
          if (!expect (ps, ']'))
            return FALSE;
        }
      ps->p = after;
      return TRUE;
    }

  if (done)
    return TRUE;
  if (coordinates == NULL)
    return fail (ps, "geometry without coordinates");
  if (*kind == VG_SHAPE_NONE)
    {
      *kind = kind_of (type);
      vg_shape_set_set_current_kind (into, *kind);
    }
  if (kind_of (type) == *kind)
    {
      ps->p = coordinates;
      if (!parse_coordinates (ps, type, into))
        return FALSE;
    }
  ps->p = after;
  return TRUE;
}

/* A property's value as text; NULL for null. */
static char *
parse_property_value (Parser  *ps,
                      GString *scratch,
                      gboolean *ok)
{
  const char *begin;

  *ok = TRUE;
  skip_ws (ps);
  if (ps->p < ps->end && *ps->p == '"')
    {
      if (!(*ok = parse_string (ps, scratch)))
        return NULL;
      return g_strndup (scratch->str, scratch->len);
    }
  if (accept_null (ps))
    return NULL;
  begin = ps->p;
  if (!(*ok = skip_value (ps, 3)))
    return NULL;
  return g_strndup (begin, ps->p - begin);
}

typedef struct
{
  VgLayer            *layer;
  VgShapeSet         *shapes;
  const char * const *columns;
  guint               n_columns;
  char              **values;
  GString            *key;
  GString            *scratch;
} Reading;

static gboolean
parse_properties (Parser  *ps,
                  Reading *rd)
{
  if (accept_null (ps))
    return TRUE;
  if (!expect (ps, '{'))
    return FALSE;
  if (accept (ps, '}'))
    return TRUE;
  do
    {
      int column = -1;

      if (!parse_string (ps, rd->key) || !expect (ps, ':'))
        return FALSE;
      for (guint i = 0; i < rd->n_columns; i++)
        if (g_str_equal (rd->key->str, rd->columns[i]))
          column = i;
      if (column < 0)
        {
          if (!skip_value (ps, 2))
            return FALSE;
        }
      else
        {
          gboolean ok;

          g_free (rd->values[column]);
          rd->values[column] = parse_property_value (ps, rd->scratch, &ok);
          if (!ok)
            return FALSE;
        }
    }
  while (accept (ps, ','));
  return expect (ps, '}');
}

static gboolean
parse_feature_members (Parser      *ps,
                       Reading     *rd,
                       VgShapeKind *kind)
{
  gboolean is_feature = FALSE;

  for (guint i = 0; i < rd->n_columns; i++)
    g_clear_pointer (&rd->values[i], g_free);
  if (!expect (ps, '{'))
    return FALSE;
  if (!accept (ps, '}'))
    {
      do
        {
          if (!parse_string (ps, rd->key) || !expect (ps, ':'))
            return FALSE;
          skip_ws (ps);
          if (g_str_equal (rd->key->str, "type"))
            {
              if (!parse_string (ps, rd->scratch))
                return FALSE;
              is_feature = g_str_equal (rd->scratch->str, "Feature");
              if (!is_feature)
                return fail (ps, "“%s” where a Feature was expected", rd->scratch->str);
            }
          else if (g_str_equal (rd->key->str, "properties"))
            {
              if (!parse_properties (ps, rd))
                return FALSE;
            }
          else if (g_str_equal (rd->key->str, "geometry"))
            {
              if (!accept_null (ps) && !parse_geometry (ps, rd->shapes, kind, 0, rd->key, rd->scratch))
                return FALSE;
            }
          else if (!skip_value (ps, 1))
            return FALSE;
        }
      while (accept (ps, ','));
      if (!expect (ps, '}'))
        return FALSE;
    }
  if (!is_feature)
    return fail (ps, "feature without \"type\": \"Feature\"");
  return TRUE;
}

/* One feature, in one pass, as one shape and one row of values. */
static gboolean
parse_feature (Parser  *ps,
               Reading *rd)
{
  VgShapeKind kind = VG_SHAPE_NONE;

  vg_shape_set_begin_shape (rd->shapes, VG_SHAPE_NONE);
  if (!parse_feature_members (ps, rd, &kind))
    {
      vg_shape_set_abort_shape (rd->shapes);
      return FALSE;
    }
  vg_shape_set_end_shape (rd->shapes);
  vg_layer_append_values (rd->layer, (const char * const *) rd->values);
  return TRUE;
}

/* The CRS a GeoJSON 2008 crs member names, as a PROJ definition. */
static char *
parse_crs (Parser *ps)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GString) value = g_string_new (NULL);
  g_autofree char *type = NULL;
  g_autofree char *name = NULL;
  const char *p;

  if (accept_null (ps))
    return g_strdup ("");
  if (!expect (ps, '{'))
    return NULL;
  if (!accept (ps, '}'))
    {
      do
        {
          if (!parse_string (ps, key) || !expect (ps, ':'))
            return NULL;
          if (g_str_equal (key->str, "type"))
            {
              if (!parse_string (ps, value))
                return NULL;
              type = g_strdup (value->str);
            }
          else if (g_str_equal (key->str, "properties"))
            {
              if (!expect (ps, '{'))
                return NULL;
              if (!accept (ps, '}'))
                {
                  do
                    {
                      if (!parse_string (ps, key) || !expect (ps, ':'))
                        return NULL;
                      skip_ws (ps);
                      if (g_str_equal (key->str, "name") && ps->p < ps->end && *ps->p == '"')
                        {
                          if (!parse_string (ps, value))
                            return NULL;
                          g_free (name);
                          name = g_strdup (value->str);
                        }
                      else if (!skip_value (ps, 3))
                        return NULL;
                    }
                  while (accept (ps, ','));
                  if (!expect (ps, '}'))
                    return NULL;
                }
            }
          else if (!skip_value (ps, 2))
            return NULL;
        }
      while (accept (ps, ','));
      if (!expect (ps, '}'))
        return NULL;
    }

  if (g_strcmp0 (type, "name") != 0 || name == NULL)
    {
      g_set_error (ps->error, VG_GEO_ERROR, VG_GEO_ERROR_CRS,
                   "GeoJSON “%s”: crs member of type “%s” cannot be placed (only named CRSs are read)",
                   ps->path, type ? type : "(none)");
      return NULL;
    }
  /* OGC URNs: urn:ogc:def:crs:EPSG::2154, urn:ogc:def:crs:EPSG:6.6:2154, ...:OGC:1.3:CRS84. */
  if (g_str_has_prefix (name, "urn:ogc:def:crs:"))
    {
      g_auto(GStrv) fields = g_strsplit (name + strlen ("urn:ogc:def:crs:"), ":", -1);
      guint n = g_strv_length (fields);

      if (n >= 2 && g_ascii_strcasecmp (fields[0], "OGC") == 0 && g_str_equal (fields[n - 1], "CRS84"))
        return g_strdup ("EPSG:4326");
      if (n >= 2 && g_ascii_strcasecmp (fields[0], "EPSG") == 0)
        {
          for (p = fields[n - 1]; *p != '\0' && g_ascii_isdigit (*p); p++)
            ;
          if (*fields[n - 1] != '\0' && *p == '\0')
            return g_strdup_printf ("EPSG:%s", fields[n - 1]);
        }
    }
  return g_steal_pointer (&name);
}

VgLayer *
vg_geojson_read_layer (const char         *path,
                       const char * const *columns,
                       GError            **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(VgShapeSet) shapes = vg_shape_set_new ();
  g_autoptr(VgLayer) layer = NULL;
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autofree char *crs = NULL;
  g_autofree char *basename = NULL;
  gboolean collection = FALSE, single = FALSE, has_features = FALSE;
  Parser ps;
  Reading rd;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_OPEN, "Cannot read GeoJSON “%s”: %s",
                   path, local_error->message);
      return NULL;
    }
  basename = g_path_get_basename (path);
  layer = vg_layer_new (basename, "EPSG:4326", shapes, columns);
  memset (&rd, 0, sizeof rd);
  rd.layer = layer;
  rd.shapes = shapes;
  rd.columns = columns;
  rd.n_columns = columns ? g_strv_length ((char **) columns) : 0;
  rd.values = g_new0 (char *, rd.n_columns + 1);
  rd.key = key;
  rd.scratch = scratch;

  ps.start = ps.p = g_mapped_file_get_contents (file);
  /* An empty file maps to NULL: no arithmetic on it (UBSan, found by fuzz-flood-geojson). */
  ps.end = ps.start != NULL ? ps.start + g_mapped_file_get_length (file) : NULL;
  ps.path = path;
  ps.feature = 0;
  ps.error = error;

  /* The top-level object, in one pass: features are read as they come, the CRS applied once
   * everything is read (a GeoJSON 2008 crs member may follow the features). */
  if (ps.start == NULL)
    {
      fail (&ps, "empty file");
      goto out;
    }
  if (!expect (&ps, '{'))
    goto out;
  if (!accept (&ps, '}'))
    {
      do
        {
          if (!parse_string (&ps, key) || !expect (&ps, ':'))
            goto out;
          skip_ws (&ps);
          if (g_str_equal (key->str, "type"))
            {
              if (!parse_string (&ps, scratch))
                goto out;
              collection = g_str_equal (scratch->str, "FeatureCollection");
              single = g_str_equal (scratch->str, "Feature");
              if (!collection && !single)
                {
                  fail (&ps, "a “%s”, not a FeatureCollection or Feature", scratch->str);
                  goto out;
                }
            }
          else if (g_str_equal (key->str, "crs"))
            {
              g_free (crs);
              if ((crs = parse_crs (&ps)) == NULL)
                goto out;
            }
          else if (g_str_equal (key->str, "features"))
            {
              has_features = TRUE;
              if (!expect (&ps, '['))
                goto out;
              if (!accept (&ps, ']'))
                {
                  do
                    {
                      ps.feature++;
                      if (!parse_feature (&ps, &rd))
                        goto out;
                    }
                  while (accept (&ps, ','));
                  if (!expect (&ps, ']'))
                    goto out;
                }
              ps.feature = 0;
            }
          else if (!skip_value (&ps, 1))
            goto out;
        }
      while (accept (&ps, ','));
      if (!expect (&ps, '}'))
        goto out;
    }
  skip_ws (&ps);
  if (ps.p != ps.end)
    {
      fail (&ps, "trailing data after the top-level object");
      goto out;
    }
  if (!collection && !single)
    {
      fail (&ps, "no \"type\" member at the top level");
      goto out;
    }
  if (single)
    {
      /* A lone Feature: its members are the top level's, read again as one feature. */
      ps.p = ps.start;
      ps.feature = 1;
      if (!parse_feature (&ps, &rd))
        goto out;
      ps.feature = 0;
    }
  else if (!has_features)
    {
      fail (&ps, "FeatureCollection without features");
      goto out;
    }

  if (crs != NULL && *crs != '\0' && !g_str_equal (crs, "EPSG:4326"))
    {
      /* Rebuilt with the named CRS: a VgLayer's CRS is fixed at creation. */
      g_autoptr(VgLayer) named = vg_layer_new (basename, crs, shapes, columns);
      g_autofree const char **row = g_new0 (const char *, rd.n_columns + 1);

      for (guint f = 0; f < vg_layer_get_n_features (layer); f++)
        {
          for (guint c = 0; c < rd.n_columns; c++)
            row[c] = vg_layer_get_value (layer, f, c);
          vg_layer_append_values (named, row);
        }
      g_set_object (&layer, named);
    }
  else
    {
      /* RFC 7946: longitude/latitude. Anything outside their range is a file in another CRS
       * without a crs member: say so rather than guess which. */
      for (guint f = 0; f < vg_shape_set_get_n_shapes (shapes); f++)
        {
          const double *b = vg_shape_set_get_bbox (shapes, f);

          if (vg_shape_set_get_kind (shapes, f) != VG_SHAPE_NONE &&
              (b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90))
            {
              g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_CRS,
                           "GeoJSON “%s”, feature %u: coordinates (%.1f, %.1f) are not longitude/latitude "
                           "and the file has no crs member: its CRS cannot be placed",
                           path, f + 1, b[0], b[1]);
              goto out;
            }
        }
    }

  for (guint i = 0; i < rd.n_columns; i++)
    g_free (rd.values[i]);
  g_free (rd.values);
  return g_steal_pointer (&layer);

out:
  for (guint i = 0; i < rd.n_columns; i++)
    g_free (rd.values[i]);
  g_free (rd.values);
  return NULL;
}
