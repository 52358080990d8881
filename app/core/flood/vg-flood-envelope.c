/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-flood-envelope"

#include "config.h"

#include "vg-flood-envelope.h"
#include "vg-polygon-grid.h"

struct _VgFloodEnvelope
{
  GObject      parent_instance;

  char        *id;
  char        *gauge;
  double       stage;
  VgFloodKind  kind;
  char        *source;
  char        *statement;
  VgShapeSet  *extent;
  VgShapeSet  *depths;
  double       area;
};

G_DEFINE_FINAL_TYPE (VgFloodEnvelope, vg_flood_envelope, G_TYPE_OBJECT)

static void
vg_flood_envelope_finalize (GObject *object)
{
  VgFloodEnvelope *self = VG_FLOOD_ENVELOPE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->gauge, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->statement, g_free);
  g_clear_pointer (&self->extent, vg_shape_set_unref);
  g_clear_pointer (&self->depths, vg_shape_set_unref);

  G_OBJECT_CLASS (vg_flood_envelope_parent_class)->finalize (object);
}

static void
vg_flood_envelope_class_init (VgFloodEnvelopeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_flood_envelope_finalize;
}

static void
vg_flood_envelope_init (VgFloodEnvelope *self)
{
}

VgFloodEnvelope *
vg_flood_envelope_new (const char  *gauge,
                       double       stage_m,
                       VgFloodKind  kind,
                       const char  *source,
                       const char  *statement,
                       VgShapeSet  *extent,
                       VgShapeSet  *depths)
{
  VgFloodEnvelope *self;
  char stage[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (gauge != NULL, NULL);
  g_return_val_if_fail (kind < VG_N_FLOOD_KINDS, NULL);
  g_return_val_if_fail (extent != NULL && vg_shape_set_get_n_shapes (extent) == 1, NULL);
  g_return_val_if_fail (depths == NULL || vg_shape_set_get_n_shapes (depths) == VG_N_DEPTH_CLASSES, NULL);

  self = g_object_new (VG_TYPE_FLOOD_ENVELOPE, NULL);
  g_ascii_formatd (stage, sizeof stage, "%.2f", stage_m);
  self->id = g_strdup_printf ("%s@%sm", gauge, stage);
  self->gauge = g_strdup (gauge);
  self->stage = stage_m;
  self->kind = kind;
  self->source = g_strdup (source ? source : "");
  self->statement = g_strdup (statement ? statement : VG_FLOOD_STATEMENT_NOMINAL);
  self->extent = vg_shape_set_ref (extent);
  self->depths = depths ? vg_shape_set_ref (depths) : NULL;
  self->area = vg_shape_polygon_area (extent, 0);
  return self;
}

const char *
vg_flood_envelope_get_id (VgFloodEnvelope *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_ENVELOPE (self), NULL);

  return self->id;
}

const char *
vg_flood_envelope_get_gauge (VgFloodEnvelope *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_ENVELOPE (self), NULL);

  return self->gauge;
}

double
vg_flood_envelope_get_stage (VgFloodEnvelope *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_ENVELOPE (self), 0);

  return self->stage;
}

VgFloodKind
vg_flood_envelope_get_kind (VgFloodEnvelope *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_ENVELOPE (self), VG_FLOOD_KIND_SYNTHETIC);

  return self->kind;
}

const char *
vg_flood_envelope_get_source (VgFloodEnvelope *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_ENVELOPE (self), NULL);

  return self->source;
}

const char *
vg_flood_envelope_get_statement (VgFloodEnvelope *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_ENVELOPE (self), NULL);

  return self->statement;
}

VgShapeSet *
vg_flood_envelope_get_extent (VgFloodEnvelope *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_ENVELOPE (self), NULL);

  return self->extent;
}

VgShapeSet *
vg_flood_envelope_get_depths (VgFloodEnvelope *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_ENVELOPE (self), NULL);

  return self->depths;
}

double
vg_flood_envelope_get_area (VgFloodEnvelope *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_ENVELOPE (self), 0);

  return self->area;
}

/* Even-odd point-in-polygon over every ring of shape @index. */
static gboolean
shape_contains (VgShapeSet *shapes,
                guint       index,
                double      x,
                double      y)
{
  const double *b = vg_shape_set_get_bbox (shapes, index);
  gboolean inside = FALSE;

  if (vg_shape_set_get_kind (shapes, index) != VG_SHAPE_POLYGON ||
      x < b[0] || x > b[2] || y < b[1] || y > b[3])
    return FALSE;
  for (guint p = 0; p < vg_shape_set_get_n_parts (shapes, index); p++)
    {
      guint n;
      const double *xy = vg_shape_set_get_part (shapes, index, p, &n, NULL);

      for (guint i = 0, j = n - 1; i < n; j = i++)
        if ((xy[2 * i + 1] > y) != (xy[2 * j + 1] > y) &&
            x < xy[2 * j] + (y - xy[2 * j + 1]) * (xy[2 * i] - xy[2 * j]) / (xy[2 * i + 1] - xy[2 * j + 1]))
          inside = !inside;
    }
  return inside;
}

gboolean
vg_flood_envelope_get_depth_at (VgFloodEnvelope   *self,
                                double             x,
                                double             y,
                                VgFloodDepthClass *depth_class)
{
  g_return_val_if_fail (VG_IS_FLOOD_ENVELOPE (self), FALSE);
  g_return_val_if_fail (depth_class != NULL, FALSE);

  if (self->depths == NULL)
    return FALSE;
  for (guint c = 0; c < VG_N_DEPTH_CLASSES; c++)
    if (shape_contains (self->depths, c, x, y))
      {
        *depth_class = c;
        return TRUE;
      }
  return FALSE;
}

JsonNode *
vg_flood_envelope_to_json (VgFloodEnvelope *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (VG_IS_FLOOD_ENVELOPE (self), NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, self->id);
  json_builder_set_member_name (b, "gauge");
  json_builder_add_string_value (b, self->gauge);
  json_builder_set_member_name (b, "stage_m");
  json_builder_add_double_value (b, self->stage);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, vg_flood_kind_to_id (self->kind));
  json_builder_set_member_name (b, "kind_label");
  json_builder_add_string_value (b, vg_flood_kind_get_label (self->kind));
  json_builder_set_member_name (b, "source");
  json_builder_add_string_value (b, self->source);
  json_builder_set_member_name (b, "statement");
  json_builder_add_string_value (b, self->statement);
  json_builder_set_member_name (b, "area_m2");
  json_builder_add_double_value (b, self->area);
  json_builder_set_member_name (b, "vertices");
  json_builder_add_int_value (b, vg_shape_set_get_n_points (self->extent));
  json_builder_set_member_name (b, "depth_classes");
  if (self->depths == NULL)
    json_builder_add_null_value (b);
  else
    {
      json_builder_begin_array (b);
      for (guint c = 0; c < VG_N_DEPTH_CLASSES; c++)
        if (vg_shape_set_get_kind (self->depths, c) != VG_SHAPE_NONE)
          json_builder_add_string_value (b, vg_flood_depth_class_to_id (c));
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
