/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 *
 * Playbooks: response rules are data (the .playbook files of data/playbooks/), edited by the city's risk
 * service and possibly exchanged between centres. The input is written as a .playbook file and
 * loaded; a playbook that loads has every rule evaluated over the facts of
 * tests/data/proposals/lez-1200.json (triggers, targets, deadlines and templates all run).
 * Contract: a playbook, or a VG_PROPOSAL_ERROR naming the file; never a crash.
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
static VgFactSet *facts;

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
  folder = g_dir_make_tmp ("vigie-fuzz-playbook-XXXXXX", NULL);
  g_assert (folder != NULL);
  /* Its name gives the playbook its id. */
  path = g_build_filename (folder, "flood.playbook", NULL);
  facts = vg_fact_set_load (VG_FUZZ_TESTS_DIR "/data/proposals/lez-1200.json", &error);
  g_assert_no_error (error);
  atexit (remove_folder);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(VgPlaybook) playbook = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rules;

  g_assert (g_file_set_contents (path, (const char *) data, size, NULL));
  playbook = vg_playbook_load (path, &error);
  g_assert ((playbook == NULL) == (error != NULL));
  if (playbook == NULL)
    {
      g_assert (error->domain == VG_PROPOSAL_ERROR);
      g_assert (g_str_has_prefix (error->message, path));
      return 0;
    }
  rules = vg_playbook_get_rules (playbook);
  for (guint r = 0; r < rules->len; r++)
    {
      g_autoptr(GPtrArray) candidates = vg_rule_evaluate (g_ptr_array_index (rules, r), facts);

      g_assert (candidates != NULL);
    }
  return 0;
}
