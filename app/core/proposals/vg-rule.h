/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

#include "vg-action.h"
#include "vg-fact-set.h"

G_BEGIN_DECLS

/* One response rule of a playbook (data/playbooks/README.md): when its trigger matches the facts,
 * it proposes its action on its targets, with a priority, a deadline and a rationale in French and
 * English. Immutable, reference counted, shareable between threads. */
typedef struct _VgRule VgRule;

#define VG_TYPE_RULE (vg_rule_get_type ())

/* How many proposals a rule makes from the facts that match it. */
typedef enum {
  VG_RULE_ONE_PER_FACT,     /* one per hazard key (gauge, district, closure): targets pooled */
  VG_RULE_ONE_PER_TARGET,   /* one per target (each care home evacuated is its own decision) */
  VG_RULE_ONE_PER_RULE,     /* one for everything that matches (a single public alert) */
} VgRuleOnePer;

/* Boxed type of VgRule. */
GType        vg_rule_get_type           (void) G_GNUC_CONST;
/* Adds a reference; returns @self. */
VgRule      *vg_rule_ref                (VgRule     *self);
/* Drops a reference. */
void         vg_rule_unref              (VgRule     *self);
/* Rule id, unique across the playbooks ("flood-close-roads"); borrowed. */
const char  *vg_rule_get_id             (VgRule     *self);
/* Version, bumped by whoever edits the rule. */
guint        vg_rule_get_version        (VgRule     *self);
/* The hazard of its playbook. */
VgHazard     vg_rule_get_hazard         (VgRule     *self);
/* What it proposes. */
VgAction     vg_rule_get_action         (VgRule     *self);
/* TRUE if only a validator may decide its proposals. */
gboolean     vg_rule_touches_people     (VgRule     *self);
/* 1 (most urgent) to 5. */
guint        vg_rule_get_priority       (VgRule     *self);
/* How many proposals it makes. */
VgRuleOnePer vg_rule_get_one_per        (VgRule     *self);
/* Title template in @lang ("fr" or "en"); borrowed. */
const char  *vg_rule_get_title          (VgRule     *self,
                                         const char *lang);
/* The trigger as written; borrowed. */
const char  *vg_rule_get_trigger_text   (VgRule     *self);
/* The playbook file and the line of the rule's [rule …] header, for people editing it. */
const char  *vg_rule_get_file           (VgRule     *self,
                                         guint      *line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VgRule, vg_rule_unref)

G_END_DECLS
