/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-feed-parser"

#include "config.h"

#include "vg-feed-parser.h"

VgFeedBatch *
vg_feed_parse (VgFeedKind   kind,
               const char  *feed_id,
               GDateTime   *received_at,
               GBytes      *payload,
               GError     **error)
{
  static VgFeedBatch *(* const parsers[VG_N_FEED_KINDS]) (const char *, GDateTime *, GBytes *, GError **) = {
    [VG_FEED_KIND_HUBEAU]          = vg_feed_parse_hubeau,
    [VG_FEED_KIND_SENSORTHINGS]    = vg_feed_parse_sensorthings,
    [VG_FEED_KIND_OPENMETEO]       = vg_feed_parse_openmeteo,
    [VG_FEED_KIND_CAP]             = vg_feed_parse_cap,
    [VG_FEED_KIND_METEOALARM_ATOM] = vg_feed_parse_meteoalarm_atom,
    [VG_FEED_KIND_DATEX2]          = vg_feed_parse_datex2,
    [VG_FEED_KIND_GEOJSON]         = vg_feed_parse_geojson,
  };

  g_return_val_if_fail (kind < VG_N_FEED_KINDS, NULL);
  g_return_val_if_fail (feed_id != NULL, NULL);
  g_return_val_if_fail (received_at != NULL, NULL);
  g_return_val_if_fail (payload != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return parsers[kind] (feed_id, received_at, payload, error);
}
