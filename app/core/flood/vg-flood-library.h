/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

#include "vg-flood-envelope.h"

G_BEGIN_DECLS

#define VG_TYPE_FLOOD_LIBRARY (vg_flood_library_get_type ())
G_DECLARE_FINAL_TYPE (VgFloodLibrary, vg_flood_library, VG, FLOOD_LIBRARY, GObject)

/* A flood envelope library: for each reference gauge, nested envelopes by increasing stage
 * (as Vigicrues' ZIP/ZICH libraries). Stages are never interpolated between: a level falls
 * between two envelopes, and both are named.
 *
 * File format (GeoPackage layer, or GeoJSON features), one feature per envelope extent and/or
 * per depth class of an envelope:
 *   gauge        text, required   reference gauge code (HydroPortail)
 *   stage_m      number, required stage at the gauge, metres
 *   depth_class  text             "0-0.5", "0.5-1", "1-1.5", "1.5-2", ">2"; empty for the extent
 *                                 (without one, the extent is the union of the classes)
 *   kind         text             official | indicative-hand | synthetic
 *   source       text             provenance
 *   statement    text             assumption (default: nominal river behaviour, no dike breach)
 * Invalid polygons are repaired with GEOS MakeValid and a warning naming the feature. */

/* New empty library named @name whose data version is @version. */
VgFloodLibrary  *vg_flood_library_new            (const char       *name,
                                                  const char       *version);
/* Adds @envelope (a reference is taken), keeping envelopes ordered by gauge then stage. */
void             vg_flood_library_add            (VgFloodLibrary   *self,
                                                  VgFloodEnvelope  *envelope);
/* Loads @path (GeoPackage or GeoJSON, format above). Features without a kind get
 * @default_kind, or, if it is -1, fail: a library's kind is never guessed. Errors name the
 * file and feature. */
VgFloodLibrary  *vg_flood_library_load           (const char       *path,
                                                  int               default_kind,
                                                  GError          **error);
/* Writes the library to @path as a GeoPackage (layer "flood_envelopes", format above), stamped
 * @when (from the caller). */
gboolean         vg_flood_library_write_gpkg     (VgFloodLibrary   *self,
                                                  const char       *path,
                                                  GDateTime        *when,
                                                  GError          **error);
/* Name (file name when loaded); borrowed. */
const char      *vg_flood_library_get_name       (VgFloodLibrary   *self);
/* Data version: "sha256:" and 16 hex digits of the file it was loaded from; borrowed. */
const char      *vg_flood_library_get_version    (VgFloodLibrary   *self);
/* Number of envelopes, all gauges. */
guint            vg_flood_library_get_n_envelopes (VgFloodLibrary  *self);
/* Envelope @index (ordered by gauge, then stage); borrowed. */
VgFloodEnvelope *vg_flood_library_get_envelope   (VgFloodLibrary   *self,
                                                  guint             index);
/* Index of envelope @id, or -1. */
int              vg_flood_library_find           (VgFloodLibrary   *self,
                                                  const char       *id);
/* Gauge codes, in order; free with g_strfreev(). */
GStrv            vg_flood_library_dup_gauges     (VgFloodLibrary   *self);
/* Envelopes of @gauge: indices @first .. @first + @n - 1 by increasing stage; FALSE if none. */
gboolean         vg_flood_library_get_gauge_range (VgFloodLibrary  *self,
                                                  const char       *gauge,
                                                  guint            *first,
                                                  guint            *n);
/* The envelopes bracketing @stage_m at @gauge: @below the highest with stage ≤ @stage_m,
 * @above the lowest with stage ≥ @stage_m (the same one on an exact match), -1 where there is
 * none. FALSE if the gauge has no envelope. */
gboolean         vg_flood_library_bracket        (VgFloodLibrary   *self,
                                                  const char       *gauge,
                                                  double            stage_m,
                                                  int              *below,
                                                  int              *above);
/* Warnings from loading (repairs, envelopes not nested); borrowed strings. */
GPtrArray       *vg_flood_library_get_warnings   (VgFloodLibrary   *self);
/* Adds a warning. */
void             vg_flood_library_add_warning    (VgFloodLibrary   *self,
                                                  const char       *warning);
/* JSON object: name, version, warnings, envelopes (see vg_flood_envelope_to_json()). */
JsonNode        *vg_flood_library_to_json        (VgFloodLibrary   *self);

G_END_DECLS
