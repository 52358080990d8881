/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-action.h"
#include "vg-journal.h"

G_BEGIN_DECLS

/* The documents of an approved action, rendered from what the journal holds: the proposal's
 * payload and the signed decision entry. Pure functions (same inputs, same bytes), private to the
 * proposals module on purpose: the only way to get one is vg_proposal_queue_emit(), which checks
 * the approval and journals the document before anyone sees it.
 *
 * Their fixed wording is French then English in every document, never the operator's locale:
 * an order sheet must read the same whoever printed it, and the journal keeps its exact bytes. */

/* The document @kind (not VG_OUTPUT_TASK) of @proposal (its payload) approved by @decision, in
 * situation @situation, live or @exercise: UTF-8 text, free with g_free(). */
char       *vg_output_render            (VgOutputKind    kind,
                                         JsonObject     *proposal,
                                         VgJournalEntry *decision,
                                         const char     *situation,
                                         gboolean        exercise);
/* The main-courante line of the task an approved @proposal gives. Free with g_free(). */
char       *vg_output_render_task       (JsonObject     *proposal,
                                         VgJournalEntry *decision);
/* The targets @decision keeps of @proposal (an amendment may keep some): JsonObject targets of
 * the payload, borrowed. */
GPtrArray  *vg_output_kept_targets      (JsonObject     *proposal,
                                         VgJournalEntry *decision);
/* The MIME type of @kind's document; static. */
const char *vg_output_get_media_type    (VgOutputKind    kind);
/* The file name ending of @kind's document (".cap.xml"…); static. */
const char *vg_output_get_suffix        (VgOutputKind    kind);

G_END_DECLS
