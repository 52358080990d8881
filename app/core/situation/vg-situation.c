/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-situation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vg-data-dir.h"
#include "vg-error.h"
#include "vg-feed-parser.h"
#include "vg-feed-refusal.h"
#include "vg-feed-sanitizer.h"
#include "vg-forecast.h"
#include "vg-incident.h"
#include "vg-journal-batch.h"
#include "vg-log-entry.h"
#include "vg-observation.h"
#include "vg-situation.h"
#include "vg-traffic-facts.h"
#include "vg-flood-facts.h"
#include "vg-heat-facts.h"
#include "vg-warning.h"

struct _VgSituation
{
  GObject     parent_instance;

  VgClock    *clock;
  VgJournal  *journal;
  GListStore *log;
  guint64     last_seen_seq;
  char       *problem;
  VgPicture  *picture;
  GHashTable *feed_kinds;   /* feed id → VgFeedKind + 1, as declared in the journal */
  GHashTable *feed_labels;  /* feed id → label for people */
  VgProjector *projector;
  VgProposalQueue *proposals;
  gboolean     facts_changed;   /* a projection or an incident changed since the proposals were evaluated */
  guint64      last_incident_seq;   /* the last operator incident in the picture */
};

G_DEFINE_FINAL_TYPE (VgSituation, vg_situation, G_TYPE_OBJECT)

static void
vg_situation_finalize (GObject *object)
{
  VgSituation *self = VG_SITUATION (object);

  g_clear_object (&self->clock);
  g_clear_object (&self->journal);
  g_clear_object (&self->log);
  g_clear_pointer (&self->problem, g_free);
  if (self->projector != NULL)
    g_signal_handlers_disconnect_by_data (self->projector, self);
  g_clear_object (&self->projector);
  g_clear_object (&self->proposals);
  g_clear_object (&self->picture);
  g_clear_pointer (&self->feed_kinds, g_hash_table_unref);
  g_clear_pointer (&self->feed_labels, g_hash_table_unref);

  G_OBJECT_CLASS (vg_situation_parent_class)->finalize (object);
}

enum { PROP_0, PROP_PROJECTOR, PROP_PROBLEM, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
vg_situation_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  VgSituation *self = VG_SITUATION (object);

  switch (prop_id)
    {
    case PROP_PROJECTOR:
      g_value_set_object (value, self->projector);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vg_situation_class_init (VgSituationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vg_situation_finalize;
  object_class->get_property = vg_situation_get_property;

  /* The projector, set once by vg_situation_set_hazard_models(): views wait for it. */
  properties[PROP_PROJECTOR] =
    g_param_spec_object ("projector", NULL, NULL, VG_TYPE_PROJECTOR, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Why something could not be recorded or read, for the operator's banner. */
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vg_situation_init (VgSituation *self)
{
  self->log = g_list_store_new (VG_TYPE_LOG_ENTRY);
  self->feed_kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->feed_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Rebuilding the picture: the feeds declared and the payloads they sent, parsed again in
 * journal order by the same parsers, so a reopened situation shows what was shown. */
static gboolean
collect_entry_cb (VgJournalEntry *entry,
                  gpointer        user_data)
{
  g_ptr_array_add (user_data, vg_journal_entry_ref (entry));
  return TRUE;
}

/* The incident an operator typed in, read back from its journal entry; NULL if the entry is
 * not one (an incident from a feed is rebuilt from its raw payload instead). */
static VgIncident *
operator_incident_from_entry (VgJournalEntry *entry)
{
  g_autofree char *id = vg_journal_entry_dup_string (entry, "incident");
  g_autofree char *kind_id = vg_journal_entry_dup_string (entry, "kind");
  g_autofree char *severity_id = vg_journal_entry_dup_string (entry, "severity");
  g_autofree char *title = vg_journal_entry_dup_string (entry, "title");
  g_autofree char *description = vg_journal_entry_dup_string (entry, "description");
  g_autoptr(VgShapeSet) geometry = vg_shape_set_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(VgFeedOrigin) origin = NULL;
  g_autofree char *position = NULL;
  VgIncidentFields fields = { 0 };
  double lat, lon;

  if (vg_journal_entry_get_kind (entry) != VG_JOURNAL_KIND_INCIDENT ||
      g_strcmp0 (vg_journal_entry_get_source (entry), VG_SITUATION_OPERATOR_SOURCE) != 0 ||
      id == NULL || !vg_journal_entry_get_double (entry, "lat", &lat) ||
      !vg_journal_entry_get_double (entry, "lon", &lon))
    return NULL;
  if (!vg_incident_kind_from_id (kind_id, &fields.kind))
    fields.kind = VG_INCIDENT_OTHER;
  if (!vg_severity_from_id (severity_id, &fields.severity))
    fields.severity = VG_SEVERITY_UNKNOWN;
  fields.title = title;
  fields.description = description;
  fields.authority = vg_journal_entry_get_author (entry);
  fields.status = VG_INCIDENT_STATUS_ACTIVE;
  fields.start = fields.version_time = vg_journal_entry_get_time (entry);
  vg_shape_set_begin_shape (geometry, VG_SHAPE_POINT);
  vg_shape_set_begin_part (geometry, TRUE);
  vg_shape_set_add_point (geometry, lon, lat);
  vg_shape_set_end_shape (geometry);
  fields.geometry = geometry;
  /* Its provenance is the entry itself: the operator, not a feed payload. */
  bytes = g_bytes_new (vg_journal_entry_get_payload_text (entry), strlen (vg_journal_entry_get_payload_text (entry)));
  origin = vg_feed_origin_new (VG_SITUATION_OPERATOR_SOURCE, VG_FEED_KIND_GEOJSON, vg_journal_entry_get_time (entry), bytes);
  position = g_strdup_printf ("entry %" G_GUINT64_FORMAT, vg_journal_entry_get_seq (entry));
  return vg_incident_new (origin, id, position, &fields);
}

static gboolean
rebuild_one (VgSituation    *self,
             VgJournalEntry *entry)
{
  g_autofree char *feed = vg_journal_entry_dup_string (entry, "feed");
  g_autofree char *event = NULL;
  g_autoptr(VgIncident) incident = operator_incident_from_entry (entry);

  if (incident != NULL)
    {
      vg_picture_add_incident (self->picture, incident);
      self->last_incident_seq = MAX (self->last_incident_seq, vg_journal_entry_get_seq (entry));
      return TRUE;
    }
  if (feed == NULL)
    return TRUE;
  if (vg_journal_entry_get_kind (entry) == VG_JOURNAL_KIND_FEED_HEALTH)
    {
      g_autofree char *kind_id = vg_journal_entry_dup_string (entry, "kind");
      g_autofree char *message = vg_journal_entry_dup_string (entry, "error");
      VgFeedKind kind;

      event = vg_journal_entry_dup_string (entry, "event");
      if (g_strcmp0 (event, "declared") == 0 && vg_feed_kind_from_id (kind_id, &kind))
        {
          g_hash_table_insert (self->feed_kinds, g_strdup (feed), GUINT_TO_POINTER (kind + 1));
          g_hash_table_insert (self->feed_labels, g_strdup (feed), vg_journal_entry_dup_string (entry, "label"));
          vg_picture_ensure_feed (self->picture, feed, 0);
        }
      else if (g_strcmp0 (event, "failing") == 0)
        {
          g_autoptr(GError) failure = g_error_new_literal (VG_FEED_ERROR, VG_FEED_ERROR_UNREACHABLE,
                                                           message ? message : "");

          vg_picture_feed_failed (self->picture, feed, failure, vg_journal_entry_get_time (entry));
        }
    }
  else if (vg_journal_entry_get_kind (entry) == VG_JOURNAL_KIND_RAW_FEED_PAYLOAD)
    {
      g_autofree char *sha = vg_journal_entry_dup_string (entry, "sha256");
      gpointer kind = g_hash_table_lookup (self->feed_kinds, feed);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GDateTime) received = vg_time_new_from_usec (vg_journal_entry_get_time (entry));
      g_autoptr(VgFeedBatch) batch = NULL;

      if (kind == NULL || sha == NULL || (bytes = vg_journal_dup_raw_payload (self->journal, sha, NULL)) == NULL)
        return TRUE;
      batch = vg_feed_parse (GPOINTER_TO_UINT (kind) - 1, feed, received, bytes, NULL);
      if (batch != NULL)
        {
          vg_picture_apply_batch (self->picture, batch);
          vg_picture_feed_succeeded (self->picture, feed, vg_journal_entry_get_time (entry));
        }
    }
  return TRUE;
}

/* Incidents typed in since the last look, by this process or another (`vigie-cli incident add`
 * during a drill), read back from the journal: the picture holds exactly what a reopened
 * journal rebuilds. */
static gboolean
pick_up_operator_incidents (VgSituation  *self,
                            GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_journal_entry_unref);
  VgJournalFilter filter;

  vg_journal_filter_init (&filter);
  filter.kinds = VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_INCIDENT);
  filter.source = VG_SITUATION_OPERATOR_SOURCE;
  filter.after_seq = self->last_incident_seq;
  if (!vg_journal_foreach (self->journal, &filter, collect_entry_cb, entries, error))
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    rebuild_one (self, g_ptr_array_index (entries, i));
  return TRUE;
}

static gboolean
check_writable (VgSituation  *self,
                GError      **error)
{
  if (!vg_journal_is_read_only (self->journal))
    return TRUE;
  g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_WRITE,
               _("The situation journal %s is open read-only: nothing can be recorded"),
               vg_journal_get_path (self->journal));
  return FALSE;
}

VgSituation *
vg_situation_open_or_create (const char  *path,
                             VgClock     *clock,
                             const char  *name,
                             gboolean     exercise,
                             GError     **error)
{
  g_autoptr(VgSituation) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (VG_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (VG_TYPE_SITUATION, NULL);
  self->clock = g_object_ref (clock);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    self->journal = vg_journal_create (path, clock, name, exercise, error);
  else
    {
      self->journal = vg_journal_open (path, clock, 0, &local_error);
      if (self->journal == NULL && g_error_matches (local_error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_BROKEN_CHAIN))
        {
          /* A journal that does not verify is evidence: shown read-only, never written to. */
          self->problem = g_strdup_printf (_("The situation journal %s does not verify (%s). It is "
                                             "shown read-only; nothing can be recorded in it."),
                                           path, local_error->message);
          g_clear_error (&local_error);
          self->journal = vg_journal_open (path, NULL, VG_JOURNAL_OPEN_READ_ONLY, &local_error);
        }
      if (self->journal == NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  if (self->journal == NULL)
    return NULL;

  {
    g_autofree char *catalog_path = vg_data_dir_find ("gauges.json", NULL);
    g_autoptr(GListStore) catalog = catalog_path ? vg_gauge_load_catalog (catalog_path, NULL) : NULL;
    g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_journal_entry_unref);
    VgJournalFilter filter;

    self->picture = vg_picture_new (clock, catalog ? G_LIST_MODEL (catalog) : NULL);
    vg_journal_filter_init (&filter);
    filter.kinds = VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_FEED_HEALTH) |
                   VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_RAW_FEED_PAYLOAD);
    /* Collected first: reading a raw payload is a journal read, not allowed inside foreach. */
    vg_journal_foreach (self->journal, &filter, collect_entry_cb, entries, NULL);
    for (guint i = 0; i < entries->len; i++)
      rebuild_one (self, g_ptr_array_index (entries, i));
    /* Feed incidents come back with their payloads; those typed in, from their own entries. */
    pick_up_operator_incidents (self, NULL);
    vg_picture_refresh (self->picture);
  }
  if ((self->proposals = vg_proposal_queue_new (self->journal, clock, error)) == NULL)
    return NULL;
  vg_situation_refresh (self);
  return g_steal_pointer (&self);
}

VgJournal *
vg_situation_get_journal (VgSituation *self)
{
  g_return_val_if_fail (VG_IS_SITUATION (self), NULL);

  return self->journal;
}

VgClock *
vg_situation_get_clock (VgSituation *self)
{
  g_return_val_if_fail (VG_IS_SITUATION (self), NULL);

  return self->clock;
}

const char *
vg_situation_get_name (VgSituation *self)
{
  g_return_val_if_fail (VG_IS_SITUATION (self), NULL);

  return vg_journal_get_situation (self->journal);
}

gboolean
vg_situation_is_exercise (VgSituation *self)
{
  g_return_val_if_fail (VG_IS_SITUATION (self), FALSE);

  return vg_journal_is_exercise (self->journal);
}

gboolean
vg_situation_is_read_only (VgSituation *self)
{
  g_return_val_if_fail (VG_IS_SITUATION (self), TRUE);

  return vg_journal_is_read_only (self->journal);
}

void
vg_situation_report_problem (VgSituation *self,
                             const char  *message)
{
  g_return_if_fail (VG_IS_SITUATION (self));
  g_return_if_fail (message != NULL);

  if (g_strcmp0 (self->problem, message) == 0)
    return;
  g_free (self->problem);
  self->problem = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

const char *
vg_situation_get_problem (VgSituation *self)
{
  g_return_val_if_fail (VG_IS_SITUATION (self), NULL);

  return self->problem;
}

GListModel *
vg_situation_get_log (VgSituation *self)
{
  g_return_val_if_fail (VG_IS_SITUATION (self), NULL);

  return G_LIST_MODEL (self->log);
}

static gboolean
collect_note_cb (VgJournalEntry *entry,
                 gpointer        user_data)
{
  GPtrArray *items = user_data;

  g_ptr_array_add (items, vg_log_entry_new (entry));
  return TRUE;
}

void
vg_situation_refresh (VgSituation *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  VgJournalFilter filter;

  g_return_if_fail (VG_IS_SITUATION (self));

  /* Entries another process appended are in the file before they are in our state, so the
   * file is asked: one indexed range scan from the last note seen. */
  vg_journal_filter_init (&filter);
  filter.kinds = VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_OPERATOR_NOTE) | VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_DECISION);
  filter.after_seq = self->last_seen_seq;
  if (!vg_journal_foreach (self->journal, &filter, collect_note_cb, items, &error))
    {
      vg_situation_report_problem (self, error->message);
      return;
    }
  if (!pick_up_operator_incidents (self, &error))
    {
      vg_situation_report_problem (self, error->message);
      return;
    }
  if (items->len > 0)
    {
      self->last_seen_seq = vg_log_entry_get_seq (g_ptr_array_index (items, items->len - 1));
      g_list_store_splice (self->log, g_list_model_get_n_items (G_LIST_MODEL (self->log)), 0,
                           items->pdata, items->len);
    }
  if (self->proposals != NULL &&
      (!vg_proposal_queue_refresh (self->proposals, &error) ||
       (!vg_situation_is_read_only (self) && !vg_proposal_queue_expire (self->proposals, NULL, &error))))
    {
      vg_situation_report_problem (self, error->message);
    }
}

gboolean
vg_situation_add_note (VgSituation        *self,
                       const char         *operator_name,
                       const char         *text,
                       const char * const *feature_ids,
                       guint64            *seq,
                       GError            **error)
{
  g_return_val_if_fail (VG_IS_SITUATION (self), FALSE);

  if (!check_writable (self, error))
    return FALSE;
  if (!vg_journal_add_note (self->journal, operator_name, text, feature_ids, seq, error))
    return FALSE;
  vg_situation_refresh (self);
  return TRUE;
}

gboolean
vg_situation_journal_incident (VgJournal                *journal,
                               const char               *operator_name,
                               const VgOperatorIncident *incident,
                               char                    **id,
                               guint64                  *seq,
                               GError                  **error)
{
  g_autoptr(JsonNode) payload = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autofree char *title = NULL;
  g_autofree char *new_id = NULL;
  g_autofree char *uuid = NULL;
  guint64 new_seq = 0;

  g_return_val_if_fail (VG_IS_JOURNAL (journal), FALSE);
  g_return_val_if_fail (operator_name != NULL && incident != NULL, FALSE);
  g_return_val_if_fail (incident->kind < VG_N_INCIDENT_KINDS, FALSE);

  title = g_strstrip (g_strdup (incident->title ? incident->title : ""));
  if (*title == '\0')
    {
      g_set_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID,
                   _("An incident recorded by “%s” needs a title"), operator_name);
      return FALSE;
    }
  if (!(incident->latitude >= -90 && incident->latitude <= 90 && incident->longitude >= -180 &&
        incident->longitude <= 180))
    {
      g_set_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID,
                   _("Incident “%s”: position %g, %g is not a latitude and longitude"), title,
                   incident->latitude, incident->longitude);
      return FALSE;
    }
  /* Unique across processes appending to the same journal (a drill's command line and the UI):
   * the seq it will get is known only once the file is locked. */
  uuid = g_uuid_string_random ();
  new_id = g_strconcat ("operator-", uuid, NULL);
  json_object_set_string_member (object, "incident", new_id);
  json_object_set_string_member (object, "kind", vg_incident_kind_to_id (incident->kind));
  json_object_set_string_member (object, "severity", vg_severity_to_id (incident->severity));
  json_object_set_string_member (object, "status", "active");
  json_object_set_string_member (object, "title", title);
  if (incident->description != NULL && *incident->description != '\0')
    json_object_set_string_member (object, "description", incident->description);
  json_object_set_double_member (object, "lat", incident->latitude);
  json_object_set_double_member (object, "lon", incident->longitude);
  json_node_set_object (payload, object);
  if (!vg_journal_append (journal, VG_JOURNAL_KIND_INCIDENT, VG_SITUATION_OPERATOR_SOURCE, operator_name,
                          payload, &new_seq, error))
    return FALSE;
  if (id != NULL)
    *id = g_steal_pointer (&new_id);
  if (seq != NULL)
    *seq = new_seq;
  return TRUE;
}

gboolean
vg_situation_add_incident (VgSituation              *self,
                           const char               *operator_name,
                           const VgOperatorIncident *incident,
                           char                    **id,
                           guint64                  *seq,
                           GError                  **error)
{
  g_return_val_if_fail (VG_IS_SITUATION (self), FALSE);

  if (!check_writable (self, error))
    return FALSE;
  if (!vg_situation_journal_incident (self->journal, operator_name, incident, id, seq, error))
    return FALSE;
  pick_up_operator_incidents (self, NULL);
  return TRUE;
}

VgPicture *
vg_situation_get_picture (VgSituation *self)
{
  g_return_val_if_fail (VG_IS_SITUATION (self), NULL);

  return self->picture;
}

static JsonNode *
feed_event (const char *feed_id,
            const char *event)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "feed", feed_id);
  json_object_set_string_member (object, "event", event);
  json_node_take_object (node, object);
  return node;
}

gboolean
vg_situation_declare_feed (VgSituation  *self,
                           const char   *feed_id,
                           VgFeedKind    kind,
                           const char   *label,
                           GError      **error)
{
  g_autoptr(JsonNode) payload = NULL;
  gpointer known;

  g_return_val_if_fail (VG_IS_SITUATION (self), FALSE);
  g_return_val_if_fail (feed_id != NULL, FALSE);

  known = g_hash_table_lookup (self->feed_kinds, feed_id);
  if (known != NULL && GPOINTER_TO_UINT (known) - 1 == kind)
    return TRUE;
  if (!check_writable (self, error))
    return FALSE;

  payload = feed_event (feed_id, "declared");
  json_object_set_string_member (json_node_get_object (payload), "kind", vg_feed_kind_to_id (kind));
  if (label != NULL)
    json_object_set_string_member (json_node_get_object (payload), "label", label);
  if (!vg_journal_append (self->journal, VG_JOURNAL_KIND_FEED_HEALTH, feed_id, feed_id, payload, NULL, error))
    return FALSE;
  g_hash_table_insert (self->feed_kinds, g_strdup (feed_id), GUINT_TO_POINTER (kind + 1));
  g_hash_table_insert (self->feed_labels, g_strdup (feed_id), g_strdup (label));
  vg_picture_ensure_feed (self->picture, feed_id, 0);
  return TRUE;
}

/* The JSON a record's to_json builds, with the feed and raw payload it came from. */
static JsonNode *
record_payload (void      (*to_json) (gpointer, JsonBuilder *),
                gpointer    record,
                const char *feed_id,
                const char *raw_sha256)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonNode *node;

  to_json (record, builder);
  node = json_builder_get_root (builder);
  json_object_set_string_member (json_node_get_object (node), "feed", feed_id);
  json_object_set_string_member (json_node_get_object (node), "raw", raw_sha256);
  return node;
}

static gboolean
queue_records (VgJournalBatch  *journal_batch,
               VgFeedBatch     *batch,
               const char      *feed_id,
               GError         **error)
{
  const char *sha = vg_feed_origin_get_sha256 (vg_feed_batch_get_origin (batch));
  GPtrArray *records;

  records = vg_feed_batch_get_observations (batch);
  for (guint i = 0; i < records->len; i++)
    {
      VgObservation *o = g_ptr_array_index (records, i);
      g_autoptr(JsonNode) payload = record_payload ((gpointer) vg_observation_to_json, o, feed_id, sha);

      /* The journal's derived state keys readings by "sensor". */
      json_object_set_string_member (json_node_get_object (payload), "sensor", vg_observation_get_station_id (o));
      if (!vg_journal_batch_add (journal_batch, VG_JOURNAL_KIND_OBSERVATION, feed_id, feed_id, payload, error))
        return FALSE;
    }
  records = vg_feed_batch_get_warnings (batch);
  for (guint i = 0; i < records->len; i++)
    {
      g_autoptr(JsonNode) payload = record_payload ((gpointer) vg_warning_to_json, g_ptr_array_index (records, i), feed_id, sha);

      if (!vg_journal_batch_add (journal_batch, VG_JOURNAL_KIND_WARNING, feed_id, feed_id, payload, error))
        return FALSE;
    }
  records = vg_feed_batch_get_incidents (batch);
  for (guint i = 0; i < records->len; i++)
    {
      g_autoptr(JsonNode) payload = record_payload ((gpointer) vg_incident_to_json, g_ptr_array_index (records, i), feed_id, sha);

      if (!vg_journal_batch_add (journal_batch, VG_JOURNAL_KIND_INCIDENT, feed_id, feed_id, payload, error))
        return FALSE;
    }
  records = vg_feed_batch_get_forecasts (batch);
  for (guint i = 0; i < records->len; i++)
    {
      VgForecast *f = g_ptr_array_index (records, i);
      g_autoptr(JsonNode) payload = feed_event (feed_id, "forecast");
      JsonObject *o = json_node_get_object (payload);
      g_autoptr(GDateTime) run = vg_forecast_get_model_run (f) != VG_FEED_TIME_UNKNOWN
                                 ? vg_time_new_from_usec (vg_forecast_get_model_run (f)) : NULL;
      g_autofree char *run_text = run ? g_date_time_format_iso8601 (run) : NULL;

      /* The series themselves stay in the raw payload; the entry says what arrived. */
      json_object_remove_member (o, "event");
      json_object_set_string_member (o, "type", "forecast");
      json_object_set_string_member (o, "raw", sha);
      json_object_set_int_member (o, "steps", vg_forecast_get_n_steps (f));
      if (run_text != NULL)
        json_object_set_string_member (o, "model_run", run_text);
      if (!vg_journal_batch_add (journal_batch, VG_JOURNAL_KIND_OBSERVATION, feed_id, feed_id, payload, error))
        return FALSE;
    }
  records = vg_feed_batch_get_refusals (batch);
  for (guint i = 0; i < records->len; i++)
    {
      VgFeedRefusal *r = g_ptr_array_index (records, i);
      g_autoptr(JsonNode) payload = feed_event (feed_id, vg_feed_refusal_action_to_id (vg_feed_refusal_get_action (r)));
      JsonObject *o = json_node_get_object (payload);

      /* A refused or stripped record is said in the journal, with why and where. */
      json_object_set_string_member (o, "raw", sha);
      json_object_set_string_member (o, "reason", vg_feed_refusal_get_error (r)->message);
      if (vg_feed_refusal_get_position (r) != NULL)
        json_object_set_string_member (o, "position", vg_feed_refusal_get_position (r));
      if (vg_feed_refusal_get_field (r) != NULL)
        json_object_set_string_member (o, "field", vg_feed_refusal_get_field (r));
      if (!vg_journal_batch_add (journal_batch, VG_JOURNAL_KIND_FEED_HEALTH, feed_id, feed_id, payload, error))
        return FALSE;
    }
  return TRUE;
}

static void
projector_changed_cb (VgSituation *self)
{
  self->facts_changed = TRUE;
}

/* The projections and the road closures in force as facts, run through the playbooks: new
 * proposals and versions journalled. Flood and traffic are always covered (no outlook, no
 * closure: nothing to act on); heat once there is a forecast. */
static gboolean
evaluate_proposals (VgSituation  *self,
                    GError      **error)
{
  VgHazardModels *models;
  VgHeatOutlook *heat;
  GListModel *flood;
  g_autoptr(VgFactSet) facts = NULL;

  if (!self->facts_changed || self->projector == NULL || vg_situation_is_read_only (self))
    return TRUE;
  self->facts_changed = FALSE;
  models = vg_projector_get_models (self->projector);
  heat = vg_projector_get_heat (self->projector);
  flood = vg_projector_get_flood (self->projector);
  facts = vg_fact_set_new (vg_clock_get_now_usec (self->clock),
                           VG_HAZARD_MASK (VG_HAZARD_FLOOD) | VG_HAZARD_MASK (VG_HAZARD_TRAFFIC) |
                           (heat != NULL ? VG_HAZARD_MASK (VG_HAZARD_HEAT) : 0));
  /* Road closures in force, from the traffic feeds. */
  if (!vg_fact_set_add_traffic_closures (facts, vg_picture_get_incidents (self->picture), NULL, error))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (flood); i++)
    {
      g_autoptr(VgFloodOutlook) outlook = g_list_model_get_item (flood, i);

      if (!vg_fact_set_add_flood_outlook (facts, outlook, models, "river-gauges", error))
        return FALSE;
    }
  /* The heat facts bring the shelters as resources; without them, flood brings its own. */
  if (heat != NULL)
    {
      if (!vg_fact_set_add_heat_risk (facts, vg_heat_outlook_get_risk (heat), vg_hazard_models_get_sites (models),
                                      VG_HEAT_EXPOSURE_MIN_LEVEL, 0, error))
        return FALSE;
    }
  else
    vg_fact_set_add_shelters (facts, models);
  return vg_proposal_queue_evaluate (self->proposals, vg_hazard_models_get_playbooks (models), facts, NULL, error);
}

/* Journals @payload's bytes, or, when @batch refused records by policy or stripped embedded
 * media, a copy without them (or no bytes at all when no safe copy can be made): what Vigie
 * refuses to process it does not store either. The entry says what was withheld and why. */
static gboolean
add_raw_payload (VgJournalBatch  *journal_batch,
                 VgFeedKind       kind,
                 const char      *feed_id,
                 const char      *url,
                 const char      *content_type,
                 GDateTime       *fetched,
                 GBytes          *payload,
                 VgFeedBatch     *batch,
                 GError         **error)
{
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GError) sanitize_error = NULL;
  g_autoptr(JsonNode) withheld = NULL;

  if (batch == NULL || !vg_feed_batch_withholds (batch))
    return vg_journal_batch_add_raw_payload (journal_batch, feed_id, url, content_type, fetched, payload, error);
  withheld = vg_feed_batch_withheld_to_json (batch);
  kept = vg_feed_sanitize (kind, feed_id, fetched, payload, batch, &sanitize_error);
  return vg_journal_batch_add_withheld_payload (journal_batch, feed_id, url, content_type, fetched, payload, kept,
                                                withheld,
                                                kept != NULL ? NULL
                                                : sanitize_error != NULL ? sanitize_error->message
                                                : "no safe copy of the payload can be kept", error);
}

gboolean
vg_situation_ingest_payload (VgSituation  *self,
                             const char   *feed_id,
                             const char   *url,
                             const char   *content_type,
                             gint64        fetched_usec,
                             GBytes       *payload,
                             VgFeedBatch **out_batch,
                             GError      **error)
{
  g_autoptr(VgJournalBatch) journal_batch = NULL;
  g_autoptr(VgFeedBatch) batch = NULL;
  g_autoptr(GDateTime) fetched = NULL;
  g_autoptr(GError) parse_error = NULL;
  gpointer kind;

  g_return_val_if_fail (VG_IS_SITUATION (self), FALSE);
  g_return_val_if_fail (feed_id != NULL && url != NULL && content_type != NULL, FALSE);
  g_return_val_if_fail (payload != NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;
  kind = g_hash_table_lookup (self->feed_kinds, feed_id);
  if (kind == NULL)
    {
      g_set_error (error, VG_FEED_ERROR, VG_FEED_ERROR_UNSUPPORTED,
                   _("Feed “%s” was not declared: its payloads cannot be parsed"), feed_id);
      return FALSE;
    }

  fetched = vg_time_new_from_usec (fetched_usec);
  batch = vg_feed_parse (GPOINTER_TO_UINT (kind) - 1, feed_id, fetched, payload, &parse_error);

  journal_batch = vg_journal_batch_new ();
  if (!add_raw_payload (journal_batch, GPOINTER_TO_UINT (kind) - 1, feed_id, url, content_type, fetched,
                        payload, batch, error))
    return FALSE;
  if (batch != NULL)
    {
      if (!queue_records (journal_batch, batch, feed_id, error))
        return FALSE;
    }
  else
    {
      g_autoptr(JsonNode) event = feed_event (feed_id, "failing");

      json_object_set_string_member (json_node_get_object (event), "error", parse_error->message);
      if (!vg_journal_batch_add (journal_batch, VG_JOURNAL_KIND_FEED_HEALTH, feed_id, feed_id, event, error))
        return FALSE;
    }
  if (!vg_journal_commit_batch (self->journal, journal_batch, NULL, error))
    return FALSE;

  if (batch == NULL)
    {
      vg_picture_feed_failed (self->picture, feed_id, parse_error, fetched_usec);
      g_propagate_error (error, g_steal_pointer (&parse_error));
      return FALSE;
    }
  vg_picture_apply_batch (self->picture, batch);
  vg_picture_feed_succeeded (self->picture, feed_id, fetched_usec);
  /* Incidents are facts too (road closures). */
  if (vg_feed_batch_get_incidents (batch)->len > 0)
    self->facts_changed = TRUE;
  if (out_batch != NULL)
    *out_batch = g_steal_pointer (&batch);
  if (self->projector != NULL)
    {
      g_autoptr(GError) projection_error = NULL;

      /* The payload is safe; a projection that cannot be journalled is reported, not undone. */
      if (!vg_projector_update (self->projector, self->picture, &projection_error) ||
          !evaluate_proposals (self, &projection_error))
        {
          g_autofree char *problem = g_strdup_printf (_("Projections could not be recorded: %s"),
                                                      projection_error->message);

          vg_situation_report_problem (self, problem);
        }
    }
  return TRUE;
}

gboolean
vg_situation_set_hazard_models (VgSituation    *self,
                                VgHazardModels *models,
                                GError        **error)
{
  g_autoptr(VgProjector) projector = NULL;
  gboolean ok;

  g_return_val_if_fail (VG_IS_SITUATION (self), FALSE);
  g_return_val_if_fail (VG_IS_HAZARD_MODELS (models), FALSE);
  g_return_val_if_fail (self->projector == NULL, FALSE);

  projector = vg_projector_new (models, self->journal, !vg_situation_is_read_only (self), error);
  if (projector == NULL)
    return FALSE;
  self->projector = g_steal_pointer (&projector);
  g_signal_connect_swapped (self->projector, "changed", G_CALLBACK (projector_changed_cb), self);
  ok = vg_projector_update (self->projector, self->picture, error) && evaluate_proposals (self, error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECTOR]);
  return ok;
}

VgProposalQueue *
vg_situation_get_proposals (VgSituation *self)
{
  g_return_val_if_fail (VG_IS_SITUATION (self), NULL);

  return self->proposals;
}

VgProjector *
vg_situation_get_projector (VgSituation *self)
{
  g_return_val_if_fail (VG_IS_SITUATION (self), NULL);

  return self->projector;
}

const char *
vg_situation_get_feed_label (VgSituation *self,
                             const char  *feed_id)
{
  const char *label;

  g_return_val_if_fail (VG_IS_SITUATION (self), NULL);
  g_return_val_if_fail (feed_id != NULL, NULL);

  label = g_hash_table_lookup (self->feed_labels, feed_id);
  return label ? label : feed_id;
}

gboolean
vg_situation_feed_failed (VgSituation  *self,
                          const char   *feed_id,
                          const GError *failure,
                          GError      **error)
{
  g_autoptr(JsonNode) event = NULL;

  g_return_val_if_fail (VG_IS_SITUATION (self), FALSE);
  g_return_val_if_fail (feed_id != NULL && failure != NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;
  event = feed_event (feed_id, "failing");
  json_object_set_string_member (json_node_get_object (event), "error", failure->message);
  /* The operator sees the failure even when the journal cannot record it (a full disk is
   * precisely when feeds fail for want of a journal). */
  vg_picture_feed_failed (self->picture, feed_id, failure, vg_clock_get_now_usec (self->clock));
  return vg_journal_append (self->journal, VG_JOURNAL_KIND_FEED_HEALTH, feed_id, feed_id, event, NULL, error);
}

gboolean
vg_situation_get_feed_kind (VgSituation *self,
                            const char  *feed_id,
                            VgFeedKind  *kind)
{
  gpointer known;

  g_return_val_if_fail (VG_IS_SITUATION (self), FALSE);
  g_return_val_if_fail (feed_id != NULL, FALSE);

  known = g_hash_table_lookup (self->feed_kinds, feed_id);
  if (known == NULL)
    return FALSE;
  if (kind != NULL)
    *kind = GPOINTER_TO_UINT (known) - 1;
  return TRUE;
}
