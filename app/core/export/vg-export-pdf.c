/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-export-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "vg-basemap.h"
#include "vg-data-dir.h"
#include "vg-entry-payload.h"
#include "vg-error.h"
#include "vg-export-private.h"
#include "vg-report-layout-private.h"
#include "vg-report-map-private.h"
#include "vg-site-symbol.h"
#include "vg-site.h"
#include "vg-threshold-ledger.h"
#include "vg-tile-renderer.h"
#include "vg-wkb.h"

/* The after-action report (RETEX): cover, key figures, a map per phase, the threshold table,
 * the decisions table and the operator log, from one pass over the journal (the filter
 * applies: a report of a filtered view says so on its cover). Times are Montpellier's local
 * time; every text is in the export's language (VgCatalog), and nothing depends on the clock,
 * so the same journal gives the same bytes. */

/* Where the crisis centre is, and so the time its people read. */
#define REPORT_TIME_ZONE "Europe/Paris"
/* Phases: from "phase" members of the entries, at most this many (later ones join the last);
 * without them the period is cut into AUTO_PHASES equal parts, or one if shorter than an hour. */
#define MAX_PHASES  8
#define AUTO_PHASES 3
/* The map image, in pixels, and as printed, in points (about 160 dpi). */
#define MAP_WIDTH_PX  1100
#define MAP_HEIGHT_PX 740
#define MAP_WIDTH_PT  499.0
#define MAP_HEIGHT_PT (MAP_WIDTH_PT * MAP_HEIGHT_PX / MAP_WIDTH_PX)
/* The smallest span a map shows, metres: one gauge alone still shows its neighbourhood. */
#define MAP_MIN_SPAN 4000.0
#define WEB_MERCATOR_MAX_LAT 85.05112878
#define EARTH_RADIUS 6378137.0

/* Colours of the groups on the maps (Okabe–Ito, as the sites use); earlier phases in grey. */
static const guint32 group_colors[VG_N_TIMELINE_GROUPS] = {
  [VG_TIMELINE_GROUP_OBSERVATIONS] = 0x000000,
  [VG_TIMELINE_GROUP_WARNINGS]     = 0xCC79A7,
  [VG_TIMELINE_GROUP_PROJECTIONS]  = 0x0072B2,
  [VG_TIMELINE_GROUP_PROPOSALS]    = 0xE69F00,
  [VG_TIMELINE_GROUP_DECISIONS]    = 0x009E73,
  [VG_TIMELINE_GROUP_NOTES]        = 0x56B4E9,
  [VG_TIMELINE_GROUP_FEED_HEALTH]  = 0x999999,
  [VG_TIMELINE_GROUP_INJECTS]      = 0x882255,
  [VG_TIMELINE_GROUP_INCIDENTS]    = 0xD55E00,
  [VG_TIMELINE_GROUP_OTHER]        = 0x666666,
};
#define EARLIER_COLOR 0x8a8a8a

typedef struct
{
  gint64           time;
  VgTimelineGroup  group;
} ShapeInfo;

typedef struct
{
  gint64  start;
  gint64  end;
  char   *label;    /* from the entries, or NULL for an automatic phase */
  guint   counts[VG_N_TIMELINE_GROUPS];
} Phase;

typedef struct
{
  VgExportContext   *ctx;
  GTimeZone         *zone;
  guint64            n_entries;
  guint              counts[VG_N_TIMELINE_GROUPS];
  gint64             first_time;
  gint64             last_time;
  VgThresholdLedger *ledger;
  GPtrArray         *notes;          /* operator-note entries */
  GArray            *phases;         /* of Phase, from "phase" members, in order */
  VgShapeSet        *shapes;         /* entries' geometries, EPSG:3857 */
  GArray            *shape_info;     /* ShapeInfo per shape */
  GArray            *entry_info;     /* ShapeInfo per entry, for the counts per phase */
  guint              n_bad_geometries;
  GByteArray        *wkb;            /* scratch */
} Report;

static void
clear_phase (gpointer data)
{
  g_free (((Phase *) data)->label);
}

static const char *
T (Report     *r,
   const char *msgid) G_GNUC_FORMAT (2);

static const char *
T (Report     *r,
   const char *msgid)
{
  return vg_export_gettext (r->ctx, msgid);
}

/* @usec in Montpellier's time, "29/09/2014 08:00" or "2014-09-29 08:00" as the language writes it. */
static char *
format_time (Report *r,
             gint64  usec)
{
  g_autoptr(GDateTime) utc = vg_time_new_from_usec (usec);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("—");
  local = g_date_time_to_timezone (utc, r->zone);
  /* Translators: a date and time in a table of the report (strftime format). */
  return g_date_time_format (local, T (r, N_("%Y-%m-%d %H:%M")));
}

/* A duration for people: "45 min", "2 h 05 min", "3 d 4 h"; negative ones with a minus. */
static char *
format_duration (Report *r,
                 gint64  usec)
{
  gint64 minutes = ABS (usec) / (60 * G_USEC_PER_SEC);
  const char *sign = usec < 0 ? "−" : "";

  if (ABS (usec) < 60 * G_USEC_PER_SEC)
    return g_strdup_printf (T (r, N_("%s%u s")), sign, (guint) (ABS (usec) / G_USEC_PER_SEC));
  if (minutes < 60)
    return g_strdup_printf (T (r, N_("%s%u min")), sign, (guint) minutes);
  if (minutes < 24 * 60)
    return g_strdup_printf (T (r, N_("%s%u h %02u min")), sign, (guint) (minutes / 60), (guint) (minutes % 60));
  return g_strdup_printf (T (r, N_("%s%u d %u h")), sign, (guint) (minutes / (24 * 60)), (guint) (minutes / 60 % 24));
}

/* Longitude and latitude to Web Mercator, in place (the sphere of EPSG:3857, exactly). */
static gboolean
to_web_mercator (double   *xy,
                 gsize     n_points,
                 gpointer  user_data)
{
  for (gsize i = 0; i < n_points; i++)
    {
      double lat = CLAMP (xy[2 * i + 1], -WEB_MERCATOR_MAX_LAT, WEB_MERCATOR_MAX_LAT);

      xy[2 * i] = EARTH_RADIUS * xy[2 * i] * G_PI / 180;
      xy[2 * i + 1] = EARTH_RADIUS * log (tan (G_PI / 4 + lat * G_PI / 360));
    }
  return TRUE;
}

static void
gather_phase (Report         *r,
              VgJournalEntry *entry)
{
  g_autofree char *label = vg_journal_entry_dup_string (entry, "phase");
  Phase *last = r->phases->len > 0 ? &g_array_index (r->phases, Phase, r->phases->len - 1) : NULL;
  Phase phase = { vg_journal_entry_get_time (entry), G_MAXINT64, NULL, { 0 } };

  if (label == NULL || (last != NULL && g_str_equal (last->label, label)))
    return;
  if (r->phases->len >= MAX_PHASES)
    return;
  phase.label = g_steal_pointer (&label);
  g_array_append_val (r->phases, phase);
}

static gboolean
gather_cb (VgJournalEntry *entry,
           gpointer        user_data)
{
  Report *r = user_data;
  VgTimelineGroup group = vg_timeline_group_of_entry (entry);
  gint64 time = vg_journal_entry_get_time (entry);
  double bbox[4];

  if (r->n_entries == 0)
    r->first_time = time;
  r->last_time = MAX (r->last_time, time);
  r->n_entries++;
  r->counts[group]++;
  {
    ShapeInfo info = { time, group };

    g_array_append_val (r->entry_info, info);
  }
  vg_threshold_ledger_add (r->ledger, entry);
  if (vg_journal_entry_get_kind (entry) == VG_JOURNAL_KIND_OPERATOR_NOTE)
    g_ptr_array_add (r->notes, vg_journal_entry_ref (entry));
  gather_phase (r, entry);

  g_byte_array_set_size (r->wkb, 0);
  if (vg_entry_write_wkb (entry, r->wkb, bbox, NULL))
    {
      ShapeInfo info = { time, group };

      /* A collection mixing points and polygons does not fit one shape: counted, not drawn. */
      if (vg_wkb_decode (r->wkb->data, r->wkb->len, r->shapes, NULL))
        g_array_append_val (r->shape_info, info);
      else
        r->n_bad_geometries++;
    }
  else if (vg_entry_may_have_geometry (entry))
    r->n_bad_geometries++;
  return TRUE;
}

/* The phases the maps show: the journal's, or equal parts of the period. */
static void
settle_phases (Report *r)
{
  if (r->phases->len == 0)
    {
      gint64 span = r->last_time - r->first_time;
      guint n = span < G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC ? 1 : AUTO_PHASES;

      for (guint i = 0; i < n; i++)
        {
          Phase phase = { r->first_time + span * i / n, 0, NULL, { 0 } };

          g_array_append_val (r->phases, phase);
        }
    }
  /* The first phase reaches back to the start of the period, the last to its end. */
  g_array_index (r->phases, Phase, 0).start = r->first_time;
  for (guint i = 0; i < r->phases->len; i++)
    {
      Phase *phase = &g_array_index (r->phases, Phase, i);

      phase->end = i + 1 < r->phases->len ? g_array_index (r->phases, Phase, i + 1).start : r->last_time;
    }
}

static guint
phase_of (Report *r,
          gint64  time)
{
  for (guint i = r->phases->len; i-- > 1;)
    if (time >= g_array_index (r->phases, Phase, i).start)
      return i;
  return 0;
}

static GPtrArray *
new_rows (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

static void
add_row (GPtrArray *rows,
         ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;
  const char *cell;

  va_start (args, rows);
  while ((cell = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (builder, cell);
  va_end (args);
  g_ptr_array_add (rows, g_strv_builder_end (builder));
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Median of @values (sorted in place); FALSE if there are none. */
static gboolean
median (GArray *values,
        gint64 *out)
{
  guint n = values->len;

  if (n == 0)
    return FALSE;
  g_array_sort (values, compare_int64);
  *out = n % 2 == 1 ? g_array_index (values, gint64, n / 2)
                    : (g_array_index (values, gint64, n / 2 - 1) + g_array_index (values, gint64, n / 2)) / 2;
  return TRUE;
}

static void
write_cover (Report         *r,
             VgReportLayout *layout)
{
  VgJournal *journal = r->ctx->journal;
  g_autofree char *from = format_time (r, r->first_time);
  g_autofree char *to = format_time (r, r->last_time);
  g_autofree char *duration = format_duration (r, r->last_time - r->first_time);
  g_autofree char *period = g_strdup_printf (T (r, N_("From %s to %s (%s)")), from, to, duration);
  g_autofree char *file = g_path_get_basename (vg_journal_get_path (journal));
  g_autofree char *filters = vg_timeline_filter_describe (r->ctx->filter);
  g_autofree char *provenance = NULL;
  g_autofree char *filter_text = NULL;
  g_autofree char *entries = NULL;

  vg_report_layout_text (layout, T (r, N_("After-action report")), 26, TRUE, FALSE);
  vg_report_layout_skip (layout, 6);
  vg_report_layout_text (layout, vg_journal_get_situation (journal), 20, FALSE, FALSE);
  vg_report_layout_skip (layout, 10);
  if (vg_journal_is_exercise (journal))
    {
      vg_report_layout_text (layout, T (r, N_("EXERCISE — this journal records a training exercise, not a real event.")),
                             12, TRUE, FALSE);
      vg_report_layout_skip (layout, 6);
    }
  vg_report_layout_text (layout, period, 12, FALSE, FALSE);
  vg_report_layout_text (layout, T (r, N_("Times are Montpellier local time (Europe/Paris).")), 9, FALSE, TRUE);
  vg_report_layout_skip (layout, 14);
  if (vg_timeline_filter_is_empty (r->ctx->filter))
    filter_text = g_strdup (T (r, N_("No filter: the report covers the whole journal.")));
  else
    filter_text = g_strdup_printf (T (r, N_("Filtered view: %s. Entries outside it are not counted here.")), filters);
  vg_report_layout_text (layout, filter_text, 10, FALSE, FALSE);
  vg_report_layout_skip (layout, 14);
  vg_report_layout_heading (layout, T (r, N_("Contents")), 40);
  vg_report_layout_text (layout, T (r, N_("1. Key figures\n2. Maps by phase\n3. Thresholds: forecast and observed\n"
                                          "4. Decisions\n5. Operator log")), 10, FALSE, FALSE);
  vg_report_layout_heading (layout, T (r, N_("Provenance")), 60);
  entries = g_strdup_printf ("%" G_GUINT64_FORMAT, r->ctx->last_seq);
  provenance = g_strdup_printf (T (r, N_("Written by Vigie %s from the situation journal “%s” alone: %s entries, "
                                         "the last of which has the hash %s. The report is dated by that last "
                                         "entry, not by when it was printed. Anyone holding the journal can check "
                                         "it with “vigie-cli journal verify”.")),
                                PACKAGE_VERSION, file, entries, r->ctx->last_hash);
  vg_report_layout_text (layout, provenance, 9, FALSE, TRUE);
}

static void
add_figure (GPtrArray  *rows,
            const char *name,
            char       *value)
{
  add_row (rows, name, value, NULL);
  g_free (value);
}

static void
write_key_figures (Report         *r,
                   VgReportLayout *layout)
{
  static const double widths[] = { 0.62, 0.38 };
  const char *headers[] = { T (r, N_("Figure")), T (r, N_("Value")) };
  g_autoptr(GPtrArray) rows = new_rows ();
  g_autoptr(GArray) waits = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) leads = g_array_new (FALSE, FALSE, sizeof (gint64));
  GListModel *proposals = vg_threshold_ledger_get_proposals (r->ledger);
  GListModel *thresholds = vg_threshold_ledger_get_thresholds (r->ledger);
  guint accepted = 0, rejected = 0, other = 0, pending = 0, forecast = 0, observed = 0;
  gint64 value;

  for (guint i = 0; i < g_list_model_get_n_items (proposals); i++)
    {
      g_autoptr(VgProposalWait) wait = g_list_model_get_item (proposals, i);
      const char *verdict = vg_proposal_wait_get_verdict (wait);

      if (vg_proposal_wait_get_decision_seq (wait) == 0)
        pending++;
      else if (vg_entry_verdict_is_accepted (verdict))
        accepted++;
      else if (vg_entry_verdict_is_rejected (verdict))
        rejected++;
      else
        other++;
      if (vg_proposal_wait_get_wait (wait, &value))
        g_array_append_val (waits, value);
    }
  for (guint i = 0; i < g_list_model_get_n_items (thresholds); i++)
    {
      g_autoptr(VgThresholdRecord) record = g_list_model_get_item (thresholds, i);

      forecast += vg_threshold_record_get_first_forecast_seq (record) != 0;
      observed += vg_threshold_record_get_first_observed_seq (record) != 0;
      if (vg_threshold_record_get_lead_time (record, &value))
        g_array_append_val (leads, value);
    }

  vg_report_layout_new_page (layout);
  vg_report_layout_heading (layout, T (r, N_("1. Key figures")), 80);
  add_figure (rows, T (r, N_("Duration of the period")), format_duration (r, r->last_time - r->first_time));
  add_figure (rows, T (r, N_("Journal entries in this report")), g_strdup_printf ("%" G_GUINT64_FORMAT, r->n_entries));
  for (VgTimelineGroup group = 0; group < VG_N_TIMELINE_GROUPS; group++)
    if (r->counts[group] > 0)
      add_figure (rows, T (r, vg_timeline_group_get_name (group)), g_strdup_printf ("%u", r->counts[group]));
  add_figure (rows, T (r, N_("Proposals accepted / rejected / other verdict")),
              g_strdup_printf ("%u / %u / %u", accepted, rejected, other));
  add_figure (rows, T (r, N_("Proposals never decided")), g_strdup_printf ("%u", pending));
  add_figure (rows, T (r, N_("Median wait for a decision")),
              median (waits, &value) ? format_duration (r, value) : g_strdup ("—"));
  add_figure (rows, T (r, N_("Longest wait for a decision")),
              waits->len > 0 ? format_duration (r, g_array_index (waits, gint64, waits->len - 1)) : g_strdup ("—"));
  add_figure (rows, T (r, N_("Thresholds forecast / observed")), g_strdup_printf ("%u / %u", forecast, observed));
  add_figure (rows, T (r, N_("Median lead time (forecast before observed)")),
              median (leads, &value) ? format_duration (r, value) : g_strdup ("—"));
  add_figure (rows, T (r, N_("Entries drawn on the maps")), g_strdup_printf ("%u", vg_shape_set_get_n_shapes (r->shapes)));
  if (r->n_bad_geometries > 0)
    add_figure (rows, T (r, N_("Geometries that could not be drawn")), g_strdup_printf ("%u", r->n_bad_geometries));
  vg_report_layout_table (layout, 2, widths, headers, rows);
}

/* The frame of every phase map: all geometries, padded, never smaller than MAP_MIN_SPAN; or
 * the Métropole if nothing has a geometry. FALSE if there is nothing to frame. */
static gboolean
map_frame (Report    *r,
           VgBasemap *basemap,
           double     bbox[4])
{
  double cx, cy, half_x, half_y;

  if (!vg_shape_set_get_extent (r->shapes, bbox))
    {
      if (basemap == NULL)
        return FALSE;
      vg_basemap_get_extent (basemap, bbox);
      return TRUE;
    }
  cx = (bbox[0] + bbox[2]) / 2;
  cy = (bbox[1] + bbox[3]) / 2;
  half_x = MAX ((bbox[2] - bbox[0]) * 0.6, MAP_MIN_SPAN / 2);
  half_y = MAX ((bbox[3] - bbox[1]) * 0.6, MAP_MIN_SPAN / 2);
  bbox[0] = cx - half_x;
  bbox[1] = cy - half_y;
  bbox[2] = cx + half_x;
  bbox[3] = cy + half_y;
  return TRUE;
}

/* Sites are context, drawn small and a little faded so the journal's geometries stand out. */
static void
draw_sites (VgReportMap *map,
            cairo_t     *cr,
            GListModel  *sites,
            guint       *present)
{
  cairo_push_group (cr);
  for (guint i = 0; sites != NULL && i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(VgSite) site = g_list_model_get_item (sites, i);
      double xy[2] = { vg_site_get_longitude (site), vg_site_get_latitude (site) };
      double px, py;

      to_web_mercator (xy, 1, NULL);
      vg_report_map_project (map, xy[0], xy[1], &px, &py);
      if (px < -10 || py < -10 || px > MAP_WIDTH_PX + 10 || py > MAP_HEIGHT_PX + 10)
        continue;
      vg_site_symbol_draw (cr, vg_site_get_category (site), px, py, 9);
      *present |= 1u << vg_site_get_category (site);
    }
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, 0.7);
}

/* A row of swatches and names under the map. */
static void
draw_legend (Report         *r,
             VgReportLayout *layout,
             guint           groups,
             guint           site_categories,
             gboolean        earlier)
{
  double y;
  cairo_t *cr;
  double x = VG_REPORT_MARGIN;
  PangoLayout *pango;
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("DejaVu Sans 7");

  cr = vg_report_layout_reserve (layout, 34, &y);
  pango = pango_cairo_create_layout (cr);
  pango_layout_set_font_description (pango, font);
  y += 6;
  for (VgTimelineGroup group = 0; group <= VG_N_TIMELINE_GROUPS; group++)
    {
      guint32 rgb;
      const char *name;
      int width, height;

      if (group == VG_N_TIMELINE_GROUPS)
        {
          if (!earlier)
            break;
          rgb = EARLIER_COLOR;
          name = T (r, N_("earlier phases"));
        }
      else if (groups & VG_TIMELINE_GROUP_MASK (group))
        {
          rgb = group_colors[group];
          name = T (r, vg_timeline_group_get_name (group));
        }
      else
        continue;
      pango_layout_set_text (pango, name, -1);
      pango_layout_get_size (pango, &width, &height);
      if (x + 14 + width / (double) PANGO_SCALE > VG_REPORT_MARGIN + VG_REPORT_TEXT_WIDTH)
        break;
      cairo_set_source_rgb (cr, (rgb >> 16 & 0xff) / 255., (rgb >> 8 & 0xff) / 255., (rgb & 0xff) / 255.);
      cairo_rectangle (cr, x, y + 1, 8, 8);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_move_to (cr, x + 11, y);
      pango_cairo_show_layout (cr, pango);
      x += 11 + width / (double) PANGO_SCALE + 10;
    }
  x = VG_REPORT_MARGIN;
  y += 14;
  for (VgSiteCategory category = 0; category < VG_N_SITE_CATEGORIES; category++)
    {
      int width, height;

      if (!(site_categories & (1u << category)))
        continue;
      pango_layout_set_text (pango, T (r, vg_site_category_get_name (category)), -1);
      pango_layout_get_size (pango, &width, &height);
      if (x + 14 + width / (double) PANGO_SCALE > VG_REPORT_MARGIN + VG_REPORT_TEXT_WIDTH)
        break;
      vg_site_symbol_draw (cr, category, x + 4, y + 5, 8);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_move_to (cr, x + 11, y);
      pango_cairo_show_layout (cr, pango);
      x += 11 + width / (double) PANGO_SCALE + 10;
    }
  g_object_unref (pango);
}

static gboolean
write_maps (Report         *r,
            VgReportLayout *layout,
            GError        **error)
{
  g_autoptr(GError) basemap_error = NULL;
  g_autoptr(VgBasemap) basemap = vg_basemap_new_default (&basemap_error);
  g_autoptr(VgTileRenderer) renderer = basemap != NULL ? vg_tile_renderer_new (basemap, VG_BASEMAP_STYLE_DAY) : NULL;
  g_autoptr(GListStore) sites = NULL;
  g_autofree char *geodata = vg_data_dir_find ("geodata/montpellier.gpkg", NULL);
  VgReportMap *map;
  double bbox[4];

  vg_report_layout_new_page (layout);
  vg_report_layout_heading (layout, T (r, N_("2. Maps by phase")), MAP_HEIGHT_PT + 60);
  if (!map_frame (r, basemap, bbox))
    {
      vg_report_layout_text (layout, T (r, N_("No entry of the report has a geometry, and the offline basemap is not "
                                              "installed: there is nothing to map.")), 10, FALSE, FALSE);
      return TRUE;
    }
  if (basemap == NULL)
    {
      g_autofree char *note = g_strdup_printf (T (r, N_("The offline basemap could not be loaded (%s): the maps show "
                                                        "the geometries on a plain background.")),
                                               basemap_error->message);

      vg_report_layout_text (layout, note, 9, FALSE, TRUE);
    }
  if (geodata != NULL)
    {
      g_autoptr(VgGpkg) gpkg = vg_gpkg_open (geodata, NULL);

      /* Sites are context: without them the maps are still the record. */
      sites = gpkg != NULL ? vg_site_load_all (gpkg, NULL) : NULL;
    }
  if ((map = vg_report_map_new (renderer, bbox, MAP_WIDTH_PX, MAP_HEIGHT_PX, r->ctx->cancellable, error)) == NULL)
    return FALSE;

  for (guint p = 0; p < r->phases->len; p++)
    {
      Phase *phase = &g_array_index (r->phases, Phase, p);
      cairo_surface_t *image = vg_report_map_dup_base (map);
      cairo_t *cr = cairo_create (image);
      g_autofree char *from = format_time (r, phase->start);
      g_autofree char *to = format_time (r, phase->end);
      g_autofree char *title = NULL;
      g_autofree char *span = g_strdup_printf (T (r, N_("From %s to %s")), from, to);
      g_autoptr(GString) counts = g_string_new (NULL);
      guint groups = 0, site_categories = 0;
      gboolean earlier = FALSE;

      if (phase->label != NULL)
        title = g_strdup_printf (T (r, N_("Phase %u of %u: %s")), p + 1, r->phases->len, phase->label);
      else
        title = g_strdup_printf (T (r, N_("Phase %u of %u")), p + 1, r->phases->len);

      /* Sites under the geometries, earlier phases under the current one. A gauge read every
       * five minutes is the same dot a thousand times: each dot is drawn once per colour. */
      draw_sites (map, cr, sites != NULL ? G_LIST_MODEL (sites) : NULL, &site_categories);
      for (int pass = 0; pass < 2; pass++)
        {
          g_autoptr(GHashTable) dots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

          for (guint i = 0; i < r->shape_info->len; i++)
            {
              ShapeInfo *info = &g_array_index (r->shape_info, ShapeInfo, i);
              guint in = phase_of (r, info->time);
              guint32 rgb = in < p ? EARLIER_COLOR : group_colors[info->group];

              if (info->time > phase->end || (pass == 0) != (in < p))
                continue;
              if (in < p)
                earlier = TRUE;
              else
                groups |= VG_TIMELINE_GROUP_MASK (info->group);
              if (vg_shape_set_get_kind (r->shapes, i) == VG_SHAPE_POINT && vg_shape_set_get_n_parts (r->shapes, i) == 1)
                {
                  const double *dot = vg_shape_set_get_bbox (r->shapes, i);
                  double px, py;

                  vg_report_map_project (map, dot[0], dot[1], &px, &py);
                  if (!g_hash_table_add (dots, g_strdup_printf ("%.0f:%.0f:%06x", px, py, rgb)))
                    continue;
                }
              vg_report_map_draw_shape (map, cr, r->shapes, i, rgb, in < p ? 0.12 : 0.3);
            }
        }
      cairo_destroy (cr);

      for (VgTimelineGroup group = 0; group < VG_N_TIMELINE_GROUPS; group++)
        if (phase->counts[group] > 0)
          g_string_append_printf (counts, "%s%s: %u", counts->len > 0 ? " · " : "",
                                  T (r, vg_timeline_group_get_name (group)), phase->counts[group]);

      if (p > 0)
        vg_report_layout_new_page (layout);
      vg_report_layout_heading (layout, title, MAP_HEIGHT_PT + 40);
      vg_report_layout_text (layout, span, 9, FALSE, TRUE);
      vg_report_layout_skip (layout, 6);
      vg_report_layout_image (layout, image, MAP_WIDTH_PT, MAP_HEIGHT_PT);
      cairo_surface_destroy (image);
      draw_legend (r, layout, groups, site_categories, earlier);
      vg_report_layout_text (layout, counts->len > 0 ? counts->str : T (r, N_("No entry in this phase.")), 8, FALSE, TRUE);
      vg_report_layout_text (layout, T (r, N_("Basemap: Vigie offline map from the Métropole’s open data. "
                                              "Sensitive sites as on the Vigie map.")), 7, FALSE, TRUE);
    }
  vg_report_map_free (map);
  return TRUE;
}

/* The hazards Vigie's engines name, in the report's language; others as the entries wrote them. */
static const char *
hazard_name (Report     *r,
             const char *hazard)
{
  if (hazard == NULL)
    return "—";
  if (g_str_equal (hazard, "flood"))
    return T (r, N_("flood"));
  if (g_str_equal (hazard, "heat"))
    return T (r, N_("heat"));
  return hazard;
}

static void
write_thresholds (Report         *r,
                  VgReportLayout *layout)
{
  static const double widths[] = { 0.1, 0.2, 0.17, 0.19, 0.19, 0.15 };
  const char *headers[] = { T (r, N_("Hazard")), T (r, N_("Subject")), T (r, N_("Threshold")),
                            T (r, N_("First forecast")), T (r, N_("First observed")), T (r, N_("Lead time")) };
  GListModel *thresholds = vg_threshold_ledger_get_thresholds (r->ledger);
  g_autoptr(GPtrArray) rows = new_rows ();

  vg_report_layout_new_page (layout);
  vg_report_layout_heading (layout, T (r, N_("3. Thresholds: forecast and observed")), 60);
  vg_report_layout_text (layout, T (r, N_("For each gauge threshold and heat level the journal mentions: when a "
                                          "forecast first announced it, when it was first observed, and the lead "
                                          "time between the two (negative when the forecast came late).")),
                         9, FALSE, TRUE);
  vg_report_layout_skip (layout, 6);
  for (guint i = 0; i < g_list_model_get_n_items (thresholds); i++)
    {
      g_autoptr(VgThresholdRecord) record = g_list_model_get_item (thresholds, i);
      g_autofree char *forecast = NULL;
      g_autofree char *observed = NULL;
      g_autofree char *lead = NULL;
      gint64 lead_time;

      forecast = vg_threshold_record_get_first_forecast_seq (record) != 0
                   ? format_time (r, vg_threshold_record_get_first_forecast_time (record))
                   : g_strdup (T (r, N_("not forecast")));
      if (vg_threshold_record_get_first_observed_seq (record) != 0)
        {
          g_autofree char *when = format_time (r, vg_threshold_record_get_first_observed_time (record));
          double value = vg_threshold_record_get_observed_value (record);

          observed = isnan (value) ? g_steal_pointer (&when) : g_strdup_printf ("%s (%g)", when, value);
        }
      else
        observed = g_strdup (T (r, N_("not observed")));
      lead = vg_threshold_record_get_lead_time (record, &lead_time) ? format_duration (r, lead_time) : g_strdup ("—");
      add_row (rows, hazard_name (r, vg_threshold_record_get_hazard (record)), vg_threshold_record_get_subject (record), vg_threshold_record_get_threshold (record), forecast, observed,
               lead, NULL);
    }
  if (rows->len == 0)
    vg_report_layout_text (layout, T (r, N_("No threshold is mentioned in the journal.")), 10, FALSE, FALSE);
  else
    vg_report_layout_table (layout, G_N_ELEMENTS (widths), widths, headers, rows);
}

static void
write_decisions (Report         *r,
                 VgReportLayout *layout)
{
  static const double widths[] = { 0.18, 0.16, 0.16, 0.14, 0.09, 0.19, 0.08 };
  const char *headers[] = { T (r, N_("Proposal (what)")), T (r, N_("Proposed")), T (r, N_("Decided")),
                            T (r, N_("By (who)")), T (r, N_("Verdict")), T (r, N_("Reason (why)")), T (r, N_("Waited")) };
  GListModel *proposals = vg_threshold_ledger_get_proposals (r->ledger);
  g_autoptr(GPtrArray) rows = new_rows ();

  vg_report_layout_new_page (layout);
  vg_report_layout_heading (layout, T (r, N_("4. Decisions")), 60);
  vg_report_layout_text (layout, T (r, N_("Every proposal Vigie made and the first decision an operator took on it. "
                                          "The wait runs from the proposal to that decision.")), 9, FALSE, TRUE);
  vg_report_layout_skip (layout, 6);
  for (guint i = 0; i < g_list_model_get_n_items (proposals); i++)
    {
      g_autoptr(VgProposalWait) wait = g_list_model_get_item (proposals, i);
      const char *title = vg_proposal_wait_get_title (wait);
      const char *verdict = vg_proposal_wait_get_verdict (wait);
      g_autofree char *what = title != NULL ? g_strdup_printf ("%s — %s", vg_proposal_wait_get_proposal_id (wait), title)
                                            : g_strdup (vg_proposal_wait_get_proposal_id (wait));
      g_autofree char *proposed = vg_proposal_wait_get_proposed_seq (wait) != 0
                                    ? format_time (r, vg_proposal_wait_get_proposed_time (wait)) : g_strdup ("—");
      g_autofree char *decided = NULL;
      g_autofree char *waited = NULL;
      g_autofree char *verdict_text = NULL;
      gint64 value;

      if (vg_proposal_wait_get_decision_seq (wait) == 0)
        {
          decided = g_strdup (T (r, N_("never decided")));
          verdict_text = g_strdup ("—");
        }
      else
        {
          decided = format_time (r, vg_proposal_wait_get_decision_time (wait));
          verdict_text = g_strdup (verdict != NULL ? vg_entry_verdict_name (verdict, r->ctx->catalog) : "—");
          if (vg_proposal_wait_get_n_decisions (wait) > 1)
            {
              g_autofree char *plain = g_steal_pointer (&verdict_text);

              verdict_text = g_strdup_printf (T (r, N_("%s (revised %u times)")), plain,
                                              vg_proposal_wait_get_n_decisions (wait) - 1);
            }
        }
      waited = vg_proposal_wait_get_wait (wait, &value) ? format_duration (r, value) : g_strdup ("—");
      add_row (rows, what, proposed, decided,
               vg_proposal_wait_get_decider (wait) != NULL ? vg_proposal_wait_get_decider (wait) : "—",
               verdict_text, vg_proposal_wait_get_reason (wait) != NULL ? vg_proposal_wait_get_reason (wait) : "—",
               waited, NULL);
    }
  if (rows->len == 0)
    vg_report_layout_text (layout, T (r, N_("No proposal was made.")), 10, FALSE, FALSE);
  else
    vg_report_layout_table (layout, G_N_ELEMENTS (widths), widths, headers, rows);
}

static void
write_log (Report         *r,
           VgReportLayout *layout)
{
  static const double widths[] = { 0.17, 0.17, 0.66 };
  const char *headers[] = { T (r, N_("Time")), T (r, N_("Operator")), T (r, N_("Note")) };
  g_autoptr(GPtrArray) rows = new_rows ();

  vg_report_layout_new_page (layout);
  vg_report_layout_heading (layout, T (r, N_("5. Operator log")), 60);
  for (guint i = 0; i < r->notes->len; i++)
    {
      VgJournalEntry *note = g_ptr_array_index (r->notes, i);
      g_autofree char *time = format_time (r, vg_journal_entry_get_time (note));
      g_autofree char *text = vg_journal_entry_dup_string (note, "text");

      add_row (rows, time, vg_journal_entry_get_author (note), text != NULL ? text : "", NULL);
    }
  if (rows->len == 0)
    vg_report_layout_text (layout, T (r, N_("The operators wrote no note.")), 10, FALSE, FALSE);
  else
    vg_report_layout_table (layout, G_N_ELEMENTS (widths), widths, headers, rows);
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  vg_export_output_write (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* PDF dates are the journal's (cairo would write the current time): "YYYY-MM-DDThh:mm:ssZ". */
static void
set_metadata (Report          *r,
              cairo_surface_t *surface)
{
  g_autoptr(GDateTime) last = vg_time_new_from_usec (r->ctx->last_time);
  g_autofree char *date = last != NULL ? g_date_time_format (last, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("1970-01-01T00:00:00Z");
  g_autofree char *title = g_strdup_printf ("%s — %s", T (r, N_("After-action report")),
                                            vg_journal_get_situation (r->ctx->journal));

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Vigie " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
}

static gboolean
render (Report      *r,
        const char  *path,
        GError     **error)
{
  VgExportContext *ctx = r->ctx;
  g_autoptr(VgExportOutput) out = NULL;
  g_autofree char *footer = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  gboolean ok;

  if ((out = vg_export_output_open (path, error)) == NULL)
    return FALSE;
  surface = cairo_pdf_surface_create_for_stream (write_cb, out, VG_REPORT_PAGE_WIDTH, VG_REPORT_PAGE_HEIGHT);
  set_metadata (r, surface);
  footer = g_strdup_printf ("Vigie — %s — %s", T (r, N_("After-action report")), vg_journal_get_situation (ctx->journal));
  {
    cairo_t *cr = cairo_create (surface);
    g_autoptr(VgReportLayout) layout = vg_report_layout_new (cr, footer, T (r, N_("page")));

    cairo_destroy (cr);
    write_cover (r, layout);
    write_key_figures (r, layout);
    vg_export_progress (ctx, 0.1);
    ok = write_maps (r, layout, error);
    vg_export_progress (ctx, 0.8);
    if (ok)
      {
        write_thresholds (r, layout);
        write_decisions (r, layout);
        write_log (r, layout);
      }
  }
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!ok)
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_WRITE, _("Cannot write “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return vg_export_output_commit (out, error);
}

gboolean
vg_export_write_pdf (VgExportContext  *ctx,
                     const char       *path,
                     GError          **error)
{
  g_autoptr(VgThresholdLedger) ledger = vg_threshold_ledger_new ();
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_journal_entry_unref);
  g_autoptr(GArray) phases = g_array_new (FALSE, FALSE, sizeof (Phase));
  g_autoptr(VgShapeSet) shapes = vg_shape_set_new ();
  g_autoptr(GArray) shape_info = g_array_new (FALSE, FALSE, sizeof (ShapeInfo));
  g_autoptr(GArray) entry_info = g_array_new (FALSE, FALSE, sizeof (ShapeInfo));
  g_autoptr(GByteArray) wkb = g_byte_array_new ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (REPORT_TIME_ZONE);
  Report r = { ctx, NULL, 0, { 0 }, 0, 0, ledger, notes, phases, shapes, shape_info, entry_info, 0, wkb };

  g_array_set_clear_func (phases, clear_phase);
  /* Without tzdata, UTC (Debian always has tzdata; the cover names the zone it meant). */
  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  r.zone = zone;
  vg_export_begin_stage (ctx, 0, 0.5, _("Reading the journal for the report"));
  if (!vg_export_foreach (ctx, FALSE, gather_cb, &r, error))
    return FALSE;
  if (r.n_entries == 0)
    r.first_time = r.last_time = ctx->last_time;
  settle_phases (&r);
  for (guint i = 0; i < entry_info->len; i++)
    {
      ShapeInfo *info = &g_array_index (entry_info, ShapeInfo, i);

      g_array_index (phases, Phase, phase_of (&r, info->time)).counts[info->group]++;
    }
  vg_shape_set_map_points (shapes, to_web_mercator, NULL);

  vg_export_begin_stage (ctx, 0.5, 0.5, _("Drawing the report"));
  if (!render (&r, path, error))
    return FALSE;
  ctx->n_exported = r.n_entries;
  return TRUE;
}
