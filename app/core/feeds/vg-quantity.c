/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-quantity"

#include "config.h"

#include <string.h>

#include "vg-quantity.h"

static const struct {
  const char *id;
  const char *unit;
} quantities[VG_N_QUANTITIES] = {
  [VG_QUANTITY_WATER_LEVEL]   = { "water_level",   "m" },
  [VG_QUANTITY_DISCHARGE]     = { "discharge",     "m³/s" },
  [VG_QUANTITY_PRECIPITATION] = { "precipitation", "mm" },
  [VG_QUANTITY_TEMPERATURE]   = { "temperature",   "°C" },
  [VG_QUANTITY_HUMIDITY]      = { "humidity",      "%" },
  [VG_QUANTITY_WIND_SPEED]    = { "wind_speed",    "m/s" },
  [VG_QUANTITY_TRAFFIC_SPEED] = { "traffic_speed", "km/h" },
  [VG_QUANTITY_TRAFFIC_FLOW]  = { "traffic_flow",  "veh/h" },
  [VG_QUANTITY_OCCUPANCY]     = { "occupancy",     "%" },
  [VG_QUANTITY_HEADWAY]       = { "headway",       "s" },
  [VG_QUANTITY_TRAVEL_TIME]   = { "travel_time",   "s" },
};

/* canonical = value * scale + offset. Spellings: SI/common symbols, UCUM codes (SensorThings
 * servers often use them: "Cel", "m3/s", "km/h"), QUDT local names (the tail of a QUDT
 * definition URI: "DEG_C", "M3-PER-SEC"), and English unit names. */
static const struct {
  VgQuantity  quantity;
  const char *spellings;   /* '|'-separated, compared case-insensitively */
  double      scale;
  double      offset;
} units[] = {
  { VG_QUANTITY_WATER_LEVEL, "m|metre|meter|metres|meters|M", 1, 0 },
  { VG_QUANTITY_WATER_LEVEL, "cm|centimetre|centimeter|centimetres|centimeters|CentiM", 0.01, 0 },
  { VG_QUANTITY_WATER_LEVEL, "mm|millimetre|millimeter|millimetres|millimeters|MilliM", 0.001, 0 },
  { VG_QUANTITY_WATER_LEVEL, "ft|[ft_i]|foot|feet|FT", 0.3048, 0 },
  { VG_QUANTITY_DISCHARGE, "m³/s|m3/s|m3.s-1|m^3/s|cubic metre per second|cubic meter per second|cubic metres per second|cubic meters per second|M3-PER-SEC", 1, 0 },
  { VG_QUANTITY_DISCHARGE, "l/s|L/s|l.s-1|litre per second|liter per second|litres per second|liters per second|L-PER-SEC", 0.001, 0 },
  { VG_QUANTITY_DISCHARGE, "ft³/s|ft3/s|[cft_i]/s|cfs|cubic foot per second|cubic feet per second|FT3-PER-SEC", 0.028316846592, 0 },
  { VG_QUANTITY_PRECIPITATION, "mm|millimetre|millimeter|millimetres|millimeters|MilliM|kg/m2|kg.m-2|kg/m²", 1, 0 },
  { VG_QUANTITY_PRECIPITATION, "cm|centimetre|centimeter|CentiM", 10, 0 },
  { VG_QUANTITY_PRECIPITATION, "in|inch|inches|[in_i]|IN", 25.4, 0 },
  { VG_QUANTITY_TEMPERATURE, "°C|degC|Cel|℃|degree Celsius|degrees Celsius|celsius|DEG_C", 1, 0 },
  { VG_QUANTITY_TEMPERATURE, "K|kelvin|kelvins", 1, -273.15 },
  { VG_QUANTITY_TEMPERATURE, "°F|degF|[degF]|℉|degree Fahrenheit|degrees Fahrenheit|fahrenheit|DEG_F", 5.0 / 9.0, -160.0 / 9.0 },
  { VG_QUANTITY_HUMIDITY, "%|percent|PERCENT|%RH|% RH", 1, 0 },
  { VG_QUANTITY_WIND_SPEED, "m/s|m.s-1|m s-1|metre per second|meter per second|metres per second|meters per second|M-PER-SEC", 1, 0 },
  { VG_QUANTITY_WIND_SPEED, "km/h|kmh|km.h-1|kilometre per hour|kilometer per hour|kilometres per hour|kilometers per hour|KiloM-PER-HR", 1 / 3.6, 0 },
  { VG_QUANTITY_WIND_SPEED, "kn|kt|knot|knots|[kn_i]|KN", 1852.0 / 3600.0, 0 },
  { VG_QUANTITY_WIND_SPEED, "mph|[mi_i]/h|mile per hour|miles per hour|MI-PER-HR", 0.44704, 0 },
  { VG_QUANTITY_TRAFFIC_SPEED, "km/h|kmh|km.h-1|kilometre per hour|kilometer per hour|kilometres per hour|kilometers per hour|KiloM-PER-HR", 1, 0 },
  { VG_QUANTITY_TRAFFIC_SPEED, "m/s|m.s-1|metre per second|meter per second|M-PER-SEC", 3.6, 0 },
  { VG_QUANTITY_TRAFFIC_SPEED, "mph|[mi_i]/h|mile per hour|miles per hour|MI-PER-HR", 1.609344, 0 },
  { VG_QUANTITY_TRAFFIC_FLOW, "veh/h|vehicles/h|vehicles per hour|1/h|/h", 1, 0 },
  { VG_QUANTITY_OCCUPANCY, "%|percent|PERCENT", 1, 0 },
  { VG_QUANTITY_HEADWAY, "s|sec|second|seconds|SEC", 1, 0 },
  { VG_QUANTITY_TRAVEL_TIME, "s|sec|second|seconds|SEC", 1, 0 },
  { VG_QUANTITY_TRAVEL_TIME, "min|minute|minutes|MIN", 60, 0 },
};

const char *
vg_quantity_to_id (VgQuantity quantity)
{
  g_return_val_if_fail (quantity < VG_N_QUANTITIES, NULL);

  return quantities[quantity].id;
}

gboolean
vg_quantity_from_id (const char *id,
                     VgQuantity *quantity)
{
  g_return_val_if_fail (quantity != NULL, FALSE);

  for (guint i = 0; id != NULL && i < VG_N_QUANTITIES; i++)
    if (g_str_equal (id, quantities[i].id))
      {
        *quantity = i;
        return TRUE;
      }
  return FALSE;
}

const char *
vg_quantity_get_unit (VgQuantity quantity)
{
  g_return_val_if_fail (quantity < VG_N_QUANTITIES, NULL);

  return quantities[quantity].unit;
}

static gboolean
spelled (const char *spellings,
         const char *unit,
         gsize       unit_len)
{
  const char *p = spellings;

  while (*p != '\0')
    {
      const char *end = strchr (p, '|');
      gsize len = end != NULL ? (gsize) (end - p) : strlen (p);

      if (len == unit_len && g_ascii_strncasecmp (p, unit, len) == 0)
        return TRUE;
      if (end == NULL)
        break;
      p = end + 1;
    }
  return FALSE;
}

gboolean
vg_quantity_convert (VgQuantity  quantity,
                     const char *unit,
                     double      value,
                     double     *result)
{
  const char *start, *end;

  g_return_val_if_fail (quantity < VG_N_QUANTITIES, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  if (unit == NULL)
    return FALSE;
  for (start = unit; g_ascii_isspace (*start); start++)
    ;
  for (end = start + strlen (start); end > start && g_ascii_isspace (end[-1]); end--)
    ;
  if (end == start)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (units[i].quantity == quantity && spelled (units[i].spellings, start, end - start))
      {
        *result = value * units[i].scale + units[i].offset;
        return TRUE;
      }
  return FALSE;
}
