/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "bench-feeds"

#include "config.h"

#include <stdio.h>

#include "vg-feed-parser.h"

/* Parse throughput of the feed parsers on generated payloads shaped like the real ones, as
 * "bench: <figure> | <value> <unit> | <note>" lines. Hub'Eau serves at most 20,000 records a
 * page, so a million observations are 50 pages; DATEX II situation records come in payloads of
 * 10,000 (about 13 MB each, under the 64 MiB limit). Times include the payload checks (size, strict
 * JSON scan, SHA-256) and building the records. BENCH_QUICK=1 runs a tenth of it. */

#define HUBEAU_PAGES         (g_getenv ("BENCH_QUICK") ? 5 : 50)
#define HUBEAU_PAGE_RECORDS  20000
#define DATEX_PAYLOADS       (g_getenv ("BENCH_QUICK") ? 1 : 10)
#define DATEX_RECORDS        10000

static GBytes *
hubeau_page (guint page)
{
  static const char * const stations[] = { "Y321002101", "Y321002001", "Y314001001" };
  GString *text = g_string_sized_new (HUBEAU_PAGE_RECORDS * 560);

  g_string_append (text, "{\"count\": 1000000, \"next\": null, \"api_version\": \"1.0.1\", \"data\": [");
  for (guint i = 0; i < HUBEAU_PAGE_RECORDS; i++)
    {
      guint n = page * HUBEAU_PAGE_RECORDS + i;
      gboolean level = n % 2 == 0;

      g_string_append_printf (text,
        "%s{\"code_site\": \"%.8s\", \"code_station\": \"%s\", \"grandeur_hydro\": \"%s\", "
        "\"date_debut_serie\": \"2024-09-17T00:00:00Z\", \"date_fin_serie\": \"2024-10-17T06:00:00Z\", "
        "\"statut_serie\": 4, \"code_systeme_alti_serie\": 31, \"date_obs\": \"2024-%02u-%02uT%02u:%02u:00Z\", "
        "\"resultat_obs\": %u.0, \"code_methode_obs\": 0, \"libelle_methode_obs\": \"Mesurée\", "
        "\"code_qualification_obs\": 16, \"libelle_qualification_obs\": \"Non qualifiée\", "
        "\"continuite_obs_hydro\": true, \"longitude\": 3.89671, \"latitude\": 43.61864}",
        i ? "," : "", stations[n % 3], stations[n % 3], level ? "H" : "Q",
        1 + (n / 8928) % 12, 1 + (n / 288) % 28, (n / 12) % 24, (n % 12) * 5,
        level ? 400 + n % 3000 : 2000 + n % 200000);
    }
  g_string_append (text, "]}");
  return g_string_free_to_bytes (text);
}

static GBytes *
datex_payload (guint payload)
{
  static const char * const types[][2] = {
    { "Accident", "<accidentType>collision</accidentType>" },
    { "MaintenanceWorks", "<roadMaintenanceType>roadworks</roadMaintenanceType>" },
    { "RoadOrCarriagewayOrLaneManagement", "<roadOrCarriagewayOrLaneManagementType>laneClosures</roadOrCarriagewayOrLaneManagementType>" },
    { "AbnormalTraffic", "<abnormalTrafficType>queuingTraffic</abnormalTrafficType>" },
  };
  GString *text = g_string_sized_new (DATEX_RECORDS * 1600);

  g_string_append (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><d2LogicalModel modelBaseVersion=\"2\" "
                         "xmlns=\"http://datex2.eu/schema/2/2_0\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                         "<payloadPublication xsi:type=\"SituationPublication\" lang=\"fr\">"
                         "<publicationTime>2024-10-17T06:10:00+02:00</publicationTime>");
  for (guint i = 0; i < DATEX_RECORDS; i++)
    {
      guint n = payload * DATEX_RECORDS + i;

      g_string_append_printf (text,
        "<situation version=\"1\" id=\"S%u\"><headerInformation><confidentiality>noRestriction</confidentiality>"
        "<informationStatus>real</informationStatus></headerInformation>"
        "<situationRecord xsi:type=\"%s\" version=\"1\" id=\"R%u\">"
        "<situationRecordCreationTime>2024-10-17T05:00:00+02:00</situationRecordCreationTime>"
        "<situationRecordVersionTime>2024-10-17T06:00:00+02:00</situationRecordVersionTime>"
        "<probabilityOfOccurrence>certain</probabilityOfOccurrence><severity>medium</severity>"
        "<source><sourceIdentification>DIRMED</sourceIdentification></source>"
        "<validity><validityStatus>active</validityStatus><validityTimeSpecification>"
        "<overallStartTime>2024-10-17T05:00:00+02:00</overallStartTime><overallEndTime>2024-10-17T09:00:00+02:00</overallEndTime>"
        "</validityTimeSpecification></validity>"
        "<generalPublicComment><comment><values><value lang=\"fr\">Événement %u sur le réseau de la Métropole</value></values></comment></generalPublicComment>"
        "<groupOfLocations xsi:type=\"Point\"><pointByCoordinates><pointCoordinates>"
        "<latitude>%.5f</latitude><longitude>%.5f</longitude></pointCoordinates></pointByCoordinates></groupOfLocations>"
        "<management><lifeCycleManagement><cancel>false</cancel><end>false</end></lifeCycleManagement></management>"
        "%s</situationRecord></situation>",
        n, types[n % 4][0], n, n, 43.55 + (n % 1000) * 1e-4, 3.80 + (n % 997) * 2e-4, types[n % 4][1]);
    }
  g_string_append (text, "</payloadPublication></d2LogicalModel>");
  return g_string_free_to_bytes (text);
}

static void
report (const char *figure,
        guint       records,
        gint64      usec,
        gsize       bytes,
        const char *note)
{
  g_print ("bench: %s | %.0f records/s | %u records, %.1f MB in %.2f s (%.0f MB/s); %s\n", figure,
           records / (usec / 1e6), records, bytes / 1e6, usec / 1e6, bytes / 1e6 / (usec / 1e6), note);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDateTime) received_at = g_date_time_new_utc (2024, 10, 17, 6, 10, 0);
  gint64 elapsed = 0;
  guint records = 0;
  gsize bytes = 0;

  for (guint page = 0; page < HUBEAU_PAGES; page++)
    {
      g_autoptr(GBytes) payload = hubeau_page (page);
      g_autoptr(GError) error = NULL;
      g_autoptr(VgFeedBatch) batch = NULL;
      gint64 start = g_get_monotonic_time ();

      batch = vg_feed_parse_hubeau ("bench", received_at, payload, &error);
      elapsed += g_get_monotonic_time () - start;
      if (batch == NULL)
        g_error ("%s", error->message);
      records += vg_feed_batch_get_observations (batch)->len;
      bytes += g_bytes_get_size (payload);
    }
  report ("Hub'Eau observations_tr parse", records, elapsed, bytes,
          "pages of 20,000 (the API's page size), full observations_tr fields");

  elapsed = 0, records = 0, bytes = 0;
  for (guint p = 0; p < DATEX_PAYLOADS; p++)
    {
      g_autoptr(GBytes) payload = datex_payload (p);
      g_autoptr(GError) error = NULL;
      g_autoptr(VgFeedBatch) batch = NULL;
      gint64 start = g_get_monotonic_time ();

      batch = vg_feed_parse_datex2 ("bench", received_at, payload, &error);
      elapsed += g_get_monotonic_time () - start;
      if (batch == NULL)
        g_error ("%s", error->message);
      records += vg_feed_batch_get_incidents (batch)->len;
      bytes += g_bytes_get_size (payload);
    }
  report ("DATEX II v2 situation records parse", records, elapsed, bytes,
          "payloads of 10,000 records with validity, comment and point location");
  return 0;
}
