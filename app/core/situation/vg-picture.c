/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-picture"

#include "config.h"

#include <math.h>

#include "vg-feed-health-private.h"
#include "vg-incident.h"
#include "vg-observation.h"
#include "vg-picture.h"

/* A feed that has not delivered for this long is shown stale unless its configuration says
 * otherwise (three 20-minute polls). */
#define DEFAULT_STALE_USEC (60 * G_TIME_SPAN_MINUTE)

struct _VgPicture
{
  GObject           parent_instance;

  VgClock          *clock;
  GListStore       *gauges;
  GHashTable       *gauges_by_code;    /* code → VgGauge, borrowed from @gauges */
  VgWarningHistory *history;
  GListStore       *warnings;
  GListStore       *incidents;
  GHashTable       *incidents_by_id;   /* source id → VgIncident, borrowed */
  VgForecast       *forecast;
  GListStore       *feeds;
};

G_DEFINE_FINAL_TYPE (VgPicture, vg_picture, G_TYPE_OBJECT)

enum { PROP_0, PROP_FORECAST, N_PROPS };
static GParamSpec *properties[N_PROPS];
enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
vg_picture_finalize (GObject *object)
{
  VgPicture *self = VG_PICTURE (object);

  g_clear_object (&self->clock);
  g_clear_pointer (&self->gauges_by_code, g_hash_table_unref);
  g_clear_pointer (&self->incidents_by_id, g_hash_table_unref);
  g_clear_object (&self->gauges);
  g_clear_object (&self->history);
  g_clear_object (&self->warnings);
  g_clear_object (&self->incidents);
  g_clear_object (&self->forecast);
  g_clear_object (&self->feeds);

  G_OBJECT_CLASS (vg_picture_parent_class)->finalize (object);
}

static void
vg_picture_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VgPicture *self = VG_PICTURE (object);

  switch (prop_id)
    {
    case PROP_FORECAST:
      g_value_set_object (value, self->forecast);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vg_picture_class_init (VgPictureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vg_picture_finalize;
  object_class->get_property = vg_picture_get_property;

  properties[PROP_FORECAST] =
    g_param_spec_object ("forecast", NULL, NULL, VG_TYPE_FORECAST,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Something in the picture changed (new readings, warnings, incidents, forecast): views
   * redraw. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
vg_picture_init (VgPicture *self)
{
  self->gauges = g_list_store_new (VG_TYPE_GAUGE);
  self->gauges_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->history = vg_warning_history_new ();
  self->warnings = g_list_store_new (VG_TYPE_WARNING);
  self->incidents = g_list_store_new (VG_TYPE_INCIDENT);
  self->incidents_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->feeds = g_list_store_new (VG_TYPE_FEED_HEALTH);
}

VgPicture *
vg_picture_new (VgClock    *clock,
                GListModel *gauges)
{
  VgPicture *self;

  g_return_val_if_fail (VG_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (gauges == NULL || G_IS_LIST_MODEL (gauges), NULL);

  self = g_object_new (VG_TYPE_PICTURE, NULL);
  self->clock = g_object_ref (clock);
  for (guint i = 0; gauges != NULL && i < g_list_model_get_n_items (gauges); i++)
    {
      g_autoptr(VgGauge) gauge = g_list_model_get_item (gauges, i);

      if (g_hash_table_contains (self->gauges_by_code, vg_gauge_get_code (gauge)))
        continue;
      g_list_store_append (self->gauges, gauge);
      g_hash_table_insert (self->gauges_by_code, (gpointer) vg_gauge_get_code (gauge), gauge);
    }
  return self;
}

static VgGauge *
ensure_gauge (VgPicture     *self,
              VgObservation *observation)
{
  const char *code = vg_observation_get_station_id (observation);
  VgGauge *gauge = g_hash_table_lookup (self->gauges_by_code, code);
  g_autoptr(VgGauge) created = NULL;

  if (gauge != NULL || !vg_observation_has_location (observation))
    return gauge;
  /* A station the catalogue does not know: shown where the feed says, without thresholds. */
  created = vg_gauge_new (code, code, NULL, vg_observation_get_longitude (observation),
                          vg_observation_get_latitude (observation), NULL, NULL);
  g_list_store_append (self->gauges, created);
  g_hash_table_insert (self->gauges_by_code, (gpointer) vg_gauge_get_code (created), created);
  return created;
}

static void
apply_observations (VgPicture *self,
                    GPtrArray *observations)
{
  for (guint i = 0; i < observations->len; i++)
    {
      VgObservation *o = g_ptr_array_index (observations, i);
      VgQuantity q = vg_observation_get_quantity (o);
      VgGauge *gauge;

      if (q != VG_QUANTITY_WATER_LEVEL && q != VG_QUANTITY_DISCHARGE)
        continue;
      gauge = ensure_gauge (self, o);
      if (gauge != NULL)
        vg_gauge_add_reading (gauge, q == VG_QUANTITY_DISCHARGE, vg_observation_get_time (o),
                              vg_observation_get_value (o));
    }
}

static void
apply_incidents (VgPicture *self,
                 GPtrArray *incidents)
{
  for (guint i = 0; i < incidents->len; i++)
    {
      VgIncident *incident = g_ptr_array_index (incidents, i);
      const char *id = vg_incident_get_source_id (incident);
      VgIncident *previous = g_hash_table_lookup (self->incidents_by_id, id);
      guint position;

      if (previous != NULL && g_list_store_find (self->incidents, previous, &position))
        {
          g_hash_table_remove (self->incidents_by_id, id);
          g_list_store_remove (self->incidents, position);
        }
      if (vg_incident_get_status (incident) == VG_INCIDENT_STATUS_ENDED ||
          vg_incident_get_status (incident) == VG_INCIDENT_STATUS_CANCELLED)
        continue;
      g_list_store_append (self->incidents, incident);
      g_hash_table_insert (self->incidents_by_id, (gpointer) vg_incident_get_source_id (incident), incident);
    }
}

static int
compare_warnings (gconstpointer a,
                  gconstpointer b)
{
  VgWarning *wa = *(VgWarning **) a, *wb = *(VgWarning **) b;
  int la = vg_warning_get_awareness_level (wa), lb = vg_warning_get_awareness_level (wb);

  if (la != lb)
    return lb - la;
  return g_strcmp0 (vg_warning_get_key (wa), vg_warning_get_key (wb));
}

static void
update_warnings (VgPicture *self)
{
  g_autoptr(GPtrArray) keys = vg_warning_history_dup_keys (self->history);
  g_autoptr(GPtrArray) active = g_ptr_array_new ();
  gint64 now = vg_clock_get_now_usec (self->clock);
  gboolean same;

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);

      if (vg_warning_history_is_active (self->history, key, now))
        g_ptr_array_add (active, vg_warning_history_get_current (self->history, key));
    }
  g_ptr_array_sort (active, compare_warnings);

  same = active->len == g_list_model_get_n_items (G_LIST_MODEL (self->warnings));
  for (guint i = 0; same && i < active->len; i++)
    {
      g_autoptr(VgWarning) shown = g_list_model_get_item (G_LIST_MODEL (self->warnings), i);

      same = shown == g_ptr_array_index (active, i);
    }
  if (!same)
    g_list_store_splice (self->warnings, 0, g_list_model_get_n_items (G_LIST_MODEL (self->warnings)),
                         active->pdata, active->len);
}

void
vg_picture_add_incident (VgPicture  *self,
                         VgIncident *incident)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_if_fail (VG_IS_PICTURE (self));
  g_return_if_fail (VG_IS_INCIDENT (incident));

  g_ptr_array_add (one, incident);
  apply_incidents (self, one);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
vg_picture_apply_batch (VgPicture   *self,
                        VgFeedBatch *batch)
{
  GPtrArray *warnings, *forecasts;

  g_return_if_fail (VG_IS_PICTURE (self));
  g_return_if_fail (VG_IS_FEED_BATCH (batch));

  apply_observations (self, vg_feed_batch_get_observations (batch));
  apply_incidents (self, vg_feed_batch_get_incidents (batch));

  warnings = vg_feed_batch_get_warnings (batch);
  for (guint i = 0; i < warnings->len; i++)
    vg_warning_history_add (self->history, g_ptr_array_index (warnings, i));
  if (warnings->len > 0)
    update_warnings (self);

  forecasts = vg_feed_batch_get_forecasts (batch);
  if (forecasts->len > 0)
    {
      g_set_object (&self->forecast, g_ptr_array_index (forecasts, forecasts->len - 1));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORECAST]);
    }
  if (vg_feed_batch_get_n_records (batch) > 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

void
vg_picture_refresh (VgPicture *self)
{
  gint64 now;

  g_return_if_fail (VG_IS_PICTURE (self));

  now = vg_clock_get_now_usec (self->clock);
  update_warnings (self);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->feeds)); i++)
    {
      g_autoptr(VgFeedHealth) health = g_list_model_get_item (G_LIST_MODEL (self->feeds), i);

      vg_feed_health_refresh (health, now);
    }
}

GListModel *
vg_picture_get_gauges (VgPicture *self)
{
  g_return_val_if_fail (VG_IS_PICTURE (self), NULL);

  return G_LIST_MODEL (self->gauges);
}

VgGauge *
vg_picture_lookup_gauge (VgPicture  *self,
                         const char *code)
{
  g_return_val_if_fail (VG_IS_PICTURE (self), NULL);

  return code ? g_hash_table_lookup (self->gauges_by_code, code) : NULL;
}

GListModel *
vg_picture_get_warnings (VgPicture *self)
{
  g_return_val_if_fail (VG_IS_PICTURE (self), NULL);

  return G_LIST_MODEL (self->warnings);
}

VgWarningHistory *
vg_picture_get_warning_history (VgPicture *self)
{
  g_return_val_if_fail (VG_IS_PICTURE (self), NULL);

  return self->history;
}

GListModel *
vg_picture_get_incidents (VgPicture *self)
{
  g_return_val_if_fail (VG_IS_PICTURE (self), NULL);

  return G_LIST_MODEL (self->incidents);
}

VgForecast *
vg_picture_get_forecast (VgPicture *self)
{
  g_return_val_if_fail (VG_IS_PICTURE (self), NULL);

  return self->forecast;
}

GListModel *
vg_picture_get_feeds (VgPicture *self)
{
  g_return_val_if_fail (VG_IS_PICTURE (self), NULL);

  return G_LIST_MODEL (self->feeds);
}

VgFeedHealth *
vg_picture_ensure_feed (VgPicture  *self,
                        const char *feed_id,
                        gint64      stale_after_usec)
{
  g_autoptr(VgFeedHealth) health = NULL;

  g_return_val_if_fail (VG_IS_PICTURE (self), NULL);
  g_return_val_if_fail (feed_id != NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->feeds)); i++)
    {
      g_autoptr(VgFeedHealth) h = g_list_model_get_item (G_LIST_MODEL (self->feeds), i);

      if (g_str_equal (vg_feed_health_get_feed_id (h), feed_id))
        {
          /* The feed was declared (or read back from the journal) before its configuration
           * said how often it polls: the configured staleness wins over the default. */
          if (stale_after_usec > 0)
            vg_feed_health_set_stale_after (h, stale_after_usec);
          return h;   /* the store keeps it alive */
        }
    }
  health = vg_feed_health_new (feed_id, stale_after_usec > 0 ? stale_after_usec : DEFAULT_STALE_USEC);
  g_list_store_append (self->feeds, health);
  return health;
}

void
vg_picture_feed_succeeded (VgPicture  *self,
                           const char *feed_id,
                           gint64      usec)
{
  g_return_if_fail (VG_IS_PICTURE (self));

  vg_feed_health_record_success (vg_picture_ensure_feed (self, feed_id, 0), usec);
}

void
vg_picture_feed_failed (VgPicture    *self,
                        const char   *feed_id,
                        const GError *error,
                        gint64        usec)
{
  g_return_if_fail (VG_IS_PICTURE (self));
  g_return_if_fail (error != NULL);

  vg_feed_health_record_failure (vg_picture_ensure_feed (self, feed_id, 0), error, usec);
}
