/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include "fuzz-common.h"
#include "vg-warning-history.h"

/* CAP messages; the warnings found go through a warning history, which must take any of them. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(VgFeedBatch) batch = NULL;
  g_autoptr(VgWarningHistory) history = vg_warning_history_new ();
  g_autoptr(GPtrArray) keys = NULL;
  GPtrArray *warnings;

  batch = fuzz_parse (vg_feed_parse_cap, data, size);
  if (batch == NULL)
    return 0;
  fuzz_sanitize (VG_FEED_KIND_CAP, data, size, batch);
  warnings = vg_feed_batch_get_warnings (batch);
  for (guint i = 0; i < warnings->len; i++)
    {
      vg_warning_history_add (history, warnings->pdata[i]);
      /* Twice: a second poll of the same message adds nothing. */
      g_assert_false (vg_warning_history_add (history, warnings->pdata[i]));
    }
  keys = vg_warning_history_dup_keys (history);
  for (guint i = 0; i < keys->len; i++)
    {
      g_assert_nonnull (vg_warning_history_get_versions (history, keys->pdata[i]));
      vg_warning_history_is_active (history, keys->pdata[i], 0);
    }
  return 0;
}
