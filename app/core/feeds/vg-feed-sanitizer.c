/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-feed-sanitizer"

#include "config.h"

#include <libxml/tree.h>
#include <string.h>

#include "vg-error.h"
#include "vg-feed-private.h"
#include "vg-feed-sanitizer.h"

static gboolean
is_withheld (VgFeedRefusal *refusal)
{
  return vg_feed_refusal_get_action (refusal) != VG_FEED_REFUSAL_SKIPPED;
}

static gboolean
unsafe (GError    **error,
        const char *feed_id,
        const char *position,
        const char *format,
        ...) G_GNUC_PRINTF (4, 5);

static gboolean
unsafe (GError    **error,
        const char *feed_id,
        const char *position,
        const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  return vg_feed_fail (error, VG_FEED_ERROR_UNSUPPORTED, feed_id, position,
                       "no safe copy of the payload can be kept: %s", message);
}

/* --- JSON: remove what a JSON path names --- */

typedef struct
{
  JsonNode *container;   /* object or array holding the target */
  char     *member;      /* in an object, else NULL */
  guint     index;       /* in an array */
  guint     depth;
} Target;

static void
clear_target (gpointer data)
{
  g_free (((Target *) data)->member);
}

/* Resolves @path ("$.features[3].properties.photo", "$[\"a b\"]") in @root into the
 * container and key of its last step. Member names may hold dots (the walk writes them
 * plain), so the longest member name that exists is taken at each step. */
static gboolean
resolve_path (JsonNode   *root,
              const char *path,
              Target     *target)
{
  JsonNode *node = root, *container = NULL;
  g_autofree char *member = NULL;
  const char *p = path;
  guint index = 0, depth = 0;

  if (*p++ != '$')
    return FALSE;
  while (*p != '\0')
    {
      g_clear_pointer (&member, g_free);
      container = node;
      depth++;
      if (*p == '.' && JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *object = json_node_get_object (node);
          const char *start = ++p, *end = NULL;

          for (const char *q = start; ; q++)
            if (*q == '\0' || *q == '.' || *q == '[')
              {
                g_autofree char *name = g_strndup (start, q - start);

                if (q > start && json_object_has_member (object, name))
                  end = q;
                if (*q == '\0' || *q == '[')
                  break;
              }
          if (end == NULL)
            return FALSE;
          member = g_strndup (start, end - start);
          node = json_object_get_member (object, member);
          p = end;
        }
      else if (p[0] == '[' && p[1] == '"' && JSON_NODE_HOLDS_OBJECT (node))
        {
          const char *start = p + 2, *q = start;
          g_autofree char *escaped = NULL;

          while (*q != '\0' && !(q[0] == '"' && q[1] == ']'))
            q += (q[0] == '\\' && q[1] != '\0') ? 2 : 1;
          if (*q == '\0')
            return FALSE;
          escaped = g_strndup (start, q - start);
          member = g_strcompress (escaped);
          if (!json_object_has_member (json_node_get_object (node), member))
            return FALSE;
          node = json_object_get_member (json_node_get_object (node), member);
          p = q + 2;
        }
      else if (*p == '[' && g_ascii_isdigit (p[1]) && JSON_NODE_HOLDS_ARRAY (node))
        {
          char *end = NULL;
          guint64 i = g_ascii_strtoull (p + 1, &end, 10);

          if (end == NULL || *end != ']' || i >= json_array_get_length (json_node_get_array (node)))
            return FALSE;
          index = (guint) i;
          node = json_array_get_element (json_node_get_array (node), index);
          p = end + 1;
        }
      else
        return FALSE;
    }
  if (container == NULL)
    return FALSE;   /* "$" itself: the whole document */
  target->container = container;
  target->member = g_steal_pointer (&member);
  target->index = index;
  target->depth = depth;
  return TRUE;
}

/* Deepest first, so that removing a target never frees the container of another; in one
 * array, the highest index first, so that the indices still to remove stay valid. */
static int
compare_targets (gconstpointer a,
                 gconstpointer b)
{
  const Target *ta = a, *tb = b;

  if (ta->depth != tb->depth)
    return ta->depth > tb->depth ? -1 : 1;
  if (ta->container != tb->container)
    return ta->container < tb->container ? -1 : 1;
  if (ta->member != NULL || tb->member != NULL)
    return g_strcmp0 (ta->member, tb->member);
  return ta->index > tb->index ? -1 : ta->index < tb->index ? 1 : 0;
}

static GBytes *
sanitize_json (const char   *feed_id,
               GBytes       *payload,
               VgFeedBatch  *batch,
               GError      **error)
{
  g_autoptr(JsonNode) root = vg_feed_json_load (feed_id, payload, error);
  g_autoptr(GArray) targets = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  GPtrArray *refusals = vg_feed_batch_get_refusals (batch);
  char *text;
  gsize length;

  if (root == NULL)
    return NULL;
  targets = g_array_new (FALSE, TRUE, sizeof (Target));
  g_array_set_clear_func (targets, clear_target);
  for (guint i = 0; i < refusals->len; i++)
    {
      VgFeedRefusal *r = g_ptr_array_index (refusals, i);
      Target target = { 0 };

      if (!is_withheld (r))
        continue;
      if (!resolve_path (root, vg_feed_refusal_get_position (r), &target))
        {
          unsafe (error, feed_id, vg_feed_refusal_get_position (r),
                  "what was withheld there cannot be found again in the document");
          return NULL;
        }
      g_array_append_val (targets, target);
    }
  if (targets->len > 0)
    g_array_sort (targets, compare_targets);
  for (guint i = 0; i < targets->len; i++)
    {
      const Target *t = &g_array_index (targets, Target, i);

      if (i > 0 && compare_targets (t, t - 1) == 0)
        continue;   /* one node refused twice */
      if (t->member != NULL)
        json_object_remove_member (json_node_get_object (t->container), t->member);
      else
        json_array_remove_element (json_node_get_array (t->container), t->index);
    }
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

/* --- XML: unlink the elements named by their positions --- */

static void
index_positions (xmlNode    *node,
                 GHashTable *positions)
{
  for (xmlNode *n = node; n != NULL; n = n->next)
    if (n->type == XML_ELEMENT_NODE)
      {
        g_hash_table_insert (positions, vg_xml_position (n), n);
        index_positions (n->children, positions);
      }
}

static gboolean
has_ancestor_in (xmlNode    *node,
                 GHashTable *set)
{
  for (xmlNode *n = node->parent; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
    if (g_hash_table_contains (set, n))
      return TRUE;
  return FALSE;
}

static GBytes *
sanitize_xml (VgFeedKind    kind,
              const char   *feed_id,
              GBytes       *payload,
              VgFeedBatch  *batch,
              GError      **error)
{
  static const char * const datex2_records[] = { "situationRecord", "trafficRegulationOrder", "siteMeasurements", NULL };
  static const char * const atom_records[] = { "entry", NULL };
  const char * const *records = kind == VG_FEED_KIND_DATEX2 ? datex2_records
                                : kind == VG_FEED_KIND_METEOALARM_ATOM ? atom_records : NULL;
  g_autoptr(xmlDoc) doc = vg_feed_xml_load (feed_id, payload, error);
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(GHashTable) remove = NULL;
  g_autoptr(GPtrArray) top = NULL;
  GPtrArray *refusals = vg_feed_batch_get_refusals (batch);
  GHashTableIter iter;
  gpointer key;
  xmlChar *text = NULL;
  int length = 0;
  GBytes *bytes;

  if (doc == NULL)
    return NULL;
  positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  remove = g_hash_table_new (NULL, NULL);
  index_positions (xmlDocGetRootElement (doc), positions);
  for (guint i = 0; i < refusals->len; i++)
    {
      VgFeedRefusal *r = g_ptr_array_index (refusals, i);
      const char *position = vg_feed_refusal_get_position (r);
      xmlNode *node;

      if (!is_withheld (r))
        continue;
      if ((node = g_hash_table_lookup (positions, position)) == NULL)
        return unsafe (error, feed_id, position, "the element withheld there cannot be found again"), NULL;
      if (vg_feed_refusal_get_action (r) == VG_FEED_REFUSAL_REFUSED)
        {
          /* The whole record goes, not only the element that said it. */
          while (node != NULL && node->type == XML_ELEMENT_NODE &&
                 (records == NULL || !g_strv_contains (records, (const char *) node->name)))
            node = node->parent;
          if (node == NULL || node->type != XML_ELEMENT_NODE)
            return unsafe (error, feed_id, position, "the document itself is the record refused"), NULL;
        }
      if (node == xmlDocGetRootElement (doc))
        return unsafe (error, feed_id, position, "the document itself is the record refused"), NULL;
      g_hash_table_add (remove, node);
    }
  /* Unlinked only once all are found: an element inside another one removed goes with it. */
  top = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, remove);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!has_ancestor_in (key, remove))
      g_ptr_array_add (top, key);
  for (guint i = 0; i < top->len; i++)
    {
      xmlNode *node = g_ptr_array_index (top, i);
      xmlNode *prev = node->prev;

      /* The indentation before it goes too, so that no blank line is left. */
      xmlUnlinkNode (node);
      xmlFreeNode (node);
      if (prev != NULL && prev->type == XML_TEXT_NODE && xmlIsBlankNode (prev))
        {
          xmlUnlinkNode (prev);
          xmlFreeNode (prev);
        }
    }
  xmlDocDumpMemoryEnc (doc, &text, &length, "UTF-8");
  if (text == NULL || length <= 0)
    {
      xmlFree (text);
      return unsafe (error, feed_id, "document", "the cleaned document could not be written"), NULL;
    }
  bytes = g_bytes_new (text, (gsize) length);
  xmlFree (text);
  return bytes;
}

/* --- public --- */

gboolean
vg_feed_batch_withholds (VgFeedBatch *batch)
{
  GPtrArray *refusals;

  g_return_val_if_fail (VG_IS_FEED_BATCH (batch), FALSE);

  refusals = vg_feed_batch_get_refusals (batch);
  for (guint i = 0; i < refusals->len; i++)
    if (is_withheld (g_ptr_array_index (refusals, i)))
      return TRUE;
  return FALSE;
}

JsonNode *
vg_feed_batch_withheld_to_json (VgFeedBatch *batch)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GPtrArray *refusals;

  g_return_val_if_fail (VG_IS_FEED_BATCH (batch), NULL);

  refusals = vg_feed_batch_get_refusals (batch);
  json_builder_begin_array (builder);
  for (guint i = 0; i < refusals->len; i++)
    {
      VgFeedRefusal *r = g_ptr_array_index (refusals, i);

      if (!is_withheld (r))
        continue;
      json_builder_begin_object (builder);
      vg_feed_json_add_string (builder, "action", vg_feed_refusal_action_to_id (vg_feed_refusal_get_action (r)));
      vg_feed_json_add_string (builder, "field", vg_feed_refusal_get_field (r));
      vg_feed_json_add_string (builder, "position", vg_feed_refusal_get_position (r));
      vg_feed_json_add_string (builder, "reason", vg_feed_refusal_get_error (r)->message);
      vg_feed_json_add_string (builder, "record", vg_feed_refusal_get_record_id (r));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static guint
count_refusals (VgFeedBatch         *batch,
                VgFeedRefusalAction  action)
{
  GPtrArray *refusals = vg_feed_batch_get_refusals (batch);
  guint n = 0;

  for (guint i = 0; i < refusals->len; i++)
    if (vg_feed_refusal_get_action (g_ptr_array_index (refusals, i)) == action)
      n++;
  return n;
}

GBytes *
vg_feed_sanitize (VgFeedKind    kind,
                  const char   *feed_id,
                  GDateTime    *received_at,
                  GBytes       *payload,
                  VgFeedBatch  *batch,
                  GError      **error)
{
  g_autoptr(GBytes) copy = NULL;
  g_autoptr(VgFeedBatch) again = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (kind < VG_N_FEED_KINDS, NULL);
  g_return_val_if_fail (feed_id != NULL && received_at != NULL && payload != NULL, NULL);
  g_return_val_if_fail (VG_IS_FEED_BATCH (batch), NULL);

  switch (kind)
    {
    case VG_FEED_KIND_HUBEAU:
    case VG_FEED_KIND_SENSORTHINGS:
    case VG_FEED_KIND_OPENMETEO:
    case VG_FEED_KIND_GEOJSON:
      copy = sanitize_json (feed_id, payload, batch, error);
      break;
    case VG_FEED_KIND_CAP:
    case VG_FEED_KIND_METEOALARM_ATOM:
    case VG_FEED_KIND_DATEX2:
      copy = sanitize_xml (kind, feed_id, payload, batch, error);
      break;
    case VG_N_FEED_KINDS:
    default:
      g_assert_not_reached ();
    }
  if (copy == NULL)
    return NULL;

  /* The proof: the copy reads back to the same records, with nothing of policy left in it. */
  again = vg_feed_parse (kind, feed_id, received_at, copy, &local_error);
  if (again == NULL)
    return unsafe (error, feed_id, "document", "the cleaned copy does not parse (%s)", local_error->message), NULL;
  if (vg_feed_batch_withholds (again))
    return unsafe (error, feed_id, "document", "the cleaned copy still carries what was withheld"), NULL;
  if (vg_feed_batch_get_n_records (again) != vg_feed_batch_get_n_records (batch) ||
      count_refusals (again, VG_FEED_REFUSAL_SKIPPED) != count_refusals (batch, VG_FEED_REFUSAL_SKIPPED))
    return unsafe (error, feed_id, "document",
                   "the cleaned copy gives %u records where the payload gave %u",
                   vg_feed_batch_get_n_records (again), vg_feed_batch_get_n_records (batch)), NULL;
  return g_steal_pointer (&copy);
}
