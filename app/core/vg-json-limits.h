/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* json-glib's DOM parser (1.6) recurses once per array or object level without a bound: a file
 * of a million "[" overflows the stack. Everything Vigie reads with it from outside (facts
 * files, bundle indexes, payloads of a journal handed in for forensics) is measured here first.
 * Feeds have their own scanner (feeds/vg-feed-json.c), scenarios their own limits
 * (replay/vg-scenario.h). */

#define VG_JSON_MAX_DEPTH         64                  /* levels of arrays and objects in a file */
#define VG_JSON_MAX_PAYLOAD_DEPTH 256                 /* in a journal payload (Vigie writes < 16) */

/* TRUE if no array or object in @data (@length bytes, need not be valid JSON) nests deeper
 * than @max_depth; brackets inside strings do not count. Linear, no allocation. */
gboolean  vg_json_nesting_within (const char  *data,
                                  gsize        length,
                                  guint        max_depth);
/* Parses the file @path with json-glib after checking that it holds at most @max_size bytes
 * and nests at most @max_depth levels. The root node (full reference), or NULL with an error
 * in @domain with @code, its message starting with "@path: ". */
JsonNode *vg_json_load_file      (const char  *path,
                                  gsize        max_size,
                                  guint        max_depth,
                                  GQuark       domain,
                                  int          code,
                                  GError     **error);

G_END_DECLS
