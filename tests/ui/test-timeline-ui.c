/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>

#include "vg-application.h"
#include "vg-clock.h"
#include "vg-export-dialog.h"
#include "vg-log-strip.h"
#include "vg-review-mark.h"
#include "vg-test-util.h"
#include "vg-ui-test-util.h"
#include "vg-timeline-panel.h"
#include "vg-window.h"

static VgApplication *app;
static GtkWindow *window;
static char *data_home;

static VgTimelinePanel *
panel (void)
{
  return vg_window_get_timeline_panel (VG_WINDOW (window));
}

static GListModel *
timeline (void)
{
  return G_LIST_MODEL (vg_timeline_panel_get_timeline (panel ()));
}

static gboolean
label_in_tree (GtkWidget  *widget,
               const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (label_in_tree (child, text))
      return TRUE;
  return FALSE;
}

/* The text of the first mapped label under @widget starting with @prefix, or NULL. */
static const char *
label_with_prefix (GtkWidget  *widget,
                   const char *prefix)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return gtk_label_get_text (GTK_LABEL (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *found = label_with_prefix (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Back to the whole journal, live, between tests. */
static void
reset_view (void)
{
  vg_timeline_panel_set_group (panel (), VG_N_TIMELINE_GROUPS);
  vg_timeline_panel_review (panel (), 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.pane", "s", "timeline");
  vg_ui_test_settle ();
}

static gboolean
seq_listed (gpointer data)
{
  guint position;

  return vg_timeline_find_seq (VG_TIMELINE (timeline ()), *(guint64 *) data, &position);
}

/* The pane lists every entry of the exercise journal, in journal order, and shows their rows;
 * a note journalled meanwhile shows up by itself within a couple of seconds. */
static void
test_lists_entries (void)
{
  GListModel *model;
  g_autoptr(VgTimelineItem) first = NULL;
  g_autoptr(VgTimelineItem) last = NULL;
  VgTimeline *tl;
  guint before;
  guint64 seq;

  reset_view ();
  model = timeline ();
  tl = VG_TIMELINE (model);
  g_assert_cmpstr (vg_window_get_pane (VG_WINDOW (window)), ==, "timeline");
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, vg_timeline_get_n_entries (tl));
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VgTimelineItem) a = g_list_model_get_item (model, i - 1);
      g_autoptr(VgTimelineItem) b = g_list_model_get_item (model, i);

      g_assert_cmpuint (vg_timeline_item_get_seq (a), <, vg_timeline_item_get_seq (b));
    }
  /* The first rows are on screen: the header entry's summary is drawn. */
  first = g_list_model_get_item (model, 0);
  g_assert_true (label_in_tree (GTK_WIDGET (panel ()), vg_timeline_item_get_summary (first)));

  before = g_list_model_get_n_items (model);
  g_assert_true (vg_log_strip_record (VG_LOG_STRIP (vg_window_get_log_strip (VG_WINDOW (window))),
                                      "Point de situation pour la revue"));
  seq = vg_timeline_get_last_seq (tl) + 1;
  /* No explicit refresh: the pane's own timer brings it in. */
  g_assert_true (vg_ui_test_wait_for (seq_listed, &seq, 3));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, before + 1);
  last = g_list_model_get_item (model, before);
  g_assert_cmpstr (vg_timeline_item_get_summary (last), ==, "Point de situation pour la revue");
}

static guint
count_group (VgTimelineGroup group)
{
  GListModel *model = timeline ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VgTimelineItem) item = g_list_model_get_item (model, i);

      n += vg_timeline_item_get_group (item) == group;
    }
  return n;
}

/* Filtering by kind leaves that kind only, all of it; the operator filter leaves that
 * operator's entries. */
static void
test_filter_by_kind (void)
{
  GListModel *model;
  guint total, projections, notes;

  reset_view ();
  model = timeline ();
  total = g_list_model_get_n_items (model);
  projections = count_group (VG_TIMELINE_GROUP_PROJECTIONS);
  notes = count_group (VG_TIMELINE_GROUP_NOTES);
  g_assert_cmpuint (projections, >, 0);
  g_assert_cmpuint (projections, <, total);

  vg_timeline_panel_set_group (panel (), VG_TIMELINE_GROUP_PROJECTIONS);
  vg_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, projections);
  g_assert_cmpuint (count_group (VG_TIMELINE_GROUP_PROJECTIONS), ==, projections);

  vg_timeline_panel_set_group (panel (), VG_TIMELINE_GROUP_NOTES);
  vg_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, notes);
  g_assert_cmpuint (count_group (VG_TIMELINE_GROUP_NOTES), ==, notes);

  vg_timeline_panel_set_group (panel (), VG_N_TIMELINE_GROUPS);
  vg_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);
}

static char *
city_time (gint64      usec,
           const char *format)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) utc = vg_time_new_from_usec (usec);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

  return g_date_time_format (local, format);
}

/* Selecting an entry, as a click does, enters review mode at that entry's time: the banner
 * says so, the live gauges give way to the rewound readings; "Back to Live" undoes it. */
static void
test_review_mode (void)
{
  GListModel *model;
  g_autoptr(VgTimelineItem) item = NULL;
  g_autofree char *hour = NULL;
  g_autofree char *day = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *gauges;
  GListModel *marks;
  guint position = G_MAXUINT;

  reset_view ();
  model = timeline ();
  /* The last water level journalled: its gauge is on the rewound map. */
  for (guint i = g_list_model_get_n_items (model); i-- > 0 && position == G_MAXUINT;)
    {
      g_autoptr(VgTimelineItem) candidate = g_list_model_get_item (model, i);

      if (vg_timeline_item_get_group (candidate) == VG_TIMELINE_GROUP_OBSERVATIONS &&
          strstr (vg_timeline_item_get_summary (candidate), "water_level") != NULL)
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);
  item = g_list_model_get_item (model, position);
  hour = city_time (vg_timeline_item_get_time (item), "%H:%M");
  day = city_time (vg_timeline_item_get_time (item), "%d/%m/%Y");
  expected = g_strdup_printf ("As it was at %s on %s", hour, day);

  gauges = GTK_WIDGET (vg_map_view_get_gauges_layer (vg_window_get_map_view (VG_WINDOW (window))));
  g_assert_true (gtk_widget_get_visible (gauges));
  gtk_selection_model_select_item (vg_timeline_panel_get_selection (panel ()), position, TRUE);
  vg_ui_test_settle ();

  g_assert_true (vg_timeline_panel_get_reviewing (panel ()));
  g_assert_cmpuint (vg_timeline_panel_get_review_seq (panel ()), ==, vg_timeline_item_get_seq (item));
  g_assert_cmpstr (vg_timeline_panel_get_review_text (panel ()), ==, expected);
  g_assert_true (label_in_tree (GTK_WIDGET (window), expected));
  g_assert_false (gtk_widget_get_visible (gauges));
  /* The gauges that had reported by then, one mark per place (a gauge's level, discharge and
   * flood projection together). */
  marks = vg_timeline_panel_get_review_marks (panel ());
  g_assert_cmpuint (g_list_model_get_n_items (marks), >=, 3);
  for (guint i = 0; i < g_list_model_get_n_items (marks); i++)
    for (guint j = 0; j < i; j++)
      {
        g_autoptr(VgReviewMark) a = g_list_model_get_item (marks, i);
        g_autoptr(VgReviewMark) b = g_list_model_get_item (marks, j);
        double lat_a, lon_a, lat_b, lon_b;

        g_assert_true (vg_review_mark_locate (a, &lat_a, &lon_a));
        g_assert_true (vg_review_mark_locate (b, &lat_b, &lon_b));
        g_assert_false (lat_a == lat_b && lon_a == lon_b);
      }

  /* The figures of that moment: by the night of 6 October, warnings were in force and
   * proposals awaited a decision. */
  {
    const char *figures = label_with_prefix (GTK_WIDGET (panel ()), "Then — ");
    guint n_warnings = 0, n_pending = 0, n_decided = 0, n_incidents = 0;

    g_assert_nonnull (figures);
    g_assert_cmpint (sscanf (figures, "Then — warnings in force: %u · proposals awaiting a decision: %u · "
                                      "decided: %u · open incidents: %u",
                             &n_warnings, &n_pending, &n_decided, &n_incidents), ==, 4);
    g_assert_cmpuint (n_warnings, >, 0);
    g_assert_cmpuint (n_pending, >, 0);
  }
  /* At the journal's first entry nothing had happened yet. */
  vg_timeline_panel_review (panel (), 1);
  vg_ui_test_settle ();
  g_assert_true (label_in_tree (GTK_WIDGET (panel ()), "Then — warnings in force: 0 · proposals awaiting a "
                                                       "decision: 0 · decided: 0 · open incidents: 0"));
  g_assert_cmpuint (g_list_model_get_n_items (vg_timeline_panel_get_review_marks (panel ())), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.live", NULL);
  vg_ui_test_settle ();
  g_assert_false (vg_timeline_panel_get_reviewing (panel ()));
  g_assert_null (label_with_prefix (GTK_WIDGET (panel ()), "Then — "));
  g_assert_false (label_in_tree (GTK_WIDGET (window), expected));
  g_assert_true (gtk_widget_get_visible (gauges));
  g_assert_cmpuint (g_list_model_get_n_items (vg_timeline_panel_get_review_marks (panel ())), ==, 0);
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The second tab lists each threshold with its first forecast, first observation and the lead
 * time between them, on the situation clock; and each proposal's wait. */
static void
test_thresholds_and_waits (void)
{
  GListModel *records = vg_threshold_ledger_get_thresholds (vg_timeline_panel_get_ledger (panel ()));
  GListModel *waits = vg_threshold_ledger_get_proposals (vg_timeline_panel_get_ledger (panel ()));
  g_autoptr(VgThresholdRecord) record = NULL;
  g_autoptr(VgProposalWait) wait = NULL;
  g_autofree char *title = NULL;
  g_autofree char *forecast = NULL;
  g_autofree char *observed = NULL;
  g_autofree char *lead_text = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *proposed = NULL;
  g_autofree char *awaiting = NULL;
  gint64 lead = 0, minutes;

  reset_view ();
  gtk_stack_set_visible_child_name (GTK_STACK (find_type (GTK_WIDGET (panel ()), GTK_TYPE_STACK)), "figures");
  vg_ui_test_settle ();

  /* The Lez gauges crossed thresholds that had been forecast: a positive lead time. */
  for (guint i = 0; i < g_list_model_get_n_items (records) && record == NULL; i++)
    {
      g_autoptr(VgThresholdRecord) candidate = g_list_model_get_item (records, i);

      if (vg_threshold_record_get_lead_time (candidate, &lead))
        record = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (record);
  g_assert_cmpint (lead, >, 0);
  minutes = lead / (60 * G_USEC_PER_SEC);
  title = g_strdup_printf ("%s — %s", vg_threshold_record_get_subject (record), vg_threshold_record_get_threshold (record));
  forecast = city_time (vg_threshold_record_get_first_forecast_time (record), "%d/%m %H:%M");
  observed = city_time (vg_threshold_record_get_first_observed_time (record), "%d/%m %H:%M");
  lead_text = minutes < 60 ? g_strdup_printf ("%d min", (int) minutes)
                           : g_strdup_printf ("%d h %02d min", (int) (minutes / 60), (int) (minutes % 60));
  subtitle = g_strdup_printf ("Forecast %s · observed %s · lead time %s", forecast, observed, lead_text);
  g_assert_true (label_in_tree (GTK_WIDGET (panel ()), title));
  g_assert_true (label_in_tree (GTK_WIDGET (panel ()), subtitle));

  /* The proposals of that night were still awaiting a decision. */
  g_assert_cmpuint (g_list_model_get_n_items (waits), >, 0);
  wait = g_list_model_get_item (waits, 0);
  g_assert_false (vg_proposal_wait_get_wait (wait, &lead));
  proposed = city_time (vg_proposal_wait_get_proposed_time (wait), "%d/%m %H:%M");
  awaiting = g_strdup_printf ("%s · proposed %s · awaiting a decision", vg_proposal_wait_get_proposal_id (wait), proposed);
  g_assert_true (label_in_tree (GTK_WIDGET (panel ()), awaiting));

  gtk_stack_set_visible_child_name (GTK_STACK (find_type (GTK_WIDGET (panel ()), GTK_TYPE_STACK)), "entries");
}

static VgExportDialog *
find_export_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (VG_IS_EXPORT_DIALOG (l->data))
      return l->data;
  return NULL;
}

static gboolean
export_done (gpointer data)
{
  return !vg_export_dialog_get_running (data);
}

/* Splits one CSV record (RFC 4180: quoted fields may hold commas, quotes and line breaks)
 * starting at *@cursor; NULL at the end. */
static GPtrArray *
next_record (const char **cursor)
{
  const char *p = *cursor;
  GPtrArray *fields;
  GString *field = g_string_new (NULL);

  if (*p == '\0')
    {
      g_string_free (field, TRUE);
      return NULL;
    }
  fields = g_ptr_array_new_with_free_func (g_free);
  for (;;)
    {
      if (*p == '"')
        {
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (field, *p);
            }
          g_assert_true (*p == '"');
          p++;
        }
      while (*p != ',' && *p != '\r' && *p != '\n' && *p != '\0')
        g_string_append_c (field, *p++);
      g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
      if (*p != ',')
        break;
      p++;
      field = g_string_new (NULL);
    }
  if (*p == '\r')
    p++;
  if (*p == '\n')
    p++;
  *cursor = p;
  return fields;
}

/* File → Export of a view filtered to the projections writes a CSV whose rows are exactly the
 * view's entries, in order, and which says which filter it applied. */
static void
test_export_filtered_csv (void)
{
  g_autofree char *path = g_build_filename (data_home, "projections.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) header = NULL;
  GListModel *model;
  VgExportDialog *dialog;
  const char *cursor;
  guint row = 0;
  gboolean said_filter = FALSE;

  reset_view ();
  vg_timeline_panel_set_group (panel (), VG_TIMELINE_GROUP_PROJECTIONS);
  vg_ui_test_settle ();
  model = timeline ();
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  vg_export_dialog_set_format (dialog, VG_EXPORT_CSV);
  vg_export_dialog_set_path (dialog, path);
  vg_export_dialog_start (dialog);
  g_assert_true (vg_export_dialog_get_running (dialog));
  g_assert_true (vg_ui_test_wait_for (export_done, dialog, 60));
  g_assert_cmpstr (vg_export_dialog_get_error (dialog), ==, NULL);
  g_assert_cmpstr (vg_export_dialog_get_output (dialog), ==, path);

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  cursor = contents;
  while (g_str_has_prefix (cursor, "#"))
    {
      const char *end = strstr (cursor, "\r\n");

      g_assert_nonnull (end);
      if (g_str_has_prefix (cursor, "# filters:") && g_strstr_len (cursor, end - cursor, "projections") != NULL)
        said_filter = TRUE;
      cursor = end + 2;
    }
  g_assert_true (said_filter);
  header = next_record (&cursor);
  g_assert_nonnull (header);
  g_assert_cmpstr (g_ptr_array_index (header, 0), ==, "seq");
  g_assert_cmpstr (g_ptr_array_index (header, 4), ==, "group");
  for (;;)
    {
      g_autoptr(GPtrArray) fields = next_record (&cursor);
      g_autoptr(VgTimelineItem) item = NULL;

      if (fields == NULL)
        break;
      g_assert_cmpuint (row, <, g_list_model_get_n_items (model));
      item = g_list_model_get_item (model, row++);
      g_assert_cmpuint (g_ascii_strtoull (g_ptr_array_index (fields, 0), NULL, 10), ==, vg_timeline_item_get_seq (item));
      g_assert_cmpstr (g_ptr_array_index (fields, 4), ==, "projections");
    }
  g_assert_cmpuint (row, ==, g_list_model_get_n_items (model));
  gtk_window_destroy (GTK_WINDOW (dialog));
  vg_ui_test_settle ();
}

/* An export that cannot be written names the culprit and leaves the app usable. */
static void
test_export_error (void)
{
  VgExportDialog *dialog;

  reset_view ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  vg_export_dialog_set_path (dialog, "/proc/vigie-cannot-write-here/timeline.csv");
  vg_export_dialog_start (dialog);
  g_assert_true (vg_ui_test_wait_for (export_done, dialog, 60));
  g_assert_nonnull (vg_export_dialog_get_error (dialog));
  g_assert_nonnull (strstr (vg_export_dialog_get_error (dialog), "/proc/vigie-cannot-write-here"));
  g_assert_null (vg_export_dialog_get_output (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  vg_ui_test_settle ();
}

/* Cancel stops a running export (a PDF report, the longest) and nothing is left at the path. */
static void
test_export_cancel (void)
{
  g_autofree char *path = g_build_filename (data_home, "report.pdf", NULL);
  VgExportDialog *dialog;

  reset_view ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  vg_export_dialog_set_format (dialog, VG_EXPORT_PDF);
  vg_export_dialog_set_path (dialog, path);
  vg_export_dialog_start (dialog);
  g_assert_true (vg_export_dialog_get_running (dialog));
  vg_export_dialog_cancel (dialog);
  g_assert_true (vg_ui_test_wait_for (export_done, dialog, 60));
  g_assert_cmpstr (vg_export_dialog_get_error (dialog), ==, "Export cancelled: nothing was written.");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (dialog));
  vg_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) night = g_date_time_new_utc (2014, 10, 6, 22, 30, 0);
  int status;

  /* A fresh data directory: the exercise run's journal is created under it. */
  data_home = g_dir_make_tmp ("vigie-ui-timeline-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = vg_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_assert_true (vg_ui_test_wait_for (vg_ui_test_city_data_ready, app, 20));
  g_settings_set_string (vg_application_get_settings (app), "operator-name", "Opérateur de test");
  /* One replay for every test: the Lez flood up to the night of 6 October, projections and
   * proposals included. */
  window = vg_application_start_exercise (app, "lez-2014-09", &error);
  g_assert_no_error (error);
  gtk_window_present (window);
  vg_replay_bar_seek (vg_window_get_replay_bar (VG_WINDOW (window)), vg_time_to_usec (night));
  vg_timeline_panel_refresh (vg_window_get_timeline_panel (VG_WINDOW (window)));
  vg_ui_test_settle ();

  g_test_add_func ("/vigie/ui/timeline/lists-entries", test_lists_entries);
  g_test_add_func ("/vigie/ui/timeline/filter-by-kind", test_filter_by_kind);
  g_test_add_func ("/vigie/ui/timeline/review-mode", test_review_mode);
  g_test_add_func ("/vigie/ui/timeline/thresholds-and-waits", test_thresholds_and_waits);
  g_test_add_func ("/vigie/ui/timeline/export-filtered-csv", test_export_filtered_csv);
  g_test_add_func ("/vigie/ui/timeline/export-error", test_export_error);
  g_test_add_func ("/vigie/ui/timeline/export-cancel", test_export_cancel);

  status = g_test_run ();
  gtk_window_destroy (window);
  g_clear_object (&app);
  vg_test_rmtree (data_home);
  g_free (data_home);
  return status;
}
