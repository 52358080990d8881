/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-projector"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "vg-crs-transform.h"
#include "vg-feed-origin.h"
#include "vg-flood-kind.h"
#include "vg-geos-context.h"
#include "vg-heat-report.h"
#include "vg-journal-batch.h"
#include "vg-projector.h"
#include "vg-shape-geojson.h"

#define SOURCE_FLOOD "vigie:flood"
#define SOURCE_HEAT  "vigie:heat"
#define AUTHOR       "vigie"
/* An outlook whose next crossing moves by less than this is not journalled again. */
#define NEXT_TIME_SLACK_US (G_GINT64_CONSTANT (30) * 60 * G_USEC_PER_SEC)
/* A threshold episode ends when the stage falls below this fraction of the threshold. */
#define EPISODE_RESET_FRACTION 0.5
/* Envelope outlines in the journal are simplified to this (metres): enough for a map. */
#define GEOMETRY_TOLERANCE_M 5.0

static const char * const gauge_level_ids[] = { "yellow", "orange", "red" };

/* Keys and states of the projections journalled so far: shared with the journal's reducer,
 * which fills it from the appending thread. */
typedef struct
{
  GMutex      lock;
  GHashTable *states;   /* key → state */
} Journalled;

static void
journalled_clear (Journalled *j)
{
  g_mutex_clear (&j->lock);
  g_hash_table_unref (j->states);
}

static void
journalled_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, (GDestroyNotify) journalled_clear);
}

static void
journalled_reduce (VgJournalEntry *entry,
                   gpointer        user_data)
{
  Journalled *j = user_data;
  g_autofree char *key = vg_journal_entry_dup_string (entry, "key");
  g_autofree char *state = vg_journal_entry_dup_string (entry, "state");

  if (key == NULL || state == NULL)
    return;
  g_mutex_lock (&j->lock);
  g_hash_table_insert (j->states, g_steal_pointer (&key), g_steal_pointer (&state));
  g_mutex_unlock (&j->lock);
}

/* The state journalled under @key, or NULL; full ownership. */
static char *
journalled_dup (Journalled *j,
                const char *key)
{
  char *state;

  g_mutex_lock (&j->lock);
  state = g_strdup (g_hash_table_lookup (j->states, key));
  g_mutex_unlock (&j->lock);
  return state;
}

struct _VgProjector
{
  GObject         parent_instance;

  VgHazardModels *models;
  VgJournal      *journal;
  gboolean        record;
  Journalled     *journalled;
  VgGeosContext  *geos;
  VgCrsTransform *to_wgs84;

  GListStore     *flood;          /* VgFloodOutlook, library gauge order */
  GHashTable     *flood_inputs;   /* library gauge → "river gauge|last time|count" projected */
  GHashTable     *outlines;       /* VgFloodEnvelope → its simplified WGS84 outline (sealed JsonNode) */
  VgHeatOutlook  *heat;
  VgForecast     *heat_forecast;  /* the forecast last projected (or failed) */
  char           *problem;
};

G_DEFINE_FINAL_TYPE (VgProjector, vg_projector, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
vg_projector_finalize (GObject *object)
{
  VgProjector *self = VG_PROJECTOR (object);

  g_clear_object (&self->models);
  g_clear_object (&self->journal);
  g_clear_pointer (&self->journalled, journalled_unref);
  g_clear_object (&self->geos);
  g_clear_object (&self->to_wgs84);
  g_clear_object (&self->flood);
  g_clear_pointer (&self->flood_inputs, g_hash_table_unref);
  g_clear_pointer (&self->outlines, g_hash_table_unref);
  g_clear_object (&self->heat);
  g_clear_object (&self->heat_forecast);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (vg_projector_parent_class)->finalize (object);
}

static void
vg_projector_class_init (VgProjectorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_projector_finalize;

  /* An outlook changed: the flood list, the heat outlook or the problem. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
vg_projector_init (VgProjector *self)
{
  self->flood = g_list_store_new (VG_TYPE_FLOOD_OUTLOOK);
  self->flood_inputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->outlines = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) json_node_unref);
}

VgProjector *
vg_projector_new (VgHazardModels *models,
                  VgJournal      *journal,
                  gboolean        record,
                  GError        **error)
{
  g_autoptr(VgProjector) self = NULL;
  Journalled *j;

  g_return_val_if_fail (VG_IS_HAZARD_MODELS (models), NULL);
  g_return_val_if_fail (VG_IS_JOURNAL (journal), NULL);

  self = g_object_new (VG_TYPE_PROJECTOR, NULL);
  self->models = g_object_ref (models);
  self->journal = g_object_ref (journal);
  self->record = record;
  self->geos = vg_geos_context_new ();
  if ((self->to_wgs84 = vg_crs_transform_new ("EPSG:2154", "EPSG:4326", error)) == NULL)
    return NULL;
  j = g_atomic_rc_box_new0 (Journalled);
  g_mutex_init (&j->lock);
  j->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->journalled = j;
  if (!vg_journal_add_reducer (journal, VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_PROJECTION), journalled_reduce,
                               g_atomic_rc_box_acquire (j), journalled_unref, error))
    return NULL;
  return g_steal_pointer (&self);
}

VgHazardModels *
vg_projector_get_models (VgProjector *self)
{
  g_return_val_if_fail (VG_IS_PROJECTOR (self), NULL);

  return self->models;
}

static char *
iso_time (gint64 usec)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return g_date_time_format (t, "%Y-%m-%dT%H:%M:%SZ");
}

static void
add_time_member (JsonBuilder *b,
                 const char  *name,
                 gint64       usec)
{
  g_autofree char *text = usec >= 0 ? iso_time (usec) : NULL;

  json_builder_set_member_name (b, name);
  if (text != NULL)
    json_builder_add_string_value (b, text);
  else
    json_builder_add_null_value (b);
}

static void
begin_entry (JsonBuilder *b,
             const char  *type,
             const char  *hazard,
             const char  *key,
             const char  *state)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, type);
  json_builder_set_member_name (b, "hazard");
  json_builder_add_string_value (b, hazard);
  json_builder_set_member_name (b, "key");
  json_builder_add_string_value (b, key);
  json_builder_set_member_name (b, "state");
  json_builder_add_string_value (b, state);
}

/* Queues the entry @b holds (an open object) unless @key is already journalled as @state. */
static gboolean
queue_entry (VgProjector    *self,
             VgJournalBatch *batch,
             const char     *source,
             JsonBuilder    *b,
             GError        **error)
{
  g_autoptr(JsonNode) payload = NULL;

  json_builder_end_object (b);
  payload = json_builder_get_root (b);
  return vg_journal_batch_add (batch, VG_JOURNAL_KIND_PROJECTION, source, AUTHOR, payload, error);
}

static gboolean
is_journalled (VgProjector *self,
               const char  *key,
               const char  *state)
{
  g_autofree char *current = journalled_dup (self->journalled, key);

  return g_strcmp0 (current, state) == 0;
}

/* ---- flood ---- */

/* The river gauge of @picture feeding library gauge @gauge: of those that resolve to it, the
 * one with the latest stage reading. */
static VgGauge *
find_river_gauge (VgProjector *self,
                  VgPicture   *picture,
                  const char  *gauge)
{
  GListModel *gauges = vg_picture_get_gauges (picture);
  VgGauge *best = NULL;
  gint64 best_time = G_MININT64;

  for (guint i = 0; i < g_list_model_get_n_items (gauges); i++)
    {
      g_autoptr(VgGauge) g = g_list_model_get_item (gauges, i);
      VgGaugeSample latest;

      if (g_strcmp0 (vg_hazard_models_resolve_gauge (self->models, vg_gauge_get_code (g)), gauge) != 0 ||
          !vg_gauge_get_latest (g, FALSE, &latest) || latest.time <= best_time)
        continue;
      best = g;
      best_time = latest.time;
    }
  return best;
}

static VgFloodOutlook *
project_gauge (VgProjector *self,
               const char  *gauge,
               VgGauge     *river,
               GError     **error)
{
  VgFloodLibrary *library = vg_hazard_models_get_flood_library (self->models);
  VgFloodExposureIndex *index = vg_hazard_models_get_flood_index (self->models);
  g_autoptr(VgFloodSeries) series = vg_flood_series_new ();
  g_autoptr(VgFloodProjection) projection = NULL;
  const VgGaugeSample *readings;
  const VgFloodTotals *totals = NULL;
  guint n, first, n_envelopes;
  int envelope = -1;
  gboolean beyond = FALSE;
  double stage;

  readings = vg_gauge_get_readings (river, FALSE, &n);
  for (guint i = 0; i < n; i++)
    vg_flood_series_append (series, readings[i].time, readings[i].value, NAN, NAN);
  if ((projection = vg_flood_projection_new (library, gauge, series, NULL, NULL, error)) == NULL)
    return NULL;
  stage = readings[n - 1].value;
  vg_flood_library_get_gauge_range (library, gauge, &first, &n_envelopes);
  if (stage >= vg_flood_envelope_get_stage (vg_flood_library_get_envelope (library, first)))
    totals = vg_flood_exposure_index_lookup (index, gauge, stage, &envelope, &beyond);
  return vg_flood_outlook_new (gauge, river, library, projection, totals != NULL ? envelope : -1, beyond, totals);
}

/* "envelope|next envelope@time" of @outlook. */
static char *
outlook_state (VgFloodOutlook *outlook,
               gint64         *next_time)
{
  VgFloodLibrary *library = vg_flood_outlook_get_library (outlook);
  int now = vg_flood_outlook_get_envelope_now (outlook, NULL);
  const VgFloodCrossing *next = vg_flood_outlook_get_next (outlook);

  *next_time = next != NULL ? next->time_us : -1;
  return g_strdup_printf ("%s|%s", now >= 0 ? vg_flood_envelope_get_id (vg_flood_library_get_envelope (library, now)) : "-",
                          next != NULL ? vg_flood_envelope_get_id (vg_flood_library_get_envelope (library, next->envelope)) : "-");
}

/* The outlook is journalled when its envelopes change, or the next one's time by the slack. */
static gboolean
outlook_changed (VgProjector    *self,
                 const char     *key,
                 const char     *state,
                 gint64          next_time)
{
  g_autofree char *current = journalled_dup (self->journalled, key);
  gint64 current_time;
  const char *at;

  if (current == NULL)
    return TRUE;
  at = strrchr (current, '@');
  if (at == NULL || strncmp (current, state, at - current) != 0 || state[at - current] != '\0')
    return TRUE;
  current_time = g_ascii_strtoll (at + 1, NULL, 10);
  return (current_time < 0) != (next_time < 0) || ABS (current_time - next_time) >= NEXT_TIME_SLACK_US;
}

static gboolean
queue_outlook (VgProjector    *self,
               VgJournalBatch *batch,
               VgFloodOutlook *outlook,
               GError        **error)
{
  VgFloodLibrary *library = vg_flood_outlook_get_library (outlook);
  VgGauge *river = vg_flood_outlook_get_river_gauge (outlook);
  const char *gauge = vg_flood_outlook_get_gauge (outlook);
  g_autofree char *key = g_strdup_printf ("flood/%s/outlook", gauge);
  g_autofree char *envelopes = NULL, *state = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const VgFloodCrossing *next = vg_flood_outlook_get_next (outlook);
  gboolean beyond;
  int now = vg_flood_outlook_get_envelope_now (outlook, &beyond);
  gint64 reading_time, next_time;
  double stage;

  envelopes = outlook_state (outlook, &next_time);
  if (!outlook_changed (self, key, envelopes, next_time))
    return TRUE;
  state = g_strdup_printf ("%s@%" G_GINT64_FORMAT, envelopes, next_time);
  vg_flood_outlook_get_reading (outlook, &reading_time, &stage);

  begin_entry (b, "flood-outlook", "flood", key, state);
  json_builder_set_member_name (b, "gauge");
  json_builder_add_string_value (b, gauge);
  json_builder_set_member_name (b, "river_gauge");
  json_builder_add_string_value (b, vg_gauge_get_code (river));
  json_builder_set_member_name (b, "gauge_name");
  json_builder_add_string_value (b, vg_gauge_get_name (river));
  json_builder_set_member_name (b, "level_m");
  json_builder_add_double_value (b, stage);
  add_time_member (b, "observed_at", reading_time);
  json_builder_set_member_name (b, "library");
  json_builder_add_string_value (b, vg_flood_library_get_name (library));
  json_builder_set_member_name (b, "library_version");
  json_builder_add_string_value (b, vg_flood_library_get_version (library));
  json_builder_set_member_name (b, "envelope");
  if (now >= 0)
    {
      VgFloodEnvelope *e = vg_flood_library_get_envelope (library, now);
      g_autoptr(GError) geometry_error = NULL;
      JsonNode *geometry;

      json_builder_add_string_value (b, vg_flood_envelope_get_id (e));
      json_builder_set_member_name (b, "envelope_stage_m");
      json_builder_add_double_value (b, vg_flood_envelope_get_stage (e));
      json_builder_set_member_name (b, "envelope_kind");
      json_builder_add_string_value (b, vg_flood_kind_to_id (vg_flood_envelope_get_kind (e)));
      json_builder_set_member_name (b, "envelope_statement");
      json_builder_add_string_value (b, vg_flood_envelope_get_statement (e));
      json_builder_set_member_name (b, "beyond");
      json_builder_add_boolean_value (b, beyond);
      json_builder_set_member_name (b, "exposure");
      json_builder_add_value (b, vg_flood_totals_to_json (vg_flood_outlook_get_totals (outlook)));
      json_builder_set_member_name (b, "exposure_method");
      json_builder_add_string_value (b, vg_flood_exposure_index_get_method ());
      /* An envelope's outline never changes: simplified and converted once (the models, which
       * own the envelopes, outlive us). */
      if ((geometry = g_hash_table_lookup (self->outlines, e)) == NULL &&
          (geometry = vg_shape_to_geojson (vg_flood_envelope_get_extent (e), 0, self->geos, self->to_wgs84,
                                           GEOMETRY_TOLERANCE_M, &geometry_error)) != NULL)
        {
          json_node_seal (geometry);
          g_hash_table_insert (self->outlines, e, geometry);
        }
      if (geometry != NULL)
        {
          json_builder_set_member_name (b, "geometry");
          json_builder_add_value (b, json_node_copy (geometry));   /* a new node, the same sealed object */
          json_builder_set_member_name (b, "geometry_note");
          json_builder_add_string_value (b, "envelope outline simplified to 5 m for the record");
        }
      else if (geometry_error != NULL)
        g_warning ("Envelope %s: %s", vg_flood_envelope_get_id (e), geometry_error->message);
    }
  else
    json_builder_add_null_value (b);
  if (next != NULL)
    {
      json_builder_set_member_name (b, "next");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "envelope");
      json_builder_add_string_value (b, vg_flood_envelope_get_id (vg_flood_library_get_envelope (library, next->envelope)));
      json_builder_set_member_name (b, "envelope_stage_m");
      json_builder_add_double_value (b, next->stage_m);
      add_time_member (b, "expected_at", next->time_us);
      add_time_member (b, "earliest", next->earliest_us);
      add_time_member (b, "latest", next->latest_us);
      json_builder_end_object (b);
    }
  json_builder_set_member_name (b, "projection");
  json_builder_add_value (b, vg_flood_projection_to_json (vg_flood_outlook_get_projection (outlook)));
  json_builder_set_member_name (b, "summary");
  json_builder_add_string_value (b, vg_flood_outlook_get_summary (outlook));
  return queue_entry (self, batch, SOURCE_FLOOD, b, error);
}

/* Episode of threshold @t in @readings: 1, plus one each time the stage fell back below the
 * reset fraction after reaching it. */
static guint
threshold_episode (const VgGaugeSample *readings,
                   guint                n,
                   double               t)
{
  guint episode = 1;
  gboolean reached = FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (readings[i].value >= t)
        reached = TRUE;
      else if (reached && readings[i].value < t * EPISODE_RESET_FRACTION)
        {
          reached = FALSE;
          episode++;
        }
    }
  return episode;
}

static gboolean
queue_threshold (VgProjector    *self,
                 VgJournalBatch *batch,
                 VgGauge        *river,
                 guint           level,
                 double          t,
                 guint           episode,
                 gboolean        forecast,
                 gint64          time,
                 double          value,
                 GError        **error)
{
  g_autofree char *key = g_strdup_printf ("flood/%s/%s/%s/%u", vg_gauge_get_code (river), gauge_level_ids[level],
                                          forecast ? "forecast" : "observed", episode);
  g_autofree char *threshold = g_strdup_printf ("%s %.2f m", gauge_level_ids[level], t);
  g_autofree char *summary = NULL;
  g_autofree char *when = iso_time (time);
  g_autoptr(JsonBuilder) b = NULL;

  if (is_journalled (self, key, "1"))
    return TRUE;
  summary = forecast ? g_strdup_printf (_("%s: %s threshold (%.2f m) expected at %s by the trend"),
                                        vg_gauge_get_name (river), gauge_level_ids[level], t, when)
                     : g_strdup_printf (_("%s: %s threshold (%.2f m) reached, %.2f m observed"),
                                        vg_gauge_get_name (river), gauge_level_ids[level], t, value);
  b = json_builder_new ();
  begin_entry (b, "flood-threshold", "flood", key, "1");
  json_builder_set_member_name (b, "gauge");
  json_builder_add_string_value (b, vg_gauge_get_code (river));
  json_builder_set_member_name (b, "gauge_name");
  json_builder_add_string_value (b, vg_gauge_get_name (river));
  json_builder_set_member_name (b, "threshold");
  json_builder_add_string_value (b, threshold);
  json_builder_set_member_name (b, "threshold_value");
  json_builder_add_double_value (b, t);
  json_builder_set_member_name (b, "thresholds_source");
  json_builder_add_string_value (b, vg_gauge_get_thresholds_source (river) ? vg_gauge_get_thresholds_source (river) : "unknown");
  json_builder_set_member_name (b, "value");
  json_builder_add_double_value (b, value);
  json_builder_set_member_name (b, "forecast");
  json_builder_add_boolean_value (b, forecast);
  add_time_member (b, forecast ? "valid_time" : "observed_at", time);
  json_builder_set_member_name (b, "episode");
  json_builder_add_int_value (b, episode);
  json_builder_set_member_name (b, "summary");
  json_builder_add_string_value (b, summary);
  return queue_entry (self, batch, SOURCE_FLOOD, b, error);
}

/* Each threshold of @river first observed, or first forecast by @outlook, in this episode. */
static gboolean
queue_thresholds (VgProjector    *self,
                  VgJournalBatch *batch,
                  VgFloodOutlook *outlook,
                  GError        **error)
{
  VgGauge *river = vg_flood_outlook_get_river_gauge (outlook);
  const VgFloodProjectionStep *steps;
  const VgGaugeSample *readings;
  guint n_readings, n_steps;

  readings = vg_gauge_get_readings (river, FALSE, &n_readings);
  steps = vg_flood_projection_get_steps (vg_flood_outlook_get_projection (outlook), &n_steps);
  for (guint level = 0; level < G_N_ELEMENTS (gauge_level_ids); level++)
    {
      double t = vg_gauge_get_threshold (river, level);
      guint episode;
      gboolean observed = FALSE;

      if (isnan (t) || n_readings == 0)
        continue;
      episode = threshold_episode (readings, n_readings, t);
      /* Observed: the first reading of this episode at or above it. */
      for (guint i = n_readings; i-- > 0 && readings[i].value >= t * EPISODE_RESET_FRACTION; )
        if (readings[i].value >= t)
          observed = TRUE;
      if (observed)
        {
          guint i = n_readings - 1, first;

          while (i > 0 && readings[i - 1].value >= t * EPISODE_RESET_FRACTION)
            i--;
          for (first = i; first < n_readings && readings[first].value < t; first++)
            ;
          if (!queue_threshold (self, batch, river, level, t, episode, FALSE, readings[first].time,
                                readings[first].value, error))
            return FALSE;
          continue;
        }
      for (guint s = 0; s < n_steps; s++)
        if (!steps[s].observed && steps[s].stage_m >= t)
          {
            if (!queue_threshold (self, batch, river, level, t, episode, TRUE, steps[s].time_us, steps[s].stage_m, error))
              return FALSE;
            break;
          }
    }
  return TRUE;
}

/* Recomputes the outlook of every library gauge whose readings changed. */
static gboolean
update_flood (VgProjector    *self,
              VgPicture      *picture,
              VgJournalBatch *batch,
              gboolean       *changed,
              GError        **error)
{
  g_auto(GStrv) gauges = vg_flood_library_dup_gauges (vg_hazard_models_get_flood_library (self->models));

  for (guint g = 0; gauges[g] != NULL; g++)
    {
      VgGauge *river = find_river_gauge (self, picture, gauges[g]);
      g_autoptr(VgFloodOutlook) outlook = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *inputs = NULL;
      VgGaugeSample latest;
      guint n, position;
      gboolean found = FALSE;

      if (river == NULL)
        continue;
      vg_gauge_get_readings (river, FALSE, &n);
      vg_gauge_get_latest (river, FALSE, &latest);
      inputs = g_strdup_printf ("%s|%" G_GINT64_FORMAT "|%u|%.6g", vg_gauge_get_code (river), latest.time, n, latest.value);
      if (g_strcmp0 (g_hash_table_lookup (self->flood_inputs, gauges[g]), inputs) == 0)
        continue;
      g_hash_table_insert (self->flood_inputs, g_strdup (gauges[g]), g_steal_pointer (&inputs));
      if ((outlook = project_gauge (self, gauges[g], river, &local_error)) == NULL)
        {
          g_warning ("Flood projection at %s: %s", gauges[g], local_error->message);
          continue;
        }
      for (position = 0; position < g_list_model_get_n_items (G_LIST_MODEL (self->flood)); position++)
        {
          g_autoptr(VgFloodOutlook) old = g_list_model_get_item (G_LIST_MODEL (self->flood), position);

          if ((found = g_str_equal (vg_flood_outlook_get_gauge (old), gauges[g])))
            break;
        }
      g_list_store_splice (self->flood, position, found ? 1 : 0, (gpointer *) &outlook, 1);
      *changed = TRUE;
      if (!queue_outlook (self, batch, outlook, error) || !queue_thresholds (self, batch, outlook, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- heat ---- */

static gboolean
queue_heat (VgProjector    *self,
            VgJournalBatch *batch,
            VgHeatOutlook  *outlook,
            GError        **error)
{
  VgForecast *forecast = vg_heat_outlook_get_forecast (outlook);
  VgFeedOrigin *origin = vg_forecast_get_origin (forecast);
  VgHeatRisk *risk = vg_heat_outlook_get_risk (outlook);
  VgHeatDistricts *districts = vg_heat_risk_get_districts (risk);
  const char *sha = vg_feed_origin_get_sha256 (origin) ? vg_feed_origin_get_sha256 (origin) : "";
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *summary = NULL;
  guint peak_district, peak_day, peak = vg_heat_outlook_get_peak (outlook, &peak_district, &peak_day);
  guint n_days = vg_heat_risk_get_n_days (risk);
  guint n_districts = vg_heat_districts_get_n_districts (districts);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");

  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  if (!is_journalled (self, "heat/outlook", sha))
    {
      begin_entry (b, "heat-outlook", "heat", "heat/outlook", sha);
      json_builder_set_member_name (b, "weather_forecast");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "feed");
      json_builder_add_string_value (b, vg_feed_origin_get_feed_id (origin));
      json_builder_set_member_name (b, "sha256");
      json_builder_add_string_value (b, sha);
      add_time_member (b, "model_run", vg_forecast_get_model_run (forecast) > 0 ? vg_forecast_get_model_run (forecast) : -1);
      add_time_member (b, "received_at", vg_feed_origin_get_received_at (origin));
      json_builder_end_object (b);
      json_builder_set_member_name (b, "peak_level");
      json_builder_add_string_value (b, vg_heat_risk_level_to_id (peak));
      summary = peak >= 1
        ? g_strdup_printf (_("Heat: up to level %u (%s) in %s, %u vulnerable sites in districts at level 2 or more"),
                           peak, vg_heat_risk_level_to_id (peak), vg_heat_districts_get_name (districts, peak_district),
                           vg_heat_outlook_get_exposed (outlook)->len)
        : g_strdup (_("Heat: no district above level 0 in the forecast"));
      json_builder_set_member_name (b, "summary");
      json_builder_add_string_value (b, summary);
      vg_heat_report_add_members (b, risk, vg_heat_outlook_get_vigilance (outlook),
                                  vg_heat_outlook_get_exposed (outlook), vg_heat_outlook_get_resources (outlook));
      if (!queue_entry (self, batch, SOURCE_HEAT, b, error))
        return FALSE;
    }

  /* Each district level ≥ 2, the first day it is forecast. */
  for (guint i = 0; i < n_districts; i++)
    for (guint level = VG_HEAT_EXPOSURE_MIN_LEVEL; level <= VG_HEAT_RISK_MAX_LEVEL; level++)
      for (guint d = 0; d < n_days; d++)
        {
          const VgHeatRiskDay *day = vg_heat_risk_get_day (risk, i, d);
          g_autofree char *key = NULL, *date = NULL, *line = NULL;
          g_autoptr(JsonBuilder) t = NULL;
          g_autoptr(GDateTime) noon = NULL;

          if (day->level < level)
            continue;
          key = g_strdup_printf ("heat/%s/%s", vg_heat_districts_get_id (districts, i), vg_heat_risk_level_to_id (level));
          if (is_journalled (self, key, "1"))
            break;
          noon = g_date_time_new (zone, g_date_get_year (&day->day.date), g_date_get_month (&day->day.date),
                                  g_date_get_day (&day->day.date), 12, 0, 0);
          date = g_date_time_format (noon, "%Y-%m-%d");
          line = g_strdup_printf (_("%s: heat level %u (%s) forecast for %s"), vg_heat_districts_get_name (districts, i),
                                  level, vg_heat_risk_level_to_id (level), date);
          t = json_builder_new ();
          begin_entry (t, "heat-threshold", "heat", key, "1");
          json_builder_set_member_name (t, "district");
          json_builder_add_string_value (t, vg_heat_districts_get_id (districts, i));
          json_builder_set_member_name (t, "district_name");
          json_builder_add_string_value (t, vg_heat_districts_get_name (districts, i));
          json_builder_set_member_name (t, "heat_level");
          json_builder_add_string_value (t, vg_heat_risk_level_to_id (level));
          json_builder_set_member_name (t, "index");
          json_builder_add_string_value (t, VG_HEAT_RISK_INDEX_ID);
          json_builder_set_member_name (t, "forecast");
          json_builder_add_boolean_value (t, TRUE);
          add_time_member (t, "valid_time", g_date_time_to_unix (noon) * G_USEC_PER_SEC);
          json_builder_set_member_name (t, "summary");
          json_builder_add_string_value (t, line);
          if (!queue_entry (self, batch, SOURCE_HEAT, t, error))
            return FALSE;
          break;
        }
  return TRUE;
}

static gboolean
update_heat (VgProjector    *self,
             VgPicture      *picture,
             VgJournalBatch *batch,
             gboolean       *changed,
             GError        **error)
{
  VgForecast *forecast = vg_picture_get_forecast (picture);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(VgHeatOutlook) outlook = NULL;

  if (forecast == NULL || forecast == self->heat_forecast)
    return TRUE;
  g_set_object (&self->heat_forecast, forecast);
  *changed = TRUE;
  outlook = vg_heat_outlook_new (forecast, vg_hazard_models_get_heat_districts (self->models),
                                 vg_hazard_models_get_sites (self->models), &local_error);
  g_clear_pointer (&self->problem, g_free);
  if (outlook == NULL)
    {
      self->problem = g_strdup_printf (_("The latest weather forecast cannot be projected: %s"), local_error->message);
      return TRUE;
    }
  g_set_object (&self->heat, outlook);
  return queue_heat (self, batch, outlook, error);
}

gboolean
vg_projector_update (VgProjector  *self,
                     VgPicture    *picture,
                     GError      **error)
{
  g_autoptr(VgJournalBatch) batch = vg_journal_batch_new ();
  gboolean changed = FALSE, ok;

  g_return_val_if_fail (VG_IS_PROJECTOR (self), FALSE);
  g_return_val_if_fail (VG_IS_PICTURE (picture), FALSE);

  ok = update_flood (self, picture, batch, &changed, error) &&
       update_heat (self, picture, batch, &changed, error) &&
       (!self->record || vg_journal_batch_get_size (batch) == 0 || vg_journal_commit_batch (self->journal, batch, NULL, error));
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
  return ok;
}

GListModel *
vg_projector_get_flood (VgProjector *self)
{
  g_return_val_if_fail (VG_IS_PROJECTOR (self), NULL);

  return G_LIST_MODEL (self->flood);
}

VgFloodOutlook *
vg_projector_lookup_flood (VgProjector *self,
                           const char  *gauge)
{
  g_return_val_if_fail (VG_IS_PROJECTOR (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->flood)); i++)
    {
      g_autoptr(VgFloodOutlook) outlook = g_list_model_get_item (G_LIST_MODEL (self->flood), i);

      if (g_str_equal (vg_flood_outlook_get_gauge (outlook), gauge))
        return outlook;   /* the store keeps its reference */
    }
  return NULL;
}

VgHeatOutlook *
vg_projector_get_heat (VgProjector *self)
{
  g_return_val_if_fail (VG_IS_PROJECTOR (self), NULL);

  return self->heat;
}

const char *
vg_projector_get_problem (VgProjector *self)
{
  g_return_val_if_fail (VG_IS_PROJECTOR (self), NULL);

  return self->problem;
}
