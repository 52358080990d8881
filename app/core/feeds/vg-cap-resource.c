/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-cap-resource"

#include "config.h"

#include "vg-cap-resource.h"
#include "vg-feed-private.h"

struct _VgCapResource
{
  gatomicrefcount ref_count;

  char   *description;
  char   *mime_type;
  char   *uri;
  char   *digest;
  gint64  size;
  gint64  dropped_bytes;
};

G_DEFINE_BOXED_TYPE (VgCapResource, vg_cap_resource, vg_cap_resource_ref, vg_cap_resource_unref)

VgCapResource *
vg_cap_resource_new (const char *description,
                     const char *mime_type,
                     gint64      size,
                     const char *uri,
                     const char *digest,
                     gint64      dropped_bytes)
{
  VgCapResource *self = g_new0 (VgCapResource, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->description = g_strdup (description ? description : "");
  self->mime_type = g_strdup (mime_type);
  self->uri = g_strdup (uri);
  self->digest = g_strdup (digest);
  self->size = size;
  self->dropped_bytes = dropped_bytes;
  return self;
}

VgCapResource *
vg_cap_resource_ref (VgCapResource *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
vg_cap_resource_unref (VgCapResource *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->description);
  g_free (self->mime_type);
  g_free (self->uri);
  g_free (self->digest);
  g_free (self);
}

const char *
vg_cap_resource_get_description (VgCapResource *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->description;
}

const char *
vg_cap_resource_get_mime_type (VgCapResource *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->mime_type;
}

gint64
vg_cap_resource_get_size (VgCapResource *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->size;
}

const char *
vg_cap_resource_get_uri (VgCapResource *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->uri;
}

const char *
vg_cap_resource_get_digest (VgCapResource *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->digest;
}

gboolean
vg_cap_resource_get_deref_dropped (VgCapResource *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->dropped_bytes >= 0;
}

void
vg_cap_resource_to_json (VgCapResource *self,
                         JsonBuilder   *builder)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (JSON_IS_BUILDER (builder));

  json_builder_begin_object (builder);
  vg_feed_json_add_string (builder, "description", self->description);
  vg_feed_json_add_string (builder, "mime_type", self->mime_type);
  if (self->size >= 0)
    {
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, self->size);
    }
  vg_feed_json_add_string (builder, "uri", self->uri);
  vg_feed_json_add_string (builder, "digest", self->digest);
  json_builder_set_member_name (builder, "deref_dropped");
  json_builder_add_boolean_value (builder, self->dropped_bytes >= 0);
  json_builder_end_object (builder);
}
