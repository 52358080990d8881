/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-cap-area"

#include "config.h"

#include "vg-feed-private.h"
#include "vg-nuts.h"

typedef struct
{
  double lon, lat, radius_m;
} Circle;

struct _VgCapArea
{
  gatomicrefcount  ref_count;

  char            *description;
  char            *key;
  GPtrArray       *geocodes;   /* name, value, name, value... */
  VgShapeSet      *polygons;
  GArray          *circles;    /* Circle */
};

G_DEFINE_BOXED_TYPE (VgCapArea, vg_cap_area, vg_cap_area_ref, vg_cap_area_unref)

static gboolean
is_nuts_name (const char *name)
{
  return g_ascii_strncasecmp (name, "NUTS", 4) == 0;
}

VgCapArea *
vg_cap_area_new (const char *description)
{
  VgCapArea *self = g_new0 (VgCapArea, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->description = g_strdup (description ? description : "");
  self->geocodes = g_ptr_array_new_with_free_func (g_free);
  self->polygons = vg_shape_set_new ();
  self->circles = g_array_new (FALSE, FALSE, sizeof (Circle));
  return self;
}

void
vg_cap_area_add_geocode (VgCapArea  *self,
                         const char *name,
                         const char *value)
{
  g_return_if_fail (self != NULL && self->key == NULL);
  g_return_if_fail (name != NULL && value != NULL);

  g_ptr_array_add (self->geocodes, g_strdup (name));
  g_ptr_array_add (self->geocodes, g_strdup (value));
}

void
vg_cap_area_add_polygon (VgCapArea    *self,
                         const double *lonlat,
                         guint         n_points)
{
  g_return_if_fail (self != NULL && self->key == NULL);

  vg_shape_set_begin_shape (self->polygons, VG_SHAPE_POLYGON);
  vg_shape_set_begin_part (self->polygons, TRUE);
  for (guint i = 0; i < n_points; i++)
    vg_shape_set_add_point (self->polygons, lonlat[2 * i], lonlat[2 * i + 1]);
  vg_shape_set_end_shape (self->polygons);
}

void
vg_cap_area_add_circle (VgCapArea *self,
                        double     lon,
                        double     lat,
                        double     radius_m)
{
  Circle circle = { lon, lat, radius_m };

  g_return_if_fail (self != NULL && self->key == NULL);

  g_array_append_val (self->circles, circle);
}

void
vg_cap_area_seal (VgCapArea *self)
{
  g_return_if_fail (self != NULL && self->key == NULL);

  for (guint i = 0; i < self->geocodes->len; i += 2)
    if (is_nuts_name (self->geocodes->pdata[i]))
      {
        self->key = g_strconcat ("NUTS:", vg_nuts_to_current (self->geocodes->pdata[i + 1]), NULL);
        return;
      }
  if (self->geocodes->len > 0)
    self->key = g_strdup_printf ("%s:%s", (char *) self->geocodes->pdata[0], (char *) self->geocodes->pdata[1]);
  else
    self->key = g_strdup (self->description);
}

VgCapArea *
vg_cap_area_ref (VgCapArea *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
vg_cap_area_unref (VgCapArea *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->description);
  g_free (self->key);
  g_ptr_array_unref (self->geocodes);
  vg_shape_set_unref (self->polygons);
  g_array_unref (self->circles);
  g_free (self);
}

const char *
vg_cap_area_get_description (VgCapArea *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->description;
}

guint
vg_cap_area_get_n_geocodes (VgCapArea *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->geocodes->len / 2;
}

void
vg_cap_area_get_geocode (VgCapArea   *self,
                         guint        index,
                         const char **name,
                         const char **value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->geocodes->len / 2);

  if (name != NULL)
    *name = self->geocodes->pdata[2 * index];
  if (value != NULL)
    *value = self->geocodes->pdata[2 * index + 1];
}

const char *
vg_cap_area_lookup_geocode (VgCapArea  *self,
                            const char *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->geocodes->len; i += 2)
    if (g_ascii_strcasecmp (self->geocodes->pdata[i], name) == 0)
      return self->geocodes->pdata[i + 1];
  return NULL;
}

gboolean
vg_cap_area_has_nuts (VgCapArea  *self,
                      const char *nuts)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (nuts != NULL, FALSE);

  for (guint i = 0; i < self->geocodes->len; i += 2)
    if (is_nuts_name (self->geocodes->pdata[i]) && vg_nuts_equal (self->geocodes->pdata[i + 1], nuts))
      return TRUE;
  return FALSE;
}

const char *
vg_cap_area_get_key (VgCapArea *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->key != NULL ? self->key : self->description;
}

VgShapeSet *
vg_cap_area_get_polygons (VgCapArea *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->polygons;
}

guint
vg_cap_area_get_n_circles (VgCapArea *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->circles->len;
}

void
vg_cap_area_get_circle (VgCapArea *self,
                        guint      index,
                        double    *lon,
                        double    *lat,
                        double    *radius_m)
{
  const Circle *circle;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->circles->len);

  circle = &g_array_index (self->circles, Circle, index);
  if (lon != NULL)
    *lon = circle->lon;
  if (lat != NULL)
    *lat = circle->lat;
  if (radius_m != NULL)
    *radius_m = circle->radius_m;
}

void
vg_cap_area_to_json (VgCapArea   *self,
                     JsonBuilder *builder)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (JSON_IS_BUILDER (builder));

  json_builder_begin_object (builder);
  vg_feed_json_add_string (builder, "description", self->description);
  vg_feed_json_add_string (builder, "key", vg_cap_area_get_key (self));
  json_builder_set_member_name (builder, "geocodes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->geocodes->len; i += 2)
    {
      json_builder_begin_object (builder);
      vg_feed_json_add_string (builder, "name", self->geocodes->pdata[i]);
      vg_feed_json_add_string (builder, "value", self->geocodes->pdata[i + 1]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (vg_shape_set_get_n_shapes (self->polygons) > 0)
    {
      json_builder_set_member_name (builder, "polygons");
      vg_feed_json_add_shapes (builder, self->polygons);
    }
  if (self->circles->len > 0)
    {
      json_builder_set_member_name (builder, "circles");
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->circles->len; i++)
        {
          const Circle *circle = &g_array_index (self->circles, Circle, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "lon");
          json_builder_add_double_value (builder, circle->lon);
          json_builder_set_member_name (builder, "lat");
          json_builder_add_double_value (builder, circle->lat);
          json_builder_set_member_name (builder, "radius_m");
          json_builder_add_double_value (builder, circle->radius_m);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}
