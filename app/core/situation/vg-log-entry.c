/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-log-entry"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "vg-log-entry.h"

struct _VgLogEntry
{
  GObject  parent_instance;

  guint64  seq;
  gint64   time;
  char    *author;
  char    *text;
  GStrv    features;
  char    *folded;    /* text, author and features case-folded, for search */
};

G_DEFINE_FINAL_TYPE (VgLogEntry, vg_log_entry, G_TYPE_OBJECT)

static void
vg_log_entry_finalize (GObject *object)
{
  VgLogEntry *self = VG_LOG_ENTRY (object);

  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->features, g_strfreev);
  g_clear_pointer (&self->folded, g_free);

  G_OBJECT_CLASS (vg_log_entry_parent_class)->finalize (object);
}

static void
vg_log_entry_class_init (VgLogEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_log_entry_finalize;
}

static void
vg_log_entry_init (VgLogEntry *self)
{
}

/* A decision as a line of the log: "Decision: reject — flood-close-roads/Y3204 v2 (validator) —
 * reason". */
static char *
describe_decision (VgJournalEntry *entry)
{
  g_autofree char *verdict = vg_journal_entry_dup_string (entry, "verdict");
  g_autofree char *proposal = vg_journal_entry_dup_string (entry, "proposal");
  g_autofree char *role = vg_journal_entry_dup_string (entry, "role");
  g_autofree char *reason = vg_journal_entry_dup_string (entry, "reason");
  JsonNode *payload = vg_journal_entry_get_payload (entry);
  gint64 version = 0;

  if (payload != NULL && JSON_NODE_HOLDS_OBJECT (payload))
    version = json_object_get_int_member_with_default (json_node_get_object (payload), "version", 0);
  /* Translators: a decision in the operator log: verdict id, proposal id, version, role. */
  return g_strdup_printf (_("Decision: %s — %s v%" PRId64 " (%s)%s%s"),
                          verdict ? verdict : "?", proposal ? proposal : "?", version, role ? role : "?",
                          reason != NULL ? " — " : "", reason != NULL ? reason : "");
}

VgLogEntry *
vg_log_entry_new (VgJournalEntry *entry)
{
  g_autoptr(GStrvBuilder) features = g_strv_builder_new ();
  g_autoptr(GString) all = g_string_new (NULL);
  JsonNode *payload;
  JsonObject *object;
  VgLogEntry *self;

  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (VG_TYPE_LOG_ENTRY, NULL);
  self->seq = vg_journal_entry_get_seq (entry);
  self->time = vg_journal_entry_get_time (entry);
  self->author = g_strdup (vg_journal_entry_get_author (entry));
  if (vg_journal_entry_get_kind (entry) == VG_JOURNAL_KIND_DECISION)
    self->text = describe_decision (entry);
  else
    self->text = vg_journal_entry_dup_string (entry, "text");
  if (self->text == NULL)
    self->text = g_strdup ("");

  payload = vg_journal_entry_get_payload (entry);
  object = payload && JSON_NODE_HOLDS_OBJECT (payload) ? json_node_get_object (payload) : NULL;
  if (object != NULL && json_object_has_member (object, "features") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "features")))
    {
      JsonArray *array = json_object_get_array_member (object, "features");

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *id = json_node_get_string (json_array_get_element (array, i));

          if (id != NULL)
            {
              g_strv_builder_add (features, id);
              g_string_append_printf (all, "\n%s", id);
            }
        }
    }
  self->features = g_strv_builder_end (features);
  g_string_append_printf (all, "\n%s\n%s", self->text, self->author ? self->author : "");
  self->folded = g_utf8_casefold (all->str, -1);
  return self;
}

guint64
vg_log_entry_get_seq (VgLogEntry *self)
{
  g_return_val_if_fail (VG_IS_LOG_ENTRY (self), 0);

  return self->seq;
}

gint64
vg_log_entry_get_time (VgLogEntry *self)
{
  g_return_val_if_fail (VG_IS_LOG_ENTRY (self), 0);

  return self->time;
}

const char *
vg_log_entry_get_author (VgLogEntry *self)
{
  g_return_val_if_fail (VG_IS_LOG_ENTRY (self), NULL);

  return self->author;
}

const char *
vg_log_entry_get_text (VgLogEntry *self)
{
  g_return_val_if_fail (VG_IS_LOG_ENTRY (self), NULL);

  return self->text;
}

const char * const *
vg_log_entry_get_features (VgLogEntry *self)
{
  g_return_val_if_fail (VG_IS_LOG_ENTRY (self), NULL);

  return (const char * const *) self->features;
}

gboolean
vg_log_entry_matches (VgLogEntry *self,
                      const char *needle)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (VG_IS_LOG_ENTRY (self), FALSE);

  if (needle == NULL || *needle == '\0')
    return TRUE;
  folded = g_utf8_casefold (needle, -1);
  return strstr (self->folded, folded) != NULL;
}
