/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-incident"

#include "config.h"

#include "vg-feed-private.h"
#include "vg-incident.h"

struct _VgIncident
{
  GObject           parent_instance;

  VgFeedOrigin     *origin;
  char             *source_id;
  char             *position;
  char             *subtype;
  char             *title;
  char             *description;
  char             *authority;
  char             *version;
  char            **location_refs;
  VgShapeSet       *geometry;
  gint64            start, end, version_time;
  VgIncidentKind    kind;
  VgSeverity        severity;
  VgIncidentStatus  status;
};

G_DEFINE_FINAL_TYPE (VgIncident, vg_incident, G_TYPE_OBJECT)

static const char * const kind_ids[VG_N_INCIDENT_KINDS] = {
  [VG_INCIDENT_ACCIDENT]    = "accident",
  [VG_INCIDENT_CLOSURE]     = "closure",
  [VG_INCIDENT_ROADWORKS]   = "roadworks",
  [VG_INCIDENT_OBSTRUCTION] = "obstruction",
  [VG_INCIDENT_CONGESTION]  = "congestion",
  [VG_INCIDENT_REGULATION]  = "regulation",
  [VG_INCIDENT_HAZARD]      = "hazard",
  [VG_INCIDENT_EMERGENCY]   = "emergency",
  [VG_INCIDENT_OTHER]       = "other",
};

static const char * const status_ids[VG_N_INCIDENT_STATUSES] = {
  [VG_INCIDENT_STATUS_UNKNOWN]   = "unknown",
  [VG_INCIDENT_STATUS_ACTIVE]    = "active",
  [VG_INCIDENT_STATUS_PLANNED]   = "planned",
  [VG_INCIDENT_STATUS_SUSPENDED] = "suspended",
  [VG_INCIDENT_STATUS_ENDED]     = "ended",
  [VG_INCIDENT_STATUS_CANCELLED] = "cancelled",
};

static void
vg_incident_finalize (GObject *object)
{
  VgIncident *self = VG_INCIDENT (object);

  g_clear_pointer (&self->origin, vg_feed_origin_unref);
  g_clear_pointer (&self->source_id, g_free);
  g_clear_pointer (&self->position, g_free);
  g_clear_pointer (&self->subtype, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->authority, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->location_refs, g_strfreev);
  g_clear_pointer (&self->geometry, vg_shape_set_unref);

  G_OBJECT_CLASS (vg_incident_parent_class)->finalize (object);
}

static void
vg_incident_class_init (VgIncidentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_incident_finalize;
}

static void
vg_incident_init (VgIncident *self)
{
}

VgIncident *
vg_incident_new (VgFeedOrigin           *origin,
                 const char             *source_id,
                 const char             *position,
                 const VgIncidentFields *fields)
{
  VgIncident *self;

  g_return_val_if_fail (origin != NULL, NULL);
  g_return_val_if_fail (source_id != NULL && position != NULL, NULL);
  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (fields->kind < VG_N_INCIDENT_KINDS, NULL);
  g_return_val_if_fail (fields->status < VG_N_INCIDENT_STATUSES, NULL);
  g_return_val_if_fail (fields->severity < VG_N_SEVERITIES, NULL);

  self = g_object_new (VG_TYPE_INCIDENT, NULL);
  self->origin = vg_feed_origin_ref (origin);
  self->source_id = g_strdup (source_id);
  self->position = g_strdup (position);
  self->subtype = g_strdup (fields->subtype);
  self->title = g_strdup (fields->title);
  self->description = g_strdup (fields->description);
  self->authority = g_strdup (fields->authority);
  self->version = g_strdup (fields->version);
  self->location_refs = fields->location_refs != NULL ? g_strdupv ((char **) fields->location_refs) : g_new0 (char *, 1);
  self->geometry = fields->geometry != NULL ? vg_shape_set_ref (fields->geometry) : vg_shape_set_new ();
  self->kind = fields->kind;
  self->severity = fields->severity;
  self->status = fields->status;
  self->start = fields->start;
  self->end = fields->end;
  self->version_time = fields->version_time;
  return self;
}

const char *
vg_incident_kind_to_id (VgIncidentKind kind)
{
  g_return_val_if_fail (kind < VG_N_INCIDENT_KINDS, NULL);

  return kind_ids[kind];
}

gboolean
vg_incident_kind_from_id (const char     *id,
                          VgIncidentKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; id != NULL && i < VG_N_INCIDENT_KINDS; i++)
    if (g_str_equal (id, kind_ids[i]))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
vg_incident_status_to_id (VgIncidentStatus status)
{
  g_return_val_if_fail (status < VG_N_INCIDENT_STATUSES, NULL);

  return status_ids[status];
}

VgFeedOrigin *
vg_incident_get_origin (VgIncident *self)
{
  g_return_val_if_fail (VG_IS_INCIDENT (self), NULL);

  return self->origin;
}

const char *
vg_incident_get_source_id (VgIncident *self)
{
  g_return_val_if_fail (VG_IS_INCIDENT (self), NULL);

  return self->source_id;
}

const char *
vg_incident_get_position (VgIncident *self)
{
  g_return_val_if_fail (VG_IS_INCIDENT (self), NULL);

  return self->position;
}

const char *
vg_incident_get_subtype (VgIncident *self)
{
  g_return_val_if_fail (VG_IS_INCIDENT (self), NULL);

  return self->subtype;
}

const char *
vg_incident_get_title (VgIncident *self)
{
  g_return_val_if_fail (VG_IS_INCIDENT (self), NULL);

  return self->title;
}

const char *
vg_incident_get_description (VgIncident *self)
{
  g_return_val_if_fail (VG_IS_INCIDENT (self), NULL);

  return self->description;
}

const char *
vg_incident_get_authority (VgIncident *self)
{
  g_return_val_if_fail (VG_IS_INCIDENT (self), NULL);

  return self->authority;
}

const char *
vg_incident_get_version (VgIncident *self)
{
  g_return_val_if_fail (VG_IS_INCIDENT (self), NULL);

  return self->version;
}

VgIncidentKind
vg_incident_get_kind (VgIncident *self)
{
  g_return_val_if_fail (VG_IS_INCIDENT (self), VG_INCIDENT_OTHER);

  return self->kind;
}

VgSeverity
vg_incident_get_severity (VgIncident *self)
{
  g_return_val_if_fail (VG_IS_INCIDENT (self), VG_SEVERITY_UNKNOWN);

  return self->severity;
}

VgIncidentStatus
vg_incident_get_status (VgIncident *self)
{
  g_return_val_if_fail (VG_IS_INCIDENT (self), VG_INCIDENT_STATUS_UNKNOWN);

  return self->status;
}

gint64
vg_incident_get_start (VgIncident *self)
{
  g_return_val_if_fail (VG_IS_INCIDENT (self), VG_FEED_TIME_UNKNOWN);

  return self->start;
}

gint64
vg_incident_get_end (VgIncident *self)
{
  g_return_val_if_fail (VG_IS_INCIDENT (self), VG_FEED_TIME_UNKNOWN);

  return self->end;
}

gint64
vg_incident_get_version_time (VgIncident *self)
{
  g_return_val_if_fail (VG_IS_INCIDENT (self), VG_FEED_TIME_UNKNOWN);

  return self->version_time;
}

VgShapeSet *
vg_incident_get_geometry (VgIncident *self)
{
  g_return_val_if_fail (VG_IS_INCIDENT (self), NULL);

  return self->geometry;
}

const char * const *
vg_incident_get_location_refs (VgIncident *self)
{
  g_return_val_if_fail (VG_IS_INCIDENT (self), NULL);

  return (const char * const *) self->location_refs;
}

void
vg_incident_to_json (VgIncident  *self,
                     JsonBuilder *builder)
{
  g_return_if_fail (VG_IS_INCIDENT (self));
  g_return_if_fail (JSON_IS_BUILDER (builder));

  json_builder_begin_object (builder);
  vg_feed_json_add_string (builder, "source_id", self->source_id);
  vg_feed_json_add_string (builder, "kind", kind_ids[self->kind]);
  vg_feed_json_add_string (builder, "subtype", self->subtype);
  vg_feed_json_add_string (builder, "title", self->title);
  vg_feed_json_add_string (builder, "description", self->description);
  vg_feed_json_add_string (builder, "authority", self->authority);
  vg_feed_json_add_string (builder, "severity", vg_severity_to_id (self->severity));
  vg_feed_json_add_string (builder, "status", status_ids[self->status]);
  vg_feed_json_add_time (builder, "start", self->start);
  vg_feed_json_add_time (builder, "end", self->end);
  vg_feed_json_add_time (builder, "version_time", self->version_time);
  vg_feed_json_add_string (builder, "version", self->version);
  json_builder_set_member_name (builder, "geometry");
  vg_feed_json_add_shapes (builder, self->geometry);
  if (self->location_refs[0] != NULL)
    {
      json_builder_set_member_name (builder, "location_refs");
      json_builder_begin_array (builder);
      for (guint i = 0; self->location_refs[i] != NULL; i++)
        json_builder_add_string_value (builder, self->location_refs[i]);
      json_builder_end_array (builder);
    }
  vg_feed_json_add_string (builder, "position", self->position);
  json_builder_end_object (builder);
}
