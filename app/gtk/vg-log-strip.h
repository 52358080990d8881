/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VG_TYPE_LOG_STRIP (vg_log_strip_get_type ())
G_DECLARE_FINAL_TYPE (VgLogStrip, vg_log_strip, VG, LOG_STRIP, GtkWidget)

/* The strip under the map: the operator log (main courante) and the situation timeline. */

/* New, empty panel. */
GtkWidget *vg_log_strip_new (void);

G_END_DECLS
