/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <adwaita.h>

#include "vg-operator.h"
#include "vg-roster.h"

G_BEGIN_DECLS

#define VG_TYPE_SIGN_IN_DIALOG (vg_sign_in_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VgSignInDialog, vg_sign_in_dialog, VG, SIGN_IN_DIALOG, AdwMessageDialog)

/* Signing in at the start of a shift: one row per person and role of the centre's roster (name,
 * role, function), pick one, "Sign in". There are no passwords (see vg-role.h). */

/* New dialog over @parent offering @roster's entries; @note (may be NULL) is shown above them
 * (e.g. that this is the example roster of an exercise). */
VgSignInDialog *vg_sign_in_dialog_new          (GtkWindow      *parent,
                                                VgRoster       *roster,
                                                const char     *note);
/* Picks roster entry @index, as a click on its row would. */
void            vg_sign_in_dialog_select       (VgSignInDialog *self,
                                                guint           index);
/* The roster entry picked, or NULL; borrowed. */
VgOperator     *vg_sign_in_dialog_get_selected (VgSignInDialog *self);

G_END_DECLS
