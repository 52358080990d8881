/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "vg-heat-index.h"
#include "vg-test-util.h"

#define KELVIN 273.15
#define FAHRENHEIT(c) ((c) * 9.0 / 5.0 + 32.0)
#define CELSIUS(f)    (((f) - 32.0) * 5.0 / 9.0)

/* thermofeel's regression tests compare with numpy's assert_array_almost_equal (decimal=6), which
 * passes when |expected − actual| < 1.5e-6 (tests/test_thermofeel.py). */
#define THERMOFEEL_TOLERANCE 1.5e-6

/* A pythermalcomfort validation table: its "data" rows and its tolerance for @output. */
typedef struct {
  JsonParser *parser;
  JsonArray  *rows;
  double      tolerance;
} Table;

static void
table_load (Table      *table,
            const char *file,
            const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vg_test_data_path (file);
  JsonObject *root;

  table->parser = json_parser_new ();
  json_parser_load_from_file (table->parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (table->parser));
  table->rows = json_object_get_array_member (root, "data");
  table->tolerance = json_object_get_double_member (json_object_get_object_member (root, "tolerance"), output);
  g_assert_cmpuint (json_array_get_length (table->rows), >, 0);
  g_assert_cmpfloat (table->tolerance, >, 0);
}

static JsonObject *
table_row (Table      *table,
           guint       i,
           const char *part)
{
  return json_object_get_object_member (json_array_get_object_element (table->rows, i), part);
}

/* One column of a thermofeel CSV: a number per line, or the named column of the test cases. */
static GArray *
thermofeel_column (const char *file,
                   const char *column)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vg_test_data_path (file);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *values = g_array_new (FALSE, FALSE, sizeof (double));
  int index = 0;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (g_strstrip (text), "\n", -1);
  if (column != NULL)
    {
      g_auto(GStrv) header = g_strsplit (lines[0], ",", -1);

      index = -1;
      for (int i = 0; header[i] != NULL; i++)
        if (g_str_equal (g_strstrip (header[i]), column))
          index = i;
      g_assert_cmpint (index, >=, 0);
    }
  for (guint i = column != NULL ? 1 : 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);
      double v = g_ascii_strtod (fields[index], NULL);

      g_array_append_val (values, v);
    }
  return values;
}

#define COL(a, i) g_array_index ((a), double, (i))

/* The chart points of the NWS heat index table quoted in issue 6, within ±1 °F. */
static void
test_nws_chart (void)
{
  g_assert_cmpfloat_with_epsilon (FAHRENHEIT (vg_heat_index_nws (CELSIUS (90.0), 50.0)), 95.0, 1.0);
  g_assert_cmpfloat_with_epsilon (FAHRENHEIT (vg_heat_index_nws (CELSIUS (96.0), 65.0)), 121.0, 1.0);
}

/* pythermalcomfort's heat_index table gives the Rothfusz regression itself: both rows agree with
 * it within the stated tolerance. The NWS algorithm agrees where the regression applies (30 °C,
 * 80 %); at 25 °C / 50 % the simple formula averaged with T stays below 80 °F, so WPC keeps the
 * simple formula: 0.5 (77 + 61 + 9 · 1.2 + 50 · 0.094) = 76.75 °F = 24.86 °C. */
static void
test_pythermalcomfort_heat_index (void)
{
  Table table;
  double max_dev = 0;

  table_load (&table, "heat/pythermalcomfort/ts_heat_index.json", "hi");
  for (guint i = 0; i < json_array_get_length (table.rows); i++)
    {
      double tdb = json_object_get_double_member (table_row (&table, i, "inputs"), "tdb");
      double rh = json_object_get_double_member (table_row (&table, i, "inputs"), "rh");
      double hi = json_object_get_double_member (table_row (&table, i, "outputs"), "hi");
      double regression = CELSIUS (vg_heat_index_rothfusz (FAHRENHEIT (tdb), rh));

      g_assert_cmpfloat_with_epsilon (regression, hi, table.tolerance);
      max_dev = MAX (max_dev, fabs (regression - hi));
      if (tdb >= 30.0)
        g_assert_cmpfloat_with_epsilon (vg_heat_index_nws (tdb, rh), hi, table.tolerance);
      else
        g_assert_cmpfloat_with_epsilon (vg_heat_index_nws (tdb, rh), CELSIUS (76.75), 1e-9);
    }
  g_test_message ("pythermalcomfort heat index: max deviation %.4f °C (tolerance %.1f)", max_dev, table.tolerance);
  g_object_unref (table.parser);
}

static void
test_pythermalcomfort_humidex (void)
{
  Table table;
  double max_dev = 0;

  table_load (&table, "heat/pythermalcomfort/ts_humidex.json", "humidex");
  for (guint i = 0; i < json_array_get_length (table.rows); i++)
    {
      double tdb = json_object_get_double_member (table_row (&table, i, "inputs"), "tdb");
      double rh = json_object_get_double_member (table_row (&table, i, "inputs"), "rh");
      double expected = json_object_get_double_member (table_row (&table, i, "outputs"), "humidex");
      double h = vg_heat_index_humidex (tdb, rh);

      g_assert_cmpfloat_with_epsilon (h, expected, table.tolerance);
      max_dev = MAX (max_dev, fabs (h - expected));
    }
  g_test_message ("pythermalcomfort humidex: max deviation %.3f °C (tolerance %.0f)", max_dev, table.tolerance);
  g_object_unref (table.parser);
}

/* Rows with a radiation input "q" are the radiation form of AT, which Vigie does not implement. */
static void
test_pythermalcomfort_apparent (void)
{
  Table table;
  double max_dev = 0;
  guint checked = 0;

  table_load (&table, "heat/pythermalcomfort/ts_at.json", "at");
  for (guint i = 0; i < json_array_get_length (table.rows); i++)
    {
      JsonObject *inputs = table_row (&table, i, "inputs");
      double at, expected;

      if (json_object_has_member (inputs, "q"))
        continue;
      at = vg_heat_index_apparent (json_object_get_double_member (inputs, "tdb"),
                                   json_object_get_double_member (inputs, "rh"),
                                   json_object_get_double_member (inputs, "v"));
      expected = json_object_get_double_member (table_row (&table, i, "outputs"), "at");
      g_assert_cmpfloat_with_epsilon (at, expected, table.tolerance);
      max_dev = MAX (max_dev, fabs (at - expected));
      checked++;
    }
  g_assert_cmpuint (checked, ==, 2);
  g_test_message ("pythermalcomfort apparent temperature: max deviation %.3f °C (tolerance %.1f)", max_dev, table.tolerance);
  g_object_unref (table.parser);
}

/* thermofeel's UTCI vectors take the vapour pressure as Hardy's es × RH, RH from the dew point
 * (rh.csv): the same route as vg_heat_index_utci(). Vectors outside the polynomial's wind range
 * must come back as NaN with the reason. */
static void
test_thermofeel_utci (void)
{
  g_autoptr(GArray) t2m = thermofeel_column ("heat/thermofeel/thermofeel_testcases.csv", "t2m");
  g_autoptr(GArray) mrt = thermofeel_column ("heat/thermofeel/thermofeel_testcases.csv", "mrt");
  g_autoptr(GArray) va = thermofeel_column ("heat/thermofeel/thermofeel_testcases.csv", "va");
  g_autoptr(GArray) rh = thermofeel_column ("heat/thermofeel/rh.csv", NULL);
  g_autoptr(GArray) expected = thermofeel_column ("heat/thermofeel/utci.csv", NULL);
  double max_dev = 0;
  guint checked = 0, refused = 0;

  g_assert_cmpuint (t2m->len, ==, 50);
  g_assert_cmpuint (expected->len, ==, t2m->len);
  for (guint i = 0; i < t2m->len; i++)
    {
      double ta = COL (t2m, i) - KELVIN, tr = COL (mrt, i) - KELVIN;
      double u = vg_heat_index_utci (ta, tr, COL (va, i), COL (rh, i));
      double e = COL (rh, i) / 100.0 * vg_heat_index_saturation_vapour_pressure (ta);
      VgUtciValidity validity = vg_heat_index_utci_check (ta, tr, COL (va, i), e);

      if (COL (va, i) < VG_UTCI_WIND_MIN)
        {
          g_assert_cmpint (validity, ==, VG_UTCI_WIND_OUT_OF_RANGE);
          g_assert_true (isnan (u));
          refused++;
          continue;
        }
      g_assert_cmpint (validity, ==, VG_UTCI_VALID);
      g_assert_cmpfloat_with_epsilon (u + KELVIN, COL (expected, i), THERMOFEEL_TOLERANCE);
      max_dev = MAX (max_dev, fabs (u + KELVIN - COL (expected, i)));
      checked++;
    }
  g_assert_cmpuint (checked, >=, 45);
  g_assert_cmpuint (refused, >=, 1);
  g_test_message ("thermofeel UTCI: %u vectors, max deviation %.2e K (tolerance %.1e), %u refused (wind < 0.5 m/s)",
                  checked, max_dev, THERMOFEEL_TOLERANCE, refused);
}

static void
test_thermofeel_apparent (void)
{
  g_autoptr(GArray) t2m = thermofeel_column ("heat/thermofeel/thermofeel_testcases.csv", "t2m");
  g_autoptr(GArray) va = thermofeel_column ("heat/thermofeel/thermofeel_testcases.csv", "va");
  g_autoptr(GArray) rh = thermofeel_column ("heat/thermofeel/rh.csv", NULL);
  g_autoptr(GArray) expected = thermofeel_column ("heat/thermofeel/at.csv", NULL);
  double max_dev = 0;

  g_assert_cmpuint (expected->len, ==, t2m->len);
  for (guint i = 0; i < t2m->len; i++)
    {
      double at = vg_heat_index_apparent (COL (t2m, i) - KELVIN, COL (rh, i), COL (va, i)) + KELVIN;

      g_assert_cmpfloat_with_epsilon (at, COL (expected, i), THERMOFEEL_TOLERANCE);
      max_dev = MAX (max_dev, fabs (at - COL (expected, i)));
    }
  g_test_message ("thermofeel apparent temperature: max deviation %.2e K (tolerance %.1e)", max_dev, THERMOFEEL_TOLERANCE);
}

/* thermofeel's humidex uses 1/273.15 where Environment Canada's formula has 1/273.16; the vapour
 * pressures differ by a factor exp(5417.753 · (1/273.15 − 1/273.16)) ≈ 1.00073, so at most
 * 0.5555 · 0.00073 · e ≈ 0.01 K for these dew points (e < 25 hPa). That is the tolerance here,
 * not thermofeel's 1.5e-6, which holds for its own formula only. */
static void
test_thermofeel_humidex (void)
{
  g_autoptr(GArray) t2m = thermofeel_column ("heat/thermofeel/thermofeel_testcases.csv", "t2m");
  g_autoptr(GArray) td = thermofeel_column ("heat/thermofeel/thermofeel_testcases.csv", "td");
  g_autoptr(GArray) expected = thermofeel_column ("heat/thermofeel/humidex.csv", NULL);
  double max_dev = 0;

  g_assert_cmpuint (expected->len, ==, t2m->len);
  for (guint i = 0; i < t2m->len; i++)
    {
      double ta = COL (t2m, i) - KELVIN, dew = COL (td, i) - KELVIN;
      double h = vg_heat_index_humidex_from_dew_point (ta, dew) + KELVIN;
      double e = 6.11 * exp (5417.7530 * (1.0 / 273.16 - 1.0 / COL (td, i)));

      g_assert_cmpfloat (e, <, 25.0);
      g_assert_cmpfloat_with_epsilon (h, COL (expected, i), 0.5555 * (exp (5417.7530 * (1.0 / KELVIN - 1.0 / 273.16)) - 1.0) * 25.0);
      max_dev = MAX (max_dev, fabs (h - COL (expected, i)));
    }
  g_test_message ("thermofeel humidex: max deviation %.4f K", max_dev);
}

/* thermofeel's heatindex.csv is its "simplified" heat index: the Rothfusz regression in Celsius
 * coefficients (Blazejczyk et al. 2012), applied above 20 °C, T itself below. Vigie's regression
 * in °F reproduces it within 1e-5 K, the rounding of the Celsius refit's coefficients. */
static void
test_thermofeel_rothfusz (void)
{
  g_autoptr(GArray) t2m = thermofeel_column ("heat/thermofeel/thermofeel_testcases.csv", "t2m");
  g_autoptr(GArray) rh = thermofeel_column ("heat/thermofeel/rh.csv", NULL);
  g_autoptr(GArray) expected = thermofeel_column ("heat/thermofeel/heatindex.csv", NULL);
  double max_dev = 0;
  guint checked = 0;

  for (guint i = 0; i < t2m->len; i++)
    {
      double ta = COL (t2m, i) - KELVIN;
      double hi;

      if (ta <= 20.0)
        {
          g_assert_cmpfloat (COL (expected, i), ==, COL (t2m, i));
          continue;
        }
      hi = CELSIUS (vg_heat_index_rothfusz (FAHRENHEIT (ta), COL (rh, i))) + KELVIN;
      g_assert_cmpfloat_with_epsilon (hi, COL (expected, i), 1e-5);
      max_dev = MAX (max_dev, fabs (hi - COL (expected, i)));
      checked++;
    }
  g_assert_cmpuint (checked, >=, 20);
  g_test_message ("thermofeel heat index (regression, %u vectors above 20 °C): max deviation %.2e K", checked, max_dev);
}

/* The edges of the UTCI approximation's domain, each refused with its own reason. */
static void
test_utci_ranges (void)
{
  const struct {
    double ta, tmrt, wind, rh;
    VgUtciValidity validity;
  } cases[] = {
    { 25, 25, 0.5, 50, VG_UTCI_VALID },
    { 25, 25, 17.0, 50, VG_UTCI_VALID },
    { 50, 120, 1, 10, VG_UTCI_VALID },
    { 25, 25, 0.49, 50, VG_UTCI_WIND_OUT_OF_RANGE },
    { 25, 25, 17.1, 50, VG_UTCI_WIND_OUT_OF_RANGE },
    { 50.1, 50.1, 1, 10, VG_UTCI_AIR_TEMPERATURE_OUT_OF_RANGE },
    { -50.1, -50.1, 1, 10, VG_UTCI_AIR_TEMPERATURE_OUT_OF_RANGE },
    { 25, 95.1, 1, 50, VG_UTCI_RADIANT_OUT_OF_RANGE },
    { 25, -5.1, 1, 50, VG_UTCI_RADIANT_OUT_OF_RANGE },
    { 45, 45, 1, 100, VG_UTCI_HUMIDITY_OUT_OF_RANGE },  /* es(45 °C) ≈ 95.9 hPa > 50 */
    { NAN, 25, 1, 50, VG_UTCI_AIR_TEMPERATURE_OUT_OF_RANGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double e = cases[i].rh / 100.0 * vg_heat_index_saturation_vapour_pressure (cases[i].ta);
      double u = vg_heat_index_utci (cases[i].ta, cases[i].tmrt, cases[i].wind, cases[i].rh);

      g_assert_cmpint (vg_heat_index_utci_check (cases[i].ta, cases[i].tmrt, cases[i].wind, e), ==, cases[i].validity);
      g_assert_true ((cases[i].validity == VG_UTCI_VALID) == !isnan (u));
      g_assert_nonnull (vg_heat_index_utci_describe (cases[i].validity));
    }
  g_assert_true (isnan (vg_heat_index_utci (25, 25, 1, 101)));
  g_assert_true (isnan (vg_heat_index_utci (25, 25, 1, -1)));
}

/* Saturated air has its own temperature as dew point, and no dew point without water vapour. */
static void
test_dew_point (void)
{
  for (double t = -20; t <= 45; t += 5)
    g_assert_cmpfloat_with_epsilon (vg_heat_index_dew_point (t, 100.0), t, 1e-9);
  g_assert_true (isnan (vg_heat_index_dew_point (20.0, 0.0)));
  g_assert_cmpfloat (vg_heat_index_dew_point (30.0, 50.0), <, 30.0);
}

/* The batch loop the grid runs gives the scalar functions' values (within rounding: the batch may
 * be compiled with fused multiply-adds), including NaN where UTCI is undefined. */
static void
test_batch_matches_scalar (void)
{
  enum { N = 1000 };
  g_autofree double *ta = g_new (double, N), *e = g_new (double, N), *wind = g_new (double, N);
  g_autofree double *hi = g_new (double, N), *hx = g_new (double, N), *at = g_new (double, N), *u = g_new (double, N);
  guint n_nan = 0;

  for (guint i = 0; i < N; i++)
    {
      ta[i] = 10.0 + 35.0 * (i % 97) / 96.0;
      e[i] = (0.05 + 0.9 * (i % 89) / 88.0) * vg_heat_index_saturation_vapour_pressure (ta[i]);
      wind[i] = 0.2 + 6.0 * (i % 13) / 12.0;
    }
  vg_heat_index_compute_batch (N, ta, e, wind, hi, hx, at, u);
  for (guint i = 0; i < N; i++)
    {
      double rh = 100.0 * e[i] / vg_heat_index_saturation_vapour_pressure (ta[i]);
      double su = vg_heat_index_utci_from_vapour_pressure (ta[i], ta[i], wind[i], e[i]);

      g_assert_cmpfloat_with_epsilon (hi[i], vg_heat_index_nws (ta[i], rh), 1e-9);
      g_assert_cmpfloat_with_epsilon (hx[i], vg_heat_index_humidex_from_vapour_pressure (ta[i], e[i]), 1e-9);
      g_assert_cmpfloat_with_epsilon (at[i], vg_heat_index_apparent_from_vapour_pressure (ta[i], e[i], wind[i]), 1e-9);
      g_assert_true (isnan (u[i]) == isnan (su));
      if (isnan (su))
        n_nan++;
      else
        g_assert_cmpfloat_with_epsilon (u[i], su, 1e-9);
    }
  g_assert_cmpuint (n_nan, >, 0);
  g_assert_cmpuint (n_nan, <, N);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/heat/index/nws-chart", test_nws_chart);
  g_test_add_func ("/vigie/heat/index/pythermalcomfort-heat-index", test_pythermalcomfort_heat_index);
  g_test_add_func ("/vigie/heat/index/pythermalcomfort-humidex", test_pythermalcomfort_humidex);
  g_test_add_func ("/vigie/heat/index/pythermalcomfort-apparent", test_pythermalcomfort_apparent);
  g_test_add_func ("/vigie/heat/index/thermofeel-utci", test_thermofeel_utci);
  g_test_add_func ("/vigie/heat/index/thermofeel-apparent", test_thermofeel_apparent);
  g_test_add_func ("/vigie/heat/index/thermofeel-humidex", test_thermofeel_humidex);
  g_test_add_func ("/vigie/heat/index/thermofeel-rothfusz", test_thermofeel_rothfusz);
  g_test_add_func ("/vigie/heat/index/utci-ranges", test_utci_ranges);
  g_test_add_func ("/vigie/heat/index/dew-point", test_dew_point);
  g_test_add_func ("/vigie/heat/index/batch-matches-scalar", test_batch_matches_scalar);

  return g_test_run ();
}
