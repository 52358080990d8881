/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-action"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vg-action.h"

static const GEnumValue action_values[] = {
  { VG_ACTION_ROAD_CLOSURE, "VG_ACTION_ROAD_CLOSURE", "road-closure" },
  { VG_ACTION_EVACUATION, "VG_ACTION_EVACUATION", "evacuation" },
  { VG_ACTION_OPEN_COOLING_CENTRE, "VG_ACTION_OPEN_COOLING_CENTRE", "open-cooling-centre" },
  { VG_ACTION_OPEN_SHELTER, "VG_ACTION_OPEN_SHELTER", "open-shelter" },
  { VG_ACTION_PREPOSITION_PUMPS, "VG_ACTION_PREPOSITION_PUMPS", "preposition-pumps" },
  { VG_ACTION_PREPOSITION_BARRIERS, "VG_ACTION_PREPOSITION_BARRIERS", "preposition-barriers" },
  { VG_ACTION_WELFARE_CHECK_TASK, "VG_ACTION_WELFARE_CHECK_TASK", "welfare-check-task" },
  { VG_ACTION_PUBLIC_ALERT_DRAFT, "VG_ACTION_PUBLIC_ALERT_DRAFT", "public-alert-draft" },
  { VG_ACTION_TRAFFIC_DIVERSION, "VG_ACTION_TRAFFIC_DIVERSION", "traffic-diversion" },
  { 0, NULL, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (action_values) == VG_N_ACTIONS + 1);

static const char * const output_ids[VG_N_OUTPUTS] = {
  [VG_OUTPUT_TASK] = "task",
  [VG_OUTPUT_ORDER_SHEET] = "order-sheet",
  [VG_OUTPUT_CAP] = "cap",
  [VG_OUTPUT_DATEX] = "datex",
};

GType
vg_action_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("VgAction"), action_values));
  return type;
}

gboolean
vg_action_from_id (const char *id,
                   VgAction   *action)
{
  g_return_val_if_fail (action != NULL, FALSE);

  for (guint i = 0; id != NULL && i < VG_N_ACTIONS; i++)
    if (g_str_equal (id, action_values[i].value_nick))
      {
        *action = action_values[i].value;
        return TRUE;
      }
  return FALSE;
}

const char *
vg_action_to_id (VgAction action)
{
  g_return_val_if_fail (action < VG_N_ACTIONS, NULL);

  return action_values[action].value_nick;
}

const char *
vg_action_get_label (VgAction action)
{
  switch (action)
    {
    case VG_ACTION_ROAD_CLOSURE:
      return _("Road closure");
    case VG_ACTION_EVACUATION:
      return _("Evacuation");
    case VG_ACTION_OPEN_COOLING_CENTRE:
      return _("Open a cooling centre");
    case VG_ACTION_OPEN_SHELTER:
      return _("Open an emergency shelter");
    case VG_ACTION_PREPOSITION_PUMPS:
      return _("Pre-position pumps");
    case VG_ACTION_PREPOSITION_BARRIERS:
      return _("Pre-position flood barriers");
    case VG_ACTION_WELFARE_CHECK_TASK:
      return _("Welfare checks (task for social services)");
    case VG_ACTION_PUBLIC_ALERT_DRAFT:
      return _("Public alert draft");
    case VG_ACTION_TRAFFIC_DIVERSION:
      return _("Traffic diversion");
    case VG_N_ACTIONS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
vg_action_touches_people (VgAction action)
{
  g_return_val_if_fail (action < VG_N_ACTIONS, TRUE);

  return action == VG_ACTION_EVACUATION || action == VG_ACTION_WELFARE_CHECK_TASK;
}

guint
vg_action_get_outputs (VgAction action)
{
  guint outputs = VG_OUTPUT_MASK (VG_OUTPUT_TASK) | VG_OUTPUT_MASK (VG_OUTPUT_ORDER_SHEET);

  g_return_val_if_fail (action < VG_N_ACTIONS, 0);

  if (action == VG_ACTION_PUBLIC_ALERT_DRAFT)
    outputs |= VG_OUTPUT_MASK (VG_OUTPUT_CAP);
  if (action == VG_ACTION_ROAD_CLOSURE)
    outputs |= VG_OUTPUT_MASK (VG_OUTPUT_DATEX);
  return outputs;
}

gboolean
vg_output_kind_from_id (const char   *id,
                        VgOutputKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; id != NULL && i < VG_N_OUTPUTS; i++)
    if (g_str_equal (id, output_ids[i]))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
vg_output_kind_to_id (VgOutputKind kind)
{
  g_return_val_if_fail (kind < VG_N_OUTPUTS, NULL);

  return output_ids[kind];
}
