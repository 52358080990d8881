/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include "vg-site.h"
#include "vg-test-util.h"

static GListStore *
load_sites (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vg_test_geodata_path ();
  g_autoptr(VgGpkg) gpkg = vg_gpkg_open (path, &error);
  GListStore *sites;

  g_assert_no_error (error);
  sites = vg_site_load_all (gpkg, &error);
  g_assert_no_error (error);
  return sites;
}

static VgSite *
find_site (GListStore *sites,
           const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (sites)); i++)
    {
      g_autoptr(VgSite) site = g_list_model_get_item (G_LIST_MODEL (sites), i);

      if (g_str_equal (vg_site_get_name (site), name))
        return site;
    }
  return NULL;
}

/* Every category the issue names is present, from the real city data. */
static void
test_categories (void)
{
  g_autoptr(GListStore) sites = load_sites ();
  guint counts[VG_N_SITE_CATEGORIES] = { 0 };

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (sites)); i++)
    {
      g_autoptr(VgSite) site = g_list_model_get_item (G_LIST_MODEL (sites), i);

      counts[vg_site_get_category (site)]++;
    }
  g_assert_cmpuint (counts[VG_SITE_SCHOOL], >, 100);
  g_assert_cmpuint (counts[VG_SITE_CRECHE], >, 50);
  g_assert_cmpuint (counts[VG_SITE_HOSPITAL], >=, 6);
  g_assert_cmpuint (counts[VG_SITE_CARE_HOME], >=, 10);
  g_assert_cmpuint (counts[VG_SITE_FIRE_STATION], ==, 2);
  g_assert_cmpuint (counts[VG_SITE_SHELTER], ==, 5);
  g_assert_cmpuint (counts[VG_SITE_DISTRIBUTION], ==, 7);
}

/* The two layers whose GeoJSON coordinates are Lambert-93 land where their own WGS84
 * attributes say: the Zénith (SitesHebUrg POINT_X/POINT_Y 3.930920, 43.613037). */
static void
test_lambert93_dressed_as_geojson (void)
{
  g_autoptr(GListStore) sites = load_sites ();
  VgSite *zenith = find_site (sites, "Zénith");
  VgSite *lapeyronie = find_site (sites, "C.H.U Lapeyronie");

  g_assert_nonnull (zenith);
  g_assert_cmpint (vg_site_get_category (zenith), ==, VG_SITE_SHELTER);
  g_assert_cmpfloat_with_epsilon (vg_site_get_longitude (zenith), 3.930920, 1e-5);
  g_assert_cmpfloat_with_epsilon (vg_site_get_latitude (zenith), 43.613037, 1e-5);

  /* A WGS84 source (EtabliPublic) too: Lapeyronie hospital, north-west of the centre. */
  g_assert_nonnull (lapeyronie);
  g_assert_cmpint (vg_site_get_category (lapeyronie), ==, VG_SITE_HOSPITAL);
  g_assert_cmpfloat_with_epsilon (vg_site_get_longitude (lapeyronie), 3.85, 0.03);
  g_assert_cmpfloat_with_epsilon (vg_site_get_latitude (lapeyronie), 43.63, 0.02);
}

static void
test_category_ids (void)
{
  for (guint c = 0; c < VG_N_SITE_CATEGORIES; c++)
    {
      VgSiteCategory back;

      g_assert_true (vg_site_category_from_id (vg_site_category_to_id (c), &back));
      g_assert_cmpuint (back, ==, c);
      g_assert_nonnull (vg_site_category_get_label (c));
    }
  g_assert_false (vg_site_category_from_id ("castle", &(VgSiteCategory) { 0 }));
  g_assert_true (vg_site_category_is_vulnerable (VG_SITE_CARE_HOME));
  g_assert_false (vg_site_category_is_vulnerable (VG_SITE_SHELTER));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/sites/categories", test_categories);
  g_test_add_func ("/vigie/sites/lambert93-dressed-as-geojson", test_lambert93_dressed_as_geojson);
  g_test_add_func ("/vigie/sites/category-ids", test_category_ids);

  return g_test_run ();
}
