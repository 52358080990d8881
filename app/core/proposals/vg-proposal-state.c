/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-proposal-state"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vg-proposal-state.h"

static const GEnumValue state_values[] = {
  { VG_PROPOSAL_PROPOSED, "VG_PROPOSAL_PROPOSED", "proposed" },
  { VG_PROPOSAL_APPROVED, "VG_PROPOSAL_APPROVED", "approved" },
  { VG_PROPOSAL_REJECTED, "VG_PROPOSAL_REJECTED", "rejected" },
  { VG_PROPOSAL_AMENDED, "VG_PROPOSAL_AMENDED", "amended" },
  { VG_PROPOSAL_DONE, "VG_PROPOSAL_DONE", "done" },
  { VG_PROPOSAL_EXPIRED, "VG_PROPOSAL_EXPIRED", "expired" },
  { VG_PROPOSAL_SUPERSEDED, "VG_PROPOSAL_SUPERSEDED", "superseded" },
  { 0, NULL, NULL },
};

static const GEnumValue verdict_values[] = {
  { VG_VERDICT_APPROVE, "VG_VERDICT_APPROVE", "approve" },
  { VG_VERDICT_REJECT, "VG_VERDICT_REJECT", "reject" },
  { VG_VERDICT_AMEND, "VG_VERDICT_AMEND", "amend" },
  { VG_VERDICT_DONE, "VG_VERDICT_DONE", "done" },
  { 0, NULL, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (state_values) == VG_N_PROPOSAL_STATES + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (verdict_values) == VG_N_VERDICTS + 1);

GType
vg_proposal_state_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("VgProposalState"), state_values));
  return type;
}

GType
vg_verdict_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("VgVerdict"), verdict_values));
  return type;
}

const char *
vg_proposal_state_to_id (VgProposalState state)
{
  g_return_val_if_fail (state < VG_N_PROPOSAL_STATES, NULL);

  return state_values[state].value_nick;
}

gboolean
vg_proposal_state_from_id (const char      *id,
                           VgProposalState *state)
{
  g_return_val_if_fail (state != NULL, FALSE);

  for (guint i = 0; id != NULL && i < VG_N_PROPOSAL_STATES; i++)
    if (g_str_equal (id, state_values[i].value_nick))
      {
        *state = i;
        return TRUE;
      }
  return FALSE;
}

const char *
vg_proposal_state_get_label (VgProposalState state)
{
  switch (state)
    {
    case VG_PROPOSAL_PROPOSED:
      return _("Awaiting decision");
    case VG_PROPOSAL_APPROVED:
      return _("Approved");
    case VG_PROPOSAL_REJECTED:
      return _("Rejected");
    case VG_PROPOSAL_AMENDED:
      return _("Approved with changes");
    case VG_PROPOSAL_DONE:
      return _("Done");
    case VG_PROPOSAL_EXPIRED:
      return _("Expired");
    case VG_PROPOSAL_SUPERSEDED:
      return _("Superseded");
    case VG_N_PROPOSAL_STATES:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
vg_verdict_to_id (VgVerdict verdict)
{
  g_return_val_if_fail (verdict < VG_N_VERDICTS, NULL);

  return verdict_values[verdict].value_nick;
}

gboolean
vg_verdict_from_id (const char *id,
                    VgVerdict  *verdict)
{
  g_return_val_if_fail (verdict != NULL, FALSE);

  for (guint i = 0; id != NULL && i < VG_N_VERDICTS; i++)
    if (g_str_equal (id, verdict_values[i].value_nick))
      {
        *verdict = i;
        return TRUE;
      }
  return FALSE;
}
