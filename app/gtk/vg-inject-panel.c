/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-inject-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vg-inject-panel.h"
#include "vg-live-inject.h"
#include "vg-scenario.h"
#include "vg-situation.h"

struct _VgInjectPanel
{
  GtkWidget      parent_instance;

  GtkWidget     *scroller;
  GtkLabel      *status_label;
  AdwComboRow   *type_row;
  AdwComboRow   *feed_row;
  AdwEntryRow   *text_row;
  GtkWidget     *inject_button;
  GtkListBox    *script_list;

  VgReplay      *replay;
  VgOperator    *operator_;
  GArray        *script;        /* guint: index of each scripted inject among the events */
  GPtrArray     *played_labels; /* GtkLabel per scripted inject */
  GPtrArray     *rows;          /* AdwActionRow per scripted inject */
  GTimeZone     *zone;
};

G_DEFINE_FINAL_TYPE (VgInjectPanel, vg_inject_panel, GTK_TYPE_WIDGET)

enum { RECORDED, FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const VgScenarioInjectType form_types[] = {
  VG_SCENARIO_INJECT_NOTE, VG_SCENARIO_INJECT_FEED_FAILURE, VG_SCENARIO_INJECT_FEED_RECOVERY,
};

static const char *
inject_type_label (VgScenarioInjectType type)
{
  switch (type)
    {
    case VG_SCENARIO_INJECT_INCIDENT: return _("Incident");
    case VG_SCENARIO_INJECT_FEED_FAILURE: return _("Feed failure");
    case VG_SCENARIO_INJECT_FEED_RECOVERY: return _("Feed recovery");
    case VG_SCENARIO_INJECT_CAP: return _("CAP message");
    case VG_SCENARIO_INJECT_NOTE: return _("Note");
    case VG_SCENARIO_INJECT_NONE:
    default: return "";
    }
}

static VgScenarioInjectType
form_type (VgInjectPanel *self)
{
  guint selected = adw_combo_row_get_selected (self->type_row);

  return selected < G_N_ELEMENTS (form_types) ? form_types[selected] : VG_SCENARIO_INJECT_NOTE;
}

static void
update_played (VgInjectPanel *self)
{
  guint n_played = self->replay != NULL ? vg_replay_get_n_played (self->replay) : 0;

  for (guint i = 0; i < self->script->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (self->played_labels, i);
      gboolean played = g_array_index (self->script, guint, i) < n_played;

      gtk_label_set_text (GTK_LABEL (label), played ? _("Played") : _("To come"));
      if (played)
        gtk_widget_add_css_class (label, "dim-label");
      else
        gtk_widget_remove_css_class (label, "dim-label");
    }
}

static void
event_played_cb (VgInjectPanel   *self,
                 VgScenarioEvent *event)
{
  if (vg_scenario_event_get_kind (event) == VG_SCENARIO_EVENT_INJECT)
    update_played (self);
}

/* Inject only when a controller is signed in and the form says enough; the status says why not. */
static void
validate_cb (VgInjectPanel *self)
{
  VgScenarioInjectType type = form_type (self);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text_row))));
  g_autofree char *status = NULL;
  gboolean ok = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->feed_row), type != VG_SCENARIO_INJECT_NOTE);
  if (self->replay == NULL)
    status = g_strdup (_("No exercise is running."));
  else if (self->operator_ == NULL)
    status = g_strdup (_("Sign in as the exercise controller (Ctrl+I) to inject."));
  else if (vg_operator_get_role (self->operator_) != VG_ROLE_EXERCISE_CONTROLLER)
    status = g_strdup_printf (_("%s is signed in as %s: only the exercise controller may inject."),
                              vg_operator_get_name (self->operator_), vg_role_get_label (vg_operator_get_role (self->operator_)));
  else
    {
      status = g_strdup_printf (_("Signed in as %s, exercise controller."), vg_operator_get_name (self->operator_));
      ok = type == VG_SCENARIO_INJECT_FEED_RECOVERY || *text != '\0';
    }
  gtk_label_set_text (self->status_label, status);
  gtk_widget_set_sensitive (self->inject_button, ok);
}

static void
inject_cb (VgInjectPanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *number = NULL;
  VgScenario *scenario;
  const char *feed = NULL;
  guint64 seq = 0;

  if (!gtk_widget_get_sensitive (self->inject_button))
    return;
  scenario = vg_replay_get_scenario (self->replay);
  if (form_type (self) != VG_SCENARIO_INJECT_NOTE && adw_combo_row_get_selected (self->feed_row) < vg_scenario_get_n_feeds (scenario))
    feed = vg_scenario_get_feed_id (scenario, adw_combo_row_get_selected (self->feed_row));
  if (!vg_live_inject (self->replay, self->operator_, form_type (self), feed,
                       gtk_editable_get_text (GTK_EDITABLE (self->text_row)), &seq, &error))
    {
      gtk_label_set_text (self->status_label, error->message);
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }
  vg_picture_refresh (vg_situation_get_picture (vg_replay_get_situation (self->replay)));
  vg_situation_refresh (vg_replay_get_situation (self->replay));
  gtk_editable_set_text (GTK_EDITABLE (self->text_row), "");
  number = g_strdup_printf ("%" G_GUINT64_FORMAT, seq);
  message = g_strdup_printf (_("Inject recorded (journal entry %s)"), number);
  g_signal_emit (self, signals[RECORDED], 0, message);
}

static void
vg_inject_panel_dispose (GObject *object)
{
  VgInjectPanel *self = VG_INJECT_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VG_TYPE_INJECT_PANEL);
  g_clear_object (&self->replay);
  g_clear_object (&self->operator_);
  g_clear_pointer (&self->script, g_array_unref);
  g_clear_pointer (&self->played_labels, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (vg_inject_panel_parent_class)->dispose (object);
}

static void
vg_inject_panel_class_init (VgInjectPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vg_inject_panel_dispose;

  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vg-inject-panel.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "vg-inject-panel");
  gtk_widget_class_bind_template_child (widget_class, VgInjectPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, VgInjectPanel, status_label);
  gtk_widget_class_bind_template_child (widget_class, VgInjectPanel, type_row);
  gtk_widget_class_bind_template_child (widget_class, VgInjectPanel, feed_row);
  gtk_widget_class_bind_template_child (widget_class, VgInjectPanel, text_row);
  gtk_widget_class_bind_template_child (widget_class, VgInjectPanel, inject_button);
  gtk_widget_class_bind_template_child (widget_class, VgInjectPanel, script_list);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);
  gtk_widget_class_bind_template_callback (widget_class, inject_cb);
}

static void
vg_inject_panel_init (VgInjectPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->script = g_array_new (FALSE, FALSE, sizeof (guint));
  self->played_labels = g_ptr_array_new ();
  self->rows = g_ptr_array_new ();
  self->zone = g_time_zone_new_utc ();
  validate_cb (self);
}

GtkWidget *
vg_inject_panel_new (void)
{
  return g_object_new (VG_TYPE_INJECT_PANEL, NULL);
}

static gboolean
is_controller (VgInjectPanel *self)
{
  return self->operator_ != NULL && vg_operator_get_role (self->operator_) == VG_ROLE_EXERCISE_CONTROLLER;
}

/* What the players see of each scripted inject; the controller's notes only to the controller. */
static void
update_subtitles (VgInjectPanel *self)
{
  VgScenario *scenario = self->replay != NULL ? vg_replay_get_scenario (self->replay) : NULL;

  for (guint i = 0; scenario != NULL && i < self->rows->len; i++)
    {
      VgScenarioEvent *event = vg_scenario_get_event (scenario, g_array_index (self->script, guint, i));
      const char *text = vg_scenario_event_get_text (event, "fr");
      const char *notes = is_controller (self) ? vg_scenario_event_get_controller_notes (event, "fr") : NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: the controller's notes of a scripted inject, after what the players see. */
      subtitle = notes != NULL ? g_markup_printf_escaped (_("%s\nController: %s"), text != NULL ? text : "", notes)
                               : g_markup_escape_text (text != NULL ? text : "", -1);
      if (vg_scenario_event_is_reconstructed (event))
        {
          const char *method = vg_scenario_get_reconstruction_method (scenario, vg_scenario_event_get_reconstruction (event), "fr");
          g_autofree char *flag = g_markup_printf_escaped (_("\nRECONSTRUCTED — %s"), method != NULL ? method : _("invented for the exercise"));
          char *with_flag = g_strconcat (subtitle, flag, NULL);

          g_free (subtitle);
          subtitle = with_flag;
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (g_ptr_array_index (self->rows, i)), subtitle);
    }
}

static void
add_script_row (VgInjectPanel   *self,
                VgScenarioEvent *event,
                guint            index)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (vg_scenario_event_get_time (event), self->zone);
  g_autofree char *when = g_date_time_format (local, "%d/%m %H:%M");
  g_autofree char *title = g_markup_printf_escaped ("%s — %s — %s", when, vg_scenario_event_get_inject_id (event),
                                                    inject_type_label (vg_scenario_event_get_inject_type (event)));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *played = gtk_label_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), played);
  gtk_widget_add_css_class (played, "caption");
  gtk_list_box_append (self->script_list, row);
  g_array_append_val (self->script, index);
  g_ptr_array_add (self->played_labels, played);
  g_ptr_array_add (self->rows, row);
}

void
vg_inject_panel_set_replay (VgInjectPanel *self,
                            VgReplay      *replay)
{
  VgScenario *scenario;
  g_autoptr(GtkStringList) feeds = gtk_string_list_new (NULL);
  GTimeZone *zone;

  g_return_if_fail (VG_IS_INJECT_PANEL (self));
  g_return_if_fail (VG_IS_REPLAY (replay));
  g_return_if_fail (self->replay == NULL);

  self->replay = g_object_ref (replay);
  scenario = vg_replay_get_scenario (replay);
  zone = g_time_zone_new_identifier (vg_scenario_get_timezone (scenario));
  if (zone != NULL)
    {
      g_time_zone_unref (self->zone);
      self->zone = zone;
    }
  for (guint i = 0; i < vg_scenario_get_n_feeds (scenario); i++)
    gtk_string_list_append (feeds, vg_scenario_get_feed_label (scenario, i, "fr"));
  adw_combo_row_set_model (self->feed_row, G_LIST_MODEL (feeds));
  for (guint i = 0; i < vg_scenario_get_n_events (scenario); i++)
    {
      VgScenarioEvent *event = vg_scenario_get_event (scenario, i);

      if (vg_scenario_event_get_kind (event) == VG_SCENARIO_EVENT_INJECT)
        add_script_row (self, event, i);
    }
  g_signal_connect_object (replay, "event-played", G_CALLBACK (event_played_cb), self, G_CONNECT_SWAPPED);
  update_played (self);
  update_subtitles (self);
  validate_cb (self);
}

void
vg_inject_panel_set_operator (VgInjectPanel *self,
                              VgOperator    *operator_)
{
  g_return_if_fail (VG_IS_INJECT_PANEL (self));
  g_return_if_fail (operator_ == NULL || VG_IS_OPERATOR (operator_));

  g_set_object (&self->operator_, operator_);
  update_subtitles (self);
  validate_cb (self);
}

guint
vg_inject_panel_get_n_script (VgInjectPanel *self,
                              guint         *n_played)
{
  guint played = 0;

  g_return_val_if_fail (VG_IS_INJECT_PANEL (self), 0);

  for (guint i = 0; self->replay != NULL && i < self->script->len; i++)
    played += g_array_index (self->script, guint, i) < vg_replay_get_n_played (self->replay);
  if (n_played != NULL)
    *n_played = played;
  return self->script->len;
}

gboolean
vg_inject_panel_inject (VgInjectPanel        *self,
                        VgScenarioInjectType  type,
                        guint                 feed_index,
                        const char           *text)
{
  g_return_val_if_fail (VG_IS_INJECT_PANEL (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (form_types); i++)
    if (form_types[i] == type)
      adw_combo_row_set_selected (self->type_row, i);
  adw_combo_row_set_selected (self->feed_row, feed_index);
  gtk_editable_set_text (GTK_EDITABLE (self->text_row), text != NULL ? text : "");
  if (!gtk_widget_get_sensitive (self->inject_button))
    return FALSE;
  inject_cb (self);
  return TRUE;
}
