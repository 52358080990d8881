/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-journal"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "vg-error.h"
#include "vg-journal.h"
#include "vg-journal-batch-private.h"
#include "vg-journal-chain-private.h"
#include "vg-journal-entry-private.h"
#include "vg-journal-state-private.h"
#include "vg-sqlite-private.h"

/* "VGJ1" in PRAGMA application_id, so `file` and other tools can tell a journal apart. */
#define APPLICATION_ID 0x56474a31

/* A writer waits this long for another process's transaction (vigie-cli during a drill) and a
 * reader for a checkpoint, rather than handing SQLITE_BUSY to the operator. */
#define BUSY_TIMEOUT_MS 10000

/* Append-only in the file itself: the triggers stop an UPDATE or DELETE from any SQLite client
 * that does not drop them first. The hash chain, not the triggers, is what proves integrity. */
static const char schema_sql[] =
  "PRAGMA journal_mode = WAL;"
  "PRAGMA application_id = 1447512625;"   /* APPLICATION_ID */
  "PRAGMA user_version = 1;"              /* VG_JOURNAL_FORMAT_VERSION */
  "BEGIN;"
  "CREATE TABLE entries ("
  "  seq       INTEGER PRIMARY KEY,"
  "  time      INTEGER NOT NULL,"
  "  kind      TEXT NOT NULL,"
  "  source    TEXT NOT NULL,"
  "  author    TEXT NOT NULL,"
  "  payload   TEXT NOT NULL,"
  "  prev_hash BLOB NOT NULL,"
  "  hash      BLOB NOT NULL);"
  "CREATE TABLE raw_payloads ("
  "  sha256    BLOB PRIMARY KEY,"
  "  data      BLOB NOT NULL);"
  "CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries"
  "  BEGIN SELECT RAISE (ABORT, 'journal entries are append-only'); END;"
  "CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries"
  "  BEGIN SELECT RAISE (ABORT, 'journal entries are append-only'); END;"
  "CREATE TRIGGER raw_payloads_no_update BEFORE UPDATE ON raw_payloads"
  "  BEGIN SELECT RAISE (ABORT, 'raw payloads are append-only'); END;"
  "CREATE TRIGGER raw_payloads_no_delete BEFORE DELETE ON raw_payloads"
  "  BEGIN SELECT RAISE (ABORT, 'raw payloads are append-only'); END;"
  "COMMIT;";

G_STATIC_ASSERT (APPLICATION_ID == 1447512625);
G_STATIC_ASSERT (VG_JOURNAL_FORMAT_VERSION == 1);

struct _VgJournal
{
  GObject         parent_instance;

  char           *path;
  VgClock        *clock;
  gboolean        read_only;
  char           *situation;
  gboolean        exercise;
  VgJournalState *state;

  /* The writer: one connection, the chain tip and the statements, under one lock. */
  GMutex          write_lock;
  sqlite3        *db;
  VgJournalChain  chain;
  sqlite3_stmt   *insert_entry;
  sqlite3_stmt   *insert_raw;
  int             synchronous;   /* the PRAGMA synchronous in force, -1 before the first commit */
  guint           group_depth;   /* vg_journal_begin_group() calls not yet ended */
  gboolean        group_open;    /* a group's transaction is open on db */
  char           *poisoned;      /* why a failed group left the state ahead of the file, or NULL */

  /* The readers: their own connection, so a long read never waits for an fsync. */
  GMutex          read_lock;
  sqlite3        *reader;
};

G_DEFINE_FINAL_TYPE (VgJournal, vg_journal, G_TYPE_OBJECT)

static void rollback (VgJournal *self);

enum { PROP_0, PROP_PATH, PROP_SITUATION, PROP_EXERCISE, PROP_READ_ONLY, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* SQLite's values for PRAGMA synchronous. */
enum { SYNC_NORMAL = 1, SYNC_FULL = 2 };

static void
vg_journal_finalize (GObject *object)
{
  VgJournal *self = VG_JOURNAL (object);

  /* A group left open is a caller's bug: what it holds was acknowledged, so it is kept. */
  if (self->group_open)
    {
      g_critical ("Journal “%s” finalized inside a group", self->path);
      if (sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        rollback (self);
    }
  g_clear_pointer (&self->poisoned, g_free);
  /* Statements first: a connection with live statements does not close. */
  vg_journal_chain_clear (&self->chain);
  g_clear_pointer (&self->insert_entry, sqlite3_finalize);
  g_clear_pointer (&self->insert_raw, sqlite3_finalize);
  g_clear_pointer (&self->reader, sqlite3_close);
  /* The last connection to close checkpoints the WAL into the main file and removes it. */
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_object (&self->state);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->situation, g_free);
  g_mutex_clear (&self->write_lock);
  g_mutex_clear (&self->read_lock);

  G_OBJECT_CLASS (vg_journal_parent_class)->finalize (object);
}

static void
vg_journal_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VgJournal *self = VG_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_SITUATION:
      g_value_set_string (value, self->situation);
      break;
    case PROP_EXERCISE:
      g_value_set_boolean (value, self->exercise);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vg_journal_class_init (VgJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vg_journal_finalize;
  object_class->get_property = vg_journal_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SITUATION] =
    g_param_spec_string ("situation", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXERCISE] =
    g_param_spec_boolean ("exercise", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vg_journal_init (VgJournal *self)
{
  g_mutex_init (&self->write_lock);
  g_mutex_init (&self->read_lock);
  vg_journal_chain_init (&self->chain);
  self->state = vg_journal_state_new ();
  self->synchronous = -1;
}

static gboolean
store_error (GError     **error,
             int          code,
             const char  *path,
             sqlite3     *db,
             const char  *what)
{
  g_set_error (error, VG_STORE_ERROR, code, "Journal “%s”: %s: %s", path, what,
               db != NULL ? sqlite3_errmsg (db) : "out of memory");
  return FALSE;
}

/* TRUE for a journal on read-only media (evidence handed over on a USB stick): SQLite cannot
 * create the shared-memory file a WAL database needs, yet with no -wal file beside it nobody can
 * be writing, so the file may be read as immutable. */
static gboolean
is_sealed (const char *file)
{
  g_autofree char *wal = g_strconcat (file, "-wal", NULL);
  g_autofree char *dir = g_path_get_dirname (file);

  return !g_file_test (wal, G_FILE_TEST_EXISTS) && g_access (dir, W_OK) != 0;
}

/* Opens a connection to @file (errors name @path, the journal as the operator knows it). */
static sqlite3 *
open_connection (const char  *path,
                 const char  *file,
                 gboolean     read_only,
                 GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autofree char *uri = NULL;
  /* NOMUTEX: every connection is used under one of our locks, never by two threads at once. */
  int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX;

  if (read_only && is_sealed (file))
    {
      g_autofree char *escaped = g_uri_escape_string (file, "/", FALSE);

      uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
      flags |= SQLITE_OPEN_URI;
    }
  if (sqlite3_open_v2 (uri != NULL ? uri : file, &db, flags, NULL) != SQLITE_OK)
    {
      store_error (error, VG_STORE_ERROR_OPEN, path, db, "cannot open");
      return NULL;
    }
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  /* SQLite refuses a whole file that is shorter than its header says (a truncated copy), unless
   * writable_schema is on; then it reads what is left, and the chain scan can name the first
   * entry that was lost. Harmless on a connection that cannot write. */
  if (read_only && sqlite3_exec (db, "PRAGMA writable_schema = ON", NULL, NULL, NULL) != SQLITE_OK)
    {
      store_error (error, VG_STORE_ERROR_OPEN, path, db, "cannot open");
      return NULL;
    }
  if (!read_only && sqlite3_db_readonly (db, "main") == 1)
    {
      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_OPEN,
                   "Journal “%s”: the file is read-only (open it read-only to inspect it)", path);
      return NULL;
    }
  return g_steal_pointer (&db);
}

static gboolean
pragma_int (sqlite3     *db,
            const char  *path,
            const char  *sql,
            gint64      *value,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *value = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  switch (rc)
    {
    case SQLITE_NOTADB:
      return store_error (error, VG_STORE_ERROR_FORMAT, path, db, "not a journal");
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_IOERR:
      /* A WAL database needs its -shm and -wal files beside it: a read-only directory ends here. */
      return store_error (error, VG_STORE_ERROR_OPEN, path, db, "cannot open");
    default:
      return store_error (error, VG_STORE_ERROR_READ, path, db, "cannot read");
    }
}

static gboolean
check_format (sqlite3     *db,
              const char  *path,
              GError     **error)
{
  gint64 id = 0;
  gint64 version = 0;

  if (!pragma_int (db, path, "PRAGMA application_id", &id, error) ||
      !pragma_int (db, path, "PRAGMA user_version", &version, error))
    return FALSE;
  if (id != APPLICATION_ID)
    {
      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_FORMAT,
                   "Journal “%s”: not a Vigie journal (an SQLite file of another kind)", path);
      return FALSE;
    }
  if (version != VG_JOURNAL_FORMAT_VERSION)
    {
      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_FORMAT,
                   "Journal “%s”: format version %" G_GINT64_FORMAT ", this Vigie reads version %d",
                   path, version, VG_JOURNAL_FORMAT_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* Verifies the whole file from its first entry; an empty one lacks its header. */
static gboolean
scan_journal (VgJournalChain  *chain,
              sqlite3         *db,
              const char      *path,
              VgJournalState  *state,
              GError         **error)
{
  if (!vg_journal_chain_scan (chain, db, state, error))
    {
      g_prefix_error (error, "Journal “%s”: ", path);
      return FALSE;
    }
  if (chain->last_seq == 0 && chain->first_bad_seq == 0)
    {
      chain->first_bad_seq = 1;
      chain->reason = g_strdup ("the journal has no header entry");
    }
  return TRUE;
}

/* @action: what is refused because of it, or NULL. */
static void
set_broken_error (GError              **error,
                  const char           *path,
                  const char           *action,
                  const VgJournalChain *chain)
{
  g_set_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_BROKEN_CHAIN,
               "Journal “%s”: %s%sentry %" G_GUINT64_FORMAT " fails verification: %s",
               path, action != NULL ? action : "", action != NULL ? ", " : "",
               chain->first_bad_seq, chain->reason);
}

static gboolean
prepare_writer (VgJournal  *self,
                GError    **error)
{
  if (sqlite3_prepare_v2 (self->db, "INSERT INTO entries (seq, time, kind, source, author, payload, "
                          "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", -1,
                          &self->insert_entry, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->db, "INSERT OR IGNORE INTO raw_payloads (sha256, data) VALUES (?, ?)",
                          -1, &self->insert_raw, NULL) != SQLITE_OK)
    return store_error (error, VG_STORE_ERROR_FORMAT, self->path, self->db, "unexpected schema");
  return TRUE;
}

static void
rollback (VgJournal *self)
{
  /* Some errors (a full disk) already rolled the transaction back; others leave it open. */
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Takes back what commit_locked() wrote of the current batch: inside a group, back to the
 * batch's savepoint (the group's earlier batches stay); else the whole transaction. */
static void
undo_batch (VgJournal *self)
{
  if (self->group_open)
    {
      if (sqlite3_exec (self->db, "ROLLBACK TO vg_batch", NULL, NULL, NULL) == SQLITE_OK &&
          sqlite3_exec (self->db, "RELEASE vg_batch", NULL, NULL, NULL) == SQLITE_OK)
        return;
      /* The group is gone whole (SQLite rolled it back on a full disk): the state is ahead. */
      self->group_open = FALSE;
      rollback (self);
      if (self->poisoned == NULL)
        self->poisoned = g_strdup (sqlite3_errmsg (self->db));
      return;
    }
  rollback (self);
}

static gboolean
set_synchronous (VgJournal  *self,
                 int         level,
                 GError    **error)
{
  if (self->synchronous == level)
    return TRUE;
  /* In WAL mode FULL syncs the log on every commit; NORMAL only at checkpoints. The log is
   * written in order, so one FULL commit also makes every earlier NORMAL commit durable. */
  if (sqlite3_exec (self->db, level == SYNC_FULL ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL",
                    NULL, NULL, NULL) != SQLITE_OK)
    return store_error (error, VG_STORE_ERROR_WRITE, self->path, self->db, "cannot set synchronous mode");
  self->synchronous = level;
  return TRUE;
}

static gboolean
insert_record (VgJournal             *self,
               const VgJournalRecord *record,
               guint64                seq,
               gint64                 time,
               const guint8          *prev_hash,
               const guint8          *hash)
{
  const char *kind = vg_journal_kind_to_id (record->kind);
  int rc;

  if (record->raw != NULL)
    {
      sqlite3_bind_blob (self->insert_raw, 1, record->raw_hash, VG_JOURNAL_HASH_LEN, SQLITE_STATIC);
      sqlite3_bind_blob64 (self->insert_raw, 2, g_bytes_get_data (record->raw, NULL),
                           g_bytes_get_size (record->raw), SQLITE_STATIC);
      rc = sqlite3_step (self->insert_raw);
      sqlite3_reset (self->insert_raw);
      if (rc != SQLITE_DONE)
        return FALSE;
    }

  sqlite3_bind_int64 (self->insert_entry, 1, seq);
  sqlite3_bind_int64 (self->insert_entry, 2, time);
  sqlite3_bind_text (self->insert_entry, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->insert_entry, 4, record->source, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->insert_entry, 5, record->author, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->insert_entry, 6, record->payload, record->payload_len, SQLITE_STATIC);
  sqlite3_bind_blob (self->insert_entry, 7, prev_hash, VG_JOURNAL_HASH_LEN, SQLITE_STATIC);
  sqlite3_bind_blob (self->insert_entry, 8, hash, VG_JOURNAL_HASH_LEN, SQLITE_STATIC);
  rc = sqlite3_step (self->insert_entry);
  sqlite3_reset (self->insert_entry);
  return rc == SQLITE_DONE;
}

/* Commits the transaction a group opened (synchronous=NORMAL: no fsync). On failure the state
 * has entries the file lost: the journal refuses every further write until it is reopened. */
static gboolean
close_group_locked (VgJournal  *self,
                    GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!self->group_open)
    return TRUE;
  self->group_open = FALSE;
  if (sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;
  store_error (&local_error, VG_STORE_ERROR_WRITE, self->path, self->db, "cannot write a group of entries");
  rollback (self);
  self->poisoned = g_strdup (local_error->message);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Writes @batch after the tip, in one transaction (or, inside a group, in the group's under a
 * savepoint); the tip and the state move only once the batch is written, so a failed write
 * leaves the object as it was. @check (may be NULL) may still refuse it once the state has
 * caught up. Called with write_lock held. */
static gboolean
commit_locked (VgJournal          *self,
               VgJournalBatch     *batch,
               VgJournalCheckFunc  check,
               gpointer            check_data,
               guint64            *last_seq,
               GError            **error)
{
  guint n = vg_journal_batch_get_size (batch);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_full (n, (GDestroyNotify) vg_journal_entry_unref);
  guint8 hash[VG_JOURNAL_HASH_LEN];
  gboolean durable = FALSE, grouped;
  guint64 seq;

  if (self->poisoned != NULL)
    {
      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_WRITE,
                   "Journal “%s”: not writing until it is reopened (a group of entries was lost: %s)",
                   self->path, self->poisoned);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    durable |= vg_journal_kind_is_durable (vg_journal_batch_get_record (batch, i)->kind);

  /* A durable batch never waits in a group: the group so far is committed, then the batch on
   * its own with synchronous=FULL, whose fsync covers both before the call returns. */
  if (durable && !close_group_locked (self, error))
    return FALSE;
  grouped = self->group_depth > 0 && !durable;

  if (grouped && self->group_open)
    {
      /* The group's transaction holds the file's write lock: nobody appended since. */
      if (sqlite3_exec (self->db, "SAVEPOINT vg_batch", NULL, NULL, NULL) != SQLITE_OK)
        return store_error (error, VG_STORE_ERROR_WRITE, self->path, self->db, "cannot start writing");
    }
  else
    {
      if (!set_synchronous (self, durable ? SYNC_FULL : SYNC_NORMAL, error))
        return FALSE;
      if (sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return store_error (error, VG_STORE_ERROR_WRITE, self->path, self->db, "cannot start writing");
      self->group_open = grouped;
      if (grouped && sqlite3_exec (self->db, "SAVEPOINT vg_batch", NULL, NULL, NULL) != SQLITE_OK)
        {
          self->group_open = FALSE;
          rollback (self);
          return store_error (error, VG_STORE_ERROR_WRITE, self->path, self->db, "cannot start writing");
        }

      /* Another process (vigie-cli journal note, during a drill) may have appended since our
       * last commit: verify and fold its entries, then chain ours after them. */
      if (!vg_journal_chain_scan (&self->chain, self->db, self->state, error))
        {
          undo_batch (self);
          return FALSE;
        }
      if (self->chain.first_bad_seq != 0)
        {
          undo_batch (self);
          set_broken_error (error, self->path, "not writing", &self->chain);
          return FALSE;
        }
    }
  /* Here, and only here, the state holds every entry in the file and nobody can add one: a
   * check made now cannot be overtaken (two operators deciding the same proposal at once). */
  if (check != NULL && !check (self, self->chain.last_seq, check_data, error))
    {
      undo_batch (self);
      return FALSE;
    }

  seq = self->chain.last_seq;
  memcpy (hash, self->chain.last_hash, sizeof hash);
  for (guint i = 0; i < n; i++)
    {
      const VgJournalRecord *record = vg_journal_batch_get_record (batch, i);
      const char *kind = vg_journal_kind_to_id (record->kind);
      guint8 prev_hash[VG_JOURNAL_HASH_LEN];
      gint64 time;

      seq++;
      if (record->kind == VG_JOURNAL_KIND_CORRECTION && record->corrects >= seq)
        {
          undo_batch (self);
          g_set_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID,
                       "Journal “%s”: a correction by “%s” names entry %" G_GUINT64_FORMAT ", which is not before it",
                       self->path, record->author, record->corrects);
          return FALSE;
        }
      /* Under the lock, so seq order is time order whenever the clock runs forward. */
      time = vg_clock_get_now_usec (self->clock);
      memcpy (prev_hash, hash, sizeof hash);
      vg_journal_hash_entry (self->chain.checksum, seq, time, kind, record->source, record->author,
                             record->payload, record->payload_len, prev_hash, hash);
      if (!insert_record (self, record, seq, time, prev_hash, hash))
        {
          g_autofree char *what = g_strdup_printf ("cannot write entry %" G_GUINT64_FORMAT " (%s)", seq, kind);

          store_error (error, VG_STORE_ERROR_WRITE, self->path, self->db, what);
          undo_batch (self);
          return FALSE;
        }
      g_ptr_array_add (entries, vg_journal_entry_new (seq, time, kind, record->source, record->author,
                                                      record->payload, record->payload_len, prev_hash, hash));
    }

  /* Most write errors surface at COMMIT: SQLite writes the log then. A group's are at its end. */
  if (grouped ? sqlite3_exec (self->db, "RELEASE vg_batch", NULL, NULL, NULL) != SQLITE_OK
              : sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_autofree char *what = NULL;

      if (n == 1)
        what = g_strdup_printf ("cannot write entry %" G_GUINT64_FORMAT " (%s)", seq,
                                vg_journal_kind_to_id (vg_journal_batch_get_record (batch, 0)->kind));
      else
        what = g_strdup_printf ("cannot write entries %" G_GUINT64_FORMAT " to %" G_GUINT64_FORMAT,
                                seq - n + 1, seq);
      store_error (error, VG_STORE_ERROR_WRITE, self->path, self->db, what);
      undo_batch (self);
      return FALSE;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      VgJournalEntry *entry = g_ptr_array_index (entries, i);

      vg_journal_chain_advance (&self->chain, vg_journal_entry_get_seq (entry),
                                vg_journal_entry_get_hash_raw (entry));
      vg_journal_state_apply (self->state, entry);
    }
  if (last_seq != NULL)
    *last_seq = seq;
  return TRUE;
}

/* Sets up the temporary file @file of a new journal and writes its header. */
static gboolean
write_new_journal (const char  *path,
                   const char  *file,
                   VgClock     *clock,
                   const char  *situation,
                   gboolean     exercise,
                   GError     **error)
{
  g_autoptr(VgJournal) self = g_object_new (VG_TYPE_JOURNAL, NULL);
  g_autoptr(VgJournalBatch) batch = vg_journal_batch_new ();
  g_autoptr(JsonObject) header = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GString) payload = g_string_new (NULL);
  g_autoptr(GMutexLocker) locker = NULL;

  self->path = g_strdup (path);
  self->clock = g_object_ref (clock);
  if ((self->db = open_connection (path, file, FALSE, error)) == NULL)
    return FALSE;
  if (sqlite3_exec (self->db, schema_sql, NULL, NULL, NULL) != SQLITE_OK)
    return store_error (error, VG_STORE_ERROR_WRITE, path, self->db, "cannot create the tables");
  if (!prepare_writer (self, error))
    return FALSE;

  /* The header's entry time is the creation time. */
  json_object_set_int_member (header, "format", VG_JOURNAL_FORMAT_VERSION);
  json_object_set_string_member (header, "situation", situation);
  json_object_set_boolean_member (header, "exercise", exercise);
  json_object_set_string_member (header, "vigie_version", PACKAGE_VERSION);
  json_node_set_object (node, header);
  if (!vg_journal_canonical_json (node, payload, error))
    return FALSE;
  vg_journal_batch_add_canonical (batch, VG_JOURNAL_KIND_HEADER, "vigie", "vigie", payload->str);

  locker = g_mutex_locker_new (&self->write_lock);
  return commit_locked (self, batch, NULL, NULL, NULL, error);
}

static void
remove_with_sidecars (const char *file)
{
  g_autofree char *wal = g_strconcat (file, "-wal", NULL);
  g_autofree char *shm = g_strconcat (file, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (file);
}

VgJournal *
vg_journal_create (const char  *path,
                   VgClock     *clock,
                   const char  *situation,
                   gboolean     exercise,
                   GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  gboolean written;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (VG_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (situation != NULL, NULL);

  if (*situation == '\0' || !g_utf8_validate (situation, -1, NULL))
    {
      g_set_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID,
                   "Journal “%s”: a journal needs a situation name in UTF-8", path);
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_OPEN, "Journal “%s”: already exists", path);
      return NULL;
    }

  /* Build it under a temporary name, then link it into place: a crash leaves either no
   * journal or a complete one with its header, never an empty file that fails to open. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  if ((fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600)) < 0)
    {
      int saved = errno;

      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_OPEN, "Journal “%s”: cannot create a file in %s: %s",
                   path, dir, g_strerror (saved));
      return NULL;
    }
  close (fd);

  written = write_new_journal (path, tmp, clock, situation, exercise, error);
  if (written && link (tmp, path) != 0)
    {
      int saved = errno;

      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_OPEN, "Journal “%s”: cannot create: %s",
                   path, saved == EEXIST ? "already exists" : g_strerror (saved));
      written = FALSE;
    }
  remove_with_sidecars (tmp);
  if (!written)
    return NULL;

  /* Make the new name itself durable. Best effort: should it fail, a power cut in the next
   * seconds could lose the (still empty) journal, nothing more. */
  if ((fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0)
    {
      fsync (fd);
      close (fd);
    }

  return vg_journal_open (path, clock, VG_JOURNAL_OPEN_DEFAULT, error);
}

VgJournal *
vg_journal_open (const char          *path,
                 VgClock             *clock,
                 VgJournalOpenFlags   flags,
                 GError             **error)
{
  g_autoptr(VgJournal) self = NULL;
  gboolean read_only = (flags & VG_JOURNAL_OPEN_READ_ONLY) != 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (clock != NULL ? VG_IS_CLOCK (clock) : read_only, NULL);

  self = g_object_new (VG_TYPE_JOURNAL, NULL);
  self->path = g_strdup (path);
  self->clock = clock != NULL ? g_object_ref (clock) : NULL;
  self->read_only = read_only;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_OPEN, "Journal “%s”: no such file", path);
      return NULL;
    }
  /* Verify and rebuild through the reader, which can read a damaged file; only an intact
   * journal gets a writer. */
  if ((self->reader = open_connection (path, path, TRUE, error)) == NULL ||
      !check_format (self->reader, path, error) ||
      !scan_journal (&self->chain, self->reader, path, self->state, error))
    return NULL;
  if (self->chain.first_bad_seq != 0 && !read_only)
    {
      set_broken_error (error, path, "refusing to open it (open it read-only to inspect it)", &self->chain);
      return NULL;
    }
  self->situation = g_strdup (self->chain.situation);
  self->exercise = self->chain.exercise;
  if (read_only)
    return g_steal_pointer (&self);

  if ((self->db = open_connection (path, path, FALSE, error)) == NULL)
    return NULL;
  if (sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK)
    {
      store_error (error, VG_STORE_ERROR_OPEN, path, self->db, "cannot use write-ahead logging");
      return NULL;
    }
  if (!prepare_writer (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
vg_journal_verify_file (const char  *path,
                        guint64     *n_entries,
                        char       **last_hash,
                        guint64     *first_bad_seq,
                        char       **reason,
                        GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  VgJournalChain chain;
  char hex[VG_JOURNAL_HASH_HEX_LEN + 1];
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_OPEN, "Journal “%s”: no such file", path);
      return FALSE;
    }
  if ((db = open_connection (path, path, TRUE, error)) == NULL || !check_format (db, path, error))
    return FALSE;

  vg_journal_chain_init (&chain);
  ok = scan_journal (&chain, db, path, NULL, error);
  if (ok)
    {
      vg_journal_hash_to_hex (chain.last_hash, hex);
      if (n_entries != NULL)
        *n_entries = chain.last_seq;
      if (last_hash != NULL)
        *last_hash = g_strdup (hex);
      if (first_bad_seq != NULL)
        *first_bad_seq = chain.first_bad_seq;
      if (reason != NULL)
        *reason = g_strdup (chain.reason);
      if (chain.first_bad_seq != 0)
        {
          set_broken_error (error, path, NULL, &chain);
          ok = FALSE;
        }
    }
  vg_journal_chain_clear (&chain);
  return ok;
}

const char *
vg_journal_get_path (VgJournal *self)
{
  g_return_val_if_fail (VG_IS_JOURNAL (self), NULL);

  return self->path;
}

const char *
vg_journal_get_situation (VgJournal *self)
{
  g_return_val_if_fail (VG_IS_JOURNAL (self), NULL);

  return self->situation;
}

gboolean
vg_journal_is_exercise (VgJournal *self)
{
  g_return_val_if_fail (VG_IS_JOURNAL (self), FALSE);

  return self->exercise;
}

gboolean
vg_journal_is_read_only (VgJournal *self)
{
  g_return_val_if_fail (VG_IS_JOURNAL (self), FALSE);

  return self->read_only;
}

guint64
vg_journal_get_first_bad_seq (VgJournal *self)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (VG_IS_JOURNAL (self), 0);

  locker = g_mutex_locker_new (&self->write_lock);
  return self->chain.first_bad_seq;
}

const char *
vg_journal_get_broken_reason (VgJournal *self)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (VG_IS_JOURNAL (self), NULL);

  /* Set at most once, then never freed before the journal: safe to lend out. */
  locker = g_mutex_locker_new (&self->write_lock);
  return self->chain.reason;
}

VgJournalState *
vg_journal_get_state (VgJournal *self)
{
  g_return_val_if_fail (VG_IS_JOURNAL (self), NULL);

  return self->state;
}

gboolean
vg_journal_commit_batch (VgJournal       *self,
                         VgJournalBatch  *batch,
                         guint64         *last_seq,
                         GError         **error)
{
  return vg_journal_commit_batch_checked (self, batch, NULL, NULL, last_seq, error);
}

gboolean
vg_journal_commit_batch_checked (VgJournal           *self,
                                 VgJournalBatch      *batch,
                                 VgJournalCheckFunc   check,
                                 gpointer             check_data,
                                 guint64             *last_seq,
                                 GError             **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (VG_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (!self->read_only, FALSE);
  g_return_val_if_fail (batch != NULL, FALSE);

  locker = g_mutex_locker_new (&self->write_lock);
  if (!commit_locked (self, batch, check, check_data, last_seq, error))
    return FALSE;
  vg_journal_batch_clear (batch);
  return TRUE;
}

void
vg_journal_begin_group (VgJournal *self)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (VG_IS_JOURNAL (self));

  /* Read-only: nothing will be written, the group is only counted. */
  locker = g_mutex_locker_new (&self->write_lock);
  self->group_depth++;
}

gboolean
vg_journal_end_group (VgJournal  *self,
                      GError    **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (VG_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (self->group_depth > 0, FALSE);

  locker = g_mutex_locker_new (&self->write_lock);
  if (--self->group_depth > 0)
    return TRUE;
  return close_group_locked (self, error);
}

gboolean
vg_journal_append (VgJournal      *self,
                   VgJournalKind   kind,
                   const char     *source,
                   const char     *author,
                   JsonNode       *payload,
                   guint64        *seq,
                   GError        **error)
{
  g_autoptr(VgJournalBatch) batch = vg_journal_batch_new ();

  g_return_val_if_fail (VG_IS_JOURNAL (self), FALSE);

  return vg_journal_batch_add (batch, kind, source, author, payload, error) &&
         vg_journal_commit_batch (self, batch, seq, error);
}

gboolean
vg_journal_append_raw_payload (VgJournal    *self,
                               const char   *feed_id,
                               const char   *url,
                               const char   *content_type,
                               GDateTime    *fetched_at,
                               GBytes       *bytes,
                               guint64      *seq,
                               GError      **error)
{
  g_autoptr(VgJournalBatch) batch = vg_journal_batch_new ();

  g_return_val_if_fail (VG_IS_JOURNAL (self), FALSE);

  return vg_journal_batch_add_raw_payload (batch, feed_id, url, content_type, fetched_at, bytes, error) &&
         vg_journal_commit_batch (self, batch, seq, error);
}

gboolean
vg_journal_add_note (VgJournal           *self,
                     const char          *operator_name,
                     const char          *text,
                     const char * const  *feature_ids,
                     guint64             *seq,
                     GError             **error)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) payload = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *stripped = NULL;
  JsonArray *features;

  g_return_val_if_fail (VG_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (operator_name != NULL && text != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    {
      g_set_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID,
                   "Journal “%s”: a note by “%s” needs some text", self->path, operator_name);
      return FALSE;
    }
  features = json_array_new ();
  json_object_set_array_member (object, "features", features);
  for (guint i = 0; feature_ids != NULL && feature_ids[i] != NULL; i++)
    json_array_add_string_element (features, feature_ids[i]);
  json_object_set_string_member (object, "text", text);
  json_node_set_object (payload, object);
  return vg_journal_append (self, VG_JOURNAL_KIND_OPERATOR_NOTE, "main-courante", operator_name,
                            payload, seq, error);
}

gboolean
vg_journal_catch_up (VgJournal  *self,
                     GError    **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (VG_IS_JOURNAL (self), FALSE);

  if (self->read_only)
    return TRUE;
  /* The same walk a writer does before its commit, in a read transaction of its own. */
  locker = g_mutex_locker_new (&self->write_lock);
  if (!vg_journal_chain_scan (&self->chain, self->db, self->state, error))
    return FALSE;
  if (self->chain.first_bad_seq != 0)
    {
      set_broken_error (error, self->path, NULL, &self->chain);
      return FALSE;
    }
  return TRUE;
}

/* An entry from whatever a row holds: foreach also shows the damaged rows of a journal opened
 * for forensics, so nothing here may trust the row. */
static VgJournalEntry *
row_to_entry (sqlite3_stmt *row)
{
  static const guint8 zeros[VG_JOURNAL_HASH_LEN];
  const char *text[4];
  const guint8 *hashes[2];

  for (int i = 0; i < 4; i++)
    text[i] = (const char *) sqlite3_column_text (row, 2 + i);
  for (int i = 0; i < 2; i++)
    {
      hashes[i] = sqlite3_column_blob (row, 6 + i);
      if (sqlite3_column_bytes (row, 6 + i) != VG_JOURNAL_HASH_LEN)
        hashes[i] = zeros;
    }
  return vg_journal_entry_new (sqlite3_column_int64 (row, 0), sqlite3_column_int64 (row, 1),
                               text[0] ? text[0] : "", text[1] ? text[1] : "", text[2] ? text[2] : "",
                               text[3] ? text[3] : "", text[3] ? sqlite3_column_bytes (row, 5) : 0,
                               hashes[0], hashes[1]);
}

/* foreach over @db for entries up to @max_seq; the caller holds @db's lock. */
static gboolean
foreach_on (VgJournal             *self,
            sqlite3               *db,
            const VgJournalFilter *filter,
            guint64                max_seq,
            VgJournalForeachFunc   func,
            gpointer               user_data,
            GError               **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT seq, time, kind, source, author, payload, prev_hash, hash "
                                         "FROM entries WHERE seq > ?1 AND seq <= ?2 AND time >= ?3");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* What SQL can narrow it does; vg_journal_filter_matches() has the last word. */
  if (filter->kinds != 0)
    {
      const char *separator = " AND kind IN (";

      for (VgJournalKind kind = 0; kind < VG_N_JOURNAL_KINDS; kind++)
        if (filter->kinds & VG_JOURNAL_KIND_MASK (kind))
          {
            /* Static ids of letters and dashes: nothing to quote. */
            g_string_append_printf (sql, "%s'%s'", separator, vg_journal_kind_to_id (kind));
            separator = ",";
          }
      if (*separator != ',')
        return TRUE;   /* no kind that exists: nothing matches */
      g_string_append_c (sql, ')');
    }
  if (filter->source != NULL)
    g_string_append (sql, " AND source = ?4");
  if (filter->author != NULL)
    g_string_append (sql, " AND author = ?5");
  g_string_append (sql, " ORDER BY seq");

  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    return store_error (error, VG_STORE_ERROR_READ, self->path, db, "cannot read entries");
  sqlite3_bind_int64 (stmt, 1, MIN (filter->after_seq, (guint64) G_MAXINT64));
  sqlite3_bind_int64 (stmt, 2, MIN (max_seq, (guint64) G_MAXINT64));
  sqlite3_bind_int64 (stmt, 3, filter->since);
  if (filter->source != NULL)
    sqlite3_bind_text (stmt, 4, filter->source, -1, SQLITE_STATIC);
  if (filter->author != NULL)
    sqlite3_bind_text (stmt, 5, filter->author, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(VgJournalEntry) entry = row_to_entry (stmt);

      if (vg_journal_filter_matches (filter, entry) && !func (entry, user_data))
        return TRUE;
    }
  if (rc != SQLITE_DONE)
    return store_error (error, VG_STORE_ERROR_READ, self->path, db, "cannot read entries");
  return TRUE;
}

gboolean
vg_journal_foreach (VgJournal             *self,
                    const VgJournalFilter *filter,
                    VgJournalForeachFunc   func,
                    gpointer               user_data,
                    GError               **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  VgJournalFilter all;

  g_return_val_if_fail (VG_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (filter == NULL)
    {
      vg_journal_filter_init (&all);
      filter = &all;
    }
  locker = g_mutex_locker_new (&self->read_lock);
  return foreach_on (self, self->reader, filter, G_MAXUINT64, func, user_data, error);
}

GBytes *
vg_journal_dup_raw_payload (VgJournal   *self,
                            const char  *sha256,
                            GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint8 digest[VG_JOURNAL_HASH_LEN];
  int rc;

  g_return_val_if_fail (VG_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  if (!vg_journal_hash_from_hex (sha256, digest))
    {
      g_set_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID,
                   "Journal “%s”: “%s” is not a SHA-256", self->path, sha256);
      return NULL;
    }
  locker = g_mutex_locker_new (&self->read_lock);
  if (sqlite3_prepare_v2 (self->reader, "SELECT data FROM raw_payloads WHERE sha256 = ?", -1,
                          &stmt, NULL) != SQLITE_OK)
    {
      store_error (error, VG_STORE_ERROR_READ, self->path, self->reader, "cannot read raw payloads");
      return NULL;
    }
  sqlite3_bind_blob (stmt, 1, digest, sizeof digest, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  if (rc == SQLITE_DONE)
    g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_READ, "Journal “%s”: no raw payload %s",
                 self->path, sha256);
  else
    store_error (error, VG_STORE_ERROR_READ, self->path, self->reader, "cannot read raw payloads");
  return NULL;
}

typedef struct
{
  VgJournalReducer reducer;
  gpointer         user_data;
} Replay;

static gboolean
replay_cb (VgJournalEntry *entry,
           gpointer        user_data)
{
  Replay *replay = user_data;

  replay->reducer (entry, replay->user_data);
  return TRUE;
}

gboolean
vg_journal_add_reducer (VgJournal         *self,
                        guint64            kinds,
                        VgJournalReducer   reducer,
                        gpointer           user_data,
                        GDestroyNotify     destroy,
                        GError           **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  VgJournalFilter filter;
  Replay replay = { reducer, user_data };
  sqlite3 *db;

  g_return_val_if_fail (VG_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (kinds != 0 && reducer != NULL, FALSE);

  /* Under the writer lock, on the writer connection, up to the tip: no entry can slip in
   * between the replay and the registration, nor be folded twice. A read-only journal has no
   * writer and never moves. */
  vg_journal_filter_init (&filter);
  filter.kinds = kinds;
  locker = g_mutex_locker_new (self->read_only ? &self->read_lock : &self->write_lock);
  db = self->read_only ? self->reader : self->db;
  if (!foreach_on (self, db, &filter, self->chain.last_seq, replay_cb, &replay, error))
    {
      if (destroy != NULL)
        destroy (user_data);
      return FALSE;
    }
  vg_journal_state_add_reducer (self->state, kinds, reducer, user_data, destroy);
  return TRUE;
}
