/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "vg-situation.h"
#include "vg-test-util.h"

/* `vigie-cli incident add`, run as a user runs it: exit codes, one-line errors on stderr, --json
 * output read back, and the incident in the situation picture when the journal is opened. */

/* vigie-cli incident …, as a user runs it. */
#define cli(...) vg_test_cli ("incident", __VA_ARGS__)
#define assert_one_line_error vg_test_cli_assert_one_line_error


static char *
new_journal (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_utc (2014, 9, 29, 14, 0, 0);
  g_autoptr(VgClock) clock = vg_clock_new_manual (start);
  char *path = g_build_filename (dir, "drill.vigie-journal", NULL);
  VgSituation *situation = vg_situation_open_or_create (path, clock, "Drill", TRUE, &error);

  g_assert_no_error (error);
  g_assert_finalize_object (situation);
  return path;
}

/* Recorded, signed, printed as JSON, and in the picture of the situation opened afterwards. */
static void
test_add (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = new_journal (dir);
  g_auto(VgCliRun) run = cli ("add", "--journal", path, "--operator", "Exercise controller", "--title", "Tree down",
                         "--lat", "43.6108", "--lon", "3.8767", "--severity", "moderate", "--type", "obstruction",
                         "--description", "Avenue de Lodève blocked", "--json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_utc (2014, 9, 29, 14, 0, 0);
  g_autoptr(VgClock) clock = vg_clock_new_manual (start);
  g_autoptr(VgSituation) situation = NULL;
  g_autoptr(VgIncident) incident = NULL;
  JsonObject *object;
  GListModel *incidents;

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  node = json_from_string (run.out, &error);
  g_assert_no_error (error);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "severity"), ==, "moderate");
  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "obstruction");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "incident"), "operator-"));
  g_assert_cmpint (json_object_get_int_member (object, "seq"), >, 1);

  situation = vg_situation_open_or_create (path, clock, "Drill", TRUE, &error);
  g_assert_no_error (error);
  incidents = vg_picture_get_incidents (vg_situation_get_picture (situation));
  g_assert_cmpuint (g_list_model_get_n_items (incidents), ==, 1);
  incident = g_list_model_get_item (incidents, 0);
  g_assert_cmpstr (vg_incident_get_source_id (incident), ==, json_object_get_string_member (object, "incident"));
  g_assert_cmpstr (vg_incident_get_title (incident), ==, "Tree down");
  g_assert_cmpstr (vg_incident_get_authority (incident), ==, "Exercise controller");
  g_assert_cmpstr (vg_incident_get_description (incident), ==, "Avenue de Lodève blocked");
  g_assert_cmpint (vg_incident_get_kind (incident), ==, VG_INCIDENT_OBSTRUCTION);
  g_assert_cmpint (vg_incident_get_severity (incident), ==, VG_SEVERITY_MODERATE);
  vg_test_rmtree (dir);
}

/* Bad input: one line on stderr naming the culprit, nothing recorded. */
static void
test_bad_input (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = new_journal (dir);
  g_autofree char *missing = g_build_filename (dir, "typo.vigie-journal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_utc (2014, 9, 29, 14, 0, 0);
  g_autoptr(VgClock) clock = vg_clock_new_manual (start);
  g_autoptr(VgSituation) situation = NULL;

  {
    g_auto(VgCliRun) run = cli ("add", "--journal", path, "--operator", "A", "--title", "T", "--lat", "north", "--lon", "3.8", NULL);
    assert_one_line_error (&run, 2, "north");
  }
  {
    g_auto(VgCliRun) run = cli ("add", "--journal", path, "--operator", "A", "--title", "T", "--lat", "43.6", NULL);
    assert_one_line_error (&run, 2, "--lon");
  }
  {
    g_auto(VgCliRun) run = cli ("add", "--journal", path, "--operator", "A", "--title", "T", "--lat", "93.6", "--lon", "3.8", NULL);
    assert_one_line_error (&run, 1, "93.6");
  }
  {
    g_auto(VgCliRun) run = cli ("add", "--journal", path, "--operator", "A", "--title", " ", "--lat", "43.6", "--lon", "3.8", NULL);
    assert_one_line_error (&run, 1, "title");
  }
  {
    g_auto(VgCliRun) run = cli ("add", "--journal", path, "--operator", "A", "--title", "T", "--lat", "43.6", "--lon", "3.8",
                           "--severity", "apocalyptic", NULL);
    assert_one_line_error (&run, 2, "apocalyptic");
  }
  {
    g_auto(VgCliRun) run = cli ("add", "--journal", missing, "--operator", "A", "--title", "T", "--lat", "43.6", "--lon", "3.8", NULL);
    assert_one_line_error (&run, 1, "typo.vigie-journal");
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(VgCliRun) run = cli ("remove", NULL);
    assert_one_line_error (&run, 2, "remove");
  }
  situation = vg_situation_open_or_create (path, clock, "Drill", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (vg_picture_get_incidents (vg_situation_get_picture (situation))), ==, 0);
  vg_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/cli/incident/add", test_add);
  g_test_add_func ("/vigie/cli/incident/bad-input", test_bad_input);

  return g_test_run ();
}
