/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-warning-history"

#include "config.h"

#include <string.h>

#include "vg-warning-history.h"

struct _VgWarningHistory
{
  GObject     parent_instance;

  GHashTable *groups;        /* key → GPtrArray of VgWarning, by sent */
  GHashTable *by_message;    /* "sender,identifier" → GPtrArray of group keys (strings in groups) */
  GHashTable *seen;          /* "sender,identifier|area key" of versions already added */
};

G_DEFINE_FINAL_TYPE (VgWarningHistory, vg_warning_history, G_TYPE_OBJECT)

static void
vg_warning_history_finalize (GObject *object)
{
  VgWarningHistory *self = VG_WARNING_HISTORY (object);

  g_clear_pointer (&self->by_message, g_hash_table_unref);
  g_clear_pointer (&self->groups, g_hash_table_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);

  G_OBJECT_CLASS (vg_warning_history_parent_class)->finalize (object);
}

static void
vg_warning_history_class_init (VgWarningHistoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_warning_history_finalize;
}

static void
vg_warning_history_init (VgWarningHistory *self)
{
  self->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->by_message = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

VgWarningHistory *
vg_warning_history_new (void)
{
  return g_object_new (VG_TYPE_WARNING_HISTORY, NULL);
}

static const char *
area_key (VgWarning *warning)
{
  VgCapArea *area = vg_warning_get_area (warning);

  return area != NULL ? vg_cap_area_get_key (area) : NULL;
}

/* The area part of a group key "sender|type|area|day". */
static gboolean
key_has_area (const char *key,
              const char *area)
{
  g_auto(GStrv) parts = g_strsplit (key, "|", 4);

  return g_strv_length (parts) == 4 && g_str_equal (parts[2], area);
}

static gint
compare_sent (gconstpointer a,
              gconstpointer b)
{
  gint64 sa = vg_warning_get_sent (*(VgWarning **) a);
  gint64 sb = vg_warning_get_sent (*(VgWarning **) b);

  return sa < sb ? -1 : sa > sb;
}

static void
join (VgWarningHistory *self,
      const char       *key,
      VgWarning        *warning,
      GPtrArray        *joined)
{
  GPtrArray *versions;
  char *stored_key;

  if (!g_hash_table_lookup_extended (self->groups, key, (gpointer *) &stored_key, (gpointer *) &versions))
    {
      stored_key = g_strdup (key);
      versions = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (self->groups, stored_key, versions);
    }
  for (guint i = 0; i < joined->len; i++)
    if (g_str_equal (joined->pdata[i], stored_key))
      return;
  g_ptr_array_add (versions, g_object_ref (warning));
  /* Stable: versions sent at the same second keep their arrival order. */
  g_ptr_array_sort (versions, compare_sent);
  g_ptr_array_add (joined, stored_key);
}

gboolean
vg_warning_history_add (VgWarningHistory *self,
                        VgWarning        *warning)
{
  const char * const *references;
  const char *area;
  g_autofree char *message = NULL;
  g_autofree char *seen_key = NULL;
  g_autoptr(GPtrArray) joined = g_ptr_array_new ();
  GPtrArray *message_groups;

  g_return_val_if_fail (VG_IS_WARNING_HISTORY (self), FALSE);
  g_return_val_if_fail (VG_IS_WARNING (warning), FALSE);

  area = area_key (warning);
  message = g_strdup_printf ("%s,%s", vg_warning_get_sender (warning), vg_warning_get_identifier (warning));
  seen_key = g_strdup_printf ("%s|%s", message, area ? area : "");
  if (g_hash_table_contains (self->seen, seen_key))
    return FALSE;
  g_hash_table_add (self->seen, g_steal_pointer (&seen_key));

  /* Groups of the versions this one references: for an area, the group of the same area; for
   * an info-less message, all of them. */
  references = vg_warning_get_references (warning);
  for (guint i = 0; references[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (references[i], ",", 3);
      g_autofree char *referenced = g_strdup_printf ("%s,%s", parts[0], parts[1] ? parts[1] : "");
      GPtrArray *keys = g_hash_table_lookup (self->by_message, referenced);

      for (guint k = 0; keys != NULL && k < keys->len; k++)
        if (area == NULL || key_has_area (keys->pdata[k], area))
          join (self, keys->pdata[k], warning, joined);
    }
  if (joined->len == 0)
    join (self, vg_warning_get_key (warning), warning, joined);

  message_groups = g_hash_table_lookup (self->by_message, message);
  if (message_groups == NULL)
    {
      message_groups = g_ptr_array_new ();
      g_hash_table_insert (self->by_message, g_strdup (message), message_groups);
    }
  for (guint i = 0; i < joined->len; i++)
    if (!g_ptr_array_find_with_equal_func (message_groups, joined->pdata[i], g_str_equal, NULL))
      g_ptr_array_add (message_groups, joined->pdata[i]);
  return TRUE;
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

GPtrArray *
vg_warning_history_dup_keys (VgWarningHistory *self)
{
  GPtrArray *keys;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (VG_IS_WARNING_HISTORY (self), NULL);

  keys = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->groups);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

GPtrArray *
vg_warning_history_get_versions (VgWarningHistory *self,
                                 const char       *key)
{
  g_return_val_if_fail (VG_IS_WARNING_HISTORY (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->groups, key);
}

VgWarning *
vg_warning_history_get_current (VgWarningHistory *self,
                                const char       *key)
{
  GPtrArray *versions;

  g_return_val_if_fail (VG_IS_WARNING_HISTORY (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  versions = g_hash_table_lookup (self->groups, key);
  for (guint i = versions != NULL ? versions->len : 0; i > 0; i--)
    {
      VgWarning *warning = versions->pdata[i - 1];
      const char *msg_type = vg_warning_get_msg_type (warning);

      /* Tests, exercises and drafts never change what is in force; nor do acknowledgements. */
      if (g_str_equal (vg_warning_get_status (warning), "Actual") &&
          !g_str_equal (msg_type, "Ack") && !g_str_equal (msg_type, "Error"))
        return warning;
    }
  return NULL;
}

gboolean
vg_warning_history_is_active (VgWarningHistory *self,
                              const char       *key,
                              gint64            at)
{
  VgWarning *current;
  gint64 start, expires;

  g_return_val_if_fail (VG_IS_WARNING_HISTORY (self), FALSE);

  current = vg_warning_history_get_current (self, key);
  if (current == NULL || g_str_equal (vg_warning_get_msg_type (current), "Cancel"))
    return FALSE;
  if (vg_warning_get_awareness_level (current) == VG_AWARENESS_GREEN)
    return FALSE;
  start = vg_warning_get_onset (current);
  if (start == VG_FEED_TIME_UNKNOWN)
    start = vg_warning_get_effective (current);
  if (start == VG_FEED_TIME_UNKNOWN)
    start = vg_warning_get_sent (current);
  expires = vg_warning_get_expires (current);
  return at >= start && (expires == VG_FEED_TIME_UNKNOWN || at < expires);
}
