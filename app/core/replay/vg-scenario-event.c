/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-scenario-event"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vg-error.h"
#include "vg-scenario.h"
#include "vg-scenario-event-private.h"

G_DEFINE_FINAL_TYPE (VgScenarioEvent, vg_scenario_event, G_TYPE_OBJECT)

static const char * const feed_kind_names[VG_SCENARIO_N_FEED_KINDS] = {
  [VG_SCENARIO_FEED_HUBEAU] = "hubeau",
  [VG_SCENARIO_FEED_OPENMETEO] = "openmeteo",
  [VG_SCENARIO_FEED_CAP] = "cap",
  [VG_SCENARIO_FEED_METEOALARM_ATOM] = "meteoalarm-atom",
  [VG_SCENARIO_FEED_DATEX2] = "datex2",
  [VG_SCENARIO_FEED_GEOJSON] = "geojson",
  [VG_SCENARIO_FEED_SENSORTHINGS] = "sensorthings",
};

static const char * const inject_type_names[] = {
  [VG_SCENARIO_INJECT_NONE] = "",
  [VG_SCENARIO_INJECT_INCIDENT] = "incident",
  [VG_SCENARIO_INJECT_FEED_FAILURE] = "feed-failure",
  [VG_SCENARIO_INJECT_FEED_RECOVERY] = "feed-recovery",
  [VG_SCENARIO_INJECT_CAP] = "cap",
  [VG_SCENARIO_INJECT_NOTE] = "note",
};

static void
vg_scenario_event_finalize (GObject *object)
{
  VgScenarioEvent *self = VG_SCENARIO_EVENT (object);

  g_clear_pointer (&self->time, g_date_time_unref);
  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->display, g_free);
  g_clear_pointer (&self->feed_id, g_free);
  g_clear_pointer (&self->file, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->content_type, g_free);
  g_clear_pointer (&self->inject_id, g_free);
  g_clear_pointer (&self->text_fr, g_free);
  g_clear_pointer (&self->text_en, g_free);
  g_clear_pointer (&self->notes_fr, g_free);
  g_clear_pointer (&self->notes_en, g_free);
  g_clear_pointer (&self->reconstruction, g_free);
  g_clear_pointer (&self->sources, g_strfreev);

  G_OBJECT_CLASS (vg_scenario_event_parent_class)->finalize (object);
}

static void
vg_scenario_event_class_init (VgScenarioEventClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_scenario_event_finalize;
}

static void
vg_scenario_event_init (VgScenarioEvent *self)
{
}

VgScenarioEvent *
vg_scenario_event_new (void)
{
  return g_object_new (VG_TYPE_SCENARIO_EVENT, NULL);
}

const char *
vg_scenario_pick_language (const char *fr,
                           const char *en,
                           const char *lang)
{
  return lang != NULL && g_str_has_prefix (lang, "fr") ? fr : en;
}

gboolean
vg_scenario_check_file (const char  *path,
                        const char  *display,
                        goffset      max_size,
                        goffset     *size,
                        GError     **error)
{
  GStatBuf st;

  /* lstat: the path given here is already resolved, so a link at this point was put there
   * after the check and is refused rather than followed. */
  if (g_lstat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, VG_SCENARIO_ERROR, VG_SCENARIO_ERROR_FILE,
                   "%s: %s", display, saved == ENOENT ? "does not exist" : g_strerror (saved));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, VG_SCENARIO_ERROR, VG_SCENARIO_ERROR_FILE, "%s: not a regular file", display);
      return FALSE;
    }
  if (st.st_size > max_size)
    {
      g_set_error (error, VG_SCENARIO_ERROR, VG_SCENARIO_ERROR_FILE,
                   "%s: %" G_GOFFSET_FORMAT " bytes, over the %" G_GOFFSET_FORMAT " MiB limit",
                   display, (goffset) st.st_size, max_size / (1024 * 1024));
      return FALSE;
    }
  *size = st.st_size;
  return TRUE;
}

VgScenarioEventKind
vg_scenario_event_get_kind (VgScenarioEvent *self)
{
  g_return_val_if_fail (VG_IS_SCENARIO_EVENT (self), VG_SCENARIO_EVENT_PAYLOAD);

  return self->kind;
}

GDateTime *
vg_scenario_event_get_time (VgScenarioEvent *self)
{
  g_return_val_if_fail (VG_IS_SCENARIO_EVENT (self), NULL);

  return self->time;
}

gint64
vg_scenario_event_get_time_usec (VgScenarioEvent *self)
{
  g_return_val_if_fail (VG_IS_SCENARIO_EVENT (self), 0);

  return self->time_usec;
}

const char *
vg_scenario_event_get_origin (VgScenarioEvent *self)
{
  g_return_val_if_fail (VG_IS_SCENARIO_EVENT (self), NULL);

  return self->origin;
}

const char *
vg_scenario_event_get_feed_id (VgScenarioEvent *self)
{
  g_return_val_if_fail (VG_IS_SCENARIO_EVENT (self), NULL);

  return self->feed_id;
}

VgScenarioFeedKind
vg_scenario_event_get_feed_kind (VgScenarioEvent *self)
{
  g_return_val_if_fail (VG_IS_SCENARIO_EVENT (self), VG_SCENARIO_FEED_HUBEAU);

  return self->feed_kind;
}

const char *
vg_scenario_event_get_file (VgScenarioEvent *self)
{
  g_return_val_if_fail (VG_IS_SCENARIO_EVENT (self), NULL);

  return self->file;
}

const char *
vg_scenario_event_get_path (VgScenarioEvent *self)
{
  g_return_val_if_fail (VG_IS_SCENARIO_EVENT (self), NULL);

  return self->path;
}

const char *
vg_scenario_event_get_content_type (VgScenarioEvent *self)
{
  g_return_val_if_fail (VG_IS_SCENARIO_EVENT (self), NULL);

  return self->content_type;
}

const char *
vg_scenario_event_get_inject_id (VgScenarioEvent *self)
{
  g_return_val_if_fail (VG_IS_SCENARIO_EVENT (self), NULL);

  return self->inject_id;
}

VgScenarioInjectType
vg_scenario_event_get_inject_type (VgScenarioEvent *self)
{
  g_return_val_if_fail (VG_IS_SCENARIO_EVENT (self), VG_SCENARIO_INJECT_NONE);

  return self->inject_type;
}

const char *
vg_scenario_event_get_text (VgScenarioEvent *self,
                            const char      *lang)
{
  g_return_val_if_fail (VG_IS_SCENARIO_EVENT (self), NULL);

  return vg_scenario_pick_language (self->text_fr, self->text_en, lang);
}

const char *
vg_scenario_event_get_controller_notes (VgScenarioEvent *self,
                                        const char      *lang)
{
  g_return_val_if_fail (VG_IS_SCENARIO_EVENT (self), NULL);

  return vg_scenario_pick_language (self->notes_fr, self->notes_en, lang);
}

gboolean
vg_scenario_event_is_reconstructed (VgScenarioEvent *self)
{
  g_return_val_if_fail (VG_IS_SCENARIO_EVENT (self), FALSE);

  return self->reconstructed;
}

const char *
vg_scenario_event_get_reconstruction (VgScenarioEvent *self)
{
  g_return_val_if_fail (VG_IS_SCENARIO_EVENT (self), NULL);

  return self->reconstruction;
}

const char * const *
vg_scenario_event_get_sources (VgScenarioEvent *self)
{
  g_return_val_if_fail (VG_IS_SCENARIO_EVENT (self), NULL);

  return (const char * const *) self->sources;
}

GBytes *
vg_scenario_event_read (VgScenarioEvent  *self,
                        GError          **error)
{
  g_autofree char *data = NULL;
  goffset size;
  gssize got = 0;
  GStatBuf st;
  int fd;

  g_return_val_if_fail (VG_IS_SCENARIO_EVENT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->path == NULL)
    {
      g_set_error (error, VG_SCENARIO_ERROR, VG_SCENARIO_ERROR_FILE, "%s: has no file", self->origin);
      return NULL;
    }
  /* Checked before opening (a FIFO would block open()) and again on the open descriptor, so a
   * file swapped in between is caught too. */
  if (!vg_scenario_check_file (self->path, self->display, VG_SCENARIO_MAX_FILE_SIZE, &size, error))
    return NULL;
  fd = g_open (self->path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, VG_SCENARIO_ERROR, VG_SCENARIO_ERROR_FILE, "%s: %s", self->display, g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > VG_SCENARIO_MAX_FILE_SIZE)
    {
      close (fd);
      g_set_error (error, VG_SCENARIO_ERROR, VG_SCENARIO_ERROR_FILE, "%s: changed while being read", self->display);
      return NULL;
    }
  size = st.st_size;
  data = g_malloc (size + 1);
  while (got < size)
    {
      gssize n = read (fd, data + got, size - got);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = errno;

          close (fd);
          g_set_error (error, VG_SCENARIO_ERROR, VG_SCENARIO_ERROR_FILE, "%s: %s", self->display,
                       n == 0 ? "shorter than announced" : g_strerror (saved));
          return NULL;
        }
      got += n;
    }
  close (fd);
  data[size] = '\0';   /* convenient for text parsers; not part of the bytes */
  return g_bytes_new_take (g_steal_pointer (&data), size);
}

const char *
vg_scenario_feed_kind_to_string (VgScenarioFeedKind kind)
{
  g_return_val_if_fail (kind < VG_SCENARIO_N_FEED_KINDS, NULL);

  return feed_kind_names[kind];
}

gboolean
vg_scenario_feed_kind_from_string (const char         *name,
                                   VgScenarioFeedKind *kind)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < VG_SCENARIO_N_FEED_KINDS; i++)
    if (g_str_equal (name, feed_kind_names[i]))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
vg_scenario_inject_type_to_string (VgScenarioInjectType type)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (inject_type_names), NULL);

  return inject_type_names[type];
}

gboolean
vg_scenario_inject_type_from_string (const char           *name,
                                     VgScenarioInjectType *type)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = VG_SCENARIO_INJECT_NONE + 1; i < G_N_ELEMENTS (inject_type_names); i++)
    if (g_str_equal (name, inject_type_names[i]))
      {
        *type = i;
        return TRUE;
      }
  return FALSE;
}
