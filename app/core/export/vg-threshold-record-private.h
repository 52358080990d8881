/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-threshold-record.h"

G_BEGIN_DECLS

/* For VgThresholdLedger, which owns the records and is the only one to change them. */
struct _VgThresholdRecord
{
  GObject  parent_instance;

  char    *hazard;
  char    *subject;
  char    *threshold;
  guint64  first_forecast_seq;
  gint64   first_forecast_time;
  gint64   forecast_valid_time;
  guint64  first_observed_seq;
  gint64   first_observed_time;
  double   observed_value;
};

/* New record of @threshold at @subject (@hazard may be NULL), nothing seen yet. */
VgThresholdRecord *vg_threshold_record_new     (const char        *hazard,
                                                const char        *subject,
                                                const char        *threshold);
/* Notifies the properties a ledger may have changed: the hazard, the forecast ones if
 * @forecast, the observed ones if @observed, the lead time. */
void               vg_threshold_record_changed (VgThresholdRecord *self,
                                                gboolean           forecast,
                                                gboolean           observed);

G_END_DECLS
