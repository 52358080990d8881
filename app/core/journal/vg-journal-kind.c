/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-journal-kind"

#include "config.h"

#include "vg-journal-kind.h"

static const struct {
  const char *id;
  gboolean    durable;
} kinds[VG_N_JOURNAL_KINDS] = {
  [VG_JOURNAL_KIND_HEADER]           = { "header", TRUE },
  [VG_JOURNAL_KIND_OBSERVATION]      = { "observation", FALSE },
  [VG_JOURNAL_KIND_RAW_FEED_PAYLOAD] = { "raw-feed-payload", FALSE },
  [VG_JOURNAL_KIND_PROJECTION]       = { "projection", FALSE },
  [VG_JOURNAL_KIND_PROPOSAL]         = { "proposal", FALSE },
  [VG_JOURNAL_KIND_DECISION]         = { "decision", TRUE },
  [VG_JOURNAL_KIND_OPERATOR_NOTE]    = { "operator-note", TRUE },
  [VG_JOURNAL_KIND_FEED_HEALTH]      = { "feed-health", FALSE },
  [VG_JOURNAL_KIND_SCENARIO_INJECT]  = { "scenario-inject", FALSE },
  [VG_JOURNAL_KIND_INCIDENT]         = { "incident", TRUE },
  [VG_JOURNAL_KIND_WARNING]          = { "warning", FALSE },
  [VG_JOURNAL_KIND_CORRECTION]       = { "correction", TRUE },
  [VG_JOURNAL_KIND_OUTPUT]           = { "output", TRUE },
};

gboolean
vg_journal_kind_from_id (const char    *id,
                         VgJournalKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; id != NULL && i < VG_N_JOURNAL_KINDS; i++)
    if (g_str_equal (id, kinds[i].id))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
vg_journal_kind_to_id (VgJournalKind kind)
{
  g_return_val_if_fail (kind < VG_N_JOURNAL_KINDS, NULL);

  return kinds[kind].id;
}

gboolean
vg_journal_kind_is_durable (VgJournalKind kind)
{
  g_return_val_if_fail (kind < VG_N_JOURNAL_KINDS, FALSE);

  return kinds[kind].durable;
}
