/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-decision-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "vg-decision-dialog.h"

struct _VgDecisionDialog
{
  AdwMessageDialog  parent_instance;

  GtkLabel         *record_label;
  GtkWidget        *targets_heading;
  GtkWidget        *targets_scroller;
  GtkBox           *targets_box;
  GtkLabel         *reason_heading;
  GtkTextView      *reason_view;
  GtkLabel         *problem_label;

  VgProposal       *proposal;
  guint             seen_version;
  VgVerdict         verdict;
  GPtrArray        *checks;       /* GtkCheckButton per target, amendments only */
};

G_DEFINE_FINAL_TYPE (VgDecisionDialog, vg_decision_dialog, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
reason_required (VgVerdict verdict)
{
  return verdict == VG_VERDICT_REJECT || verdict == VG_VERDICT_AMEND;
}

static guint
n_kept (VgDecisionDialog *self)
{
  guint n = 0;

  for (guint i = 0; self->checks != NULL && i < self->checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  return n;
}

/* "Record" only when the decision is complete, saying what is missing. */
static void
validate (VgDecisionDialog *self)
{
  g_autofree char *reason = vg_decision_dialog_dup_reason (self);
  const char *problem = NULL;

  if (reason_required (self->verdict) && reason == NULL)
    problem = self->verdict == VG_VERDICT_REJECT ? _("A rejection needs its reason.")
                                                 : _("An amendment needs its reason.");
  else if (self->checks != NULL && n_kept (self) == 0)
    problem = _("An amendment keeps at least one target; to drop them all, reject the proposal.");
  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "record", problem == NULL);
}

static const char *
verdict_heading (VgVerdict verdict)
{
  switch (verdict)
    {
    case VG_VERDICT_APPROVE: return _("Approve this action?");
    case VG_VERDICT_REJECT: return _("Reject this action?");
    case VG_VERDICT_AMEND: return _("Approve this action with changes?");
    case VG_VERDICT_DONE: return _("Record that this action was carried out?");
    case VG_N_VERDICTS:
    default: return "";
    }
}

static const char *
verdict_label (VgVerdict verdict)
{
  switch (verdict)
    {
    case VG_VERDICT_APPROVE: return _("Approved");
    case VG_VERDICT_REJECT: return _("Rejected");
    case VG_VERDICT_AMEND: return _("Approved with changes");
    case VG_VERDICT_DONE: return _("Carried out");
    case VG_N_VERDICTS:
    default: return "";
    }
}

static void
vg_decision_dialog_dispose (GObject *object)
{
  VgDecisionDialog *self = VG_DECISION_DIALOG (object);

  g_clear_object (&self->proposal);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (vg_decision_dialog_parent_class)->dispose (object);
}

static void
vg_decision_dialog_class_init (VgDecisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vg_decision_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vg-decision-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VgDecisionDialog, record_label);
  gtk_widget_class_bind_template_child (widget_class, VgDecisionDialog, targets_heading);
  gtk_widget_class_bind_template_child (widget_class, VgDecisionDialog, targets_scroller);
  gtk_widget_class_bind_template_child (widget_class, VgDecisionDialog, targets_box);
  gtk_widget_class_bind_template_child (widget_class, VgDecisionDialog, reason_heading);
  gtk_widget_class_bind_template_child (widget_class, VgDecisionDialog, reason_view);
  gtk_widget_class_bind_template_child (widget_class, VgDecisionDialog, problem_label);
}

static void
vg_decision_dialog_init (VgDecisionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->reason_view), "changed",
                           G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
}

static void
add_target_checks (VgDecisionDialog *self)
{
  GListModel *targets = vg_proposal_get_targets (self->proposal);

  self->checks = g_ptr_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(VgProposalTarget) target = g_list_model_get_item (targets, i);
      GtkWidget *check = gtk_check_button_new_with_label (vg_proposal_target_get_name (target));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_signal_connect_object (check, "toggled", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->targets_box, check);
      g_ptr_array_add (self->checks, check);
    }
  gtk_widget_set_visible (self->targets_heading, TRUE);
  gtk_widget_set_visible (self->targets_scroller, TRUE);
}

VgDecisionDialog *
vg_decision_dialog_new (GtkWindow  *parent,
                        VgProposal *proposal,
                        VgOperator *operator_,
                        VgVerdict   verdict,
                        GDateTime  *now,
                        gboolean    exercise)
{
  VgDecisionDialog *self;
  g_autofree char *when = NULL;
  g_autofree char *record = NULL;
  const char *function;

  g_return_val_if_fail (VG_IS_PROPOSAL (proposal), NULL);
  g_return_val_if_fail (VG_IS_OPERATOR (operator_), NULL);
  g_return_val_if_fail (verdict < VG_N_VERDICTS, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (VG_TYPE_DECISION_DIALOG, "transient-for", parent,
                       "heading", verdict_heading (verdict), NULL);
  self->proposal = g_object_ref (proposal);
  self->seen_version = vg_proposal_get_version (proposal);
  self->verdict = verdict;
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), vg_proposal_get_title (proposal, NULL));
  if (verdict == VG_VERDICT_REJECT)
    adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "record", ADW_RESPONSE_DESTRUCTIVE);

  /* Exactly what goes into the journal, in the operator's words. */
  when = g_date_time_format (now, "%d/%m/%Y %H:%M:%S %Z");
  function = vg_operator_get_function (operator_);
  record = g_markup_printf_escaped ("<b>%s</b> %s\n<b>%s</b> %s, version %u\n<b>%s</b> %s — %s%s%s\n"
                                    "<b>%s</b> %s\n<b>%s</b> %s",
                                    _("Decision:"), verdict_label (verdict),
                                    _("Proposal:"), vg_proposal_get_id (proposal), self->seen_version,
                                    _("Signed by:"), vg_operator_get_name (operator_),
                                    vg_role_get_label (vg_operator_get_role (operator_)),
                                    function != NULL ? ", " : "", function != NULL ? function : "",
                                    _("At (situation clock):"), when,
                                    _("Journal:"), exercise ? _("EXERCISE journal") : _("live situation journal"));
  gtk_label_set_markup (self->record_label, record);
  gtk_label_set_text (self->reason_heading,
                      reason_required (verdict) ? _("Reason (required, recorded with the decision):")
                      : verdict == VG_VERDICT_DONE ? _("Note (optional):")
                                                   : _("Reason (optional, recorded with the decision):"));
  if (verdict == VG_VERDICT_AMEND && g_list_model_get_n_items (vg_proposal_get_targets (proposal)) > 1)
    add_target_checks (self);
  validate (self);
  return self;
}

VgProposal *
vg_decision_dialog_get_proposal (VgDecisionDialog *self)
{
  g_return_val_if_fail (VG_IS_DECISION_DIALOG (self), NULL);

  return self->proposal;
}

guint
vg_decision_dialog_get_seen_version (VgDecisionDialog *self)
{
  g_return_val_if_fail (VG_IS_DECISION_DIALOG (self), 0);

  return self->seen_version;
}

VgVerdict
vg_decision_dialog_get_verdict (VgDecisionDialog *self)
{
  g_return_val_if_fail (VG_IS_DECISION_DIALOG (self), VG_VERDICT_APPROVE);

  return self->verdict;
}

char *
vg_decision_dialog_dup_reason (VgDecisionDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_return_val_if_fail (VG_IS_DECISION_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->reason_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (*g_strstrip (text) == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

void
vg_decision_dialog_set_reason (VgDecisionDialog *self,
                               const char       *reason)
{
  g_return_if_fail (VG_IS_DECISION_DIALOG (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->reason_view), reason != NULL ? reason : "", -1);
}

GStrv
vg_decision_dialog_dup_kept_targets (VgDecisionDialog *self)
{
  GListModel *targets;
  g_autoptr(GStrvBuilder) kept = NULL;

  g_return_val_if_fail (VG_IS_DECISION_DIALOG (self), NULL);

  if (self->checks == NULL || n_kept (self) == self->checks->len)
    return NULL;
  targets = vg_proposal_get_targets (self->proposal);
  kept = g_strv_builder_new ();
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      {
        g_autoptr(VgProposalTarget) target = g_list_model_get_item (targets, i);

        g_strv_builder_add (kept, vg_proposal_target_get_id (target));
      }
  return g_strv_builder_end (kept);
}

void
vg_decision_dialog_set_target_kept (VgDecisionDialog *self,
                                    guint             index,
                                    gboolean          kept)
{
  g_return_if_fail (VG_IS_DECISION_DIALOG (self));
  g_return_if_fail (self->checks != NULL && index < self->checks->len);

  gtk_check_button_set_active (g_ptr_array_index (self->checks, index), kept);
}
