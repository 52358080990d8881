/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-rule"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vg-error.h"
#include "vg-rule-internal.h"

G_DEFINE_BOXED_TYPE (VgRule, vg_rule, vg_rule_ref, vg_rule_unref)

/* CAP 1.2 enumerations (OASIS CAP 1.2, section 3.2.2). */
static const char * const cap_categories[] = {
  "Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env", "Transport", "Infra", "CBRNE", "Other", NULL
};
static const char * const cap_urgencies[] = { "Immediate", "Expected", "Future", "Past", "Unknown", NULL };
static const char * const cap_severities[] = { "Extreme", "Severe", "Moderate", "Minor", "Unknown", NULL };
static const char * const cap_certainties[] = { "Observed", "Likely", "Possible", "Unlikely", "Unknown", NULL };
static const char * const cap_responses[] = {
  "Shelter", "Evacuate", "Prepare", "Execute", "Avoid", "Monitor", "Assess", "AllClear", "None", NULL
};

static const char * const rule_keys[] = {
  "version", "trigger", "action", "targets", "one_per", "priority", "deadline", "expires_after",
  "touches_people", "title[fr]", "title[en]", "rationale[fr]", "rationale[en]", "instruction[fr]",
  "instruction[en]", "cap_event[fr]", "cap_event[en]", "cap_category", "cap_urgency", "cap_severity",
  "cap_certainty", "cap_response", NULL
};

VgRule *
vg_rule_ref (VgRule *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
vg_rule_unref (VgRule *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->id);
  g_free (self->playbook);
  g_free (self->file);
  g_clear_pointer (&self->trigger, vg_trigger_free);
  g_clear_pointer (&self->targets, vg_target_selector_free);
  g_free (self->targets_text);
  g_free (self->deadline_text);
  for (guint i = 0; i < VG_N_LANGS; i++)
    {
      g_free (self->title[i]);
      g_free (self->rationale[i]);
      g_free (self->instruction[i]);
      g_free (self->cap_event[i]);
    }
  g_free (self->cap_category);
  g_free (self->cap_urgency);
  g_free (self->cap_severity);
  g_free (self->cap_certainty);
  g_free (self->cap_response);
  g_free (self->cap_sender);
  g_free (self->timezone);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_free (self);
}

typedef struct
{
  VgIni       *ini;
  guint        group;
  const char  *id;
  GError     **error;
} Loader;

static gboolean G_GNUC_PRINTF (4, 5)
fail (Loader     *l,
      const char *key,
      guint       line,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (key != NULL)
    g_set_error (l->error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_PLAYBOOK, "%s:%u: rule “%s”, key “%s”: %s",
                 vg_ini_get_path (l->ini), line, l->id, key, message);
  else
    g_set_error (l->error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_PLAYBOOK, "%s:%u: rule “%s”: %s",
                 vg_ini_get_path (l->ini), line, l->id, message);
  return FALSE;
}

/* The key's value; a missing required key is an error on the group's line. */
static const char *
need (Loader     *l,
      const char *key,
      gboolean    required,
      guint      *line,
      gboolean   *ok)
{
  const char *value = vg_ini_lookup (l->ini, l->group, key, line);

  if (value == NULL && required)
    *ok = fail (l, key, *line, _("missing"));
  else if (value != NULL && *value == '\0')
    {
      *ok = fail (l, key, *line, _("empty value"));
      value = NULL;
    }
  return value;
}

static gboolean
parse_uint (const char *text,
            guint       min,
            guint       max,
            guint      *out)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, min, max, &value, NULL))
    return FALSE;
  *out = value;
  return TRUE;
}

/* "3h", "90min", "2d" → µs. */
static gboolean
parse_span (const char *text,
            gint64     *usec)
{
  const char *unit = text;
  guint64 value;
  g_autofree char *digits = NULL;

  while (g_ascii_isdigit (*unit))
    unit++;
  if (unit == text || unit - text > 6)
    return FALSE;
  digits = g_strndup (text, unit - text);
  value = g_ascii_strtoull (digits, NULL, 10);
  if (g_str_equal (unit, "h"))
    *usec = value * G_TIME_SPAN_HOUR;
  else if (g_str_equal (unit, "min"))
    *usec = value * G_TIME_SPAN_MINUTE;
  else if (g_str_equal (unit, "d"))
    *usec = value * G_TIME_SPAN_DAY;
  else
    return FALSE;
  return TRUE;
}

/* "eta - 1h", "start - 12h", "computed + 30min", "peak". */
static gboolean
parse_deadline (Loader     *l,
                VgRule     *self,
                const char *text,
                guint       line)
{
  g_auto(GStrv) tokens = g_strsplit_set (text, " \t", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  gint64 span = 0;

  for (guint i = 0; tokens[i] != NULL; i++)
    if (*tokens[i] != '\0')
      g_ptr_array_add (kept, tokens[i]);
  if (kept->len == 0 || !vg_anchor_from_id (g_ptr_array_index (kept, 0), vg_trigger_get_fact_type (self->trigger),
                                            &self->deadline_anchor))
    return fail (l, "deadline", line, _("“%s” does not start with a time of %s facts (%s)"), text,
                 vg_fact_type_to_id (vg_trigger_get_fact_type (self->trigger)),
                 vg_trigger_get_fact_type (self->trigger) == VG_FACT_FLOOD_GAUGE ? "eta, peak, computed" : "start, computed");
  if (kept->len == 1)
    return TRUE;
  if (kept->len != 3 || (!g_str_equal (g_ptr_array_index (kept, 1), "-") && !g_str_equal (g_ptr_array_index (kept, 1), "+")) ||
      !parse_span (g_ptr_array_index (kept, 2), &span))
    return fail (l, "deadline", line, _("“%s” is not ANCHOR, ANCHOR - DURATION or ANCHOR + DURATION (eta - 1h)"), text);
  self->deadline_offset = g_str_equal (g_ptr_array_index (kept, 1), "-") ? -span : span;
  return TRUE;
}

static gboolean
check_template (Loader     *l,
                VgRule     *self,
                const char *key,
                const char *text,
                guint       line)
{
  g_autofree char *message = NULL;

  if (!vg_template_check (text, vg_trigger_get_placeholders (vg_trigger_get_fact_type (self->trigger)), &message))
    return fail (l, key, line, "%s", message);
  return TRUE;
}

/* name[fr] and name[en], both required (French first, English too) or, if optional, both absent. */
static gboolean
load_texts (Loader     *l,
            VgRule     *self,
            const char *name,
            gboolean    required,
            gboolean    is_template,
            char      **out)
{
  gboolean ok = TRUE;

  for (VgLang lang = 0; lang < VG_N_LANGS && ok; lang++)
    {
      g_autofree char *key = g_strdup_printf ("%s[%s]", name, vg_lang_to_id (lang));
      guint line;
      const char *value = need (l, key, required, &line, &ok);

      if (value != NULL && is_template)
        ok = check_template (l, self, key, value, line);
      out[lang] = g_strdup (value);
    }
  if (ok && (out[VG_LANG_FR] == NULL) != (out[VG_LANG_EN] == NULL))
    {
      guint line = vg_ini_get_group_line (l->ini, l->group);

      return fail (l, NULL, line, _("“%s” needs both %s[fr] and %s[en]"), name, name, name);
    }
  return ok;
}

static gboolean
load_choice (Loader             *l,
             const char         *key,
             const char * const *choices,
             char              **out)
{
  gboolean ok = TRUE;
  guint line;
  const char *value = need (l, key, TRUE, &line, &ok);

  if (!ok)
    return FALSE;
  if (!g_strv_contains (choices, value))
    {
      g_autofree char *list = g_strjoinv (", ", (char **) choices);

      return fail (l, key, line, _("“%s” is not one of %s"), value, list);
    }
  *out = g_strdup (value);
  return TRUE;
}

static gboolean
load_cap (Loader              *l,
          VgRule              *self,
          const VgRuleContext *context)
{
  guint line = vg_ini_get_group_line (l->ini, l->group);
  gboolean is_alert = self->action == VG_ACTION_PUBLIC_ALERT_DRAFT;

  if (!is_alert)
    {
      /* CAP keys on another action would be silently ignored: refuse them instead. */
      static const char * const cap_keys[] = {
        "cap_event[fr]", "cap_event[en]", "cap_category", "cap_urgency", "cap_severity", "cap_certainty", "cap_response", NULL
      };

      for (guint i = 0; cap_keys[i] != NULL; i++)
        if (vg_ini_lookup (l->ini, l->group, cap_keys[i], &line) != NULL)
          return fail (l, cap_keys[i], line, _("only a public-alert-draft rule takes CAP keys"));
      return TRUE;
    }
  if (context->cap_sender == NULL)
    return fail (l, NULL, line, _("a public-alert-draft rule needs “cap_sender” in the [playbook] group"));
  self->cap_sender = g_strdup (context->cap_sender);
  return load_texts (l, self, "cap_event", TRUE, FALSE, self->cap_event) &&
         load_texts (l, self, "instruction", TRUE, TRUE, self->instruction) &&
         load_choice (l, "cap_category", cap_categories, &self->cap_category) &&
         load_choice (l, "cap_urgency", cap_urgencies, &self->cap_urgency) &&
         load_choice (l, "cap_severity", cap_severities, &self->cap_severity) &&
         load_choice (l, "cap_certainty", cap_certainties, &self->cap_certainty) &&
         load_choice (l, "cap_response", cap_responses, &self->cap_response);
}

static gboolean
is_valid_id (const char *id)
{
  if (*id == '\0' || *id == '-')
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

VgRule *
vg_rule_new_from_ini (VgIni               *ini,
                      guint                group,
                      const char          *id,
                      VgHazard             hazard,
                      const VgRuleContext *context,
                      GError             **error)
{
  g_autoptr(VgRule) self = g_new0 (VgRule, 1);
  g_autofree char *message = NULL;
  Loader l = { ini, group, id, error };
  const char *value;
  gboolean ok = TRUE;
  guint line = vg_ini_get_group_line (ini, group);

  g_atomic_ref_count_init (&self->ref_count);
  self->id = g_strdup (id);
  self->hazard = hazard;
  self->playbook = g_strdup (context->playbook);
  self->playbook_version = context->playbook_version;
  self->file = g_strdup (vg_ini_get_path (ini));
  self->line = line;
  self->timezone = g_strdup (context->timezone);
  self->zone = g_time_zone_new_identifier (context->timezone);
  self->expires_after = -1;
  g_return_val_if_fail (self->zone != NULL, NULL);

  if (!is_valid_id (id))
    {
      fail (&l, NULL, line, _("a rule id is lower-case letters, digits and dashes"));
      return NULL;
    }
  for (guint k = 0; k < vg_ini_get_n_keys (ini, group); k++)
    {
      const char *key = vg_ini_get_key (ini, group, k, &line);

      if (!g_strv_contains (rule_keys, key))
        {
          fail (&l, key, line, _("unknown key (see data/playbooks/README.md)"));
          return NULL;
        }
    }

  if ((value = need (&l, "version", TRUE, &line, &ok)) == NULL)
    return NULL;
  if (!parse_uint (value, 1, 1000000, &self->version))
    {
      fail (&l, "version", line, _("“%s” is not a version number (1, 2…)"), value);
      return NULL;
    }

  if ((value = need (&l, "trigger", TRUE, &line, &ok)) == NULL)
    return NULL;
  if ((self->trigger = vg_trigger_parse (value, hazard, &message)) == NULL)
    {
      fail (&l, "trigger", line, "%s", message);
      return NULL;
    }

  if ((value = need (&l, "action", TRUE, &line, &ok)) == NULL)
    return NULL;
  if (!vg_action_from_id (value, &self->action))
    {
      fail (&l, "action", line, _("unknown action “%s” (road-closure, evacuation, open-cooling-centre, open-shelter, "
                                  "preposition-pumps, preposition-barriers, welfare-check-task, public-alert-draft, "
                                  "traffic-diversion)"), value);
      return NULL;
    }

  if ((value = need (&l, "targets", TRUE, &line, &ok)) == NULL)
    return NULL;
  if ((self->targets = vg_target_selector_parse (value, vg_trigger_get_fact_type (self->trigger), &message)) == NULL)
    {
      fail (&l, "targets", line, "%s", message);
      return NULL;
    }
  self->targets_text = g_strdup (value);

  value = need (&l, "one_per", FALSE, &line, &ok);
  if (!ok)
    return NULL;
  if (value == NULL || g_str_equal (value, "fact"))
    self->one_per = VG_RULE_ONE_PER_FACT;
  else if (g_str_equal (value, "target"))
    self->one_per = VG_RULE_ONE_PER_TARGET;
  else if (g_str_equal (value, "rule"))
    self->one_per = VG_RULE_ONE_PER_RULE;
  else
    {
      fail (&l, "one_per", line, _("“%s” is not fact, target or rule"), value);
      return NULL;
    }

  if ((value = need (&l, "priority", TRUE, &line, &ok)) == NULL)
    return NULL;
  if (!parse_uint (value, 1, 5, &self->priority))
    {
      fail (&l, "priority", line, _("“%s” is not a priority from 1 (most urgent) to 5"), value);
      return NULL;
    }

  if ((value = need (&l, "deadline", TRUE, &line, &ok)) == NULL || !parse_deadline (&l, self, value, line))
    return NULL;
  self->deadline_text = g_strdup (value);

  value = need (&l, "expires_after", FALSE, &line, &ok);
  if (!ok)
    return NULL;
  if (value != NULL && !parse_span (value, &self->expires_after))
    {
      fail (&l, "expires_after", line, _("“%s” is not a duration such as 1h, 90min or 2d"), value);
      return NULL;
    }

  self->touches_people = vg_action_touches_people (self->action);
  value = need (&l, "touches_people", FALSE, &line, &ok);
  if (!ok)
    return NULL;
  if (value != NULL && !g_str_equal (value, "true") && !g_str_equal (value, "false"))
    {
      fail (&l, "touches_people", line, _("“%s” is not true or false"), value);
      return NULL;
    }
  if (value != NULL && g_str_equal (value, "false") && self->touches_people)
    {
      /* The charter, not the playbook, decides this: no automated decision affecting people. */
      fail (&l, "touches_people", line, _("a %s always touches people"), vg_action_to_id (self->action));
      return NULL;
    }
  if (value != NULL && g_str_equal (value, "true"))
    self->touches_people = TRUE;

  if (!load_texts (&l, self, "title", TRUE, TRUE, self->title) ||
      !load_texts (&l, self, "rationale", TRUE, TRUE, self->rationale) ||
      (self->action != VG_ACTION_PUBLIC_ALERT_DRAFT && !load_texts (&l, self, "instruction", FALSE, TRUE, self->instruction)) ||
      !load_cap (&l, self, context))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
vg_rule_get_id (VgRule *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->id;
}

guint
vg_rule_get_version (VgRule *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->version;
}

VgHazard
vg_rule_get_hazard (VgRule *self)
{
  g_return_val_if_fail (self != NULL, VG_N_HAZARDS);

  return self->hazard;
}

VgAction
vg_rule_get_action (VgRule *self)
{
  g_return_val_if_fail (self != NULL, VG_N_ACTIONS);

  return self->action;
}

gboolean
vg_rule_touches_people (VgRule *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->touches_people;
}

guint
vg_rule_get_priority (VgRule *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->priority;
}

VgRuleOnePer
vg_rule_get_one_per (VgRule *self)
{
  g_return_val_if_fail (self != NULL, VG_RULE_ONE_PER_FACT);

  return self->one_per;
}

const char *
vg_rule_get_title (VgRule     *self,
                   const char *lang)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title[g_strcmp0 (lang, "en") == 0 ? VG_LANG_EN : VG_LANG_FR];
}

const char *
vg_rule_get_trigger_text (VgRule *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return vg_trigger_get_text (self->trigger);
}

const char *
vg_rule_get_file (VgRule *self,
                  guint  *line)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (line != NULL)
    *line = self->line;
  return self->file;
}
