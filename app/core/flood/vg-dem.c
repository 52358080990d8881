/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-dem"

#include "config.h"

#include <math.h>
#include <proj.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vg-dem.h"
#include "vg-error.h"

#define MAX_CELLS (64u * 1024 * 1024)

struct _VgDem
{
  GObject   parent_instance;

  guint     width, height;
  double    x_west, y_north, cell_width, cell_height;
  double    dx_m, dy_m;
  char     *crs;
  float    *z;
  char     *description;
  gboolean  synthetic;
};

G_DEFINE_FINAL_TYPE (VgDem, vg_dem, G_TYPE_OBJECT)

static void
vg_dem_finalize (GObject *object)
{
  VgDem *self = VG_DEM (object);

  g_clear_pointer (&self->crs, g_free);
  g_clear_pointer (&self->z, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (vg_dem_parent_class)->finalize (object);
}

static void
vg_dem_class_init (VgDemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_dem_finalize;
}

static void
vg_dem_init (VgDem *self)
{
}

/* A PROJ context that keeps quiet: a CRS it cannot place becomes our error, not its stderr. */
static PJ_CONTEXT *
quiet_context (void)
{
  PJ_CONTEXT *ctx = proj_context_create ();

  proj_log_level (ctx, PJ_LOG_NONE);
  return ctx;
}

/* Whether PROJ knows @crs as a geographic (degrees) CRS. */
static gboolean
crs_is_geographic (const char *crs)
{
  PJ_CONTEXT *ctx = quiet_context ();
  PJ *pj = proj_create (ctx, crs);
  gboolean geographic = FALSE;

  if (pj != NULL)
    {
      PJ_TYPE type = proj_get_type (pj);

      geographic = type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS;
      proj_destroy (pj);
    }
  proj_context_destroy (ctx);
  return geographic;
}

VgDem *
vg_dem_new (guint       width,
            guint       height,
            double      x_west,
            double      y_north,
            double      cell_width,
            double      cell_height,
            const char *crs,
            float      *elevations,
            const char *description,
            gboolean    synthetic)
{
  VgDem *self;

  g_return_val_if_fail (width > 0 && height > 0, NULL);
  g_return_val_if_fail (cell_width > 0 && cell_height > 0, NULL);
  g_return_val_if_fail (crs != NULL && elevations != NULL, NULL);

  self = g_object_new (VG_TYPE_DEM, NULL);
  self->width = width;
  self->height = height;
  self->x_west = x_west;
  self->y_north = y_north;
  self->cell_width = cell_width;
  self->cell_height = cell_height;
  self->crs = g_strdup (crs);
  self->z = elevations;
  self->description = g_strdup (description ? description : "");
  self->synthetic = synthetic;
  if (crs_is_geographic (crs))
    {
      /* Metres per degree on GRS80 at the grid's mid-latitude: ample for slope directions. */
      double lat = (y_north - height * cell_height / 2) * G_PI / 180;

      self->dx_m = cell_width * 111320.0 * cos (lat);
      self->dy_m = cell_height * 110574.0;
    }
  else
    {
      self->dx_m = cell_width;
      self->dy_m = cell_height;
    }
  return self;
}

static gboolean
malformed (GError    **error,
           const char *path,
           guint       line,
           const char *what)
{
  g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED, "DEM “%s”, line %u: %s", path, line, what);
  return FALSE;
}

static VgDem *
load_asc (const char  *path,
          const char  *crs,
          GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *prj = NULL;
  g_autofree char *crs_text = NULL;
  g_autofree float *z = NULL;
  const char *p, *end;
  double ncols = -1, nrows = -1, xll = NAN, yll = NAN, cellsize = -1, nodata = NAN;
  gboolean centre_x = FALSE, centre_y = FALSE, synthetic = FALSE;
  guint line = 1;
  gsize n_cells;

  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_OPEN, "Cannot read DEM “%s”: %s", path, local_error->message);
      return NULL;
    }
  p = g_mapped_file_get_contents (file);
  end = p + g_mapped_file_get_length (file);
  if (p == NULL)
    {
      malformed (error, path, 1, "empty file");
      return NULL;
    }

  /* Comment lines (Vigie's extension), then "key value" header lines until the first number. */
  for (;;)
    {
      const char *eol = memchr (p, '\n', end - p);
      g_autofree char *text = g_strstrip (g_strndup (p, (eol ? eol : end) - p));

      if (text[0] == '#')
        {
          char *comment = g_strstrip (text + 1);

          if (g_ascii_strncasecmp (comment, "synthetic:", 10) == 0)
            synthetic = g_ascii_strcasecmp (g_strstrip (comment + 10), "true") == 0;
          else if (*comment != '\0')
            {
              if (description->len > 0)
                g_string_append_c (description, ' ');
              g_string_append (description, comment);
            }
        }
      else if (text[0] != '\0' && (g_ascii_isalpha (text[0]) || text[0] == '_'))
        {
          static const char * const keys[] = { "ncols", "nrows", "xllcorner", "xllcenter", "yllcorner",
                                               "yllcenter", "cellsize", "nodata_value" };
          g_auto(GStrv) kv = g_strsplit_set (text, " \t", 2);
          char *endp = NULL;
          gboolean known = FALSE;
          double v;

          for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
            known |= g_ascii_strcasecmp (kv[0], keys[k]) == 0;
          if (!known)
            {
              g_autofree char *what = g_strdup_printf ("unknown header key “%s”", kv[0]);

              malformed (error, path, line, what);
              return NULL;
            }
          if (kv[1] == NULL)
            {
              malformed (error, path, line, "header line without a value");
              return NULL;
            }
          v = g_ascii_strtod (g_strstrip (kv[1]), &endp);
          if (endp == kv[1] || *endp != '\0' || !isfinite (v))
            {
              malformed (error, path, line, "header value is not a number");
              return NULL;
            }
          if (g_ascii_strcasecmp (kv[0], "ncols") == 0)
            ncols = v;
          else if (g_ascii_strcasecmp (kv[0], "nrows") == 0)
            nrows = v;
          else if (g_ascii_strcasecmp (kv[0], "xllcorner") == 0 || g_ascii_strcasecmp (kv[0], "xllcenter") == 0)
            {
              xll = v;
              centre_x = g_ascii_strcasecmp (kv[0], "xllcenter") == 0;
            }
          else if (g_ascii_strcasecmp (kv[0], "yllcorner") == 0 || g_ascii_strcasecmp (kv[0], "yllcenter") == 0)
            {
              yll = v;
              centre_y = g_ascii_strcasecmp (kv[0], "yllcenter") == 0;
            }
          else if (g_ascii_strcasecmp (kv[0], "cellsize") == 0)
            cellsize = v;
          else
            nodata = v;
        }
      else if (text[0] != '\0')
        break;
      if (eol == NULL)
        {
          p = end;
          break;
        }
      p = eol + 1;
      line++;
    }

  if (ncols < 1 || nrows < 1 || ncols != floor (ncols) || nrows != floor (nrows) ||
      !isfinite (xll) || !isfinite (yll) || !(cellsize > 0))
    {
      malformed (error, path, line, "incomplete header (ncols, nrows, xllcorner, yllcorner, cellsize)");
      return NULL;
    }
  if (ncols * nrows > MAX_CELLS)
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_TOO_LARGE, "DEM “%s”: %.0f × %.0f cells, over Vigie's limit of %u",
                   path, ncols, nrows, MAX_CELLS);
      return NULL;
    }

  if (crs != NULL)
    crs_text = g_strdup (crs);
  else
    {
      g_autofree char *stem = g_str_has_suffix (path, ".asc") ? g_strndup (path, strlen (path) - 4) : g_strdup (path);

      prj = g_strconcat (stem, ".prj", NULL);
      if (!g_file_get_contents (prj, &crs_text, NULL, NULL))
        {
          g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_CRS,
                       "DEM “%s”: an ASCII grid carries no CRS and there is no “%s”: name the CRS (e.g. EPSG:2154)",
                       path, prj);
          return NULL;
        }
      g_strstrip (crs_text);
    }
  {
    PJ_CONTEXT *ctx = quiet_context ();
    PJ *pj = proj_create (ctx, crs_text);
    PJ *l93 = proj_create (ctx, "EPSG:2154");
    gboolean ok = pj != NULL && proj_get_type (pj) != PJ_TYPE_UNKNOWN;

    /* A .prj spelling Lambert-93 out (as ESRI writes it) is Lambert-93: said so, transformations
     * are skipped. */
    if (ok && l93 != NULL && proj_is_equivalent_to (pj, l93, PJ_COMP_EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS))
      {
        g_free (crs_text);
        crs_text = g_strdup ("EPSG:2154");
      }
    if (pj != NULL)
      proj_destroy (pj);
    if (l93 != NULL)
      proj_destroy (l93);
    proj_context_destroy (ctx);
    if (!ok)
      {
        g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_CRS, "DEM “%s”: CRS “%.60s” cannot be placed", path, crs_text);
        return NULL;
      }
  }

  n_cells = (gsize) ncols * (gsize) nrows;
  z = g_new (float, n_cells);
  for (gsize i = 0; i < n_cells; i++)
    {
      char buf[48];
      const char *start;
      char *endp;
      double v;
      gsize len;

      while (p < end && g_ascii_isspace (*p))
        {
          if (*p == '\n')
            line++;
          p++;
        }
      start = p;
      while (p < end && !g_ascii_isspace (*p))
        p++;
      len = p - start;
      if (len == 0)
        {
          g_autofree char *what = g_strdup_printf ("%" G_GSIZE_FORMAT " values for %" G_GSIZE_FORMAT " cells", i, n_cells);

          malformed (error, path, line, what);
          return NULL;
        }
      if (len >= sizeof buf)
        {
          malformed (error, path, line, "value too long");
          return NULL;
        }
      memcpy (buf, start, len);
      buf[len] = '\0';
      v = g_ascii_strtod (buf, &endp);
      if (*endp != '\0' || !isfinite (v))
        {
          g_autofree char *what = g_strdup_printf ("“%s” is not an elevation", buf);

          malformed (error, path, line, what);
          return NULL;
        }
      z[i] = (isfinite (nodata) && v == nodata) ? NAN : (float) v;
    }
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p != end)
    {
      malformed (error, path, line, "more values than ncols × nrows");
      return NULL;
    }

  if (description->len == 0)
    {
      g_autofree char *base = g_path_get_basename (path);

      g_string_append_printf (description, "ESRI ASCII grid %s", base);
    }
  {
    double x_west = centre_x ? xll - cellsize / 2 : xll;
    double y_south = centre_y ? yll - cellsize / 2 : yll;

    return vg_dem_new ((guint) ncols, (guint) nrows, x_west, y_south + nrows * cellsize, cellsize, cellsize,
                       crs_text, g_steal_pointer (&z), description->str, synthetic);
  }
}

static VgDem *
load_hgt (const char  *path,
          const char  *crs,
          GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *description = NULL;
  const guint8 *data;
  gsize len;
  guint n, lat, lon;
  char ns, ew;
  float *z;
  int lat0, lon0;

  if (crs != NULL && !g_str_equal (crs, "EPSG:4326"))
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_CRS, "DEM “%s”: SRTM tiles are WGS84 (EPSG:4326), not %s", path, crs);
      return NULL;
    }
  if (sscanf (base, "%c%2u%c%3u", &ns, &lat, &ew, &lon) != 4 ||
      (g_ascii_toupper (ns) != 'N' && g_ascii_toupper (ns) != 'S') ||
      (g_ascii_toupper (ew) != 'E' && g_ascii_toupper (ew) != 'W'))
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED,
                   "DEM “%s”: an SRTM tile is named after its south-west corner, like N43E003.hgt", path);
      return NULL;
    }
  lat0 = g_ascii_toupper (ns) == 'S' ? -(int) lat : (int) lat;
  lon0 = g_ascii_toupper (ew) == 'W' ? -(int) lon : (int) lon;

  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_OPEN, "Cannot read DEM “%s”: %s", path, local_error->message);
      return NULL;
    }
  data = (const guint8 *) g_mapped_file_get_contents (file);
  len = g_mapped_file_get_length (file);
  if (len == 3601u * 3601u * 2)
    n = 3601;
  else if (len == 1201u * 1201u * 2)
    n = 1201;
  else
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED,
                   "DEM “%s”: %" G_GSIZE_FORMAT " bytes, not an SRTM 1\" (3601²×2) or 3\" (1201²×2) tile", path, len);
      return NULL;
    }
  z = g_new (float, (gsize) n * n);
  for (gsize i = 0; i < (gsize) n * n; i++)
    {
      gint16 v = (gint16) ((data[2 * i] << 8) | data[2 * i + 1]);

      z[i] = v == -32768 ? NAN : (float) v;
    }
  description = g_strdup_printf ("SRTM tile %s (NASA, public domain)", base);
  /* Samples sit on whole-degree lines (pixel-is-point): cells are centred on them. */
  return vg_dem_new (n, n, lon0 - 0.5 / (n - 1), lat0 + 1 + 0.5 / (n - 1), 1.0 / (n - 1), 1.0 / (n - 1),
                     "EPSG:4326", z, description, FALSE);
}

VgDem *
vg_dem_load (const char  *path,
             const char  *crs,
             GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (g_str_has_suffix (path, ".hgt") || g_str_has_suffix (path, ".HGT"))
    return load_hgt (path, crs, error);
  if (g_str_has_suffix (path, ".asc") || g_str_has_suffix (path, ".ASC"))
    return load_asc (path, crs, error);
  g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED,
               "DEM “%s”: unknown format (ESRI ASCII grid .asc or SRTM .hgt)", path);
  return NULL;
}

guint
vg_dem_get_width (VgDem *self)
{
  g_return_val_if_fail (VG_IS_DEM (self), 0);

  return self->width;
}

guint
vg_dem_get_height (VgDem *self)
{
  g_return_val_if_fail (VG_IS_DEM (self), 0);

  return self->height;
}

const float *
vg_dem_get_elevations (VgDem *self)
{
  g_return_val_if_fail (VG_IS_DEM (self), NULL);

  return self->z;
}

void
vg_dem_get_transform (VgDem  *self,
                      double *x_west,
                      double *y_north,
                      double *cell_width,
                      double *cell_height)
{
  g_return_if_fail (VG_IS_DEM (self));

  if (x_west != NULL)
    *x_west = self->x_west;
  if (y_north != NULL)
    *y_north = self->y_north;
  if (cell_width != NULL)
    *cell_width = self->cell_width;
  if (cell_height != NULL)
    *cell_height = self->cell_height;
}

void
vg_dem_get_cell_metres (VgDem  *self,
                        double *dx,
                        double *dy)
{
  g_return_if_fail (VG_IS_DEM (self));

  if (dx != NULL)
    *dx = self->dx_m;
  if (dy != NULL)
    *dy = self->dy_m;
}

const char *
vg_dem_get_crs (VgDem *self)
{
  g_return_val_if_fail (VG_IS_DEM (self), NULL);

  return self->crs;
}

const char *
vg_dem_get_description (VgDem *self)
{
  g_return_val_if_fail (VG_IS_DEM (self), NULL);

  return self->description;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Marks every cell segment (x1, y1)–(x2, y2) passes through, column by column. */
static void
rasterize_segment (VgDem  *self,
                   double  x1,
                   double  y1,
                   double  x2,
                   double  y2,
                   guint8 *mask,
                   guint8  value)
{
  double u1 = (x1 - self->x_west) / self->cell_width, v1 = (self->y_north - y1) / self->cell_height;
  double u2 = (x2 - self->x_west) / self->cell_width, v2 = (self->y_north - y2) / self->cell_height;
  double umin = MIN (u1, u2), umax = MAX (u1, u2);
  int i0 = MAX ((int) floor (umin), 0), i1 = MIN ((int) floor (umax), (int) self->width - 1);

  for (int i = i0; i <= i1; i++)
    {
      double va = v1, vb = v2;
      int r0, r1;

      if (u1 != u2)
        {
          double ua = MAX (umin, i), ub = MIN (umax, i + 1);

          va = v1 + (ua - u1) * (v2 - v1) / (u2 - u1);
          vb = v1 + (ub - u1) * (v2 - v1) / (u2 - u1);
        }
      r0 = MAX ((int) floor (MIN (va, vb)), 0);
      r1 = MIN ((int) floor (MAX (va, vb)), (int) self->height - 1);
      for (int r = r0; r <= r1; r++)
        mask[(gsize) r * self->width + i] = value;
    }
}

void
vg_dem_rasterize (VgDem      *self,
                  VgShapeSet *shapes,
                  guint       index,
                  gboolean    all_touched,
                  guint8     *mask,
                  guint8      value)
{
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  const double *bbox;
  int r0, r1;

  g_return_if_fail (VG_IS_DEM (self));
  g_return_if_fail (shapes != NULL && mask != NULL);

  if (vg_shape_set_get_kind (shapes, index) != VG_SHAPE_POLYGON)
    return;
  bbox = vg_shape_set_get_bbox (shapes, index);
  r0 = MAX ((int) floor ((self->y_north - bbox[3]) / self->cell_height - 0.5), 0);
  r1 = MIN ((int) ceil ((self->y_north - bbox[1]) / self->cell_height - 0.5), (int) self->height - 1);
  /* Scanlines through the cell centres, crossings counted with the half-open rule. */
  for (int r = r0; r <= r1; r++)
    {
      double y = self->y_north - (r + 0.5) * self->cell_height;

      g_array_set_size (xs, 0);
      for (guint p = 0; p < vg_shape_set_get_n_parts (shapes, index); p++)
        {
          guint n;
          const double *xy = vg_shape_set_get_part (shapes, index, p, &n, NULL);

          for (guint a = 0, b = n - 1; a < n; b = a++)
            if ((xy[2 * a + 1] > y) != (xy[2 * b + 1] > y))
              {
                double x = xy[2 * b] + (y - xy[2 * b + 1]) * (xy[2 * a] - xy[2 * b]) / (xy[2 * a + 1] - xy[2 * b + 1]);

                g_array_append_val (xs, x);
              }
        }
      /* qsort() of an empty array would get NULL (UBSan: nonnull argument). */
      if (xs->len > 1)
        qsort (xs->data, xs->len, sizeof (double), compare_doubles);
      for (guint k = 0; k + 1 < xs->len; k += 2)
        {
          double xa = g_array_index (xs, double, k), xb = g_array_index (xs, double, k + 1);
          int i0 = MAX ((int) ceil ((xa - self->x_west) / self->cell_width - 0.5), 0);
          int i1 = MIN ((int) ceil ((xb - self->x_west) / self->cell_width - 0.5) - 1, (int) self->width - 1);

          for (int i = i0; i <= i1; i++)
            mask[(gsize) r * self->width + i] = value;
        }
    }

  for (guint p = 0; all_touched && p < vg_shape_set_get_n_parts (shapes, index); p++)
    {
      guint n;
      const double *xy = vg_shape_set_get_part (shapes, index, p, &n, NULL);

      for (guint a = 0; a + 1 < n; a++)
        rasterize_segment (self, xy[2 * a], xy[2 * a + 1], xy[2 * a + 2], xy[2 * a + 3], mask, value);
    }
}

gboolean
vg_dem_is_synthetic (VgDem *self)
{
  g_return_val_if_fail (VG_IS_DEM (self), FALSE);

  return self->synthetic;
}
