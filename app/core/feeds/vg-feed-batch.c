/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-feed-batch"

#include "config.h"

#include "vg-feed-private.h"

struct _VgFeedBatch
{
  GObject       parent_instance;

  VgFeedOrigin *origin;
  GPtrArray    *observations;
  GPtrArray    *forecasts;
  GPtrArray    *warnings;
  GPtrArray    *incidents;
  GPtrArray    *index_entries;
  GPtrArray    *refusals;
};

G_DEFINE_FINAL_TYPE (VgFeedBatch, vg_feed_batch, G_TYPE_OBJECT)

static void
vg_feed_batch_finalize (GObject *object)
{
  VgFeedBatch *self = VG_FEED_BATCH (object);

  g_clear_pointer (&self->origin, vg_feed_origin_unref);
  g_clear_pointer (&self->observations, g_ptr_array_unref);
  g_clear_pointer (&self->forecasts, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->incidents, g_ptr_array_unref);
  g_clear_pointer (&self->index_entries, g_ptr_array_unref);
  g_clear_pointer (&self->refusals, g_ptr_array_unref);

  G_OBJECT_CLASS (vg_feed_batch_parent_class)->finalize (object);
}

static void
vg_feed_batch_class_init (VgFeedBatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_feed_batch_finalize;
}

static void
vg_feed_batch_init (VgFeedBatch *self)
{
  self->observations = g_ptr_array_new_with_free_func (g_object_unref);
  self->forecasts = g_ptr_array_new_with_free_func (g_object_unref);
  self->warnings = g_ptr_array_new_with_free_func (g_object_unref);
  self->incidents = g_ptr_array_new_with_free_func (g_object_unref);
  self->index_entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->refusals = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_feed_refusal_unref);
}

VgFeedBatch *
vg_feed_batch_new (VgFeedOrigin *origin)
{
  VgFeedBatch *self;

  g_return_val_if_fail (origin != NULL, NULL);

  self = g_object_new (VG_TYPE_FEED_BATCH, NULL);
  self->origin = vg_feed_origin_ref (origin);
  return self;
}

void
vg_feed_batch_add_observation (VgFeedBatch   *self,
                               VgObservation *observation)
{
  g_ptr_array_add (self->observations, observation);
}

void
vg_feed_batch_add_forecast (VgFeedBatch *self,
                            VgForecast  *forecast)
{
  g_ptr_array_add (self->forecasts, forecast);
}

void
vg_feed_batch_add_warning (VgFeedBatch *self,
                           VgWarning   *warning)
{
  g_ptr_array_add (self->warnings, warning);
}

void
vg_feed_batch_add_incident (VgFeedBatch *self,
                            VgIncident  *incident)
{
  g_ptr_array_add (self->incidents, incident);
}

void
vg_feed_batch_add_index_entry (VgFeedBatch     *self,
                               VgCapIndexEntry *entry)
{
  g_ptr_array_add (self->index_entries, entry);
}

void
vg_feed_batch_add_refusal (VgFeedBatch   *self,
                           VgFeedRefusal *refusal)
{
  g_ptr_array_add (self->refusals, refusal);
}

VgFeedOrigin *
vg_feed_batch_get_origin (VgFeedBatch *self)
{
  g_return_val_if_fail (VG_IS_FEED_BATCH (self), NULL);

  return self->origin;
}

GPtrArray *
vg_feed_batch_get_observations (VgFeedBatch *self)
{
  g_return_val_if_fail (VG_IS_FEED_BATCH (self), NULL);

  return self->observations;
}

GPtrArray *
vg_feed_batch_get_forecasts (VgFeedBatch *self)
{
  g_return_val_if_fail (VG_IS_FEED_BATCH (self), NULL);

  return self->forecasts;
}

GPtrArray *
vg_feed_batch_get_warnings (VgFeedBatch *self)
{
  g_return_val_if_fail (VG_IS_FEED_BATCH (self), NULL);

  return self->warnings;
}

GPtrArray *
vg_feed_batch_get_incidents (VgFeedBatch *self)
{
  g_return_val_if_fail (VG_IS_FEED_BATCH (self), NULL);

  return self->incidents;
}

GPtrArray *
vg_feed_batch_get_index_entries (VgFeedBatch *self)
{
  g_return_val_if_fail (VG_IS_FEED_BATCH (self), NULL);

  return self->index_entries;
}

GPtrArray *
vg_feed_batch_get_refusals (VgFeedBatch *self)
{
  g_return_val_if_fail (VG_IS_FEED_BATCH (self), NULL);

  return self->refusals;
}

guint
vg_feed_batch_get_n_records (VgFeedBatch *self)
{
  g_return_val_if_fail (VG_IS_FEED_BATCH (self), 0);

  return self->observations->len + self->forecasts->len + self->warnings->len +
         self->incidents->len + self->index_entries->len;
}

typedef void (*ToJson) (gpointer     record,
                        JsonBuilder *builder);

static void
add_array (JsonBuilder *builder,
           const char  *name,
           GPtrArray   *records,
           ToJson       to_json)
{
  if (records->len == 0)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < records->len; i++)
    to_json (records->pdata[i], builder);
  json_builder_end_array (builder);
}

JsonNode *
vg_feed_batch_to_json (VgFeedBatch *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (VG_IS_FEED_BATCH (self), NULL);

  json_builder_begin_object (builder);
  vg_feed_json_add_string (builder, "feed", vg_feed_origin_get_feed_id (self->origin));
  vg_feed_json_add_string (builder, "kind", vg_feed_kind_to_id (vg_feed_origin_get_kind (self->origin)));
  vg_feed_json_add_time (builder, "received_at", vg_feed_origin_get_received_at (self->origin));
  vg_feed_json_add_string (builder, "sha256", vg_feed_origin_get_sha256 (self->origin));
  add_array (builder, "observations", self->observations, (ToJson) vg_observation_to_json);
  add_array (builder, "forecasts", self->forecasts, (ToJson) vg_forecast_to_json);
  add_array (builder, "warnings", self->warnings, (ToJson) vg_warning_to_json);
  add_array (builder, "incidents", self->incidents, (ToJson) vg_incident_to_json);
  add_array (builder, "index_entries", self->index_entries, (ToJson) vg_cap_index_entry_to_json);
  json_builder_set_member_name (builder, "refusals");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->refusals->len; i++)
    {
      VgFeedRefusal *refusal = self->refusals->pdata[i];

      json_builder_begin_object (builder);
      vg_feed_json_add_string (builder, "action", vg_feed_refusal_action_to_id (vg_feed_refusal_get_action (refusal)));
      vg_feed_json_add_string (builder, "record_id", vg_feed_refusal_get_record_id (refusal));
      vg_feed_json_add_string (builder, "position", vg_feed_refusal_get_position (refusal));
      vg_feed_json_add_string (builder, "field", vg_feed_refusal_get_field (refusal));
      vg_feed_json_add_string (builder, "reason", vg_feed_refusal_get_error (refusal)->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
