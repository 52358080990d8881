/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-scenario"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "vg-clock.h"
#include "vg-error.h"
#include "vg-json-limits.h"
#include "vg-scenario.h"
#include "vg-scenario-event-private.h"

/* Strings below point into the manifest's JSON tree, which the scenario keeps. */
typedef struct
{
  const char         *id;
  VgScenarioFeedKind  kind;
  const char         *label_fr;
  const char         *label_en;
} Feed;

struct _VgScenario
{
  GObject     parent_instance;

  char       *dir;
  JsonNode   *root;
  JsonObject *manifest;
  const char *id;
  const char *title_fr, *title_en;
  const char *description_fr, *description_en;
  const char *timezone;
  GDateTime  *start;
  GDateTime  *end;
  GArray     *feeds;            /* Feed */
  GPtrArray  *events;           /* VgScenarioEvent, time order */
  guint       n_payloads;
  guint       n_injects;
};

static void vg_scenario_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VgScenario, vg_scenario, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, vg_scenario_list_model_init))

/* The validation state of one load: every failure goes through fail(), which prefixes the
 * manifest's path and the JSON path of the field. */
typedef struct
{
  VgScenario  *self;
  char        *manifest;        /* the manifest's path as the caller named it */
  char        *prefix;          /* resolved folder + "/" */
  GHashTable  *feeds;           /* feed id → index + 1 */
  GHashTable  *sources;         /* source id → "sources[i]" */
  GHashTable  *reconstructions; /* reconstruction id → "reconstructed[i]" */
  GHashTable  *injects;         /* inject id → "injects[i]" */
  GError     **error;
} Loader;

/* Content types each feed kind may carry. */
static const char * const feed_content_types[VG_SCENARIO_N_FEED_KINDS][3] = {
  [VG_SCENARIO_FEED_HUBEAU] = { "application/json", NULL },
  [VG_SCENARIO_FEED_OPENMETEO] = { "application/json", NULL },
  [VG_SCENARIO_FEED_CAP] = { "application/cap+xml", "application/xml", NULL },
  [VG_SCENARIO_FEED_METEOALARM_ATOM] = { "application/atom+xml", "application/xml", NULL },
  [VG_SCENARIO_FEED_DATEX2] = { "application/xml", "text/xml", NULL },
  [VG_SCENARIO_FEED_GEOJSON] = { "application/geo+json", "application/json", NULL },
  [VG_SCENARIO_FEED_SENSORTHINGS] = { "application/json", NULL },
};

static gboolean fail (Loader          *l,
                      VgScenarioError  code,
                      const char      *where,
                      const char      *format,
                      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (Loader          *l,
      VgScenarioError  code,
      const char      *where,
      const char      *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (where != NULL)
    g_set_error (l->error, VG_SCENARIO_ERROR, code, "%s: %s: %s", l->manifest, where, message);
  else
    g_set_error (l->error, VG_SCENARIO_ERROR, code, "%s: %s", l->manifest, message);
  return FALSE;
}

static char *
field (const char *where,
       const char *name)
{
  return where != NULL ? g_strconcat (where, ".", name, NULL) : g_strdup (name);
}

static const char *
describe (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return "a string";
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return "a boolean";
  return "a number";
}

static gboolean
check_members (Loader             *l,
               JsonObject         *object,
               const char         *where,
               const char * const *allowed)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *iter = names; iter != NULL; iter = iter->next)
    if (!g_strv_contains (allowed, iter->data))
      {
        g_autofree char *at = field (where, iter->data);

        return fail (l, VG_SCENARIO_ERROR_FIELD, at, "unknown member");
      }
  return TRUE;
}

/* *@out is NULL when an optional member is absent. */
static gboolean
get_node (Loader      *l,
          JsonObject  *object,
          const char  *where,
          const char  *name,
          gboolean     required,
          JsonNode   **out)
{
  *out = json_object_get_member (object, name);
  if (*out == NULL && required)
    {
      g_autofree char *at = field (where, name);

      return fail (l, VG_SCENARIO_ERROR_FIELD, at, "missing");
    }
  return TRUE;
}

static gboolean
get_string (Loader      *l,
            JsonObject  *object,
            const char  *where,
            const char  *name,
            gboolean     required,
            const char **out)
{
  g_autofree char *at = field (where, name);
  JsonNode *node;

  *out = NULL;
  if (!get_node (l, object, where, name, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (l, VG_SCENARIO_ERROR_FIELD, at, "expected a string, found %s", describe (node));
  *out = json_node_get_string (node);
  if (**out == '\0')
    return fail (l, VG_SCENARIO_ERROR_FIELD, at, "empty string");
  return TRUE;
}

static gboolean
get_boolean (Loader     *l,
             JsonObject *object,
             const char *where,
             const char *name,
             gboolean   *out)
{
  g_autofree char *at = field (where, name);
  JsonNode *node;

  if (!get_node (l, object, where, name, TRUE, &node))
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (l, VG_SCENARIO_ERROR_FIELD, at, "expected true or false, found %s", describe (node));
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
get_array (Loader      *l,
           JsonObject  *object,
           const char  *where,
           const char  *name,
           JsonArray  **out)
{
  g_autofree char *at = field (where, name);
  JsonNode *node;

  if (!get_node (l, object, where, name, TRUE, &node))
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (l, VG_SCENARIO_ERROR_FIELD, at, "expected an array, found %s", describe (node));
  *out = json_node_get_array (node);
  return TRUE;
}

/* Element @i of @array as an object; @where receives "name[i]". */
static gboolean
get_element (Loader      *l,
             JsonArray   *array,
             const char  *name,
             guint        i,
             char       **where,
             JsonObject **out)
{
  JsonNode *node = json_array_get_element (array, i);

  *where = g_strdup_printf ("%s[%u]", name, i);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (l, VG_SCENARIO_ERROR_FIELD, *where, "expected an object, found %s", describe (node));
  *out = json_node_get_object (node);
  return TRUE;
}

/* A text in both languages: {"fr": "…", "en": "…"}; both NULL when optional and absent. */
static gboolean
get_text (Loader      *l,
          JsonObject  *object,
          const char  *where,
          const char  *name,
          gboolean     required,
          const char **fr,
          const char **en)
{
  static const char * const languages[] = { "fr", "en", NULL };
  g_autofree char *at = field (where, name);
  JsonNode *node;

  *fr = *en = NULL;
  if (!get_node (l, object, where, name, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (l, VG_SCENARIO_ERROR_FIELD, at, "expected an object {\"fr\": …, \"en\": …}, found %s",
                 describe (node));
  return check_members (l, json_node_get_object (node), at, languages) &&
         get_string (l, json_node_get_object (node), at, "fr", TRUE, fr) &&
         get_string (l, json_node_get_object (node), at, "en", TRUE, en);
}

/* Ids: 1–64 characters of [A-Za-z0-9._-], starting with a letter or digit. */
static gboolean
get_id (Loader      *l,
        JsonObject  *object,
        const char  *where,
        const char **out)
{
  g_autofree char *at = field (where, "id");

  if (!get_string (l, object, where, "id", TRUE, out))
    return FALSE;
  for (const char *p = *out; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && ((*p != '-' && *p != '_' && *p != '.') || p == *out))
      return fail (l, VG_SCENARIO_ERROR_FIELD, at, "“%s” is not an id (letters, digits, “-”, “_”, “.”)", *out);
  if (strlen (*out) > 64)
    return fail (l, VG_SCENARIO_ERROR_FIELD, at, "“%s” is longer than 64 characters", *out);
  return TRUE;
}

/* Adds @id to @seen (id → where), refusing a second use. */
static gboolean
claim_id (Loader     *l,
          GHashTable *seen,
          const char *where,
          const char *id)
{
  const char *first = g_hash_table_lookup (seen, id);

  if (first != NULL)
    {
      g_autofree char *at = field (where, "id");

      return fail (l, VG_SCENARIO_ERROR_FIELD, at, "duplicate id “%s” (also %s)", id, first);
    }
  g_hash_table_insert (seen, (char *) id, g_strdup (where));
  return TRUE;
}

static gboolean
get_time (Loader      *l,
          JsonObject  *object,
          const char  *where,
          const char  *name,
          GDateTime  **out)
{
  g_autofree char *at = field (where, name);
  g_autoptr(GDateTime) parsed = NULL;
  const char *text;

  if (!get_string (l, object, where, name, TRUE, &text))
    return FALSE;
  /* No default zone: a time without "Z" or an offset is ambiguous, hence refused. */
  parsed = g_date_time_new_from_iso8601 (text, NULL);
  if (parsed == NULL)
    return fail (l, VG_SCENARIO_ERROR_TIME, at, "not an ISO 8601 time with a UTC offset (“%s”)", text);
  *out = g_date_time_to_utc (parsed);
  return TRUE;
}

static gboolean
check_span (Loader     *l,
            const char *where,
            GDateTime  *time)
{
  VgScenario *self = l->self;

  if (g_date_time_compare (time, self->start) < 0 || g_date_time_compare (time, self->end) > 0)
    {
      g_autofree char *at = field (where, "time");
      g_autofree char *t = g_date_time_format_iso8601 (time);
      g_autofree char *s = g_date_time_format_iso8601 (self->start);
      g_autofree char *e = g_date_time_format_iso8601 (self->end);

      return fail (l, VG_SCENARIO_ERROR_TIME, at, "%s is outside the scenario span (%s – %s)", t, s, e);
    }
  return TRUE;
}

/* The absolute, resolved path of the folder-relative @rel, which must stay inside the folder:
 * no absolute path, no "..", no empty or "." component, and no symbolic link leading out. */
static char *
resolve_file (Loader     *l,
              const char *where,
              const char *rel)
{
  g_autofree char *at = field (where, "file");
  g_autofree char *joined = NULL;
  g_autofree char *display = NULL;
  g_auto(GStrv) parts = NULL;
  char *real;
  goffset size;

  if (g_path_is_absolute (rel))
    {
      fail (l, VG_SCENARIO_ERROR_PATH, at, "“%s” is an absolute path (paths are relative to the scenario folder)", rel);
      return NULL;
    }
  parts = g_strsplit (rel, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_equal (parts[i], ".."))
        {
          fail (l, VG_SCENARIO_ERROR_PATH, at, "“%s” goes up with “..” (paths stay inside the scenario folder)", rel);
          return NULL;
        }
      if (*parts[i] == '\0' || g_str_equal (parts[i], "."))
        {
          fail (l, VG_SCENARIO_ERROR_PATH, at, "“%s” is not a plain relative path (empty or “.” component)", rel);
          return NULL;
        }
    }

  joined = g_build_filename (l->self->dir, rel, NULL);
  real = realpath (joined, NULL);
  if (real == NULL)
    {
      int saved = errno;

      fail (l, VG_SCENARIO_ERROR_FILE, at, "“%s” %s", rel,
            saved == ENOENT || saved == ENOTDIR ? "does not exist" : g_strerror (saved));
      return NULL;
    }
  if (!g_str_has_prefix (real, l->prefix))
    {
      fail (l, VG_SCENARIO_ERROR_PATH, at, "“%s” leads outside the scenario folder (symbolic link to %s)", rel, real);
      free (real);
      return NULL;
    }
  display = g_strdup_printf ("%s: %s: “%s”", l->manifest, at, rel);
  if (!vg_scenario_check_file (real, display, VG_SCENARIO_MAX_FILE_SIZE, &size, l->error))
    {
      free (real);
      return NULL;
    }
  return real;
}

static gboolean
get_feed (Loader      *l,
          JsonObject  *object,
          const char  *where,
          gboolean     required,
          const Feed **out)
{
  g_autofree char *at = field (where, "feed");
  const char *id;
  guint index;

  *out = NULL;
  if (!get_string (l, object, where, "feed", required, &id))
    return FALSE;
  if (id == NULL)
    return TRUE;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (l->feeds, id));
  if (index == 0)
    return fail (l, VG_SCENARIO_ERROR_FIELD, at, "unknown feed “%s” (not in feeds)", id);
  *out = &g_array_index (l->self->feeds, Feed, index - 1);
  return TRUE;
}

/* The provenance members every payload and inject carries: reconstructed, reconstruction and
 * sources. */
static gboolean
get_provenance (Loader          *l,
                JsonObject      *object,
                const char      *where,
                VgScenarioEvent *event)
{
  g_autofree char *at_rec = field (where, "reconstruction");
  g_autofree char *at_src = field (where, "sources");
  g_autoptr(GStrvBuilder) sources = g_strv_builder_new ();
  const char *reconstruction;
  JsonArray *array;

  if (!get_boolean (l, object, where, "reconstructed", &event->reconstructed) ||
      !get_string (l, object, where, "reconstruction", FALSE, &reconstruction))
    return FALSE;
  if (event->reconstructed && reconstruction == NULL)
    return fail (l, VG_SCENARIO_ERROR_FIELD, at_rec, "missing (required when “reconstructed” is true)");
  if (!event->reconstructed && reconstruction != NULL)
    return fail (l, VG_SCENARIO_ERROR_FIELD, at_rec, "set although “reconstructed” is false");
  if (reconstruction != NULL && !g_hash_table_contains (l->reconstructions, reconstruction))
    return fail (l, VG_SCENARIO_ERROR_FIELD, at_rec, "unknown reconstruction “%s” (not in reconstructed)",
                 reconstruction);
  event->reconstruction = g_strdup (reconstruction);

  if (!get_array (l, object, where, "sources", &array))
    return FALSE;
  if (json_array_get_length (array) == 0)
    return fail (l, VG_SCENARIO_ERROR_FIELD, at_src, "empty (every file names its sources)");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *at = g_strdup_printf ("%s[%u]", at_src, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return fail (l, VG_SCENARIO_ERROR_FIELD, at, "expected a string, found %s", describe (node));
      if (!g_hash_table_contains (l->sources, json_node_get_string (node)))
        return fail (l, VG_SCENARIO_ERROR_FIELD, at, "unknown source “%s” (not in sources)",
                     json_node_get_string (node));
      g_strv_builder_add (sources, json_node_get_string (node));
    }
  event->sources = g_strv_builder_end (sources);
  return TRUE;
}

static gboolean
get_file (Loader          *l,
          JsonObject      *object,
          const char      *where,
          gboolean         required,
          VgScenarioEvent *event)
{
  const char *rel;
  char *real;

  if (!get_string (l, object, where, "file", required, &rel))
    return FALSE;
  if (rel == NULL)
    return TRUE;
  if ((real = resolve_file (l, where, rel)) == NULL)
    return FALSE;
  event->file = g_strdup (rel);
  event->path = g_strdup (real);
  event->display = g_build_filename (l->self->dir, rel, NULL);
  free (real);
  return TRUE;
}

static gboolean
check_content_type (Loader             *l,
                    const char         *where,
                    const char         *type,
                    const char * const *allowed,
                    const char         *what)
{
  g_autofree char *at = field (where, "content_type");

  if (!g_strv_contains (allowed, type))
    {
      g_autofree char *list = g_strjoinv (", ", (GStrv) allowed);

      return fail (l, VG_SCENARIO_ERROR_FIELD, at, "“%s” is not a content type of %s (expected %s)", type, what, list);
    }
  return TRUE;
}

static VgScenarioEvent *
load_payload (Loader     *l,
              JsonArray  *payloads,
              guint       i)
{
  static const char * const members[] = {
    "time", "feed", "file", "content_type", "reconstructed", "reconstruction", "sources", "note", NULL
  };
  g_autoptr(VgScenarioEvent) event = vg_scenario_event_new ();
  g_autofree char *where = NULL;
  g_autofree char *what = NULL;
  JsonObject *object = NULL;
  const Feed *feed;
  const char *type;
  const char *fr, *en;

  if (!get_element (l, payloads, "payloads", i, &where, &object) ||
      !check_members (l, object, where, members) ||
      !get_time (l, object, where, "time", &event->time) ||
      !check_span (l, where, event->time) ||
      !get_feed (l, object, where, TRUE, &feed) ||
      !get_file (l, object, where, TRUE, event) ||
      !get_string (l, object, where, "content_type", TRUE, &type))
    return NULL;
  what = g_strdup_printf ("a %s feed", vg_scenario_feed_kind_to_string (feed->kind));
  if (!check_content_type (l, where, type, feed_content_types[feed->kind], what) ||
      !get_provenance (l, object, where, event) ||
      !get_text (l, object, where, "note", FALSE, &fr, &en))
    return NULL;

  event->kind = VG_SCENARIO_EVENT_PAYLOAD;
  event->origin = g_steal_pointer (&where);
  event->feed_id = g_strdup (feed->id);
  event->feed_kind = feed->kind;
  event->content_type = g_strdup (type);
  event->text_fr = g_strdup (fr);
  event->text_en = g_strdup (en);
  return g_steal_pointer (&event);
}

static VgScenarioEvent *
load_inject (Loader     *l,
             JsonArray  *injects,
             guint       i)
{
  static const char * const members[] = {
    "id", "time", "type", "feed", "file", "content_type", "text", "controller_notes",
    "reconstructed", "reconstruction", "sources", NULL
  };
  static const char * const incident_types[] = { "application/geo+json", "application/json", NULL };
  static const char * const cap_types[] = { "application/cap+xml", "application/xml", NULL };
  g_autoptr(VgScenarioEvent) event = vg_scenario_event_new ();
  g_autofree char *where = NULL;
  g_autofree char *at_type = NULL;
  g_autofree char *at_feed = NULL;
  g_autofree char *at_file = NULL;
  JsonObject *object = NULL;
  const Feed *feed;
  const char *id, *type_name, *content_type = NULL;
  const char *text_fr, *text_en, *notes_fr, *notes_en;
  gboolean needs_feed, needs_file;

  if (!get_element (l, injects, "injects", i, &where, &object) ||
      !check_members (l, object, where, members) ||
      !get_id (l, object, where, &id) ||
      !claim_id (l, l->injects, where, id) ||
      !get_time (l, object, where, "time", &event->time) ||
      !check_span (l, where, event->time) ||
      !get_string (l, object, where, "type", TRUE, &type_name))
    return NULL;
  at_type = field (where, "type");
  if (!vg_scenario_inject_type_from_string (type_name, &event->inject_type))
    {
      fail (l, VG_SCENARIO_ERROR_FIELD, at_type,
            "unknown inject type “%s” (incident, feed-failure, feed-recovery, cap, note)", type_name);
      return NULL;
    }

  needs_feed = event->inject_type == VG_SCENARIO_INJECT_FEED_FAILURE ||
               event->inject_type == VG_SCENARIO_INJECT_FEED_RECOVERY;
  needs_file = event->inject_type == VG_SCENARIO_INJECT_INCIDENT || event->inject_type == VG_SCENARIO_INJECT_CAP;
  at_feed = field (where, "feed");
  at_file = field (where, "file");
  if (!get_feed (l, object, where, needs_feed, &feed))
    return NULL;
  /* A CAP inject may name the CAP feed it arrives through; other types have no feed. */
  if (feed != NULL && !needs_feed && event->inject_type != VG_SCENARIO_INJECT_CAP)
    {
      fail (l, VG_SCENARIO_ERROR_FIELD, at_feed, "not expected for a “%s” inject", type_name);
      return NULL;
    }
  if (feed != NULL && event->inject_type == VG_SCENARIO_INJECT_CAP && feed->kind != VG_SCENARIO_FEED_CAP)
    {
      fail (l, VG_SCENARIO_ERROR_FIELD, at_feed, "feed “%s” is not a cap feed", feed->id);
      return NULL;
    }
  if (!needs_file && json_object_has_member (object, "file"))
    {
      fail (l, VG_SCENARIO_ERROR_FIELD, at_file, "not expected for a “%s” inject", type_name);
      return NULL;
    }
  if (!get_file (l, object, where, needs_file, event) ||
      !get_string (l, object, where, "content_type", needs_file, &content_type))
    return NULL;
  if (!needs_file && content_type != NULL)
    {
      g_autofree char *at = field (where, "content_type");

      fail (l, VG_SCENARIO_ERROR_FIELD, at, "not expected for a “%s” inject", type_name);
      return NULL;
    }
  if (needs_file &&
      !check_content_type (l, where, content_type,
                           event->inject_type == VG_SCENARIO_INJECT_CAP ? cap_types : incident_types,
                           event->inject_type == VG_SCENARIO_INJECT_CAP ? "a cap inject" : "an incident inject"))
    return NULL;
  if (!get_text (l, object, where, "text", TRUE, &text_fr, &text_en) ||
      !get_text (l, object, where, "controller_notes", FALSE, &notes_fr, &notes_en) ||
      !get_provenance (l, object, where, event))
    return NULL;

  event->text_fr = g_strdup (text_fr);
  event->text_en = g_strdup (text_en);
  event->notes_fr = g_strdup (notes_fr);
  event->notes_en = g_strdup (notes_en);
  event->kind = VG_SCENARIO_EVENT_INJECT;
  event->origin = g_steal_pointer (&where);
  event->inject_id = g_strdup (id);
  if (feed != NULL)
    {
      event->feed_id = g_strdup (feed->id);
      event->feed_kind = feed->kind;
    }
  event->content_type = g_strdup (content_type);
  return g_steal_pointer (&event);
}

static gboolean
load_feeds (Loader     *l,
            JsonObject *root)
{
  static const char * const members[] = { "id", "kind", "label", NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  JsonArray *feeds;

  if (!get_array (l, root, NULL, "feeds", &feeds))
    return FALSE;
  if (json_array_get_length (feeds) == 0)
    return fail (l, VG_SCENARIO_ERROR_FIELD, "feeds", "empty (a scenario replays at least one feed)");
  for (guint i = 0; i < json_array_get_length (feeds); i++)
    {
      g_autofree char *where = NULL;
      g_autofree char *at_kind = NULL;
      JsonObject *object = NULL;
      const char *kind;
      Feed feed;

      if (!get_element (l, feeds, "feeds", i, &where, &object) ||
          !check_members (l, object, where, members) ||
          !get_id (l, object, where, &feed.id) ||
          !claim_id (l, seen, where, feed.id) ||
          !get_string (l, object, where, "kind", TRUE, &kind) ||
          !get_text (l, object, where, "label", TRUE, &feed.label_fr, &feed.label_en))
        return FALSE;
      at_kind = field (where, "kind");
      if (!vg_scenario_feed_kind_from_string (kind, &feed.kind))
        return fail (l, VG_SCENARIO_ERROR_FIELD, at_kind, "unknown feed kind “%s” (hubeau, openmeteo, cap, "
                     "meteoalarm-atom, datex2, geojson, sensorthings)", kind);
      g_array_append_val (l->self->feeds, feed);
      g_hash_table_insert (l->feeds, (char *) feed.id, GUINT_TO_POINTER (l->self->feeds->len));
    }
  return TRUE;
}

static gboolean
load_sources (Loader     *l,
              JsonObject *root)
{
  static const char * const members[] = { "id", "name", "origin", "licence", "url", "real", NULL };
  JsonArray *sources;

  if (!get_array (l, root, NULL, "sources", &sources))
    return FALSE;
  if (json_array_get_length (sources) == 0)
    return fail (l, VG_SCENARIO_ERROR_FIELD, "sources", "empty (every file names its sources)");
  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      g_autofree char *where = NULL;
      JsonObject *object = NULL;
      const char *id, *text;
      gboolean real;

      if (!get_element (l, sources, "sources", i, &where, &object) ||
          !check_members (l, object, where, members) ||
          !get_id (l, object, where, &id) ||
          !claim_id (l, l->sources, where, id) ||
          !get_string (l, object, where, "name", TRUE, &text) ||
          !get_string (l, object, where, "origin", TRUE, &text) ||
          !get_string (l, object, where, "licence", TRUE, &text) ||
          !get_string (l, object, where, "url", FALSE, &text) ||
          !get_boolean (l, object, where, "real", &real))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_reconstructions (Loader     *l,
                      JsonObject *root)
{
  static const char * const members[] = { "id", "what", "method", NULL };
  JsonArray *entries;

  if (!get_array (l, root, NULL, "reconstructed", &entries))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      g_autofree char *where = NULL;
      JsonObject *object = NULL;
      const char *id, *fr, *en;

      if (!get_element (l, entries, "reconstructed", i, &where, &object) ||
          !check_members (l, object, where, members) ||
          !get_id (l, object, where, &id) ||
          !claim_id (l, l->reconstructions, where, id) ||
          !get_text (l, object, where, "what", TRUE, &fr, &en) ||
          !get_text (l, object, where, "method", TRUE, &fr, &en))
        return FALSE;
    }
  return TRUE;
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const VgScenarioEvent *x = *(VgScenarioEvent * const *) a;
  const VgScenarioEvent *y = *(VgScenarioEvent * const *) b;

  if (x->time_usec != y->time_usec)
    return x->time_usec < y->time_usec ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* A feed fails, then recovers, then may fail again: anything else is a scripting mistake. */
static gboolean
check_failures (Loader *l)
{
  g_autoptr(GHashTable) failing = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *events = l->self->events;

  for (guint i = 0; i < events->len; i++)
    {
      VgScenarioEvent *event = g_ptr_array_index (events, i);

      if (event->inject_type == VG_SCENARIO_INJECT_FEED_FAILURE)
        {
          VgScenarioEvent *since = g_hash_table_lookup (failing, event->feed_id);

          if (since != NULL)
            return fail (l, VG_SCENARIO_ERROR_FIELD, event->origin, "feed “%s” is already failing (since %s)",
                         event->feed_id, since->origin);
          g_hash_table_insert (failing, event->feed_id, event);
        }
      else if (event->inject_type == VG_SCENARIO_INJECT_FEED_RECOVERY &&
               !g_hash_table_remove (failing, event->feed_id))
        return fail (l, VG_SCENARIO_ERROR_FIELD, event->origin, "feed “%s” recovers but is not failing",
                     event->feed_id);
    }
  return TRUE;
}

static gboolean
load_manifest (Loader     *l,
               const char *data,
               gsize       length)
{
  static const char * const members[] = {
    "format", "id", "title", "description", "start", "end", "timezone", "exercise", "feeds",
    "payloads", "injects", "sources", "reconstructed", NULL
  };
  VgScenario *self = l->self;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) json_error = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  JsonArray *payloads, *injects;
  JsonObject *root;
  const char *format;
  gboolean exercise;
  guint seq = 0;

  if (!vg_json_nesting_within (data, length, VG_SCENARIO_MAX_DEPTH))
    return fail (l, VG_SCENARIO_ERROR_MANIFEST, NULL, "nested deeper than %d levels", VG_SCENARIO_MAX_DEPTH);
  if (!json_parser_load_from_data (parser, data, length, &json_error))
    return fail (l, VG_SCENARIO_ERROR_MANIFEST, NULL, "not valid JSON: %s", json_error->message);
  if (json_parser_get_root (parser) == NULL)
    return fail (l, VG_SCENARIO_ERROR_MANIFEST, NULL, "empty");
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return fail (l, VG_SCENARIO_ERROR_MANIFEST, NULL, "the top level is not an object");
  self->root = json_node_ref (json_parser_get_root (parser));
  self->manifest = root = json_node_get_object (self->root);

  /* The format first: a newer manifest should be refused for what it is, not for a field. */
  if (!get_string (l, root, NULL, "format", TRUE, &format))
    return FALSE;
  if (!g_str_equal (format, VG_SCENARIO_FORMAT))
    return fail (l, VG_SCENARIO_ERROR_MANIFEST, "format", "unknown format “%s” (this Vigie reads %s)",
                 format, VG_SCENARIO_FORMAT);
  if (!check_members (l, root, NULL, members) ||
      !get_id (l, root, NULL, &self->id) ||
      !get_text (l, root, NULL, "title", TRUE, &self->title_fr, &self->title_en) ||
      !get_text (l, root, NULL, "description", TRUE, &self->description_fr, &self->description_en) ||
      !get_string (l, root, NULL, "timezone", TRUE, &self->timezone))
    return FALSE;
  if ((zone = g_time_zone_new_identifier (self->timezone)) == NULL)
    return fail (l, VG_SCENARIO_ERROR_FIELD, "timezone", "unknown time zone “%s”", self->timezone);
  if (!get_boolean (l, root, NULL, "exercise", &exercise))
    return FALSE;
  if (!exercise)
    return fail (l, VG_SCENARIO_ERROR_FIELD, "exercise", "must be true (a scenario always replays as an exercise)");
  if (!get_time (l, root, NULL, "start", &self->start) ||
      !get_time (l, root, NULL, "end", &self->end))
    return FALSE;
  if (g_date_time_compare (self->end, self->start) <= 0)
    return fail (l, VG_SCENARIO_ERROR_TIME, "end", "not after start");

  if (!load_sources (l, root) ||
      !load_reconstructions (l, root) ||
      !load_feeds (l, root) ||
      !get_array (l, root, NULL, "payloads", &payloads) ||
      !get_array (l, root, NULL, "injects", &injects))
    return FALSE;
  if (json_array_get_length (payloads) + json_array_get_length (injects) > VG_SCENARIO_MAX_EVENTS)
    return fail (l, VG_SCENARIO_ERROR_FIELD, "payloads", "%u payloads and injects, over the limit of %d",
                 json_array_get_length (payloads) + json_array_get_length (injects), VG_SCENARIO_MAX_EVENTS);

  for (guint i = 0; i < json_array_get_length (payloads); i++, seq++)
    {
      VgScenarioEvent *event = load_payload (l, payloads, i);

      if (event == NULL)
        return FALSE;
      event->seq = seq;
      event->time_usec = vg_time_to_usec (event->time);
      g_ptr_array_add (self->events, event);
    }
  self->n_payloads = json_array_get_length (payloads);
  for (guint i = 0; i < json_array_get_length (injects); i++, seq++)
    {
      VgScenarioEvent *event = load_inject (l, injects, i);

      if (event == NULL)
        return FALSE;
      event->seq = seq;
      event->time_usec = vg_time_to_usec (event->time);
      g_ptr_array_add (self->events, event);
    }
  self->n_injects = json_array_get_length (injects);

  g_ptr_array_sort (self->events, compare_events);
  return check_failures (l);
}

static gboolean
read_manifest (Loader      *l,
               const char  *path,
               char       **data,
               gsize       *length)
{
  g_autoptr(GError) read_error = NULL;
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    {
      int saved = errno;

      return fail (l, VG_SCENARIO_ERROR_MANIFEST, NULL, "%s",
                   saved == ENOENT ? "does not exist (not a scenario folder?)" : g_strerror (saved));
    }
  if (!S_ISREG (st.st_mode))
    return fail (l, VG_SCENARIO_ERROR_MANIFEST, NULL, "not a regular file");
  if (st.st_size > VG_SCENARIO_MAX_MANIFEST_SIZE)
    return fail (l, VG_SCENARIO_ERROR_MANIFEST, NULL, "%" G_GOFFSET_FORMAT " bytes, over the 4 MiB limit",
                 (goffset) st.st_size);
  if (!g_file_get_contents (path, data, length, &read_error))
    return fail (l, VG_SCENARIO_ERROR_MANIFEST, NULL, "%s", read_error->message);
  if (*length > VG_SCENARIO_MAX_MANIFEST_SIZE)   /* grew since the stat */
    return fail (l, VG_SCENARIO_ERROR_MANIFEST, NULL, "over the 4 MiB limit");
  return TRUE;
}

static void
vg_scenario_finalize (GObject *object)
{
  VgScenario *self = VG_SCENARIO (object);

  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->feeds, g_array_unref);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  g_clear_pointer (&self->root, json_node_unref);
  g_clear_pointer (&self->dir, g_free);

  G_OBJECT_CLASS (vg_scenario_parent_class)->finalize (object);
}

static void
vg_scenario_class_init (VgScenarioClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_scenario_finalize;
}

static void
vg_scenario_init (VgScenario *self)
{
  self->feeds = g_array_new (FALSE, FALSE, sizeof (Feed));
  self->events = g_ptr_array_new_with_free_func (g_object_unref);
}

static GType
vg_scenario_get_item_type (GListModel *model)
{
  return VG_TYPE_SCENARIO_EVENT;
}

static guint
vg_scenario_get_n_items (GListModel *model)
{
  return VG_SCENARIO (model)->events->len;
}

static gpointer
vg_scenario_get_item (GListModel *model,
                      guint       position)
{
  VgScenario *self = VG_SCENARIO (model);

  if (position >= self->events->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->events, position));
}

static void
vg_scenario_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = vg_scenario_get_item_type;
  iface->get_n_items = vg_scenario_get_n_items;
  iface->get_item = vg_scenario_get_item;
}

VgScenario *
vg_scenario_load (const char  *dir,
                  GError     **error)
{
  g_autoptr(VgScenario) self = g_object_new (VG_TYPE_SCENARIO, NULL);
  g_autofree char *manifest = NULL;
  g_autofree char *data = NULL;
  gsize length;
  char *real;
  Loader l = { 0 };
  gboolean ok;

  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  manifest = g_build_filename (dir, "manifest.json", NULL);
  if ((real = realpath (dir, NULL)) == NULL || !g_file_test (real, G_FILE_TEST_IS_DIR))
    {
      int saved = errno;

      g_set_error (error, VG_SCENARIO_ERROR, VG_SCENARIO_ERROR_MANIFEST, "%s: %s", dir,
                   real == NULL ? g_strerror (saved) : "not a folder");
      free (real);
      return NULL;
    }
  self->dir = g_strdup (real);
  free (real);

  l.self = self;
  l.manifest = manifest;
  l.prefix = g_str_has_suffix (self->dir, "/") ? g_strdup (self->dir) : g_strconcat (self->dir, "/", NULL);
  l.feeds = g_hash_table_new (g_str_hash, g_str_equal);
  l.sources = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  l.reconstructions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  l.injects = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  l.error = error;

  ok = read_manifest (&l, manifest, &data, &length) && load_manifest (&l, data, length);

  g_free (l.prefix);
  g_hash_table_unref (l.feeds);
  g_hash_table_unref (l.sources);
  g_hash_table_unref (l.reconstructions);
  g_hash_table_unref (l.injects);
  return ok ? g_steal_pointer (&self) : NULL;
}

const char *
vg_scenario_get_dir (VgScenario *self)
{
  g_return_val_if_fail (VG_IS_SCENARIO (self), NULL);

  return self->dir;
}

const char *
vg_scenario_get_id (VgScenario *self)
{
  g_return_val_if_fail (VG_IS_SCENARIO (self), NULL);

  return self->id;
}

const char *
vg_scenario_get_title (VgScenario *self,
                       const char *lang)
{
  g_return_val_if_fail (VG_IS_SCENARIO (self), NULL);

  return vg_scenario_pick_language (self->title_fr, self->title_en, lang);
}

const char *
vg_scenario_get_description (VgScenario *self,
                             const char *lang)
{
  g_return_val_if_fail (VG_IS_SCENARIO (self), NULL);

  return vg_scenario_pick_language (self->description_fr, self->description_en, lang);
}

GDateTime *
vg_scenario_get_start (VgScenario *self)
{
  g_return_val_if_fail (VG_IS_SCENARIO (self), NULL);

  return self->start;
}

GDateTime *
vg_scenario_get_end (VgScenario *self)
{
  g_return_val_if_fail (VG_IS_SCENARIO (self), NULL);

  return self->end;
}

const char *
vg_scenario_get_timezone (VgScenario *self)
{
  g_return_val_if_fail (VG_IS_SCENARIO (self), NULL);

  return self->timezone;
}

guint
vg_scenario_get_n_feeds (VgScenario *self)
{
  g_return_val_if_fail (VG_IS_SCENARIO (self), 0);

  return self->feeds->len;
}

const char *
vg_scenario_get_feed_id (VgScenario *self,
                         guint       i)
{
  g_return_val_if_fail (VG_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (i < self->feeds->len, NULL);

  return g_array_index (self->feeds, Feed, i).id;
}

VgScenarioFeedKind
vg_scenario_get_feed_kind (VgScenario *self,
                           guint       i)
{
  g_return_val_if_fail (VG_IS_SCENARIO (self), VG_SCENARIO_FEED_HUBEAU);
  g_return_val_if_fail (i < self->feeds->len, VG_SCENARIO_FEED_HUBEAU);

  return g_array_index (self->feeds, Feed, i).kind;
}

const char *
vg_scenario_get_feed_label (VgScenario *self,
                            guint       i,
                            const char *lang)
{
  g_return_val_if_fail (VG_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (i < self->feeds->len, NULL);

  return vg_scenario_pick_language (g_array_index (self->feeds, Feed, i).label_fr,
                                    g_array_index (self->feeds, Feed, i).label_en, lang);
}

guint
vg_scenario_get_n_events (VgScenario *self)
{
  g_return_val_if_fail (VG_IS_SCENARIO (self), 0);

  return self->events->len;
}

VgScenarioEvent *
vg_scenario_get_event (VgScenario *self,
                       guint       i)
{
  g_return_val_if_fail (VG_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (i < self->events->len, NULL);

  return g_ptr_array_index (self->events, i);
}

guint
vg_scenario_find_event_at (VgScenario *self,
                           gint64      usec)
{
  guint lo = 0, hi;

  g_return_val_if_fail (VG_IS_SCENARIO (self), 0);

  hi = self->events->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (((VgScenarioEvent *) g_ptr_array_index (self->events, mid))->time_usec < usec)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

guint
vg_scenario_count_events (VgScenario          *self,
                          VgScenarioEventKind  kind)
{
  g_return_val_if_fail (VG_IS_SCENARIO (self), 0);

  return kind == VG_SCENARIO_EVENT_PAYLOAD ? self->n_payloads : self->n_injects;
}

const char *
vg_scenario_get_reconstruction_method (VgScenario *self,
                                       const char *id,
                                       const char *lang)
{
  JsonArray *entries;

  g_return_val_if_fail (VG_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  entries = json_object_get_array_member (self->manifest, "reconstructed");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);

      if (g_str_equal (json_object_get_string_member (entry, "id"), id))
        {
          JsonObject *method = json_object_get_object_member (entry, "method");

          return vg_scenario_pick_language (json_object_get_string_member (method, "fr"),
                                            json_object_get_string_member (method, "en"), lang);
        }
    }
  return NULL;
}

JsonObject *
vg_scenario_get_manifest (VgScenario *self)
{
  g_return_val_if_fail (VG_IS_SCENARIO (self), NULL);

  return self->manifest;
}
