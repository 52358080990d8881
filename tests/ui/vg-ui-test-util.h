/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Spins the main loop until @done returns TRUE or @seconds pass; what @done last said. */
gboolean vg_ui_test_wait_for        (gboolean (*done) (gpointer data),
                                     gpointer   data,
                                     double     seconds);
/* Whether the VgApplication @data has loaded its city data (for vg_ui_test_wait_for()). */
gboolean vg_ui_test_city_data_ready (gpointer   data);
/* Lets pending frames and idles run (about 40 main-loop turns, at most 2 s). */
void     vg_ui_test_settle          (void);

G_END_DECLS
