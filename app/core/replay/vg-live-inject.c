/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-live-inject"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "vg-error.h"
#include "vg-live-inject.h"
#include "vg-scenario.h"
#include "vg-situation.h"

static gboolean
scenario_has_feed (VgScenario *scenario,
                   const char *feed_id)
{
  for (guint i = 0; i < vg_scenario_get_n_feeds (scenario); i++)
    if (g_strcmp0 (vg_scenario_get_feed_id (scenario, i), feed_id) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
check_inject (VgReplay             *replay,
              VgOperator           *controller,
              VgScenarioInjectType  type,
              const char           *feed_id,
              const char           *text,
              GError              **error)
{
  VgScenario *scenario = vg_replay_get_scenario (replay);
  gboolean blank = text == NULL || *text == '\0' || strspn (text, " \t\r\n") == strlen (text);

  if (vg_operator_get_role (controller) != VG_ROLE_EXERCISE_CONTROLLER)
    {
      g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_FORBIDDEN,
                   _("Only the exercise controller may inject; %s is signed in as %s"),
                   vg_operator_get_name (controller), vg_role_get_label (vg_operator_get_role (controller)));
      return FALSE;
    }
  if (!vg_situation_is_exercise (vg_replay_get_situation (replay)))
    {
      g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_FORBIDDEN,
                   _("Injects go into an exercise, never into a live situation"));
      return FALSE;
    }
  switch (type)
    {
    case VG_SCENARIO_INJECT_NOTE:
      if (blank)
        {
          g_set_error (error, VG_SCENARIO_ERROR, VG_SCENARIO_ERROR_FIELD, _("A note inject needs its text"));
          return FALSE;
        }
      return TRUE;
    case VG_SCENARIO_INJECT_FEED_FAILURE:
    case VG_SCENARIO_INJECT_FEED_RECOVERY:
      if (!scenario_has_feed (scenario, feed_id))
        {
          g_set_error (error, VG_SCENARIO_ERROR, VG_SCENARIO_ERROR_FIELD, _("Scenario “%s” has no feed “%s”"),
                       vg_scenario_get_id (scenario), feed_id != NULL ? feed_id : "");
          return FALSE;
        }
      if (type == VG_SCENARIO_INJECT_FEED_FAILURE && blank)
        {
          g_set_error (error, VG_SCENARIO_ERROR, VG_SCENARIO_ERROR_FIELD,
                       _("A feed failure inject needs the reason the players will see"));
          return FALSE;
        }
      return TRUE;
    case VG_SCENARIO_INJECT_INCIDENT:
    case VG_SCENARIO_INJECT_CAP:
    case VG_SCENARIO_INJECT_NONE:
    default:
      g_set_error (error, VG_SCENARIO_ERROR, VG_SCENARIO_ERROR_FIELD,
                   _("A live inject is a note, a feed failure or a feed recovery, not “%s”"),
                   vg_scenario_inject_type_to_string (type));
      return FALSE;
    }
}

gboolean
vg_live_inject (VgReplay             *replay,
                VgOperator           *controller,
                VgScenarioInjectType  type,
                const char           *feed_id,
                const char           *text,
                guint64              *seq,
                GError              **error)
{
  VgSituation *situation;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *stripped = NULL;
  JsonObject *o;

  g_return_val_if_fail (VG_IS_REPLAY (replay), FALSE);
  g_return_val_if_fail (VG_IS_OPERATOR (controller), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_inject (replay, controller, type, feed_id, text, error))
    return FALSE;
  situation = vg_replay_get_situation (replay);
  stripped = text != NULL ? g_strstrip (g_strdup (text)) : NULL;

  node = json_node_new (JSON_NODE_OBJECT);
  o = json_object_new ();
  json_object_set_string_member (o, "scenario", vg_scenario_get_id (vg_replay_get_scenario (replay)));
  json_object_set_string_member (o, "inject", "live");
  json_object_set_string_member (o, "type", vg_scenario_inject_type_to_string (type));
  if (stripped != NULL && *stripped != '\0')
    json_object_set_string_member (o, "text", stripped);
  if (feed_id != NULL && type != VG_SCENARIO_INJECT_NOTE)
    json_object_set_string_member (o, "feed", feed_id);
  json_object_set_string_member (o, "controller", vg_operator_get_name (controller));
  json_object_set_boolean_member (o, "live", TRUE);
  json_node_take_object (node, o);
  if (!vg_journal_append (vg_situation_get_journal (situation), VG_JOURNAL_KIND_SCENARIO_INJECT,
                          vg_scenario_get_id (vg_replay_get_scenario (replay)), vg_operator_get_name (controller),
                          node, seq, error))
    return FALSE;

  switch (type)
    {
    case VG_SCENARIO_INJECT_NOTE:
      return vg_situation_add_note (situation, vg_operator_get_name (controller), stripped, NULL, NULL, error);
    case VG_SCENARIO_INJECT_FEED_FAILURE:
      {
        g_autoptr(GError) failure = g_error_new (VG_FEED_ERROR, VG_FEED_ERROR_UNREACHABLE,
                                                 _("Exercise: feed out of service (%s)"), stripped);

        return vg_situation_feed_failed (situation, feed_id, failure, error);
      }
    case VG_SCENARIO_INJECT_FEED_RECOVERY:
    case VG_SCENARIO_INJECT_INCIDENT:
    case VG_SCENARIO_INJECT_CAP:
    case VG_SCENARIO_INJECT_NONE:
    default:
      /* The feed's next payload records it as healthy again, as a scripted recovery does. */
      return TRUE;
    }
}
