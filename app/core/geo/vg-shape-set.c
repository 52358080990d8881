/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-shape-set"

#include "config.h"

#include <math.h>

#include "vg-shape-set.h"

typedef struct
{
  guint32 first_point;
  guint32 n_points;
  guint32 is_outer;
} Part;

typedef struct
{
  double  bbox[4];
  guint32 first_part;
  guint32 n_parts;
  guint32 kind;
} Shape;

struct _VgShapeSet
{
  gatomicrefcount ref_count;

  GArray *points;   /* double x,y pairs */
  GArray *parts;    /* Part */
  GArray *shapes;   /* Shape */

  gboolean building;
  guint    building_kind;
  guint    building_first_part;
  guint    building_first_point;
};

G_DEFINE_BOXED_TYPE (VgShapeSet, vg_shape_set, vg_shape_set_ref, vg_shape_set_unref)

VgShapeSet *
vg_shape_set_new (void)
{
  VgShapeSet *self = g_new0 (VgShapeSet, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->points = g_array_new (FALSE, FALSE, sizeof (double));
  self->parts = g_array_new (FALSE, FALSE, sizeof (Part));
  self->shapes = g_array_new (FALSE, FALSE, sizeof (Shape));
  return self;
}

VgShapeSet *
vg_shape_set_ref (VgShapeSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
vg_shape_set_unref (VgShapeSet *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->points);
  g_array_unref (self->parts);
  g_array_unref (self->shapes);
  g_free (self);
}

static inline const Shape *
get_shape (VgShapeSet *self,
           guint       index)
{
  return &g_array_index (self->shapes, Shape, index);
}

guint
vg_shape_set_get_n_shapes (VgShapeSet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->shapes->len;
}

gsize
vg_shape_set_get_n_points (VgShapeSet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->points->len / 2;
}

VgShapeKind
vg_shape_set_get_kind (VgShapeSet *self,
                       guint       index)
{
  g_return_val_if_fail (self != NULL, VG_SHAPE_NONE);
  g_return_val_if_fail (index < self->shapes->len, VG_SHAPE_NONE);

  return get_shape (self, index)->kind;
}

const double *
vg_shape_set_get_bbox (VgShapeSet *self,
                       guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->shapes->len, NULL);

  return get_shape (self, index)->bbox;
}

guint
vg_shape_set_get_n_parts (VgShapeSet *self,
                          guint       index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->shapes->len, 0);

  return get_shape (self, index)->n_parts;
}

const double *
vg_shape_set_get_part (VgShapeSet *self,
                       guint       index,
                       guint       part,
                       guint      *n_points,
                       gboolean   *is_outer)
{
  const Shape *shape;
  const Part *p;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->shapes->len, NULL);

  shape = get_shape (self, index);
  g_return_val_if_fail (part < shape->n_parts, NULL);

  p = &g_array_index (self->parts, Part, shape->first_part + part);
  if (n_points != NULL)
    *n_points = p->n_points;
  if (is_outer != NULL)
    *is_outer = p->is_outer;
  return &g_array_index (self->points, double, 2 * (gsize) p->first_point);
}

void
vg_shape_set_begin_shape (VgShapeSet  *self,
                          VgShapeKind  kind)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->building);

  self->building = TRUE;
  self->building_kind = kind;
  self->building_first_part = self->parts->len;
  self->building_first_point = self->points->len / 2;
}

void
vg_shape_set_set_current_kind (VgShapeSet  *self,
                               VgShapeKind  kind)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->building);

  self->building_kind = kind;
}

void
vg_shape_set_begin_part (VgShapeSet *self,
                         gboolean    is_outer)
{
  Part part;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->building);

  part.first_point = self->points->len / 2;
  part.n_points = 0;
  part.is_outer = !!is_outer;
  g_array_append_val (self->parts, part);
}

void
vg_shape_set_add_point (VgShapeSet *self,
                        double      x,
                        double      y)
{
  double xy[2] = { x, y };

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->building);
  g_return_if_fail (self->parts->len > self->building_first_part);

  g_array_append_vals (self->points, xy, 2);
  g_array_index (self->parts, Part, self->parts->len - 1).n_points++;
}

static void
compute_bbox (VgShapeSet *self,
              Shape      *shape)
{
  shape->bbox[0] = shape->bbox[1] = INFINITY;
  shape->bbox[2] = shape->bbox[3] = -INFINITY;

  for (guint i = 0; i < shape->n_parts; i++)
    {
      const Part *p = &g_array_index (self->parts, Part, shape->first_part + i);
      const double *xy = &g_array_index (self->points, double, 2 * (gsize) p->first_point);

      for (guint j = 0; j < p->n_points; j++)
        {
          shape->bbox[0] = MIN (shape->bbox[0], xy[2 * j]);
          shape->bbox[1] = MIN (shape->bbox[1], xy[2 * j + 1]);
          shape->bbox[2] = MAX (shape->bbox[2], xy[2 * j]);
          shape->bbox[3] = MAX (shape->bbox[3], xy[2 * j + 1]);
        }
    }
}

guint
vg_shape_set_end_shape (VgShapeSet *self)
{
  Shape shape;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (self->building, 0);

  shape.first_part = self->building_first_part;
  shape.n_parts = self->parts->len - self->building_first_part;
  shape.kind = self->building_kind;
  if (self->points->len / 2 == self->building_first_point)
    {
      /* No vertex at all: an empty geometry, kept so indices stay aligned with features. */
      g_array_set_size (self->parts, self->building_first_part);
      shape.n_parts = 0;
      shape.kind = VG_SHAPE_NONE;
    }
  compute_bbox (self, &shape);
  g_array_append_val (self->shapes, shape);
  self->building = FALSE;
  return self->shapes->len - 1;
}

void
vg_shape_set_abort_shape (VgShapeSet *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->building);

  g_array_set_size (self->parts, self->building_first_part);
  g_array_set_size (self->points, 2 * (gsize) self->building_first_point);
  self->building = FALSE;
}

gboolean
vg_shape_set_map_points (VgShapeSet *self,
                         gboolean  (*func) (double *xy, gsize n_points, gpointer user_data),
                         gpointer    user_data)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (!self->building, FALSE);

  if (self->points->len > 0 &&
      !func ((double *) (gpointer) self->points->data, self->points->len / 2, user_data))
    return FALSE;

  for (guint i = 0; i < self->shapes->len; i++)
    compute_bbox (self, &g_array_index (self->shapes, Shape, i));
  return TRUE;
}

gboolean
vg_shape_set_get_extent (VgShapeSet *self,
                         double      bbox[4])
{
  gboolean any = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);

  bbox[0] = bbox[1] = INFINITY;
  bbox[2] = bbox[3] = -INFINITY;
  for (guint i = 0; i < self->shapes->len; i++)
    {
      const Shape *shape = get_shape (self, i);

      if (shape->kind == VG_SHAPE_NONE)
        continue;
      any = TRUE;
      bbox[0] = MIN (bbox[0], shape->bbox[0]);
      bbox[1] = MIN (bbox[1], shape->bbox[1]);
      bbox[2] = MAX (bbox[2], shape->bbox[2]);
      bbox[3] = MAX (bbox[3], shape->bbox[3]);
    }
  return any;
}
