/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-crs-transform"

#include "config.h"

#include <math.h>
#include <proj.h>

#include "vg-crs-transform.h"
#include "vg-error.h"

struct _VgCrsTransform
{
  GObject     parent_instance;

  char       *source;
  char       *target;
  PJ_CONTEXT *ctx;
  PJ         *pj;
  char       *last_message;   /* last thing PROJ logged, for our error messages */
};

G_DEFINE_FINAL_TYPE (VgCrsTransform, vg_crs_transform, G_TYPE_OBJECT)

/* PROJ would print to stderr; keep the text for the GError instead. */
static void
proj_log_cb (void       *user_data,
             int         level,
             const char *message)
{
  VgCrsTransform *self = user_data;

  g_free (self->last_message);
  self->last_message = g_strdup (message);
}

static void
vg_crs_transform_finalize (GObject *object)
{
  VgCrsTransform *self = VG_CRS_TRANSFORM (object);

  g_clear_pointer (&self->pj, proj_destroy);
  g_clear_pointer (&self->ctx, proj_context_destroy);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->last_message, g_free);

  G_OBJECT_CLASS (vg_crs_transform_parent_class)->finalize (object);
}

static void
vg_crs_transform_class_init (VgCrsTransformClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_crs_transform_finalize;
}

static void
vg_crs_transform_init (VgCrsTransform *self)
{
}

/* Pipelines for the pairs Vigie transforms most (every vertex of the basemap at start-up).
 * proj_create_crs_to_crs() keeps several candidate operations and chooses among them point by
 * point, which costs ~2.5 µs a point; the single operation it would choose here is the null
 * RGF93 v1 → WGS 84 transformation, so the explicit pipeline gives the same coordinates
 * (checked to the millimetre by tests/core/test-crs.c) at a fraction of the cost. */
static const struct {
  const char *source;
  const char *target;
  const char *pipeline;
} fast_paths[] = {
  { "EPSG:2154", "EPSG:3857",
    "+proj=pipeline +step +inv +proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 "
    "+y_0=6600000 +ellps=GRS80 +step +proj=webmerc +lat_0=0 +lon_0=0 +x_0=0 +y_0=0 +ellps=WGS84" },
};

static const char *
describe_failure (VgCrsTransform *self)
{
  int err = proj_context_errno (self->ctx);

  if (self->last_message != NULL)
    return self->last_message;
  if (err != 0)
    return proj_context_errno_string (self->ctx, err);
  return "unknown PROJ error";
}

VgCrsTransform *
vg_crs_transform_new (const char  *source,
                      const char  *target,
                      GError     **error)
{
  g_autoptr(VgCrsTransform) self = NULL;
  PJ *raw;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (target != NULL, NULL);

  self = g_object_new (VG_TYPE_CRS_TRANSFORM, NULL);
  self->source = g_strdup (source);
  self->target = g_strdup (target);
  self->ctx = proj_context_create ();
  proj_log_func (self->ctx, self, proj_log_cb);
  /* Offline by design: never let PROJ fetch grids from its CDN. */
  proj_context_set_enable_network (self->ctx, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (fast_paths); i++)
    if (g_str_equal (source, fast_paths[i].source) && g_str_equal (target, fast_paths[i].target))
      {
        self->pj = proj_create (self->ctx, fast_paths[i].pipeline);
        if (self->pj != NULL)
          return g_steal_pointer (&self);
      }

  raw = proj_create_crs_to_crs (self->ctx, source, target, NULL);
  if (raw == NULL)
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_CRS,
                   "Cannot transform from “%s” to “%s”: %s", source, target,
                   describe_failure (self));
      return NULL;
    }
  self->pj = proj_normalize_for_visualization (self->ctx, raw);
  proj_destroy (raw);
  if (self->pj == NULL)
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_CRS,
                   "Cannot normalise the transformation from “%s” to “%s”: %s", source, target,
                   describe_failure (self));
      return NULL;
    }
  return g_steal_pointer (&self);
}

gboolean
vg_crs_transform_apply (VgCrsTransform  *self,
                        double          *xy,
                        gsize            n_points,
                        GError         **error)
{
  g_return_val_if_fail (VG_IS_CRS_TRANSFORM (self), FALSE);
  g_return_val_if_fail (xy != NULL || n_points == 0, FALSE);

  if (n_points == 0)
    return TRUE;

  proj_errno_reset (self->pj);
  proj_trans_generic (self->pj, PJ_FWD,
                      xy, 2 * sizeof (double), n_points,
                      xy + 1, 2 * sizeof (double), n_points,
                      NULL, 0, 0, NULL, 0, 0);
  for (gsize i = 0; i < n_points; i++)
    if (!isfinite (xy[2 * i]) || !isfinite (xy[2 * i + 1]))
      {
        g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_CRS,
                     "Point %" G_GSIZE_FORMAT " cannot be transformed from “%s” to “%s”",
                     i, self->source, self->target);
        return FALSE;
      }
  return TRUE;
}

gboolean
vg_crs_transform_point (VgCrsTransform  *self,
                        double          *x,
                        double          *y,
                        GError         **error)
{
  double xy[2] = { *x, *y };

  if (!vg_crs_transform_apply (self, xy, 1, error))
    return FALSE;
  *x = xy[0];
  *y = xy[1];
  return TRUE;
}

const char *
vg_crs_transform_get_source (VgCrsTransform *self)
{
  g_return_val_if_fail (VG_IS_CRS_TRANSFORM (self), NULL);

  return self->source;
}

const char *
vg_crs_transform_get_target (VgCrsTransform *self)
{
  g_return_val_if_fail (VG_IS_CRS_TRANSFORM (self), NULL);

  return self->target;
}
