/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include "vg-application.h"
#include "vg-ui-test-util.h"

gboolean
vg_ui_test_wait_for (gboolean (*done) (gpointer data),
                     gpointer   data,
                     double     seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
  return done (data);
}

gboolean
vg_ui_test_city_data_ready (gpointer data)
{
  return vg_application_is_city_data_ready (data);
}

static gboolean
frames_settled (gpointer data)
{
  guint *count = data;

  return ++*count > 40;
}

void
vg_ui_test_settle (void)
{
  guint count = 0;

  vg_ui_test_wait_for (frames_settled, &count, 2);
}
