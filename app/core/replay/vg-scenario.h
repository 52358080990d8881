/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "vg-scenario-event.h"

G_BEGIN_DECLS

/* A training scenario (scenarios/<id>/, format in scenarios/FORMAT.md), loaded and validated as
 * a whole: a broken scenario is refused with a VG_SCENARIO_ERROR naming the file and the field
 * (JSON path), and no path may lead out of the scenario folder. A VgScenario is a GListModel of
 * its VgScenarioEvents, payloads and injects merged, in time order (equal times: manifest
 * order, payloads before injects), which is the order a replay delivers them in. */

#define VG_SCENARIO_FORMAT            "vigie-scenario/1"
#define VG_SCENARIO_MAX_MANIFEST_SIZE (4 * 1024 * 1024)   /* bytes */
#define VG_SCENARIO_MAX_DEPTH         32                  /* JSON nesting levels */
#define VG_SCENARIO_MAX_FILE_SIZE     (8 * 1024 * 1024)   /* bytes, per payload or inject file */
#define VG_SCENARIO_MAX_EVENTS        100000

#define VG_TYPE_SCENARIO (vg_scenario_get_type ())
G_DECLARE_FINAL_TYPE (VgScenario, vg_scenario, VG, SCENARIO, GObject)

/* Loads and validates the scenario folder @dir (its manifest.json and every file it names). */
VgScenario         *vg_scenario_load                   (const char  *dir,
                                                        GError     **error);
/* The scenario folder, absolute with links resolved; borrowed. */
const char         *vg_scenario_get_dir                (VgScenario  *self);
/* Stable identifier ("lez-2014-09"); borrowed. */
const char         *vg_scenario_get_id                 (VgScenario  *self);
/* Title in @lang ("fr…" gives French, anything else English); borrowed. */
const char         *vg_scenario_get_title              (VgScenario  *self,
                                                        const char  *lang);
/* Description in @lang; borrowed. */
const char         *vg_scenario_get_description        (VgScenario  *self,
                                                        const char  *lang);
/* Start of the scenario's span, UTC; borrowed. */
GDateTime          *vg_scenario_get_start              (VgScenario  *self);
/* End of the span (every event lies in [start, end]), UTC; borrowed. */
GDateTime          *vg_scenario_get_end                (VgScenario  *self);
/* IANA time zone to show scenario times in ("Europe/Paris"); borrowed. */
const char         *vg_scenario_get_timezone           (VgScenario  *self);
/* Number of feeds the scenario replays. */
guint               vg_scenario_get_n_feeds            (VgScenario  *self);
/* Id of feed @i (manifest order); borrowed. */
const char         *vg_scenario_get_feed_id            (VgScenario  *self,
                                                        guint        i);
/* Kind of feed @i. */
VgScenarioFeedKind  vg_scenario_get_feed_kind          (VgScenario  *self,
                                                        guint        i);
/* Label of feed @i in @lang; borrowed. */
const char         *vg_scenario_get_feed_label         (VgScenario  *self,
                                                        guint        i,
                                                        const char  *lang);
/* Number of events (payloads and injects). */
guint               vg_scenario_get_n_events           (VgScenario  *self);
/* Event @i in time order; borrowed (g_list_model_get_item() gives a reference). */
VgScenarioEvent    *vg_scenario_get_event              (VgScenario  *self,
                                                        guint        i);
/* Index of the first event at or after @usec (Unix microseconds); the number of events if
 * there is none (for seeking). */
guint               vg_scenario_find_event_at          (VgScenario  *self,
                                                        gint64       usec);
/* Number of events of @kind. */
guint               vg_scenario_count_events           (VgScenario  *self,
                                                        VgScenarioEventKind kind);
/* The method text, in @lang, of the "reconstructed" entry @id (as events name it); NULL if
 * there is none; borrowed. */
const char         *vg_scenario_get_reconstruction_method (VgScenario *self,
                                                        const char  *id,
                                                        const char  *lang);
/* The validated manifest (for the sources and reconstruction sections as written); borrowed. */
JsonObject         *vg_scenario_get_manifest           (VgScenario  *self);

G_END_DECLS
