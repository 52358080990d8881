/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-test"

#include "config.h"

#include "vg-test-export.h"
#include "vg-test-journal.h"
#include "vg-test-util.h"

/* An issued alert: a CAP 1.2 message as Vigie would draft one for the residents of the banks. */
static const char issued_cap[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"
  "<identifier>vigie-montpellier-2014-09-29-001</identifier>"
  "<sender>crise@montpellier3m.fr</sender>"
  "<sent>2014-09-29T10:45:00+02:00</sent>"
  "<status>Exercise</status><msgType>Alert</msgType><scope>Public</scope>"
  "<info><language>fr-FR</language><category>Met</category><event>Crue du Lez</event>"
  "<urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty>"
  "<headline>Crue du Lez : évitez les berges</headline>"
  "<area><areaDesc>Berges du Lez, Montpellier</areaDesc></area></info>"
  "</alert>";

static guint64
add (VgJournal     *journal,
     VgClock       *clock,
     int            minutes,
     VgJournalKind  kind,
     const char    *source,
     const char    *author,
     const char    *payload)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = vg_test_json (payload);
  guint64 seq = 0;

  vg_test_clock_advance (clock, minutes * 60);
  g_assert_true (vg_journal_append (journal, kind, source, author, node, &seq, &error));
  g_assert_no_error (error);
  return seq;
}

VgJournal *
vg_test_review_journal_create (const char   *path,
                               VgClock      *clock,
                               VgTestReview *s)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cap_path = vg_test_data_path ("export/meteofrance-vigilance-jaune-orages-20220810.xml");
  g_autofree char *cap = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) issued = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDateTime) fetched = NULL;
  g_autofree char *correction = NULL;
  VgJournal *journal = vg_test_journal_create (path, clock, TRUE);
  gsize len;

  g_assert_true (g_file_get_contents (cap_path, &cap, &len, &error));
  g_assert_no_error (error);
  bytes = g_bytes_new (cap, len);
  vg_test_clock_advance (clock, 5 * 60);
  fetched = vg_clock_dup_now (clock);
  g_assert_true (vg_journal_append_raw_payload (journal, "meteofrance-vigilance", "https://example.invalid/cap",
                                                "application/cap+xml", fetched, bytes, &s->cap_received, &error));
  g_assert_no_error (error);

  s->note_0 = add (journal, clock, 1, VG_JOURNAL_KIND_OPERATOR_NOTE, "main-courante", "Claire Martin",
                   "{\"text\":\"Cellule de veille ouverte après la vigilance de Météo-France\",\"features\":[],"
                   "\"phase\":\"Veille\"}");
  s->warning = add (journal, clock, 4, VG_JOURNAL_KIND_WARNING, "meteofrance-vigilance", "meteofrance-vigilance",
                    "{\"warning\":\"vigilance-pluie-inondation-34\",\"area\":\"Hérault\",\"level\":\"orange\","
                    "\"hazard\":\"flood\",\"text\":\"Vigilance orange pluie-inondation sur l'Hérault\"}");
  s->reading_low = add (journal, clock, 5, VG_JOURNAL_KIND_OBSERVATION, "hubeau", "hubeau-lez-montpellier",
                        "{\"gauge\":\"Y321002101\",\"quantity\":\"level\",\"value\":2.1,\"unit\":\"m\","
                        "\"threshold\":\"vigilance-orange\",\"threshold_value\":3.5,\"lon\":3.8975,\"lat\":43.6093}");
  s->projection = add (journal, clock, 15, VG_JOURNAL_KIND_PROJECTION, "flood", "vigie-flood",
                       "{\"gauge\":\"Y321002101\",\"hazard\":\"flood\",\"threshold\":\"vigilance-orange\","
                       "\"threshold_value\":3.5,\"value\":3.9,\"valid_time\":\"2014-09-29T09:00:00Z\","
                       "\"text\":\"Flood envelope of the Lez at 3.9 m\",\"geometry\":{\"type\":\"Polygon\","
                       "\"coordinates\":[[[3.893,43.604],[3.902,43.604],[3.903,43.618],[3.894,43.618],[3.893,43.604]]]}}");
  s->proposal_1 = add (journal, clock, 5, VG_JOURNAL_KIND_PROPOSAL, "proposals", "vigie",
                       "{\"proposal\":\"P-1\",\"title\":\"Close the riverside roads (avenue de la Pompignane)\","
                       "\"action\":\"close-roads\",\"geometry\":{\"type\":\"LineString\","
                       "\"coordinates\":[[3.8925,43.6125],[3.8941,43.6152],[3.8960,43.6178]]}}");
  s->decision_1 = add (journal, clock, 15, VG_JOURNAL_KIND_DECISION, "operator", "Claire Martin",
                       "{\"proposal\":\"P-1\",\"verdict\":\"accepted\",\"reason\":\"The envelope reaches the road within two hours\"}");
  s->note_1 = add (journal, clock, 10, VG_JOURNAL_KIND_OPERATOR_NOTE, "main-courante", "Claire Martin",
                   "{\"text\":\"Pompiers informés, barrières posées avenue de la Pompignane\",\"features\":[],\"phase\":\"Crise\"}");
  s->reading_high = add (journal, clock, 20, VG_JOURNAL_KIND_OBSERVATION, "hubeau", "hubeau-lez-montpellier",
                         "{\"gauge\":\"Y321002101\",\"quantity\":\"level\",\"value\":3.72,\"unit\":\"m\","
                         "\"threshold\":\"vigilance-orange\",\"threshold_value\":3.5,\"lon\":3.8975,\"lat\":43.6093}");
  s->incident = add (journal, clock, 5, VG_JOURNAL_KIND_INCIDENT, "operator", "Jean Dupont",
                     "{\"incident\":\"INC-1\",\"title\":\"Flooded cellar, rue de la Roqueturière\",\"status\":\"open\","
                     "\"lon\":3.8842,\"lat\":43.6221}");
  s->feed_health = add (journal, clock, 5, VG_JOURNAL_KIND_FEED_HEALTH, "feeds", "hubeau-lez-lattes",
                        "{\"feed\":\"hubeau-lez-lattes\",\"status\":\"stale\",\"text\":\"No reading for 15 min\"}");
  s->inject = add (journal, clock, 10, VG_JOURNAL_KIND_SCENARIO_INJECT, "scenario", "lez-2014-09",
                   "{\"inject\":\"INJ-03\",\"text\":\"A school head calls: the schoolyard is flooding\"}");
  s->proposal_2 = add (journal, clock, 5, VG_JOURNAL_KIND_PROPOSAL, "proposals", "vigie",
                       "{\"proposal\":\"P-2\",\"title\":\"Evacuate the care home Les Aubes\",\"lon\":3.8901,\"lat\":43.6190}");
  s->decision_2 = add (journal, clock, 45, VG_JOURNAL_KIND_DECISION, "operator", "Jean Dupont",
                       "{\"proposal\":\"P-2\",\"verdict\":\"rejected\",\"reason\":\"Residents safe upstairs: shelter in place\"}");
  s->note_2 = add (journal, clock, 5, VG_JOURNAL_KIND_OPERATOR_NOTE, "main-courante", "Jean Dupont",
                   "{\"text\":\"Le Lez redescend sous 3 m ; levée progressive des barrières\",\"features\":[],\"phase\":\"Décrue\"}");
  s->proposal_3 = add (journal, clock, 5, VG_JOURNAL_KIND_PROPOSAL, "proposals", "vigie",
                       "{\"proposal\":\"P-3\",\"title\":\"Open the shelter at the Mosson gymnasium\"}");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "warning");
  json_builder_add_string_value (builder, "vigie-alert-1");
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "released");
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, "Alert to the residents of the banks of the Lez");
  json_builder_set_member_name (builder, "cap");
  json_builder_add_string_value (builder, issued_cap);
  json_builder_end_object (builder);
  issued = json_builder_get_root (builder);
  vg_test_clock_advance (clock, 5 * 60);
  g_assert_true (vg_journal_append (journal, VG_JOURNAL_KIND_WARNING, "alerts", "Claire Martin", issued,
                                    &s->cap_issued, &error));
  g_assert_no_error (error);

  s->heat = add (journal, clock, 5, VG_JOURNAL_KIND_PROJECTION, "heat", "vigie-heat",
                 "{\"district\":\"Mosson\",\"heat_level\":\"orange\"}");
  s->no_subject = add (journal, clock, 5, VG_JOURNAL_KIND_OBSERVATION, "hubeau", "hubeau-lez-montpellier",
                       "{\"threshold\":\"vigilance-rouge\",\"value\":\"n/a\"}");
  s->bad_geometry = add (journal, clock, 5, VG_JOURNAL_KIND_PROJECTION, "flood", "vigie-flood",
                         "{\"text\":\"Broken envelope\",\"geometry\":{\"type\":\"Polygon\","
                         "\"coordinates\":[[[3.8,43.6],[3.9,43.6],[3.9,43.7],[3.8,43.7]]]}}");
  correction = g_strdup_printf ("{\"corrects\":%" G_GUINT64_FORMAT ",\"text\":\"The Lattes gauge was in "
                                "maintenance, not stale\"}", s->feed_health);
  s->correction = add (journal, clock, 5, VG_JOURNAL_KIND_CORRECTION, "operator", "Jean Dupont", correction);
  s->last = s->correction;
  return journal;
}
