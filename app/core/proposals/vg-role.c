/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-role"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vg-error.h"
#include "vg-role.h"

static const GEnumValue role_values[] = {
  { VG_ROLE_OPERATOR, "VG_ROLE_OPERATOR", "operator" },
  { VG_ROLE_VALIDATOR, "VG_ROLE_VALIDATOR", "validator" },
  { VG_ROLE_OBSERVER, "VG_ROLE_OBSERVER", "observer" },
  { VG_ROLE_EXERCISE_CONTROLLER, "VG_ROLE_EXERCISE_CONTROLLER", "exercise-controller" },
  { 0, NULL, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (role_values) == VG_N_ROLES + 1);

GType
vg_role_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("VgRole"), role_values));
  return type;
}

gboolean
vg_role_from_id (const char *id,
                 VgRole     *role)
{
  g_return_val_if_fail (role != NULL, FALSE);

  for (guint i = 0; id != NULL && i < VG_N_ROLES; i++)
    if (g_str_equal (id, role_values[i].value_nick))
      {
        *role = role_values[i].value;
        return TRUE;
      }
  return FALSE;
}

const char *
vg_role_to_id (VgRole role)
{
  g_return_val_if_fail (role < VG_N_ROLES, NULL);

  return role_values[role].value_nick;
}

const char *
vg_role_get_label (VgRole role)
{
  switch (role)
    {
    case VG_ROLE_OPERATOR:
      return _("Operator");
    case VG_ROLE_VALIDATOR:
      return _("Validator (decision-maker’s delegate)");
    case VG_ROLE_OBSERVER:
      return _("Observer (read-only)");
    case VG_ROLE_EXERCISE_CONTROLLER:
      return _("Exercise controller");
    case VG_N_ROLES:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
vg_role_check_decide (VgRole       role,
                      const char  *who,
                      gboolean     exercise,
                      gboolean     touches_people,
                      GError     **error)
{
  g_return_val_if_fail (role < VG_N_ROLES, FALSE);

  switch (role)
    {
    case VG_ROLE_VALIDATOR:
      return TRUE;
    case VG_ROLE_OPERATOR:
      if (!touches_people)
        return TRUE;
      g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_FORBIDDEN,
                   _("%s is signed in as operator: an action touching people (evacuation, welfare "
                     "checks, public alerts) needs a validator"), who);
      return FALSE;
    case VG_ROLE_OBSERVER:
      g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_FORBIDDEN,
                   _("%s is signed in as observer: observers cannot decide"), who);
      return FALSE;
    case VG_ROLE_EXERCISE_CONTROLLER:
      /* A controller may play the missing decision-maker of a drill; in a live situation the
       * people in charge decide, never the one who runs exercises. */
      if (exercise)
        return TRUE;
      g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_FORBIDDEN,
                   _("%s is signed in as exercise controller: this is a live journal, not an exercise"), who);
      return FALSE;
    case VG_N_ROLES:
    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
vg_role_check_mark_done (VgRole       role,
                         const char  *who,
                         gboolean     exercise,
                         GError     **error)
{
  /* Reporting that an approved action was carried out decides nothing new: any role that may
   * decide some action may report it. */
  return vg_role_check_decide (role, who, exercise, FALSE, error);
}
