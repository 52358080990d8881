/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VG_TYPE_GAUGE (vg_gauge_get_type ())
G_DECLARE_FINAL_TYPE (VgGauge, vg_gauge, VG, GAUGE, GObject)

/* A river gauge as the situation picture shows it: its identity and thresholds, its latest
 * stage and discharge, and the recent readings behind its hydrograph. */

typedef enum {
  VG_GAUGE_LEVEL_UNKNOWN = -1,  /* no stage reading yet */
  VG_GAUGE_LEVEL_NORMAL,
  VG_GAUGE_LEVEL_YELLOW,
  VG_GAUGE_LEVEL_ORANGE,
  VG_GAUGE_LEVEL_RED,
} VgGaugeLevel;

/* One reading: Unix µs and value (m or m³/s). */
typedef struct { gint64 time; double value; } VgGaugeSample;

/* New gauge @code (Hub'Eau code_station) at @lon/@lat; @thresholds (3 stages, m) may be NULL. */
VgGauge       *vg_gauge_new              (const char    *code,
                                          const char    *name,
                                          const char    *river,
                                          double         lon,
                                          double         lat,
                                          const double  *thresholds,
                                          const char    *thresholds_source);
/* Reads the gauge catalogue (data/gauges.json): a list of VgGauge. Errors name file and field. */
GListStore    *vg_gauge_load_catalog     (const char    *path,
                                          GError       **error);
/* Station code; borrowed. */
const char    *vg_gauge_get_code         (VgGauge       *self);
/* Name for people; borrowed. */
const char    *vg_gauge_get_name         (VgGauge       *self);
/* River; borrowed, may be NULL. */
const char    *vg_gauge_get_river        (VgGauge       *self);
/* Longitude (WGS84). */
double         vg_gauge_get_longitude    (VgGauge       *self);
/* Latitude (WGS84). */
double         vg_gauge_get_latitude     (VgGauge       *self);
/* Threshold stage @index (0 yellow, 1 orange, 2 red) in m, NaN if none. */
double         vg_gauge_get_threshold    (VgGauge       *self,
                                          guint          index);
/* Where the thresholds come from ("assumed"...); borrowed, may be NULL. */
const char    *vg_gauge_get_thresholds_source (VgGauge  *self);
/* Adds a stage (@discharge FALSE, m) or discharge (TRUE, m³/s) reading; older duplicates and
 * readings more than 14 days older than the newest are dropped. Notifies "level" on change. */
void           vg_gauge_add_reading      (VgGauge       *self,
                                          gboolean       discharge,
                                          gint64         time,
                                          double         value);
/* Readings of stage (@discharge FALSE) or discharge, oldest first; @n gets their count. */
const VgGaugeSample *vg_gauge_get_readings (VgGauge     *self,
                                          gboolean       discharge,
                                          guint         *n);
/* Latest reading of stage or discharge, FALSE if none. */
gboolean       vg_gauge_get_latest       (VgGauge       *self,
                                          gboolean       discharge,
                                          VgGaugeSample *sample);
/* Threshold level of the latest stage. */
VgGaugeLevel   vg_gauge_get_level        (VgGauge       *self);

G_END_DECLS
