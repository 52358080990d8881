/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-json"

#include "config.h"

#include "vg-json-private.h"

JsonNode *
vg_json_deep_copy (JsonNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *copy = json_object_new ();
        JsonObjectIter iter;
        const char *name;
        JsonNode *value;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &value))
          json_object_set_member (copy, name, vg_json_deep_copy (value));
        return vg_json_object_node (copy);
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        JsonArray *copy = json_array_sized_new (json_array_get_length (array));
        JsonNode *result = json_node_new (JSON_NODE_ARRAY);

        for (guint i = 0; i < json_array_get_length (array); i++)
          json_array_add_element (copy, vg_json_deep_copy (json_array_get_element (array, i)));
        json_node_take_array (result, copy);
        return result;
      }
    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      /* Values are copied by value. */
      return json_node_copy (node);
    }
}

JsonNode *
vg_json_object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

const char *
vg_json_member_string (JsonObject *object,
                    const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

JsonObject *
vg_json_member_object (JsonObject *object,
                    const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
vg_json_member_array (JsonObject *object,
                   const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

double
vg_json_member_double (JsonObject *object,
                    const char *name,
                    double      fallback)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  type = json_node_get_value_type (node);
  return type == G_TYPE_DOUBLE || type == G_TYPE_INT64 ? json_node_get_double (node) : fallback;
}

gint64
vg_json_member_int (JsonObject *object,
                 const char *name,
                 gint64      fallback)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}
