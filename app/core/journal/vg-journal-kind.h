/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a journal entry records. The string ids are part of the file format (they are stored and
 * hashed): never rename one, only add. */
typedef enum {
  VG_JOURNAL_KIND_HEADER,            /* seq 1: format version, situation, exercise flag */
  VG_JOURNAL_KIND_OBSERVATION,       /* a sensor reading: payload "sensor", "quantity", "value" */
  VG_JOURNAL_KIND_RAW_FEED_PAYLOAD,  /* a feed response as received; bytes kept by SHA-256 */
  VG_JOURNAL_KIND_PROJECTION,        /* a computed forecast or exposure */
  VG_JOURNAL_KIND_PROPOSAL,          /* an action Vigie proposes: payload "proposal" (its id) */
  VG_JOURNAL_KIND_DECISION,          /* an operator's verdict on a proposal: payload "proposal" */
  VG_JOURNAL_KIND_OPERATOR_NOTE,     /* a line of the main courante: payload "text", "features" */
  VG_JOURNAL_KIND_FEED_HEALTH,       /* a feed became stale, failed or recovered */
  VG_JOURNAL_KIND_SCENARIO_INJECT,   /* an event injected by an exercise scenario */
  VG_JOURNAL_KIND_INCIDENT,          /* an incident opened, updated or closed */
  VG_JOURNAL_KIND_WARNING,           /* a warning raised to the operators */
  VG_JOURNAL_KIND_CORRECTION,        /* amends an earlier entry: payload "corrects" (its seq) */
  VG_JOURNAL_KIND_OUTPUT,            /* a document generated after a signed decision: payload "proposal", "decision" */
  VG_N_JOURNAL_KINDS,
} VgJournalKind;

/* Bit of @kind in a kind mask (see VgJournalFilter). */
#define VG_JOURNAL_KIND_MASK(kind) (G_GUINT64_CONSTANT (1) << (kind))

/* Kind named @id ("operator-note"...); FALSE if unknown. */
gboolean    vg_journal_kind_from_id    (const char    *id,
                                        VgJournalKind *kind);
/* Stable identifier of @kind, as stored in the journal; static. */
const char *vg_journal_kind_to_id      (VgJournalKind  kind);
/* TRUE for kinds acknowledged only once on stable storage (operator actions, the header);
 * other kinds may ride on the next fsync (see app/core/DESIGN.md). */
gboolean    vg_journal_kind_is_durable (VgJournalKind  kind);

G_END_DECLS
