/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-exporter"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <inttypes.h>

#include "vg-error.h"
#include "vg-export-private.h"

static const struct {
  const char *id;
  const char *extension;
  VgExportWriter write;
} formats[VG_N_EXPORT_FORMATS] = {
  [VG_EXPORT_CSV]     = { "csv", ".csv", vg_export_write_csv },
  [VG_EXPORT_JSON]    = { "json", ".json", vg_export_write_json },
  [VG_EXPORT_GEOJSON] = { "geojson", ".geojson", vg_export_write_geojson },
  [VG_EXPORT_GPKG]    = { "gpkg", ".gpkg", vg_export_write_gpkg },
  [VG_EXPORT_CAP]     = { "cap", "", vg_export_write_cap },
  [VG_EXPORT_PDF]     = { "pdf", ".pdf", vg_export_write_pdf },
  [VG_EXPORT_BUNDLE]  = { "bundle", "", vg_export_write_bundle },
};

/* The fraction shown moves in steps of at least this much (or reaches the end), so a
 * million-entry export does not queue a million notifications. */
#define FRACTION_STEP 0.005

struct _VgExporter
{
  GObject           parent_instance;

  VgJournal        *journal;
  VgExportFormat    format;
  VgTimelineFilter *filter;
  char             *language;
  guint64           n_entries;
  gboolean          running;

  /* Progress, as shown (properties) and as reported by the exporting thread (pending), which
   * hands it over to notify_context. */
  double            fraction;
  char             *stage;
  GMutex            lock;
  GMainContext     *notify_context;   /* NULL for a synchronous run: notify at once */
  double            pending_fraction;
  char             *pending_stage;
  gboolean          update_queued;
};

G_DEFINE_FINAL_TYPE (VgExporter, vg_exporter, G_TYPE_OBJECT)

enum { PROP_0, PROP_JOURNAL, PROP_FORMAT, PROP_LANGUAGE, PROP_FRACTION, PROP_STAGE, N_PROPS };
static GParamSpec *properties[N_PROPS];

gboolean
vg_export_format_from_id (const char     *id,
                          VgExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; id != NULL && i < VG_N_EXPORT_FORMATS; i++)
    if (g_str_equal (id, formats[i].id))
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

const char *
vg_export_format_to_id (VgExportFormat format)
{
  g_return_val_if_fail (format < VG_N_EXPORT_FORMATS, NULL);

  return formats[format].id;
}

const char *
vg_export_format_get_extension (VgExportFormat format)
{
  g_return_val_if_fail (format < VG_N_EXPORT_FORMATS, NULL);

  return formats[format].extension;
}

gboolean
vg_export_format_is_folder (VgExportFormat format)
{
  g_return_val_if_fail (format < VG_N_EXPORT_FORMATS, FALSE);

  return format == VG_EXPORT_CAP || format == VG_EXPORT_BUNDLE;
}

static void
vg_exporter_finalize (GObject *object)
{
  VgExporter *self = VG_EXPORTER (object);

  g_clear_object (&self->journal);
  g_clear_pointer (&self->filter, vg_timeline_filter_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->stage, g_free);
  g_clear_pointer (&self->pending_stage, g_free);
  g_clear_pointer (&self->notify_context, g_main_context_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (vg_exporter_parent_class)->finalize (object);
}

static void
vg_exporter_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VgExporter *self = VG_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;
    case PROP_FORMAT:
      g_value_set_uint (value, self->format);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_STAGE:
      g_value_set_string (value, self->stage);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vg_exporter_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VgExporter *self = VG_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;
    case PROP_FORMAT:
      self->format = g_value_get_uint (value);
      break;
    case PROP_LANGUAGE:
      vg_exporter_set_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vg_exporter_class_init (VgExporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vg_exporter_finalize;
  object_class->get_property = vg_exporter_get_property;
  object_class->set_property = vg_exporter_set_property;

  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, VG_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FORMAT] =
    g_param_spec_uint ("format", NULL, NULL, 0, VG_N_EXPORT_FORMATS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "en",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAGE] =
    g_param_spec_string ("stage", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vg_exporter_init (VgExporter *self)
{
  g_mutex_init (&self->lock);
  self->filter = vg_timeline_filter_new ();
  self->language = g_strdup ("en");
}

VgExporter *
vg_exporter_new (VgJournal      *journal,
                 VgExportFormat  format)
{
  g_return_val_if_fail (VG_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (format < VG_N_EXPORT_FORMATS, NULL);

  return g_object_new (VG_TYPE_EXPORTER, "journal", journal, "format", format, NULL);
}

VgExportFormat
vg_exporter_get_format (VgExporter *self)
{
  g_return_val_if_fail (VG_IS_EXPORTER (self), VG_EXPORT_CSV);

  return self->format;
}

void
vg_exporter_set_filter (VgExporter             *self,
                        const VgTimelineFilter *filter)
{
  g_return_if_fail (VG_IS_EXPORTER (self));
  g_return_if_fail (!self->running);

  vg_timeline_filter_free (self->filter);
  self->filter = filter != NULL ? vg_timeline_filter_copy (filter) : vg_timeline_filter_new ();
}

void
vg_exporter_set_language (VgExporter *self,
                          const char *language)
{
  g_return_if_fail (VG_IS_EXPORTER (self));
  g_return_if_fail (!self->running);

  if (language == NULL || *language == '\0')
    language = "en";
  if (g_strcmp0 (self->language, language) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (language);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

double
vg_exporter_get_fraction (VgExporter *self)
{
  g_return_val_if_fail (VG_IS_EXPORTER (self), 0);

  return self->fraction;
}

const char *
vg_exporter_get_stage (VgExporter *self)
{
  g_return_val_if_fail (VG_IS_EXPORTER (self), NULL);

  return self->stage;
}

guint64
vg_exporter_get_n_entries (VgExporter *self)
{
  g_return_val_if_fail (VG_IS_EXPORTER (self), 0);

  return self->n_entries;
}

/* Shows the pending progress; in the thread that owns the properties. */
static gboolean
apply_progress (gpointer data)
{
  VgExporter *self = data;
  g_autofree char *stage = NULL;
  double fraction;

  g_mutex_lock (&self->lock);
  fraction = self->pending_fraction;
  stage = g_steal_pointer (&self->pending_stage);
  self->update_queued = FALSE;
  g_mutex_unlock (&self->lock);

  g_object_freeze_notify (G_OBJECT (self));
  if (fraction != self->fraction && (fraction >= 1 || fraction == 0 || fraction - self->fraction >= FRACTION_STEP ||
                                     fraction < self->fraction))
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
  if (stage != NULL && g_strcmp0 (stage, self->stage) != 0)
    {
      g_free (self->stage);
      self->stage = g_steal_pointer (&stage);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  return G_SOURCE_REMOVE;
}

void
vg_exporter_report_progress (VgExporter *self,
                             double      fraction,
                             const char *stage)
{
  gboolean queue;

  g_mutex_lock (&self->lock);
  /* Never backwards within a run (stages meet at fractions that rounding may put a hair apart). */
  self->pending_fraction = MAX (self->pending_fraction, CLAMP (fraction, 0, 1));
  if (stage != NULL)
    {
      g_free (self->pending_stage);
      self->pending_stage = g_strdup (stage);
    }
  queue = self->notify_context != NULL && !self->update_queued;
  self->update_queued |= queue;
  g_mutex_unlock (&self->lock);

  if (self->notify_context == NULL)
    apply_progress (self);
  else if (queue)
    {
      /* A source, not g_main_context_invoke(): that one runs the callback right here when no
       * thread happens to own the context yet (before the caller's loop starts). */
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, apply_progress, g_object_ref (self), g_object_unref);
      g_source_set_static_name (source, "[vigie] export progress");
      g_source_attach (source, self->notify_context);
    }
}

static gboolean
entry_cb (VgJournalEntry *entry,
          gpointer        user_data)
{
  VgJournalEntry **out = user_data;

  *out = vg_journal_entry_ref (entry);
  return FALSE;
}

/* Entry @seq of @journal, or NULL. */
static VgJournalEntry *
dup_entry (VgJournal  *journal,
           guint64     seq,
           GError    **error)
{
  VgJournalEntry *entry = NULL;
  VgJournalFilter filter;

  vg_journal_filter_init (&filter);
  filter.after_seq = seq - 1;
  if (!vg_journal_foreach (journal, &filter, entry_cb, &entry, error))
    return NULL;
  if (entry == NULL || vg_journal_entry_get_seq (entry) != seq)
    {
      g_clear_pointer (&entry, vg_journal_entry_unref);
      g_set_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_JOURNAL, _("Journal “%s”: entry %" PRIu64 " cannot be read"),
                   vg_journal_get_path (journal), seq);
    }
  return entry;
}

static gboolean
prepare_context (VgExporter       *self,
                 VgExportContext  *ctx,
                 GCancellable     *cancellable,
                 GError          **error)
{
  g_autoptr(VgJournalEntry) header = NULL;
  g_autoptr(VgJournalEntry) last = NULL;
  VgJournalState *state = vg_journal_get_state (self->journal);

  if (vg_journal_get_first_bad_seq (self->journal) != 0)
    {
      g_set_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_JOURNAL,
                   _("Journal “%s”: entry %" PRIu64 " fails verification (%s): a damaged journal is not exported"),
                   vg_journal_get_path (self->journal), vg_journal_get_first_bad_seq (self->journal),
                   vg_journal_get_broken_reason (self->journal));
      return FALSE;
    }
  if (self->format == VG_EXPORT_BUNDLE && !vg_timeline_filter_is_empty (self->filter))
    {
      g_set_error_literal (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_WRITE,
                           _("A bundle holds the whole journal: it cannot be filtered (export a filtered view to another format)"));
      return FALSE;
    }

  ctx->exporter = self;
  ctx->journal = self->journal;
  ctx->filter = vg_timeline_filter_copy (self->filter);
  ctx->cancellable = cancellable;
  ctx->range_span = 1;
  ctx->last_seq = vg_journal_state_get_last_seq (state);
  if ((ctx->catalog = vg_catalog_new (self->language, error)) == NULL ||
      (header = dup_entry (self->journal, 1, error)) == NULL ||
      (last = dup_entry (self->journal, ctx->last_seq, error)) == NULL)
    return FALSE;
  ctx->first_time = vg_journal_entry_get_time (header);
  ctx->last_time = vg_journal_entry_get_time (last);
  ctx->last_hash = vg_journal_entry_dup_hash (last);
  return TRUE;
}

static void
clear_context (VgExportContext *ctx)
{
  g_clear_pointer (&ctx->filter, vg_timeline_filter_free);
  g_clear_object (&ctx->catalog);
  g_clear_pointer (&ctx->last_hash, g_free);
}

/* The run, in whichever thread: every writer writes into a fresh temporary folder beside @path,
 * and the result is moved into place only once complete. */
static gboolean
run (VgExporter    *self,
     const char    *path,
     GCancellable  *cancellable,
     GError       **error)
{
  VgExportContext ctx = { NULL };
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp_dir = g_strdup_printf ("%s%c.%s.partial-XXXXXX", dir, G_DIR_SEPARATOR, base);
  g_autofree char *tmp = NULL;
  gboolean ok;

  g_mutex_lock (&self->lock);
  self->pending_fraction = 0;
  g_mutex_unlock (&self->lock);
  vg_exporter_report_progress (self, 0, _("Preparing the export"));
  if (!prepare_context (self, &ctx, cancellable, error))
    {
      clear_context (&ctx);
      return FALSE;
    }
  if (g_mkdtemp (tmp_dir) == NULL)
    {
      int saved = errno;

      clear_context (&ctx);
      g_set_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_WRITE, _("Cannot write “%s”: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  tmp = g_build_filename (tmp_dir, base, NULL);
  ok = formats[self->format].write (&ctx, tmp, error) && vg_export_move_into_place (tmp, path, error);
  vg_export_remove_tree (tmp_dir);
  self->n_entries = ctx.n_exported;
  clear_context (&ctx);
  if (ok)
    vg_exporter_report_progress (self, 1, _("Export complete"));
  return ok;
}

gboolean
vg_exporter_run (VgExporter    *self,
                 const char    *path,
                 GCancellable  *cancellable,
                 GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (VG_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (!self->running, FALSE);

  self->running = TRUE;
  ok = run (self, path, cancellable, error);
  self->running = FALSE;
  return ok;
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (run (source_object, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  VgExporter *self = VG_EXPORTER (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* Progress queued by the worker may still be pending: show the last of it first. */
  apply_progress (self);
  self->running = FALSE;
  g_clear_pointer (&self->notify_context, g_main_context_unref);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
vg_exporter_run_async (VgExporter          *self,
                       const char          *path,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;

  g_return_if_fail (VG_IS_EXPORTER (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (!self->running);

  self->running = TRUE;
  self->notify_context = g_main_context_ref_thread_default ();
  /* Two tasks: the worker's, and the caller's, completed only after the worker's result is in
   * the caller's thread, so the exporter is idle again when the callback runs. */
  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, vg_exporter_run_async);
  inner = g_task_new (self, cancellable, run_done_cb, g_object_ref (outer));
  g_task_set_task_data (inner, g_strdup (path), g_free);
  g_task_set_return_on_cancel (inner, FALSE);
  g_task_run_in_thread (inner, run_in_thread);
}

gboolean
vg_exporter_run_finish (VgExporter    *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (VG_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
