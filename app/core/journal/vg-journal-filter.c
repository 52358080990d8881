/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-journal-filter"

#include "config.h"

#include <string.h>

#include "vg-journal-filter.h"

void
vg_journal_filter_init (VgJournalFilter *self)
{
  g_return_if_fail (self != NULL);

  memset (self, 0, sizeof *self);
  self->since = G_MININT64;
}

/* Case folding, so "Évacuation" finds "évacuation" (SQLite's LIKE folds ASCII only). */
static gboolean
text_contains (const char *haystack,
               const char *needle)
{
  g_autofree char *folded_haystack = g_utf8_casefold (haystack, -1);
  g_autofree char *folded_needle = g_utf8_casefold (needle, -1);

  return strstr (folded_haystack, folded_needle) != NULL;
}

gboolean
vg_journal_filter_matches (const VgJournalFilter *self,
                           VgJournalEntry        *entry)
{
  VgJournalKind kind;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  kind = vg_journal_entry_get_kind (entry);
  if (self->kinds != 0 && (kind >= VG_N_JOURNAL_KINDS || !(self->kinds & VG_JOURNAL_KIND_MASK (kind))))
    return FALSE;
  if (vg_journal_entry_get_seq (entry) <= self->after_seq || vg_journal_entry_get_time (entry) < self->since)
    return FALSE;
  if (self->source != NULL && !g_str_equal (self->source, vg_journal_entry_get_source (entry)))
    return FALSE;
  if (self->author != NULL && !g_str_equal (self->author, vg_journal_entry_get_author (entry)))
    return FALSE;
  if (self->text != NULL)
    {
      g_autofree char *text = vg_journal_entry_dup_string (entry, "text");

      if (text == NULL || !text_contains (text, self->text))
        return FALSE;
    }
  return TRUE;
}
