/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-exposed-item"

#include "config.h"

#include "vg-exposed-item.h"

struct _VgExposedItem
{
  GObject  parent_instance;

  char    *kind;
  char    *name;
  char    *category;
  double   inside;
  char    *depth;
  guint    rank;
  double   latitude, longitude;
};

G_DEFINE_FINAL_TYPE (VgExposedItem, vg_exposed_item, G_TYPE_OBJECT)

enum { PROP_0, PROP_KIND, PROP_NAME, PROP_CATEGORY, PROP_INSIDE, PROP_DEPTH, PROP_RANK, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
vg_exposed_item_finalize (GObject *object)
{
  VgExposedItem *self = VG_EXPOSED_ITEM (object);

  g_free (self->kind);
  g_free (self->name);
  g_free (self->category);
  g_free (self->depth);

  G_OBJECT_CLASS (vg_exposed_item_parent_class)->finalize (object);
}

static void
vg_exposed_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VgExposedItem *self = VG_EXPOSED_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case PROP_INSIDE:
      g_value_set_double (value, self->inside);
      break;
    case PROP_DEPTH:
      g_value_set_string (value, self->depth);
      break;
    case PROP_RANK:
      g_value_set_uint (value, self->rank);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vg_exposed_item_class_init (VgExposedItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vg_exposed_item_finalize;
  object_class->get_property = vg_exposed_item_get_property;

  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, flags);
  properties[PROP_INSIDE] = g_param_spec_double ("inside", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  properties[PROP_DEPTH] = g_param_spec_string ("depth", NULL, NULL, NULL, flags);
  properties[PROP_RANK] = g_param_spec_uint ("rank", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vg_exposed_item_init (VgExposedItem *self)
{
}

VgExposedItem *
vg_exposed_item_new (const char *kind,
                     const char *name,
                     const char *category,
                     double      inside,
                     const char *depth,
                     guint       rank,
                     double      latitude,
                     double      longitude)
{
  VgExposedItem *self = g_object_new (VG_TYPE_EXPOSED_ITEM, NULL);

  self->kind = g_strdup (kind);
  self->name = g_strdup (name);
  self->category = g_strdup (category);
  self->inside = inside;
  self->depth = g_strdup (depth);
  self->rank = rank;
  self->latitude = latitude;
  self->longitude = longitude;
  return self;
}

const char *
vg_exposed_item_get_kind (VgExposedItem *self)
{
  g_return_val_if_fail (VG_IS_EXPOSED_ITEM (self), NULL);

  return self->kind;
}

const char *
vg_exposed_item_get_name (VgExposedItem *self)
{
  g_return_val_if_fail (VG_IS_EXPOSED_ITEM (self), NULL);

  return self->name;
}

void
vg_exposed_item_get_location (VgExposedItem *self,
                              double        *latitude,
                              double        *longitude)
{
  g_return_if_fail (VG_IS_EXPOSED_ITEM (self));

  *latitude = self->latitude;
  *longitude = self->longitude;
}
