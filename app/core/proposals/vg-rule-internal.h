/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-rule-private.h"
#include "vg-template-private.h"
#include "vg-trigger-private.h"

G_BEGIN_DECLS

/* The rule's fields, shared by its loader (vg-rule.c) and its evaluation (vg-rule-eval.c) only. */
struct _VgRule
{
  gatomicrefcount   ref_count;

  char             *id;
  guint             version;
  VgHazard          hazard;
  char             *playbook;
  guint             playbook_version;
  char             *file;
  guint             line;
  char             *timezone;
  GTimeZone        *zone;

  VgTrigger        *trigger;
  VgTargetSelector *targets;
  char             *targets_text;
  VgAction          action;
  gboolean          touches_people;
  VgRuleOnePer      one_per;
  guint             priority;
  VgAnchor          deadline_anchor;
  gint64            deadline_offset;     /* µs */
  char             *deadline_text;
  gint64            expires_after;       /* µs after the deadline; −1: never by time */

  char             *title[VG_N_LANGS];
  char             *rationale[VG_N_LANGS];
  char             *instruction[VG_N_LANGS];

  /* Public alert drafts only. */
  char             *cap_sender;
  char             *cap_event[VG_N_LANGS];
  char             *cap_category;
  char             *cap_urgency;
  char             *cap_severity;
  char             *cap_certainty;
  char             *cap_response;
};

G_END_DECLS
