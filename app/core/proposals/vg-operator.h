/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

#include "vg-role.h"

G_BEGIN_DECLS

#define VG_TYPE_OPERATOR (vg_operator_get_type ())
G_DECLARE_FINAL_TYPE (VgOperator, vg_operator, VG, OPERATOR, GObject)

/* A person of the crisis centre in one role: an entry of the roster, and once picked at sign-in,
 * who every decision is recorded under. Immutable. Only the centre's staff are named here:
 * Vigie holds no personal data about the public. */

/* New @name in @role; @function (their post, e.g. "Directrice de cabinet") may be NULL. Get
 * signed-in operators from vg_roster_sign_in(), which checks the roster. */
VgOperator *vg_operator_new          (const char *name,
                                      VgRole      role,
                                      const char *function);
/* Name as on the roster; borrowed. */
const char *vg_operator_get_name     (VgOperator *self);
/* Role. */
VgRole      vg_operator_get_role     (VgOperator *self);
/* Post held, or NULL; borrowed. */
const char *vg_operator_get_function (VgOperator *self);

G_END_DECLS
