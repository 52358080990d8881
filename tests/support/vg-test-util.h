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

/* What one run of vigie-cli gave: its exit status and what it printed. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} VgCliRun;

/* Frees what @run printed (for g_auto(VgCliRun)). */
void     vg_cli_run_clear        (VgCliRun   *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VgCliRun, vg_cli_run_clear)

/* Runs $VIGIE_CLI with the NULL-terminated arguments. */
VgCliRun vg_test_cli             (const char *first,
                                  ...) G_GNUC_NULL_TERMINATED;
/* Asserts @run failed with @status and exactly one "vigie-cli: ..." line on stderr holding
 * @part. */
void     vg_test_cli_assert_one_line_error (const VgCliRun *run,
                                            int             status,
                                            const char     *part);

G_END_DECLS
