/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <math.h>

#include "feed-test-util.h"
#include "vg-nuts.h"
#include "vg-warning-history.h"

static VgWarning *
warning (VgFeedBatch *batch,
         guint        index)
{
  return g_ptr_array_index (vg_feed_batch_get_warnings (batch), index);
}

static VgIncident *
incident (VgFeedBatch *batch,
          guint        index)
{
  return g_ptr_array_index (vg_feed_batch_get_incidents (batch), index);
}

static VgFeedRefusal *
refusal (VgFeedBatch *batch,
         guint        index)
{
  return g_ptr_array_index (vg_feed_batch_get_refusals (batch), index);
}

static void
test_meteofrance_vigilance (void)
{
  g_autoptr(VgFeedBatch) batch = feed_test_parse (VG_FEED_KIND_CAP, "cap/meteofrance-vigilance-jaune-orages-20220810.xml");
  VgWarning *w;
  VgCapArea *area;

  /* Two infos (fr-FR, en-GB) of four areas: the French one is kept, one warning per area. */
  g_assert_cmpuint (vg_feed_batch_get_warnings (batch)->len, ==, 4);
  g_assert_cmpuint (vg_feed_batch_get_incidents (batch)->len, ==, 0);
  w = warning (batch, 3);
  g_assert_cmpstr (vg_warning_get_sender (w), ==, "vigilance@meteo.fr");
  g_assert_cmpstr (vg_warning_get_identifier (w), ==, "2.49.0.0.250.0.FR.20220810161220.589023");
  g_assert_cmpint (vg_warning_get_sent (w), ==, feed_test_usec ("2022-08-10T16:12:20+02:00"));
  g_assert_cmpstr (vg_warning_get_status (w), ==, "Actual");
  g_assert_cmpstr (vg_warning_get_msg_type (w), ==, "Alert");
  g_assert_cmpstr (vg_warning_get_language (w), ==, "fr-FR");
  g_assert_cmpstr (vg_warning_get_event (w), ==, "Vigilance jaune orages");
  g_assert_cmpint (vg_warning_get_severity (w), ==, VG_SEVERITY_MODERATE);
  g_assert_cmpstr (vg_warning_get_urgency (w), ==, "Future");
  g_assert_cmpstr (vg_warning_get_certainty (w), ==, "Likely");
  g_assert_cmpint (vg_warning_get_awareness_level (w), ==, VG_AWARENESS_YELLOW);
  g_assert_cmpuint (vg_warning_get_awareness_type (w), ==, 3);
  g_assert_cmpstr (vg_warning_get_awareness_type_name (w), ==, "Thunderstorm");
  g_assert_cmpint (vg_warning_get_onset (w), ==, feed_test_usec ("2022-08-10T16:11:00+02:00"));
  g_assert_cmpint (vg_warning_get_expires (w), ==, feed_test_usec ("2022-08-11T16:00:00+02:00"));
  g_assert_cmpstr (vg_warning_get_day (w), ==, "2022-08-10");
  g_assert_cmpstr (vg_warning_get_source_id (w), ==, vg_warning_get_identifier (w));
  g_assert_true (vg_warning_get_origin (w) == vg_feed_batch_get_origin (batch));
  g_assert_cmpstr (vg_warning_get_category (w), ==, "Met");
  g_assert_cmpstr (vg_warning_get_headline (w), ==, "Vigilance jaune orages");
  g_assert_cmpstr (vg_warning_get_sender_name (w), ==, "METEO-FRANCE");
  g_assert_true (g_str_has_prefix (vg_warning_get_description (w), "Des phenomenes habituels dans la region"));
  g_assert_true (g_str_has_prefix (vg_warning_get_instruction (w), "Soyez attentifs;"));
  g_assert_cmpuint (vg_warning_get_resources (w)->len, ==, 0);

  /* Haute-Garonne is FR623 in the message (NUTS 2013), FRJ23 in the key (NUTS 2021). */
  area = vg_warning_get_area (w);
  g_assert_cmpstr (vg_cap_area_get_description (area), ==, "Haute Garonne");
  g_assert_cmpstr (vg_cap_area_lookup_geocode (area, "nuts3"), ==, "FR623");
  g_assert_true (vg_cap_area_has_nuts (area, "FRJ23"));
  g_assert_true (vg_cap_area_has_nuts (area, "FR623"));
  g_assert_false (vg_cap_area_has_nuts (area, "FRJ13"));
  g_assert_cmpstr (vg_warning_get_key (w), ==, "vigilance@meteo.fr|awareness_type:3|NUTS:FRJ23|2022-08-10");
  g_assert_cmpstr (vg_warning_get_position (w), ==, "line 55, /alert/info[1]/area[4]");
}

static void
test_oasis_examples (void)
{
  g_autoptr(VgFeedBatch) thunderstorm = feed_test_parse (VG_FEED_KIND_CAP, "cap/v1dot2_appendix_adot2.xml");
  g_autoptr(VgFeedBatch) earthquake = feed_test_parse (VG_FEED_KIND_CAP, "cap/v1dot2_appendix_adot3.xml");
  g_autoptr(VgFeedBatch) amber = feed_test_parse (VG_FEED_KIND_CAP, "cap/v1dot2_appendix_adot4.xml");
  g_autoptr(VgFeedBatch) cap10 = feed_test_parse (VG_FEED_KIND_CAP, "cap/v1dot0_appendix_adot2.xml");
  VgCapArea *area;
  VgShapeSet *polygons;
  VgIncident *i;
  const double *xy;
  guint n;

  /* A.2: the polygon "38.47,-120.14 38.34,-119.95 ..." becomes lon/lat. */
  area = vg_warning_get_area (warning (thunderstorm, 0));
  polygons = vg_cap_area_get_polygons (area);
  g_assert_cmpuint (vg_shape_set_get_n_shapes (polygons), ==, 1);
  xy = vg_shape_set_get_part (polygons, 0, 0, &n, NULL);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpfloat (xy[0], ==, -120.14);
  g_assert_cmpfloat (xy[1], ==, 38.47);
  g_assert_cmpstr (vg_cap_area_lookup_geocode (area, "SAME"), ==, "006109");
  g_assert_cmpint (vg_warning_get_severity (warning (thunderstorm, 0)), ==, VG_SEVERITY_SEVERE);

  /* A.3: an earthquake Update is an incident (category Geo) on the circle's centre. */
  g_assert_cmpuint (vg_feed_batch_get_warnings (earthquake)->len, ==, 0);
  i = incident (earthquake, 0);
  g_assert_true (vg_incident_get_origin (i) == vg_feed_batch_get_origin (earthquake));
  g_assert_cmpstr (vg_incident_get_source_id (i), ==, "TRI13970876.2");
  g_assert_cmpint (vg_incident_get_kind (i), ==, VG_INCIDENT_HAZARD);
  g_assert_cmpstr (vg_incident_get_subtype (i), ==, "Earthquake");
  g_assert_cmpstr (vg_incident_get_title (i), ==, "EQ 3.4 Imperial County CA");
  g_assert_cmpint (vg_incident_get_severity (i), ==, VG_SEVERITY_MINOR);
  g_assert_cmpint (vg_incident_get_status (i), ==, VG_INCIDENT_STATUS_ACTIVE);
  g_assert_cmpint (vg_shape_set_get_kind (vg_incident_get_geometry (i), 0), ==, VG_SHAPE_POINT);   /* radius 0 */
  xy = vg_shape_set_get_part (vg_incident_get_geometry (i), 0, 0, NULL, NULL);
  g_assert_cmpfloat (xy[0], ==, -115.5527);
  g_assert_cmpfloat (xy[1], ==, 32.9525);

  /* A.4: the AMBER alert's English info is kept (no French one), the Spanish one dropped. */
  g_assert_cmpuint (vg_feed_batch_get_incidents (amber)->len, ==, 1);
  g_assert_cmpint (vg_incident_get_kind (incident (amber, 0)), ==, VG_INCIDENT_EMERGENCY);
  g_assert_cmpstr (vg_incident_get_title (incident (amber, 0)), ==, "Amber Alert in Los Angeles County");
  g_assert_cmpstr (vg_incident_get_location_refs (incident (amber, 0))[0], ==, "SAME:006037");

  /* CAP 1.0 writes geocodes as "fips6=006109". */
  area = vg_warning_get_area (warning (cap10, 0));
  g_assert_cmpuint (vg_cap_area_get_n_geocodes (area), ==, 3);
  g_assert_cmpstr (vg_cap_area_lookup_geocode (area, "fips6"), ==, "006109");

  /* A circle with a radius becomes a polygon around the centre on incident geometry. */
  {
    g_autoptr(GDateTime) received_at = feed_test_received_at ();
    g_autoptr(GBytes) payload = feed_test_load_edited ("cap/v1dot2_appendix_adot3.xml", "32.9525,-115.5527 0", "43.6108,3.8767 2");
    g_autoptr(GError) error = NULL;
    g_autoptr(VgFeedBatch) batch = vg_feed_parse_cap ("cap", received_at, payload, &error);
    VgShapeSet *geometry;
    const double *bbox;

    g_assert_no_error (error);
    geometry = vg_incident_get_geometry (incident (batch, 0));
    g_assert_cmpint (vg_shape_set_get_kind (geometry, 0), ==, VG_SHAPE_POLYGON);
    bbox = vg_shape_set_get_bbox (geometry, 0);
    /* 2 km is 0.018° of latitude, 0.025° of longitude at Montpellier. */
    g_assert_cmpfloat_with_epsilon (bbox[3] - 43.6108, 2000 / 111320.0, 1e-6);
    g_assert_cmpfloat_with_epsilon (bbox[2] - 3.8767, 2000 / (111320.0 * cos (43.6108 * G_PI / 180)), 1e-6);
  }
}

static void
test_resources_are_references (void)
{
  g_autoptr(VgFeedBatch) ipaws = feed_test_parse (VG_FEED_KIND_CAP, "cap/ipaws-5e6dd964023f1930ef638846.xml");
  g_autoptr(VgFeedBatch) radar = feed_test_parse (VG_FEED_KIND_CAP, "cap/embedded-image.xml");
  g_autoptr(JsonNode) json = vg_feed_batch_to_json (ipaws);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  VgCapResource *resource;
  VgFeedRefusal *r;

  /* The real IPAWS message embeds ~100 kB of MP3 (base64): the record keeps the reference,
   * says the content was dropped, and the batch says so too. */
  g_assert_cmpuint (vg_feed_batch_get_incidents (ipaws)->len, ==, 1);
  r = refusal (ipaws, 0);
  g_assert_cmpint (vg_feed_refusal_get_action (r), ==, VG_FEED_REFUSAL_STRIPPED);
  g_assert_error (vg_feed_refusal_get_error (r), VG_FEED_ERROR, VG_FEED_ERROR_REFUSED);
  g_assert_cmpstr (vg_feed_refusal_get_field (r), ==, "resource/derefUri");
  g_assert_cmpstr (vg_feed_refusal_get_record_id (r), ==, "309104501346800");
  g_assert_nonnull (strstr (vg_feed_refusal_get_error (r)->message, "audio/x-ipaws-audio-mp3"));
  /* Nothing of the audio is anywhere in the normalised output. */
  json_generator_set_root (generator, json);
  text = json_generator_to_data (generator, NULL);
  g_assert_null (strstr (text, "SUQzAwAAAAADdlRDT04"));

  /* A radar image on a weather warning: the warning and the reference stay. */
  resource = g_ptr_array_index (vg_warning_get_resources (warning (radar, 0)), 0);
  g_assert_cmpstr (vg_cap_resource_get_description (resource), ==, "Radar image");
  g_assert_cmpstr (vg_cap_resource_get_mime_type (resource), ==, "image/gif");
  g_assert_cmpstr (vg_cap_resource_get_uri (resource), ==, "http://www.wrh.noaa.gov/sto/radar.gif");
  g_assert_cmpint (vg_cap_resource_get_size (resource), ==, 43);
  g_assert_null (vg_cap_resource_get_digest (resource));
  g_assert_true (vg_cap_resource_get_deref_dropped (resource));
  g_assert_cmpint (vg_feed_refusal_get_action (refusal (radar, 0)), ==, VG_FEED_REFUSAL_STRIPPED);
}

static void
test_biometric_alerts_refused (void)
{
  g_autoptr(VgFeedBatch) parameter = feed_test_parse (VG_FEED_KIND_CAP, "cap/biometric-parameter.xml");
  g_autoptr(VgFeedBatch) resource = feed_test_parse (VG_FEED_KIND_CAP, "cap/biometric-resource.xml");
  g_autoptr(GBytes) extension = feed_test_load_edited ("cap/meteofrance-vigilance-jaune-orages-20220810.xml",
                                                       "<scope>Public</scope>",
                                                       "<scope>Public</scope><x:irisScan xmlns:x=\"urn:example\">...</x:irisScan>");
  g_autoptr(GDateTime) received_at = feed_test_received_at ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFeedBatch) ext = vg_feed_parse_cap ("cap", received_at, extension, &error);
  VgFeedRefusal *r;

  /* Refused whole: no warning at all from a message that carries biometric data. */
  g_assert_cmpuint (vg_feed_batch_get_n_records (parameter), ==, 0);
  r = refusal (parameter, 0);
  g_assert_cmpint (vg_feed_refusal_get_action (r), ==, VG_FEED_REFUSAL_REFUSED);
  g_assert_error (vg_feed_refusal_get_error (r), VG_FEED_ERROR, VG_FEED_ERROR_REFUSED);
  g_assert_nonnull (strstr (vg_feed_refusal_get_error (r)->message, "“facialRecognitionMatch” says facial data"));
  g_assert_cmpstr (vg_feed_refusal_get_record_id (r), ==, "2.49.0.0.250.0.FR.20220810161220.589023");

  g_assert_cmpuint (vg_feed_batch_get_n_records (resource), ==, 0);
  g_assert_nonnull (strstr (vg_feed_refusal_get_error (refusal (resource, 0))->message, "says fingerprint data"));
  /* Refused before its image was looked at: no strip is reported for it. */
  g_assert_cmpuint (vg_feed_batch_get_refusals (resource)->len, ==, 1);

  g_assert_no_error (error);
  g_assert_cmpuint (vg_feed_batch_get_n_records (ext), ==, 0);
  g_assert_nonnull (strstr (vg_feed_refusal_get_error (refusal (ext, 0))->message, "element <irisScan> says iris data"));
}

static void
test_cancel_without_info (void)
{
  g_autoptr(VgFeedBatch) batch = feed_test_parse (VG_FEED_KIND_CAP, "cap/ipaws-5e6dd9de023f1930ef6548d9.xml");
  VgWarning *w = warning (batch, 0);

  g_assert_cmpstr (vg_warning_get_msg_type (w), ==, "Cancel");
  g_assert_null (vg_warning_get_area (w));
  g_assert_null (vg_warning_get_event (w));
  g_assert_cmpstr (vg_warning_get_references (w)[0], ==,
                   "bbrundage@dps.state.nv.us,AS-NV-e18921c7-1b35-4a81-9705-42d25c265ddd,2019-04-18T12:02:32-06:00");
  g_assert_null (vg_warning_get_references (w)[1]);
}

static void
test_malformed (void)
{
  const char *file = "cap/meteofrance-vigilance-jaune-orages-20220810.xml";
  struct {
    const char *from, *to, *fragment;
  } cases[] = {
    { "<identifier>2.49.0.0.250.0.FR.20220810161220.589023</identifier>", "", "missing <identifier>" },
    { "<sent>2022-08-10T16:12:20+02:00</sent>", "<sent>10/08/2022</sent>", "line 5, /alert/sent: “10/08/2022” is not a date-time" },
    { "<status>Actual</status>", "<status>Real</status>", "status “Real” is not a CAP value" },
    { "<severity>Moderate</severity>", "<severity>Bad</severity>", "line 15, /alert/info[1]/severity: severity “Bad”" },
    { "<value>2; yellow; Moderate</value>", "<value>2; purple; Moderate</value>", "awareness_level “2; purple; Moderate”" },
    { "<onset>2022-08-10T16:11:00+02:00</onset>", "<onset>soon</onset>", "“soon” is not a date-time" },
    { "<scope>Public</scope>", "<scope>Public</scope><references>vigilance@meteo.fr</references>", "reference “vigilance@meteo.fr”" },
    { "<value>FR821</value>", "<value>FR821</value></geocode><geocode>", "geocode without valueName and value" },
    { "</alert>", "", "not well-formed XML" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) payload = feed_test_load_edited (file, cases[i].from, cases[i].to);

      feed_test_assert_fails (VG_FEED_KIND_CAP, payload, VG_FEED_ERROR_MALFORMED, cases[i].fragment, NULL);
    }

  /* Polygons must be closed WGS84 rings of "lat,lon" pairs. */
  {
    g_autoptr(GBytes) open_ring = feed_test_load_edited ("cap/v1dot2_appendix_adot2.xml", "38.47,-120.14</polygon>", "38.40,-120.14</polygon>");
    g_autoptr(GBytes) swapped = feed_test_load_edited ("cap/v1dot2_appendix_adot2.xml", "38.47,-120.14 ", "-120.14,38.47 ");

    feed_test_assert_fails (VG_FEED_KIND_CAP, open_ring, VG_FEED_ERROR_MALFORMED, "/alert/info/area/polygon", "not closed", NULL);
    feed_test_assert_fails (VG_FEED_KIND_CAP, swapped, VG_FEED_ERROR_MALFORMED, "“-120.14,38.47” is not a WGS84", NULL);
  }
  feed_test_assert_text_fails (VG_FEED_KIND_CAP, "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", VG_FEED_ERROR_UNSUPPORTED,
                               "not a CAP alert", "read it as meteoalarm-atom", NULL);
  feed_test_assert_text_fails (VG_FEED_KIND_CAP, "<alert><identifier>x</identifier></alert>", VG_FEED_ERROR_UNSUPPORTED,
                               "namespace “”", NULL);
}

static void
test_reissues_grouped (void)
{
  g_autoptr(VgWarningHistory) history = vg_warning_history_new ();
  static const char * const files[] = {
    "cap/meteofrance-herault-orages-1-jaune.xml",
    "cap/meteofrance-herault-orages-2-orange.xml",
    "cap/meteofrance-herault-orages-3-vert.xml",
  };
  g_autoptr(GPtrArray) keys = NULL;
  GPtrArray *versions;
  VgWarning *current;
  const char *key;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(VgFeedBatch) batch = feed_test_parse (VG_FEED_KIND_CAP, files[i]);

      g_assert_cmpuint (vg_feed_batch_get_warnings (batch)->len, ==, 1);
      g_assert_true (vg_warning_history_add (history, warning (batch, 0)));
      /* Polling the same message again adds nothing. */
      g_assert_false (vg_warning_history_add (history, warning (batch, 0)));
      if (i == 0)
        {
          /* Between the first version, still active, and the orange re-issue: */
          key = vg_warning_get_key (warning (batch, 0));
          g_assert_true (vg_warning_history_is_active (history, key, feed_test_usec ("2024-10-17T06:00:00+02:00")));
          g_assert_false (vg_warning_history_is_active (history, key, feed_test_usec ("2024-10-18T06:00:00+02:00")));
        }
    }

  /* FR813 (NUTS 2013) in the first, FRJ13 in the others: one warning, three versions. */
  keys = vg_warning_history_dup_keys (history);
  g_assert_cmpuint (keys->len, ==, 1);
  key = keys->pdata[0];
  g_assert_cmpstr (key, ==, "vigilance@meteo.fr|awareness_type:3|NUTS:FRJ13|2024-10-17");
  versions = vg_warning_history_get_versions (history, key);
  g_assert_cmpuint (versions->len, ==, 3);
  g_assert_cmpint (vg_warning_get_awareness_level (versions->pdata[0]), ==, VG_AWARENESS_YELLOW);
  g_assert_cmpint (vg_warning_get_awareness_level (versions->pdata[1]), ==, VG_AWARENESS_ORANGE);
  current = vg_warning_history_get_current (history, key);
  g_assert_true (current == versions->pdata[2]);
  g_assert_cmpint (vg_warning_get_awareness_level (current), ==, VG_AWARENESS_GREEN);
  /* The green Update ends it. */
  g_assert_false (vg_warning_history_is_active (history, key, feed_test_usec ("2024-10-17T12:00:00+02:00")));
  g_assert_true (vg_nuts_equal ("FR813", "FRJ13"));
  g_assert_cmpstr (vg_nuts_to_current ("fr813"), ==, "FRJ13");
  g_assert_cmpstr (vg_nuts_to_current ("DE300"), ==, "DE300");
}

static void
test_cancel_joins_referenced_groups (void)
{
  g_autoptr(VgWarningHistory) history = vg_warning_history_new ();
  g_autoptr(VgFeedBatch) alert = feed_test_parse (VG_FEED_KIND_CAP, "cap/meteofrance-vigilance-jaune-orages-20220810.xml");
  static const char text[] =
    "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>2.49.0.0.250.0.FR.X</identifier>"
    "<sender>vigilance@meteo.fr</sender><sent>2022-08-11T08:00:00+02:00</sent><status>Actual</status>"
    "<msgType>Cancel</msgType><scope>Public</scope><references>vigilance@meteo.fr,"
    "2.49.0.0.250.0.FR.20220810161220.589023,2022-08-10T16:12:20+02:00</references></alert>";
  g_autoptr(GBytes) cancel = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GDateTime) received_at = feed_test_received_at ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFeedBatch) cancel_batch = NULL;
  g_autoptr(GPtrArray) keys = NULL;

  /* An info-less Cancel of the four-area message, sent the next day. */
  cancel_batch = vg_feed_parse_cap ("cap", received_at, cancel, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    vg_warning_history_add (history, warning (alert, i));
  vg_warning_history_add (history, warning (cancel_batch, 0));

  keys = vg_warning_history_dup_keys (history);
  g_assert_cmpuint (keys->len, ==, 4);
  for (guint i = 0; i < keys->len; i++)
    {
      g_assert_cmpuint (vg_warning_history_get_versions (history, keys->pdata[i])->len, ==, 2);
      g_assert_cmpstr (vg_warning_get_msg_type (vg_warning_history_get_current (history, keys->pdata[i])), ==, "Cancel");
      g_assert_false (vg_warning_history_is_active (history, keys->pdata[i], feed_test_usec ("2022-08-11T09:00:00+02:00")));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/feeds/cap/meteofrance-vigilance", test_meteofrance_vigilance);
  g_test_add_func ("/vigie/feeds/cap/oasis-examples", test_oasis_examples);
  g_test_add_func ("/vigie/feeds/cap/resources-are-references", test_resources_are_references);
  g_test_add_func ("/vigie/feeds/cap/biometric-alerts-refused", test_biometric_alerts_refused);
  g_test_add_func ("/vigie/feeds/cap/cancel-without-info", test_cancel_without_info);
  g_test_add_func ("/vigie/feeds/cap/malformed", test_malformed);
  g_test_add_func ("/vigie/feeds/cap/reissues-grouped", test_reissues_grouped);
  g_test_add_func ("/vigie/feeds/cap/cancel-joins-referenced-groups", test_cancel_joins_referenced_groups);

  return g_test_run ();
}
