/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gio/gio.h>

#include "vg-operator.h"

G_BEGIN_DECLS

#define VG_TYPE_ROSTER (vg_roster_get_type ())
G_DECLARE_FINAL_TYPE (VgRoster, vg_roster, VG, ROSTER, GObject)

/* Who may sign in at this crisis centre, and in which roles: a local file the centre keeps
 * (format in data/playbooks/README.md, example in data/roster.example), one group per person:
 *
 *     [Marie Dupont]
 *     roles = validator;operator
 *     function = Directrice de cabinet (astreinte)
 *
 * A GListModel of VgOperator, one item per person and role, in file order: what a sign-in
 * dialog offers. There are no passwords (see vg-role.h). */

/* Loads the roster @path; NULL with VG_PROPOSAL_ERROR_ROSTER naming file, line and key. */
VgRoster   *vg_roster_load             (const char  *path,
                                        GError     **error);
/* Where the centre's roster lives by default: $XDG_CONFIG_HOME/vigie/roster.ini. */
char       *vg_roster_dup_default_path (void);
/* The file; borrowed. */
const char *vg_roster_get_path         (VgRoster    *self);
/* @name signed in as @role: a new reference to their roster entry, or NULL with
 * VG_PROPOSAL_ERROR_FORBIDDEN if @name is not on the roster or may not take @role. */
VgOperator *vg_roster_sign_in          (VgRoster    *self,
                                        const char  *name,
                                        VgRole       role,
                                        GError     **error);

G_END_DECLS
