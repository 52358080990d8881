/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-proposal-wait"

#include "config.h"

#include "vg-proposal-wait-private.h"

G_DEFINE_FINAL_TYPE (VgProposalWait, vg_proposal_wait, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROPOSAL_ID,
  PROP_TITLE,
  PROP_PROPOSED_SEQ,
  PROP_PROPOSED_TIME,
  PROP_DECISION_SEQ,
  PROP_DECISION_TIME,
  PROP_DECIDER,
  PROP_VERDICT,
  PROP_REASON,
  PROP_N_DECISIONS,
  PROP_WAIT,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
vg_proposal_wait_finalize (GObject *object)
{
  VgProposalWait *self = VG_PROPOSAL_WAIT (object);

  g_clear_pointer (&self->proposal_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->decider, g_free);
  g_clear_pointer (&self->verdict, g_free);
  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (vg_proposal_wait_parent_class)->finalize (object);
}

static void
vg_proposal_wait_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VgProposalWait *self = VG_PROPOSAL_WAIT (object);
  gint64 wait = G_MININT64;

  switch (prop_id)
    {
    case PROP_PROPOSAL_ID:
      g_value_set_string (value, self->proposal_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_PROPOSED_SEQ:
      g_value_set_uint64 (value, self->proposed_seq);
      break;
    case PROP_PROPOSED_TIME:
      g_value_set_int64 (value, self->proposed_time);
      break;
    case PROP_DECISION_SEQ:
      g_value_set_uint64 (value, self->decision_seq);
      break;
    case PROP_DECISION_TIME:
      g_value_set_int64 (value, self->decision_time);
      break;
    case PROP_DECIDER:
      g_value_set_string (value, self->decider);
      break;
    case PROP_VERDICT:
      g_value_set_string (value, self->verdict);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case PROP_N_DECISIONS:
      g_value_set_uint (value, self->n_decisions);
      break;
    case PROP_WAIT:
      vg_proposal_wait_get_wait (self, &wait);
      g_value_set_int64 (value, wait);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vg_proposal_wait_class_init (VgProposalWaitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vg_proposal_wait_finalize;
  object_class->get_property = vg_proposal_wait_get_property;

  properties[PROP_PROPOSAL_ID] = g_param_spec_string ("proposal-id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_PROPOSED_SEQ] = g_param_spec_uint64 ("proposed-seq", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_PROPOSED_TIME] =
    g_param_spec_int64 ("proposed-time", NULL, NULL, G_MININT64, G_MAXINT64, G_MININT64, flags);
  properties[PROP_DECISION_SEQ] = g_param_spec_uint64 ("decision-seq", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_DECISION_TIME] =
    g_param_spec_int64 ("decision-time", NULL, NULL, G_MININT64, G_MAXINT64, G_MININT64, flags);
  properties[PROP_DECIDER] = g_param_spec_string ("decider", NULL, NULL, NULL, flags);
  properties[PROP_VERDICT] = g_param_spec_string ("verdict", NULL, NULL, NULL, flags);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, flags);
  properties[PROP_N_DECISIONS] = g_param_spec_uint ("n-decisions", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /* G_MININT64 until both the proposal and a decision on it are known. */
  properties[PROP_WAIT] = g_param_spec_int64 ("wait", NULL, NULL, G_MININT64, G_MAXINT64, G_MININT64, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vg_proposal_wait_init (VgProposalWait *self)
{
  self->proposed_time = G_MININT64;
  self->decision_time = G_MININT64;
}

VgProposalWait *
vg_proposal_wait_new (const char *proposal_id)
{
  VgProposalWait *self;

  g_return_val_if_fail (proposal_id != NULL, NULL);

  self = g_object_new (VG_TYPE_PROPOSAL_WAIT, NULL);
  self->proposal_id = g_strdup (proposal_id);
  return self;
}

void
vg_proposal_wait_changed (VgProposalWait *self)
{
  g_return_if_fail (VG_IS_PROPOSAL_WAIT (self));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_TITLE; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
vg_proposal_wait_get_proposal_id (VgProposalWait *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL_WAIT (self), NULL);

  return self->proposal_id;
}

const char *
vg_proposal_wait_get_title (VgProposalWait *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL_WAIT (self), NULL);

  return self->title;
}

guint64
vg_proposal_wait_get_proposed_seq (VgProposalWait *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL_WAIT (self), 0);

  return self->proposed_seq;
}

gint64
vg_proposal_wait_get_proposed_time (VgProposalWait *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL_WAIT (self), G_MININT64);

  return self->proposed_time;
}

guint64
vg_proposal_wait_get_decision_seq (VgProposalWait *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL_WAIT (self), 0);

  return self->decision_seq;
}

gint64
vg_proposal_wait_get_decision_time (VgProposalWait *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL_WAIT (self), G_MININT64);

  return self->decision_time;
}

const char *
vg_proposal_wait_get_decider (VgProposalWait *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL_WAIT (self), NULL);

  return self->decider;
}

const char *
vg_proposal_wait_get_verdict (VgProposalWait *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL_WAIT (self), NULL);

  return self->verdict;
}

const char *
vg_proposal_wait_get_reason (VgProposalWait *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL_WAIT (self), NULL);

  return self->reason;
}

guint
vg_proposal_wait_get_n_decisions (VgProposalWait *self)
{
  g_return_val_if_fail (VG_IS_PROPOSAL_WAIT (self), 0);

  return self->n_decisions;
}

gboolean
vg_proposal_wait_get_wait (VgProposalWait *self,
                           gint64         *wait)
{
  g_return_val_if_fail (VG_IS_PROPOSAL_WAIT (self), FALSE);

  if (self->proposed_seq == 0 || self->decision_seq == 0)
    return FALSE;
  if (wait != NULL)
    *wait = self->decision_time - self->proposed_time;
  return TRUE;
}
