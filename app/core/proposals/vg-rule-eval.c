/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-rule-eval"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vg-json-private.h"
#include "vg-rule-internal.h"

/* At most this many target names in a title or rationale; the rest is "and N others". */
#define MAX_NAMED_TARGETS 6

/* The proposals a rule makes are built here, from the trigger's matches. Everything is sorted
 * bytewise (never by locale) and every text is written by vg-template in fixed languages, so the
 * candidates are a pure function of the facts and the rule. */

typedef struct
{
  char       *key;        /* hazard key, target id, or "" for one proposal per rule */
  GArray     *matches;    /* of guint: indices into the matches */
  GHashTable *targets;    /* id → JsonObject */
} Group;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->key);
  g_array_unref (group->matches);
  g_hash_table_unref (group->targets);
  g_free (group);
}

static Group *
group_for (GHashTable *groups,
           const char *key)
{
  Group *group = g_hash_table_lookup (groups, key);

  if (group == NULL)
    {
      group = g_new0 (Group, 1);
      group->key = g_strdup (key);
      group->matches = g_array_new (FALSE, FALSE, sizeof (guint));
      group->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_object_unref);
      g_hash_table_insert (groups, group->key, group);
    }
  return group;
}

static void
group_add_match (Group *group,
                 guint  index)
{
  for (guint i = 0; i < group->matches->len; i++)
    if (g_array_index (group->matches, guint, i) == index)
      return;
  g_array_append_val (group->matches, index);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *ga = *(const Group * const *) a;
  const Group *gb = *(const Group * const *) b;

  return strcmp (ga->key, gb->key);
}

static int
compare_targets (gconstpointer a,
                 gconstpointer b)
{
  JsonObject *ta = *(JsonObject * const *) a;
  JsonObject *tb = *(JsonObject * const *) b;
  int by_name = strcmp (vg_json_member_string (ta, "name"), vg_json_member_string (tb, "name"));

  return by_name != 0 ? by_name : strcmp (vg_json_member_string (ta, "id"), vg_json_member_string (tb, "id"));
}

static char *
time_text (gint64 usec)
{
  return vg_fact_time_format (usec);
}

/* The match that speaks for the group: the most severe, then the soonest, then by key. */
static const VgTriggerMatch *
lead_match (VgRule       *self,
            GArray       *matches,
            const Group  *group)
{
  const VgTriggerMatch *lead = NULL;

  for (guint i = 0; i < group->matches->len; i++)
    {
      const VgTriggerMatch *m = &g_array_index (matches, VgTriggerMatch, g_array_index (group->matches, guint, i));
      gint64 anchor = m->anchors[self->deadline_anchor];
      gint64 lead_anchor = lead != NULL ? lead->anchors[self->deadline_anchor] : 0;

      if (lead == NULL || m->bracket > lead->bracket ||
          (m->bracket == lead->bracket && (anchor < lead_anchor ||
                                           (anchor == lead_anchor && strcmp (m->key, lead->key) < 0))))
        lead = m;
    }
  return lead;
}

static void
set_text (GHashTable *values,
          const char *name,
          char       *text)
{
  g_hash_table_insert (values, (gpointer) name, text);
}

static char *
stage_at_value (JsonObject *fact,
                const char *member,
                gboolean    want_time,
                GTimeZone  *zone,
                VgLang      lang)
{
  JsonObject *object = vg_json_member_object (fact, member);
  gint64 usec;

  if (object == NULL)
    return NULL;
  if (!want_time)
    return vg_format_number (vg_json_member_double (object, "stage", NAN), 2, lang);
  if (!vg_fact_time_parse (vg_json_member_string (object, "time"), &usec))
    return NULL;
  return vg_format_time (usec, zone, lang);
}

static char *
date_text (const char *iso_date)
{
  /* "2019-06-28" → "28/06/2019", the way the order sheets of the city write dates. */
  if (iso_date == NULL || strlen (iso_date) != 10)
    return NULL;
  return g_strdup_printf ("%.2s/%.2s/%.4s", iso_date + 8, iso_date + 5, iso_date);
}

static char *
method_text (JsonObject *fact)
{
  JsonObject *projection = vg_json_member_object (fact, "projection");

  if (projection == NULL)
    return NULL;
  return g_strdup_printf ("%s v%s", vg_json_member_string (projection, "method"),
                          vg_json_member_string (projection, "method_version"));
}

static char *
source_text (JsonObject *fact,
             GTimeZone  *zone,
             VgLang      lang)
{
  JsonObject *source = vg_json_member_object (fact, "source");
  g_autofree char *when = NULL;
  gint64 usec;

  if (!vg_fact_time_parse (vg_json_member_string (source, "time"), &usec))
    return g_strdup (vg_json_member_string (source, "name"));
  when = vg_format_time (usec, zone, lang);
  return g_strdup_printf ("%s, %s", vg_json_member_string (source, "name"), when);
}

/* The values of the placeholders, in @lang. */
static GHashTable *
placeholder_values (VgRule               *self,
                    GArray               *matches,
                    const Group          *group,
                    const VgTriggerMatch *lead,
                    GPtrArray            *targets,
                    gint64                deadline,
                    VgLang                lang)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) places = g_ptr_array_new ();
  JsonObject *fact = lead->fact;
  gint64 usec;

  for (guint i = 0; i < targets->len; i++)
    g_ptr_array_add (names, (gpointer) vg_json_member_string (g_ptr_array_index (targets, i), "name"));
  for (guint i = 0; i < group->matches->len; i++)
    {
      const char *name = g_array_index (matches, VgTriggerMatch, g_array_index (group->matches, guint, i)).name;
      gboolean seen = FALSE;

      for (guint k = 0; k < places->len && !seen; k++)
        seen = g_str_equal (g_ptr_array_index (places, k), name);
      if (!seen)
        g_ptr_array_add (places, (gpointer) name);
    }
  g_ptr_array_sort (places, compare_strings);

  set_text (values, "targets", vg_format_list (names, MAX_NAMED_TARGETS, lang));
  set_text (values, "n_targets", g_strdup_printf ("%u", targets->len));
  set_text (values, "places", vg_format_list (places, MAX_NAMED_TARGETS, lang));
  set_text (values, "deadline", vg_format_time (deadline, self->zone, lang));
  set_text (values, "method", method_text (fact));
  set_text (values, "source", source_text (fact, self->zone, lang));

  switch (lead->type)
    {
    case VG_FACT_FLOOD_GAUGE:
      set_text (values, "gauge", g_strdup (lead->key));
      set_text (values, "gauge_name", g_strdup (lead->name));
      {
        /* The first envelope selected (the lowest, reached first) and the last (the highest). */
        JsonObject *first = g_ptr_array_index (lead->envelopes, 0);
        JsonObject *last = g_ptr_array_index (lead->envelopes, lead->envelopes->len - 1);
        gint64 first_eta = 0, last_eta = 0;

        vg_fact_time_parse (vg_json_member_string (first, "eta"), &first_eta);
        vg_fact_time_parse (vg_json_member_string (last, "eta"), &last_eta);
        set_text (values, "stage", vg_format_number (vg_json_member_double (first, "stage", NAN), 2, lang));
        set_text (values, "eta", vg_format_time (first_eta, self->zone, lang));
        set_text (values, "max_stage", vg_format_number (vg_json_member_double (last, "stage", NAN), 2, lang));
        set_text (values, "max_eta", vg_format_time (last_eta, self->zone, lang));
      }
      set_text (values, "observed_stage", stage_at_value (fact, "observed", FALSE, self->zone, lang));
      set_text (values, "observed_at", stage_at_value (fact, "observed", TRUE, self->zone, lang));
      set_text (values, "peak_stage", stage_at_value (fact, "peak", FALSE, self->zone, lang));
      set_text (values, "peak_at", stage_at_value (fact, "peak", TRUE, self->zone, lang));
      break;
    case VG_FACT_HEAT_DISTRICT:
      set_text (values, "district", g_strdup (lead->name));
      set_text (values, "level", g_strdup_printf ("%" G_GINT64_FORMAT, vg_json_member_int (fact, "level", 0)));
      set_text (values, "nights", g_strdup_printf ("%" G_GINT64_FORMAT, vg_json_member_int (fact, "nights", 0)));
      set_text (values, "date", date_text (vg_json_member_string (fact, "date")));
      set_text (values, "tx", vg_format_number (vg_json_member_double (fact, "tx", NAN), 1, lang));
      set_text (values, "tn", vg_format_number (vg_json_member_double (fact, "tn", NAN), 1, lang));
      break;
    case VG_FACT_TRAFFIC_CLOSURE:
      set_text (values, "road", g_strdup (lead->name));
      if (vg_fact_time_parse (vg_json_member_string (fact, "start"), &usec))
        set_text (values, "start", vg_format_time (usec, self->zone, lang));
      break;
    case VG_N_FACT_TYPES:
    default:
      g_assert_not_reached ();
    }
  return values;
}

static JsonNode *
copy_member (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL ? vg_json_deep_copy (node) : NULL;
}

static void
set_copy (JsonObject *to,
          JsonObject *from,
          const char *name)
{
  JsonNode *node = copy_member (from, name);

  if (node != NULL)
    json_object_set_member (to, name, node);
}

/* One input of the "why": the fact with its source, projection and the values the trigger used. */
static JsonObject *
input_object (const VgTriggerMatch *match)
{
  JsonObject *input = json_object_new ();
  JsonObject *values = json_object_new ();

  json_object_set_string_member (input, "type", vg_fact_type_to_id (match->type));
  json_object_set_string_member (input, "key", match->key);
  json_object_set_string_member (input, "name", match->name);
  set_copy (input, match->fact, "source");
  set_copy (input, match->fact, "projection");
  set_copy (input, match->fact, "uncertainty");

  switch (match->type)
    {
    case VG_FACT_FLOOD_GAUGE:
      {
        JsonArray *envelopes = json_array_new ();

        set_copy (values, match->fact, "observed");
        set_copy (values, match->fact, "peak");
        for (guint i = 0; i < match->envelopes->len; i++)
          {
            JsonObject *in = g_ptr_array_index (match->envelopes, i);
            JsonObject *out = json_object_new ();

            set_copy (out, in, "stage");
            set_copy (out, in, "eta");
            set_copy (out, in, "eta_uncertainty_min");
            json_array_add_object_element (envelopes, out);
          }
        json_object_set_array_member (values, "envelopes", envelopes);
        break;
      }
    case VG_FACT_HEAT_DISTRICT:
      set_copy (values, match->fact, "date");
      set_copy (values, match->fact, "start");
      set_copy (values, match->fact, "level");
      set_copy (values, match->fact, "nights");
      set_copy (values, match->fact, "tn");
      set_copy (values, match->fact, "tx");
      break;
    case VG_FACT_TRAFFIC_CLOSURE:
      set_copy (values, match->fact, "road");
      set_copy (values, match->fact, "start");
      break;
    case VG_N_FACT_TYPES:
    default:
      g_assert_not_reached ();
    }
  json_object_set_object_member (input, "values", values);
  return input;
}

static int
compare_inputs (gconstpointer a,
                gconstpointer b)
{
  JsonObject *ia = *(JsonObject * const *) a;
  JsonObject *ib = *(JsonObject * const *) b;
  int by_key = strcmp (vg_json_member_string (ia, "key"), vg_json_member_string (ib, "key"));
  const char *da = vg_json_member_string (vg_json_member_object (ia, "values"), "date");
  const char *db = vg_json_member_string (vg_json_member_object (ib, "values"), "date");

  return by_key != 0 ? by_key : g_strcmp0 (da, db);
}

/* The uncertainty in words: the ETA spread of the selected envelopes, then what each source
 * says of itself; "not stated" rather than silence. */
static JsonObject *
uncertainty_object (GArray      *matches,
                    const Group *group)
{
  static const char * const not_stated[VG_N_LANGS] = { "non précisée par la source", "not stated by the source" };
  JsonObject *out = json_object_new ();

  for (VgLang lang = 0; lang < VG_N_LANGS; lang++)
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *joined = NULL;
      gint64 spread = -1;

      for (guint i = 0; i < group->matches->len; i++)
        {
          const VgTriggerMatch *m = &g_array_index (matches, VgTriggerMatch, g_array_index (group->matches, guint, i));
          const char *words = vg_json_member_string (vg_json_member_object (m->fact, "uncertainty"), vg_lang_to_id (lang));

          for (guint e = 0; m->envelopes != NULL && e < m->envelopes->len; e++)
            spread = MAX (spread, vg_json_member_int (g_ptr_array_index (m->envelopes, e), "eta_uncertainty_min", -1));
          if (words == NULL)
            continue;
          for (guint k = 0; k < parts->len && words != NULL; k++)
            if (g_str_equal (g_ptr_array_index (parts, k), words))
              words = NULL;
          if (words != NULL)
            g_ptr_array_add (parts, g_strdup (words));
        }
      if (spread >= 0)
        {
          g_autofree char *minutes = vg_format_minutes (spread, lang);

          g_ptr_array_insert (parts, 0, g_strdup_printf (lang == VG_LANG_FR ? "heure d’atteinte à ± %s"
                                                                             : "time reached ± %s", minutes));
        }
      if (parts->len == 0)
        g_ptr_array_add (parts, g_strdup (not_stated[lang]));
      g_ptr_array_add (parts, NULL);
      joined = g_strjoinv ("; ", (char **) parts->pdata);
      json_object_set_string_member (out, vg_lang_to_id (lang), joined);
    }
  return out;
}

static JsonObject *
texts_object (char * const *texts,
              GHashTable  **values)
{
  JsonObject *out = json_object_new ();

  for (VgLang lang = 0; lang < VG_N_LANGS; lang++)
    {
      g_autofree char *text = vg_template_expand (texts[lang], values[lang]);

      json_object_set_string_member (out, vg_lang_to_id (lang), text);
    }
  return out;
}

static JsonObject *
cap_object (VgRule *self)
{
  JsonObject *cap = json_object_new ();
  JsonObject *event = json_object_new ();

  json_object_set_string_member (cap, "sender", self->cap_sender);
  json_object_set_string_member (cap, "category", self->cap_category);
  json_object_set_string_member (cap, "urgency", self->cap_urgency);
  json_object_set_string_member (cap, "severity", self->cap_severity);
  json_object_set_string_member (cap, "certainty", self->cap_certainty);
  json_object_set_string_member (cap, "response", self->cap_response);
  json_object_set_string_member (event, "fr", self->cap_event[VG_LANG_FR]);
  json_object_set_string_member (event, "en", self->cap_event[VG_LANG_EN]);
  json_object_set_object_member (cap, "event", event);
  return cap;
}

static JsonObject *
build_candidate (VgRule      *self,
                 GArray      *matches,
                 const Group *group)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  g_autoptr(GPtrArray) inputs = g_ptr_array_new ();
  GHashTable *values[VG_N_LANGS];
  const VgTriggerMatch *lead = lead_match (self, matches, group);
  JsonObject *candidate = json_object_new ();
  JsonObject *rule = json_object_new ();
  JsonArray *target_array = json_array_new ();
  JsonArray *input_array = json_array_new ();
  g_autofree char *id = NULL;
  g_autofree char *deadline_text = NULL;
  g_autofree char *deadline_rule = NULL;
  GHashTableIter iter;
  gpointer target;
  VgAnchor anchor = self->deadline_anchor;
  gint64 anchor_time = G_MAXINT64;
  gint64 deadline;
  double bracket = -INFINITY;

  g_hash_table_iter_init (&iter, group->targets);
  while (g_hash_table_iter_next (&iter, NULL, &target))
    g_ptr_array_add (targets, target);
  g_ptr_array_sort (targets, compare_targets);

  for (guint i = 0; i < group->matches->len; i++)
    {
      const VgTriggerMatch *m = &g_array_index (matches, VgTriggerMatch, g_array_index (group->matches, guint, i));

      if (m->has_anchors & (1u << anchor))
        anchor_time = MIN (anchor_time, m->anchors[anchor]);
      bracket = MAX (bracket, m->bracket);
      g_ptr_array_add (inputs, input_object (m));
    }
  g_ptr_array_sort (inputs, compare_inputs);
  /* One proposal per flood target: its own envelope says when it is reached, not the gauge's
   * first (a care home in the 3.5 m envelope has until that one arrives). */
  if (self->one_per == VG_RULE_ONE_PER_TARGET && targets->len == 1 &&
      vg_json_member_string (g_ptr_array_index (targets, 0), "eta") != NULL)
    {
      JsonObject *only = g_ptr_array_index (targets, 0);

      if (anchor == VG_ANCHOR_ETA)
        vg_fact_time_parse (vg_json_member_string (only, "eta"), &anchor_time);
      bracket = vg_json_member_double (only, "stage", bracket);
    }
  deadline_rule = g_strdup (self->deadline_text);
  if (anchor_time == G_MAXINT64)
    {
      /* E.g. "peak - 2h" when no peak is projected: count from the facts' time, and say so. */
      anchor_time = lead->anchors[VG_ANCHOR_COMPUTED];
      g_free (deadline_rule);
      deadline_rule = g_strdup_printf ("%s (no %s in the facts: counted from computed)", self->deadline_text,
                                       vg_anchor_to_id (anchor));
    }
  deadline = anchor_time + self->deadline_offset;

  for (VgLang lang = 0; lang < VG_N_LANGS; lang++)
    {
      values[lang] = placeholder_values (self, matches, group, lead, targets, deadline, lang);
      if (lead->type == VG_FACT_FLOOD_GAUGE && self->one_per == VG_RULE_ONE_PER_TARGET && targets->len == 1 &&
          vg_json_member_string (g_ptr_array_index (targets, 0), "eta") != NULL)
        {
          gint64 eta = 0;

          vg_fact_time_parse (vg_json_member_string (g_ptr_array_index (targets, 0), "eta"), &eta);
          set_text (values[lang], "stage", vg_format_number (bracket, 2, lang));
          set_text (values[lang], "eta", vg_format_time (eta, self->zone, lang));
        }
    }

  if (self->one_per == VG_RULE_ONE_PER_RULE)
    id = g_strdup (self->id);
  else
    id = g_strconcat (self->id, "/", group->key, NULL);
  json_object_set_string_member (candidate, "proposal", id);
  json_object_set_string_member (candidate, "hazard", vg_hazard_to_id (self->hazard));
  json_object_set_string_member (rule, "id", self->id);
  json_object_set_int_member (rule, "version", self->version);
  json_object_set_string_member (rule, "playbook", self->playbook);
  json_object_set_int_member (rule, "playbook_version", self->playbook_version);
  json_object_set_string_member (rule, "trigger", vg_trigger_get_text (self->trigger));
  json_object_set_string_member (rule, "targets", self->targets_text);
  json_object_set_string_member (rule, "deadline", deadline_rule);
  json_object_set_object_member (candidate, "rule", rule);
  json_object_set_string_member (candidate, "action", vg_action_to_id (self->action));
  json_object_set_boolean_member (candidate, "touches_people", self->touches_people);
  json_object_set_int_member (candidate, "priority", self->priority);
  deadline_text = time_text (deadline);
  json_object_set_string_member (candidate, "deadline", deadline_text);
  if (self->expires_after >= 0)
    {
      g_autofree char *expires = time_text (deadline + self->expires_after);

      json_object_set_string_member (candidate, "expires", expires);
    }
  json_object_set_double_member (candidate, "bracket", isfinite (bracket) ? bracket : 0);
  json_object_set_string_member (candidate, "timezone", self->timezone);
  json_object_set_object_member (candidate, "title", texts_object (self->title, values));
  json_object_set_object_member (candidate, "rationale", texts_object (self->rationale, values));
  if (self->instruction[VG_LANG_FR] != NULL)
    json_object_set_object_member (candidate, "instruction", texts_object (self->instruction, values));
  if (self->action == VG_ACTION_PUBLIC_ALERT_DRAFT)
    json_object_set_object_member (candidate, "cap", cap_object (self));
  for (guint i = 0; i < targets->len; i++)
    json_array_add_object_element (target_array, json_object_ref (g_ptr_array_index (targets, i)));
  json_object_set_array_member (candidate, "targets", target_array);
  for (guint i = 0; i < inputs->len; i++)
    json_array_add_object_element (input_array, g_ptr_array_index (inputs, i));
  json_object_set_array_member (candidate, "inputs", input_array);
  json_object_set_object_member (candidate, "uncertainty", uncertainty_object (matches, group));

  for (VgLang lang = 0; lang < VG_N_LANGS; lang++)
    g_hash_table_unref (values[lang]);
  return candidate;
}

GPtrArray *
vg_rule_evaluate (VgRule    *self,
                  VgFactSet *facts)
{
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, group_free);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
  GPtrArray *candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (VG_IS_FACT_SET (facts), NULL);

  matches = vg_trigger_match (self->trigger, facts);
  for (guint i = 0; i < matches->len; i++)
    {
      const VgTriggerMatch *m = &g_array_index (matches, VgTriggerMatch, i);
      g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_object_unref);
      GHashTableIter targets;
      gpointer target_id, target;

      vg_target_selector_collect (self->targets, m, facts, found);
      g_hash_table_iter_init (&targets, found);
      while (g_hash_table_iter_next (&targets, &target_id, &target))
        {
          Group *group;

          switch (self->one_per)
            {
            case VG_RULE_ONE_PER_FACT:
              group = group_for (groups, m->key);
              break;
            case VG_RULE_ONE_PER_TARGET:
              group = group_for (groups, target_id);
              break;
            case VG_RULE_ONE_PER_RULE:
            default:
              group = group_for (groups, "");
              break;
            }
          group_add_match (group, i);
          if (!g_hash_table_contains (group->targets, target_id))
            g_hash_table_insert (group->targets, g_strdup (target_id), json_object_ref (target));
        }
    }

  /* A match that yields no target proposes nothing: a road closure without a road is noise. */
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (ordered, value);
  g_ptr_array_sort (ordered, compare_groups);
  for (guint i = 0; i < ordered->len; i++)
    g_ptr_array_add (candidates, build_candidate (self, matches, g_ptr_array_index (ordered, i)));
  return candidates;
}
