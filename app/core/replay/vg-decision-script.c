/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-decision-script"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "vg-decision-script.h"
#include "vg-error.h"
#include "vg-operator.h"
#include "vg-role.h"

#define FORMAT_ID "vigie-decisions/1"

typedef struct
{
  gboolean           timed;
  gint64             at;        /* Unix µs, if timed */
  char              *pattern;   /* proposal id, or a glob: flood-close-roads/ then a star */
  GPatternSpec      *spec;
  VgVerdict          verdict;
  char              *operator_name;
  VgRole             role;
  char              *reason;    /* may be NULL */
  GStrv              kept;      /* amendment's targets kept, or NULL: all */
  VgScriptedOutcome  outcome;
  char              *message;
} Item;

struct _VgDecisionScript
{
  GObject  parent_instance;

  char    *path;
  GArray  *items;        /* Item, file order */
  GArray  *timed_order;  /* indices of the timed items, by time then file order */
  guint    next_timed;   /* position in timed_order */
};

G_DEFINE_FINAL_TYPE (VgDecisionScript, vg_decision_script, G_TYPE_OBJECT)

static void
item_clear (Item *item)
{
  g_clear_pointer (&item->pattern, g_free);
  g_clear_pointer (&item->spec, g_pattern_spec_free);
  g_clear_pointer (&item->operator_name, g_free);
  g_clear_pointer (&item->reason, g_free);
  g_clear_pointer (&item->kept, g_strfreev);
  g_clear_pointer (&item->message, g_free);
}

static void
vg_decision_script_finalize (GObject *object)
{
  VgDecisionScript *self = VG_DECISION_SCRIPT (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->timed_order, g_array_unref);

  G_OBJECT_CLASS (vg_decision_script_parent_class)->finalize (object);
}

static void
vg_decision_script_class_init (VgDecisionScriptClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_decision_script_finalize;
}

static void
vg_decision_script_init (VgDecisionScript *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, (GDestroyNotify) item_clear);
  self->timed_order = g_array_new (FALSE, FALSE, sizeof (guint));
}

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Errors: "FILE: FIELD: what". */
static gboolean
field_error (GError     **error,
             int          code,
             const char  *path,
             const char  *field,
             const char  *what)
{
  g_set_error (error, VG_SCENARIO_ERROR, code, "%s: %s: %s", path, field, what);
  return FALSE;
}

/* The string member @name of @o (NULL if absent); FALSE with an error if of another type or
 * empty. */
static gboolean
get_string (JsonObject  *o,
            const char  *name,
            const char  *path,
            const char  *prefix,
            const char **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (o, name);
  g_autofree char *field = g_strdup_printf ("%s.%s", prefix, name);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return field_error (error, VG_SCENARIO_ERROR_FIELD, path, field, _("must be a string"));
  *out = json_node_get_string (node);
  if (!has_text (*out))
    return field_error (error, VG_SCENARIO_ERROR_FIELD, path, field, _("must not be empty"));
  return TRUE;
}

static gboolean
require (const char  *value,
         const char  *name,
         const char  *path,
         const char  *prefix,
         GError     **error)
{
  g_autofree char *field = g_strdup_printf ("%s.%s", prefix, name);

  if (value != NULL)
    return TRUE;
  return field_error (error, VG_SCENARIO_ERROR_FIELD, path, field, _("is required"));
}

static gboolean
load_item (VgDecisionScript  *self,
           JsonNode          *node,
           guint              index,
           GError           **error)
{
  static const char * const known[] = { "at", "proposal", "verdict", "operator", "role", "reason", "kept_targets", NULL };
  g_autofree char *prefix = g_strdup_printf ("decisions[%u]", index);
  const char *at, *proposal, *verdict, *operator_name, *role, *reason;
  g_autoptr(GList) members = NULL;
  JsonObject *o;
  JsonNode *kept;
  Item item = { 0 };

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return field_error (error, VG_SCENARIO_ERROR_FIELD, self->path, prefix, _("must be an object"));
  o = json_node_get_object (node);
  members = json_object_get_members (o);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        g_autofree char *field = g_strdup_printf ("%s.%s", prefix, (const char *) l->data);

        return field_error (error, VG_SCENARIO_ERROR_FIELD, self->path, field, _("unknown member"));
      }

  if (!get_string (o, "at", self->path, prefix, &at, error) ||
      !get_string (o, "proposal", self->path, prefix, &proposal, error) ||
      !get_string (o, "verdict", self->path, prefix, &verdict, error) ||
      !get_string (o, "operator", self->path, prefix, &operator_name, error) ||
      !get_string (o, "role", self->path, prefix, &role, error) ||
      !get_string (o, "reason", self->path, prefix, &reason, error) ||
      !require (proposal, "proposal", self->path, prefix, error) ||
      !require (verdict, "verdict", self->path, prefix, error) ||
      !require (operator_name, "operator", self->path, prefix, error) ||
      !require (role, "role", self->path, prefix, error))
    return FALSE;

  if (!vg_verdict_from_id (verdict, &item.verdict) || item.verdict == VG_VERDICT_DONE)
    {
      g_autofree char *field = g_strdup_printf ("%s.verdict", prefix);
      g_autofree char *what = g_strdup_printf (_("“%s” is not approve, reject or amend"), verdict);

      return field_error (error, VG_SCENARIO_ERROR_FIELD, self->path, field, what);
    }
  if (!vg_role_from_id (role, &item.role))
    {
      g_autofree char *field = g_strdup_printf ("%s.role", prefix);
      g_autofree char *what = g_strdup_printf (_("unknown role “%s” (operator, validator, observer, exercise-controller)"), role);

      return field_error (error, VG_SCENARIO_ERROR_FIELD, self->path, field, what);
    }
  /* The queue refuses these too; said here, the file is fixed before a long replay. */
  if ((item.verdict == VG_VERDICT_REJECT || item.verdict == VG_VERDICT_AMEND) && reason == NULL)
    {
      g_autofree char *field = g_strdup_printf ("%s.reason", prefix);

      return field_error (error, VG_SCENARIO_ERROR_FIELD, self->path, field, _("is required to reject or amend"));
    }
  if (at != NULL)
    {
      /* No default zone: a scenario time names its offset. */
      g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (at, NULL);

      if (time == NULL)
        {
          g_autofree char *field = g_strdup_printf ("%s.at", prefix);
          g_autofree char *what = g_strdup_printf (_("“%s” is not an ISO 8601 time with an offset"), at);

          return field_error (error, VG_SCENARIO_ERROR_TIME, self->path, field, what);
        }
      item.timed = TRUE;
      item.at = vg_time_to_usec (time);
    }
  if ((kept = json_object_get_member (o, "kept_targets")) != NULL)
    {
      g_autofree char *field = g_strdup_printf ("%s.kept_targets", prefix);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      JsonArray *array;

      if (item.verdict != VG_VERDICT_AMEND)
        return field_error (error, VG_SCENARIO_ERROR_FIELD, self->path, field, _("is only for an amendment"));
      if (!JSON_NODE_HOLDS_ARRAY (kept))
        return field_error (error, VG_SCENARIO_ERROR_FIELD, self->path, field, _("must be an array of target ids"));
      array = json_node_get_array (kept);
      for (guint k = 0; k < json_array_get_length (array); k++)
        {
          JsonNode *target = json_array_get_element (array, k);

          if (!JSON_NODE_HOLDS_VALUE (target) || json_node_get_value_type (target) != G_TYPE_STRING ||
              !has_text (json_node_get_string (target)))
            {
              g_autofree char *element = g_strdup_printf ("%s[%u]", field, k);

              return field_error (error, VG_SCENARIO_ERROR_FIELD, self->path, element, _("must be a target id"));
            }
          g_strv_builder_add (builder, json_node_get_string (target));
        }
      item.kept = g_strv_builder_end (builder);
    }

  item.pattern = g_strdup (proposal);
  item.spec = g_pattern_spec_new (proposal);
  item.operator_name = g_strdup (operator_name);
  item.reason = g_strdup (reason);
  g_array_append_val (self->items, item);
  return TRUE;
}

static gint
compare_timed (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GArray *items = user_data;
  guint x = *(const guint *) a, y = *(const guint *) b;
  gint64 tx = g_array_index (items, Item, x).at, ty = g_array_index (items, Item, y).at;

  if (tx != ty)
    return tx < ty ? -1 : 1;
  return (x > y) - (x < y);
}

VgDecisionScript *
vg_decision_script_load (const char  *path,
                         GError     **error)
{
  g_autoptr(VgDecisionScript) self = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GList) members = NULL;
  g_autofree char *data = NULL;
  JsonObject *root;
  JsonNode *format, *decisions;
  GStatBuf st;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (VG_TYPE_DECISION_SCRIPT, NULL);
  self->path = g_strdup (path);
  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, VG_SCENARIO_ERROR, VG_SCENARIO_ERROR_MANIFEST, _("%s: cannot read the decisions: %s"),
                   path, g_strerror (saved));
      return NULL;
    }
  if (st.st_size > VG_DECISION_SCRIPT_MAX_SIZE)
    {
      g_set_error (error, VG_SCENARIO_ERROR, VG_SCENARIO_ERROR_MANIFEST, _("%s: larger than %d bytes"),
                   path, VG_DECISION_SCRIPT_MAX_SIZE);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, VG_SCENARIO_ERROR, VG_SCENARIO_ERROR_MANIFEST, _("%s: cannot read the decisions: %s"),
                   path, local_error->message);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, VG_SCENARIO_ERROR, VG_SCENARIO_ERROR_MANIFEST, _("%s: not JSON: %s"), path, local_error->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      field_error (error, VG_SCENARIO_ERROR_FIELD, path, "$", _("must be an object"));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (root);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "format") && !g_str_equal (l->data, "decisions"))
      {
        field_error (error, VG_SCENARIO_ERROR_FIELD, path, l->data, _("unknown member"));
        return NULL;
      }
  format = json_object_get_member (root, "format");
  if (format == NULL || json_node_get_value_type (format) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (format), FORMAT_ID) != 0)
    {
      field_error (error, VG_SCENARIO_ERROR_FIELD, path, "format", _("must be “vigie-decisions/1”"));
      return NULL;
    }
  decisions = json_object_get_member (root, "decisions");
  if (decisions == NULL || !JSON_NODE_HOLDS_ARRAY (decisions))
    {
      field_error (error, VG_SCENARIO_ERROR_FIELD, path, "decisions", _("must be an array"));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (decisions)); i++)
    if (!load_item (self, json_array_get_element (json_node_get_array (decisions), i), i, error))
      return NULL;

  for (guint i = 0; i < self->items->len; i++)
    if (g_array_index (self->items, Item, i).timed)
      g_array_append_val (self->timed_order, i);
  g_array_sort_with_data (self->timed_order, compare_timed, self->items);
  return g_steal_pointer (&self);
}

const char *
vg_decision_script_get_path (VgDecisionScript *self)
{
  g_return_val_if_fail (VG_IS_DECISION_SCRIPT (self), NULL);

  return self->path;
}

guint
vg_decision_script_get_n (VgDecisionScript *self)
{
  g_return_val_if_fail (VG_IS_DECISION_SCRIPT (self), 0);

  return self->items->len;
}

gboolean
vg_decision_script_check_span (VgDecisionScript  *self,
                               gint64             start,
                               gint64             end,
                               GError           **error)
{
  g_return_val_if_fail (VG_IS_DECISION_SCRIPT (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      if (item->timed && (item->at < start || item->at > end))
        {
          g_autofree char *field = g_strdup_printf ("decisions[%u].at", i);

          return field_error (error, VG_SCENARIO_ERROR_TIME, self->path, field, _("outside the scenario’s span"));
        }
    }
  return TRUE;
}

/* The first pending proposal of @queue (in its order) @item's pattern matches; full reference. */
static VgProposal *
find_pending (VgProposalQueue *queue,
              Item            *item)
{
  GListModel *model = G_LIST_MODEL (queue);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VgProposal) proposal = g_list_model_get_item (model, i);

      if (vg_proposal_get_state (proposal) == VG_PROPOSAL_PROPOSED &&
          g_pattern_spec_match_string (item->spec, vg_proposal_get_id (proposal)))
        return g_steal_pointer (&proposal);
    }
  return NULL;
}

/* Takes @item on @proposal through the queue: FALSE only if the journal cannot be written. */
static gboolean
take (VgProposalQueue  *queue,
      Item             *item,
      VgProposal       *proposal,
      GError          **error)
{
  g_autoptr(VgOperator) op = vg_operator_new (item->operator_name, item->role, NULL);
  g_autoptr(GError) local_error = NULL;
  guint version = vg_proposal_get_version (proposal);
  guint64 seq = 0;

  g_clear_pointer (&item->message, g_free);
  if (!vg_proposal_queue_decide (queue, op, vg_proposal_get_id (proposal), version, item->verdict, item->reason,
                                 (const char * const *) item->kept, &seq, &local_error))
    {
      if (local_error->domain != VG_PROPOSAL_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      item->outcome = VG_SCRIPTED_REFUSED;
      item->message = g_strdup (local_error->message);
      return TRUE;
    }
  item->outcome = VG_SCRIPTED_TAKEN;
  item->message = g_strdup_printf ("%s v%u: %s, entry %" G_GUINT64_FORMAT, vg_proposal_get_id (proposal), version,
                                   vg_verdict_to_id (item->verdict), seq);
  return TRUE;
}

gboolean
vg_decision_script_take_timed (VgDecisionScript  *self,
                               VgProposalQueue   *queue,
                               VgClock           *clock,
                               gint64             usec,
                               gboolean           inclusive,
                               GError           **error)
{
  g_return_val_if_fail (VG_IS_DECISION_SCRIPT (self), FALSE);
  g_return_val_if_fail (VG_IS_PROPOSAL_QUEUE (queue), FALSE);
  g_return_val_if_fail (VG_IS_CLOCK (clock), FALSE);

  while (self->next_timed < self->timed_order->len)
    {
      Item *item = &g_array_index (self->items, Item, g_array_index (self->timed_order, guint, self->next_timed));
      g_autoptr(VgProposal) proposal = NULL;
      g_autoptr(GDateTime) at = NULL;

      if (item->at > usec || (!inclusive && item->at == usec))
        break;
      self->next_timed++;
      at = vg_time_new_from_usec (item->at);
      vg_clock_set_now (clock, at);
      if ((proposal = find_pending (queue, item)) == NULL)
        {
          g_autofree char *when = g_date_time_format_iso8601 (at);

          item->outcome = VG_SCRIPTED_UNMATCHED;
          item->message = g_strdup_printf (_("no pending proposal matches “%s” at %s"), item->pattern, when);
          continue;
        }
      if (!take (queue, item, proposal, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
vg_decision_script_take_matched (VgDecisionScript  *self,
                                 VgProposalQueue   *queue,
                                 GError           **error)
{
  g_return_val_if_fail (VG_IS_DECISION_SCRIPT (self), FALSE);
  g_return_val_if_fail (VG_IS_PROPOSAL_QUEUE (queue), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      g_autoptr(VgProposal) proposal = NULL;

      if (item->timed || item->outcome != VG_SCRIPTED_WAITING || (proposal = find_pending (queue, item)) == NULL)
        continue;
      if (!take (queue, item, proposal, error))
        return FALSE;
    }
  return TRUE;
}

void
vg_decision_script_finish (VgDecisionScript *self)
{
  g_return_if_fail (VG_IS_DECISION_SCRIPT (self));

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      if (item->outcome != VG_SCRIPTED_WAITING)
        continue;
      item->outcome = VG_SCRIPTED_UNMATCHED;
      g_free (item->message);
      item->message = g_strdup_printf (_("no pending proposal matched “%s” before the end"), item->pattern);
    }
  self->next_timed = self->timed_order->len;
}

VgScriptedOutcome
vg_decision_script_get_outcome (VgDecisionScript  *self,
                                guint              index,
                                const char       **message)
{
  Item *item;

  g_return_val_if_fail (VG_IS_DECISION_SCRIPT (self), VG_SCRIPTED_WAITING);
  g_return_val_if_fail (index < self->items->len, VG_SCRIPTED_WAITING);

  item = &g_array_index (self->items, Item, index);
  if (message != NULL)
    *message = item->message;
  return item->outcome;
}

guint
vg_decision_script_count (VgDecisionScript  *self,
                          VgScriptedOutcome  outcome)
{
  guint n = 0;

  g_return_val_if_fail (VG_IS_DECISION_SCRIPT (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    n += g_array_index (self->items, Item, i).outcome == outcome;
  return n;
}

const char *
vg_scripted_outcome_to_id (VgScriptedOutcome outcome)
{
  switch (outcome)
    {
    case VG_SCRIPTED_WAITING: return "waiting";
    case VG_SCRIPTED_TAKEN: return "taken";
    case VG_SCRIPTED_REFUSED: return "refused";
    case VG_SCRIPTED_UNMATCHED: return "unmatched";
    default: g_return_val_if_reached (NULL);
    }
}
