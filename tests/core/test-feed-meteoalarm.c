/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include "feed-test-util.h"

#define FIXTURE "meteoalarm/atom-france.xml"

static void
test_index_entries (void)
{
  g_autoptr(VgFeedBatch) batch = feed_test_parse (VG_FEED_KIND_METEOALARM_ATOM, FIXTURE);
  GPtrArray *entries = vg_feed_batch_get_index_entries (batch);
  VgCapIndexEntry *herault, *gard;

  g_assert_cmpuint (entries->len, ==, 2);
  herault = entries->pdata[0];
  g_assert_true (vg_cap_index_entry_get_origin (herault) == vg_feed_batch_get_origin (batch));
  g_assert_cmpstr (vg_cap_index_entry_get_position (herault), ==, "line 11, /feed/entry[1]");
  g_assert_cmpstr (vg_cap_index_entry_get_entry_id (herault), ==,
                   "https://feeds.meteoalarm.org/api/v1/warnings/feeds-france/0c1b7a0e-2f5d-4a8c-9d3e-6f1a2b3c4d51");
  g_assert_cmpstr (vg_cap_index_entry_get_event (herault), ==, "Severe thunderstorm warning");
  g_assert_cmpstr (vg_cap_index_entry_get_status (herault), ==, "Actual");
  g_assert_cmpstr (vg_cap_index_entry_get_urgency (herault), ==, "Future");
  g_assert_cmpstr (vg_cap_index_entry_get_certainty (herault), ==, "Likely");
  g_assert_cmpint (vg_cap_index_entry_get_sent (herault), ==, feed_test_usec ("2024-10-16T16:00:00+02:00"));
  g_assert_cmpint (vg_cap_index_entry_get_expires (herault), ==, feed_test_usec ("2024-10-18T00:00:00+02:00"));
  g_assert_cmpstr (vg_cap_index_entry_get_geocodes (herault)[0], ==, "NUTS3");
  g_assert_cmpstr (vg_cap_index_entry_get_geocodes (herault)[1], ==, "FRJ13");
  g_assert_null (vg_cap_index_entry_get_geocodes (herault)[2]);
  g_assert_cmpstr (vg_cap_index_entry_get_identifier (herault), ==, "2.49.0.0.250.0.FR.20241016160000.100002");
  /* The CAP link (typed application/cap+xml), not the web page. */
  g_assert_cmpstr (vg_cap_index_entry_get_uri (herault), ==,
                   "https://feeds.meteoalarm.org/api/v1/warnings/feeds-france/0c1b7a0e-2f5d-4a8c-9d3e-6f1a2b3c4d51");
  g_assert_cmpstr (vg_cap_index_entry_get_area_description (herault), ==, "Hérault");
  g_assert_cmpstr (vg_cap_index_entry_get_msg_type (herault), ==, "Update");
  g_assert_cmpint (vg_cap_index_entry_get_severity (herault), ==, VG_SEVERITY_SEVERE);
  g_assert_cmpint (vg_cap_index_entry_get_awareness_level (herault), ==, VG_AWARENESS_ORANGE);
  g_assert_cmpint (vg_cap_index_entry_get_onset (herault), ==, feed_test_usec ("2024-10-17T00:00:00+02:00"));
  g_assert_cmpint (vg_cap_index_entry_get_updated (herault), ==, feed_test_usec ("2024-10-16T14:00:05Z"));
  /* Hérault by either NUTS edition. */
  g_assert_true (vg_cap_index_entry_has_nuts (herault, "FR813"));
  g_assert_true (vg_cap_index_entry_has_nuts (herault, "FRJ13"));

  gard = entries->pdata[1];
  g_assert_cmpint (vg_cap_index_entry_get_awareness_level (gard), ==, VG_AWARENESS_YELLOW);
  g_assert_true (vg_cap_index_entry_has_nuts (gard, "FRJ12"));
  g_assert_false (vg_cap_index_entry_has_nuts (gard, "FRJ13"));
  g_assert_cmpint (vg_cap_index_entry_get_onset (gard), ==, VG_FEED_TIME_UNKNOWN);
}

static void
test_malformed (void)
{
  g_autoptr(GBytes) no_link = feed_test_load_edited (FIXTURE, "<link href=\"https://feeds.meteoalarm.org/api/v1/warnings/feeds-france/7d4e2c91-88a0-4f6b-b2c1-0e9f8a7b6c52\" type=\"application/cap+xml\"/>", "");
  g_autoptr(GBytes) bad_time = feed_test_load_edited (FIXTURE, "<cap:onset>2024-10-17T00:00:00+02:00</cap:onset>", "<cap:onset>demain</cap:onset>");

  feed_test_assert_fails (VG_FEED_KIND_METEOALARM_ATOM, no_link, VG_FEED_ERROR_MALFORMED, "/feed/entry[2]", "links to no CAP message", NULL);
  feed_test_assert_fails (VG_FEED_KIND_METEOALARM_ATOM, bad_time, VG_FEED_ERROR_MALFORMED, "/feed/entry[1]/onset", "“demain”", NULL);
  feed_test_assert_text_fails (VG_FEED_KIND_METEOALARM_ATOM, "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"/>",
                               VG_FEED_ERROR_UNSUPPORTED, "not an Atom feed", "read it as cap", NULL);
}

static void
test_biometric_entry_refused (void)
{
  g_autoptr(GDateTime) received_at = feed_test_received_at ();
  g_autoptr(GBytes) payload = feed_test_load_edited (FIXTURE, "<cap:areaDesc>Gard</cap:areaDesc>",
                                                     "<cap:areaDesc>Gard</cap:areaDesc><cap:faceImage>...</cap:faceImage>");
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFeedBatch) batch = vg_feed_parse_meteoalarm_atom ("ma", received_at, payload, &error);
  VgFeedRefusal *refusal;

  g_assert_no_error (error);
  g_assert_cmpuint (vg_feed_batch_get_index_entries (batch)->len, ==, 1);
  refusal = g_ptr_array_index (vg_feed_batch_get_refusals (batch), 0);
  g_assert_error (vg_feed_refusal_get_error (refusal), VG_FEED_ERROR, VG_FEED_ERROR_REFUSED);
  g_assert_cmpstr (vg_feed_refusal_get_field (refusal), ==, "faceImage");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/feeds/meteoalarm/index-entries", test_index_entries);
  g_test_add_func ("/vigie/feeds/meteoalarm/malformed", test_malformed);
  g_test_add_func ("/vigie/feeds/meteoalarm/biometric-entry-refused", test_biometric_entry_refused);

  return g_test_run ();
}
