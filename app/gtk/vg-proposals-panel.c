/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-proposals-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "vg-data-dir.h"
#include "vg-proposal-queue.h"
#include "vg-proposals-panel.h"
#include "vg-roster.h"

struct _VgProposalsPanel
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkLabel           *count_label;
  GtkToggleButton    *pending_toggle;
  GtkToggleButton    *all_toggle;
  GtkLabel           *operator_label;
  GtkButton          *sign_in_button;
  GtkStack           *stack;
  AdwStatusPage      *empty_page;
  GtkListBox         *list;

  VgSituation        *situation;
  VgProposalQueue    *queue;
  VgMapView          *map_view;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  VgOperator         *operator_;
  GTimeZone          *zone;
  guint               tick_source;
};

G_DEFINE_FINAL_TYPE (VgProposalsPanel, vg_proposals_panel, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_OPERATOR, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { RECORDED, FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
show_proposal (gpointer item,
               gpointer user_data)
{
  VgProposalsPanel *self = user_data;

  return gtk_toggle_button_get_active (self->all_toggle) ||
         vg_proposal_get_state (VG_PROPOSAL (item)) == VG_PROPOSAL_PROPOSED;
}

/* What keeps who is signed in from deciding @proposal (NULL: nothing); the very rules the
 * queue applies, so that a button is never offered for a decision the journal would refuse. */
static char *
decide_problem (VgProposalsPanel *self,
                VgProposal       *proposal,
                gboolean          done)
{
  g_autoptr(GError) error = NULL;
  gboolean exercise = vg_situation_is_exercise (self->situation);
  VgRole role;
  const char *who;

  if (self->operator_ == NULL)
    return g_strdup (_("Sign in to decide (Ctrl+I)"));
  if (vg_situation_is_read_only (self->situation))
    return g_strdup (_("This journal is open read-only: no decision can be recorded"));
  role = vg_operator_get_role (self->operator_);
  who = vg_operator_get_name (self->operator_);
  if (done ? !vg_role_check_mark_done (role, who, exercise, &error)
           : !vg_role_check_decide (role, who, exercise, vg_proposal_touches_people (proposal), &error))
    return g_strdup (error->message);
  return NULL;
}

static void
apply_allowed (VgProposalsPanel *self,
               VgProposalCard   *card)
{
  VgProposal *proposal = vg_proposal_card_get_proposal (card);
  g_autofree char *decide = decide_problem (self, proposal, FALSE);
  g_autofree char *done = decide_problem (self, proposal, TRUE);

  vg_proposal_card_set_allowed (card, decide, done);
}

static void
foreach_card (VgProposalsPanel *self,
              void            (*func) (VgProposalsPanel *self, VgProposalCard *card))
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    func (self, VG_PROPOSAL_CARD (gtk_list_box_row_get_child (row)));
}

static void
set_card_now (VgProposalsPanel *self,
              VgProposalCard   *card)
{
  vg_proposal_card_set_now (card, vg_clock_get_now_usec (vg_situation_get_clock (self->situation)), self->zone);
}

static void
update_times (VgProposalsPanel *self)
{
  foreach_card (self, set_card_now);
}

static gboolean
tick_cb (gpointer user_data)
{
  update_times (user_data);
  return G_SOURCE_CONTINUE;
}

static void
update_count (VgProposalsPanel *self)
{
  guint pending = self->queue != NULL ? vg_proposal_queue_get_n_pending (self->queue) : 0;
  guint shown = self->filtered != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;
  g_autofree char *text = NULL;

  if (pending == 0)
    text = g_strdup (_("No proposal awaiting sign-off"));
  else
    text = g_strdup_printf (ngettext ("%u proposal awaiting sign-off", "%u proposals awaiting sign-off", pending), pending);
  gtk_label_set_text (self->count_label, text);
  adw_status_page_set_title (self->empty_page, gtk_toggle_button_get_active (self->all_toggle)
                                               ? _("No proposal yet") : _("Nothing to decide"));
  gtk_stack_set_visible_child_name (self->stack, shown > 0 ? "list" : "empty");
}

static void
pending_changed_cb (VgProposalsPanel *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
show_changed_cb (VgProposalsPanel *self)
{
  pending_changed_cb (self);
}

static void
row_selected_cb (VgProposalsPanel *self,
                 GtkListBoxRow    *row)
{
  VgProposal *proposal = NULL;

  if (row != NULL)
    proposal = vg_proposal_card_get_proposal (VG_PROPOSAL_CARD (gtk_list_box_row_get_child (row)));
  if (self->map_view != NULL)
    vg_map_view_show_targets (self->map_view, proposal != NULL ? vg_proposal_get_targets (proposal) : NULL);
}

static void
card_decide_cb (VgProposalCard   *card,
                guint             verdict,
                VgProposalsPanel *self)
{
  vg_proposals_panel_begin_decision (self, vg_proposal_card_get_proposal (card), verdict);
}

static GtkWidget *
create_card_cb (gpointer item,
                gpointer user_data)
{
  VgProposalsPanel *self = user_data;
  GtkWidget *card = vg_proposal_card_new (VG_PROPOSAL (item));

  apply_allowed (self, VG_PROPOSAL_CARD (card));
  set_card_now (self, VG_PROPOSAL_CARD (card));
  g_signal_connect_object (card, "decide", G_CALLBACK (card_decide_cb), self, 0);
  return card;
}

/* The documents of a situation's approved actions go next to its journal. */
static char *
documents_folder (VgProposalsPanel *self)
{
  const char *journal = vg_journal_get_path (vg_situation_get_journal (self->situation));
  g_autofree char *dir = g_path_get_dirname (journal);
  g_autofree char *base = g_path_get_basename (journal);
  char *dot = strrchr (base, '.');
  g_autofree char *name = NULL;

  if (dot != NULL && dot != base)
    *dot = '\0';
  name = g_strdup_printf ("%s-documents", base);
  return g_build_filename (dir, name, NULL);
}

static void
report_failure (VgProposalsPanel *self,
                const char       *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("Decision not recorded"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  g_signal_emit (self, signals[FAILED], 0, message);
}

static void
decision_response_cb (VgDecisionDialog *dialog,
                      const char       *response,
                      VgProposalsPanel *self)
{
  VgProposal *proposal = vg_decision_dialog_get_proposal (dialog);
  VgVerdict verdict = vg_decision_dialog_get_verdict (dialog);
  g_autofree char *reason = vg_decision_dialog_dup_reason (dialog);
  g_auto(GStrv) kept = vg_decision_dialog_dup_kept_targets (dialog);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autofree char *message = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *number = NULL;
  /* The proposal's fields are the journal's: recording refreshes them, so the id is copied. */
  g_autofree char *id = g_strdup (vg_proposal_get_id (proposal));
  guint64 seq = 0;
  gboolean ok;

  if (!g_str_equal (response, "record"))
    return;
  /* The operator may have signed out, or been replaced, while the dialog was open. */
  if (self->operator_ == NULL)
    {
      report_failure (self, _("Nobody is signed in any more."));
      return;
    }
  if (verdict == VG_VERDICT_DONE)
    ok = vg_proposal_queue_mark_done (self->queue, self->operator_, id, vg_decision_dialog_get_seen_version (dialog),
                                      reason, &seq, &error);
  else
    ok = vg_proposal_queue_decide (self->queue, self->operator_, id, vg_decision_dialog_get_seen_version (dialog),
                                   verdict, reason, (const char * const *) kept, &seq, &error);
  if (!ok)
    {
      report_failure (self, error->message);
      return;
    }
  number = g_strdup_printf ("%" G_GUINT64_FORMAT, seq);
  if (verdict == VG_VERDICT_APPROVE || verdict == VG_VERDICT_AMEND)
    {
      /* Only now, after the signed approval is on disk, are the action's documents made. */
      folder = documents_folder (self);
      if (!vg_proposal_queue_emit_all (self->queue, id, folder, &paths, &error))
        message = g_strdup_printf (_("Decision recorded (journal entry %s), but its documents could not be produced: %s"),
                                   number, error->message);
      else
        message = g_strdup_printf (ngettext ("Decision recorded (journal entry %s); %u document written",
                                             "Decision recorded (journal entry %s); %u documents written", paths->len),
                                   number, paths->len);
    }
  else
    message = g_strdup_printf (_("Decision recorded (journal entry %s)"), number);
  g_signal_emit (self, signals[RECORDED], 0, message, folder);
}

static void
decide_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VgProposalsPanel *self = VG_PROPOSALS_PANEL (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  VgVerdict verdict;

  if (row == NULL || !vg_verdict_from_id (g_variant_get_string (parameter, NULL), &verdict))
    return;
  if (!vg_proposal_card_activate (VG_PROPOSAL_CARD (gtk_list_box_row_get_child (row)), verdict))
    gtk_widget_error_bell (widget);
}

static void
vg_proposals_panel_dispose (GObject *object)
{
  VgProposalsPanel *self = VG_PROPOSALS_PANEL (object);

  g_clear_handle_id (&self->tick_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), VG_TYPE_PROPOSALS_PANEL);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->queue);
  g_clear_object (&self->situation);
  g_clear_object (&self->map_view);
  g_clear_object (&self->operator_);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (vg_proposals_panel_parent_class)->dispose (object);
}

static void
vg_proposals_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VgProposalsPanel *self = VG_PROPOSALS_PANEL (object);

  switch (prop_id)
    {
    case PROP_OPERATOR:
      g_value_set_object (value, self->operator_);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vg_proposals_panel_class_init (VgProposalsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vg_proposals_panel_dispose;
  object_class->get_property = vg_proposals_panel_get_property;

  properties[PROP_OPERATOR] =
    g_param_spec_object ("operator", NULL, NULL, VG_TYPE_OPERATOR, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vg-proposals-panel.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "vg-proposals-panel");
  gtk_widget_class_bind_template_child (widget_class, VgProposalsPanel, box);
  gtk_widget_class_bind_template_child (widget_class, VgProposalsPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, VgProposalsPanel, pending_toggle);
  gtk_widget_class_bind_template_child (widget_class, VgProposalsPanel, all_toggle);
  gtk_widget_class_bind_template_child (widget_class, VgProposalsPanel, operator_label);
  gtk_widget_class_bind_template_child (widget_class, VgProposalsPanel, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, VgProposalsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, VgProposalsPanel, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VgProposalsPanel, list);
  gtk_widget_class_bind_template_callback (widget_class, show_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);

  gtk_widget_class_install_action (widget_class, "proposals.decide", "s", decide_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, 0, "proposals.decide", "s", "approve");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, 0, "proposals.decide", "s", "amend");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, 0, "proposals.decide", "s", "reject");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, 0, "proposals.decide", "s", "done");
}

static void
vg_proposals_panel_init (VgProposalsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->zone = g_time_zone_new_identifier ("Europe/Paris");
  if (self->zone == NULL)
    self->zone = g_time_zone_new_utc ();
}

GtkWidget *
vg_proposals_panel_new (void)
{
  return g_object_new (VG_TYPE_PROPOSALS_PANEL, NULL);
}

void
vg_proposals_panel_set_situation (VgProposalsPanel *self,
                                  VgSituation      *situation,
                                  VgMapView        *map_view)
{
  VgClock *clock;

  g_return_if_fail (VG_IS_PROPOSALS_PANEL (self));
  g_return_if_fail (VG_IS_SITUATION (situation));
  g_return_if_fail (map_view == NULL || VG_IS_MAP_VIEW (map_view));
  g_return_if_fail (self->situation == NULL);

  self->situation = g_object_ref (situation);
  self->map_view = map_view != NULL ? g_object_ref (map_view) : NULL;
  self->queue = g_object_ref (vg_situation_get_proposals (situation));
  self->filter = gtk_custom_filter_new (show_proposal, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->queue)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->filtered), create_card_cb, self, NULL);
  g_signal_connect_object (self->queue, "notify::n-pending", G_CALLBACK (pending_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  clock = vg_situation_get_clock (situation);
  /* A replay's clock says when it moves; the live one is looked at every quarter minute. */
  if (vg_clock_is_manual (clock))
    g_signal_connect_object (clock, "changed", G_CALLBACK (update_times), self, G_CONNECT_SWAPPED);
  else
    self->tick_source = g_timeout_add_seconds (15, tick_cb, self);
  update_count (self);
}

VgOperator *
vg_proposals_panel_get_operator (VgProposalsPanel *self)
{
  g_return_val_if_fail (VG_IS_PROPOSALS_PANEL (self), NULL);

  return self->operator_;
}

void
vg_proposals_panel_set_operator (VgProposalsPanel *self,
                                 VgOperator       *operator_)
{
  g_autofree char *text = NULL;

  g_return_if_fail (VG_IS_PROPOSALS_PANEL (self));
  g_return_if_fail (operator_ == NULL || VG_IS_OPERATOR (operator_));

  if (!g_set_object (&self->operator_, operator_))
    return;
  if (operator_ != NULL)
    text = g_strdup_printf (_("Signed in: %s — %s"), vg_operator_get_name (operator_),
                            vg_role_get_label (vg_operator_get_role (operator_)));
  else
    text = g_strdup (_("Not signed in: you can read, not decide"));
  gtk_label_set_text (self->operator_label, text);
  gtk_button_set_label (self->sign_in_button, operator_ != NULL ? _("_Change…") : _("_Sign in…"));
  if (self->situation != NULL)
    foreach_card (self, apply_allowed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPERATOR]);
}

static void
sign_in_response_cb (VgSignInDialog   *dialog,
                     const char       *response,
                     VgProposalsPanel *self)
{
  if (g_str_equal (response, "sign-in") && vg_sign_in_dialog_get_selected (dialog) != NULL)
    vg_proposals_panel_set_operator (self, vg_sign_in_dialog_get_selected (dialog));
}

VgSignInDialog *
vg_proposals_panel_present_sign_in (VgProposalsPanel *self)
{
  g_autofree char *path = NULL;
  g_autofree char *note = NULL;
  g_autoptr(VgRoster) roster = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;
  VgSignInDialog *dialog;

  g_return_val_if_fail (VG_IS_PROPOSALS_PANEL (self), NULL);

  parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  path = vg_roster_dup_default_path ();
  /* A drill may run on the example roster, and says so; a live desk needs the centre's own. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && self->situation != NULL && vg_situation_is_exercise (self->situation))
    {
      g_autofree char *example = vg_data_dir_find ("roster.example", NULL);

      if (example != NULL)
        {
          note = g_strdup_printf (_("EXERCISE: this is Vigie’s example roster, with fictional names. "
                                    "The centre’s own roster goes in %s."), path);
          g_free (path);
          path = g_steal_pointer (&example);
        }
    }
  roster = vg_roster_load (path, &error);
  if (roster == NULL)
    {
      g_autofree char *body = g_strdup_printf (_("%s\n\nCopy roster.example from Vigie’s data folder to %s and list the "
                                                 "centre’s staff with their roles."), error->message, path);
      GtkWidget *message = adw_message_dialog_new (parent, _("No roster to sign in with"), body);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      return NULL;
    }
  dialog = vg_sign_in_dialog_new (parent, roster, note);
  g_signal_connect_object (dialog, "response", G_CALLBACK (sign_in_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

guint
vg_proposals_panel_get_n_shown (VgProposalsPanel *self)
{
  g_return_val_if_fail (VG_IS_PROPOSALS_PANEL (self), 0);

  return self->filtered != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;
}

VgProposalCard *
vg_proposals_panel_get_card (VgProposalsPanel *self,
                             guint             index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (VG_IS_PROPOSALS_PANEL (self), NULL);

  row = gtk_list_box_get_row_at_index (self->list, index);
  return row != NULL ? VG_PROPOSAL_CARD (gtk_list_box_row_get_child (row)) : NULL;
}

void
vg_proposals_panel_select (VgProposalsPanel *self,
                           guint             index)
{
  GtkListBoxRow *row;

  g_return_if_fail (VG_IS_PROPOSALS_PANEL (self));

  row = gtk_list_box_get_row_at_index (self->list, index);
  gtk_list_box_select_row (self->list, row);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

VgProposal *
vg_proposals_panel_get_selected (VgProposalsPanel *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (VG_IS_PROPOSALS_PANEL (self), NULL);

  row = gtk_list_box_get_selected_row (self->list);
  return row != NULL ? vg_proposal_card_get_proposal (VG_PROPOSAL_CARD (gtk_list_box_row_get_child (row))) : NULL;
}

void
vg_proposals_panel_set_show_all (VgProposalsPanel *self,
                                 gboolean          show_all)
{
  g_return_if_fail (VG_IS_PROPOSALS_PANEL (self));

  gtk_toggle_button_set_active (show_all ? self->all_toggle : self->pending_toggle, TRUE);
}

VgDecisionDialog *
vg_proposals_panel_begin_decision (VgProposalsPanel *self,
                                   VgProposal       *proposal,
                                   VgVerdict         verdict)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) local = NULL;
  VgDecisionDialog *dialog;

  g_return_val_if_fail (VG_IS_PROPOSALS_PANEL (self), NULL);
  g_return_val_if_fail (VG_IS_PROPOSAL (proposal), NULL);
  g_return_val_if_fail (self->situation != NULL, NULL);

  if (self->operator_ == NULL)
    {
      vg_proposals_panel_present_sign_in (self);
      return NULL;
    }
  now = vg_clock_dup_now (vg_situation_get_clock (self->situation));
  local = g_date_time_to_timezone (now, self->zone);
  dialog = vg_decision_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), proposal, self->operator_,
                                   verdict, local, vg_situation_is_exercise (self->situation));
  g_signal_connect_object (dialog, "response", G_CALLBACK (decision_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
