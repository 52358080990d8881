/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Shared by the bundle's writer and its verifier, so both see the folder the same way. */

/* Paths relative to @root ("cap/index.json") of every file under it, sorted bytewise;
 * symbolic links are listed, not followed. Free with g_ptr_array_unref(). */
GPtrArray *vg_bundle_list_files (const char  *root);
/* Lower-case hex SHA-256 of the file @path (read in 1 MiB blocks), or NULL with a G_FILE_ERROR. */
char      *vg_bundle_hash_file  (const char  *path,
                                 GError     **error);

G_END_DECLS
