/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-output"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vg-clock.h"
#include "vg-fact-set-private.h"
#include "vg-json-private.h"
#include "vg-output-private.h"
#include "vg-template-private.h"

/* CAP areas are the bounding box of the targets, grown by this much (about 100 m): an honest
 * outline a person refines before release, not a flood extent. */
#define AREA_MARGIN_DEG 0.001

const char *
vg_output_get_media_type (VgOutputKind kind)
{
  switch (kind)
    {
    case VG_OUTPUT_CAP:
      return "application/cap+xml";
    case VG_OUTPUT_DATEX:
      return "application/xml";
    case VG_OUTPUT_ORDER_SHEET:
    case VG_OUTPUT_TASK:
      return "text/plain; charset=utf-8";
    case VG_N_OUTPUTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
vg_output_get_suffix (VgOutputKind kind)
{
  switch (kind)
    {
    case VG_OUTPUT_CAP:
      return ".cap.xml";
    case VG_OUTPUT_DATEX:
      return ".datex.xml";
    case VG_OUTPUT_ORDER_SHEET:
      return ".order.txt";
    case VG_OUTPUT_TASK:
      return ".task.txt";
    case VG_N_OUTPUTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static JsonObject *
decision_payload (VgJournalEntry *decision)
{
  return json_node_get_object (vg_journal_entry_get_payload (decision));
}

GPtrArray *
vg_output_kept_targets (JsonObject     *proposal,
                        VgJournalEntry *decision)
{
  JsonArray *targets = vg_json_member_array (proposal, "targets");
  JsonArray *kept = vg_json_member_array (decision_payload (decision), "targets");
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (targets); i++)
    {
      JsonObject *target = json_array_get_object_element (targets, i);
      gboolean keep = kept == NULL;

      for (guint k = 0; !keep && k < json_array_get_length (kept); k++)
        keep = g_strcmp0 (json_array_get_string_element (kept, k), vg_json_member_string (target, "id")) == 0;
      if (keep)
        g_ptr_array_add (out, target);
    }
  return out;
}

static GTimeZone *
proposal_zone (JsonObject *proposal)
{
  GTimeZone *zone = g_time_zone_new_identifier (vg_json_member_string (proposal, "timezone"));

  return zone != NULL ? zone : g_time_zone_new_utc ();
}

static const char *
text_in (JsonObject *proposal,
         const char *member,
         const char *lang)
{
  const char *text = vg_json_member_string (vg_json_member_object (proposal, member), lang);

  return text != NULL ? text : "";
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (out, escaped);
}

static void
element (GString    *out,
         const char *indent,
         const char *name,
         const char *text)
{
  g_string_append_printf (out, "%s<%s>", indent, name);
  append_escaped (out, text);
  g_string_append_printf (out, "</%s>\n", name);
}

/* CAP and DATEX want identifiers without spaces, commas, "<" or "&". */
static char *
identifier_part (const char *text)
{
  char *copy = g_strdup (text);

  for (char *p = copy; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("._:/-", *p) == NULL)
      *p = '-';
  return copy;
}

static void
for_each_point (JsonObject *target,
                double     *bbox)
{
  JsonObject *geometry = vg_json_member_object (target, "geometry");
  JsonArray *coordinates = vg_json_member_array (geometry, "coordinates");
  gboolean line = g_strcmp0 (vg_json_member_string (geometry, "type"), "LineString") == 0;
  guint n = line ? json_array_get_length (coordinates) : 1;

  for (guint i = 0; coordinates != NULL && i < n; i++)
    {
      JsonArray *point = line ? json_array_get_array_element (coordinates, i) : coordinates;
      double lon = json_array_get_double_element (point, 0);
      double lat = json_array_get_double_element (point, 1);

      bbox[0] = MIN (bbox[0], lon);
      bbox[1] = MIN (bbox[1], lat);
      bbox[2] = MAX (bbox[2], lon);
      bbox[3] = MAX (bbox[3], lat);
    }
}

static char *
coordinate (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.5f", value));
}

/* "lat,lon lat,lon …", closed, as CAP 1.2 writes polygons (WGS84). */
static char *
cap_polygon (GPtrArray *targets)
{
  double bbox[4] = { INFINITY, INFINITY, -INFINITY, -INFINITY };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < targets->len; i++)
    for_each_point (g_ptr_array_index (targets, i), bbox);
  bbox[0] -= AREA_MARGIN_DEG;
  bbox[1] -= AREA_MARGIN_DEG;
  bbox[2] += AREA_MARGIN_DEG;
  bbox[3] += AREA_MARGIN_DEG;
  {
    /* South-west, south-east, north-east, north-west, and back: lat,lon pairs. */
    const double ring[5][2] = {
      { bbox[1], bbox[0] }, { bbox[1], bbox[2] }, { bbox[3], bbox[2] }, { bbox[3], bbox[0] }, { bbox[1], bbox[0] },
    };

    for (guint i = 0; i < G_N_ELEMENTS (ring); i++)
      {
        g_autofree char *lat = coordinate (ring[i][0]);
        g_autofree char *lon = coordinate (ring[i][1]);

        g_string_append_printf (out, "%s%s,%s", i > 0 ? " " : "", lat, lon);
      }
  }
  return g_string_free (out, FALSE);
}

static char *
target_names (GPtrArray *targets,
              VgLang     lang)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < targets->len; i++)
    g_ptr_array_add (names, (gpointer) vg_json_member_string (g_ptr_array_index (targets, i), "name"));
  return vg_format_list (names, 12, lang);
}

/* CAP 1.2 dateTime: with a numeric offset, never "Z" (OASIS CAP 1.2, 3.3.2). */
static char *
cap_time (gint64     usec,
          GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = vg_time_new_from_usec (usec - usec % G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
  g_autofree char *text = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");

  if (g_str_has_suffix (text, "+00:00"))
    text[strlen (text) - 6] = '-';
  return g_steal_pointer (&text);
}

static char *
render_cap (JsonObject     *proposal,
            VgJournalEntry *decision,
            const char     *situation,
            gboolean        exercise)
{
  static const struct { const char *lang; const char *cap; } langs[] = { { "fr", "fr-FR" }, { "en", "en-GB" } };
  g_autoptr(GTimeZone) zone = proposal_zone (proposal);
  g_autoptr(GPtrArray) targets = vg_output_kept_targets (proposal, decision);
  JsonObject *cap = vg_json_member_object (proposal, "cap");
  JsonObject *verdict = decision_payload (decision);
  g_autofree char *sent = cap_time (vg_journal_entry_get_time (decision), zone);
  g_autofree char *situation_id = identifier_part (situation);
  g_autofree char *proposal_id = identifier_part (vg_json_member_string (proposal, "proposal"));
  g_autofree char *polygon = cap_polygon (targets);
  g_autofree char *note = NULL;
  g_autofree char *source = NULL;
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">\n");

  g_string_append_printf (out, "  <identifier>vigie.%s.%s.v%" G_GINT64_FORMAT ".d%" G_GUINT64_FORMAT "</identifier>\n",
                          situation_id, proposal_id, vg_json_member_int (proposal, "version", 0),
                          vg_journal_entry_get_seq (decision));
  element (out, "  ", "sender", vg_json_member_string (cap, "sender"));
  element (out, "  ", "sent", sent);
  /* Exercise journals only ever produce exercise messages (CAP status "Exercise"). */
  element (out, "  ", "status", exercise ? "Exercise" : "Actual");
  element (out, "  ", "msgType", "Alert");
  source = g_strdup_printf ("Vigie %s, proposal %s v%" G_GINT64_FORMAT ", decision %" G_GUINT64_FORMAT, PACKAGE_VERSION,
                            vg_json_member_string (proposal, "proposal"), vg_json_member_int (proposal, "version", 0),
                            vg_journal_entry_get_seq (decision));
  element (out, "  ", "source", source);
  element (out, "  ", "scope", "Public");
  note = g_strdup_printf ("BROUILLON préparé par Vigie après la décision %" G_GUINT64_FORMAT " de %s (%s) : "
                          "à relire et diffuser par une personne habilitée. / DRAFT prepared by Vigie after decision %"
                          G_GUINT64_FORMAT " by %s (%s): to be reviewed and released by an authorised person.",
                          vg_journal_entry_get_seq (decision), vg_journal_entry_get_author (decision),
                          vg_json_member_string (verdict, "role"), vg_journal_entry_get_seq (decision),
                          vg_journal_entry_get_author (decision), vg_json_member_string (verdict, "role"));
  element (out, "  ", "note", note);

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *area = target_names (targets, i == 0 ? VG_LANG_FR : VG_LANG_EN);

      g_string_append (out, "  <info>\n");
      element (out, "    ", "language", langs[i].cap);
      element (out, "    ", "category", vg_json_member_string (cap, "category"));
      element (out, "    ", "event", text_in (cap, "event", langs[i].lang));
      element (out, "    ", "responseType", vg_json_member_string (cap, "response"));
      element (out, "    ", "urgency", vg_json_member_string (cap, "urgency"));
      element (out, "    ", "severity", vg_json_member_string (cap, "severity"));
      element (out, "    ", "certainty", vg_json_member_string (cap, "certainty"));
      element (out, "    ", "headline", text_in (proposal, "title", langs[i].lang));
      element (out, "    ", "description", text_in (proposal, "rationale", langs[i].lang));
      element (out, "    ", "instruction", text_in (proposal, "instruction", langs[i].lang));
      g_string_append (out, "    <area>\n");
      element (out, "      ", "areaDesc", area);
      element (out, "      ", "polygon", polygon);
      g_string_append (out, "    </area>\n  </info>\n");
    }
  g_string_append (out, "</alert>\n");
  return g_string_free (out, FALSE);
}

/* DATEX II v3 posList: "lat lon lat lon …". */
static char *
pos_list (JsonObject *target)
{
  JsonObject *geometry = vg_json_member_object (target, "geometry");
  JsonArray *coordinates = vg_json_member_array (geometry, "coordinates");
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (coordinates); i++)
    {
      JsonArray *point = json_array_get_array_element (coordinates, i);
      g_autofree char *lat = coordinate (json_array_get_double_element (point, 1));
      g_autofree char *lon = coordinate (json_array_get_double_element (point, 0));

      g_string_append_printf (out, "%s%s %s", i > 0 ? " " : "", lat, lon);
    }
  return g_string_free (out, FALSE);
}

static char *
render_datex (JsonObject     *proposal,
              VgJournalEntry *decision,
              const char     *situation,
              gboolean        exercise)
{
  g_autoptr(GPtrArray) targets = vg_output_kept_targets (proposal, decision);
  g_autofree char *time = vg_fact_time_format (vg_journal_entry_get_time (decision) -
                                               vg_journal_entry_get_time (decision) % G_USEC_PER_SEC);
  g_autofree char *situation_id = identifier_part (situation);
  g_autofree char *proposal_id = identifier_part (vg_json_member_string (proposal, "proposal"));
  gboolean flood = g_strcmp0 (vg_json_member_string (proposal, "hazard"), "flood") == 0;
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<d2:payload xmlns:d2=\"http://datex2.eu/schema/3/d2Payload\""
                               " xmlns:com=\"http://datex2.eu/schema/3/common\""
                               " xmlns:sit=\"http://datex2.eu/schema/3/situation\""
                               " xmlns:loc=\"http://datex2.eu/schema/3/locationReferencing\""
                               " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                               " xsi:type=\"sit:SituationPublication\" modelBaseVersion=\"3\" lang=\"fr\">\n");

  element (out, "  ", "com:publicationTime", time);
  g_string_append (out, "  <com:publicationCreator>\n");
  element (out, "    ", "com:country", "FR");
  element (out, "    ", "com:nationalIdentifier", "vigie");
  g_string_append (out, "  </com:publicationCreator>\n");
  g_string_append_printf (out, "  <sit:situation id=\"vigie.%s.%s.d%" G_GUINT64_FORMAT "\">\n", situation_id, proposal_id,
                          vg_journal_entry_get_seq (decision));
  element (out, "    ", "sit:overallSeverity", "high");
  g_string_append (out, "    <sit:headerInformation>\n");
  element (out, "      ", "com:confidentiality", "noRestriction");
  /* The exercise flag of DATEX II: a drill never publishes a real closure. */
  element (out, "      ", "com:informationStatus", exercise ? "securityExercise" : "real");
  g_string_append (out, "    </sit:headerInformation>\n");

  for (guint i = 0; i < targets->len; i++)
    {
      JsonObject *target = g_ptr_array_index (targets, i);
      g_autofree char *record_id = identifier_part (vg_json_member_string (target, "id"));
      gboolean line = g_strcmp0 (vg_json_member_string (vg_json_member_object (target, "geometry"), "type"), "LineString") == 0;

      g_string_append_printf (out, "    <sit:situationRecord xsi:type=\"sit:RoadOrCarriagewayOrLaneManagement\" "
                                   "id=\"vigie.%s.%s.%s\" version=\"%" G_GINT64_FORMAT "\">\n",
                              situation_id, proposal_id, record_id, vg_json_member_int (proposal, "version", 1));
      element (out, "      ", "sit:situationRecordCreationTime", time);
      element (out, "      ", "sit:situationRecordVersionTime", time);
      element (out, "      ", "sit:probabilityOfOccurrence", "certain");
      g_string_append (out, "      <sit:validity>\n");
      element (out, "        ", "com:validityStatus", "active");
      g_string_append (out, "        <com:validityTimeSpecification>\n");
      element (out, "          ", "com:overallStartTime", time);
      g_string_append (out, "        </com:validityTimeSpecification>\n      </sit:validity>\n");
      if (flood)
        g_string_append (out, "      <sit:cause>\n"
                              "        <sit:causeType>environmentalObstruction</sit:causeType>\n"
                              "        <sit:detailedCauseType>\n"
                              "          <sit:environmentalObstructionType>flooding</sit:environmentalObstructionType>\n"
                              "        </sit:detailedCauseType>\n"
                              "      </sit:cause>\n");
      g_string_append (out, "      <sit:generalPublicComment>\n        <com:comment>\n          <com:values>\n");
      g_string_append (out, "            <com:value lang=\"fr\">");
      append_escaped (out, vg_json_member_string (target, "name"));
      g_string_append (out, " — ");
      append_escaped (out, text_in (proposal, "title", "fr"));
      g_string_append (out, "</com:value>\n            <com:value lang=\"en\">");
      append_escaped (out, vg_json_member_string (target, "name"));
      g_string_append (out, " — ");
      append_escaped (out, text_in (proposal, "title", "en"));
      g_string_append (out, "</com:value>\n          </com:values>\n        </com:comment>\n      </sit:generalPublicComment>\n");
      if (line)
        {
          g_autofree char *positions = pos_list (target);

          g_string_append (out, "      <sit:locationReference xsi:type=\"loc:LinearLocation\">\n"
                                "        <loc:gmlLineString srsName=\"EPSG:4326\">\n");
          element (out, "          ", "loc:posList", positions);
          g_string_append (out, "        </loc:gmlLineString>\n      </sit:locationReference>\n");
        }
      else
        {
          JsonArray *point = vg_json_member_array (vg_json_member_object (target, "geometry"), "coordinates");
          g_autofree char *lat = coordinate (json_array_get_double_element (point, 1));
          g_autofree char *lon = coordinate (json_array_get_double_element (point, 0));

          g_string_append (out, "      <sit:locationReference xsi:type=\"loc:PointLocation\">\n"
                                "        <loc:pointByCoordinates>\n          <loc:pointCoordinates>\n");
          element (out, "            ", "loc:latitude", lat);
          element (out, "            ", "loc:longitude", lon);
          g_string_append (out, "          </loc:pointCoordinates>\n        </loc:pointByCoordinates>\n"
                                "      </sit:locationReference>\n");
        }
      element (out, "      ", "sit:complianceOption", "mandatory");
      element (out, "      ", "sit:roadOrCarriagewayOrLaneManagementType", "roadClosed");
      g_string_append (out, "    </sit:situationRecord>\n");
    }
  g_string_append (out, "  </sit:situation>\n</d2:payload>\n");
  return g_string_free (out, FALSE);
}

/* @label padded to 28 characters (not bytes: "é" is two), then @value. */
static void
sheet_line (GString    *out,
            const char *label,
            const char *value)
{
  glong width = g_utf8_strlen (label, -1);

  g_string_append (out, label);
  for (glong i = width; i < 29; i++)
    g_string_append_c (out, ' ');
  g_string_append_printf (out, "%s\n", value != NULL ? value : "—");
}

static char *
render_sheet (JsonObject     *proposal,
              VgJournalEntry *decision,
              const char     *situation,
              gboolean        exercise)
{
  g_autoptr(GTimeZone) zone = proposal_zone (proposal);
  g_autoptr(GPtrArray) targets = vg_output_kept_targets (proposal, decision);
  JsonObject *verdict = decision_payload (decision);
  JsonObject *rule = vg_json_member_object (proposal, "rule");
  JsonArray *inputs = vg_json_member_array (proposal, "inputs");
  g_autofree char *header = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *decided = NULL;
  g_autofree char *decided_line = NULL;
  g_autofree char *rule_line = NULL;
  g_autofree char *version = NULL;
  g_autofree char *priority = NULL;
  gint64 usec = 0;
  GString *out = g_string_new (NULL);

  if (exercise)
    g_string_append (out, "*** EXERCICE — EXERCISE — EXERCICE — EXERCISE ***\n\n");
  g_string_append (out, "VIGIE — ORDRE D'EXÉCUTION / ORDER SHEET\n");
  g_string_append (out, "========================================\n\n");
  sheet_line (out, "Situation :", situation);
  version = g_strdup_printf ("%s, version %" G_GINT64_FORMAT, vg_json_member_string (proposal, "proposal"),
                             vg_json_member_int (proposal, "version", 0));
  sheet_line (out, "Proposition / Proposal :", version);
  sheet_line (out, "Action :", vg_json_member_string (proposal, "action"));
  sheet_line (out, "Intitulé :", text_in (proposal, "title", "fr"));
  sheet_line (out, "Title:", text_in (proposal, "title", "en"));
  if (vg_fact_time_parse (vg_json_member_string (proposal, "deadline"), &usec))
    deadline = vg_format_time (usec, zone, VG_LANG_FR);
  header = g_strdup_printf ("%s (%s)", deadline != NULL ? deadline : "—", vg_json_member_string (proposal, "timezone"));
  sheet_line (out, "Avant / By :", header);
  priority = g_strdup_printf ("%" G_GINT64_FORMAT, vg_json_member_int (proposal, "priority", 0));
  sheet_line (out, "Priorité / Priority :", priority);
  g_string_append_c (out, '\n');

  g_string_append_printf (out, "Cibles / Targets (%u) :\n", targets->len);
  for (guint i = 0; i < targets->len; i++)
    {
      JsonObject *target = g_ptr_array_index (targets, i);

      g_string_append_printf (out, "  [ ] %s — %s%s%s (%s)\n", vg_json_member_string (target, "name"),
                              vg_json_member_string (target, "kind"), vg_json_member_string (target, "category") ? ", " : "",
                              vg_json_member_string (target, "category") ? vg_json_member_string (target, "category") : "",
                              vg_json_member_string (target, "id"));
    }

  decided = vg_format_time (vg_journal_entry_get_time (decision), zone, VG_LANG_FR);
  decided_line = g_strdup_printf ("%s — %s (%s), %s, entrée du journal / journal entry %" G_GUINT64_FORMAT,
                                  vg_json_member_string (verdict, "verdict"), vg_journal_entry_get_author (decision),
                                  vg_json_member_string (verdict, "role"), decided, vg_journal_entry_get_seq (decision));
  g_string_append (out, "\nDécision / Decision :\n");
  g_string_append_printf (out, "  %s\n", decided_line);
  if (vg_json_member_string (verdict, "reason") != NULL)
    g_string_append_printf (out, "  Motif / Reason : %s\n", vg_json_member_string (verdict, "reason"));

  g_string_append (out, "\nPourquoi / Why :\n");
  g_string_append_printf (out, "  %s\n  %s\n", text_in (proposal, "rationale", "fr"), text_in (proposal, "rationale", "en"));
  rule_line = g_strdup_printf ("%s v%" G_GINT64_FORMAT " (playbook %s v%" G_GINT64_FORMAT ") : %s",
                               vg_json_member_string (rule, "id"), vg_json_member_int (rule, "version", 0),
                               vg_json_member_string (rule, "playbook"), vg_json_member_int (rule, "playbook_version", 0),
                               vg_json_member_string (rule, "trigger"));
  g_string_append_printf (out, "  Règle / Rule : %s\n", rule_line);
  g_string_append (out, "  Entrées / Inputs :\n");
  for (guint i = 0; inputs != NULL && i < json_array_get_length (inputs); i++)
    {
      JsonObject *input = json_array_get_object_element (inputs, i);
      JsonObject *source = vg_json_member_object (input, "source");
      JsonObject *projection = vg_json_member_object (input, "projection");

      g_string_append_printf (out, "    - %s %s (%s) — source %s, %s", vg_json_member_string (input, "type"),
                              vg_json_member_string (input, "name"), vg_json_member_string (input, "key"),
                              vg_json_member_string (source, "name"), vg_json_member_string (source, "time"));
      if (projection != NULL)
        g_string_append_printf (out, " — %s v%s", vg_json_member_string (projection, "method"),
                                vg_json_member_string (projection, "method_version"));
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "  Incertitude : %s\n  Uncertainty: %s\n", text_in (proposal, "uncertainty", "fr"),
                          text_in (proposal, "uncertainty", "en"));
  if (vg_json_member_object (proposal, "instruction") != NULL)
    g_string_append_printf (out, "\nConsignes : %s\nInstructions: %s\n", text_in (proposal, "instruction", "fr"),
                            text_in (proposal, "instruction", "en"));

  g_string_append (out, "\nExécuté par / Done by : ____________________   Heure / Time : ________\n"
                        "Signature : ____________________\n");
  if (exercise)
    g_string_append (out, "\n*** EXERCICE — EXERCISE — EXERCICE — EXERCISE ***\n");
  return g_string_free (out, FALSE);
}

char *
vg_output_render (VgOutputKind    kind,
                  JsonObject     *proposal,
                  VgJournalEntry *decision,
                  const char     *situation,
                  gboolean        exercise)
{
  g_return_val_if_fail (proposal != NULL && decision != NULL && situation != NULL, NULL);

  switch (kind)
    {
    case VG_OUTPUT_CAP:
      return render_cap (proposal, decision, situation, exercise);
    case VG_OUTPUT_DATEX:
      return render_datex (proposal, decision, situation, exercise);
    case VG_OUTPUT_ORDER_SHEET:
      return render_sheet (proposal, decision, situation, exercise);
    case VG_OUTPUT_TASK:
    case VG_N_OUTPUTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
vg_output_render_task (JsonObject     *proposal,
                       VgJournalEntry *decision)
{
  g_autoptr(GTimeZone) zone = proposal_zone (proposal);
  g_autoptr(GPtrArray) targets = vg_output_kept_targets (proposal, decision);
  g_autofree char *deadline = NULL;
  gint64 usec = 0;

  if (vg_fact_time_parse (vg_json_member_string (proposal, "deadline"), &usec))
    deadline = vg_format_time (usec, zone, VG_LANG_FR);
  return g_strdup_printf ("Tâche : %s — avant le %s, %u cible(s) — décision %" G_GUINT64_FORMAT " de %s (%s). "
                          "Task: %s",
                          text_in (proposal, "title", "fr"), deadline != NULL ? deadline : "—", targets->len,
                          vg_journal_entry_get_seq (decision), vg_journal_entry_get_author (decision),
                          vg_json_member_string (decision_payload (decision), "role"), text_in (proposal, "title", "en"));
}
