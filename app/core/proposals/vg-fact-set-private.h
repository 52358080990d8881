/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-fact-set.h"

G_BEGIN_DECLS

/* Fact @index (validated: every member the format requires is there, of its type); borrowed. */
JsonObject *vg_fact_set_get_fact       (VgFactSet  *self,
                                        guint       index,
                                        VgFactType *type);
/* Like vg_fact_set_add_json(), but takes @fact (full ownership, freed on failure too) instead
 * of copying it: for builders that made the node and will not touch it again. */
gboolean    vg_fact_set_take_json      (VgFactSet  *self,
                                        JsonNode   *fact,
                                        GError    **error);
/* The resource sites (VgFactSite objects of the format); borrowed. */
JsonArray  *vg_fact_set_get_resources  (VgFactSet  *self);
/* @text (ISO 8601 with a zone) as Unix µs; FALSE if it does not parse. */
gboolean    vg_fact_time_parse         (const char *text,
                                        gint64     *usec);
/* @usec as the format writes times: ISO 8601 in UTC ("2014-09-29T17:00:00Z"); free with g_free(). */
char       *vg_fact_time_format        (gint64      usec);

G_END_DECLS
