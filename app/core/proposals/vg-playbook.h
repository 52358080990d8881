/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gio/gio.h>

#include "vg-rule.h"

G_BEGIN_DECLS

#define VG_TYPE_PLAYBOOK (vg_playbook_get_type ())
G_DECLARE_FINAL_TYPE (VgPlaybook, vg_playbook, VG, PLAYBOOK, GObject)

/* The response rules for one hazard, as data an operations officer reads and edits: one
 * "*.playbook" file per hazard in data/playbooks/ (format and example in the README there).
 * Everything is validated on load; the first problem is an error naming the file, the line and
 * the key. A GListModel of VgRule is not needed by anyone yet: rules are listed with
 * vg_playbook_get_rules(). Immutable once loaded. */

/* Loads the playbook file @path; NULL with VG_PROPOSAL_ERROR_PLAYBOOK. */
VgPlaybook *vg_playbook_load           (const char  *path,
                                        GError     **error);
/* Loads every "*.playbook" of @dir (NULL: the bundled data/playbooks), in file-name order: an
 * array of VgPlaybook. Rule ids must be unique across them. */
GPtrArray  *vg_playbook_load_dir       (const char  *dir,
                                        GError     **error);
/* The file; borrowed. */
const char *vg_playbook_get_path       (VgPlaybook  *self);
/* The playbook's id: its file name without ".playbook"; borrowed. */
const char *vg_playbook_get_id         (VgPlaybook  *self);
/* Its hazard. */
VgHazard    vg_playbook_get_hazard     (VgPlaybook  *self);
/* Its version. */
guint       vg_playbook_get_version    (VgPlaybook  *self);
/* Title in @lang ("fr" or "en"); borrowed. */
const char  *vg_playbook_get_title     (VgPlaybook  *self,
                                        const char  *lang);
/* The rules in file order (VgRule); borrowed. */
GPtrArray  *vg_playbook_get_rules      (VgPlaybook  *self);

G_END_DECLS
