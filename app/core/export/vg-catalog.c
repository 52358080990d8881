/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-catalog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vg-catalog.h"
#include "vg-error.h"

/* The GNU .mo layout (gettext manual, "The Format of GNU MO Files"): a magic number telling the
 * byte order, then the count of strings and the offsets of two tables of (length, offset)
 * pairs, originals and translations, in the same order. */
#define MO_MAGIC         0x950412de
#define MO_MAGIC_SWAPPED 0xde120495
#define MO_HEADER_BYTES  28

struct _VgCatalog
{
  GObject     parent_instance;

  char       *language;
  GBytes     *data;          /* the file; keys and values point into it */
  GHashTable *translations;  /* msgid → msgstr, both borrowed from data; NULL for English */
};

G_DEFINE_FINAL_TYPE (VgCatalog, vg_catalog, G_TYPE_OBJECT)

static void
vg_catalog_finalize (GObject *object)
{
  VgCatalog *self = VG_CATALOG (object);

  g_clear_pointer (&self->translations, g_hash_table_unref);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (vg_catalog_parent_class)->finalize (object);
}

static void
vg_catalog_class_init (VgCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_catalog_finalize;
}

static void
vg_catalog_init (VgCatalog *self)
{
}

static guint32
read_u32 (const guint8 *p,
          gboolean      swapped)
{
  guint32 v;

  memcpy (&v, p, 4);
  return swapped ? GUINT32_SWAP_LE_BE (v) : v;
}

/* String @index of the table at @table: borrowed from @data, or NULL if it lies outside the
 * file or is not NUL-terminated where its length says. */
static const char *
table_string (const guint8 *data,
              gsize         len,
              guint32       table,
              guint32       index,
              gboolean      swapped)
{
  guint64 at = table + 8 * (guint64) index;
  guint32 length, offset;

  if (at + 8 > len)
    return NULL;
  length = read_u32 (data + at, swapped);
  offset = read_u32 (data + at + 4, swapped);
  if ((guint64) offset + length >= len || data[offset + length] != '\0')
    return NULL;
  return (const char *) data + offset;
}

static gboolean
parse_mo (VgCatalog   *self,
          const char  *path,
          GError     **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (self->data, &len);
  guint32 magic, n, originals, translations;
  gboolean swapped;

  if (len < MO_HEADER_BYTES)
    goto malformed;
  memcpy (&magic, data, 4);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    goto malformed;
  swapped = magic == MO_MAGIC_SWAPPED;
  n = read_u32 (data + 8, swapped);
  originals = read_u32 (data + 12, swapped);
  translations = read_u32 (data + 16, swapped);

  self->translations = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint32 i = 0; i < n; i++)
    {
      const char *msgid = table_string (data, len, originals, i, swapped);
      const char *msgstr = table_string (data, len, translations, i, swapped);

      if (msgid == NULL || msgstr == NULL)
        goto malformed;
      /* The empty msgid is the catalogue's header; an empty msgstr is no translation. */
      if (*msgid != '\0' && *msgstr != '\0')
        g_hash_table_insert (self->translations, (gpointer) msgid, (gpointer) msgstr);
    }
  return TRUE;

malformed:
  g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_READ,
               _("Translation catalogue “%s”: not a valid .mo file"), path);
  return FALSE;
}

/* Where the .mo of @language may be, most specific first. */
static GPtrArray *
candidate_paths (const char *language)
{
  const char *dirs[] = { bindtextdomain (GETTEXT_PACKAGE, NULL), LOCALEDIR, VIGIE_BUILD_LOCALEDIR };
  g_autofree char *base = g_strndup (language, strcspn (language, "_.@"));
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      if (dirs[i] == NULL)
        continue;
      g_ptr_array_add (paths, g_build_filename (dirs[i], language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL));
      if (!g_str_equal (base, language))
        g_ptr_array_add (paths, g_build_filename (dirs[i], base, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL));
    }
  return paths;
}

VgCatalog *
vg_catalog_new (const char  *language,
                GError     **error)
{
  g_autoptr(VgCatalog) self = NULL;
  g_autoptr(GPtrArray) paths = NULL;

  g_return_val_if_fail (language != NULL, NULL);

  self = g_object_new (VG_TYPE_CATALOG, NULL);
  self->language = g_strdup (language);
  if (g_str_equal (language, "C") || g_str_equal (language, "en") || g_str_has_prefix (language, "en_"))
    return g_steal_pointer (&self);

  paths = candidate_paths (language);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GMappedFile) file = NULL;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      if ((file = g_mapped_file_new (path, FALSE, NULL)) == NULL)
        continue;
      self->data = g_mapped_file_get_bytes (file);
      if (!parse_mo (self, path, error))
        return NULL;
      return g_steal_pointer (&self);
    }
  g_set_error (error, VG_EXPORT_ERROR, VG_EXPORT_ERROR_LANGUAGE,
               _("No “%s” translation of Vigie is installed (%s.mo not found): choose another language"),
               language, GETTEXT_PACKAGE);
  return NULL;
}

const char *
vg_catalog_get_language (VgCatalog *self)
{
  g_return_val_if_fail (VG_IS_CATALOG (self), NULL);

  return self->language;
}

const char *
vg_catalog_gettext (VgCatalog  *self,
                    const char *msgid)
{
  const char *msgstr;

  g_return_val_if_fail (self == NULL || VG_IS_CATALOG (self), msgid);
  g_return_val_if_fail (msgid != NULL, NULL);

  if (self == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  if (self->translations == NULL || (msgstr = g_hash_table_lookup (self->translations, msgid)) == NULL)
    return msgid;
  return msgstr;
}
