/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-journal-entry.h"

G_BEGIN_DECLS

/* What the timeline filters by: groups of journal kinds as the crisis centre thinks of them.
 * The string ids are used on the command line and in exports: never rename one, only add. */
typedef enum {
  VG_TIMELINE_GROUP_OBSERVATIONS,  /* observations, and raw feed payloads that are not CAP */
  VG_TIMELINE_GROUP_WARNINGS,      /* warnings, and CAP messages received (raw payloads) */
  VG_TIMELINE_GROUP_PROJECTIONS,   /* computed forecasts and exposures */
  VG_TIMELINE_GROUP_PROPOSALS,
  VG_TIMELINE_GROUP_DECISIONS,
  VG_TIMELINE_GROUP_NOTES,         /* the operators' main courante */
  VG_TIMELINE_GROUP_FEED_HEALTH,
  VG_TIMELINE_GROUP_INJECTS,       /* events injected by an exercise scenario */
  VG_TIMELINE_GROUP_INCIDENTS,
  VG_TIMELINE_GROUP_OTHER,         /* the header, corrections, kinds this version does not know */
  VG_N_TIMELINE_GROUPS,
} VgTimelineGroup;

/* Bit of @group in a group mask (see VgTimelineFilter). */
#define VG_TIMELINE_GROUP_MASK(group) (1u << (group))
/* Every group. */
#define VG_TIMELINE_ALL_GROUPS ((1u << VG_N_TIMELINE_GROUPS) - 1)

/* The group @entry belongs to. A raw feed payload counts as a warning when it is CAP: content
 * type application/cap+xml, or payload member "feed_kind" equal to "cap". */
VgTimelineGroup  vg_timeline_group_of_entry  (VgJournalEntry  *entry);
/* Stable id of @group ("observations", "feed-health"…); static. */
const char      *vg_timeline_group_to_id     (VgTimelineGroup  group);
/* Group named @id; FALSE if unknown. */
gboolean         vg_timeline_group_from_id   (const char      *id,
                                              VgTimelineGroup *group);
/* Name of @group for people, untranslated (mark: N_); translate with vg_catalog_gettext(). */
const char      *vg_timeline_group_get_name  (VgTimelineGroup  group);
/* The journal kinds (VG_JOURNAL_KIND_MASK bits) whose entries can fall in the groups of @groups. */
guint64          vg_timeline_group_get_kinds (guint            groups);

G_END_DECLS
