/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* NUTS region codes as CAP warnings carry them. France re-coded its regions in NUTS 2016
 * (kept in 2021): Hérault is FR813 in NUTS 2013 and FRJ13 since, and Météo-France messages
 * still use both. Vigie keys warnings on the current (2021) code. */

/* The NUTS 2021 code for @code (FR813 → FRJ13); @code itself when it has not changed or is
 * not known to Vigie (only the regions around Montpellier are tabled: Occitanie and
 * Provence-Alpes-Côte d'Azur); static or @code. */
const char *vg_nuts_to_current (const char *code);
/* TRUE if @a and @b name the same region in any NUTS edition. */
gboolean    vg_nuts_equal      (const char *a,
                                const char *b);

G_END_DECLS
