/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-fact-set"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "vg-clock.h"
#include "vg-error.h"
#include "vg-fact-set-private.h"
#include "vg-json-limits.h"
#include "vg-json-private.h"

#define FORMAT_ID "vigie-facts/1"

/* A fact set is a few hundred facts at most; bound what a hand-edited drill file may hold. */
#define MAX_FACTS     10000
#define MAX_ITEMS     5000
#define MAX_POINTS    10000

struct _VgFactSet
{
  GObject    parent_instance;

  gint64     computed_at;
  guint      hazards;
  GPtrArray *facts;       /* of JsonNode (object), validated */
  GArray    *types;       /* of VgFactType, parallel to facts */
  JsonArray *resources;   /* of site objects */
};

G_DEFINE_FINAL_TYPE (VgFactSet, vg_fact_set, G_TYPE_OBJECT)

static const char * const hazard_ids[VG_N_HAZARDS] = {
  [VG_HAZARD_FLOOD] = "flood",
  [VG_HAZARD_HEAT] = "heat",
  [VG_HAZARD_TRAFFIC] = "traffic",
};

static const struct {
  const char *id;
  VgHazard    hazard;
} fact_types[VG_N_FACT_TYPES] = {
  [VG_FACT_FLOOD_GAUGE] = { "flood.gauge", VG_HAZARD_FLOOD },
  [VG_FACT_HEAT_DISTRICT] = { "heat.district", VG_HAZARD_HEAT },
  [VG_FACT_TRAFFIC_CLOSURE] = { "traffic.closure", VG_HAZARD_TRAFFIC },
};

static void
vg_fact_set_finalize (GObject *object)
{
  VgFactSet *self = VG_FACT_SET (object);

  g_clear_pointer (&self->facts, g_ptr_array_unref);
  g_clear_pointer (&self->types, g_array_unref);
  g_clear_pointer (&self->resources, json_array_unref);

  G_OBJECT_CLASS (vg_fact_set_parent_class)->finalize (object);
}

static void
vg_fact_set_class_init (VgFactSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_fact_set_finalize;
}

static void
vg_fact_set_init (VgFactSet *self)
{
  self->facts = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  self->types = g_array_new (FALSE, FALSE, sizeof (VgFactType));
  self->resources = json_array_new ();
}

gboolean
vg_hazard_from_id (const char *id,
                   VgHazard   *hazard)
{
  g_return_val_if_fail (hazard != NULL, FALSE);

  for (guint i = 0; id != NULL && i < VG_N_HAZARDS; i++)
    if (g_str_equal (id, hazard_ids[i]))
      {
        *hazard = i;
        return TRUE;
      }
  return FALSE;
}

const char *
vg_hazard_to_id (VgHazard hazard)
{
  g_return_val_if_fail (hazard < VG_N_HAZARDS, NULL);

  return hazard_ids[hazard];
}

gboolean
vg_fact_type_from_id (const char *id,
                      VgFactType *type)
{
  g_return_val_if_fail (type != NULL, FALSE);

  for (guint i = 0; id != NULL && i < VG_N_FACT_TYPES; i++)
    if (g_str_equal (id, fact_types[i].id))
      {
        *type = i;
        return TRUE;
      }
  return FALSE;
}

const char *
vg_fact_type_to_id (VgFactType type)
{
  g_return_val_if_fail (type < VG_N_FACT_TYPES, NULL);

  return fact_types[type].id;
}

VgHazard
vg_fact_type_get_hazard (VgFactType type)
{
  g_return_val_if_fail (type < VG_N_FACT_TYPES, VG_N_HAZARDS);

  return fact_types[type].hazard;
}

gboolean
vg_fact_time_parse (const char *text,
                    gint64     *usec)
{
  g_autoptr(GDateTime) time = NULL;

  /* No default zone: a time without one would move with the machine's TZ, so it is refused. */
  if (text == NULL || (time = g_date_time_new_from_iso8601 (text, NULL)) == NULL)
    return FALSE;
  *usec = vg_time_to_usec (time);
  return TRUE;
}

char *
vg_fact_time_format (gint64 usec)
{
  g_autoptr(GDateTime) time = vg_time_new_from_usec (usec);

  return g_date_time_format_iso8601 (time);
}

/* Validation: every failure names the origin and the JSON path of the culprit. */

typedef struct
{
  const char  *origin;
  GError     **error;
} Check;

static gboolean G_GNUC_PRINTF (3, 4)
bad (Check      *c,
     const char *path,
     const char *format,
     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (c->error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_FACTS, "%s: %s: %s", c->origin, path, message);
  return FALSE;
}

static gboolean
check_members (Check              *c,
               JsonObject         *object,
               const char         *path,
               const char * const *allowed)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      return bad (c, path, _("unknown member “%s”"), (const char *) l->data);
  return TRUE;
}

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

static gboolean
get_string (Check       *c,
            JsonObject  *object,
            const char  *path,
            const char  *name,
            gboolean     required,
            const char **out)
{
  JsonNode *node = member (object, name);

  *out = NULL;
  if (node == NULL)
    return !required || bad (c, path, _("missing “%s”"), name);
  if (json_node_get_value_type (node) != G_TYPE_STRING || *json_node_get_string (node) == '\0')
    return bad (c, path, _("“%s” must be a non-empty string"), name);
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_number (Check      *c,
            JsonObject *object,
            const char *path,
            const char *name,
            gboolean    required,
            double      min,
            double      max,
            double     *out)
{
  JsonNode *node = member (object, name);
  GType type;

  *out = NAN;
  if (node == NULL)
    return !required || bad (c, path, _("missing “%s”"), name);
  type = json_node_get_value_type (node);
  if (!JSON_NODE_HOLDS_VALUE (node) || (type != G_TYPE_DOUBLE && type != G_TYPE_INT64))
    return bad (c, path, _("“%s” must be a number"), name);
  *out = json_node_get_double (node);
  if (!isfinite (*out) || *out < min || *out > max)
    return bad (c, path, _("“%s” = %g is outside %g…%g"), name, *out, min, max);
  return TRUE;
}

static gboolean
get_int (Check      *c,
         JsonObject *object,
         const char *path,
         const char *name,
         gboolean    required,
         gint64      min,
         gint64      max,
         gint64     *out)
{
  JsonNode *node = member (object, name);

  *out = min - 1;
  if (node == NULL)
    return !required || bad (c, path, _("missing “%s”"), name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return bad (c, path, _("“%s” must be an integer"), name);
  *out = json_node_get_int (node);
  if (*out < min || *out > max)
    return bad (c, path, _("“%s” = %lld is outside %lld…%lld"), name, (long long) *out, (long long) min, (long long) max);
  return TRUE;
}

static gboolean
get_time (Check      *c,
          JsonObject *object,
          const char *path,
          const char *name,
          gboolean    required,
          gboolean   *present)
{
  const char *text;
  gint64 usec;

  if (present != NULL)
    *present = FALSE;
  if (!get_string (c, object, path, name, required, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (!vg_fact_time_parse (text, &usec))
    return bad (c, path, _("“%s” = “%s” is not an ISO 8601 time with a zone (e.g. 2014-09-29T17:00:00Z)"), name, text);
  if (present != NULL)
    *present = TRUE;
  return TRUE;
}

static gboolean
get_container (Check       *c,
               JsonObject  *object,
               const char  *path,
               const char  *name,
               gboolean     required,
               JsonNodeType type,
               JsonNode   **out)
{
  JsonNode *node = member (object, name);

  *out = NULL;
  if (node == NULL)
    return !required || bad (c, path, _("missing “%s”"), name);
  if (json_node_get_node_type (node) != type)
    return bad (c, path, type == JSON_NODE_ARRAY ? _("“%s” must be an array") : _("“%s” must be an object"), name);
  if (type == JSON_NODE_ARRAY && json_array_get_length (json_node_get_array (node)) > MAX_ITEMS)
    return bad (c, path, _("“%s” has more than %d items"), name, MAX_ITEMS);
  *out = node;
  return TRUE;
}

static gboolean
check_position (Check      *c,
                JsonObject *object,
                const char *path)
{
  double lon, lat;

  return get_number (c, object, path, "lon", TRUE, -180, 180, &lon) &&
         get_number (c, object, path, "lat", TRUE, -90, 90, &lat);
}

/* [[lon, lat], ...] with at least two points. */
static gboolean
check_line (Check      *c,
            JsonObject *object,
            const char *path,
            const char *name,
            gboolean    required)
{
  JsonNode *node;
  JsonArray *points;
  guint n;

  if (!get_container (c, object, path, name, required, JSON_NODE_ARRAY, &node) || node == NULL)
    return node != NULL || !required;
  points = json_node_get_array (node);
  n = json_array_get_length (points);
  if (n < 2 || n > MAX_POINTS)
    return bad (c, path, _("“%s” needs 2 to %d [lon, lat] points"), name, MAX_POINTS);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *point = json_array_get_element (points, i);
      JsonArray *xy;

      if (!JSON_NODE_HOLDS_ARRAY (point) || json_array_get_length (xy = json_node_get_array (point)) != 2)
        return bad (c, path, _("“%s”[%u] is not a [lon, lat] pair"), name, i);
      for (guint k = 0; k < 2; k++)
        {
          JsonNode *v = json_array_get_element (xy, k);
          double value;

          if (!JSON_NODE_HOLDS_VALUE (v) || (json_node_get_value_type (v) != G_TYPE_DOUBLE &&
                                             json_node_get_value_type (v) != G_TYPE_INT64))
            return bad (c, path, _("“%s”[%u] is not a [lon, lat] pair"), name, i);
          value = json_node_get_double (v);
          if (!isfinite (value) || fabs (value) > (k == 0 ? 180 : 90))
            return bad (c, path, _("“%s”[%u] is outside WGS84 lon/lat"), name, i);
        }
    }
  return TRUE;
}

static gboolean
check_site (Check      *c,
            JsonNode   *node,
            const char *path)
{
  static const char * const members[] = { "id", "name", "category", "lon", "lat", NULL };
  JsonObject *site;
  const char *id, *name, *category;
  VgSiteCategory parsed;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return bad (c, path, _("a site must be an object"));
  site = json_node_get_object (node);
  if (!check_members (c, site, path, members) ||
      !get_string (c, site, path, "id", TRUE, &id) ||
      !get_string (c, site, path, "name", TRUE, &name) ||
      !get_string (c, site, path, "category", TRUE, &category) ||
      !check_position (c, site, path))
    return FALSE;
  if (!vg_site_category_from_id (category, &parsed))
    return bad (c, path, _("unknown site category “%s”"), category);
  return TRUE;
}

static gboolean
check_sites (Check      *c,
             JsonObject *object,
             const char *path,
             const char *name)
{
  JsonNode *node;
  JsonArray *sites;

  if (!get_container (c, object, path, name, FALSE, JSON_NODE_ARRAY, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  sites = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (sites); i++)
    {
      g_autofree char *item = g_strdup_printf ("%s.%s[%u]", path, name, i);

      if (!check_site (c, json_array_get_element (sites, i), item))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_street (Check      *c,
              JsonNode   *node,
              const char *path)
{
  static const char * const members[] = { "id", "name", "class", "line", NULL };
  JsonObject *street;
  const char *id, *name, *road_class;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return bad (c, path, _("a street must be an object"));
  street = json_node_get_object (node);
  return check_members (c, street, path, members) &&
         get_string (c, street, path, "id", TRUE, &id) &&
         get_string (c, street, path, "name", TRUE, &name) &&
         get_string (c, street, path, "class", FALSE, &road_class) &&
         check_line (c, street, path, "line", TRUE);
}

static gboolean
check_source (Check      *c,
              JsonObject *fact,
              const char *path)
{
  static const char * const members[] = { "name", "time", "journal_seq", NULL };
  g_autofree char *where = g_strconcat (path, ".source", NULL);
  JsonNode *node;
  JsonObject *source;
  const char *name;
  gint64 seq;

  if (!get_container (c, fact, path, "source", TRUE, JSON_NODE_OBJECT, &node))
    return FALSE;
  source = json_node_get_object (node);
  return check_members (c, source, where, members) &&
         get_string (c, source, where, "name", TRUE, &name) &&
         get_time (c, source, where, "time", TRUE, NULL) &&
         get_int (c, source, where, "journal_seq", FALSE, 1, G_MAXINT64, &seq);
}

static gboolean
check_projection (Check      *c,
                  JsonObject *fact,
                  const char *path,
                  gboolean    required)
{
  static const char * const members[] = { "method", "method_version", "id", "journal_seq", NULL };
  g_autofree char *where = g_strconcat (path, ".projection", NULL);
  JsonNode *node;
  JsonObject *projection;
  const char *method, *version, *id;
  gint64 seq;

  if (!get_container (c, fact, path, "projection", required, JSON_NODE_OBJECT, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  projection = json_node_get_object (node);
  return check_members (c, projection, where, members) &&
         get_string (c, projection, where, "method", TRUE, &method) &&
         get_string (c, projection, where, "method_version", TRUE, &version) &&
         get_string (c, projection, where, "id", FALSE, &id) &&
         get_int (c, projection, where, "journal_seq", FALSE, 1, G_MAXINT64, &seq);
}

static gboolean
check_uncertainty (Check      *c,
                   JsonObject *fact,
                   const char *path)
{
  static const char * const members[] = { "fr", "en", NULL };
  g_autofree char *where = g_strconcat (path, ".uncertainty", NULL);
  JsonNode *node;
  const char *fr, *en;

  if (!get_container (c, fact, path, "uncertainty", FALSE, JSON_NODE_OBJECT, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  /* French first, English too: both, so no reader gets half of it. */
  return check_members (c, json_node_get_object (node), where, members) &&
         get_string (c, json_node_get_object (node), where, "fr", TRUE, &fr) &&
         get_string (c, json_node_get_object (node), where, "en", TRUE, &en);
}

static gboolean
check_stage_at (Check      *c,
                JsonObject *fact,
                const char *path,
                const char *name)
{
  static const char * const members[] = { "stage", "time", NULL };
  g_autofree char *where = g_strconcat (path, ".", name, NULL);
  JsonNode *node;
  double stage;

  if (!get_container (c, fact, path, name, FALSE, JSON_NODE_OBJECT, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  return check_members (c, json_node_get_object (node), where, members) &&
         get_number (c, json_node_get_object (node), where, "stage", TRUE, -5, 30, &stage) &&
         get_time (c, json_node_get_object (node), where, "time", TRUE, NULL);
}

static gboolean
check_flood_gauge (Check      *c,
                   JsonObject *fact,
                   const char *path)
{
  static const char * const members[] = {
    "type", "gauge", "name", "lon", "lat", "observed", "peak", "envelopes", "source", "projection",
    "uncertainty", NULL
  };
  static const char * const envelope_members[] = { "stage", "eta", "eta_uncertainty_min", "streets", "sites", NULL };
  const char *gauge, *name;
  JsonNode *node;
  JsonArray *envelopes;
  double previous = -INFINITY;

  if (!check_members (c, fact, path, members) ||
      !get_string (c, fact, path, "gauge", TRUE, &gauge) ||
      !get_string (c, fact, path, "name", TRUE, &name) ||
      !check_position (c, fact, path) ||
      !check_stage_at (c, fact, path, "observed") ||
      !check_stage_at (c, fact, path, "peak") ||
      !check_source (c, fact, path) ||
      !check_projection (c, fact, path, TRUE) ||
      !check_uncertainty (c, fact, path) ||
      !get_container (c, fact, path, "envelopes", TRUE, JSON_NODE_ARRAY, &node))
    return FALSE;

  envelopes = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (envelopes); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.envelopes[%u]", path, i);
      JsonNode *element = json_array_get_element (envelopes, i);
      JsonObject *envelope;
      JsonNode *streets;
      double stage;
      gint64 minutes;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return bad (c, where, _("an envelope must be an object"));
      envelope = json_node_get_object (element);
      if (!check_members (c, envelope, where, envelope_members) ||
          !get_number (c, envelope, where, "stage", TRUE, -5, 30, &stage) ||
          !get_time (c, envelope, where, "eta", FALSE, NULL) ||
          !get_int (c, envelope, where, "eta_uncertainty_min", FALSE, 0, 24 * 60, &minutes) ||
          !check_sites (c, envelope, where, "sites") ||
          !get_container (c, envelope, where, "streets", FALSE, JSON_NODE_ARRAY, &streets))
        return FALSE;
      if (stage <= previous)
        return bad (c, where, _("envelopes must be in increasing stage order (%g m after %g m)"), stage, previous);
      previous = stage;
      for (guint k = 0; streets != NULL && k < json_array_get_length (json_node_get_array (streets)); k++)
        {
          g_autofree char *item = g_strdup_printf ("%s.streets[%u]", where, k);

          if (!check_street (c, json_array_get_element (json_node_get_array (streets), k), item))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_heat_district (Check      *c,
                     JsonObject *fact,
                     const char *path)
{
  static const char * const members[] = {
    "type", "district", "name", "kind", "lon", "lat", "date", "start", "level", "nights", "tn", "tx",
    "sites", "source", "projection", "uncertainty", NULL
  };
  const char *district, *name, *kind, *date;
  double tn, tx;
  gint64 level, nights;
  int year, month, day;
  char tail;

  if (!check_members (c, fact, path, members) ||
      !get_string (c, fact, path, "district", TRUE, &district) ||
      !get_string (c, fact, path, "name", TRUE, &name) ||
      !get_string (c, fact, path, "kind", FALSE, &kind) ||
      !check_position (c, fact, path) ||
      !get_string (c, fact, path, "date", TRUE, &date) ||
      !get_time (c, fact, path, "start", TRUE, NULL) ||
      !get_int (c, fact, path, "level", TRUE, 0, 4, &level) ||
      !get_int (c, fact, path, "nights", TRUE, 0, 366, &nights) ||
      !get_number (c, fact, path, "tn", FALSE, -80, 60, &tn) ||
      !get_number (c, fact, path, "tx", FALSE, -80, 60, &tx) ||
      !check_sites (c, fact, path, "sites") ||
      !check_source (c, fact, path) ||
      !check_projection (c, fact, path, TRUE) ||
      !check_uncertainty (c, fact, path))
    return FALSE;
  /* Not g_date_set_parse(): it follows the locale. */
  if (strlen (date) != 10 || sscanf (date, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return bad (c, path, _("“date” = “%s” is not a date such as 2019-06-28"), date);
  return TRUE;
}

static gboolean
check_traffic_closure (Check      *c,
                       JsonObject *fact,
                       const char *path)
{
  static const char * const members[] = {
    "type", "record", "road", "lon", "lat", "line", "start", "only_access_to", "source", "projection",
    "uncertainty", NULL
  };
  const char *record, *road;

  return check_members (c, fact, path, members) &&
         get_string (c, fact, path, "record", TRUE, &record) &&
         get_string (c, fact, path, "road", TRUE, &road) &&
         check_position (c, fact, path) &&
         check_line (c, fact, path, "line", FALSE) &&
         get_time (c, fact, path, "start", TRUE, NULL) &&
         check_sites (c, fact, path, "only_access_to") &&
         check_source (c, fact, path) &&
         check_projection (c, fact, path, FALSE) &&
         check_uncertainty (c, fact, path);
}

/* The hazard key of a fact: what one_per = fact groups by. */
static const char *
fact_key (JsonObject *fact,
          VgFactType  type)
{
  switch (type)
    {
    case VG_FACT_FLOOD_GAUGE:
      return json_object_get_string_member (fact, "gauge");
    case VG_FACT_HEAT_DISTRICT:
      return json_object_get_string_member (fact, "district");
    case VG_FACT_TRAFFIC_CLOSURE:
      return json_object_get_string_member (fact, "record");
    case VG_N_FACT_TYPES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Checks @node and adds it: a copy, or @node itself if @take (the set then owns it). */
static gboolean
add_checked (VgFactSet  *self,
             JsonNode   *node,
             gboolean    take,
             Check      *c,
             const char *path)
{
  JsonObject *fact;
  const char *type_id;
  VgFactType type;
  gboolean ok;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return bad (c, path, _("a fact must be an object"));
  fact = json_node_get_object (node);
  if (!get_string (c, fact, path, "type", TRUE, &type_id))
    return FALSE;
  if (!vg_fact_type_from_id (type_id, &type))
    return bad (c, path, _("unknown fact type “%s” (flood.gauge, heat.district, traffic.closure)"), type_id);
  if (!(self->hazards & VG_HAZARD_MASK (vg_fact_type_get_hazard (type))))
    return bad (c, path, _("a %s fact, but the set does not cover the %s hazard"), type_id,
                vg_hazard_to_id (vg_fact_type_get_hazard (type)));
  if (self->facts->len >= MAX_FACTS)
    return bad (c, path, _("more than %d facts"), MAX_FACTS);

  switch (type)
    {
    case VG_FACT_FLOOD_GAUGE:
      ok = check_flood_gauge (c, fact, path);
      break;
    case VG_FACT_HEAT_DISTRICT:
      ok = check_heat_district (c, fact, path);
      break;
    case VG_FACT_TRAFFIC_CLOSURE:
      ok = check_traffic_closure (c, fact, path);
      break;
    case VG_N_FACT_TYPES:
    default:
      g_return_val_if_reached (FALSE);
    }
  if (!ok)
    return FALSE;

  /* One fact per key (and per day for heat): two answers to one question are a bug upstream. */
  for (guint i = 0; i < self->facts->len; i++)
    {
      JsonObject *other = json_node_get_object (g_ptr_array_index (self->facts, i));

      if (g_array_index (self->types, VgFactType, i) == type &&
          g_str_equal (fact_key (other, type), fact_key (fact, type)) &&
          (type != VG_FACT_HEAT_DISTRICT ||
           g_str_equal (json_object_get_string_member (other, "date"), json_object_get_string_member (fact, "date"))))
        return bad (c, path, _("a second %s fact for “%s”"), type_id, fact_key (fact, type));
    }

  g_ptr_array_add (self->facts, take ? json_node_ref (node) : vg_json_deep_copy (node));
  g_array_append_val (self->types, type);
  return TRUE;
}

VgFactSet *
vg_fact_set_new (gint64 computed_at,
                 guint  hazards)
{
  VgFactSet *self;

  g_return_val_if_fail ((hazards & ~((1u << VG_N_HAZARDS) - 1)) == 0, NULL);

  self = g_object_new (VG_TYPE_FACT_SET, NULL);
  self->computed_at = computed_at;
  self->hazards = hazards;
  return self;
}

gboolean
vg_fact_set_add_json (VgFactSet  *self,
                      JsonNode   *fact,
                      GError    **error)
{
  g_autofree char *path = NULL;
  Check c = { _("facts"), error };

  g_return_val_if_fail (VG_IS_FACT_SET (self), FALSE);
  g_return_val_if_fail (fact != NULL, FALSE);

  path = g_strdup_printf ("facts[%u]", self->facts->len);
  return add_checked (self, fact, FALSE, &c, path);
}

gboolean
vg_fact_set_take_json (VgFactSet  *self,
                       JsonNode   *fact,
                       GError    **error)
{
  g_autoptr(JsonNode) owned = fact;
  g_autofree char *path = NULL;
  Check c = { _("facts"), error };

  g_return_val_if_fail (VG_IS_FACT_SET (self), FALSE);
  g_return_val_if_fail (fact != NULL, FALSE);

  path = g_strdup_printf ("facts[%u]", self->facts->len);
  return add_checked (self, owned, TRUE, &c, path);
}

VgFactSet *
vg_fact_set_new_from_json (JsonNode    *root,
                           const char  *origin,
                           GError     **error)
{
  static const char * const members[] = { "format", "computed_at", "hazards", "facts", "resources", NULL };
  g_autoptr(VgFactSet) self = NULL;
  Check c = { origin, error };
  JsonObject *object;
  JsonNode *hazards, *facts, *resources;
  const char *format, *computed;
  guint mask = 0;
  gint64 computed_at;

  g_return_val_if_fail (root != NULL && origin != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      bad (&c, "$", _("the document must be a JSON object"));
      return NULL;
    }
  object = json_node_get_object (root);
  if (!check_members (&c, object, "$", members) ||
      !get_string (&c, object, "$", "format", TRUE, &format))
    return NULL;
  if (!g_str_equal (format, FORMAT_ID))
    {
      bad (&c, "format", _("“%s”, this Vigie reads “%s”"), format, FORMAT_ID);
      return NULL;
    }
  if (!get_string (&c, object, "$", "computed_at", TRUE, &computed))
    return NULL;
  if (!vg_fact_time_parse (computed, &computed_at))
    {
      bad (&c, "computed_at", _("“%s” is not an ISO 8601 time with a zone"), computed);
      return NULL;
    }
  if (!get_container (&c, object, "$", "hazards", TRUE, JSON_NODE_ARRAY, &hazards) ||
      !get_container (&c, object, "$", "facts", TRUE, JSON_NODE_ARRAY, &facts) ||
      !get_container (&c, object, "$", "resources", FALSE, JSON_NODE_ARRAY, &resources))
    return NULL;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (hazards)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (hazards), i);
      g_autofree char *where = g_strdup_printf ("hazards[%u]", i);
      VgHazard hazard;

      if (json_node_get_value_type (item) != G_TYPE_STRING ||
          !vg_hazard_from_id (json_node_get_string (item), &hazard))
        {
          bad (&c, where, _("not a hazard (flood, heat, traffic)"));
          return NULL;
        }
      mask |= VG_HAZARD_MASK (hazard);
    }

  self = vg_fact_set_new (computed_at, mask);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (facts)); i++)
    {
      g_autofree char *where = g_strdup_printf ("facts[%u]", i);

      if (!add_checked (self, json_array_get_element (json_node_get_array (facts), i), FALSE, &c, where))
        return NULL;
    }
  for (guint i = 0; resources != NULL && i < json_array_get_length (json_node_get_array (resources)); i++)
    {
      g_autofree char *where = g_strdup_printf ("resources[%u]", i);
      JsonNode *site = json_array_get_element (json_node_get_array (resources), i);

      if (!check_site (&c, site, where))
        return NULL;
      json_array_add_element (self->resources, vg_json_deep_copy (site));
    }
  return g_steal_pointer (&self);
}

VgFactSet *
vg_fact_set_load (const char  *path,
                  GError     **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  /* A facts file may come from another tool or seat: bounded in size and nesting before
   * json-glib's recursive parser sees it. Its message names the line and column ("f:1:26: …"). */
  root = vg_json_load_file (path, VG_FACT_SET_MAX_FILE_SIZE, VG_JSON_MAX_DEPTH, VG_PROPOSAL_ERROR,
                            VG_PROPOSAL_ERROR_FACTS, error);
  if (root == NULL)
    return NULL;
  return vg_fact_set_new_from_json (root, path, error);
}

void
vg_fact_set_add_resource (VgFactSet *self,
                          VgSite    *site)
{
  JsonObject *object;

  g_return_if_fail (VG_IS_FACT_SET (self));
  g_return_if_fail (VG_IS_SITE (site));

  for (guint i = 0; i < json_array_get_length (self->resources); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (self->resources, i), "id"),
                     vg_site_get_id (site)))
      return;
  object = json_object_new ();
  json_object_set_string_member (object, "id", vg_site_get_id (site));
  json_object_set_string_member (object, "name", vg_site_get_name (site));
  json_object_set_string_member (object, "category", vg_site_category_to_id (vg_site_get_category (site)));
  json_object_set_double_member (object, "lon", vg_site_get_longitude (site));
  json_object_set_double_member (object, "lat", vg_site_get_latitude (site));
  json_array_add_object_element (self->resources, object);
}

gint64
vg_fact_set_get_computed_at (VgFactSet *self)
{
  g_return_val_if_fail (VG_IS_FACT_SET (self), 0);

  return self->computed_at;
}

guint
vg_fact_set_get_hazards (VgFactSet *self)
{
  g_return_val_if_fail (VG_IS_FACT_SET (self), 0);

  return self->hazards;
}

guint
vg_fact_set_get_n_facts (VgFactSet *self)
{
  g_return_val_if_fail (VG_IS_FACT_SET (self), 0);

  return self->facts->len;
}

JsonObject *
vg_fact_set_get_fact (VgFactSet  *self,
                      guint       index,
                      VgFactType *type)
{
  g_return_val_if_fail (VG_IS_FACT_SET (self), NULL);
  g_return_val_if_fail (index < self->facts->len, NULL);

  if (type != NULL)
    *type = g_array_index (self->types, VgFactType, index);
  return json_node_get_object (g_ptr_array_index (self->facts, index));
}

JsonArray *
vg_fact_set_get_resources (VgFactSet *self)
{
  g_return_val_if_fail (VG_IS_FACT_SET (self), NULL);

  return self->resources;
}

JsonNode *
vg_fact_set_to_json (VgFactSet *self)
{
  JsonObject *root = json_object_new ();
  JsonArray *hazards = json_array_new ();
  JsonArray *facts = json_array_new ();
  g_autoptr(JsonNode) resources = NULL;
  g_autofree char *computed = NULL;

  g_return_val_if_fail (VG_IS_FACT_SET (self), NULL);

  computed = vg_fact_time_format (self->computed_at);
  json_object_set_string_member (root, "format", FORMAT_ID);
  json_object_set_string_member (root, "computed_at", computed);
  for (VgHazard h = 0; h < VG_N_HAZARDS; h++)
    if (self->hazards & VG_HAZARD_MASK (h))
      json_array_add_string_element (hazards, vg_hazard_to_id (h));
  json_object_set_array_member (root, "hazards", hazards);
  for (guint i = 0; i < self->facts->len; i++)
    json_array_add_element (facts, vg_json_deep_copy (g_ptr_array_index (self->facts, i)));
  json_object_set_array_member (root, "facts", facts);
  resources = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (resources, self->resources);
  json_object_set_member (root, "resources", vg_json_deep_copy (resources));
  return vg_json_object_node (root);
}
