/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-geos-context"

#include "config.h"

#include <stdarg.h>

#include "vg-error.h"
#include "vg-geos-context.h"

struct _VgGeosContext
{
  GObject             parent_instance;

  GEOSContextHandle_t handle;
  char               *last_error;
};

G_DEFINE_FINAL_TYPE (VgGeosContext, vg_geos_context, G_TYPE_OBJECT)

static void
geos_error_cb (const char *message,
               void       *user_data)
{
  VgGeosContext *self = user_data;

  g_free (self->last_error);
  self->last_error = g_strdup (message);
}

static void
geos_notice_cb (const char *message,
                void       *user_data)
{
  g_debug ("GEOS: %s", message);
}

static void
vg_geos_context_finalize (GObject *object)
{
  VgGeosContext *self = VG_GEOS_CONTEXT (object);

  g_clear_pointer (&self->handle, GEOS_finish_r);
  g_clear_pointer (&self->last_error, g_free);

  G_OBJECT_CLASS (vg_geos_context_parent_class)->finalize (object);
}

static void
vg_geos_context_class_init (VgGeosContextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_geos_context_finalize;
}

static void
vg_geos_context_init (VgGeosContext *self)
{
  self->handle = GEOS_init_r ();
  GEOSContext_setErrorMessageHandler_r (self->handle, geos_error_cb, self);
  GEOSContext_setNoticeMessageHandler_r (self->handle, geos_notice_cb, self);
}

VgGeosContext *
vg_geos_context_new (void)
{
  return g_object_new (VG_TYPE_GEOS_CONTEXT, NULL);
}

GEOSContextHandle_t
vg_geos_context_get_handle (VgGeosContext *self)
{
  g_return_val_if_fail (VG_IS_GEOS_CONTEXT (self), NULL);

  return self->handle;
}

static const char *
take_error (VgGeosContext *self)
{
  return self->last_error ? self->last_error : "unknown GEOS error";
}

static GEOSCoordSequence *
part_to_sequence (VgGeosContext *self,
                  VgShapeSet    *shapes,
                  guint          index,
                  guint          part)
{
  guint n;
  const double *xy = vg_shape_set_get_part (shapes, index, part, &n, NULL);

  return GEOSCoordSeq_copyFromBuffer_r (self->handle, xy, n, FALSE, FALSE);
}

static void
destroy_all (GEOSContextHandle_t handle,
             GPtrArray          *geometries)
{
  for (guint i = 0; i < geometries->len; i++)
    GEOSGeom_destroy_r (handle, g_ptr_array_index (geometries, i));
  g_ptr_array_set_size (geometries, 0);
}

GEOSGeometry *
vg_geos_context_shape_to_geos (VgGeosContext *self,
                               VgShapeSet    *shapes,
                               guint          index,
                               GError       **error)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  guint n_parts;
  GEOSGeometry *result = NULL;
  int collection_type;

  g_return_val_if_fail (VG_IS_GEOS_CONTEXT (self), NULL);
  g_return_val_if_fail (shapes != NULL, NULL);

  n_parts = vg_shape_set_get_n_parts (shapes, index);
  g_clear_pointer (&self->last_error, g_free);

  switch (vg_shape_set_get_kind (shapes, index))
    {
    case VG_SHAPE_NONE:
      return GEOSGeom_createEmptyCollection_r (self->handle, GEOS_GEOMETRYCOLLECTION);

    case VG_SHAPE_POINT:
      collection_type = GEOS_MULTIPOINT;
      for (guint i = 0; i < n_parts; i++)
        {
          GEOSGeometry *g = GEOSGeom_createPoint_r (self->handle, part_to_sequence (self, shapes, index, i));
          if (g == NULL)
            goto fail;
          g_ptr_array_add (members, g);
        }
      break;

    case VG_SHAPE_LINE:
      collection_type = GEOS_MULTILINESTRING;
      for (guint i = 0; i < n_parts; i++)
        {
          GEOSGeometry *g = GEOSGeom_createLineString_r (self->handle, part_to_sequence (self, shapes, index, i));
          if (g == NULL)
            goto fail;
          g_ptr_array_add (members, g);
        }
      break;

    case VG_SHAPE_POLYGON:
      collection_type = GEOS_MULTIPOLYGON;
      for (guint i = 0; i < n_parts;)
        {
          g_autoptr(GPtrArray) holes = g_ptr_array_new ();
          GEOSGeometry *shell, *polygon;
          guint j;

          shell = GEOSGeom_createLinearRing_r (self->handle, part_to_sequence (self, shapes, index, i));
          if (shell == NULL)
            goto fail;
          for (j = i + 1; j < n_parts; j++)
            {
              gboolean outer;
              GEOSGeometry *hole;

              vg_shape_set_get_part (shapes, index, j, NULL, &outer);
              if (outer)
                break;
              hole = GEOSGeom_createLinearRing_r (self->handle, part_to_sequence (self, shapes, index, j));
              if (hole == NULL)
                {
                  GEOSGeom_destroy_r (self->handle, shell);
                  destroy_all (self->handle, holes);
                  goto fail;
                }
              g_ptr_array_add (holes, hole);
            }
          polygon = GEOSGeom_createPolygon_r (self->handle, shell,
                                              (GEOSGeometry **) holes->pdata, holes->len);
          if (polygon == NULL)
            goto fail;
          g_ptr_array_add (members, polygon);
          i = j;
        }
      break;

    default:
      g_assert_not_reached ();
    }

  if (members->len == 1)
    return g_ptr_array_steal_index (members, 0);
  result = GEOSGeom_createCollection_r (self->handle, collection_type,
                                        (GEOSGeometry **) members->pdata, members->len);
  if (result != NULL)
    return result;

fail:
  destroy_all (self->handle, members);
  g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_INVALID,
               "Shape %u cannot be built in GEOS: %s", index, take_error (self));
  return NULL;
}

static void
append_sequence (VgGeosContext            *self,
                 const GEOSCoordSequence *seq,
                 VgShapeSet              *into,
                 gboolean                 is_outer)
{
  unsigned int n = 0;

  GEOSCoordSeq_getSize_r (self->handle, seq, &n);
  vg_shape_set_begin_part (into, is_outer);
  for (unsigned int i = 0; i < n; i++)
    {
      double x, y;

      GEOSCoordSeq_getXY_r (self->handle, seq, i, &x, &y);
      vg_shape_set_add_point (into, x, y);
    }
}

static void
append_member (VgGeosContext      *self,
               const GEOSGeometry *g,
               VgShapeKind        *kind,
               VgShapeSet         *into)
{
  int type = GEOSGeomTypeId_r (self->handle, g);
  VgShapeKind member_kind;

  switch (type)
    {
    case GEOS_POINT:
      member_kind = VG_SHAPE_POINT;
      break;
    case GEOS_LINESTRING:
    case GEOS_LINEARRING:
      member_kind = VG_SHAPE_LINE;
      break;
    case GEOS_POLYGON:
      member_kind = VG_SHAPE_POLYGON;
      break;
    case GEOS_MULTIPOINT:
    case GEOS_MULTILINESTRING:
    case GEOS_MULTIPOLYGON:
    case GEOS_GEOMETRYCOLLECTION:
      for (int i = 0; i < GEOSGetNumGeometries_r (self->handle, g); i++)
        append_member (self, GEOSGetGeometryN_r (self->handle, g, i), kind, into);
      return;
    default:
      return;
    }

  if (GEOSisEmpty_r (self->handle, g) == 1)
    return;
  if (*kind == VG_SHAPE_NONE)
    {
      *kind = member_kind;
      vg_shape_set_set_current_kind (into, member_kind);
    }
  if (member_kind != *kind)
    return;

  if (member_kind == VG_SHAPE_POLYGON)
    {
      append_sequence (self, GEOSGeom_getCoordSeq_r (self->handle, GEOSGetExteriorRing_r (self->handle, g)),
                       into, TRUE);
      for (int i = 0; i < GEOSGetNumInteriorRings_r (self->handle, g); i++)
        append_sequence (self, GEOSGeom_getCoordSeq_r (self->handle, GEOSGetInteriorRingN_r (self->handle, g, i)),
                         into, FALSE);
    }
  else
    append_sequence (self, GEOSGeom_getCoordSeq_r (self->handle, g), into, TRUE);
}

void
vg_geos_context_append_geos (VgGeosContext      *self,
                             const GEOSGeometry *geometry,
                             VgShapeSet         *into)
{
  VgShapeKind kind = VG_SHAPE_NONE;

  g_return_if_fail (VG_IS_GEOS_CONTEXT (self));
  g_return_if_fail (geometry != NULL);
  g_return_if_fail (into != NULL);

  vg_shape_set_begin_shape (into, VG_SHAPE_NONE);
  append_member (self, geometry, &kind, into);
  vg_shape_set_end_shape (into);
}

/* Copies shape @index of @from unchanged into @into. */
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

VgShapeSet *
vg_geos_context_repair_polygons (VgGeosContext *self,
                                 VgShapeSet    *shapes,
                                 GPtrArray     *repaired,
                                 GError       **error)
{
  g_autoptr(VgShapeSet) out = NULL;
  guint n;

  g_return_val_if_fail (VG_IS_GEOS_CONTEXT (self), NULL);
  g_return_val_if_fail (shapes != NULL, NULL);

  out = vg_shape_set_new ();
  n = vg_shape_set_get_n_shapes (shapes);
  for (guint i = 0; i < n; i++)
    {
      GEOSGeometry *g, *fixed;
      char *reason;

      if (vg_shape_set_get_kind (shapes, i) != VG_SHAPE_POLYGON)
        {
          copy_shape (shapes, i, out);
          continue;
        }
      g = vg_geos_context_shape_to_geos (self, shapes, i, NULL);
      if (g != NULL && GEOSisValid_r (self->handle, g) == 1)
        {
          GEOSGeom_destroy_r (self->handle, g);
          copy_shape (shapes, i, out);
          continue;
        }

      /* Rings GEOS cannot even build (fewer than 4 points, unclosed) are invalid too. */
      reason = g ? GEOSisValidReason_r (self->handle, g) : NULL;
      if (g == NULL)
        {
          g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_INVALID,
                       "Feature %u: polygon cannot be built, so cannot be repaired: %s",
                       i + 1, take_error (self));
          return NULL;
        }
      fixed = GEOSMakeValid_r (self->handle, g);
      GEOSGeom_destroy_r (self->handle, g);
      if (fixed == NULL)
        {
          g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_INVALID,
                       "Feature %u: %s; repair failed: %s", i + 1, reason, take_error (self));
          GEOSFree_r (self->handle, reason);
          return NULL;
        }
      if (repaired != NULL)
        g_ptr_array_add (repaired, g_strdup_printf ("feature %u: %s", i + 1, reason));
      GEOSFree_r (self->handle, reason);
      vg_geos_context_append_geos (self, fixed, out);
      GEOSGeom_destroy_r (self->handle, fixed);
    }
  return g_steal_pointer (&out);
}
