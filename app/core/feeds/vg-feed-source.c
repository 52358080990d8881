/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-feed-source"

#include "config.h"

#include "vg-feed-source.h"

struct _VgFeedSource
{
  GObject   parent_instance;

  char     *id;
  char     *name;
  char     *kind;
  char     *url;
  guint     interval_ms;
  guint     timeout_ms;
  guint64   max_bytes;
  GStrv     content_types;
  guint     stale_after;
  gboolean  enabled;
};

G_DEFINE_FINAL_TYPE (VgFeedSource, vg_feed_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_URL,
  PROP_INTERVAL_MS,
  PROP_TIMEOUT_MS,
  PROP_MAX_BYTES,
  PROP_CONTENT_TYPES,
  PROP_STALE_AFTER,
  PROP_ENABLED,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* What each kind's servers send. XML formats come as application/xml or text/xml as often as
 * under their own registered types, so both are accepted. */
static const char * const json_types[] = { "application/json", NULL };
static const char * const geojson_types[] = { "application/geo+json", "application/json", NULL };
static const char * const cap_types[] = { "application/cap+xml", "application/xml", "text/xml", NULL };
static const char * const xml_types[] = { "application/xml", "text/xml", NULL };
static const char * const atom_types[] = { "application/atom+xml", "application/xml", "text/xml", NULL };

static const struct {
  const char         *kind;
  const char * const *content_types;
} kinds[] = {
  { "hubeau", json_types },
  { "sensorthings", json_types },
  { "openmeteo", json_types },
  { "cap", cap_types },
  { "meteoalarm-atom", atom_types },
  { "datex2", xml_types },
  { "geojson", geojson_types },
};

static void
vg_feed_source_constructed (GObject *object)
{
  VgFeedSource *self = VG_FEED_SOURCE (object);

  G_OBJECT_CLASS (vg_feed_source_parent_class)->constructed (object);

  if (self->content_types == NULL)
    {
      const char * const *defaults = vg_feed_source_kind_get_content_types (self->kind);

      /* An unknown kind accepts nothing: its payloads fail with a clear content-type error. */
      self->content_types = defaults ? g_strdupv ((GStrv) defaults) : g_new0 (char *, 1);
    }
  else
    {
      for (guint i = 0; self->content_types[i] != NULL; i++)
        {
          char *lower = g_ascii_strdown (self->content_types[i], -1);

          g_free (self->content_types[i]);
          self->content_types[i] = lower;
        }
    }
}

static void
vg_feed_source_finalize (GObject *object)
{
  VgFeedSource *self = VG_FEED_SOURCE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->content_types, g_strfreev);

  G_OBJECT_CLASS (vg_feed_source_parent_class)->finalize (object);
}

static void
vg_feed_source_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VgFeedSource *self = VG_FEED_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, vg_feed_source_get_name (self));
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_INTERVAL_MS:
      g_value_set_uint (value, self->interval_ms);
      break;
    case PROP_TIMEOUT_MS:
      g_value_set_uint (value, self->timeout_ms);
      break;
    case PROP_MAX_BYTES:
      g_value_set_uint64 (value, self->max_bytes);
      break;
    case PROP_CONTENT_TYPES:
      g_value_set_boxed (value, self->content_types);
      break;
    case PROP_STALE_AFTER:
      g_value_set_uint (value, self->stale_after);
      break;
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vg_feed_source_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VgFeedSource *self = VG_FEED_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;
    case PROP_URL:
      self->url = g_value_dup_string (value);
      break;
    case PROP_INTERVAL_MS:
      self->interval_ms = g_value_get_uint (value);
      break;
    case PROP_TIMEOUT_MS:
      self->timeout_ms = g_value_get_uint (value);
      break;
    case PROP_MAX_BYTES:
      self->max_bytes = g_value_get_uint64 (value);
      break;
    case PROP_CONTENT_TYPES:
      self->content_types = g_value_dup_boxed (value);
      break;
    case PROP_STALE_AFTER:
      self->stale_after = g_value_get_uint (value);
      break;
    case PROP_ENABLED:
      self->enabled = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vg_feed_source_class_init (VgFeedSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = vg_feed_source_constructed;
  object_class->finalize = vg_feed_source_finalize;
  object_class->get_property = vg_feed_source_get_property;
  object_class->set_property = vg_feed_source_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_INTERVAL_MS] =
    g_param_spec_uint ("interval-ms", NULL, NULL, 1, G_MAXUINT,
                       VG_FEED_SOURCE_DEFAULT_INTERVAL_MS, flags);
  properties[PROP_TIMEOUT_MS] =
    g_param_spec_uint ("timeout-ms", NULL, NULL, 1, G_MAXUINT,
                       VG_FEED_SOURCE_DEFAULT_TIMEOUT_MS, flags);
  properties[PROP_MAX_BYTES] =
    g_param_spec_uint64 ("max-bytes", NULL, NULL, 1, G_MAXUINT64,
                         VG_FEED_SOURCE_DEFAULT_MAX_BYTES, flags);
  properties[PROP_CONTENT_TYPES] =
    g_param_spec_boxed ("content-types", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_STALE_AFTER] =
    g_param_spec_uint ("stale-after", NULL, NULL, 1, G_MAXUINT,
                       VG_FEED_SOURCE_DEFAULT_STALE_AFTER, flags);
  properties[PROP_ENABLED] = g_param_spec_boolean ("enabled", NULL, NULL, TRUE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vg_feed_source_init (VgFeedSource *self)
{
}

VgFeedSource *
vg_feed_source_new (const char *id,
                    const char *kind,
                    const char *url)
{
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (url != NULL, NULL);

  return g_object_new (VG_TYPE_FEED_SOURCE, "id", id, "kind", kind, "url", url, NULL);
}

const char *
vg_feed_source_get_id (VgFeedSource *self)
{
  g_return_val_if_fail (VG_IS_FEED_SOURCE (self), NULL);

  return self->id;
}

const char *
vg_feed_source_get_name (VgFeedSource *self)
{
  g_return_val_if_fail (VG_IS_FEED_SOURCE (self), NULL);

  return self->name != NULL ? self->name : self->id;
}

const char *
vg_feed_source_get_kind (VgFeedSource *self)
{
  g_return_val_if_fail (VG_IS_FEED_SOURCE (self), NULL);

  return self->kind;
}

const char *
vg_feed_source_get_url (VgFeedSource *self)
{
  g_return_val_if_fail (VG_IS_FEED_SOURCE (self), NULL);

  return self->url;
}

guint
vg_feed_source_get_interval_ms (VgFeedSource *self)
{
  g_return_val_if_fail (VG_IS_FEED_SOURCE (self), 0);

  return self->interval_ms;
}

guint
vg_feed_source_get_timeout_ms (VgFeedSource *self)
{
  g_return_val_if_fail (VG_IS_FEED_SOURCE (self), 0);

  return self->timeout_ms;
}

guint64
vg_feed_source_get_max_bytes (VgFeedSource *self)
{
  g_return_val_if_fail (VG_IS_FEED_SOURCE (self), 0);

  return self->max_bytes;
}

const char * const *
vg_feed_source_get_content_types (VgFeedSource *self)
{
  g_return_val_if_fail (VG_IS_FEED_SOURCE (self), NULL);

  return (const char * const *) self->content_types;
}

guint
vg_feed_source_get_stale_after (VgFeedSource *self)
{
  g_return_val_if_fail (VG_IS_FEED_SOURCE (self), 0);

  return self->stale_after;
}

gboolean
vg_feed_source_get_enabled (VgFeedSource *self)
{
  g_return_val_if_fail (VG_IS_FEED_SOURCE (self), FALSE);

  return self->enabled;
}

gboolean
vg_feed_source_accepts_content_type (VgFeedSource *self,
                                     const char   *media_type)
{
  g_return_val_if_fail (VG_IS_FEED_SOURCE (self), FALSE);

  if (media_type == NULL)
    return FALSE;
  for (guint i = 0; self->content_types[i] != NULL; i++)
    if (g_ascii_strcasecmp (self->content_types[i], media_type) == 0)
      return TRUE;
  return FALSE;
}

gboolean
vg_feed_source_kind_is_known (const char *kind)
{
  return vg_feed_source_kind_get_content_types (kind) != NULL;
}

const char * const *
vg_feed_source_kind_get_content_types (const char *kind)
{
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].kind, kind))
      return kinds[i].content_types;
  return NULL;
}

VgFeedSource *
vg_feed_source_dup_with_schedule (VgFeedSource *self,
                                  gboolean      enabled,
                                  guint         interval_ms)
{
  g_return_val_if_fail (VG_IS_FEED_SOURCE (self), NULL);
  g_return_val_if_fail (interval_ms > 0, NULL);

  return g_object_new (VG_TYPE_FEED_SOURCE,
                       "id", vg_feed_source_get_id (self),
                       "name", vg_feed_source_get_name (self),
                       "kind", vg_feed_source_get_kind (self),
                       "url", vg_feed_source_get_url (self),
                       "interval-ms", interval_ms,
                       "timeout-ms", vg_feed_source_get_timeout_ms (self),
                       "max-bytes", vg_feed_source_get_max_bytes (self),
                       "content-types", vg_feed_source_get_content_types (self),
                       "stale-after", vg_feed_source_get_stale_after (self),
                       "enabled", enabled,
                       NULL);
}
