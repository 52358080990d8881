/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-feed-parser-datex2"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vg-error.h"
#include "vg-feed-private.h"

/* DATEX II, the European road traffic exchange standard (CEN/TS 16157):
 * - v2 (namespace http://datex2.eu/schema/2/2_0): <d2LogicalModel><payloadPublication
 *   xsi:type="SituationPublication"> with <situation><situationRecord xsi:type="Accident">,
 *   locations in <groupOfLocations>; or xsi:type="MeasuredDataPublication" with
 *   <siteMeasurements> (speed, flow, occupancy, headway, travel time per site and index);
 * - v3 (namespaces http://datex2.eu/schema/3/...): <d2:payload xsi:type="sit:SituationPublication">
 *   (or inside <mc:messageContainer>), locations in <sit:locationReference>; and
 *   xsi:type="TrafficRegulationPublication" with <trafficRegulationOrder>s, as the French
 *   DiaLog service publishes road-regulation orders (arrêtés).
 * Elements are matched on their local names, which both versions share for what Vigie reads. */

#define DATEX2_V2_NS "http://datex2.eu/schema/2/2_0"
#define DATEX2_V3_NS_PREFIX "http://datex2.eu/schema/3/"

typedef struct
{
  const char  *feed_id;
  VgFeedBatch *batch;
  gint64       publication_time;
} Parse;

static const struct {
  const char     *type;
  VgIncidentKind  kind;
} record_kinds[] = {
  { "Accident", VG_INCIDENT_ACCIDENT },
  { "AbnormalTraffic", VG_INCIDENT_CONGESTION },
  { "MaintenanceWorks", VG_INCIDENT_ROADWORKS },
  { "ConstructionWorks", VG_INCIDENT_ROADWORKS },
  { "Roadworks", VG_INCIDENT_ROADWORKS },
  { "VehicleObstruction", VG_INCIDENT_OBSTRUCTION },
  { "GeneralObstruction", VG_INCIDENT_OBSTRUCTION },
  { "AnimalPresenceObstruction", VG_INCIDENT_OBSTRUCTION },
  { "EnvironmentalObstruction", VG_INCIDENT_OBSTRUCTION },
  { "InfrastructureDamageObstruction", VG_INCIDENT_OBSTRUCTION },
  { "RoadOrCarriagewayOrLaneManagement", VG_INCIDENT_CLOSURE },
  { "GeneralNetworkManagement", VG_INCIDENT_REGULATION },
  { "SpeedManagement", VG_INCIDENT_REGULATION },
  { "ReroutingManagement", VG_INCIDENT_REGULATION },
  { "WinterDrivingManagement", VG_INCIDENT_REGULATION },
  { "PoorEnvironmentConditions", VG_INCIDENT_HAZARD },
  { "WeatherRelatedRoadConditions", VG_INCIDENT_HAZARD },
  { "NonWeatherRelatedRoadConditions", VG_INCIDENT_HAZARD },
};

/* --- small readers --- */

/* First element named @name in @node's subtree (itself excluded), iteratively. */
static xmlNode *
find_descendant (xmlNode    *node,
                 const char *name)
{
  xmlNode *n = vg_xml_first_element (node);

  while (n != NULL)
    {
      xmlNode *child;

      if (vg_xml_is (n, name))
        return n;
      if ((child = vg_xml_first_element (n)) != NULL)
        {
          n = child;
          continue;
        }
      while (n != node && vg_xml_next (n, NULL) == NULL)
        n = n->parent;
      if (n == node)
        return NULL;
      n = vg_xml_next (n, NULL);
    }
  return NULL;
}

/* Elements named @name in @node's subtree, not looking inside those found. */
static GPtrArray *
collect_descendants (xmlNode    *node,
                     const char *name)
{
  GPtrArray *found = g_ptr_array_new ();
  xmlNode *n = vg_xml_first_element (node);

  while (n != NULL)
    {
      xmlNode *child = NULL;

      if (vg_xml_is (n, name))
        g_ptr_array_add (found, n);
      else
        child = vg_xml_first_element (n);
      if (child != NULL)
        {
          n = child;
          continue;
        }
      while (n != node && vg_xml_next (n, NULL) == NULL)
        n = n->parent;
      if (n == node)
        break;
      n = vg_xml_next (n, NULL);
    }
  return found;
}

static gboolean
read_time (Parse       *p,
           xmlNode     *parent,
           const char  *name,
           gint64      *usec,
           GError     **error)
{
  xmlNode *node = vg_xml_child (parent, name);
  g_autofree char *text = vg_xml_text (node);

  *usec = VG_FEED_TIME_UNKNOWN;
  if (text == NULL || *text == '\0')
    return TRUE;
  if (!vg_feed_parse_time (text, NULL, usec, NULL))
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, p->feed_id, node,
                        "“%s” is not a date-time with a UTC offset", text);
  return TRUE;
}

/* The texts of <values><value> under the first @name descendant of @parent, joined by
 * newlines; NULL if none. */
static char *
multilingual (xmlNode    *parent,
              const char *name)
{
  xmlNode *node = vg_xml_is (parent, name) ? parent : find_descendant (parent, name);
  xmlNode *values = node != NULL ? find_descendant (node, "values") : NULL;
  GString *text = NULL;

  for (xmlNode *v = vg_xml_child (values, "value"); v != NULL; v = vg_xml_next (v, "value"))
    {
      g_autofree char *line = vg_xml_text (v);

      if (*line == '\0')
        continue;
      if (text == NULL)
        text = g_string_new (line);
      else
        g_string_append_printf (text, "\n%s", line);
    }
  return text != NULL ? g_string_free (text, FALSE) : NULL;
}

/* The source's own type: the record's xsi:type, and its first "…Type" child value. */
static char *
record_subtype (xmlNode    *record,
                const char *type)
{
  for (xmlNode *n = vg_xml_first_element (record); n != NULL; n = vg_xml_next (n, NULL))
    {
      gsize len = strlen ((const char *) n->name);

      if (len > 4 && g_str_has_suffix ((const char *) n->name, "Type") && vg_xml_first_element (n) == NULL)
        {
          g_autofree char *value = vg_xml_text (n);

          if (*value != '\0')
            return g_strdup_printf ("%s/%s", type, value);
        }
    }
  return g_strdup (type);
}

/* --- locations --- */

static gboolean
read_coordinate (Parse    *p,
                 xmlNode  *point,
                 double   *lon,
                 double   *lat,
                 GError  **error)
{
  g_autofree char *lat_text = vg_xml_child_text (point, "latitude");
  g_autofree char *lon_text = vg_xml_child_text (point, "longitude");

  if (!vg_feed_parse_double (lat_text, lat) || !vg_feed_parse_double (lon_text, lon))
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, p->feed_id, point,
                        "expected <latitude> and <longitude> in decimal degrees");
  if (fabs (*lat) > 90 || fabs (*lon) > 180)
    return vg_xml_fail (error, VG_FEED_ERROR_OUT_OF_RANGE, p->feed_id, point,
                        "latitude %s, longitude %s is not WGS84", lat_text, lon_text);
  return TRUE;
}

static gboolean
add_point (Parse      *p,
           VgShapeSet *shapes,
           xmlNode    *point,
           GError    **error)
{
  double lon, lat;

  if (!read_coordinate (p, point, &lon, &lat, error))
    return FALSE;
  vg_shape_set_begin_shape (shapes, VG_SHAPE_POINT);
  vg_shape_set_begin_part (shapes, TRUE);
  vg_shape_set_add_point (shapes, lon, lat);
  vg_shape_set_end_shape (shapes);
  return TRUE;
}

/* <gmlLineString><posList>lat lon lat lon…</posList>: EPSG:4326 axis order, latitude first. */
static gboolean
add_line_string (Parse      *p,
                 VgShapeSet *shapes,
                 xmlNode    *line,
                 GError    **error)
{
  xmlNode *pos_list = vg_xml_child (line, "posList");
  g_autofree char *srs = vg_xml_attr (line, "srsName");
  g_autofree char *text = vg_xml_text (pos_list);
  g_auto(GStrv) words = NULL;
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  if (srs != NULL && strstr (srs, "4326") == NULL)
    return vg_xml_fail (error, VG_FEED_ERROR_UNSUPPORTED, p->feed_id, line,
                        "line string in %s: Vigie reads WGS84 (EPSG:4326) positions", srs);
  if (text == NULL)
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, p->feed_id, line, "line string without <posList>");
  words = g_strsplit_set (text, " \t\r\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      double v;

      if (*words[i] == '\0')
        continue;
      if (!vg_feed_parse_double (words[i], &v))
        return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, p->feed_id, pos_list, "“%s” is not a number", words[i]);
      g_array_append_val (values, v);
    }
  if (values->len < 4 || values->len % 2 != 0)
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, p->feed_id, pos_list,
                        "a line needs pairs of latitude, longitude, at least two; found %u numbers", values->len);
  for (guint i = 0; i < values->len; i += 2)
    if (fabs (g_array_index (values, double, i)) > 90 || fabs (g_array_index (values, double, i + 1)) > 180)
      return vg_xml_fail (error, VG_FEED_ERROR_OUT_OF_RANGE, p->feed_id, pos_list,
                          "latitude %.10g, longitude %.10g is not WGS84", g_array_index (values, double, i),
                          g_array_index (values, double, i + 1));
  vg_shape_set_begin_shape (shapes, VG_SHAPE_LINE);
  vg_shape_set_begin_part (shapes, TRUE);
  for (guint i = 0; i < values->len; i += 2)
    vg_shape_set_add_point (shapes, g_array_index (values, double, i + 1), g_array_index (values, double, i));
  vg_shape_set_end_shape (shapes);
  return TRUE;
}

/* TPEG linear location: from one point to another. */
static gboolean
add_tpeg_line (Parse      *p,
               VgShapeSet *shapes,
               xmlNode    *tpeg,
               GError    **error)
{
  xmlNode *from = find_descendant (vg_xml_child (tpeg, "from"), "pointCoordinates");
  xmlNode *to = find_descendant (vg_xml_child (tpeg, "to"), "pointCoordinates");
  double lon[2], lat[2];

  if (from == NULL || to == NULL)
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, p->feed_id, tpeg, "TPEG linear location without from and to points");
  if (!read_coordinate (p, from, &lon[0], &lat[0], error) || !read_coordinate (p, to, &lon[1], &lat[1], error))
    return FALSE;
  vg_shape_set_begin_shape (shapes, VG_SHAPE_LINE);
  vg_shape_set_begin_part (shapes, TRUE);
  vg_shape_set_add_point (shapes, lon[0], lat[0]);
  vg_shape_set_add_point (shapes, lon[1], lat[1]);
  vg_shape_set_end_shape (shapes);
  return TRUE;
}

/* One location: its best geometry (a line, else a point by coordinates, else the point for
 * display), or a reference when it has no coordinates. */
static gboolean
add_location (Parse      *p,
              xmlNode    *location,
              VgShapeSet *shapes,
              GPtrArray  *refs,
              GError    **error)
{
  xmlNode *node;

  if ((node = find_descendant (location, "gmlLineString")) != NULL)
    return add_line_string (p, shapes, node, error);
  if ((node = find_descendant (location, "tpegLinearLocation")) != NULL)
    return add_tpeg_line (p, shapes, node, error);
  if ((node = find_descendant (location, "pointCoordinates")) != NULL)
    return add_point (p, shapes, node, error);
  if ((node = find_descendant (location, "locationForDisplay")) != NULL ||
      (node = find_descendant (location, "coordinatesForDisplay")) != NULL)
    return add_point (p, shapes, node, error);
  if ((node = vg_xml_is (location, "predefinedLocationReference") ? location
              : find_descendant (location, "predefinedLocationReference")) != NULL)
    {
      g_autofree char *id = vg_xml_attr (node, "id");

      if (id != NULL)
        g_ptr_array_add (refs, g_strdup_printf ("predefined:%s", id));
      return TRUE;
    }
  if ((node = find_descendant (location, "specificLocation")) != NULL)
    {
      g_autofree char *code = vg_xml_text (node);

      g_ptr_array_add (refs, g_strdup_printf ("alertC:%s", code));
    }
  return TRUE;
}

/* A group of locations (v2 groupOfLocations, v3 locationReference, implementedLocation):
 * its members when it lists them, else itself. */
static gboolean
add_locations (Parse      *p,
               xmlNode    *group,
               VgShapeSet *shapes,
               GPtrArray  *refs,
               GError    **error)
{
  static const char * const member_names[] = { "locationContainedInGroup", "locationContainedInItinerary", NULL };
  gboolean listed = FALSE;

  for (guint i = 0; member_names[i] != NULL; i++)
    for (xmlNode *m = vg_xml_child (group, member_names[i]); m != NULL; m = vg_xml_next (m, member_names[i]))
      {
        xmlNode *inner = vg_xml_child (m, "location");

        listed = TRUE;
        if (!add_location (p, inner != NULL ? inner : m, shapes, refs, error))
          return FALSE;
      }
  return listed || add_location (p, group, shapes, refs, error);
}

/* --- situations --- */

static gboolean
refuse_biometric (Parse      *p,
                  xmlNode    *record,
                  const char *id,
                  const char *what)
{
  const char *term;
  xmlNode *found = vg_xml_find_biometric (record, &term);
  g_autofree char *position = NULL;

  if (found == NULL)
    return FALSE;
  position = vg_xml_position (found);
  vg_feed_batch_refuse (p->batch, VG_FEED_REFUSAL_REFUSED, VG_FEED_ERROR_REFUSED, id, position,
                        (const char *) found->name,
                        "%s refused: element <%s> says %s data, which Vigie never processes",
                        what, found->name, term);
  return TRUE;
}

static VgIncidentStatus
record_status (Parse   *p,
               xmlNode *record,
               gint64   start)
{
  xmlNode *life = find_descendant (record, "lifeCycleManagement");
  g_autofree char *cancel = vg_xml_child_text (life, "cancel");
  g_autofree char *end = vg_xml_child_text (life, "end");
  g_autofree char *validity = vg_xml_child_text (vg_xml_child (record, "validity"), "validityStatus");

  if (g_strcmp0 (cancel, "true") == 0)
    return VG_INCIDENT_STATUS_CANCELLED;
  if (g_strcmp0 (end, "true") == 0)
    return VG_INCIDENT_STATUS_ENDED;
  if (g_strcmp0 (validity, "active") == 0)
    return VG_INCIDENT_STATUS_ACTIVE;
  if (g_strcmp0 (validity, "suspended") == 0)
    return VG_INCIDENT_STATUS_SUSPENDED;
  if (g_strcmp0 (validity, "planned") == 0)
    return VG_INCIDENT_STATUS_PLANNED;
  /* definedByValidityTimeSpec: the publication's own time tells, not Vigie's clock. */
  if (g_strcmp0 (validity, "definedByValidityTimeSpec") == 0 && start != VG_FEED_TIME_UNKNOWN &&
      p->publication_time != VG_FEED_TIME_UNKNOWN)
    return start > p->publication_time ? VG_INCIDENT_STATUS_PLANNED : VG_INCIDENT_STATUS_ACTIVE;
  return VG_INCIDENT_STATUS_UNKNOWN;
}

static gboolean
parse_situation_record (Parse       *p,
                        xmlNode     *record,
                        const char  *overall_severity,
                        GError     **error)
{
  g_autofree char *id = vg_xml_attr (record, "id");
  g_autofree char *version = vg_xml_attr (record, "version");
  g_autofree char *type = vg_xml_xsi_type (record);
  g_autofree char *subtype = NULL;
  g_autofree char *severity_text = vg_xml_child_text (record, "severity");
  g_autofree char *comment = NULL;
  g_autofree char *authority = NULL;
  g_autofree char *management_type = NULL;
  g_autofree char *position = vg_xml_position (record);
  g_autoptr(VgShapeSet) geometry = vg_shape_set_new ();
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func (g_free);
  xmlNode *validity = vg_xml_child (record, "validity");
  xmlNode *spec = find_descendant (validity, "validityTimeSpecification");
  VgIncidentFields f = { .kind = VG_INCIDENT_OTHER };
  xmlNode *source;

  if (id == NULL || *id == '\0')
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, p->feed_id, record, "situation record without id");
  if (refuse_biometric (p, record, id, "situation record"))
    return TRUE;
  if (type == NULL)
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, p->feed_id, record, "situation record “%s” without xsi:type", id);
  if (severity_text == NULL && overall_severity != NULL)
    severity_text = g_strdup (overall_severity);
  if (severity_text != NULL && !vg_severity_from_datex (severity_text, &f.severity))
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, p->feed_id, record, "severity “%s” is not a DATEX II value", severity_text);
  if (!read_time (p, record, "situationRecordVersionTime", &f.version_time, error) ||
      !read_time (p, spec, "overallStartTime", &f.start, error) ||
      !read_time (p, spec, "overallEndTime", &f.end, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (record_kinds); i++)
    if (g_str_equal (type, record_kinds[i].type))
      f.kind = record_kinds[i].kind;
  subtype = record_subtype (record, type);
  /* Lane or carriageway management is a closure only when it closes something. */
  management_type = vg_xml_child_text (record, "roadOrCarriagewayOrLaneManagementType");
  if (f.kind == VG_INCIDENT_CLOSURE && management_type != NULL &&
      strstr (management_type, "losure") == NULL && strstr (management_type, "losed") == NULL)
    f.kind = VG_INCIDENT_REGULATION;

  for (xmlNode *g = vg_xml_first_element (record); g != NULL; g = vg_xml_next (g, NULL))
    if ((vg_xml_is (g, "groupOfLocations") || vg_xml_is (g, "locationReference")) &&
        !add_locations (p, g, geometry, refs, error))
      return FALSE;
  g_ptr_array_add (refs, NULL);

  comment = multilingual (record, "generalPublicComment");
  source = vg_xml_child (record, "source");
  authority = vg_xml_child_text (source, "sourceIdentification");
  if (authority == NULL && source != NULL)
    authority = multilingual (source, "sourceName");
  f.subtype = subtype;
  f.description = comment;
  f.authority = authority;
  f.version = version;
  f.status = record_status (p, record, f.start);
  f.geometry = geometry;
  f.location_refs = (const char * const *) refs->pdata;
  vg_feed_batch_add_incident (p->batch, vg_incident_new (vg_feed_batch_get_origin (p->batch), id, position, &f));
  return TRUE;
}

static gboolean
parse_situations (Parse    *p,
                  xmlNode  *publication,
                  GError  **error)
{
  for (xmlNode *s = vg_xml_child (publication, "situation"); s != NULL; s = vg_xml_next (s, "situation"))
    {
      g_autofree char *overall = vg_xml_child_text (s, "overallSeverity");

      for (xmlNode *r = vg_xml_child (s, "situationRecord"); r != NULL; r = vg_xml_next (r, "situationRecord"))
        if (!parse_situation_record (p, r, overall, error))
          return FALSE;
    }
  return TRUE;
}

/* --- traffic regulations (v3) --- */

static VgIncidentStatus
regulation_status (const char *status)
{
  if (g_strcmp0 (status, "active") == 0)
    return VG_INCIDENT_STATUS_ACTIVE;
  if (g_strcmp0 (status, "planned") == 0)
    return VG_INCIDENT_STATUS_PLANNED;
  if (g_strcmp0 (status, "inactive") == 0)
    return VG_INCIDENT_STATUS_SUSPENDED;
  return VG_INCIDENT_STATUS_UNKNOWN;
}

static gboolean
parse_regulation (Parse       *p,
                  xmlNode     *order,
                  xmlNode     *regulation,
                  const char  *source_id,
                  GError     **error)
{
  xmlNode *type_node = vg_xml_child (regulation, "typeOfRegulation");
  xmlNode *spec = find_descendant (regulation, "validityTimeSpecification");
  g_autofree char *type = vg_xml_xsi_type (type_node);
  g_autofree char *subtype = NULL;
  g_autofree char *status = vg_xml_child_text (regulation, "status");
  g_autofree char *description = multilingual (order, "description");
  g_autofree char *authority = multilingual (order, "issuingAuthority");
  g_autofree char *version = vg_xml_attr (order, "version");
  g_autofree char *position = vg_xml_position (regulation);
  g_autoptr(VgShapeSet) geometry = vg_shape_set_new ();
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) locations = NULL;
  VgIncidentFields f = { .kind = VG_INCIDENT_REGULATION };

  if (type == NULL)
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, p->feed_id, regulation,
                        "traffic regulation without a typed <typeOfRegulation>");
  subtype = record_subtype (type_node, type);
  if (!read_time (p, spec, "overallStartTime", &f.start, error) ||
      !read_time (p, spec, "overallEndTime", &f.end, error))
    return FALSE;

  /* Every <implementedLocation> of the (nested) location conditions. */
  locations = collect_descendants (regulation, "implementedLocation");
  for (guint i = 0; i < locations->len; i++)
    if (!add_locations (p, locations->pdata[i], geometry, refs, error))
      return FALSE;
  g_ptr_array_add (refs, NULL);

  f.subtype = subtype;
  f.title = description;
  f.authority = authority;
  f.version = version;
  f.version_time = p->publication_time;
  f.status = regulation_status (status);
  f.geometry = geometry;
  f.location_refs = (const char * const *) refs->pdata;
  vg_feed_batch_add_incident (p->batch, vg_incident_new (vg_feed_batch_get_origin (p->batch), source_id, position, &f));
  return TRUE;
}

static gboolean
parse_regulations (Parse    *p,
                   xmlNode  *publication,
                   GError  **error)
{
  for (xmlNode *group = vg_xml_child (publication, "trafficRegulationsFromCompetentAuthorities");
       group != NULL; group = vg_xml_next (group, "trafficRegulationsFromCompetentAuthorities"))
    for (xmlNode *order = vg_xml_child (group, "trafficRegulationOrder"); order != NULL;
         order = vg_xml_next (order, "trafficRegulationOrder"))
      {
        g_autofree char *id = vg_xml_attr (order, "id");
        guint n = 0, index = 0;

        if (id == NULL || *id == '\0')
          return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, p->feed_id, order, "traffic regulation order without id");
        if (refuse_biometric (p, order, id, "traffic regulation order"))
          continue;
        for (xmlNode *r = vg_xml_child (order, "trafficRegulation"); r != NULL; r = vg_xml_next (r, "trafficRegulation"))
          n++;
        for (xmlNode *r = vg_xml_child (order, "trafficRegulation"); r != NULL; r = vg_xml_next (r, "trafficRegulation"))
          {
            g_autofree char *source_id = n > 1 ? g_strdup_printf ("%s#%u", id, ++index) : g_strdup (id);

            if (!parse_regulation (p, order, r, source_id, error))
              return FALSE;
          }
      }
  return TRUE;
}

/* --- measured data (v2) --- */

static const struct {
  const char *type;
  const char *path[3];   /* element names from basicData down to the value */
  VgQuantity  quantity;
  const char *unit;      /* DATEX II's unit for that element */
} measures[] = {
  { "TrafficSpeed", { "averageVehicleSpeed", "speed", NULL }, VG_QUANTITY_TRAFFIC_SPEED, "km/h" },
  { "TrafficFlow", { "vehicleFlow", "vehicleFlowRate", NULL }, VG_QUANTITY_TRAFFIC_FLOW, "veh/h" },
  { "TrafficConcentration", { "occupancy", "percentage", NULL }, VG_QUANTITY_OCCUPANCY, "%" },
  { "TrafficHeadway", { "averageTimeHeadway", "duration", NULL }, VG_QUANTITY_HEADWAY, "s" },
  { "TravelTimeData", { "travelTime", "duration", NULL }, VG_QUANTITY_TRAVEL_TIME, "s" },
  { "TemperatureInformation", { "temperature", "airTemperature", "temperature" }, VG_QUANTITY_TEMPERATURE, "°C" },
  { "WindInformation", { "wind", "windSpeed", "speed" }, VG_QUANTITY_WIND_SPEED, "km/h" },
  { "HumidityInformation", { "humidity", "relativeHumidity", "percentage" }, VG_QUANTITY_HUMIDITY, "%" },
};

static gboolean
parse_measured_value (Parse       *p,
                      xmlNode     *value_node,
                      const char  *site,
                      gint64       time,
                      GError     **error)
{
  xmlNode *basic = find_descendant (value_node, "basicData");
  g_autofree char *type = vg_xml_xsi_type (basic);
  g_autofree char *index = vg_xml_attr (value_node, "index");
  g_autofree char *station = index != NULL ? g_strdup_printf ("%s:%s", site, index) : g_strdup (site);

  for (guint i = 0; type != NULL && i < G_N_ELEMENTS (measures); i++)
    {
      xmlNode *n = basic, *first;
      g_autofree char *text = NULL;
      g_autofree char *data_error = NULL;
      g_autofree char *position = NULL;
      double value, converted;

      if (!g_str_equal (type, measures[i].type))
        continue;
      first = vg_xml_child (basic, measures[i].path[0]);
      for (guint k = 0; k < G_N_ELEMENTS (measures[i].path) && measures[i].path[k] != NULL && n != NULL; k++)
        n = vg_xml_child (n, measures[i].path[k]);
      if (n == NULL)
        return TRUE;   /* the type without its value: nothing measured */
      position = vg_xml_position (n);
      data_error = vg_xml_child_text (first, "dataError");
      if (g_strcmp0 (data_error, "true") == 0)
        {
          vg_feed_batch_refuse (p->batch, VG_FEED_REFUSAL_SKIPPED, VG_FEED_ERROR_OUT_OF_RANGE, station, position,
                                "dataError", "value of site %s flagged as a data error by the source, skipped", station);
          return TRUE;
        }
      text = vg_xml_text (n);
      if (!vg_feed_parse_double (text, &value))
        return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, p->feed_id, n, "“%s” is not a number", text);
      if (!vg_quantity_convert (measures[i].quantity, measures[i].unit, value, &converted))
        g_return_val_if_reached (FALSE);
      vg_feed_batch_add_observation (p->batch,
                                     vg_observation_new (vg_feed_batch_get_origin (p->batch), station, position,
                                                         station, measures[i].quantity, converted, time, NAN, NAN));
      return TRUE;
    }
  return TRUE;   /* a measure Vigie does not use */
}

static gboolean
parse_measured (Parse    *p,
                xmlNode  *publication,
                GError  **error)
{
  for (xmlNode *s = vg_xml_child (publication, "siteMeasurements"); s != NULL; s = vg_xml_next (s, "siteMeasurements"))
    {
      g_autofree char *site = vg_xml_attr (vg_xml_child (s, "measurementSiteReference"), "id");
      gint64 time;

      if (site == NULL || *site == '\0')
        return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, p->feed_id, s, "site measurements without a site reference");
      if (refuse_biometric (p, s, site, "site measurements"))
        continue;
      if (!read_time (p, s, "measurementTimeDefault", &time, error))
        return FALSE;
      if (time == VG_FEED_TIME_UNKNOWN)
        return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, p->feed_id, s, "site measurements without <measurementTimeDefault>");
      for (xmlNode *v = vg_xml_child (s, "measuredValue"); v != NULL; v = vg_xml_next (v, "measuredValue"))
        if (!parse_measured_value (p, v, site, time, error))
          return FALSE;
    }
  return TRUE;
}

/* --- publications --- */

static gboolean
parse_publication (Parse    *p,
                   xmlNode  *publication,
                   gboolean  v3,
                   GError  **error)
{
  g_autofree char *type = vg_xml_xsi_type (publication);

  if (type == NULL)
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, p->feed_id, publication, "publication without xsi:type");
  if (!read_time (p, publication, "publicationTime", &p->publication_time, error))
    return FALSE;
  if (g_str_equal (type, "SituationPublication"))
    return parse_situations (p, publication, error);
  if (g_str_equal (type, "MeasuredDataPublication") && !v3)
    return parse_measured (p, publication, error);
  if (g_str_equal (type, "TrafficRegulationPublication") && v3)
    return parse_regulations (p, publication, error);
  return vg_xml_fail (error, VG_FEED_ERROR_UNSUPPORTED, p->feed_id, publication,
                      "DATEX II %s %s: Vigie reads situations%s", v3 ? "v3" : "v2", type,
                      v3 ? " and traffic regulations" : " and measured data");
}

VgFeedBatch *
vg_feed_parse_datex2 (const char  *feed_id,
                      GDateTime   *received_at,
                      GBytes      *payload,
                      GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(VgFeedOrigin) origin = NULL;
  g_autoptr(VgFeedBatch) batch = NULL;
  xmlNode *root;
  const char *ns;
  gboolean v3, found = FALSE;
  Parse p = { feed_id, NULL, VG_FEED_TIME_UNKNOWN };

  g_return_val_if_fail (feed_id != NULL && received_at != NULL && payload != NULL, NULL);

  if ((doc = vg_feed_xml_load (feed_id, payload, error)) == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  ns = vg_xml_ns (root);
  v3 = g_str_has_prefix (ns, DATEX2_V3_NS_PREFIX);
  if (!v3 && !g_str_equal (ns, DATEX2_V2_NS))
    {
      vg_xml_fail (error, VG_FEED_ERROR_UNSUPPORTED, feed_id, root,
                   "not DATEX II: root element <%s> in namespace “%s”", root->name, ns);
      return NULL;
    }
  origin = vg_feed_origin_new_for (feed_id, VG_FEED_KIND_DATEX2, received_at, payload);
  batch = vg_feed_batch_new (origin);
  p.batch = batch;

  /* v3 payload as the root, or publications inside a model or message container. */
  if (v3 && vg_xml_is (root, "payload"))
    {
      if (!parse_publication (&p, root, TRUE, error))
        return NULL;
      return g_steal_pointer (&batch);
    }
  for (xmlNode *n = vg_xml_first_element (root); n != NULL; n = vg_xml_next (n, NULL))
    if (vg_xml_is (n, "payloadPublication") || vg_xml_is (n, "payload"))
      {
        found = TRUE;
        if (!parse_publication (&p, n, v3, error))
          return NULL;
      }
  if (!found)
    {
      vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, feed_id, root, "no payload publication in <%s>", root->name);
      return NULL;
    }
  return g_steal_pointer (&batch);
}
