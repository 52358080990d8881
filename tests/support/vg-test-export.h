/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-journal.h"

G_BEGIN_DECLS

/* The journal the export tests review: a morning of the Lez flood exercise (gauge readings, a
 * Météo-France CAP message, a flood envelope, three proposals, two decisions, notes, an
 * incident, an issued alert), with a few entries that miss what the readers look for. Times on
 * the test clock (2014-09-29T06:00Z, vg_test_clock_new()). */
typedef struct
{
  guint64 cap_received;   /* raw payload of the Météo-France CAP sample, 06:05 */
  guint64 note_0;         /* 06:06, phase "Veille" */
  guint64 warning;        /* vigilance orange, Hérault: a forecast threshold, 06:10 */
  guint64 reading_low;    /* gauge at 2.10 m, below its threshold, 06:15 */
  guint64 projection;     /* envelope: the gauge forecast above vigilance-orange, 06:30 */
  guint64 proposal_1;     /* P-1, close the riverside roads, 06:35 */
  guint64 decision_1;     /* P-1 accepted by Claire Martin, 06:50 */
  guint64 note_1;         /* 07:00, phase "Crise" */
  guint64 reading_high;   /* gauge at 3.72 m: vigilance-orange observed, 07:20 */
  guint64 incident;       /* INC-1 open, 07:25 */
  guint64 feed_health;    /* 07:30 */
  guint64 inject;         /* 07:40 */
  guint64 proposal_2;     /* P-2, evacuate a care home, 07:45 */
  guint64 decision_2;     /* P-2 rejected by Jean Dupont, 08:30 */
  guint64 note_2;         /* 08:35, phase "Décrue" */
  guint64 proposal_3;     /* P-3, never decided, 08:40 */
  guint64 cap_issued;     /* a warning holding a CAP alert Vigie released, 08:45 */
  guint64 heat;           /* heat level orange forecast for Mosson, 08:50 */
  guint64 no_subject;     /* a threshold without a subject: skipped, 08:55 */
  guint64 bad_geometry;   /* an unclosed ring: left out of the maps, named, 09:00 */
  guint64 correction;     /* corrects the feed-health entry, 09:05: the last entry */
  guint64 last;
} VgTestReview;

/* Creates the review journal at @path on @clock (advanced as entries are added); @seqs gets the
 * seq of each entry. */
VgJournal *vg_test_review_journal_create (const char   *path,
                                          VgClock      *clock,
                                          VgTestReview *seqs);

G_END_DECLS
