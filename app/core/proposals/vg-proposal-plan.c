/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-proposal-plan"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "vg-fact-set-private.h"
#include "vg-json-private.h"
#include "vg-proposal-plan-private.h"
#include "vg-proposal-record-private.h"
#include "vg-template-private.h"

/* The words below go into the journal in both languages at once, never through gettext: the same
 * journal must read the same on every machine, whatever its locale. */

static GTimeZone *
payload_zone (JsonObject *payload)
{
  GTimeZone *zone = g_time_zone_new_identifier (vg_json_member_string (payload, "timezone"));

  return zone != NULL ? zone : g_time_zone_new_utc ();
}

static gint64
time_of (JsonObject *payload,
         const char *member)
{
  gint64 usec = 0;

  vg_fact_time_parse (vg_json_member_string (payload, member), &usec);
  return usec;
}

static void
add_change (JsonArray  *changes,
            const char *what,
            char       *fr,
            char       *en)
{
  JsonObject *change = json_object_new ();

  json_object_set_string_member (change, "what", what);
  json_object_set_string_member (change, "fr", fr);
  json_object_set_string_member (change, "en", en);
  json_array_add_object_element (changes, change);
  g_free (fr);
  g_free (en);
}

static GHashTable *
target_names (JsonObject *payload)
{
  GHashTable *names = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *targets = vg_json_member_array (payload, "targets");

  for (guint i = 0; targets != NULL && i < json_array_get_length (targets); i++)
    {
      JsonObject *target = json_array_get_object_element (targets, i);

      g_hash_table_insert (names, (gpointer) vg_json_member_string (target, "id"), (gpointer) vg_json_member_string (target, "name"));
    }
  return names;
}

/* Targets of @a missing from @b, as names in target order. */
static GPtrArray *
targets_missing (JsonObject *a,
                 GHashTable *b)
{
  GPtrArray *names = g_ptr_array_new ();
  JsonArray *targets = vg_json_member_array (a, "targets");

  for (guint i = 0; targets != NULL && i < json_array_get_length (targets); i++)
    {
      JsonObject *target = json_array_get_object_element (targets, i);

      if (!g_hash_table_contains (b, vg_json_member_string (target, "id")))
        g_ptr_array_add (names, (gpointer) vg_json_member_string (target, "name"));
    }
  return names;
}

static void
target_change (JsonArray  *changes,
               const char *what,
               const char *sign,
               GPtrArray  *names)
{
  g_autofree char *fr = vg_format_list (names, 6, VG_LANG_FR);
  g_autofree char *en = vg_format_list (names, 6, VG_LANG_EN);

  add_change (changes, what, g_strdup_printf ("%s%u cible(s) : %s", sign, names->len, fr),
              g_strdup_printf ("%s%u target(s): %s", sign, names->len, en));
}

/* What changed materially from @old to @new (see the header); @escalated tells whether any change
 * goes towards more danger or urgency. */
static JsonArray *
material_changes (JsonObject *old,
                  JsonObject *new,
                  gboolean   *escalated)
{
  g_autoptr(GHashTable) old_targets = target_names (old);
  g_autoptr(GHashTable) new_targets = target_names (new);
  g_autoptr(GPtrArray) added = targets_missing (new, old_targets);
  g_autoptr(GPtrArray) removed = targets_missing (old, new_targets);
  JsonArray *changes = json_array_new ();
  gboolean flood = g_strcmp0 (vg_json_member_string (new, "hazard"), "flood") == 0;
  double old_bracket = vg_json_member_double (old, "bracket", 0);
  double new_bracket = vg_json_member_double (new, "bracket", 0);
  gint64 shift = time_of (new, "deadline") - time_of (old, "deadline");
  gint64 old_priority = vg_json_member_int (old, "priority", 5);
  gint64 new_priority = vg_json_member_int (new, "priority", 5);
  gint64 old_rule = vg_json_member_int (vg_json_member_object (old, "rule"), "version", 0);
  gint64 new_rule = vg_json_member_int (vg_json_member_object (new, "rule"), "version", 0);

  *escalated = FALSE;
  if (added->len > 0)
    {
      target_change (changes, "targets-added", "+", added);
      *escalated = TRUE;
    }
  if (removed->len > 0)
    target_change (changes, "targets-removed", "−", removed);
  if (new_bracket != old_bracket)
    {
      g_autofree char *from_fr = vg_format_number (old_bracket, 2, VG_LANG_FR);
      g_autofree char *to_fr = vg_format_number (new_bracket, 2, VG_LANG_FR);
      g_autofree char *from_en = vg_format_number (old_bracket, 2, VG_LANG_EN);
      g_autofree char *to_en = vg_format_number (new_bracket, 2, VG_LANG_EN);
      gboolean up = new_bracket > old_bracket;

      if (flood)
        add_change (changes, up ? "bracket-up" : "bracket-down",
                    g_strdup_printf ("palier de hauteur %s → %s m", from_fr, to_fr),
                    g_strdup_printf ("stage bracket %s → %s m", from_en, to_en));
      else
        add_change (changes, up ? "bracket-up" : "bracket-down",
                    g_strdup_printf ("niveau %s → %s", from_fr, to_fr), g_strdup_printf ("level %s → %s", from_en, to_en));
      *escalated |= up;
    }
  if (llabs (shift) >= VG_PROPOSAL_MATERIAL_MINUTES * G_TIME_SPAN_MINUTE)
    {
      g_autofree char *fr = vg_format_minutes (llabs (shift) / G_TIME_SPAN_MINUTE, VG_LANG_FR);
      g_autofree char *en = vg_format_minutes (llabs (shift) / G_TIME_SPAN_MINUTE, VG_LANG_EN);

      if (shift < 0)
        add_change (changes, "deadline-earlier", g_strdup_printf ("échéance avancée de %s", fr),
                    g_strdup_printf ("deadline earlier by %s", en));
      else
        add_change (changes, "deadline-later", g_strdup_printf ("échéance repoussée de %s", fr),
                    g_strdup_printf ("deadline later by %s", en));
      *escalated |= shift < 0;
    }
  if (new_priority != old_priority)
    {
      add_change (changes, new_priority < old_priority ? "priority-up" : "priority-down",
                  g_strdup_printf ("priorité %" G_GINT64_FORMAT " → %" G_GINT64_FORMAT, old_priority, new_priority),
                  g_strdup_printf ("priority %" G_GINT64_FORMAT " → %" G_GINT64_FORMAT, old_priority, new_priority));
      *escalated |= new_priority < old_priority;
    }
  if (new_rule != old_rule)
    add_change (changes, "rule-updated",
                g_strdup_printf ("règle mise à jour (v%" G_GINT64_FORMAT " → v%" G_GINT64_FORMAT ")", old_rule, new_rule),
                g_strdup_printf ("rule updated (v%" G_GINT64_FORMAT " → v%" G_GINT64_FORMAT ")", old_rule, new_rule));
  return changes;
}

static gboolean
add_entry (VgJournalBatch  *batch,
           JsonObject      *payload,
           GError         **error)
{
  g_autoptr(JsonNode) node = vg_json_object_node (json_object_ref (payload));

  return vg_journal_batch_add (batch, VG_JOURNAL_KIND_PROPOSAL, "proposals", "vigie", node, error);
}

/* The earlier version as the new one recalls it: how it ended, and by whose decision. */
static JsonObject *
previous_object (const VgProposalRecord *record)
{
  JsonObject *previous = json_object_new ();

  json_object_set_int_member (previous, "version", record->version);
  json_object_set_string_member (previous, "state", vg_proposal_state_to_id (record->state));
  if (record->verdict != NULL)
    {
      g_autofree char *reason = vg_journal_entry_dup_string (record->verdict, "reason");

      json_object_set_int_member (previous, "decision", vg_journal_entry_get_seq (record->verdict));
      json_object_set_string_member (previous, "by", vg_journal_entry_get_author (record->verdict));
      if (reason != NULL)
        json_object_set_string_member (previous, "reason", reason);
    }
  return previous;
}

static gboolean
propose (VgJournalBatch          *batch,
         JsonObject              *candidate,
         const VgProposalRecord  *record,
         JsonArray               *changes,
         GError                 **error)
{
  g_autoptr(JsonObject) payload = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, candidate);
  while (json_object_iter_next (&iter, &name, &value))
    json_object_set_member (payload, name, vg_json_deep_copy (value));
  json_object_set_int_member (payload, "version", record != NULL ? record->version + 1 : 1);
  json_object_set_string_member (payload, "state", "proposed");
  if (record != NULL)
    {
      json_object_set_array_member (payload, "changes", json_array_ref (changes));
      json_object_set_object_member (payload, "previous", previous_object (record));
    }
  return add_entry (batch, payload, error);
}

static gboolean
close_proposal (VgJournalBatch          *batch,
                const VgProposalRecord  *record,
                const char              *state,
                char                    *fr,
                char                    *en,
                GError                 **error)
{
  g_autoptr(JsonObject) payload = json_object_new ();
  JsonObject *reason = json_object_new ();

  json_object_set_string_member (payload, "proposal", record->id);
  json_object_set_int_member (payload, "version", record->version);
  json_object_set_string_member (payload, "state", state);
  json_object_set_string_member (reason, "fr", fr);
  json_object_set_string_member (reason, "en", en);
  json_object_set_object_member (payload, "reason", reason);
  g_free (fr);
  g_free (en);
  return add_entry (batch, payload, error);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  return strcmp (vg_json_member_string (*(JsonObject * const *) a, "proposal"),
                 vg_json_member_string (*(JsonObject * const *) b, "proposal"));
}

/* Whether the candidate comes too late to be worth proposing: its own expiry has passed. */
static gboolean
already_expired (JsonObject *candidate,
                 gint64      now)
{
  gint64 expires = time_of (candidate, "expires");

  return expires != 0 && expires <= now;
}

gboolean
vg_proposal_plan (GHashTable          *records,
                  GPtrArray           *candidates,
                  guint                covered,
                  GHashTable          *rule_ids,
                  gint64               computed_at,
                  gint64               now,
                  VgJournalBatch      *batch,
                  VgEvaluationSummary *summary,
                  GError             **error)
{
  g_autoptr(GHashTable) supported = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) renewed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;

  memset (summary, 0, sizeof *summary);
  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (candidates, i));
  g_ptr_array_sort (sorted, compare_candidates);

  for (guint i = 0; i < sorted->len; i++)
    {
      JsonObject *candidate = g_ptr_array_index (sorted, i);
      const char *id = vg_json_member_string (candidate, "proposal");
      const VgProposalRecord *record = g_hash_table_lookup (records, id);
      g_autoptr(JsonArray) changes = NULL;
      gboolean escalated = FALSE;
      gboolean again;

      g_hash_table_add (supported, (gpointer) id);
      if (record == NULL)
        {
          if (already_expired (candidate, now))
            continue;
          if (!propose (batch, candidate, NULL, NULL, error))
            return FALSE;
          summary->proposed++;
          continue;
        }

      changes = material_changes (record->payload, candidate, &escalated);
      switch (record->state)
        {
        case VG_PROPOSAL_PROPOSED:
          again = json_array_get_length (changes) > 0;
          break;
        case VG_PROPOSAL_SUPERSEDED:
          again = TRUE;
          if (json_array_get_length (changes) == 0)
            add_change (changes, "trigger-again", g_strdup ("le déclencheur tient de nouveau"),
                        g_strdup ("the trigger holds again"));
          break;
        case VG_PROPOSAL_APPROVED:
        case VG_PROPOSAL_REJECTED:
        case VG_PROPOSAL_AMENDED:
        case VG_PROPOSAL_DONE:
        case VG_PROPOSAL_EXPIRED:
          again = escalated;
          break;
        case VG_N_PROPOSAL_STATES:
        default:
          g_return_val_if_reached (FALSE);
        }
      if (!again || already_expired (candidate, now))
        continue;
      if (!propose (batch, candidate, record, changes, error))
        return FALSE;
      g_hash_table_add (renewed, (gpointer) id);
      summary->updated++;
    }

  /* Pending proposals the facts no longer support; then those whose time ran out. Sorted by id:
   * hash order must not leak into the journal. */
  g_hash_table_iter_init (&iter, records);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_ptr_array_add (ids, key);
  g_ptr_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    {
      const VgProposalRecord *record = g_hash_table_lookup (records, g_ptr_array_index (ids, i));
      JsonObject *rule = vg_json_member_object (record->payload, "rule");
      const char *rule_id = vg_json_member_string (rule, "id");
      VgHazard hazard;
      gint64 expires;

      if (record->state != VG_PROPOSAL_PROPOSED || g_hash_table_contains (renewed, record->id))
        continue;
      if (candidates != NULL && !g_hash_table_contains (supported, record->id) &&
          vg_hazard_from_id (vg_json_member_string (record->payload, "hazard"), &hazard) &&
          (covered & VG_HAZARD_MASK (hazard)))
        {
          g_autoptr(GTimeZone) zone = payload_zone (record->payload);
          g_autofree char *when_fr = vg_format_time (computed_at, zone, VG_LANG_FR);
          g_autofree char *when_en = vg_format_time (computed_at, zone, VG_LANG_EN);
          gboolean ok;

          if (rule_ids != NULL && !g_hash_table_contains (rule_ids, rule_id))
            ok = close_proposal (batch, record, "superseded",
                                 g_strdup_printf ("La règle %s n'est plus dans les playbooks chargés (faits du %s).", rule_id, when_fr),
                                 g_strdup_printf ("Rule %s is no longer in the loaded playbooks (facts of %s).", rule_id, when_en),
                                 error);
          else
            ok = close_proposal (batch, record, "superseded",
                                 g_strdup_printf ("Le déclencheur « %s » ne tient plus d'après les faits du %s.",
                                                  vg_json_member_string (rule, "trigger"), when_fr),
                                 g_strdup_printf ("The trigger “%s” no longer holds on the facts of %s.",
                                                  vg_json_member_string (rule, "trigger"), when_en),
                                 error);
          if (!ok)
            return FALSE;
          summary->superseded++;
          continue;
        }
      expires = time_of (record->payload, "expires");
      if (expires != 0 && expires <= now)
        {
          g_autoptr(GTimeZone) zone = payload_zone (record->payload);
          g_autofree char *when_fr = vg_format_time (expires, zone, VG_LANG_FR);
          g_autofree char *when_en = vg_format_time (expires, zone, VG_LANG_EN);

          if (!close_proposal (batch, record, "expired",
                               g_strdup_printf ("Aucune décision avant le %s : la proposition a expiré.", when_fr),
                               g_strdup_printf ("No decision before %s: the proposal expired.", when_en), error))
            return FALSE;
          summary->expired++;
        }
    }
  return TRUE;
}
