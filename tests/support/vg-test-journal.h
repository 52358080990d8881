/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <sqlite3.h>

#include "vg-journal.h"

G_BEGIN_DECLS

/* Journal test helpers: every failure is an assertion, so tests read as the scenario. */

/* Manual clock at 2014-09-29T06:00Z, the Lez flood these tests replay; unref when done. */
VgClock   *vg_test_clock_new              (void);
/* Moves the manual @clock @seconds forward. */
void       vg_test_clock_advance          (VgClock               *clock,
                                           int                    seconds);
/* @text parsed as JSON; free with json_node_unref(). */
JsonNode  *vg_test_json                   (const char            *text);
/* New live or exercise journal "Crue du Lez" at @path. */
VgJournal *vg_test_journal_create         (const char            *path,
                                           VgClock               *clock,
                                           gboolean               exercise);
/* The journal at @path, opened for writing. */
VgJournal *vg_test_journal_open           (const char            *path,
                                           VgClock               *clock);
/* Appends an entry of @kind by @author (source "test") with the JSON text @payload; its seq. */
guint64    vg_test_journal_append         (VgJournal             *journal,
                                           VgJournalKind          kind,
                                           const char            *author,
                                           const char            *payload);
/* The entries @filter (NULL: all) selects, with references; free with g_ptr_array_unref(). */
GPtrArray *vg_test_journal_collect        (VgJournal             *journal,
                                           const VgJournalFilter *filter);
/* @path opened directly with SQLite, as a tamperer would; close with sqlite3_close(). */
sqlite3   *vg_test_sqlite_open            (const char            *path);
/* Runs @sql on @db. */
void       vg_test_sqlite_exec            (sqlite3               *db,
                                           const char            *sql);
/* The entry hash of @row (columns seq, time, kind, source, author, payload, prev_hash), computed
 * from the text of app/core/DESIGN.md rather than from the journal's code. */
void       vg_test_journal_documented_hash (sqlite3_stmt         *row,
                                            guint8               *hash);

G_END_DECLS
