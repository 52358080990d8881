/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

#include "vg-awareness-level.h"
#include "vg-cap-area.h"
#include "vg-cap-resource.h"
#include "vg-feed-origin.h"
#include "vg-severity.h"

G_BEGIN_DECLS

#define VG_TYPE_WARNING (vg_warning_get_type ())
G_DECLARE_FINAL_TYPE (VgWarning, vg_warning, VG, WARNING, GObject)

/* One version of a CAP warning for one area: a CAP message gives one VgWarning per <info>
 * (in the language kept) and <area>, or a single one without info for an info-less Cancel.
 * Météo-France re-issues a vigilance under a new identifier at every update and ends it with
 * a green "Update": all versions share vg_warning_get_key() (sender, phenomenon, area, day)
 * and VgWarningHistory keeps them together; immutable. */

/* What a parser (or an operator form) knows of a warning; strings may be NULL, times are
 * VG_FEED_TIME_UNKNOWN when absent. */
typedef struct
{
  const char         *sender;
  const char         *identifier;
  gint64              sent;
  const char         *status;               /* Actual, Exercise, System, Test, Draft */
  const char         *msg_type;             /* Alert, Update, Cancel, Ack, Error */
  const char * const *references;           /* "sender,identifier,sent" triples; NULL-terminated */
  const char         *language;
  const char         *category;             /* the first <category> */
  const char         *event;
  const char         *headline;
  const char         *description;
  const char         *instruction;
  const char         *sender_name;
  VgSeverity          severity;
  const char         *urgency;
  const char         *certainty;
  gint64              effective;
  gint64              onset;
  gint64              expires;
  const char         *day;                  /* sender-local date of onset (else effective, else sent) */
  VgAwarenessLevel    awareness_level;
  guint               awareness_type;       /* MeteoAlarm type code (3 thunderstorm...), 0 if none */
  const char         *awareness_type_name;  /* "Thunderstorm" */
  VgCapArea          *area;                 /* NULL if the info has none */
  GPtrArray          *resources;            /* of VgCapResource; may be NULL */
} VgWarningFields;

/* New warning from @fields (copied; @sender, @identifier and @day required). */
VgWarning        *vg_warning_new                     (VgFeedOrigin          *origin,
                                                      const char            *position,
                                                      const VgWarningFields *fields);
/* Origin of the payload; borrowed. */
VgFeedOrigin     *vg_warning_get_origin              (VgWarning *self);
/* Source id: the CAP identifier (a message has one for all its infos and areas); borrowed. */
const char       *vg_warning_get_source_id           (VgWarning *self);
/* Position in the payload ("line 14"); borrowed. */
const char       *vg_warning_get_position            (VgWarning *self);
/* Grouping key "sender|type|area|day": equal for every re-issue of the same warning; borrowed. */
const char       *vg_warning_get_key                 (VgWarning *self);
/* <sender>; borrowed. */
const char       *vg_warning_get_sender              (VgWarning *self);
/* <identifier>; borrowed. */
const char       *vg_warning_get_identifier          (VgWarning *self);
/* <sent>, Unix µs. */
gint64            vg_warning_get_sent                (VgWarning *self);
/* <status>; borrowed. */
const char       *vg_warning_get_status              (VgWarning *self);
/* <msgType>; borrowed. */
const char       *vg_warning_get_msg_type            (VgWarning *self);
/* <references> as "sender,identifier,sent" triples, NULL-terminated (maybe empty); borrowed. */
const char * const *vg_warning_get_references        (VgWarning *self);
/* <language> of the info kept, or NULL for an info-less message; borrowed. */
const char       *vg_warning_get_language            (VgWarning *self);
/* First <category>, or NULL; borrowed. */
const char       *vg_warning_get_category            (VgWarning *self);
/* <event>, or NULL; borrowed. */
const char       *vg_warning_get_event               (VgWarning *self);
/* <headline>, or NULL; borrowed. */
const char       *vg_warning_get_headline            (VgWarning *self);
/* <description>, or NULL; borrowed. */
const char       *vg_warning_get_description         (VgWarning *self);
/* <instruction>, or NULL; borrowed. */
const char       *vg_warning_get_instruction         (VgWarning *self);
/* <senderName>, or NULL; borrowed. */
const char       *vg_warning_get_sender_name         (VgWarning *self);
/* <severity>. */
VgSeverity        vg_warning_get_severity            (VgWarning *self);
/* <urgency>, or NULL; borrowed. */
const char       *vg_warning_get_urgency             (VgWarning *self);
/* <certainty>, or NULL; borrowed. */
const char       *vg_warning_get_certainty           (VgWarning *self);
/* <effective>, Unix µs, VG_FEED_TIME_UNKNOWN if absent. */
gint64            vg_warning_get_effective           (VgWarning *self);
/* <onset>, Unix µs, VG_FEED_TIME_UNKNOWN if absent. */
gint64            vg_warning_get_onset               (VgWarning *self);
/* <expires>, Unix µs, VG_FEED_TIME_UNKNOWN if absent. */
gint64            vg_warning_get_expires             (VgWarning *self);
/* Sender-local day of the warning, "YYYY-MM-DD"; borrowed. */
const char       *vg_warning_get_day                 (VgWarning *self);
/* MeteoAlarm awareness level (colour). */
VgAwarenessLevel  vg_warning_get_awareness_level     (VgWarning *self);
/* MeteoAlarm awareness type code, 0 if none. */
guint             vg_warning_get_awareness_type      (VgWarning *self);
/* MeteoAlarm awareness type name ("Thunderstorm"), or NULL; borrowed. */
const char       *vg_warning_get_awareness_type_name (VgWarning *self);
/* The area, or NULL; borrowed. */
VgCapArea        *vg_warning_get_area                (VgWarning *self);
/* The resources (VgCapResource), maybe empty; borrowed. */
GPtrArray        *vg_warning_get_resources           (VgWarning *self);
/* Adds the warning as one JSON object to @builder. */
void              vg_warning_to_json                 (VgWarning   *self,
                                                      JsonBuilder *builder);

G_END_DECLS
