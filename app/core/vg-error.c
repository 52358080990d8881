/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-error"

#include "config.h"

#include "vg-error.h"

G_DEFINE_QUARK (vg-geo-error-quark, vg_geo_error)
G_DEFINE_QUARK (vg-store-error-quark, vg_store_error)
G_DEFINE_QUARK (vg-data-error-quark, vg_data_error)
G_DEFINE_QUARK (vg-feed-error-quark, vg_feed_error)
