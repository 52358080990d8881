/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-feed-config"

#include "config.h"

#include <string.h>

#include "vg-data-dir.h"
#include "vg-error.h"
#include "vg-feed-config.h"

#define GROUP_PREFIX "feed:"

struct _VgFeedConfig
{
  GObject     parent_instance;

  GKeyFile   *keyfile;   /* what was loaded, comments included, kept in step with sources */
  GListStore *sources;
};

G_DEFINE_FINAL_TYPE (VgFeedConfig, vg_feed_config, G_TYPE_OBJECT)

static const char * const known_keys[] = {
  "name", "kind", "url", "interval-seconds", "timeout-seconds", "max-bytes", "content-types",
  "stale-after", "enabled", NULL
};

static void
vg_feed_config_finalize (GObject *object)
{
  VgFeedConfig *self = VG_FEED_CONFIG (object);

  g_clear_pointer (&self->keyfile, g_key_file_unref);
  g_clear_object (&self->sources);

  G_OBJECT_CLASS (vg_feed_config_parent_class)->finalize (object);
}

static void
vg_feed_config_class_init (VgFeedConfigClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_feed_config_finalize;
}

static void
vg_feed_config_init (VgFeedConfig *self)
{
  self->keyfile = g_key_file_new ();
  self->sources = g_list_store_new (VG_TYPE_FEED_SOURCE);
}

static gboolean G_GNUC_PRINTF (6, 7)
key_error (GError     **error,
           int          code,
           const char  *path,
           const char  *group,
           const char  *key,
           const char  *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (key != NULL)
    g_set_error (error, VG_FEED_ERROR, code, "%s: group “%s”, key “%s”: %s", path, group, key, message);
  else
    g_set_error (error, VG_FEED_ERROR, code, "%s: group “%s”: %s", path, group, message);
  return FALSE;
}

/* Optional whole number within [min, max]; GKeyFile's own integer readers accept "-1" as a
 * huge unsigned value, hence the strict parse. */
static gboolean
get_number (GKeyFile    *keyfile,
            const char  *path,
            const char  *group,
            const char  *key,
            guint64      min,
            guint64      max,
            guint64     *value,
            GError     **error)
{
  g_autofree char *text = g_key_file_get_value (keyfile, group, key, NULL);

  if (text == NULL)
    return TRUE;   /* absent: *value keeps its default */
  g_strstrip (text);
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, value, NULL))
    return key_error (error, VG_FEED_ERROR_MALFORMED, path, group, key,
                      "“%s” is not a whole number", text);
  if (*value < min || *value > max)
    return key_error (error, VG_FEED_ERROR_OUT_OF_RANGE, path, group, key,
                      "%" G_GUINT64_FORMAT " is outside %" G_GUINT64_FORMAT "–%" G_GUINT64_FORMAT,
                      *value, min, max);
  return TRUE;
}

static char *
get_required_string (GKeyFile    *keyfile,
                     const char  *path,
                     const char  *group,
                     const char  *key,
                     GError     **error)
{
  g_autofree char *value = g_key_file_get_string (keyfile, group, key, NULL);

  if (value == NULL || *g_strstrip (value) == '\0')
    {
      key_error (error, VG_FEED_ERROR_MALFORMED, path, group, key, "missing (required)");
      return NULL;
    }
  return g_steal_pointer (&value);
}

static gboolean
id_is_valid (const char *id)
{
  if (*id == '\0')
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

static gboolean
url_is_valid (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  return uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0' &&
         (g_str_equal (g_uri_get_scheme (uri), "http") || g_str_equal (g_uri_get_scheme (uri), "https"));
}

/* A media type as servers send it in Content-Type, without parameters: "type/subtype". */
static gboolean
media_type_is_valid (const char *type)
{
  const char *slash = strchr (type, '/');

  if (slash == NULL || slash == type || slash[1] == '\0' || strchr (slash + 1, '/') != NULL)
    return FALSE;
  for (const char *p = type; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("/+-.", *p) == NULL)
      return FALSE;
  return TRUE;
}

static VgFeedSource *
parse_group (GKeyFile    *keyfile,
             const char  *path,
             const char  *group,
             GError     **error)
{
  const char *id = group + strlen (GROUP_PREFIX);
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) content_types = NULL;
  g_autofree char *name = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 interval = VG_FEED_SOURCE_DEFAULT_INTERVAL_MS / 1000;
  guint64 timeout = VG_FEED_SOURCE_DEFAULT_TIMEOUT_MS / 1000;
  guint64 max_bytes = VG_FEED_SOURCE_DEFAULT_MAX_BYTES;
  guint64 stale_after = VG_FEED_SOURCE_DEFAULT_STALE_AFTER;
  gboolean enabled = TRUE;

  if (!id_is_valid (id))
    {
      key_error (error, VG_FEED_ERROR_MALFORMED, path, group, NULL,
                 "the feed id after “" GROUP_PREFIX "” must be letters, digits, “-”, “_” or “.”");
      return NULL;
    }

  keys = g_key_file_get_keys (keyfile, group, NULL, NULL);
  for (guint i = 0; keys[i] != NULL; i++)
    if (!g_strv_contains (known_keys, keys[i]))
      {
        g_autofree char *known = g_strjoinv (", ", (GStrv) known_keys);

        key_error (error, VG_FEED_ERROR_UNSUPPORTED, path, group, keys[i],
                   "unknown key (known keys: %s)", known);
        return NULL;
      }

  kind = get_required_string (keyfile, path, group, "kind", error);
  if (kind == NULL)
    return NULL;
  if (!vg_feed_source_kind_is_known (kind))
    {
      key_error (error, VG_FEED_ERROR_UNSUPPORTED, path, group, "kind",
                 "unknown feed kind “%s” (known: hubeau, sensorthings, openmeteo, cap, "
                 "meteoalarm-atom, datex2, geojson)", kind);
      return NULL;
    }

  url = get_required_string (keyfile, path, group, "url", error);
  if (url == NULL)
    return NULL;
  if (!url_is_valid (url))
    {
      key_error (error, VG_FEED_ERROR_UNSUPPORTED, path, group, "url",
                 "“%s” is not an http:// or https:// URL", url);
      return NULL;
    }

  name = g_key_file_get_string (keyfile, group, "name", NULL);
  if (name != NULL && *g_strstrip (name) == '\0')
    g_clear_pointer (&name, g_free);

  if (!get_number (keyfile, path, group, "interval-seconds", VG_FEED_CONFIG_MIN_INTERVAL_S,
                   VG_FEED_CONFIG_MAX_INTERVAL_S, &interval, error) ||
      !get_number (keyfile, path, group, "timeout-seconds", 1, VG_FEED_CONFIG_MAX_TIMEOUT_S,
                   &timeout, error) ||
      !get_number (keyfile, path, group, "max-bytes", VG_FEED_CONFIG_MIN_MAX_BYTES,
                   VG_FEED_CONFIG_MAX_MAX_BYTES, &max_bytes, error) ||
      !get_number (keyfile, path, group, "stale-after", 1, VG_FEED_CONFIG_MAX_STALE_AFTER,
                   &stale_after, error))
    return NULL;

  if (g_key_file_has_key (keyfile, group, "content-types", NULL))
    {
      content_types = g_key_file_get_string_list (keyfile, group, "content-types", NULL, NULL);
      if (content_types == NULL || content_types[0] == NULL)
        {
          key_error (error, VG_FEED_ERROR_MALFORMED, path, group, "content-types",
                     "empty list (leave the key out to accept the kind's usual types)");
          return NULL;
        }
      for (guint i = 0; content_types[i] != NULL; i++)
        if (!media_type_is_valid (g_strstrip (content_types[i])))
          {
            key_error (error, VG_FEED_ERROR_MALFORMED, path, group, "content-types",
                       "“%s” is not a media type such as application/json", content_types[i]);
            return NULL;
          }
    }

  if (g_key_file_has_key (keyfile, group, "enabled", NULL))
    {
      enabled = g_key_file_get_boolean (keyfile, group, "enabled", &local_error);
      if (local_error != NULL)
        {
          g_autofree char *text = g_key_file_get_value (keyfile, group, "enabled", NULL);

          key_error (error, VG_FEED_ERROR_MALFORMED, path, group, "enabled",
                     "“%s” is not true or false", text);
          return NULL;
        }
    }

  return g_object_new (VG_TYPE_FEED_SOURCE,
                       "id", id,
                       "name", name,
                       "kind", kind,
                       "url", url,
                       "interval-ms", (guint) (interval * 1000),
                       "timeout-ms", (guint) (timeout * 1000),
                       "max-bytes", max_bytes,
                       "content-types", content_types,
                       "stale-after", (guint) stale_after,
                       "enabled", enabled,
                       NULL);
}

/* Reads every group of @keyfile into @sources; @path only names the file in errors. */
static gboolean
parse_keyfile (GKeyFile    *keyfile,
               const char  *path,
               GListStore  *sources,
               GError     **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (keyfile, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autoptr(VgFeedSource) source = NULL;

      if (!g_str_has_prefix (groups[i], GROUP_PREFIX))
        return key_error (error, VG_FEED_ERROR_UNSUPPORTED, path, groups[i], NULL,
                          "not a feed group (feed groups are named [" GROUP_PREFIX "ID])");
      source = parse_group (keyfile, path, groups[i], error);
      if (source == NULL)
        return FALSE;
      g_list_store_append (sources, source);
    }
  return TRUE;
}

static gboolean
same_strv (const char * const *a,
           const char * const *b)
{
  return a != NULL && b != NULL && g_strv_equal (a, b);
}

/* Mirrors @source into its group, leaving comments and keys' order alone. */
static void
write_group (VgFeedConfig *self,
             VgFeedSource *source)
{
  g_autofree char *group = g_strconcat (GROUP_PREFIX, vg_feed_source_get_id (source), NULL);
  const char * const *types = vg_feed_source_get_content_types (source);
  const char *kind = vg_feed_source_get_kind (source);
  GKeyFile *kf = self->keyfile;

  if (!g_str_equal (vg_feed_source_get_name (source), vg_feed_source_get_id (source)))
    g_key_file_set_string (kf, group, "name", vg_feed_source_get_name (source));
  else
    g_key_file_remove_key (kf, group, "name", NULL);
  g_key_file_set_string (kf, group, "kind", kind);
  g_key_file_set_string (kf, group, "url", vg_feed_source_get_url (source));
  g_key_file_set_uint64 (kf, group, "interval-seconds", vg_feed_source_get_interval_ms (source) / 1000);
  g_key_file_set_uint64 (kf, group, "timeout-seconds", vg_feed_source_get_timeout_ms (source) / 1000);
  g_key_file_set_uint64 (kf, group, "max-bytes", vg_feed_source_get_max_bytes (source));
  /* The kind's usual types stay implicit, so that a later Vigie can widen them. */
  if (!same_strv (types, vg_feed_source_kind_get_content_types (kind)) ||
      g_key_file_has_key (kf, group, "content-types", NULL))
    g_key_file_set_string_list (kf, group, "content-types", types, g_strv_length ((GStrv) types));
  g_key_file_set_uint64 (kf, group, "stale-after", vg_feed_source_get_stale_after (source));
  g_key_file_set_boolean (kf, group, "enabled", vg_feed_source_get_enabled (source));
}

/* Feed @id and its position in the list, or NULL; borrowed (the store holds it). */
static VgFeedSource *
find_source (VgFeedConfig *self,
             const char   *id,
             guint        *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));

  for (guint i = 0; i < n; i++)
    {
      VgFeedSource *source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      g_object_unref (source);
      if (g_str_equal (vg_feed_source_get_id (source), id))
        {
          *position = i;
          return source;
        }
    }
  return NULL;
}

VgFeedConfig *
vg_feed_config_new (void)
{
  return g_object_new (VG_TYPE_FEED_CONFIG, NULL);
}

VgFeedConfig *
vg_feed_config_load (const char  *path,
                     GError     **error)
{
  g_autoptr(VgFeedConfig) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = vg_feed_config_new ();
  if (!g_key_file_load_from_file (self->keyfile, path, G_KEY_FILE_KEEP_COMMENTS, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
      return NULL;
    }
  if (!parse_keyfile (self->keyfile, path, self->sources, error))
    return NULL;
  return g_steal_pointer (&self);
}

char *
vg_feed_config_dup_user_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "vigie", "feeds.conf", NULL);
}

VgFeedConfig *
vg_feed_config_load_default (GError **error)
{
  g_autofree char *user = vg_feed_config_dup_user_path ();
  g_autofree char *path = NULL;

  /* The operator's copy wins; a broken one is an error, never a silent fallback. */
  if (g_file_test (user, G_FILE_TEST_EXISTS))
    return vg_feed_config_load (user, error);
  path = vg_data_dir_find ("feeds.conf", error);

  if (path == NULL)
    return NULL;
  return vg_feed_config_load (path, error);
}

gboolean
vg_feed_config_save (VgFeedConfig  *self,
                     const char    *path,
                     GError       **error)
{
  g_autoptr(GKeyFile) check = g_key_file_new ();
  g_autoptr(GListStore) parsed = g_list_store_new (VG_TYPE_FEED_SOURCE);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (VG_IS_FEED_CONFIG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = g_key_file_to_data (self->keyfile, &length, NULL);
  /* Never write a file that would not load back: the operator would find Vigie without feeds
   * at the next start. */
  if (!g_key_file_load_from_data (check, data, length, G_KEY_FILE_NONE, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
      return FALSE;
    }
  if (!parse_keyfile (check, path, parsed, error))
    return FALSE;
  if (!g_file_set_contents (path, data, length, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

GListModel *
vg_feed_config_get_sources (VgFeedConfig *self)
{
  g_return_val_if_fail (VG_IS_FEED_CONFIG (self), NULL);

  return G_LIST_MODEL (self->sources);
}

VgFeedSource *
vg_feed_config_lookup (VgFeedConfig *self,
                       const char   *id)
{
  guint position;

  g_return_val_if_fail (VG_IS_FEED_CONFIG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return find_source (self, id, &position);
}

void
vg_feed_config_set_source (VgFeedConfig *self,
                           VgFeedSource *source)
{
  guint position;

  g_return_if_fail (VG_IS_FEED_CONFIG (self));
  g_return_if_fail (VG_IS_FEED_SOURCE (source));

  if (find_source (self, vg_feed_source_get_id (source), &position) != NULL)
    g_list_store_splice (self->sources, position, 1, (gpointer *) &source, 1);
  else
    g_list_store_append (self->sources, source);
  write_group (self, source);
}

gboolean
vg_feed_config_remove_source (VgFeedConfig *self,
                              const char   *id)
{
  g_autofree char *group = NULL;
  guint position;

  g_return_val_if_fail (VG_IS_FEED_CONFIG (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (find_source (self, id, &position) == NULL)
    return FALSE;
  g_list_store_remove (self->sources, position);
  group = g_strconcat (GROUP_PREFIX, id, NULL);
  g_key_file_remove_group (self->keyfile, group, NULL);
  return TRUE;
}
