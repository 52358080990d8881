/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-template"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vg-clock.h"
#include "vg-template-private.h"

const char *
vg_lang_to_id (VgLang lang)
{
  g_return_val_if_fail (lang < VG_N_LANGS, NULL);

  return lang == VG_LANG_FR ? "fr" : "en";
}

gboolean
vg_template_check (const char         *text,
                   const char * const *known,
                   char              **message)
{
  const char *p = text;

  while ((p = strpbrk (p, "{}")) != NULL)
    {
      const char *end;
      g_autofree char *name = NULL;

      if (*p == '}')
        {
          *message = g_strdup (_("a “}” with no “{” before it"));
          return FALSE;
        }
      if ((end = strpbrk (p + 1, "{}")) == NULL || *end == '{')
        {
          *message = g_strdup (_("a “{” with no “}” after it"));
          return FALSE;
        }
      name = g_strndup (p + 1, end - p - 1);
      if (!g_strv_contains (known, name))
        {
          g_autofree char *list = g_strjoinv (", ", (char **) known);

          *message = g_strdup_printf (_("unknown placeholder {%s} (known here: %s)"), name, list);
          return FALSE;
        }
      p = end + 1;
    }
  return TRUE;
}

char *
vg_template_expand (const char *text,
                    GHashTable *values)
{
  GString *out = g_string_new (NULL);
  const char *p = text;
  const char *open;

  /* Templates were checked at load: every brace pairs up. */
  while ((open = strchr (p, '{')) != NULL)
    {
      const char *close = strchr (open, '}');
      g_autofree char *name = g_strndup (open + 1, close - open - 1);
      const char *value = g_hash_table_lookup (values, name);

      g_string_append_len (out, p, open - p);
      g_string_append (out, value != NULL ? value : "—");
      p = close + 1;
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

char *
vg_format_number (double value,
                  int    decimals,
                  VgLang lang)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  char *text;
  char *dot;

  if (!isfinite (value))
    return g_strdup ("—");
  g_snprintf (format, sizeof format, "%%.%df", CLAMP (decimals, 0, 6));
  text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, format, value));
  if ((dot = strchr (text, '.')) != NULL)
    {
      char *end = text + strlen (text) - 1;

      while (end > dot && *end == '0')
        *end-- = '\0';
      if (end == dot)
        *end = '\0';
      else if (lang == VG_LANG_FR)
        *dot = ',';
    }
  return text;
}

char *
vg_format_time (gint64     usec,
                GTimeZone *zone,
                VgLang     lang)
{
  g_autoptr(GDateTime) utc = vg_time_new_from_usec (usec);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

  /* Numeric formats only: %b and %A would follow the process locale. */
  return g_date_time_format (local, lang == VG_LANG_FR ? "%d/%m à %Hh%M" : "%d/%m %H:%M");
}

char *
vg_format_list (GPtrArray *items,
                guint      max,
                VgLang     lang)
{
  g_autoptr(GPtrArray) unique = g_ptr_array_new ();
  GString *out = g_string_new (NULL);
  guint shown;

  /* Several segments of one street are one name to a reader. */
  for (guint i = 0; i < items->len; i++)
    {
      gboolean seen = FALSE;

      for (guint k = 0; k < unique->len && !seen; k++)
        seen = g_str_equal (g_ptr_array_index (unique, k), g_ptr_array_index (items, i));
      if (!seen)
        g_ptr_array_add (unique, g_ptr_array_index (items, i));
    }
  shown = unique->len > max ? max : unique->len;
  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == shown && shown == unique->len ? (lang == VG_LANG_FR ? " et " : " and ") : ", ");
      g_string_append (out, g_ptr_array_index (unique, i));
    }
  if (shown < unique->len)
    {
      guint rest = unique->len - shown;

      if (lang == VG_LANG_FR)
        g_string_append_printf (out, " et %u autre%s", rest, rest > 1 ? "s" : "");
      else
        g_string_append_printf (out, " and %u other%s", rest, rest > 1 ? "s" : "");
    }
  return g_string_free (out, FALSE);
}

char *
vg_format_minutes (gint64 minutes,
                   VgLang lang)
{
  gint64 hours = minutes / 60;

  minutes %= 60;
  if (hours == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT " min", minutes);
  if (minutes == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT " h", hours);
  return g_strdup_printf (lang == VG_LANG_FR ? "%" G_GINT64_FORMAT " h %02" G_GINT64_FORMAT
                                             : "%" G_GINT64_FORMAT " h %02" G_GINT64_FORMAT " min",
                          hours, minutes);
}
