/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 *
 * Trigger facts ("vigie-facts/1"): what the engines conclude, also read from a file by
 * `vigie-cli proposals evaluate --facts`, which may come from another tool. The input is
 * written as a facts file and loaded (size and nesting limits included); facts that validate
 * go through every rule of the bundled playbooks. Contract: facts, or a VG_PROPOSAL_ERROR
 * naming the file; never a crash.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "vg-error.h"
#include "vg-fact-set.h"
#include "vg-playbook.h"
#include "vg-rule-private.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *folder;
static char *path;
static GPtrArray *playbooks;

static void
remove_folder (void)
{
  g_remove (path);
  g_rmdir (folder);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  folder = g_dir_make_tmp ("vigie-fuzz-facts-XXXXXX", NULL);
  g_assert (folder != NULL);
  path = g_build_filename (folder, "facts.json", NULL);
  playbooks = vg_playbook_load_dir (VG_FUZZ_SOURCE_ROOT "/data/playbooks", &error);
  g_assert_no_error (error);
  atexit (remove_folder);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(VgFactSet) facts = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (g_file_set_contents (path, (const char *) data, size, NULL));
  facts = vg_fact_set_load (path, &error);
  g_assert ((facts == NULL) == (error != NULL));
  if (facts == NULL)
    {
      g_assert (error->domain == VG_PROPOSAL_ERROR);
      g_assert (g_str_has_prefix (error->message, path));
      return 0;
    }
  for (guint p = 0; p < playbooks->len; p++)
    {
      GPtrArray *rules = vg_playbook_get_rules (g_ptr_array_index (playbooks, p));

      for (guint r = 0; r < rules->len; r++)
        {
          g_autoptr(GPtrArray) candidates = vg_rule_evaluate (g_ptr_array_index (rules, r), facts);

          g_assert (candidates != NULL);
        }
    }
  return 0;
}
