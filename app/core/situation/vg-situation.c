/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-situation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vg-error.h"
#include "vg-log-entry.h"
#include "vg-situation.h"

struct _VgSituation
{
  GObject     parent_instance;

  VgClock    *clock;
  VgJournal  *journal;
  GListStore *log;
  guint64     last_seen_seq;
  char       *problem;
};

G_DEFINE_FINAL_TYPE (VgSituation, vg_situation, G_TYPE_OBJECT)

static void
vg_situation_finalize (GObject *object)
{
  VgSituation *self = VG_SITUATION (object);

  g_clear_object (&self->clock);
  g_clear_object (&self->journal);
  g_clear_object (&self->log);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (vg_situation_parent_class)->finalize (object);
}

static void
vg_situation_class_init (VgSituationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_situation_finalize;
}

static void
vg_situation_init (VgSituation *self)
{
  self->log = g_list_store_new (VG_TYPE_LOG_ENTRY);
}

VgSituation *
vg_situation_open_or_create (const char  *path,
                             VgClock     *clock,
                             const char  *name,
                             gboolean     exercise,
                             GError     **error)
{
  g_autoptr(VgSituation) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (VG_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (VG_TYPE_SITUATION, NULL);
  self->clock = g_object_ref (clock);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    self->journal = vg_journal_create (path, clock, name, exercise, error);
  else
    {
      self->journal = vg_journal_open (path, clock, 0, &local_error);
      if (self->journal == NULL && g_error_matches (local_error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_BROKEN_CHAIN))
        {
          /* A journal that does not verify is evidence: shown read-only, never written to. */
          self->problem = g_strdup_printf (_("The situation journal %s does not verify (%s). It is "
                                             "shown read-only; nothing can be recorded in it."),
                                           path, local_error->message);
          g_clear_error (&local_error);
          self->journal = vg_journal_open (path, NULL, VG_JOURNAL_OPEN_READ_ONLY, &local_error);
        }
      if (self->journal == NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  if (self->journal == NULL)
    return NULL;

  vg_situation_refresh (self);
  return g_steal_pointer (&self);
}

VgJournal *
vg_situation_get_journal (VgSituation *self)
{
  g_return_val_if_fail (VG_IS_SITUATION (self), NULL);

  return self->journal;
}

VgClock *
vg_situation_get_clock (VgSituation *self)
{
  g_return_val_if_fail (VG_IS_SITUATION (self), NULL);

  return self->clock;
}

const char *
vg_situation_get_name (VgSituation *self)
{
  g_return_val_if_fail (VG_IS_SITUATION (self), NULL);

  return vg_journal_get_situation (self->journal);
}

gboolean
vg_situation_is_exercise (VgSituation *self)
{
  g_return_val_if_fail (VG_IS_SITUATION (self), FALSE);

  return vg_journal_is_exercise (self->journal);
}

gboolean
vg_situation_is_read_only (VgSituation *self)
{
  g_return_val_if_fail (VG_IS_SITUATION (self), TRUE);

  return vg_journal_is_read_only (self->journal);
}

const char *
vg_situation_get_problem (VgSituation *self)
{
  g_return_val_if_fail (VG_IS_SITUATION (self), NULL);

  return self->problem;
}

GListModel *
vg_situation_get_log (VgSituation *self)
{
  g_return_val_if_fail (VG_IS_SITUATION (self), NULL);

  return G_LIST_MODEL (self->log);
}

static gboolean
collect_note_cb (VgJournalEntry *entry,
                 gpointer        user_data)
{
  GPtrArray *items = user_data;

  g_ptr_array_add (items, vg_log_entry_new (entry));
  return TRUE;
}

void
vg_situation_refresh (VgSituation *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  VgJournalFilter filter;

  g_return_if_fail (VG_IS_SITUATION (self));

  /* Entries another process appended are in the file before they are in our state, so the
   * file is asked: one indexed range scan from the last note seen. */
  vg_journal_filter_init (&filter);
  filter.kinds = VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_OPERATOR_NOTE);
  filter.after_seq = self->last_seen_seq;
  if (!vg_journal_foreach (self->journal, &filter, collect_note_cb, items, &error))
    {
      g_free (self->problem);
      self->problem = g_strdup (error->message);
      return;
    }
  if (items->len > 0)
    {
      self->last_seen_seq = vg_log_entry_get_seq (g_ptr_array_index (items, items->len - 1));
      g_list_store_splice (self->log, g_list_model_get_n_items (G_LIST_MODEL (self->log)), 0,
                           items->pdata, items->len);
    }
}

gboolean
vg_situation_add_note (VgSituation        *self,
                       const char         *operator_name,
                       const char         *text,
                       const char * const *feature_ids,
                       guint64            *seq,
                       GError            **error)
{
  g_return_val_if_fail (VG_IS_SITUATION (self), FALSE);

  if (vg_journal_is_read_only (self->journal))
    {
      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_WRITE,
                   _("The situation journal %s is open read-only: the note was not recorded"),
                   vg_journal_get_path (self->journal));
      return FALSE;
    }
  if (!vg_journal_add_note (self->journal, operator_name, text, feature_ids, seq, error))
    return FALSE;
  vg_situation_refresh (self);
  return TRUE;
}
