/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-operator"

#include "config.h"

#include "vg-operator.h"

struct _VgOperator
{
  GObject  parent_instance;

  char    *name;
  VgRole   role;
  char    *function;
};

G_DEFINE_FINAL_TYPE (VgOperator, vg_operator, G_TYPE_OBJECT)

enum { PROP_0, PROP_NAME, PROP_ROLE, PROP_FUNCTION, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
vg_operator_finalize (GObject *object)
{
  VgOperator *self = VG_OPERATOR (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->function, g_free);

  G_OBJECT_CLASS (vg_operator_parent_class)->finalize (object);
}

static void
vg_operator_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VgOperator *self = VG_OPERATOR (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    case PROP_FUNCTION:
      g_value_set_string (value, self->function);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vg_operator_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VgOperator *self = VG_OPERATOR (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_ROLE:
      self->role = g_value_get_enum (value);
      break;
    case PROP_FUNCTION:
      self->function = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vg_operator_class_init (VgOperatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vg_operator_finalize;
  object_class->get_property = vg_operator_get_property;
  object_class->set_property = vg_operator_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, VG_TYPE_ROLE, VG_ROLE_OBSERVER,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FUNCTION] =
    g_param_spec_string ("function", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vg_operator_init (VgOperator *self)
{
}

VgOperator *
vg_operator_new (const char *name,
                 VgRole      role,
                 const char *function)
{
  g_return_val_if_fail (name != NULL && *name != '\0', NULL);
  g_return_val_if_fail (role < VG_N_ROLES, NULL);

  return g_object_new (VG_TYPE_OPERATOR, "name", name, "role", role, "function", function, NULL);
}

const char *
vg_operator_get_name (VgOperator *self)
{
  g_return_val_if_fail (VG_IS_OPERATOR (self), NULL);

  return self->name;
}

VgRole
vg_operator_get_role (VgOperator *self)
{
  g_return_val_if_fail (VG_IS_OPERATOR (self), VG_ROLE_OBSERVER);

  return self->role;
}

const char *
vg_operator_get_function (VgOperator *self)
{
  g_return_val_if_fail (VG_IS_OPERATOR (self), NULL);

  return self->function;
}
