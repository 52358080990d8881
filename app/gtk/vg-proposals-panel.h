/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VG_TYPE_PROPOSALS_PANEL (vg_proposals_panel_get_type ())
G_DECLARE_FINAL_TYPE (VgProposalsPanel, vg_proposals_panel, VG, PROPOSALS_PANEL, GtkWidget)

/* The panel of proposed responses awaiting an operator's sign-off, sorted by deadline. */

/* New, empty panel. */
GtkWidget *vg_proposals_panel_new (void);

G_END_DECLS
