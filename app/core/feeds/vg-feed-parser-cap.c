/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-feed-parser-cap"

#include "config.h"

#include <libxml/tree.h>
#include <math.h>
#include <string.h>

#include "vg-error.h"
#include "vg-feed-private.h"

/* OASIS Common Alerting Protocol 1.2 (and 1.1, 1.0: same elements for what Vigie reads), as
 * published by Météo-France through MeteoAlarm (parameters awareness_level, awareness_type;
 * areas by NUTS3 geocode), the US IPAWS and NWS, and the standard's Appendix A. */

#define CAP12_NS "urn:oasis:names:tc:emergency:cap:1.2"
#define CAP11_NS "urn:oasis:names:tc:emergency:cap:1.1"
#define CAP10_NS "http://www.incident.com/cap/1.0"

/* Vigie works in French: a French info is kept when there is one, else the message's first
 * language; translations of the same info would otherwise count as more warnings. */
#define PREFERRED_LANGUAGE "fr"

/* Vertices of the polygon drawn for a CAP circle on incident geometry. */
#define CIRCLE_VERTICES 32

static const char * const statuses[] = { "Actual", "Exercise", "System", "Test", "Draft", NULL };
static const char * const msg_types[] = { "Alert", "Update", "Cancel", "Ack", "Error", NULL };
static const char * const urgencies[] = { "Immediate", "Expected", "Future", "Past", "Unknown", NULL };
static const char * const certainties[] = { "Observed", "Likely", "Possible", "Unlikely", "Unknown",
                                            "Very Likely" /* CAP 1.0 */, NULL };

typedef struct
{
  const char  *feed_id;
  VgFeedBatch *batch;
  xmlNode     *alert;
  char        *identifier;
  char        *sender;
  char        *sent_text;
  char        *status;
  char        *msg_type;
  char       **references;
  gint64       sent;
} Alert;

static void
alert_clear (Alert *a)
{
  g_free (a->identifier);
  g_free (a->sender);
  g_free (a->sent_text);
  g_free (a->status);
  g_free (a->msg_type);
  g_strfreev (a->references);
}

/* One <info>'s contents, once read. */
typedef struct
{
  xmlNode          *node;
  char             *language;
  char             *category;
  char             *event;
  char             *urgency;
  char             *certainty;
  char             *headline;
  char             *description;
  char             *instruction;
  char             *sender_name;
  char             *awareness_type_name;
  char             *day;
  gint64            effective, onset, expires;
  VgSeverity        severity;
  VgAwarenessLevel  awareness_level;
  guint             awareness_type;
  GPtrArray        *resources;
  GPtrArray        *areas;
} Info;

static void
info_clear (Info *info)
{
  g_free (info->language);
  g_free (info->category);
  g_free (info->event);
  g_free (info->urgency);
  g_free (info->certainty);
  g_free (info->headline);
  g_free (info->description);
  g_free (info->instruction);
  g_free (info->sender_name);
  g_free (info->awareness_type_name);
  g_free (info->day);
  g_clear_pointer (&info->resources, g_ptr_array_unref);
  g_clear_pointer (&info->areas, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Alert, alert_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Info, info_clear)

static gboolean
in_list (const char         *value,
         const char * const *list)
{
  return value != NULL && g_strv_contains (list, value);
}

static gboolean
require_text (Alert       *a,
              xmlNode     *parent,
              const char  *name,
              char       **value,
              GError     **error)
{
  *value = vg_xml_child_text (parent, name);
  if (*value == NULL)
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, a->feed_id, parent, "missing <%s>", name);
  return TRUE;
}

static gboolean
optional_time (Alert       *a,
               xmlNode     *parent,
               const char  *name,
               gint64      *usec,
               char       **day,
               GError     **error)
{
  g_autofree char *text = vg_xml_child_text (parent, name);

  *usec = VG_FEED_TIME_UNKNOWN;
  if (text == NULL)
    return TRUE;
  if (!vg_feed_parse_time (text, NULL, usec, day))
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, a->feed_id, vg_xml_child (parent, name),
                        "“%s” is not a date-time with a UTC offset", text);
  return TRUE;
}

/* --- policy --- */

/* The name and value of a parameter, event code or geocode: <valueName> and <value>, or in
 * CAP 1.0 the text "name=value". FALSE if it has neither form. */
static gboolean
read_name_value (xmlNode  *node,
                 char    **name,
                 char    **value)
{
  g_autofree char *text = NULL;
  const char *eq;

  *name = vg_xml_child_text (node, "valueName");
  *value = vg_xml_child_text (node, "value");
  if (*name != NULL && *value != NULL)
    return TRUE;
  g_clear_pointer (name, g_free);
  g_clear_pointer (value, g_free);
  if (vg_xml_first_element (node) != NULL)
    return FALSE;
  text = vg_xml_text (node);
  if ((eq = strchr (text, '=')) == NULL || eq == text)
    return FALSE;
  *name = g_strstrip (g_strndup (text, eq - text));
  *value = g_strstrip (g_strdup (eq + 1));
  return **name != '\0' && **value != '\0';
}

/* @text with each run of white space (CAP writers wrap long lines) made one space; takes it. */
static char *
collapse_space (char *text)
{
  char *out = text;

  if (text == NULL)
    return NULL;
  for (const char *in = text; *in != '\0'; in++)
    {
      if (g_ascii_isspace (*in))
        {
          if (out > text && out[-1] == ' ')
            continue;
          *out++ = ' ';
        }
      else
        *out++ = *in;
    }
  *out = '\0';
  return g_strstrip (text);
}

/* Describes what in @alert says biometric data, or NULL: element and attribute names
 * anywhere (extensions included), the names of parameters, event codes and geocodes, and
 * resource descriptions. @where receives the element concerned. */
static char *
find_biometric (xmlNode  *alert,
                xmlNode **where)
{
  const char *term;
  xmlNode *found = vg_xml_find_biometric (alert, &term);

  if (found != NULL)
    {
      *where = found;
      return g_strdup_printf ("element <%s> says %s data", found->name, term);
    }
  for (xmlNode *info = vg_xml_child (alert, "info"); info != NULL; info = vg_xml_next (info, "info"))
    for (xmlNode *n = vg_xml_first_element (info); n != NULL; n = vg_xml_next (n, NULL))
      {
        if (vg_xml_is (n, "parameter") || vg_xml_is (n, "eventCode"))
          {
            g_autofree char *name = NULL;
            g_autofree char *value = NULL;

            read_name_value (n, &name, &value);

            if ((term = vg_feed_biometric_term (name)) != NULL)
              {
                *where = n;
                return g_strdup_printf ("<%s> “%s” says %s data", n->name, name, term);
              }
          }
        else if (vg_xml_is (n, "resource"))
          {
            g_autofree char *desc = vg_xml_child_text (n, "resourceDesc");

            if ((term = vg_feed_biometric_term (desc)) != NULL)
              {
                *where = n;
                return g_strdup_printf ("resource “%s” says %s data", desc, term);
              }
          }
        else if (vg_xml_is (n, "area"))
          for (xmlNode *g = vg_xml_child (n, "geocode"); g != NULL; g = vg_xml_next (g, "geocode"))
            {
              g_autofree char *name = NULL;
              g_autofree char *value = NULL;

              read_name_value (g, &name, &value);

              if ((term = vg_feed_biometric_term (name)) != NULL)
                {
                  *where = g;
                  return g_strdup_printf ("geocode “%s” says %s data", name, term);
                }
            }
      }
  return NULL;
}

/* --- areas --- */

static gboolean
parse_lat_lon (const char *text,
               double     *lon,
               double     *lat)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  return g_strv_length (parts) == 2 &&
         vg_feed_parse_double (g_strstrip (parts[0]), lat) &&
         vg_feed_parse_double (g_strstrip (parts[1]), lon) &&
         fabs (*lat) <= 90 && fabs (*lon) <= 180;
}

static gboolean
parse_polygon (Alert      *a,
               xmlNode    *node,
               VgCapArea  *area,
               GError    **error)
{
  g_autofree char *text = vg_xml_text (node);
  g_auto(GStrv) pairs = g_strsplit_set (text, " \t\r\n", -1);
  g_autoptr(GArray) lonlat = g_array_new (FALSE, FALSE, sizeof (double));
  guint n;

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      double lon, lat;

      if (*pairs[i] == '\0')
        continue;
      if (!parse_lat_lon (pairs[i], &lon, &lat))
        return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, a->feed_id, node,
                            "“%s” is not a WGS84 “latitude,longitude” pair", pairs[i]);
      g_array_append_val (lonlat, lon);
      g_array_append_val (lonlat, lat);
    }
  n = lonlat->len / 2;
  if (n < 4)
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, a->feed_id, node,
                        "a polygon needs at least 4 points, found %u", n);
  if (g_array_index (lonlat, double, 0) != g_array_index (lonlat, double, 2 * n - 2) ||
      g_array_index (lonlat, double, 1) != g_array_index (lonlat, double, 2 * n - 1))
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, a->feed_id, node,
                        "polygon not closed: its first and last points differ");
  vg_cap_area_add_polygon (area, (const double *) (gpointer) lonlat->data, n);
  return TRUE;
}

static gboolean
parse_circle (Alert      *a,
              xmlNode    *node,
              VgCapArea  *area,
              GError    **error)
{
  g_autofree char *text = vg_xml_text (node);
  g_auto(GStrv) parts = g_strsplit_set (text, " \t\r\n", -1);
  const char *centre = NULL, *radius = NULL;
  double lon, lat, radius_km;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0')
        continue;
      if (centre == NULL)
        centre = parts[i];
      else if (radius == NULL)
        radius = parts[i];
      else
        radius = "";   /* too many fields */
    }
  if (centre == NULL || radius == NULL || !parse_lat_lon (centre, &lon, &lat) ||
      !vg_feed_parse_double (radius, &radius_km) || radius_km < 0 || radius_km > 20000)
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, a->feed_id, node,
                        "“%s” is not a circle “latitude,longitude radius-km”", text);
  vg_cap_area_add_circle (area, lon, lat, radius_km * 1000);
  return TRUE;
}

static VgCapArea *
parse_area (Alert    *a,
            xmlNode  *node,
            GError  **error)
{
  g_autofree char *description = collapse_space (vg_xml_child_text (node, "areaDesc"));
  g_autoptr(VgCapArea) area = vg_cap_area_new (description);

  for (xmlNode *n = vg_xml_first_element (node); n != NULL; n = vg_xml_next (n, NULL))
    {
      if (vg_xml_is (n, "polygon"))
        {
          if (!parse_polygon (a, n, area, error))
            return NULL;
        }
      else if (vg_xml_is (n, "circle"))
        {
          if (!parse_circle (a, n, area, error))
            return NULL;
        }
      else if (vg_xml_is (n, "geocode"))
        {
          g_autofree char *name = NULL;
          g_autofree char *value = NULL;

          if (!read_name_value (n, &name, &value))
            {
              vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, a->feed_id, n, "geocode without valueName and value");
              return NULL;
            }
          vg_cap_area_add_geocode (area, name, value);
        }
    }
  vg_cap_area_seal (area);
  return g_steal_pointer (&area);
}

/* --- info --- */

/* "3; Thunderstorm" → 3, "Thunderstorm". */
static gboolean
parse_awareness_type (const char  *value,
                      guint       *code,
                      char       **name)
{
  g_auto(GStrv) parts = g_strsplit (value, ";", 2);
  guint64 number;

  if (parts[0] == NULL || parts[1] == NULL ||
      !g_ascii_string_to_unsigned (g_strstrip (parts[0]), 10, 1, 99, &number, NULL))
    return FALSE;
  *code = number;
  *name = g_strdup (g_strstrip (parts[1]));
  return TRUE;
}

static gboolean
parse_parameter (Alert    *a,
                 Info     *info,
                 xmlNode  *node,
                 GError  **error)
{
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;

  if (!read_name_value (node, &name, &value))
    return TRUE;   /* a parameter without a name says nothing Vigie reads */
  if (g_str_equal (name, "awareness_level"))
    {
      if (!vg_awareness_level_parse (value, &info->awareness_level))
        return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, a->feed_id, node,
                            "awareness_level “%s” is not “N; colour; severity” (1 green to 4 red)", value);
    }
  else if (g_str_equal (name, "awareness_type"))
    {
      g_clear_pointer (&info->awareness_type_name, g_free);
      if (!parse_awareness_type (value, &info->awareness_type, &info->awareness_type_name))
        return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, a->feed_id, node,
                            "awareness_type “%s” is not “N; name”", value);
    }
  return TRUE;
}

/* Sum of the text lengths under @node, without copying it. */
static gsize
text_length (xmlNode *node)
{
  gsize len = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_TEXT_NODE && child->content != NULL)
      len += strlen ((const char *) child->content);
  return len;
}

static gboolean
parse_resource (Alert    *a,
                Info     *info,
                xmlNode  *node,
                GError  **error)
{
  g_autofree char *description = vg_xml_child_text (node, "resourceDesc");
  g_autofree char *mime_type = vg_xml_child_text (node, "mimeType");
  g_autofree char *size_text = vg_xml_child_text (node, "size");
  g_autofree char *uri = vg_xml_child_text (node, "uri");
  g_autofree char *digest = vg_xml_child_text (node, "digest");
  xmlNode *deref = vg_xml_child (node, "derefUri");
  gint64 size = -1, dropped = -1;

  if (size_text != NULL && !g_ascii_string_to_signed (size_text, 10, 0, G_MAXINT64, &size, NULL))
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, a->feed_id, vg_xml_child (node, "size"),
                        "resource size “%s” is not a number of bytes", size_text);
  if (deref != NULL)
    {
      g_autofree char *position = vg_xml_position (deref);

      /* The embedded content is base64 text in the tree: it is measured, never decoded,
       * never kept. */
      dropped = text_length (deref);
      vg_feed_batch_refuse (a->batch, VG_FEED_REFUSAL_STRIPPED, VG_FEED_ERROR_REFUSED, a->identifier,
                            position, "resource/derefUri",
                            "embedded %s content (%" G_GINT64_FORMAT " characters of base64) dropped "
                            "unread: Vigie keeps resources as references and never decodes images, "
                            "audio or video", vg_feed_is_media_type (mime_type) ? mime_type : "resource",
                            dropped);
    }
  g_ptr_array_add (info->resources, vg_cap_resource_new (description, mime_type, size, uri, digest, dropped));
  return TRUE;
}

static gboolean
parse_info (Alert    *a,
            xmlNode  *node,
            Info     *info,
            GError  **error)
{
  g_autofree char *severity = NULL;

  info->node = node;
  info->resources = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_cap_resource_unref);
  info->areas = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_cap_area_unref);
  info->language = vg_xml_child_text (node, "language");
  if (info->language == NULL)
    info->language = g_strdup ("en-US");   /* CAP's default */
  if (!require_text (a, node, "category", &info->category, error) ||
      !require_text (a, node, "event", &info->event, error) ||
      !require_text (a, node, "urgency", &info->urgency, error) ||
      !require_text (a, node, "severity", &severity, error) ||
      !require_text (a, node, "certainty", &info->certainty, error))
    return FALSE;
  if (!in_list (info->urgency, urgencies))
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, a->feed_id, vg_xml_child (node, "urgency"),
                        "urgency “%s” is not a CAP value", info->urgency);
  if (!in_list (info->certainty, certainties))
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, a->feed_id, vg_xml_child (node, "certainty"),
                        "certainty “%s” is not a CAP value", info->certainty);
  if (!vg_severity_from_cap (severity, &info->severity))
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, a->feed_id, vg_xml_child (node, "severity"),
                        "severity “%s” is not a CAP value", severity);
  if (!optional_time (a, node, "effective", &info->effective, NULL, error) ||
      !optional_time (a, node, "onset", &info->onset, NULL, error) ||
      !optional_time (a, node, "expires", &info->expires, NULL, error))
    return FALSE;
  {
    /* The warning's day, in the sender's own offset. */
    g_autofree char *onset = vg_xml_child_text (node, "onset");
    g_autofree char *effective = vg_xml_child_text (node, "effective");
    gint64 ignored;

    vg_feed_parse_time (onset ? onset : effective ? effective : a->sent_text, NULL, &ignored, &info->day);
  }
  info->headline = collapse_space (vg_xml_child_text (node, "headline"));
  info->description = vg_xml_child_text (node, "description");
  info->instruction = vg_xml_child_text (node, "instruction");
  info->sender_name = collapse_space (vg_xml_child_text (node, "senderName"));
  info->event = collapse_space (info->event);

  for (xmlNode *n = vg_xml_first_element (node); n != NULL; n = vg_xml_next (n, NULL))
    {
      if (vg_xml_is (n, "parameter"))
        {
          if (!parse_parameter (a, info, n, error))
            return FALSE;
        }
      else if (vg_xml_is (n, "resource"))
        {
          if (!parse_resource (a, info, n, error))
            return FALSE;
        }
      else if (vg_xml_is (n, "area"))
        {
          VgCapArea *area = parse_area (a, n, error);

          if (area == NULL)
            return FALSE;
          g_ptr_array_add (info->areas, area);
        }
    }
  return TRUE;
}

/* --- records --- */

static void
fill_warning_fields (Alert           *a,
                     Info            *info,
                     VgWarningFields *f)
{
  *f = (VgWarningFields) {
    .sender = a->sender,
    .identifier = a->identifier,
    .sent = a->sent,
    .status = a->status,
    .msg_type = a->msg_type,
    .references = (const char * const *) a->references,
    .effective = VG_FEED_TIME_UNKNOWN,
    .onset = VG_FEED_TIME_UNKNOWN,
    .expires = VG_FEED_TIME_UNKNOWN,
  };
  if (info == NULL)
    return;
  f->language = info->language;
  f->category = info->category;
  f->event = info->event;
  f->headline = info->headline;
  f->description = info->description;
  f->instruction = info->instruction;
  f->sender_name = info->sender_name;
  f->severity = info->severity;
  f->urgency = info->urgency;
  f->certainty = info->certainty;
  f->effective = info->effective;
  f->onset = info->onset;
  f->expires = info->expires;
  f->day = info->day;
  f->awareness_level = info->awareness_level;
  f->awareness_type = info->awareness_type;
  f->awareness_type_name = info->awareness_type_name;
  f->resources = info->resources;
}

static void
add_warnings (Alert *a,
              Info  *info)
{
  VgFeedOrigin *origin = vg_feed_batch_get_origin (a->batch);
  VgWarningFields f;

  fill_warning_fields (a, info, &f);
  if (info->areas->len == 0)
    {
      g_autofree char *position = vg_xml_position (info->node);

      vg_feed_batch_add_warning (a->batch, vg_warning_new (origin, position, &f));
      return;
    }
  for (guint i = 0; i < info->areas->len; i++)
    {
      g_autofree char *position = NULL;
      xmlNode *area = vg_xml_child (info->node, "area");

      for (guint j = 0; j < i; j++)
        area = vg_xml_next (area, "area");
      position = vg_xml_position (area);
      f.area = info->areas->pdata[i];
      vg_feed_batch_add_warning (a->batch, vg_warning_new (origin, position, &f));
    }
}

static VgIncidentKind
incident_kind (const char *category)
{
  static const char * const hazards[] = { "Geo", "Env", "Met", NULL };
  static const char * const emergencies[] = { "Safety", "Security", "Rescue", "Fire", "Health", "CBRNE", NULL };

  if (in_list (category, hazards))
    return VG_INCIDENT_HAZARD;
  if (in_list (category, emergencies))
    return VG_INCIDENT_EMERGENCY;
  return VG_INCIDENT_OTHER;
}

static void
add_circle_polygon (VgShapeSet *shapes,
                    double      lon,
                    double      lat,
                    double      radius_m)
{
  /* Local equirectangular approximation: exact enough at the scale of an incident. */
  const double metres_per_degree = 111320.0;
  double dlat = radius_m / metres_per_degree;
  double dlon = radius_m / (metres_per_degree * MAX (cos (lat * G_PI / 180), 1e-6));

  if (radius_m <= 0)
    {
      vg_shape_set_begin_shape (shapes, VG_SHAPE_POINT);
      vg_shape_set_begin_part (shapes, TRUE);
      vg_shape_set_add_point (shapes, lon, lat);
      vg_shape_set_end_shape (shapes);
      return;
    }
  vg_shape_set_begin_shape (shapes, VG_SHAPE_POLYGON);
  vg_shape_set_begin_part (shapes, TRUE);
  for (guint i = 0; i <= CIRCLE_VERTICES; i++)
    {
      double angle = 2 * G_PI * (i % CIRCLE_VERTICES) / CIRCLE_VERTICES;

      vg_shape_set_add_point (shapes, CLAMP (lon + dlon * cos (angle), -180, 180),
                              CLAMP (lat + dlat * sin (angle), -90, 90));
    }
  vg_shape_set_end_shape (shapes);
}

static void
add_incident (Alert  *a,
              Info   *info,
              guint   index,
              guint   n_infos)
{
  g_autoptr(VgShapeSet) geometry = vg_shape_set_new ();
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *source_id = NULL;
  g_autofree char *position = vg_xml_position (info->node);
  VgIncidentFields f;

  if (!g_str_equal (a->status, "Actual"))
    {
      vg_feed_batch_refuse (a->batch, VG_FEED_REFUSAL_SKIPPED, VG_FEED_ERROR_UNSUPPORTED, a->identifier,
                            position, "status",
                            "%s message “%s” not shown as an incident: only Actual alerts are",
                            a->status, info->event);
      return;
    }
  for (guint i = 0; i < info->areas->len; i++)
    {
      VgCapArea *area = info->areas->pdata[i];
      VgShapeSet *polygons = vg_cap_area_get_polygons (area);

      for (guint s = 0; s < vg_shape_set_get_n_shapes (polygons); s++)
        {
          guint n;
          const double *xy = vg_shape_set_get_part (polygons, s, 0, &n, NULL);

          vg_shape_set_begin_shape (geometry, VG_SHAPE_POLYGON);
          vg_shape_set_begin_part (geometry, TRUE);
          for (guint k = 0; k < n; k++)
            vg_shape_set_add_point (geometry, xy[2 * k], xy[2 * k + 1]);
          vg_shape_set_end_shape (geometry);
        }
      for (guint c = 0; c < vg_cap_area_get_n_circles (area); c++)
        {
          double lon, lat, radius;

          vg_cap_area_get_circle (area, c, &lon, &lat, &radius);
          add_circle_polygon (geometry, lon, lat, radius);
        }
      for (guint g = 0; g < vg_cap_area_get_n_geocodes (area); g++)
        {
          const char *name, *value;

          vg_cap_area_get_geocode (area, g, &name, &value);
          g_ptr_array_add (refs, g_strdup_printf ("%s:%s", name, value));
        }
    }
  g_ptr_array_add (refs, NULL);

  source_id = n_infos > 1 ? g_strdup_printf ("%s#%u", a->identifier, index + 1) : g_strdup (a->identifier);
  f = (VgIncidentFields) {
    .kind = incident_kind (info->category),
    .subtype = info->event,
    .title = info->headline ? info->headline : info->event,
    .description = info->description,
    .authority = info->sender_name ? info->sender_name : a->sender,
    .severity = info->severity,
    /* Status from the message alone (no clock here): cancelled, expired when sent, or active. */
    .status = g_str_equal (a->msg_type, "Cancel") ? VG_INCIDENT_STATUS_CANCELLED
            : info->expires != VG_FEED_TIME_UNKNOWN && info->expires <= a->sent ? VG_INCIDENT_STATUS_ENDED
            : VG_INCIDENT_STATUS_ACTIVE,
    .start = info->onset != VG_FEED_TIME_UNKNOWN ? info->onset
           : info->effective != VG_FEED_TIME_UNKNOWN ? info->effective : a->sent,
    .end = info->expires,
    .version_time = a->sent,
    .version = a->identifier,
    .geometry = geometry,
    .location_refs = (const char * const *) refs->pdata,
  };
  vg_feed_batch_add_incident (a->batch, vg_incident_new (vg_feed_batch_get_origin (a->batch), source_id, position, &f));
}

/* --- alert --- */

static gboolean
parse_references (Alert    *a,
                  GError  **error)
{
  g_autofree char *text = vg_xml_child_text (a->alert, "references");
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) references = g_ptr_array_new_with_free_func (g_free);

  if (text != NULL)
    {
      words = g_strsplit_set (text, " \t\r\n", -1);
      for (guint i = 0; words[i] != NULL; i++)
        {
          g_auto(GStrv) parts = NULL;

          if (*words[i] == '\0')
            continue;
          parts = g_strsplit (words[i], ",", -1);
          if (g_strv_length (parts) != 3 || *parts[0] == '\0' || *parts[1] == '\0')
            return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, a->feed_id, vg_xml_child (a->alert, "references"),
                                "reference “%s” is not “sender,identifier,sent”", words[i]);
          g_ptr_array_add (references, g_strdup (words[i]));
        }
    }
  g_ptr_array_add (references, NULL);
  a->references = (char **) g_ptr_array_free (g_steal_pointer (&references), FALSE);
  return TRUE;
}

static gboolean
parse_alert (Alert    *a,
             GError  **error)
{
  g_autofree char *biometric = NULL;
  g_autofree char *kept_language = NULL;
  xmlNode *where = NULL;
  guint n_kept = 0, index = 0;

  if (!require_text (a, a->alert, "identifier", &a->identifier, error) ||
      !require_text (a, a->alert, "sender", &a->sender, error) ||
      !require_text (a, a->alert, "sent", &a->sent_text, error) ||
      !require_text (a, a->alert, "status", &a->status, error) ||
      !require_text (a, a->alert, "msgType", &a->msg_type, error))
    return FALSE;

  /* Refused whole, before anything of it is interpreted. */
  if ((biometric = find_biometric (a->alert, &where)) != NULL)
    {
      g_autofree char *position = vg_xml_position (where);

      vg_feed_batch_refuse (a->batch, VG_FEED_REFUSAL_REFUSED, VG_FEED_ERROR_REFUSED, a->identifier,
                            position, (const char *) where->name,
                            "alert “%s” refused: %s, which Vigie never processes", a->identifier, biometric);
      return TRUE;
    }

  if (!vg_feed_parse_time (a->sent_text, NULL, &a->sent, NULL))
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, a->feed_id, vg_xml_child (a->alert, "sent"),
                        "“%s” is not a date-time with a UTC offset", a->sent_text);
  if (!in_list (a->status, statuses))
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, a->feed_id, vg_xml_child (a->alert, "status"),
                        "status “%s” is not a CAP value", a->status);
  if (!in_list (a->msg_type, msg_types))
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, a->feed_id, vg_xml_child (a->alert, "msgType"),
                        "msgType “%s” is not a CAP value", a->msg_type);
  if (!parse_references (a, error))
    return FALSE;

  for (xmlNode *n = vg_xml_child (a->alert, "info"); n != NULL; n = vg_xml_next (n, "info"))
    {
      g_autofree char *language = vg_xml_child_text (n, "language");

      if (language == NULL)
        language = g_strdup ("en-US");
      if (kept_language == NULL || (g_ascii_strncasecmp (language, PREFERRED_LANGUAGE, 2) == 0 &&
                                    g_ascii_strncasecmp (kept_language, PREFERRED_LANGUAGE, 2) != 0))
        {
          g_free (kept_language);
          kept_language = g_strdup (language);
        }
    }

  if (kept_language == NULL)
    {
      /* An info-less message (a Cancel, an Ack) still counts: it ends what it references. */
      g_autofree char *day = NULL;
      gint64 ignored;
      VgWarningFields f;
      g_autofree char *position = vg_xml_position (a->alert);

      vg_feed_parse_time (a->sent_text, NULL, &ignored, &day);
      fill_warning_fields (a, NULL, &f);
      f.day = day;
      vg_feed_batch_add_warning (a->batch, vg_warning_new (vg_feed_batch_get_origin (a->batch), position, &f));
      return TRUE;
    }

  for (xmlNode *n = vg_xml_child (a->alert, "info"); n != NULL; n = vg_xml_next (n, "info"))
    {
      g_autofree char *language = vg_xml_child_text (n, "language");

      if (g_ascii_strcasecmp (language ? language : "en-US", kept_language) == 0)
        n_kept++;
    }
  for (xmlNode *n = vg_xml_child (a->alert, "info"); n != NULL; n = vg_xml_next (n, "info"))
    {
      g_auto(Info) info = { 0 };
      g_autofree char *language = vg_xml_child_text (n, "language");

      if (g_ascii_strcasecmp (language ? language : "en-US", kept_language) != 0)
        continue;
      if (!parse_info (a, n, &info, error))
        return FALSE;
      if (g_str_equal (info.category, "Met"))
        add_warnings (a, &info);
      else
        add_incident (a, &info, index, n_kept);
      index++;
    }
  return TRUE;
}

VgFeedBatch *
vg_feed_parse_cap (const char  *feed_id,
                   GDateTime   *received_at,
                   GBytes      *payload,
                   GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(VgFeedOrigin) origin = NULL;
  g_autoptr(VgFeedBatch) batch = NULL;
  g_auto(Alert) alert = { 0 };
  xmlNode *root;
  const char *ns;

  g_return_val_if_fail (feed_id != NULL && received_at != NULL && payload != NULL, NULL);

  if ((doc = vg_feed_xml_load (feed_id, payload, error)) == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  ns = vg_xml_ns (root);
  if (!vg_xml_is (root, "alert") || (!g_str_equal (ns, CAP12_NS) && !g_str_equal (ns, CAP11_NS) &&
                                     !g_str_equal (ns, CAP10_NS)))
    {
      vg_xml_fail (error, VG_FEED_ERROR_UNSUPPORTED, feed_id, root,
                   "not a CAP alert: root element <%s> in namespace “%s”%s", root->name, ns,
                   vg_xml_is (root, "feed") ? " (an Atom feed: read it as meteoalarm-atom)" : "");
      return NULL;
    }
  origin = vg_feed_origin_new_for (feed_id, VG_FEED_KIND_CAP, received_at, payload);
  batch = vg_feed_batch_new (origin);
  alert.feed_id = feed_id;
  alert.batch = batch;
  alert.alert = root;
  if (!parse_alert (&alert, error))
    return NULL;
  return g_steal_pointer (&batch);
}
