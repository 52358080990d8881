/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What an observation or forecast measures. Every value Vigie keeps is in the quantity's
 * canonical unit (vg_quantity_get_unit()); parsers convert on the way in and refuse a unit they
 * do not know rather than guess. */
typedef enum {
  VG_QUANTITY_WATER_LEVEL,     /* m (river stage) */
  VG_QUANTITY_DISCHARGE,       /* m³/s */
  VG_QUANTITY_PRECIPITATION,   /* mm over the record's interval */
  VG_QUANTITY_TEMPERATURE,     /* °C (air) */
  VG_QUANTITY_HUMIDITY,        /* % relative humidity */
  VG_QUANTITY_WIND_SPEED,      /* m/s */
  VG_QUANTITY_TRAFFIC_SPEED,   /* km/h (average vehicle speed) */
  VG_QUANTITY_TRAFFIC_FLOW,    /* vehicles/h */
  VG_QUANTITY_OCCUPANCY,       /* % of time a detector is occupied */
  VG_QUANTITY_HEADWAY,         /* s between vehicles */
  VG_QUANTITY_TRAVEL_TIME,     /* s over a measured section */
  VG_N_QUANTITIES,
} VgQuantity;

/* Stable identifier ("water_level"...); static. */
const char *vg_quantity_to_id    (VgQuantity   quantity);
/* Quantity of a stable identifier; FALSE if unknown. */
gboolean    vg_quantity_from_id  (const char  *id,
                                  VgQuantity  *quantity);
/* Canonical unit symbol ("m", "m³/s", "°C", "km/h"...); static. */
const char *vg_quantity_get_unit (VgQuantity   quantity);
/* Converts @value given in @unit (a symbol such as "km/h", "l/s", "degC", "Cel", or a unit
 * name such as "degree Celsius", case-insensitive) to @quantity's canonical unit; FALSE if
 * @unit is not one Vigie knows for @quantity. */
gboolean    vg_quantity_convert  (VgQuantity   quantity,
                                  const char  *unit,
                                  double       value,
                                  double      *result);

G_END_DECLS
