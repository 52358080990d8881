/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

#include "vg-gpkg.h"
#include "vg-heat-districts.h"
#include "vg-heat-risk.h"
#include "vg-hourly-forecast.h"

G_BEGIN_DECLS

#define VG_TYPE_HEAT_GRID (vg_heat_grid_get_type ())
G_DECLARE_FINAL_TYPE (VgHeatGrid, vg_heat_grid, VG, HEAT_GRID, GObject)

/* The heat map's grid: square cells of a given size (100 m) whose centres lie inside the
 * Métropole's outline, each in its district, and for one set of forecasts the daily peaks of the
 * temperature and the four indices in every cell, with their mean and maximum per district.
 *
 * Every hour of every cell is computed: the cell's temperature, vapour pressure and wind are the
 * inverse-distance-weighted (power 2) means of those of its 4 nearest forecast points (Open-Meteo
 * gives a forecast per point asked; the corners around the cell on a lattice), the temperature plus the district's heat island offset (night or day hour, as in
 * vg-heat-risk.h); the indices are those of vg_heat_index_compute_batch() (shade, MRT = air
 * temperature; UTCI NaN below 0.5 m/s of wind). A day's peak is the maximum over its day hours,
 * 06:00–18:00 UTC. Cells outside every district keep NaN peaks and count in no district. */

/* Cells of @cell_size m (Lambert-93) over the "metropole" layer of @gpkg, placed in @districts.
 * Errors name the file and layer (VG_GEO_ERROR). */
VgHeatGrid     *vg_heat_grid_new                 (VgGpkg            *gpkg,
                                                  VgHeatDistricts   *districts,
                                                  double             cell_size,
                                                  GError           **error);
/* Number of cells. */
guint           vg_heat_grid_get_n_cells         (VgHeatGrid        *self);
/* Centre (Lambert-93) and district (-1 if none) of @cell. */
void            vg_heat_grid_get_cell            (VgHeatGrid        *self,
                                                  guint              cell,
                                                  double            *x,
                                                  double            *y,
                                                  int               *district);
/* Computes the peaks from the @n_forecasts @forecasts (same hours, same zone; their positions are
 * needed when there are several), on @n_threads threads (0: one per processor). FALSE with
 * VG_RISK_ERROR_INVALID_FORECAST naming the forecast that does not fit. */
gboolean        vg_heat_grid_compute             (VgHeatGrid        *self,
                                                  VgHourlyForecast **forecasts,
                                                  guint              n_forecasts,
                                                  guint              n_threads,
                                                  GError           **error);
/* Number of days of the last computation (vg_heat_day_list() of the forecasts). */
guint           vg_heat_grid_get_n_days          (VgHeatGrid        *self);
/* Peak of @quantity in @cell on @day (NaN if none). */
double          vg_heat_grid_get_cell_peak       (VgHeatGrid        *self,
                                                  guint              cell,
                                                  guint              day,
                                                  VgHeatQuantity     quantity);
/* Mean over the cells of @district of their peaks of @quantity on @day (NaN if none). */
double          vg_heat_grid_get_district_mean   (VgHeatGrid        *self,
                                                  guint              district,
                                                  guint              day,
                                                  VgHeatQuantity     quantity);
/* Highest cell peak of @quantity in @district on @day (NaN if none). */
double          vg_heat_grid_get_district_max    (VgHeatGrid        *self,
                                                  guint              district,
                                                  guint              day,
                                                  VgHeatQuantity     quantity);

G_END_DECLS
