/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One timed event of a scenario, as VgScenario validated it: either a recorded feed payload
 * (to be handed to that feed's parser, exactly as if it had been fetched live) or an inject,
 * a scripted exercise event (MSEL line). Immutable; texts are given in French or English. */

typedef enum {
  VG_SCENARIO_EVENT_PAYLOAD,        /* a recorded answer of one of the scenario's feeds */
  VG_SCENARIO_EVENT_INJECT,         /* a scripted exercise event */
} VgScenarioEventKind;

typedef enum {
  VG_SCENARIO_INJECT_NONE,          /* not an inject (payload events) */
  VG_SCENARIO_INJECT_INCIDENT,      /* add the incident in the GeoJSON file */
  VG_SCENARIO_INJECT_FEED_FAILURE,  /* the feed stops answering until its recovery */
  VG_SCENARIO_INJECT_FEED_RECOVERY, /* the feed answers again */
  VG_SCENARIO_INJECT_CAP,           /* deliver the CAP message in the file */
  VG_SCENARIO_INJECT_NOTE,          /* a note for the players and the controller */
} VgScenarioInjectType;

typedef enum {
  VG_SCENARIO_FEED_HUBEAU,          /* Hub'Eau hydrométrie observations_tr (JSON) */
  VG_SCENARIO_FEED_OPENMETEO,       /* Open-Meteo forecast (JSON) */
  VG_SCENARIO_FEED_CAP,             /* a CAP 1.2 alert (XML) */
  VG_SCENARIO_FEED_METEOALARM_ATOM, /* a MeteoAlarm Atom feed of CAP alerts */
  VG_SCENARIO_FEED_DATEX2,          /* a DATEX II publication (XML) */
  VG_SCENARIO_FEED_GEOJSON,         /* a GeoJSON document */
  VG_SCENARIO_FEED_SENSORTHINGS,    /* an OGC SensorThings API answer (JSON) */
  VG_SCENARIO_N_FEED_KINDS
} VgScenarioFeedKind;

#define VG_TYPE_SCENARIO_EVENT (vg_scenario_event_get_type ())
G_DECLARE_FINAL_TYPE (VgScenarioEvent, vg_scenario_event, VG, SCENARIO_EVENT, GObject)

/* Payload or inject. */
VgScenarioEventKind   vg_scenario_event_get_kind             (VgScenarioEvent  *self);
/* Scenario time of the event, in UTC; borrowed. */
GDateTime            *vg_scenario_event_get_time             (VgScenarioEvent  *self);
/* Scenario time as Unix microseconds. */
gint64                vg_scenario_event_get_time_usec        (VgScenarioEvent  *self);
/* Where the event is in the manifest, e.g. "payloads[12]" (for messages); borrowed. */
const char           *vg_scenario_event_get_origin           (VgScenarioEvent  *self);
/* Id of the feed the payload belongs to, or the inject acts on; NULL for injects without one. */
const char           *vg_scenario_event_get_feed_id          (VgScenarioEvent  *self);
/* Kind of that feed; only meaningful when the feed id is not NULL. */
VgScenarioFeedKind    vg_scenario_event_get_feed_kind        (VgScenarioEvent  *self);
/* File path relative to the scenario folder, as in the manifest; NULL if the event has none. */
const char           *vg_scenario_event_get_file             (VgScenarioEvent  *self);
/* Absolute path of that file, symbolic links resolved; NULL if the event has none. */
const char           *vg_scenario_event_get_path             (VgScenarioEvent  *self);
/* MIME type of the file ("application/json"...); NULL if the event has none. */
const char           *vg_scenario_event_get_content_type     (VgScenarioEvent  *self);
/* Inject id ("INJ-03"); NULL for payloads. */
const char           *vg_scenario_event_get_inject_id        (VgScenarioEvent  *self);
/* Inject type; VG_SCENARIO_INJECT_NONE for payloads. */
VgScenarioInjectType  vg_scenario_event_get_inject_type      (VgScenarioEvent  *self);
/* The inject's text, or the payload's note (NULL if it has none), in @lang ("fr…" gives
 * French, anything else English); borrowed. */
const char           *vg_scenario_event_get_text             (VgScenarioEvent  *self,
                                                              const char       *lang);
/* The controller's notes in @lang, NULL if there are none; borrowed. */
const char           *vg_scenario_event_get_controller_notes (VgScenarioEvent  *self,
                                                              const char       *lang);
/* TRUE if the event's content is reconstructed or invented, not a record of real data: the UI
 * must label it so. */
gboolean              vg_scenario_event_is_reconstructed     (VgScenarioEvent  *self);
/* Id of the manifest's "reconstructed" entry describing how (NULL for real data); borrowed. */
const char           *vg_scenario_event_get_reconstruction   (VgScenarioEvent  *self);
/* Ids of the manifest's "sources" this event comes from (NULL-terminated); borrowed. */
const char * const   *vg_scenario_event_get_sources          (VgScenarioEvent  *self);
/* Reads the event's file, checking again that it is a regular file within the size limit;
 * NULL with a VG_SCENARIO_ERROR naming the file on failure, or if the event has no file. */
GBytes               *vg_scenario_event_read                 (VgScenarioEvent  *self,
                                                              GError          **error);

/* Manifest name of @kind ("hubeau", "meteoalarm-atom"...); static string. */
const char           *vg_scenario_feed_kind_to_string        (VgScenarioFeedKind    kind);
/* @kind for the manifest name @name; FALSE if there is none. */
gboolean              vg_scenario_feed_kind_from_string      (const char           *name,
                                                              VgScenarioFeedKind   *kind);
/* Manifest name of @type ("incident", "feed-failure"...); "" for VG_SCENARIO_INJECT_NONE. */
const char           *vg_scenario_inject_type_to_string      (VgScenarioInjectType  type);
/* @type for the manifest name @name; FALSE if there is none. */
gboolean              vg_scenario_inject_type_from_string    (const char           *name,
                                                              VgScenarioInjectType *type);

G_END_DECLS
