/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "vg-error.h"
#include "vg-fact-set.h"
#include "vg-gpkg.h"
#include "vg-heat-facts.h"
#include "vg-playbook.h"
#include "vg-proposal-queue.h"
#include "vg-roster.h"
#include "vg-site.h"
#include "vg-test-journal.h"
#include "vg-test-util.h"

/* Proposals, sign-off and gated outputs (issue 7), on the bundled playbooks and facts built by
 * hand from the real Montpellier geodata: streets along the Lez and the sites near it. */

/* Real segments of the "streets" layer (fid, WGS84), near the Lez. */
typedef struct
{
  const char *id;
  const char *name;
  const char *road_class;
  double      lonlat[14];
  guint       n_points;
} Street;

static const Street quai_cythere_a = { "streets:2430", "Quai de Cythère", "primary",
                                       { 3.897506, 43.606612, 3.897522, 43.606728 }, 2 };
static const Street quai_cythere_b = { "streets:2429", "Quai de Cythère", "primary",
                                       { 3.897522, 43.606728, 3.897567, 43.607129 }, 2 };
static const Street quai_cythere_c = { "streets:5864", "Quai de Cythère", "primary",
                                       { 3.897646, 43.607899, 3.897694, 43.60828 }, 2 };
static const Street saint_andre = { "streets:2627", "Avenue Saint André de Novigens", "primary",
                                    { 3.896744, 43.618327, 3.896475, 43.618319, 3.896056, 43.618358,
                                      3.893929, 43.618576, 3.893611, 43.618631 }, 5 };
static const Street draye = { "streets:6077", "Rue de la Draye", "street",
                              { 3.893098, 43.631478, 3.893024, 43.631651, 3.892704, 43.632222,
                                3.892594, 43.632395, 3.892226, 43.632841, 3.891457, 43.633233,
                                3.890655, 43.633469 }, 7 };

#define EHPAD_LES_AUBES "EtabliPublic:711"
#define ECOLE_PAINLEVE  "EtabliPublic:446"
#define CRECHE_CAMBON   "EtabliPublic:195"
#define GYMNASE_OLYMPIE "SitesHebUrg:500"
#define LEZ_GAUGE       "Y320403001"

typedef struct
{
  char            *dir;
  char            *path;
  VgClock         *clock;
  VgJournal       *journal;
  VgProposalQueue *queue;
  GPtrArray       *playbooks;
  GListStore      *sites;
  VgOperator      *validator;
  VgOperator      *operator_;
  VgOperator      *observer;
  VgOperator      *controller;
} Fixture;

static gint64
at (const char *iso)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return vg_time_to_usec (time);
}

static void
set_clock (Fixture    *f,
           const char *iso)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso, NULL);

  vg_clock_set_now (f->clock, time);
}

static GListStore *
load_sites (void)
{
  g_autofree char *path = vg_test_geodata_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VgGpkg) gpkg = vg_gpkg_open (path, &error);
  GListStore *sites;

  g_assert_no_error (error);
  sites = vg_site_load_all (gpkg, &error);
  g_assert_no_error (error);
  return sites;
}

static VgSite *
find_site (Fixture    *f,
           const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->sites)); i++)
    {
      g_autoptr(VgSite) site = g_list_model_get_item (G_LIST_MODEL (f->sites), i);

      if (g_str_equal (vg_site_get_id (site), id))
        return site;   /* the store keeps it alive */
    }
  g_assert_not_reached ();
}

static void
fixture_open (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->queue = vg_proposal_queue_new (f->journal, f->clock, &error);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean exercise = GPOINTER_TO_INT (data);

  f->dir = vg_test_mkdtemp ();
  f->path = g_build_filename (f->dir, "lez.vigie-journal", NULL);
  f->clock = vg_test_clock_new ();
  set_clock (f, "2014-09-29T12:00:00Z");
  f->journal = vg_test_journal_create (f->path, f->clock, exercise);
  f->playbooks = vg_playbook_load_dir (NULL, &error);
  g_assert_no_error (error);
  f->sites = load_sites ();
  f->validator = vg_operator_new ("Camille Martin", VG_ROLE_VALIDATOR, "Directrice de cabinet");
  f->operator_ = vg_operator_new ("Julien Roux", VG_ROLE_OPERATOR, NULL);
  f->observer = vg_operator_new ("Sophie Bernard", VG_ROLE_OBSERVER, NULL);
  f->controller = vg_operator_new ("Karim Haddad", VG_ROLE_EXERCISE_CONTROLLER, NULL);
  fixture_open (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->queue);
  g_assert_finalize_object (f->journal);
  g_clear_object (&f->clock);
  g_clear_pointer (&f->playbooks, g_ptr_array_unref);
  g_clear_object (&f->sites);
  g_clear_object (&f->validator);
  g_clear_object (&f->operator_);
  g_clear_object (&f->observer);
  g_clear_object (&f->controller);
  vg_test_rmtree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Closes and reopens the journal and a new queue on it: state comes from the entries only. */
static void
fixture_reopen (Fixture *f)
{
  g_assert_finalize_object (f->queue);
  g_assert_finalize_object (f->journal);
  f->journal = vg_test_journal_open (f->path, f->clock);
  fixture_open (f);
}

static void
street_fact (const Street *street,
             VgFactStreet *out)
{
  out->id = street->id;
  out->name = street->name;
  out->road_class = street->road_class;
  out->lonlat = street->lonlat;
  out->n_points = street->n_points;
}

/* The Lez at Montpellier seen at @computed: envelopes of 2.5, 3.5 and 4.5 m expected that many
 * minutes later (negative: not expected within the projection's horizon). */
static VgFactSet *
lez_facts (Fixture    *f,
           const char *computed,
           int         eta25,
           int         eta35,
           int         eta45)
{
  g_autoptr(GError) error = NULL;
  gint64 t0 = at (computed);
  VgFactStreet low[2], middle[2], high[1];
  VgFactSite low_sites[1], middle_sites[3];
  VgFloodEnvelopeFact envelopes[3] = { 0 };
  VgFloodGaugeFact gauge = { 0 };
  VgFactSet *facts = vg_fact_set_new (t0, VG_HAZARD_MASK (VG_HAZARD_FLOOD));
  int etas[3] = { eta25, eta35, eta45 };

  street_fact (&quai_cythere_a, &low[0]);
  street_fact (&quai_cythere_b, &low[1]);
  street_fact (&quai_cythere_c, &middle[0]);
  street_fact (&saint_andre, &middle[1]);
  street_fact (&draye, &high[0]);
  vg_fact_site_from_site (find_site (f, ECOLE_PAINLEVE), &low_sites[0]);
  vg_fact_site_from_site (find_site (f, EHPAD_LES_AUBES), &middle_sites[0]);
  vg_fact_site_from_site (find_site (f, CRECHE_CAMBON), &middle_sites[1]);
  vg_fact_site_from_site (find_site (f, GYMNASE_OLYMPIE), &middle_sites[2]);

  for (guint i = 0; i < 3; i++)
    {
      envelopes[i].stage = 2.5 + i;
      envelopes[i].expected = etas[i] >= 0;
      envelopes[i].eta = t0 + (gint64) etas[i] * G_TIME_SPAN_MINUTE;
      envelopes[i].eta_uncertainty_min = 30 + 10 * i;
    }
  envelopes[0].streets = low;
  envelopes[0].n_streets = 2;
  envelopes[0].sites = low_sites;
  envelopes[0].n_sites = 1;
  envelopes[1].streets = middle;
  envelopes[1].n_streets = 2;
  envelopes[1].sites = middle_sites;
  envelopes[1].n_sites = 3;
  envelopes[2].streets = high;
  envelopes[2].n_streets = 1;

  gauge.gauge = LEZ_GAUGE;
  gauge.name = "Le Lez à Montpellier";
  gauge.lon = 3.89671;
  gauge.lat = 43.61864;
  gauge.observed_stage = 1.2;
  gauge.observed_at = t0 - 15 * G_TIME_SPAN_MINUTE;
  gauge.peak_stage = 4.6;
  gauge.peak_at = t0 + 5 * G_TIME_SPAN_HOUR;
  gauge.envelopes = envelopes;
  gauge.n_envelopes = 3;
  gauge.source = "hubeau-lez";
  gauge.source_time = gauge.observed_at;
  gauge.source_seq = 0;
  gauge.method = "vigie-flood-rating";
  gauge.method_version = "1";
  gauge.uncertainty_fr = "courbe de tarage supposée, non officielle";
  gauge.uncertainty_en = "assumed rating curve, not the official one";
  g_assert_true (vg_fact_set_add_flood_gauge (facts, &gauge, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->sites)); i++)
    {
      g_autoptr(VgSite) site = g_list_model_get_item (G_LIST_MODEL (f->sites), i);

      if (vg_site_get_category (site) == VG_SITE_SHELTER)
        vg_fact_set_add_resource (facts, site);
    }
  return facts;
}

static void
evaluate (Fixture             *f,
          VgFactSet           *facts,
          VgEvaluationSummary *summary)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (vg_proposal_queue_evaluate (f->queue, f->playbooks, facts, summary, &error));
  g_assert_no_error (error);
}

static guint64
n_entries (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (vg_journal_catch_up (f->journal, &error));
  return vg_journal_state_get_last_seq (vg_journal_get_state (f->journal));
}

static VgProposal *
lookup (Fixture    *f,
        const char *id)
{
  VgProposal *proposal = vg_proposal_queue_lookup (f->queue, id);

  if (proposal == NULL)
    g_error ("no proposal %s", id);
  return proposal;
}

static guint
n_targets (VgProposal *proposal)
{
  return g_list_model_get_n_items (vg_proposal_get_targets (proposal));
}

static gboolean
has_target (VgProposal *proposal,
            const char *id)
{
  GListModel *targets = vg_proposal_get_targets (proposal);

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(VgProposalTarget) target = g_list_model_get_item (targets, i);

      if (g_str_equal (vg_proposal_target_get_id (target), id))
        return TRUE;
    }
  return FALSE;
}

static guint
n_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

/* Playbooks. */

static void
test_bundled_playbooks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) playbooks = vg_playbook_load_dir (NULL, &error);
  guint n_rules = 0;
  const char *hazards[] = { "flood", "heat", "traffic" };

  g_assert_no_error (error);
  g_assert_cmpuint (playbooks->len, ==, 3);
  for (guint p = 0; p < playbooks->len; p++)
    {
      VgPlaybook *playbook = g_ptr_array_index (playbooks, p);
      GPtrArray *rules = vg_playbook_get_rules (playbook);

      g_assert_cmpstr (vg_playbook_get_id (playbook), ==, hazards[p]);
      g_assert_cmpstr (vg_hazard_to_id (vg_playbook_get_hazard (playbook)), ==, hazards[p]);
      for (guint r = 0; r < rules->len; r++)
        {
          VgRule *rule = g_ptr_array_index (rules, r);

          n_rules++;
          g_assert_nonnull (vg_rule_get_title (rule, "fr"));
          g_assert_nonnull (vg_rule_get_title (rule, "en"));
          g_assert_true (g_str_has_prefix (vg_rule_get_id (rule), hazards[p]));
          if (vg_rule_get_action (rule) == VG_ACTION_EVACUATION || vg_rule_get_action (rule) == VG_ACTION_WELFARE_CHECK_TASK ||
              vg_rule_get_action (rule) == VG_ACTION_PUBLIC_ALERT_DRAFT)
            g_assert_true (vg_rule_touches_people (rule));
        }
    }
  g_assert_cmpuint (n_rules, ==, 15);
}

/* Each broken playbook is refused with "FILE:LINE: … key “KEY”". */
static void
test_playbook_errors (void)
{
  static const char header[] =
    "[playbook]\nhazard = flood\nversion = 1\ntitle[fr] = Crues\ntitle[en] = Floods\ntimezone = Europe/Paris\n"
    "cap_sender = alerte@example.invalid\n\n";
  static const char good_rule[] =
    "[rule r]\nversion = 1\ntrigger = flood.gauge stage>=3.5 within=3h\naction = road-closure\ntargets = streets\n"
    "priority = 1\ndeadline = eta - 1h\ntitle[fr] = Fermer {targets}\ntitle[en] = Close {targets}\n"
    "rationale[fr] = {gauge_name}\nrationale[en] = {gauge_name}\n";
  /* Line numbers count from the header's 8 lines: the rule starts on line 9. */
  struct { const char *from, *to; guint line; const char *key; const char *words; } cases[] = {
    { "priority = 1\n", "priority = 1\ndealine = eta\n", 15, "dealine", "unknown key" },
    { "stage>=3.5", "stag>=3.5", 11, "trigger", "unknown condition “stag”" },
    { "stage>=3.5", "stage>=3,5", 11, "trigger", "point" },
    { "flood.gauge", "heat.district", 11, "trigger", "in a flood playbook" },
    { "title[en] = Close {targets}", "title[en] = Close {streets}", 17, "title[en]", "{streets}" },
    { "title[en] = Close {targets}\n", "", 9, "title[en]", "missing" },
    { "priority = 1", "priority = 9", 14, "priority", "1 (most urgent) to 5" },
    { "deadline = eta - 1h", "deadline = start - 1h", 15, "deadline", "eta, peak, computed" },
    { "deadline = eta - 1h", "deadline = eta - soon", 15, "deadline", "ANCHOR - DURATION" },
    { "action = road-closure", "action = evacuation\ntouches_people = false", 13, "touches_people", "always touches people" },
    { "action = road-closure", "action = public-alert-draft", 9, "cap_event[fr]", "missing" },
    { "action = road-closure", "action = close-everything", 12, "action", "close-everything" },
    { "targets = streets", "targets = streets schools", 13, "targets", "unknown target “schools”" },
    { "version = 1\ntrigger", "version = one\ntrigger", 10, "version", "version number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = vg_test_mkdtemp ();
      g_autofree char *path = g_build_filename (dir, "flood.playbook", NULL);
      g_autoptr(GString) text = g_string_new (header);
      g_autoptr(GError) error = NULL;
      g_autofree char *location = NULL;
      g_autofree char *key = NULL;
      g_autoptr(VgPlaybook) playbook = NULL;
      char *at_from;

      g_string_append (text, good_rule);
      at_from = strstr (text->str, cases[i].from);
      g_assert_nonnull (at_from);
      g_string_erase (text, at_from - text->str, strlen (cases[i].from));
      g_string_insert (text, at_from - text->str, cases[i].to);
      g_assert_true (g_file_set_contents (path, text->str, -1, NULL));

      playbook = vg_playbook_load (path, &error);
      g_assert_null (playbook);
      g_assert_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_PLAYBOOK);
      location = g_strdup_printf ("%s:%u: ", path, cases[i].line);
      key = g_strdup_printf ("key “%s”", cases[i].key);
      if (!g_str_has_prefix (error->message, location) || strstr (error->message, key) == NULL ||
          strstr (error->message, cases[i].words) == NULL)
        g_error ("case %u: “%s” lacks “%s”, “%s” or “%s”", i, error->message, location, key, cases[i].words);
      vg_test_rmtree (dir);
    }
}

/* Errors the scanner catches before any rule: lines, groups, duplicates; and across files. */
static void
test_playbook_structure_errors (void)
{
  struct { const char *text; const char *expect; } cases[] = {
    { "[playbook]\nhazard = flood\nhazard = heat\n", ":3: key “hazard” again in [playbook] (first on line 2)" },
    { "[playbook]\nhazard flood\n", ":2: “hazard flood” is neither" },
    { "hazard = flood\n", ":1: key “hazard” before any [group]" },
    { "[playbook]\n[playbook]\n", ":2: group [playbook] again (first on line 1)" },
    { "[playbook]\nhazard = volcano\n", ":2: [playbook], key “hazard”: “volcano”" },
    { "[playbook]\nhazard = flood\nversion = 1\ntitle[fr] = a\ntitle[en] = b\ntimezone = Mars/Olympus\n",
      ":6: [playbook], key “timezone”" },
    { "[playbook]\nhazard = flood\nversion = 1\ntitle[fr] = a\ntitle[en] = b\ntimezone = UTC\n[regle x]\n",
      ":7: [regle x]: a group is [playbook] or [rule ID]" },
    { "[playbook]\nhazard = flood\nversion = 1\ntitle[fr] = a\ntitle[en] = b\ntimezone = UTC\n",
      ":1: no [rule ID] group" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = vg_test_mkdtemp ();
      g_autofree char *path = g_build_filename (dir, "x.playbook", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(VgPlaybook) playbook = NULL;

      g_assert_true (g_file_set_contents (path, cases[i].text, -1, NULL));
      playbook = vg_playbook_load (path, &error);
      g_assert_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_PLAYBOOK);
      if (!g_str_has_prefix (error->message, path) || strstr (error->message, cases[i].expect) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].expect);
      vg_test_rmtree (dir);
    }

  /* The same rule id in two files names both places. */
  {
    g_autofree char *dir = vg_test_mkdtemp ();
    g_autofree char *bundled = NULL;
    g_autofree char *text = NULL;
    g_autofree char *copy = g_build_filename (dir, "flood.playbook", NULL);
    g_autofree char *again = g_build_filename (dir, "zz-flood-copy.playbook", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) playbooks = NULL;

    bundled = g_build_filename (g_getenv ("VIGIE_DATA_DIR"), "playbooks", "flood.playbook", NULL);
    g_assert_true (g_file_get_contents (bundled, &text, NULL, NULL));
    g_assert_true (g_file_set_contents (copy, text, -1, NULL));
    g_assert_true (g_file_set_contents (again, text, -1, NULL));
    playbooks = vg_playbook_load_dir (dir, &error);
    g_assert_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_PLAYBOOK);
    g_assert_true (g_str_has_prefix (error->message, again));
    g_assert_nonnull (strstr (error->message, "rule “flood-close-roads” is already defined at"));
    g_assert_nonnull (strstr (error->message, copy));
    vg_test_rmtree (dir);
  }
}

/* Roster. */

static void
test_roster (void)
{
  g_autofree char *example = g_build_filename (g_getenv ("VIGIE_DATA_DIR"), "roster.example", NULL);
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *broken = g_build_filename (dir, "roster.ini", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VgRoster) roster = vg_roster_load (example, &error);
  g_autoptr(VgOperator) camille = NULL;
  g_autoptr(VgOperator) nobody = NULL;
  g_autoptr(VgRoster) bad = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (roster)), ==, 6);
  camille = vg_roster_sign_in (roster, "Camille Martin", VG_ROLE_VALIDATOR, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vg_operator_get_function (camille), ==, "Directrice de cabinet, astreinte décisionnelle");

  nobody = vg_roster_sign_in (roster, "Julien Roux", VG_ROLE_VALIDATOR, &error);
  g_assert_null (nobody);
  g_assert_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "Julien Roux may not sign in as validator"));
  g_clear_error (&error);
  nobody = vg_roster_sign_in (roster, "Jean Inconnu", VG_ROLE_OBSERVER, &error);
  g_assert_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "“Jean Inconnu” is not on the roster"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (broken, "[Ana]\nroles = operator\n\n[Ben]\nroles = boss\n", -1, NULL));
  bad = vg_roster_load (broken, &error);
  g_assert_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_ROSTER);
  g_assert_true (g_str_has_prefix (error->message, broken));
  g_assert_nonnull (strstr (error->message, ":5: [Ben], key “roles”: unknown role “boss”"));
  vg_test_rmtree (dir);
}

/* Facts. */

static void
test_fact_validation (void)
{
  struct { const char *text; const char *path; } cases[] = {
    { "{\"format\":\"vigie-facts/2\",\"computed_at\":\"2014-09-29T12:00:00Z\",\"hazards\":[],\"facts\":[]}", "format" },
    { "{\"format\":\"vigie-facts/1\",\"computed_at\":\"2014-09-29 12:00\",\"hazards\":[],\"facts\":[]}", "computed_at" },
    { "{\"format\":\"vigie-facts/1\",\"computed_at\":\"2014-09-29T12:00:00Z\",\"hazards\":[\"flood\"],\"facts\":[],\"extra\":1}",
      "$: unknown member “extra”" },
    { "{\"format\":\"vigie-facts/1\",\"computed_at\":\"2014-09-29T12:00:00Z\",\"hazards\":[\"heat\"],\"facts\":"
      "[{\"type\":\"flood.gauge\"}]}", "facts[0]: a flood.gauge fact, but the set does not cover the flood hazard" },
    { "{\"format\":\"vigie-facts/1\",\"computed_at\":\"2014-09-29T12:00:00Z\",\"hazards\":[\"flood\"],\"facts\":"
      "[{\"type\":\"flood.gauge\",\"gauge\":\"Y\",\"name\":\"Lez\",\"lon\":3.9,\"lat\":43.6,"
      "\"source\":{\"name\":\"hubeau\",\"time\":\"2014-09-29T12:00:00Z\"},"
      "\"projection\":{\"method\":\"m\",\"method_version\":\"1\"},"
      "\"envelopes\":[{\"stage\":2.5},{\"stage\":3.5,\"eta\":\"tomorrow\"}]}]}", "facts[0].envelopes[1]: “eta”" },
    { "{\"format\":\"vigie-facts/1\",\"computed_at\":\"2014-09-29T12:00:00Z\",\"hazards\":[\"flood\"],\"facts\":"
      "[{\"type\":\"flood.gauge\",\"gauge\":\"Y\",\"name\":\"Lez\",\"lon\":3.9,\"lat\":43.6,"
      "\"source\":{\"name\":\"hubeau\",\"time\":\"2014-09-29T12:00:00Z\"},"
      "\"projection\":{\"method\":\"m\",\"method_version\":\"1\"},"
      "\"envelopes\":[{\"stage\":2.5,\"sites\":[{\"id\":\"a\",\"name\":\"b\",\"category\":\"castle\",\"lon\":3.9,\"lat\":43.6}]}]}]}",
      "facts[0].envelopes[0].sites[0]: unknown site category “castle”" },
    { "{\"format\":\"vigie-facts/1\",\"computed_at\":\"2014-09-29T12:00:00Z\",\"hazards\":[\"heat\"],\"facts\":"
      "[{\"type\":\"heat.district\",\"district\":\"d\",\"name\":\"n\",\"lon\":3.9,\"lat\":43.6,\"date\":\"2019-06-31\","
      "\"start\":\"2019-06-28T06:00:00Z\",\"level\":3,\"nights\":1,"
      "\"source\":{\"name\":\"s\",\"time\":\"2019-06-27T00:00:00Z\"},\"projection\":{\"method\":\"m\",\"method_version\":\"1\"}}]}",
      "facts[0]: “date” = “2019-06-31”" },
    { "{\"format\":\"vigie-facts/1\",", "facts.json:1:26: Parse error" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = vg_test_mkdtemp ();
      g_autofree char *path = g_build_filename (dir, "facts.json", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(VgFactSet) facts = NULL;

      g_assert_true (g_file_set_contents (path, cases[i].text, -1, NULL));
      facts = vg_fact_set_load (path, &error);
      g_assert_null (facts);
      g_assert_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_FACTS);
      if (!g_str_has_prefix (error->message, path) || strstr (error->message, cases[i].path) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].path);
      vg_test_rmtree (dir);
    }
}

/* What the flood playbook proposes for the Lez: one closure per gauge, one evacuation per
 * vulnerable site with its own envelope's deadline, shelters out of every envelope. */
static void
test_flood_proposals (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(VgFactSet) facts = lez_facts (f, "2014-09-29T12:00:00Z", 150, 220, 290);
  g_autoptr(VgProposal) close = NULL;
  g_autoptr(VgProposal) ehpad = NULL;
  g_autoptr(VgProposal) school = NULL;
  g_autoptr(VgProposal) shelters = NULL;
  g_autoptr(VgProposal) alert = NULL;
  g_auto(GStrv) changes = NULL;
  VgEvaluationSummary summary;

  evaluate (f, facts, &summary);
  /* Closures (2.5 m within 3 h), 3 evacuations, barriers, pumps, shelters, alert; no diversion
   * (3.5 m is 3 h 40 away). */
  g_assert_cmpuint (summary.proposed, ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->queue)), ==, 8);
  g_assert_cmpuint (vg_proposal_queue_get_n_pending (f->queue), ==, 8);

  close = lookup (f, "flood-close-roads/" LEZ_GAUGE);
  g_assert_cmpuint (vg_proposal_get_version (close), ==, 1);
  g_assert_cmpint (vg_proposal_get_state (close), ==, VG_PROPOSAL_PROPOSED);
  g_assert_cmpint (vg_proposal_get_action (close), ==, VG_ACTION_ROAD_CLOSURE);
  g_assert_cmpuint (n_targets (close), ==, 2);
  g_assert_true (has_target (close, quai_cythere_a.id));
  g_assert_cmpint (vg_proposal_get_deadline (close), ==, at ("2014-09-29T13:30:00Z"));
  g_assert_false (vg_proposal_touches_people (close));
  g_assert_cmpstr (vg_proposal_get_title (close, "fr"), ==, "Fermer les voies inondables (2 tronçon(s)) : Le Lez à Montpellier");
  g_assert_nonnull (strstr (vg_proposal_get_rationale (close, "fr"), "1,2 m relevés le 29/09 à 13h45"));
  g_assert_nonnull (strstr (vg_proposal_get_rationale (close, "fr"), "vigie-flood-rating v1"));
  g_assert_nonnull (strstr (vg_proposal_get_rationale (close, "en"), "expects 2.5 m on 29/09 16:30"));
  g_assert_cmpstr (vg_proposal_get_uncertainty (close, "fr"), ==,
                   "heure d’atteinte à ± 30 min; courbe de tarage supposée, non officielle");
  changes = vg_proposal_dup_changes (close, "fr");
  g_assert_cmpuint (g_strv_length (changes), ==, 0);

  /* Each site's deadline counts from its own envelope (EHPAD: 3.5 m at 15:40 UTC, minus 3 h). */
  ehpad = lookup (f, "flood-evacuate-vulnerable/" EHPAD_LES_AUBES);
  g_assert_true (vg_proposal_touches_people (ehpad));
  g_assert_cmpint (vg_proposal_get_deadline (ehpad), ==, at ("2014-09-29T12:40:00Z"));
  g_assert_cmpstr (vg_proposal_get_title (ehpad, "fr"), ==, "Évacuer E.H.P.A.D les Aubes (crue : Le Lez à Montpellier)");
  school = lookup (f, "flood-evacuate-vulnerable/" ECOLE_PAINLEVE);
  g_assert_cmpint (vg_proposal_get_deadline (school), ==, at ("2014-09-29T11:30:00Z"));

  shelters = lookup (f, "flood-open-shelters");
  g_assert_cmpuint (n_targets (shelters), ==, 4);
  g_assert_false (has_target (shelters, GYMNASE_OLYMPIE));
  g_assert_true (has_target (shelters, "SitesHebUrg:341"));

  alert = lookup (f, "flood-public-alert");
  g_assert_true (vg_proposal_touches_people (alert));

  /* Sorted by deadline, then priority: the barriers (ETA 14:30 − 4 h, already late but not yet
   * expired), then the school's evacuation (11:30). */
  {
    g_autoptr(VgProposal) first = g_list_model_get_item (G_LIST_MODEL (f->queue), 0);
    g_autoptr(VgProposal) second = g_list_model_get_item (G_LIST_MODEL (f->queue), 1);

    g_assert_cmpstr (vg_proposal_get_id (first), ==, "flood-preposition-barriers/" LEZ_GAUGE);
    g_assert_cmpint (vg_proposal_get_deadline (first), ==, at ("2014-09-29T10:30:00Z"));
    g_assert_true (second == school);
  }
  for (guint i = 1; i < g_list_model_get_n_items (G_LIST_MODEL (f->queue)); i++)
    {
      g_autoptr(VgProposal) a = g_list_model_get_item (G_LIST_MODEL (f->queue), i - 1);
      g_autoptr(VgProposal) b = g_list_model_get_item (G_LIST_MODEL (f->queue), i);

      g_assert_true (vg_proposal_get_deadline (a) < vg_proposal_get_deadline (b) ||
                     (vg_proposal_get_deadline (a) == vg_proposal_get_deadline (b) &&
                      vg_proposal_get_priority (a) <= vg_proposal_get_priority (b)));
    }
}

static GPtrArray *
proposal_payloads (Fixture *f)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  VgJournalFilter filter;
  g_autoptr(GPtrArray) entries = NULL;

  vg_journal_filter_init (&filter);
  filter.kinds = VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_PROPOSAL);
  entries = vg_test_journal_collect (f->journal, &filter);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (texts, g_strdup (vg_journal_entry_get_payload_text (g_ptr_array_index (entries, i))));
  return texts;
}

/* The same facts and journal give the same proposals, byte for byte; and evaluating again with
 * nothing new journals nothing. */
static void
test_determinism (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(VgFactSet) facts = lez_facts (f, "2014-09-29T12:00:00Z", 150, 220, 290);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autofree char *other_path = g_build_filename (f->dir, "other.vigie-journal", NULL);
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(VgFactSet) reread = NULL;
  g_autoptr(GError) error = NULL;
  VgEvaluationSummary summary;
  guint64 before;

  evaluate (f, facts, &summary);
  first = proposal_payloads (f);
  g_assert_cmpuint (first->len, ==, 8);

  before = n_entries (f);
  evaluate (f, facts, &summary);
  g_assert_cmpuint (summary.proposed + summary.updated + summary.superseded + summary.expired, ==, 0);
  g_assert_cmpuint (n_entries (f), ==, before);

  /* Another journal, the facts written out and read back as a vigie-facts/1 file, another
   * process's clock: the same bytes. */
  json = vg_fact_set_to_json (facts);
  reread = vg_fact_set_new_from_json (json, "facts.json", &error);
  g_assert_no_error (error);
  g_assert_finalize_object (f->queue);
  g_assert_finalize_object (f->journal);
  set_clock (f, "2014-09-29T12:07:00Z");
  f->journal = vg_test_journal_create (other_path, f->clock, FALSE);
  fixture_open (f);
  evaluate (f, reread, &summary);
  second = proposal_payloads (f);
  g_assert_cmpuint (second->len, ==, first->len);
  for (guint i = 0; i < first->len; i++)
    g_assert_cmpstr (g_ptr_array_index (first, i), ==, g_ptr_array_index (second, i));
}

/* A rejected proposal comes back only when its inputs change materially, and then says what
 * changed; a non-material change (ETA later by 10 min) brings nothing. */
static void
test_reject_then_material_change (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(VgFactSet) facts = lez_facts (f, "2014-09-29T12:00:00Z", 150, 220, 290);
  g_autoptr(VgFactSet) later = lez_facts (f, "2014-09-29T12:15:00Z", 145, 215, 285);
  g_autoptr(VgFactSet) worse = lez_facts (f, "2014-09-29T12:30:00Z", 110, 160, 230);
  g_autoptr(VgProposal) close = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) fr = NULL;
  g_auto(GStrv) en = NULL;
  VgEvaluationSummary summary;
  guint64 seq = 0;
  guint64 before;

  evaluate (f, facts, &summary);
  close = lookup (f, "flood-close-roads/" LEZ_GAUGE);
  g_assert_true (vg_proposal_queue_decide (f->queue, f->operator_, vg_proposal_get_id (close), 1, VG_VERDICT_REJECT,
                                           "Quais déjà fermés par la police", NULL, &seq, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vg_proposal_get_state (close), ==, VG_PROPOSAL_REJECTED);
  g_assert_cmpstr (vg_proposal_get_state_reason (close, NULL), ==, "Quais déjà fermés par la police");

  before = n_entries (f);
  set_clock (f, "2014-09-29T12:15:00Z");
  evaluate (f, later, &summary);
  g_assert_cmpint (vg_proposal_get_state (close), ==, VG_PROPOSAL_REJECTED);
  g_assert_cmpuint (vg_proposal_get_version (close), ==, 1);
  /* Nothing re-proposed; the deadlines moved by 5 min, not enough for the pending ones either. */
  g_assert_cmpuint (summary.updated, ==, 0);
  g_assert_cmpuint (n_entries (f), ==, before);

  /* The 3.5 m envelope now within 3 h: two more streets, a higher bracket, an earlier deadline. */
  set_clock (f, "2014-09-29T12:30:00Z");
  evaluate (f, worse, &summary);
  g_assert_cmpint (vg_proposal_get_state (close), ==, VG_PROPOSAL_PROPOSED);
  g_assert_cmpuint (vg_proposal_get_version (close), ==, 2);
  g_assert_cmpuint (n_targets (close), ==, 4);
  fr = vg_proposal_dup_changes (close, "fr");
  en = vg_proposal_dup_changes (close, "en");
  g_assert_cmpuint (g_strv_length (fr), ==, 2);
  g_assert_cmpstr (fr[0], ==, "+2 cible(s) : Avenue Saint André de Novigens et Quai de Cythère");
  g_assert_cmpstr (en[1], ==, "stage bracket 2.5 → 3.5 m");
  /* The deadline: ETA 14:20 − 1 h = 13:20, 10 min earlier than 13:30: below the threshold. */
  g_assert_cmpint (vg_proposal_get_deadline (close), ==, at ("2014-09-29T13:20:00Z"));
  g_assert_nonnull (strstr (vg_proposal_get_payload_text (close), "\"previous\":{\"by\":\"Julien Roux\""));
}

/* The id a caller borrows stays valid across a decision on it: the UI passes
 * vg_proposal_get_id() straight to decide(), which updates the very proposal. (It was freed by
 * the update: found under ASan by the disk-full crash test, whose child printed the id after
 * deciding.) */
static void
test_borrowed_id_outlives_decision (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(VgFactSet) facts = lez_facts (f, "2014-09-29T12:00:00Z", 150, 220, 290);
  g_autoptr(VgProposal) close = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;
  guint64 seq = 0;

  evaluate (f, facts, NULL);
  close = lookup (f, "flood-close-roads/" LEZ_GAUGE);
  id = vg_proposal_get_id (close);
  g_assert_true (vg_proposal_queue_decide (f->queue, f->validator, id, vg_proposal_get_version (close),
                                           VG_VERDICT_APPROVE, NULL, NULL, &seq, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vg_proposal_get_state (close), ==, VG_PROPOSAL_APPROVED);
  g_assert_true (id == vg_proposal_get_id (close));
  g_assert_cmpstr (id, ==, "flood-close-roads/" LEZ_GAUGE);
}

static void
assert_refused (Fixture     *f,
                gboolean     ok,
                GError      *error,
                int          code,
                const char  *words,
                guint64      entries_before)
{
  g_assert_false (ok);
  g_assert_error (error, VG_PROPOSAL_ERROR, code);
  if (words != NULL && strstr (error->message, words) == NULL)
    g_error ("“%s” lacks “%s”", error->message, words);
  g_assert_cmpuint (n_entries (f), ==, entries_before);
}

/* Observers never decide; reasons are required; people need a validator; a controller decides
 * only in an exercise. Nothing refused reaches the journal. */
static void
test_sign_off_rules (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(VgFactSet) facts = lez_facts (f, "2014-09-29T12:00:00Z", 150, 220, 290);
  const char *close = "flood-close-roads/" LEZ_GAUGE;
  const char *ehpad = "flood-evacuate-vulnerable/" EHPAD_LES_AUBES;
  const char *kept[] = { quai_cythere_a.id, NULL };
  const char *foreign[] = { draye.id, NULL };
  g_autoptr(GError) error = NULL;
  guint64 before, seq = 0;
  gboolean ok;

  evaluate (f, facts, NULL);
  before = n_entries (f);

  ok = vg_proposal_queue_decide (f->queue, f->observer, close, 1, VG_VERDICT_APPROVE, NULL, NULL, &seq, &error);
  assert_refused (f, ok, error, VG_PROPOSAL_ERROR_FORBIDDEN, "observers cannot decide", before);
  g_clear_error (&error);
  ok = vg_proposal_queue_mark_done (f->queue, f->observer, close, 1, NULL, &seq, &error);
  assert_refused (f, ok, error, VG_PROPOSAL_ERROR_FORBIDDEN, "observers cannot decide", before);
  g_clear_error (&error);

  ok = vg_proposal_queue_decide (f->queue, f->operator_, close, 1, VG_VERDICT_REJECT, NULL, NULL, &seq, &error);
  assert_refused (f, ok, error, VG_PROPOSAL_ERROR_REASON_REQUIRED, "needs a reason", before);
  g_clear_error (&error);
  ok = vg_proposal_queue_decide (f->queue, f->operator_, close, 1, VG_VERDICT_AMEND, " \t\n", kept, &seq, &error);
  assert_refused (f, ok, error, VG_PROPOSAL_ERROR_REASON_REQUIRED, "needs a reason", before);
  g_clear_error (&error);
  ok = vg_proposal_queue_decide (f->queue, f->operator_, close, 1, VG_VERDICT_AMEND, "Seulement le bas du quai", foreign,
                                 &seq, &error);
  assert_refused (f, ok, error, VG_PROPOSAL_ERROR_INVALID, "is not a target", before);
  g_clear_error (&error);

  ok = vg_proposal_queue_decide (f->queue, f->operator_, ehpad, 1, VG_VERDICT_APPROVE, NULL, NULL, &seq, &error);
  assert_refused (f, ok, error, VG_PROPOSAL_ERROR_FORBIDDEN, "needs a validator", before);
  g_clear_error (&error);
  ok = vg_proposal_queue_decide (f->queue, f->operator_, ehpad, 1, VG_VERDICT_REJECT, "Pas nécessaire", NULL, &seq, &error);
  assert_refused (f, ok, error, VG_PROPOSAL_ERROR_FORBIDDEN, "needs a validator", before);
  g_clear_error (&error);
  ok = vg_proposal_queue_decide (f->queue, f->controller, ehpad, 1, VG_VERDICT_APPROVE, NULL, NULL, &seq, &error);
  assert_refused (f, ok, error, VG_PROPOSAL_ERROR_FORBIDDEN, "live journal", before);
  g_clear_error (&error);
  ok = vg_proposal_queue_decide (f->queue, f->validator, "flood-nothing/X", 1, VG_VERDICT_APPROVE, NULL, NULL, &seq, &error);
  assert_refused (f, ok, error, VG_PROPOSAL_ERROR_UNKNOWN, "flood-nothing/X", before);
  g_clear_error (&error);

  /* The same requests done right. */
  g_assert_true (vg_proposal_queue_decide (f->queue, f->validator, ehpad, 1, VG_VERDICT_APPROVE, NULL, NULL, &seq, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seq, ==, before + 1);
  g_assert_true (vg_proposal_queue_decide (f->queue, f->operator_, close, 1, VG_VERDICT_AMEND, "Seulement le bas du quai",
                                           kept, &seq, &error));
  g_assert_no_error (error);
  {
    g_autoptr(VgProposal) amended = lookup (f, close);
    g_autoptr(VgJournalEntry) decision = vg_journal_state_dup_decision (vg_journal_get_state (f->journal), close);

    g_assert_cmpint (vg_proposal_get_state (amended), ==, VG_PROPOSAL_AMENDED);
    g_assert_cmpstr (vg_proposal_get_decided_by (amended), ==, "Julien Roux");
    g_assert_cmpstr (vg_proposal_get_decided_role (amended), ==, "operator");
    /* Who, role, when (situation clock), the version seen and the reason, as journalled. */
    g_assert_cmpstr (vg_journal_entry_get_author (decision), ==, "Julien Roux");
    g_assert_cmpint (vg_journal_entry_get_time (decision), ==, at ("2014-09-29T12:00:00Z"));
    g_assert_cmpstr (vg_journal_entry_get_payload_text (decision), ==,
                     "{\"operator\":\"Julien Roux\",\"proposal\":\"flood-close-roads/Y320403001\",\"proposal_seq\":2,"
                     "\"reason\":\"Seulement le bas du quai\",\"role\":\"operator\",\"targets\":[\"streets:2430\"],"
                     "\"verdict\":\"amend\",\"version\":1}");
  }
  g_assert_cmpuint (vg_proposal_queue_get_n_ignored (f->queue), ==, 0);
}

/* In an exercise the controller may play the decision-maker. */
static void
test_controller_in_exercise (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(VgFactSet) facts = lez_facts (f, "2014-09-29T12:00:00Z", 150, 220, 290);
  g_autoptr(GError) error = NULL;
  guint64 seq;

  evaluate (f, facts, NULL);
  g_assert_true (vg_proposal_queue_decide (f->queue, f->controller, "flood-evacuate-vulnerable/" EHPAD_LES_AUBES, 1,
                                           VG_VERDICT_APPROVE, NULL, NULL, &seq, &error));
  g_assert_no_error (error);
}

/* A decision on an old version is refused; a second decision on one version names the first. */
static void
test_stale_and_double (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(VgFactSet) facts = lez_facts (f, "2014-09-29T12:00:00Z", 150, 220, 290);
  g_autoptr(VgFactSet) worse = lez_facts (f, "2014-09-29T12:30:00Z", 110, 160, 230);
  const char *close = "flood-close-roads/" LEZ_GAUGE;
  g_autoptr(GError) error = NULL;
  g_autoptr(VgJournal) other_journal = NULL;
  g_autoptr(VgProposalQueue) other = NULL;
  guint64 before, seq = 0;
  gboolean ok;

  evaluate (f, facts, NULL);
  set_clock (f, "2014-09-29T12:30:00Z");
  evaluate (f, worse, NULL);
  before = n_entries (f);
  ok = vg_proposal_queue_decide (f->queue, f->operator_, close, 1, VG_VERDICT_APPROVE, NULL, NULL, &seq, &error);
  assert_refused (f, ok, error, VG_PROPOSAL_ERROR_STALE_VERSION, "now at version 2, not the version 1", before);
  g_clear_error (&error);

  /* Two operators at two seats (two connections, as two processes have) decide version 2. */
  other_journal = vg_test_journal_open (f->path, f->clock);
  other = vg_proposal_queue_new (other_journal, f->clock, &error);
  g_assert_no_error (error);
  g_assert_true (vg_proposal_queue_decide (f->queue, f->operator_, close, 2, VG_VERDICT_APPROVE, NULL, NULL, &seq, &error));
  g_assert_no_error (error);
  before = n_entries (f);
  ok = vg_proposal_queue_decide (other, f->validator, close, 2, VG_VERDICT_REJECT, "Trop tôt", NULL, &seq, &error);
  assert_refused (f, ok, error, VG_PROPOSAL_ERROR_ALREADY_DECIDED, "approve by Julien Roux (operator)", before);
  g_clear_error (&error);
  ok = vg_proposal_queue_decide (f->queue, f->operator_, close, 2, VG_VERDICT_APPROVE, NULL, NULL, &seq, &error);
  assert_refused (f, ok, error, VG_PROPOSAL_ERROR_ALREADY_DECIDED, "already decided", before);
  g_clear_error (&error);

  /* Done once, by a signed person; not twice. */
  g_assert_true (vg_proposal_queue_mark_done (other, f->operator_, close, 2, "Barrières posées 13:05", &seq, &error));
  g_assert_no_error (error);
  before = n_entries (f);
  ok = vg_proposal_queue_mark_done (f->queue, f->operator_, close, 2, NULL, &seq, &error);
  assert_refused (f, ok, error, VG_PROPOSAL_ERROR_ALREADY_DECIDED, "already marked done", before);
  g_clear_error (&error);
  g_assert_true (vg_proposal_queue_refresh (f->queue, &error));
  {
    g_autoptr(VgProposal) done = lookup (f, close);

    g_assert_cmpint (vg_proposal_get_state (done), ==, VG_PROPOSAL_DONE);
  }
  g_assert_finalize_object (g_steal_pointer (&other));
  g_assert_finalize_object (g_steal_pointer (&other_journal));
}

/* Everything survives closing and reopening the journal: the queue is a fold of its entries. */
static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(VgFactSet) facts = lez_facts (f, "2014-09-29T12:00:00Z", 150, 220, 290);
  const char *close = "flood-close-roads/" LEZ_GAUGE;
  const char *school = "flood-evacuate-vulnerable/" ECOLE_PAINLEVE;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) before_close = NULL;
  g_autoptr(JsonNode) before_school = NULL;
  g_autoptr(VgProposal) p1 = NULL;
  g_autoptr(VgProposal) p2 = NULL;
  g_autoptr(JsonNode) after_close = NULL;
  guint64 seq;

  evaluate (f, facts, NULL);
  g_assert_true (vg_proposal_queue_decide (f->queue, f->operator_, close, 1, VG_VERDICT_APPROVE, NULL, NULL, &seq, &error));
  g_assert_true (vg_proposal_queue_decide (f->queue, f->validator, school, 1, VG_VERDICT_REJECT, "École fermée ce jour",
                                           NULL, &seq, &error));
  g_assert_true (vg_proposal_queue_emit (f->queue, close, VG_OUTPUT_TASK, NULL, NULL, &error));
  g_assert_no_error (error);
  p1 = lookup (f, close);
  p2 = lookup (f, school);
  before_close = vg_proposal_to_json (p1);
  before_school = vg_proposal_to_json (p2);
  g_clear_object (&p1);
  g_clear_object (&p2);

  fixture_reopen (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->queue)), ==, 8);
  p1 = lookup (f, close);
  p2 = lookup (f, school);
  g_assert_cmpint (vg_proposal_get_state (p1), ==, VG_PROPOSAL_APPROVED);
  g_assert_cmpint (vg_proposal_get_state (p2), ==, VG_PROPOSAL_REJECTED);
  g_assert_cmpstr (vg_proposal_get_state_reason (p2, NULL), ==, "École fermée ce jour");
  after_close = vg_proposal_to_json (p1);
  g_assert_true (json_node_equal (before_close, after_close));
  {
    g_autoptr(JsonNode) after_school = vg_proposal_to_json (p2);

    g_assert_true (json_node_equal (before_school, after_school));
  }
  /* A second decision after reopening is still refused. */
  g_assert_false (vg_proposal_queue_decide (f->queue, f->validator, close, 1, VG_VERDICT_REJECT, "non", NULL, &seq, &error));
  g_assert_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_ALREADY_DECIDED);
}

/* Forged entries, appended to the journal around the queue, as a script could. */
static guint64
forge (Fixture       *f,
       VgJournalKind  kind,
       const char    *author,
       const char    *payload)
{
  return vg_test_journal_append (f->journal, kind, author, payload);
}

static void
assert_no_output (Fixture    *f,
                  const char *id,
                  const char *out_dir,
                  int         code)
{
  guint64 before = n_entries (f);

  for (VgOutputKind kind = 0; kind < VG_N_OUTPUTS; kind++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;
      gboolean ok = vg_proposal_queue_emit (f->queue, id, kind, out_dir, &path, &error);

      g_assert_false (ok);
      g_assert_null (path);
      g_assert_error (error, VG_PROPOSAL_ERROR, code);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) paths = NULL;

    g_assert_false (vg_proposal_queue_emit_all (f->queue, id, out_dir, &paths, &error));
    g_assert_null (paths);
    g_assert_error (error, VG_PROPOSAL_ERROR, code);
  }
  g_assert_cmpuint (n_files (out_dir), ==, 0);
  g_assert_cmpuint (n_entries (f), ==, before);
}

/* No path emits an output or marks an action executed without a matching signed approval:
 * every state short of one, every forged entry, every API. */
static void
test_outputs_need_approval (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(VgFactSet) facts = lez_facts (f, "2014-09-29T12:00:00Z", 150, 220, 290);
  g_autoptr(VgFactSet) worse = lez_facts (f, "2014-09-29T12:30:00Z", 110, 160, 230);
  g_autoptr(VgFactSet) receded = NULL;
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  const char *close = "flood-close-roads/" LEZ_GAUGE;
  const char *ehpad = "flood-evacuate-vulnerable/" EHPAD_LES_AUBES;
  const char *alert = "flood-public-alert";
  const char *barriers = "flood-preposition-barriers/" LEZ_GAUGE;
  g_autoptr(GError) error = NULL;
  guint64 seq = 0, before;
  guint n_ignored = 0;
  struct { const char *author; const char *payload; } forged_decisions[] = {
    /* An observer's approval. */
    { "Sophie Bernard", "{\"operator\":\"Sophie Bernard\",\"proposal\":\"flood-public-alert\",\"role\":\"observer\",\"verdict\":\"approve\",\"version\":1}" },
    /* An operator approving what touches people. */
    { "Julien Roux", "{\"operator\":\"Julien Roux\",\"proposal\":\"flood-public-alert\",\"role\":\"operator\",\"verdict\":\"approve\",\"version\":1}" },
    /* A version nobody saw. */
    { "Camille Martin", "{\"operator\":\"Camille Martin\",\"proposal\":\"flood-public-alert\",\"role\":\"validator\",\"verdict\":\"approve\",\"version\":7}" },
    /* Signed by someone else than the author of the entry. */
    { "script", "{\"operator\":\"Camille Martin\",\"proposal\":\"flood-public-alert\",\"role\":\"validator\",\"verdict\":\"approve\",\"version\":1}" },
    /* A verdict that does not exist, a role that does not exist. */
    { "Camille Martin", "{\"operator\":\"Camille Martin\",\"proposal\":\"flood-public-alert\",\"role\":\"validator\",\"verdict\":\"ok\",\"version\":1}" },
    { "Camille Martin", "{\"operator\":\"Camille Martin\",\"proposal\":\"flood-public-alert\",\"role\":\"boss\",\"verdict\":\"approve\",\"version\":1}" },
    /* "Done" with no approval. */
    { "Camille Martin", "{\"operator\":\"Camille Martin\",\"proposal\":\"flood-public-alert\",\"role\":\"validator\",\"verdict\":\"done\",\"version\":1}" },
    /* A rejection without a reason. */
    { "Camille Martin", "{\"operator\":\"Camille Martin\",\"proposal\":\"flood-public-alert\",\"role\":\"validator\",\"verdict\":\"reject\",\"version\":1}" },
  };

  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  assert_no_output (f, close, out, VG_PROPOSAL_ERROR_UNKNOWN);

  evaluate (f, facts, NULL);
  /* Proposed: nothing. */
  assert_no_output (f, close, out, VG_PROPOSAL_ERROR_NOT_APPROVED);
  assert_no_output (f, alert, out, VG_PROPOSAL_ERROR_NOT_APPROVED);
  before = n_entries (f);
  g_assert_false (vg_proposal_queue_mark_done (f->queue, f->validator, close, 1, NULL, &seq, &error));
  g_assert_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_NOT_APPROVED);
  g_assert_cmpuint (n_entries (f), ==, before);
  g_clear_error (&error);

  /* Forged decisions: journalled (the journal takes any well-formed entry) but they do not count. */
  for (guint i = 0; i < G_N_ELEMENTS (forged_decisions); i++)
    {
      forge (f, VG_JOURNAL_KIND_DECISION, forged_decisions[i].author, forged_decisions[i].payload);
      g_assert_true (vg_proposal_queue_refresh (f->queue, &error));
      g_assert_cmpuint (vg_proposal_queue_get_n_ignored (f->queue), ==, ++n_ignored);
      assert_no_output (f, alert, out, VG_PROPOSAL_ERROR_NOT_APPROVED);
    }
  /* Forged outputs and task lines, naming a decision that is not an approval. */
  forge (f, VG_JOURNAL_KIND_OUTPUT, "Camille Martin",
         "{\"content\":\"<alert/>\",\"decision\":3,\"format\":\"cap\",\"proposal\":\"flood-public-alert\",\"version\":1}");
  forge (f, VG_JOURNAL_KIND_OPERATOR_NOTE, "Camille Martin",
         "{\"decision\":3,\"features\":[],\"proposal\":\"flood-public-alert\",\"text\":\"Tâche\",\"version\":1}");
  g_assert_true (vg_proposal_queue_refresh (f->queue, &error));
  n_ignored += 1;   /* the note's source is "test", not "proposals": not even a task candidate */
  g_assert_cmpuint (vg_proposal_queue_get_n_ignored (f->queue), ==, n_ignored);
  {
    g_autoptr(VgProposal) p = lookup (f, alert);
    g_autoptr(JsonNode) json = vg_proposal_to_json (p);

    g_assert_cmpint (vg_proposal_get_state (p), ==, VG_PROPOSAL_PROPOSED);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (json), "outputs")), ==, 0);
  }
  assert_no_output (f, alert, out, VG_PROPOSAL_ERROR_NOT_APPROVED);

  /* Rejected: nothing. */
  g_assert_true (vg_proposal_queue_decide (f->queue, f->validator, ehpad, 1, VG_VERDICT_REJECT, "Déjà évacué", NULL, &seq, &error));
  g_assert_no_error (error);
  assert_no_output (f, ehpad, out, VG_PROPOSAL_ERROR_NOT_APPROVED);

  /* An approved action gives only the outputs its action has. */
  {
    g_autofree char *path = NULL;

    g_assert_true (vg_proposal_queue_decide (f->queue, f->validator, "flood-evacuate-vulnerable/" CRECHE_CAMBON, 1,
                                             VG_VERDICT_APPROVE, NULL, NULL, &seq, &error));
    g_assert_no_error (error);
    before = n_entries (f);
    g_assert_false (vg_proposal_queue_emit (f->queue, "flood-evacuate-vulnerable/" CRECHE_CAMBON, VG_OUTPUT_DATEX, out,
                                            &path, &error));
    g_assert_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_INVALID);
    g_assert_null (path);
    g_assert_cmpuint (n_files (out), ==, 0);
    g_assert_cmpuint (n_entries (f), ==, before);
    g_clear_error (&error);
  }
  /* Approved, then a new version (escalation): the approval was for version 1, nothing for 2. */
  g_assert_true (vg_proposal_queue_decide (f->queue, f->operator_, close, 1, VG_VERDICT_APPROVE, NULL, NULL, &seq, &error));
  g_assert_no_error (error);
  set_clock (f, "2014-09-29T12:30:00Z");
  evaluate (f, worse, NULL);
  assert_no_output (f, close, out, VG_PROPOSAL_ERROR_NOT_APPROVED);
  g_assert_false (vg_proposal_queue_mark_done (f->queue, f->operator_, close, 1, NULL, &seq, &error));
  g_assert_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_STALE_VERSION);
  g_clear_error (&error);

  /* Expired and superseded: nothing, and no decision either. */
  set_clock (f, "2014-09-29T15:00:00Z");
  g_assert_true (vg_proposal_queue_expire (f->queue, NULL, &error));
  {
    g_autoptr(VgProposal) p = lookup (f, barriers);

    g_assert_cmpint (vg_proposal_get_state (p), ==, VG_PROPOSAL_EXPIRED);
  }
  assert_no_output (f, barriers, out, VG_PROPOSAL_ERROR_NOT_APPROVED);
  before = n_entries (f);
  g_assert_false (vg_proposal_queue_decide (f->queue, f->validator, barriers, 1, VG_VERDICT_APPROVE, NULL, NULL, &seq, &error));
  g_assert_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_CLOSED);
  g_assert_cmpuint (n_entries (f), ==, before);
  g_clear_error (&error);

  receded = vg_fact_set_new (at ("2014-09-29T15:00:00Z"), VG_HAZARD_MASK (VG_HAZARD_FLOOD));
  evaluate (f, receded, NULL);
  {
    g_autoptr(VgProposal) p = lookup (f, alert);

    g_assert_cmpint (vg_proposal_get_state (p), ==, VG_PROPOSAL_SUPERSEDED);
  }
  assert_no_output (f, alert, out, VG_PROPOSAL_ERROR_NOT_APPROVED);

  vg_test_rmtree (out);
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* After a signed approval: the DATEX II closure, the order sheet and the task, each journalled
 * naming the decision; asking again gives the same bytes and journals nothing. */
static void
test_outputs_after_approval (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(VgFactSet) facts = lez_facts (f, "2014-09-29T12:00:00Z", 150, 220, 290);
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  const char *close = "flood-close-roads/" LEZ_GAUGE;
  const char *kept[] = { quai_cythere_b.id, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autofree char *datex = NULL;
  g_autofree char *sheet = NULL;
  g_autoptr(VgJournalEntry) output = NULL;
  VgJournalFilter filter;
  g_autoptr(GPtrArray) outputs = NULL;
  guint64 decision = 0, before;

  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  evaluate (f, facts, NULL);
  set_clock (f, "2014-09-29T12:05:00Z");
  g_assert_true (vg_proposal_queue_decide (f->queue, f->operator_, close, 1, VG_VERDICT_AMEND,
                                           "Seul le quai nord est fermé par nous", kept, &decision, &error));
  g_assert_no_error (error);

  g_assert_true (vg_proposal_queue_emit_all (f->queue, close, out, &paths, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (paths->len, ==, 2);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (paths, 0), "flood-close-roads_Y320403001.v1.d10.order.txt"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (paths, 1), "flood-close-roads_Y320403001.v1.d10.datex.xml"));
  sheet = read_text (g_ptr_array_index (paths, 0));
  datex = read_text (g_ptr_array_index (paths, 1));

  /* The amendment kept one street: the closure names it, not the other. */
  g_assert_nonnull (strstr (datex, "xsi:type=\"sit:SituationPublication\""));
  g_assert_nonnull (strstr (datex, "<com:informationStatus>real</com:informationStatus>"));
  g_assert_nonnull (strstr (datex, "<sit:roadOrCarriagewayOrLaneManagementType>roadClosed</sit:roadOrCarriagewayOrLaneManagementType>"));
  g_assert_nonnull (strstr (datex, "<sit:environmentalObstructionType>flooding</sit:environmentalObstructionType>"));
  g_assert_nonnull (strstr (datex, "<loc:posList>43.60673 3.89752 43.60713 3.89757</loc:posList>"));
  g_assert_nonnull (strstr (datex, "id=\"vigie.Crue-du-Lez.flood-close-roads/Y320403001.streets:2429\""));
  g_assert_null (strstr (datex, "streets:2430"));
  g_assert_nonnull (strstr (datex, "<com:publicationTime>2014-09-29T12:05:00Z</com:publicationTime>"));
  g_assert_null (strstr (sheet, "EXERCICE"));
  g_assert_nonnull (strstr (sheet, "amend — Julien Roux (operator), 29/09 à 14h05, entrée du journal / journal entry 10"));
  g_assert_nonnull (strstr (sheet, "Motif / Reason : Seul le quai nord est fermé par nous"));
  g_assert_nonnull (strstr (sheet, "[ ] Quai de Cythère — street, primary (streets:2429)"));
  g_assert_nonnull (strstr (sheet, "flood.gauge Le Lez à Montpellier (Y320403001) — source hubeau-lez, 2014-09-29T11:45:00Z — vigie-flood-rating v1"));

  /* Journalled with the decision's seq and the exact bytes. */
  vg_journal_filter_init (&filter);
  filter.kinds = VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_OUTPUT);
  outputs = vg_test_journal_collect (f->journal, &filter);
  g_assert_cmpuint (outputs->len, ==, 2);
  output = vg_journal_entry_ref (g_ptr_array_index (outputs, 1));
  {
    gint64 named = 0;
    g_autofree char *content = vg_journal_entry_dup_string (output, "content");
    g_autofree char *sha = vg_journal_entry_dup_string (output, "sha256");
    g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, datex, -1);

    g_assert_true (vg_journal_entry_get_int (output, "decision", &named));
    g_assert_cmpint (named, ==, decision);
    g_assert_cmpstr (content, ==, datex);
    g_assert_cmpstr (sha, ==, expected);
  }
  /* The task went into the operator log, linked to the kept street. */
  log = vg_journal_state_dup_operator_log (vg_journal_get_state (f->journal));
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_true (g_str_has_prefix (vg_journal_entry_get_payload_text (g_ptr_array_index (log, 0)),
                                   "{\"decision\":10,\"features\":[\"streets:2429\"]"));

  /* Again: the same files, nothing new in the journal. */
  before = n_entries (f);
  g_assert_true (g_remove (g_ptr_array_index (paths, 1)) == 0);
  g_assert_true (vg_proposal_queue_emit_all (f->queue, close, out, &again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_entries (f), ==, before);
  {
    g_autofree char *datex_again = read_text (g_ptr_array_index (again, 1));

    g_assert_cmpstr (datex_again, ==, datex);
  }

  /* Done after approval; its outputs stay available. */
  g_assert_true (vg_proposal_queue_mark_done (f->queue, f->operator_, close, 1, "Quai nord fermé à 14h20", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&again, g_ptr_array_unref);
  g_assert_true (vg_proposal_queue_emit_all (f->queue, close, out, &again, &error));
  g_assert_no_error (error);
  vg_test_rmtree (out);
}

/* A CAP draft in an exercise journal says Exercise; the DATEX II record carries the exercise
 * flag too; the order sheet says EXERCICE. */
static void
test_exercise_outputs (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(VgFactSet) facts = lez_facts (f, "2014-09-29T12:00:00Z", 150, 220, 290);
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) closure = NULL;
  g_autofree char *cap = NULL;
  g_autofree char *datex = NULL;
  g_autofree char *sheet = NULL;
  guint64 seq;

  g_assert_true (vg_journal_is_exercise (f->journal));
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  evaluate (f, facts, NULL);
  g_assert_true (vg_proposal_queue_decide (f->queue, f->validator, "flood-public-alert", 1, VG_VERDICT_APPROVE, NULL, NULL,
                                           &seq, &error));
  g_assert_no_error (error);
  g_assert_true (vg_proposal_queue_emit_all (f->queue, "flood-public-alert", out, &paths, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (paths->len, ==, 2);
  cap = read_text (g_ptr_array_index (paths, 1));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (paths, 1), ".cap.xml"));
  g_assert_true (g_str_has_prefix (cap, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                        "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">\n"));
  g_assert_nonnull (strstr (cap, "<status>Exercise</status>"));
  g_assert_nonnull (strstr (cap, "<msgType>Alert</msgType>"));
  g_assert_nonnull (strstr (cap, "<sent>2014-09-29T14:00:00+02:00</sent>"));
  g_assert_nonnull (strstr (cap, "<sender>alerte@montpellier3m.invalid</sender>"));
  g_assert_nonnull (strstr (cap, "<language>fr-FR</language>"));
  g_assert_nonnull (strstr (cap, "<language>en-GB</language>"));
  g_assert_nonnull (strstr (cap, "<event>Crue rapide</event>"));
  g_assert_nonnull (strstr (cap, "<responseType>Avoid</responseType>"));
  g_assert_nonnull (strstr (cap, "<areaDesc>Avenue Saint André de Novigens, Quai de Cythère et Rue de la Draye</areaDesc>"));
  g_assert_nonnull (strstr (cap, "<polygon>43.60690,3.88966 43.60690,3.89869 43.63447,3.89869 43.63447,3.88966 43.60690,3.88966</polygon>"));
  g_assert_nonnull (strstr (cap, "<description>Crue prévue sur Le Lez à Montpellier : 3,5 m le 29/09 à 17h40, jusqu&apos;à 4,5 m le 29/09 à 18h50"));
  g_assert_nonnull (strstr (cap, "à relire et diffuser par une personne habilitée"));
  sheet = read_text (g_ptr_array_index (paths, 0));
  g_assert_true (g_str_has_prefix (sheet, "*** EXERCICE — EXERCISE"));

  g_assert_true (vg_proposal_queue_decide (f->queue, f->operator_, "flood-close-roads/" LEZ_GAUGE, 1, VG_VERDICT_APPROVE,
                                           NULL, NULL, &seq, &error));
  g_assert_true (vg_proposal_queue_emit_all (f->queue, "flood-close-roads/" LEZ_GAUGE, out, &closure, &error));
  g_assert_no_error (error);
  datex = read_text (g_ptr_array_index (closure, 1));
  g_assert_nonnull (strstr (datex, "<com:informationStatus>securityExercise</com:informationStatus>"));
  vg_test_rmtree (out);
}

/* A live journal's CAP draft is Actual (still a draft, for a human to release). */
static void
test_live_cap (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(VgFactSet) facts = lez_facts (f, "2014-09-29T12:00:00Z", 150, 220, 290);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *cap = NULL;
  guint64 seq;

  evaluate (f, facts, NULL);
  g_assert_true (vg_proposal_queue_decide (f->queue, f->validator, "flood-public-alert", 1, VG_VERDICT_APPROVE, NULL, NULL,
                                           &seq, &error));
  g_assert_true (vg_proposal_queue_emit (f->queue, "flood-public-alert", VG_OUTPUT_CAP, f->dir, &path, &error));
  g_assert_no_error (error);
  cap = read_text (path);
  g_assert_nonnull (strstr (cap, "<status>Actual</status>"));
  g_assert_nonnull (strstr (cap, "<identifier>vigie.Crue-du-Lez.flood-public-alert.v1.d10</identifier>"));
}

/* Pending proposals whose trigger no longer holds are superseded, with the reason; a fact set
 * that does not cover the hazard leaves them alone. */
static void
test_superseded (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(VgFactSet) facts = lez_facts (f, "2014-09-29T12:00:00Z", 150, 220, 290);
  g_autoptr(VgFactSet) heat_only = vg_fact_set_new (at ("2014-09-29T12:10:00Z"), VG_HAZARD_MASK (VG_HAZARD_HEAT));
  g_autoptr(VgFactSet) lower = lez_facts (f, "2014-09-29T12:20:00Z", 150, -1, -1);
  g_autoptr(VgProposal) ehpad = NULL;
  g_autoptr(VgProposal) close = NULL;
  VgEvaluationSummary summary;

  evaluate (f, facts, NULL);
  evaluate (f, heat_only, &summary);
  g_assert_cmpuint (summary.superseded, ==, 0);
  g_assert_cmpuint (vg_proposal_queue_get_n_pending (f->queue), ==, 8);

  /* Only the 2.5 m envelope still expected: the care home and the crèche are out of it. */
  set_clock (f, "2014-09-29T12:20:00Z");
  evaluate (f, lower, &summary);
  ehpad = lookup (f, "flood-evacuate-vulnerable/" EHPAD_LES_AUBES);
  g_assert_cmpint (vg_proposal_get_state (ehpad), ==, VG_PROPOSAL_SUPERSEDED);
  g_assert_cmpstr (vg_proposal_get_state_reason (ehpad, "en"), ==,
                   "The trigger “flood.gauge gauge=* stage>=2.5 within=6h” no longer holds on the facts of 29/09 14:20.");
  /* 5 superseded: 2 evacuations, pumps, shelters, alert (all needing 3.5 m). */
  g_assert_cmpuint (summary.superseded, ==, 5);
  close = lookup (f, "flood-close-roads/" LEZ_GAUGE);
  g_assert_cmpint (vg_proposal_get_state (close), ==, VG_PROPOSAL_PROPOSED);
  g_assert_cmpuint (vg_proposal_get_version (close), ==, 1);

  /* The flood rises again: the superseded proposal comes back as version 2. */
  set_clock (f, "2014-09-29T12:30:00Z");
  {
    g_autoptr(VgFactSet) again = lez_facts (f, "2014-09-29T12:30:00Z", 140, 200, 280);
    g_auto(GStrv) changes = NULL;

    evaluate (f, again, &summary);
    g_assert_cmpint (vg_proposal_get_state (ehpad), ==, VG_PROPOSAL_PROPOSED);
    g_assert_cmpuint (vg_proposal_get_version (ehpad), ==, 2);
    changes = vg_proposal_dup_changes (ehpad, "fr");
    g_assert_cmpstr (changes[0], ==, "le déclencheur tient de nouveau");
  }
}

/* The model: items-changed on new proposals, one notify per changed property on a decision. */
static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  GHashTable *counts = user_data;
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pspec->name));

  g_hash_table_insert (counts, (gpointer) pspec->name, GUINT_TO_POINTER (n + 1));
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  guint *n = user_data;

  *n += 1;
}

static void
test_model_notifications (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(VgFactSet) facts = lez_facts (f, "2014-09-29T12:00:00Z", 150, 220, 290);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(VgProposal) close = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;
  guint64 seq;

  g_signal_connect (f->queue, "items-changed", G_CALLBACK (items_changed_cb), &n_changed);
  evaluate (f, facts, NULL);
  g_assert_cmpuint (n_changed, ==, 1);
  close = lookup (f, "flood-close-roads/" LEZ_GAUGE);
  g_signal_connect (close, "notify", G_CALLBACK (count_cb), counts);
  g_signal_connect (f->queue, "notify", G_CALLBACK (count_cb), counts);

  g_assert_true (vg_proposal_queue_decide (f->queue, f->operator_, "flood-close-roads/" LEZ_GAUGE, 1, VG_VERDICT_APPROVE, NULL,
                                           NULL, &seq, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "state")), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "decided-by")), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "decision-seq")), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "n-pending")), ==, 1);
  g_assert_null (g_hash_table_lookup (counts, "title"));
  g_assert_null (g_hash_table_lookup (counts, "deadline"));
  g_assert_cmpuint (vg_proposal_queue_get_n_pending (f->queue), ==, 7);
  /* A decision does not move the item: no items-changed. */
  g_assert_cmpuint (n_changed, ==, 1);
  g_signal_handlers_disconnect_by_data (close, counts);
  g_signal_handlers_disconnect_by_data (f->queue, counts);
  g_signal_handlers_disconnect_by_data (f->queue, &n_changed);
}

/* Heat: the engine's results through the adapter, into welfare tasks per district and one
 * cooling-centre proposal on the five real shelters. */
static void
test_heat_proposals (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *geodata = vg_test_geodata_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VgGpkg) gpkg = vg_gpkg_open (geodata, &error);
  g_autoptr(VgHeatDistricts) districts = vg_heat_districts_load (gpkg, &error);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) start = g_date_time_new (zone, 2019, 6, 25, 0, 0, 0);
  g_autoptr(VgHourlyForecast) forecast = NULL;
  g_autoptr(VgHeatRisk) risk = NULL;
  g_autoptr(VgFactSet) facts = NULL;
  g_autoptr(VgProposal) cooling = NULL;
  g_autoptr(VgProposal) welfare = NULL;
  enum { N = 6 * 24 };
  gint64 times[N];
  double t[N];
  guint n_welfare = 0;
  guint64 seq;

  g_assert_no_error (error);
  /* A June 2019-like heatwave: nights at 24 °C, days at 40 °C. */
  for (guint h = 0; h < N; h++)
    {
      int utc_hour;

      times[h] = g_date_time_to_unix (start) * G_USEC_PER_SEC + (gint64) h * G_TIME_SPAN_HOUR;
      utc_hour = (int) ((times[h] / G_TIME_SPAN_HOUR) % 24);
      t[h] = utc_hour >= 2 && utc_hour <= 5 ? 24.0 : utc_hour >= 11 && utc_hour <= 15 ? 40.0 : 31.0;
    }
  forecast = vg_hourly_forecast_new ("open-meteo:meteofrance_seamless", "2019-06-24T18:00:00Z", 43.5762, 3.963, zone,
                                     N, times, t, NULL, NULL, &error);
  g_assert_no_error (error);
  risk = vg_heat_risk_compute (districts, forecast);
  facts = vg_fact_set_new (at ("2019-06-26T06:00:00Z"), VG_HAZARD_MASK (VG_HAZARD_HEAT));
  g_assert_true (vg_fact_set_add_heat_risk (facts, risk, G_LIST_MODEL (f->sites), 1, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vg_fact_set_get_n_facts (facts), >, 61);

  set_clock (f, "2019-06-26T06:00:00Z");
  evaluate (f, facts, NULL);
  cooling = lookup (f, "heat-open-cooling-centres");
  g_assert_cmpuint (n_targets (cooling), ==, 5);
  g_assert_true (has_target (cooling, "SitesHebUrg:341"));
  g_assert_nonnull (strstr (vg_proposal_get_uncertainty (cooling, "fr"), "non officielle"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->queue)); i++)
    {
      g_autoptr(VgProposal) p = g_list_model_get_item (G_LIST_MODEL (f->queue), i);

      if (!g_str_equal (vg_proposal_get_rule_id (p), "heat-welfare-checks"))
        continue;
      n_welfare++;
      g_assert_cmpint (vg_proposal_get_action (p), ==, VG_ACTION_WELFARE_CHECK_TASK);
      g_assert_true (vg_proposal_touches_people (p));
      g_assert_cmpuint (n_targets (p), ==, 1);
      g_assert_nonnull (strstr (vg_proposal_get_instruction (p, "fr"), "Aucune donnée nominative"));
      if (welfare == NULL)
        welfare = g_object_ref (p);
    }
  g_assert_cmpuint (n_welfare, >=, 10);
  /* A welfare check is a decision on people: an operator may not sign it. */
  g_assert_false (vg_proposal_queue_decide (f->queue, f->operator_, vg_proposal_get_id (welfare), 1, VG_VERDICT_APPROVE,
                                            NULL, NULL, &seq, &error));
  g_assert_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_true (vg_proposal_queue_decide (f->queue, f->validator, vg_proposal_get_id (welfare), 1, VG_VERDICT_APPROVE,
                                           NULL, NULL, &seq, &error));
  g_assert_no_error (error);
  g_assert_true (vg_proposal_queue_emit (f->queue, vg_proposal_get_id (welfare), VG_OUTPUT_TASK, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Traffic: a closure that is the only access to a care home. */
static void
test_traffic_proposals (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(VgFactSet) facts = vg_fact_set_new (at ("2014-09-29T12:00:00Z"), VG_HAZARD_MASK (VG_HAZARD_TRAFFIC));
  g_autoptr(GError) error = NULL;
  g_autoptr(VgProposal) access = NULL;
  VgTrafficClosureFact closure = { 0 };
  VgFactSite cut[1];
  VgEvaluationSummary summary;

  vg_fact_site_from_site (find_site (f, EHPAD_LES_AUBES), &cut[0]);
  closure.record = "FR-MTP-2014-0929-17";
  closure.road = saint_andre.name;
  closure.lon = saint_andre.lonlat[0];
  closure.lat = saint_andre.lonlat[1];
  closure.lonlat = saint_andre.lonlat;
  closure.n_points = saint_andre.n_points;
  closure.start = at ("2014-09-29T11:50:00Z");
  closure.only_access_to = cut;
  closure.n_only_access_to = 1;
  closure.source = "datex-montpellier";
  closure.source_time = at ("2014-09-29T11:52:00Z");
  g_assert_true (vg_fact_set_add_traffic_closure (facts, &closure, &error));
  g_assert_no_error (error);

  evaluate (f, facts, &summary);
  g_assert_cmpuint (summary.proposed, ==, 3);
  access = lookup (f, "traffic-restore-access/FR-MTP-2014-0929-17");
  g_assert_cmpuint (n_targets (access), ==, 2);
  g_assert_true (has_target (access, "road:FR-MTP-2014-0929-17"));
  g_assert_true (has_target (access, EHPAD_LES_AUBES));
  g_assert_cmpint (vg_proposal_get_deadline (access), ==, at ("2014-09-29T12:20:00Z"));
  g_assert_nonnull (strstr (vg_proposal_get_rationale (access, "fr"), "source datex-montpellier, 29/09 à 13h52"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/proposals/playbook/bundled", test_bundled_playbooks);
  g_test_add_func ("/vigie/proposals/playbook/errors-name-file-line-key", test_playbook_errors);
  g_test_add_func ("/vigie/proposals/playbook/structure-errors", test_playbook_structure_errors);
  g_test_add_func ("/vigie/proposals/roster", test_roster);
  g_test_add_func ("/vigie/proposals/facts/validation", test_fact_validation);
#define ADD(path, func, exercise) \
  g_test_add (path, Fixture, GINT_TO_POINTER (exercise), fixture_setup, func, fixture_teardown)
  ADD ("/vigie/proposals/evaluate/flood", test_flood_proposals, FALSE);
  ADD ("/vigie/proposals/evaluate/heat", test_heat_proposals, FALSE);
  ADD ("/vigie/proposals/evaluate/traffic", test_traffic_proposals, FALSE);
  ADD ("/vigie/proposals/determinism", test_determinism, FALSE);
  ADD ("/vigie/proposals/reject-then-material-change", test_reject_then_material_change, FALSE);
  ADD ("/vigie/proposals/superseded", test_superseded, FALSE);
  ADD ("/vigie/proposals/sign-off/rules", test_sign_off_rules, FALSE);
  ADD ("/vigie/proposals/sign-off/controller-in-exercise", test_controller_in_exercise, TRUE);
  ADD ("/vigie/proposals/sign-off/stale-and-double", test_stale_and_double, FALSE);
  ADD ("/vigie/proposals/sign-off/borrowed-id-outlives-decision", test_borrowed_id_outlives_decision, FALSE);
  ADD ("/vigie/proposals/reopen", test_reopen, FALSE);
  ADD ("/vigie/proposals/outputs/need-approval", test_outputs_need_approval, FALSE);
  ADD ("/vigie/proposals/outputs/after-approval", test_outputs_after_approval, FALSE);
  ADD ("/vigie/proposals/outputs/exercise", test_exercise_outputs, TRUE);
  ADD ("/vigie/proposals/outputs/live-cap", test_live_cap, FALSE);
  ADD ("/vigie/proposals/model/notifications", test_model_notifications, FALSE);
#undef ADD

  return g_test_run ();
}
