/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 *
 * Scenario manifests: a scenario folder may come from anywhere (another centre, a trainer's USB
 * stick). The input is written as manifest.json in a fresh folder holding one small payload
 * file, then loaded. Contract: a scenario, or a VG_SCENARIO_ERROR; never a crash, never a
 * path outside the folder.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "vg-error.h"
#include "vg-scenario.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *folder;
static char *manifest;

static void
remove_folder (void)
{
  g_autofree char *payload = g_build_filename (folder, "payload.json", NULL);

  g_remove (manifest);
  g_remove (payload);
  g_rmdir (folder);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *payload = NULL;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  folder = g_dir_make_tmp ("vigie-fuzz-scenario-XXXXXX", NULL);
  g_assert (folder != NULL);
  manifest = g_build_filename (folder, "manifest.json", NULL);
  payload = g_build_filename (folder, "payload.json", NULL);
  g_assert (g_file_set_contents (payload, "{\"count\": 0, \"data\": []}", -1, NULL));
  atexit (remove_folder);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(VgScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (g_file_set_contents (manifest, (const char *) data, size, NULL));
  scenario = vg_scenario_load (folder, &error);
  g_assert ((scenario == NULL) == (error != NULL));
  if (error != NULL)
    g_assert (error->domain == VG_SCENARIO_ERROR);
  return 0;
}
