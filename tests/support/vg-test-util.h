/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Path of the test fixture tests/data/@relpath; free with g_free(). */
char   *vg_test_data_path      (const char *relpath);
/* Path of the bundled GeoPackage the app ships (data/geodata/montpellier.gpkg). */
char   *vg_test_geodata_path   (void);
/* New empty temporary directory, removed by vg_test_rmtree(); free with g_free(). */
char   *vg_test_mkdtemp        (void);
/* Removes @path and everything under it. */
void    vg_test_rmtree         (const char *path);
/* Runs @argv (NULL-terminated), returning its exit code (as exit() got it); @out/@err receive
 * its output. */
int     vg_test_run            (const char * const *argv,
                                char              **out,
                                char              **err);

G_END_DECLS
