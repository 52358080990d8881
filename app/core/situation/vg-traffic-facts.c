/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-traffic-facts"

#include "config.h"

#include "vg-incident.h"
#include "vg-traffic-facts.h"

static gboolean
in_force (VgIncident *incident)
{
  VgIncidentStatus status = vg_incident_get_status (incident);

  return vg_incident_get_kind (incident) == VG_INCIDENT_CLOSURE &&
         vg_feed_origin_get_kind (vg_incident_get_origin (incident)) == VG_FEED_KIND_DATEX2 &&
         status != VG_INCIDENT_STATUS_ENDED && status != VG_INCIDENT_STATUS_CANCELLED;
}

gboolean
vg_fact_set_add_traffic_closures (VgFactSet   *facts,
                                  GListModel  *incidents,
                                  guint       *n_added,
                                  GError     **error)
{
  guint added = 0;

  g_return_val_if_fail (VG_IS_FACT_SET (facts), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (incidents), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (incidents); i++)
    {
      g_autoptr(VgIncident) incident = g_list_model_get_item (incidents, i);
      VgShapeSet *geometry = vg_incident_get_geometry (incident);
      VgFeedOrigin *origin = vg_incident_get_origin (incident);
      VgTrafficClosureFact fact = { 0 };
      guint n_points = 0;
      const double *lonlat = NULL;

      if (!in_force (incident))
        continue;
      if (geometry != NULL && vg_shape_set_get_n_shapes (geometry) > 0 && vg_shape_set_get_n_parts (geometry, 0) > 0)
        lonlat = vg_shape_set_get_part (geometry, 0, 0, &n_points, NULL);
      /* A closure Vigie cannot place is no target for a diversion on the map. */
      if (lonlat == NULL || n_points == 0)
        continue;
      fact.record = vg_incident_get_source_id (incident);
      fact.road = vg_incident_get_title (incident) != NULL ? vg_incident_get_title (incident)
                : vg_incident_get_description (incident) != NULL ? vg_incident_get_description (incident)
                : fact.record;
      fact.lon = lonlat[0];
      fact.lat = lonlat[1];
      fact.lonlat = n_points > 1 ? lonlat : NULL;
      fact.n_points = n_points > 1 ? n_points : 0;
      fact.start = vg_incident_get_start (incident) != VG_FEED_TIME_UNKNOWN ? vg_incident_get_start (incident)
                 : vg_incident_get_version_time (incident) != VG_FEED_TIME_UNKNOWN ? vg_incident_get_version_time (incident)
                 : vg_feed_origin_get_received_at (origin);
      fact.source = vg_feed_origin_get_feed_id (origin);
      fact.source_time = vg_incident_get_version_time (incident) != VG_FEED_TIME_UNKNOWN
                         ? vg_incident_get_version_time (incident) : vg_feed_origin_get_received_at (origin);
      if (!vg_fact_set_add_traffic_closure (facts, &fact, error))
        return FALSE;
      added++;
    }
  if (n_added != NULL)
    *n_added = added;
  return TRUE;
}
