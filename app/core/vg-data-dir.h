/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Full path of the bundled data file @relpath (e.g. "geodata/montpellier.gpkg"), looked up in
 * $VIGIE_DATA_DIR, then the installed data directory, then the source tree (uninstalled runs).
 * NULL with VG_DATA_ERROR_NOT_FOUND naming every place tried. Free with g_free(). */
char *vg_data_dir_find           (const char  *relpath,
                                  GError     **error);
/* Full path of the bundled data folder @relpath (e.g. "playbooks"), looked up as
 * vg_data_dir_find() does. Free with g_free(). */
char *vg_data_dir_find_folder    (const char  *relpath,
                                  GError     **error);
/* Folder of the bundled training scenarios: $VIGIE_SCENARIOS_DIR, then the installed
 * "scenarios" data folder, then the source tree's scenarios/. NULL with
 * VG_DATA_ERROR_NOT_FOUND naming every place tried. Free with g_free(). */
char *vg_data_dir_find_scenarios (GError     **error);

G_END_DECLS
