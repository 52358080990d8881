/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

#include "vg-feed-origin.h"
#include "vg-severity.h"
#include "vg-shape-set.h"

G_BEGIN_DECLS

/* What happened or is decided on the ground. */
typedef enum {
  VG_INCIDENT_ACCIDENT,      /* DATEX II Accident; GeoJSON ACCIDENT */
  VG_INCIDENT_CLOSURE,       /* road, carriageway or lane closed */
  VG_INCIDENT_ROADWORKS,     /* maintenance or construction works */
  VG_INCIDENT_OBSTRUCTION,   /* vehicle, object, animal, damage on the road */
  VG_INCIDENT_CONGESTION,    /* DATEX II AbnormalTraffic (queues, slow traffic) */
  VG_INCIDENT_REGULATION,    /* a traffic regulation order (DATEX II v3), speed or rerouting */
  VG_INCIDENT_HAZARD,        /* conditions: weather on the road, flooding, geophysical */
  VG_INCIDENT_EMERGENCY,     /* CAP non-weather alerts: fire, rescue, safety, security, health, CBRNE */
  VG_INCIDENT_OTHER,
  VG_N_INCIDENT_KINDS,
} VgIncidentKind;

/* Where the incident stands in its life. */
typedef enum {
  VG_INCIDENT_STATUS_UNKNOWN,
  VG_INCIDENT_STATUS_ACTIVE,
  VG_INCIDENT_STATUS_PLANNED,
  VG_INCIDENT_STATUS_SUSPENDED,
  VG_INCIDENT_STATUS_ENDED,
  VG_INCIDENT_STATUS_CANCELLED,
  VG_N_INCIDENT_STATUSES,
} VgIncidentStatus;

#define VG_TYPE_INCIDENT (vg_incident_get_type ())
G_DECLARE_FINAL_TYPE (VgIncident, vg_incident, VG, INCIDENT, GObject)

/* An incident from a feed (CAP, GeoJSON, DATEX II situation record or traffic regulation) or
 * typed in by an operator, with its location as WGS84 lon/lat shapes; immutable. */

/* What a parser (or an operator form) knows of an incident; strings may be NULL, times are
 * VG_FEED_TIME_UNKNOWN when absent. */
typedef struct
{
  VgIncidentKind      kind;
  const char         *subtype;        /* the source's own type: "Accident/collision", CAP event */
  const char         *title;
  const char         *description;
  const char         *authority;      /* who reports or decides it */
  VgSeverity          severity;
  VgIncidentStatus    status;
  gint64              start;          /* validity */
  gint64              end;
  gint64              version_time;   /* when this version was issued */
  const char         *version;
  VgShapeSet         *geometry;       /* one shape per location, WGS84; NULL if none */
  const char * const *location_refs;  /* locations given only by reference (predefined, ALERT-C) */
} VgIncidentFields;

/* New incident from @fields (copied; @geometry referenced) with provenance @source_id (the
 * record id in the source, required) and @position. */
VgIncident        *vg_incident_new               (VgFeedOrigin           *origin,
                                                  const char             *source_id,
                                                  const char             *position,
                                                  const VgIncidentFields *fields);
/* Stable identifier of @kind ("accident"...); static. */
const char        *vg_incident_kind_to_id        (VgIncidentKind    kind);
/* The kind whose stable identifier is @id into @kind; FALSE if none is. */
gboolean           vg_incident_kind_from_id      (const char       *id,
                                                  VgIncidentKind   *kind);
/* Stable identifier of @status ("active"...); static. */
const char        *vg_incident_status_to_id      (VgIncidentStatus  status);
/* Origin of the payload; borrowed. */
VgFeedOrigin      *vg_incident_get_origin        (VgIncident *self);
/* Record id in the source; borrowed. */
const char        *vg_incident_get_source_id     (VgIncident *self);
/* Position in the payload; borrowed. */
const char        *vg_incident_get_position      (VgIncident *self);
/* Kind. */
VgIncidentKind     vg_incident_get_kind          (VgIncident *self);
/* The source's own type, or NULL; borrowed. */
const char        *vg_incident_get_subtype       (VgIncident *self);
/* Title, or NULL; borrowed. */
const char        *vg_incident_get_title         (VgIncident *self);
/* Description, or NULL; borrowed. */
const char        *vg_incident_get_description   (VgIncident *self);
/* Reporting or deciding authority, or NULL; borrowed. */
const char        *vg_incident_get_authority     (VgIncident *self);
/* Severity. */
VgSeverity         vg_incident_get_severity      (VgIncident *self);
/* Status. */
VgIncidentStatus   vg_incident_get_status        (VgIncident *self);
/* Start of validity, Unix µs, VG_FEED_TIME_UNKNOWN if not given. */
gint64             vg_incident_get_start         (VgIncident *self);
/* End of validity, Unix µs, VG_FEED_TIME_UNKNOWN if open or not given. */
gint64             vg_incident_get_end           (VgIncident *self);
/* Time this version was issued, Unix µs, VG_FEED_TIME_UNKNOWN if not given. */
gint64             vg_incident_get_version_time  (VgIncident *self);
/* Version label of the source, or NULL; borrowed. */
const char        *vg_incident_get_version       (VgIncident *self);
/* Locations, one shape each (WGS84 lon/lat), maybe empty; borrowed. */
VgShapeSet        *vg_incident_get_geometry      (VgIncident *self);
/* Locations given only by reference, NULL-terminated (maybe empty); borrowed. */
const char * const *vg_incident_get_location_refs (VgIncident *self);
/* Adds the incident as one JSON object to @builder. */
void               vg_incident_to_json           (VgIncident  *self,
                                                  JsonBuilder *builder);

G_END_DECLS
