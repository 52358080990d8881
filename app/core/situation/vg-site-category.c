/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-site-category"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vg-site-category.h"

static const struct {
  const char *id;
  const char *label;
  gboolean    vulnerable;
} categories[VG_N_SITE_CATEGORIES] = {
  [VG_SITE_SCHOOL]       = { "school",       N_("School"), TRUE },
  [VG_SITE_CRECHE]       = { "creche",       N_("Crèche"), TRUE },
  [VG_SITE_HOSPITAL]     = { "hospital",     N_("Hospital or clinic"), TRUE },
  [VG_SITE_CARE_HOME]    = { "care_home",    N_("Retirement home / EHPAD"), TRUE },
  [VG_SITE_FIRE_STATION] = { "fire_station", N_("Fire station"), FALSE },
  [VG_SITE_SHELTER]      = { "shelter",      N_("Emergency accommodation"), FALSE },
  [VG_SITE_DISTRIBUTION] = { "distribution", N_("Distribution site"), FALSE },
};

gboolean
vg_site_category_from_id (const char     *id,
                          VgSiteCategory *category)
{
  g_return_val_if_fail (category != NULL, FALSE);

  for (guint i = 0; id != NULL && i < VG_N_SITE_CATEGORIES; i++)
    if (g_str_equal (id, categories[i].id))
      {
        *category = i;
        return TRUE;
      }
  return FALSE;
}

const char *
vg_site_category_to_id (VgSiteCategory category)
{
  g_return_val_if_fail (category < VG_N_SITE_CATEGORIES, NULL);

  return categories[category].id;
}

const char *
vg_site_category_get_name (VgSiteCategory category)
{
  g_return_val_if_fail (category < VG_N_SITE_CATEGORIES, NULL);

  return categories[category].label;
}

const char *
vg_site_category_get_label (VgSiteCategory category)
{
  g_return_val_if_fail (category < VG_N_SITE_CATEGORIES, NULL);

  return g_dgettext (GETTEXT_PACKAGE, categories[category].label);
}

gboolean
vg_site_category_is_vulnerable (VgSiteCategory category)
{
  g_return_val_if_fail (category < VG_N_SITE_CATEGORIES, FALSE);

  return categories[category].vulnerable;
}
