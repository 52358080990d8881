/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-log-strip"

#include "config.h"

#include <glib/gi18n.h>

#include "vg-clock.h"
#include "vg-log-entry.h"
#include "vg-log-strip.h"

struct _VgLogStrip
{
  GtkWidget           parent_instance;

  GtkWidget          *notebook;
  GtkSearchEntry     *search_entry;
  GtkEntry           *note_entry;
  GtkWidget          *record_button;
  GtkStack           *log_stack;
  GtkScrolledWindow  *scroller;
  GtkListView        *list_view;

  VgSituation        *situation;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  char               *search;
  char               *operator_name;
  GTimeZone          *city_zone;
  GtkToggleButton    *link_button;
  GtkLabel           *link_label;
  char               *feature_id;    /* what the next note is linked to, or NULL */
};

G_DEFINE_FINAL_TYPE (VgLogStrip, vg_log_strip, GTK_TYPE_WIDGET)

enum { RECORDED, FAILED, FEATURE_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  VgLogStrip *self = user_data;

  return vg_log_entry_matches (item, self->search);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              VgLogStrip               *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *time = gtk_label_new (NULL);
  GtkWidget *author = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *features = gtk_label_new (NULL);

  gtk_widget_add_css_class (time, "numeric");
  gtk_widget_add_css_class (time, "dim-label");
  gtk_widget_add_css_class (author, "heading");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_add_css_class (features, "dim-label");
  gtk_widget_add_css_class (features, "caption");
  gtk_widget_set_margin_start (row, 8);
  gtk_widget_set_margin_end (row, 8);
  gtk_widget_set_margin_top (row, 2);
  gtk_widget_set_margin_bottom (row, 2);
  gtk_box_append (GTK_BOX (row), time);
  gtk_box_append (GTK_BOX (row), author);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), features);
  gtk_list_item_set_child (item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             VgLogStrip               *self)
{
  VgLogEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *time = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *author = gtk_widget_get_next_sibling (time);
  GtkWidget *text = gtk_widget_get_next_sibling (author);
  GtkWidget *features = gtk_widget_get_next_sibling (text);
  g_autoptr(GDateTime) utc = vg_time_new_from_usec (vg_log_entry_get_time (entry));
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->city_zone);
  g_autofree char *stamp = g_date_time_format (local, "%d/%m %H:%M:%S");
  g_autofree char *linked = NULL;
  const char * const *ids = vg_log_entry_get_features (entry);

  gtk_label_set_text (GTK_LABEL (time), stamp);
  gtk_label_set_text (GTK_LABEL (author), vg_log_entry_get_author (entry));
  gtk_label_set_text (GTK_LABEL (text), vg_log_entry_get_text (entry));
  if (ids != NULL && ids[0] != NULL)
    linked = g_strjoinv (", ", (char **) ids);
  gtk_label_set_text (GTK_LABEL (features), linked ? linked : "");
  gtk_widget_set_visible (features, linked != NULL);
}

static void
update_stack (VgLogStrip *self)
{
  gboolean any = self->filtered != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0;

  gtk_stack_set_visible_child_name (self->log_stack, any ? "list" : "empty");
}

static gboolean
scroll_to_end_idle (gpointer user_data)
{
  VgLogStrip *self = user_data;
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);

  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  return G_SOURCE_REMOVE;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  VgLogStrip *self)
{
  update_stack (self);
  /* The newest entry is what the room needs to see: follow it. */
  if (added > 0)
    g_idle_add_full (G_PRIORITY_LOW, scroll_to_end_idle, g_object_ref (self), g_object_unref);
}

static void
search_changed_cb (VgLogStrip *self)
{
  vg_log_strip_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
record_cb (VgLogStrip *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));

  if (*text == '\0')
    return;
  if (vg_log_strip_record (self, text))
    gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
}

/* An entry with linked features leads to the first one on the map. */
static void
activate_cb (VgLogStrip *self,
             guint       position)
{
  g_autoptr(VgLogEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  const char * const *ids = entry != NULL ? vg_log_entry_get_features (entry) : NULL;

  if (ids != NULL && ids[0] != NULL)
    g_signal_emit (self, signals[FEATURE_ACTIVATED], 0, ids[0]);
}

static void
vg_log_strip_dispose (GObject *object)
{
  VgLogStrip *self = VG_LOG_STRIP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VG_TYPE_LOG_STRIP);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->situation);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->operator_name, g_free);
  g_clear_pointer (&self->city_zone, g_time_zone_unref);
  g_clear_pointer (&self->feature_id, g_free);

  G_OBJECT_CLASS (vg_log_strip_parent_class)->dispose (object);
}

static void
vg_log_strip_class_init (VgLogStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vg_log_strip_dispose;

  /* A note is on disk: its journal seq. */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT64);
  /* A note could not be recorded: why, for the operator (the text stays in the field). */
  /* An entry linked to map features was activated: the first feature's id. */
  signals[FEATURE_ACTIVATED] = g_signal_new ("feature-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                             NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vg-log-strip.ui");
  gtk_widget_class_bind_template_child (widget_class, VgLogStrip, notebook);
  gtk_widget_class_bind_template_child (widget_class, VgLogStrip, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VgLogStrip, note_entry);
  gtk_widget_class_bind_template_child (widget_class, VgLogStrip, record_button);
  gtk_widget_class_bind_template_child (widget_class, VgLogStrip, log_stack);
  gtk_widget_class_bind_template_child (widget_class, VgLogStrip, scroller);
  gtk_widget_class_bind_template_child (widget_class, VgLogStrip, list_view);
  gtk_widget_class_bind_template_child (widget_class, VgLogStrip, link_button);
  gtk_widget_class_bind_template_child (widget_class, VgLogStrip, link_label);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "vg-log-strip");
}

static void
vg_log_strip_init (VgLogStrip *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->city_zone = g_time_zone_new_identifier ("Europe/Paris");
  if (self->city_zone == NULL)
    self->city_zone = g_time_zone_new_utc ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_entry), FALSE);
  gtk_widget_set_sensitive (self->record_button, FALSE);
}

GtkWidget *
vg_log_strip_new (void)
{
  return g_object_new (VG_TYPE_LOG_STRIP, NULL);
}

void
vg_log_strip_set_situation (VgLogStrip  *self,
                            VgSituation *situation)
{
  GtkNoSelection *selection;
  gboolean writable;

  g_return_if_fail (VG_IS_LOG_STRIP (self));
  g_return_if_fail (VG_IS_SITUATION (situation));

  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  g_set_object (&self->situation, situation);
  g_clear_object (&self->filter);
  g_clear_object (&self->filtered);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (vg_situation_get_log (situation)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  g_signal_connect (self->filtered, "items-changed", G_CALLBACK (items_changed_cb), self);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  writable = !vg_situation_is_read_only (situation);
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_entry), writable);
  gtk_widget_set_sensitive (self->record_button, writable);
  update_stack (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    g_idle_add_full (G_PRIORITY_LOW, scroll_to_end_idle, g_object_ref (self), g_object_unref);
}

void
vg_log_strip_set_operator (VgLogStrip *self,
                           const char *operator_name)
{
  g_autofree char *placeholder = NULL;

  g_return_if_fail (VG_IS_LOG_STRIP (self));

  g_free (self->operator_name);
  self->operator_name = g_strdup (operator_name);
  placeholder = g_strdup_printf (_("New log entry as %s (Ctrl+L), Enter to record"), operator_name);
  gtk_entry_set_placeholder_text (self->note_entry, placeholder);
}

void
vg_log_strip_focus_note (VgLogStrip *self)
{
  g_return_if_fail (VG_IS_LOG_STRIP (self));

  gtk_notebook_set_current_page (GTK_NOTEBOOK (self->notebook), 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
}

void
vg_log_strip_focus_search (VgLogStrip *self)
{
  g_return_if_fail (VG_IS_LOG_STRIP (self));

  gtk_notebook_set_current_page (GTK_NOTEBOOK (self->notebook), 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
vg_log_strip_record (VgLogStrip *self,
                     const char *text)
{
  g_autoptr(GError) error = NULL;
  const char *features[2] = { NULL, NULL };
  guint64 seq = 0;

  g_return_val_if_fail (VG_IS_LOG_STRIP (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (self->situation == NULL)
    return FALSE;
  if (self->feature_id != NULL && gtk_toggle_button_get_active (self->link_button))
    features[0] = self->feature_id;
  if (!vg_situation_add_note (self->situation, self->operator_name, text, features[0] != NULL ? features : NULL,
                              &seq, &error))
    {
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return FALSE;
    }
  /* A link is for one entry. */
  vg_log_strip_set_feature (self, NULL, NULL);
  g_signal_emit (self, signals[RECORDED], 0, seq);
  return TRUE;
}

guint
vg_log_strip_get_n_shown (VgLogStrip *self)
{
  g_return_val_if_fail (VG_IS_LOG_STRIP (self), 0);

  return self->filtered ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;
}

void
vg_log_strip_set_search (VgLogStrip *self,
                         const char *text)
{
  g_return_if_fail (VG_IS_LOG_STRIP (self));

  g_free (self->search);
  self->search = g_strdup (text);
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

void
vg_log_strip_set_feature (VgLogStrip *self,
                          const char *feature_id,
                          const char *name)
{
  g_autofree char *tooltip = NULL;

  g_return_if_fail (VG_IS_LOG_STRIP (self));

  g_free (self->feature_id);
  self->feature_id = g_strdup (feature_id);
  gtk_widget_set_visible (GTK_WIDGET (self->link_button), feature_id != NULL);
  if (feature_id == NULL)
    return;
  gtk_label_set_text (self->link_label, name != NULL ? name : feature_id);
  gtk_toggle_button_set_active (self->link_button, TRUE);
  tooltip = g_strdup_printf (_("The next entry is linked to %s on the map; press to leave it unlinked"),
                             name != NULL ? name : feature_id);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->link_button), tooltip);
}

const char *
vg_log_strip_get_feature (VgLogStrip *self)
{
  g_return_val_if_fail (VG_IS_LOG_STRIP (self), NULL);

  return self->feature_id != NULL && gtk_toggle_button_get_active (self->link_button) ? self->feature_id : NULL;
}

void
vg_log_strip_activate_entry (VgLogStrip *self,
                             guint       position)
{
  g_return_if_fail (VG_IS_LOG_STRIP (self));

  if (self->filtered != NULL && position < g_list_model_get_n_items (G_LIST_MODEL (self->filtered)))
    activate_cb (self, position);
}
