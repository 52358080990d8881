/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-proposal"

#include "config.h"

#include "vg-clock.h"
#include "vg-fact-set-private.h"
#include "vg-json-private.h"
#include "vg-proposal-private.h"

struct _VgProposal
{
  GObject           parent_instance;

  char             *id;        /* never changes: kept apart from the record, which each update
                                * replaces, so a borrowed id outlives a decision on it */
  VgProposalRecord *record;    /* a copy: entries are immutable and shared */
  GListStore       *targets;   /* of VgProposalTarget */
};

G_DEFINE_FINAL_TYPE (VgProposal, vg_proposal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_STATE,
  PROP_ACTION,
  PROP_HAZARD,
  PROP_PRIORITY,
  PROP_DEADLINE,
  PROP_EXPIRES,
  PROP_TOUCHES_PEOPLE,
  PROP_TITLE,
  PROP_RATIONALE,
  PROP_UNCERTAINTY,
  PROP_TARGETS,
  PROP_CHANGES,
  PROP_STATE_REASON,
  PROP_DECIDED_BY,
  PROP_DECIDED_ROLE,
  PROP_DECIDED_AT,
  PROP_DECISION_SEQ,
  PROP_RULE_ID,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* The interface's language among the two the journal holds: French unless the locale asks for
 * English first. */
static const char *
ui_lang (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "fr"))
        return "fr";
      if (g_str_has_prefix (names[i], "en"))
        return "en";
    }
  return "fr";
}

static const char *
lang_or_ui (const char *lang)
{
  return lang != NULL ? lang : ui_lang ();
}

static JsonObject *
payload_of (VgJournalEntry *entry)
{
  JsonNode *node = entry != NULL ? vg_journal_entry_get_payload (entry) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gint64
time_member (JsonObject *object,
             const char *name)
{
  gint64 usec = 0;

  vg_fact_time_parse (vg_json_member_string (object, name), &usec);
  return usec;
}

static GDateTime *
dup_time (gint64 usec)
{
  return usec != 0 ? vg_time_new_from_usec (usec) : NULL;
}

static void
sync_targets (VgProposal *self)
{
  JsonArray *array = vg_json_member_array (self->record->payload, "targets");
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->targets));
  gboolean same = n == (array != NULL ? json_array_get_length (array) : 0);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      VgProposalTarget *target = vg_proposal_target_new_from_json (json_array_get_object_element (array, i));

      if (target == NULL)
        continue;
      if (same)
        {
          g_autoptr(VgProposalTarget) old = g_list_model_get_item (G_LIST_MODEL (self->targets), i);

          same = g_str_equal (vg_proposal_target_get_id (old), vg_proposal_target_get_id (target));
        }
      g_ptr_array_add (items, target);
    }
  /* Equal ids in the same order are the same targets: no items-changed for the map to redraw. */
  if (!same || items->len != n)
    g_list_store_splice (self->targets, 0, n, items->pdata, items->len);
}

static void
vg_proposal_finalize (GObject *object)
{
  VgProposal *self = VG_PROPOSAL (object);

  g_clear_pointer (&self->record, vg_proposal_record_free);
  g_clear_object (&self->targets);
  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (vg_proposal_parent_class)->finalize (object);
}

static void
vg_proposal_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VgProposal *self = VG_PROPOSAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, vg_proposal_get_id (self));
      break;
    case PROP_VERSION:
      g_value_set_uint (value, vg_proposal_get_version (self));
      break;
    case PROP_STATE:
      g_value_set_enum (value, vg_proposal_get_state (self));
      break;
    case PROP_ACTION:
      g_value_set_enum (value, vg_proposal_get_action (self));
      break;
    case PROP_HAZARD:
      g_value_set_string (value, vg_proposal_get_hazard (self));
      break;
    case PROP_PRIORITY:
      g_value_set_uint (value, vg_proposal_get_priority (self));
      break;
    case PROP_DEADLINE:
      g_value_take_boxed (value, dup_time (vg_proposal_get_deadline (self)));
      break;
    case PROP_EXPIRES:
      g_value_take_boxed (value, dup_time (vg_proposal_get_expires (self)));
      break;
    case PROP_TOUCHES_PEOPLE:
      g_value_set_boolean (value, vg_proposal_touches_people (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, vg_proposal_get_title (self, NULL));
      break;
    case PROP_RATIONALE:
      g_value_set_string (value, vg_proposal_get_rationale (self, NULL));
      break;
    case PROP_UNCERTAINTY:
      g_value_set_string (value, vg_proposal_get_uncertainty (self, NULL));
      break;
    case PROP_TARGETS:
      g_value_set_object (value, self->targets);
      break;
    case PROP_CHANGES:
      g_value_take_boxed (value, vg_proposal_dup_changes (self, NULL));
      break;
    case PROP_STATE_REASON:
      g_value_set_string (value, vg_proposal_get_state_reason (self, NULL));
      break;
    case PROP_DECIDED_BY:
      g_value_set_string (value, vg_proposal_get_decided_by (self));
      break;
    case PROP_DECIDED_ROLE:
      g_value_set_string (value, vg_proposal_get_decided_role (self));
      break;
    case PROP_DECIDED_AT:
      g_value_take_boxed (value, self->record->verdict != NULL
                                 ? vg_time_new_from_usec (vg_journal_entry_get_time (self->record->verdict)) : NULL);
      break;
    case PROP_DECISION_SEQ:
      g_value_set_uint64 (value, vg_proposal_get_decision_seq (self));
      break;
    case PROP_RULE_ID:
      g_value_set_string (value, vg_proposal_get_rule_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vg_proposal_class_init (VgProposalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vg_proposal_finalize;
  object_class->get_property = vg_proposal_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_VERSION] = g_param_spec_uint ("version", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, VG_TYPE_PROPOSAL_STATE, VG_PROPOSAL_PROPOSED, flags);
  properties[PROP_ACTION] = g_param_spec_enum ("action", NULL, NULL, VG_TYPE_ACTION, VG_ACTION_ROAD_CLOSURE, flags);
  properties[PROP_HAZARD] = g_param_spec_string ("hazard", NULL, NULL, NULL, flags);
  properties[PROP_PRIORITY] = g_param_spec_uint ("priority", NULL, NULL, 0, 5, 0, flags);
  properties[PROP_DEADLINE] = g_param_spec_boxed ("deadline", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_EXPIRES] = g_param_spec_boxed ("expires", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_TOUCHES_PEOPLE] = g_param_spec_boolean ("touches-people", NULL, NULL, TRUE, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_RATIONALE] = g_param_spec_string ("rationale", NULL, NULL, NULL, flags);
  properties[PROP_UNCERTAINTY] = g_param_spec_string ("uncertainty", NULL, NULL, NULL, flags);
  properties[PROP_TARGETS] = g_param_spec_object ("targets", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_CHANGES] = g_param_spec_boxed ("changes", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_STATE_REASON] = g_param_spec_string ("state-reason", NULL, NULL, NULL, flags);
  properties[PROP_DECIDED_BY] = g_param_spec_string ("decided-by", NULL, NULL, NULL, flags);
  properties[PROP_DECIDED_ROLE] = g_param_spec_string ("decided-role", NULL, NULL, NULL, flags);
  properties[PROP_DECIDED_AT] = g_param_spec_boxed ("decided-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_DECISION_SEQ] = g_param_spec_uint64 ("decision-seq", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_RULE_ID] = g_param_spec_string ("rule-id", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vg_proposal_init (VgProposal *self)
{
  self->targets = g_list_store_new (VG_TYPE_PROPOSAL_TARGET);
}

VgProposalRecord *
vg_proposal_record_copy (const VgProposalRecord *record)
{
  VgProposalRecord *copy = g_new0 (VgProposalRecord, 1);

  copy->id = g_strdup (record->id);
  copy->version = record->version;
  copy->state = record->state;
  copy->proposed = vg_journal_entry_ref (record->proposed);
  copy->payload = record->payload;
  copy->closed = record->closed != NULL ? vg_journal_entry_ref (record->closed) : NULL;
  copy->verdict = record->verdict != NULL ? vg_journal_entry_ref (record->verdict) : NULL;
  copy->done = record->done != NULL ? vg_journal_entry_ref (record->done) : NULL;
  copy->task = record->task != NULL ? vg_journal_entry_ref (record->task) : NULL;
  for (guint i = 0; i < VG_N_OUTPUTS; i++)
    copy->outputs[i] = record->outputs[i] != NULL ? vg_journal_entry_ref (record->outputs[i]) : NULL;
  copy->history = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_journal_entry_unref);
  for (guint i = 0; i < record->history->len; i++)
    g_ptr_array_add (copy->history, vg_journal_entry_ref (g_ptr_array_index (record->history, i)));
  copy->changed_seq = record->changed_seq;
  return copy;
}

VgProposal *
vg_proposal_new (const VgProposalRecord *record)
{
  VgProposal *self;

  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (VG_TYPE_PROPOSAL, NULL);
  self->id = g_strdup (record->id);
  self->record = vg_proposal_record_copy (record);
  sync_targets (self);
  return self;
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  GType type = G_VALUE_TYPE (a);

  if (type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *ta = g_value_get_boxed (a);
      GDateTime *tb = g_value_get_boxed (b);

      return (ta == NULL && tb == NULL) || (ta != NULL && tb != NULL && g_date_time_equal (ta, tb));
    }
  if (type == G_TYPE_STRV)
    {
      const char * const *sa = g_value_get_boxed (a);
      const char * const *sb = g_value_get_boxed (b);

      return (sa == NULL && sb == NULL) || (sa != NULL && sb != NULL && g_strv_equal (sa, sb));
    }
  return g_param_values_cmp (pspec, a, b) == 0;
}

void
vg_proposal_update (VgProposal             *self,
                    const VgProposalRecord *record)
{
  GValue before[N_PROPS] = { G_VALUE_INIT };
  GObject *object = G_OBJECT (self);

  g_return_if_fail (VG_IS_PROPOSAL (self));
  g_return_if_fail (record != NULL && g_str_equal (record->id, self->record->id));

  for (guint i = 1; i < N_PROPS; i++)
    if (i != PROP_TARGETS)
      {
        g_value_init (&before[i], properties[i]->value_type);
        g_object_get_property (object, properties[i]->name, &before[i]);
      }
  g_clear_pointer (&self->record, vg_proposal_record_free);
  self->record = vg_proposal_record_copy (record);
  sync_targets (self);

  /* One notify per property that really changed: the UI tests count them. */
  g_object_freeze_notify (object);
  for (guint i = 1; i < N_PROPS; i++)
    if (i != PROP_TARGETS)
      {
        GValue after = G_VALUE_INIT;

        g_value_init (&after, properties[i]->value_type);
        g_object_get_property (object, properties[i]->name, &after);
        if (!values_equal (properties[i], &before[i], &after))
          g_object_notify_by_pspec (object, properties[i]);
        g_value_unset (&after);
        g_value_unset (&before[i]);
      }
  g_object_thaw_notify (object);
}

const char *
vg_proposal_get_id (VgProposal *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL (self), NULL);

  return self->id;
}

guint
vg_proposal_get_version (VgProposal *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL (self), 0);

  return self->record->version;
}

VgProposalState
vg_proposal_get_state (VgProposal *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL (self), VG_PROPOSAL_PROPOSED);

  return self->record->state;
}

VgAction
vg_proposal_get_action (VgProposal *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL (self), VG_ACTION_ROAD_CLOSURE);

  return vg_proposal_record_get_action (self->record);
}

const char *
vg_proposal_get_hazard (VgProposal *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL (self), NULL);

  return vg_json_member_string (self->record->payload, "hazard");
}

guint
vg_proposal_get_priority (VgProposal *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL (self), 0);

  return CLAMP (vg_json_member_int (self->record->payload, "priority", 5), 1, 5);
}

gint64
vg_proposal_get_deadline (VgProposal *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL (self), 0);

  return time_member (self->record->payload, "deadline");
}

gint64
vg_proposal_get_expires (VgProposal *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL (self), 0);

  return time_member (self->record->payload, "expires");
}

gboolean
vg_proposal_touches_people (VgProposal *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL (self), TRUE);

  return json_object_get_boolean_member_with_default (self->record->payload, "touches_people", TRUE);
}

static const char *
text (VgProposal *self,
      const char *member,
      const char *lang)
{
  return vg_json_member_string (vg_json_member_object (self->record->payload, member), lang_or_ui (lang));
}

const char *
vg_proposal_get_title (VgProposal *self,
                       const char *lang)
{
  g_return_val_if_fail (VG_IS_PROPOSAL (self), NULL);

  return text (self, "title", lang);
}

const char *
vg_proposal_get_rationale (VgProposal *self,
                           const char *lang)
{
  g_return_val_if_fail (VG_IS_PROPOSAL (self), NULL);

  return text (self, "rationale", lang);
}

const char *
vg_proposal_get_uncertainty (VgProposal *self,
                             const char *lang)
{
  g_return_val_if_fail (VG_IS_PROPOSAL (self), NULL);

  return text (self, "uncertainty", lang);
}

const char *
vg_proposal_get_instruction (VgProposal *self,
                             const char *lang)
{
  g_return_val_if_fail (VG_IS_PROPOSAL (self), NULL);

  return text (self, "instruction", lang);
}

GStrv
vg_proposal_dup_changes (VgProposal *self,
                         const char *lang)
{
  JsonArray *changes;
  GStrvBuilder *builder;
  GStrv result;

  g_return_val_if_fail (VG_IS_PROPOSAL (self), NULL);

  changes = vg_json_member_array (self->record->payload, "changes");
  builder = g_strv_builder_new ();
  for (guint i = 0; changes != NULL && i < json_array_get_length (changes); i++)
    {
      const char *line = vg_json_member_string (json_array_get_object_element (changes, i), lang_or_ui (lang));

      if (line != NULL)
        g_strv_builder_add (builder, line);
    }
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

const char *
vg_proposal_get_state_reason (VgProposal *self,
                              const char *lang)
{
  g_return_val_if_fail (VG_IS_PROPOSAL (self), NULL);

  switch (self->record->state)
    {
    case VG_PROPOSAL_EXPIRED:
    case VG_PROPOSAL_SUPERSEDED:
      return vg_json_member_string (vg_json_member_object (payload_of (self->record->closed), "reason"), lang_or_ui (lang));
    case VG_PROPOSAL_APPROVED:
    case VG_PROPOSAL_REJECTED:
    case VG_PROPOSAL_AMENDED:
    case VG_PROPOSAL_DONE:
      /* The signer's own words, in whatever language they wrote them. */
      return vg_json_member_string (payload_of (self->record->verdict), "reason");
    case VG_PROPOSAL_PROPOSED:
    case VG_N_PROPOSAL_STATES:
    default:
      return NULL;
    }
}

GListModel *
vg_proposal_get_targets (VgProposal *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL (self), NULL);

  return G_LIST_MODEL (self->targets);
}

const char *
vg_proposal_get_rule_id (VgProposal *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL (self), NULL);

  return vg_json_member_string (vg_json_member_object (self->record->payload, "rule"), "id");
}

const char *
vg_proposal_get_decided_by (VgProposal *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL (self), NULL);

  return self->record->verdict != NULL ? vg_journal_entry_get_author (self->record->verdict) : NULL;
}

const char *
vg_proposal_get_decided_role (VgProposal *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL (self), NULL);

  return vg_json_member_string (payload_of (self->record->verdict), "role");
}

guint64
vg_proposal_get_decision_seq (VgProposal *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL (self), 0);

  return self->record->verdict != NULL ? vg_journal_entry_get_seq (self->record->verdict) : 0;
}

guint64
vg_proposal_get_proposal_seq (VgProposal *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL (self), 0);

  return vg_journal_entry_get_seq (self->record->proposed);
}

const char *
vg_proposal_get_payload_text (VgProposal *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL (self), NULL);

  return vg_journal_entry_get_payload_text (self->record->proposed);
}

static JsonNode *
decision_json (VgJournalEntry *entry)
{
  JsonObject *object;
  JsonObject *payload;
  g_autofree char *time = NULL;
  GList *names;

  if (entry == NULL)
    return json_node_new (JSON_NODE_NULL);
  payload = payload_of (entry);
  object = json_object_new ();
  time = vg_fact_time_format (vg_journal_entry_get_time (entry));
  json_object_set_int_member (object, "seq", vg_journal_entry_get_seq (entry));
  json_object_set_string_member (object, "time", time);
  json_object_set_string_member (object, "operator", vg_journal_entry_get_author (entry));
  names = json_object_get_members (payload);
  for (GList *l = names; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "proposal") && !g_str_equal (l->data, "operator"))
      json_object_set_member (object, l->data, vg_json_deep_copy (json_object_get_member (payload, l->data)));
  g_list_free (names);
  return vg_json_object_node (object);
}

JsonNode *
vg_proposal_to_json (VgProposal *self)
{
  JsonObject *object;
  JsonArray *outputs;
  JsonArray *history;

  g_return_val_if_fail (VG_IS_PROPOSAL (self), NULL);

  object = json_object_new ();
  outputs = json_array_new ();
  history = json_array_new ();
  json_object_set_string_member (object, "id", self->record->id);
  json_object_set_int_member (object, "version", self->record->version);
  json_object_set_string_member (object, "state", vg_proposal_state_to_id (self->record->state));
  json_object_set_int_member (object, "proposal_seq", vg_journal_entry_get_seq (self->record->proposed));
  if (self->record->closed != NULL)
    json_object_set_member (object, "closed", vg_json_deep_copy (vg_journal_entry_get_payload (self->record->closed)));
  json_object_set_member (object, "decision", decision_json (self->record->verdict));
  json_object_set_member (object, "done", decision_json (self->record->done));
  for (guint i = 0; i < VG_N_OUTPUTS; i++)
    {
      VgJournalEntry *entry = i == VG_OUTPUT_TASK ? self->record->task : self->record->outputs[i];
      JsonObject *output;

      if (entry == NULL)
        continue;
      output = json_object_new ();
      json_object_set_string_member (output, "format", vg_output_kind_to_id (i));
      json_object_set_int_member (output, "seq", vg_journal_entry_get_seq (entry));
      if (i != VG_OUTPUT_TASK)
        {
          json_object_set_string_member (output, "file", vg_json_member_string (payload_of (entry), "file"));
          json_object_set_string_member (output, "sha256", vg_json_member_string (payload_of (entry), "sha256"));
        }
      json_array_add_object_element (outputs, output);
    }
  json_object_set_array_member (object, "outputs", outputs);
  for (guint i = 0; i < self->record->history->len; i++)
    json_array_add_element (history, decision_json (g_ptr_array_index (self->record->history, i)));
  json_object_set_array_member (object, "history", history);
  json_object_set_member (object, "payload", vg_json_deep_copy (vg_journal_entry_get_payload (self->record->proposed)));
  return vg_json_object_node (object);
}
