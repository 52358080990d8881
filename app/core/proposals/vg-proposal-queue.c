/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-proposal-queue"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vg-error.h"
#include "vg-json-private.h"
#include "vg-output-private.h"
#include "vg-playbook.h"
#include "vg-proposal-plan-private.h"
#include "vg-proposal-private.h"
#include "vg-proposal-queue.h"
#include "vg-rule-private.h"

/* An evaluation races only with other writers of proposal entries; it retries this often. */
#define MAX_ATTEMPTS 5

#define FOLDED_KINDS (VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_PROPOSAL) | VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_DECISION) | \
                      VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_OUTPUT) | VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_OPERATOR_NOTE))

/* What the reducer folds, shared between the queue and the journal (which keeps its reducers
 * for its whole life, possibly longer than the queue): reference counted, under its own lock. */
typedef struct
{
  gatomicrefcount ref_count;
  GMutex          lock;
  gboolean        exercise;
  GHashTable     *records;      /* id → VgProposalRecord */
  guint64         folded_seq;   /* last entry of the folded kinds seen */
  guint           n_ignored;
} Fold;

struct _VgProposalQueue
{
  GObject     parent_instance;

  VgJournal  *journal;
  VgClock    *clock;
  Fold       *fold;

  /* The model, in the thread that calls the API. */
  GPtrArray  *items;           /* of VgProposal, sorted */
  GHashTable *by_id;           /* id → VgProposal (the item borrowed from items) */
  guint64     synced_seq;      /* records changed after this are not in the model yet */
  guint       n_pending;
  guint       n_ignored;
};

static void vg_proposal_queue_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VgProposalQueue, vg_proposal_queue, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, vg_proposal_queue_list_model_init))

enum { PROP_0, PROP_N_PENDING, PROP_N_IGNORED, N_PROPS };
static GParamSpec *properties[N_PROPS];

static Fold *
fold_ref (Fold *fold)
{
  g_atomic_ref_count_inc (&fold->ref_count);
  return fold;
}

static void
fold_unref (Fold *fold)
{
  if (!g_atomic_ref_count_dec (&fold->ref_count))
    return;
  g_hash_table_unref (fold->records);
  g_mutex_clear (&fold->lock);
  g_free (fold);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fold, fold_unref)

/* The reducer: called by the journal, in journal order, under its writer lock. */
static void
fold_entry_cb (VgJournalEntry *entry,
               gpointer        user_data)
{
  Fold *fold = user_data;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *id = NULL;
  VgProposalRecord *record, *changed;

  locker = g_mutex_locker_new (&fold->lock);
  if (vg_journal_entry_get_seq (entry) <= fold->folded_seq)
    return;
  fold->folded_seq = vg_journal_entry_get_seq (entry);
  if ((id = vg_proposal_record_id_of (entry)) == NULL)
    return;
  record = g_hash_table_lookup (fold->records, id);
  changed = vg_proposal_record_apply (record, entry, fold->exercise);
  if (changed == NULL)
    fold->n_ignored++;
  else if (record == NULL)
    g_hash_table_insert (fold->records, changed->id, changed);
}

static GType
vg_proposal_queue_get_item_type (GListModel *model)
{
  return VG_TYPE_PROPOSAL;
}

static guint
vg_proposal_queue_get_n_items (GListModel *model)
{
  return VG_PROPOSAL_QUEUE (model)->items->len;
}

static gpointer
vg_proposal_queue_get_item (GListModel *model,
                            guint       position)
{
  VgProposalQueue *self = VG_PROPOSAL_QUEUE (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
vg_proposal_queue_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = vg_proposal_queue_get_item_type;
  iface->get_n_items = vg_proposal_queue_get_n_items;
  iface->get_item = vg_proposal_queue_get_item;
}

static void
vg_proposal_queue_finalize (GObject *object)
{
  VgProposalQueue *self = VG_PROPOSAL_QUEUE (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->fold, fold_unref);
  g_clear_object (&self->clock);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (vg_proposal_queue_parent_class)->finalize (object);
}

static void
vg_proposal_queue_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VgProposalQueue *self = VG_PROPOSAL_QUEUE (object);

  switch (prop_id)
    {
    case PROP_N_PENDING:
      g_value_set_uint (value, self->n_pending);
      break;
    case PROP_N_IGNORED:
      g_value_set_uint (value, self->n_ignored);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vg_proposal_queue_class_init (VgProposalQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vg_proposal_queue_finalize;
  object_class->get_property = vg_proposal_queue_get_property;

  properties[PROP_N_PENDING] =
    g_param_spec_uint ("n-pending", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_IGNORED] =
    g_param_spec_uint ("n-ignored", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vg_proposal_queue_init (VgProposalQueue *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  VgProposal *pa = *(VgProposal * const *) a;
  VgProposal *pb = *(VgProposal * const *) b;
  gint64 da = vg_proposal_get_deadline (pa);
  gint64 db = vg_proposal_get_deadline (pb);

  if (da != db)
    return da < db ? -1 : 1;
  if (vg_proposal_get_priority (pa) != vg_proposal_get_priority (pb))
    return vg_proposal_get_priority (pa) < vg_proposal_get_priority (pb) ? -1 : 1;
  return strcmp (vg_proposal_get_id (pa), vg_proposal_get_id (pb));
}

/* Brings the model up to the fold: updates changed items in place (their own notifies), then
 * re-sorts and announces one items-changed over the range that moved. */
static void
sync_model (VgProposalQueue *self)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_proposal_record_free);
  g_autoptr(GPtrArray) before = NULL;
  guint n_ignored, n_pending = 0;
  guint prefix = 0, suffix = 0;
  guint old_n = self->items->len;

  {
    g_autoptr(GMutexLocker) locker = NULL;
    GHashTableIter iter;
    gpointer value;

    locker = g_mutex_locker_new (&self->fold->lock);
    g_hash_table_iter_init (&iter, self->fold->records);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        const VgProposalRecord *record = value;

        if (record->changed_seq > self->synced_seq)
          g_ptr_array_add (changed, vg_proposal_record_copy (record));
      }
    self->synced_seq = self->fold->folded_seq;
    n_ignored = self->fold->n_ignored;
  }

  /* Outside the lock: notify handlers may call back into the queue. */
  /* Not g_ptr_array_copy(): it would copy the free function too. */
  before = g_ptr_array_sized_new (old_n);
  for (guint i = 0; i < old_n; i++)
    g_ptr_array_add (before, g_ptr_array_index (self->items, i));
  for (guint i = 0; i < changed->len; i++)
    {
      const VgProposalRecord *record = g_ptr_array_index (changed, i);
      VgProposal *item = g_hash_table_lookup (self->by_id, record->id);

      if (item != NULL)
        vg_proposal_update (item, record);
      else
        {
          item = vg_proposal_new (record);
          g_ptr_array_add (self->items, item);
          /* Its own copy of the id: an update replaces the item's strings. */
          g_hash_table_insert (self->by_id, g_strdup (record->id), item);
        }
    }
  g_ptr_array_sort (self->items, compare_items);
  for (guint i = 0; i < self->items->len; i++)
    n_pending += vg_proposal_get_state (g_ptr_array_index (self->items, i)) == VG_PROPOSAL_PROPOSED;

  while (prefix < old_n && prefix < self->items->len &&
         g_ptr_array_index (before, prefix) == g_ptr_array_index (self->items, prefix))
    prefix++;
  while (suffix < old_n - prefix && suffix < self->items->len - prefix &&
         g_ptr_array_index (before, old_n - 1 - suffix) == g_ptr_array_index (self->items, self->items->len - 1 - suffix))
    suffix++;
  if (prefix != old_n || old_n != self->items->len)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix, self->items->len - prefix - suffix);

  if (n_pending != self->n_pending)
    {
      self->n_pending = n_pending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
    }
  if (n_ignored != self->n_ignored)
    {
      self->n_ignored = n_ignored;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_IGNORED]);
    }
}

VgProposalQueue *
vg_proposal_queue_new (VgJournal  *journal,
                       VgClock    *clock,
                       GError    **error)
{
  g_autoptr(VgProposalQueue) self = NULL;
  Fold *fold;

  g_return_val_if_fail (VG_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (VG_IS_CLOCK (clock), NULL);

  self = g_object_new (VG_TYPE_PROPOSAL_QUEUE, NULL);
  self->journal = g_object_ref (journal);
  self->clock = g_object_ref (clock);
  fold = g_new0 (Fold, 1);
  g_atomic_ref_count_init (&fold->ref_count);
  g_mutex_init (&fold->lock);
  fold->exercise = vg_journal_is_exercise (journal);
  fold->records = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) vg_proposal_record_free);
  self->fold = fold;
  if (!vg_journal_add_reducer (journal, FOLDED_KINDS, fold_entry_cb, fold_ref (fold), (GDestroyNotify) fold_unref, error))
    return NULL;
  sync_model (self);
  return g_steal_pointer (&self);
}

VgJournal *
vg_proposal_queue_get_journal (VgProposalQueue *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL_QUEUE (self), NULL);

  return self->journal;
}

VgProposal *
vg_proposal_queue_lookup (VgProposalQueue *self,
                          const char      *id)
{
  VgProposal *item;

  g_return_val_if_fail (VG_IS_PROPOSAL_QUEUE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  item = g_hash_table_lookup (self->by_id, id);
  return item != NULL ? g_object_ref (item) : NULL;
}

guint
vg_proposal_queue_get_n_pending (VgProposalQueue *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL_QUEUE (self), 0);

  return self->n_pending;
}

guint
vg_proposal_queue_get_n_ignored (VgProposalQueue *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL_QUEUE (self), 0);

  return self->n_ignored;
}

gboolean
vg_proposal_queue_refresh (VgProposalQueue  *self,
                           GError          **error)
{
  g_return_val_if_fail (VG_IS_PROPOSAL_QUEUE (self), FALSE);

  if (!vg_journal_catch_up (self->journal, error))
    return FALSE;
  sync_model (self);
  return TRUE;
}

static gboolean
check_writable (VgProposalQueue  *self,
                GError          **error)
{
  if (!vg_journal_is_read_only (self->journal))
    return TRUE;
  g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_WRITE,
               _("The situation journal %s is open read-only: nothing can be recorded"),
               vg_journal_get_path (self->journal));
  return FALSE;
}

/* Evaluation and expiry: plan against a snapshot, commit only if no proposal entry came in
 * meanwhile (else plan again). */

typedef struct
{
  Fold    *fold;
  guint64  base_seq;
} Unchanged;

static gboolean
unchanged_check (VgJournal  *journal,
                 guint64     last_seq,
                 gpointer    user_data,
                 GError    **error)
{
  Unchanged *unchanged = user_data;
  g_autoptr(GMutexLocker) locker = NULL;

  locker = g_mutex_locker_new (&unchanged->fold->lock);
  if (unchanged->fold->folded_seq == unchanged->base_seq)
    return TRUE;
  g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_BUSY,
               _("The proposals changed while they were being evaluated (journal entry %llu)"),
               (unsigned long long) unchanged->fold->folded_seq);
  return FALSE;
}

static GHashTable *
snapshot_records (Fold    *fold,
                  guint64 *base_seq)
{
  g_autoptr(GMutexLocker) locker = NULL;
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) vg_proposal_record_free);
  GHashTableIter iter;
  gpointer value;

  locker = g_mutex_locker_new (&fold->lock);
  g_hash_table_iter_init (&iter, fold->records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      VgProposalRecord *record = vg_proposal_record_copy (value);

      g_hash_table_insert (copy, record->id, record);
    }
  *base_seq = fold->folded_seq;
  return copy;
}

static gboolean
plan_and_commit (VgProposalQueue     *self,
                 GPtrArray           *candidates,
                 guint                covered,
                 GHashTable          *rule_ids,
                 gint64               computed_at,
                 VgEvaluationSummary *summary,
                 GError             **error)
{
  VgEvaluationSummary local;

  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GHashTable) records = NULL;
      g_autoptr(VgJournalBatch) batch = vg_journal_batch_new ();
      g_autoptr(GError) local_error = NULL;
      Unchanged unchanged = { self->fold, 0 };

      if (!vg_journal_catch_up (self->journal, error))
        return FALSE;
      records = snapshot_records (self->fold, &unchanged.base_seq);
      if (!vg_proposal_plan (records, candidates, covered, rule_ids, computed_at, vg_clock_get_now_usec (self->clock),
                             batch, &local, error))
        return FALSE;
      if (vg_journal_batch_get_size (batch) == 0 ||
          vg_journal_commit_batch_checked (self->journal, batch, unchanged_check, &unchanged, NULL, &local_error))
        break;
      if (!g_error_matches (local_error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_BUSY) || attempt + 1 >= MAX_ATTEMPTS)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  if (summary != NULL)
    *summary = local;
  sync_model (self);
  return TRUE;
}

gboolean
vg_proposal_queue_evaluate (VgProposalQueue     *self,
                            GPtrArray           *playbooks,
                            VgFactSet           *facts,
                            VgEvaluationSummary *summary,
                            GError             **error)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GHashTable) rule_ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint covered;

  g_return_val_if_fail (VG_IS_PROPOSAL_QUEUE (self), FALSE);
  g_return_val_if_fail (playbooks != NULL, FALSE);
  g_return_val_if_fail (VG_IS_FACT_SET (facts), FALSE);

  if (!check_writable (self, error))
    return FALSE;
  covered = vg_fact_set_get_hazards (facts);
  for (guint p = 0; p < playbooks->len; p++)
    {
      GPtrArray *rules = vg_playbook_get_rules (g_ptr_array_index (playbooks, p));

      for (guint r = 0; r < rules->len; r++)
        {
          VgRule *rule = g_ptr_array_index (rules, r);
          g_autoptr(GPtrArray) found = NULL;

          g_hash_table_add (rule_ids, (gpointer) vg_rule_get_id (rule));
          /* A hazard the facts do not cover is left as it stands. */
          if (!(covered & VG_HAZARD_MASK (vg_rule_get_hazard (rule))))
            continue;
          found = vg_rule_evaluate (rule, facts);
          for (guint i = 0; i < found->len; i++)
            g_ptr_array_add (candidates, json_object_ref (g_ptr_array_index (found, i)));
        }
    }
  return plan_and_commit (self, candidates, covered, rule_ids, vg_fact_set_get_computed_at (facts), summary, error);
}

gboolean
vg_proposal_queue_expire (VgProposalQueue  *self,
                          guint            *n_expired,
                          GError          **error)
{
  VgEvaluationSummary summary = { 0 };

  g_return_val_if_fail (VG_IS_PROPOSAL_QUEUE (self), FALSE);

  if (!check_writable (self, error) ||
      !plan_and_commit (self, NULL, 0, NULL, vg_clock_get_now_usec (self->clock), &summary, error))
    return FALSE;
  if (n_expired != NULL)
    *n_expired = summary.expired;
  return TRUE;
}

/* Decisions: checked under the journal's writer lock by the same rules the fold applies. */

typedef struct
{
  Fold                    *fold;
  const VgDecisionRequest *request;
} DecisionCheck;

static gboolean
decision_check (VgJournal  *journal,
                guint64     last_seq,
                gpointer    user_data,
                GError    **error)
{
  DecisionCheck *check = user_data;
  g_autoptr(GMutexLocker) locker = NULL;

  locker = g_mutex_locker_new (&check->fold->lock);
  return vg_proposal_record_check_decision (g_hash_table_lookup (check->fold->records, check->request->proposal),
                                            check->request, check->fold->exercise, error);
}

/* The seq of the entry proposing @id's version @version (what the signer looked at), or 0. */
static guint64
seen_proposal_seq (Fold       *fold,
                   const char *id,
                   guint       version)
{
  g_autoptr(GMutexLocker) locker = NULL;
  VgProposalRecord *record;

  locker = g_mutex_locker_new (&fold->lock);
  record = g_hash_table_lookup (fold->records, id);
  return record != NULL && record->version == version ? vg_journal_entry_get_seq (record->proposed) : 0;
}

static gboolean
record_decision (VgProposalQueue          *self,
                 VgOperator               *operator_,
                 const VgDecisionRequest  *request,
                 guint64                  *seq,
                 GError                  **error)
{
  g_autoptr(VgJournalBatch) batch = vg_journal_batch_new ();
  g_autoptr(JsonNode) node = NULL;
  JsonObject *payload = json_object_new ();
  DecisionCheck check = { self->fold, request };
  guint64 proposal_seq;

  if (!check_writable (self, error) || !vg_journal_catch_up (self->journal, error))
    {
      json_object_unref (payload);
      return FALSE;
    }
  json_object_set_string_member (payload, "proposal", request->proposal);
  json_object_set_int_member (payload, "version", request->version);
  json_object_set_string_member (payload, "verdict", vg_verdict_to_id (request->verdict));
  json_object_set_string_member (payload, "operator", request->operator_name);
  json_object_set_string_member (payload, "role", vg_role_to_id (request->role));
  if (vg_operator_get_function (operator_) != NULL)
    json_object_set_string_member (payload, "function", vg_operator_get_function (operator_));
  if (request->reason != NULL)
    json_object_set_string_member (payload, "reason", request->reason);
  if (request->targets != NULL)
    {
      JsonArray *targets = json_array_new ();

      for (guint i = 0; request->targets[i] != NULL; i++)
        json_array_add_string_element (targets, request->targets[i]);
      json_object_set_array_member (payload, "targets", targets);
    }
  if ((proposal_seq = seen_proposal_seq (self->fold, request->proposal, request->version)) != 0)
    json_object_set_int_member (payload, "proposal_seq", proposal_seq);
  node = vg_json_object_node (payload);

  /* The commit is synchronous (a durable kind): once it returns, the decision survives a power cut. */
  if (!vg_journal_batch_add (batch, VG_JOURNAL_KIND_DECISION, "proposals", request->operator_name, node, error) ||
      !vg_journal_commit_batch_checked (self->journal, batch, decision_check, &check, seq, error))
    return FALSE;
  sync_model (self);
  return TRUE;
}

/* @text stripped, or NULL when nothing is left. */
static char *
dup_reason (const char *text)
{
  char *stripped;

  if (text == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    g_clear_pointer (&stripped, g_free);
  return stripped;
}

gboolean
vg_proposal_queue_decide (VgProposalQueue     *self,
                          VgOperator          *operator_,
                          const char          *id,
                          guint                seen_version,
                          VgVerdict            verdict,
                          const char          *reason,
                          const char * const  *kept_targets,
                          guint64             *seq,
                          GError             **error)
{
  g_autofree char *stripped = dup_reason (reason);
  VgDecisionRequest request = { 0 };

  g_return_val_if_fail (VG_IS_PROPOSAL_QUEUE (self), FALSE);
  g_return_val_if_fail (VG_IS_OPERATOR (operator_), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (verdict == VG_VERDICT_APPROVE || verdict == VG_VERDICT_REJECT || verdict == VG_VERDICT_AMEND, FALSE);

  request.proposal = id;
  request.version = seen_version;
  request.verdict = verdict;
  request.operator_name = vg_operator_get_name (operator_);
  request.role = vg_operator_get_role (operator_);
  request.reason = stripped;
  request.targets = kept_targets;
  return record_decision (self, operator_, &request, seq, error);
}

gboolean
vg_proposal_queue_mark_done (VgProposalQueue  *self,
                             VgOperator       *operator_,
                             const char       *id,
                             guint             seen_version,
                             const char       *note,
                             guint64          *seq,
                             GError          **error)
{
  g_autofree char *stripped = dup_reason (note);
  VgDecisionRequest request = { 0 };

  g_return_val_if_fail (VG_IS_PROPOSAL_QUEUE (self), FALSE);
  g_return_val_if_fail (VG_IS_OPERATOR (operator_), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  request.proposal = id;
  request.version = seen_version;
  request.verdict = VG_VERDICT_DONE;
  request.operator_name = vg_operator_get_name (operator_);
  request.role = vg_operator_get_role (operator_);
  request.reason = stripped;
  return record_decision (self, operator_, &request, seq, error);
}

/* Outputs. */

typedef struct
{
  Fold          *fold;
  const char    *id;
  VgOutputKind   kind;
  guint64        decision_seq;
} OutputCheck;

static gboolean
output_check (VgJournal  *journal,
              guint64     last_seq,
              gpointer    user_data,
              GError    **error)
{
  OutputCheck *check = user_data;
  g_autoptr(GMutexLocker) locker = NULL;
  VgProposalRecord *record;

  locker = g_mutex_locker_new (&check->fold->lock);
  record = g_hash_table_lookup (check->fold->records, check->id);
  if (!vg_proposal_record_check_output (record, check->kind, error))
    return FALSE;
  if (vg_journal_entry_get_seq (record->verdict) != check->decision_seq)
    {
      g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_STALE_VERSION,
                   _("Proposal “%s” changed while its output was being prepared: ask again"), check->id);
      return FALSE;
    }
  return TRUE;
}

/* @id as a file name: letters, digits, dots and dashes. */
static char *
file_stem (const char *id)
{
  char *stem = g_strdup (id);

  for (char *p = stem; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.')
      *p = '_';
  return stem;
}

gboolean
vg_proposal_queue_emit (VgProposalQueue  *self,
                        const char       *id,
                        VgOutputKind      kind,
                        const char       *dir,
                        char            **path,
                        GError          **error)
{
  g_autoptr(VgProposalRecord) record = NULL;
  g_autoptr(VgJournalBatch) batch = vg_journal_batch_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *content = NULL;
  g_autofree char *file = NULL;
  g_autofree char *full = NULL;
  g_autofree char *stem = NULL;
  OutputCheck check = { self->fold, id, kind, 0 };
  JsonObject *payload;

  g_return_val_if_fail (VG_IS_PROPOSAL_QUEUE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (kind < VG_N_OUTPUTS, FALSE);
  g_return_val_if_fail (kind == VG_OUTPUT_TASK || dir != NULL, FALSE);

  if (path != NULL)
    *path = NULL;
  if (!vg_journal_catch_up (self->journal, error))
    return FALSE;
  {
    g_autoptr(GMutexLocker) locker = NULL;
    VgProposalRecord *current;

    locker = g_mutex_locker_new (&self->fold->lock);
    current = g_hash_table_lookup (self->fold->records, id);
    if (current == NULL)
      {
        g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_UNKNOWN, _("No proposal “%s” in this journal"), id);
        return FALSE;
      }
    if (!vg_proposal_record_check_output (current, kind, error))
      return FALSE;
    record = vg_proposal_record_copy (current);
  }
  check.decision_seq = vg_journal_entry_get_seq (record->verdict);

  if (kind == VG_OUTPUT_TASK)
    {
      JsonArray *features;
      g_autoptr(GPtrArray) targets = NULL;

      /* One task line per approval: asking again does not repeat it in the log. */
      if (record->task != NULL)
        return TRUE;
      if (!check_writable (self, error))
        return FALSE;
      /* Made only now: the early returns above leaked it (found by tools/valgrind). */
      features = json_array_new ();
      targets = vg_output_kept_targets (record->payload, record->verdict);
      for (guint i = 0; i < targets->len; i++)
        json_array_add_string_element (features, vg_json_member_string (g_ptr_array_index (targets, i), "id"));
      content = vg_output_render_task (record->payload, record->verdict);
      payload = json_object_new ();
      json_object_set_string_member (payload, "text", content);
      json_object_set_array_member (payload, "features", features);
      json_object_set_string_member (payload, "proposal", id);
      json_object_set_int_member (payload, "version", record->version);
      json_object_set_int_member (payload, "decision", check.decision_seq);
      node = vg_json_object_node (payload);
      if (!vg_journal_batch_add (batch, VG_JOURNAL_KIND_OPERATOR_NOTE, "proposals",
                                 vg_journal_entry_get_author (record->verdict), node, error) ||
          !vg_journal_commit_batch_checked (self->journal, batch, output_check, &check, NULL, error))
        return FALSE;
      sync_model (self);
      return TRUE;
    }

  stem = file_stem (id);
  file = g_strdup_printf ("%s.v%u.d%" G_GUINT64_FORMAT "%s", stem, record->version, check.decision_seq,
                          vg_output_get_suffix (kind));
  if (record->outputs[kind] != NULL)
    content = vg_journal_entry_dup_string (record->outputs[kind], "content");
  else
    {
      g_autofree char *sha256 = NULL;

      if (!check_writable (self, error))
        return FALSE;
      content = vg_output_render (kind, record->payload, record->verdict, vg_journal_get_situation (self->journal),
                                  vg_journal_is_exercise (self->journal));
      sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);
      payload = json_object_new ();
      json_object_set_string_member (payload, "proposal", id);
      json_object_set_int_member (payload, "version", record->version);
      json_object_set_int_member (payload, "decision", check.decision_seq);
      json_object_set_string_member (payload, "format", vg_output_kind_to_id (kind));
      json_object_set_string_member (payload, "media_type", vg_output_get_media_type (kind));
      json_object_set_string_member (payload, "file", file);
      json_object_set_string_member (payload, "sha256", sha256);
      json_object_set_int_member (payload, "size", strlen (content));
      json_object_set_string_member (payload, "content", content);
      node = vg_json_object_node (payload);
      /* Journalled (and synced) first: a document that exists was always recorded. */
      if (!vg_journal_batch_add (batch, VG_JOURNAL_KIND_OUTPUT, "proposals", vg_journal_entry_get_author (record->verdict),
                                 node, error) ||
          !vg_journal_commit_batch_checked (self->journal, batch, output_check, &check, NULL, error))
        return FALSE;
      sync_model (self);
    }

  full = g_build_filename (dir, file, NULL);
  if (!g_file_set_contents (full, content, -1, error))
    return FALSE;
  if (path != NULL)
    *path = g_steal_pointer (&full);
  return TRUE;
}

gboolean
vg_proposal_queue_emit_all (VgProposalQueue  *self,
                            const char       *id,
                            const char       *dir,
                            GPtrArray       **paths,
                            GError          **error)
{
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(VgProposal) proposal = NULL;
  guint outputs;

  g_return_val_if_fail (VG_IS_PROPOSAL_QUEUE (self), FALSE);
  g_return_val_if_fail (id != NULL && dir != NULL, FALSE);

  if (!vg_proposal_queue_refresh (self, error))
    return FALSE;
  if ((proposal = vg_proposal_queue_lookup (self, id)) == NULL)
    {
      g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_UNKNOWN, _("No proposal “%s” in this journal"), id);
      return FALSE;
    }
  outputs = vg_action_get_outputs (vg_proposal_get_action (proposal));
  for (VgOutputKind kind = 0; kind < VG_N_OUTPUTS; kind++)
    {
      char *path = NULL;

      if (!(outputs & VG_OUTPUT_MASK (kind)))
        continue;
      if (!vg_proposal_queue_emit (self, id, kind, dir, &path, error))
        return FALSE;
      if (path != NULL)
        g_ptr_array_add (written, path);
    }
  if (paths != NULL)
    *paths = g_steal_pointer (&written);
  return TRUE;
}
