/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-fact-set-private.h"

G_BEGIN_DECLS

/* A rule's trigger, its target selectors and its deadline anchors, over the facts of one type.
 * The grammar (data/playbooks/README.md):
 *
 *     trigger = FACT-TYPE CONDITION…       flood.gauge gauge=Y320403001 stage>=3.5 within=3h
 *     CONDITION = FIELD OP VALUE           OP: = >= > <= <; VALUE: number [unit], list a,b, or *
 *     targets = SELECTOR…                  streets sites:care_home,school
 *
 * Parse errors carry no location: the playbook loader prefixes file, line and key. */

typedef struct _VgTrigger VgTrigger;

/* Times a deadline can count from. */
typedef enum {
  VG_ANCHOR_COMPUTED,   /* when the facts were computed */
  VG_ANCHOR_ETA,        /* flood: the earliest ETA of the envelopes the trigger selected */
  VG_ANCHOR_PEAK,       /* flood: the projected peak */
  VG_ANCHOR_START,      /* heat: start of the day at risk; traffic: start of the closure */
  VG_N_ANCHORS,
} VgAnchor;

/* What one fact gave a trigger that matched it. */
typedef struct {
  JsonObject *fact;                    /* borrowed from the fact set */
  VgFactType  type;
  const char *key;                     /* hazard key: gauge, district, DATEX record */
  const char *name;                    /* gauge, district or road name */
  double      bracket;                 /* flood: highest envelope stage selected (m); heat: level */
  gint64      anchors[VG_N_ANCHORS];
  guint       has_anchors;             /* 1 << VgAnchor bits */
  GPtrArray  *envelopes;               /* flood: the selected envelopes (JsonObject, borrowed) */
} VgTriggerMatch;

typedef struct _VgTargetSelector VgTargetSelector;

/* Parses @text for a playbook of @hazard; NULL with a message (to prefix) in @message. */
VgTrigger  *vg_trigger_parse             (const char       *text,
                                          VgHazard          hazard,
                                          char            **message);
/* Frees @self. */
void        vg_trigger_free              (VgTrigger        *self);
/* The fact type it reads. */
VgFactType  vg_trigger_get_fact_type     (VgTrigger        *self);
/* The trigger as written (normalised spacing); borrowed. */
const char *vg_trigger_get_text          (VgTrigger        *self);
/* Every fact of @facts the trigger matches, in fact-set order: an array of VgTriggerMatch. */
GArray     *vg_trigger_match             (VgTrigger        *self,
                                          VgFactSet        *facts);

/* Anchor named @id for facts of @type ("eta", "peak", "start", "computed"); FALSE if unknown or
 * not available for @type. */
gboolean    vg_anchor_from_id            (const char       *id,
                                          VgFactType        type,
                                          VgAnchor         *anchor);
/* Stable id of @anchor; static. */
const char *vg_anchor_to_id              (VgAnchor          anchor);

/* Parses the targets key for facts of @type; NULL with @message. */
VgTargetSelector *vg_target_selector_parse   (const char       *text,
                                              VgFactType        type,
                                              char            **message);
/* Frees @self. */
void        vg_target_selector_free      (VgTargetSelector *self);
/* Adds to @targets (target id → JsonObject target, owned) the targets @self picks from @match
 * (and from the resources of @facts, for "shelters"). A target is {"id", "kind", "name",
 * "category"?, "geometry": GeoJSON in WGS84}. */
void        vg_target_selector_collect   (VgTargetSelector *self,
                                          const VgTriggerMatch *match,
                                          VgFactSet        *facts,
                                          GHashTable       *targets);

/* The placeholder names templates of rules over @type may use (NULL-terminated, static). */
const char * const *vg_trigger_get_placeholders (VgFactType    type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VgTrigger, vg_trigger_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VgTargetSelector, vg_target_selector_free)

G_END_DECLS
