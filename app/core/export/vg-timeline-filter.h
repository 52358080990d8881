/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-journal.h"
#include "vg-timeline-group.h"

G_BEGIN_DECLS

/* Which entries a timeline view (and an export of it) shows: every condition set must hold.
 * A value type: copy it to keep it. New filters match everything. */
typedef struct _VgTimelineFilter VgTimelineFilter;

#define VG_TYPE_TIMELINE_FILTER (vg_timeline_filter_get_type ())

/* Boxed type of VgTimelineFilter. */
GType             vg_timeline_filter_get_type     (void) G_GNUC_CONST;
/* New filter matching every entry. */
VgTimelineFilter *vg_timeline_filter_new          (void);
/* Independent copy of @self. */
VgTimelineFilter *vg_timeline_filter_copy         (const VgTimelineFilter *self);
/* Frees @self (NULL is fine). */
void              vg_timeline_filter_free         (VgTimelineFilter       *self);
/* TRUE if @a and @b select the same entries by the same conditions. */
gboolean          vg_timeline_filter_equal        (const VgTimelineFilter *a,
                                                   const VgTimelineFilter *b);

/* Groups shown (VG_TIMELINE_GROUP_MASK bits; VG_TIMELINE_ALL_GROUPS or 0: every group). */
void              vg_timeline_filter_set_groups   (VgTimelineFilter       *self,
                                                   guint                   groups);
/* The groups shown (VG_TIMELINE_ALL_GROUPS when not narrowed). */
guint             vg_timeline_filter_get_groups   (const VgTimelineFilter *self);
/* Journal kinds shown (VG_JOURNAL_KIND_MASK bits; 0: every kind), on top of the groups. */
void              vg_timeline_filter_set_kinds    (VgTimelineFilter       *self,
                                                   guint64                 kinds);
/* The kinds shown (0: any). */
guint64           vg_timeline_filter_get_kinds    (const VgTimelineFilter *self);
/* Only entries from this exact source (a feed, a module), or NULL for any. */
void              vg_timeline_filter_set_source   (VgTimelineFilter       *self,
                                                   const char             *source);
/* The source condition, or NULL; borrowed. */
const char       *vg_timeline_filter_get_source   (const VgTimelineFilter *self);
/* Only entries by this exact author (an operator, a feed), or NULL for any. */
void              vg_timeline_filter_set_author   (VgTimelineFilter       *self,
                                                   const char             *author);
/* The author condition, or NULL; borrowed. */
const char       *vg_timeline_filter_get_author   (const VgTimelineFilter *self);
/* Only entries where @text (case-insensitive) appears in a string of the payload, the source
 * or the author; NULL or "" for any. */
void              vg_timeline_filter_set_text     (VgTimelineFilter       *self,
                                                   const char             *text);
/* The search text, or NULL; borrowed. */
const char       *vg_timeline_filter_get_text     (const VgTimelineFilter *self);
/* Only entries journalled at or after @since and at or before @until (Unix µs; G_MININT64 and
 * G_MAXINT64 leave that end open). */
void              vg_timeline_filter_set_period   (VgTimelineFilter       *self,
                                                   gint64                  since,
                                                   gint64                  until);
/* The period into @since and @until (either may be NULL). */
void              vg_timeline_filter_get_period   (const VgTimelineFilter *self,
                                                   gint64                 *since,
                                                   gint64                 *until);

/* TRUE if @self matches every entry (no condition set). */
gboolean          vg_timeline_filter_is_empty     (const VgTimelineFilter *self);
/* TRUE if @entry passes every condition of @self. */
gboolean          vg_timeline_filter_matches      (const VgTimelineFilter *self,
                                                   VgJournalEntry         *entry);
/* The part of @self SQL can apply, into @filter for vg_journal_foreach(); matches() still has
 * the last word on each entry. */
void              vg_timeline_filter_to_journal_filter (const VgTimelineFilter *self,
                                                        VgJournalFilter        *filter);
/* The conditions as a JSON object for export metadata: only those set, times in ISO 8601 UTC
 * ({"groups":["decisions"],"since":"2014-09-29T06:00:00Z"}; {} when empty). */
JsonNode         *vg_timeline_filter_to_json      (const VgTimelineFilter *self);
/* The conditions as one line ("groups=decisions,notes; since=2014-09-29T06:00:00Z"), or
 * "none"; free with g_free(). */
char             *vg_timeline_filter_describe     (const VgTimelineFilter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VgTimelineFilter, vg_timeline_filter_free)

G_END_DECLS
