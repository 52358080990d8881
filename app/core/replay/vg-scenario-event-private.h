/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-scenario-event.h"

G_BEGIN_DECLS

/* The loader (vg-scenario.c) fills events in directly: they are immutable once handed out. */
struct _VgScenarioEvent
{
  GObject               parent_instance;

  VgScenarioEventKind   kind;
  GDateTime            *time;
  gint64                time_usec;
  guint                 seq;             /* manifest order: payloads first, then injects */
  char                 *origin;          /* "payloads[12]" */
  char                 *display;         /* scenario folder + file, for read errors */
  char                 *feed_id;
  VgScenarioFeedKind    feed_kind;
  char                 *file;
  char                 *path;
  char                 *content_type;
  char                 *inject_id;
  VgScenarioInjectType  inject_type;
  char                 *text_fr, *text_en;
  char                 *notes_fr, *notes_en;
  gboolean              reconstructed;
  char                 *reconstruction;
  GStrv                 sources;
};

/* New empty event, for the loader to fill. */
VgScenarioEvent *vg_scenario_event_new       (void);
/* Checks that @path (absolute, resolved) is a regular file of at most @max_size bytes; sets
 * *@size. Errors are VG_SCENARIO_ERROR_FILE and name @display. Shared by load and read. */
gboolean         vg_scenario_check_file      (const char  *path,
                                              const char  *display,
                                              goffset      max_size,
                                              goffset     *size,
                                              GError     **error);
/* @fr or @en according to @lang ("fr…" gives French, anything else, NULL included, English). */
const char      *vg_scenario_pick_language   (const char  *fr,
                                              const char  *en,
                                              const char  *lang);

G_END_DECLS
