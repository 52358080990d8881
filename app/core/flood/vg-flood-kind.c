/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-flood-kind"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vg-flood-kind.h"

static const struct {
  const char *id;
  const char *label;
} kinds[VG_N_FLOOD_KINDS] = {
  [VG_FLOOD_KIND_OFFICIAL]        = { "official",        N_("Official (published flood map)") },
  [VG_FLOOD_KIND_INDICATIVE_HAND] = { "indicative-hand", N_("Indicative (computed by the HAND method)") },
  [VG_FLOOD_KIND_SYNTHETIC]       = { "synthetic",       N_("Synthetic — not real terrain, for training and tests") },
};

gboolean
vg_flood_kind_from_id (const char  *id,
                       VgFloodKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; id != NULL && i < VG_N_FLOOD_KINDS; i++)
    if (g_str_equal (id, kinds[i].id))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
vg_flood_kind_to_id (VgFloodKind kind)
{
  g_return_val_if_fail (kind < VG_N_FLOOD_KINDS, NULL);

  return kinds[kind].id;
}

const char *
vg_flood_kind_get_label (VgFloodKind kind)
{
  g_return_val_if_fail (kind < VG_N_FLOOD_KINDS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, kinds[kind].label);
}
