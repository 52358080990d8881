/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-timeline-filter"

#include "config.h"

#include <string.h>

#include "vg-export-private.h"
#include "vg-json-limits.h"
#include "vg-timeline-filter.h"

struct _VgTimelineFilter
{
  guint    groups;
  guint64  kinds;
  char    *source;
  char    *author;
  char    *text;
  char    *folded_text;   /* text, case-folded once rather than per entry */
  gint64   since;
  gint64   until;
};

G_DEFINE_BOXED_TYPE (VgTimelineFilter, vg_timeline_filter, vg_timeline_filter_copy, vg_timeline_filter_free)

VgTimelineFilter *
vg_timeline_filter_new (void)
{
  VgTimelineFilter *self = g_new0 (VgTimelineFilter, 1);

  self->groups = VG_TIMELINE_ALL_GROUPS;
  self->since = G_MININT64;
  self->until = G_MAXINT64;
  return self;
}

VgTimelineFilter *
vg_timeline_filter_copy (const VgTimelineFilter *self)
{
  VgTimelineFilter *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->source = g_strdup (self->source);
  copy->author = g_strdup (self->author);
  copy->text = g_strdup (self->text);
  copy->folded_text = g_strdup (self->folded_text);
  return copy;
}

void
vg_timeline_filter_free (VgTimelineFilter *self)
{
  if (self == NULL)
    return;
  g_free (self->source);
  g_free (self->author);
  g_free (self->text);
  g_free (self->folded_text);
  g_free (self);
}

gboolean
vg_timeline_filter_equal (const VgTimelineFilter *a,
                          const VgTimelineFilter *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->groups == b->groups && a->kinds == b->kinds && a->since == b->since && a->until == b->until &&
         g_strcmp0 (a->source, b->source) == 0 && g_strcmp0 (a->author, b->author) == 0 &&
         g_strcmp0 (a->text, b->text) == 0;
}

void
vg_timeline_filter_set_groups (VgTimelineFilter *self,
                               guint             groups)
{
  g_return_if_fail (self != NULL);

  groups &= VG_TIMELINE_ALL_GROUPS;
  self->groups = groups != 0 ? groups : VG_TIMELINE_ALL_GROUPS;
}

guint
vg_timeline_filter_get_groups (const VgTimelineFilter *self)
{
  g_return_val_if_fail (self != NULL, VG_TIMELINE_ALL_GROUPS);

  return self->groups;
}

void
vg_timeline_filter_set_kinds (VgTimelineFilter *self,
                              guint64           kinds)
{
  g_return_if_fail (self != NULL);

  self->kinds = kinds & (VG_JOURNAL_KIND_MASK (VG_N_JOURNAL_KINDS) - 1);
}

guint64
vg_timeline_filter_get_kinds (const VgTimelineFilter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->kinds;
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

void
vg_timeline_filter_set_source (VgTimelineFilter *self,
                               const char       *source)
{
  g_return_if_fail (self != NULL);

  set_string (&self->source, source);
}

const char *
vg_timeline_filter_get_source (const VgTimelineFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->source;
}

void
vg_timeline_filter_set_author (VgTimelineFilter *self,
                               const char       *author)
{
  g_return_if_fail (self != NULL);

  set_string (&self->author, author);
}

const char *
vg_timeline_filter_get_author (const VgTimelineFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->author;
}

void
vg_timeline_filter_set_text (VgTimelineFilter *self,
                             const char       *text)
{
  g_return_if_fail (self != NULL);

  set_string (&self->text, text);
  g_clear_pointer (&self->folded_text, g_free);
  if (self->text != NULL)
    self->folded_text = g_utf8_casefold (self->text, -1);
}

const char *
vg_timeline_filter_get_text (const VgTimelineFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

void
vg_timeline_filter_set_period (VgTimelineFilter *self,
                               gint64            since,
                               gint64            until)
{
  g_return_if_fail (self != NULL);

  self->since = since;
  self->until = until;
}

void
vg_timeline_filter_get_period (const VgTimelineFilter *self,
                               gint64                 *since,
                               gint64                 *until)
{
  g_return_if_fail (self != NULL);

  if (since != NULL)
    *since = self->since;
  if (until != NULL)
    *until = self->until;
}

gboolean
vg_timeline_filter_is_empty (const VgTimelineFilter *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->groups == VG_TIMELINE_ALL_GROUPS && self->kinds == 0 && self->source == NULL &&
         self->author == NULL && self->text == NULL && self->since == G_MININT64 && self->until == G_MAXINT64;
}

static gboolean
folded_contains (const char *haystack,
                 const char *folded_needle)
{
  g_autofree char *folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, folded_needle) != NULL;
}

/* TRUE if a string anywhere in @node contains the needle: payload values, not member names,
 * which would make "sensor" find every observation. */
static gboolean
node_contains (JsonNode   *node,
               const char *folded_needle)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, NULL, &member))
          if (node_contains (member, folded_needle))
            return TRUE;
        return FALSE;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          if (node_contains (json_array_get_element (array, i), folded_needle))
            return TRUE;
        return FALSE;
      }
    case JSON_NODE_VALUE:
      return json_node_get_value_type (node) == G_TYPE_STRING &&
             folded_contains (json_node_get_string (node), folded_needle);
    case JSON_NODE_NULL:
    default:
      return FALSE;
    }
}

static gboolean
entry_contains (VgJournalEntry *entry,
                const char     *folded_needle)
{
  g_autoptr(JsonNode) payload = NULL;
  const char *text;

  if (folded_contains (vg_journal_entry_get_source (entry), folded_needle) ||
      folded_contains (vg_journal_entry_get_author (entry), folded_needle))
    return TRUE;
  /* Cheap rejection first: a folded needle cannot be in values the whole text lacks. */
  if (!folded_contains (vg_journal_entry_get_payload_text (entry), folded_needle))
    return FALSE;
  /* Parsed here and dropped (the timeline holds every entry: no tree kept per entry), after
   * the bound on nesting (vg-json-limits.h). */
  text = vg_journal_entry_get_payload_text (entry);
  if (!vg_json_nesting_within (text, strlen (text), VG_JSON_MAX_PAYLOAD_DEPTH))
    return FALSE;
  payload = json_from_string (text, NULL);
  return payload != NULL && node_contains (payload, folded_needle);
}

gboolean
vg_timeline_filter_matches (const VgTimelineFilter *self,
                            VgJournalEntry         *entry)
{
  VgJournalKind kind;
  gint64 time;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  kind = vg_journal_entry_get_kind (entry);
  time = vg_journal_entry_get_time (entry);
  if (self->kinds != 0 && (kind >= VG_N_JOURNAL_KINDS || !(self->kinds & VG_JOURNAL_KIND_MASK (kind))))
    return FALSE;
  if (self->groups != VG_TIMELINE_ALL_GROUPS &&
      !(self->groups & VG_TIMELINE_GROUP_MASK (vg_timeline_group_of_entry (entry))))
    return FALSE;
  if (time < self->since || time > self->until)
    return FALSE;
  if (self->source != NULL && !g_str_equal (self->source, vg_journal_entry_get_source (entry)))
    return FALSE;
  if (self->author != NULL && !g_str_equal (self->author, vg_journal_entry_get_author (entry)))
    return FALSE;
  return self->folded_text == NULL || entry_contains (entry, self->folded_text);
}

void
vg_timeline_filter_to_journal_filter (const VgTimelineFilter *self,
                                      VgJournalFilter        *filter)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (filter != NULL);

  vg_journal_filter_init (filter);
  filter->kinds = self->kinds;
  if (self->groups != VG_TIMELINE_ALL_GROUPS)
    {
      guint64 group_kinds = vg_timeline_group_get_kinds (self->groups);

      filter->kinds = filter->kinds != 0 ? filter->kinds & group_kinds : group_kinds;
      /* Both set and disjoint: a mask of 0 would mean "any", so keep one that matches none. */
      if (filter->kinds == 0)
        filter->kinds = VG_JOURNAL_KIND_MASK (VG_N_JOURNAL_KINDS);
    }
  filter->since = self->since;
  filter->source = self->source;
  filter->author = self->author;
}

JsonNode *
vg_timeline_filter_to_json (const VgTimelineFilter *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  if (self->groups != VG_TIMELINE_ALL_GROUPS)
    {
      json_builder_set_member_name (builder, "groups");
      json_builder_begin_array (builder);
      for (VgTimelineGroup group = 0; group < VG_N_TIMELINE_GROUPS; group++)
        if (self->groups & VG_TIMELINE_GROUP_MASK (group))
          json_builder_add_string_value (builder, vg_timeline_group_to_id (group));
      json_builder_end_array (builder);
    }
  if (self->kinds != 0)
    {
      json_builder_set_member_name (builder, "kinds");
      json_builder_begin_array (builder);
      for (VgJournalKind kind = 0; kind < VG_N_JOURNAL_KINDS; kind++)
        if (self->kinds & VG_JOURNAL_KIND_MASK (kind))
          json_builder_add_string_value (builder, vg_journal_kind_to_id (kind));
      json_builder_end_array (builder);
    }
  if (self->source != NULL)
    {
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, self->source);
    }
  if (self->author != NULL)
    {
      json_builder_set_member_name (builder, "author");
      json_builder_add_string_value (builder, self->author);
    }
  if (self->text != NULL)
    {
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, self->text);
    }
  if (self->since != G_MININT64)
    {
      g_autofree char *since = vg_export_format_time (self->since);

      json_builder_set_member_name (builder, "since");
      json_builder_add_string_value (builder, since);
    }
  if (self->until != G_MAXINT64)
    {
      g_autofree char *until = vg_export_format_time (self->until);

      json_builder_set_member_name (builder, "until");
      json_builder_add_string_value (builder, until);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

char *
vg_timeline_filter_describe (const VgTimelineFilter *self)
{
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  g_return_val_if_fail (self != NULL, NULL);

  json = vg_timeline_filter_to_json (self);
  json_object_iter_init_ordered (&iter, json_node_get_object (json));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      g_string_append_printf (text, "%s%s=", text->len > 0 ? "; " : "", name);
      if (JSON_NODE_HOLDS_ARRAY (member))
        {
          JsonArray *array = json_node_get_array (member);

          for (guint i = 0; i < json_array_get_length (array); i++)
            g_string_append_printf (text, "%s%s", i > 0 ? "," : "", json_array_get_string_element (array, i));
        }
      else
        g_string_append (text, json_node_get_string (member));
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : g_strdup ("none");
}
