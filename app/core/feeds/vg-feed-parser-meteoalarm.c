/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-feed-parser-meteoalarm"

#include "config.h"

#include <string.h>

#include "vg-error.h"
#include "vg-feed-private.h"

/* MeteoAlarm's legacy Atom index (https://feeds.meteoalarm.org/feeds/meteoalarm-legacy-atom-france):
 * an Atom 1.0 feed whose entries summarise one CAP message each with cap: extension elements
 * (identifier, event, areaDesc, severity, onset, expires, geocode...) and link to the message
 * itself (…/api/v1/warnings/feeds-france/<uuid>). The title starts with the awareness colour:
 * "Yellow Thunderstorm Warning issued for France - Hérault". */

#define ATOM_NS "http://www.w3.org/2005/Atom"

static char *
entry_link (xmlNode *entry)
{
  char *fallback = NULL;

  /* The CAP link is typed application/cap+xml when the feed says so; else the first link. */
  for (xmlNode *link = vg_xml_child (entry, "link"); link != NULL; link = vg_xml_next (link, "link"))
    {
      g_autofree char *type = vg_xml_attr (link, "type");
      char *href = vg_xml_attr (link, "href");

      if (href == NULL)
        continue;
      g_strstrip (href);
      if (g_strcmp0 (type, "application/cap+xml") == 0)
        {
          g_free (fallback);
          return href;
        }
      if (fallback == NULL)
        fallback = href;
      else
        g_free (href);
    }
  return fallback;
}

static VgAwarenessLevel
title_colour (const char *title)
{
  static const char * const colours[] = { NULL, "green", "yellow", "orange", "red" };

  for (guint level = VG_AWARENESS_GREEN; title != NULL && level <= VG_AWARENESS_RED; level++)
    {
      gsize n = strlen (colours[level]);

      if (g_ascii_strncasecmp (title, colours[level], n) == 0 && (title[n] == ' ' || title[n] == '\0'))
        return level;
    }
  return VG_AWARENESS_UNKNOWN;
}

static gboolean
entry_time (const char  *feed_id,
            xmlNode     *entry,
            const char  *name,
            gint64      *usec,
            GError     **error)
{
  g_autofree char *text = vg_xml_child_text (entry, name);

  *usec = VG_FEED_TIME_UNKNOWN;
  if (text != NULL && !vg_feed_parse_time (text, NULL, usec, NULL))
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, feed_id, vg_xml_child (entry, name),
                        "“%s” is not a date-time with a UTC offset", text);
  return TRUE;
}

static gboolean
parse_entry (VgFeedBatch  *batch,
             const char   *feed_id,
             xmlNode      *entry,
             GError      **error)
{
  g_autofree char *id = vg_xml_child_text (entry, "id");
  g_autofree char *uri = entry_link (entry);
  g_autofree char *identifier = vg_xml_child_text (entry, "identifier");
  g_autofree char *title = vg_xml_child_text (entry, "title");
  g_autofree char *event = vg_xml_child_text (entry, "event");
  g_autofree char *area = vg_xml_child_text (entry, "areaDesc");
  g_autofree char *status = vg_xml_child_text (entry, "status");
  g_autofree char *msg_type = vg_xml_child_text (entry, "message_type");
  g_autofree char *urgency = vg_xml_child_text (entry, "urgency");
  g_autofree char *certainty = vg_xml_child_text (entry, "certainty");
  g_autofree char *severity_text = vg_xml_child_text (entry, "severity");
  g_autofree char *position = vg_xml_position (entry);
  g_autoptr(GPtrArray) geocodes = g_ptr_array_new_with_free_func (g_free);
  VgCapIndexEntryFields f = { 0 };
  const char *term;
  xmlNode *biometric;

  if (id == NULL)
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, feed_id, entry, "entry without <id>");
  if ((biometric = vg_xml_find_biometric (entry, &term)) != NULL)
    {
      vg_feed_batch_refuse (batch, VG_FEED_REFUSAL_REFUSED, VG_FEED_ERROR_REFUSED, id, position,
                            (const char *) biometric->name,
                            "entry refused: element <%s> says %s data, which Vigie never processes",
                            biometric->name, term);
      return TRUE;
    }
  if (uri == NULL)
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, feed_id, entry, "entry “%s” links to no CAP message", id);
  if (msg_type == NULL)
    msg_type = vg_xml_child_text (entry, "msgType");
  if (!entry_time (feed_id, entry, "updated", &f.updated, error) ||
      !entry_time (feed_id, entry, "sent", &f.sent, error) ||
      !entry_time (feed_id, entry, "onset", &f.onset, error) ||
      !entry_time (feed_id, entry, "expires", &f.expires, error))
    return FALSE;
  if (severity_text != NULL && !vg_severity_from_cap (severity_text, &f.severity))
    return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, feed_id, vg_xml_child (entry, "severity"),
                        "severity “%s” is not a CAP value", severity_text);
  for (xmlNode *g = vg_xml_child (entry, "geocode"); g != NULL; g = vg_xml_next (g, "geocode"))
    {
      char *name = vg_xml_child_text (g, "valueName");
      char *value = vg_xml_child_text (g, "value");

      if (name == NULL || value == NULL)
        {
          g_free (name);
          g_free (value);
          return vg_xml_fail (error, VG_FEED_ERROR_MALFORMED, feed_id, g, "geocode without valueName and value");
        }
      g_ptr_array_add (geocodes, name);
      g_ptr_array_add (geocodes, value);
    }
  g_ptr_array_add (geocodes, NULL);

  f.entry_id = id;
  f.identifier = identifier;
  f.uri = uri;
  f.title = title;
  f.event = event;
  f.area_description = area;
  f.status = status;
  f.msg_type = msg_type;
  f.urgency = urgency;
  f.certainty = certainty;
  f.awareness_level = title_colour (title);
  f.geocodes = (const char * const *) geocodes->pdata;
  vg_feed_batch_add_index_entry (batch, vg_cap_index_entry_new (vg_feed_batch_get_origin (batch), position, &f));
  return TRUE;
}

VgFeedBatch *
vg_feed_parse_meteoalarm_atom (const char  *feed_id,
                               GDateTime   *received_at,
                               GBytes      *payload,
                               GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(VgFeedOrigin) origin = NULL;
  g_autoptr(VgFeedBatch) batch = NULL;
  xmlNode *root;

  g_return_val_if_fail (feed_id != NULL && received_at != NULL && payload != NULL, NULL);

  if ((doc = vg_feed_xml_load (feed_id, payload, error)) == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  if (!vg_xml_is (root, "feed") || !g_str_equal (vg_xml_ns (root), ATOM_NS))
    {
      vg_xml_fail (error, VG_FEED_ERROR_UNSUPPORTED, feed_id, root,
                   "not an Atom feed: root element <%s> in namespace “%s”%s", root->name, vg_xml_ns (root),
                   vg_xml_is (root, "alert") ? " (a CAP message: read it as cap)" : "");
      return NULL;
    }
  origin = vg_feed_origin_new_for (feed_id, VG_FEED_KIND_METEOALARM_ATOM, received_at, payload);
  batch = vg_feed_batch_new (origin);
  for (xmlNode *entry = vg_xml_child (root, "entry"); entry != NULL; entry = vg_xml_next (entry, "entry"))
    if (!parse_entry (batch, feed_id, entry, error))
      return NULL;
  return g_steal_pointer (&batch);
}
