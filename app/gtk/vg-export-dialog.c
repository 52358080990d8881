/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vg-export-dialog.h"

struct _VgExportDialog
{
  AdwWindow         parent_instance;

  GtkButton        *cancel_button;
  GtkButton        *export_button;
  GtkWidget        *options_group;
  AdwComboRow      *format_row;
  GtkLabel         *format_label;
  AdwActionRow     *filter_row;
  GtkSwitch        *filter_switch;
  AdwActionRow     *destination_row;
  GtkProgressBar   *progress_bar;
  GtkLabel         *status_label;
  GtkWidget        *open_button;

  VgJournal        *journal;
  VgTimelineFilter *filter;
  VgExporter       *exporter;
  GCancellable     *cancellable;
  GtkFileChooserNative *chooser;
  char             *path;
  char             *output;
  char             *error_message;
};

G_DEFINE_FINAL_TYPE (VgExportDialog, vg_export_dialog, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_RUNNING, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* Format names and what each holds, in VgExportFormat order. */
static const char * const format_names[VG_N_EXPORT_FORMATS] = {
  N_("CSV"),
  N_("JSON"),
  N_("GeoJSON"),
  N_("GeoPackage"),
  N_("CAP archive"),
  N_("PDF report"),
  N_("Bundle"),
};
static const char * const format_details[VG_N_EXPORT_FORMATS] = {
  N_("The timeline as a table, one row per journal entry"),
  N_("The timeline as one document with its metadata"),
  N_("The entries with a place, for a GIS"),
  N_("The entries with a place, for a GIS (GeoPackage 1.3)"),
  N_("A folder: the CAP alerts received and issued, with an index"),
  N_("The after-action report: key figures, maps, thresholds, decisions, log"),
  N_("A folder: all of the above, a copy of the journal and a SHA-256 manifest"),
};

static VgExportFormat
current_format (VgExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->format_row);

  return i < VG_N_EXPORT_FORMATS ? (VgExportFormat) i : VG_EXPORT_CSV;
}

/* The report's language follows the session's (French by default, see main.c), as on the
 * command line: French for a French session, else English. */
static const char *
session_language (void)
{
  const char * const *names = g_get_language_names ();

  return names[0] != NULL && g_str_has_prefix (names[0], "fr") ? "fr" : "en";
}

static void
show_status (VgExportDialog *self,
             const char     *text,
             gboolean        is_error)
{
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
update_filter_row (VgExportDialog *self)
{
  gboolean has_filter = self->filter != NULL && !vg_timeline_filter_is_empty (self->filter);
  gboolean bundle = current_format (self) == VG_EXPORT_BUNDLE;

  if (bundle)
    adw_action_row_set_subtitle (self->filter_row, _("A bundle always holds the whole journal"));
  else if (has_filter)
    {
      g_autofree char *described = vg_timeline_filter_describe (self->filter);
      g_autofree char *text = g_strdup_printf (_("Filters in force: %s"), described);

      adw_action_row_set_subtitle (self->filter_row, text);
    }
  else
    adw_action_row_set_subtitle (self->filter_row, _("No filter in force: the whole journal is exported"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->filter_row), has_filter && !bundle);
  if (!has_filter || bundle)
    gtk_switch_set_active (self->filter_switch, FALSE);
}

static void
update_destination (VgExportDialog *self)
{
  adw_action_row_set_subtitle (self->destination_row, self->path);
}

/* The destination follows the format: its extension is swapped, the folder kept. */
static void
format_changed_cb (VgExportDialog *self)
{
  VgExportFormat format = current_format (self);
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *base = g_path_get_basename (self->path);
  char *dot = strrchr (base, '.');
  g_autofree char *name = NULL;

  if (dot != NULL && dot != base)
    *dot = '\0';
  name = g_strconcat (base, vg_export_format_get_extension (format), NULL);
  g_free (self->path);
  self->path = g_build_filename (dir, name, NULL);
  gtk_label_set_text (self->format_label, _(format_details[format]));
  update_destination (self);
  update_filter_row (self);
}

static void
set_running (VgExportDialog *self,
             gboolean        running)
{
  gtk_widget_set_sensitive (self->options_group, !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !running);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running || self->output != NULL);
  gtk_button_set_label (self->cancel_button, running || self->output == NULL ? _("_Cancel") : _("_Close"));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
stage_changed_cb (VgExportDialog *self)
{
  const char *stage = self->exporter ? vg_exporter_get_stage (self->exporter) : NULL;

  gtk_progress_bar_set_text (self->progress_bar, stage);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(VgExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VgExporter) exporter = g_steal_pointer (&self->exporter);

  g_clear_object (&self->cancellable);
  if (!vg_exporter_run_finish (VG_EXPORTER (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        self->error_message = g_strdup (_("Export cancelled: nothing was written."));
      else
        self->error_message = g_strdup_printf (_("Export failed: %s"), error->message);
      show_status (self, self->error_message, TRUE);
    }
  else
    {
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, vg_exporter_get_n_entries (exporter));
      g_autofree char *text = NULL;

      self->output = g_strdup (self->path);
      if (gtk_switch_get_active (self->filter_switch))
        {
          g_autofree char *described = vg_timeline_filter_describe (self->filter);

          text = g_strdup_printf (_("Exported %s journal entries to %s (filtered view: %s)"), count, self->output, described);
        }
      else
        text = g_strdup_printf (_("Exported %s journal entries to %s"), count, self->output);
      show_status (self, text, FALSE);
      gtk_progress_bar_set_fraction (self->progress_bar, 1.0);
      gtk_progress_bar_set_text (self->progress_bar, _("Done"));
      gtk_widget_set_visible (self->open_button, TRUE);
    }
  set_running (self, FALSE);
}

static void
export_clicked_cb (VgExportDialog *self)
{
  vg_export_dialog_start (self);
}

static void
cancel_clicked_cb (VgExportDialog *self)
{
  if (self->cancellable != NULL)
    vg_export_dialog_cancel (self);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

/* Closing the dialog stops its export; the worker's callback still finds the dialog alive. */
static gboolean
close_request_cb (VgExportDialog *self)
{
  vg_export_dialog_cancel (self);
  return FALSE;
}

static void
chooser_response_cb (VgExportDialog *self,
                     int             response)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        vg_export_dialog_set_path (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
choose_clicked_cb (VgExportDialog *self)
{
  g_autoptr(GFile) dir = NULL;
  g_autofree char *dirname = g_path_get_dirname (self->path);
  g_autofree char *base = g_path_get_basename (self->path);

  self->chooser = gtk_file_chooser_native_new (_("Export To"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export Here"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  dir = g_file_new_for_path (dirname);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), dir, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), base);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_clicked_cb (VgExportDialog *self)
{
  g_autofree char *folder = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  if (self->output == NULL)
    return;
  folder = g_file_test (self->output, G_FILE_TEST_IS_DIR) ? g_strdup (self->output) : g_path_get_dirname (self->output);
  file = g_file_new_for_path (folder);
  uri = g_file_get_uri (file);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
vg_export_dialog_dispose (GObject *object)
{
  VgExportDialog *self = VG_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), VG_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (vg_export_dialog_parent_class)->dispose (object);
}

static void
vg_export_dialog_finalize (GObject *object)
{
  VgExportDialog *self = VG_EXPORT_DIALOG (object);

  g_clear_object (&self->journal);
  g_clear_object (&self->exporter);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->filter, vg_timeline_filter_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->output, g_free);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (vg_export_dialog_parent_class)->finalize (object);
}

static void
vg_export_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VgExportDialog *self = VG_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vg_export_dialog_class_init (VgExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vg_export_dialog_dispose;
  object_class->finalize = vg_export_dialog_finalize;
  object_class->get_property = vg_export_dialog_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vg-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VgExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, VgExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, VgExportDialog, options_group);
  gtk_widget_class_bind_template_child (widget_class, VgExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, VgExportDialog, format_label);
  gtk_widget_class_bind_template_child (widget_class, VgExportDialog, filter_row);
  gtk_widget_class_bind_template_child (widget_class, VgExportDialog, filter_switch);
  gtk_widget_class_bind_template_child (widget_class, VgExportDialog, destination_row);
  gtk_widget_class_bind_template_child (widget_class, VgExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, VgExportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, VgExportDialog, open_button);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vg_export_dialog_init (VgExportDialog *self)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  self->path = g_build_filename (documents ? documents : g_get_home_dir (), "vigie-export.csv", NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

VgExportDialog *
vg_export_dialog_new (GtkWindow              *parent,
                      VgJournal              *journal,
                      const VgTimelineFilter *filter)
{
  VgExportDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_return_val_if_fail (VG_IS_JOURNAL (journal), NULL);

  self = g_object_new (VG_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->journal = g_object_ref (journal);
  self->filter = filter ? vg_timeline_filter_copy (filter) : NULL;
  for (guint i = 0; i < VG_N_EXPORT_FORMATS; i++)
    gtk_string_list_append (names, _(format_names[i]));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (names));
  gtk_label_set_text (self->format_label, _(format_details[VG_EXPORT_CSV]));
  update_filter_row (self);
  /* An export of a filtered view exports that view unless told otherwise. */
  gtk_switch_set_active (self->filter_switch, gtk_widget_get_sensitive (GTK_WIDGET (self->filter_row)));
  update_destination (self);
  return self;
}

void
vg_export_dialog_set_format (VgExportDialog *self,
                             VgExportFormat  format)
{
  g_return_if_fail (VG_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format < VG_N_EXPORT_FORMATS);

  adw_combo_row_set_selected (self->format_row, format);
}

void
vg_export_dialog_set_apply_filter (VgExportDialog *self,
                                   gboolean        apply)
{
  g_return_if_fail (VG_IS_EXPORT_DIALOG (self));

  gtk_switch_set_active (self->filter_switch, apply && gtk_widget_get_sensitive (GTK_WIDGET (self->filter_row)));
}

void
vg_export_dialog_set_path (VgExportDialog *self,
                           const char     *path)
{
  g_return_if_fail (VG_IS_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  g_free (self->path);
  self->path = g_strdup (path);
  update_destination (self);
}

const char *
vg_export_dialog_get_path (VgExportDialog *self)
{
  g_return_val_if_fail (VG_IS_EXPORT_DIALOG (self), NULL);

  return self->path;
}

void
vg_export_dialog_start (VgExportDialog *self)
{
  g_return_if_fail (VG_IS_EXPORT_DIALOG (self));

  if (self->cancellable != NULL)
    return;
  g_clear_pointer (&self->output, g_free);
  g_clear_pointer (&self->error_message, g_free);
  show_status (self, NULL, FALSE);
  gtk_widget_set_visible (self->open_button, FALSE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Starting"));

  self->exporter = vg_exporter_new (self->journal, current_format (self));
  vg_exporter_set_filter (self->exporter, gtk_switch_get_active (self->filter_switch) ? self->filter : NULL);
  vg_exporter_set_language (self->exporter, session_language ());
  g_object_bind_property (self->exporter, "fraction", self->progress_bar, "fraction", G_BINDING_DEFAULT);
  g_signal_connect_object (self->exporter, "notify::stage", G_CALLBACK (stage_changed_cb), self, G_CONNECT_SWAPPED);
  self->cancellable = g_cancellable_new ();
  set_running (self, TRUE);
  vg_exporter_run_async (self->exporter, self->path, self->cancellable, run_done_cb, g_object_ref (self));
}

void
vg_export_dialog_cancel (VgExportDialog *self)
{
  g_return_if_fail (VG_IS_EXPORT_DIALOG (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

gboolean
vg_export_dialog_get_running (VgExportDialog *self)
{
  g_return_val_if_fail (VG_IS_EXPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

const char *
vg_export_dialog_get_error (VgExportDialog *self)
{
  g_return_val_if_fail (VG_IS_EXPORT_DIALOG (self), NULL);

  return self->error_message;
}

const char *
vg_export_dialog_get_output (VgExportDialog *self)
{
  g_return_val_if_fail (VG_IS_EXPORT_DIALOG (self), NULL);

  return self->output;
}
