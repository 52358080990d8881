/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-feed-xml"

#include "config.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <string.h>

#include "vg-error.h"
#include "vg-feed-private.h"

#define XSI_NS "http://www.w3.org/2001/XMLSchema-instance"

/* What one parse noticed, reached from the libxml2 context's _private. */
typedef struct
{
  gboolean  doctype;
  char     *doctype_name;
  char     *message;
  int       line;
  int       column;
} Load;

/* SAX internalSubset hook: libxml2 calls it on "<!DOCTYPE name ..." before it reads the
 * internal subset, so stopping here means no entity is ever declared, loaded or expanded. */
static void
refuse_doctype_cb (void          *user_data,
                   const xmlChar *name,
                   const xmlChar *external_id,
                   const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = user_data;
  Load *load = ctxt->_private;

  load->doctype = TRUE;
  load->doctype_name = g_strdup (name != NULL ? (const char *) name : "");
  xmlStopParser (ctxt);
}

/* Structured error hook of this context only (libxml2's global handlers stay untouched and
 * nothing is printed): keeps the first error. */
static void
error_cb (void        *user_data,
          xmlError    *xml_error)
{
  xmlParserCtxt *ctxt = user_data;
  Load *load = ctxt->_private;

  if (load->message != NULL || xml_error == NULL || xml_error->level < XML_ERR_ERROR)
    return;
  load->message = g_strstrip (g_strdup (xml_error->message ? xml_error->message : "error"));
  load->line = xml_error->line;
  load->column = xml_error->int2;
}

static gboolean
init_libxml (gpointer data)
{
  xmlInitParser ();
  return TRUE;
}

static guint
element_depth (xmlNode *root)
{
  guint depth = 1, max = 1;
  xmlNode *node = root;

  /* Iterative walk: the point is to bound recursion, so do not recurse to measure it. */
  for (;;)
    {
      xmlNode *child = vg_xml_first_element (node);

      if (child != NULL)
        {
          node = child;
          depth++;
          max = MAX (max, depth);
          continue;
        }
      while (node != root && vg_xml_next (node, NULL) == NULL)
        {
          node = node->parent;
          depth--;
        }
      if (node == root)
        return max;
      node = vg_xml_next (node, NULL);
    }
}

/* Positions name an element by its index among same-named siblings ("situation[3]"), which
 * is costly to count from the node itself (quadratic over a payload of 10,000 situations).
 * Each element's index is counted once here, for all, and kept in its _private field (unused
 * by the tree libxml2 builds): (index << 1) | (more than one sibling of that name). */
static void
annotate_siblings (xmlNode *root)
{
  xmlNode *node = root;

  root->_private = GSIZE_TO_POINTER (1 << 1);
  for (;;)
    {
      xmlNode *child = vg_xml_first_element (node);

      if (child != NULL && vg_xml_next (child, NULL) != NULL)
        {
          g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);

          for (xmlNode *c = child; c != NULL; c = vg_xml_next (c, NULL))
            {
              gsize n = GPOINTER_TO_SIZE (g_hash_table_lookup (counts, c->name)) + 1;

              g_hash_table_insert (counts, (gpointer) c->name, GSIZE_TO_POINTER (n));
              c->_private = GSIZE_TO_POINTER (n << 1);
            }
          for (xmlNode *c = child; c != NULL; c = vg_xml_next (c, NULL))
            if (GPOINTER_TO_SIZE (g_hash_table_lookup (counts, c->name)) > 1)
              c->_private = GSIZE_TO_POINTER (GPOINTER_TO_SIZE (c->_private) | 1);
        }
      else if (child != NULL)
        child->_private = GSIZE_TO_POINTER (1 << 1);
      if (child != NULL)
        {
          node = child;
          continue;
        }
      while (node != root && vg_xml_next (node, NULL) == NULL)
        node = node->parent;
      if (node == root)
        return;
      node = vg_xml_next (node, NULL);
    }
}

xmlDoc *
vg_feed_xml_load (const char  *feed_id,
                  GBytes      *payload,
                  GError     **error)
{
  static GOnce once = G_ONCE_INIT;
  xmlParserCtxt *ctxt;
  xmlDoc *doc;
  gsize len;
  const char *data;
  Load load = { 0 };
  /* No XML_PARSE_NOENT (entity substitution), DTDLOAD, DTDATTR, XINCLUDE or HUGE: libxml2 keeps
   * its own limits on text and name sizes. NONET forbids any fetch. */
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                      XML_PARSE_NOCDATA | XML_PARSE_COMPACT | XML_PARSE_BIG_LINES;

  if (!vg_feed_check_size (feed_id, payload, error))
    return NULL;
  data = g_bytes_get_data (payload, &len);
  if (len > G_MAXINT)
    {
      vg_feed_fail (error, VG_FEED_ERROR_TOO_LARGE, feed_id, "payload", "too large for libxml2");
      return NULL;
    }

  g_once (&once, (GThreadFunc) init_libxml, NULL);
  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      vg_feed_fail (error, VG_FEED_ERROR_MALFORMED, feed_id, "payload", "cannot create an XML parser");
      return NULL;
    }
  ctxt->_private = &load;
  ctxt->sax->internalSubset = refuse_doctype_cb;
  ctxt->sax->serror = error_cb;
  doc = xmlCtxtReadMemory (ctxt, data, (int) len, NULL, NULL, options);
  xmlFreeParserCtxt (ctxt);

  if (load.doctype || (doc != NULL && (doc->intSubset != NULL || doc->extSubset != NULL)))
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      vg_feed_fail (error, VG_FEED_ERROR_REFUSED, feed_id, "prolog",
                    "document type declaration <!DOCTYPE %s> refused: feeds have no DTD, and its "
                    "entities could read local files or expand without bound",
                    load.doctype_name ? load.doctype_name : "");
    }
  else if (doc == NULL || load.message != NULL)
    {
      g_autofree char *position = g_strdup_printf ("line %d, column %d", load.line, load.column);

      g_clear_pointer (&doc, xmlFreeDoc);
      vg_feed_fail (error, VG_FEED_ERROR_MALFORMED, feed_id, position, "not well-formed XML: %s",
                    load.message ? load.message : "parse failed");
    }
  else if (xmlDocGetRootElement (doc) == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      vg_feed_fail (error, VG_FEED_ERROR_MALFORMED, feed_id, "document", "no root element");
    }
  else if (element_depth (xmlDocGetRootElement (doc)) > VG_FEED_MAX_DEPTH)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      vg_feed_fail (error, VG_FEED_ERROR_TOO_LARGE, feed_id, "document",
                    "elements nested deeper than %u levels", VG_FEED_MAX_DEPTH);
    }
  else
    annotate_siblings (xmlDocGetRootElement (doc));
  g_free (load.doctype_name);
  g_free (load.message);
  return doc;
}

gboolean
vg_xml_is (xmlNode    *node,
           const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name);
}

xmlNode *
vg_xml_next (xmlNode    *node,
             const char *name)
{
  for (node = node != NULL ? node->next : NULL; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE && (name == NULL || g_str_equal ((const char *) node->name, name)))
      return node;
  return NULL;
}

xmlNode *
vg_xml_first_element (xmlNode *parent)
{
  for (xmlNode *node = parent != NULL ? parent->children : NULL; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      return node;
  return NULL;
}

xmlNode *
vg_xml_child (xmlNode    *parent,
              const char *name)
{
  xmlNode *node = vg_xml_first_element (parent);

  if (node == NULL || vg_xml_is (node, name))
    return node;
  return vg_xml_next (node, name);
}

char *
vg_xml_text (xmlNode *node)
{
  xmlChar *content;
  char *text;

  if (node == NULL)
    return NULL;
  content = xmlNodeGetContent (node);
  text = g_strstrip (g_strdup (content != NULL ? (const char *) content : ""));
  xmlFree (content);
  return text;
}

char *
vg_xml_child_text (xmlNode    *parent,
                   const char *name)
{
  char *text = vg_xml_text (vg_xml_child (parent, name));

  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

const char *
vg_xml_ns (xmlNode *node)
{
  return node != NULL && node->ns != NULL && node->ns->href != NULL ? (const char *) node->ns->href : "";
}

char *
vg_xml_attr (xmlNode    *node,
             const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

char *
vg_xml_xsi_type (xmlNode *node)
{
  xmlChar *value = xmlGetNsProp (node, (const xmlChar *) "type", (const xmlChar *) XSI_NS);
  const char *colon;
  char *local;

  if (value == NULL)
    return NULL;
  colon = strrchr ((const char *) value, ':');
  local = g_strstrip (g_strdup (colon != NULL ? colon + 1 : (const char *) value));
  xmlFree (value);
  return local;
}

char *
vg_xml_position (xmlNode *node)
{
  GPtrArray *steps = g_ptr_array_new_with_free_func (g_free);
  GString *position = g_string_new (NULL);

  g_string_printf (position, "line %ld, ", xmlGetLineNo (node));
  for (xmlNode *n = node; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
    {
      gsize info = GPOINTER_TO_SIZE (n->_private);

      /* The index only when there are several of that name, as XPath users write it. */
      if (info & 1)
        g_ptr_array_add (steps, g_strdup_printf ("%s[%" G_GSIZE_FORMAT "]", n->name, info >> 1));
      else
        g_ptr_array_add (steps, g_strdup ((const char *) n->name));
    }
  for (guint i = steps->len; i > 0; i--)
    g_string_append_printf (position, "/%s", (char *) steps->pdata[i - 1]);
  g_ptr_array_unref (steps);
  return g_string_free (position, FALSE);
}

gboolean
vg_xml_fail (GError     **error,
             int          code,
             const char  *feed_id,
             xmlNode     *node,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  g_autofree char *position = vg_xml_position (node);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  return vg_feed_fail (error, code, feed_id, position, "%s", message);
}

xmlNode *
vg_xml_find_biometric (xmlNode     *node,
                       const char **term)
{
  xmlNode *n = node;

  /* Iterative pre-order walk of @node's subtree. */
  for (;;)
    {
      xmlNode *child;

      if ((*term = vg_feed_biometric_term ((const char *) n->name)) != NULL)
        return n;
      for (xmlAttr *a = n->properties; a != NULL; a = a->next)
        if ((*term = vg_feed_biometric_term ((const char *) a->name)) != NULL)
          return n;
      if ((child = vg_xml_first_element (n)) != NULL)
        {
          n = child;
          continue;
        }
      while (n != node && vg_xml_next (n, NULL) == NULL)
        n = n->parent;
      if (n == node)
        return NULL;
      n = vg_xml_next (n, NULL);
    }
}
