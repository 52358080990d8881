/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-nuts"

#include "config.h"

#include "vg-nuts.h"

/* Eurostat NUTS 2013 → 2016 correspondence for the départements of Occitanie (FR81 Languedoc-
 * Roussillon and FR62 Midi-Pyrénées merged as FRJ) and of PACA (FR82 → FRL), unchanged in
 * NUTS 2021. */
static const struct {
  const char *old;
  const char *current;
} recoded[] = {
  { "FR811", "FRJ11" },   /* Aude */
  { "FR812", "FRJ12" },   /* Gard */
  { "FR813", "FRJ13" },   /* Hérault */
  { "FR814", "FRJ14" },   /* Lozère */
  { "FR815", "FRJ15" },   /* Pyrénées-Orientales */
  { "FR621", "FRJ21" },   /* Ariège */
  { "FR622", "FRJ22" },   /* Aveyron */
  { "FR623", "FRJ23" },   /* Haute-Garonne */
  { "FR624", "FRJ24" },   /* Gers */
  { "FR625", "FRJ25" },   /* Lot */
  { "FR626", "FRJ26" },   /* Hautes-Pyrénées */
  { "FR627", "FRJ27" },   /* Tarn */
  { "FR628", "FRJ28" },   /* Tarn-et-Garonne */
  { "FR821", "FRL01" },   /* Alpes-de-Haute-Provence */
  { "FR822", "FRL02" },   /* Hautes-Alpes */
  { "FR823", "FRL03" },   /* Alpes-Maritimes */
  { "FR824", "FRL04" },   /* Bouches-du-Rhône */
  { "FR825", "FRL05" },   /* Var */
  { "FR826", "FRL06" },   /* Vaucluse */
};

const char *
vg_nuts_to_current (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (recoded); i++)
    if (g_ascii_strcasecmp (code, recoded[i].old) == 0)
      return recoded[i].current;
  return code;
}

gboolean
vg_nuts_equal (const char *a,
               const char *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_ascii_strcasecmp (vg_nuts_to_current (a), vg_nuts_to_current (b)) == 0;
}
