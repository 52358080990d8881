/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-entry-payload"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "vg-clock.h"
#include "vg-entry-payload.h"
#include "vg-error.h"
#include "vg-json-limits.h"
#include "vg-wkb-writer.h"

const char * const vg_entry_text_members[] = { "text", "title", "summary", "headline", "message", "description", NULL };
const char * const vg_entry_subject_members[] = { "gauge", "sensor", "station", "district", "area", "zone", "site", NULL };
const char * const vg_entry_threshold_members[] = { "threshold", "stage", "heat_level", "level", "vigilance", NULL };
const char * const vg_entry_proposal_members[] = { "proposal", "id", NULL };
const char * const vg_entry_verdict_members[] = { "verdict", "decision", "outcome", "status", NULL };
const char * const vg_entry_reason_members[] = { "reason", "why", "rationale", "comment", "text", NULL };

/* Summaries are one line: longer texts are cut (the full payload is in every export). */
#define SUMMARY_MAX_CHARS 160

/* FALSE if the payload text certainly has no member @name: a memchr-fast search for "name":
 * before the journal's member scanner, since most names of a list are absent from most
 * payloads (a million-entry export asks for a dozen names per entry). */
static gboolean
may_have_member (VgJournalEntry *entry,
                 const char     *name)
{
  char needle[64];

  if (g_snprintf (needle, sizeof needle, "\"%s\":", name) >= (int) sizeof needle)
    return TRUE;
  return strstr (vg_journal_entry_get_payload_text (entry), needle) != NULL;
}

char *
vg_entry_dup_first_string (VgJournalEntry     *entry,
                           const char * const *names)
{
  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (names != NULL, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      char *value;

      if (!may_have_member (entry, names[i]))
        continue;
      value = vg_journal_entry_dup_string (entry, names[i]);

      if (value != NULL && *value != '\0')
        return value;
      g_free (value);
    }
  return NULL;
}

char *
vg_entry_dup_first_text (VgJournalEntry     *entry,
                         const char * const *names)
{
  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (names != NULL, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      char *value;
      gint64 integer;
      double number;

      if (!may_have_member (entry, names[i]))
        continue;
      value = vg_journal_entry_dup_string (entry, names[i]);
      if (value != NULL && *value != '\0')
        return value;
      g_free (value);
      if (vg_journal_entry_get_int (entry, names[i], &integer))
        return g_strdup_printf ("%" G_GINT64_FORMAT, integer);
      if (vg_journal_entry_get_double (entry, names[i], &number))
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", number));
        }
    }
  return NULL;
}

gboolean
vg_entry_get_time_member (VgJournalEntry *entry,
                          const char     *name,
                          gint64         *usec)
{
  g_autofree char *text = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) time = NULL;

  g_return_val_if_fail (entry != NULL && name != NULL && usec != NULL, FALSE);

  if ((text = vg_journal_entry_dup_string (entry, name)) == NULL)
    return FALSE;
  /* A time without an offset is read as UTC, never as the machine's zone. */
  utc = g_time_zone_new_utc ();
  if ((time = g_date_time_new_from_iso8601 (text, utc)) == NULL)
    return FALSE;
  *usec = vg_time_to_usec (time);
  return TRUE;
}

gboolean
vg_entry_is_cap_payload (VgJournalEntry *entry)
{
  g_autofree char *content_type = NULL;
  g_autofree char *feed_kind = NULL;

  g_return_val_if_fail (entry != NULL, FALSE);

  if (vg_journal_entry_get_kind (entry) != VG_JOURNAL_KIND_RAW_FEED_PAYLOAD)
    return FALSE;
  content_type = vg_journal_entry_dup_string (entry, "content_type");
  if (content_type != NULL && g_ascii_strncasecmp (content_type, "application/cap+xml", 19) == 0)
    return TRUE;
  feed_kind = vg_journal_entry_dup_string (entry, "feed_kind");
  return feed_kind != NULL && g_str_equal (feed_kind, "cap");
}

gboolean
vg_entry_may_have_geometry (VgJournalEntry *entry)
{
  const char *text;

  g_return_val_if_fail (entry != NULL, FALSE);

  text = vg_journal_entry_get_payload_text (entry);
  return strstr (text, "\"geometry\":") != NULL || strstr (text, "\"lon\":") != NULL ||
         strstr (text, "\"longitude\":") != NULL;
}

/* Longitude and latitude members, by either pair of names. */
static gboolean
get_lon_lat (VgJournalEntry *entry,
             double         *lon,
             double         *lat)
{
  return (vg_journal_entry_get_double (entry, "lon", lon) && vg_journal_entry_get_double (entry, "lat", lat)) ||
         (vg_journal_entry_get_double (entry, "longitude", lon) &&
          vg_journal_entry_get_double (entry, "latitude", lat));
}

static gboolean
fail_entry (VgJournalEntry  *entry,
            GError         **error,
            const char      *what)
{
  g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED, _("Entry %" PRIu64 ": %s"),
               vg_journal_entry_get_seq (entry), what);
  return FALSE;
}

static gboolean
check_wgs84 (VgJournalEntry  *entry,
             const double     bbox[4],
             GError         **error)
{
  /* An empty geometry has an inverted box and nothing to check. */
  if (bbox[0] > bbox[2])
    return TRUE;
  if (bbox[0] < -180 || bbox[2] > 180 || bbox[1] < -90 || bbox[3] > 90)
    return fail_entry (entry, error, _("the geometry is not in WGS84 longitude, latitude degrees"));
  return TRUE;
}

/* One geometry for several: the only one, or a GeometryCollection of them all (objects only). */
static JsonNode *
collect_geometries (GPtrArray *parts)
{
  JsonObject *collection;
  JsonArray *members;
  JsonNode *node;

  if (parts->len == 0)
    return NULL;
  if (parts->len == 1)
    return json_node_copy (g_ptr_array_index (parts, 0));
  collection = json_object_new ();
  members = json_array_new ();
  for (guint i = 0; i < parts->len; i++)
    json_array_add_element (members, json_node_copy (g_ptr_array_index (parts, i)));
  json_object_set_string_member (collection, "type", "GeometryCollection");
  json_object_set_array_member (collection, "geometries", members);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, collection);
  return node;
}

/* A proposal's geometry: its targets' (streets, sites, areas), together. */
static JsonNode *
targets_geometry (JsonObject *payload)
{
  JsonNode *targets = json_object_get_member (payload, "targets");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (targets == NULL || !JSON_NODE_HOLDS_ARRAY (targets))
    return NULL;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (targets)); i++)
    {
      JsonNode *target = json_array_get_element (json_node_get_array (targets), i);
      JsonNode *geometry = JSON_NODE_HOLDS_OBJECT (target)
                           ? json_object_get_member (json_node_get_object (target), "geometry") : NULL;

      if (geometry != NULL && JSON_NODE_HOLDS_OBJECT (geometry))
        g_ptr_array_add (parts, geometry);
    }
  return collect_geometries (parts);
}

/* The "geometry" member (parsed here, not through vg_journal_entry_get_payload(), which would
 * keep the tree alive as long as the entry: the timeline holds every entry): an object; an
 * array of them (an incident's locations); or, for a proposal, its targets' geometries. */
static JsonNode *
dup_geometry_member (VgJournalEntry *entry)
{
  g_autoptr(JsonNode) payload = NULL;
  JsonNode *geometry;
  const char *text;

  /* Most mapped entries are points given by "lon"/"lat": no tree to build for them. */
  if (!may_have_member (entry, "geometry"))
    return NULL;
  text = vg_journal_entry_get_payload_text (entry);
  if (!vg_json_nesting_within (text, strlen (text), VG_JSON_MAX_PAYLOAD_DEPTH))
    return NULL;   /* a forensic journal's payload too deep for json-glib (vg-json-limits.h) */
  payload = json_from_string (text, NULL);
  if (payload == NULL || !JSON_NODE_HOLDS_OBJECT (payload))
    return NULL;
  geometry = json_object_get_member (json_node_get_object (payload), "geometry");
  if (geometry == NULL && vg_journal_entry_get_kind (entry) == VG_JOURNAL_KIND_PROPOSAL)
    return targets_geometry (json_node_get_object (payload));
  if (geometry != NULL && JSON_NODE_HOLDS_ARRAY (geometry))
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new ();
      JsonArray *array = json_node_get_array (geometry);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
          g_ptr_array_add (parts, json_array_get_element (array, i));
      return collect_geometries (parts);
    }
  if (geometry == NULL || !JSON_NODE_HOLDS_OBJECT (geometry))
    return NULL;
  /* A Feature where a geometry was meant: take its geometry. */
  if (g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (geometry), "type", NULL),
                 "Feature") == 0)
    {
      geometry = json_object_get_member (json_node_get_object (geometry), "geometry");
      if (geometry == NULL || !JSON_NODE_HOLDS_OBJECT (geometry))
        return NULL;
    }
  return json_node_ref (geometry);
}

static JsonNode *
point_node (double lon,
            double lat)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "Point");
  json_builder_set_member_name (builder, "coordinates");
  json_builder_begin_array (builder);
  json_builder_add_double_value (builder, lon);
  json_builder_add_double_value (builder, lat);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
vg_entry_dup_geometry (VgJournalEntry  *entry,
                       GError         **error)
{
  g_autoptr(JsonNode) geometry = NULL;
  g_autoptr(GByteArray) wkb = NULL;
  double bbox[4];
  double lon, lat;

  g_return_val_if_fail (entry != NULL, NULL);

  if (!vg_entry_may_have_geometry (entry))
    return NULL;
  if ((geometry = dup_geometry_member (entry)) == NULL)
    {
      if (!get_lon_lat (entry, &lon, &lat))
        return NULL;
      geometry = point_node (lon, lat);
    }
  /* Encoding it is the one full check of its structure and coordinates. */
  wkb = g_byte_array_new ();
  if (!vg_wkb_write_geojson (geometry, wkb, bbox, error))
    {
      g_prefix_error (error, _("Entry %" PRIu64 ": "), vg_journal_entry_get_seq (entry));
      return NULL;
    }
  if (!check_wgs84 (entry, bbox, error))
    return NULL;
  return g_steal_pointer (&geometry);
}

gboolean
vg_entry_write_wkb (VgJournalEntry  *entry,
                    GByteArray      *out,
                    double           bbox[4],
                    GError         **error)
{
  g_autoptr(JsonNode) geometry = NULL;
  guint start;
  double lon, lat;

  g_return_val_if_fail (entry != NULL && out != NULL && bbox != NULL, FALSE);

  if (!vg_entry_may_have_geometry (entry))
    return FALSE;
  start = out->len;
  if ((geometry = dup_geometry_member (entry)) != NULL)
    {
      if (!vg_wkb_write_geojson (geometry, out, bbox, error))
        {
          g_prefix_error (error, _("Entry %" PRIu64 ": "), vg_journal_entry_get_seq (entry));
          return FALSE;
        }
    }
  else if (get_lon_lat (entry, &lon, &lat))
    {
      /* The common case (a gauge, a site) without building a tree: little-endian WKB Point. */
      guint8 point[21] = { 1, 1, 0, 0, 0 };
      guint64 bits[2];

      if (!isfinite (lon) || !isfinite (lat))
        return fail_entry (entry, error, _("its longitude or latitude is not a finite number"));
      memcpy (&bits[0], &lon, 8);
      memcpy (&bits[1], &lat, 8);
      bits[0] = GUINT64_TO_LE (bits[0]);
      bits[1] = GUINT64_TO_LE (bits[1]);
      memcpy (point + 5, bits, 16);
      g_byte_array_append (out, point, sizeof point);
      bbox[0] = bbox[2] = lon;
      bbox[1] = bbox[3] = lat;
    }
  else
    return FALSE;
  if (!check_wgs84 (entry, bbox, error))
    {
      g_byte_array_set_size (out, start);
      return FALSE;
    }
  return TRUE;
}

/* @text cut to one line of at most SUMMARY_MAX_CHARS characters. */
static char *
one_line (const char *text)
{
  g_autofree char *line = g_strdup (text);
  g_autofree char *cut = NULL;

  g_strdelimit (line, "\r\n\t", ' ');
  g_strstrip (line);
  if (g_utf8_strlen (line, -1) <= SUMMARY_MAX_CHARS)
    return g_steal_pointer (&line);
  cut = g_utf8_substring (line, 0, SUMMARY_MAX_CHARS - 1);
  return g_strconcat (cut, "…", NULL);
}

static const struct {
  const char *ids[4];
  const char *name;
} verdicts[] = {
  { { "accepted", "accept", "approved", "approve" }, N_("accepted") },
  { { "rejected", "reject", "refused", "declined" }, N_("rejected") },
  { { "deferred", "postponed", "defer", NULL }, N_("deferred") },
  { { "amended", "amend", "modified", NULL }, N_("amended") },
  { { "done", "carried-out", "executed", NULL }, N_("carried out") },
};

static int
find_verdict (const char *verdict)
{
  for (guint i = 0; verdict != NULL && i < G_N_ELEMENTS (verdicts); i++)
    for (guint j = 0; j < G_N_ELEMENTS (verdicts[i].ids) && verdicts[i].ids[j] != NULL; j++)
      if (g_ascii_strcasecmp (verdict, verdicts[i].ids[j]) == 0)
        return i;
  return -1;
}

const char *
vg_entry_verdict_name (const char *verdict,
                       VgCatalog  *catalog)
{
  int i = find_verdict (verdict);

  return i >= 0 ? vg_catalog_gettext (catalog, verdicts[i].name) : verdict;
}

gboolean
vg_entry_verdict_is_accepted (const char *verdict)
{
  return find_verdict (verdict) == 0;
}

gboolean
vg_entry_verdict_is_rejected (const char *verdict)
{
  return find_verdict (verdict) == 1;
}

/* "a: b", "a" or "b", whichever parts there are. */
static char *
join_parts (const char *first,
            const char *second)
{
  if (first != NULL && second != NULL)
    return g_strdup_printf ("%s: %s", first, second);
  return g_strdup (first != NULL ? first : second);
}

static char *
summarize_observation (VgJournalEntry *entry,
                       VgCatalog      *catalog)
{
  g_autofree char *subject = vg_entry_dup_first_string (entry, vg_entry_subject_members);
  g_autofree char *quantity = vg_journal_entry_dup_string (entry, "quantity");
  g_autofree char *value = vg_entry_dup_first_text (entry, (const char * const[]) { "value", NULL });
  g_autofree char *unit = vg_journal_entry_dup_string (entry, "unit");
  g_autofree char *threshold = vg_entry_dup_first_text (entry, vg_entry_threshold_members);
  g_autoptr(GString) text = g_string_new (subject != NULL ? subject : vg_journal_entry_get_source (entry));

  if (quantity != NULL)
    g_string_append_printf (text, " %s", quantity);
  if (value != NULL)
    g_string_append_printf (text, " = %s%s%s", value, unit != NULL ? " " : "", unit != NULL ? unit : "");
  if (threshold != NULL)
    g_string_append_printf (text, vg_catalog_gettext (catalog, N_(" (threshold %s)")), threshold);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
summarize_raw (VgJournalEntry *entry,
               VgCatalog      *catalog)
{
  g_autofree char *feed = vg_journal_entry_dup_string (entry, "feed");
  g_autofree char *content_type = vg_journal_entry_dup_string (entry, "content_type");
  g_autofree char *size_text = NULL;
  gint64 size = 0;

  vg_journal_entry_get_int (entry, "size", &size);
  if (vg_entry_is_cap_payload (entry))
    return g_strdup_printf (vg_catalog_gettext (catalog, N_("CAP message received from %s")),
                            feed != NULL ? feed : vg_journal_entry_get_source (entry));
  size_text = g_strdup_printf ("%" G_GINT64_FORMAT, size);
  return g_strdup_printf (vg_catalog_gettext (catalog, N_("%s: %s received, %s bytes")),
                          feed != NULL ? feed : vg_journal_entry_get_source (entry),
                          content_type != NULL ? content_type : "?", size_text);
}

static char *
summarize_decision (VgJournalEntry *entry,
                    VgCatalog      *catalog)
{
  g_autofree char *proposal = vg_entry_dup_first_string (entry, (const char * const[]) { "proposal", NULL });
  g_autofree char *verdict = vg_entry_dup_first_string (entry, vg_entry_verdict_members);
  g_autofree char *reason = vg_entry_dup_first_string (entry, vg_entry_reason_members);
  g_autofree char *head = NULL;

  head = g_strdup_printf (vg_catalog_gettext (catalog, N_("Proposal %s %s")), proposal != NULL ? proposal : "?",
                          verdict != NULL ? vg_entry_verdict_name (verdict, catalog)
                                          : vg_catalog_gettext (catalog, N_("decided")));
  return join_parts (head, reason);
}

static char *
summarize_generic (VgJournalEntry *entry,
                   VgCatalog      *catalog)
{
  VgJournalKind kind = vg_journal_entry_get_kind (entry);
  g_autofree char *text = vg_entry_dup_first_string (entry, vg_entry_text_members);
  g_autofree char *status = vg_entry_dup_first_string (entry, (const char * const[]) { "status", "state", NULL });
  g_autofree char *subject = NULL;
  g_autofree char *threshold = NULL;

  switch (kind)
    {
    case VG_JOURNAL_KIND_HEADER:
      {
        g_autofree char *situation = vg_journal_entry_dup_string (entry, "situation");
        gboolean exercise = FALSE;

        vg_journal_entry_get_boolean (entry, "exercise", &exercise);
        return g_strdup_printf (vg_catalog_gettext (catalog, exercise ? N_("Exercise journal opened: %s")
                                                                       : N_("Journal opened: %s")),
                                situation != NULL ? situation : "?");
      }
    case VG_JOURNAL_KIND_PROPOSAL:
      {
        g_autofree char *id = vg_entry_dup_first_string (entry, vg_entry_proposal_members);
        g_autofree char *what = vg_entry_dup_first_string (entry, (const char * const[]) { "title", "summary", "action", "text", NULL });
        g_autofree char *head = g_strdup_printf (vg_catalog_gettext (catalog, N_("Proposal %s")), id != NULL ? id : "?");

        return join_parts (head, what);
      }
    case VG_JOURNAL_KIND_FEED_HEALTH:
      {
        g_autofree char *feed = vg_journal_entry_dup_string (entry, "feed");
        g_autofree char *head = join_parts (feed != NULL ? feed : vg_journal_entry_get_source (entry), status);

        return text != NULL ? g_strdup_printf ("%s — %s", head, text) : g_steal_pointer (&head);
      }
    case VG_JOURNAL_KIND_OUTPUT:
      {
        g_autofree char *id = vg_entry_dup_first_string (entry, vg_entry_proposal_members);
        g_autofree char *format = vg_journal_entry_dup_string (entry, "format");
        g_autofree char *file = vg_journal_entry_dup_string (entry, "file");

        return g_strdup_printf (vg_catalog_gettext (catalog, N_("Document %s for proposal %s (%s)")),
                                format != NULL ? format : "?", id != NULL ? id : "?", file != NULL ? file : "?");
      }
    case VG_JOURNAL_KIND_CORRECTION:
      {
        gint64 corrects = 0;
        g_autofree char *corrected = NULL;
        g_autofree char *head = NULL;

        vg_journal_entry_get_int (entry, "corrects", &corrects);
        corrected = g_strdup_printf ("%" G_GINT64_FORMAT, corrects);
        head = g_strdup_printf (vg_catalog_gettext (catalog, N_("Corrects entry %s")), corrected);
        return join_parts (head, text);
      }
    case VG_JOURNAL_KIND_INCIDENT:
    case VG_JOURNAL_KIND_WARNING:
    case VG_JOURNAL_KIND_PROJECTION:
    case VG_JOURNAL_KIND_SCENARIO_INJECT:
    case VG_JOURNAL_KIND_OPERATOR_NOTE:
    case VG_JOURNAL_KIND_OBSERVATION:
    case VG_JOURNAL_KIND_RAW_FEED_PAYLOAD:
    case VG_JOURNAL_KIND_DECISION:
    case VG_N_JOURNAL_KINDS:
    default:
      break;
    }

  if (text != NULL)
    return status != NULL && kind == VG_JOURNAL_KIND_INCIDENT ? g_strdup_printf ("%s (%s)", text, status)
                                                              : g_steal_pointer (&text);
  subject = vg_entry_dup_first_string (entry, vg_entry_subject_members);
  threshold = vg_entry_dup_first_text (entry, vg_entry_threshold_members);
  if (subject != NULL || threshold != NULL)
    return join_parts (subject, threshold);
  return g_strdup (vg_journal_entry_get_payload_text (entry));
}

char *
vg_entry_summarize (VgJournalEntry *entry,
                    VgCatalog      *catalog)
{
  g_autofree char *summary = NULL;

  g_return_val_if_fail (entry != NULL, NULL);

  switch (vg_journal_entry_get_kind (entry))
    {
    case VG_JOURNAL_KIND_OBSERVATION:
      summary = summarize_observation (entry, catalog);
      break;
    case VG_JOURNAL_KIND_RAW_FEED_PAYLOAD:
      summary = summarize_raw (entry, catalog);
      break;
    case VG_JOURNAL_KIND_DECISION:
      summary = summarize_decision (entry, catalog);
      break;
    case VG_JOURNAL_KIND_HEADER:
    case VG_JOURNAL_KIND_PROJECTION:
    case VG_JOURNAL_KIND_PROPOSAL:
    case VG_JOURNAL_KIND_OPERATOR_NOTE:
    case VG_JOURNAL_KIND_FEED_HEALTH:
    case VG_JOURNAL_KIND_SCENARIO_INJECT:
    case VG_JOURNAL_KIND_INCIDENT:
    case VG_JOURNAL_KIND_WARNING:
    case VG_JOURNAL_KIND_CORRECTION:
    case VG_JOURNAL_KIND_OUTPUT:
    case VG_N_JOURNAL_KINDS:
    default:
      summary = summarize_generic (entry, catalog);
      break;
    }
  return one_line (summary);
}
