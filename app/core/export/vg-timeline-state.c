/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-timeline-state"

#include "config.h"

#include "vg-entry-payload.h"
#include "vg-timeline-state.h"

/* The keyed parts of the state: key → latest VgJournalEntry. */
typedef enum {
  PART_READINGS,
  PART_INCIDENTS,
  PART_PROPOSALS,
  PART_DECISIONS,
  PART_WARNINGS,
  PART_PROJECTIONS,
  PART_FEED_HEALTH,
  N_PARTS
} Part;

struct _VgTimelineState
{
  GObject     parent_instance;

  guint64     seq;
  gint64      time;
  GHashTable *parts[N_PARTS];
  GPtrArray  *operator_log;
};

G_DEFINE_FINAL_TYPE (VgTimelineState, vg_timeline_state, G_TYPE_OBJECT)

static void
vg_timeline_state_finalize (GObject *object)
{
  VgTimelineState *self = VG_TIMELINE_STATE (object);

  for (guint i = 0; i < N_PARTS; i++)
    g_clear_pointer (&self->parts[i], g_hash_table_unref);
  g_clear_pointer (&self->operator_log, g_ptr_array_unref);

  G_OBJECT_CLASS (vg_timeline_state_parent_class)->finalize (object);
}

static void
vg_timeline_state_class_init (VgTimelineStateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_timeline_state_finalize;
}

static void
vg_timeline_state_init (VgTimelineState *self)
{
  for (guint i = 0; i < N_PARTS; i++)
    self->parts[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) vg_journal_entry_unref);
  self->operator_log = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_journal_entry_unref);
}

VgTimelineState *
vg_timeline_state_new (void)
{
  return g_object_new (VG_TYPE_TIMELINE_STATE, NULL);
}

/* The unit separator cannot appear in ids people type, so "a"+"b c" and "a b"+"c" stay apart. */
static char *
make_key (const char *a,
          const char *b)
{
  return g_strconcat (a != NULL ? a : "", "\x1f", b != NULL ? b : "", NULL);
}

static void
put (VgTimelineState *self,
     Part             part,
     char            *key,
     VgJournalEntry  *entry)
{
  g_hash_table_replace (self->parts[part], key, vg_journal_entry_ref (entry));
}

static gboolean
status_in (VgJournalEntry     *entry,
           const char * const *ended)
{
  g_autofree char *status = vg_entry_dup_first_string (entry, (const char * const[]) { "status", "state", NULL });
  g_autofree char *lower = NULL;

  if (status == NULL)
    return FALSE;
  lower = g_ascii_strdown (status, -1);
  return g_strv_contains (ended, lower);
}

static void
fold_incident (VgTimelineState *self,
               VgJournalEntry  *entry)
{
  static const char * const closed[] = { "closed", "resolved", "ended", "cancelled", "canceled", NULL };
  g_autofree char *id = vg_entry_dup_first_string (entry, (const char * const[]) { "incident", "id", NULL });
  gboolean is_closed = FALSE;

  if (id == NULL)
    return;
  vg_journal_entry_get_boolean (entry, "closed", &is_closed);
  if (is_closed || status_in (entry, closed))
    g_hash_table_remove (self->parts[PART_INCIDENTS], id);
  else
    put (self, PART_INCIDENTS, g_steal_pointer (&id), entry);
}

static void
fold_proposal (VgTimelineState *self,
               VgJournalEntry  *entry)
{
  static const char * const ended[] = { "withdrawn", "expired", "cancelled", "canceled", "superseded", NULL };
  g_autofree char *id = vg_entry_dup_first_string (entry, vg_entry_proposal_members);

  if (id == NULL)
    return;
  if (status_in (entry, ended) || g_hash_table_contains (self->parts[PART_DECISIONS], id))
    g_hash_table_remove (self->parts[PART_PROPOSALS], id);
  else
    put (self, PART_PROPOSALS, g_steal_pointer (&id), entry);
}

static void
fold_decision (VgTimelineState *self,
               VgJournalEntry  *entry)
{
  g_autofree char *id = vg_journal_entry_dup_string (entry, "proposal");

  if (id == NULL)
    return;
  g_hash_table_remove (self->parts[PART_PROPOSALS], id);
  put (self, PART_DECISIONS, g_steal_pointer (&id), entry);
}

static void
fold_warning (VgTimelineState *self,
              VgJournalEntry  *entry)
{
  static const char * const ended[] = { "cancelled", "canceled", "ended", "expired", "lifted", NULL };
  g_autofree char *id = vg_entry_dup_first_string (entry, (const char * const[]) { "warning", "id", "identifier", NULL });
  g_autofree char *key = NULL;

  if (id == NULL)
    return;
  key = make_key ("warning", id);
  if (status_in (entry, ended))
    g_hash_table_remove (self->parts[PART_WARNINGS], key);
  else
    put (self, PART_WARNINGS, g_steal_pointer (&key), entry);
}

static void
fold_builtin (VgTimelineState *self,
              VgJournalEntry  *entry)
{
  switch (vg_journal_entry_get_kind (entry))
    {
    case VG_JOURNAL_KIND_OBSERVATION:
      {
        g_autofree char *subject = vg_entry_dup_first_string (entry, vg_entry_subject_members);
        g_autofree char *quantity = vg_journal_entry_dup_string (entry, "quantity");

        if (subject != NULL)
          put (self, PART_READINGS, make_key (subject, quantity), entry);
        break;
      }
    case VG_JOURNAL_KIND_RAW_FEED_PAYLOAD:
      if (vg_entry_is_cap_payload (entry))
        put (self, PART_WARNINGS, make_key ("cap", vg_journal_entry_get_source (entry)), entry);
      break;
    case VG_JOURNAL_KIND_PROJECTION:
      {
        g_autofree char *id = vg_entry_dup_first_string (entry, (const char * const[]) { "projection", "id", NULL });

        if (id == NULL)
          id = vg_entry_dup_first_string (entry, vg_entry_subject_members);
        put (self, PART_PROJECTIONS, make_key (vg_journal_entry_get_source (entry), id), entry);
        break;
      }
    case VG_JOURNAL_KIND_PROPOSAL:
      fold_proposal (self, entry);
      break;
    case VG_JOURNAL_KIND_DECISION:
      fold_decision (self, entry);
      break;
    case VG_JOURNAL_KIND_OPERATOR_NOTE:
      g_ptr_array_add (self->operator_log, vg_journal_entry_ref (entry));
      break;
    case VG_JOURNAL_KIND_FEED_HEALTH:
      {
        char *feed = vg_journal_entry_dup_string (entry, "feed");

        put (self, PART_FEED_HEALTH, feed != NULL ? feed : g_strdup (vg_journal_entry_get_source (entry)), entry);
        break;
      }
    case VG_JOURNAL_KIND_INCIDENT:
      fold_incident (self, entry);
      break;
    case VG_JOURNAL_KIND_WARNING:
      fold_warning (self, entry);
      break;
    case VG_JOURNAL_KIND_HEADER:
    case VG_JOURNAL_KIND_SCENARIO_INJECT:
    case VG_JOURNAL_KIND_CORRECTION:
    case VG_JOURNAL_KIND_OUTPUT:
    case VG_N_JOURNAL_KINDS:
    default:
      break;
    }
}

void
vg_timeline_state_apply (VgTimelineState *self,
                         VgJournalEntry  *entry)
{
  g_return_if_fail (VG_IS_TIMELINE_STATE (self));
  g_return_if_fail (entry != NULL);
  g_return_if_fail (vg_journal_entry_get_seq (entry) > self->seq);

  self->seq = vg_journal_entry_get_seq (entry);
  self->time = vg_journal_entry_get_time (entry);
  fold_builtin (self, entry);
}

guint64
vg_timeline_state_get_seq (VgTimelineState *self)
{
  g_return_val_if_fail (VG_IS_TIMELINE_STATE (self), 0);

  return self->seq;
}

gint64
vg_timeline_state_get_time (VgTimelineState *self)
{
  g_return_val_if_fail (VG_IS_TIMELINE_STATE (self), 0);

  return self->time;
}

static gpointer
copy_entry (gconstpointer entry,
            gpointer      user_data)
{
  return vg_journal_entry_ref ((VgJournalEntry *) entry);
}

static int
compare_seq (gconstpointer a,
             gconstpointer b)
{
  guint64 sa = vg_journal_entry_get_seq (*(VgJournalEntry **) a);
  guint64 sb = vg_journal_entry_get_seq (*(VgJournalEntry **) b);

  return sa < sb ? -1 : sa > sb;
}

static void
add_part (GPtrArray  *into,
          GHashTable *part)
{
  GHashTableIter iter;
  gpointer entry;

  g_hash_table_iter_init (&iter, part);
  while (g_hash_table_iter_next (&iter, NULL, &entry))
    g_ptr_array_add (into, vg_journal_entry_ref (entry));
}

static GPtrArray *
dup_part (VgTimelineState *self,
          Part             part)
{
  GPtrArray *entries;

  g_return_val_if_fail (VG_IS_TIMELINE_STATE (self), NULL);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_journal_entry_unref);
  add_part (entries, self->parts[part]);
  /* Hash order would differ from run to run: journal order is the one that means something. */
  g_ptr_array_sort (entries, compare_seq);
  return entries;
}

GPtrArray *
vg_timeline_state_dup_readings (VgTimelineState *self)
{
  return dup_part (self, PART_READINGS);
}

GPtrArray *
vg_timeline_state_dup_open_incidents (VgTimelineState *self)
{
  return dup_part (self, PART_INCIDENTS);
}

GPtrArray *
vg_timeline_state_dup_pending_proposals (VgTimelineState *self)
{
  return dup_part (self, PART_PROPOSALS);
}

GPtrArray *
vg_timeline_state_dup_decisions (VgTimelineState *self)
{
  return dup_part (self, PART_DECISIONS);
}

GPtrArray *
vg_timeline_state_dup_warnings (VgTimelineState *self)
{
  return dup_part (self, PART_WARNINGS);
}

GPtrArray *
vg_timeline_state_dup_projections (VgTimelineState *self)
{
  return dup_part (self, PART_PROJECTIONS);
}

GPtrArray *
vg_timeline_state_dup_feed_health (VgTimelineState *self)
{
  return dup_part (self, PART_FEED_HEALTH);
}

GPtrArray *
vg_timeline_state_dup_operator_log (VgTimelineState *self)
{
  g_return_val_if_fail (VG_IS_TIMELINE_STATE (self), NULL);

  return g_ptr_array_copy (self->operator_log, copy_entry, NULL);
}

GPtrArray *
vg_timeline_state_dup_mapped (VgTimelineState *self)
{
  GPtrArray *all;
  GPtrArray *mapped;

  g_return_val_if_fail (VG_IS_TIMELINE_STATE (self), NULL);

  all = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_journal_entry_unref);
  for (guint i = 0; i < N_PARTS; i++)
    add_part (all, self->parts[i]);
  for (guint i = 0; i < self->operator_log->len; i++)
    g_ptr_array_add (all, vg_journal_entry_ref (g_ptr_array_index (self->operator_log, i)));
  g_ptr_array_sort (all, compare_seq);

  mapped = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_journal_entry_unref);
  for (guint i = 0; i < all->len; i++)
    {
      VgJournalEntry *entry = g_ptr_array_index (all, i);
      g_autoptr(JsonNode) geometry = NULL;

      if ((geometry = vg_entry_dup_geometry (entry, NULL)) != NULL)
        g_ptr_array_add (mapped, vg_journal_entry_ref (entry));
    }
  g_ptr_array_unref (all);
  return mapped;
}
