/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The payload formats Vigie reads, one parser each (vg-feed-parser.h). */
typedef enum {
  VG_FEED_KIND_HUBEAU,           /* Hub'Eau hydrométrie observations_tr (JSON) */
  VG_FEED_KIND_SENSORTHINGS,     /* OGC SensorThings API 1.x (JSON) */
  VG_FEED_KIND_OPENMETEO,        /* Open-Meteo forecast (JSON) */
  VG_FEED_KIND_CAP,              /* OASIS CAP 1.2 (1.1, 1.0) alert (XML) */
  VG_FEED_KIND_METEOALARM_ATOM,  /* MeteoAlarm Atom index of CAP messages (XML) */
  VG_FEED_KIND_DATEX2,           /* DATEX II v2 or v3 publication (XML) */
  VG_FEED_KIND_GEOJSON,          /* GeoJSON FeatureCollection of incidents */
  VG_N_FEED_KINDS,
} VgFeedKind;

/* Kind of @id ("hubeau", "meteoalarm-atom"...); FALSE if unknown. */
gboolean    vg_feed_kind_from_id (const char *id,
                                  VgFeedKind *kind);
/* Stable identifier of @kind, as on the command line and in the journal; static. */
const char *vg_feed_kind_to_id   (VgFeedKind  kind);

G_END_DECLS
