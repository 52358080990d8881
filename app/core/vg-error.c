/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-error"

#include "config.h"

#include "vg-error.h"

G_DEFINE_QUARK (vg-geo-error-quark, vg_geo_error)
G_DEFINE_QUARK (vg-store-error-quark, vg_store_error)
G_DEFINE_QUARK (vg-journal-error-quark, vg_journal_error)
G_DEFINE_QUARK (vg-data-error-quark, vg_data_error)
G_DEFINE_QUARK (vg-feed-error-quark, vg_feed_error)
G_DEFINE_QUARK (vg-risk-error-quark, vg_risk_error)
G_DEFINE_QUARK (vg-scenario-error-quark, vg_scenario_error)
G_DEFINE_QUARK (vg-export-error-quark, vg_export_error)
G_DEFINE_QUARK (vg-proposal-error-quark, vg_proposal_error)
