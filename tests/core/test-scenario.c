/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "vg-clock.h"
#include "vg-error.h"
#include "vg-scenario.h"
#include "vg-test-util.h"

/* A small valid scenario: three payloads (two at the same time as an inject), a feed outage
 * and its recovery, an incident. Hostile cases below are this manifest with one thing wrong. */
static const char base_manifest[] =
  "{\"format\": \"vigie-scenario/1\", \"id\": \"test\","
  " \"title\": {\"fr\": \"Essai\", \"en\": \"Test\"}, \"description\": {\"fr\": \"d\", \"en\": \"d\"},"
  " \"start\": \"2014-09-29T00:00:00Z\", \"end\": \"2014-09-30T02:00:00+02:00\","
  " \"timezone\": \"Europe/Paris\", \"exercise\": true,"
  " \"feeds\": [{\"id\": \"gauges\", \"kind\": \"hubeau\", \"label\": {\"fr\": \"Jauges\", \"en\": \"Gauges\"}},"
  "            {\"id\": \"alerts\", \"kind\": \"cap\", \"label\": {\"fr\": \"Alertes\", \"en\": \"Alerts\"}}],"
  " \"payloads\": ["
  "  {\"time\": \"2014-09-29T12:00:00Z\", \"feed\": \"gauges\", \"file\": \"payloads/a.json\","
  "   \"content_type\": \"application/json\", \"reconstructed\": true, \"reconstruction\": \"rebuilt\","
  "   \"sources\": [\"real\"], \"note\": {\"fr\": \"note\", \"en\": \"note\"}},"
  "  {\"time\": \"2014-09-29T13:00:00+02:00\", \"feed\": \"gauges\", \"file\": \"payloads/b.json\","
  "   \"content_type\": \"application/json\", \"reconstructed\": false, \"sources\": [\"real\"]},"
  "  {\"time\": \"2014-09-29T12:00:00Z\", \"feed\": \"alerts\", \"file\": \"payloads/c.xml\","
  "   \"content_type\": \"application/cap+xml\", \"reconstructed\": true, \"reconstruction\": \"rebuilt\","
  "   \"sources\": [\"real\", \"exercise\"]}],"
  " \"injects\": ["
  "  {\"id\": \"INJ-01\", \"time\": \"2014-09-29T12:00:00Z\", \"type\": \"feed-failure\", \"feed\": \"gauges\","
  "   \"text\": {\"fr\": \"Panne\", \"en\": \"Outage\"}, \"reconstructed\": true, \"reconstruction\": \"rebuilt\","
  "   \"sources\": [\"exercise\"]},"
  "  {\"id\": \"INJ-02\", \"time\": \"2014-09-29T13:00:00Z\", \"type\": \"incident\", \"file\": \"injects/i.geojson\","
  "   \"content_type\": \"application/geo+json\", \"text\": {\"fr\": \"Incident\", \"en\": \"Incident\"},"
  "   \"controller_notes\": {\"fr\": \"notes\", \"en\": \"notes\"}, \"reconstructed\": true,"
  "   \"reconstruction\": \"rebuilt\", \"sources\": [\"exercise\"]},"
  "  {\"id\": \"INJ-03\", \"time\": \"2014-09-29T14:00:00Z\", \"type\": \"feed-recovery\", \"feed\": \"gauges\","
  "   \"text\": {\"fr\": \"Retour\", \"en\": \"Back\"}, \"reconstructed\": true, \"reconstruction\": \"rebuilt\","
  "   \"sources\": [\"exercise\"]}],"
  " \"sources\": [{\"id\": \"real\", \"name\": \"Real\", \"origin\": \"o\", \"licence\": \"l\", \"real\": true},"
  "              {\"id\": \"exercise\", \"name\": \"Ex\", \"origin\": \"o\", \"licence\": \"EUPL-1.2\", \"real\": false,"
  "               \"url\": \"https://example.org\"}],"
  " \"reconstructed\": [{\"id\": \"rebuilt\", \"what\": {\"fr\": \"quoi\", \"en\": \"what\"},"
  "                      \"method\": {\"fr\": \"méthode\", \"en\": \"method\"}}]}";

typedef struct
{
  char *root;        /* temporary folder holding the scenario folder and an "outside" folder */
  char *dir;         /* the scenario folder */
  char *outside;     /* a folder next to it, with outside.json */
} Fixture;

static void
write_file (const char *dir,
            const char *rel,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, rel, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
write_manifest (Fixture  *f,
                JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  write_file (f->dir, "manifest.json", text);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->root = vg_test_mkdtemp ();
  f->dir = g_build_filename (f->root, "scenario", NULL);
  f->outside = g_build_filename (f->root, "outside", NULL);
  write_file (f->dir, "manifest.json", base_manifest);
  write_file (f->dir, "payloads/a.json", "{\"count\": 0, \"data\": []}");
  write_file (f->dir, "payloads/b.json", "{\"count\": 0, \"data\": []}");
  write_file (f->dir, "payloads/c.xml", "<alert/>");
  write_file (f->dir, "injects/i.geojson", "{\"type\": \"FeatureCollection\", \"features\": []}");
  write_file (f->outside, "outside.json", "{\"secret\": true}");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  vg_test_rmtree (f->root);
  g_free (f->root);
  g_free (f->dir);
  g_free (f->outside);
}

static char *
bundled (const char *id)
{
  return g_build_filename (g_getenv ("VIGIE_SCENARIOS_DIR"), id, NULL);
}

static gint64
usec (const char *iso)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (t);
  return vg_time_to_usec (t);
}

static JsonObject *
element (JsonObject *root,
         const char *array,
         guint       i)
{
  return json_array_get_object_element (json_object_get_array_member (root, array), i);
}

/* Every event in time order, flagged reconstructed with a method the manifest describes. */
static void
assert_events_in_order (VgScenario *scenario)
{
  gint64 previous = G_MININT64;

  for (guint i = 0; i < vg_scenario_get_n_events (scenario); i++)
    {
      VgScenarioEvent *event = vg_scenario_get_event (scenario, i);
      const char *reconstruction = vg_scenario_event_get_reconstruction (event);

      g_assert_cmpint (vg_scenario_event_get_time_usec (event), >=, previous);
      previous = vg_scenario_event_get_time_usec (event);
      g_assert_cmpint (previous, >=, vg_time_to_usec (vg_scenario_get_start (scenario)));
      g_assert_cmpint (previous, <=, vg_time_to_usec (vg_scenario_get_end (scenario)));
      g_assert_true (vg_scenario_event_is_reconstructed (event));
      g_assert_nonnull (reconstruction);
      g_assert_nonnull (vg_scenario_get_reconstruction_method (scenario, reconstruction, "fr"));
      g_assert_nonnull (vg_scenario_get_reconstruction_method (scenario, reconstruction, "en"));
      g_assert_nonnull (vg_scenario_event_get_sources (event)[0]);
      if (vg_scenario_event_get_kind (event) == VG_SCENARIO_EVENT_PAYLOAD)
        {
          g_assert_nonnull (vg_scenario_event_get_feed_id (event));
          g_assert_true (g_file_test (vg_scenario_event_get_path (event), G_FILE_TEST_IS_REGULAR));
        }
      else
        g_assert_nonnull (vg_scenario_event_get_text (event, "fr"));
    }
}

static void
test_bundled_lez (void)
{
  g_autofree char *dir = bundled ("lez-2014-09");
  g_autoptr(GError) error = NULL;
  g_autoptr(VgScenario) scenario = vg_scenario_load (dir, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  VgScenarioInjectType expected[] = {
    VG_SCENARIO_INJECT_NOTE, VG_SCENARIO_INJECT_FEED_FAILURE, VG_SCENARIO_INJECT_INCIDENT,
    VG_SCENARIO_INJECT_FEED_RECOVERY, VG_SCENARIO_INJECT_NOTE,
  };
  VgScenarioEvent *event;
  guint n_injects = 0, n_cap = 0, red;

  g_assert_no_error (error);
  g_assert_cmpstr (vg_scenario_get_id (scenario), ==, "lez-2014-09");
  g_assert_cmpstr (vg_scenario_get_title (scenario, "fr_FR.UTF-8"), ==, "Crues du Lez, 29 septembre et 6–7 octobre 2014");
  g_assert_cmpstr (vg_scenario_get_title (scenario, "C"), ==, "Lez floods, 29 September and 6–7 October 2014");
  g_assert_cmpstr (vg_scenario_get_timezone (scenario), ==, "Europe/Paris");
  g_assert_cmpint (vg_time_to_usec (vg_scenario_get_start (scenario)), ==, usec ("2014-09-28T00:00:00Z"));
  g_assert_cmpint (vg_time_to_usec (vg_scenario_get_end (scenario)), ==, usec ("2014-10-09T00:00:00Z"));

  g_assert_cmpuint (vg_scenario_get_n_feeds (scenario), ==, 2);
  g_assert_cmpstr (vg_scenario_get_feed_id (scenario, 0), ==, "hubeau-lez");
  g_assert_cmpint (vg_scenario_get_feed_kind (scenario, 0), ==, VG_SCENARIO_FEED_HUBEAU);
  g_assert_cmpint (vg_scenario_get_feed_kind (scenario, 1), ==, VG_SCENARIO_FEED_CAP);

  /* 30-minute polls over 11 days plus the end (529), minus the two during the outage; 13 CAP
   * messages; 5 injects. */
  g_assert_cmpuint (vg_scenario_count_events (scenario, VG_SCENARIO_EVENT_PAYLOAD), ==, 527 + 13);
  g_assert_cmpuint (vg_scenario_count_events (scenario, VG_SCENARIO_EVENT_INJECT), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (scenario)), ==, 545);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (scenario)) == VG_TYPE_SCENARIO_EVENT);
  assert_events_in_order (scenario);

  event = vg_scenario_get_event (scenario, 0);
  g_assert_cmpint (vg_scenario_event_get_time_usec (event), ==, usec ("2014-09-28T00:00:00Z"));
  g_assert_cmpstr (vg_scenario_event_get_feed_id (event), ==, "hubeau-lez");
  event = vg_scenario_get_event (scenario, 544);
  g_assert_cmpint (vg_scenario_event_get_time_usec (event), ==, usec ("2014-10-09T00:00:00Z"));

  for (guint i = 0; i < vg_scenario_get_n_events (scenario); i++)
    {
      event = vg_scenario_get_event (scenario, i);
      if (vg_scenario_event_get_kind (event) == VG_SCENARIO_EVENT_INJECT)
        {
          g_assert_cmpuint (n_injects, <, G_N_ELEMENTS (expected));
          g_assert_cmpint (vg_scenario_event_get_inject_type (event), ==, expected[n_injects++]);
        }
      else if (vg_scenario_event_get_feed_kind (event) == VG_SCENARIO_FEED_CAP)
        {
          n_cap++;
          g_assert_cmpstr (vg_scenario_event_get_content_type (event), ==, "application/cap+xml");
          g_assert_nonnull (vg_scenario_event_get_text (event, "en"));   /* attested or not */
        }
      /* No Hub'Eau answer is recorded while the feed is down. */
      if (vg_scenario_event_get_feed_kind (event) == VG_SCENARIO_FEED_HUBEAU &&
          vg_scenario_event_get_kind (event) == VG_SCENARIO_EVENT_PAYLOAD)
        g_assert_false (vg_scenario_event_get_time_usec (event) > usec ("2014-09-29T15:10:00Z") &&
                        vg_scenario_event_get_time_usec (event) < usec ("2014-09-29T16:10:00Z"));
    }
  g_assert_cmpuint (n_injects, ==, 5);
  g_assert_cmpuint (n_cap, ==, 13);

  /* Seeking to the red warning (16:10 local) finds its two messages, rain-flood and storms. */
  red = vg_scenario_find_event_at (scenario, usec ("2014-09-29T16:10:00+02:00"));
  event = vg_scenario_get_event (scenario, red);
  g_assert_cmpint (vg_scenario_event_get_feed_kind (event), ==, VG_SCENARIO_FEED_CAP);
  g_assert_nonnull (strstr (vg_scenario_event_get_file (event), "rouge"));
  bytes = vg_scenario_event_read (event, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "<value>4; red; Extreme</value>"));
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "<value>FR813</value>"));
  g_clear_pointer (&bytes, g_bytes_unref);

  /* The first Hub'Eau answer after the outage carries the readings since the last one. */
  event = vg_scenario_get_event (scenario, vg_scenario_find_event_at (scenario, usec ("2014-09-29T16:30:00Z")));
  g_assert_cmpstr (vg_scenario_event_get_feed_id (event), ==, "hubeau-lez");
  bytes = vg_scenario_event_read (event, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)), "count"),
                   ==, 6 * 3 * 2);   /* 15:15 … 16:30, three gauges, H and Q */
  g_assert_cmpint (vg_scenario_find_event_at (scenario, usec ("2030-01-01T00:00:00Z")), ==, 545);
}

static void
test_bundled_heatwave (void)
{
  g_autofree char *dir = bundled ("heatwave-2019-06");
  g_autoptr(GError) error = NULL;
  g_autoptr(VgScenario) scenario = vg_scenario_load (dir, &error);
  guint n_forecasts = 0;
  VgScenarioEvent *event;

  g_assert_no_error (error);
  g_assert_cmpstr (vg_scenario_get_id (scenario), ==, "heatwave-2019-06");
  g_assert_cmpstr (vg_scenario_get_title (scenario, "fr"), ==, "Canicule de juin 2019");
  g_assert_cmpint (vg_time_to_usec (vg_scenario_get_start (scenario)), ==, usec ("2019-06-24T00:00:00Z"));
  g_assert_cmpint (vg_time_to_usec (vg_scenario_get_end (scenario)), ==, usec ("2019-07-01T00:00:00Z"));
  g_assert_cmpint (vg_scenario_get_feed_kind (scenario, 0), ==, VG_SCENARIO_FEED_OPENMETEO);
  g_assert_cmpuint (vg_scenario_count_events (scenario, VG_SCENARIO_EVENT_PAYLOAD), ==, 7 + 6);
  g_assert_cmpuint (vg_scenario_count_events (scenario, VG_SCENARIO_EVENT_INJECT), ==, 3);
  g_assert_cmpuint (vg_scenario_get_n_events (scenario), ==, 16);
  assert_events_in_order (scenario);

  /* First: the yellow warning of 24 June 06:00 local; last: the yellow of 30 June 16:00. */
  event = vg_scenario_get_event (scenario, 0);
  g_assert_cmpint (vg_scenario_event_get_time_usec (event), ==, usec ("2019-06-24T04:00:00Z"));
  g_assert_cmpint (vg_scenario_event_get_feed_kind (event), ==, VG_SCENARIO_FEED_CAP);
  event = vg_scenario_get_event (scenario, 15);
  g_assert_cmpint (vg_scenario_event_get_time_usec (event), ==, usec ("2019-06-30T14:00:00Z"));

  for (guint i = 0; i < vg_scenario_get_n_events (scenario); i++)
    {
      event = vg_scenario_get_event (scenario, i);
      if (vg_scenario_event_get_feed_kind (event) == VG_SCENARIO_FEED_OPENMETEO &&
          vg_scenario_event_get_kind (event) == VG_SCENARIO_EVENT_PAYLOAD)
        {
          g_autoptr(GBytes) bytes = vg_scenario_event_read (event, &error);

          g_assert_no_error (error);
          g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "\"temperature_2m\""));
          g_assert_cmpstr (vg_scenario_event_get_reconstruction (event), ==, "hourly-weather");
          n_forecasts++;
        }
      if (vg_scenario_event_get_inject_type (event) == VG_SCENARIO_INJECT_INCIDENT)
        g_assert_nonnull (strstr (vg_scenario_event_get_text (event, "en"), "cooling room"));
    }
  g_assert_cmpuint (n_forecasts, ==, 7);
}

/* Time order with ties: manifest order, payloads before injects; accessors of each kind. */
static void
test_order_and_accessors (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgScenario) scenario = vg_scenario_load (f->dir, &error);
  g_autoptr(VgScenarioEvent) first = NULL;
  const char *order[] = { "payloads[1]", "payloads[0]", "payloads[2]", "injects[0]", "injects[1]", "injects[2]" };
  VgScenarioEvent *event;

  g_assert_no_error (error);
  g_assert_cmpuint (vg_scenario_get_n_events (scenario), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (vg_scenario_event_get_origin (vg_scenario_get_event (scenario, i)), ==, order[i]);

  /* payloads[1] is 13:00+02:00, i.e. 11:00Z, and the only real one. */
  first = g_list_model_get_item (G_LIST_MODEL (scenario), 0);
  g_assert_cmpint (vg_scenario_event_get_time_usec (first), ==, usec ("2014-09-29T11:00:00Z"));
  g_assert_cmpint (g_date_time_get_utc_offset (vg_scenario_event_get_time (first)), ==, 0);
  g_assert_false (vg_scenario_event_is_reconstructed (first));
  g_assert_null (vg_scenario_event_get_reconstruction (first));
  g_assert_null (vg_scenario_event_get_text (first, "fr"));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (scenario), 6));
  g_assert_cmpint (vg_time_to_usec (vg_scenario_get_end (scenario)), ==, usec ("2014-09-30T00:00:00Z"));

  event = vg_scenario_get_event (scenario, 1);
  g_assert_cmpstr (vg_scenario_event_get_text (event, "fr"), ==, "note");
  g_assert_cmpstr (vg_scenario_event_get_file (event), ==, "payloads/a.json");
  g_assert_true (g_str_has_prefix (vg_scenario_event_get_path (event), vg_scenario_get_dir (scenario)));
  event = vg_scenario_get_event (scenario, 2);
  g_assert_cmpstr (vg_scenario_event_get_sources (event)[1], ==, "exercise");
  g_assert_null (vg_scenario_event_get_sources (event)[2]);

  event = vg_scenario_get_event (scenario, 3);
  g_assert_cmpint (vg_scenario_event_get_kind (event), ==, VG_SCENARIO_EVENT_INJECT);
  g_assert_cmpstr (vg_scenario_event_get_inject_id (event), ==, "INJ-01");
  g_assert_cmpint (vg_scenario_event_get_inject_type (event), ==, VG_SCENARIO_INJECT_FEED_FAILURE);
  g_assert_cmpstr (vg_scenario_event_get_feed_id (event), ==, "gauges");
  g_assert_null (vg_scenario_event_get_file (event));
  g_assert_null (vg_scenario_event_read (event, &error));
  g_assert_error (error, VG_SCENARIO_ERROR, VG_SCENARIO_ERROR_FILE);
  g_clear_error (&error);
  g_assert_null (vg_scenario_event_get_controller_notes (event, "fr"));

  event = vg_scenario_get_event (scenario, 4);
  g_assert_cmpstr (vg_scenario_event_get_text (event, "en"), ==, "Incident");
  g_assert_cmpstr (vg_scenario_event_get_controller_notes (event, "fr"), ==, "notes");
  g_assert_cmpstr (vg_scenario_event_get_content_type (event), ==, "application/geo+json");
  g_assert_null (vg_scenario_event_get_feed_id (event));

  /* Seeking: the first of the three 12:00 events; past the end: the number of events. */
  g_assert_cmpuint (vg_scenario_find_event_at (scenario, usec ("2014-09-29T12:00:00Z")), ==, 1);
  g_assert_cmpuint (vg_scenario_find_event_at (scenario, usec ("2014-09-29T12:00:00.000001Z")), ==, 4);
  g_assert_cmpuint (vg_scenario_find_event_at (scenario, G_MININT64), ==, 0);
  g_assert_cmpuint (vg_scenario_find_event_at (scenario, G_MAXINT64), ==, 6);
  g_assert_cmpstr (vg_scenario_get_feed_label (scenario, 1, "fr"), ==, "Alertes");
  g_assert_cmpstr (vg_scenario_get_description (scenario, "en"), ==, "d");
  g_assert_null (vg_scenario_get_reconstruction_method (scenario, "nope", "fr"));
  g_assert_cmpstr (vg_scenario_get_reconstruction_method (scenario, "rebuilt", "fr"), ==, "méthode");
  g_assert_cmpstr (json_object_get_string_member (vg_scenario_get_manifest (scenario), "id"), ==, "test");
}

/* A CAP inject may arrive through the scenario's CAP feed. */
static void
test_cap_inject (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) root = parse (base_manifest);
  g_autoptr(GError) error = NULL;
  g_autoptr(VgScenario) scenario = NULL;
  JsonObject *inject = element (json_node_get_object (root), "injects", 1);
  VgScenarioEvent *event;

  json_object_set_string_member (inject, "type", "cap");
  json_object_set_string_member (inject, "feed", "alerts");
  json_object_set_string_member (inject, "file", "payloads/c.xml");
  json_object_set_string_member (inject, "content_type", "application/cap+xml");
  write_manifest (f, root);

  scenario = vg_scenario_load (f->dir, &error);
  g_assert_no_error (error);
  event = vg_scenario_get_event (scenario, 4);
  g_assert_cmpint (vg_scenario_event_get_inject_type (event), ==, VG_SCENARIO_INJECT_CAP);
  g_assert_cmpstr (vg_scenario_event_get_feed_id (event), ==, "alerts");
  g_assert_cmpint (vg_scenario_event_get_feed_kind (event), ==, VG_SCENARIO_FEED_CAP);
}

/* A symbolic link that stays inside the folder is fine. */
static void
test_symlink_inside (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *link = g_build_filename (f->dir, "payloads", "alias.json", NULL);
  g_autoptr(JsonNode) root = parse (base_manifest);
  g_autoptr(GError) error = NULL;
  g_autoptr(VgScenario) scenario = NULL;
  JsonObject *payload;

  g_assert_cmpint (symlink ("a.json", link), ==, 0);
  payload = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "payloads"), 0);
  json_object_set_string_member (payload, "file", "payloads/alias.json");
  write_manifest (f, root);

  scenario = vg_scenario_load (f->dir, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (vg_scenario_event_get_path (vg_scenario_get_event (scenario, 1)), "/payloads/a.json"));
}

/* A file checked at load time but grown past the limit, or swapped for a link, before it is
 * read is refused when read. */
static void
test_read_rechecks (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "payloads", "a.json", NULL);
  g_autofree char *outside = g_build_filename (f->outside, "outside.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VgScenario) scenario = vg_scenario_load (f->dir, &error);
  g_autoptr(GBytes) bytes = NULL;
  VgScenarioEvent *event;

  g_assert_no_error (error);
  event = vg_scenario_get_event (scenario, 1);
  bytes = vg_scenario_event_read (event, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "{\"count\": 0, \"data\": []}", 24);

  g_assert_cmpint (truncate (path, VG_SCENARIO_MAX_FILE_SIZE + 1), ==, 0);
  g_assert_null (vg_scenario_event_read (event, &error));
  g_assert_error (error, VG_SCENARIO_ERROR, VG_SCENARIO_ERROR_FILE);
  g_assert_nonnull (strstr (error->message, "payloads/a.json"));
  g_assert_nonnull (strstr (error->message, "limit"));
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (symlink (outside, path), ==, 0);
  g_assert_null (vg_scenario_event_read (event, &error));
  g_assert_error (error, VG_SCENARIO_ERROR, VG_SCENARIO_ERROR_FILE);
}

/* --- hostile manifests: each is the base with one thing wrong ------------------------------ */

typedef void (*Mutate) (Fixture *f, JsonObject *root);

static void
missing_title (Fixture *f, JsonObject *root)
{
  json_object_remove_member (root, "title");
}

static void
missing_format (Fixture *f, JsonObject *root)
{
  json_object_remove_member (root, "format");
}

static void
unknown_format (Fixture *f, JsonObject *root)
{
  json_object_set_string_member (root, "format", "vigie-scenario/2");
}

static void
time_is_number (Fixture *f, JsonObject *root)
{
  json_object_set_int_member (element (root, "payloads", 0), "time", 1411992000);
}

static void
time_not_iso (Fixture *f, JsonObject *root)
{
  json_object_set_string_member (element (root, "payloads", 2), "time", "2014-09-29 14:00");
}

static void
time_without_offset (Fixture *f, JsonObject *root)
{
  json_object_set_string_member (element (root, "injects", 1), "time", "2014-09-29T14:00:00");
}

static void
time_outside_span (Fixture *f, JsonObject *root)
{
  json_object_set_string_member (element (root, "payloads", 1), "time", "2014-10-01T00:00:00Z");
}

static void
end_before_start (Fixture *f, JsonObject *root)
{
  json_object_set_string_member (root, "end", "2014-09-28T00:00:00Z");
}

static void
title_wrong_type (Fixture *f, JsonObject *root)
{
  json_object_set_string_member (root, "title", "Essai");
}

static void
label_missing_english (Fixture *f, JsonObject *root)
{
  json_object_remove_member (json_object_get_object_member (element (root, "feeds", 1), "label"), "en");
}

static void
unknown_member (Fixture *f, JsonObject *root)
{
  json_object_set_string_member (element (root, "payloads", 0), "contnet_type", "application/json");
}

static void
path_dotdot (Fixture *f, JsonObject *root)
{
  json_object_set_string_member (element (root, "payloads", 0), "file", "../outside/outside.json");
}

static void
path_dotdot_inside (Fixture *f, JsonObject *root)
{
  json_object_set_string_member (element (root, "payloads", 0), "file", "payloads/../payloads/a.json");
}

static void
path_absolute (Fixture *f, JsonObject *root)
{
  g_autofree char *path = g_build_filename (f->outside, "outside.json", NULL);

  json_object_set_string_member (element (root, "injects", 1), "file", path);
}

static void
path_empty_component (Fixture *f, JsonObject *root)
{
  json_object_set_string_member (element (root, "payloads", 0), "file", "payloads//a.json");
}

static void
symlink_file_outside (Fixture *f, JsonObject *root)
{
  g_autofree char *target = g_build_filename (f->outside, "outside.json", NULL);
  g_autofree char *link = g_build_filename (f->dir, "payloads", "link.json", NULL);

  g_assert_cmpint (symlink (target, link), ==, 0);
  json_object_set_string_member (element (root, "payloads", 0), "file", "payloads/link.json");
}

static void
symlink_dir_outside (Fixture *f, JsonObject *root)
{
  g_autofree char *link = g_build_filename (f->dir, "payloads", "sub", NULL);

  g_assert_cmpint (symlink ("../../outside", link), ==, 0);
  json_object_set_string_member (element (root, "payloads", 0), "file", "payloads/sub/outside.json");
}

static void
missing_file (Fixture *f, JsonObject *root)
{
  json_object_set_string_member (element (root, "payloads", 0), "file", "payloads/nope.json");
}

static void
not_regular_file (Fixture *f, JsonObject *root)
{
  json_object_set_string_member (element (root, "payloads", 0), "file", "payloads");
}

static void
oversize_file (Fixture *f, JsonObject *root)
{
  g_autofree char *path = g_build_filename (f->dir, "payloads", "a.json", NULL);

  g_assert_cmpint (truncate (path, VG_SCENARIO_MAX_FILE_SIZE + 1), ==, 0);
}

static void
duplicate_feed (Fixture *f, JsonObject *root)
{
  json_object_set_string_member (element (root, "feeds", 1), "id", "gauges");
}

static void
duplicate_inject (Fixture *f, JsonObject *root)
{
  json_object_set_string_member (element (root, "injects", 2), "id", "INJ-01");
}

static void
unknown_feed (Fixture *f, JsonObject *root)
{
  json_object_set_string_member (element (root, "payloads", 1), "feed", "rivers");
}

static void
unknown_feed_kind (Fixture *f, JsonObject *root)
{
  json_object_set_string_member (element (root, "feeds", 0), "kind", "vigicrues");
}

static void
wrong_content_type (Fixture *f, JsonObject *root)
{
  json_object_set_string_member (element (root, "payloads", 2), "content_type", "application/json");
}

static void
reconstruction_missing (Fixture *f, JsonObject *root)
{
  json_object_remove_member (element (root, "payloads", 0), "reconstruction");
}

static void
unknown_reconstruction (Fixture *f, JsonObject *root)
{
  json_object_set_string_member (element (root, "injects", 0), "reconstruction", "guessed");
}

static void
unknown_source (Fixture *f, JsonObject *root)
{
  JsonArray *sources = json_object_get_array_member (element (root, "payloads", 2), "sources");

  json_array_remove_element (sources, 1);
  json_array_add_string_element (sources, "rumour");
}

static void
not_an_exercise (Fixture *f, JsonObject *root)
{
  json_object_set_boolean_member (root, "exercise", FALSE);
}

static void
unknown_timezone (Fixture *f, JsonObject *root)
{
  json_object_set_string_member (root, "timezone", "Europe/Atlantis");
}

static void
unknown_inject_type (Fixture *f, JsonObject *root)
{
  json_object_set_string_member (element (root, "injects", 0), "type", "earthquake");
}

static void
failure_without_feed (Fixture *f, JsonObject *root)
{
  json_object_remove_member (element (root, "injects", 0), "feed");
}

static void
incident_without_file (Fixture *f, JsonObject *root)
{
  json_object_remove_member (element (root, "injects", 1), "file");
}

static void
note_with_file (Fixture *f, JsonObject *root)
{
  json_object_set_string_member (element (root, "injects", 1), "type", "note");
}

static void
recovery_without_failure (Fixture *f, JsonObject *root)
{
  json_object_set_string_member (element (root, "injects", 0), "type", "note");
  json_object_remove_member (element (root, "injects", 0), "feed");
}

static void
cap_inject_wrong_feed (Fixture *f, JsonObject *root)
{
  JsonObject *inject = element (root, "injects", 1);

  json_object_set_string_member (inject, "type", "cap");
  json_object_set_string_member (inject, "feed", "gauges");
  json_object_set_string_member (inject, "content_type", "application/cap+xml");
}

static void
bad_id (Fixture *f, JsonObject *root)
{
  json_object_set_string_member (root, "id", "-lez 2014");
}

static void
payload_not_object (Fixture *f, JsonObject *root)
{
  json_array_add_string_element (json_object_get_array_member (root, "payloads"), "payloads/a.json");
}

static void
no_feeds (Fixture *f, JsonObject *root)
{
  json_object_set_array_member (root, "feeds", json_array_new ());
}

static const struct {
  const char      *name;
  Mutate           mutate;
  VgScenarioError  code;
  const char      *fragment;   /* after "…/manifest.json: " */
} hostile[] = {
  { "missing-field", missing_title, VG_SCENARIO_ERROR_FIELD, "title: missing" },
  { "missing-format", missing_format, VG_SCENARIO_ERROR_FIELD, "format: missing" },
  { "unknown-format", unknown_format, VG_SCENARIO_ERROR_MANIFEST, "format: unknown format “vigie-scenario/2”" },
  { "wrong-type", time_is_number, VG_SCENARIO_ERROR_FIELD, "payloads[0].time: expected a string, found a number" },
  { "wrong-type-text", title_wrong_type, VG_SCENARIO_ERROR_FIELD, "title: expected an object" },
  { "text-missing-language", label_missing_english, VG_SCENARIO_ERROR_FIELD, "feeds[1].label.en: missing" },
  { "bad-time", time_not_iso, VG_SCENARIO_ERROR_TIME, "payloads[2].time: not an ISO 8601 time" },
  { "time-without-offset", time_without_offset, VG_SCENARIO_ERROR_TIME, "injects[1].time: not an ISO 8601 time" },
  { "time-outside-span", time_outside_span, VG_SCENARIO_ERROR_TIME, "payloads[1].time: 2014-10-01T00:00:00Z is outside" },
  { "end-before-start", end_before_start, VG_SCENARIO_ERROR_TIME, "end: not after start" },
  { "unknown-member", unknown_member, VG_SCENARIO_ERROR_FIELD, "payloads[0].contnet_type: unknown member" },
  { "path-dotdot", path_dotdot, VG_SCENARIO_ERROR_PATH, "payloads[0].file: “../outside/outside.json” goes up" },
  { "path-dotdot-inside", path_dotdot_inside, VG_SCENARIO_ERROR_PATH, "payloads[0].file: “payloads/../payloads/a.json” goes up" },
  { "path-absolute", path_absolute, VG_SCENARIO_ERROR_PATH, "outside.json” is an absolute path" },
  { "path-empty-component", path_empty_component, VG_SCENARIO_ERROR_PATH, "payloads[0].file: “payloads//a.json” is not a plain" },
  { "symlink-outside", symlink_file_outside, VG_SCENARIO_ERROR_PATH, "payloads[0].file: “payloads/link.json” leads outside" },
  { "symlink-dir-outside", symlink_dir_outside, VG_SCENARIO_ERROR_PATH, "payloads[0].file: “payloads/sub/outside.json” leads outside" },
  { "missing-file", missing_file, VG_SCENARIO_ERROR_FILE, "payloads[0].file: “payloads/nope.json” does not exist" },
  { "not-regular-file", not_regular_file, VG_SCENARIO_ERROR_FILE, "payloads[0].file: “payloads”: not a regular file" },
  { "oversize-file", oversize_file, VG_SCENARIO_ERROR_FILE, "payloads[0].file: “payloads/a.json”: 8388609 bytes, over the 8 MiB limit" },
  { "duplicate-feed-id", duplicate_feed, VG_SCENARIO_ERROR_FIELD, "feeds[1].id: duplicate id “gauges” (also feeds[0])" },
  { "duplicate-inject-id", duplicate_inject, VG_SCENARIO_ERROR_FIELD, "injects[2].id: duplicate id “INJ-01” (also injects[0])" },
  { "unknown-feed", unknown_feed, VG_SCENARIO_ERROR_FIELD, "payloads[1].feed: unknown feed “rivers”" },
  { "unknown-feed-kind", unknown_feed_kind, VG_SCENARIO_ERROR_FIELD, "feeds[0].kind: unknown feed kind “vigicrues”" },
  { "wrong-content-type", wrong_content_type, VG_SCENARIO_ERROR_FIELD, "payloads[2].content_type: “application/json” is not a content type of a cap feed" },
  { "reconstruction-missing", reconstruction_missing, VG_SCENARIO_ERROR_FIELD, "payloads[0].reconstruction: missing" },
  { "unknown-reconstruction", unknown_reconstruction, VG_SCENARIO_ERROR_FIELD, "injects[0].reconstruction: unknown reconstruction “guessed”" },
  { "unknown-source", unknown_source, VG_SCENARIO_ERROR_FIELD, "payloads[2].sources[1]: unknown source “rumour”" },
  { "not-an-exercise", not_an_exercise, VG_SCENARIO_ERROR_FIELD, "exercise: must be true" },
  { "unknown-timezone", unknown_timezone, VG_SCENARIO_ERROR_FIELD, "timezone: unknown time zone “Europe/Atlantis”" },
  { "unknown-inject-type", unknown_inject_type, VG_SCENARIO_ERROR_FIELD, "injects[0].type: unknown inject type “earthquake”" },
  { "failure-without-feed", failure_without_feed, VG_SCENARIO_ERROR_FIELD, "injects[0].feed: missing" },
  { "incident-without-file", incident_without_file, VG_SCENARIO_ERROR_FIELD, "injects[1].file: missing" },
  { "note-with-file", note_with_file, VG_SCENARIO_ERROR_FIELD, "injects[1].file: not expected for a “note” inject" },
  { "recovery-without-failure", recovery_without_failure, VG_SCENARIO_ERROR_FIELD, "injects[2]: feed “gauges” recovers but is not failing" },
  { "cap-inject-wrong-feed", cap_inject_wrong_feed, VG_SCENARIO_ERROR_FIELD, "injects[1].feed: feed “gauges” is not a cap feed" },
  { "bad-id", bad_id, VG_SCENARIO_ERROR_FIELD, "id: “-lez 2014” is not an id" },
  { "payload-not-object", payload_not_object, VG_SCENARIO_ERROR_FIELD, "payloads[3]: expected an object, found a string" },
  { "no-feeds", no_feeds, VG_SCENARIO_ERROR_FIELD, "feeds: empty" },
};

static void
assert_refused (Fixture         *f,
                VgScenarioError  code,
                const char      *fragment)
{
  g_autofree char *manifest = g_build_filename (f->dir, "manifest.json", NULL);
  g_autofree char *prefix = g_strdup_printf ("%s: ", manifest);
  g_autoptr(GError) error = NULL;
  g_autoptr(VgScenario) scenario = vg_scenario_load (f->dir, &error);

  g_assert_null (scenario);
  g_assert_error (error, VG_SCENARIO_ERROR, code);
  /* Names the file first, then the field (the fragment starts with it, or is the whole rest). */
  if (!g_str_has_prefix (error->message, prefix) || strstr (error->message + strlen (prefix), fragment) == NULL)
    g_error ("expected “%s…%s…”, got “%s”", prefix, fragment, error->message);
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_hostile (Fixture       *f,
              gconstpointer  data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autoptr(JsonNode) root = parse (base_manifest);

  hostile[i].mutate (f, json_node_get_object (root));
  write_manifest (f, root);
  assert_refused (f, hostile[i].code, hostile[i].fragment);
}

static void
test_malformed_json (Fixture       *f,
                     gconstpointer  data)
{
  write_file (f->dir, "manifest.json", "{\"format\": \"vigie-scenario/1\", \"id\": ");
  assert_refused (f, VG_SCENARIO_ERROR_MANIFEST, "not valid JSON: ");
  write_file (f->dir, "manifest.json", "[\"vigie-scenario/1\"]");
  assert_refused (f, VG_SCENARIO_ERROR_MANIFEST, "the top level is not an object");
  write_file (f->dir, "manifest.json", "");
  assert_refused (f, VG_SCENARIO_ERROR_MANIFEST, "empty");
}

static void
test_oversize_manifest (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (base_manifest);

  /* Valid JSON (trailing blanks), only too large. */
  g_string_set_size (text, VG_SCENARIO_MAX_MANIFEST_SIZE + 1);
  memset (text->str + strlen (base_manifest), ' ', text->len - strlen (base_manifest));
  write_file (f->dir, "manifest.json", text->str);
  assert_refused (f, VG_SCENARIO_ERROR_MANIFEST, "4194305 bytes, over the 4 MiB limit");
}

static void
test_too_deep (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": \"vigie-scenario/1\", \"x\": ");

  /* Brackets inside strings do not count; 40 real levels do. */
  g_string_append (text, "[\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\"[[[[[[[\", ");
  for (guint i = 0; i < 40; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 40; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "]}");
  write_file (f->dir, "manifest.json", text->str);
  assert_refused (f, VG_SCENARIO_ERROR_MANIFEST, "nested deeper than 32 levels");

  /* The same string alone is within the limit: refused for its unknown member instead. */
  g_string_assign (text, "{\"format\": \"vigie-scenario/1\", \"x\": [\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"]}");
  write_file (f->dir, "manifest.json", text->str);
  assert_refused (f, VG_SCENARIO_ERROR_FIELD, "x: unknown member");
}

static void
test_no_manifest (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *manifest = g_build_filename (f->dir, "manifest.json", NULL);
  g_autofree char *missing = g_build_filename (f->root, "nowhere", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_unlink (manifest), ==, 0);
  assert_refused (f, VG_SCENARIO_ERROR_MANIFEST, "does not exist");

  g_assert_cmpint (symlink ("payloads/a.json", manifest), ==, 0);
  assert_refused (f, VG_SCENARIO_ERROR_MANIFEST, "not a regular file");

  g_assert_null (vg_scenario_load (missing, &error));
  g_assert_error (error, VG_SCENARIO_ERROR, VG_SCENARIO_ERROR_MANIFEST);
  g_assert_true (g_str_has_prefix (error->message, missing));
}

static void
test_names (void)
{
  VgScenarioFeedKind kind;
  VgScenarioInjectType type;

  for (guint i = 0; i < VG_SCENARIO_N_FEED_KINDS; i++)
    {
      g_assert_true (vg_scenario_feed_kind_from_string (vg_scenario_feed_kind_to_string (i), &kind));
      g_assert_cmpint (kind, ==, i);
    }
  g_assert_cmpstr (vg_scenario_feed_kind_to_string (VG_SCENARIO_FEED_METEOALARM_ATOM), ==, "meteoalarm-atom");
  g_assert_false (vg_scenario_feed_kind_from_string ("", &kind));
  g_assert_true (vg_scenario_inject_type_from_string ("feed-recovery", &type));
  g_assert_cmpint (type, ==, VG_SCENARIO_INJECT_FEED_RECOVERY);
  g_assert_cmpstr (vg_scenario_inject_type_to_string (VG_SCENARIO_INJECT_CAP), ==, "cap");
  g_assert_false (vg_scenario_inject_type_from_string ("", &type));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/scenario/bundled/lez-2014-09", test_bundled_lez);
  g_test_add_func ("/vigie/scenario/bundled/heatwave-2019-06", test_bundled_heatwave);
  g_test_add_func ("/vigie/scenario/names", test_names);
  g_test_add ("/vigie/scenario/order-and-accessors", Fixture, NULL, fixture_set_up, test_order_and_accessors, fixture_tear_down);
  g_test_add ("/vigie/scenario/cap-inject", Fixture, NULL, fixture_set_up, test_cap_inject, fixture_tear_down);
  g_test_add ("/vigie/scenario/symlink-inside", Fixture, NULL, fixture_set_up, test_symlink_inside, fixture_tear_down);
  g_test_add ("/vigie/scenario/read-rechecks", Fixture, NULL, fixture_set_up, test_read_rechecks, fixture_tear_down);
  g_test_add ("/vigie/scenario/hostile/malformed-json", Fixture, NULL, fixture_set_up, test_malformed_json, fixture_tear_down);
  g_test_add ("/vigie/scenario/hostile/oversize-manifest", Fixture, NULL, fixture_set_up, test_oversize_manifest, fixture_tear_down);
  g_test_add ("/vigie/scenario/hostile/too-deep", Fixture, NULL, fixture_set_up, test_too_deep, fixture_tear_down);
  g_test_add ("/vigie/scenario/hostile/no-manifest", Fixture, NULL, fixture_set_up, test_no_manifest, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *path = g_strdup_printf ("/vigie/scenario/hostile/%s", hostile[i].name);

      g_test_add (path, Fixture, GUINT_TO_POINTER (i), fixture_set_up, test_hostile, fixture_tear_down);
    }

  return g_test_run ();
}
