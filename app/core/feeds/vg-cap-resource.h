/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A CAP <resource>, kept as a reference only: its description, MIME type, size, URI and digest.
 * Vigie never downloads, decodes or stores the content: embedded content (<derefUri>) is
 * dropped unread while parsing, and the resource records that it was; immutable. */

typedef struct _VgCapResource VgCapResource;

#define VG_TYPE_CAP_RESOURCE (vg_cap_resource_get_type ())

/* Boxed type of VgCapResource. */
GType          vg_cap_resource_get_type          (void) G_GNUC_CONST;
/* New reference; @size in bytes or -1, @dropped_bytes the length of a dropped <derefUri>
 * or -1 if there was none. Strings may be NULL. */
VgCapResource *vg_cap_resource_new               (const char    *description,
                                                  const char    *mime_type,
                                                  gint64         size,
                                                  const char    *uri,
                                                  const char    *digest,
                                                  gint64         dropped_bytes);
/* Adds a reference. */
VgCapResource *vg_cap_resource_ref               (VgCapResource *self);
/* Drops a reference. */
void           vg_cap_resource_unref             (VgCapResource *self);
/* <resourceDesc>; borrowed. */
const char    *vg_cap_resource_get_description   (VgCapResource *self);
/* <mimeType>, or NULL; borrowed. */
const char    *vg_cap_resource_get_mime_type     (VgCapResource *self);
/* <size> in bytes, -1 if not given. */
gint64         vg_cap_resource_get_size          (VgCapResource *self);
/* <uri>, or NULL; borrowed (never fetched by Vigie). */
const char    *vg_cap_resource_get_uri           (VgCapResource *self);
/* <digest> (SHA-1 per CAP 1.2), or NULL; borrowed. */
const char    *vg_cap_resource_get_digest        (VgCapResource *self);
/* TRUE if the message embedded the content (<derefUri>) and Vigie dropped it. */
gboolean       vg_cap_resource_get_deref_dropped (VgCapResource *self);
/* Adds the resource as one JSON object to @builder. */
void           vg_cap_resource_to_json           (VgCapResource *self,
                                                  JsonBuilder   *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VgCapResource, vg_cap_resource_unref)

G_END_DECLS
