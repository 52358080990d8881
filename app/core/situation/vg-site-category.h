/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Categories of sensitive sites: the people to protect first, and the places that help. */
typedef enum {
  VG_SITE_SCHOOL,
  VG_SITE_CRECHE,
  VG_SITE_HOSPITAL,
  VG_SITE_CARE_HOME,       /* retirement homes, EHPAD */
  VG_SITE_FIRE_STATION,
  VG_SITE_SHELTER,         /* emergency accommodation sites */
  VG_SITE_DISTRIBUTION,    /* distribution sites of the emergency plans */
  VG_N_SITE_CATEGORIES,
} VgSiteCategory;

/* Category of the geodata's "category" value; FALSE if unknown. */
gboolean    vg_site_category_from_id   (const char     *id,
                                        VgSiteCategory *category);
/* Stable identifier ("school", "care_home"...), as in the geodata and JSON output; static. */
const char *vg_site_category_to_id     (VgSiteCategory  category);
/* Name for people, untranslated (to translate in a language of one's choosing); static. */
const char *vg_site_category_get_name  (VgSiteCategory  category);
/* Translated name for people ("Retirement home / EHPAD"); static. */
const char *vg_site_category_get_label (VgSiteCategory  category);
/* TRUE for categories whose occupants are vulnerable (evacuation needs a validator). */
gboolean    vg_site_category_is_vulnerable (VgSiteCategory category);

G_END_DECLS
