/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a signed-in person may do. Sign-in is picking one's name and role from the local roster
 * (vg-roster.h): there are no passwords, by design of this version — the crisis room is a
 * controlled place and every decision is recorded under the name given. */
typedef enum {
  VG_ROLE_OPERATOR,             /* approves, rejects, amends actions not touching people; marks done */
  VG_ROLE_VALIDATOR,            /* the decision-maker's delegate: every decision, people included */
  VG_ROLE_OBSERVER,             /* reads only: can never decide */
  VG_ROLE_EXERCISE_CONTROLLER,  /* runs a drill: a validator in an exercise journal, nothing in a live one */
  VG_N_ROLES,
} VgRole;

#define VG_TYPE_ROLE (vg_role_get_type ())

/* GEnum type of VgRole (for properties). */
GType       vg_role_get_type        (void) G_GNUC_CONST;
/* Role named @id ("operator", "validator", "observer", "exercise-controller"); FALSE if unknown. */
gboolean    vg_role_from_id         (const char  *id,
                                     VgRole      *role);
/* Stable id of @role, as recorded in decisions; static. */
const char *vg_role_to_id           (VgRole       role);
/* Translated name for people; static. */
const char *vg_role_get_label       (VgRole       role);
/* Whether @role may approve, reject or amend a proposal in a journal that is (@exercise) or is
 * not an exercise, the proposal touching people or not; if not, FALSE with
 * VG_PROPOSAL_ERROR_FORBIDDEN saying why (@who names the person in the message). */
gboolean    vg_role_check_decide    (VgRole       role,
                                     const char  *who,
                                     gboolean     exercise,
                                     gboolean     touches_people,
                                     GError     **error);
/* Whether @role may mark an approved action done; same contract. */
gboolean    vg_role_check_mark_done (VgRole       role,
                                     const char  *who,
                                     gboolean     exercise,
                                     GError     **error);

G_END_DECLS
