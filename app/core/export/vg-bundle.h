/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The export bundle, Vigie's reversibility promise: a folder holding every export of a journal
 * (timeline CSV and JSON, features GeoJSON and GeoPackage, the CAP archive, the report in
 * French and English), a copy of the journal itself, bundle.json saying what each file is, and
 * MANIFEST.sha256, the SHA-256 of every other file in the format of `sha256sum` (so
 * `sha256sum -c MANIFEST.sha256` checks it without Vigie). Layout in app/core/DESIGN.md. */

#define VG_BUNDLE_MANIFEST "MANIFEST.sha256"
#define VG_BUNDLE_JOURNAL  "journal.vigie-journal"
#define VG_BUNDLE_INDEX    "bundle.json"

/* Checks the bundle folder @path: every file MANIFEST.sha256 lists is there with its hash, no
 * file is there that it does not list, the journal copy's hash chain verifies, and it holds
 * the entry the exports end at (bundle.json's last seq and hash). Every check runs even after
 * one fails; @report (may be NULL) receives them all as a JSON object ("intact", "files" with
 * each file's verdict, "journal"), for `vigie-cli export verify --json`. FALSE with
 * VG_EXPORT_ERROR_TAMPERED naming the first file that fails (missing, changed, unlisted, or
 * the journal and its first bad entry), or VG_EXPORT_ERROR_MALFORMED naming what makes the
 * bundle unreadable (no manifest, a line that does not parse, a path leaving the folder). */
gboolean vg_bundle_verify (const char  *path,
                           JsonNode   **report,
                           GError     **error);

G_END_DECLS
