/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-ini-private.h"
#include "vg-rule.h"

G_BEGIN_DECLS

/* What a rule takes from the [playbook] group of its file. */
typedef struct {
  const char *playbook;           /* the playbook's id (its file name without extension) */
  guint       playbook_version;
  const char *timezone;           /* IANA zone the wording uses ("Europe/Paris") */
  const char *cap_sender;         /* CAP <sender> of alert drafts, or NULL */
} VgRuleContext;

/* The rule of [rule @id], group @group of @ini; NULL with VG_PROPOSAL_ERROR_PLAYBOOK naming the
 * file, the line and the key. */
VgRule    *vg_rule_new_from_ini (VgIni               *ini,
                                 guint                group,
                                 const char          *id,
                                 VgHazard             hazard,
                                 const VgRuleContext *context,
                                 GError             **error);
/* What @self proposes given @facts: candidate proposal payloads (JsonObject, owned; no "version"
 * nor "state" yet), sorted by proposal id. Pure: the same facts give the same candidates, byte
 * for byte once canonical. */
GPtrArray *vg_rule_evaluate     (VgRule              *self,
                                 VgFactSet           *facts);

G_END_DECLS
