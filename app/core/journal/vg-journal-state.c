/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-journal-state"

#include "config.h"

#include <string.h>

#include "vg-journal-codec-private.h"
#include "vg-journal-entry-private.h"
#include "vg-journal-state-private.h"

typedef struct
{
  guint64          kinds;
  VgJournalReducer reducer;
  gpointer         user_data;
  GDestroyNotify   destroy;
} Reducer;

struct _VgJournalState
{
  GObject     parent_instance;

  GMutex      lock;           /* guards the built-in state, not the reducers */
  guint64     last_seq;
  guint8      last_hash[VG_JOURNAL_HASH_LEN];
  GHashTable *readings;       /* "sensor\x1fquantity" → VgJournalEntry */
  GPtrArray  *operator_log;   /* of VgJournalEntry */
  GHashTable *decisions;      /* proposal id → VgJournalEntry */
  GArray     *reducers;       /* of Reducer; only touched under the journal's writer lock */
};

G_DEFINE_FINAL_TYPE (VgJournalState, vg_journal_state, G_TYPE_OBJECT)

static void
clear_reducer (gpointer data)
{
  Reducer *reducer = data;

  if (reducer->destroy != NULL)
    reducer->destroy (reducer->user_data);
}

static void
vg_journal_state_finalize (GObject *object)
{
  VgJournalState *self = VG_JOURNAL_STATE (object);

  g_clear_pointer (&self->readings, g_hash_table_unref);
  g_clear_pointer (&self->operator_log, g_ptr_array_unref);
  g_clear_pointer (&self->decisions, g_hash_table_unref);
  g_clear_pointer (&self->reducers, g_array_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (vg_journal_state_parent_class)->finalize (object);
}

static void
vg_journal_state_class_init (VgJournalStateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_journal_state_finalize;
}

static void
vg_journal_state_init (VgJournalState *self)
{
  g_mutex_init (&self->lock);
  self->readings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) vg_journal_entry_unref);
  self->operator_log = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_journal_entry_unref);
  self->decisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) vg_journal_entry_unref);
  self->reducers = g_array_new (FALSE, FALSE, sizeof (Reducer));
  g_array_set_clear_func (self->reducers, clear_reducer);
}

VgJournalState *
vg_journal_state_new (void)
{
  return g_object_new (VG_TYPE_JOURNAL_STATE, NULL);
}

static gpointer
copy_entry (gconstpointer entry,
            gpointer      user_data)
{
  return vg_journal_entry_ref ((VgJournalEntry *) entry);
}

/* The separator cannot appear in ids people type, so "a"+"b c" and "a b"+"c" stay apart. */
static char *
reading_key (const char *sensor,
             const char *quantity)
{
  return g_strconcat (sensor, "\x1f", quantity != NULL ? quantity : "", NULL);
}

static void
fold_builtin (VgJournalState *self,
              VgJournalEntry *entry)
{
  switch (vg_journal_entry_get_kind (entry))
    {
    case VG_JOURNAL_KIND_OBSERVATION:
      {
        g_autofree char *sensor = vg_journal_entry_dup_string (entry, "sensor");
        g_autofree char *quantity = NULL;

        if (sensor == NULL)
          break;
        quantity = vg_journal_entry_dup_string (entry, "quantity");
        g_hash_table_replace (self->readings, reading_key (sensor, quantity),
                              vg_journal_entry_ref (entry));
        break;
      }
    case VG_JOURNAL_KIND_OPERATOR_NOTE:
      g_ptr_array_add (self->operator_log, vg_journal_entry_ref (entry));
      break;
    case VG_JOURNAL_KIND_DECISION:
      {
        char *proposal = vg_journal_entry_dup_string (entry, "proposal");

        if (proposal != NULL)
          g_hash_table_replace (self->decisions, proposal, vg_journal_entry_ref (entry));
        break;
      }
    case VG_JOURNAL_KIND_HEADER:
    case VG_JOURNAL_KIND_RAW_FEED_PAYLOAD:
    case VG_JOURNAL_KIND_PROJECTION:
    case VG_JOURNAL_KIND_PROPOSAL:
    case VG_JOURNAL_KIND_FEED_HEALTH:
    case VG_JOURNAL_KIND_SCENARIO_INJECT:
    case VG_JOURNAL_KIND_INCIDENT:
    case VG_JOURNAL_KIND_WARNING:
    case VG_JOURNAL_KIND_CORRECTION:
    case VG_JOURNAL_KIND_OUTPUT:
    case VG_N_JOURNAL_KINDS:
    default:
      break;
    }
}

void
vg_journal_state_apply (VgJournalState *self,
                        VgJournalEntry *entry)
{
  VgJournalKind kind;

  g_return_if_fail (VG_IS_JOURNAL_STATE (self));
  g_return_if_fail (entry != NULL);

  kind = vg_journal_entry_get_kind (entry);
  g_mutex_lock (&self->lock);
  g_warn_if_fail (vg_journal_entry_get_seq (entry) == self->last_seq + 1);
  self->last_seq = vg_journal_entry_get_seq (entry);
  memcpy (self->last_hash, vg_journal_entry_get_hash_raw (entry), VG_JOURNAL_HASH_LEN);
  fold_builtin (self, entry);
  g_mutex_unlock (&self->lock);

  if (kind >= VG_N_JOURNAL_KINDS)
    return;
  for (guint i = 0; i < self->reducers->len; i++)
    {
      const Reducer *reducer = &g_array_index (self->reducers, Reducer, i);

      if (reducer->kinds & VG_JOURNAL_KIND_MASK (kind))
        reducer->reducer (entry, reducer->user_data);
    }
}

void
vg_journal_state_add_reducer (VgJournalState  *self,
                              guint64          kinds,
                              VgJournalReducer reducer,
                              gpointer         user_data,
                              GDestroyNotify   destroy)
{
  Reducer r = { kinds, reducer, user_data, destroy };

  g_return_if_fail (VG_IS_JOURNAL_STATE (self));
  g_return_if_fail (reducer != NULL);

  g_array_append_val (self->reducers, r);
}

guint64
vg_journal_state_get_last_seq (VgJournalState *self)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (VG_IS_JOURNAL_STATE (self), 0);

  locker = g_mutex_locker_new (&self->lock);
  return self->last_seq;
}

char *
vg_journal_state_dup_last_hash (VgJournalState *self)
{
  g_autoptr(GMutexLocker) locker = NULL;
  char hex[VG_JOURNAL_HASH_HEX_LEN + 1];

  g_return_val_if_fail (VG_IS_JOURNAL_STATE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  vg_journal_hash_to_hex (self->last_hash, hex);
  return g_strdup (hex);
}

VgJournalEntry *
vg_journal_state_dup_reading (VgJournalState *self,
                              const char     *sensor,
                              const char     *quantity)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *key = NULL;
  VgJournalEntry *entry;

  g_return_val_if_fail (VG_IS_JOURNAL_STATE (self), NULL);
  g_return_val_if_fail (sensor != NULL, NULL);

  key = reading_key (sensor, quantity);
  locker = g_mutex_locker_new (&self->lock);
  entry = g_hash_table_lookup (self->readings, key);
  return entry != NULL ? vg_journal_entry_ref (entry) : NULL;
}

GPtrArray *
vg_journal_state_dup_readings (VgJournalState *self)
{
  g_autoptr(GMutexLocker) locker = NULL;
  GPtrArray *readings;
  GHashTableIter iter;
  gpointer entry;

  g_return_val_if_fail (VG_IS_JOURNAL_STATE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  readings = g_ptr_array_new_full (g_hash_table_size (self->readings),
                                   (GDestroyNotify) vg_journal_entry_unref);
  g_hash_table_iter_init (&iter, self->readings);
  while (g_hash_table_iter_next (&iter, NULL, &entry))
    g_ptr_array_add (readings, vg_journal_entry_ref (entry));
  return readings;
}

GPtrArray *
vg_journal_state_dup_operator_log (VgJournalState *self)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (VG_IS_JOURNAL_STATE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  return g_ptr_array_copy (self->operator_log, copy_entry, NULL);
}

VgJournalEntry *
vg_journal_state_dup_decision (VgJournalState *self,
                               const char     *proposal_id)
{
  g_autoptr(GMutexLocker) locker = NULL;
  VgJournalEntry *entry;

  g_return_val_if_fail (VG_IS_JOURNAL_STATE (self), NULL);
  g_return_val_if_fail (proposal_id != NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);
  entry = g_hash_table_lookup (self->decisions, proposal_id);
  return entry != NULL ? vg_journal_entry_ref (entry) : NULL;
}
