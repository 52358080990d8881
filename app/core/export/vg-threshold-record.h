/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VG_TYPE_THRESHOLD_RECORD (vg_threshold_record_get_type ())
G_DECLARE_FINAL_TYPE (VgThresholdRecord, vg_threshold_record, VG, THRESHOLD_RECORD, GObject)

/* One threshold of one subject (a gauge's vigilance stage, a district's heat level), as a
 * VgThresholdLedger follows it: when it was first forecast, when first observed, and the lead
 * time between the two. Updated by its ledger only (properties notify; read-only: "hazard",
 * "subject", "threshold", "first-forecast-seq", "first-forecast-time", "forecast-valid-time",
 * "first-observed-seq", "first-observed-time", "observed-value", "lead-time"). Times are Unix
 * µs, seqs 0 and times G_MININT64 while unknown. */

/* The hazard ("flood", "heat"…) or NULL if the entries did not say; borrowed. */
const char *vg_threshold_record_get_hazard              (VgThresholdRecord *self);
/* The gauge, sensor, district… the threshold belongs to; borrowed. */
const char *vg_threshold_record_get_subject             (VgThresholdRecord *self);
/* The threshold as the entries name it ("vigilance-orange", "3.2", "orange"); borrowed. */
const char *vg_threshold_record_get_threshold           (VgThresholdRecord *self);
/* Seq of the first entry forecasting it (0: never forecast). */
guint64     vg_threshold_record_get_first_forecast_seq  (VgThresholdRecord *self);
/* Journal time of that entry (G_MININT64: never forecast). */
gint64      vg_threshold_record_get_first_forecast_time (VgThresholdRecord *self);
/* When that forecast said it would be reached (G_MININT64 if it did not say). */
gint64      vg_threshold_record_get_forecast_valid_time (VgThresholdRecord *self);
/* Seq of the first entry observing it (0: never observed). */
guint64     vg_threshold_record_get_first_observed_seq  (VgThresholdRecord *self);
/* Journal time of that entry (G_MININT64: never observed). */
gint64      vg_threshold_record_get_first_observed_time (VgThresholdRecord *self);
/* The value first observed (NaN if the entry gave none). */
double      vg_threshold_record_get_observed_value      (VgThresholdRecord *self);
/* Lead time gained, first observed − first forecast, µs, into @lead_time: positive when the
 * forecast came first, negative when it came late. FALSE unless both happened. */
gboolean    vg_threshold_record_get_lead_time           (VgThresholdRecord *self,
                                                         gint64            *lead_time);

G_END_DECLS
