/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-layer"

#include "config.h"

#include "vg-layer.h"

struct _VgLayer
{
  GObject       parent_instance;

  char         *name;
  char         *crs;
  VgShapeSet   *shapes;
  GStrv         columns;
  guint         n_columns;
  GStringChunk *strings;   /* all attribute text, deduplicated */
  GPtrArray    *values;    /* n_features × n_columns borrowed from @strings, NULL allowed */
};

G_DEFINE_FINAL_TYPE (VgLayer, vg_layer, G_TYPE_OBJECT)

static void
vg_layer_finalize (GObject *object)
{
  VgLayer *self = VG_LAYER (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->crs, g_free);
  g_clear_pointer (&self->shapes, vg_shape_set_unref);
  g_clear_pointer (&self->columns, g_strfreev);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->values, g_ptr_array_unref);

  G_OBJECT_CLASS (vg_layer_parent_class)->finalize (object);
}

static void
vg_layer_class_init (VgLayerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_layer_finalize;
}

static void
vg_layer_init (VgLayer *self)
{
  self->strings = g_string_chunk_new (4096);
  self->values = g_ptr_array_new ();
}

VgLayer *
vg_layer_new (const char         *name,
              const char         *crs,
              VgShapeSet         *shapes,
              const char * const *columns)
{
  VgLayer *self;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (crs != NULL, NULL);
  g_return_val_if_fail (shapes != NULL, NULL);

  self = g_object_new (VG_TYPE_LAYER, NULL);
  self->name = g_strdup (name);
  self->crs = g_strdup (crs);
  self->shapes = vg_shape_set_ref (shapes);
  self->columns = columns ? g_strdupv ((char **) columns) : g_new0 (char *, 1);
  self->n_columns = g_strv_length (self->columns);
  return self;
}

void
vg_layer_append_values (VgLayer            *self,
                        const char * const *values)
{
  g_return_if_fail (VG_IS_LAYER (self));

  for (guint i = 0; i < self->n_columns; i++)
    {
      const char *v = values ? values[i] : NULL;

      g_ptr_array_add (self->values, v ? g_string_chunk_insert_const (self->strings, v) : NULL);
    }
}

const char *
vg_layer_get_name (VgLayer *self)
{
  g_return_val_if_fail (VG_IS_LAYER (self), NULL);

  return self->name;
}

const char *
vg_layer_get_crs (VgLayer *self)
{
  g_return_val_if_fail (VG_IS_LAYER (self), NULL);

  return self->crs;
}

guint
vg_layer_get_n_features (VgLayer *self)
{
  g_return_val_if_fail (VG_IS_LAYER (self), 0);

  return vg_shape_set_get_n_shapes (self->shapes);
}

VgShapeSet *
vg_layer_get_shapes (VgLayer *self)
{
  g_return_val_if_fail (VG_IS_LAYER (self), NULL);

  return self->shapes;
}

int
vg_layer_find_column (VgLayer    *self,
                      const char *column)
{
  g_return_val_if_fail (VG_IS_LAYER (self), -1);
  g_return_val_if_fail (column != NULL, -1);

  for (guint i = 0; i < self->n_columns; i++)
    if (g_str_equal (self->columns[i], column))
      return i;
  return -1;
}

const char *
vg_layer_get_value (VgLayer *self,
                    guint    feature,
                    int      column)
{
  gsize index;

  g_return_val_if_fail (VG_IS_LAYER (self), NULL);
  g_return_val_if_fail (column >= 0 && (guint) column < self->n_columns, NULL);

  index = (gsize) feature * self->n_columns + column;
  g_return_val_if_fail (index < self->values->len, NULL);
  return g_ptr_array_index (self->values, index);
}

void
vg_layer_set_shapes (VgLayer    *self,
                     VgShapeSet *shapes)
{
  g_return_if_fail (VG_IS_LAYER (self));
  g_return_if_fail (shapes != NULL);
  g_return_if_fail (vg_shape_set_get_n_shapes (shapes) == vg_shape_set_get_n_shapes (self->shapes));

  vg_shape_set_ref (shapes);
  g_clear_pointer (&self->shapes, vg_shape_set_unref);
  self->shapes = shapes;
}
