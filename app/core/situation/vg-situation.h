/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gio/gio.h>

#include "vg-clock.h"
#include "vg-feed-batch.h"
#include "vg-feed-kind.h"
#include "vg-journal.h"
#include "vg-hazard-models.h"
#include "vg-incident.h"
#include "vg-picture.h"
#include "vg-projector.h"
#include "vg-proposal-queue.h"

G_BEGIN_DECLS

#define VG_TYPE_SITUATION (vg_situation_get_type ())
G_DECLARE_FINAL_TYPE (VgSituation, vg_situation, VG, SITUATION, GObject)

/* The situation being followed: its journal (everything observed and decided, hash-chained),
 * its clock, and the views the UI binds to (the operator log). One per window; live and
 * exercise situations are separate journals. */

/* Opens the journal at @path, or creates it (situation @name, @exercise) if there is none.
 * A journal whose chain does not verify is opened read-only for forensics, with
 * vg_situation_get_problem() saying why; errors only when the file cannot be used at all. */
VgSituation *vg_situation_open_or_create (const char   *path,
                                          VgClock      *clock,
                                          const char   *name,
                                          gboolean      exercise,
                                          GError      **error);
/* The journal; borrowed. */
VgJournal   *vg_situation_get_journal    (VgSituation  *self);
/* The situation clock; borrowed. */
VgClock     *vg_situation_get_clock      (VgSituation  *self);
/* Situation name; borrowed. */
const char  *vg_situation_get_name       (VgSituation  *self);
/* TRUE for an exercise. */
gboolean     vg_situation_is_exercise    (VgSituation  *self);
/* TRUE when nothing can be recorded (journal opened read-only). */
gboolean     vg_situation_is_read_only   (VgSituation  *self);
/* Why the journal is read-only or failing, for the operator, or NULL; borrowed. */
const char  *vg_situation_get_problem    (VgSituation  *self);
/* Says why something could not be recorded (a store error met elsewhere, e.g. by the feed
 * manager); notifies "problem", which the window shows as a banner. */
void         vg_situation_report_problem (VgSituation  *self,
                                          const char   *message);
/* The operator log (VgLogEntry, oldest first: notes, tasks and decisions), kept up to date by
 * vg_situation_refresh(). */
GListModel  *vg_situation_get_log        (VgSituation  *self);
/* Records a note by @operator_name, durably, before returning; @feature_ids may be NULL. On
 * failure (disk full, read-only) the error says so and nothing already recorded is lost. */
gboolean     vg_situation_add_note       (VgSituation        *self,
                                          const char         *operator_name,
                                          const char         *text,
                                          const char * const *feature_ids,
                                          guint64            *seq,
                                          GError            **error);
/* What an operator types in to record an incident: @title required; @description may be NULL;
 * the location is a WGS84 point. */
typedef struct
{
  VgIncidentKind  kind;
  VgSeverity      severity;
  const char     *title;
  const char     *description;
  double          latitude;
  double          longitude;
} VgOperatorIncident;

/* The journal source of incidents typed in by an operator. */
#define VG_SITUATION_OPERATOR_SOURCE "operator"

/* Records @incident, signed by @operator_name, durably (an "incident" entry), then puts it in
 * the picture; @id (may be NULL) gets its identifier, @seq its journal entry. A reopened journal
 * shows it again. Errors name what is wrong with it (no title, a position off the globe). */
gboolean     vg_situation_add_incident   (VgSituation              *self,
                                          const char               *operator_name,
                                          const VgOperatorIncident *incident,
                                          char                    **id,
                                          guint64                  *seq,
                                          GError                  **error);
/* Validates @incident and journals it in @journal as vg_situation_add_incident() does, without
 * a situation (for `vigie-cli incident add`, which must not act on a situation's proposals). */
gboolean     vg_situation_journal_incident (VgJournal                *journal,
                                            const char               *operator_name,
                                            const VgOperatorIncident *incident,
                                            char                    **id,
                                            guint64                  *seq,
                                            GError                  **error);
/* The situation picture (gauges, warnings, incidents, forecast, feed health); borrowed. */
VgPicture   *vg_situation_get_picture    (VgSituation  *self);
/* Declares feed @feed_id of @kind (journaled once per journal, so that the raw payloads it
 * sends can be parsed again when the journal is reopened). */
gboolean     vg_situation_declare_feed   (VgSituation  *self,
                                          const char   *feed_id,
                                          VgFeedKind    kind,
                                          const char   *label,
                                          GError      **error);
/* The label @feed_id was declared with, or the id itself; borrowed. */
const char  *vg_situation_get_feed_label (VgSituation  *self,
                                          const char   *feed_id);
/* The kind @feed_id was declared with; FALSE if it was not declared. */
gboolean     vg_situation_get_feed_kind  (VgSituation  *self,
                                          const char   *feed_id,
                                          VgFeedKind   *kind);
/* Takes a payload of a declared feed as received: journals the bytes, parses them with the
 * feed's parser, journals every record (observations, warnings, incidents, forecast) and every
 * refusal with its reason, all in one transaction, and merges the records into the picture.
 * A payload that does not parse is still journaled (it is evidence), the feed is marked failing
 * and the error returned; nothing stored before is touched. When records were refused by
 * policy or media stripped, the bytes journaled are the sanitised copy (or none), with the
 * original's hash and size and what was withheld. @batch, if not NULL, gets the parsed
 * records. */
gboolean     vg_situation_ingest_payload (VgSituation  *self,
                                          const char   *feed_id,
                                          const char   *url,
                                          const char   *content_type,
                                          gint64        fetched_usec,
                                          GBytes       *payload,
                                          VgFeedBatch **batch,
                                          GError      **error);
/* Records that feed @feed_id failed (unreachable, HTTP error, exercise inject...) at the clock's
 * time, in the picture and the journal; FALSE if the journal could not record it (the picture
 * shows it all the same). */
gboolean     vg_situation_feed_failed    (VgSituation  *self,
                                          const char   *feed_id,
                                          const GError *failure,
                                          GError      **error);
/* Picks up entries appended since the last call (by this process or another, e.g. `vigie-cli
 * journal note` during a drill) into the views, and journals the expiry of proposals whose
 * time has passed on the clock. */
void         vg_situation_refresh        (VgSituation  *self);
/* Starts projecting the picture with @models (flood outlooks, heat outlook), now and after
 * every payload ingested; projections are journalled unless the journal is read-only. */
gboolean     vg_situation_set_hazard_models (VgSituation    *self,
                                             VgHazardModels *models,
                                             GError        **error);
/* The proposals (VgProposalQueue), folded from the journal; evaluated against the playbooks
 * whenever a projection changes, once hazard models are set; borrowed. */
VgProposalQueue *vg_situation_get_proposals (VgSituation *self);
/* The projector, or NULL before vg_situation_set_hazard_models(); borrowed. */
VgProjector *vg_situation_get_projector  (VgSituation  *self);

G_END_DECLS
