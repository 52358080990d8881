/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <glib/gstdio.h>

#include "feed-test-util.h"
#include "vg-feed-private.h"
#include "vg-feed-sanitizer.h"

#define SECRET "VIGIE-SECRET-7f3a9c"

static const VgFeedKind xml_kinds[] = { VG_FEED_KIND_CAP, VG_FEED_KIND_METEOALARM_ATOM, VG_FEED_KIND_DATEX2 };
static const VgFeedKind json_kinds[] = { VG_FEED_KIND_HUBEAU, VG_FEED_KIND_SENSORTHINGS, VG_FEED_KIND_OPENMETEO, VG_FEED_KIND_GEOJSON };

static void
assert_refused_without (VgFeedKind  kind,
                        const char *text,
                        const char *secret)
{
  g_autoptr(GDateTime) received_at = feed_test_received_at ();
  g_autoptr(GBytes) payload = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFeedBatch) batch = vg_feed_parse (kind, "hostile", received_at, payload, &error);

  g_assert_null (batch);
  g_assert_error (error, VG_FEED_ERROR, VG_FEED_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "document type declaration"));
  g_assert_null (strstr (error->message, secret));
}

static void
test_xxe_refused (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *secret_path = g_build_filename (dir, "secret.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *general = NULL;
  g_autofree char *parameter = NULL;
  g_autofree char *external = NULL;

  g_file_set_contents (secret_path, SECRET "\n", -1, &error);
  g_assert_no_error (error);

  /* A general entity read from a local file, put where the parser would show it. */
  general = g_strdup_printf ("<?xml version=\"1.0\"?>\n<!DOCTYPE alert [<!ENTITY xxe SYSTEM \"file://%s\">]>\n"
                             "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>&xxe;</identifier>"
                             "<sender>&xxe;</sender><sent>2024-10-17T06:00:00+02:00</sent><status>Actual</status>"
                             "<msgType>Alert</msgType></alert>", secret_path);
  /* A parameter entity, expanded inside the DTD itself. */
  parameter = g_strdup_printf ("<!DOCTYPE feed [<!ENTITY %% p SYSTEM \"file://%s\"> %%p;]><feed/>", secret_path);
  /* An external DTD, on disk and on the network (never fetched: NONET, and refused first). */
  external = g_strdup_printf ("<!DOCTYPE d2LogicalModel SYSTEM \"file://%s\"><d2LogicalModel/>", secret_path);

  for (guint k = 0; k < G_N_ELEMENTS (xml_kinds); k++)
    {
      assert_refused_without (xml_kinds[k], general, SECRET);
      assert_refused_without (xml_kinds[k], parameter, SECRET);
      assert_refused_without (xml_kinds[k], external, SECRET);
      assert_refused_without (xml_kinds[k], "<!DOCTYPE alert SYSTEM \"http://127.0.0.1:9/evil.dtd\"><alert/>", SECRET);
      /* Even a harmless DOCTYPE: feeds have none, so any is refused. */
      assert_refused_without (xml_kinds[k], "<!DOCTYPE alert><alert/>", SECRET);
    }
  vg_test_rmtree (dir);

  /* Without a DTD, an entity reference is an error, not an expansion. */
  feed_test_assert_text_fails (VG_FEED_KIND_CAP, "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">&xxe;</alert>",
                               VG_FEED_ERROR_MALFORMED, "line 1", "Entity 'xxe' not defined", NULL);
}

static void
test_billion_laughs_refused (void)
{
  g_autoptr(GDateTime) received_at = feed_test_received_at ();
  g_autoptr(GBytes) payload = feed_test_load ("security/billion-laughs.xml");
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(VgFeedBatch) batch = vg_feed_parse_cap ("lol", received_at, payload, &error);

  g_assert_null (batch);
  g_assert_error (error, VG_FEED_ERROR, VG_FEED_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "<!DOCTYPE alert> refused"));
  /* Refused before any expansion: well under a second (expanded, it would be 3 GB). */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

static GBytes *
nested (const char *open,
        const char *close,
        guint       depth)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (text, open);
  for (guint i = 0; i < depth; i++)
    g_string_append (text, close);
  return g_string_free_to_bytes (text);
}

static void
test_nesting_limits (void)
{
  g_autoptr(GDateTime) received_at = feed_test_received_at ();

  for (guint k = 0; k < G_N_ELEMENTS (json_kinds); k++)
    {
      g_autoptr(GBytes) at_limit = nested ("[", "]", VG_FEED_MAX_DEPTH);
      g_autoptr(GBytes) over = nested ("[", "]", VG_FEED_MAX_DEPTH + 1);
      g_autoptr(GBytes) huge = nested ("{\"a\":", "}", 1000000);
      g_autoptr(GError) error = NULL;
      g_autoptr(VgFeedBatch) batch = vg_feed_parse (json_kinds[k], "deep", received_at, at_limit, &error);

      /* 64 levels pass the limit (and fail later, as no feed is an array of arrays). */
      g_assert_null (batch);
      g_assert_false (g_error_matches (error, VG_FEED_ERROR, VG_FEED_ERROR_TOO_LARGE));
      feed_test_assert_fails (json_kinds[k], over, VG_FEED_ERROR_TOO_LARGE, "line 1, column 65", "nested deeper than 64 levels", NULL);
      /* A million levels: no stack is spent on them. */
      feed_test_assert_fails (json_kinds[k], huge, VG_FEED_ERROR_TOO_LARGE, "nested deeper than 64 levels", NULL);
    }
  for (guint k = 0; k < G_N_ELEMENTS (xml_kinds); k++)
    {
      g_autoptr(GBytes) at_limit = nested ("<a>", "</a>", VG_FEED_MAX_DEPTH);
      g_autoptr(GBytes) over = nested ("<a>", "</a>", VG_FEED_MAX_DEPTH + 1);
      g_autoptr(GBytes) huge = nested ("<a>", "</a>", 100000);
      g_autoptr(GError) limit_error = NULL;
      g_autoptr(VgFeedBatch) limit_batch = vg_feed_parse (xml_kinds[k], "deep", received_at, at_limit, &limit_error);
      g_autoptr(GError) error = NULL;
      g_autoptr(VgFeedBatch) batch = vg_feed_parse (xml_kinds[k], "deep", received_at, huge, &error);

      /* Exactly 64 levels pass (a depth counted twice once refused real DATEX II files). */
      g_assert_null (limit_batch);
      g_assert_error (limit_error, VG_FEED_ERROR, VG_FEED_ERROR_UNSUPPORTED);

      feed_test_assert_fails (xml_kinds[k], over, VG_FEED_ERROR_TOO_LARGE, "elements nested deeper than 64 levels", NULL);
      /* libxml2 stops at its own 256 levels first. */
      g_assert_null (batch);
      g_assert_error (error, VG_FEED_ERROR, VG_FEED_ERROR_MALFORMED);
    }
}

static void
test_size_limits (void)
{
  g_autoptr(GBytes) big = NULL;
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  char *data = g_malloc (VG_FEED_MAX_PAYLOAD + 1);

  memset (data, ' ', VG_FEED_MAX_PAYLOAD + 1);
  big = g_bytes_new_take (data, VG_FEED_MAX_PAYLOAD + 1);
  for (VgFeedKind kind = 0; kind < VG_N_FEED_KINDS; kind++)
    {
      feed_test_assert_fails (kind, big, VG_FEED_ERROR_TOO_LARGE, "payload: 67108865 bytes, over the limit of 67108864 bytes", NULL);
      feed_test_assert_fails (kind, empty, VG_FEED_ERROR_MALFORMED, "payload: empty", NULL);
    }
}

static void
test_strict_json (void)
{
  struct {
    const char *text;
    const char *fragment;
  } cases[] = {
    { "{\"data\": [] /* comment */}", "line 1, column 13: an unexpected character where ',' or '}' was expected" },
    { "{'data': []}", "line 1, column 2: an unexpected character where a member name was expected" },
    { "{\"data\": [1,]}", "line 1, column 13: an unexpected character where a value was expected" },
    { "{\"data\": [NaN]}", "an unexpected character where a value was expected" },
    { "{\"data\": [1e999]}", "line 1, column 11: number 1e999 is out of range" },
    { "{\"data\": [18446744073709551616]}", "integer 18446744073709551616 does not fit in 64 bits" },
    { "{\"data\": [01]}", "where ',' or ']' was expected" },
    { "{\"data\": [\"\\u0000\"]}", "NUL character" },
    { "{\"data\": [\"\\ud800\"]}", "unpaired surrogate \\ud800" },
    { "{\"data\": [\"a\tb\"]}", "control character 0x09 in a string" },
    { "{\"data\": [\"\\x41\"]}", "bad escape \\x" },
    { "{\"data\": []} {}", "unexpected data after the JSON document" },
    { "{\"data\":\n [\n  \"\xc3\x28\"]}", "line 3, column 4: not valid UTF-8" },
    { "{\"data\": [\"open", "line 1, column 16: unterminated string" },
    { "{\"data\": [tru]}", "where a value was expected" },
    { "", "payload: empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint k = 0; k < G_N_ELEMENTS (json_kinds); k++)
      feed_test_assert_text_fails (json_kinds[k], cases[i].text, VG_FEED_ERROR_MALFORMED, cases[i].fragment, NULL);

  /* What it lets through: a BOM, escapes, surrogate pairs, exponents, the largest integers. */
  {
    g_autoptr(GDateTime) received_at = feed_test_received_at ();
    static const char text[] = "\xef\xbb\xbf{\"data\": [], \"s\": \"\\ud83c\\udf0a \\\" \\n\", \"n\": [-0.5e-3, 9223372036854775807]}";
    g_autoptr(GBytes) payload = g_bytes_new_static (text, sizeof text - 1);
    g_autoptr(GError) error = NULL;
    g_autoptr(VgFeedBatch) batch = vg_feed_parse_hubeau ("ok", received_at, payload, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (vg_feed_batch_get_n_records (batch), ==, 0);
  }
}

/* Every cut of a real payload fails cleanly: an error, never a crash, never part of a batch. */
static void
test_truncations (void)
{
  static const struct {
    VgFeedKind  kind;
    const char *file;
  } samples[] = {
    { VG_FEED_KIND_CAP, "cap/meteofrance-vigilance-jaune-orages-20220810.xml" },
    { VG_FEED_KIND_CAP, "cap/v1dot2_appendix_adot2.xml" },
    { VG_FEED_KIND_DATEX2, "datex2/Event_Data_3794674417759799.xml" },
    { VG_FEED_KIND_DATEX2, "datex2/dialog-trafficregulation-example.xml" },
    { VG_FEED_KIND_METEOALARM_ATOM, "meteoalarm/atom-france.xml" },
    { VG_FEED_KIND_HUBEAU, "hubeau/observations_tr-montpellier.json" },
    { VG_FEED_KIND_SENSORTHINGS, "sensorthings/things-lez.json" },
    { VG_FEED_KIND_OPENMETEO, "openmeteo/open-meteo-weather-forecast-example.json" },
    { VG_FEED_KIND_GEOJSON, "geojson/incidents-montpellier.geojson" },
  };
  g_autoptr(GDateTime) received_at = feed_test_received_at ();

  for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
    {
      g_autoptr(GBytes) whole = feed_test_load (samples[s].file);
      gsize len;
      const char *data = g_bytes_get_data (whole, &len);

      while (len > 0 && g_ascii_isspace (data[len - 1]))
        len--;
      for (gsize cut = 0; cut < len; cut += MAX (1, len / 97))
        {
          g_autoptr(GBytes) part = g_bytes_new_from_bytes (whole, 0, cut);
          g_autoptr(GError) error = NULL;
          g_autoptr(VgFeedBatch) batch = vg_feed_parse (samples[s].kind, samples[s].file, received_at, part, &error);

          if (batch != NULL)
            g_error ("%s cut at %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes parsed", samples[s].file, cut, len);
          g_assert_true (error != NULL && error->domain == VG_FEED_ERROR);
          g_assert_true (g_str_has_prefix (error->message, "Feed “"));
        }
    }
}

static void
test_biometric_words (void)
{
  static const struct {
    const char *name;
    const char *term;
  } cases[] = {
    { "face", "face" }, { "faceImage", "face" }, { "face_id", "face" }, { "FACE-MATCH", "face" },
    { "facialRecognitionMatch", "facial" }, { "fingerprint", "fingerprint" }, { "finger_print", "fingerprint" },
    { "Fingerprints", "fingerprints" }, { "irisScan", "iris" }, { "irisscan", "irisscan" }, { "voiceprint", "voiceprint" },
    { "voice print", "voiceprint" }, { "voicePrint", "voiceprint" }, { "gait", "gait" }, { "gaitAnalysis", "gait" },
    { "biometric", "biometric" }, { "BiometricTemplate", "biometric" }, { "biometrics", "biometrics" },
    { "faceimage", "faceimage" },
    /* Words that only contain the letters. */
    { "surface", NULL }, { "interface", NULL }, { "surface_water_level", NULL }, { "irish", NULL },
    { "gaiter", NULL }, { "precipitation", NULL }, { "voice", NULL }, { "print", NULL }, { "Lattes", NULL },
    { "resultat_obs", NULL }, { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (vg_feed_biometric_term (cases[i].name), ==, cases[i].term);
  g_assert_true (vg_feed_is_media_type ("audio/x-ipaws-audio-mp3"));
  g_assert_true (vg_feed_is_media_type ("Image/JPEG"));
  g_assert_true (vg_feed_is_media_type ("video/mp4"));
  g_assert_false (vg_feed_is_media_type ("application/pdf"));
  g_assert_false (vg_feed_is_media_type (NULL));
}

static void
test_strict_times (void)
{
  static const struct {
    const char *text;
    const char *utc;   /* NULL: refused */
    const char *day;
  } cases[] = {
    { "2024-10-17T06:00:00Z", "2024-10-17T06:00:00Z", "2024-10-17" },
    { "2022-08-10T16:12:20+02:00", "2022-08-10T14:12:20Z", "2022-08-10" },
    { "2003-06-11T20:56:00-07:00", "2003-06-12T03:56:00Z", "2003-06-11" },
    { "2015-04-29T09:53:28.501+01:00", "2015-04-29T08:53:28.501Z", "2015-04-29" },
    { "2024-02-29T23:59:59.999999+0100", "2024-02-29T22:59:59.999999Z", "2024-02-29" },
    { "2024-10-17T06:00Z", "2024-10-17T06:00:00Z", "2024-10-17" },
    { "2024-10-17T00:30+14", "2024-10-16T10:30:00Z", "2024-10-17" },
    { "2023-02-29T00:00:00Z", NULL, NULL },     /* not a leap year */
    { "2024-13-01T00:00:00Z", NULL, NULL },
    { "2024-10-17T24:00:00Z", NULL, NULL },
    { "2024-10-17T06:00:60Z", NULL, NULL },
    { "2024-10-17T06:00:00", NULL, NULL },      /* no offset, no zone given */
    { "2024-10-17 06:00:00Z", NULL, NULL },
    { "2024-W42-4T06:00:00Z", NULL, NULL },     /* week dates: GLib reads them, feeds do not use them */
    { "2024-291T06:00:00Z", NULL, NULL },
    { "2024-10-17", NULL, NULL },
    { "2024-10-17T06:00:00.Z", NULL, NULL },
    { "2024-10-17T06:00:00+25:00", NULL, NULL },
    { "2024-10-17T06:00:00Z junk", NULL, NULL },
    { "1850-01-01T00:00:00Z", NULL, NULL },     /* outside 1900-2200 */
    { "", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *day = NULL;
      gint64 usec = 0;
      gboolean ok = vg_feed_parse_time (cases[i].text, NULL, &usec, &day);

      if (cases[i].utc == NULL)
        {
          if (ok)
            g_error ("“%s” accepted", cases[i].text);
          continue;
        }
      g_assert_true (ok);
      g_assert_cmpint (usec, ==, feed_test_usec (cases[i].utc));
      g_assert_cmpstr (day, ==, cases[i].day);
    }

  /* Local times read in the zone given: Paris is UTC+2 in October, UTC+1 in January. */
  {
    g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
    gint64 usec;

    g_assert_true (vg_feed_parse_time ("2024-10-17T00:00", paris, &usec, NULL));
    g_assert_cmpint (usec, ==, feed_test_usec ("2024-10-16T22:00:00Z"));
    g_assert_true (vg_feed_parse_time ("2024-01-15T00:00", paris, &usec, NULL));
    g_assert_cmpint (usec, ==, feed_test_usec ("2024-01-14T23:00:00Z"));
  }
}

/* Inputs that once broke a parser (tests/data/feeds/regressions/): every parser must keep its
 * contract on every one of them, a batch or a VG_FEED_ERROR, and no critical. */
static void
test_regressions (void)
{
  g_autofree char *dir_path = vg_test_data_path ("feeds/regressions");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GDateTime) received_at = feed_test_received_at ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) payload = NULL;
      char *contents;
      gsize len;

      if (g_str_has_suffix (name, ".md"))
        continue;
      g_file_get_contents (path, &contents, &len, &error);
      g_assert_no_error (error);
      payload = g_bytes_new_take (contents, len);
      for (VgFeedKind kind = 0; kind < VG_N_FEED_KINDS; kind++)
        {
          g_autoptr(GError) parse_error = NULL;
          g_autoptr(VgFeedBatch) batch = vg_feed_parse (kind, name, received_at, payload, &parse_error);

          g_assert_true ((batch == NULL) != (parse_error == NULL));
          g_assert_true (parse_error == NULL || parse_error->domain == VG_FEED_ERROR);
        }
    }
}

/* The copy kept of a payload that withheld something: every format, what is withheld is gone
 * from the bytes, and the copy parses back to the same records with nothing left to withhold. */
static void
assert_sanitized (VgFeedKind  kind,
                  GBytes     *payload,
                  const char *gone)
{
  g_autoptr(GDateTime) received_at = feed_test_received_at ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFeedBatch) batch = vg_feed_parse (kind, "f", received_at, payload, &error);
  g_autoptr(GBytes) copy = NULL;
  g_autoptr(VgFeedBatch) again = NULL;
  g_autoptr(JsonNode) withheld = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_true (vg_feed_batch_withholds (batch));
  withheld = vg_feed_batch_withheld_to_json (batch);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (withheld)), >=, 1);
  copy = vg_feed_sanitize (kind, "f", received_at, payload, batch, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (copy, NULL), g_bytes_get_size (copy));
  g_assert_null (strstr (text, gone));
  again = vg_feed_parse (kind, "f", received_at, copy, &error);
  g_assert_no_error (error);
  g_assert_false (vg_feed_batch_withholds (again));
  g_assert_cmpuint (vg_feed_batch_get_n_records (again), ==, vg_feed_batch_get_n_records (batch));
  g_assert_cmpuint (vg_feed_batch_get_n_records (again), >, 0);
}

static void
test_sanitize (void)
{
  g_autoptr(GDateTime) received_at = feed_test_received_at ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) datex2 = feed_test_load_edited ("datex2/v2-situation-montpellier.xml", "<accidentType>collision</accidentType>",
                                                    "<accidentType>collision</accidentType><driverFacePhoto>...</driverFacePhoto>");
  g_autoptr(GBytes) atom = feed_test_load_edited ("meteoalarm/atom-france.xml", "<cap:areaDesc>Gard</cap:areaDesc>",
                                                  "<cap:areaDesc>Gard</cap:areaDesc><cap:faceImage>...</cap:faceImage>");
  g_autoptr(GBytes) hubeau = feed_test_load_edited ("hubeau/observations_tr-montpellier.json",
                                                    "\"continuite_obs_hydro\": true,\n      \"longitude\": 3.89495",
                                                    "\"continuite_obs_hydro\": true,\n      \"observer_face_image\": \"ok\",\n      \"longitude\": 3.89495");
  g_autoptr(GBytes) image = feed_test_load ("cap/embedded-image.xml");
  g_autoptr(GBytes) whole = feed_test_load ("cap/biometric-parameter.xml");
  g_autoptr(VgFeedBatch) batch = NULL;
  g_autoptr(GBytes) none = NULL;

  assert_sanitized (VG_FEED_KIND_DATEX2, datex2, "driverFacePhoto");
  assert_sanitized (VG_FEED_KIND_METEOALARM_ATOM, atom, "faceImage");
  assert_sanitized (VG_FEED_KIND_HUBEAU, hubeau, "observer_face_image");
  assert_sanitized (VG_FEED_KIND_CAP, image, "R0lGODlh");

  /* An alert refused whole leaves nothing to keep: no copy, and the reason says so. */
  batch = vg_feed_parse (VG_FEED_KIND_CAP, "f", received_at, whole, &error);
  g_assert_no_error (error);
  none = vg_feed_sanitize (VG_FEED_KIND_CAP, "f", received_at, whole, batch, &error);
  g_assert_null (none);
  g_assert_error (error, VG_FEED_ERROR, VG_FEED_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "no safe copy"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/feeds/safety/xxe-refused", test_xxe_refused);
  g_test_add_func ("/vigie/feeds/safety/billion-laughs-refused", test_billion_laughs_refused);
  g_test_add_func ("/vigie/feeds/safety/nesting-limits", test_nesting_limits);
  g_test_add_func ("/vigie/feeds/safety/size-limits", test_size_limits);
  g_test_add_func ("/vigie/feeds/safety/strict-json", test_strict_json);
  g_test_add_func ("/vigie/feeds/safety/truncations", test_truncations);
  g_test_add_func ("/vigie/feeds/safety/biometric-words", test_biometric_words);
  g_test_add_func ("/vigie/feeds/safety/strict-times", test_strict_times);
  g_test_add_func ("/vigie/feeds/safety/regressions", test_regressions);
  g_test_add_func ("/vigie/feeds/safety/sanitize", test_sanitize);

  return g_test_run ();
}
