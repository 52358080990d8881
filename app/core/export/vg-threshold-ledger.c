/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-threshold-ledger"

#include "config.h"

#include "vg-entry-payload.h"
#include "vg-proposal-wait-private.h"
#include "vg-threshold-ledger.h"
#include "vg-threshold-record-private.h"

struct _VgThresholdLedger
{
  GObject     parent_instance;

  GListStore *thresholds;
  GHashTable *threshold_index;   /* "subject\x1fthreshold" → VgThresholdRecord (borrowed) */
  GListStore *proposals;
  GHashTable *proposal_index;    /* proposal id → VgProposalWait (borrowed) */
};

G_DEFINE_FINAL_TYPE (VgThresholdLedger, vg_threshold_ledger, G_TYPE_OBJECT)

static void
vg_threshold_ledger_finalize (GObject *object)
{
  VgThresholdLedger *self = VG_THRESHOLD_LEDGER (object);

  g_clear_pointer (&self->threshold_index, g_hash_table_unref);
  g_clear_pointer (&self->proposal_index, g_hash_table_unref);
  g_clear_object (&self->thresholds);
  g_clear_object (&self->proposals);

  G_OBJECT_CLASS (vg_threshold_ledger_parent_class)->finalize (object);
}

static void
vg_threshold_ledger_class_init (VgThresholdLedgerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_threshold_ledger_finalize;
}

static void
vg_threshold_ledger_init (VgThresholdLedger *self)
{
  self->thresholds = g_list_store_new (VG_TYPE_THRESHOLD_RECORD);
  self->threshold_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->proposals = g_list_store_new (VG_TYPE_PROPOSAL_WAIT);
  self->proposal_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

VgThresholdLedger *
vg_threshold_ledger_new (void)
{
  return g_object_new (VG_TYPE_THRESHOLD_LEDGER, NULL);
}

/* The threshold named by the entry: "threshold"/"stage" may be numbers (a height), the level
 * members only strings, since a bare number "level" is a reading, not a threshold. */
static char *
dup_threshold (VgJournalEntry *entry)
{
  char *threshold = vg_entry_dup_first_text (entry, (const char * const[]) { "threshold", "stage", NULL });

  if (threshold == NULL)
    threshold = vg_entry_dup_first_string (entry, (const char * const[]) { "heat_level", "level", "vigilance", NULL });
  return threshold;
}

/* FALSE when the entry itself says its value stays below the threshold. */
static gboolean
reaches_threshold (VgJournalEntry *entry)
{
  double value, threshold_value;

  if (vg_journal_entry_get_double (entry, "value", &value) &&
      vg_journal_entry_get_double (entry, "threshold_value", &threshold_value))
    return value >= threshold_value;
  return TRUE;
}

static void
add_threshold (VgThresholdLedger *self,
               VgJournalEntry    *entry)
{
  VgJournalKind kind = vg_journal_entry_get_kind (entry);
  g_autofree char *subject = vg_entry_dup_first_string (entry, vg_entry_subject_members);
  g_autofree char *threshold = NULL;
  g_autofree char *hazard = NULL;
  g_autofree char *key = NULL;
  VgThresholdRecord *record;
  gboolean forecast = kind != VG_JOURNAL_KIND_OBSERVATION;
  gboolean override;
  g_autofree char *heat_level = NULL;

  if (subject == NULL || (threshold = dup_threshold (entry)) == NULL || !reaches_threshold (entry))
    return;
  if (vg_journal_entry_get_boolean (entry, "forecast", &override))
    forecast = override;
  hazard = vg_journal_entry_dup_string (entry, "hazard");
  if (hazard == NULL && (heat_level = vg_journal_entry_dup_string (entry, "heat_level")) != NULL)
    hazard = g_strdup ("heat");

  /* Not keyed by hazard: a gauge reading rarely says "flood", the forecast of it may. */
  key = g_strjoin ("\x1f", subject, threshold, NULL);
  record = g_hash_table_lookup (self->threshold_index, key);
  if (record == NULL)
    {
      g_autoptr(VgThresholdRecord) fresh = vg_threshold_record_new (hazard, subject, threshold);

      record = fresh;
      g_hash_table_insert (self->threshold_index, g_steal_pointer (&key), record);
      g_list_store_append (self->thresholds, fresh);
    }
  else if (record->hazard == NULL && hazard != NULL)
    {
      record->hazard = g_steal_pointer (&hazard);
      vg_threshold_record_changed (record, FALSE, FALSE);
    }

  if (forecast && record->first_forecast_seq == 0)
    {
      static const char * const valid_members[] = { "valid_time", "expected_at", "forecast_time" };

      record->first_forecast_seq = vg_journal_entry_get_seq (entry);
      record->first_forecast_time = vg_journal_entry_get_time (entry);
      for (guint i = 0; i < G_N_ELEMENTS (valid_members); i++)
        if (vg_entry_get_time_member (entry, valid_members[i], &record->forecast_valid_time))
          break;
      vg_threshold_record_changed (record, TRUE, FALSE);
    }
  else if (!forecast && record->first_observed_seq == 0)
    {
      double value;

      record->first_observed_seq = vg_journal_entry_get_seq (entry);
      record->first_observed_time = vg_journal_entry_get_time (entry);
      if (vg_journal_entry_get_double (entry, "value", &value))
        record->observed_value = value;
      vg_threshold_record_changed (record, FALSE, TRUE);
    }
}

static VgProposalWait *
lookup_proposal (VgThresholdLedger *self,
                 const char        *id)
{
  VgProposalWait *wait = g_hash_table_lookup (self->proposal_index, id);

  if (wait == NULL)
    {
      g_autoptr(VgProposalWait) fresh = vg_proposal_wait_new (id);

      wait = fresh;
      g_hash_table_insert (self->proposal_index, g_strdup (id), wait);
      g_list_store_append (self->proposals, fresh);
    }
  return wait;
}

static void
add_proposal (VgThresholdLedger *self,
              VgJournalEntry    *entry)
{
  g_autofree char *id = vg_entry_dup_first_string (entry, vg_entry_proposal_members);
  VgProposalWait *wait;

  if (id == NULL)
    return;
  wait = lookup_proposal (self, id);
  /* A proposal re-issued (updated) keeps waiting since it was first made. */
  if (wait->proposed_seq != 0)
    return;
  wait->proposed_seq = vg_journal_entry_get_seq (entry);
  wait->proposed_time = vg_journal_entry_get_time (entry);
  wait->title = vg_entry_dup_first_string (entry, (const char * const[]) { "title", "summary", "action", "text", NULL });
  vg_proposal_wait_changed (wait);
}

static void
add_decision (VgThresholdLedger *self,
              VgJournalEntry    *entry)
{
  g_autofree char *id = vg_journal_entry_dup_string (entry, "proposal");
  VgProposalWait *wait;

  if (id == NULL)
    return;
  wait = lookup_proposal (self, id);
  wait->n_decisions++;
  if (wait->decision_seq == 0)
    {
      wait->decision_seq = vg_journal_entry_get_seq (entry);
      wait->decision_time = vg_journal_entry_get_time (entry);
      wait->decider = g_strdup (vg_journal_entry_get_author (entry));
      wait->verdict = vg_entry_dup_first_string (entry, vg_entry_verdict_members);
      wait->reason = vg_entry_dup_first_string (entry, vg_entry_reason_members);
    }
  vg_proposal_wait_changed (wait);
}

void
vg_threshold_ledger_add (VgThresholdLedger *self,
                         VgJournalEntry    *entry)
{
  g_return_if_fail (VG_IS_THRESHOLD_LEDGER (self));
  g_return_if_fail (entry != NULL);

  switch (vg_journal_entry_get_kind (entry))
    {
    case VG_JOURNAL_KIND_OBSERVATION:
    case VG_JOURNAL_KIND_PROJECTION:
    case VG_JOURNAL_KIND_WARNING:
      add_threshold (self, entry);
      break;
    case VG_JOURNAL_KIND_PROPOSAL:
      add_proposal (self, entry);
      break;
    case VG_JOURNAL_KIND_DECISION:
      add_decision (self, entry);
      break;
    case VG_JOURNAL_KIND_HEADER:
    case VG_JOURNAL_KIND_RAW_FEED_PAYLOAD:
    case VG_JOURNAL_KIND_OPERATOR_NOTE:
    case VG_JOURNAL_KIND_FEED_HEALTH:
    case VG_JOURNAL_KIND_SCENARIO_INJECT:
    case VG_JOURNAL_KIND_INCIDENT:
    case VG_JOURNAL_KIND_CORRECTION:
    case VG_JOURNAL_KIND_OUTPUT:
    case VG_N_JOURNAL_KINDS:
    default:
      break;
    }
}

GListModel *
vg_threshold_ledger_get_thresholds (VgThresholdLedger *self)
{
  g_return_val_if_fail (VG_IS_THRESHOLD_LEDGER (self), NULL);

  return G_LIST_MODEL (self->thresholds);
}

GListModel *
vg_threshold_ledger_get_proposals (VgThresholdLedger *self)
{
  g_return_val_if_fail (VG_IS_THRESHOLD_LEDGER (self), NULL);

  return G_LIST_MODEL (self->proposals);
}
