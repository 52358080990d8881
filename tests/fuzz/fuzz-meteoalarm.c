/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  VgFeedBatch *batch = fuzz_parse (vg_feed_parse_meteoalarm_atom, data, size);

  fuzz_sanitize (VG_FEED_KIND_METEOALARM_ATOM, data, size, batch);
  g_clear_object (&batch);
  return 0;
}
