/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-feed-kind"

#include "config.h"

#include "vg-feed-kind.h"

static const char * const ids[VG_N_FEED_KINDS] = {
  [VG_FEED_KIND_HUBEAU]          = "hubeau",
  [VG_FEED_KIND_SENSORTHINGS]    = "sensorthings",
  [VG_FEED_KIND_OPENMETEO]       = "openmeteo",
  [VG_FEED_KIND_CAP]             = "cap",
  [VG_FEED_KIND_METEOALARM_ATOM] = "meteoalarm-atom",
  [VG_FEED_KIND_DATEX2]          = "datex2",
  [VG_FEED_KIND_GEOJSON]         = "geojson",
};

gboolean
vg_feed_kind_from_id (const char *id,
                      VgFeedKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; id != NULL && i < VG_N_FEED_KINDS; i++)
    if (g_str_equal (id, ids[i]))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
vg_feed_kind_to_id (VgFeedKind kind)
{
  g_return_val_if_fail (kind < VG_N_FEED_KINDS, NULL);

  return ids[kind];
}
