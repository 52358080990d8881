/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-timeline-group"

#include "config.h"

#include <glib/gi18n.h>

#include "vg-entry-payload.h"
#include "vg-timeline-group.h"

static const struct {
  const char *id;
  const char *name;
} groups[VG_N_TIMELINE_GROUPS] = {
  [VG_TIMELINE_GROUP_OBSERVATIONS] = { "observations", N_("Observations") },
  [VG_TIMELINE_GROUP_WARNINGS]     = { "warnings", N_("Warnings") },
  [VG_TIMELINE_GROUP_PROJECTIONS]  = { "projections", N_("Projections") },
  [VG_TIMELINE_GROUP_PROPOSALS]    = { "proposals", N_("Proposals") },
  [VG_TIMELINE_GROUP_DECISIONS]    = { "decisions", N_("Decisions") },
  [VG_TIMELINE_GROUP_NOTES]        = { "notes", N_("Operator notes") },
  [VG_TIMELINE_GROUP_FEED_HEALTH]  = { "feed-health", N_("Feed health") },
  [VG_TIMELINE_GROUP_INJECTS]      = { "injects", N_("Exercise injects") },
  [VG_TIMELINE_GROUP_INCIDENTS]    = { "incidents", N_("Incidents") },
  [VG_TIMELINE_GROUP_OTHER]        = { "other", N_("Other") },
};

/* The group of each kind, but for raw payloads, which depend on what they carry. */
static const VgTimelineGroup kind_groups[VG_N_JOURNAL_KINDS] = {
  [VG_JOURNAL_KIND_HEADER]           = VG_TIMELINE_GROUP_OTHER,
  [VG_JOURNAL_KIND_OBSERVATION]      = VG_TIMELINE_GROUP_OBSERVATIONS,
  [VG_JOURNAL_KIND_RAW_FEED_PAYLOAD] = VG_TIMELINE_GROUP_OBSERVATIONS,
  [VG_JOURNAL_KIND_PROJECTION]       = VG_TIMELINE_GROUP_PROJECTIONS,
  [VG_JOURNAL_KIND_PROPOSAL]         = VG_TIMELINE_GROUP_PROPOSALS,
  [VG_JOURNAL_KIND_DECISION]         = VG_TIMELINE_GROUP_DECISIONS,
  [VG_JOURNAL_KIND_OUTPUT]           = VG_TIMELINE_GROUP_DECISIONS,   /* what a decision produced */
  [VG_JOURNAL_KIND_OPERATOR_NOTE]    = VG_TIMELINE_GROUP_NOTES,
  [VG_JOURNAL_KIND_FEED_HEALTH]      = VG_TIMELINE_GROUP_FEED_HEALTH,
  [VG_JOURNAL_KIND_SCENARIO_INJECT]  = VG_TIMELINE_GROUP_INJECTS,
  [VG_JOURNAL_KIND_INCIDENT]         = VG_TIMELINE_GROUP_INCIDENTS,
  [VG_JOURNAL_KIND_WARNING]          = VG_TIMELINE_GROUP_WARNINGS,
  [VG_JOURNAL_KIND_CORRECTION]       = VG_TIMELINE_GROUP_OTHER,
};

VgTimelineGroup
vg_timeline_group_of_entry (VgJournalEntry *entry)
{
  VgJournalKind kind;

  g_return_val_if_fail (entry != NULL, VG_TIMELINE_GROUP_OTHER);

  kind = vg_journal_entry_get_kind (entry);
  if (kind >= VG_N_JOURNAL_KINDS)
    return VG_TIMELINE_GROUP_OTHER;
  if (kind == VG_JOURNAL_KIND_RAW_FEED_PAYLOAD && vg_entry_is_cap_payload (entry))
    return VG_TIMELINE_GROUP_WARNINGS;
  return kind_groups[kind];
}

const char *
vg_timeline_group_to_id (VgTimelineGroup group)
{
  g_return_val_if_fail (group < VG_N_TIMELINE_GROUPS, NULL);

  return groups[group].id;
}

gboolean
vg_timeline_group_from_id (const char      *id,
                           VgTimelineGroup *group)
{
  g_return_val_if_fail (group != NULL, FALSE);

  for (guint i = 0; id != NULL && i < VG_N_TIMELINE_GROUPS; i++)
    if (g_str_equal (id, groups[i].id))
      {
        *group = i;
        return TRUE;
      }
  return FALSE;
}

const char *
vg_timeline_group_get_name (VgTimelineGroup group)
{
  g_return_val_if_fail (group < VG_N_TIMELINE_GROUPS, NULL);

  return groups[group].name;
}

guint64
vg_timeline_group_get_kinds (guint groups_mask)
{
  guint64 kinds = 0;

  for (VgJournalKind kind = 0; kind < VG_N_JOURNAL_KINDS; kind++)
    if (groups_mask & VG_TIMELINE_GROUP_MASK (kind_groups[kind]))
      kinds |= VG_JOURNAL_KIND_MASK (kind);
  /* Raw payloads split between observations and warnings. */
  if (groups_mask & VG_TIMELINE_GROUP_MASK (VG_TIMELINE_GROUP_WARNINGS))
    kinds |= VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_RAW_FEED_PAYLOAD);
  return kinds;
}
