/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-export-cap"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "vg-entry-payload.h"
#include "vg-error.h"
#include "vg-export-private.h"

/* The CAP archive: a folder of every CAP message the journal holds, as received or as Vigie
 * drafted it, and an index.
 *   received/<seq>-<identifier>.xml  the bytes of a raw feed payload as the journal stores
 *                                    them: as fetched, or their sanitised copy when media or
 *                                    biometric data were withheld (their SHA-256 is the one
 *                                    the journal chains; none if no bytes were kept), for every raw
 *                                    payload whose document is a CAP <alert> (any XML content
 *                                    type: the root element decides, not the label);
 *   issued/<seq>-<identifier>.xml    the text of a payload member "cap" holding a CAP alert
 *                                    that Vigie drafted or released (a proposal, a decision, a
 *                                    warning…);
 *   index.json                       one record per file: where it comes from in the journal,
 *                                    its SHA-256 and the CAP header fields. */

#define CAP_NAMESPACE_PREFIX "urn:oasis:names:tc:emergency:cap:"
/* Identifiers go into file names: cut and reduced to safe characters. */
#define NAME_MAX_CHARS 80

typedef struct
{
  VgExportContext *ctx;
  char            *dir;
  JsonBuilder     *index;
  guint            n_received;
  guint            n_issued;
} Archive;

/* Text of the first child element of @parent named @name (CAP namespace), or NULL. */
static char *
child_text (xmlNode    *parent,
            const char *name)
{
  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && g_str_equal ((const char *) child->name, name))
      {
        xmlChar *content = xmlNodeGetContent (child);
        char *text = g_strdup ((const char *) content);

        xmlFree (content);
        return g_strstrip (text);
      }
  return NULL;
}

static xmlNode *
first_child (xmlNode    *parent,
             const char *name)
{
  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && g_str_equal ((const char *) child->name, name))
      return child;
  return NULL;
}

static void
add_member (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* If @data is a CAP alert, adds its header fields to @builder (an open object) and gives its
 * identifier; NULL if it is not CAP. The parser never fetches anything (XML_PARSE_NONET) nor
 * expands entities: these are documents from the network. */
static char *
read_cap (const char  *data,
          gsize        len,
          JsonBuilder *builder)
{
  static const char * const header[] = { "sender", "sent", "status", "msgType", "scope", NULL };
  static const char * const info_fields[] = { "language", "event", "headline", "severity", "urgency", "certainty",
                                              "effective", "onset", "expires", NULL };
  xmlDoc *doc;
  xmlNode *root;
  xmlNode *info;
  char *identifier = NULL;

  if (len > G_MAXINT)
    return NULL;
  doc = xmlReadMemory (data, (int) len, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  if (root != NULL && g_str_equal ((const char *) root->name, "alert") && root->ns != NULL &&
      g_str_has_prefix ((const char *) root->ns->href, CAP_NAMESPACE_PREFIX))
    {
      identifier = child_text (root, "identifier");
      if (identifier == NULL)
        identifier = g_strdup ("");
      add_member (builder, "identifier", identifier);
      for (guint i = 0; header[i] != NULL; i++)
        {
          g_autofree char *value = child_text (root, header[i]);

          add_member (builder, header[i], value);
        }
      /* The first <info> block: the one in the sender's first language. */
      if ((info = first_child (root, "info")) != NULL)
        for (guint i = 0; info_fields[i] != NULL; i++)
          {
            g_autofree char *value = child_text (info, info_fields[i]);

            add_member (builder, info_fields[i], value);
          }
    }
  xmlFreeDoc (doc);
  return identifier;
}

static char *
safe_name (guint64     seq,
           const char *identifier)
{
  g_autoptr(GString) name = g_string_new (NULL);

  g_string_printf (name, "%06" G_GUINT64_FORMAT, seq);
  if (identifier != NULL && *identifier != '\0')
    {
      g_string_append_c (name, '-');
      for (const char *p = identifier; *p != '\0' && name->len < NAME_MAX_CHARS; p++)
        g_string_append_c (name, g_ascii_isalnum (*p) || *p == '.' || *p == '-' || *p == '_' ? *p : '_');
    }
  g_string_append (name, ".xml");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* Writes @data as @subdir/<name> and finishes the index record (an open object) with where it
 * comes from. */
static gboolean
archive_file (Archive        *archive,
              JsonBuilder    *b,
              VgJournalEntry *entry,
              const char     *subdir,
              const char     *identifier,
              const char     *data,
              gsize           len,
              GError        **error)
{
  g_autofree char *name = safe_name (vg_journal_entry_get_seq (entry), identifier);
  g_autofree char *relative = g_build_filename (subdir, name, NULL);
  g_autofree char *path = g_build_filename (archive->dir, subdir, name, NULL);
  g_autofree char *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
  g_autofree char *time = vg_export_format_time (vg_journal_entry_get_time (entry));

  if (!vg_export_write_file (path, data, len, error))
    return FALSE;
  add_member (b, "file", relative);
  add_member (b, "sha256", sha256);
  json_builder_set_member_name (b, "seq");
  json_builder_add_int_value (b, vg_journal_entry_get_seq (entry));
  add_member (b, "time", time);
  add_member (b, "kind", vg_journal_entry_get_kind_id (entry));
  add_member (b, "source", vg_journal_entry_get_source (entry));
  add_member (b, "author", vg_journal_entry_get_author (entry));
  return TRUE;
}

static gboolean
archive_received (Archive         *archive,
                  VgJournalEntry  *entry,
                  GError         **error)
{
  g_autofree char *sha256 = vg_journal_entry_dup_string (entry, "sha256");
  g_autofree char *content_type = vg_journal_entry_dup_string (entry, "content_type");
  g_autofree char *identifier = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonBuilder) record = json_builder_new ();
  const char *data;
  gsize len;

  /* Only XML can be CAP; the root element says whether it is. */
  if (sha256 == NULL || content_type == NULL || strstr (content_type, "xml") == NULL)
    return TRUE;
  if ((bytes = vg_journal_dup_raw_payload (archive->ctx->journal, sha256, error)) == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &len);

  json_builder_begin_object (record);
  add_member (record, "direction", "received");
  if ((identifier = read_cap (data, len, record)) == NULL)
    {
      /* Labelled CAP but unreadable: kept as evidence, said so. An XML payload that is simply
       * not CAP (DATEX II…) has no place here. */
      if (!vg_entry_is_cap_payload (entry))
        return TRUE;
      json_builder_set_member_name (record, "readable");
      json_builder_add_boolean_value (record, FALSE);
    }
  add_member (record, "content_type", content_type);
  add_member (record, "journal_sha256", sha256);
  if (!archive_file (archive, record, entry, "received", identifier, data, len, error))
    return FALSE;
  json_builder_end_object (record);
  json_builder_add_value (archive->index, json_builder_get_root (record));
  archive->n_received++;
  return TRUE;
}

static gboolean
archive_issued (Archive         *archive,
                VgJournalEntry  *entry,
                GError         **error)
{
  g_autofree char *text = vg_journal_entry_dup_string (entry, "cap");
  g_autofree char *format = vg_journal_entry_dup_string (entry, "format");
  g_autofree char *identifier = NULL;
  g_autofree char *state = NULL;
  g_autoptr(JsonBuilder) record = NULL;

  /* A CAP document generated after a signed approval (proposals/vg-output) is in "content". */
  if (text == NULL && vg_journal_entry_get_kind (entry) == VG_JOURNAL_KIND_OUTPUT && g_strcmp0 (format, "cap") == 0)
    text = vg_journal_entry_dup_string (entry, "content");
  if (text == NULL)
    return TRUE;
  record = json_builder_new ();
  json_builder_begin_object (record);
  add_member (record, "direction", "issued");
  if ((identifier = read_cap (text, strlen (text), record)) == NULL)
    {
      json_builder_set_member_name (record, "readable");
      json_builder_add_boolean_value (record, FALSE);
    }
  /* Drafted or released: the entry says so in "status"/"state", else its kind does. */
  state = vg_entry_dup_first_string (entry, (const char * const[]) { "status", "state", NULL });
  add_member (record, "state", state != NULL ? state
                               : vg_journal_entry_get_kind (entry) == VG_JOURNAL_KIND_PROPOSAL ? "draft" : "issued");
  if (!archive_file (archive, record, entry, "issued", identifier, text, strlen (text), error))
    return FALSE;
  json_builder_end_object (record);
  json_builder_add_value (archive->index, json_builder_get_root (record));
  archive->n_issued++;
  return TRUE;
}

/* The candidates, collected first: a raw payload's bytes cannot be read from inside the walk
 * (vg_journal_foreach() holds the reader). */
static gboolean
collect_cb (VgJournalEntry *entry,
            gpointer        user_data)
{
  if (vg_journal_entry_get_kind (entry) == VG_JOURNAL_KIND_RAW_FEED_PAYLOAD ||
      strstr (vg_journal_entry_get_payload_text (entry), "\"cap\":\"") != NULL ||
      (vg_journal_entry_get_kind (entry) == VG_JOURNAL_KIND_OUTPUT &&
       strstr (vg_journal_entry_get_payload_text (entry), "\"format\":\"cap\"") != NULL))
    g_ptr_array_add (user_data, vg_journal_entry_ref (entry));
  return TRUE;
}

static gboolean
archive_entry (Archive         *archive,
               VgJournalEntry  *entry,
               GError         **error)
{
  if (vg_journal_entry_get_kind (entry) == VG_JOURNAL_KIND_RAW_FEED_PAYLOAD)
    return archive_received (archive, entry, error);
  return archive_issued (archive, entry, error);
}

gboolean
vg_export_write_cap (VgExportContext  *ctx,
                     const char       *path,
                     GError          **error)
{
  g_autoptr(JsonBuilder) index = json_builder_new ();
  g_autoptr(JsonBuilder) document = json_builder_new ();
  g_autoptr(JsonNode) messages = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *index_path = g_build_filename (path, "index.json", NULL);
  const char *subdirs[] = { "received", "issued" };
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_journal_entry_unref);
  Archive archive = { ctx, (char *) path, index, 0, 0 };

  vg_export_begin_stage (ctx, 0, 0.8, _("Writing the CAP archive"));
  for (guint i = 0; i < G_N_ELEMENTS (subdirs); i++)
    {
      g_autofree char *dir = g_build_filename (path, subdirs[i], NULL);

      if (g_mkdir_with_parents (dir, 0755) != 0)
        {
          g_set_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_WRITE, _("Cannot write “%s”: %s"), dir,
                       g_strerror (errno));
          return FALSE;
        }
    }
  if (!vg_export_foreach (ctx, FALSE, collect_cb, candidates, error))
    return FALSE;
  vg_export_begin_stage (ctx, 0.8, 0.2, NULL);
  json_builder_begin_array (index);
  for (guint i = 0; i < candidates->len; i++)
    {
      if (!archive_entry (&archive, g_ptr_array_index (candidates, i), error) ||
          g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
        return FALSE;
      vg_export_progress (ctx, (i + 1) / (double) candidates->len);
    }
  json_builder_end_array (index);
  messages = json_builder_get_root (index);

  json_builder_begin_object (document);
  json_builder_set_member_name (document, "vigie");
  json_builder_add_value (document, vg_export_metadata (ctx, "vigie-cap-archive"));
  json_builder_set_member_name (document, "received");
  json_builder_add_int_value (document, archive.n_received);
  json_builder_set_member_name (document, "issued");
  json_builder_add_int_value (document, archive.n_issued);
  json_builder_set_member_name (document, "messages");
  json_builder_add_value (document, g_steal_pointer (&messages));
  json_builder_end_object (document);
  root = json_builder_get_root (document);
  text = json_to_string (root, TRUE);
  ctx->n_exported = archive.n_received + archive.n_issued;
  return vg_export_write_file (index_path, text, strlen (text), error);
}
