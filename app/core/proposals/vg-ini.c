/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-ini"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "vg-ini-private.h"

typedef struct
{
  char  *key;
  char  *value;
  guint  line;
} Key;

typedef struct
{
  char   *name;
  guint   line;
  GArray *keys;   /* of Key */
} Group;

struct _VgIni
{
  char   *path;
  GArray *groups;   /* of Group */
};

static void
clear_key (gpointer data)
{
  Key *key = data;

  g_free (key->key);
  g_free (key->value);
}

static void
clear_group (gpointer data)
{
  Group *group = data;

  g_free (group->name);
  g_array_unref (group->keys);
}

void
vg_ini_free (VgIni *self)
{
  if (self == NULL)
    return;
  g_free (self->path);
  g_array_unref (self->groups);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VgIni, vg_ini_free)

/* A key is letters, digits, '_' and '-', optionally followed by a "[locale]". */
static gboolean
is_valid_key (const char *key)
{
  const char *p = key;

  while (g_ascii_isalnum (*p) || *p == '_' || *p == '-')
    p++;
  if (p == key)
    return FALSE;
  if (*p == '\0')
    return TRUE;
  if (*p++ != '[')
    return FALSE;
  if (!g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '_' || *p == '@' || *p == '-')
    p++;
  return p[0] == ']' && p[1] == '\0';
}

/* GKeyFile's escapes; FALSE on an unknown one. */
static gboolean
unescape (const char *raw,
          GString    *out)
{
  for (const char *p = raw; *p != '\0'; p++)
    {
      if (*p != '\\')
        {
          g_string_append_c (out, *p);
          continue;
        }
      switch (*++p)
        {
        case 'n':
          g_string_append_c (out, '\n');
          break;
        case 't':
          g_string_append_c (out, '\t');
          break;
        case 's':
          g_string_append_c (out, ' ');
          break;
        case '\\':
          g_string_append_c (out, '\\');
          break;
        default:
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean G_GNUC_PRINTF (6, 7)
fail (GError     **error,
      GQuark       domain,
      int          code,
      const char  *path,
      guint        line,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, domain, code, "%s:%u: %s", path, line, message);
  return FALSE;
}

static gboolean
parse_line (VgIni       *self,
            char        *text,
            guint        line,
            GQuark       domain,
            int          code,
            GError     **error)
{
  Group *group = self->groups->len > 0 ? &g_array_index (self->groups, Group, self->groups->len - 1) : NULL;
  char *stripped = g_strstrip (text);
  g_autoptr(GString) value = NULL;
  char *equals;
  Key key;

  if (*stripped == '\0' || *stripped == '#')
    return TRUE;

  if (*stripped == '[')
    {
      Group new_group;
      char *end = strchr (stripped, ']');

      if (end == NULL || end[1] != '\0' || end == stripped + 1)
        return fail (error, domain, code, self->path, line, _("“%s” is not a group header such as [name]"), stripped);
      *end = '\0';
      new_group.name = g_strdup (g_strstrip (stripped + 1));
      for (guint i = 0; i < self->groups->len; i++)
        if (g_str_equal (g_array_index (self->groups, Group, i).name, new_group.name))
          {
            guint first = g_array_index (self->groups, Group, i).line;

            g_free (new_group.name);
            return fail (error, domain, code, self->path, line, _("group [%s] again (first on line %u)"),
                         g_array_index (self->groups, Group, i).name, first);
          }
      new_group.line = line;
      new_group.keys = g_array_new (FALSE, FALSE, sizeof (Key));
      g_array_set_clear_func (new_group.keys, clear_key);
      g_array_append_val (self->groups, new_group);
      return TRUE;
    }

  if ((equals = strchr (stripped, '=')) == NULL)
    return fail (error, domain, code, self->path, line,
                 _("“%s” is neither a comment (#), a [group] nor a key = value line"), stripped);
  *equals = '\0';
  g_strstrip (stripped);
  if (!is_valid_key (stripped))
    return fail (error, domain, code, self->path, line, _("“%s” is not a valid key name"), stripped);
  if (group == NULL)
    return fail (error, domain, code, self->path, line, _("key “%s” before any [group]"), stripped);
  for (guint i = 0; i < group->keys->len; i++)
    if (g_str_equal (g_array_index (group->keys, Key, i).key, stripped))
      return fail (error, domain, code, self->path, line, _("key “%s” again in [%s] (first on line %u)"),
                   stripped, group->name, g_array_index (group->keys, Key, i).line);

  value = g_string_new (NULL);
  if (!unescape (g_strstrip (equals + 1), value))
    return fail (error, domain, code, self->path, line, _("key “%s”: unknown escape (only \\n, \\t, \\s and \\\\)"),
                 stripped);
  key.key = g_strdup (stripped);
  key.value = g_string_free (g_steal_pointer (&value), FALSE);
  key.line = line;
  g_array_append_val (group->keys, key);
  return TRUE;
}

VgIni *
vg_ini_parse (const char  *path,
              const char  *text,
              gssize       length,
              GQuark       domain,
              int          code,
              GError     **error)
{
  g_autoptr(VgIni) self = g_new0 (VgIni, 1);
  g_autofree char *copy = NULL;
  const char *bad = NULL;
  char *cursor;
  guint line = 0;

  g_return_val_if_fail (path != NULL && text != NULL, NULL);

  if (length < 0)
    length = strlen (text);
  self->path = g_strdup (path);
  self->groups = g_array_new (FALSE, FALSE, sizeof (Group));
  g_array_set_clear_func (self->groups, clear_group);

  if (!g_utf8_validate (text, length, &bad))
    {
      for (const char *p = text; p < bad; p++)
        line += *p == '\n';
      fail (error, domain, code, path, line + 1, _("not valid UTF-8 text"));
      return NULL;
    }
  if (memchr (text, '\0', length) != NULL)
    {
      g_set_error (error, domain, code, "%s: %s", path, _("contains a NUL byte: not a text file"));
      return NULL;
    }

  copy = g_strndup (text, length);
  cursor = copy;
  while (cursor != NULL)
    {
      char *next = strchr (cursor, '\n');

      if (next != NULL)
        *next++ = '\0';
      line++;
      if (!parse_line (self, cursor, line, domain, code, error))
        return NULL;
      cursor = next;
    }
  return g_steal_pointer (&self);
}

VgIni *
vg_ini_load (const char  *path,
             GQuark       domain,
             int          code,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  /* A playbook may come from another centre: its size before its contents. */
  if (g_stat (path, &st) == 0 && st.st_size > VG_INI_MAX_FILE_SIZE)
    {
      g_set_error (error, domain, code, "%s: %" G_GINT64_FORMAT " bytes, over the limit of %d bytes",
                   path, (gint64) st.st_size, VG_INI_MAX_FILE_SIZE);
      return NULL;
    }
  if (!g_file_get_contents (path, &text, &length, &local_error))
    {
      g_set_error (error, domain, code, "%s: %s", path, local_error->message);
      return NULL;
    }
  return vg_ini_parse (path, text, length, domain, code, error);
}

const char *
vg_ini_get_path (VgIni *self)
{
  return self->path;
}

guint
vg_ini_get_n_groups (VgIni *self)
{
  return self->groups->len;
}

const char *
vg_ini_get_group_name (VgIni *self,
                       guint  group)
{
  g_return_val_if_fail (group < self->groups->len, NULL);

  return g_array_index (self->groups, Group, group).name;
}

guint
vg_ini_get_group_line (VgIni *self,
                       guint  group)
{
  g_return_val_if_fail (group < self->groups->len, 0);

  return g_array_index (self->groups, Group, group).line;
}

guint
vg_ini_get_n_keys (VgIni *self,
                   guint  group)
{
  g_return_val_if_fail (group < self->groups->len, 0);

  return g_array_index (self->groups, Group, group).keys->len;
}

const char *
vg_ini_get_key (VgIni *self,
                guint  group,
                guint  key,
                guint *line)
{
  GArray *keys;

  g_return_val_if_fail (group < self->groups->len, NULL);
  keys = g_array_index (self->groups, Group, group).keys;
  g_return_val_if_fail (key < keys->len, NULL);

  if (line != NULL)
    *line = g_array_index (keys, Key, key).line;
  return g_array_index (keys, Key, key).key;
}

const char *
vg_ini_lookup (VgIni      *self,
               guint       group,
               const char *name,
               guint      *line)
{
  Group *g;

  g_return_val_if_fail (group < self->groups->len, NULL);

  g = &g_array_index (self->groups, Group, group);
  for (guint i = 0; i < g->keys->len; i++)
    if (g_str_equal (g_array_index (g->keys, Key, i).key, name))
      {
        if (line != NULL)
          *line = g_array_index (g->keys, Key, i).line;
        return g_array_index (g->keys, Key, i).value;
      }
  if (line != NULL)
    *line = g->line;
  return NULL;
}
