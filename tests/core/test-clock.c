/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include "vg-clock.h"

static void
count_cb (VgClock *clock,
          guint   *count)
{
  (*count)++;
}

static void
test_manual_clock (void)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2014, 9, 29, 6, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_add_hours (start, 3);
  g_autoptr(VgClock) clock = vg_clock_new_manual (start);
  g_autoptr(GDateTime) now = NULL;
  guint changes = 0;

  g_assert_true (vg_clock_is_manual (clock));
  g_signal_connect (clock, "changed", G_CALLBACK (count_cb), &changes);

  now = vg_clock_dup_now (clock);
  g_assert_true (g_date_time_equal (now, start));

  vg_clock_set_now (clock, later);
  vg_clock_set_now (clock, later);   /* no change, no signal */
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (vg_clock_get_now_usec (clock), ==, vg_time_to_usec (later));
}

static void
test_wall_clock (void)
{
  g_autoptr(VgClock) clock = vg_clock_new_wall ();
  gint64 before = g_get_real_time ();
  gint64 now = vg_clock_get_now_usec (clock);

  g_assert_false (vg_clock_is_manual (clock));
  g_assert_cmpint (now, >=, before);
  g_assert_cmpint (now - before, <, 5 * G_USEC_PER_SEC);
}

static void
test_usec_round_trip (void)
{
  /* Before the epoch and with microseconds: the split must borrow correctly. */
  const gint64 values[] = { 0, 1, -1, 1411977600123456, -86400000001 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(GDateTime) t = vg_time_new_from_usec (values[i]);

      g_assert_cmpint (vg_time_to_usec (t), ==, values[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/clock/manual", test_manual_clock);
  g_test_add_func ("/vigie/clock/wall", test_wall_clock);
  g_test_add_func ("/vigie/clock/usec-round-trip", test_usec_round_trip);

  return g_test_run ();
}
