/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-flood-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "vg-crs-transform.h"
#include "vg-exposed-item.h"
#include "vg-flood-depth-class.h"
#include "vg-flood-kind.h"
#include "vg-flood-panel.h"
#include "vg-hydrograph.h"
#include "vg-map-items.h"
#include "vg-proposal-target.h"
#include "vg-site-category.h"

struct _VgFloodPanel
{
  GtkWidget            parent_instance;

  GtkStack            *stack;
  GtkDropDown         *gauge_dropdown;
  GtkLabel            *synthetic_label;
  GtkLabel            *status_label;
  GtkBox              *hydrograph_slot;
  GtkListBox          *reach_list;
  GtkAdjustment       *whatif_adjustment;
  GtkLabel            *whatif_label;
  GtkColumnView       *assets_view;
  GtkLabel            *totals_label;
  GtkLabel            *method_label;

  VgProjector         *projector;
  VgMapView           *map_view;
  VgCrsTransform      *to_wgs84;
  GListStore          *rows;
  char                *gauge;           /* library gauge shown */
  VgHydrograph        *hydrograph;
  const VgFloodTotals *totals;
  int                  rows_envelope;   /* envelope the rows are of, -1 none */
  gboolean             what_if;         /* the slider was moved by the operator */
  gboolean             setting;         /* the slider is being set by code */
};

G_DEFINE_FINAL_TYPE (VgFloodPanel, vg_flood_panel, GTK_TYPE_WIDGET)

static VgFloodOutlook *
current_outlook (VgFloodPanel *self)
{
  return self->projector != NULL && self->gauge != NULL ? vg_projector_lookup_flood (self->projector, self->gauge) : NULL;
}

static VgHazardModels *
models (VgFloodPanel *self)
{
  return vg_projector_get_models (self->projector);
}

static char *
format_time (gint64 usec)
{
  return usec >= 0 ? vg_format_local_time (usec) : g_strdup ("—");
}

/* ---- exposure table ---- */

static void
location_of (VgFloodPanel     *self,
             VgFloodAssetKind  kind,
             guint             index,
             double           *lat,
             double           *lon)
{
  VgLayer *layer = vg_flood_assets_get_layer (vg_hazard_models_get_flood_assets (models (self)), kind);
  const double *bbox = vg_shape_set_get_bbox (vg_layer_get_shapes (layer), index);
  double x = (bbox[0] + bbox[2]) / 2, y = (bbox[1] + bbox[3]) / 2;

  if (!vg_crs_transform_point (self->to_wgs84, &x, &y, NULL))
    x = y = NAN;
  *lon = x;
  *lat = y;
}

/* An asset of the table as the map marks it: a ring where it is. */
static VgProposalTarget *
point_target (VgExposedItem *item)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonObject *geometry = json_object_new ();
  JsonArray *position = json_array_new ();
  double lat, lon;

  vg_exposed_item_get_location (item, &lat, &lon);
  if (isnan (lat) || isnan (lon))
    {
      json_array_unref (position);
      json_object_unref (geometry);
      return NULL;
    }
  json_array_add_double_element (position, lon);
  json_array_add_double_element (position, lat);
  json_object_set_string_member (geometry, "type", "Point");
  json_object_set_array_member (geometry, "coordinates", position);
  json_object_set_string_member (object, "id", "exposed-asset");
  json_object_set_string_member (object, "kind", vg_exposed_item_get_kind (item));
  json_object_set_string_member (object, "name", vg_exposed_item_get_name (item) ? vg_exposed_item_get_name (item) : "");
  json_object_set_object_member (object, "geometry", geometry);
  return vg_proposal_target_new_from_json (object);
}

/* Every site and cut street of the table, marked on the map (buildings are too many to mark). */
static void
show_exposed (VgFloodPanel *self,
              GPtrArray    *items,
              guint         max_rank)
{
  g_autoptr(GListStore) store = g_list_store_new (VG_TYPE_PROPOSAL_TARGET);

  if (self->map_view == NULL)
    return;
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      VgExposedItem *item = g_ptr_array_index (items, i);
      guint rank = 0;
      g_autoptr(VgProposalTarget) target = NULL;

      g_object_get (item, "rank", &rank, NULL);
      if (rank <= max_rank && (target = point_target (item)) != NULL)
        g_list_store_append (store, target);
    }
  vg_map_view_show_exposed (self->map_view, G_LIST_MODEL (store));
}

static void
fill_rows (VgFloodPanel *self,
           int           envelope)
{
  g_autoptr(VgFloodExposure) exposure = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const VgFloodExposedAsset *assets;
  const VgFloodStreetCut *streets;
  guint n;

  if (envelope == self->rows_envelope)
    return;
  self->rows_envelope = envelope;
  if (envelope >= 0)
    {
      exposure = vg_flood_exposure_index_dup_exposure (vg_hazard_models_get_flood_index (models (self)), envelope, NULL);
      assets = vg_flood_exposure_get_assets (exposure, VG_FLOOD_ASSET_SITE, &n);
      for (guint i = 0; i < n; i++)
        {
          VgSiteCategory category;
          gboolean known = vg_site_category_from_id (assets[i].category, &category);
          const char *depth = assets[i].depth_class >= 0 ? vg_flood_depth_class_to_id (assets[i].depth_class) : NULL;
          g_autofree char *depth_text = depth != NULL ? g_strdup_printf (_("%s m deep"), depth) : NULL;
          double lat, lon;

          location_of (self, VG_FLOOD_ASSET_SITE, assets[i].index, &lat, &lon);
          g_ptr_array_add (items, vg_exposed_item_new (_("Site"), assets[i].name,
                                                       known ? vg_site_category_get_name (category) : assets[i].category,
                                                       1, depth_text, known && vg_site_category_is_vulnerable (category) ? 0 : 1,
                                                       lat, lon));
        }
      streets = vg_flood_exposure_get_streets_cut (exposure, &n);
      assets = NULL;
      for (guint i = 0; i < n; i++)
        {
          const VgFloodExposedAsset *roads;
          guint n_roads, longest = 0;
          double best = -1, lat = NAN, lon = NAN;
          g_autofree char *detail = g_strdup_printf (g_dngettext (NULL, "%u segment", "%u segments", streets[i].segments),
                                                     streets[i].segments);

          /* The street's longest segment inside places it on the map. */
          roads = vg_flood_exposure_get_assets (exposure, VG_FLOOD_ASSET_ROAD, &n_roads);
          for (guint r = 0; r < n_roads; r++)
            if (g_strcmp0 (roads[r].name, streets[i].name) == 0 && roads[r].inside > best)
              {
                best = roads[r].inside;
                longest = roads[r].index;
              }
          if (best >= 0)
            location_of (self, VG_FLOOD_ASSET_ROAD, longest, &lat, &lon);
          g_ptr_array_add (items, vg_exposed_item_new (_("Street"), streets[i].name, detail, streets[i].length_m, NULL, 2, lat, lon));
        }
      assets = vg_flood_exposure_get_assets (exposure, VG_FLOOD_ASSET_BUILDING, &n);
      for (guint i = 0; i < n; i++)
        {
          double lat, lon;

          if (assets[i].name == NULL)
            continue;
          location_of (self, VG_FLOOD_ASSET_BUILDING, assets[i].index, &lat, &lon);
          g_ptr_array_add (items, vg_exposed_item_new (_("Building"), assets[i].name, assets[i].category,
                                                       assets[i].inside, NULL, 3, lat, lon));
        }
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), items->pdata, items->len);
  show_exposed (self, items, 2);
}

static void
asset_activated_cb (VgFloodPanel *self,
                    guint         position)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (self->assets_view));
  g_autoptr(VgExposedItem) item = g_list_model_get_item (model, position);
  g_autoptr(GListModel) highlight = NULL;
  g_autoptr(VgProposalTarget) target = NULL;
  double lat, lon;

  if (item == NULL || self->map_view == NULL)
    return;
  vg_exposed_item_get_location (item, &lat, &lon);
  if (isnan (lat))
    return;
  target = point_target (item);
  highlight = G_LIST_MODEL (g_list_store_new (VG_TYPE_PROPOSAL_TARGET));
  g_list_store_append (G_LIST_STORE (highlight), target);
  vg_map_view_show_targets (self->map_view, highlight);
  vg_map_view_go_to (self->map_view, lat, lon, 16);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (user_data) == 3 ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  VgExposedItem *row = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL, *category = NULL, *depth = NULL;
  double inside;

  g_object_get (row, "category", &category, "depth", &depth, "inside", &inside, NULL);
  switch (GPOINTER_TO_INT (user_data))
    {
    case 0:
      gtk_label_set_text (label, vg_exposed_item_get_kind (row));
      break;
    case 1:
      gtk_label_set_text (label, vg_exposed_item_get_name (row) ? vg_exposed_item_get_name (row) : "—");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), vg_exposed_item_get_name (row));
      break;
    case 2:
      text = depth != NULL && category != NULL ? g_strdup_printf ("%s, %s", category, depth) : g_strdup (depth ? depth : category);
      gtk_label_set_text (label, text ? text : "");
      break;
    default:
      text = g_str_equal (vg_exposed_item_get_kind (row), _("Site")) ? g_strdup ("") :
             g_str_equal (vg_exposed_item_get_kind (row), _("Street")) ? g_strdup_printf ("%.0f m", inside)
                                                                       : g_strdup_printf ("%.0f m²", inside);
      gtk_label_set_text (label, text);
      break;
    }
}

static void
add_column (VgFloodPanel *self,
            const char   *title,
            int           column,
            GtkSorter    *sorter)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *c;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), GINT_TO_POINTER (column));
  c = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (c, sorter);
  gtk_column_view_column_set_expand (c, column == 1);
  gtk_column_view_column_set_resizable (c, TRUE);
  gtk_column_view_append_column (self->assets_view, c);
  g_object_unref (c);
  g_clear_object (&sorter);
}

static void
setup_table (VgFloodPanel *self)
{
  GtkSortListModel *sorted;
  GtkNoSelection *selection;

  add_column (self, _("Kind"), 0, GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (VG_TYPE_EXPOSED_ITEM, NULL, "rank"))));
  add_column (self, _("Name"), 1, GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (VG_TYPE_EXPOSED_ITEM, NULL, "name"))));
  add_column (self, _("Detail"), 2, GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (VG_TYPE_EXPOSED_ITEM, NULL, "category"))));
  {
    GtkNumericSorter *inside = gtk_numeric_sorter_new (gtk_property_expression_new (VG_TYPE_EXPOSED_ITEM, NULL, "inside"));

    gtk_numeric_sorter_set_sort_order (inside, GTK_SORT_DESCENDING);
    add_column (self, _("Inside"), 3, GTK_SORTER (inside));
  }
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                    g_object_ref (gtk_column_view_get_sorter (self->assets_view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->assets_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

/* ---- the rest of the panel ---- */

static void
show_totals (VgFloodPanel *self,
             double        stage)
{
  VgFloodLibrary *library = vg_hazard_models_get_flood_library (models (self));
  g_autofree char *text = NULL;
  gboolean beyond = FALSE;
  int envelope = -1;
  guint first, n;

  vg_flood_library_get_gauge_range (library, self->gauge, &first, &n);
  self->totals = NULL;
  if (stage >= vg_flood_envelope_get_stage (vg_flood_library_get_envelope (library, first)))
    self->totals = vg_flood_exposure_index_lookup (vg_hazard_models_get_flood_index (models (self)), self->gauge, stage,
                                                   &envelope, &beyond);
  if (self->totals == NULL)
    text = g_strdup_printf (_("At %.2f m: below the lowest envelope (%.1f m); nothing in the library is flooded."),
                            stage, vg_flood_envelope_get_stage (vg_flood_library_get_envelope (library, first)));
  else
    {
      const VgFloodTotals *t = self->totals;
      double env_stage = vg_flood_envelope_get_stage (vg_flood_library_get_envelope (library, envelope));

      text = g_strdup_printf (_("<b>At %.2f m → envelope %.1f m%s</b>\n"
                                "Buildings: %u (%.0f m² inside)\n"
                                "Address points: %u (≈ %.0f residents, %.1f per address)\n"
                                "Roads: %u segments, %.1f km inside, %u streets cut\n"
                                "Sensitive sites: %u, of which %u vulnerable"),
                              stage, env_stage, beyond ? _(" (the highest: at least)") : "",
                              t->buildings, t->building_area_m2, t->addresses, t->residents, VG_FLOOD_RESIDENTS_PER_ADDRESS,
                              t->road_segments, t->road_length_m / 1000, t->streets_cut, t->sites, t->vulnerable_sites);
    }
  gtk_label_set_markup (self->totals_label, text);
  fill_rows (self, envelope);
}

static void
show_reach (VgFloodPanel   *self,
            VgFloodOutlook *outlook)
{
  VgFloodProjection *projection = vg_flood_outlook_get_projection (outlook);
  const VgFloodCrossing *crossings;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->reach_list))) != NULL)
    gtk_list_box_remove (self->reach_list, child);
  crossings = vg_flood_projection_get_crossings (projection, &n);
  for (guint i = 0; i < n; i++)
    {
      const VgFloodCrossing *c = &crossings[i];
      g_autofree char *title = g_strdup_printf (_("%.1f m envelope"), c->stage_m);
      g_autofree char *when = NULL, *early = NULL, *late = NULL, *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (c->already)
        {
          when = format_time (c->time_us);
          subtitle = g_strdup_printf (_("Reached at %s"), when);
        }
      else if (c->time_us >= 0)
        {
          when = format_time (c->time_us);
          early = format_time (c->earliest_us);
          late = format_time (c->latest_us);
          subtitle = g_strdup_printf (_("Expected at %s (band: %s to %s)"), when, early, late);
        }
      else if (c->earliest_us >= 0)
        {
          early = format_time (c->earliest_us);
          subtitle = g_strdup_printf (_("Not expected within the horizon; possible from %s (band top)"), early);
        }
      else
        subtitle = g_strdup (_("Not expected within the horizon"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (c->already)
        gtk_widget_add_css_class (row, "vg-reached");
      gtk_list_box_append (self->reach_list, row);
    }
}

static void
show_method (VgFloodPanel   *self,
             VgFloodOutlook *outlook)
{
  VgFloodLibrary *library = vg_hazard_models_get_flood_library (models (self));
  VgGauge *river = vg_flood_outlook_get_river_gauge (outlook);
  guint first, n;
  VgFloodEnvelope *e;
  g_autofree char *text = NULL;

  vg_flood_library_get_gauge_range (library, self->gauge, &first, &n);
  e = vg_flood_library_get_envelope (library, first);
  text = g_strdup_printf (_("Projection: %s\n\n"
                            "Envelopes: %s (%s, version %s), %u stages from %.1f to %.1f m. %s Source: %s.\n\n"
                            "Readings: %s, station %s, paired with the library gauge %s. Thresholds: %s.\n\n"
                            "Exposure: %s Residents are an estimate: %.1f per address point (%s).\n\n"
                            "Buildings, addresses, streets, watercourses and sites: Ville de Montpellier open data of "
                            "2011–2014 (Licence Ouverte; sites may have opened, closed or moved since); commune boundaries: "
                            "IGN Admin Express COG 2018 (Licence Ouverte); Métropole outline: Montpellier Méditerranée "
                            "Métropole (ODbL). Details in data/SOURCES.md and data/flood/SOURCES.md.\n\n"
                            "Limits: a stage between two envelopes is answered by the higher one, never interpolated; "
                            "the trend assumes the recent change goes on; no dike breach, no rainfall on the city."),
                          vg_flood_projection_get_statement (vg_flood_outlook_get_projection (outlook)),
                          vg_flood_library_get_name (library), vg_flood_kind_to_id (vg_flood_envelope_get_kind (e)),
                          vg_flood_library_get_version (library), n, vg_flood_envelope_get_stage (e),
                          vg_flood_envelope_get_stage (vg_flood_library_get_envelope (library, first + n - 1)),
                          vg_flood_envelope_get_statement (e), vg_flood_envelope_get_source (e),
                          vg_gauge_get_name (river), vg_gauge_get_code (river), self->gauge,
                          vg_gauge_get_thresholds_source (river) ? vg_gauge_get_thresholds_source (river) : _("unknown"),
                          vg_flood_exposure_index_get_method (), VG_FLOOD_RESIDENTS_PER_ADDRESS, VG_FLOOD_RESIDENTS_SOURCE);
  gtk_label_set_text (self->method_label, text);
  /* What the envelopes are, in words that cannot be mistaken for a flood map. */
  switch (vg_flood_envelope_get_kind (e))
    {
    case VG_FLOOD_KIND_SYNTHETIC:
      gtk_label_set_text (self->synthetic_label, _("SYNTHETIC envelopes: computed on a made-up terrain model, not a "
                                                   "flood map. For training and testing only."));
      break;
    case VG_FLOOD_KIND_INDICATIVE_HAND:
      gtk_label_set_text (self->synthetic_label, _("INDICATIVE envelopes: computed from the terrain's height above the "
                                                   "river (HAND), not an official flood map: no hydraulics, no dikes."));
      break;
    case VG_FLOOD_KIND_OFFICIAL:
    case VG_N_FLOOD_KINDS:
    default:
      break;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->synthetic_label), vg_flood_envelope_get_kind (e) != VG_FLOOD_KIND_OFFICIAL);
}

static void
refresh (VgFloodPanel *self)
{
  VgFloodOutlook *outlook = current_outlook (self);
  VgFloodLibrary *library;
  VgGauge *river;
  gint64 time;
  double stage;
  gboolean beyond;
  int now;
  const VgFloodCrossing *next;
  g_autofree char *when = NULL, *status = NULL, *next_text = NULL;
  guint first, n;

  if (outlook == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "outlook");
  library = vg_hazard_models_get_flood_library (models (self));
  river = vg_flood_outlook_get_river_gauge (outlook);
  vg_flood_outlook_get_reading (outlook, &time, &stage);
  now = vg_flood_outlook_get_envelope_now (outlook, &beyond);
  next = vg_flood_outlook_get_next (outlook);
  when = format_time (time);
  if (next != NULL)
    {
      g_autofree char *at = format_time (next->time_us);

      next_text = g_strdup_printf (_("\nNext: %.1f m expected at %s."), next->stage_m, at);
    }
  status = g_markup_printf_escaped (_("<b>%s</b>: %.2f m at %s\n%s%s"), vg_gauge_get_name (river), stage, when,
                                    now >= 0 ? "" : _("Below every envelope."), next_text ? next_text : "");
  if (now >= 0)
    {
      g_autofree char *head = g_markup_printf_escaped (_("<b>%s</b>: %.2f m at %s\nEnvelope reached: %.1f m%s."),
                                                       vg_gauge_get_name (river), stage, when,
                                                       vg_flood_envelope_get_stage (vg_flood_library_get_envelope (library, now)),
                                                       beyond ? _(" (beyond the library)") : "");

      g_free (status);
      status = g_strconcat (head, next_text ? next_text : "", NULL);
    }
  gtk_label_set_markup (self->status_label, status);

  if (self->hydrograph == NULL || vg_hydrograph_get_gauge (self->hydrograph) != river)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->hydrograph_slot))) != NULL)
        gtk_box_remove (self->hydrograph_slot, child);
      self->hydrograph = VG_HYDROGRAPH (vg_hydrograph_new (river));
      gtk_box_append (self->hydrograph_slot, GTK_WIDGET (self->hydrograph));
    }
  vg_hydrograph_set_projection (self->hydrograph, vg_flood_outlook_get_projection (outlook), library, self->gauge);
  show_reach (self, outlook);
  show_method (self, outlook);

  vg_flood_library_get_gauge_range (library, self->gauge, &first, &n);
  self->setting = TRUE;
  gtk_adjustment_set_upper (self->whatif_adjustment,
                            vg_flood_envelope_get_stage (vg_flood_library_get_envelope (library, first + n - 1)) + 0.5);
  if (!self->what_if)
    gtk_adjustment_set_value (self->whatif_adjustment, stage);
  self->setting = FALSE;
  {
    g_autofree char *label = g_strdup_printf ("%.2f m", gtk_adjustment_get_value (self->whatif_adjustment));

    gtk_label_set_text (self->whatif_label, label);
  }
  show_totals (self, gtk_adjustment_get_value (self->whatif_adjustment));
}

static void
whatif_changed_cb (VgFloodPanel *self)
{
  double stage = gtk_adjustment_get_value (self->whatif_adjustment);
  g_autofree char *label = g_strdup_printf ("%.2f m", stage);

  gtk_label_set_text (self->whatif_label, label);
  if (self->setting || self->gauge == NULL || self->projector == NULL)
    return;
  self->what_if = TRUE;
  if (self->map_view != NULL && vg_map_view_get_hazard_layers (self->map_view) != NULL)
    vg_hazard_layers_set_flood_stage (vg_map_view_get_hazard_layers (self->map_view), self->gauge, stage);
  show_totals (self, stage);
}

static void
whatif_reset_cb (VgFloodPanel *self)
{
  vg_flood_panel_set_what_if (self, NAN);
}

static void
selected_cb (VgFloodPanel *self)
{
  g_autoptr(VgFloodOutlook) outlook = NULL;
  guint position = gtk_drop_down_get_selected (self->gauge_dropdown);
  GListModel *model = gtk_drop_down_get_model (self->gauge_dropdown);

  if (model == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  outlook = g_list_model_get_item (model, position);
  if (outlook == NULL || g_strcmp0 (self->gauge, vg_flood_outlook_get_gauge (outlook)) == 0)
    return;
  if (self->gauge != NULL && self->what_if)
    vg_flood_panel_set_what_if (self, NAN);
  g_free (self->gauge);
  self->gauge = g_strdup (vg_flood_outlook_get_gauge (outlook));
  self->rows_envelope = -2;
  refresh (self);
}

static void
projector_changed_cb (VgFloodPanel *self)
{
  GListModel *model = vg_projector_get_flood (self->projector);

  /* The first outlook to arrive is shown; later ones keep the operator's choice. */
  if (self->gauge == NULL && g_list_model_get_n_items (model) > 0)
    {
      g_autoptr(VgFloodOutlook) first = g_list_model_get_item (model, 0);

      vg_flood_panel_select_gauge (self, vg_flood_outlook_get_gauge (first));
    }
  refresh (self);
}

static char *
outlook_name (VgFloodOutlook *outlook)
{
  return outlook != NULL ? g_strdup (vg_gauge_get_name (vg_flood_outlook_get_river_gauge (outlook))) : NULL;
}

static void
vg_flood_panel_dispose (GObject *object)
{
  VgFloodPanel *self = VG_FLOOD_PANEL (object);

  if (self->projector != NULL)
    g_signal_handlers_disconnect_by_data (self->projector, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), VG_TYPE_FLOOD_PANEL);
  g_clear_object (&self->projector);
  g_clear_object (&self->map_view);
  g_clear_object (&self->to_wgs84);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->gauge, g_free);

  G_OBJECT_CLASS (vg_flood_panel_parent_class)->dispose (object);
}

static void
vg_flood_panel_class_init (VgFloodPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vg_flood_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vg-flood-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, VgFloodPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, VgFloodPanel, gauge_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VgFloodPanel, synthetic_label);
  gtk_widget_class_bind_template_child (widget_class, VgFloodPanel, status_label);
  gtk_widget_class_bind_template_child (widget_class, VgFloodPanel, hydrograph_slot);
  gtk_widget_class_bind_template_child (widget_class, VgFloodPanel, reach_list);
  gtk_widget_class_bind_template_child (widget_class, VgFloodPanel, whatif_adjustment);
  gtk_widget_class_bind_template_child (widget_class, VgFloodPanel, whatif_label);
  gtk_widget_class_bind_template_child (widget_class, VgFloodPanel, assets_view);
  gtk_widget_class_bind_template_child (widget_class, VgFloodPanel, totals_label);
  gtk_widget_class_bind_template_child (widget_class, VgFloodPanel, method_label);
  gtk_widget_class_bind_template_callback (widget_class, whatif_reset_cb);
  gtk_widget_class_bind_template_callback (widget_class, asset_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "vg-flood-panel");
}

static void
vg_flood_panel_init (VgFloodPanel *self)
{
  g_autoptr(GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_list_store_new (VG_TYPE_EXPOSED_ITEM);
  self->rows_envelope = -2;
  self->to_wgs84 = vg_crs_transform_new ("EPSG:2154", "EPSG:4326", &error);
  if (self->to_wgs84 == NULL)
    g_error ("PROJ cannot place Lambert-93: %s", error->message);
  setup_table (self);
  gtk_drop_down_set_expression (self->gauge_dropdown,
                                gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                             G_CALLBACK (outlook_name), NULL, NULL));
  g_signal_connect_swapped (self->gauge_dropdown, "notify::selected", G_CALLBACK (selected_cb), self);
  g_signal_connect_swapped (self->whatif_adjustment, "value-changed", G_CALLBACK (whatif_changed_cb), self);
}

GtkWidget *
vg_flood_panel_new (void)
{
  return g_object_new (VG_TYPE_FLOOD_PANEL, NULL);
}

void
vg_flood_panel_set_projector (VgFloodPanel *self,
                              VgProjector  *projector,
                              VgMapView    *map_view)
{
  g_return_if_fail (VG_IS_FLOOD_PANEL (self));

  if (self->projector != NULL)
    g_signal_handlers_disconnect_by_data (self->projector, self);
  g_set_object (&self->projector, projector);
  g_set_object (&self->map_view, map_view);
  g_clear_pointer (&self->gauge, g_free);
  gtk_drop_down_set_model (self->gauge_dropdown, projector ? vg_projector_get_flood (projector) : NULL);
  if (projector != NULL)
    {
      g_signal_connect_swapped (projector, "changed", G_CALLBACK (projector_changed_cb), self);
      projector_changed_cb (self);
    }
  else
    refresh (self);
}

gboolean
vg_flood_panel_select_gauge (VgFloodPanel *self,
                             const char   *gauge)
{
  GListModel *model;

  g_return_val_if_fail (VG_IS_FLOOD_PANEL (self), FALSE);

  model = gtk_drop_down_get_model (self->gauge_dropdown);
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VgFloodOutlook) outlook = g_list_model_get_item (model, i);

      if (g_str_equal (vg_flood_outlook_get_gauge (outlook), gauge))
        {
          gtk_drop_down_set_selected (self->gauge_dropdown, i);
          selected_cb (self);
          return TRUE;
        }
    }
  return FALSE;
}

VgFloodOutlook *
vg_flood_panel_get_outlook (VgFloodPanel *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_PANEL (self), NULL);

  return current_outlook (self);
}

const char *
vg_flood_panel_get_gauge (VgFloodPanel *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_PANEL (self), NULL);

  return self->gauge;
}

void
vg_flood_panel_set_what_if (VgFloodPanel *self,
                            double        stage_m)
{
  g_return_if_fail (VG_IS_FLOOD_PANEL (self));

  if (isnan (stage_m))
    {
      self->what_if = FALSE;
      if (self->gauge != NULL && self->map_view != NULL && vg_map_view_get_hazard_layers (self->map_view) != NULL)
        vg_hazard_layers_set_flood_stage (vg_map_view_get_hazard_layers (self->map_view), self->gauge, NAN);
      if (current_outlook (self) != NULL)
        refresh (self);
      return;
    }
  gtk_adjustment_set_value (self->whatif_adjustment, stage_m);
}

const VgFloodTotals *
vg_flood_panel_get_totals (VgFloodPanel *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_PANEL (self), NULL);

  return self->totals;
}

GListModel *
vg_flood_panel_get_rows (VgFloodPanel *self)
{
  g_return_val_if_fail (VG_IS_FLOOD_PANEL (self), NULL);

  return G_LIST_MODEL (gtk_column_view_get_model (self->assets_view));
}

void
vg_flood_panel_activate_row (VgFloodPanel *self,
                             guint         position)
{
  g_return_if_fail (VG_IS_FLOOD_PANEL (self));

  asset_activated_cb (self, position);
}
