/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-clock"

#include "config.h"

#include "vg-clock.h"

struct _VgClock
{
  GObject  parent_instance;

  gboolean manual;
  gint64   manual_usec;   /* Unix microseconds, for a manual clock */
};

G_DEFINE_FINAL_TYPE (VgClock, vg_clock, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
vg_clock_class_init (VgClockClass *klass)
{
  /* Emitted when a manual clock is moved; a wall clock never emits it (poll it instead). */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
vg_clock_init (VgClock *self)
{
}

VgClock *
vg_clock_new_wall (void)
{
  return g_object_new (VG_TYPE_CLOCK, NULL);
}

VgClock *
vg_clock_new_manual (GDateTime *start)
{
  VgClock *self;

  g_return_val_if_fail (start != NULL, NULL);

  self = g_object_new (VG_TYPE_CLOCK, NULL);
  self->manual = TRUE;
  self->manual_usec = vg_time_to_usec (start);
  return self;
}

gboolean
vg_clock_is_manual (VgClock *self)
{
  g_return_val_if_fail (VG_IS_CLOCK (self), FALSE);

  return self->manual;
}

gint64
vg_clock_get_now_usec (VgClock *self)
{
  g_return_val_if_fail (VG_IS_CLOCK (self), 0);

  if (self->manual)
    return self->manual_usec;

  /* The one place in the core that reads the wall clock. */
  return g_get_real_time ();
}

GDateTime *
vg_clock_dup_now (VgClock *self)
{
  g_return_val_if_fail (VG_IS_CLOCK (self), NULL);

  return vg_time_new_from_usec (vg_clock_get_now_usec (self));
}

void
vg_clock_set_now (VgClock   *self,
                  GDateTime *now)
{
  gint64 usec;

  g_return_if_fail (VG_IS_CLOCK (self));
  g_return_if_fail (self->manual);
  g_return_if_fail (now != NULL);

  usec = vg_time_to_usec (now);
  if (usec == self->manual_usec)
    return;

  self->manual_usec = usec;
  g_signal_emit (self, signals[CHANGED], 0);
}

GDateTime *
vg_time_new_from_usec (gint64 usec)
{
  g_autoptr(GDateTime) seconds = NULL;
  gint64 secs = usec / G_USEC_PER_SEC;
  gint64 rest = usec % G_USEC_PER_SEC;

  if (rest < 0)
    {
      secs -= 1;
      rest += G_USEC_PER_SEC;
    }
  seconds = g_date_time_new_from_unix_utc (secs);
  g_return_val_if_fail (seconds != NULL, NULL);
  return g_date_time_add (seconds, rest);
}

gint64
vg_time_to_usec (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, 0);

  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}
