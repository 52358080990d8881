/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The translations of the "vigie" gettext domain in one chosen language, read from its .mo
 * catalogue, so that a report can be written in French from an English session (or the other
 * way round) without touching the process locale: gettext only follows the environment, and
 * changing LANGUAGE under a running GTK application is not thread-safe. Immutable: share it
 * between threads. Source strings are English, so English needs no catalogue. The .mo's
 * system-dependent strings (msgids with <PRIu64>…) are not read: strings translated through a
 * catalogue take 64-bit numbers as "%s" of a formatted number. */

#define VG_TYPE_CATALOG (vg_catalog_get_type ())
G_DECLARE_FINAL_TYPE (VgCatalog, vg_catalog, VG, CATALOG, GObject)

/* The catalogue of @language ("fr", "fr_FR", "en"…): looked for where the domain is bound, in
 * the installed locale directory, then in the build tree (uninstalled runs and tests). "en" and
 * "C" give the untranslated strings. VG_EXPORT_ERROR_LANGUAGE if there is none for @language;
 * VG_STORE_ERROR_READ naming the file if it is not a valid .mo. */
VgCatalog  *vg_catalog_new          (const char *language,
                                     GError    **error);
/* The language asked for, as given; borrowed. */
const char *vg_catalog_get_language (VgCatalog  *self);
/* The translation of @msgid, or @msgid itself; borrowed. A NULL @self uses the process's own
 * gettext, so the same code serves the UI (session language) and exports (chosen language). */
const char *vg_catalog_gettext      (VgCatalog  *self,
                                     const char *msgid) G_GNUC_FORMAT (2);

G_END_DECLS
