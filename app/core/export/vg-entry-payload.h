/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-catalog.h"
#include "vg-journal-entry.h"

G_BEGIN_DECLS

/* Generic readers of journal payloads for the timeline and the exports. The modules that write
 * entries (feeds, flood and heat engines, proposals) own their payloads and may change them, so
 * these read only a few documented members (app/core/DESIGN.md, "export/"), each by a list of
 * accepted names, and treat anything missing or of another type as absent: never an error. */

/* Member names tried in order (NULL-terminated lists), shared with the other readers. */
extern const char * const vg_entry_text_members[];       /* text, title, summary, headline, message, description */
extern const char * const vg_entry_subject_members[];    /* gauge, sensor, station, district, area, zone, site */
extern const char * const vg_entry_threshold_members[];  /* threshold, stage, heat_level, level, vigilance */
extern const char * const vg_entry_proposal_members[];   /* proposal, id */
extern const char * const vg_entry_verdict_members[];    /* verdict, decision, outcome, status */
extern const char * const vg_entry_reason_members[];     /* reason, why, rationale, comment, text */

/* The first of @names that is a string member of @entry's payload, or NULL; free with g_free(). */
char      *vg_entry_dup_first_string (VgJournalEntry     *entry,
                                      const char * const *names);
/* Same, but a number member counts too, written as JSON writes it ("4.5"). */
char      *vg_entry_dup_first_text   (VgJournalEntry     *entry,
                                      const char * const *names);
/* The string member @name read as an ISO 8601 time (with an offset or Z) into @usec. */
gboolean   vg_entry_get_time_member  (VgJournalEntry     *entry,
                                      const char         *name,
                                      gint64             *usec);
/* TRUE for a raw feed payload of a CAP message: content type application/cap+xml, or member
 * "feed_kind" "cap". (The CAP archive also looks inside other XML payloads.) */
gboolean   vg_entry_is_cap_payload   (VgJournalEntry     *entry);
/* TRUE if the payload may carry a geometry (a cheap test on the text, before parsing it). */
gboolean   vg_entry_may_have_geometry (VgJournalEntry    *entry);
/* The entry's geometry as GeoJSON (WGS84): payload member "geometry" (a geometry object, or a
 * Feature holding one), else numbers "lon" and "lat" ("longitude", "latitude") as a Point.
 * NULL if it has none; an invalid one is an error (VG_GEO_ERROR_MALFORMED naming the entry).
 * Free with json_node_unref(). */
JsonNode  *vg_entry_dup_geometry     (VgJournalEntry     *entry,
                                      GError            **error);
/* Appends that geometry to @out as 2-D WKB with its extent in @bbox; FALSE with no error if
 * the entry has none, FALSE with VG_GEO_ERROR_MALFORMED if it is invalid (a coordinate outside
 * longitude −180…180, latitude −90…90 included). */
gboolean   vg_entry_write_wkb        (VgJournalEntry     *entry,
                                      GByteArray         *out,
                                      double              bbox[4],
                                      GError            **error);
/* One line saying what the entry is about, in @catalog's language (NULL: the session's), for
 * lists and reports; free with g_free(). */
char      *vg_entry_summarize        (VgJournalEntry     *entry,
                                      VgCatalog          *catalog);
/* A decision verdict for people: "accepted", "rejected"… translated when Vigie knows the id,
 * else @verdict itself; borrowed. */
const char *vg_entry_verdict_name    (const char         *verdict,
                                      VgCatalog          *catalog);
/* TRUE if @verdict (a decision's) says the proposal was accepted. */
gboolean   vg_entry_verdict_is_accepted (const char      *verdict);
/* TRUE if @verdict says the proposal was rejected. */
gboolean   vg_entry_verdict_is_rejected (const char      *verdict);

G_END_DECLS
