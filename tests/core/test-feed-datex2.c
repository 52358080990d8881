/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include "feed-test-util.h"

static VgIncident *
incident (VgFeedBatch *batch,
          guint        index)
{
  return g_ptr_array_index (vg_feed_batch_get_incidents (batch), index);
}

static void
assert_point (VgShapeSet *shapes,
              guint       index,
              double      lon,
              double      lat)
{
  const double *xy;

  g_assert_cmpint (vg_shape_set_get_kind (shapes, index), ==, VG_SHAPE_POINT);
  xy = vg_shape_set_get_part (shapes, index, 0, NULL, NULL);
  g_assert_cmpfloat_with_epsilon (xy[0], lon, 1e-9);
  g_assert_cmpfloat_with_epsilon (xy[1], lat, 1e-9);
}

static void
test_ntis_events (void)
{
  g_autoptr(VgFeedBatch) batch = feed_test_parse (VG_FEED_KIND_DATEX2, "datex2/Event_Data_3794692773234866.xml");
  VgIncident *i = incident (batch, 0);

  /* The real NTIS AbnormalTraffic record: A628 westbound, delays of 10 minutes. */
  g_assert_cmpuint (vg_feed_batch_get_incidents (batch)->len, ==, 1);
  g_assert_cmpstr (vg_incident_get_source_id (i), ==, "949883");
  g_assert_cmpint (vg_incident_get_kind (i), ==, VG_INCIDENT_CONGESTION);
  g_assert_cmpstr (vg_incident_get_subtype (i), ==, "AbnormalTraffic/unspecifiedAbnormalTraffic");
  g_assert_cmpint (vg_incident_get_severity (i), ==, VG_SEVERITY_MINOR);
  g_assert_cmpint (vg_incident_get_status (i), ==, VG_INCIDENT_STATUS_ACTIVE);
  g_assert_cmpint (vg_incident_get_start (i), ==, feed_test_usec ("2015-04-29T06:22:33.541+01:00"));
  g_assert_cmpint (vg_incident_get_end (i), ==, feed_test_usec ("2015-04-29T11:47:50.939+01:00"));
  g_assert_cmpint (vg_incident_get_version_time (i), ==, feed_test_usec ("2015-04-29T09:53:46.420+01:00"));
  g_assert_cmpstr (vg_incident_get_authority (i), ==, "NTIS System");
  g_assert_true (g_str_has_prefix (vg_incident_get_description (i), "TYPE : GDP\nFrom Location : The A628 westbound"));
  /* The point for display, and the two predefined locations by reference. */
  assert_point (vg_incident_get_geometry (i), 0, -1.985049, 53.466034);
  g_assert_cmpstr (vg_incident_get_location_refs (i)[0], ==, "predefined:125041701");
  g_assert_cmpstr (vg_incident_get_location_refs (i)[1], ==, "predefined:125041601");
  g_assert_cmpstr (vg_incident_get_position (i), ==, "line 1, /d2LogicalModel/payloadPublication/situation/situationRecord");
}

static void
test_montpellier_situations_v2 (void)
{
  g_autoptr(VgFeedBatch) batch = feed_test_parse (VG_FEED_KIND_DATEX2, "datex2/v2-situation-montpellier.xml");
  VgIncident *i;
  const double *xy;
  guint n;

  g_assert_cmpuint (vg_feed_batch_get_incidents (batch)->len, ==, 4);
  i = incident (batch, 0);
  g_assert_cmpint (vg_incident_get_kind (i), ==, VG_INCIDENT_ACCIDENT);
  g_assert_cmpstr (vg_incident_get_subtype (i), ==, "Accident/collision");
  g_assert_cmpint (vg_incident_get_severity (i), ==, VG_SEVERITY_SEVERE);
  g_assert_cmpstr (vg_incident_get_version (i), ==, "3");
  assert_point (vg_incident_get_geometry (i), 0, 3.942, 43.6125);

  /* Night works next week: planned, by the publication's own time; a TPEG line from → to. */
  i = incident (batch, 1);
  g_assert_cmpint (vg_incident_get_kind (i), ==, VG_INCIDENT_ROADWORKS);
  g_assert_cmpint (vg_incident_get_status (i), ==, VG_INCIDENT_STATUS_PLANNED);
  g_assert_cmpint (vg_shape_set_get_kind (vg_incident_get_geometry (i), 0), ==, VG_SHAPE_LINE);
  xy = vg_shape_set_get_part (vg_incident_get_geometry (i), 0, 0, &n, NULL);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (xy[0], ==, 3.848);
  g_assert_cmpfloat (xy[3], ==, 43.586);

  i = incident (batch, 2);
  g_assert_cmpint (vg_incident_get_kind (i), ==, VG_INCIDENT_CLOSURE);
  g_assert_cmpint (vg_incident_get_severity (i), ==, VG_SEVERITY_EXTREME);
  assert_point (vg_incident_get_geometry (i), 0, 3.904, 43.569);

  /* Ended by its life-cycle management; located only by reference. */
  i = incident (batch, 3);
  g_assert_cmpint (vg_incident_get_kind (i), ==, VG_INCIDENT_OBSTRUCTION);
  g_assert_cmpint (vg_incident_get_status (i), ==, VG_INCIDENT_STATUS_ENDED);
  g_assert_cmpuint (vg_shape_set_get_n_shapes (vg_incident_get_geometry (i)), ==, 0);
  g_assert_cmpstr (vg_incident_get_location_refs (i)[0], ==, "predefined:A709-PR12");
}

static void
test_montpellier_situations_v3 (void)
{
  g_autoptr(VgFeedBatch) batch = feed_test_parse (VG_FEED_KIND_DATEX2, "datex2/v3-situation-montpellier.xml");
  VgIncident *i;
  const double *xy;
  guint n;

  g_assert_cmpuint (vg_feed_batch_get_incidents (batch)->len, ==, 3);
  i = incident (batch, 0);
  g_assert_cmpint (vg_incident_get_kind (i), ==, VG_INCIDENT_ACCIDENT);
  /* No record severity: the situation's overall severity. */
  g_assert_cmpint (vg_incident_get_severity (i), ==, VG_SEVERITY_SEVERE);
  g_assert_cmpstr (vg_incident_get_authority (i), ==, "Montpellier Méditerranée Métropole");
  assert_point (vg_incident_get_geometry (i), 0, 3.896, 43.607);

  /* gmlLineString positions are latitude first. */
  i = incident (batch, 1);
  g_assert_cmpint (vg_incident_get_kind (i), ==, VG_INCIDENT_CLOSURE);
  g_assert_cmpstr (vg_incident_get_subtype (i), ==, "RoadOrCarriagewayOrLaneManagement/laneClosures");
  xy = vg_shape_set_get_part (vg_incident_get_geometry (i), 0, 0, &n, NULL);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpfloat (xy[0], ==, 3.896);
  g_assert_cmpfloat (xy[1], ==, 43.607);
  g_assert_cmpfloat (xy[5], ==, 43.6039);

  i = incident (batch, 2);
  g_assert_cmpuint (vg_shape_set_get_n_shapes (vg_incident_get_geometry (i)), ==, 2);
  g_assert_cmpint (vg_incident_get_end (i), ==, feed_test_usec ("2024-11-29T18:00:00+01:00"));
  g_assert_cmpint (vg_incident_get_status (i), ==, VG_INCIDENT_STATUS_ACTIVE);
}

static void
test_traffic_regulation_v3 (void)
{
  g_autoptr(VgFeedBatch) batch = feed_test_parse (VG_FEED_KIND_DATEX2, "datex2/dialog-trafficregulation-example.xml");
  VgIncident *i = incident (batch, 0);
  const double *xy;
  guint n;

  /* The DiaLog arrêté of Savenay: no entry, 10 May to 10 June 2022, along a two-point line. */
  g_assert_cmpstr (vg_incident_get_source_id (i), ==, "T-SN2022-05-154");
  g_assert_cmpint (vg_incident_get_kind (i), ==, VG_INCIDENT_REGULATION);
  g_assert_cmpstr (vg_incident_get_subtype (i), ==, "AccessRestriction/noEntry");
  g_assert_cmpint (vg_incident_get_status (i), ==, VG_INCIDENT_STATUS_ACTIVE);
  g_assert_cmpstr (vg_incident_get_authority (i), ==, "Commune de Savenay");
  g_assert_true (g_str_has_prefix (vg_incident_get_title (i), "Arrêté temporaire portant réglementation de la circulation"));
  g_assert_cmpint (vg_incident_get_start (i), ==, feed_test_usec ("2022-05-10T09:00:00Z"));
  g_assert_cmpint (vg_incident_get_end (i), ==, feed_test_usec ("2022-06-10T16:30:00Z"));
  g_assert_cmpint (vg_incident_get_version_time (i), ==, feed_test_usec ("2022-11-10T15:11:00Z"));
  xy = vg_shape_set_get_part (vg_incident_get_geometry (i), 0, 0, &n, NULL);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (xy[0], ==, -1.944703);
  g_assert_cmpfloat (xy[1], ==, 47.366334);
}

static void
test_measured_data (void)
{
  g_autoptr(VgFeedBatch) batch = feed_test_parse (VG_FEED_KIND_DATEX2, "datex2/MIDAS_Loop_Traffic_Data_3793828281116175.xml");
  GPtrArray *observations = vg_feed_batch_get_observations (batch);
  GPtrArray *refusals = vg_feed_batch_get_refusals (batch);
  guint counts[VG_N_QUANTITIES] = { 0 };
  VgObservation *o;

  /* 2,044 measured values in the real MIDAS file, 76 of which the source flags dataError. */
  g_assert_cmpuint (observations->len, ==, 1968);
  g_assert_cmpuint (refusals->len, ==, 76);
  for (guint i = 0; i < refusals->len; i++)
    {
      g_assert_cmpint (vg_feed_refusal_get_action (refusals->pdata[i]), ==, VG_FEED_REFUSAL_SKIPPED);
      g_assert_cmpstr (vg_feed_refusal_get_field (refusals->pdata[i]), ==, "dataError");
    }
  for (guint i = 0; i < observations->len; i++)
    counts[vg_observation_get_quantity (observations->pdata[i])]++;
  g_assert_cmpuint (counts[VG_QUANTITY_TRAFFIC_FLOW], ==, 1119);
  g_assert_cmpuint (counts[VG_QUANTITY_TRAFFIC_SPEED], ==, 279);

  o = observations->pdata[0];
  g_assert_cmpstr (vg_observation_get_station_id (o), ==, "1816E27C1C474CB981FC38C5A55451E4:0");
  g_assert_cmpint (vg_observation_get_quantity (o), ==, VG_QUANTITY_TRAFFIC_SPEED);
  g_assert_cmpfloat (vg_observation_get_value (o), ==, 96.0);
  g_assert_cmpint (vg_observation_get_time (o), ==, feed_test_usec ("2015-04-29T09:38:00+01:00"));
  o = observations->pdata[3];
  g_assert_cmpint (vg_observation_get_quantity (o), ==, VG_QUANTITY_TRAFFIC_FLOW);
  g_assert_cmpfloat (vg_observation_get_value (o), ==, 120.0);
}

static void
test_unsupported_and_malformed (void)
{
  g_autoptr(GBytes) vms = feed_test_load ("datex2/VMS_and_Matrix_Signal_Status_Data_3794928453993454.xml");
  g_autoptr(GBytes) no_id = feed_test_load_edited ("datex2/v2-situation-montpellier.xml", " id=\"MTP-2024-1017-003-CLO\"", "");
  g_autoptr(GBytes) bad_latitude = feed_test_load_edited ("datex2/v2-situation-montpellier.xml", "<latitude>43.61250</latitude>", "<latitude>143.61250</latitude>");
  g_autoptr(GBytes) bad_pos = feed_test_load_edited ("datex2/v3-situation-montpellier.xml", "43.60520 3.89910 ", "43.60520 ");
  g_autoptr(GBytes) bad_severity = feed_test_load_edited ("datex2/v3-situation-montpellier.xml", "<sit:severity>low</sit:severity>", "<sit:severity>bof</sit:severity>");
  g_autoptr(GBytes) lambert = feed_test_load_edited ("datex2/v3-situation-montpellier.xml", "srsName=\"EPSG:4326\"", "srsName=\"EPSG:2154\"");

  feed_test_assert_fails (VG_FEED_KIND_DATEX2, vms, VG_FEED_ERROR_UNSUPPORTED, "DATEX II v2 VmsPublication", NULL);
  feed_test_assert_fails (VG_FEED_KIND_DATEX2, no_id, VG_FEED_ERROR_MALFORMED,
                          "line 50, /d2LogicalModel/payloadPublication/situation[3]/situationRecord", "without id", NULL);
  feed_test_assert_fails (VG_FEED_KIND_DATEX2, bad_latitude, VG_FEED_ERROR_OUT_OF_RANGE, "latitude 143.61250, longitude 3.94200 is not WGS84", NULL);
  feed_test_assert_fails (VG_FEED_KIND_DATEX2, bad_pos, VG_FEED_ERROR_MALFORMED, "/posList", "found 5 numbers", NULL);
  feed_test_assert_fails (VG_FEED_KIND_DATEX2, bad_severity, VG_FEED_ERROR_MALFORMED, "severity “bof”", NULL);
  feed_test_assert_fails (VG_FEED_KIND_DATEX2, lambert, VG_FEED_ERROR_UNSUPPORTED, "EPSG:2154", NULL);
  feed_test_assert_text_fails (VG_FEED_KIND_DATEX2, "<d2LogicalModel xmlns=\"http://example.org/\"/>", VG_FEED_ERROR_UNSUPPORTED,
                               "not DATEX II", NULL);
}

static void
test_biometric_record_refused (void)
{
  g_autoptr(GDateTime) received_at = feed_test_received_at ();
  g_autoptr(GBytes) payload = feed_test_load_edited ("datex2/v2-situation-montpellier.xml", "<accidentType>collision</accidentType>",
                                                     "<accidentType>collision</accidentType><driverFacePhoto>...</driverFacePhoto>");
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFeedBatch) batch = vg_feed_parse_datex2 ("d2", received_at, payload, &error);
  VgFeedRefusal *refusal;

  g_assert_no_error (error);
  g_assert_cmpuint (vg_feed_batch_get_incidents (batch)->len, ==, 3);
  refusal = g_ptr_array_index (vg_feed_batch_get_refusals (batch), 0);
  g_assert_cmpstr (vg_feed_refusal_get_record_id (refusal), ==, "MTP-2024-1017-001-ACC");
  g_assert_cmpstr (vg_feed_refusal_get_field (refusal), ==, "driverFacePhoto");
  g_assert_error (vg_feed_refusal_get_error (refusal), VG_FEED_ERROR, VG_FEED_ERROR_REFUSED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/feeds/datex2/ntis-events", test_ntis_events);
  g_test_add_func ("/vigie/feeds/datex2/montpellier-situations-v2", test_montpellier_situations_v2);
  g_test_add_func ("/vigie/feeds/datex2/montpellier-situations-v3", test_montpellier_situations_v3);
  g_test_add_func ("/vigie/feeds/datex2/traffic-regulation-v3", test_traffic_regulation_v3);
  g_test_add_func ("/vigie/feeds/datex2/measured-data", test_measured_data);
  g_test_add_func ("/vigie/feeds/datex2/unsupported-and-malformed", test_unsupported_and_malformed);
  g_test_add_func ("/vigie/feeds/datex2/biometric-record-refused", test_biometric_record_refused);

  return g_test_run ();
}
