/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-scenario-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "vg-clock.h"
#include "vg-map-items.h"
#include "vg-scenario.h"
#include "vg-scenario-picker.h"

struct _VgScenarioPicker
{
  AdwWindow   parent_instance;

  GtkListBox *list;
  GtkLabel   *error_label;
  guint       n_scenarios;
};

G_DEFINE_FINAL_TYPE (VgScenarioPicker, vg_scenario_picker, ADW_TYPE_WINDOW)

static const char *
text_in (JsonObject *object,
         const char *member)
{
  JsonNode *node = object != NULL && json_object_has_member (object, member) ? json_object_get_member (object, member) : NULL;

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node))
    return json_node_get_string (node);
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_object_get_string_member_with_default (json_node_get_object (node), "fr", NULL);
  return NULL;
}

/* Where every file of the scenario comes from, under which licence, and how each reconstructed
 * part was made: the manifest's "sources" and "reconstructed", as written. */
static char *
describe_provenance (VgScenario *scenario)
{
  JsonObject *manifest = vg_scenario_get_manifest (scenario);
  JsonArray *sources = json_object_has_member (manifest, "sources") ? json_object_get_array_member (manifest, "sources") : NULL;
  JsonArray *made = json_object_has_member (manifest, "reconstructed")
                    ? json_object_get_array_member (manifest, "reconstructed") : NULL;
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "<b>%s</b>", _("Sources"));
  for (guint i = 0; sources != NULL && i < json_array_get_length (sources); i++)
    {
      JsonObject *s = json_array_get_object_element (sources, i);
      gboolean real = json_object_get_boolean_member_with_default (s, "real", FALSE);
      g_autofree char *line = g_markup_printf_escaped ("\n• %s — %s (%s)", text_in (s, "name") ? text_in (s, "name") : "?",
                                                       text_in (s, "licence") ? text_in (s, "licence") : "?",
                                                       real ? _("real data") : _("format or model only"));

      g_string_append (text, line);
    }
  if (made != NULL && json_array_get_length (made) > 0)
    g_string_append_printf (text, "\n<b>%s</b>", _("RECONSTRUCTED, and how"));
  for (guint i = 0; made != NULL && i < json_array_get_length (made); i++)
    {
      JsonObject *r = json_array_get_object_element (made, i);
      g_autofree char *line = g_markup_printf_escaped ("\n• %s %s", text_in (r, "what") ? text_in (r, "what") : "?",
                                                       text_in (r, "method") ? text_in (r, "method") : "");

      g_string_append (text, line);
    }
  return g_string_free (text, FALSE);
}

static GtkWidget *
scenario_row (VgScenario *scenario)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (vg_scenario_get_title (scenario, "fr"));
  GtkWidget *description = gtk_label_new (vg_scenario_get_description (scenario, "fr"));
  GtkWidget *start = gtk_button_new_with_mnemonic (_("_Start"));
  g_autofree char *from = vg_format_local_time (vg_time_to_usec (vg_scenario_get_start (scenario)));
  g_autofree char *to = vg_format_local_time (vg_time_to_usec (vg_scenario_get_end (scenario)));
  g_autofree char *year = g_date_time_format (vg_scenario_get_start (scenario), "%Y");
  g_autofree char *span = g_strdup_printf (_("%s %s → %s · %u events, reconstructed ones labelled as such"),
                                           year, from, to, vg_scenario_get_n_events (scenario));
  GtkWidget *meta = gtk_label_new (span);

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_wrap (GTK_LABEL (meta), TRUE);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), description);
  gtk_box_append (GTK_BOX (text), meta);
  {
    GtkWidget *expander = gtk_expander_new (_("Sources, licences and what is reconstructed"));
    GtkWidget *provenance = gtk_label_new (NULL);
    g_autofree char *markup = describe_provenance (scenario);

    gtk_label_set_markup (GTK_LABEL (provenance), markup);
    gtk_label_set_xalign (GTK_LABEL (provenance), 0);
    gtk_label_set_wrap (GTK_LABEL (provenance), TRUE);
    gtk_label_set_selectable (GTK_LABEL (provenance), TRUE);
    gtk_widget_add_css_class (provenance, "caption");
    gtk_expander_set_child (GTK_EXPANDER (expander), provenance);
    gtk_box_append (GTK_BOX (text), expander);
  }
  gtk_widget_set_hexpand (text, TRUE);

  gtk_widget_set_valign (start, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (start, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (start), "app.start-exercise");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (start), "s", vg_scenario_get_dir (scenario));

  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (row, 10);
  gtk_widget_set_margin_bottom (row, 10);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), start);
  return row;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static void
fill (VgScenarioPicker *self,
      const char       *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) folder = g_dir_open (dir, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) problems = g_string_new (NULL);
  const char *name;

  if (folder == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  while ((name = g_dir_read_name (folder)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autofree char *manifest = g_build_filename (path, "manifest.json", NULL);
      g_autoptr(VgScenario) scenario = NULL;
      g_autoptr(GError) load_error = NULL;

      if (!g_file_test (manifest, G_FILE_TEST_EXISTS))
        continue;
      scenario = vg_scenario_load (path, &load_error);
      if (scenario == NULL)
        {
          /* A broken scenario is said, not hidden: its author needs to know. */
          g_string_append_printf (problems, "%s%s", problems->len ? "\n" : "", load_error->message);
          continue;
        }
      gtk_list_box_append (self->list, scenario_row (scenario));
      self->n_scenarios++;
    }
  if (problems->len > 0)
    {
      gtk_label_set_text (self->error_label, problems->str);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

static void
vg_scenario_picker_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), VG_TYPE_SCENARIO_PICKER);

  G_OBJECT_CLASS (vg_scenario_picker_parent_class)->dispose (object);
}

static void
vg_scenario_picker_class_init (VgScenarioPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vg_scenario_picker_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vg-scenario-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, VgScenarioPicker, list);
  gtk_widget_class_bind_template_child (widget_class, VgScenarioPicker, error_label);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vg_scenario_picker_init (VgScenarioPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vg_scenario_picker_new (const char *dir,
                        GtkWindow  *parent)
{
  VgScenarioPicker *self;

  g_return_val_if_fail (dir != NULL, NULL);

  self = g_object_new (VG_TYPE_SCENARIO_PICKER, "transient-for", parent, NULL);
  fill (self, dir);
  return GTK_WIDGET (self);
}

guint
vg_scenario_picker_get_n_scenarios (VgScenarioPicker *self)
{
  g_return_val_if_fail (VG_IS_SCENARIO_PICKER (self), 0);

  return self->n_scenarios;
}
