/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libxml/tree.h>

#include "vg-cap-area.h"
#include "vg-feed-batch.h"
#include "vg-feed-parser.h"

G_BEGIN_DECLS

/* Internals of the feeds module: constructors the parsers use on records that are immutable
 * once out, and helpers shared by the parsers. Not for use outside app/core/feeds/. */

/* --- records under construction --- */
VgFeedBatch *vg_feed_batch_new              (VgFeedOrigin    *origin);
/* The add functions take ownership of the record. */
void         vg_feed_batch_add_observation  (VgFeedBatch     *self,
                                             VgObservation   *observation);
void         vg_feed_batch_add_forecast     (VgFeedBatch     *self,
                                             VgForecast      *forecast);
void         vg_feed_batch_add_warning      (VgFeedBatch     *self,
                                             VgWarning       *warning);
void         vg_feed_batch_add_incident     (VgFeedBatch     *self,
                                             VgIncident      *incident);
void         vg_feed_batch_add_index_entry  (VgFeedBatch     *self,
                                             VgCapIndexEntry *entry);
void         vg_feed_batch_add_refusal      (VgFeedBatch     *self,
                                             VgFeedRefusal   *refusal);

/* New forecast taking @times (GArray of gint64 Unix µs). */
VgForecast  *vg_forecast_new                (VgFeedOrigin    *origin,
                                             const char      *source_id,
                                             const char      *position,
                                             double           lon,
                                             double           lat,
                                             double           elevation,
                                             gint64           model_run,
                                             double           generation_ms,
                                             GArray          *times);
/* Takes @values (GArray of double, as long as the times) as the series of @quantity. */
void         vg_forecast_take_series        (VgForecast      *self,
                                             VgQuantity       quantity,
                                             GArray          *values);

/* New area; add geocodes, polygons (closed rings of lon,lat pairs) and circles, then seal. */
VgCapArea   *vg_cap_area_new                (const char      *description);
void         vg_cap_area_add_geocode        (VgCapArea       *self,
                                             const char      *name,
                                             const char      *value);
void         vg_cap_area_add_polygon        (VgCapArea       *self,
                                             const double    *lonlat,
                                             guint            n_points);
void         vg_cap_area_add_circle         (VgCapArea       *self,
                                             double           lon,
                                             double           lat,
                                             double           radius_m);
/* Computes the key; no more additions after this. */
void         vg_cap_area_seal               (VgCapArea       *self);

/* --- JSON output of records --- */
/* Adds member @name (NULL inside an array) with @value, or nothing if @value is NULL. */
void         vg_feed_json_add_string        (JsonBuilder     *builder,
                                             const char      *name,
                                             const char      *value);
/* Adds member @name (NULL inside an array) as ISO 8601 UTC, nothing if VG_FEED_TIME_UNKNOWN
 * (and null inside an array). */
void         vg_feed_json_add_time          (JsonBuilder     *builder,
                                             const char      *name,
                                             gint64           usec);
/* Adds @shapes as an array of GeoJSON geometries (lon/lat). */
void         vg_feed_json_add_shapes        (JsonBuilder     *builder,
                                             VgShapeSet      *shapes);

/* --- errors --- */
/* Error "Feed “@feed_id”: @position: message" in VG_FEED_ERROR. */
GError      *vg_feed_error_new              (int              code,
                                             const char      *feed_id,
                                             const char      *position,
                                             const char      *format,
                                             ...) G_GNUC_PRINTF (4, 5);
/* Sets @error to a new vg_feed_error_new(); always returns FALSE, for "return fail (...)". */
gboolean     vg_feed_fail                   (GError         **error,
                                             int              code,
                                             const char      *feed_id,
                                             const char      *position,
                                             const char      *format,
                                             ...) G_GNUC_PRINTF (5, 6);
/* Adds to @batch a refusal of @action at @position for @field, with an error of @code. */
void         vg_feed_batch_refuse           (VgFeedBatch     *batch,
                                             VgFeedRefusalAction action,
                                             int              code,
                                             const char      *record_id,
                                             const char      *position,
                                             const char      *field,
                                             const char      *format,
                                             ...) G_GNUC_PRINTF (7, 8);
/* New origin for a payload of @kind received at @received_at. */
VgFeedOrigin *vg_feed_origin_new_for        (const char      *feed_id,
                                             VgFeedKind       kind,
                                             GDateTime       *received_at,
                                             GBytes          *payload);
/* FALSE with VG_FEED_ERROR_TOO_LARGE if @payload is over VG_FEED_MAX_PAYLOAD. */
gboolean     vg_feed_check_size             (const char      *feed_id,
                                             GBytes          *payload,
                                             GError         **error);

/* --- times --- */
/* Parses an RFC 3339 date-time "YYYY-MM-DDTHH:MM[:SS[.frac]]" with "Z" or a UTC offset, or
 * without one when @default_tz is given (seconds are optional: Open-Meteo omits them), into Unix
 * µs; @day (may be NULL) receives the date as written, that is in the time's own offset
 * ("2022-08-10"). FALSE if @text is not such a time, or not within 1900–2200. */
gboolean     vg_feed_parse_time             (const char      *text,
                                             GTimeZone       *default_tz,
                                             gint64          *usec,
                                             char           **day);

/* --- policy --- */
/* The biometric term @name says (face, facial, fingerprint, iris, voiceprint, gait,
 * biometric), matched on the words of @name (camelCase, snake_case, kebab-case...), or NULL;
 * static. "surface" or "interface" are not faces. */
const char  *vg_feed_biometric_term         (const char      *name);
/* TRUE for an image/, audio/ or video/ MIME type. */
gboolean     vg_feed_is_media_type          (const char      *mime_type);

/* --- JSON input --- */
/* Checks size, strict RFC 8259 syntax, UTF-8 and depth, then parses @payload; full ownership. */
JsonNode    *vg_feed_json_load              (const char      *feed_id,
                                             GBytes          *payload,
                                             GError         **error);

/* Walks a JSON document keeping the JSON path of the current node for positions. */
typedef struct
{
  const char *feed_id;
  GString    *path;
} VgJsonWalk;

typedef enum {
  VG_JSON_OPTIONAL = 0,
  VG_JSON_REQUIRED = 1 << 0,   /* absent member is an error */
  VG_JSON_NULLABLE = 1 << 1,   /* null is accepted (as absent) */
} VgJsonFlags;

void         vg_json_walk_init              (VgJsonWalk      *walk,
                                             const char      *feed_id);
void         vg_json_walk_clear             (VgJsonWalk      *walk);
/* Descends into member @name / element @index; returns a mark for vg_json_walk_leave(). */
gsize        vg_json_walk_member            (VgJsonWalk      *walk,
                                             const char      *name);
gsize        vg_json_walk_index             (VgJsonWalk      *walk,
                                             guint            index);
void         vg_json_walk_leave             (VgJsonWalk      *walk,
                                             gsize            mark);
/* The current path ("$.data[3]"); borrowed. */
const char  *vg_json_walk_path              (VgJsonWalk      *walk);
/* vg_feed_fail() at the current path. */
gboolean     vg_json_walk_fail              (VgJsonWalk      *walk,
                                             GError         **error,
                                             int              code,
                                             const char      *format,
                                             ...) G_GNUC_PRINTF (4, 5);
/* Name of @node's JSON type ("object", "number"...). */
const char  *vg_json_type_name              (JsonNode        *node);
/* Typed member lookups: FALSE with an error at path.@name if the member has another type
 * (or is absent with VG_JSON_REQUIRED); an absent (or null, with NULLABLE) member leaves
 * *@value NULL (strings, objects, arrays) or NAN (numbers) and returns TRUE. */
gboolean     vg_json_get_string             (VgJsonWalk      *walk,
                                             JsonObject      *object,
                                             const char      *name,
                                             VgJsonFlags      flags,
                                             const char     **value,
                                             GError         **error);
gboolean     vg_json_get_number             (VgJsonWalk      *walk,
                                             JsonObject      *object,
                                             const char      *name,
                                             VgJsonFlags      flags,
                                             double          *value,
                                             GError         **error);
gboolean     vg_json_get_object             (VgJsonWalk      *walk,
                                             JsonObject      *object,
                                             const char      *name,
                                             VgJsonFlags      flags,
                                             JsonObject     **value,
                                             GError         **error);
gboolean     vg_json_get_array              (VgJsonWalk      *walk,
                                             JsonObject      *object,
                                             const char      *name,
                                             VgJsonFlags      flags,
                                             JsonArray      **value,
                                             GError         **error);
/* The object @node is, or FALSE with an error at the current path. */
gboolean     vg_json_expect_object          (VgJsonWalk      *walk,
                                             JsonNode        *node,
                                             JsonObject     **object,
                                             GError         **error);
/* First member name of @object (recursively through nested objects and arrays) that says a
 * biometric term, or NULL; @path receives its path below @object (g_free). @clean_names (may
 * be NULL; a string set made by vg_json_new_name_cache()) remembers names already found
 * clean, since records of one feed repeat the same names. */
const char  *vg_json_find_biometric_member  (JsonObject      *object,
                                             GHashTable      *clean_names,
                                             char           **path);
/* New cache for vg_json_find_biometric_member(). */
GHashTable  *vg_json_new_name_cache         (void);

/* --- XML input --- */
/* Checks size, refuses any DOCTYPE, parses without network or entity substitution, checks
 * depth; full ownership (xmlFreeDoc). */
xmlDoc      *vg_feed_xml_load               (const char      *feed_id,
                                             GBytes          *payload,
                                             GError         **error);
/* TRUE if @node is an element named @name (local name, any namespace). */
gboolean     vg_xml_is                      (xmlNode         *node,
                                             const char      *name);
/* First child element of @parent named @name (local name), or NULL. */
xmlNode     *vg_xml_child                   (xmlNode         *parent,
                                             const char      *name);
/* Next sibling element of @node named @name (any name if NULL), or NULL. */
xmlNode     *vg_xml_next                    (xmlNode         *node,
                                             const char      *name);
/* First child element of @parent (any name), or NULL. */
xmlNode     *vg_xml_first_element           (xmlNode         *parent);
/* Whitespace-trimmed text of @node, NULL for NULL; full ownership. */
char        *vg_xml_text                    (xmlNode         *node);
/* vg_xml_text() of the child @name of @parent, NULL if absent or empty; full ownership. */
char        *vg_xml_child_text              (xmlNode         *parent,
                                             const char      *name);
/* Namespace URI of @node, or "" ; borrowed. */
const char  *vg_xml_ns                      (xmlNode         *node);
/* Local part of @node's xsi:type ("sit:Accident" → "Accident"), or NULL; full ownership. */
char        *vg_xml_xsi_type                (xmlNode         *node);
/* Attribute @name of @node (no namespace), or NULL; full ownership. */
char        *vg_xml_attr                    (xmlNode         *node,
                                             const char      *name);
/* Position of @node: "line N, /root/child[2]/leaf"; full ownership. */
char        *vg_xml_position                (xmlNode         *node);
/* vg_feed_fail() at @node's position. */
gboolean     vg_xml_fail                    (GError         **error,
                                             int              code,
                                             const char      *feed_id,
                                             xmlNode         *node,
                                             const char      *format,
                                             ...) G_GNUC_PRINTF (5, 6);
/* First element in @node's subtree (itself included) whose name or attribute name says a
 * biometric term, or NULL; @term receives the term. */
xmlNode     *vg_xml_find_biometric          (xmlNode         *node,
                                             const char     **term);
/* Parses @text (XML content) as a finite double; FALSE otherwise. */
gboolean     vg_feed_parse_double           (const char      *text,
                                             double          *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

G_END_DECLS
