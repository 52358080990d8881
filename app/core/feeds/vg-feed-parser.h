/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gio/gio.h>

#include "vg-feed-batch.h"
#include "vg-feed-kind.h"

G_BEGIN_DECLS

/* Feed parsers: each turns one payload into a VgFeedBatch of normalised records, or fails
 * with a GError in VG_FEED_ERROR naming the feed (@feed_id), the position (JSON path, or line
 * and element path in XML) and the problem; a failed parse returns nothing at all. Parsers
 * are pure functions of their input: they read no clock (@received_at comes from the
 * caller's situation clock), no network and no file, and may run in any thread.
 *
 * Safety limits, checked before anything else: payloads over VG_FEED_MAX_PAYLOAD bytes are
 * refused with VG_FEED_ERROR_TOO_LARGE, as are documents nested deeper than VG_FEED_MAX_DEPTH.
 * JSON must be strict RFC 8259 UTF-8 (no comments, no single quotes, no NaN, integers within
 * 64 bits). XML is read by libxml2 with network access off and no entity substitution; a
 * document with a DOCTYPE is refused (VG_FEED_ERROR_REFUSED) before its DTD is read, so no
 * external entity (XXE) is fetched and no entity is ever expanded (billion laughs).
 *
 * No biometric processing: records whose field, parameter or property names say face,
 * facial, fingerprint, iris, voiceprint, gait or biometric are refused and listed in the
 * batch's refusals; embedded images, audio or video are never decoded: a CAP <derefUri> or a
 * data: URI is dropped unread and the drop is listed too. */

/* Largest payload a parser accepts, in bytes (64 MiB). */
#define VG_FEED_MAX_PAYLOAD (64u * 1024u * 1024u)
/* Deepest nesting of JSON arrays/objects or XML elements a parser accepts. */
#define VG_FEED_MAX_DEPTH   64

/* Parses @payload as @kind. */
VgFeedBatch *vg_feed_parse                 (VgFeedKind   kind,
                                            const char  *feed_id,
                                            GDateTime   *received_at,
                                            GBytes      *payload,
                                            GError     **error);
/* Hub'Eau hydrométrie observations_tr: H (mm) → water level in m, Q (l/s) → discharge in m³/s. */
VgFeedBatch *vg_feed_parse_hubeau          (const char  *feed_id,
                                            GDateTime   *received_at,
                                            GBytes      *payload,
                                            GError     **error);
/* OGC SensorThings: Things with Datastreams, Datastreams, or Observations with their
 * Datastream expanded; units converted from unitOfMeasurement, unknown units refused. */
VgFeedBatch *vg_feed_parse_sensorthings    (const char  *feed_id,
                                            GDateTime   *received_at,
                                            GBytes      *payload,
                                            GError     **error);
/* Open-Meteo forecast (one location or an array of them), hourly temperature_2m,
 * relative_humidity_2m, precipitation and wind_speed_10m, units checked against hourly_units. */
VgFeedBatch *vg_feed_parse_openmeteo       (const char  *feed_id,
                                            GDateTime   *received_at,
                                            GBytes      *payload,
                                            GError     **error);
/* As vg_feed_parse_openmeteo(), with @model_meta (Open-Meteo's model metadata, the
 * ".../static/meta.json" with last_run_initialisation_time; may be NULL) giving the run time. */
VgFeedBatch *vg_feed_parse_openmeteo_with_meta (const char  *feed_id,
                                                GDateTime   *received_at,
                                                GBytes      *payload,
                                                GBytes      *model_meta,
                                                GError     **error);
/* CAP 1.2 (1.1, 1.0) alert: weather infos (category Met) become warnings, one per area;
 * other infos become incidents. Infos in the language Vigie prefers (French, else the
 * message's first language) are kept, translations dropped. */
VgFeedBatch *vg_feed_parse_cap             (const char  *feed_id,
                                            GDateTime   *received_at,
                                            GBytes      *payload,
                                            GError     **error);
/* MeteoAlarm Atom index (feeds.meteoalarm.org legacy Atom): one index entry per CAP message. */
VgFeedBatch *vg_feed_parse_meteoalarm_atom (const char  *feed_id,
                                            GDateTime   *received_at,
                                            GBytes      *payload,
                                            GError     **error);
/* DATEX II v2 (d2LogicalModel) SituationPublication and MeasuredDataPublication, and
 * DATEX II v3 SituationPublication and TrafficRegulationPublication. */
VgFeedBatch *vg_feed_parse_datex2          (const char  *feed_id,
                                            GDateTime   *received_at,
                                            GBytes      *payload,
                                            GError     **error);
/* GeoJSON FeatureCollection of incidents (WGS84; properties in the Waze CIFS vocabulary:
 * type, subtype, description, starttime, endtime, severity...). */
VgFeedBatch *vg_feed_parse_geojson         (const char  *feed_id,
                                            GDateTime   *received_at,
                                            GBytes      *payload,
                                            GError     **error);

G_END_DECLS
