/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-flood-library"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vg-error.h"
#include "vg-flood-library.h"
#include "vg-geos-context.h"
#include "vg-shape-gpkg-writer.h"
#include "vg-vector-file.h"

struct _VgFloodLibrary
{
  GObject    parent_instance;

  char      *name;
  char      *version;
  GPtrArray *envelopes;   /* VgFloodEnvelope, by gauge then stage */
  GPtrArray *warnings;    /* char * */
};

G_DEFINE_FINAL_TYPE (VgFloodLibrary, vg_flood_library, G_TYPE_OBJECT)

static void
vg_flood_library_finalize (GObject *object)
{
  VgFloodLibrary *self = VG_FLOOD_LIBRARY (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->envelopes, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (vg_flood_library_parent_class)->finalize (object);
}

static void
vg_flood_library_class_init (VgFloodLibraryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_flood_library_finalize;
}

static void
vg_flood_library_init (VgFloodLibrary *self)
{
  self->envelopes = g_ptr_array_new_with_free_func (g_object_unref);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
}

VgFloodLibrary *
vg_flood_library_new (const char *name,
                      const char *version)
{
  VgFloodLibrary *self;

  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (VG_TYPE_FLOOD_LIBRARY, NULL);
  self->name = g_strdup (name);
  self->version = g_strdup (version ? version : "");
  return self;
}

static int
compare_envelopes (VgFloodEnvelope *a,
                   VgFloodEnvelope *b)
{
  int c = g_strcmp0 (vg_flood_envelope_get_gauge (a), vg_flood_envelope_get_gauge (b));
  double sa = vg_flood_envelope_get_stage (a), sb = vg_flood_envelope_get_stage (b);

  if (c != 0)
    return c;
  return (sa > sb) - (sa < sb);
}

void
vg_flood_library_add (VgFloodLibrary  *self,
                      VgFloodEnvelope *envelope)
{
  guint pos;

  g_return_if_fail (VG_IS_FLOOD_LIBRARY (self));
  g_return_if_fail (VG_IS_FLOOD_ENVELOPE (envelope));

  for (pos = self->envelopes->len; pos > 0; pos--)
    if (compare_envelopes (g_ptr_array_index (self->envelopes, pos - 1), envelope) <= 0)
      break;
  g_ptr_array_insert (self->envelopes, pos, g_object_ref (envelope));
}

const char *
vg_flood_library_get_name (VgFloodLibrary *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_LIBRARY (self), NULL);

  return self->name;
}

const char *
vg_flood_library_get_version (VgFloodLibrary *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_LIBRARY (self), NULL);

  return self->version;
}

guint
vg_flood_library_get_n_envelopes (VgFloodLibrary *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_LIBRARY (self), 0);

  return self->envelopes->len;
}

VgFloodEnvelope *
vg_flood_library_get_envelope (VgFloodLibrary *self,
                               guint           index)
{
  g_return_val_if_fail (VG_IS_FLOOD_LIBRARY (self), NULL);
  g_return_val_if_fail (index < self->envelopes->len, NULL);

  return g_ptr_array_index (self->envelopes, index);
}

int
vg_flood_library_find (VgFloodLibrary *self,
                       const char     *id)
{
  g_return_val_if_fail (VG_IS_FLOOD_LIBRARY (self), -1);
  g_return_val_if_fail (id != NULL, -1);

  for (guint i = 0; i < self->envelopes->len; i++)
    if (g_str_equal (vg_flood_envelope_get_id (g_ptr_array_index (self->envelopes, i)), id))
      return i;
  return -1;
}

GStrv
vg_flood_library_dup_gauges (VgFloodLibrary *self)
{
  g_autoptr(GStrvBuilder) gauges = g_strv_builder_new ();
  const char *last = NULL;

  g_return_val_if_fail (VG_IS_FLOOD_LIBRARY (self), NULL);

  for (guint i = 0; i < self->envelopes->len; i++)
    {
      const char *gauge = vg_flood_envelope_get_gauge (g_ptr_array_index (self->envelopes, i));

      if (g_strcmp0 (gauge, last) != 0)
        g_strv_builder_add (gauges, gauge);
      last = gauge;
    }
  return g_strv_builder_end (gauges);
}

gboolean
vg_flood_library_get_gauge_range (VgFloodLibrary *self,
                                  const char     *gauge,
                                  guint          *first,
                                  guint          *n)
{
  guint start = 0, count = 0;

  g_return_val_if_fail (VG_IS_FLOOD_LIBRARY (self), FALSE);
  g_return_val_if_fail (gauge != NULL, FALSE);

  for (guint i = 0; i < self->envelopes->len; i++)
    if (g_str_equal (vg_flood_envelope_get_gauge (g_ptr_array_index (self->envelopes, i)), gauge))
      {
        if (count++ == 0)
          start = i;
      }
  if (first != NULL)
    *first = start;
  if (n != NULL)
    *n = count;
  return count > 0;
}

gboolean
vg_flood_library_bracket (VgFloodLibrary *self,
                          const char     *gauge,
                          double          stage_m,
                          int            *below,
                          int            *above)
{
  guint first, n;
  int lo = -1, hi = -1;

  g_return_val_if_fail (VG_IS_FLOOD_LIBRARY (self), FALSE);

  if (!vg_flood_library_get_gauge_range (self, gauge, &first, &n))
    return FALSE;
  for (guint i = first; i < first + n; i++)
    {
      double s = vg_flood_envelope_get_stage (g_ptr_array_index (self->envelopes, i));

      if (s <= stage_m)
        lo = i;
      if (s >= stage_m && hi < 0)
        hi = i;
    }
  if (below != NULL)
    *below = lo;
  if (above != NULL)
    *above = hi;
  return TRUE;
}

GPtrArray *
vg_flood_library_get_warnings (VgFloodLibrary *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_LIBRARY (self), NULL);

  return self->warnings;
}

void
vg_flood_library_add_warning (VgFloodLibrary *self,
                              const char     *warning)
{
  g_return_if_fail (VG_IS_FLOOD_LIBRARY (self));
  g_return_if_fail (warning != NULL);

  g_ptr_array_add (self->warnings, g_strdup (warning));
}

/* Copies shape @index of @from as a new shape of @into. */
static void
copy_shape (VgShapeSet *from,
            guint       index,
            VgShapeSet *into)
{
  vg_shape_set_begin_shape (into, vg_shape_set_get_kind (from, index));
  for (guint p = 0; p < vg_shape_set_get_n_parts (from, index); p++)
    {
      guint n;
      gboolean outer;
      const double *xy = vg_shape_set_get_part (from, index, p, &n, &outer);

      vg_shape_set_begin_part (into, outer);
      for (guint i = 0; i < n; i++)
        vg_shape_set_add_point (into, xy[2 * i], xy[2 * i + 1]);
    }
  vg_shape_set_end_shape (into);
}

/* Appends to @into the union of shapes @features (guint) of @from: a copy for one, a GEOS
 * union for several, an empty shape for none. */
static gboolean
append_union (VgGeosContext *geos,
              VgShapeSet    *from,
              GArray        *features,
              VgShapeSet    *into,
              GError       **error)
{
  GEOSContextHandle_t h = vg_geos_context_get_handle (geos);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  GEOSGeometry *collection, *merged;

  if (features->len == 0)
    {
      vg_shape_set_begin_shape (into, VG_SHAPE_NONE);
      vg_shape_set_end_shape (into);
      return TRUE;
    }
  if (features->len == 1)
    {
      copy_shape (from, g_array_index (features, guint, 0), into);
      return TRUE;
    }
  for (guint i = 0; i < features->len; i++)
    {
      GEOSGeometry *g = vg_geos_context_shape_to_geos (geos, from, g_array_index (features, guint, i), error);

      if (g == NULL)
        {
          for (guint j = 0; j < parts->len; j++)
            GEOSGeom_destroy_r (h, g_ptr_array_index (parts, j));
          return FALSE;
        }
      g_ptr_array_add (parts, g);
    }
  collection = GEOSGeom_createCollection_r (h, GEOS_GEOMETRYCOLLECTION, (GEOSGeometry **) parts->pdata, parts->len);
  merged = collection ? GEOSUnaryUnion_r (h, collection) : NULL;
  if (collection != NULL)
    GEOSGeom_destroy_r (h, collection);
  if (merged == NULL)
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_INVALID, "union of %u polygons failed in GEOS", features->len);
      return FALSE;
    }
  vg_geos_context_append_geos (geos, merged, into);
  GEOSGeom_destroy_r (h, merged);
  return TRUE;
}

typedef struct
{
  char        *gauge;
  double       stage;
  VgFloodKind  kind;
  char        *source;
  char        *statement;
  GArray      *extent;                        /* feature indices */
  GArray      *classes[VG_N_DEPTH_CLASSES];
} Group;

static void
group_free (gpointer data)
{
  Group *g = data;

  g_free (g->gauge);
  g_free (g->source);
  g_free (g->statement);
  g_array_unref (g->extent);
  for (guint c = 0; c < VG_N_DEPTH_CLASSES; c++)
    g_array_unref (g->classes[c]);
  g_free (g);
}

static char *
file_version (const char *path)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  if (file != NULL && g_mapped_file_get_length (file) > 0)
    g_checksum_update (sum, (const guchar *) g_mapped_file_get_contents (file), g_mapped_file_get_length (file));
  return g_strdup_printf ("sha256:%.16s", g_checksum_get_string (sum));
}

/* Warns when an envelope is not inside the next one up at the same gauge: what-if lookups
 * rely on nesting ("the lowest stage reaching an asset"). */
static void
check_nesting (VgFloodLibrary *self,
               VgGeosContext  *geos)
{
  GEOSContextHandle_t h = vg_geos_context_get_handle (geos);

  for (guint i = 0; i + 1 < self->envelopes->len; i++)
    {
      VgFloodEnvelope *lo = g_ptr_array_index (self->envelopes, i);
      VgFloodEnvelope *hi = g_ptr_array_index (self->envelopes, i + 1);
      GEOSGeometry *a, *b, *diff;
      double outside = 0;

      if (!g_str_equal (vg_flood_envelope_get_gauge (lo), vg_flood_envelope_get_gauge (hi)))
        continue;
      a = vg_geos_context_shape_to_geos (geos, vg_flood_envelope_get_extent (lo), 0, NULL);
      b = vg_geos_context_shape_to_geos (geos, vg_flood_envelope_get_extent (hi), 0, NULL);
      diff = a && b ? GEOSDifference_r (h, a, b) : NULL;
      if (diff != NULL)
        GEOSArea_r (h, diff, &outside);
      if (outside > 1e-6 * vg_flood_envelope_get_area (lo) + 0.01)
        {
          g_autofree char *w = g_strdup_printf ("envelope %s is not inside %s: %.0f m² of it lies outside",
                                                vg_flood_envelope_get_id (lo), vg_flood_envelope_get_id (hi), outside);
          g_ptr_array_add (self->warnings, g_steal_pointer (&w));
        }
      if (diff != NULL)
        GEOSGeom_destroy_r (h, diff);
      if (a != NULL)
        GEOSGeom_destroy_r (h, a);
      if (b != NULL)
        GEOSGeom_destroy_r (h, b);
    }
}

static const char * const columns[] = { "gauge", "stage_m", "depth_class", "kind", "source", "statement", NULL };
enum { COL_GAUGE, COL_STAGE, COL_DEPTH, COL_KIND, COL_SOURCE, COL_STATEMENT, N_COLS };

VgFloodLibrary *
vg_flood_library_load (const char  *path,
                       int          default_kind,
                       GError     **error)
{
  g_autoptr(VgLayer) layer = NULL;
  g_autoptr(VgGeosContext) geos = vg_geos_context_new ();
  g_autoptr(GPtrArray) repaired = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(VgShapeSet) shapes = NULL;
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, group_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(VgFloodLibrary) self = NULL;
  g_autofree char *name = NULL;
  g_autofree char *version = NULL;
  g_autofree char *default_source = NULL;
  int col[N_COLS];
  guint n;

  g_return_val_if_fail (path != NULL, NULL);

  layer = vg_vector_file_read (path, NULL, columns, error);
  if (layer == NULL)
    return NULL;
  for (guint c = 0; c < N_COLS; c++)
    col[c] = vg_layer_find_column (layer, columns[c]);
  for (guint c = COL_GAUGE; c <= COL_STAGE; c++)
    if (col[c] < 0)
      {
        g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_NOT_FOUND,
                     "Envelope library “%s”: no “%s” attribute (gauge and stage_m are required)", path, columns[c]);
        return NULL;
      }

  name = g_path_get_basename (path);
  version = file_version (path);
  default_source = g_strdup_printf ("file %s (%s)", name, version);
  self = vg_flood_library_new (name, version);
  n = vg_layer_get_n_features (layer);

  /* Every polygon valid before it is used, and each repair said. */
  shapes = vg_geos_context_repair_polygons (geos, vg_layer_get_shapes (layer), repaired, error);
  if (shapes == NULL)
    {
      g_prefix_error (error, "Envelope library “%s”: ", path);
      return NULL;
    }
  for (guint i = 0; i < repaired->len; i++)
    {
      const char *line = g_ptr_array_index (repaired, i);
      guint feature = (guint) g_ascii_strtoull (line + strlen ("feature "), NULL, 10);
      g_autofree char *w = g_strdup_printf ("Envelope library “%s”, %s (gauge %s, stage %s m): repaired with GEOS MakeValid",
                                            path, line,
                                            feature >= 1 && feature <= n ? vg_layer_get_value (layer, feature - 1, col[COL_GAUGE]) : "?",
                                            feature >= 1 && feature <= n ? vg_layer_get_value (layer, feature - 1, col[COL_STAGE]) : "?");

      g_ptr_array_add (self->warnings, g_steal_pointer (&w));
    }

  for (guint f = 0; f < n; f++)
    {
      const char *gauge = vg_layer_get_value (layer, f, col[COL_GAUGE]);
      const char *stage_text = vg_layer_get_value (layer, f, col[COL_STAGE]);
      const char *depth = col[COL_DEPTH] >= 0 ? vg_layer_get_value (layer, f, col[COL_DEPTH]) : NULL;
      const char *kind_text = col[COL_KIND] >= 0 ? vg_layer_get_value (layer, f, col[COL_KIND]) : NULL;
      g_autofree char *key = NULL;
      char *end = NULL;
      double stage;
      VgFloodKind kind;
      VgFloodDepthClass depth_class = 0;
      Group *g;

      if (gauge == NULL || *gauge == '\0')
        {
          g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED,
                       "Envelope library “%s”, feature %u: no gauge", path, f + 1);
          return NULL;
        }
      stage = stage_text ? g_ascii_strtod (stage_text, &end) : NAN;
      if (stage_text == NULL || end == stage_text || *end != '\0' || !isfinite (stage) || stage < -10 || stage > 100)
        {
          g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED,
                       "Envelope library “%s”, feature %u (gauge %s): stage_m “%s” is not a stage in metres",
                       path, f + 1, gauge, stage_text ? stage_text : "(none)");
          return NULL;
        }
      if (depth != NULL && *depth != '\0' && !vg_flood_depth_class_from_id (depth, &depth_class))
        {
          g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED,
                       "Envelope library “%s”, feature %u (gauge %s, %s m): unknown depth class “%s”",
                       path, f + 1, gauge, stage_text, depth);
          return NULL;
        }
      if (kind_text != NULL && *kind_text != '\0')
        {
          if (!vg_flood_kind_from_id (kind_text, &kind))
            {
              g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED,
                           "Envelope library “%s”, feature %u (gauge %s, %s m): unknown kind “%s” "
                           "(official, indicative-hand, synthetic)", path, f + 1, gauge, stage_text, kind_text);
              return NULL;
            }
        }
      else if (default_kind >= 0 && default_kind < VG_N_FLOOD_KINDS)
        kind = default_kind;
      else
        {
          g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED,
                       "Envelope library “%s”, feature %u (gauge %s, %s m): no kind — say whether the library "
                       "is official, indicative-hand or synthetic", path, f + 1, gauge, stage_text);
          return NULL;
        }
      if (vg_shape_set_get_kind (shapes, f) != VG_SHAPE_POLYGON)
        {
          g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED,
                       "Envelope library “%s”, feature %u (gauge %s, %s m): not a polygon", path, f + 1, gauge, stage_text);
          return NULL;
        }

      key = g_strdup_printf ("%s\n%.4f", gauge, stage);
      g = g_hash_table_lookup (groups, key);
      if (g == NULL)
        {
          g = g_new0 (Group, 1);
          g->gauge = g_strdup (gauge);
          g->stage = stage;
          g->kind = kind;
          g->extent = g_array_new (FALSE, FALSE, sizeof (guint));
          for (guint c = 0; c < VG_N_DEPTH_CLASSES; c++)
            g->classes[c] = g_array_new (FALSE, FALSE, sizeof (guint));
          g_ptr_array_add (order, g);
          g_hash_table_insert (groups, g_steal_pointer (&key), g);
        }
      else if (g->kind != kind)
        {
          g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED,
                       "Envelope library “%s”, feature %u (gauge %s, %s m): kind “%s” differs from the envelope's other features",
                       path, f + 1, gauge, stage_text, vg_flood_kind_to_id (kind));
          return NULL;
        }
      if (g->source == NULL && col[COL_SOURCE] >= 0 && vg_layer_get_value (layer, f, col[COL_SOURCE]) != NULL)
        g->source = g_strdup (vg_layer_get_value (layer, f, col[COL_SOURCE]));
      if (g->statement == NULL && col[COL_STATEMENT] >= 0 && vg_layer_get_value (layer, f, col[COL_STATEMENT]) != NULL)
        g->statement = g_strdup (vg_layer_get_value (layer, f, col[COL_STATEMENT]));
      if (depth != NULL && *depth != '\0')
        g_array_append_val (g->classes[depth_class], f);
      else
        g_array_append_val (g->extent, f);
    }

  for (guint i = 0; i < order->len; i++)
    {
      Group *g = g_ptr_array_index (order, i);
      g_autoptr(VgShapeSet) extent = vg_shape_set_new ();
      g_autoptr(VgShapeSet) depths = NULL;
      g_autoptr(VgFloodEnvelope) envelope = NULL;
      g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (guint));
      gboolean any_class = FALSE;

      for (guint c = 0; c < VG_N_DEPTH_CLASSES; c++)
        {
          any_class |= g->classes[c]->len > 0;
          g_array_append_vals (all, g->classes[c]->data, g->classes[c]->len);
        }
      if (!append_union (geos, shapes, g->extent->len > 0 ? g->extent : all, extent, error))
        {
          g_prefix_error (error, "Envelope library “%s”, gauge %s, %.2f m: ", path, g->gauge, g->stage);
          return NULL;
        }
      if (any_class)
        {
          depths = vg_shape_set_new ();
          for (guint c = 0; c < VG_N_DEPTH_CLASSES; c++)
            if (!append_union (geos, shapes, g->classes[c], depths, error))
              {
                g_prefix_error (error, "Envelope library “%s”, gauge %s, %.2f m, depth %s: ", path, g->gauge,
                                g->stage, vg_flood_depth_class_to_id (c));
                return NULL;
              }
        }
      envelope = vg_flood_envelope_new (g->gauge, g->stage, g->kind, g->source ? g->source : default_source,
                                        g->statement, extent, depths);
      vg_flood_library_add (self, envelope);
    }
  check_nesting (self, geos);
  return g_steal_pointer (&self);
}

gboolean
vg_flood_library_write_gpkg (VgFloodLibrary  *self,
                             const char      *path,
                             GDateTime       *when,
                             GError         **error)
{
  static const char * const types[] = { "TEXT", "REAL", "TEXT", "TEXT", "TEXT", "TEXT", NULL };
  g_autoptr(VgShapeGpkgWriter) writer = NULL;

  g_return_val_if_fail (VG_IS_FLOOD_LIBRARY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  writer = vg_shape_gpkg_writer_new (path, when, error);
  if (writer == NULL ||
      !vg_shape_gpkg_writer_add_layer (writer, "flood_envelopes", self->name, "MULTIPOLYGON", columns, types, error))
    return FALSE;
  for (guint i = 0; i < self->envelopes->len; i++)
    {
      VgFloodEnvelope *e = g_ptr_array_index (self->envelopes, i);
      char stage[G_ASCII_DTOSTR_BUF_SIZE];
      const char *values[N_COLS] = {
        vg_flood_envelope_get_gauge (e), g_ascii_dtostr (stage, sizeof stage, vg_flood_envelope_get_stage (e)),
        NULL, vg_flood_kind_to_id (vg_flood_envelope_get_kind (e)), vg_flood_envelope_get_source (e),
        vg_flood_envelope_get_statement (e),
      };
      VgShapeSet *depths = vg_flood_envelope_get_depths (e);

      if (!vg_shape_gpkg_writer_add_feature (writer, vg_flood_envelope_get_extent (e), 0, values, error))
        return FALSE;
      for (guint c = 0; depths != NULL && c < VG_N_DEPTH_CLASSES; c++)
        {
          if (vg_shape_set_get_kind (depths, c) == VG_SHAPE_NONE)
            continue;
          values[COL_DEPTH] = vg_flood_depth_class_to_id (c);
          if (!vg_shape_gpkg_writer_add_feature (writer, depths, c, values, error))
            return FALSE;
        }
    }
  return vg_shape_gpkg_writer_finish (writer, error);
}

JsonNode *
vg_flood_library_to_json (VgFloodLibrary *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (VG_IS_FLOOD_LIBRARY (self), NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, self->name);
  json_builder_set_member_name (b, "version");
  json_builder_add_string_value (b, self->version);
  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->warnings->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (self->warnings, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "envelopes");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->envelopes->len; i++)
    json_builder_add_value (b, vg_flood_envelope_to_json (g_ptr_array_index (self->envelopes, i)));
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
