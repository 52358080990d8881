/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#undef G_DISABLE_ASSERT
#define G_LOG_DOMAIN "test-timeline"

#include "config.h"

#include <math.h>

#include "vg-threshold-ledger.h"
#include "vg-timeline.h"
#include "vg-test-export.h"
#include "vg-test-journal.h"
#include "vg-test-util.h"

/* The timeline model the review view binds to, the situation rebuilt at an entry, and the
 * threshold and decision bookkeeping, over the review journal (tests/support/vg-test-export.c). */

typedef struct
{
  char         *dir;
  VgClock      *clock;
  VgJournal    *journal;
  VgTestReview  seqs;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = vg_test_mkdtemp ();
  path = g_build_filename (f->dir, "lez.vigie-journal", NULL);
  f->clock = vg_test_clock_new ();
  f->journal = vg_test_review_journal_create (path, f->clock, &f->seqs);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->journal);
  g_clear_object (&f->clock);
  vg_test_rmtree (f->dir);
  g_clear_pointer (&f->dir, g_free);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  Changes *changes = user_data;

  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->count++;
}

static guint64
item_seq (GListModel *model,
          guint       position)
{
  g_autoptr(VgTimelineItem) item = g_list_model_get_item (model, position);

  return vg_timeline_item_get_seq (item);
}

static void
test_model (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgTimeline) timeline = vg_timeline_new (f->journal);
  g_autoptr(VgTimelineFilter) filter = vg_timeline_filter_new ();
  g_autoptr(VgTimelineItem) first = NULL;
  g_autoptr(VgTimelineItem) again = NULL;
  GListModel *model = G_LIST_MODEL (timeline);
  Changes changes = { 0 };
  guint position = 0;
  guint64 seq;

  g_signal_connect (timeline, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_true (vg_timeline_refresh (timeline, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_cmpuint (changes.added, ==, f->seqs.last);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, f->seqs.last);
  g_assert_cmpuint (vg_timeline_get_last_seq (timeline), ==, f->seqs.last);
  g_assert_true (g_list_model_get_item_type (model) == VG_TYPE_TIMELINE_ITEM);
  g_assert_null (g_list_model_get_item (model, f->seqs.last));

  /* A row keeps its object, and says what it is about in one line. */
  first = g_list_model_get_item (model, f->seqs.decision_1 - 1);
  again = g_list_model_get_item (model, f->seqs.decision_1 - 1);
  g_assert_true (first == again);
  g_assert_cmpuint (vg_timeline_item_get_group (first), ==, VG_TIMELINE_GROUP_DECISIONS);
  g_assert_cmpstr (vg_timeline_item_get_summary (first), ==,
                   "Proposal P-1 accepted: The envelope reaches the road within two hours");
  g_assert_false (vg_timeline_item_has_geometry (first));
  g_assert_cmpuint (vg_journal_entry_get_seq (vg_timeline_item_get_entry (first)), ==, f->seqs.decision_1);
  g_assert_cmpint (vg_timeline_item_get_time (first), ==, vg_journal_entry_get_time (vg_timeline_item_get_entry (first)));
  g_clear_object (&first);
  g_clear_object (&again);
  first = g_list_model_get_item (model, f->seqs.reading_high - 1);
  g_assert_cmpstr (vg_timeline_item_get_summary (first), ==, "Y321002101 level = 3.72 m (threshold vigilance-orange)");
  g_assert_true (vg_timeline_item_has_geometry (first));

  /* A filter: one change, the view only. */
  vg_timeline_filter_set_groups (filter, VG_TIMELINE_GROUP_MASK (VG_TIMELINE_GROUP_DECISIONS) |
                                         VG_TIMELINE_GROUP_MASK (VG_TIMELINE_GROUP_PROPOSALS));
  changes.count = 0;
  vg_timeline_set_filter (timeline, filter);
  g_assert_true (vg_timeline_get_journal (timeline) == f->journal);
  g_assert_true (vg_timeline_filter_equal (vg_timeline_get_filter (timeline), filter));
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_cmpuint (changes.removed, ==, f->seqs.last);
  g_assert_cmpuint (changes.added, ==, 5);
  g_assert_cmpuint (item_seq (model, 0), ==, f->seqs.proposal_1);
  g_assert_cmpuint (item_seq (model, 4), ==, f->seqs.proposal_3);
  g_assert_cmpuint (vg_timeline_get_n_entries (timeline), ==, f->seqs.last);
  g_assert_true (vg_timeline_find_seq (timeline, f->seqs.decision_2, &position));
  g_assert_cmpuint (position, ==, 3);
  g_assert_false (vg_timeline_find_seq (timeline, f->seqs.note_1, &position));
  g_assert_false (vg_timeline_find_seq (timeline, 9999, &position));
  /* The same filter again changes nothing. */
  vg_timeline_set_filter (timeline, filter);
  g_assert_cmpuint (changes.count, ==, 1);

  /* Appends arrive as one change at the end, the filter applied to them. */
  vg_test_clock_advance (f->clock, 60);
  vg_test_journal_append (f->journal, VG_JOURNAL_KIND_OPERATOR_NOTE, "Claire Martin", "{\"text\":\"Relève\"}");
  seq = vg_test_journal_append (f->journal, VG_JOURNAL_KIND_DECISION, "Claire Martin",
                                "{\"proposal\":\"P-3\",\"verdict\":\"deferred\",\"reason\":\"Gymnasium not needed yet\"}");
  changes.count = 0;
  g_assert_true (vg_timeline_refresh (timeline, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_cmpuint (changes.position, ==, 5);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  g_assert_cmpuint (item_seq (model, 5), ==, seq);
  g_assert_cmpuint (vg_timeline_get_n_entries (timeline), ==, f->seqs.last + 2);
  /* Nothing new: no change. */
  g_assert_true (vg_timeline_refresh (timeline, &error));
  g_assert_cmpuint (changes.count, ==, 1);

  /* Back to everything. */
  vg_timeline_set_filter (timeline, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, f->seqs.last + 2);
}

static gboolean
contains_seq (GPtrArray *entries,
              guint64    seq)
{
  for (guint i = 0; i < entries->len; i++)
    if (vg_journal_entry_get_seq (g_ptr_array_index (entries, i)) == seq)
      return TRUE;
  return FALSE;
}

static void
test_state_at (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgTimeline) timeline = vg_timeline_new (f->journal);
  g_autoptr(VgTimelineState) state = NULL;
  g_autoptr(GPtrArray) readings = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) mapped = NULL;
  g_autoptr(GPtrArray) health = NULL;
  g_autoptr(GPtrArray) projections = NULL;
  g_autoptr(VgTimelineFilter) filter = vg_timeline_filter_new ();
  g_autoptr(GDateTime) proposed = g_date_time_new_utc (2014, 9, 29, 6, 35, 0);
  double value;

  g_assert_true (vg_timeline_refresh (timeline, &error));
  /* A filtered view rebuilds the whole situation all the same. */
  vg_timeline_filter_set_groups (filter, VG_TIMELINE_GROUP_MASK (VG_TIMELINE_GROUP_NOTES));
  vg_timeline_set_filter (timeline, filter);

  /* Right after P-1 was proposed: the low reading, P-1 pending, nothing decided. */
  state = vg_timeline_dup_state_at (timeline, f->seqs.proposal_1);
  g_assert_cmpuint (vg_timeline_state_get_seq (state), ==, f->seqs.proposal_1);
  g_assert_cmpint (vg_timeline_state_get_time (state), ==, vg_time_to_usec (proposed));
  readings = vg_timeline_state_dup_readings (state);
  g_assert_cmpuint (readings->len, ==, 1);
  g_assert_true (vg_journal_entry_get_double (g_ptr_array_index (readings, 0), "value", &value));
  g_assert_cmpfloat (value, ==, 2.1);
  pending = vg_timeline_state_dup_pending_proposals (state);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_true (contains_seq (pending, f->seqs.proposal_1));
  decisions = vg_timeline_state_dup_decisions (state);
  g_assert_cmpuint (decisions->len, ==, 0);
  warnings = vg_timeline_state_dup_warnings (state);
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_true (contains_seq (warnings, f->seqs.cap_received));
  g_assert_true (contains_seq (warnings, f->seqs.warning));
  mapped = vg_timeline_state_dup_mapped (state);
  g_assert_cmpuint (mapped->len, ==, 3);   /* the reading, the envelope, P-1's road */
  g_clear_pointer (&readings, g_ptr_array_unref);
  g_clear_pointer (&pending, g_ptr_array_unref);
  g_clear_pointer (&decisions, g_ptr_array_unref);
  g_clear_pointer (&warnings, g_ptr_array_unref);
  g_clear_pointer (&mapped, g_ptr_array_unref);
  g_clear_object (&state);

  /* At the end: the high reading replaced the low one, INC-1 open, P-3 still pending, two
   * decisions, the log, the issued alert in force. */
  state = vg_timeline_dup_state_at (timeline, G_MAXUINT64);
  g_assert_cmpuint (vg_timeline_state_get_seq (state), ==, f->seqs.last);
  readings = vg_timeline_state_dup_readings (state);
  g_assert_cmpuint (readings->len, ==, 1);
  g_assert_cmpuint (vg_journal_entry_get_seq (g_ptr_array_index (readings, 0)), ==, f->seqs.reading_high);
  incidents = vg_timeline_state_dup_open_incidents (state);
  g_assert_cmpuint (incidents->len, ==, 1);
  pending = vg_timeline_state_dup_pending_proposals (state);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_true (contains_seq (pending, f->seqs.proposal_3));
  decisions = vg_timeline_state_dup_decisions (state);
  g_assert_cmpuint (decisions->len, ==, 2);
  g_assert_true (contains_seq (decisions, f->seqs.decision_1));
  g_assert_true (contains_seq (decisions, f->seqs.decision_2));
  log = vg_timeline_state_dup_operator_log (state);
  g_assert_cmpuint (log->len, ==, 3);
  warnings = vg_timeline_state_dup_warnings (state);
  g_assert_cmpuint (warnings->len, ==, 3);
  health = vg_timeline_state_dup_feed_health (state);
  g_assert_cmpuint (health->len, ==, 1);
  projections = vg_timeline_state_dup_projections (state);
  g_assert_cmpuint (projections->len, ==, 3);
  g_clear_pointer (&incidents, g_ptr_array_unref);
  g_clear_object (&state);

  /* INC-1 closed later: no longer open. */
  vg_test_journal_append (f->journal, VG_JOURNAL_KIND_INCIDENT, "Jean Dupont",
                          "{\"incident\":\"INC-1\",\"status\":\"closed\",\"text\":\"Cellar pumped out\"}");
  g_assert_true (vg_timeline_refresh (timeline, &error));
  state = vg_timeline_dup_state_at (timeline, G_MAXUINT64);
  incidents = vg_timeline_state_dup_open_incidents (state);
  g_assert_cmpuint (incidents->len, ==, 0);
}

static VgThresholdRecord *
find_threshold (GListModel *thresholds,
                const char *subject)
{
  for (guint i = 0; i < g_list_model_get_n_items (thresholds); i++)
    {
      g_autoptr(VgThresholdRecord) record = g_list_model_get_item (thresholds, i);

      if (g_str_equal (vg_threshold_record_get_subject (record), subject))
        return g_steal_pointer (&record);
    }
  g_error ("no threshold for %s", subject);
}

static gboolean
add_cb (VgJournalEntry *entry,
        gpointer        user_data)
{
  vg_threshold_ledger_add (user_data, entry);
  return TRUE;
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_ledger (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgThresholdLedger) ledger = vg_threshold_ledger_new ();
  GListModel *thresholds = vg_threshold_ledger_get_thresholds (ledger);
  GListModel *proposals = vg_threshold_ledger_get_proposals (ledger);
  g_autoptr(VgThresholdRecord) gauge = NULL;
  g_autoptr(VgThresholdRecord) area = NULL;
  g_autoptr(VgThresholdRecord) heat = NULL;
  g_autoptr(VgProposalWait) p1 = NULL;
  g_autoptr(VgProposalWait) p2 = NULL;
  g_autoptr(VgProposalWait) p3 = NULL;
  g_autoptr(GDateTime) valid = g_date_time_new_utc (2014, 9, 29, 9, 0, 0);
  gint64 lead = 0, wait = 0;
  guint notified = 0;
  guint64 seq;

  g_assert_true (vg_journal_foreach (f->journal, NULL, add_cb, ledger, &error));
  g_assert_no_error (error);

  /* The gauge's orange threshold: forecast at 06:30, observed at 07:20 (the 06:15 reading was
   * below it): 50 minutes gained. The entry without a subject is not counted. */
  g_assert_cmpuint (g_list_model_get_n_items (thresholds), ==, 3);
  gauge = find_threshold (thresholds, "Y321002101");
  g_assert_cmpstr (vg_threshold_record_get_threshold (gauge), ==, "vigilance-orange");
  g_assert_cmpstr (vg_threshold_record_get_hazard (gauge), ==, "flood");
  g_assert_cmpuint (vg_threshold_record_get_first_forecast_seq (gauge), ==, f->seqs.projection);
  g_assert_cmpuint (vg_threshold_record_get_first_observed_seq (gauge), ==, f->seqs.reading_high);
  g_assert_cmpint (vg_threshold_record_get_forecast_valid_time (gauge), ==, vg_time_to_usec (valid));
  g_assert_cmpfloat (vg_threshold_record_get_observed_value (gauge), ==, 3.72);
  g_assert_true (vg_threshold_record_get_lead_time (gauge, &lead));
  g_assert_cmpint (lead, ==, 50 * G_GINT64_CONSTANT (60) * G_USEC_PER_SEC);
  area = find_threshold (thresholds, "Hérault");
  g_assert_cmpstr (vg_threshold_record_get_threshold (area), ==, "orange");
  g_assert_cmpuint (vg_threshold_record_get_first_forecast_seq (area), ==, f->seqs.warning);
  g_assert_cmpuint (vg_threshold_record_get_first_observed_seq (area), ==, 0);
  g_assert_false (vg_threshold_record_get_lead_time (area, &lead));
  g_assert_true (isnan (vg_threshold_record_get_observed_value (area)));
  heat = find_threshold (thresholds, "Mosson");
  g_assert_cmpstr (vg_threshold_record_get_hazard (heat), ==, "heat");

  /* P-1 waited 15 min, P-2 45 min, P-3 is still waiting. */
  g_assert_cmpuint (g_list_model_get_n_items (proposals), ==, 3);
  p1 = g_list_model_get_item (proposals, 0);
  p2 = g_list_model_get_item (proposals, 1);
  p3 = g_list_model_get_item (proposals, 2);
  g_assert_cmpstr (vg_proposal_wait_get_proposal_id (p1), ==, "P-1");
  g_assert_cmpstr (vg_proposal_wait_get_title (p1), ==, "Close the riverside roads (avenue de la Pompignane)");
  g_assert_cmpstr (vg_proposal_wait_get_decider (p1), ==, "Claire Martin");
  g_assert_cmpstr (vg_proposal_wait_get_verdict (p1), ==, "accepted");
  g_assert_cmpstr (vg_proposal_wait_get_reason (p1), ==, "The envelope reaches the road within two hours");
  g_assert_true (vg_proposal_wait_get_wait (p1, &wait));
  g_assert_cmpint (wait, ==, 15 * G_GINT64_CONSTANT (60) * G_USEC_PER_SEC);
  g_assert_true (vg_proposal_wait_get_wait (p2, &wait));
  g_assert_cmpint (wait, ==, 45 * G_GINT64_CONSTANT (60) * G_USEC_PER_SEC);
  g_assert_cmpstr (vg_proposal_wait_get_verdict (p2), ==, "rejected");
  g_assert_false (vg_proposal_wait_get_wait (p3, &wait));
  g_assert_cmpuint (vg_proposal_wait_get_decision_seq (p3), ==, 0);

  /* A later decision completes the record, which notifies (the UI's table follows). */
  g_signal_connect (p3, "notify::wait", G_CALLBACK (notify_cb), &notified);
  vg_test_clock_advance (f->clock, 20 * 60);
  seq = vg_test_journal_append (f->journal, VG_JOURNAL_KIND_DECISION, "Claire Martin",
                                "{\"proposal\":\"P-3\",\"verdict\":\"accepted\",\"reason\":\"Needed after all\"}");
  {
    VgJournalFilter filter;

    vg_journal_filter_init (&filter);
    filter.after_seq = seq - 1;
    g_assert_true (vg_journal_foreach (f->journal, &filter, add_cb, ledger, &error));
  }
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (vg_proposal_wait_get_wait (p3, &wait));
  g_assert_cmpint (wait, ==, (25 + 20) * G_GINT64_CONSTANT (60) * G_USEC_PER_SEC);
}

/* Payloads missing what the readers look for, or of the wrong types: skipped, never a crash. */
static void
test_ledger_robust (Fixture       *f,
                    gconstpointer  data)
{
  static const struct {
    VgJournalKind  kind;
    const char    *payload;
  } odd[] = {
    { VG_JOURNAL_KIND_OBSERVATION, "{}" },
    { VG_JOURNAL_KIND_OBSERVATION, "{\"gauge\":12,\"threshold\":\"x\"}" },
    { VG_JOURNAL_KIND_OBSERVATION, "{\"gauge\":\"G\",\"threshold\":{\"name\":\"x\"}}" },
    { VG_JOURNAL_KIND_PROJECTION, "{\"gauge\":\"G\",\"level\":3.5}" },
    { VG_JOURNAL_KIND_PROJECTION, "{\"gauge\":\"G\",\"stage\":2,\"valid_time\":\"soon\"}" },
    { VG_JOURNAL_KIND_WARNING, "{\"area\":\"\",\"level\":\"red\"}" },
    { VG_JOURNAL_KIND_DECISION, "{\"verdict\":\"accepted\"}" },
    { VG_JOURNAL_KIND_DECISION, "{\"proposal\":[\"P-9\"]}" },
    { VG_JOURNAL_KIND_DECISION, "{\"proposal\":\"P-unknown\"}" },
    { VG_JOURNAL_KIND_PROPOSAL, "{\"title\":\"No id\"}" },
    { VG_JOURNAL_KIND_INCIDENT, "{\"status\":\"closed\"}" },
    { VG_JOURNAL_KIND_OBSERVATION, "{\"geometry\":\"not an object\",\"lon\":\"3.8\"}" },
  };
  g_autoptr(VgThresholdLedger) ledger = vg_threshold_ledger_new ();
  g_autoptr(VgTimeline) timeline = vg_timeline_new (f->journal);
  g_autoptr(VgTimelineState) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VgThresholdRecord) staged = NULL;
  g_autoptr(VgProposalWait) unknown = NULL;
  GListModel *thresholds = vg_threshold_ledger_get_thresholds (ledger);
  guint64 first = 0;

  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      guint64 seq = vg_test_journal_append (f->journal, odd[i].kind, "someone", odd[i].payload);

      if (first == 0)
        first = seq;
    }
  {
    VgJournalFilter filter;

    vg_journal_filter_init (&filter);
    filter.after_seq = first - 1;
    g_assert_true (vg_journal_foreach (f->journal, &filter, add_cb, ledger, &error));
  }
  /* Only the numeric stage counts ("3.5" as "level" is a reading, not a threshold); its
   * unreadable valid time is left unknown. A decision on an unknown proposal is kept, waitless. */
  g_assert_cmpuint (g_list_model_get_n_items (thresholds), ==, 1);
  staged = g_list_model_get_item (thresholds, 0);
  g_assert_cmpstr (vg_threshold_record_get_threshold (staged), ==, "2");
  g_assert_cmpint (vg_threshold_record_get_forecast_valid_time (staged), ==, G_MININT64);
  g_assert_cmpuint (g_list_model_get_n_items (vg_threshold_ledger_get_proposals (ledger)), ==, 1);
  unknown = g_list_model_get_item (vg_threshold_ledger_get_proposals (ledger), 0);
  g_assert_cmpstr (vg_proposal_wait_get_proposal_id (unknown), ==, "P-unknown");
  g_assert_false (vg_proposal_wait_get_wait (unknown, NULL));

  /* The timeline takes them too. */
  g_assert_true (vg_timeline_refresh (timeline, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (timeline)); i++)
    {
      g_autoptr(VgTimelineItem) item = g_list_model_get_item (G_LIST_MODEL (timeline), i);

      g_assert_nonnull (vg_timeline_item_get_summary (item));
      vg_timeline_item_has_geometry (item);
    }
  state = vg_timeline_dup_state_at (timeline, G_MAXUINT64);
  g_assert_nonnull (state);
}

static void
test_filter_accessors (void)
{
  g_autoptr(VgTimelineFilter) filter = vg_timeline_filter_new ();
  g_autoptr(VgTimelineFilter) copy = NULL;
  g_autofree char *description = NULL;
  gint64 since = 0, until = 0;

  g_assert_true (vg_timeline_filter_is_empty (filter));
  g_assert_cmpuint (vg_timeline_filter_get_groups (filter), ==, VG_TIMELINE_ALL_GROUPS);
  description = vg_timeline_filter_describe (filter);
  g_assert_cmpstr (description, ==, "none");
  g_clear_pointer (&description, g_free);

  vg_timeline_filter_set_groups (filter, VG_TIMELINE_GROUP_MASK (VG_TIMELINE_GROUP_INCIDENTS));
  vg_timeline_filter_set_kinds (filter, VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_INCIDENT));
  vg_timeline_filter_set_source (filter, "operator");
  vg_timeline_filter_set_author (filter, "Jean Dupont");
  vg_timeline_filter_set_text (filter, "cave");
  vg_timeline_filter_set_period (filter, 0, 1000000);
  g_assert_false (vg_timeline_filter_is_empty (filter));
  g_assert_cmpuint (vg_timeline_filter_get_groups (filter), ==, VG_TIMELINE_GROUP_MASK (VG_TIMELINE_GROUP_INCIDENTS));
  g_assert_cmpuint (vg_timeline_filter_get_kinds (filter), ==, VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_INCIDENT));
  g_assert_cmpstr (vg_timeline_filter_get_source (filter), ==, "operator");
  g_assert_cmpstr (vg_timeline_filter_get_author (filter), ==, "Jean Dupont");
  g_assert_cmpstr (vg_timeline_filter_get_text (filter), ==, "cave");
  vg_timeline_filter_get_period (filter, &since, &until);
  g_assert_cmpint (since, ==, 0);
  g_assert_cmpint (until, ==, 1000000);
  description = vg_timeline_filter_describe (filter);
  g_assert_cmpstr (description, ==, "groups=incidents; kinds=incident; source=operator; author=Jean Dupont; "
                                    "text=cave; since=1970-01-01T00:00:00Z; until=1970-01-01T00:00:01Z");
  copy = vg_timeline_filter_copy (filter);
  g_assert_true (vg_timeline_filter_equal (copy, filter));
  /* An empty string is no condition. */
  vg_timeline_filter_set_text (copy, "");
  g_assert_null (vg_timeline_filter_get_text (copy));
  g_assert_false (vg_timeline_filter_equal (copy, filter));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/timeline/filter-accessors", test_filter_accessors);
  g_test_add ("/vigie/timeline/model", Fixture, NULL, fixture_set_up, test_model, fixture_tear_down);
  g_test_add ("/vigie/timeline/state-at", Fixture, NULL, fixture_set_up, test_state_at, fixture_tear_down);
  g_test_add ("/vigie/timeline/ledger", Fixture, NULL, fixture_set_up, test_ledger, fixture_tear_down);
  g_test_add ("/vigie/timeline/ledger-robust", Fixture, NULL, fixture_set_up, test_ledger_robust, fixture_tear_down);

  return g_test_run ();
}
