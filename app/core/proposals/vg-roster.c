/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-roster"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vg-error.h"
#include "vg-ini-private.h"
#include "vg-roster.h"

struct _VgRoster
{
  GObject    parent_instance;

  char      *path;
  GPtrArray *entries;   /* of VgOperator */
};

static void vg_roster_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VgRoster, vg_roster, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, vg_roster_list_model_init))

static GType
vg_roster_get_item_type (GListModel *model)
{
  return VG_TYPE_OPERATOR;
}

static guint
vg_roster_get_n_items (GListModel *model)
{
  return VG_ROSTER (model)->entries->len;
}

static gpointer
vg_roster_get_item (GListModel *model,
                    guint       position)
{
  VgRoster *self = VG_ROSTER (model);

  if (position >= self->entries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
vg_roster_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = vg_roster_get_item_type;
  iface->get_n_items = vg_roster_get_n_items;
  iface->get_item = vg_roster_get_item;
}

static void
vg_roster_finalize (GObject *object)
{
  VgRoster *self = VG_ROSTER (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (vg_roster_parent_class)->finalize (object);
}

static void
vg_roster_class_init (VgRosterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_roster_finalize;
}

static void
vg_roster_init (VgRoster *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
}

static gboolean G_GNUC_PRINTF (4, 5)
roster_error (GError     **error,
              VgIni       *ini,
              guint        line,
              const char  *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_ROSTER, "%s:%u: %s", vg_ini_get_path (ini), line, message);
  return FALSE;
}

static gboolean
load_person (VgRoster  *self,
             VgIni     *ini,
             guint      group,
             GError   **error)
{
  const char *name = vg_ini_get_group_name (ini, group);
  g_auto(GStrv) roles = NULL;
  const char *value;
  const char *function;
  guint line;
  guint mask = 0;

  for (guint k = 0; k < vg_ini_get_n_keys (ini, group); k++)
    {
      const char *key = vg_ini_get_key (ini, group, k, &line);

      if (!g_str_equal (key, "roles") && !g_str_equal (key, "function"))
        return roster_error (error, ini, line, _("[%s]: unknown key “%s” (a person has “roles” and “function”)"),
                             name, key);
    }
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return roster_error (error, ini, vg_ini_get_group_line (ini, group), _("[%s]: a name cannot hold control characters"), name);

  if ((value = vg_ini_lookup (ini, group, "roles", &line)) == NULL)
    return roster_error (error, ini, line, _("[%s]: missing key “roles” (operator, validator, observer, exercise-controller)"),
                         name);
  function = vg_ini_lookup (ini, group, "function", NULL);
  roles = g_strsplit (value, ";", -1);
  for (guint i = 0; roles[i] != NULL; i++)
    {
      VgRole role;

      g_strstrip (roles[i]);
      if (*roles[i] == '\0')
        continue;
      if (!vg_role_from_id (roles[i], &role))
        return roster_error (error, ini, line,
                             _("[%s], key “roles”: unknown role “%s” (operator, validator, observer, exercise-controller)"),
                             name, roles[i]);
      if (mask & (1u << role))
        continue;
      mask |= 1u << role;
      g_ptr_array_add (self->entries, vg_operator_new (name, role, function != NULL && *function != '\0' ? function : NULL));
    }
  if (mask == 0)
    return roster_error (error, ini, line, _("[%s], key “roles”: no role given"), name);
  return TRUE;
}

VgRoster *
vg_roster_load (const char  *path,
                GError     **error)
{
  g_autoptr(VgRoster) self = NULL;
  g_autoptr(GError) local_error = NULL;
  VgIni *ini;

  g_return_val_if_fail (path != NULL, NULL);

  if ((ini = vg_ini_load (path, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_ROSTER, error)) == NULL)
    return NULL;
  self = g_object_new (VG_TYPE_ROSTER, NULL);
  self->path = g_strdup (path);
  for (guint g = 0; g < vg_ini_get_n_groups (ini) && local_error == NULL; g++)
    load_person (self, ini, g, &local_error);
  if (local_error == NULL && self->entries->len == 0)
    g_set_error (&local_error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_ROSTER,
                 _("%s: the roster names nobody: add a [Name] group with its roles"), path);
  vg_ini_free (ini);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&self);
}

char *
vg_roster_dup_default_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "vigie", "roster.ini", NULL);
}

const char *
vg_roster_get_path (VgRoster *self)
{
  g_return_val_if_fail (VG_IS_ROSTER (self), NULL);

  return self->path;
}

VgOperator *
vg_roster_sign_in (VgRoster    *self,
                   const char  *name,
                   VgRole       role,
                   GError     **error)
{
  gboolean known = FALSE;

  g_return_val_if_fail (VG_IS_ROSTER (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      VgOperator *entry = g_ptr_array_index (self->entries, i);

      if (!g_str_equal (vg_operator_get_name (entry), name))
        continue;
      known = TRUE;
      if (vg_operator_get_role (entry) == role)
        return g_object_ref (entry);
    }
  if (known)
    g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_FORBIDDEN,
                 _("%s may not sign in as %s (roster %s)"), name, vg_role_to_id (role), self->path);
  else
    g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_FORBIDDEN,
                 _("“%s” is not on the roster %s"), name, self->path);
  return NULL;
}
