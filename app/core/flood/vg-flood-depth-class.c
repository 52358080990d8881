/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-flood-depth-class"

#include "config.h"

#include <string.h>

#include "vg-flood-depth-class.h"

static const struct {
  const char *id;
  double      min;
} classes[VG_N_DEPTH_CLASSES] = {
  [VG_DEPTH_0_TO_0_5] = { "0-0.5", 0.0 },
  [VG_DEPTH_0_5_TO_1] = { "0.5-1", 0.5 },
  [VG_DEPTH_1_TO_1_5] = { "1-1.5", 1.0 },
  [VG_DEPTH_1_5_TO_2] = { "1.5-2", 1.5 },
  [VG_DEPTH_OVER_2]   = { ">2",    2.0 },
};

gboolean
vg_flood_depth_class_from_id (const char        *id,
                              VgFloodDepthClass *depth_class)
{
  g_autoptr(GString) norm = NULL;

  g_return_val_if_fail (depth_class != NULL, FALSE);

  if (id == NULL)
    return FALSE;
  norm = g_string_new (NULL);
  for (const char *p = id; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2013 || c == 0x2212)   /* en dash, minus sign */
        g_string_append_c (norm, '-');
      else if (c != ' ')
        g_string_append_unichar (norm, c);
    }
  for (guint i = 0; i < VG_N_DEPTH_CLASSES; i++)
    if (g_str_equal (norm->str, classes[i].id))
      {
        *depth_class = i;
        return TRUE;
      }
  return FALSE;
}

const char *
vg_flood_depth_class_to_id (VgFloodDepthClass depth_class)
{
  g_return_val_if_fail (depth_class < VG_N_DEPTH_CLASSES, NULL);

  return classes[depth_class].id;
}

VgFloodDepthClass
vg_flood_depth_class_for_depth (double depth_m)
{
  for (guint i = VG_N_DEPTH_CLASSES - 1; i > 0; i--)
    if (depth_m > classes[i].min)
      return i;
  return VG_DEPTH_0_TO_0_5;
}

double
vg_flood_depth_class_get_min (VgFloodDepthClass depth_class)
{
  g_return_val_if_fail (depth_class < VG_N_DEPTH_CLASSES, 0);

  return classes[depth_class].min;
}
