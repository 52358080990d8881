/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include "feed-test-util.h"

#define FIXTURE "geojson/incidents-montpellier.geojson"

static VgIncident *
incident (VgFeedBatch *batch,
          guint        index)
{
  return g_ptr_array_index (vg_feed_batch_get_incidents (batch), index);
}

static void
test_incidents (void)
{
  g_autoptr(VgFeedBatch) batch = feed_test_parse (VG_FEED_KIND_GEOJSON, FIXTURE);
  VgIncident *i;
  VgShapeSet *g;
  const double *xy;
  gboolean outer;
  guint n;

  g_assert_cmpuint (vg_feed_batch_get_incidents (batch)->len, ==, 5);
  g_assert_cmpuint (vg_feed_batch_get_refusals (batch)->len, ==, 0);

  i = incident (batch, 0);
  g_assert_cmpstr (vg_incident_get_source_id (i), ==, "MMM-INC-1042");
  g_assert_cmpint (vg_incident_get_kind (i), ==, VG_INCIDENT_ACCIDENT);
  g_assert_cmpstr (vg_incident_get_subtype (i), ==, "ACCIDENT/ACCIDENT_MAJOR");
  g_assert_cmpint (vg_incident_get_severity (i), ==, VG_SEVERITY_SEVERE);   /* CAP word */
  g_assert_cmpint (vg_incident_get_status (i), ==, VG_INCIDENT_STATUS_ACTIVE);
  g_assert_cmpstr (vg_incident_get_title (i), ==, "A9");
  g_assert_cmpstr (vg_incident_get_authority (i), ==, "CRICR Méditerranée");
  g_assert_cmpint (vg_incident_get_start (i), ==, feed_test_usec ("2024-10-17T05:48:00+02:00"));
  g_assert_cmpstr (vg_incident_get_position (i), ==, "$.features[0]");
  g = vg_incident_get_geometry (i);
  g_assert_cmpint (vg_shape_set_get_kind (g, 0), ==, VG_SHAPE_POINT);

  i = incident (batch, 1);
  g_assert_cmpint (vg_incident_get_kind (i), ==, VG_INCIDENT_CLOSURE);
  g_assert_cmpint (vg_incident_get_severity (i), ==, VG_SEVERITY_EXTREME);   /* DATEX II word */
  g_assert_cmpint (vg_incident_get_end (i), ==, feed_test_usec ("2024-10-17T18:00:00+02:00"));
  vg_shape_set_get_part (vg_incident_get_geometry (i), 0, 0, &n, NULL);
  g_assert_cmpuint (n, ==, 3);

  /* Numeric id; a polygon's outer ring. */
  i = incident (batch, 2);
  g_assert_cmpstr (vg_incident_get_source_id (i), ==, "1044");
  g_assert_cmpint (vg_incident_get_kind (i), ==, VG_INCIDENT_HAZARD);
  g = vg_incident_get_geometry (i);
  g_assert_cmpint (vg_shape_set_get_kind (g, 0), ==, VG_SHAPE_POLYGON);
  xy = vg_shape_set_get_part (g, 0, 0, &n, &outer);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpfloat (xy[0], ==, 3.895);
  g_assert_cmpfloat (xy[1], ==, 43.56);
  g_assert_true (outer);
  g_assert_cmpint (vg_incident_get_version_time (i), ==, feed_test_usec ("2024-10-17T06:05:00+02:00"));

  i = incident (batch, 3);
  g_assert_cmpint (vg_incident_get_kind (i), ==, VG_INCIDENT_ROADWORKS);
  g_assert_cmpuint (vg_shape_set_get_n_parts (vg_incident_get_geometry (i), 0), ==, 2);

  /* No geometry: still an incident, without location. */
  i = incident (batch, 4);
  g_assert_cmpuint (vg_shape_set_get_n_shapes (vg_incident_get_geometry (i)), ==, 0);
}

static void
test_geometry_checked (void)
{
  struct {
    const char *from, *to;
    int code;
    const char *fragment;
  } cases[] = {
    /* Unclosed ring. */
    { "[3.8950, 43.5720], [3.8950, 43.5600]]]", "[3.8950, 43.5720], [3.8960, 43.5600]]]", VG_FEED_ERROR_MALFORMED,
      "$.features[2].geometry.coordinates[0]: ring not closed" },
    /* Lambert-93 metres where WGS84 is due. */
    { "[3.9420, 43.6125]", "[770795.51, 6279476.13]", VG_FEED_ERROR_OUT_OF_RANGE,
      "$.features[0].geometry.coordinates: 770795.51, 6279476.13 is not WGS84 longitude, latitude (projected metres?" },
    { "[[3.9040, 43.5690], [3.9062, 43.5671], [3.9088, 43.5652]]", "[[3.9040, 43.5690]]", VG_FEED_ERROR_MALFORMED,
      "$.features[1].geometry.coordinates: a line needs at least 2 positions, found 1" },
    { "[3.9062, 43.5671]", "[3.9062, \"43.5671\"]", VG_FEED_ERROR_MALFORMED,
      "$.features[1].geometry.coordinates[1]: coordinate 1 is a string" },
    { "\"type\": \"Point\"", "\"type\": \"Circle\"", VG_FEED_ERROR_MALFORMED, "“Circle” is not a GeoJSON geometry type" },
    { "\"type\": \"Point\", \"coordinates\": [3.9420, 43.6125]", "\"type\": \"GeometryCollection\", \"geometries\": []",
      VG_FEED_ERROR_UNSUPPORTED, "GeometryCollection" },
    { "\"starttime\": \"2024-10-17T04:30:00+02:00\"", "\"starttime\": \"ce matin\"", VG_FEED_ERROR_MALFORMED,
      "$.features[1].properties.starttime: “ce matin”" },
    { "\"severity\": \"highest\"", "\"severity\": \"grave\"", VG_FEED_ERROR_MALFORMED, "severity “grave”" },
    { "\"type\": \"FeatureCollection\",", "\"type\": \"FeatureCollection\", \"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::2154\"}},",
      VG_FEED_ERROR_UNSUPPORTED, "$.crs.properties: coordinates in urn:ogc:def:crs:EPSG::2154" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) payload = feed_test_load_edited (FIXTURE, cases[i].from, cases[i].to);

      feed_test_assert_fails (VG_FEED_KIND_GEOJSON, payload, cases[i].code, cases[i].fragment, NULL);
    }
  feed_test_assert_text_fails (VG_FEED_KIND_GEOJSON, "{\"type\": \"Topology\"}", VG_FEED_ERROR_UNSUPPORTED, "a Topology", NULL);
}

static void
test_policy (void)
{
  g_autoptr(GDateTime) received_at = feed_test_received_at ();
  g_autoptr(GBytes) biometric = feed_test_load_edited (FIXTURE, "\"street\": \"A9\",",
                                                       "\"street\": \"A9\", \"witness\": {\"voice_print\": \"...\"},");
  g_autoptr(GBytes) photo = feed_test_load_edited (FIXTURE, "\"title\": \"Zone inondée à Lattes (Port Ariane)\",",
                                                   "\"title\": \"Zone inondée à Lattes (Port Ariane)\", \"photo\": \"data:image/jpeg;base64,/9j/4AAQSkZJRg==\",");
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFeedBatch) b1 = vg_feed_parse_geojson ("gj", received_at, biometric, &error);
  g_autoptr(VgFeedBatch) b2 = NULL;
  VgFeedRefusal *r;

  g_assert_no_error (error);
  g_assert_cmpuint (vg_feed_batch_get_incidents (b1)->len, ==, 4);
  r = g_ptr_array_index (vg_feed_batch_get_refusals (b1), 0);
  g_assert_cmpint (vg_feed_refusal_get_action (r), ==, VG_FEED_REFUSAL_REFUSED);
  g_assert_cmpstr (vg_feed_refusal_get_field (r), ==, "properties.witness.voice_print");
  g_assert_cmpstr (vg_feed_refusal_get_record_id (r), ==, "MMM-INC-1042");

  /* An embedded photo is dropped unread; the incident stays. */
  b2 = vg_feed_parse_geojson ("gj", received_at, photo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vg_feed_batch_get_incidents (b2)->len, ==, 5);
  r = g_ptr_array_index (vg_feed_batch_get_refusals (b2), 0);
  g_assert_cmpint (vg_feed_refusal_get_action (r), ==, VG_FEED_REFUSAL_STRIPPED);
  g_assert_cmpstr (vg_feed_refusal_get_position (r), ==, "$.features[2].properties.photo");
  g_assert_nonnull (strstr (vg_feed_refusal_get_error (r)->message, "embedded image/jpeg"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/feeds/geojson/incidents", test_incidents);
  g_test_add_func ("/vigie/feeds/geojson/geometry-checked", test_geometry_checked);
  g_test_add_func ("/vigie/feeds/geojson/policy", test_policy);

  return g_test_run ();
}
