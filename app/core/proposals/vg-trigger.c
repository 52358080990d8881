/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-trigger"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vg-json-private.h"
#include "vg-site-category.h"
#include "vg-trigger-private.h"

typedef enum {
  OP_EQ = 1 << 0,
  OP_GE = 1 << 1,
  OP_GT = 1 << 2,
  OP_LE = 1 << 3,
  OP_LT = 1 << 4,
} Op;

typedef enum {
  KIND_SET,          /* names, or * for any */
  KIND_NUMBER,       /* with an optional unit */
  KIND_DURATION,     /* 3h, 90min, 2d */
  KIND_CATEGORIES,   /* site categories */
} FieldKind;

typedef enum {
  FIELD_GAUGE,
  FIELD_STAGE,
  FIELD_FLOOD_WITHIN,
  FIELD_DISTRICT,
  FIELD_DISTRICT_KIND,
  FIELD_LEVEL,
  FIELD_NIGHTS,
  FIELD_HEAT_WITHIN,
  FIELD_ROAD,
  FIELD_ONLY_ACCESS_TO,
  N_FIELDS,
} Field;

static const struct {
  VgFactType  type;
  const char *name;
  FieldKind   kind;
  guint       ops;
  const char *unit;    /* accepted after a number */
  double      min, max;
} fields[N_FIELDS] = {
  [FIELD_GAUGE] = { VG_FACT_FLOOD_GAUGE, "gauge", KIND_SET, OP_EQ, NULL, 0, 0 },
  [FIELD_STAGE] = { VG_FACT_FLOOD_GAUGE, "stage", KIND_NUMBER, OP_GE | OP_GT, "m", -5, 30 },
  [FIELD_FLOOD_WITHIN] = { VG_FACT_FLOOD_GAUGE, "within", KIND_DURATION, OP_EQ | OP_LE, NULL, 0, 0 },
  [FIELD_DISTRICT] = { VG_FACT_HEAT_DISTRICT, "district", KIND_SET, OP_EQ, NULL, 0, 0 },
  [FIELD_DISTRICT_KIND] = { VG_FACT_HEAT_DISTRICT, "kind", KIND_SET, OP_EQ, NULL, 0, 0 },
  [FIELD_LEVEL] = { VG_FACT_HEAT_DISTRICT, "level", KIND_NUMBER, OP_EQ | OP_GE | OP_GT, NULL, 0, 4 },
  [FIELD_NIGHTS] = { VG_FACT_HEAT_DISTRICT, "nights", KIND_NUMBER, OP_EQ | OP_GE | OP_GT, NULL, 0, 366 },
  [FIELD_HEAT_WITHIN] = { VG_FACT_HEAT_DISTRICT, "within", KIND_DURATION, OP_EQ | OP_LE, NULL, 0, 0 },
  [FIELD_ROAD] = { VG_FACT_TRAFFIC_CLOSURE, "road", KIND_SET, OP_EQ, NULL, 0, 0 },
  [FIELD_ONLY_ACCESS_TO] = { VG_FACT_TRAFFIC_CLOSURE, "only_access_to", KIND_CATEGORIES, OP_EQ, NULL, 0, 0 },
};

typedef struct {
  gboolean  set;
  Op        op;
  double    number;
  gint64    duration;     /* µs */
  GStrv     names;        /* NULL for * */
  guint     categories;   /* 1 << VgSiteCategory bits */
} Condition;

struct _VgTrigger
{
  VgFactType type;
  char      *text;
  Condition  conditions[N_FIELDS];
};

void
vg_trigger_free (VgTrigger *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < N_FIELDS; i++)
    g_strfreev (self->conditions[i].names);
  g_free (self->text);
  g_free (self);
}

VgFactType
vg_trigger_get_fact_type (VgTrigger *self)
{
  return self->type;
}

const char *
vg_trigger_get_text (VgTrigger *self)
{
  return self->text;
}

static char *
known_fields (VgFactType type)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < N_FIELDS; i++)
    if (fields[i].type == type)
      g_ptr_array_add (names, (gpointer) fields[i].name);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

/* "3h", "90min", "2d", "0h" → µs. */
static gboolean
parse_duration (const char *text,
                gint64     *usec)
{
  char *end = NULL;
  gint64 value;

  if (!g_ascii_isdigit (*text))
    return FALSE;
  value = g_ascii_strtoll (text, &end, 10);
  if (value > 1000000)
    return FALSE;
  if (g_str_equal (end, "h"))
    *usec = value * G_TIME_SPAN_HOUR;
  else if (g_str_equal (end, "min"))
    *usec = value * G_TIME_SPAN_MINUTE;
  else if (g_str_equal (end, "d"))
    *usec = value * G_TIME_SPAN_DAY;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_condition (VgTrigger   *self,
                 const char  *token,
                 char       **message)
{
  static const struct { const char *text; Op op; } ops[] = {
    { ">=", OP_GE }, { "<=", OP_LE }, { ">", OP_GT }, { "<", OP_LT }, { "=", OP_EQ },
  };
  g_autofree char *name = NULL;
  const char *at = strpbrk (token, "<>=");
  const char *value = NULL;
  Condition *condition;
  Field field = N_FIELDS;
  Op op = 0;

  if (at == NULL || at == token)
    {
      *message = g_strdup_printf (_("“%s” is not a condition such as stage>=3.5"), token);
      return FALSE;
    }
  name = g_strndup (token, at - token);
  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    if (g_str_has_prefix (at, ops[i].text))
      {
        op = ops[i].op;
        value = at + strlen (ops[i].text);
        break;
      }
  for (guint i = 0; i < N_FIELDS; i++)
    if (fields[i].type == self->type && g_str_equal (fields[i].name, name))
      field = i;
  if (field == N_FIELDS)
    {
      g_autofree char *known = known_fields (self->type);

      *message = g_strdup_printf (_("unknown condition “%s” for %s (known: %s)"), name,
                                  vg_fact_type_to_id (self->type), known);
      return FALSE;
    }
  condition = &self->conditions[field];
  if (condition->set)
    {
      *message = g_strdup_printf (_("condition “%s” given twice"), name);
      return FALSE;
    }
  if (!(fields[field].ops & op))
    {
      *message = g_strdup_printf (_("“%s” does not take the operator in “%s”"), name, token);
      return FALSE;
    }
  if (*value == '\0')
    {
      *message = g_strdup_printf (_("“%s” has no value"), token);
      return FALSE;
    }
  condition->set = TRUE;
  condition->op = op;

  switch (fields[field].kind)
    {
    case KIND_SET:
      if (!g_str_equal (value, "*"))
        condition->names = g_strsplit (value, ",", -1);
      return TRUE;
    case KIND_CATEGORIES:
      {
        g_auto(GStrv) ids = g_strsplit (value, ",", -1);

        for (guint i = 0; ids[i] != NULL; i++)
          {
            VgSiteCategory category;

            if (!vg_site_category_from_id (ids[i], &category))
              {
                *message = g_strdup_printf (_("“%s”: unknown site category “%s”"), name, ids[i]);
                return FALSE;
              }
            condition->categories |= 1u << category;
          }
        return TRUE;
      }
    case KIND_NUMBER:
      {
        char *end = NULL;

        if (strchr (value, ',') != NULL)
          {
            *message = g_strdup_printf (_("“%s”: write decimals with a point (3.5, not 3,5)"), token);
            return FALSE;
          }
        condition->number = g_ascii_strtod (value, &end);
        if (end == value || (*end != '\0' && (fields[field].unit == NULL || !g_str_equal (end, fields[field].unit))) ||
            !isfinite (condition->number) || condition->number < fields[field].min ||
            condition->number > fields[field].max)
          {
            *message = g_strdup_printf (_("“%s”: not a number between %g and %g%s%s"), token, fields[field].min,
                                        fields[field].max, fields[field].unit ? " " : "",
                                        fields[field].unit ? fields[field].unit : "");
            return FALSE;
          }
        return TRUE;
      }
    case KIND_DURATION:
      if (!parse_duration (value, &condition->duration))
        {
          *message = g_strdup_printf (_("“%s”: not a duration such as 3h, 90min or 2d"), token);
          return FALSE;
        }
      return TRUE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

VgTrigger *
vg_trigger_parse (const char  *text,
                  VgHazard     hazard,
                  char       **message)
{
  g_autoptr(VgTrigger) self = g_new0 (VgTrigger, 1);
  g_auto(GStrv) tokens = g_strsplit_set (text, " \t", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  const char *type_id = NULL;

  for (guint i = 0; tokens[i] != NULL; i++)
    if (*tokens[i] != '\0')
      g_ptr_array_add (kept, tokens[i]);
  if (kept->len == 0)
    {
      *message = g_strdup (_("empty trigger"));
      return NULL;
    }
  type_id = g_ptr_array_index (kept, 0);
  if (!vg_fact_type_from_id (type_id, &self->type))
    {
      *message = g_strdup_printf (_("unknown fact type “%s” (flood.gauge, heat.district, traffic.closure)"), type_id);
      return NULL;
    }
  if (vg_fact_type_get_hazard (self->type) != hazard)
    {
      *message = g_strdup_printf (_("a %s trigger in a %s playbook"), type_id, vg_hazard_to_id (hazard));
      return NULL;
    }
  for (guint i = 1; i < kept->len; i++)
    if (!parse_condition (self, g_ptr_array_index (kept, i), message))
      return NULL;
  g_ptr_array_add (kept, NULL);
  self->text = g_strjoinv (" ", (char **) kept->pdata);
  return g_steal_pointer (&self);
}

static gboolean
names_match (const Condition *condition,
             const char      *value)
{
  if (!condition->set || condition->names == NULL)
    return TRUE;
  return value != NULL && g_strv_contains ((const char * const *) condition->names, value);
}

static gboolean
number_matches (const Condition *condition,
                double           value)
{
  if (!condition->set)
    return TRUE;
  switch (condition->op)
    {
    case OP_EQ:
      return value == condition->number;
    case OP_GE:
      return value >= condition->number;
    case OP_GT:
      return value > condition->number;
    case OP_LE:
      return value <= condition->number;
    case OP_LT:
      return value < condition->number;
    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
time_member (JsonObject *object,
             const char *name,
             gint64     *usec)
{
  return vg_fact_time_parse (vg_json_member_string (object, name), usec);
}

static void
set_anchor (VgTriggerMatch *match,
            VgAnchor        anchor,
            gint64          usec)
{
  match->anchors[anchor] = usec;
  match->has_anchors |= 1u << anchor;
}

static gboolean
match_flood (VgTrigger      *self,
             JsonObject     *fact,
             gint64          computed_at,
             VgTriggerMatch *match)
{
  const Condition *within = &self->conditions[FIELD_FLOOD_WITHIN];
  JsonArray *envelopes = vg_json_member_array (fact, "envelopes");
  JsonObject *peak = vg_json_member_object (fact, "peak");
  gint64 eta_min = G_MAXINT64;
  gint64 peak_at;

  if (!names_match (&self->conditions[FIELD_GAUGE], vg_json_member_string (fact, "gauge")))
    return FALSE;

  match->envelopes = g_ptr_array_new ();
  match->bracket = -INFINITY;
  for (guint i = 0; i < json_array_get_length (envelopes); i++)
    {
      JsonObject *envelope = json_array_get_object_element (envelopes, i);
      double stage = vg_json_member_double (envelope, "stage", NAN);
      gint64 eta;

      /* An envelope not expected within the projection's horizon has no ETA: never selected. */
      if (!time_member (envelope, "eta", &eta) || !number_matches (&self->conditions[FIELD_STAGE], stage))
        continue;
      if (within->set && eta - computed_at > within->duration)
        continue;
      g_ptr_array_add (match->envelopes, envelope);
      match->bracket = MAX (match->bracket, stage);
      eta_min = MIN (eta_min, eta);
    }
  if (match->envelopes->len == 0)
    {
      g_clear_pointer (&match->envelopes, g_ptr_array_unref);
      return FALSE;
    }
  match->key = vg_json_member_string (fact, "gauge");
  match->name = vg_json_member_string (fact, "name");
  set_anchor (match, VG_ANCHOR_ETA, eta_min);
  if (time_member (peak, "time", &peak_at))
    set_anchor (match, VG_ANCHOR_PEAK, peak_at);
  return TRUE;
}

static gboolean
match_heat (VgTrigger      *self,
            JsonObject     *fact,
            gint64          computed_at,
            VgTriggerMatch *match)
{
  const Condition *within = &self->conditions[FIELD_HEAT_WITHIN];
  gint64 start = 0;

  time_member (fact, "start", &start);
  /* A day whose 24 hours are over is history, not a trigger. */
  if (start + G_TIME_SPAN_DAY <= computed_at)
    return FALSE;
  if (within->set && start - computed_at > within->duration)
    return FALSE;
  if (!names_match (&self->conditions[FIELD_DISTRICT], vg_json_member_string (fact, "district")) ||
      !names_match (&self->conditions[FIELD_DISTRICT_KIND], vg_json_member_string (fact, "kind")) ||
      !number_matches (&self->conditions[FIELD_LEVEL], vg_json_member_int (fact, "level", 0)) ||
      !number_matches (&self->conditions[FIELD_NIGHTS], vg_json_member_int (fact, "nights", 0)))
    return FALSE;
  match->key = vg_json_member_string (fact, "district");
  match->name = vg_json_member_string (fact, "name");
  match->bracket = vg_json_member_int (fact, "level", 0);
  set_anchor (match, VG_ANCHOR_START, start);
  return TRUE;
}

static gboolean
site_in (JsonObject *site,
         guint       categories)
{
  VgSiteCategory category;

  return categories == 0 ||
         (vg_site_category_from_id (vg_json_member_string (site, "category"), &category) &&
          (categories & (1u << category)));
}

static gboolean
match_traffic (VgTrigger      *self,
               JsonObject     *fact,
               VgTriggerMatch *match)
{
  const Condition *access = &self->conditions[FIELD_ONLY_ACCESS_TO];
  JsonArray *cut = vg_json_member_array (fact, "only_access_to");
  gint64 start = 0;
  gboolean found = !access->set;

  if (!names_match (&self->conditions[FIELD_ROAD], vg_json_member_string (fact, "road")))
    return FALSE;
  for (guint i = 0; !found && cut != NULL && i < json_array_get_length (cut); i++)
    found = site_in (json_array_get_object_element (cut, i), access->categories);
  if (!found)
    return FALSE;
  time_member (fact, "start", &start);
  match->key = vg_json_member_string (fact, "record");
  match->name = vg_json_member_string (fact, "road");
  match->bracket = 0;
  set_anchor (match, VG_ANCHOR_START, start);
  return TRUE;
}

static void
clear_match (gpointer data)
{
  VgTriggerMatch *match = data;

  g_clear_pointer (&match->envelopes, g_ptr_array_unref);
}

GArray *
vg_trigger_match (VgTrigger *self,
                  VgFactSet *facts)
{
  GArray *matches = g_array_new (FALSE, TRUE, sizeof (VgTriggerMatch));
  gint64 computed_at = vg_fact_set_get_computed_at (facts);

  g_array_set_clear_func (matches, clear_match);
  for (guint i = 0; i < vg_fact_set_get_n_facts (facts); i++)
    {
      VgTriggerMatch match = { 0 };
      gboolean matched = FALSE;

      match.fact = vg_fact_set_get_fact (facts, i, &match.type);
      if (match.type != self->type)
        continue;
      switch (self->type)
        {
        case VG_FACT_FLOOD_GAUGE:
          matched = match_flood (self, match.fact, computed_at, &match);
          break;
        case VG_FACT_HEAT_DISTRICT:
          matched = match_heat (self, match.fact, computed_at, &match);
          break;
        case VG_FACT_TRAFFIC_CLOSURE:
          matched = match_traffic (self, match.fact, &match);
          break;
        case VG_N_FACT_TYPES:
        default:
          g_return_val_if_reached (matches);
        }
      if (!matched)
        continue;
      set_anchor (&match, VG_ANCHOR_COMPUTED, computed_at);
      g_array_append_val (matches, match);
    }
  return matches;
}

static const char * const anchor_ids[VG_N_ANCHORS] = {
  [VG_ANCHOR_COMPUTED] = "computed",
  [VG_ANCHOR_ETA] = "eta",
  [VG_ANCHOR_PEAK] = "peak",
  [VG_ANCHOR_START] = "start",
};

gboolean
vg_anchor_from_id (const char *id,
                   VgFactType  type,
                   VgAnchor   *anchor)
{
  static const guint available[VG_N_FACT_TYPES] = {
    [VG_FACT_FLOOD_GAUGE] = 1u << VG_ANCHOR_COMPUTED | 1u << VG_ANCHOR_ETA | 1u << VG_ANCHOR_PEAK,
    [VG_FACT_HEAT_DISTRICT] = 1u << VG_ANCHOR_COMPUTED | 1u << VG_ANCHOR_START,
    [VG_FACT_TRAFFIC_CLOSURE] = 1u << VG_ANCHOR_COMPUTED | 1u << VG_ANCHOR_START,
  };

  for (guint i = 0; i < VG_N_ANCHORS; i++)
    if (g_str_equal (id, anchor_ids[i]) && (available[type] & (1u << i)))
      {
        *anchor = i;
        return TRUE;
      }
  return FALSE;
}

const char *
vg_anchor_to_id (VgAnchor anchor)
{
  g_return_val_if_fail (anchor < VG_N_ANCHORS, NULL);

  return anchor_ids[anchor];
}

/* Target selectors. */

typedef enum {
  SELECT_STREETS,    /* flood: streets of the selected envelopes */
  SELECT_SITES,      /* flood: sites of the envelopes; heat: vulnerable sites of the district;
                      * traffic: the sites the closure cuts off */
  SELECT_GAUGE,      /* flood: the gauge */
  SELECT_DISTRICT,   /* heat: the district */
  SELECT_ROAD,       /* traffic: the closed road */
  SELECT_SHELTERS,   /* any: the resource sites of the fact set */
  N_SELECTS,
} Select;

static const struct {
  const char *name;
  guint       types;   /* 1 << VgFactType bits */
} selects[N_SELECTS] = {
  [SELECT_STREETS] = { "streets", 1u << VG_FACT_FLOOD_GAUGE },
  [SELECT_SITES] = { "sites", 1u << VG_FACT_FLOOD_GAUGE | 1u << VG_FACT_HEAT_DISTRICT | 1u << VG_FACT_TRAFFIC_CLOSURE },
  [SELECT_GAUGE] = { "gauge", 1u << VG_FACT_FLOOD_GAUGE },
  [SELECT_DISTRICT] = { "district", 1u << VG_FACT_HEAT_DISTRICT },
  [SELECT_ROAD] = { "road", 1u << VG_FACT_TRAFFIC_CLOSURE },
  [SELECT_SHELTERS] = { "shelters", 1u << VG_FACT_FLOOD_GAUGE | 1u << VG_FACT_HEAT_DISTRICT | 1u << VG_FACT_TRAFFIC_CLOSURE },
};

struct _VgTargetSelector
{
  guint selects;                   /* 1 << Select bits */
  guint site_categories;           /* for SELECT_SITES; 0: all */
};

void
vg_target_selector_free (VgTargetSelector *self)
{
  g_free (self);
}

VgTargetSelector *
vg_target_selector_parse (const char  *text,
                          VgFactType   type,
                          char       **message)
{
  g_autoptr(VgTargetSelector) self = g_new0 (VgTargetSelector, 1);
  g_auto(GStrv) tokens = g_strsplit_set (text, " \t", -1);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      const char *colon;
      Select select = N_SELECTS;

      if (*tokens[i] == '\0')
        continue;
      colon = strchr (tokens[i], ':');
      name = colon != NULL ? g_strndup (tokens[i], colon - tokens[i]) : g_strdup (tokens[i]);
      for (guint s = 0; s < N_SELECTS; s++)
        if (g_str_equal (selects[s].name, name) && (selects[s].types & (1u << type)))
          select = s;
      if (select == N_SELECTS)
        {
          GString *known = g_string_new (NULL);

          for (guint s = 0; s < N_SELECTS; s++)
            if (selects[s].types & (1u << type))
              g_string_append_printf (known, "%s%s", known->len > 0 ? ", " : "", selects[s].name);
          *message = g_strdup_printf (_("unknown target “%s” for %s (known: %s)"), name, vg_fact_type_to_id (type),
                                      known->str);
          g_string_free (known, TRUE);
          return NULL;
        }
      if (self->selects & (1u << select))
        {
          *message = g_strdup_printf (_("target “%s” given twice"), name);
          return NULL;
        }
      if (colon != NULL && select != SELECT_SITES)
        {
          *message = g_strdup_printf (_("only “sites” takes categories, not “%s”"), name);
          return NULL;
        }
      if (colon != NULL)
        {
          g_auto(GStrv) ids = g_strsplit (colon + 1, ",", -1);

          for (guint c = 0; ids[c] != NULL; c++)
            {
              VgSiteCategory category;

              if (!vg_site_category_from_id (ids[c], &category))
                {
                  *message = g_strdup_printf (_("unknown site category “%s”"), ids[c]);
                  return NULL;
                }
              self->site_categories |= 1u << category;
            }
        }
      self->selects |= 1u << select;
    }
  if (self->selects == 0)
    {
      *message = g_strdup (_("no target"));
      return NULL;
    }
  return g_steal_pointer (&self);
}

static JsonObject *
point_geometry (JsonObject *object)
{
  JsonObject *geometry = json_object_new ();
  JsonArray *coordinates = json_array_new ();

  json_array_add_double_element (coordinates, vg_json_member_double (object, "lon", NAN));
  json_array_add_double_element (coordinates, vg_json_member_double (object, "lat", NAN));
  json_object_set_string_member (geometry, "type", "Point");
  json_object_set_array_member (geometry, "coordinates", coordinates);
  return geometry;
}

static JsonObject *
line_geometry (JsonArray *line)
{
  JsonObject *geometry = json_object_new ();

  json_object_set_string_member (geometry, "type", "LineString");
  /* Shared, not copied (a street's line is hundreds of nodes, per evaluation): nothing ever
   * changes a fact's line or a candidate's geometry, both are only read and written out. */
  json_object_set_array_member (geometry, "coordinates", json_array_ref (line));
  return geometry;
}

/* Adds a target unless one with @id is there; the new target (borrowed), or NULL. */
static JsonObject *
add_target (GHashTable *targets,
            const char *id,
            const char *kind,
            const char *name,
            const char *category,
            JsonObject *geometry)
{
  JsonObject *target;

  if (g_hash_table_contains (targets, id))
    {
      json_object_unref (geometry);
      return NULL;
    }
  target = json_object_new ();
  json_object_set_string_member (target, "id", id);
  json_object_set_string_member (target, "kind", kind);
  json_object_set_string_member (target, "name", name);
  if (category != NULL)
    json_object_set_string_member (target, "category", category);
  json_object_set_object_member (target, "geometry", geometry);
  g_hash_table_insert (targets, g_strdup (id), target);
  return target;
}

/* A flood target says when it is reached: the lowest selected envelope holding it (envelopes
 * come in increasing stage order, so the first to add it). */
static void
set_reached (JsonObject *target,
             JsonObject *envelope)
{
  if (target == NULL)
    return;
  json_object_set_double_member (target, "stage", vg_json_member_double (envelope, "stage", 0));
  json_object_set_string_member (target, "eta", vg_json_member_string (envelope, "eta"));
}

static void
add_sites (GHashTable *targets,
           JsonArray  *sites,
           guint       categories,
           JsonObject *envelope)
{
  for (guint i = 0; sites != NULL && i < json_array_get_length (sites); i++)
    {
      JsonObject *site = json_array_get_object_element (sites, i);
      JsonObject *target;

      if (!site_in (site, categories))
        continue;
      target = add_target (targets, vg_json_member_string (site, "id"), "site", vg_json_member_string (site, "name"),
                           vg_json_member_string (site, "category"), point_geometry (site));
      if (envelope != NULL)
        set_reached (target, envelope);
    }
}

/* Whether site @id lies in any flood envelope of @facts, expected or not, at any gauge: a
 * shelter must outlast the flood, including a higher one than now forecast. */
static gboolean
in_envelopes (VgFactSet  *facts,
              const char *id)
{
  for (guint f = 0; f < vg_fact_set_get_n_facts (facts); f++)
    {
      VgFactType type;
      JsonObject *fact = vg_fact_set_get_fact (facts, f, &type);
      JsonArray *envelopes = vg_json_member_array (fact, "envelopes");

      if (type != VG_FACT_FLOOD_GAUGE)
        continue;
      for (guint e = 0; e < json_array_get_length (envelopes); e++)
        {
          JsonArray *sites = vg_json_member_array (json_array_get_object_element (envelopes, e), "sites");

          for (guint i = 0; sites != NULL && i < json_array_get_length (sites); i++)
            if (g_strcmp0 (vg_json_member_string (json_array_get_object_element (sites, i), "id"), id) == 0)
              return TRUE;
        }
    }
  return FALSE;
}

void
vg_target_selector_collect (VgTargetSelector     *self,
                            const VgTriggerMatch *match,
                            VgFactSet            *facts,
                            GHashTable           *targets)
{
  JsonObject *fact = match->fact;

  if (self->selects & (1u << SELECT_STREETS))
    for (guint e = 0; e < match->envelopes->len; e++)
      {
        JsonObject *envelope = g_ptr_array_index (match->envelopes, e);
        JsonArray *streets = vg_json_member_array (envelope, "streets");

        for (guint i = 0; streets != NULL && i < json_array_get_length (streets); i++)
          {
            JsonObject *street = json_array_get_object_element (streets, i);

            set_reached (add_target (targets, vg_json_member_string (street, "id"), "street", vg_json_member_string (street, "name"),
                                     vg_json_member_string (street, "class"), line_geometry (vg_json_member_array (street, "line"))),
                         envelope);
          }
      }
  if (self->selects & (1u << SELECT_SITES))
    {
      if (match->type == VG_FACT_FLOOD_GAUGE)
        for (guint e = 0; e < match->envelopes->len; e++)
          add_sites (targets, vg_json_member_array (g_ptr_array_index (match->envelopes, e), "sites"), self->site_categories,
                     g_ptr_array_index (match->envelopes, e));
      else
        add_sites (targets, vg_json_member_array (fact, match->type == VG_FACT_HEAT_DISTRICT ? "sites" : "only_access_to"),
                   self->site_categories, NULL);
    }
  if (self->selects & (1u << SELECT_GAUGE))
    {
      g_autofree char *id = g_strconcat ("gauge:", match->key, NULL);

      add_target (targets, id, "gauge", match->name, NULL, point_geometry (fact));
    }
  if (self->selects & (1u << SELECT_DISTRICT))
    {
      g_autofree char *id = g_strconcat ("district:", match->key, NULL);

      add_target (targets, id, "district", match->name, vg_json_member_string (fact, "kind"), point_geometry (fact));
    }
  if (self->selects & (1u << SELECT_ROAD))
    {
      g_autofree char *id = g_strconcat ("road:", match->key, NULL);
      JsonArray *line = vg_json_member_array (fact, "line");

      add_target (targets, id, "road", match->name, NULL, line != NULL ? line_geometry (line) : point_geometry (fact));
    }
  if (self->selects & (1u << SELECT_SHELTERS))
    {
      JsonArray *resources = vg_fact_set_get_resources (facts);

      for (guint i = 0; i < json_array_get_length (resources); i++)
        {
          JsonObject *site = json_array_get_object_element (resources, i);

          /* A shelter the flood itself reaches is no shelter: the envelopes' sites rule it out. */
          if (site_in (site, 1u << VG_SITE_SHELTER) && !in_envelopes (facts, vg_json_member_string (site, "id")))
            add_target (targets, vg_json_member_string (site, "id"), "site", vg_json_member_string (site, "name"),
                        vg_json_member_string (site, "category"), point_geometry (site));
        }
    }
}

const char * const *
vg_trigger_get_placeholders (VgFactType type)
{
  static const char * const flood[] = {
    "targets", "n_targets", "places", "deadline", "method", "source",
    "gauge", "gauge_name", "stage", "eta", "max_stage", "max_eta", "observed_stage", "observed_at", "peak_stage",
    "peak_at", NULL
  };
  static const char * const heat[] = {
    "targets", "n_targets", "places", "deadline", "method", "source",
    "district", "level", "nights", "date", "tx", "tn", NULL
  };
  static const char * const traffic[] = {
    "targets", "n_targets", "places", "deadline", "method", "source",
    "road", "start", NULL
  };

  switch (type)
    {
    case VG_FACT_FLOOD_GAUGE:
      return flood;
    case VG_FACT_HEAT_DISTRICT:
      return heat;
    case VG_FACT_TRAFFIC_CLOSURE:
      return traffic;
    case VG_N_FACT_TYPES:
    default:
      g_return_val_if_reached (NULL);
    }
}
