/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-proposal-record"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vg-error.h"
#include "vg-json-private.h"
#include "vg-proposal-record-private.h"

void
vg_proposal_record_free (VgProposalRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->id);
  g_clear_pointer (&record->proposed, vg_journal_entry_unref);
  g_clear_pointer (&record->closed, vg_journal_entry_unref);
  g_clear_pointer (&record->verdict, vg_journal_entry_unref);
  g_clear_pointer (&record->done, vg_journal_entry_unref);
  g_clear_pointer (&record->task, vg_journal_entry_unref);
  for (guint i = 0; i < VG_N_OUTPUTS; i++)
    g_clear_pointer (&record->outputs[i], vg_journal_entry_unref);
  g_ptr_array_unref (record->history);
  g_free (record);
}

static void
replace_entry (VgJournalEntry **slot,
               VgJournalEntry  *entry)
{
  g_clear_pointer (slot, vg_journal_entry_unref);
  if (entry != NULL)
    *slot = vg_journal_entry_ref (entry);
}

VgAction
vg_proposal_record_get_action (const VgProposalRecord *record)
{
  VgAction action = VG_ACTION_ROAD_CLOSURE;

  vg_action_from_id (vg_json_member_string (record->payload, "action"), &action);
  return action;
}

char *
vg_proposal_record_id_of (VgJournalEntry *entry)
{
  switch (vg_journal_entry_get_kind (entry))
    {
    case VG_JOURNAL_KIND_PROPOSAL:
    case VG_JOURNAL_KIND_DECISION:
    case VG_JOURNAL_KIND_OUTPUT:
      return vg_journal_entry_dup_string (entry, "proposal");
    case VG_JOURNAL_KIND_OPERATOR_NOTE:
      /* Only the task lines the queue writes; an operator's own note may name a proposal too. */
      if (!g_str_equal (vg_journal_entry_get_source (entry), "proposals"))
        return NULL;
      return vg_journal_entry_dup_string (entry, "proposal");
    case VG_JOURNAL_KIND_HEADER:
    case VG_JOURNAL_KIND_OBSERVATION:
    case VG_JOURNAL_KIND_RAW_FEED_PAYLOAD:
    case VG_JOURNAL_KIND_PROJECTION:
    case VG_JOURNAL_KIND_FEED_HEALTH:
    case VG_JOURNAL_KIND_SCENARIO_INJECT:
    case VG_JOURNAL_KIND_INCIDENT:
    case VG_JOURNAL_KIND_WARNING:
    case VG_JOURNAL_KIND_CORRECTION:
    case VG_N_JOURNAL_KINDS:
    default:
      return NULL;
    }
}

gboolean
vg_decision_request_from_entry (VgJournalEntry       *entry,
                                VgDecisionRequest    *request,
                                const char         ***targets)
{
  JsonObject *payload = JSON_NODE_HOLDS_OBJECT (vg_journal_entry_get_payload (entry))
                        ? json_node_get_object (vg_journal_entry_get_payload (entry)) : NULL;
  JsonArray *kept = vg_json_member_array (payload, "targets");
  gint64 version = vg_json_member_int (payload, "version", 0);

  *targets = NULL;
  memset (request, 0, sizeof *request);
  request->proposal = vg_json_member_string (payload, "proposal");
  request->operator_name = vg_json_member_string (payload, "operator");
  request->reason = vg_json_member_string (payload, "reason");
  if (request->proposal == NULL || request->operator_name == NULL || version < 1 || version > G_MAXUINT ||
      !vg_verdict_from_id (vg_json_member_string (payload, "verdict"), &request->verdict) ||
      !vg_role_from_id (vg_json_member_string (payload, "role"), &request->role) ||
      !g_str_equal (vg_journal_entry_get_author (entry), request->operator_name))
    return FALSE;
  request->version = version;
  if (kept != NULL)
    {
      *targets = g_new0 (const char *, json_array_get_length (kept) + 1);
      for (guint i = 0; i < json_array_get_length (kept); i++)
        {
          JsonNode *item = json_array_get_element (kept, i);

          if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
            {
              g_clear_pointer (targets, g_free);
              return FALSE;
            }
          (*targets)[i] = json_node_get_string (item);
        }
      request->targets = *targets;
    }
  return TRUE;
}

/* A decision's time and author, for "already decided by …" messages. */
static char *
describe_decision (VgJournalEntry *entry)
{
  g_autoptr(GDateTime) utc = vg_time_new_from_usec (vg_journal_entry_get_time (entry));
  g_autofree char *when = g_date_time_format (utc, "%Y-%m-%d %H:%M UTC");
  g_autofree char *role = vg_journal_entry_dup_string (entry, "role");
  g_autofree char *verdict = vg_journal_entry_dup_string (entry, "verdict");

  /* TRANSLATORS: "approve by Marie Dupont (validator) at 2014-09-29 15:02 UTC, journal entry 12" */
  return g_strdup_printf (_("%s by %s (%s) at %s, journal entry %llu"), verdict, vg_journal_entry_get_author (entry), role,
                          when, (unsigned long long) vg_journal_entry_get_seq (entry));
}

static gboolean
target_in (const VgProposalRecord *record,
           const char             *id)
{
  JsonArray *targets = vg_json_member_array (record->payload, "targets");

  for (guint i = 0; targets != NULL && i < json_array_get_length (targets); i++)
    if (g_strcmp0 (vg_json_member_string (json_array_get_object_element (targets, i), "id"), id) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

gboolean
vg_proposal_record_check_decision (const VgProposalRecord   *record,
                                   const VgDecisionRequest  *request,
                                   gboolean                  exercise,
                                   GError                  **error)
{
  gboolean touches_people;

  if (record == NULL)
    {
      g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_UNKNOWN, _("No proposal “%s” in this journal"),
                   request->proposal);
      return FALSE;
    }
  touches_people = json_object_get_boolean_member_with_default (record->payload, "touches_people", TRUE);

  if (request->verdict == VG_VERDICT_DONE)
    {
      if (!vg_role_check_mark_done (request->role, request->operator_name, exercise, error))
        return FALSE;
    }
  else if (!vg_role_check_decide (request->role, request->operator_name, exercise, touches_people, error))
    return FALSE;

  if (request->version == record->version &&
      (record->state == VG_PROPOSAL_EXPIRED || record->state == VG_PROPOSAL_SUPERSEDED))
    {
      g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_CLOSED, _("Proposal “%s” version %u is %s: nothing to decide"),
                   record->id, record->version, vg_proposal_state_to_id (record->state));
      return FALSE;
    }
  if (request->version != record->version)
    {
      g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_STALE_VERSION,
                   _("Proposal “%s” is now at version %u, not the version %u that was seen: look at it again"),
                   record->id, record->version, request->version);
      return FALSE;
    }

  if (request->verdict == VG_VERDICT_DONE)
    {
      if (record->state == VG_PROPOSAL_DONE)
        {
          g_autofree char *who = describe_decision (record->done);

          g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_ALREADY_DECIDED,
                       _("Proposal “%s” version %u was already marked done: %s"), record->id, record->version, who);
          return FALSE;
        }
      if (record->state != VG_PROPOSAL_APPROVED && record->state != VG_PROPOSAL_AMENDED)
        {
          g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_NOT_APPROVED,
                       _("Proposal “%s” version %u has no signed approval (it is %s): it cannot be marked done"),
                       record->id, record->version, vg_proposal_state_to_id (record->state));
          return FALSE;
        }
      return TRUE;
    }

  if (record->state != VG_PROPOSAL_PROPOSED)
    {
      g_autofree char *who = describe_decision (record->verdict);

      g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_ALREADY_DECIDED,
                   _("Proposal “%s” version %u was already decided: %s"), record->id, record->version, who);
      return FALSE;
    }
  if ((request->verdict == VG_VERDICT_REJECT || request->verdict == VG_VERDICT_AMEND) && !has_text (request->reason))
    {
      g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_REASON_REQUIRED,
                   request->verdict == VG_VERDICT_REJECT ? _("Rejecting “%s” needs a reason") : _("Amending “%s” needs a reason"),
                   record->id);
      return FALSE;
    }
  if (request->targets != NULL)
    {
      if (request->verdict != VG_VERDICT_AMEND)
        {
          g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_INVALID,
                       _("Only an amendment keeps some targets of “%s”"), record->id);
          return FALSE;
        }
      if (request->targets[0] == NULL)
        {
          g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_INVALID,
                       _("An amendment of “%s” keeping no target is a rejection: reject it instead"), record->id);
          return FALSE;
        }
      for (guint i = 0; request->targets[i] != NULL; i++)
        if (!target_in (record, request->targets[i]))
          {
            g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_INVALID,
                         _("“%s” is not a target of proposal “%s” version %u"), request->targets[i], record->id,
                         record->version);
            return FALSE;
          }
    }
  return TRUE;
}

gboolean
vg_proposal_record_check_output (const VgProposalRecord  *record,
                                 VgOutputKind             kind,
                                 GError                 **error)
{
  if (record == NULL)
    {
      g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_UNKNOWN, _("No such proposal in this journal"));
      return FALSE;
    }
  if (record->verdict == NULL ||
      (record->state != VG_PROPOSAL_APPROVED && record->state != VG_PROPOSAL_AMENDED && record->state != VG_PROPOSAL_DONE))
    {
      g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_NOT_APPROVED,
                   _("Proposal “%s” version %u has no signed approval (it is %s): nothing leaves Vigie without one"),
                   record->id, record->version, vg_proposal_state_to_id (record->state));
      return FALSE;
    }
  if (!(vg_action_get_outputs (vg_proposal_record_get_action (record)) & VG_OUTPUT_MASK (kind)))
    {
      g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_INVALID, _("Action “%s” gives no “%s” output"),
                   vg_json_member_string (record->payload, "action"), vg_output_kind_to_id (kind));
      return FALSE;
    }
  return TRUE;
}

static VgProposalRecord *
apply_proposal (VgProposalRecord *record,
                VgJournalEntry   *entry)
{
  g_autofree char *id = vg_journal_entry_dup_string (entry, "proposal");
  g_autofree char *state = vg_journal_entry_dup_string (entry, "state");
  JsonNode *payload = vg_journal_entry_get_payload (entry);
  gint64 version = 0;

  if (id == NULL || state == NULL || payload == NULL || !vg_journal_entry_get_int (entry, "version", &version))
    return NULL;
  if (g_str_equal (state, "proposed"))
    {
      if (version != (record != NULL ? (gint64) record->version + 1 : 1))
        return NULL;
      if (record == NULL)
        {
          record = g_new0 (VgProposalRecord, 1);
          record->id = g_steal_pointer (&id);
          record->history = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_journal_entry_unref);
        }
      record->version = version;
      record->state = VG_PROPOSAL_PROPOSED;
      replace_entry (&record->proposed, entry);
      record->payload = json_node_get_object (payload);
      replace_entry (&record->closed, NULL);
      replace_entry (&record->verdict, NULL);
      replace_entry (&record->done, NULL);
      replace_entry (&record->task, NULL);
      for (guint i = 0; i < VG_N_OUTPUTS; i++)
        replace_entry (&record->outputs[i], NULL);
      return record;
    }
  if (record == NULL || version != record->version || record->state != VG_PROPOSAL_PROPOSED)
    return NULL;
  if (g_str_equal (state, "expired"))
    record->state = VG_PROPOSAL_EXPIRED;
  else if (g_str_equal (state, "superseded"))
    record->state = VG_PROPOSAL_SUPERSEDED;
  else
    return NULL;
  replace_entry (&record->closed, entry);
  return record;
}

static VgProposalRecord *
apply_decision (VgProposalRecord *record,
                VgJournalEntry   *entry,
                gboolean          exercise)
{
  g_autofree const char **targets = NULL;
  VgDecisionRequest request;

  if (record == NULL || !vg_decision_request_from_entry (entry, &request, &targets) ||
      !vg_proposal_record_check_decision (record, &request, exercise, NULL))
    return NULL;
  switch (request.verdict)
    {
    case VG_VERDICT_APPROVE:
      record->state = VG_PROPOSAL_APPROVED;
      replace_entry (&record->verdict, entry);
      break;
    case VG_VERDICT_REJECT:
      record->state = VG_PROPOSAL_REJECTED;
      replace_entry (&record->verdict, entry);
      break;
    case VG_VERDICT_AMEND:
      record->state = VG_PROPOSAL_AMENDED;
      replace_entry (&record->verdict, entry);
      break;
    case VG_VERDICT_DONE:
      record->state = VG_PROPOSAL_DONE;
      replace_entry (&record->done, entry);
      break;
    case VG_N_VERDICTS:
    default:
      g_return_val_if_reached (NULL);
    }
  g_ptr_array_add (record->history, vg_journal_entry_ref (entry));
  return record;
}

/* An output or task counts only if it names the approval of the current version. */
static gboolean
names_current_approval (VgProposalRecord *record,
                        VgJournalEntry   *entry)
{
  gint64 decision = 0;
  gint64 version = 0;

  return record != NULL && record->verdict != NULL &&
         vg_journal_entry_get_int (entry, "decision", &decision) &&
         vg_journal_entry_get_int (entry, "version", &version) &&
         (guint64) decision == vg_journal_entry_get_seq (record->verdict) &&
         version == record->version;
}

VgProposalRecord *
vg_proposal_record_apply (VgProposalRecord *record,
                          VgJournalEntry   *entry,
                          gboolean          exercise)
{
  VgProposalRecord *changed = NULL;

  g_return_val_if_fail (entry != NULL, NULL);

  switch (vg_journal_entry_get_kind (entry))
    {
    case VG_JOURNAL_KIND_PROPOSAL:
      changed = apply_proposal (record, entry);
      break;
    case VG_JOURNAL_KIND_DECISION:
      changed = apply_decision (record, entry, exercise);
      break;
    case VG_JOURNAL_KIND_OUTPUT:
      {
        g_autofree char *format = vg_journal_entry_dup_string (entry, "format");
        VgOutputKind kind;

        if (names_current_approval (record, entry) && vg_output_kind_from_id (format, &kind) &&
            kind != VG_OUTPUT_TASK && vg_proposal_record_check_output (record, kind, NULL) &&
            record->outputs[kind] == NULL)
          {
            replace_entry (&record->outputs[kind], entry);
            changed = record;
          }
        break;
      }
    case VG_JOURNAL_KIND_OPERATOR_NOTE:
      if (names_current_approval (record, entry) && vg_proposal_record_check_output (record, VG_OUTPUT_TASK, NULL) &&
          record->task == NULL)
        {
          replace_entry (&record->task, entry);
          changed = record;
        }
      break;
    case VG_JOURNAL_KIND_HEADER:
    case VG_JOURNAL_KIND_OBSERVATION:
    case VG_JOURNAL_KIND_RAW_FEED_PAYLOAD:
    case VG_JOURNAL_KIND_PROJECTION:
    case VG_JOURNAL_KIND_FEED_HEALTH:
    case VG_JOURNAL_KIND_SCENARIO_INJECT:
    case VG_JOURNAL_KIND_INCIDENT:
    case VG_JOURNAL_KIND_WARNING:
    case VG_JOURNAL_KIND_CORRECTION:
    case VG_N_JOURNAL_KINDS:
    default:
      break;
    }
  if (changed != NULL)
    changed->changed_seq = vg_journal_entry_get_seq (entry);
  return changed;
}
