/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 *
 * Journal files opened for forensics: after an event a journal may be handed in damaged or
 * forged. The input is written as a journal file, then verified and opened read-only.
 * Contract: a verdict (intact, or the first bad entry) or a clear error; never a crash.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "vg-error.h"
#include "vg-journal.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *folder;
static char *path;

static void
remove_folder (void)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (folder);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  folder = g_dir_make_tmp ("vigie-fuzz-journal-XXXXXX", NULL);
  g_assert (folder != NULL);
  path = g_build_filename (folder, "handed-in.vigie-journal", NULL);
  atexit (remove_folder);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgJournal) journal = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  guint64 first_bad = 0;
  gboolean intact;

  g_remove (wal);
  g_remove (shm);
  g_assert (g_file_set_contents (path, (const char *) data, size, NULL));
  intact = vg_journal_verify_file (path, NULL, NULL, &first_bad, NULL, &error);
  g_assert (intact == (error == NULL));
  g_clear_error (&error);
  journal = vg_journal_open (path, NULL, VG_JOURNAL_OPEN_READ_ONLY, &error);
  g_assert ((journal == NULL) == (error != NULL));
  return 0;
}
