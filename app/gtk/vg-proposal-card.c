/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-proposal-card"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "vg-proposal-card.h"

struct _VgProposalCard
{
  GtkWidget    parent_instance;

  GtkWidget   *box;
  GtkLabel    *priority_label;
  GtkLabel    *action_label;
  GtkLabel    *state_label;
  GtkLabel    *title_label;
  GtkLabel    *targets_label;
  GtkLabel    *deadline_label;
  GtkWidget   *people_label;
  GtkLabel    *changes_label;
  GtkLabel    *decision_label;
  GtkExpander *why_expander;
  GtkLabel    *why_label;
  GtkWidget   *buttons;
  GtkWidget   *approve_button;
  GtkWidget   *amend_button;
  GtkWidget   *reject_button;
  GtkWidget   *done_button;

  VgProposal  *proposal;
  char        *decide_problem;
  char        *done_problem;
  gint64       now_usec;
  GTimeZone   *zone;
};

G_DEFINE_FINAL_TYPE (VgProposalCard, vg_proposal_card, GTK_TYPE_WIDGET)

enum { DECIDE, N_SIGNALS };
static guint signals[N_SIGNALS];

/* "1 h 05" or "12 min". */
static char *
format_minutes (gint64 minutes)
{
  if (minutes >= 60)
    return g_strdup_printf (_("%d h %02d"), (int) (minutes / 60), (int) (minutes % 60));
  return g_strdup_printf (_("%d min"), (int) minutes);
}

static char *
format_time (gint64     usec,
             GTimeZone *zone,
             gint64     now_usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now_utc = g_date_time_new_from_unix_utc (now_usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) now = NULL;

  if (utc == NULL || now_utc == NULL)
    return g_strdup ("—");
  local = g_date_time_to_timezone (utc, zone);
  now = g_date_time_to_timezone (now_utc, zone);
  if (g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now) &&
      g_date_time_get_year (local) == g_date_time_get_year (now))
    return g_date_time_format (local, "%H:%M");
  return g_date_time_format (local, "%d/%m %H:%M");
}

static void
update_deadline (VgProposalCard *self)
{
  gint64 deadline = vg_proposal_get_deadline (self->proposal);
  g_autofree char *at = NULL;
  g_autofree char *left = NULL;
  g_autofree char *text = NULL;
  gint64 minutes;
  GtkWidget *label = GTK_WIDGET (self->deadline_label);

  if (self->zone == NULL)
    return;
  at = format_time (deadline, self->zone, self->now_usec);
  minutes = (deadline - self->now_usec) / (60 * G_USEC_PER_SEC);
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "warning");
  if (vg_proposal_get_state (self->proposal) != VG_PROPOSAL_PROPOSED)
    text = g_strdup_printf (_("Deadline was %s"), at);
  else if (deadline < self->now_usec)
    {
      left = format_minutes ((self->now_usec - deadline) / (60 * G_USEC_PER_SEC));
      /* Translators: "By 14:30 — 12 min overdue". */
      text = g_strdup_printf (_("By %s — %s overdue"), at, left);
      gtk_widget_add_css_class (label, "error");
    }
  else
    {
      left = format_minutes (minutes);
      /* Translators: "By 14:30 — 1 h 20 left". */
      text = g_strdup_printf (_("By %s — %s left"), at, left);
      if (minutes < 30)
        gtk_widget_add_css_class (label, "warning");
    }
  gtk_label_set_text (self->deadline_label, text);
}

static char *
describe_targets (VgProposal *proposal)
{
  GListModel *targets = vg_proposal_get_targets (proposal);
  guint n = g_list_model_get_n_items (targets);
  GString *text = g_string_new (NULL);

  g_string_printf (text, ngettext ("%u target: ", "%u targets: ", n), n);
  for (guint i = 0; i < n && i < 8; i++)
    {
      g_autoptr(VgProposalTarget) target = g_list_model_get_item (targets, i);

      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", vg_proposal_target_get_name (target));
    }
  if (n > 8)
    g_string_append_printf (text, ngettext (" and %u more", " and %u more", n - 8), n - 8);
  return g_string_free (text, FALSE);
}

/* The "why": the rule, the inputs with their sources and times, the method, the uncertainty. */
static char *
describe_why (VgProposal *proposal)
{
  g_autoptr(JsonNode) root = json_from_string (vg_proposal_get_payload_text (proposal), NULL);
  JsonObject *payload = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonObject *rule = payload != NULL ? json_object_get_object_member (payload, "rule") : NULL;
  JsonArray *inputs = payload != NULL && json_object_has_member (payload, "inputs")
                      ? json_object_get_array_member (payload, "inputs") : NULL;
  const char *instruction = vg_proposal_get_instruction (proposal, NULL);
  g_autofree char *rationale = g_markup_escape_text (vg_proposal_get_rationale (proposal, NULL), -1);
  g_autofree char *uncertainty = g_markup_escape_text (vg_proposal_get_uncertainty (proposal, NULL), -1);
  GString *text = g_string_new (rationale);

  g_string_append_printf (text, "\n\n<b>%s</b> %s", _("Uncertainty:"), uncertainty);
  if (instruction != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (instruction, -1);

      g_string_append_printf (text, "\n<b>%s</b> %s", _("On the ground:"), escaped);
    }
  if (rule != NULL)
    {
      g_autofree char *line = g_markup_printf_escaped ("%s v%" G_GINT64_FORMAT " (%s v%" G_GINT64_FORMAT "): %s",
                                                       json_object_get_string_member_with_default (rule, "id", "?"),
                                                       json_object_get_int_member_with_default (rule, "version", 0),
                                                       json_object_get_string_member_with_default (rule, "playbook", "?"),
                                                       json_object_get_int_member_with_default (rule, "playbook_version", 0),
                                                       json_object_get_string_member_with_default (rule, "trigger", ""));

      g_string_append_printf (text, "\n<b>%s</b> %s", _("Rule:"), line);
    }
  if (inputs != NULL && json_array_get_length (inputs) > 0)
    g_string_append_printf (text, "\n<b>%s</b>", _("Inputs:"));
  for (guint i = 0; inputs != NULL && i < json_array_get_length (inputs); i++)
    {
      JsonNode *node = json_array_get_element (inputs, i);
      JsonObject *input = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonObject *source = input != NULL && json_object_has_member (input, "source")
                           ? json_object_get_object_member (input, "source") : NULL;
      JsonObject *projection = input != NULL && json_object_has_member (input, "projection")
                               ? json_object_get_object_member (input, "projection") : NULL;
      g_autofree char *line = NULL;

      if (input == NULL)
        continue;
      line = g_markup_printf_escaped ("\n • %s %s — %s, %s",
                                      json_object_get_string_member_with_default (input, "type", ""),
                                      json_object_get_string_member_with_default (input, "name", ""),
                                      source ? json_object_get_string_member_with_default (source, "name", "?") : "?",
                                      source ? json_object_get_string_member_with_default (source, "time", "?") : "?");
      g_string_append (text, line);
      if (projection != NULL)
        {
          g_autofree char *method = g_markup_printf_escaped (" — %s v%s",
                                                             json_object_get_string_member_with_default (projection, "method", "?"),
                                                             json_object_get_string_member_with_default (projection, "method_version", "?"));

          g_string_append (text, method);
        }
    }
  g_string_append_printf (text, "\n<small>%s %s, version %u</small>", _("Proposal"),
                          vg_proposal_get_id (proposal), vg_proposal_get_version (proposal));
  return g_string_free (text, FALSE);
}

static void
update_buttons (VgProposalCard *self)
{
  VgProposalState state = vg_proposal_get_state (self->proposal);
  gboolean pending = state == VG_PROPOSAL_PROPOSED;
  gboolean approved = state == VG_PROPOSAL_APPROVED || state == VG_PROPOSAL_AMENDED;
  GtkWidget *decide[] = { self->approve_button, self->amend_button, self->reject_button };

  for (guint i = 0; i < G_N_ELEMENTS (decide); i++)
    {
      gtk_widget_set_visible (decide[i], pending);
      gtk_widget_set_sensitive (decide[i], self->decide_problem == NULL);
    }
  gtk_widget_set_visible (self->done_button, approved);
  gtk_widget_set_sensitive (self->done_button, self->done_problem == NULL);
  gtk_widget_set_visible (self->buttons, pending || approved);
  if (self->decide_problem != NULL)
    gtk_widget_set_tooltip_text (self->buttons, self->decide_problem);
  else if (approved && self->done_problem != NULL)
    gtk_widget_set_tooltip_text (self->buttons, self->done_problem);
  else
    gtk_widget_set_tooltip_text (self->buttons, NULL);
}

static void
update (VgProposalCard *self)
{
  VgProposal *p = self->proposal;
  VgProposalState state = vg_proposal_get_state (p);
  g_autofree char *priority = g_strdup_printf ("P%u", vg_proposal_get_priority (p));
  g_autofree char *priority_class = g_strdup_printf ("vg-priority-%u", MIN (vg_proposal_get_priority (p), 5));
  g_autofree char *targets = describe_targets (p);
  g_autofree char *why = describe_why (p);
  g_auto(GStrv) changes = vg_proposal_dup_changes (p, NULL);
  g_autofree char *state_class = g_strdup_printf ("vg-state-%s", vg_proposal_state_to_id (state));

  gtk_label_set_text (self->priority_label, priority);
  gtk_widget_set_css_classes (GTK_WIDGET (self->priority_label),
                              (const char *[]) { "vg-priority", priority_class, NULL });
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->priority_label), _("Priority (1 is the most urgent)"));
  gtk_label_set_text (self->action_label, vg_action_get_label (vg_proposal_get_action (p)));
  gtk_label_set_text (self->state_label, vg_proposal_state_get_label (state));
  gtk_widget_set_css_classes (GTK_WIDGET (self->state_label),
                              (const char *[]) { "vg-proposal-state", state_class, NULL });
  gtk_label_set_text (self->title_label, vg_proposal_get_title (p, NULL));
  gtk_label_set_text (self->targets_label, targets);
  gtk_widget_set_visible (self->people_label, vg_proposal_touches_people (p));
  gtk_widget_set_visible (GTK_WIDGET (self->changes_label), changes != NULL && changes[0] != NULL);
  if (changes != NULL && changes[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv ("; ", changes);
      g_autofree char *text = g_strdup_printf (_("Version %u — what changed: %s"), vg_proposal_get_version (p), joined);

      gtk_label_set_text (self->changes_label, text);
    }
  if (vg_proposal_get_decided_by (p) != NULL)
    {
      const char *reason = vg_proposal_get_state_reason (p, NULL);
      g_autofree char *text = NULL;

      /* Translators: "Approved by Camille Martin (validator), journal entry 42 — reason". */
      text = g_strdup_printf (_("%s by %s (%s), journal entry %" PRIu64 "%s%s"),
                              vg_proposal_state_get_label (state), vg_proposal_get_decided_by (p),
                              vg_proposal_get_decided_role (p), vg_proposal_get_decision_seq (p),
                              reason != NULL ? " — " : "", reason != NULL ? reason : "");
      gtk_label_set_text (self->decision_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->decision_label), TRUE);
    }
  else if (vg_proposal_get_state_reason (p, NULL) != NULL)
    {
      gtk_label_set_text (self->decision_label, vg_proposal_get_state_reason (p, NULL));
      gtk_widget_set_visible (GTK_WIDGET (self->decision_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->decision_label), FALSE);
  gtk_label_set_markup (self->why_label, why);
  if (state == VG_PROPOSAL_PROPOSED)
    gtk_widget_remove_css_class (self->box, "vg-closed");
  else
    gtk_widget_add_css_class (self->box, "vg-closed");
  update_deadline (self);
  update_buttons (self);
}

static void
emit_decide (VgProposalCard *self,
             VgVerdict       verdict)
{
  g_signal_emit (self, signals[DECIDE], 0, verdict);
}

static void
approve_clicked_cb (VgProposalCard *self)
{
  emit_decide (self, VG_VERDICT_APPROVE);
}

static void
amend_clicked_cb (VgProposalCard *self)
{
  emit_decide (self, VG_VERDICT_AMEND);
}

static void
reject_clicked_cb (VgProposalCard *self)
{
  emit_decide (self, VG_VERDICT_REJECT);
}

static void
done_clicked_cb (VgProposalCard *self)
{
  emit_decide (self, VG_VERDICT_DONE);
}

static void
vg_proposal_card_dispose (GObject *object)
{
  VgProposalCard *self = VG_PROPOSAL_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VG_TYPE_PROPOSAL_CARD);
  g_clear_object (&self->proposal);
  g_clear_pointer (&self->decide_problem, g_free);
  g_clear_pointer (&self->done_problem, g_free);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (vg_proposal_card_parent_class)->dispose (object);
}

static void
vg_proposal_card_class_init (VgProposalCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vg_proposal_card_dispose;

  signals[DECIDE] = g_signal_new ("decide", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                  NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vg-proposal-card.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "vg-proposal-card");
  gtk_widget_class_bind_template_child (widget_class, VgProposalCard, box);
  gtk_widget_class_bind_template_child (widget_class, VgProposalCard, priority_label);
  gtk_widget_class_bind_template_child (widget_class, VgProposalCard, action_label);
  gtk_widget_class_bind_template_child (widget_class, VgProposalCard, state_label);
  gtk_widget_class_bind_template_child (widget_class, VgProposalCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, VgProposalCard, targets_label);
  gtk_widget_class_bind_template_child (widget_class, VgProposalCard, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, VgProposalCard, people_label);
  gtk_widget_class_bind_template_child (widget_class, VgProposalCard, changes_label);
  gtk_widget_class_bind_template_child (widget_class, VgProposalCard, decision_label);
  gtk_widget_class_bind_template_child (widget_class, VgProposalCard, why_expander);
  gtk_widget_class_bind_template_child (widget_class, VgProposalCard, why_label);
  gtk_widget_class_bind_template_child (widget_class, VgProposalCard, buttons);
  gtk_widget_class_bind_template_child (widget_class, VgProposalCard, approve_button);
  gtk_widget_class_bind_template_child (widget_class, VgProposalCard, amend_button);
  gtk_widget_class_bind_template_child (widget_class, VgProposalCard, reject_button);
  gtk_widget_class_bind_template_child (widget_class, VgProposalCard, done_button);
  gtk_widget_class_bind_template_callback (widget_class, approve_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, amend_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reject_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);
}

static void
vg_proposal_card_init (VgProposalCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->decide_problem = g_strdup (_("Sign in to decide"));
  self->done_problem = g_strdup (_("Sign in to decide"));
}

GtkWidget *
vg_proposal_card_new (VgProposal *proposal)
{
  VgProposalCard *self;

  g_return_val_if_fail (VG_IS_PROPOSAL (proposal), NULL);

  self = g_object_new (VG_TYPE_PROPOSAL_CARD, NULL);
  self->proposal = g_object_ref (proposal);
  /* Every property change of the proposal is a refresh of the journal: redraw it all. */
  g_signal_connect_object (proposal, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  return GTK_WIDGET (self);
}

VgProposal *
vg_proposal_card_get_proposal (VgProposalCard *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL_CARD (self), NULL);

  return self->proposal;
}

void
vg_proposal_card_set_allowed (VgProposalCard *self,
                              const char     *decide_problem,
                              const char     *done_problem)
{
  g_return_if_fail (VG_IS_PROPOSAL_CARD (self));

  g_free (self->decide_problem);
  self->decide_problem = g_strdup (decide_problem);
  g_free (self->done_problem);
  self->done_problem = g_strdup (done_problem);
  update_buttons (self);
}

void
vg_proposal_card_set_now (VgProposalCard *self,
                          gint64          now_usec,
                          GTimeZone      *zone)
{
  g_return_if_fail (VG_IS_PROPOSAL_CARD (self));
  g_return_if_fail (zone != NULL);

  self->now_usec = now_usec;
  if (self->zone != zone)
    {
      g_clear_pointer (&self->zone, g_time_zone_unref);
      self->zone = g_time_zone_ref (zone);
    }
  update_deadline (self);
}

gboolean
vg_proposal_card_activate (VgProposalCard *self,
                           VgVerdict       verdict)
{
  GtkWidget *button;

  g_return_val_if_fail (VG_IS_PROPOSAL_CARD (self), FALSE);

  button = verdict == VG_VERDICT_APPROVE ? self->approve_button
         : verdict == VG_VERDICT_AMEND ? self->amend_button
         : verdict == VG_VERDICT_REJECT ? self->reject_button
         : self->done_button;
  if (!gtk_widget_get_visible (self->buttons) || !gtk_widget_get_visible (button) || !gtk_widget_get_sensitive (button))
    return FALSE;
  emit_decide (self, verdict);
  return TRUE;
}

void
vg_proposal_card_set_expanded (VgProposalCard *self,
                               gboolean        expanded)
{
  g_return_if_fail (VG_IS_PROPOSAL_CARD (self));

  gtk_expander_set_expanded (self->why_expander, expanded);
}
