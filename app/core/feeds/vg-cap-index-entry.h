/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

#include "vg-awareness-level.h"
#include "vg-feed-origin.h"
#include "vg-severity.h"

G_BEGIN_DECLS

#define VG_TYPE_CAP_INDEX_ENTRY (vg_cap_index_entry_get_type ())
G_DECLARE_FINAL_TYPE (VgCapIndexEntry, vg_cap_index_entry, VG, CAP_INDEX_ENTRY, GObject)

/* An entry of a MeteoAlarm Atom index: a summary of one CAP message and the link to fetch it.
 * The index says which messages exist (and lets the poller skip those it already has); the
 * warning itself comes from the CAP message; immutable. */

/* What the index says of one message; strings may be NULL, times VG_FEED_TIME_UNKNOWN. */
typedef struct
{
  const char         *entry_id;         /* Atom <id> */
  const char         *identifier;       /* <cap:identifier> of the linked message, or NULL */
  const char         *uri;              /* URI of the CAP message (the entry's CAP link) */
  const char         *title;            /* Atom <title> */
  const char         *event;            /* <cap:event>, or NULL */
  const char         *area_description; /* <cap:areaDesc>, or NULL */
  const char         *status;           /* <cap:status>, or NULL */
  const char         *msg_type;         /* <cap:message_type> (or <cap:msgType>), or NULL */
  const char         *urgency;          /* <cap:urgency>, or NULL */
  const char         *certainty;        /* <cap:certainty>, or NULL */
  gint64              updated;          /* Atom <updated> */
  gint64              sent;             /* <cap:sent> */
  gint64              onset;            /* <cap:onset> */
  gint64              expires;          /* <cap:expires> */
  VgSeverity          severity;
  VgAwarenessLevel    awareness_level;   /* from the title's colour word */
  const char * const *geocodes;          /* name, value, name, value...; NULL-terminated */
} VgCapIndexEntryFields;

/* New entry from @fields (copied; @entry_id and @uri required). */
VgCapIndexEntry    *vg_cap_index_entry_new              (VgFeedOrigin                *origin,
                                                         const char                  *position,
                                                         const VgCapIndexEntryFields *fields);
/* Origin of the index payload; borrowed. */
VgFeedOrigin       *vg_cap_index_entry_get_origin       (VgCapIndexEntry *self);
/* Position in the payload; borrowed. */
const char         *vg_cap_index_entry_get_position     (VgCapIndexEntry *self);
/* Atom <id>; borrowed. */
const char         *vg_cap_index_entry_get_entry_id     (VgCapIndexEntry *self);
/* <cap:identifier> of the linked message, or NULL; borrowed. */
const char         *vg_cap_index_entry_get_identifier   (VgCapIndexEntry *self);
/* URI of the CAP message (the entry's CAP link); borrowed. */
const char         *vg_cap_index_entry_get_uri          (VgCapIndexEntry *self);
/* Atom <title>; borrowed. */
const char         *vg_cap_index_entry_get_title        (VgCapIndexEntry *self);
/* <cap:event>, or NULL; borrowed. */
const char         *vg_cap_index_entry_get_event        (VgCapIndexEntry *self);
/* <cap:areaDesc>, or NULL; borrowed. */
const char         *vg_cap_index_entry_get_area_description (VgCapIndexEntry *self);
/* <cap:status>, or NULL; borrowed. */
const char         *vg_cap_index_entry_get_status       (VgCapIndexEntry *self);
/* <cap:message_type> (or <cap:msgType>), or NULL; borrowed. */
const char         *vg_cap_index_entry_get_msg_type     (VgCapIndexEntry *self);
/* <cap:urgency>, or NULL; borrowed. */
const char         *vg_cap_index_entry_get_urgency      (VgCapIndexEntry *self);
/* <cap:certainty>, or NULL; borrowed. */
const char         *vg_cap_index_entry_get_certainty    (VgCapIndexEntry *self);
/* Atom <updated>, Unix µs, VG_FEED_TIME_UNKNOWN if absent. */
gint64              vg_cap_index_entry_get_updated      (VgCapIndexEntry *self);
/* <cap:sent>, Unix µs, VG_FEED_TIME_UNKNOWN if absent. */
gint64              vg_cap_index_entry_get_sent         (VgCapIndexEntry *self);
/* <cap:onset>, Unix µs, VG_FEED_TIME_UNKNOWN if absent. */
gint64              vg_cap_index_entry_get_onset        (VgCapIndexEntry *self);
/* <cap:expires>, Unix µs, VG_FEED_TIME_UNKNOWN if absent. */
gint64              vg_cap_index_entry_get_expires      (VgCapIndexEntry *self);
/* <cap:severity>. */
VgSeverity          vg_cap_index_entry_get_severity     (VgCapIndexEntry *self);
/* Awareness colour from the title ("Yellow Thunderstorm Warning..."), or UNKNOWN. */
VgAwarenessLevel    vg_cap_index_entry_get_awareness_level (VgCapIndexEntry *self);
/* Geocodes as name, value pairs, NULL-terminated; borrowed. */
const char * const *vg_cap_index_entry_get_geocodes     (VgCapIndexEntry *self);
/* TRUE if a NUTS geocode of the entry names region @nuts in any NUTS edition. */
gboolean            vg_cap_index_entry_has_nuts         (VgCapIndexEntry *self,
                                                         const char      *nuts);
/* Adds the entry as one JSON object to @builder. */
void                vg_cap_index_entry_to_json          (VgCapIndexEntry *self,
                                                         JsonBuilder     *builder);

G_END_DECLS
