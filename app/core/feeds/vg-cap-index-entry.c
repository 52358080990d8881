/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-cap-index-entry"

#include "config.h"

#include "vg-cap-index-entry.h"
#include "vg-feed-private.h"
#include "vg-nuts.h"

struct _VgCapIndexEntry
{
  GObject           parent_instance;

  VgFeedOrigin     *origin;
  char             *position;
  char             *entry_id;
  char             *identifier;
  char             *uri;
  char             *title;
  char             *event;
  char             *area_description;
  char             *status;
  char             *msg_type;
  char             *urgency;
  char             *certainty;
  gint64            updated, sent, onset, expires;
  VgSeverity        severity;
  VgAwarenessLevel  awareness_level;
  char            **geocodes;
};

G_DEFINE_FINAL_TYPE (VgCapIndexEntry, vg_cap_index_entry, G_TYPE_OBJECT)

static void
vg_cap_index_entry_finalize (GObject *object)
{
  VgCapIndexEntry *self = VG_CAP_INDEX_ENTRY (object);

  g_clear_pointer (&self->origin, vg_feed_origin_unref);
  g_clear_pointer (&self->position, g_free);
  g_clear_pointer (&self->entry_id, g_free);
  g_clear_pointer (&self->identifier, g_free);
  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->event, g_free);
  g_clear_pointer (&self->area_description, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->msg_type, g_free);
  g_clear_pointer (&self->urgency, g_free);
  g_clear_pointer (&self->certainty, g_free);
  g_clear_pointer (&self->geocodes, g_strfreev);

  G_OBJECT_CLASS (vg_cap_index_entry_parent_class)->finalize (object);
}

static void
vg_cap_index_entry_class_init (VgCapIndexEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_cap_index_entry_finalize;
}

static void
vg_cap_index_entry_init (VgCapIndexEntry *self)
{
}

VgCapIndexEntry *
vg_cap_index_entry_new (VgFeedOrigin                *origin,
                        const char                  *position,
                        const VgCapIndexEntryFields *fields)
{
  VgCapIndexEntry *self;

  g_return_val_if_fail (origin != NULL && position != NULL, NULL);
  g_return_val_if_fail (fields != NULL && fields->entry_id != NULL && fields->uri != NULL, NULL);

  self = g_object_new (VG_TYPE_CAP_INDEX_ENTRY, NULL);
  self->origin = vg_feed_origin_ref (origin);
  self->position = g_strdup (position);
  self->entry_id = g_strdup (fields->entry_id);
  self->identifier = g_strdup (fields->identifier);
  self->uri = g_strdup (fields->uri);
  self->title = g_strdup (fields->title);
  self->event = g_strdup (fields->event);
  self->area_description = g_strdup (fields->area_description);
  self->status = g_strdup (fields->status);
  self->msg_type = g_strdup (fields->msg_type);
  self->urgency = g_strdup (fields->urgency);
  self->certainty = g_strdup (fields->certainty);
  self->updated = fields->updated;
  self->sent = fields->sent;
  self->onset = fields->onset;
  self->expires = fields->expires;
  self->severity = fields->severity;
  self->awareness_level = fields->awareness_level;
  self->geocodes = fields->geocodes != NULL ? g_strdupv ((char **) fields->geocodes) : g_new0 (char *, 1);
  return self;
}

VgFeedOrigin *
vg_cap_index_entry_get_origin (VgCapIndexEntry *self)
{
  g_return_val_if_fail (VG_IS_CAP_INDEX_ENTRY (self), NULL);

  return self->origin;
}

const char *
vg_cap_index_entry_get_position (VgCapIndexEntry *self)
{
  g_return_val_if_fail (VG_IS_CAP_INDEX_ENTRY (self), NULL);

  return self->position;
}

const char *
vg_cap_index_entry_get_entry_id (VgCapIndexEntry *self)
{
  g_return_val_if_fail (VG_IS_CAP_INDEX_ENTRY (self), NULL);

  return self->entry_id;
}

const char *
vg_cap_index_entry_get_identifier (VgCapIndexEntry *self)
{
  g_return_val_if_fail (VG_IS_CAP_INDEX_ENTRY (self), NULL);

  return self->identifier;
}

const char *
vg_cap_index_entry_get_uri (VgCapIndexEntry *self)
{
  g_return_val_if_fail (VG_IS_CAP_INDEX_ENTRY (self), NULL);

  return self->uri;
}

const char *
vg_cap_index_entry_get_title (VgCapIndexEntry *self)
{
  g_return_val_if_fail (VG_IS_CAP_INDEX_ENTRY (self), NULL);

  return self->title;
}

const char *
vg_cap_index_entry_get_event (VgCapIndexEntry *self)
{
  g_return_val_if_fail (VG_IS_CAP_INDEX_ENTRY (self), NULL);

  return self->event;
}

const char *
vg_cap_index_entry_get_area_description (VgCapIndexEntry *self)
{
  g_return_val_if_fail (VG_IS_CAP_INDEX_ENTRY (self), NULL);

  return self->area_description;
}

const char *
vg_cap_index_entry_get_status (VgCapIndexEntry *self)
{
  g_return_val_if_fail (VG_IS_CAP_INDEX_ENTRY (self), NULL);

  return self->status;
}

const char *
vg_cap_index_entry_get_msg_type (VgCapIndexEntry *self)
{
  g_return_val_if_fail (VG_IS_CAP_INDEX_ENTRY (self), NULL);

  return self->msg_type;
}

const char *
vg_cap_index_entry_get_urgency (VgCapIndexEntry *self)
{
  g_return_val_if_fail (VG_IS_CAP_INDEX_ENTRY (self), NULL);

  return self->urgency;
}

const char *
vg_cap_index_entry_get_certainty (VgCapIndexEntry *self)
{
  g_return_val_if_fail (VG_IS_CAP_INDEX_ENTRY (self), NULL);

  return self->certainty;
}

gint64
vg_cap_index_entry_get_updated (VgCapIndexEntry *self)
{
  g_return_val_if_fail (VG_IS_CAP_INDEX_ENTRY (self), VG_FEED_TIME_UNKNOWN);

  return self->updated;
}

gint64
vg_cap_index_entry_get_sent (VgCapIndexEntry *self)
{
  g_return_val_if_fail (VG_IS_CAP_INDEX_ENTRY (self), VG_FEED_TIME_UNKNOWN);

  return self->sent;
}

gint64
vg_cap_index_entry_get_onset (VgCapIndexEntry *self)
{
  g_return_val_if_fail (VG_IS_CAP_INDEX_ENTRY (self), VG_FEED_TIME_UNKNOWN);

  return self->onset;
}

gint64
vg_cap_index_entry_get_expires (VgCapIndexEntry *self)
{
  g_return_val_if_fail (VG_IS_CAP_INDEX_ENTRY (self), VG_FEED_TIME_UNKNOWN);

  return self->expires;
}

VgSeverity
vg_cap_index_entry_get_severity (VgCapIndexEntry *self)
{
  g_return_val_if_fail (VG_IS_CAP_INDEX_ENTRY (self), VG_SEVERITY_UNKNOWN);

  return self->severity;
}

VgAwarenessLevel
vg_cap_index_entry_get_awareness_level (VgCapIndexEntry *self)
{
  g_return_val_if_fail (VG_IS_CAP_INDEX_ENTRY (self), VG_AWARENESS_UNKNOWN);

  return self->awareness_level;
}

const char * const *
vg_cap_index_entry_get_geocodes (VgCapIndexEntry *self)
{
  g_return_val_if_fail (VG_IS_CAP_INDEX_ENTRY (self), NULL);

  return (const char * const *) self->geocodes;
}

gboolean
vg_cap_index_entry_has_nuts (VgCapIndexEntry *self,
                             const char      *nuts)
{
  g_return_val_if_fail (VG_IS_CAP_INDEX_ENTRY (self), FALSE);
  g_return_val_if_fail (nuts != NULL, FALSE);

  for (guint i = 0; self->geocodes[i] != NULL && self->geocodes[i + 1] != NULL; i += 2)
    if (g_ascii_strncasecmp (self->geocodes[i], "NUTS", 4) == 0 && vg_nuts_equal (self->geocodes[i + 1], nuts))
      return TRUE;
  return FALSE;
}

void
vg_cap_index_entry_to_json (VgCapIndexEntry *self,
                            JsonBuilder     *builder)
{
  g_return_if_fail (VG_IS_CAP_INDEX_ENTRY (self));
  g_return_if_fail (JSON_IS_BUILDER (builder));

  json_builder_begin_object (builder);
  vg_feed_json_add_string (builder, "entry_id", self->entry_id);
  vg_feed_json_add_string (builder, "identifier", self->identifier);
  vg_feed_json_add_string (builder, "uri", self->uri);
  vg_feed_json_add_string (builder, "title", self->title);
  vg_feed_json_add_string (builder, "event", self->event);
  vg_feed_json_add_string (builder, "area_description", self->area_description);
  vg_feed_json_add_string (builder, "status", self->status);
  vg_feed_json_add_string (builder, "msg_type", self->msg_type);
  vg_feed_json_add_string (builder, "urgency", self->urgency);
  vg_feed_json_add_string (builder, "certainty", self->certainty);
  vg_feed_json_add_time (builder, "updated", self->updated);
  vg_feed_json_add_time (builder, "sent", self->sent);
  vg_feed_json_add_time (builder, "onset", self->onset);
  vg_feed_json_add_time (builder, "expires", self->expires);
  vg_feed_json_add_string (builder, "severity", vg_severity_to_id (self->severity));
  vg_feed_json_add_string (builder, "awareness_level", vg_awareness_level_to_id (self->awareness_level));
  json_builder_set_member_name (builder, "geocodes");
  json_builder_begin_array (builder);
  for (guint i = 0; self->geocodes[i] != NULL && self->geocodes[i + 1] != NULL; i += 2)
    {
      json_builder_begin_object (builder);
      vg_feed_json_add_string (builder, "name", self->geocodes[i]);
      vg_feed_json_add_string (builder, "value", self->geocodes[i + 1]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  vg_feed_json_add_string (builder, "position", self->position);
  json_builder_end_object (builder);
}
