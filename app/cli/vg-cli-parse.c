/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vigie-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>

#include "vg-cli.h"
#include "vg-clock.h"
#include "vg-error.h"
#include "vg-feed-parser.h"

static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) time = NULL;

  if (usec == VG_FEED_TIME_UNKNOWN)
    return g_strdup ("-");
  time = vg_time_new_from_usec (usec);
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

static void
print_observation (VgObservation *o)
{
  g_autofree char *time = format_time (vg_observation_get_time (o));
  VgQuantity q = vg_observation_get_quantity (o);

  g_print ("observation  %-24s %-13s %12.4f %-5s %s", vg_observation_get_station_id (o), vg_quantity_to_id (q),
           vg_observation_get_value (o), vg_quantity_get_unit (q), time);
  if (vg_observation_has_location (o))
    g_print ("  %.6f,%.6f", vg_observation_get_longitude (o), vg_observation_get_latitude (o));
  g_print ("\n");
}

static void
print_forecast (VgForecast *f)
{
  g_autofree char *run = format_time (vg_forecast_get_model_run (f));
  const gint64 *times = vg_forecast_get_times (f);

  g_print ("forecast     %s  %u steps  model run %s\n", vg_forecast_get_source_id (f), vg_forecast_get_n_steps (f), run);
  for (guint i = 0; i < vg_forecast_get_n_steps (f); i++)
    {
      g_autofree char *time = format_time (times[i]);

      g_print ("  %s", time);
      for (guint q = 0; q < VG_N_QUANTITIES; q++)
        {
          const double *series = vg_forecast_get_series (f, q);

          if (series == NULL)
            continue;
          if (isnan (series[i]))
            g_print ("  %s=-", vg_quantity_to_id (q));
          else
            g_print ("  %s=%.2f %s", vg_quantity_to_id (q), series[i], vg_quantity_get_unit (q));
        }
      g_print ("\n");
    }
}

static void
print_warning (VgWarning *w)
{
  g_autofree char *onset = format_time (vg_warning_get_onset (w));
  g_autofree char *expires = format_time (vg_warning_get_expires (w));
  VgCapArea *area = vg_warning_get_area (w);

  g_print ("warning      %s  %s  %s  %s  %s..%s  %s\n", vg_warning_get_key (w), vg_warning_get_msg_type (w),
           vg_awareness_level_to_id (vg_warning_get_awareness_level (w)), vg_severity_to_id (vg_warning_get_severity (w)),
           onset, expires, vg_warning_get_event (w) ? vg_warning_get_event (w) : "-");
  if (area != NULL)
    g_print ("  area “%s” (%u polygons, %u circles)\n", vg_cap_area_get_description (area),
             vg_shape_set_get_n_shapes (vg_cap_area_get_polygons (area)), vg_cap_area_get_n_circles (area));
}

static void
print_incident (VgIncident *i)
{
  g_autofree char *start = format_time (vg_incident_get_start (i));
  g_autofree char *end = format_time (vg_incident_get_end (i));
  VgShapeSet *geometry = vg_incident_get_geometry (i);
  double bbox[4];

  g_print ("incident     %s  %s  %s  %s  %s..%s  %s", vg_incident_get_source_id (i),
           vg_incident_kind_to_id (vg_incident_get_kind (i)), vg_severity_to_id (vg_incident_get_severity (i)),
           vg_incident_status_to_id (vg_incident_get_status (i)), start, end,
           vg_incident_get_subtype (i) ? vg_incident_get_subtype (i) : "-");
  if (vg_shape_set_get_extent (geometry, bbox))
    g_print ("  %u locations in %.5f,%.5f %.5f,%.5f", vg_shape_set_get_n_shapes (geometry), bbox[0], bbox[1], bbox[2], bbox[3]);
  g_print ("\n");
}

static void
print_index_entry (VgCapIndexEntry *e)
{
  g_print ("index        %s  %s  %s  %s\n", vg_cap_index_entry_get_identifier (e) ? vg_cap_index_entry_get_identifier (e) : "-",
           vg_awareness_level_to_id (vg_cap_index_entry_get_awareness_level (e)),
           vg_cap_index_entry_get_title (e) ? vg_cap_index_entry_get_title (e) : "-", vg_cap_index_entry_get_uri (e));
}

static void
print_text (VgFeedBatch *batch)
{
  GPtrArray *records;

  records = vg_feed_batch_get_observations (batch);
  for (guint i = 0; i < records->len; i++)
    print_observation (records->pdata[i]);
  records = vg_feed_batch_get_forecasts (batch);
  for (guint i = 0; i < records->len; i++)
    print_forecast (records->pdata[i]);
  records = vg_feed_batch_get_warnings (batch);
  for (guint i = 0; i < records->len; i++)
    print_warning (records->pdata[i]);
  records = vg_feed_batch_get_incidents (batch);
  for (guint i = 0; i < records->len; i++)
    print_incident (records->pdata[i]);
  records = vg_feed_batch_get_index_entries (batch);
  for (guint i = 0; i < records->len; i++)
    print_index_entry (records->pdata[i]);
  records = vg_feed_batch_get_refusals (batch);
  for (guint i = 0; i < records->len; i++)
    {
      VgFeedRefusal *r = records->pdata[i];

      g_print ("%-12s %s\n", vg_feed_refusal_action_to_id (vg_feed_refusal_get_action (r)),
               vg_feed_refusal_get_error (r)->message);
    }
}

int
vg_cli_parse_feed (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) received_at = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(VgFeedBatch) batch = NULL;
  g_autofree char *received_text = NULL;
  g_autofree char *contents = NULL;
  gboolean json = FALSE;
  VgFeedKind kind;
  GStatBuf st;
  gsize len;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "received-at", 0, 0, G_OPTION_ARG_STRING, &received_text, N_("Reception time to record (ISO 8601; default: now)"), N_("TIME") },
    { NULL }
  };

  context = g_option_context_new (_("KIND FILE — print the normalised records of a feed payload"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, _("KIND is one of hubeau, sensorthings, openmeteo, cap, meteoalarm-atom, datex2, geojson."));
  if (!vg_cli_parse (context, &argc, &argv))
    return VG_CLI_EXIT_USAGE;
  if (argc != 3)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("expected KIND and FILE (see vigie-cli parse --help)"));
  if (!vg_feed_kind_from_id (argv[1], &kind))
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unknown kind “%s”: hubeau, sensorthings, openmeteo, cap, meteoalarm-atom, datex2 or geojson"), argv[1]);
  if (received_text != NULL)
    {
      if ((received_at = g_date_time_new_from_iso8601 (received_text, NULL)) == NULL)
        return vg_cli_fail (VG_CLI_EXIT_USAGE, _("--received-at “%s” is not an ISO 8601 time with an offset"), received_text);
    }
  else
    {
      g_autoptr(VgClock) clock = vg_clock_new_wall ();

      received_at = vg_clock_dup_now (clock);
    }

  /* Refuse a huge file before reading it, as the poller refuses a huge body. */
  if (g_stat (argv[2], &st) == 0 && st.st_size > VG_FEED_MAX_PAYLOAD)
    return vg_cli_fail (VG_CLI_EXIT_FAIL, _("Feed “%s”: payload: %" PRId64 " bytes, over the limit of %u bytes (64 MiB)"),
                        argv[2], (gint64) st.st_size, VG_FEED_MAX_PAYLOAD);
  if (!g_file_get_contents (argv[2], &contents, &len, &error))
    return vg_cli_fail_error (error);
  payload = g_bytes_new_take (g_steal_pointer (&contents), len);

  batch = vg_feed_parse (kind, argv[2], received_at, payload, &error);
  if (batch == NULL)
    return vg_cli_fail_error (error);
  if (json)
    {
      g_autoptr(JsonNode) root = vg_feed_batch_to_json (batch);

      vg_cli_print_json (root);
    }
  else
    print_text (batch);
  return VG_CLI_EXIT_OK;
}
