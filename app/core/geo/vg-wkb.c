/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-wkb"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vg-error.h"
#include "vg-wkb.h"

typedef struct
{
  const guint8 *data;
  gsize         len;
  gsize         pos;
  VgShapeSet   *into;
  VgShapeKind   kind;   /* kind of the shape being built, fixed by its first member */
} Reader;

enum {
  WKB_POINT = 1,
  WKB_LINESTRING,
  WKB_POLYGON,
  WKB_MULTIPOINT,
  WKB_MULTILINESTRING,
  WKB_MULTIPOLYGON,
  WKB_GEOMETRYCOLLECTION,
};

G_GNUC_PRINTF (3, 4)
static gboolean
fail (Reader      *r,
      GError     **error,
      const char  *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED,
               "WKB geometry: %s at byte %" G_GSIZE_FORMAT, what, r->pos);
  return FALSE;
}

static gboolean
read_u32 (Reader   *r,
          gboolean  little,
          guint32  *out,
          GError  **error)
{
  guint32 v;

  if (r->len - r->pos < 4)
    return fail (r, error, "truncated (4 more bytes needed)");
  memcpy (&v, r->data + r->pos, 4);
  r->pos += 4;
  *out = little ? GUINT32_FROM_LE (v) : GUINT32_FROM_BE (v);
  return TRUE;
}

static inline double
read_double_unchecked (Reader   *r,
                       gboolean  little)
{
  guint64 v;
  double d;

  memcpy (&v, r->data + r->pos, 8);
  r->pos += 8;
  v = little ? GUINT64_FROM_LE (v) : GUINT64_FROM_BE (v);
  memcpy (&d, &v, 8);
  return d;
}

/* Reads @n points of @dims ordinates, keeping x and y. */
static gboolean
read_points (Reader   *r,
             gboolean  little,
             guint     dims,
             guint32   n,
             GError  **error)
{
  gsize stride = 8 * (gsize) dims;

  if (n > (r->len - r->pos) / stride)
    return fail (r, error, "%u points announced, only room for %" G_GSIZE_FORMAT,
                 n, (r->len - r->pos) / stride);

  for (guint32 i = 0; i < n; i++)
    {
      double x = read_double_unchecked (r, little);
      double y = read_double_unchecked (r, little);

      r->pos += stride - 16;
      if (!isfinite (x) || !isfinite (y))
        {
          /* An empty point is encoded as NaN, NaN; anything else non-finite is an error. */
          if (isnan (x) && isnan (y) && n == 1)
            return TRUE;
          return fail (r, error, "non-finite coordinate in point %u", i);
        }
      vg_shape_set_add_point (r->into, x, y);
    }
  return TRUE;
}

static gboolean
set_kind (Reader      *r,
          VgShapeKind  kind,
          GError     **error)
{
  if (r->kind == VG_SHAPE_NONE)
    {
      r->kind = kind;
      vg_shape_set_set_current_kind (r->into, kind);
      return TRUE;
    }
  if (r->kind != kind)
    return fail (r, error, "collection mixes points, lines and polygons");
  return TRUE;
}

static gboolean read_geometry (Reader *r, guint depth, GError **error);

static gboolean
read_body (Reader   *r,
           gboolean  little,
           guint32   type,
           guint     dims,
           guint     depth,
           GError  **error)
{
  guint32 n = 0;

  switch (type)
    {
    case WKB_POINT:
      if (!set_kind (r, VG_SHAPE_POINT, error))
        return FALSE;
      vg_shape_set_begin_part (r->into, TRUE);
      return read_points (r, little, dims, 1, error);

    case WKB_LINESTRING:
      if (!set_kind (r, VG_SHAPE_LINE, error) || !read_u32 (r, little, &n, error))
        return FALSE;
      vg_shape_set_begin_part (r->into, TRUE);
      return read_points (r, little, dims, n, error);

    case WKB_POLYGON:
      if (!set_kind (r, VG_SHAPE_POLYGON, error) || !read_u32 (r, little, &n, error))
        return FALSE;
      /* Each ring needs at least its 4-byte count. */
      if (n > (r->len - r->pos) / 4)
        return fail (r, error, "%u rings announced", n);
      for (guint32 i = 0; i < n; i++)
        {
          guint32 n_points = 0;

          if (!read_u32 (r, little, &n_points, error))
            return FALSE;
          vg_shape_set_begin_part (r->into, i == 0);
          if (!read_points (r, little, dims, n_points, error))
            return FALSE;
        }
      return TRUE;

    case WKB_MULTIPOINT:
    case WKB_MULTILINESTRING:
    case WKB_MULTIPOLYGON:
    case WKB_GEOMETRYCOLLECTION:
      if (!read_u32 (r, little, &n, error))
        return FALSE;
      /* Each member needs at least a 5-byte header. */
      if (n > (r->len - r->pos) / 5)
        return fail (r, error, "%u members announced", n);
      for (guint32 i = 0; i < n; i++)
        if (!read_geometry (r, depth + 1, error))
          return FALSE;
      return TRUE;

    default:
      return fail (r, error, "unsupported geometry type %u", type);
    }
}

static gboolean
read_geometry (Reader  *r,
               guint    depth,
               GError **error)
{
  guint32 type = 0;
  guint dims = 2;
  gboolean little;

  if (depth > VG_WKB_MAX_DEPTH)
    return fail (r, error, "collections nested deeper than %d", VG_WKB_MAX_DEPTH);
  if (r->pos >= r->len)
    return fail (r, error, "truncated (byte order expected)");
  if (r->data[r->pos] > 1)
    return fail (r, error, "invalid byte order %u", r->data[r->pos]);
  little = r->data[r->pos++] == 1;
  if (!read_u32 (r, little, &type, error))
    return FALSE;

  /* EWKB flags (PostGIS) and ISO thousands (1000 Z, 2000 M, 3000 ZM). */
  if (type & 0x20000000)
    return fail (r, error, "EWKB with an embedded SRID is not supported");
  if (type & 0x80000000)
    dims++;
  if (type & 0x40000000)
    dims++;
  type &= 0x0fffffff;
  if (type >= 1000 && type < 4000)
    {
      dims += (type / 1000 == 3) ? 2 : 1;
      type %= 1000;
    }
  if (dims > 4)
    return fail (r, error, "more than four ordinates");

  return read_body (r, little, type, dims, depth, error);
}

gboolean
vg_wkb_decode (const guint8  *data,
               gsize          len,
               VgShapeSet    *into,
               GError       **error)
{
  Reader r = { data, len, 0, into, VG_SHAPE_NONE };

  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (into != NULL, FALSE);

  vg_shape_set_begin_shape (into, VG_SHAPE_NONE);
  if (!read_geometry (&r, 0, error))
    {
      vg_shape_set_abort_shape (into);
      return FALSE;
    }
  if (r.pos != len)
    {
      fail (&r, error, "%" G_GSIZE_FORMAT " trailing bytes", len - r.pos);
      vg_shape_set_abort_shape (into);
      return FALSE;
    }
  vg_shape_set_end_shape (into);
  return TRUE;
}

gboolean
vg_gpkg_blob_decode (const guint8  *data,
                     gsize          len,
                     VgShapeSet    *into,
                     gint32        *srs_id,
                     GError       **error)
{
  static const guint envelope_bytes[] = { 0, 32, 48, 48, 64 };
  guint8 flags;
  guint envelope;
  guint32 srs;
  gsize header;

  g_return_val_if_fail (into != NULL, FALSE);

  if (data == NULL || len < 8 || data[0] != 'G' || data[1] != 'P')
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED,
                   "GeoPackage geometry: not a GeoPackage blob (no “GP” header)");
      return FALSE;
    }
  if (data[2] != 0)
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED,
                   "GeoPackage geometry: unsupported blob version %u", data[2]);
      return FALSE;
    }
  flags = data[3];
  envelope = (flags >> 1) & 0x7;
  if (envelope >= G_N_ELEMENTS (envelope_bytes) || (flags & 0x20) != 0)
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED,
                   "GeoPackage geometry: unsupported header flags 0x%02x", flags);
      return FALSE;
    }
  header = 8 + envelope_bytes[envelope];
  if (len < header)
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED,
                   "GeoPackage geometry: truncated header (%" G_GSIZE_FORMAT " bytes)", len);
      return FALSE;
    }
  memcpy (&srs, data + 4, 4);
  srs = (flags & 1) ? GUINT32_FROM_LE (srs) : GUINT32_FROM_BE (srs);
  if (srs_id != NULL)
    *srs_id = (gint32) srs;

  if (flags & 0x10)
    {
      /* Empty geometry flag: keep an empty shape so feature indices stay aligned. */
      vg_shape_set_begin_shape (into, VG_SHAPE_NONE);
      vg_shape_set_end_shape (into);
      return TRUE;
    }
  return vg_wkb_decode (data + header, len - header, into, error);
}
