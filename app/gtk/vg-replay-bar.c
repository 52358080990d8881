/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-replay-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "vg-replay-bar.h"

#define TICK_MS 100

static const double speeds[] = { 1, 10, 60, 300, 900, 3600, 0 };

struct _VgReplayBar
{
  GtkWidget        parent_instance;

  GtkToggleButton *play_button;
  GtkWidget       *step_button;
  GtkDropDown     *speed_dropdown;
  GtkLabel        *time_label;
  GtkLabel        *title_label;
  GtkScale        *seek_scale;
  GtkAdjustment   *seek_adjustment;

  VgReplay        *replay;
  GTimeZone       *zone;
  guint            tick_source;
  gint64           last_tick;    /* monotonic µs of the previous tick */
};

G_DEFINE_FINAL_TYPE (VgReplayBar, vg_replay_bar, GTK_TYPE_WIDGET)

enum { FAILED, SEEK_BACK, N_SIGNALS };
static guint signals[N_SIGNALS];

static gint64
scenario_now (VgReplayBar *self)
{
  return vg_clock_get_now_usec (vg_situation_get_clock (vg_replay_get_situation (self->replay)));
}

static void
update_display (VgReplayBar *self)
{
  g_autoptr(GDateTime) utc = vg_time_new_from_usec (scenario_now (self));
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->zone);
  g_autofree char *text = g_date_time_format (local, "%d/%m/%Y %H:%M %Z");

  gtk_label_set_text (self->time_label, text);
  gtk_adjustment_set_value (self->seek_adjustment, scenario_now (self) / (double) G_USEC_PER_SEC);
  if (vg_replay_is_finished (self->replay))
    {
      gtk_widget_set_sensitive (self->step_button, FALSE);
      if (gtk_toggle_button_get_active (self->play_button) &&
          scenario_now (self) >= vg_time_to_usec (vg_scenario_get_end (vg_replay_get_scenario (self->replay))))
        gtk_toggle_button_set_active (self->play_button, FALSE);
    }
}

static void
report (VgReplayBar *self,
        GError      *error)
{
  gtk_toggle_button_set_active (self->play_button, FALSE);
  g_signal_emit (self, signals[FAILED], 0, error->message);
}

static gboolean
tick_cb (gpointer user_data)
{
  VgReplayBar *self = user_data;
  g_autoptr(GError) error = NULL;
  double speed = speeds[gtk_drop_down_get_selected (self->speed_dropdown)];
  gint64 now = g_get_monotonic_time ();
  gint64 target;

  if (speed == 0)
    {
      /* As fast as possible, yet responsive: a slice of events per tick. */
      for (guint i = 0; i < 50 && !vg_replay_is_finished (self->replay); i++)
        if (!vg_replay_step (self->replay, &error))
          break;
      if (error == NULL && vg_replay_is_finished (self->replay))
        vg_replay_run_to_end (self->replay, &error);
    }
  else
    {
      /* Wall time only measures how far to advance; the scenario clock stamps everything. */
      target = scenario_now (self) + (gint64) ((now - self->last_tick) * speed);
      vg_replay_advance_to (self->replay, target, &error);
    }
  self->last_tick = now;
  if (error != NULL)
    report (self, error);
  update_display (self);
  return G_SOURCE_CONTINUE;
}

static void
play_toggled_cb (VgReplayBar *self)
{
  gboolean playing = gtk_toggle_button_get_active (self->play_button);

  gtk_button_set_icon_name (GTK_BUTTON (self->play_button),
                            playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  g_clear_handle_id (&self->tick_source, g_source_remove);
  if (playing)
    {
      self->last_tick = g_get_monotonic_time ();
      self->tick_source = g_timeout_add (TICK_MS, tick_cb, self);
    }
}

static void
step_cb (VgReplayBar *self)
{
  vg_replay_bar_step (self);
}

static gboolean
seek_cb (VgReplayBar   *self,
         GtkScrollType  scroll,
         double         value)
{
  vg_replay_bar_seek (self, (gint64) (value * G_USEC_PER_SEC));
  return TRUE;
}

static void
vg_replay_bar_dispose (GObject *object)
{
  VgReplayBar *self = VG_REPLAY_BAR (object);

  GtkWidget *child;

  g_clear_handle_id (&self->tick_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), VG_TYPE_REPLAY_BAR);
  /* The template's top box has no id, so it is unparented by hand. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->replay);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (vg_replay_bar_parent_class)->dispose (object);
}

static void
vg_replay_bar_class_init (VgReplayBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vg_replay_bar_dispose;

  /* The replay stopped on an error (the journal cannot be written): why, for the operator. */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* Asked for an earlier time (Unix µs): the journal only goes forward, so the window offers a
   * new run replayed to that time. */
  signals[SEEK_BACK] = g_signal_new ("seek-back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vg-replay-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, VgReplayBar, play_button);
  gtk_widget_class_bind_template_child (widget_class, VgReplayBar, step_button);
  gtk_widget_class_bind_template_child (widget_class, VgReplayBar, speed_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VgReplayBar, time_label);
  gtk_widget_class_bind_template_child (widget_class, VgReplayBar, title_label);
  gtk_widget_class_bind_template_child (widget_class, VgReplayBar, seek_scale);
  gtk_widget_class_bind_template_child (widget_class, VgReplayBar, seek_adjustment);
  gtk_widget_class_bind_template_callback (widget_class, play_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, step_cb);
  gtk_widget_class_bind_template_callback (widget_class, seek_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "vg-replay-bar");
}

static void
vg_replay_bar_init (VgReplayBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vg_replay_bar_new (VgReplay *replay)
{
  VgReplayBar *self;
  VgScenario *scenario;

  g_return_val_if_fail (VG_IS_REPLAY (replay), NULL);

  self = g_object_new (VG_TYPE_REPLAY_BAR, NULL);
  self->replay = g_object_ref (replay);
  scenario = vg_replay_get_scenario (replay);
  self->zone = g_time_zone_new_identifier (vg_scenario_get_timezone (scenario));
  if (self->zone == NULL)
    self->zone = g_time_zone_new_utc ();
  gtk_label_set_text (self->title_label, vg_scenario_get_title (scenario, "fr"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), vg_scenario_get_description (scenario, "fr"));
  gtk_adjustment_set_lower (self->seek_adjustment, vg_time_to_usec (vg_scenario_get_start (scenario)) / (double) G_USEC_PER_SEC);
  gtk_adjustment_set_upper (self->seek_adjustment, vg_time_to_usec (vg_scenario_get_end (scenario)) / (double) G_USEC_PER_SEC);
  update_display (self);
  return GTK_WIDGET (self);
}

void
vg_replay_bar_set_playing (VgReplayBar *self,
                           gboolean     playing)
{
  g_return_if_fail (VG_IS_REPLAY_BAR (self));

  gtk_toggle_button_set_active (self->play_button, playing);
}

void
vg_replay_bar_toggle (VgReplayBar *self)
{
  g_return_if_fail (VG_IS_REPLAY_BAR (self));

  gtk_toggle_button_set_active (self->play_button, !gtk_toggle_button_get_active (self->play_button));
}

void
vg_replay_bar_set_speed (VgReplayBar *self,
                         double       speed)
{
  guint best = 0;

  g_return_if_fail (VG_IS_REPLAY_BAR (self));

  for (guint i = 0; i < G_N_ELEMENTS (speeds); i++)
    if (speeds[i] == speed || (speed > 0 && speeds[i] > 0 && speeds[i] <= speed))
      best = i;
  gtk_drop_down_set_selected (self->speed_dropdown, speed == 0 ? G_N_ELEMENTS (speeds) - 1 : best);
}

void
vg_replay_bar_seek (VgReplayBar *self,
                    gint64       usec)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (VG_IS_REPLAY_BAR (self));

  /* The exercise journal is append-only: the run goes forward, never back; going back is a new
   * run, which the window offers. A minute's slack absorbs the slider's rounding. */
  if (usec < scenario_now (self) - 60 * G_USEC_PER_SEC)
    g_signal_emit (self, signals[SEEK_BACK], 0, usec);
  else if (usec > scenario_now (self) && !vg_replay_advance_to (self->replay, usec, &error))
    report (self, error);
  update_display (self);
}

void
vg_replay_bar_step (VgReplayBar *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (VG_IS_REPLAY_BAR (self));

  if (!vg_replay_step (self->replay, &error) && error != NULL)
    report (self, error);
  vg_picture_refresh (vg_situation_get_picture (vg_replay_get_situation (self->replay)));
  update_display (self);
}
