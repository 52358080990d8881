/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-replay"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vg-error.h"
#include "vg-feed-kind.h"
#include "vg-replay.h"
#include "vg-scenario-event.h"

/* Incidents injected by the exercise controller arrive as GeoJSON through this feed. */
#define INJECT_FEED "exercise-injects"

struct _VgReplay
{
  GObject      parent_instance;

  VgScenario  *scenario;
  VgSituation *situation;
  VgDecisionScript *decisions;  /* may be NULL */
  guint        next;      /* index of the next event to play */
  guint        n_failed;
};

G_DEFINE_FINAL_TYPE (VgReplay, vg_replay, G_TYPE_OBJECT)

enum { EVENT_PLAYED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
vg_replay_finalize (GObject *object)
{
  VgReplay *self = VG_REPLAY (object);

  g_clear_object (&self->scenario);
  g_clear_object (&self->situation);
  g_clear_object (&self->decisions);

  G_OBJECT_CLASS (vg_replay_parent_class)->finalize (object);
}

static void
vg_replay_class_init (VgReplayClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_replay_finalize;

  /* An event of the scenario was played (the VgScenarioEvent). */
  signals[EVENT_PLAYED] = g_signal_new ("event-played", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, VG_TYPE_SCENARIO_EVENT);
}

static void
vg_replay_init (VgReplay *self)
{
}

static gboolean
feed_kind_of (VgScenarioFeedKind  scenario_kind,
              VgFeedKind         *kind)
{
  /* Both enumerations name the formats by the same stable ids. */
  return vg_feed_kind_from_id (vg_scenario_feed_kind_to_string (scenario_kind), kind);
}

/* Whether any payload of @feed_id in @scenario is reconstructed rather than recorded. */
static gboolean
feed_is_reconstructed (VgScenario *scenario,
                       const char *feed_id)
{
  for (guint i = 0; i < vg_scenario_get_n_events (scenario); i++)
    {
      VgScenarioEvent *event = vg_scenario_get_event (scenario, i);

      if (vg_scenario_event_get_kind (event) == VG_SCENARIO_EVENT_PAYLOAD &&
          g_strcmp0 (vg_scenario_event_get_feed_id (event), feed_id) == 0 && vg_scenario_event_is_reconstructed (event))
        return TRUE;
    }
  return FALSE;
}

VgReplay *
vg_replay_new (VgScenario   *scenario,
               VgSituation  *situation,
               GError      **error)
{
  g_autoptr(VgReplay) self = NULL;
  VgClock *clock;

  g_return_val_if_fail (VG_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (VG_IS_SITUATION (situation), NULL);

  clock = vg_situation_get_clock (situation);
  g_return_val_if_fail (vg_clock_is_manual (clock), NULL);

  self = g_object_new (VG_TYPE_REPLAY, NULL);
  self->scenario = g_object_ref (scenario);
  self->situation = g_object_ref (situation);
  vg_clock_set_now (clock, vg_scenario_get_start (scenario));

  for (guint i = 0; i < vg_scenario_get_n_feeds (scenario); i++)
    {
      VgFeedKind kind;
      g_autofree char *label = NULL;

      if (!feed_kind_of (vg_scenario_get_feed_kind (scenario, i), &kind))
        {
          g_set_error (error, VG_SCENARIO_ERROR, VG_SCENARIO_ERROR_FIELD,
                       _("Scenario “%s”: feed “%s” is of a kind Vigie cannot parse"),
                       vg_scenario_get_id (scenario), vg_scenario_get_feed_id (scenario, i));
          return NULL;
        }
      /* A feed that carries reconstructed payloads says so wherever its name is shown; in the
       * journal's language (the scenario's French label), whatever the locale, so that the
       * journal stays the same. */
      label = feed_is_reconstructed (scenario, vg_scenario_get_feed_id (scenario, i))
              ? g_strdup_printf ("%s — données RECONSTITUÉES", vg_scenario_get_feed_label (scenario, i, "fr"))
              : g_strdup (vg_scenario_get_feed_label (scenario, i, "fr"));
      if (!vg_situation_declare_feed (situation, vg_scenario_get_feed_id (scenario, i), kind, label, error))
        return NULL;
    }
  if (!vg_situation_declare_feed (situation, INJECT_FEED, VG_FEED_KIND_GEOJSON,
                                  _("Exercise controller's injects"), error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
vg_replay_set_decisions (VgReplay          *self,
                         VgDecisionScript  *script,
                         GError           **error)
{
  g_return_val_if_fail (VG_IS_REPLAY (self), FALSE);
  g_return_val_if_fail (VG_IS_DECISION_SCRIPT (script), FALSE);

  if (!vg_decision_script_check_span (script, vg_time_to_usec (vg_scenario_get_start (self->scenario)),
                                      vg_time_to_usec (vg_scenario_get_end (self->scenario)), error))
    return FALSE;
  g_set_object (&self->decisions, script);
  return TRUE;
}

/* The scripted decisions due before @usec (or at it, if @inclusive). */
static gboolean
take_timed (VgReplay  *self,
            gint64     usec,
            gboolean   inclusive,
            GError   **error)
{
  if (self->decisions == NULL)
    return TRUE;
  return vg_decision_script_take_timed (self->decisions, vg_situation_get_proposals (self->situation),
                                        vg_situation_get_clock (self->situation), usec, inclusive, error);
}

VgScenario *
vg_replay_get_scenario (VgReplay *self)
{
  g_return_val_if_fail (VG_IS_REPLAY (self), NULL);

  return self->scenario;
}

VgSituation *
vg_replay_get_situation (VgReplay *self)
{
  g_return_val_if_fail (VG_IS_REPLAY (self), NULL);

  return self->situation;
}

static char *
scenario_url (VgReplay        *self,
              VgScenarioEvent *event)
{
  return g_strdup_printf ("scenario://%s/%s", vg_scenario_get_id (self->scenario), vg_scenario_event_get_file (event));
}

/* Every inject is journaled as such, with the controller's notes (for the review, not for the
 * players' screens). */
static gboolean
journal_inject (VgReplay        *self,
                VgScenarioEvent *event,
                GError         **error)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *o = json_object_new ();
  const char *text = vg_scenario_event_get_text (event, "fr");
  const char *notes = vg_scenario_event_get_controller_notes (event, "fr");

  json_object_set_string_member (o, "scenario", vg_scenario_get_id (self->scenario));
  json_object_set_string_member (o, "inject", vg_scenario_event_get_inject_id (event));
  json_object_set_string_member (o, "type", vg_scenario_inject_type_to_string (vg_scenario_event_get_inject_type (event)));
  if (text != NULL)
    json_object_set_string_member (o, "text", text);
  if (notes != NULL)
    json_object_set_string_member (o, "controller_notes", notes);
  if (vg_scenario_event_get_feed_id (event) != NULL)
    json_object_set_string_member (o, "feed", vg_scenario_event_get_feed_id (event));
  json_object_set_boolean_member (o, "reconstructed", vg_scenario_event_is_reconstructed (event));
  json_node_take_object (node, o);
  return vg_journal_append (vg_situation_get_journal (self->situation), VG_JOURNAL_KIND_SCENARIO_INJECT,
                            vg_scenario_get_id (self->scenario), "exercise-controller", node, NULL, error);
}

static gboolean
ingest_file (VgReplay        *self,
             VgScenarioEvent *event,
             const char      *feed_id,
             GError         **error)
{
  g_autoptr(GBytes) bytes = vg_scenario_event_read (event, error);
  g_autofree char *url = NULL;

  if (bytes == NULL)
    return FALSE;
  url = scenario_url (self, event);
  return vg_situation_ingest_payload (self->situation, feed_id, url, vg_scenario_event_get_content_type (event),
                                      vg_scenario_event_get_time_usec (event), bytes, NULL, error);
}

/* Plays one event. A payload that fails to parse is journaled by the ingestion and counted;
 * only a journal that cannot be written stops the replay. */
static gboolean
play (VgReplay        *self,
      VgScenarioEvent *event,
      GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;

  if (vg_scenario_event_get_kind (event) == VG_SCENARIO_EVENT_PAYLOAD)
    ok = ingest_file (self, event, vg_scenario_event_get_feed_id (event), &local_error);
  else
    {
      if (!journal_inject (self, event, error))
        return FALSE;
      switch (vg_scenario_event_get_inject_type (event))
        {
        case VG_SCENARIO_INJECT_INCIDENT:
          ok = ingest_file (self, event, INJECT_FEED, &local_error);
          break;
        case VG_SCENARIO_INJECT_CAP:
          ok = ingest_file (self, event, vg_scenario_event_get_feed_id (event), &local_error);
          break;
        case VG_SCENARIO_INJECT_FEED_FAILURE:
          {
            g_autoptr(GError) failure = g_error_new (VG_FEED_ERROR, VG_FEED_ERROR_UNREACHABLE,
                                                     _("Exercise: feed out of service (%s)"),
                                                     vg_scenario_event_get_text (event, "fr"));

            ok = vg_situation_feed_failed (self->situation, vg_scenario_event_get_feed_id (event), failure, &local_error);
          }
          break;
        case VG_SCENARIO_INJECT_NOTE:
          ok = vg_situation_add_note (self->situation, _("Exercise controller"),
                                      vg_scenario_event_get_text (event, "fr"), NULL, NULL, &local_error);
          break;
        case VG_SCENARIO_INJECT_FEED_RECOVERY:
          /* The feed's next payload records it as healthy again. */
          break;
        case VG_SCENARIO_INJECT_NONE:
        default:
          break;
        }
    }

  if (!ok)
    {
      if (g_error_matches (local_error, VG_STORE_ERROR, VG_STORE_ERROR_WRITE))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_debug ("%s: %s", vg_scenario_event_get_origin (event), local_error->message);
      self->n_failed++;
    }
  return TRUE;
}

gboolean
vg_replay_step (VgReplay  *self,
                GError   **error)
{
  VgScenarioEvent *event;
  VgJournal *journal;
  gboolean ok;

  g_return_val_if_fail (VG_IS_REPLAY (self), FALSE);

  if (self->next >= vg_scenario_get_n_events (self->scenario))
    return FALSE;
  event = vg_scenario_get_event (self->scenario, self->next);
  if (!take_timed (self, vg_scenario_event_get_time_usec (event), FALSE, error))
    return FALSE;
  vg_clock_set_now (vg_situation_get_clock (self->situation), vg_scenario_event_get_time (event));
  /* What one event journals (its payload, the projections and proposals it moves) is written
   * once; a decision taken after it is still durable before it counts as taken. */
  journal = vg_situation_get_journal (self->situation);
  vg_journal_begin_group (journal);
  ok = play (self, event, error) &&
       (self->decisions == NULL ||
        vg_decision_script_take_matched (self->decisions, vg_situation_get_proposals (self->situation), error));
  if (!vg_journal_end_group (journal, ok ? error : NULL) || !ok)
    return FALSE;
  self->next++;
  g_signal_emit (self, signals[EVENT_PLAYED], 0, event);
  return TRUE;
}

gboolean
vg_replay_advance_to (VgReplay  *self,
                      gint64     usec,
                      GError   **error)
{
  gint64 end;

  g_return_val_if_fail (VG_IS_REPLAY (self), FALSE);

  while (vg_replay_get_next_time (self) <= usec)
    if (!vg_replay_step (self, error))
      return FALSE;

  end = vg_time_to_usec (vg_scenario_get_end (self->scenario));
  if (!take_timed (self, MIN (usec, end), TRUE, error))
    return FALSE;
  {
    g_autoptr(GDateTime) at = vg_time_new_from_usec (MIN (usec, end));

    vg_clock_set_now (vg_situation_get_clock (self->situation), at);
  }
  vg_picture_refresh (vg_situation_get_picture (self->situation));
  return TRUE;
}

gboolean
vg_replay_run_to_end (VgReplay  *self,
                      GError   **error)
{
  g_return_val_if_fail (VG_IS_REPLAY (self), FALSE);

  if (!vg_replay_advance_to (self, vg_time_to_usec (vg_scenario_get_end (self->scenario)), error))
    return FALSE;
  if (self->decisions != NULL)
    vg_decision_script_finish (self->decisions);
  return TRUE;
}

gint64
vg_replay_get_next_time (VgReplay *self)
{
  VgScenarioEvent *event;

  g_return_val_if_fail (VG_IS_REPLAY (self), G_MAXINT64);

  if (self->next >= vg_scenario_get_n_events (self->scenario))
    return G_MAXINT64;
  event = vg_scenario_get_event (self->scenario, self->next);
  return vg_scenario_event_get_time_usec (event);
}

guint
vg_replay_get_n_played (VgReplay *self)
{
  g_return_val_if_fail (VG_IS_REPLAY (self), 0);

  return self->next;
}

gboolean
vg_replay_is_finished (VgReplay *self)
{
  g_return_val_if_fail (VG_IS_REPLAY (self), TRUE);

  return self->next >= vg_scenario_get_n_events (self->scenario);
}

guint
vg_replay_get_n_failed (VgReplay *self)
{
  g_return_val_if_fail (VG_IS_REPLAY (self), 0);

  return self->n_failed;
}
