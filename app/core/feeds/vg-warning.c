/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-warning"

#include "config.h"

#include "vg-feed-private.h"
#include "vg-warning.h"

struct _VgWarning
{
  GObject           parent_instance;

  VgFeedOrigin     *origin;
  char             *position;
  char             *key;
  char             *sender;
  char             *identifier;
  char             *status;
  char             *msg_type;
  char             *language;
  char             *category;
  char             *event;
  char             *headline;
  char             *description;
  char             *instruction;
  char             *sender_name;
  char             *urgency;
  char             *certainty;
  char             *day;
  char             *awareness_type_name;
  char            **references;
  gint64            sent, effective, onset, expires;
  VgSeverity        severity;
  VgAwarenessLevel  awareness_level;
  guint             awareness_type;
  VgCapArea        *area;
  GPtrArray        *resources;
};

G_DEFINE_FINAL_TYPE (VgWarning, vg_warning, G_TYPE_OBJECT)

static void
vg_warning_finalize (GObject *object)
{
  VgWarning *self = VG_WARNING (object);

  g_clear_pointer (&self->origin, vg_feed_origin_unref);
  g_clear_pointer (&self->position, g_free);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->sender, g_free);
  g_clear_pointer (&self->identifier, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->msg_type, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->event, g_free);
  g_clear_pointer (&self->headline, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->instruction, g_free);
  g_clear_pointer (&self->sender_name, g_free);
  g_clear_pointer (&self->urgency, g_free);
  g_clear_pointer (&self->certainty, g_free);
  g_clear_pointer (&self->day, g_free);
  g_clear_pointer (&self->awareness_type_name, g_free);
  g_clear_pointer (&self->references, g_strfreev);
  g_clear_pointer (&self->area, vg_cap_area_unref);
  g_clear_pointer (&self->resources, g_ptr_array_unref);

  G_OBJECT_CLASS (vg_warning_parent_class)->finalize (object);
}

static void
vg_warning_class_init (VgWarningClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_warning_finalize;
}

static void
vg_warning_init (VgWarning *self)
{
}

VgWarning *
vg_warning_new (VgFeedOrigin          *origin,
                const char            *position,
                const VgWarningFields *fields)
{
  VgWarning *self;
  g_autofree char *type_key = NULL;

  g_return_val_if_fail (origin != NULL, NULL);
  g_return_val_if_fail (position != NULL, NULL);
  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (fields->sender != NULL && fields->identifier != NULL && fields->day != NULL, NULL);

  self = g_object_new (VG_TYPE_WARNING, NULL);
  self->origin = vg_feed_origin_ref (origin);
  self->position = g_strdup (position);
  self->sender = g_strdup (fields->sender);
  self->identifier = g_strdup (fields->identifier);
  self->status = g_strdup (fields->status);
  self->msg_type = g_strdup (fields->msg_type);
  self->language = g_strdup (fields->language);
  self->category = g_strdup (fields->category);
  self->event = g_strdup (fields->event);
  self->headline = g_strdup (fields->headline);
  self->description = g_strdup (fields->description);
  self->instruction = g_strdup (fields->instruction);
  self->sender_name = g_strdup (fields->sender_name);
  self->urgency = g_strdup (fields->urgency);
  self->certainty = g_strdup (fields->certainty);
  self->day = g_strdup (fields->day);
  self->awareness_type_name = g_strdup (fields->awareness_type_name);
  self->references = fields->references != NULL ? g_strdupv ((char **) fields->references) : g_new0 (char *, 1);
  self->sent = fields->sent;
  self->effective = fields->effective;
  self->onset = fields->onset;
  self->expires = fields->expires;
  self->severity = fields->severity;
  self->awareness_level = fields->awareness_level;
  self->awareness_type = fields->awareness_type;
  self->area = fields->area != NULL ? vg_cap_area_ref (fields->area) : NULL;
  self->resources = fields->resources != NULL ? g_ptr_array_ref (fields->resources)
                                              : g_ptr_array_new_with_free_func ((GDestroyNotify) vg_cap_resource_unref);

  /* The phenomenon is the MeteoAlarm awareness type when there is one: Météo-France words the
   * event differently at each colour ("Vigilance jaune orages", "Vigilance orange orages"). */
  if (self->awareness_type != 0)
    type_key = g_strdup_printf ("awareness_type:%u", self->awareness_type);
  else
    type_key = g_strconcat ("event:", self->event ? self->event : "", NULL);
  self->key = g_strdup_printf ("%s|%s|%s|%s", self->sender, type_key,
                               self->area != NULL ? vg_cap_area_get_key (self->area) : "",
                               self->day);
  return self;
}

VgFeedOrigin *
vg_warning_get_origin (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), NULL);

  return self->origin;
}

const char *
vg_warning_get_source_id (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), NULL);

  return self->identifier;
}

const char *
vg_warning_get_position (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), NULL);

  return self->position;
}

const char *
vg_warning_get_key (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), NULL);

  return self->key;
}

const char *
vg_warning_get_sender (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), NULL);

  return self->sender;
}

const char *
vg_warning_get_identifier (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), NULL);

  return self->identifier;
}

const char *
vg_warning_get_status (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), NULL);

  return self->status;
}

const char *
vg_warning_get_msg_type (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), NULL);

  return self->msg_type;
}

const char *
vg_warning_get_language (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), NULL);

  return self->language;
}

const char *
vg_warning_get_category (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), NULL);

  return self->category;
}

const char *
vg_warning_get_event (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), NULL);

  return self->event;
}

const char *
vg_warning_get_headline (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), NULL);

  return self->headline;
}

const char *
vg_warning_get_description (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), NULL);

  return self->description;
}

const char *
vg_warning_get_instruction (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), NULL);

  return self->instruction;
}

const char *
vg_warning_get_sender_name (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), NULL);

  return self->sender_name;
}

const char *
vg_warning_get_urgency (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), NULL);

  return self->urgency;
}

const char *
vg_warning_get_certainty (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), NULL);

  return self->certainty;
}

const char *
vg_warning_get_day (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), NULL);

  return self->day;
}

const char *
vg_warning_get_awareness_type_name (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), NULL);

  return self->awareness_type_name;
}

gint64
vg_warning_get_sent (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), VG_FEED_TIME_UNKNOWN);

  return self->sent;
}

gint64
vg_warning_get_effective (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), VG_FEED_TIME_UNKNOWN);

  return self->effective;
}

gint64
vg_warning_get_onset (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), VG_FEED_TIME_UNKNOWN);

  return self->onset;
}

gint64
vg_warning_get_expires (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), VG_FEED_TIME_UNKNOWN);

  return self->expires;
}

VgSeverity
vg_warning_get_severity (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), VG_SEVERITY_UNKNOWN);

  return self->severity;
}

VgAwarenessLevel
vg_warning_get_awareness_level (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), VG_AWARENESS_UNKNOWN);

  return self->awareness_level;
}

guint
vg_warning_get_awareness_type (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), 0);

  return self->awareness_type;
}

VgCapArea *
vg_warning_get_area (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), NULL);

  return self->area;
}

GPtrArray *
vg_warning_get_resources (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), NULL);

  return self->resources;
}

const char * const *
vg_warning_get_references (VgWarning *self)
{
  g_return_val_if_fail (VG_IS_WARNING (self), NULL);

  return (const char * const *) self->references;
}

void
vg_warning_to_json (VgWarning   *self,
                    JsonBuilder *builder)
{
  g_return_if_fail (VG_IS_WARNING (self));
  g_return_if_fail (JSON_IS_BUILDER (builder));

  json_builder_begin_object (builder);
  vg_feed_json_add_string (builder, "key", self->key);
  vg_feed_json_add_string (builder, "sender", self->sender);
  vg_feed_json_add_string (builder, "identifier", self->identifier);
  vg_feed_json_add_time (builder, "sent", self->sent);
  vg_feed_json_add_string (builder, "status", self->status);
  vg_feed_json_add_string (builder, "msg_type", self->msg_type);
  json_builder_set_member_name (builder, "references");
  json_builder_begin_array (builder);
  for (guint i = 0; self->references[i] != NULL; i++)
    json_builder_add_string_value (builder, self->references[i]);
  json_builder_end_array (builder);
  vg_feed_json_add_string (builder, "language", self->language);
  vg_feed_json_add_string (builder, "category", self->category);
  vg_feed_json_add_string (builder, "event", self->event);
  vg_feed_json_add_string (builder, "headline", self->headline);
  vg_feed_json_add_string (builder, "severity", vg_severity_to_id (self->severity));
  vg_feed_json_add_string (builder, "urgency", self->urgency);
  vg_feed_json_add_string (builder, "certainty", self->certainty);
  vg_feed_json_add_time (builder, "effective", self->effective);
  vg_feed_json_add_time (builder, "onset", self->onset);
  vg_feed_json_add_time (builder, "expires", self->expires);
  vg_feed_json_add_string (builder, "day", self->day);
  vg_feed_json_add_string (builder, "awareness_level", vg_awareness_level_to_id (self->awareness_level));
  if (self->awareness_type != 0)
    {
      json_builder_set_member_name (builder, "awareness_type");
      json_builder_add_int_value (builder, self->awareness_type);
      vg_feed_json_add_string (builder, "awareness_type_name", self->awareness_type_name);
    }
  if (self->area != NULL)
    {
      json_builder_set_member_name (builder, "area");
      vg_cap_area_to_json (self->area, builder);
    }
  if (self->resources->len > 0)
    {
      json_builder_set_member_name (builder, "resources");
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->resources->len; i++)
        vg_cap_resource_to_json (self->resources->pdata[i], builder);
      json_builder_end_array (builder);
    }
  vg_feed_json_add_string (builder, "position", self->position);
  json_builder_end_object (builder);
}
