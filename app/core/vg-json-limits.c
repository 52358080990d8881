/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-json-limits"

#include "config.h"

#include <string.h>

#include "vg-json-limits.h"

gboolean
vg_json_nesting_within (const char *data,
                        gsize       length,
                        guint       max_depth)
{
  gboolean in_string = FALSE;
  gboolean escaped = FALSE;
  guint depth = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

JsonNode *
vg_json_load_file (const char  *path,
                   gsize        max_size,
                   guint        max_depth,
                   GQuark       domain,
                   int          code,
                   GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize length;
  JsonNode *root;

  g_return_val_if_fail (path != NULL, NULL);

  /* Mapped, not read: a huge file costs address space, not memory, until it is refused. */
  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, domain, code, "%s: %s", path, local_error->message);
      return NULL;
    }
  data = g_mapped_file_get_contents (file);
  length = g_mapped_file_get_length (file);
  /* An empty file maps to NULL, which json-glib refuses with a critical (found by fuzz-facts). */
  if (length == 0 || data == NULL)
    {
      g_set_error (error, domain, code, "%s: empty", path);
      return NULL;
    }
  if (length > max_size)
    {
      g_set_error (error, domain, code, "%s: %" G_GSIZE_FORMAT " bytes, over the limit of %" G_GSIZE_FORMAT " bytes",
                   path, length, max_size);
      return NULL;
    }
  if (!vg_json_nesting_within (data, length, max_depth))
    {
      g_set_error (error, domain, code, "%s: nested deeper than %u levels", path, max_depth);
      return NULL;
    }
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      const char *message = local_error->message;

      /* json-glib names data it was handed "<data>": the file's name says more ("f:1:26: …"). */
      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      g_set_error (error, domain, code, "%s:%s%s", path, g_ascii_isdigit (message[0]) ? "" : " ", message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, domain, code, "%s: empty", path);
      return NULL;
    }
  return json_node_ref (root);
}
