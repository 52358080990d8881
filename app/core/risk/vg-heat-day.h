/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A day's minimum and maximum temperature from an hourly series, with Météo-France's day
 * boundaries, fixed in UTC (they do not move with summer time):
 *   Tn(D) = minimum over [18:00 UTC on D−1, 06:00 UTC on D)  — the night ending on the morning of D
 *           (20:00 → 08:00 local time in summer, 19:00 → 07:00 in winter);
 *   Tx(D) = maximum over [06:00 UTC on D, 06:00 UTC on D+1)  — the day D and the night after it.
 * Windows are half-open: the 06:00 UTC value belongs to Tx(D), not to Tn(D). A value needs at
 * least three quarters of its window's hours (9 of 12 for Tn, 18 of 24 for Tx); otherwise it is NaN,
 * which happens at the ends of a forecast and where hours are missing. */

#define VG_HEAT_DAY_TN_HOURS     12
#define VG_HEAT_DAY_TX_HOURS     24
#define VG_HEAT_DAY_TN_MIN_HOURS 9
#define VG_HEAT_DAY_TX_MIN_HOURS 18

typedef struct {
  GDate   date;                 /* D, a calendar date in the forecast's zone */
  gint64  tn_start, tn_end;     /* Tn window, UTC µs, [start, end) */
  gint64  tx_start, tx_end;     /* Tx window, UTC µs, [start, end) */
  double  tn, tx;               /* °C; NaN when the window has too few hours */
  guint   tn_hours, tx_hours;   /* hours with a value in each window */
} VgHeatDay;

/* The days of @zone's calendar from the local date of @times[0] to that of @times[@n − 1], with
 * their windows (tn, tx NaN, no hours yet): an array of VgHeatDay, empty when @n is 0. */
GArray *vg_heat_day_list    (const gint64 *times,
                             gsize         n,
                             GTimeZone    *zone);
/* Fills tn, tx and their hour counts of the @n_days @days from @values (°C, NaN = missing) at
 * @times (sorted, as the days were listed from). */
void    vg_heat_day_compute (VgHeatDay    *days,
                             guint         n_days,
                             const gint64 *times,
                             const double *values,
                             gsize         n);

G_END_DECLS
