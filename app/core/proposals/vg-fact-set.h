/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

#include "vg-site.h"

G_BEGIN_DECLS

/* The facts the playbooks' triggers read: what the flood and heat engines and the traffic feed
 * concluded, at one instant (the set's computed_at), for the hazards the set covers. The engines
 * fill it (the C builders below, or JSON in the "vigie-facts/1" format described in
 * data/playbooks/README.md); nothing here computes a flood or a heat level.
 *
 * A set is COMPLETE for the hazards it covers: a proposal of a covered hazard whose trigger no
 * longer matches any fact is superseded. A set covering no hazard changes nothing. Every fact
 * says where it comes from (source, time) and, for projections, the method and its version: they
 * go into the "why" of each proposal. Validated as it is built: an error names the JSON path. */

typedef enum {
  VG_HAZARD_FLOOD,
  VG_HAZARD_HEAT,
  VG_HAZARD_TRAFFIC,
  VG_N_HAZARDS,
} VgHazard;

#define VG_HAZARD_MASK(hazard) (1u << (hazard))

/* What a fact is about; each belongs to one hazard. */
typedef enum {
  VG_FACT_FLOOD_GAUGE,      /* "flood.gauge": one gauge, its flood envelopes and their ETAs */
  VG_FACT_HEAT_DISTRICT,    /* "heat.district": one district on one day, its heat level */
  VG_FACT_TRAFFIC_CLOSURE,  /* "traffic.closure": one road closure from a DATEX II feed */
  VG_N_FACT_TYPES,
} VgFactType;

/* A public site, as facts name them (from VgSite or the city's layers). */
typedef struct {
  const char *id;         /* stable id ("EtabliPublic:711") */
  const char *name;
  const char *category;   /* vg_site_category_to_id() */
  double      lon, lat;   /* WGS84 */
} VgFactSite;

/* A street, or a segment of one, that a flood envelope cuts. */
typedef struct {
  const char   *id;           /* stable id of the segment ("streets:1234": layer and fid) */
  const char   *name;         /* as published ("Quai de Cythère") */
  const char   *road_class;   /* "primary", "street"...; may be NULL */
  const double *lonlat;       /* @n_points interleaved lon, lat (WGS84) */
  guint         n_points;     /* at least 2 */
} VgFactStreet;

/* The extent flooded when a gauge reaches @stage, and when that is expected. */
typedef struct {
  double              stage;                /* m above the gauge zero */
  gboolean            expected;             /* FALSE: not reached within the projection's horizon */
  gint64              eta;                  /* Unix µs it is reached (at or before computed_at: already) */
  int                 eta_uncertainty_min;  /* ± minutes on @eta, −1 if unknown */
  const VgFactStreet *streets;              /* exposed streets (road segments cut) */
  guint               n_streets;
  const VgFactSite   *sites;                /* exposed public sites */
  guint               n_sites;
} VgFloodEnvelopeFact;

/* One gauge as the flood engine projects it: what it last read, its peak, and its envelopes in
 * increasing stage order. */
typedef struct {
  const char                *gauge;           /* station code ("Y320403001"): the hazard key */
  const char                *name;            /* "Le Lez à Montpellier" */
  double                     lon, lat;
  double                     observed_stage;  /* m, NaN if none */
  gint64                     observed_at;     /* Unix µs of that reading */
  double                     peak_stage;      /* projected peak, m, NaN if none */
  gint64                     peak_at;
  const VgFloodEnvelopeFact *envelopes;
  guint                      n_envelopes;
  const char                *source;          /* where the readings come from ("hubeau-lez") */
  gint64                     source_time;     /* when (last reading or forecast issue), Unix µs */
  guint64                    source_seq;      /* journal seq of that input, 0 if none */
  const char                *method;          /* projection method ("vigie-flood-rating") */
  const char                *method_version;  /* its version ("1") */
  const char                *projection_id;   /* the projection's id, or NULL */
  guint64                    projection_seq;  /* journal seq of the projection entry, 0 if none */
  const char                *uncertainty_fr;  /* the engine's words on its uncertainty, or NULL */
  const char                *uncertainty_en;
} VgFloodGaugeFact;

/* A DATEX II road closure, with the sites it leaves without any other access. */
typedef struct {
  const char       *record;          /* DATEX situation record id: the hazard key */
  const char       *road;            /* road name */
  double            lon, lat;        /* a point on the closure, for the map */
  const double     *lonlat;          /* the closed stretch, @n_points interleaved, or NULL */
  guint             n_points;
  gint64            start;           /* Unix µs the closure starts */
  const VgFactSite *only_access_to;  /* sites whose only access the closure cuts (the traffic engine's finding) */
  guint             n_only_access_to;
  const char       *source;          /* feed id */
  gint64            source_time;     /* when it was published */
  guint64           source_seq;
} VgTrafficClosureFact;

#define VG_TYPE_FACT_SET (vg_fact_set_get_type ())
G_DECLARE_FINAL_TYPE (VgFactSet, vg_fact_set, VG, FACT_SET, GObject)

/* Hazard named @id ("flood", "heat", "traffic"); FALSE if unknown. */
gboolean    vg_hazard_from_id                (const char                 *id,
                                              VgHazard                   *hazard);
/* Stable id of @hazard; static. */
const char *vg_hazard_to_id                  (VgHazard                    hazard);
/* Fact type named @id ("flood.gauge"...); FALSE if unknown. */
gboolean    vg_fact_type_from_id             (const char                 *id,
                                              VgFactType                 *type);
/* Stable id of @type; static. */
const char *vg_fact_type_to_id               (VgFactType                  type);
/* The hazard @type belongs to. */
VgHazard    vg_fact_type_get_hazard          (VgFactType                  type);

/* New empty set computed at @computed_at (Unix µs; triggers' "within" counts from it), complete
 * for the hazards in @hazards (VG_HAZARD_MASK bits). */
VgFactSet  *vg_fact_set_new                  (gint64                      computed_at,
                                              guint                       hazards);
/* Reads a "vigie-facts/1" JSON file; NULL with VG_PROPOSAL_ERROR_FACTS naming the file and the
 * JSON path (or line and column for a syntax error). Files over VG_FACT_SET_MAX_FILE_SIZE or
 * nested deeper than VG_JSON_MAX_DEPTH (64) levels are refused before parsing. */
#define VG_FACT_SET_MAX_FILE_SIZE (32 * 1024 * 1024)   /* bytes */
VgFactSet  *vg_fact_set_load                 (const char                 *path,
                                              GError                    **error);
/* The same from a parsed document; @origin names it in errors. */
VgFactSet  *vg_fact_set_new_from_json        (JsonNode                   *root,
                                              const char                 *origin,
                                              GError                    **error);
/* Adds one fact given as a JSON object of the format; its hazard must be covered. */
gboolean    vg_fact_set_add_json             (VgFactSet                  *self,
                                              JsonNode                   *fact,
                                              GError                    **error);
/* Adds a flood gauge fact (copied). */
gboolean    vg_fact_set_add_flood_gauge      (VgFactSet                  *self,
                                              const VgFloodGaugeFact     *fact,
                                              GError                    **error);
/* Adds a road closure fact (copied). */
gboolean    vg_fact_set_add_traffic_closure  (VgFactSet                  *self,
                                              const VgTrafficClosureFact *fact,
                                              GError                    **error);
/* Adds @site as a resource (emergency accommodation the "shelters" targets pick from). */
void        vg_fact_set_add_resource         (VgFactSet                  *self,
                                              VgSite                     *site);
/* @site as a VgFactSite; borrows its strings. */
void        vg_fact_site_from_site           (VgSite                     *site,
                                              VgFactSite                 *out);
/* When the facts were computed, Unix µs. */
gint64      vg_fact_set_get_computed_at      (VgFactSet                  *self);
/* The hazards covered (VG_HAZARD_MASK bits). */
guint       vg_fact_set_get_hazards          (VgFactSet                  *self);
/* Number of facts. */
guint       vg_fact_set_get_n_facts          (VgFactSet                  *self);
/* The whole set as a "vigie-facts/1" document (what `vigie-cli proposals evaluate --facts`
 * reads); free with json_node_unref(). */
JsonNode   *vg_fact_set_to_json              (VgFactSet                  *self);

G_END_DECLS
