/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "vg-test-util.h"

#define FAHRENHEIT(c) ((c) * 9.0 / 5.0 + 32.0)
#define CELSIUS(f)    (((f) - 32.0) * 5.0 / 9.0)

/* Runs `vigie-cli heat ARGS…` (@args NULL-terminated); returns the exit status. */
static int
run_heat (char              **out,
          char              **err,
          const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) g_getenv ("VIGIE_CLI"));
  g_ptr_array_add (argv, (gpointer) "heat");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  return vg_test_run ((const char * const *) argv->pdata, out, err);
}

#define ARGS(...) ((const char * const []) { __VA_ARGS__, NULL })

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* One line on stderr, starting with "vigie-cli: ". */
static void
assert_one_line_error (const char *err)
{
  g_assert_true (g_str_has_prefix (err, "vigie-cli: "));
  g_assert_nonnull (strchr (err, '\n'));
  g_assert_cmpstr (strchr (err, '\n') + 1, ==, "");
}

/* The NWS chart points, through the command line (JSON). */
static void
test_index_chart (void)
{
  const struct { double t_f, rh, hi_f; } chart[] = { { 90, 50, 95 }, { 96, 65, 121 } };

  for (guint i = 0; i < G_N_ELEMENTS (chart); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      g_autofree char *temp = g_strdup_printf ("%.6f", CELSIUS (chart[i].t_f));
      g_autofree char *rh = g_strdup_printf ("%.0f", chart[i].rh);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *root, *inputs;

      g_assert_cmpint (run_heat (&out, &err, ARGS ("index", "--temp", temp, "--rh", rh, "--json")), ==, 0);
      root = parse_object (parser, out);
      inputs = json_object_get_object_member (root, "inputs");
      g_assert_cmpfloat_with_epsilon (FAHRENHEIT (json_object_get_double_member (json_object_get_object_member (root, "heat_index"), "value")),
                                      chart[i].hi_f, 1.0);
      /* The defaults are stated: MRT = air temperature, calm wind. */
      g_assert_true (json_object_get_boolean_member (inputs, "mrt_default"));
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (inputs, "mrt"), json_object_get_double_member (inputs, "temperature"), 1e-9);
      g_assert_nonnull (json_object_get_string_member (inputs, "mrt_note"));
      g_assert_true (json_object_get_boolean_member (inputs, "wind_default"));
      g_assert_true (json_object_get_boolean_member (root, "utci_valid"));
      g_assert_false (JSON_NODE_HOLDS_NULL (json_object_get_member (json_object_get_object_member (root, "utci"), "value")));
    }
}

/* The text output names the four indices and says the MRT default; a calm wind leaves UTCI
 * uncomputed with the reason, and the command still succeeds. */
static void
test_index_text (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  g_assert_cmpint (run_heat (&out, &err, ARGS ("index", "--temp", "30", "--rh", "50")), ==, 0);
  g_assert_nonnull (strstr (out, "Heat index"));
  g_assert_nonnull (strstr (out, "Humidex"));
  g_assert_nonnull (strstr (out, "Apparent temperature"));
  g_assert_nonnull (strstr (out, "UTCI"));
  g_assert_nonnull (strstr (out, "default: the air temperature"));

  g_assert_cmpint (run_heat (&out2, &err2, ARGS ("index", "--temp", "30", "--rh", "50", "--wind", "0.2", "--mrt", "40", "--json")), ==, 0);
  root = parse_object (parser, out2);
  g_assert_false (json_object_get_boolean_member (root, "utci_valid"));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (json_object_get_object_member (root, "utci"), "value")));
  g_assert_nonnull (strstr (json_object_get_string_member (root, "utci_note"), "wind"));
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (root, "inputs"), "mrt_default"));
}

/* Usage errors exit 2, bad values 1, each with one line on stderr. */
static void
test_index_errors (void)
{
  const struct {
    int status;
    const char *args[9];   /* NULL-terminated by the initializer */
  } cases[] = {
    { 2, { "index", "--rh", "50", NULL } },
    { 2, { "index", "--temp", "abc", "--rh", "50", NULL } },
    { 2, { "index", "--temp", "30", "--rh", "50", "extra" } },
    { 1, { "index", "--temp", "30", "--rh", "150", NULL } },
    { 1, { "index", "--temp", "90", "--rh", "50", NULL } },
    { 1, { "index", "--temp", "30", "--rh", "50", "--wind", "-1" } },
    { 2, { "bogus", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      const char * const *a = cases[i].args;

      g_assert_cmpint (run_heat (&out, &err, a), ==, cases[i].status);
      assert_one_line_error (err);
      g_assert_cmpstr (out, ==, "");
    }
  {
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_heat (&out, &err, (const char * const []) { NULL }), ==, 2);
    g_assert_nonnull (strstr (err, "index"));
    g_assert_nonnull (strstr (err, "risk"));
  }
}

static JsonObject *
find_by (JsonArray  *array,
         const char *member,
         const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (o, member), value) == 0)
        return o;
    }
  g_assert_not_reached ();
}

/* The June 2019 replay, as JSON: labelled as Vigie's own index, the IBM window of each day, the
 * criterion met on 27 June only, the centre at level 3 or more on 27–28 June, vulnerable sites
 * and the shelters listed. */
static void
test_risk_replay_json (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *replay = vg_test_data_path ("heat/replay-2019-06-montpellier.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *vigilance, *comedie, *forecast;
  JsonArray *days, *exposed;

  g_assert_cmpint (run_heat (&out, &err, ARGS ("risk", "--forecast", replay, "--json")), ==, 0);
  root = parse_object (parser, out);
  g_assert_cmpstr (json_object_get_string_member (root, "index"), ==, "vigie-heatrisk-v1");
  g_assert_false (json_object_get_boolean_member (root, "official"));
  forecast = json_object_get_object_member (root, "forecast");
  g_assert_cmpint (json_object_get_int_member (forecast, "hours"), ==, 168);
  g_assert_cmpstr (json_object_get_string_member (forecast, "timezone"), ==, "Europe/Paris");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (forecast, "provenance"), "RECONSTRUCTED"));

  vigilance = json_object_get_object_member (root, "vigilance");
  g_assert_false (json_object_get_boolean_member (vigilance, "official"));
  days = json_object_get_array_member (vigilance, "days");
  g_assert_cmpuint (json_array_get_length (days), ==, 7);
  for (guint d = 0; d < 7; d++)
    {
      JsonObject *day = json_array_get_object_element (days, d);
      JsonObject *window = json_object_get_object_member (day, "window");
      g_autofree char *date = g_strdup_printf ("2019-06-%02u", 24 + d);
      g_autofree char *last = g_strdup_printf ("2019-06-%02u", 26 + d);

      if (26 + d > 30)
        {
          g_free (last);
          last = g_strdup_printf ("2019-07-%02u", 26 + d - 30);
        }
      g_assert_cmpstr (json_object_get_string_member (day, "date"), ==, date);
      g_assert_cmpstr (json_object_get_string_member (window, "first"), ==, date);
      g_assert_cmpstr (json_object_get_string_member (window, "last"), ==, last);
      g_assert_cmpint (json_object_get_boolean_member (day, "heatwave_criterion"), ==, d == 3);
    }
  /* IBMx of 28 June needs Tx of 30 June, beyond the replay. */
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (json_array_get_object_element (days, 4), "ibmx")));

  comedie = find_by (json_object_get_array_member (root, "districts"), "id", "34172-MCC");
  g_assert_cmpstr (json_object_get_string_member (comedie, "name"), ==, "Comédie");
  for (guint d = 3; d <= 4; d++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_object_get_array_member (comedie, "days"), d), "level"), >=, 3);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (find_by (json_object_get_array_member (root, "districts"), "id", "34057"),
                                                               "built_density")));

  exposed = json_object_get_array_member (root, "exposed_sites");
  g_assert_cmpuint (json_array_get_length (exposed), >, 0);
  for (guint i = 0; i < json_array_get_length (exposed); i++)
    {
      JsonObject *site = json_array_get_object_element (exposed, i);
      const char *category = json_object_get_string_member (site, "category");

      g_assert_true (g_str_equal (category, "care_home") || g_str_equal (category, "creche") ||
                     g_str_equal (category, "school") || g_str_equal (category, "hospital"));
      g_assert_cmpint (json_object_get_int_member (site, "peak_level"), >=, 2);
    }
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "resources")), ==, 5);
}

static void
test_risk_replay_text (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *replay = vg_test_data_path ("heat/replay-2019-06-montpellier.json");

  g_assert_cmpint (run_heat (&out, &err, ARGS ("risk", "--forecast", replay)), ==, 0);
  g_assert_nonnull (strstr (out, "vigie-heatrisk-v1"));
  g_assert_nonnull (strstr (out, "NOT an official warning"));
  g_assert_nonnull (strstr (out, "IBM(D) = mean over D, D+1, D+2"));
  g_assert_nonnull (strstr (out, "2019-06-27 → 2019-06-29  MET"));
  g_assert_nonnull (strstr (out, "Comédie"));
}

/* Unreadable, malformed or inconsistent forecasts exit 1 with a one-line error naming the file
 * and what is wrong; a missing --forecast is a usage error. */
static void
test_risk_errors (void)
{
  const struct {
    const char *content;
    const char *expected;
  } bad[] = {
    /* Each error names the file and where in it the problem is. */
    { "{ not json", "line 1, column 3" },
    { "[1, 2]", "$[0]: expected an object" },
    { "{\"timezone\": \"Europe/Paris\"}", "$.latitude: missing" },
    { "{\"latitude\": 43.6, \"longitude\": 3.9, \"timezone\": \"Europe/Paris\", \"hourly\": {\"temperature_2m\": [1]}}", "$.hourly_units: missing" },
    { "{\"latitude\": 43.6, \"longitude\": 3.9, \"hourly_units\": {\"temperature_2m\": \"°C\"}, \"timezone\": \"Europe/Paris\", \"hourly\": [1, 2]}", "$.hourly: expected an object" },
    { "{\"latitude\": 43.6, \"longitude\": 3.9, \"hourly_units\": {\"temperature_2m\": \"°C\"}, \"timezone\": 5, \"hourly\": {\"time\": [], \"temperature_2m\": []}}", "$.timezone: expected a string" },
    { "{\"latitude\": 43.6, \"longitude\": 3.9, \"hourly_units\": {\"temperature_2m\": \"°C\"}, \"timezone\": \"Europe/Paris\","
      " \"hourly\": {\"time\": [\"2019-06-24T00:00\"], \"temperature_2m\": [\"hot\"]}}", "$.hourly.temperature_2m[0]" },
    { "{\"latitude\": 43.6, \"longitude\": 3.9, \"hourly_units\": {\"temperature_2m\": \"°C\"}, \"timezone\": \"Mars/Olympus\", \"hourly\": {\"time\": [], \"temperature_2m\": []}}", "Mars/Olympus" },
    { "{\"latitude\": 43.6, \"longitude\": 3.9, \"hourly_units\": {\"temperature_2m\": \"°C\"}, \"timezone\": \"Europe/Paris\","
      " \"hourly\": {\"time\": [\"2019-06-24T00:00\", \"2019-06-24T01:00\"], \"temperature_2m\": [20.0]}}", "1 values for 2 time steps" },
    { "{\"latitude\": 43.6, \"longitude\": 3.9, \"hourly_units\": {\"temperature_2m\": \"furlong\"}, \"timezone\": \"Europe/Paris\","
      " \"hourly\": {\"time\": [\"2019-06-24T00:00\"], \"temperature_2m\": [293.0]}}", "unknown unit “furlong”" },
    { "{\"latitude\": 43.6, \"longitude\": 3.9, \"hourly_units\": {\"temperature_2m\": \"°C\"}, \"timezone\": \"Europe/Paris\","
      " \"hourly\": {\"time\": [\"2019-06-24T01:00\", \"2019-06-24T00:00\"], \"temperature_2m\": [20.0, 21.0]}}", "$.hourly.time[1]: times do not increase" },
    { "{\"latitude\": 43.6, \"longitude\": 3.9, \"hourly_units\": {\"temperature_2m\": \"°C\"}, \"timezone\": \"Europe/Paris\","
      " \"hourly\": {\"time\": [\"yesterday\"], \"temperature_2m\": [20.0]}}", "$.hourly.time[0]: “yesterday”" },
  };
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "bad.json", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      g_autoptr(GError) error = NULL;

      g_file_set_contents (path, bad[i].content, -1, &error);
      g_assert_no_error (error);
      g_assert_cmpint (run_heat (&out, &err, ARGS ("risk", "--forecast", path)), ==, 1);
      assert_one_line_error (err);
      g_assert_nonnull (strstr (err, "bad.json"));
      if (strstr (err, bad[i].expected) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, err, bad[i].expected);
    }
  {
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_heat (&out, &err, ARGS ("risk", "--forecast", "/nonexistent/forecast.json")), ==, 1);
    assert_one_line_error (err);
    g_assert_nonnull (strstr (err, "/nonexistent/forecast.json"));
  }
  {
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_heat (&out, &err, ARGS ("risk", "--json")), ==, 2);
    assert_one_line_error (err);
  }
  vg_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/cli/heat/index-chart", test_index_chart);
  g_test_add_func ("/vigie/cli/heat/index-text", test_index_text);
  g_test_add_func ("/vigie/cli/heat/index-errors", test_index_errors);
  g_test_add_func ("/vigie/cli/heat/risk-replay-json", test_risk_replay_json);
  g_test_add_func ("/vigie/cli/heat/risk-replay-text", test_risk_replay_text);
  g_test_add_func ("/vigie/cli/heat/risk-errors", test_risk_errors);

  return g_test_run ();
}
