/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-playbook"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vg-data-dir.h"
#include "vg-error.h"
#include "vg-ini-private.h"
#include "vg-playbook.h"
#include "vg-rule-private.h"

#define SUFFIX ".playbook"

struct _VgPlaybook
{
  GObject    parent_instance;

  char      *path;
  char      *id;
  VgHazard   hazard;
  guint      version;
  char      *title_fr;
  char      *title_en;
  GPtrArray *rules;   /* of VgRule */
};

G_DEFINE_FINAL_TYPE (VgPlaybook, vg_playbook, G_TYPE_OBJECT)

static void
vg_playbook_finalize (GObject *object)
{
  VgPlaybook *self = VG_PLAYBOOK (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title_fr, g_free);
  g_clear_pointer (&self->title_en, g_free);
  g_clear_pointer (&self->rules, g_ptr_array_unref);

  G_OBJECT_CLASS (vg_playbook_parent_class)->finalize (object);
}

static void
vg_playbook_class_init (VgPlaybookClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_playbook_finalize;
}

static void
vg_playbook_init (VgPlaybook *self)
{
  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_rule_unref);
}

static gboolean G_GNUC_PRINTF (4, 5)
fail (GError     **error,
      VgIni       *ini,
      guint        line,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_PLAYBOOK, "%s:%u: %s", vg_ini_get_path (ini), line, message);
  return FALSE;
}

static const char *
header_value (VgIni       *ini,
              guint        group,
              const char  *key,
              gboolean     required,
              guint       *line,
              GError     **error)
{
  const char *value = vg_ini_lookup (ini, group, key, line);

  if ((value == NULL || *value == '\0') && required)
    fail (error, ini, *line, _("[playbook], key “%s”: missing"), key);
  return value != NULL && *value != '\0' ? value : NULL;
}

/* The [playbook] group: what the file is about, and what its rules share. */
static gboolean
load_header (VgPlaybook     *self,
             VgIni          *ini,
             guint           group,
             VgRuleContext  *context,
             GError        **error)
{
  static const char * const keys[] = {
    "hazard", "version", "title[fr]", "title[en]", "timezone", "cap_sender", NULL
  };
  g_autoptr(GTimeZone) zone = NULL;
  const char *value;
  guint64 version;
  guint line;

  for (guint k = 0; k < vg_ini_get_n_keys (ini, group); k++)
    {
      const char *key = vg_ini_get_key (ini, group, k, &line);

      if (!g_strv_contains (keys, key))
        return fail (error, ini, line, _("[playbook], key “%s”: unknown key (see data/playbooks/README.md)"), key);
    }
  if ((value = header_value (ini, group, "hazard", TRUE, &line, error)) == NULL)
    return FALSE;
  if (!vg_hazard_from_id (value, &self->hazard))
    return fail (error, ini, line, _("[playbook], key “hazard”: “%s” is not flood, heat or traffic"), value);
  if ((value = header_value (ini, group, "version", TRUE, &line, error)) == NULL)
    return FALSE;
  if (!g_ascii_string_to_unsigned (value, 10, 1, 1000000, &version, NULL))
    return fail (error, ini, line, _("[playbook], key “version”: “%s” is not a version number"), value);
  self->version = version;
  if ((value = header_value (ini, group, "title[fr]", TRUE, &line, error)) == NULL)
    return FALSE;
  self->title_fr = g_strdup (value);
  if ((value = header_value (ini, group, "title[en]", TRUE, &line, error)) == NULL)
    return FALSE;
  self->title_en = g_strdup (value);
  if ((context->timezone = header_value (ini, group, "timezone", TRUE, &line, error)) == NULL)
    return FALSE;
  if ((zone = g_time_zone_new_identifier (context->timezone)) == NULL)
    return fail (error, ini, line, _("[playbook], key “timezone”: “%s” is not a time zone (Europe/Paris)"), context->timezone);
  context->cap_sender = header_value (ini, group, "cap_sender", FALSE, &line, error);
  if (context->cap_sender != NULL && (strchr (context->cap_sender, ' ') != NULL ||
                                      strchr (context->cap_sender, ',') != NULL ||
                                      strchr (context->cap_sender, '<') != NULL))
    return fail (error, ini, line, _("[playbook], key “cap_sender”: CAP forbids spaces, commas and “<” in a sender"));
  context->playbook = self->id;
  context->playbook_version = self->version;
  return TRUE;
}

VgPlaybook *
vg_playbook_load (const char  *path,
                  GError     **error)
{
  g_autoptr(VgPlaybook) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *base = NULL;
  VgRuleContext context = { 0 };
  VgIni *ini;
  int header = -1;

  g_return_val_if_fail (path != NULL, NULL);

  if ((ini = vg_ini_load (path, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_PLAYBOOK, error)) == NULL)
    return NULL;
  self = g_object_new (VG_TYPE_PLAYBOOK, NULL);
  self->path = g_strdup (path);
  base = g_path_get_basename (path);
  self->id = g_str_has_suffix (base, SUFFIX) ? g_strndup (base, strlen (base) - strlen (SUFFIX)) : g_strdup (base);

  for (guint g = 0; g < vg_ini_get_n_groups (ini) && header < 0; g++)
    if (g_str_equal (vg_ini_get_group_name (ini, g), "playbook"))
      header = g;
  if (header < 0)
    fail (&local_error, ini, 1, _("no [playbook] group (hazard, version, titles, timezone)"));
  else
    load_header (self, ini, header, &context, &local_error);

  for (guint g = 0; g < vg_ini_get_n_groups (ini) && local_error == NULL; g++)
    {
      const char *name = vg_ini_get_group_name (ini, g);
      g_autofree char *id = NULL;
      VgRule *rule;

      if ((int) g == header)
        continue;
      if (!g_str_has_prefix (name, "rule ") || name[5] == '\0')
        {
          fail (&local_error, ini, vg_ini_get_group_line (ini, g),
                _("[%s]: a group is [playbook] or [rule ID]"), name);
          break;
        }
      id = g_strstrip (g_strdup (name + 5));
      if ((rule = vg_rule_new_from_ini (ini, g, id, self->hazard, &context, &local_error)) != NULL)
        g_ptr_array_add (self->rules, rule);
    }
  if (local_error == NULL && self->rules->len == 0)
    fail (&local_error, ini, 1, _("no [rule ID] group: a playbook without rules proposes nothing"));
  vg_ini_free (ini);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&self);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
vg_playbook_load_dir (const char  *dir,
                      GError     **error)
{
  g_autoptr(GPtrArray) playbooks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) rule_files = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) handle = NULL;
  g_autofree char *bundled = NULL;
  const char *name;

  if (dir == NULL && (dir = bundled = vg_data_dir_find_folder ("playbooks", error)) == NULL)
    return NULL;
  if ((handle = g_dir_open (dir, 0, &local_error)) == NULL)
    {
      g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_PLAYBOOK, "%s: %s", dir, local_error->message);
      return NULL;
    }
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, SUFFIX))
      g_ptr_array_add (names, g_strdup (name));
  /* File-name order, never readdir order: the same folder gives the same proposals. */
  g_ptr_array_sort (names, compare_names);
  if (names->len == 0)
    {
      g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_PLAYBOOK, _("%s: no *.playbook file"), dir);
      return NULL;
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      VgPlaybook *playbook = vg_playbook_load (path, error);

      if (playbook == NULL)
        return NULL;
      g_ptr_array_add (playbooks, playbook);
      for (guint r = 0; r < playbook->rules->len; r++)
        {
          VgRule *rule = g_ptr_array_index (playbook->rules, r);
          VgRule *other = g_hash_table_lookup (rule_files, vg_rule_get_id (rule));
          guint line, other_line;
          const char *file = vg_rule_get_file (rule, &line);

          if (other != NULL)
            {
              const char *other_file = vg_rule_get_file (other, &other_line);

              g_set_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_PLAYBOOK,
                           _("%s:%u: rule “%s” is already defined at %s:%u"), file, line, vg_rule_get_id (rule),
                           other_file, other_line);
              return NULL;
            }
          g_hash_table_insert (rule_files, (gpointer) vg_rule_get_id (rule), rule);
        }
    }
  return g_steal_pointer (&playbooks);
}

const char *
vg_playbook_get_path (VgPlaybook *self)
{
  g_return_val_if_fail (VG_IS_PLAYBOOK (self), NULL);

  return self->path;
}

const char *
vg_playbook_get_id (VgPlaybook *self)
{
  g_return_val_if_fail (VG_IS_PLAYBOOK (self), NULL);

  return self->id;
}

VgHazard
vg_playbook_get_hazard (VgPlaybook *self)
{
  g_return_val_if_fail (VG_IS_PLAYBOOK (self), VG_N_HAZARDS);

  return self->hazard;
}

guint
vg_playbook_get_version (VgPlaybook *self)
{
  g_return_val_if_fail (VG_IS_PLAYBOOK (self), 0);

  return self->version;
}

const char *
vg_playbook_get_title (VgPlaybook *self,
                       const char *lang)
{
  g_return_val_if_fail (VG_IS_PLAYBOOK (self), NULL);

  return g_strcmp0 (lang, "en") == 0 ? self->title_en : self->title_fr;
}

GPtrArray *
vg_playbook_get_rules (VgPlaybook *self)
{
  g_return_val_if_fail (VG_IS_PLAYBOOK (self), NULL);

  return self->rules;
}
