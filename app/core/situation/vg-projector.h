/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gio/gio.h>

#include "vg-flood-outlook.h"
#include "vg-hazard-models.h"
#include "vg-heat-outlook.h"
#include "vg-journal.h"
#include "vg-picture.h"

G_BEGIN_DECLS

#define VG_TYPE_PROJECTOR (vg_projector_get_type ())
G_DECLARE_FINAL_TYPE (VgProjector, vg_projector, VG, PROJECTOR, GObject)

/* Turns the situation picture into projections and journals them: per flood gauge of the
 * envelope library, the outlook of its latest readings (VgFloodOutlook); for the latest weather
 * forecast, the heat outlook (VgHeatOutlook). Each is computed on the data alone (readings'
 * and forecast's times, never the clock), so a replay projects the same way every time.
 *
 * Journalled as "projection" entries, each carrying a "key" and a "state": an outlook is
 * journalled when what it says changes (the envelope reached, the next envelope expected or its
 * time by 30 minutes or more, a new forecast), and every threshold once per episode — a gauge
 * threshold when first forecast and when first observed, a district heat level ≥ 2 when first
 * forecast — in the members the review's threshold ledger reads ("gauge"/"district",
 * "threshold"/"heat_level", "forecast", "valid_time"). Reopening a journal re-reads the keys, so
 * nothing is journalled twice. Main thread only. */

/* New projector over @models, journalling into @journal (whose existing projections it reads)
 * if @record (a read-only journal is projected for the views only). */
VgProjector   *vg_projector_new              (VgHazardModels *models,
                                              VgJournal      *journal,
                                              gboolean        record,
                                              GError        **error);
/* The models; borrowed. */
VgHazardModels *vg_projector_get_models      (VgProjector    *self);
/* Projects @picture again: new outlooks for what changed, journalled in one batch; emits
 * "changed" if an outlook changed. FALSE with the journal's error if it could not be written
 * (the outlooks are then still shown). A forecast that cannot be projected is not an error:
 * vg_projector_get_problem() says why. */
gboolean       vg_projector_update           (VgProjector    *self,
                                              VgPicture      *picture,
                                              GError        **error);
/* The flood outlooks (VgFloodOutlook), one per library gauge with readings; borrowed. */
GListModel    *vg_projector_get_flood        (VgProjector    *self);
/* Outlook of library gauge @gauge, or NULL; borrowed. */
VgFloodOutlook *vg_projector_lookup_flood    (VgProjector    *self,
                                              const char     *gauge);
/* The heat outlook of the latest forecast, or NULL; borrowed. */
VgHeatOutlook *vg_projector_get_heat         (VgProjector    *self);
/* Why the latest forecast could not be projected, or NULL; borrowed. */
const char    *vg_projector_get_problem      (VgProjector    *self);

G_END_DECLS
