/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-proposal-target"

#include "config.h"

#include <math.h>

#include "vg-json-private.h"
#include "vg-proposal-target.h"

struct _VgProposalTarget
{
  GObject   parent_instance;

  char     *id;
  char     *kind;
  char     *name;
  char     *category;
  double    lon, lat;
  JsonNode *geometry;
};

G_DEFINE_FINAL_TYPE (VgProposalTarget, vg_proposal_target, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_KIND, PROP_NAME, PROP_CATEGORY, PROP_LONGITUDE, PROP_LATITUDE, PROP_GEOMETRY, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
vg_proposal_target_finalize (GObject *object)
{
  VgProposalTarget *self = VG_PROPOSAL_TARGET (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->geometry, json_node_unref);

  G_OBJECT_CLASS (vg_proposal_target_parent_class)->finalize (object);
}

static void
vg_proposal_target_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VgProposalTarget *self = VG_PROPOSAL_TARGET (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case PROP_LONGITUDE:
      g_value_set_double (value, self->lon);
      break;
    case PROP_LATITUDE:
      g_value_set_double (value, self->lat);
      break;
    case PROP_GEOMETRY:
      g_value_set_boxed (value, self->geometry);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vg_proposal_target_class_init (VgProposalTargetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vg_proposal_target_finalize;
  object_class->get_property = vg_proposal_target_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LONGITUDE] =
    g_param_spec_double ("longitude", NULL, NULL, -180, 180, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LATITUDE] =
    g_param_spec_double ("latitude", NULL, NULL, -90, 90, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_GEOMETRY] =
    g_param_spec_boxed ("geometry", NULL, NULL, JSON_TYPE_NODE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vg_proposal_target_init (VgProposalTarget *self)
{
}

VgProposalTarget *
vg_proposal_target_new_from_json (JsonObject *object)
{
  g_autoptr(VgProposalTarget) self = NULL;
  JsonObject *geometry = vg_json_member_object (object, "geometry");
  JsonArray *coordinates = vg_json_member_array (geometry, "coordinates");
  JsonNode *first = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  if (vg_json_member_string (object, "id") == NULL || vg_json_member_string (object, "kind") == NULL ||
      vg_json_member_string (object, "name") == NULL || coordinates == NULL || json_array_get_length (coordinates) == 0)
    return NULL;

  self = g_object_new (VG_TYPE_PROPOSAL_TARGET, NULL);
  self->id = g_strdup (vg_json_member_string (object, "id"));
  self->kind = g_strdup (vg_json_member_string (object, "kind"));
  self->name = g_strdup (vg_json_member_string (object, "name"));
  self->category = g_strdup (vg_json_member_string (object, "category"));
  self->geometry = vg_json_deep_copy (json_object_get_member (object, "geometry"));
  /* A Point's coordinates are [lon, lat]; a LineString's, [[lon, lat], …]. */
  first = json_array_get_element (coordinates, 0);
  if (JSON_NODE_HOLDS_ARRAY (first))
    coordinates = json_node_get_array (first);
  self->lon = json_array_get_length (coordinates) >= 2 ? json_array_get_double_element (coordinates, 0) : NAN;
  self->lat = json_array_get_length (coordinates) >= 2 ? json_array_get_double_element (coordinates, 1) : NAN;
  return g_steal_pointer (&self);
}

const char *
vg_proposal_target_get_id (VgProposalTarget *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL_TARGET (self), NULL);

  return self->id;
}

const char *
vg_proposal_target_get_kind (VgProposalTarget *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL_TARGET (self), NULL);

  return self->kind;
}

const char *
vg_proposal_target_get_name (VgProposalTarget *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL_TARGET (self), NULL);

  return self->name;
}

const char *
vg_proposal_target_get_category (VgProposalTarget *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL_TARGET (self), NULL);

  return self->category;
}

void
vg_proposal_target_get_position (VgProposalTarget *self,
                                 double           *lon,
                                 double           *lat)
{
  g_return_if_fail (VG_IS_PROPOSAL_TARGET (self));

  if (lon != NULL)
    *lon = self->lon;
  if (lat != NULL)
    *lat = self->lat;
}

JsonNode *
vg_proposal_target_get_geometry (VgProposalTarget *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL_TARGET (self), NULL);

  return self->geometry;
}
