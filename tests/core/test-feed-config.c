/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "vg-error.h"
#include "vg-feed-config.h"
#include "vg-test-util.h"

static void
test_default (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFeedConfig) config = vg_feed_config_load_default (&error);
  const char * const stations[] = { "Y321002101", "Y321002001", "Y314001001" };
  const char * const hubeau_ids[] = {
    "hubeau-lez-montpellier", "hubeau-lez-lattes", "hubeau-mosson-saint-jean-de-vedas"
  };
  GListModel *sources;
  VgFeedSource *source;

  g_assert_no_error (error);
  sources = vg_feed_config_get_sources (config);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 6);

  for (guint i = 0; i < G_N_ELEMENTS (stations); i++)
    {
      source = vg_feed_config_lookup (config, hubeau_ids[i]);
      g_assert_nonnull (source);
      g_assert_cmpstr (vg_feed_source_get_kind (source), ==, "hubeau");
      g_assert_true (g_str_has_prefix (vg_feed_source_get_url (source),
                                       "https://hubeau.eaufrance.fr/api/v2/hydrometrie/observations_tr?"));
      g_assert_nonnull (strstr (vg_feed_source_get_url (source), stations[i]));
      g_assert_true (vg_feed_source_get_enabled (source));
      g_assert_cmpuint (vg_feed_source_get_interval_ms (source), ==, 300 * 1000);
      g_assert_true (vg_feed_source_accepts_content_type (source, "application/json"));
    }

  source = vg_feed_config_lookup (config, "openmeteo-montpellier");
  g_assert_nonnull (source);
  g_assert_cmpstr (vg_feed_source_get_kind (source), ==, "openmeteo");
  g_assert_nonnull (strstr (vg_feed_source_get_url (source), "latitude=43.61&longitude=3.88"));
  g_assert_nonnull (strstr (vg_feed_source_get_url (source),
                            "hourly=temperature_2m,relative_humidity_2m,precipitation,wind_speed_10m"));

  source = vg_feed_config_lookup (config, "meteoalarm-france");
  g_assert_nonnull (source);
  g_assert_cmpstr (vg_feed_source_get_kind (source), ==, "meteoalarm-atom");
  g_assert_true (vg_feed_source_accepts_content_type (source, "application/atom+xml"));

  source = vg_feed_config_lookup (config, "datex2-montpellier");
  g_assert_nonnull (source);
  g_assert_false (vg_feed_source_get_enabled (source));

  g_assert_null (vg_feed_config_lookup (config, "nope"));
}

static VgFeedConfig *
load_text (const char  *text,
           char       **path_out,
           GError     **error)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "feeds.conf", NULL);
  VgFeedConfig *config;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  config = vg_feed_config_load (path, error);
  vg_test_rmtree (dir);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return config;
}

static void
test_defaults_of_keys (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFeedConfig) config = NULL;
  VgFeedSource *source;
  const char * const *types;

  config = load_text ("[feed:alerts]\nkind=cap\nurl=https://example.org/cap.xml\n", NULL, &error);
  g_assert_no_error (error);
  source = vg_feed_config_lookup (config, "alerts");
  g_assert_cmpstr (vg_feed_source_get_name (source), ==, "alerts");
  g_assert_cmpuint (vg_feed_source_get_interval_ms (source), ==, VG_FEED_SOURCE_DEFAULT_INTERVAL_MS);
  g_assert_cmpuint (vg_feed_source_get_timeout_ms (source), ==, VG_FEED_SOURCE_DEFAULT_TIMEOUT_MS);
  g_assert_cmpuint (vg_feed_source_get_max_bytes (source), ==, VG_FEED_SOURCE_DEFAULT_MAX_BYTES);
  g_assert_cmpuint (vg_feed_source_get_stale_after (source), ==, VG_FEED_SOURCE_DEFAULT_STALE_AFTER);
  g_assert_true (vg_feed_source_get_enabled (source));
  types = vg_feed_source_get_content_types (source);
  g_assert_true (g_strv_equal (types, vg_feed_source_kind_get_content_types ("cap")));
  g_assert_true (vg_feed_source_accepts_content_type (source, "Text/XML"));
  g_assert_false (vg_feed_source_accepts_content_type (source, "text/html"));
  g_assert_false (vg_feed_source_accepts_content_type (source, NULL));

  /* Explicit types replace the kind's, whatever their case. */
  g_clear_object (&config);
  config = load_text ("[feed:x]\nkind=geojson\nurl=http://example.org/x\ncontent-types=Application/JSON;\n",
                      NULL, &error);
  g_assert_no_error (error);
  source = vg_feed_config_lookup (config, "x");
  g_assert_true (vg_feed_source_accepts_content_type (source, "application/json"));
  g_assert_false (vg_feed_source_accepts_content_type (source, "application/geo+json"));
}

static void
test_errors (void)
{
  const struct {
    const char *text;
    int         code;
    const char *fragment;
  } cases[] = {
    { "[feeds]\nkind=cap\n", VG_FEED_ERROR_UNSUPPORTED, "group “feeds”: not a feed group" },
    { "[feed:]\nkind=cap\n", VG_FEED_ERROR_MALFORMED, "group “feed:”: the feed id" },
    { "[feed:a b]\nkind=cap\n", VG_FEED_ERROR_MALFORMED, "group “feed:a b”: the feed id" },
    { "[feed:a]\nkind=cap\nurl=http://h/\nintervall=60\n", VG_FEED_ERROR_UNSUPPORTED,
      "group “feed:a”, key “intervall”: unknown key" },
    { "[feed:a]\nurl=http://h/\n", VG_FEED_ERROR_MALFORMED, "key “kind”: missing" },
    { "[feed:a]\nkind=rss\nurl=http://h/\n", VG_FEED_ERROR_UNSUPPORTED, "key “kind”: unknown feed kind “rss”" },
    { "[feed:a]\nkind=cap\n", VG_FEED_ERROR_MALFORMED, "key “url”: missing" },
    { "[feed:a]\nkind=cap\nurl=ftp://h/x\n", VG_FEED_ERROR_UNSUPPORTED, "key “url”: “ftp://h/x” is not an http" },
    { "[feed:a]\nkind=cap\nurl=not a url\n", VG_FEED_ERROR_UNSUPPORTED, "key “url”" },
    { "[feed:a]\nkind=cap\nurl=http://h/\ninterval-seconds=abc\n", VG_FEED_ERROR_MALFORMED,
      "key “interval-seconds”: “abc” is not a whole number" },
    { "[feed:a]\nkind=cap\nurl=http://h/\ninterval-seconds=-1\n", VG_FEED_ERROR_MALFORMED,
      "key “interval-seconds”: “-1” is not a whole number" },
    { "[feed:a]\nkind=cap\nurl=http://h/\ninterval-seconds=5\n", VG_FEED_ERROR_OUT_OF_RANGE,
      "key “interval-seconds”: 5 is outside 30–86400" },
    { "[feed:a]\nkind=cap\nurl=http://h/\ntimeout-seconds=0\n", VG_FEED_ERROR_OUT_OF_RANGE,
      "key “timeout-seconds”: 0 is outside 1–600" },
    { "[feed:a]\nkind=cap\nurl=http://h/\nmax-bytes=2147483648\n", VG_FEED_ERROR_OUT_OF_RANGE,
      "key “max-bytes”: 2147483648 is outside 1024–1073741824" },
    { "[feed:a]\nkind=cap\nurl=http://h/\nstale-after=0\n", VG_FEED_ERROR_OUT_OF_RANGE, "key “stale-after”" },
    { "[feed:a]\nkind=cap\nurl=http://h/\ncontent-types=\n", VG_FEED_ERROR_MALFORMED,
      "key “content-types”: empty list" },
    { "[feed:a]\nkind=cap\nurl=http://h/\ncontent-types=xml\n", VG_FEED_ERROR_MALFORMED,
      "key “content-types”: “xml” is not a media type" },
    { "[feed:a]\nkind=cap\nurl=http://h/\nenabled=yes\n", VG_FEED_ERROR_MALFORMED,
      "key “enabled”: “yes” is not true or false" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;
      g_autoptr(VgFeedConfig) config = load_text (cases[i].text, &path, &error);

      g_test_message ("%s", error ? error->message : "(no error)");
      g_assert_null (config);
      g_assert_error (error, VG_FEED_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, path));
      g_assert_nonnull (strstr (error->message, cases[i].fragment));
    }
}

static void
test_file_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(VgFeedConfig) config = NULL;

  config = vg_feed_config_load ("/nonexistent/feeds.conf", &error);
  g_assert_null (config);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/feeds.conf: "));
  g_clear_error (&error);

  config = load_text ("[feed:a\nkind=cap\n", &path, &error);
  g_assert_null (config);
  g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, path));
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFeedConfig) config = vg_feed_config_load_default (&error);
  g_autoptr(VgFeedConfig) again = NULL;
  g_autoptr(VgFeedSource) edited = NULL;
  g_autoptr(VgFeedSource) added = NULL;
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "feeds.conf", NULL);
  g_autofree char *text = NULL;
  const char * const types[] = { "application/xml", NULL };
  VgFeedSource *source;

  g_assert_no_error (error);
  /* Preferences: switch DATEX II on with a real URL, add a CAP feed, drop Open-Meteo. */
  edited = g_object_new (VG_TYPE_FEED_SOURCE, "id", "datex2-montpellier", "name", "DIR Méditerranée",
                         "kind", "datex2", "url", "https://dir.example.org/datex2", "interval-ms", 120000,
                         "enabled", TRUE, NULL);
  vg_feed_config_set_source (config, edited);
  added = g_object_new (VG_TYPE_FEED_SOURCE, "id", "cap-prefecture", "kind", "cap",
                        "url", "https://prefecture.example.org/cap", "content-types", types,
                        "stale-after", 5, NULL);
  vg_feed_config_set_source (config, added);
  g_assert_true (vg_feed_config_remove_source (config, "openmeteo-montpellier"));
  g_assert_false (vg_feed_config_remove_source (config, "openmeteo-montpellier"));
  g_assert_true (vg_feed_config_save (config, path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  /* The operator's comments survive, the removed group is gone. */
  g_assert_nonnull (strstr (text, "# Vigie feeds: one [feed:ID] group per feed."));
  g_assert_nonnull (strstr (text, "# Hub'Eau hydrométrie"));
  g_assert_null (strstr (text, "open-meteo.com/v1"));

  again = vg_feed_config_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (vg_feed_config_get_sources (again)), ==, 6);
  source = vg_feed_config_lookup (again, "datex2-montpellier");
  g_assert_true (vg_feed_source_get_enabled (source));
  g_assert_cmpstr (vg_feed_source_get_name (source), ==, "DIR Méditerranée");
  g_assert_cmpstr (vg_feed_source_get_url (source), ==, "https://dir.example.org/datex2");
  g_assert_cmpuint (vg_feed_source_get_interval_ms (source), ==, 120000);
  /* Replaced in place: still after the MeteoAlarm feed, before the new one. */
  source = g_list_model_get_item (vg_feed_config_get_sources (again), 4);
  g_assert_cmpstr (vg_feed_source_get_id (source), ==, "datex2-montpellier");
  g_object_unref (source);
  source = vg_feed_config_lookup (again, "cap-prefecture");
  g_assert_cmpuint (vg_feed_source_get_stale_after (source), ==, 5);
  g_assert_true (g_strv_equal (vg_feed_source_get_content_types (source), types));

  vg_test_rmtree (dir);
}

static void
test_save_refuses_invalid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFeedConfig) config = vg_feed_config_new ();
  g_autoptr(VgFeedSource) hasty = NULL;
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "feeds.conf", NULL);

  /* Every second would hammer a public server: the file would not load back, so it is not
   * written at all. */
  hasty = g_object_new (VG_TYPE_FEED_SOURCE, "id", "hasty", "kind", "hubeau",
                        "url", "https://hubeau.eaufrance.fr/", "interval-ms", 1000, NULL);
  vg_feed_config_set_source (config, hasty);
  g_assert_false (vg_feed_config_save (config, path, &error));
  g_assert_error (error, VG_FEED_ERROR, VG_FEED_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "group “feed:hasty”, key “interval-seconds”"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  vg_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/feed-config/default", test_default);
  g_test_add_func ("/vigie/feed-config/defaults-of-keys", test_defaults_of_keys);
  g_test_add_func ("/vigie/feed-config/errors", test_errors);
  g_test_add_func ("/vigie/feed-config/file-errors", test_file_errors);
  g_test_add_func ("/vigie/feed-config/round-trip", test_round_trip);
  g_test_add_func ("/vigie/feed-config/save-refuses-invalid", test_save_refuses_invalid);

  return g_test_run ();
}
