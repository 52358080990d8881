/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The "INI" files operations officers edit (playbooks, the roster): GKeyFile's syntax — `#`
 * comments, `[group]` headers, `key = value` and `key[fr] = value` lines, `\n` `\t` `\\` escapes —
 * read by our own scanner because GKeyFile keeps no line numbers and silently merges a
 * repeated group or key, where a playbook must say "line 23" and refuse the duplicate. */
typedef struct _VgIni VgIni;

/* Parses @text (@length bytes; -1 if NUL-terminated) read from @path. On a line that is not a
 * comment, group or key, a duplicate group or key, a key outside a group, or invalid UTF-8:
 * NULL with @code of @domain, the message "PATH:LINE: what". */
VgIni      *vg_ini_parse           (const char  *path,
                                    const char  *text,
                                    gssize       length,
                                    GQuark       domain,
                                    int          code,
                                    GError     **error);
/* Files over this size are refused unread (the bundled playbooks are about 10 KiB). */
#define VG_INI_MAX_FILE_SIZE (1024 * 1024)
/* Reads and parses the file @path (same errors; an unreadable file names its reason, one over
 * VG_INI_MAX_FILE_SIZE its size). */
VgIni      *vg_ini_load            (const char  *path,
                                    GQuark       domain,
                                    int          code,
                                    GError     **error);
/* Frees @self. */
void        vg_ini_free            (VgIni       *self);
/* The file as named at parsing; borrowed. */
const char *vg_ini_get_path        (VgIni       *self);
/* Number of groups, in file order. */
guint       vg_ini_get_n_groups    (VgIni       *self);
/* Name of group @group (between the brackets, trimmed); borrowed. */
const char *vg_ini_get_group_name  (VgIni       *self,
                                    guint        group);
/* Line of group @group's header. */
guint       vg_ini_get_group_line  (VgIni       *self,
                                    guint        group);
/* Number of keys of @group, in file order. */
guint       vg_ini_get_n_keys      (VgIni       *self,
                                    guint        group);
/* Key @key of @group ("title[fr]" for a localised one); borrowed. */
const char *vg_ini_get_key         (VgIni       *self,
                                    guint        group,
                                    guint        key,
                                    guint       *line);
/* Value of @name in @group with escapes resolved, or NULL if absent; @line gets its line (or
 * the group's when absent, for "missing key" messages); borrowed. */
const char *vg_ini_lookup          (VgIni       *self,
                                    guint        group,
                                    const char  *name,
                                    guint       *line);

G_END_DECLS
