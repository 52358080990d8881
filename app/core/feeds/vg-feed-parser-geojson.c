/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-feed-parser-geojson"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vg-error.h"
#include "vg-feed-private.h"

/* GeoJSON (RFC 7946) FeatureCollection of incidents, WGS84 lon/lat. GeoJSON fixes no incident
 * vocabulary, so properties are read in that of the Waze Closure and Incident Feed
 * Specification (CIFS), which many road authorities publish: "type" (ACCIDENT, CONSTRUCTION,
 * HAZARD, ROAD_CLOSED), "subtype", "description", "street", "starttime", "endtime", with a few
 * common synonyms (title, severity, status, start/end). Other properties are ignored, after
 * the policy checks. Legacy "crs" members other than WGS84 are refused, not guessed. */

typedef struct
{
  VgFeedBatch *batch;
  VgJsonWalk  *walk;
  GHashTable  *clean_names;
} Parse;

static const struct {
  const char     *word;
  VgIncidentKind  kind;
} kinds[] = {
  { "accident", VG_INCIDENT_ACCIDENT }, { "crash", VG_INCIDENT_ACCIDENT }, { "collision", VG_INCIDENT_ACCIDENT },
  { "road_closed", VG_INCIDENT_CLOSURE }, { "closure", VG_INCIDENT_CLOSURE }, { "closed", VG_INCIDENT_CLOSURE },
  { "fermeture", VG_INCIDENT_CLOSURE },
  { "construction", VG_INCIDENT_ROADWORKS }, { "roadworks", VG_INCIDENT_ROADWORKS }, { "works", VG_INCIDENT_ROADWORKS },
  { "travaux", VG_INCIDENT_ROADWORKS }, { "maintenance", VG_INCIDENT_ROADWORKS },
  { "obstruction", VG_INCIDENT_OBSTRUCTION }, { "debris", VG_INCIDENT_OBSTRUCTION },
  { "congestion", VG_INCIDENT_CONGESTION }, { "jam", VG_INCIDENT_CONGESTION },
  { "hazard", VG_INCIDENT_HAZARD }, { "flood", VG_INCIDENT_HAZARD }, { "inondation", VG_INCIDENT_HAZARD },
  { "weather", VG_INCIDENT_HAZARD },
  { "fire", VG_INCIDENT_EMERGENCY }, { "incendie", VG_INCIDENT_EMERGENCY }, { "rescue", VG_INCIDENT_EMERGENCY },
  { "emergency", VG_INCIDENT_EMERGENCY }, { "evacuation", VG_INCIDENT_EMERGENCY },
  { "regulation", VG_INCIDENT_REGULATION },
};

static const struct {
  const char       *word;
  VgIncidentStatus  status;
} statuses[] = {
  { "active", VG_INCIDENT_STATUS_ACTIVE }, { "planned", VG_INCIDENT_STATUS_PLANNED },
  { "suspended", VG_INCIDENT_STATUS_SUSPENDED }, { "ended", VG_INCIDENT_STATUS_ENDED },
  { "closed", VG_INCIDENT_STATUS_ENDED }, { "cancelled", VG_INCIDENT_STATUS_CANCELLED },
  { "canceled", VG_INCIDENT_STATUS_CANCELLED },
};

/* --- geometry --- */

static gboolean
read_position (Parse    *p,
               JsonNode *node,
               double   *lon,
               double   *lat,
               GError  **error)
{
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return vg_json_walk_fail (p->walk, error, VG_FEED_ERROR_MALFORMED, "expected a position [lon, lat], found %s",
                              vg_json_type_name (node));
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n < 2 || n > 3)
    return vg_json_walk_fail (p->walk, error, VG_FEED_ERROR_MALFORMED, "a position has 2 or 3 numbers, found %u", n);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *v = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (v) || json_node_get_value_type (v) == G_TYPE_STRING ||
          json_node_get_value_type (v) == G_TYPE_BOOLEAN)
        return vg_json_walk_fail (p->walk, error, VG_FEED_ERROR_MALFORMED, "coordinate %u is %s, not a number",
                                  i, vg_json_type_name (v));
    }
  *lon = json_array_get_double_element (array, 0);
  *lat = json_array_get_double_element (array, 1);
  if (fabs (*lon) > 180 || fabs (*lat) > 90)
    return vg_json_walk_fail (p->walk, error, VG_FEED_ERROR_OUT_OF_RANGE,
                              "%.10g, %.10g is not WGS84 longitude, latitude%s", *lon, *lat,
                              fabs (*lon) > 1000 || fabs (*lat) > 1000
                              ? " (projected metres? Lambert-93 must be converted before publishing GeoJSON)" : "");
  return TRUE;
}

/* Positions of one line or ring into a new part of @shapes. */
static gboolean
read_positions (Parse      *p,
                JsonNode   *node,
                VgShapeSet *shapes,
                guint       min,
                gboolean    ring,
                gboolean    outer,
                GError    **error)
{
  JsonArray *array;
  guint n;
  double first[2] = { 0, 0 }, lon = 0, lat = 0;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return vg_json_walk_fail (p->walk, error, VG_FEED_ERROR_MALFORMED, "expected an array of positions, found %s",
                              vg_json_type_name (node));
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n < min)
    return vg_json_walk_fail (p->walk, error, VG_FEED_ERROR_MALFORMED, "%s needs at least %u positions, found %u",
                              ring ? "a ring" : "a line", min, n);
  vg_shape_set_begin_part (shapes, outer);
  for (guint i = 0; i < n; i++)
    {
      gsize mark = vg_json_walk_index (p->walk, i);
      gboolean ok = read_position (p, json_array_get_element (array, i), &lon, &lat, error);

      vg_json_walk_leave (p->walk, mark);
      if (!ok)
        return FALSE;
      if (i == 0)
        first[0] = lon, first[1] = lat;
      vg_shape_set_add_point (shapes, lon, lat);
    }
  if (ring && (first[0] != lon || first[1] != lat))
    return vg_json_walk_fail (p->walk, error, VG_FEED_ERROR_MALFORMED, "ring not closed: its first and last positions differ");
  return TRUE;
}

/* Each element of @node (an array) through @read, with its index in the path. */
static gboolean
read_each (Parse       *p,
           JsonNode    *node,
           guint        min,
           const char  *what,
           gboolean   (*read) (Parse *, JsonNode *, VgShapeSet *, guint, GError **),
           VgShapeSet  *shapes,
           GError     **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return vg_json_walk_fail (p->walk, error, VG_FEED_ERROR_MALFORMED, "expected an array of %s, found %s",
                              what, vg_json_type_name (node));
  array = json_node_get_array (node);
  if (json_array_get_length (array) < min)
    return vg_json_walk_fail (p->walk, error, VG_FEED_ERROR_MALFORMED, "no %s", what);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize mark = vg_json_walk_index (p->walk, i);
      gboolean ok = read (p, json_array_get_element (array, i), shapes, i, error);

      vg_json_walk_leave (p->walk, mark);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_point_part (Parse      *p,
                 JsonNode   *node,
                 VgShapeSet *shapes,
                 guint       index,
                 GError    **error)
{
  double lon, lat;

  if (!read_position (p, node, &lon, &lat, error))
    return FALSE;
  vg_shape_set_begin_part (shapes, TRUE);
  vg_shape_set_add_point (shapes, lon, lat);
  return TRUE;
}

static gboolean
read_line_part (Parse      *p,
                JsonNode   *node,
                VgShapeSet *shapes,
                guint       index,
                GError    **error)
{
  return read_positions (p, node, shapes, 2, FALSE, TRUE, error);
}

static gboolean
read_ring_part (Parse      *p,
                JsonNode   *node,
                VgShapeSet *shapes,
                guint       index,
                GError    **error)
{
  return read_positions (p, node, shapes, 4, TRUE, index == 0, error);
}

static gboolean
read_polygon_part (Parse      *p,
                   JsonNode   *node,
                   VgShapeSet *shapes,
                   guint       index,
                   GError    **error)
{
  return read_each (p, node, 1, "rings", read_ring_part, shapes, error);
}

static gboolean
read_geometry (Parse      *p,
               JsonObject *geometry,
               VgShapeSet *shapes,
               GError    **error)
{
  const char *type;
  JsonNode *coordinates;
  gsize mark;
  gboolean ok;

  if (!vg_json_get_string (p->walk, geometry, "type", VG_JSON_REQUIRED, &type, error))
    return FALSE;
  if (g_str_equal (type, "GeometryCollection"))
    return vg_json_walk_fail (p->walk, error, VG_FEED_ERROR_UNSUPPORTED,
                              "GeometryCollection: give each part its own feature");
  coordinates = json_object_get_member (geometry, "coordinates");
  if (coordinates == NULL)
    return vg_json_walk_fail (p->walk, error, VG_FEED_ERROR_MALFORMED, "%s without coordinates", type);

  mark = vg_json_walk_member (p->walk, "coordinates");
  if (g_str_equal (type, "Point"))
    {
      vg_shape_set_begin_shape (shapes, VG_SHAPE_POINT);
      ok = read_point_part (p, coordinates, shapes, 0, error);
    }
  else if (g_str_equal (type, "MultiPoint"))
    {
      vg_shape_set_begin_shape (shapes, VG_SHAPE_POINT);
      ok = read_each (p, coordinates, 1, "positions", read_point_part, shapes, error);
    }
  else if (g_str_equal (type, "LineString"))
    {
      vg_shape_set_begin_shape (shapes, VG_SHAPE_LINE);
      ok = read_line_part (p, coordinates, shapes, 0, error);
    }
  else if (g_str_equal (type, "MultiLineString"))
    {
      vg_shape_set_begin_shape (shapes, VG_SHAPE_LINE);
      ok = read_each (p, coordinates, 1, "lines", read_line_part, shapes, error);
    }
  else if (g_str_equal (type, "Polygon"))
    {
      vg_shape_set_begin_shape (shapes, VG_SHAPE_POLYGON);
      ok = read_polygon_part (p, coordinates, shapes, 0, error);
    }
  else if (g_str_equal (type, "MultiPolygon"))
    {
      vg_shape_set_begin_shape (shapes, VG_SHAPE_POLYGON);
      ok = read_each (p, coordinates, 1, "polygons", read_polygon_part, shapes, error);
    }
  else
    {
      vg_json_walk_leave (p->walk, mark);
      return vg_json_walk_fail (p->walk, error, VG_FEED_ERROR_MALFORMED, "“%s” is not a GeoJSON geometry type", type);
    }
  vg_json_walk_leave (p->walk, mark);
  if (ok)
    vg_shape_set_end_shape (shapes);
  else
    vg_shape_set_abort_shape (shapes);
  return ok;
}

/* --- properties --- */

static gboolean
data_uri_is_media (const char *value)
{
  return g_ascii_strncasecmp (value, "data:", 5) == 0 && vg_feed_is_media_type (value + 5);
}

/* Strips (reports) every data: URI carrying an image, audio or video anywhere in @node. */
static void
strip_media (Parse      *p,
             const char *id,
             JsonNode   *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          gsize mark = vg_json_walk_member (p->walk, name);

          strip_media (p, id, member);
          vg_json_walk_leave (p->walk, mark);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize mark = vg_json_walk_index (p->walk, i);

          strip_media (p, id, json_array_get_element (array, i));
          vg_json_walk_leave (p->walk, mark);
        }
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
           data_uri_is_media (json_node_get_string (node)))
    {
      const char *value = json_node_get_string (node);
      const char *end = strpbrk (value + 5, ";,");
      g_autofree char *mime = g_strndup (value + 5, end != NULL ? (gsize) (end - value - 5) : strlen (value + 5));

      vg_feed_batch_refuse (p->batch, VG_FEED_REFUSAL_STRIPPED, VG_FEED_ERROR_REFUSED, id,
                            vg_json_walk_path (p->walk), vg_json_walk_path (p->walk),
                            "embedded %s (%" G_GSIZE_FORMAT " characters) dropped unread: Vigie never "
                            "decodes images, audio or video", mime, strlen (value));
    }
}

/* First of @names that @properties has as a string (data: URIs excluded). */
static gboolean
first_string (Parse               *p,
              JsonObject          *properties,
              const char * const  *names,
              const char         **value,
              const char         **found,
              GError             **error)
{
  *value = NULL;
  for (guint i = 0; properties != NULL && names[i] != NULL; i++)
    {
      if (!vg_json_get_string (p->walk, properties, names[i], VG_JSON_NULLABLE, value, error))
        return FALSE;
      if (*value != NULL && data_uri_is_media (*value))
        *value = NULL;
      if (*value != NULL)
        {
          if (found != NULL)
            *found = names[i];
          return TRUE;
        }
    }
  return TRUE;
}

static gboolean
first_time (Parse              *p,
            JsonObject         *properties,
            const char * const *names,
            gint64             *usec,
            GError            **error)
{
  const char *text, *name = NULL;

  *usec = VG_FEED_TIME_UNKNOWN;
  if (!first_string (p, properties, names, &text, &name, error))
    return FALSE;
  if (text != NULL && !vg_feed_parse_time (text, NULL, usec, NULL))
    {
      gsize mark = vg_json_walk_member (p->walk, name);

      vg_json_walk_fail (p->walk, error, VG_FEED_ERROR_MALFORMED, "“%s” is not a date-time with a UTC offset", text);
      vg_json_walk_leave (p->walk, mark);
      return FALSE;
    }
  return TRUE;
}

static VgIncidentKind
kind_of (const char *type,
         const char *subtype)
{
  g_autofree char *lower = g_ascii_strdown (type != NULL ? type : subtype != NULL ? subtype : "", -1);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strstr (lower, kinds[i].word) != NULL)
      return kinds[i].kind;
  return VG_INCIDENT_OTHER;
}

static char *
dup_id (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return NULL;
}

static gboolean
parse_feature (Parse    *p,
               JsonNode *node,
               guint     index,
               GError  **error)
{
  static const char * const type_names[] = { "type", "kind", "category", "incident_type", NULL };
  static const char * const subtype_names[] = { "subtype", NULL };
  static const char * const title_names[] = { "title", "name", "headline", "street", NULL };
  static const char * const description_names[] = { "description", NULL };
  static const char * const authority_names[] = { "authority", "source", "reporter", NULL };
  static const char * const severity_names[] = { "severity", NULL };
  static const char * const status_names[] = { "status", NULL };
  static const char * const start_names[] = { "starttime", "start", "start_time", "valid_from", "onset", NULL };
  static const char * const end_names[] = { "endtime", "end", "end_time", "valid_to", "expires", NULL };
  static const char * const version_names[] = { "updated", "update_time", "creationtime", "version_time", NULL };
  JsonObject *feature, *properties, *geometry;
  const char *feature_type, *type, *subtype, *severity, *status, *term;
  g_autofree char *id = NULL;
  g_autofree char *biometric_path = NULL;
  g_autofree char *full_type = NULL;
  g_autoptr(VgShapeSet) shapes = vg_shape_set_new ();
  VgIncidentFields f = { 0 };

  if (!vg_json_expect_object (p->walk, node, &feature, error) ||
      !vg_json_get_string (p->walk, feature, "type", VG_JSON_REQUIRED, &feature_type, error) ||
      !vg_json_get_object (p->walk, feature, "properties", VG_JSON_NULLABLE, &properties, error) ||
      !vg_json_get_object (p->walk, feature, "geometry", VG_JSON_REQUIRED | VG_JSON_NULLABLE, &geometry, error))
    return FALSE;
  if (!g_str_equal (feature_type, "Feature"))
    return vg_json_walk_fail (p->walk, error, VG_FEED_ERROR_MALFORMED, "type “%s” where a Feature was expected", feature_type);

  id = dup_id (json_object_get_member (feature, "id"));
  if (id == NULL && properties != NULL)
    id = dup_id (json_object_get_member (properties, "id"));
  if (id == NULL)
    id = g_strdup_printf ("feature-%u", index + 1);   /* RFC 7946 makes ids optional */

  if (properties != NULL && (term = vg_json_find_biometric_member (properties, p->clean_names, &biometric_path)) != NULL)
    {
      g_autofree char *field = g_strconcat ("properties.", biometric_path, NULL);

      vg_feed_batch_refuse (p->batch, VG_FEED_REFUSAL_REFUSED, VG_FEED_ERROR_REFUSED, id, vg_json_walk_path (p->walk),
                            field, "feature “%s” refused: property “%s” says %s data, which Vigie never processes",
                            id, biometric_path, term);
      return TRUE;
    }
  if (properties != NULL)
    {
      g_autoptr(JsonNode) wrapper = json_node_init_object (json_node_alloc (), properties);
      gsize mark = vg_json_walk_member (p->walk, "properties");

      strip_media (p, id, wrapper);
      vg_json_walk_leave (p->walk, mark);
    }

  if (geometry != NULL)
    {
      gsize mark = vg_json_walk_member (p->walk, "geometry");
      gboolean ok = read_geometry (p, geometry, shapes, error);

      vg_json_walk_leave (p->walk, mark);
      if (!ok)
        return FALSE;
    }

  {
    gsize mark = vg_json_walk_member (p->walk, "properties");
    gboolean ok = first_string (p, properties, type_names, &type, NULL, error) &&
                  first_string (p, properties, subtype_names, &subtype, NULL, error) &&
                  first_string (p, properties, title_names, &f.title, NULL, error) &&
                  first_string (p, properties, description_names, &f.description, NULL, error) &&
                  first_string (p, properties, authority_names, &f.authority, NULL, error) &&
                  first_string (p, properties, severity_names, &severity, NULL, error) &&
                  first_string (p, properties, status_names, &status, NULL, error) &&
                  first_time (p, properties, start_names, &f.start, error) &&
                  first_time (p, properties, end_names, &f.end, error) &&
                  first_time (p, properties, version_names, &f.version_time, error);

    if (ok && severity != NULL && !vg_severity_from_cap (severity, &f.severity) &&
        !vg_severity_from_datex (severity, &f.severity) && !vg_severity_from_id (severity, &f.severity))
      {
        vg_json_walk_member (p->walk, "severity");
        ok = vg_json_walk_fail (p->walk, error, VG_FEED_ERROR_MALFORMED,
                                "severity “%s” is neither a CAP nor a DATEX II value", severity);
      }
    vg_json_walk_leave (p->walk, mark);
    if (!ok)
      return FALSE;
  }
  for (guint i = 0; status != NULL && i < G_N_ELEMENTS (statuses); i++)
    if (g_ascii_strcasecmp (status, statuses[i].word) == 0)
      f.status = statuses[i].status;

  f.kind = kind_of (type, subtype);
  if (subtype != NULL && type != NULL)
    full_type = g_strdup_printf ("%s/%s", type, subtype);
  f.subtype = full_type != NULL ? full_type : type != NULL ? type : subtype;
  f.geometry = shapes;
  vg_feed_batch_add_incident (p->batch, vg_incident_new (vg_feed_batch_get_origin (p->batch), id,
                                                         vg_json_walk_path (p->walk), &f));
  return TRUE;
}

static gboolean
check_crs (Parse      *p,
           JsonObject *collection,
           GError    **error)
{
  static const char * const wgs84[] = {
    "urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "urn:ogc:def:crs:EPSG::4326",
    "EPSG:4326", "http://www.opengis.net/def/crs/OGC/1.3/CRS84", NULL
  };
  JsonObject *crs, *properties;
  const char *name;
  gsize mark;
  gboolean ok;

  if (!vg_json_get_object (p->walk, collection, "crs", VG_JSON_NULLABLE, &crs, error))
    return FALSE;
  if (crs == NULL)
    return TRUE;
  mark = vg_json_walk_member (p->walk, "crs");
  ok = vg_json_get_object (p->walk, crs, "properties", VG_JSON_REQUIRED, &properties, error);
  if (ok)
    {
      vg_json_walk_member (p->walk, "properties");
      ok = vg_json_get_string (p->walk, properties, "name", VG_JSON_REQUIRED, &name, error);
      if (ok && !g_strv_contains (wgs84, name))
        ok = vg_json_walk_fail (p->walk, error, VG_FEED_ERROR_UNSUPPORTED,
                                "coordinates in %s: GeoJSON feeds must be WGS84 lon/lat (RFC 7946)", name);
    }
  vg_json_walk_leave (p->walk, mark);
  return ok;
}

VgFeedBatch *
vg_feed_parse_geojson (const char  *feed_id,
                       GDateTime   *received_at,
                       GBytes      *payload,
                       GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(VgFeedOrigin) origin = NULL;
  g_autoptr(VgFeedBatch) batch = NULL;
  g_autoptr(GHashTable) clean_names = vg_json_new_name_cache ();
  JsonObject *object;
  JsonArray *features = NULL;
  const char *type = NULL;
  VgJsonWalk walk;
  Parse p;
  gboolean ok;

  g_return_val_if_fail (feed_id != NULL && received_at != NULL && payload != NULL, NULL);

  if ((root = vg_feed_json_load (feed_id, payload, error)) == NULL)
    return NULL;
  origin = vg_feed_origin_new_for (feed_id, VG_FEED_KIND_GEOJSON, received_at, payload);
  batch = vg_feed_batch_new (origin);
  vg_json_walk_init (&walk, feed_id);
  p = (Parse) { batch, &walk, clean_names };

  ok = vg_json_expect_object (&walk, root, &object, error) &&
       vg_json_get_string (&walk, object, "type", VG_JSON_REQUIRED, &type, error) &&
       check_crs (&p, object, error);
  if (ok && g_str_equal (type, "Feature"))
    ok = parse_feature (&p, root, 0, error);
  else if (ok && !g_str_equal (type, "FeatureCollection"))
    ok = vg_json_walk_fail (&walk, error, VG_FEED_ERROR_UNSUPPORTED,
                            "a %s: incidents come as a FeatureCollection or a Feature", type);
  else if (ok)
    ok = vg_json_get_array (&walk, object, "features", VG_JSON_REQUIRED, &features, error);
  for (guint i = 0; ok && features != NULL && i < json_array_get_length (features); i++)
    {
      gsize mark = vg_json_walk_member (&walk, "features");

      vg_json_walk_index (&walk, i);
      ok = parse_feature (&p, json_array_get_element (features, i), i, error);
      vg_json_walk_leave (&walk, mark);
    }
  vg_json_walk_clear (&walk);
  return ok ? g_steal_pointer (&batch) : NULL;
}
