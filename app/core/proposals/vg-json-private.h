/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A copy of @node sharing nothing with it (json_node_copy() shares objects and arrays), so a
 * caller changing its tree later cannot change what was validated or journalled. */
JsonNode   *vg_json_deep_copy      (JsonNode   *node);
/* @object in a new node (takes the reference). */
JsonNode   *vg_json_object_node    (JsonObject *object);
/* String member @name of @object, or NULL if absent or not a string; borrowed. */
const char *vg_json_member_string     (JsonObject *object,
                                    const char *name);
/* Object member @name of @object, or NULL; borrowed. */
JsonObject *vg_json_member_object     (JsonObject *object,
                                    const char *name);
/* Array member @name of @object, or NULL; borrowed. */
JsonArray  *vg_json_member_array      (JsonObject *object,
                                    const char *name);
/* Number member @name of @object, or @fallback. */
double      vg_json_member_double     (JsonObject *object,
                                    const char *name,
                                    double      fallback);
/* Integer member @name of @object, or @fallback. */
gint64      vg_json_member_int        (JsonObject *object,
                                    const char *name,
                                    gint64      fallback);

G_END_DECLS
