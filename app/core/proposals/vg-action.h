/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a proposal asks people to do. The ids are stored in playbooks and journals: never rename
 * one, only add. */
typedef enum {
  VG_ACTION_ROAD_CLOSURE,
  VG_ACTION_EVACUATION,
  VG_ACTION_OPEN_COOLING_CENTRE,
  VG_ACTION_OPEN_SHELTER,
  VG_ACTION_PREPOSITION_PUMPS,
  VG_ACTION_PREPOSITION_BARRIERS,
  VG_ACTION_WELFARE_CHECK_TASK,
  VG_ACTION_PUBLIC_ALERT_DRAFT,
  VG_ACTION_TRAFFIC_DIVERSION,
  VG_N_ACTIONS,
} VgAction;

/* The documents an approved action yields (vg-output.h); each only after a signed approval. */
typedef enum {
  VG_OUTPUT_TASK,         /* a task line in the operator log (main courante) */
  VG_OUTPUT_ORDER_SHEET,  /* a printable order sheet, plain text */
  VG_OUTPUT_CAP,          /* a CAP 1.2 alert draft, for a human to release */
  VG_OUTPUT_DATEX,        /* a DATEX II v3 road closure record */
  VG_N_OUTPUTS,
} VgOutputKind;

#define VG_OUTPUT_MASK(kind) (1u << (kind))

#define VG_TYPE_ACTION (vg_action_get_type ())

/* GEnum type of VgAction. */
GType       vg_action_get_type           (void) G_GNUC_CONST;
/* Action named @id ("road-closure"...); FALSE if unknown. */
gboolean    vg_action_from_id            (const char   *id,
                                          VgAction     *action);
/* Stable id of @action; static. */
const char *vg_action_to_id              (VgAction      action);
/* Translated name for people; static. */
const char *vg_action_get_label          (VgAction      action);
/* TRUE for actions that act on people whatever the playbook says (evacuation, welfare checks):
 * only a validator may decide them. */
gboolean    vg_action_touches_people     (VgAction      action);
/* The outputs an approved @action yields (VG_OUTPUT_MASK bits). */
guint       vg_action_get_outputs        (VgAction      action);

/* Output named @id ("task", "order-sheet", "cap", "datex"); FALSE if unknown. */
gboolean    vg_output_kind_from_id       (const char   *id,
                                          VgOutputKind *kind);
/* Stable id of @kind, as journalled; static. */
const char *vg_output_kind_to_id         (VgOutputKind  kind);

G_END_DECLS
