/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gio/gio.h>

#include "vg-feed-source.h"

G_BEGIN_DECLS

#define VG_TYPE_FEED_CONFIG (vg_feed_config_get_type ())
G_DECLARE_FINAL_TYPE (VgFeedConfig, vg_feed_config, VG, FEED_CONFIG, GObject)

/* The feeds file the operator edits (data/feeds.conf is the shipped default): a GKeyFile with
 * one [feed:ID] group per feed and the keys
 *   name, kind, url, interval-seconds, timeout-seconds, max-bytes, content-types, stale-after,
 *   enabled
 * of which kind and url are required. Loading is strict: an unknown group or key (a typo), a
 * value of the wrong type or out of its range is an error naming the file, the group and the
 * key, so that a mistyped setting never silently falls back to a default. Saving keeps the
 * comments and order of the file it was loaded from. */

/* Limits a feeds file must respect: they protect the public servers (no poll more often than
 * every 30 s) and Vigie (no body above 1 GiB). */
#define VG_FEED_CONFIG_MIN_INTERVAL_S  30
#define VG_FEED_CONFIG_MAX_INTERVAL_S  (24 * 60 * 60)
#define VG_FEED_CONFIG_MAX_TIMEOUT_S   600
#define VG_FEED_CONFIG_MIN_MAX_BYTES   1024
#define VG_FEED_CONFIG_MAX_MAX_BYTES   (G_GUINT64_CONSTANT (1) << 30)
#define VG_FEED_CONFIG_MAX_STALE_AFTER 100

/* New empty configuration. */
VgFeedConfig *vg_feed_config_new            (void);
/* Loads and validates the feeds file @path; errors name the file, group and key. */
VgFeedConfig *vg_feed_config_load           (const char    *path,
                                             GError       **error);
/* The operator's own copy, $XDG_CONFIG_HOME/vigie/feeds.conf (Preferences writes it). */
char         *vg_feed_config_dup_user_path  (void);
/* Loads the operator's copy if there is one, else the shipped default, feeds.conf found
 * through vg_data_dir_find(). */
VgFeedConfig *vg_feed_config_load_default   (GError       **error);
/* Writes the configuration to @path atomically, keeping the comments it was loaded with. */
gboolean      vg_feed_config_save           (VgFeedConfig  *self,
                                             const char    *path,
                                             GError       **error);
/* The feeds, in file order, as a list of VgFeedSource; borrowed. */
GListModel   *vg_feed_config_get_sources    (VgFeedConfig  *self);
/* Feed @id, or NULL; borrowed. */
VgFeedSource *vg_feed_config_lookup         (VgFeedConfig  *self,
                                             const char    *id);
/* Adds @source, or replaces the feed with the same id in place (Preferences). */
void          vg_feed_config_set_source     (VgFeedConfig  *self,
                                             VgFeedSource  *source);
/* Removes feed @id and its group; FALSE if there is none. */
gboolean      vg_feed_config_remove_source  (VgFeedConfig  *self,
                                             const char    *id);

G_END_DECLS
