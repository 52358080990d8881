/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-timeline-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vg-clock.h"
#include "vg-entry-payload.h"
#include "vg-point-layer.h"
#include "vg-review-mark.h"
#include "vg-timeline-panel.h"

struct _VgTimelinePanel
{
  GtkWidget           parent_instance;

  GtkWidget          *content;
  GtkStack           *stack;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *source_dropdown;
  GtkDropDown        *author_dropdown;
  GtkStringList      *sources;
  GtkStringList      *authors;
  GtkLabel           *state_label;
  GtkLabel           *count_label;
  GtkListView        *list_view;
  GtkListBox         *thresholds_list;
  GtkListBox         *waits_list;

  VgSituation        *situation;
  VgTimeline         *timeline;
  GtkSingleSelection *selection;
  VgThresholdLedger  *ledger;
  GHashTable         *seen_sources;
  GHashTable         *seen_authors;
  guint64             fed_seq;
  guint               refresh_source;
  GTimeZone          *city_zone;

  VgMapView          *map_view;
  VgPointLayer       *review_layer;
  GListStore         *review_marks;
  guint64             review_seq;
  char               *review_text;
};

G_DEFINE_FINAL_TYPE (VgTimelinePanel, vg_timeline_panel, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_REVIEWING, PROP_REVIEW_SEQ, PROP_REVIEW_TEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static char *
format_city_time (VgTimelinePanel *self,
                  gint64           usec,
                  const char      *format)
{
  g_autoptr(GDateTime) utc = vg_time_new_from_usec (usec);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->city_zone);

  return g_date_time_format (local, format);
}

/* A duration for people: "2 h 05 min", "12 min", "−40 min" when it came late. */
static char *
format_duration (gint64 usec)
{
  gint64 minutes = ABS (usec) / (60 * G_USEC_PER_SEC);
  const char *sign = usec < 0 ? "−" : "";

  if (minutes < 60)
    return g_strdup_printf (_("%s%d min"), sign, (int) minutes);
  return g_strdup_printf (_("%s%d h %02d min"), sign, (int) (minutes / 60), (int) (minutes % 60));
}

static char *
format_optional_time (VgTimelinePanel *self,
                      gint64           usec)
{
  return usec == G_MININT64 ? g_strdup (_("never")) : format_city_time (self, usec, "%d/%m %H:%M");
}

/* Rows of the list: built here rather than from a template, since a row is four labels. */
static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *time = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkWidget *summary = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (time), 0);
  gtk_label_set_yalign (GTK_LABEL (time), 0);
  gtk_widget_add_css_class (time, "numeric");
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_ellipsize (GTK_LABEL (summary), PANGO_ELLIPSIZE_END);
  /* Ellipsized to the pane's width: long summaries must not widen the right-hand column. */
  gtk_label_set_max_width_chars (GTK_LABEL (meta), 24);
  gtk_label_set_max_width_chars (GTK_LABEL (summary), 24);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), meta);
  gtk_box_append (GTK_BOX (text), summary);
  gtk_box_append (GTK_BOX (box), time);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             VgTimelinePanel          *self)
{
  VgTimelineItem *item = gtk_list_item_get_item (list_item);
  VgJournalEntry *entry = vg_timeline_item_get_entry (item);
  GtkWidget *time = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *meta = gtk_widget_get_first_child (gtk_widget_get_next_sibling (time));
  GtkWidget *summary = gtk_widget_get_next_sibling (meta);
  g_autofree char *stamp = format_city_time (self, vg_timeline_item_get_time (item), "%d/%m %H:%M:%S");
  const char *source = vg_journal_entry_get_source (entry);
  const char *author = vg_journal_entry_get_author (entry);
  const char *group = _(vg_timeline_group_get_name (vg_timeline_item_get_group (item)));
  /* A feed or module writes as itself: its name once; an operator's is shown beside the source. */
  g_autofree char *line = g_str_equal (source, author) ? g_strdup_printf ("%s · %s", group, source)
                                                       : g_strdup_printf ("%s · %s · %s", group, source, author);

  gtk_label_set_text (GTK_LABEL (time), stamp);
  gtk_label_set_text (GTK_LABEL (meta), line);
  gtk_label_set_text (GTK_LABEL (summary), vg_timeline_item_get_summary (item));
  gtk_widget_set_tooltip_text (summary, vg_timeline_item_get_summary (item));
}

/* Drop-down labels: ellipsized on the button (long feed names must not widen the pane), whole
 * in the popup list. */
static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize != NULL)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 5);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  GtkStringObject *choice = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), gtk_string_object_get_string (choice));
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (list_item), gtk_string_object_get_string (choice));
}

static void
set_choice_factories (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list = gtk_signal_list_item_factory_new ();

  g_signal_connect (button, "setup", G_CALLBACK (setup_choice_cb), GINT_TO_POINTER (TRUE));
  g_signal_connect (button, "bind", G_CALLBACK (bind_choice_cb), NULL);
  g_signal_connect (list, "setup", G_CALLBACK (setup_choice_cb), NULL);
  g_signal_connect (list, "bind", G_CALLBACK (bind_choice_cb), NULL);
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
}

static void
update_count (VgTimelinePanel *self)
{
  g_autofree char *shown = g_strdup_printf ("%u", g_list_model_get_n_items (G_LIST_MODEL (self->timeline)));
  g_autofree char *total = g_strdup_printf ("%u", vg_timeline_get_n_entries (self->timeline));
  g_autofree char *text = g_strdup_printf (_("%s of %s journal entries"), shown, total);

  gtk_label_set_text (self->count_label, text);
}

/* The drop-down's choice, or NULL for its first row ("All sources"). */
static const char *
dropdown_choice (GtkDropDown   *dropdown,
                 GtkStringList *list)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  return i == 0 || i == GTK_INVALID_LIST_POSITION ? NULL : gtk_string_list_get_string (list, i);
}

static void
select_review_seq (VgTimelinePanel *self)
{
  guint position;

  if (self->review_seq != 0 && vg_timeline_find_seq (self->timeline, self->review_seq, &position))
    gtk_single_selection_set_selected (self->selection, position);
}

static void
filter_changed_cb (VgTimelinePanel *self)
{
  g_autoptr(VgTimelineFilter) filter = vg_timeline_filter_new ();
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  if (self->timeline == NULL)
    return;
  if (kind != 0 && kind != GTK_INVALID_LIST_POSITION)
    vg_timeline_filter_set_groups (filter, VG_TIMELINE_GROUP_MASK (kind - 1));
  vg_timeline_filter_set_source (filter, dropdown_choice (self->source_dropdown, self->sources));
  vg_timeline_filter_set_author (filter, dropdown_choice (self->author_dropdown, self->authors));
  vg_timeline_filter_set_text (filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (vg_timeline_filter_equal (filter, vg_timeline_get_filter (self->timeline)))
    return;
  vg_timeline_set_filter (self->timeline, filter);
  /* The reviewed entry stays selected if the new view still shows it. */
  select_review_seq (self);
  update_count (self);
}

static void
remember (GHashTable    *seen,
          GtkStringList *list,
          const char    *value)
{
  if (value == NULL || *value == '\0' || g_hash_table_contains (seen, value))
    return;
  g_hash_table_add (seen, g_strdup (value));
  gtk_string_list_append (list, value);
}

static GtkWidget *
figure_row (const char *title,
            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  return row;
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
show_thresholds (VgTimelinePanel *self)
{
  GListModel *records = vg_threshold_ledger_get_thresholds (self->ledger);
  guint n = g_list_model_get_n_items (records);

  clear_list_box (self->thresholds_list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VgThresholdRecord) record = g_list_model_get_item (records, i);
      g_autofree char *title = g_strdup_printf ("%s — %s", vg_threshold_record_get_subject (record),
                                                vg_threshold_record_get_threshold (record));
      g_autofree char *forecast = format_optional_time (self, vg_threshold_record_get_first_forecast_time (record));
      g_autofree char *observed = format_optional_time (self, vg_threshold_record_get_first_observed_time (record));
      g_autofree char *lead = NULL;
      g_autofree char *subtitle = NULL;
      gint64 lead_usec;

      lead = vg_threshold_record_get_lead_time (record, &lead_usec) ? format_duration (lead_usec) : g_strdup ("—");
      subtitle = g_strdup_printf (_("Forecast %s · observed %s · lead time %s"), forecast, observed, lead);
      gtk_list_box_append (self->thresholds_list, figure_row (title, subtitle));
    }
  if (n == 0)
    gtk_list_box_append (self->thresholds_list,
                         figure_row (_("No threshold forecast or reached yet"), ""));
}

static void
show_waits (VgTimelinePanel *self)
{
  GListModel *waits = vg_threshold_ledger_get_proposals (self->ledger);
  guint n = g_list_model_get_n_items (waits);

  clear_list_box (self->waits_list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VgProposalWait) wait = g_list_model_get_item (waits, i);
      const char *title = vg_proposal_wait_get_title (wait);
      g_autofree char *proposed = format_optional_time (self, vg_proposal_wait_get_proposed_time (wait));
      g_autofree char *subtitle = NULL;
      gint64 usec;

      if (vg_proposal_wait_get_wait (wait, &usec))
        {
          g_autofree char *waited = format_duration (usec);
          g_autofree char *decided = format_optional_time (self, vg_proposal_wait_get_decision_time (wait));

          subtitle = g_strdup_printf (_("%s · proposed %s · decided %s by %s (%s) · waited %s"),
                                      vg_proposal_wait_get_proposal_id (wait), proposed, decided,
                                      vg_proposal_wait_get_decider (wait) ? vg_proposal_wait_get_decider (wait) : "?",
                                      vg_entry_verdict_name (vg_proposal_wait_get_verdict (wait), NULL), waited);
        }
      else
        subtitle = g_strdup_printf (_("%s · proposed %s · awaiting a decision"),
                                    vg_proposal_wait_get_proposal_id (wait), proposed);
      gtk_list_box_append (self->waits_list,
                           figure_row (title ? title : vg_proposal_wait_get_proposal_id (wait), subtitle));
    }
  if (n == 0)
    gtk_list_box_append (self->waits_list, figure_row (_("No proposal yet"), ""));
}

static gboolean
collect_entry_cb (VgJournalEntry *entry,
                  gpointer        user_data)
{
  g_ptr_array_add (user_data, vg_journal_entry_ref (entry));
  return TRUE;
}

/* The ledger and the source and operator choices see every entry, filtered out or not. */
static gboolean
feed_new_entries (VgTimelinePanel  *self,
                  GError          **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_journal_entry_unref);
  VgJournalFilter filter;

  vg_journal_filter_init (&filter);
  filter.after_seq = self->fed_seq;
  if (!vg_journal_foreach (vg_situation_get_journal (self->situation), &filter, collect_entry_cb, entries, error))
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      VgJournalEntry *entry = g_ptr_array_index (entries, i);

      vg_threshold_ledger_add (self->ledger, entry);
      remember (self->seen_sources, self->sources, vg_journal_entry_get_source (entry));
      if (vg_journal_entry_get_kind (entry) == VG_JOURNAL_KIND_OPERATOR_NOTE ||
          vg_journal_entry_get_kind (entry) == VG_JOURNAL_KIND_DECISION)
        remember (self->seen_authors, self->authors, vg_journal_entry_get_author (entry));
      self->fed_seq = vg_journal_entry_get_seq (entry);
    }
  if (entries->len > 0)
    {
      show_thresholds (self);
      show_waits (self);
    }
  return TRUE;
}

static gboolean
refresh_cb (gpointer user_data)
{
  vg_timeline_panel_refresh (user_data);
  return G_SOURCE_CONTINUE;
}

static void
selection_changed_cb (VgTimelinePanel *self)
{
  VgTimelineItem *item = gtk_single_selection_get_selected_item (self->selection);

  /* Losing the selection (a filter hid the entry) does not leave review mode: only the
   * banner's button does. */
  if (item != NULL)
    vg_timeline_panel_review (self, vg_timeline_item_get_seq (item));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VgTimelinePanel *self = VG_TIMELINE_PANEL (widget);

  gtk_stack_set_visible_child_name (self->stack, "entries");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Where an entry of the rewound state goes on the map: its gauge, else its geometry's centre. */
static gboolean
locate_entry (VgTimelinePanel *self,
              VgJournalEntry  *entry,
              double          *latitude,
              double          *longitude)
{
  g_autofree char *subject = vg_entry_dup_first_string (entry, vg_entry_subject_members);
  VgGauge *gauge = subject ? vg_picture_lookup_gauge (vg_situation_get_picture (self->situation), subject) : NULL;
  g_autoptr(GByteArray) wkb = NULL;
  double bbox[4];

  if (gauge != NULL)
    {
      *latitude = vg_gauge_get_latitude (gauge);
      *longitude = vg_gauge_get_longitude (gauge);
      return TRUE;
    }
  if (!vg_entry_may_have_geometry (entry))
    return FALSE;
  wkb = g_byte_array_new ();
  if (!vg_entry_write_wkb (entry, wkb, bbox, NULL))
    return FALSE;
  *longitude = (bbox[0] + bbox[2]) / 2;
  *latitude = (bbox[1] + bbox[3]) / 2;
  return TRUE;
}

static void
add_mark (VgTimelinePanel *self,
          VgJournalEntry  *entry,
          const char      *text)
{
  g_autoptr(VgReviewMark) mark = NULL;
  double latitude, longitude;

  if (!locate_entry (self, entry, &latitude, &longitude))
    return;
  /* Entries at one place (a gauge's readings and its flood projection) share one mark. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->review_marks)); i++)
    {
      g_autoptr(VgReviewMark) other = g_list_model_get_item (G_LIST_MODEL (self->review_marks), i);

      if (vg_review_mark_is_at (other, latitude, longitude))
        {
          vg_review_mark_add_text (other, vg_journal_entry_get_seq (entry), text);
          return;
        }
    }
  mark = vg_review_mark_new (vg_journal_entry_get_seq (entry), vg_timeline_group_of_entry (entry),
                             latitude, longitude, text);
  g_list_store_append (self->review_marks, mark);
}

/* One mark per gauge (or sensor), listing its latest readings: level and discharge together. */
static void
add_reading_marks (VgTimelinePanel *self,
                   GPtrArray       *readings,
                   GHashTable      *placed)
{
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) subjects = g_ptr_array_new ();
  g_autoptr(GPtrArray) firsts = g_ptr_array_new ();

  for (guint i = 0; i < readings->len; i++)
    {
      VgJournalEntry *entry = g_ptr_array_index (readings, i);
      g_autofree char *subject = vg_entry_dup_first_string (entry, vg_entry_subject_members);
      g_autofree char *summary = vg_entry_summarize (entry, NULL);
      guint64 seq = vg_journal_entry_get_seq (entry);
      GString *text;

      if (subject == NULL)
        continue;
      if ((text = g_hash_table_lookup (texts, subject)) == NULL)
        {
          text = g_string_new (NULL);
          g_ptr_array_add (subjects, text);
          g_ptr_array_add (firsts, entry);
          g_hash_table_insert (texts, g_steal_pointer (&subject), text);
        }
      else
        g_string_append (text, "; ");
      g_string_append (text, summary);
      g_hash_table_add (placed, g_memdup2 (&seq, sizeof seq));
    }
  for (guint i = 0; i < subjects->len; i++)
    {
      GString *text = g_ptr_array_index (subjects, i);

      add_mark (self, g_ptr_array_index (firsts, i), text->str);
      g_string_free (text, TRUE);
    }
}

static void
add_entry_marks (VgTimelinePanel *self,
                 GPtrArray       *entries,
                 GHashTable      *placed)
{
  for (guint i = 0; i < entries->len; i++)
    {
      VgJournalEntry *entry = g_ptr_array_index (entries, i);
      guint64 seq = vg_journal_entry_get_seq (entry);
      g_autofree char *text = NULL;

      if (g_hash_table_contains (placed, &seq))
        continue;
      text = vg_entry_summarize (entry, NULL);
      add_mark (self, entry, text);
    }
}

/* What the panes that stay live would have shown then, in figures. */
static void
show_state (VgTimelinePanel *self,
            VgTimelineState *state)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->state_label), state != NULL);
  if (state == NULL)
    return;
  warnings = vg_timeline_state_dup_warnings (state);
  proposals = vg_timeline_state_dup_pending_proposals (state);
  incidents = vg_timeline_state_dup_open_incidents (state);
  decisions = vg_timeline_state_dup_decisions (state);
  text = g_strdup_printf (_("Then — warnings in force: %u · proposals awaiting a decision: %u · "
                            "decided: %u · open incidents: %u"), warnings->len, proposals->len, decisions->len, incidents->len);
  gtk_label_set_text (self->state_label, text);
}

/* The map as the journal described it at the reviewed entry; the live layers are hidden. */
static void
rewind_map (VgTimelinePanel *self,
            VgTimelineState *state)
{
  gboolean live = state == NULL;

  g_list_store_remove_all (self->review_marks);
  if (self->map_view == NULL)
    return;
  if (!live)
    {
      g_autoptr(GHashTable) placed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_autoptr(GPtrArray) readings = vg_timeline_state_dup_readings (state);
      g_autoptr(GPtrArray) mapped = vg_timeline_state_dup_mapped (state);

      add_reading_marks (self, readings, placed);
      add_entry_marks (self, mapped, placed);
    }
  if (self->review_layer == NULL && !live)
    {
      ShumateMap *map = vg_map_view_get_map (self->map_view);

      self->review_layer = vg_point_layer_new (shumate_map_get_viewport (map), G_LIST_MODEL (self->review_marks), 18,
                                               vg_review_mark_locate, vg_review_mark_draw, vg_review_mark_detail);
      shumate_map_add_layer (map, SHUMATE_LAYER (self->review_layer));
    }
  if (vg_map_view_get_gauges_layer (self->map_view) != NULL)
    gtk_widget_set_visible (GTK_WIDGET (vg_map_view_get_gauges_layer (self->map_view)), live);
  if (vg_map_view_get_hazard_layers (self->map_view) != NULL)
    {
      VgHazardLayers *hazards = vg_map_view_get_hazard_layers (self->map_view);

      gtk_widget_set_visible (GTK_WIDGET (vg_hazard_layers_get_flood_layer (hazards)), live);
      gtk_widget_set_visible (GTK_WIDGET (vg_hazard_layers_get_heat_layer (hazards)), live);
    }
}

static void
vg_timeline_panel_dispose (GObject *object)
{
  VgTimelinePanel *self = VG_TIMELINE_PANEL (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), VG_TYPE_TIMELINE_PANEL);
  g_clear_object (&self->selection);
  g_clear_object (&self->timeline);
  g_clear_object (&self->situation);
  g_clear_object (&self->ledger);
  g_clear_object (&self->review_marks);
  g_clear_weak_pointer (&self->map_view);
  self->review_layer = NULL;
  g_clear_pointer (&self->seen_sources, g_hash_table_unref);
  g_clear_pointer (&self->seen_authors, g_hash_table_unref);
  g_clear_pointer (&self->city_zone, g_time_zone_unref);
  g_clear_pointer (&self->review_text, g_free);

  G_OBJECT_CLASS (vg_timeline_panel_parent_class)->dispose (object);
}

static void
vg_timeline_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VgTimelinePanel *self = VG_TIMELINE_PANEL (object);

  switch (prop_id)
    {
    case PROP_REVIEWING:
      g_value_set_boolean (value, self->review_seq != 0);
      break;
    case PROP_REVIEW_SEQ:
      g_value_set_uint64 (value, self->review_seq);
      break;
    case PROP_REVIEW_TEXT:
      g_value_set_string (value, vg_timeline_panel_get_review_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vg_timeline_panel_class_init (VgTimelinePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vg_timeline_panel_dispose;
  object_class->get_property = vg_timeline_panel_get_property;

  properties[PROP_REVIEWING] =
    g_param_spec_boolean ("reviewing", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVIEW_SEQ] =
    g_param_spec_uint64 ("review-seq", NULL, NULL, 0, G_MAXUINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVIEW_TEXT] =
    g_param_spec_string ("review-text", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vg-timeline-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, VgTimelinePanel, content);
  gtk_widget_class_bind_template_child (widget_class, VgTimelinePanel, stack);
  gtk_widget_class_bind_template_child (widget_class, VgTimelinePanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VgTimelinePanel, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VgTimelinePanel, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VgTimelinePanel, author_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VgTimelinePanel, sources);
  gtk_widget_class_bind_template_child (widget_class, VgTimelinePanel, authors);
  gtk_widget_class_bind_template_child (widget_class, VgTimelinePanel, state_label);
  gtk_widget_class_bind_template_child (widget_class, VgTimelinePanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, VgTimelinePanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, VgTimelinePanel, thresholds_list);
  gtk_widget_class_bind_template_child (widget_class, VgTimelinePanel, waits_list);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "timeline.search", NULL, search_action);
  /* Bound on the pane, so it wins over the window's Ctrl+F (the log's search) while the pane
   * has the focus. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "timeline.search", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "vg-timeline-panel");
}

static void
vg_timeline_panel_init (VgTimelinePanel *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->city_zone = g_time_zone_new_identifier ("Europe/Paris");
  if (self->city_zone == NULL)
    self->city_zone = g_time_zone_new_utc ();
  self->ledger = vg_threshold_ledger_new ();
  self->review_marks = g_list_store_new (VG_TYPE_REVIEW_MARK);
  self->seen_sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->seen_authors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (kinds, _("All kinds"));
  for (guint g = 0; g < VG_N_TIMELINE_GROUPS; g++)
    gtk_string_list_append (kinds, _(vg_timeline_group_get_name (g)));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  set_choice_factories (self->kind_dropdown);
  set_choice_factories (self->source_dropdown);
  set_choice_factories (self->author_dropdown);
  gtk_string_list_append (self->sources, _("All sources"));
  gtk_string_list_append (self->authors, _("All operators"));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  show_thresholds (self);
  show_waits (self);
}

GtkWidget *
vg_timeline_panel_new (void)
{
  return g_object_new (VG_TYPE_TIMELINE_PANEL, NULL);
}

void
vg_timeline_panel_set_situation (VgTimelinePanel *self,
                                 VgSituation     *situation,
                                 VgMapView       *map_view)
{
  g_return_if_fail (VG_IS_TIMELINE_PANEL (self));
  g_return_if_fail (VG_IS_SITUATION (situation));
  g_return_if_fail (self->situation == NULL);

  self->situation = g_object_ref (situation);
  g_set_weak_pointer (&self->map_view, map_view);
  self->timeline = vg_timeline_new (vg_situation_get_journal (situation));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->timeline)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  vg_timeline_panel_refresh (self);
  /* Entries from feeds, engines and other seats show up within a second. */
  self->refresh_source = g_timeout_add_seconds (1, refresh_cb, self);
}

void
vg_timeline_panel_refresh (VgTimelinePanel *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (VG_IS_TIMELINE_PANEL (self));

  if (self->timeline == NULL)
    return;
  /* A read failure is shown where the count is, and the pane keeps what it had: the next
   * refresh tries again. */
  if (!vg_timeline_refresh (self->timeline, &error) || !feed_new_entries (self, &error))
    {
      g_autofree char *text = g_strdup_printf (_("The journal could not be read: %s"), error->message);

      gtk_label_set_text (self->count_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "error");
  update_count (self);
}

VgTimeline *
vg_timeline_panel_get_timeline (VgTimelinePanel *self)
{
  g_return_val_if_fail (VG_IS_TIMELINE_PANEL (self), NULL);

  return self->timeline;
}

GtkSelectionModel *
vg_timeline_panel_get_selection (VgTimelinePanel *self)
{
  g_return_val_if_fail (VG_IS_TIMELINE_PANEL (self), NULL);

  return self->selection ? GTK_SELECTION_MODEL (self->selection) : NULL;
}

VgThresholdLedger *
vg_timeline_panel_get_ledger (VgTimelinePanel *self)
{
  g_return_val_if_fail (VG_IS_TIMELINE_PANEL (self), NULL);

  return self->ledger;
}

void
vg_timeline_panel_set_group (VgTimelinePanel *self,
                             VgTimelineGroup  group)
{
  g_return_if_fail (VG_IS_TIMELINE_PANEL (self));
  g_return_if_fail (group <= VG_N_TIMELINE_GROUPS);

  gtk_drop_down_set_selected (self->kind_dropdown, group == VG_N_TIMELINE_GROUPS ? 0 : group + 1);
}

void
vg_timeline_panel_review (VgTimelinePanel *self,
                          guint64          seq)
{
  g_autoptr(VgTimelineState) state = NULL;

  g_return_if_fail (VG_IS_TIMELINE_PANEL (self));

  if (self->review_seq == seq || self->timeline == NULL)
    return;
  self->review_seq = seq;
  g_clear_pointer (&self->review_text, g_free);
  if (seq == 0)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  else
    {
      g_autofree char *hour = NULL;
      g_autofree char *day = NULL;

      state = vg_timeline_dup_state_at (self->timeline, seq);
      hour = format_city_time (self, vg_timeline_state_get_time (state), "%H:%M");
      day = format_city_time (self, vg_timeline_state_get_time (state), "%d/%m/%Y");
      self->review_text = g_strdup_printf (_("As it was at %s on %s"), hour, day);
      select_review_seq (self);
    }
  rewind_map (self, state);
  show_state (self, state);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_SEQ]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_TEXT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWING]);
}

gboolean
vg_timeline_panel_get_reviewing (VgTimelinePanel *self)
{
  g_return_val_if_fail (VG_IS_TIMELINE_PANEL (self), FALSE);

  return self->review_seq != 0;
}

guint64
vg_timeline_panel_get_review_seq (VgTimelinePanel *self)
{
  g_return_val_if_fail (VG_IS_TIMELINE_PANEL (self), 0);

  return self->review_seq;
}

const char *
vg_timeline_panel_get_review_text (VgTimelinePanel *self)
{
  g_return_val_if_fail (VG_IS_TIMELINE_PANEL (self), NULL);

  return self->review_text ? self->review_text : "";
}

GListModel *
vg_timeline_panel_get_review_marks (VgTimelinePanel *self)
{
  g_return_val_if_fail (VG_IS_TIMELINE_PANEL (self), NULL);

  return G_LIST_MODEL (self->review_marks);
}
