/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-feed-util"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vg-clock.h"
#include "vg-error.h"
#include "vg-feed-private.h"

GError *
vg_feed_error_new (int         code,
                   const char *feed_id,
                   const char *position,
                   const char *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  return g_error_new (VG_FEED_ERROR, code, "Feed “%s”: %s: %s", feed_id, position, message);
}

gboolean
vg_feed_fail (GError    **error,
              int         code,
              const char *feed_id,
              const char *position,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, VG_FEED_ERROR, code, "Feed “%s”: %s: %s", feed_id, position, message);
  return FALSE;
}

void
vg_feed_batch_refuse (VgFeedBatch         *batch,
                      VgFeedRefusalAction  action,
                      int                  code,
                      const char          *record_id,
                      const char          *position,
                      const char          *field,
                      const char          *format,
                      ...)
{
  g_autofree char *message = NULL;
  const char *feed_id = vg_feed_origin_get_feed_id (vg_feed_batch_get_origin (batch));
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  vg_feed_batch_add_refusal (batch,
                             vg_feed_refusal_new (action, record_id, position, field,
                                                  vg_feed_error_new (code, feed_id, position, "%s", message)));
}

VgFeedOrigin *
vg_feed_origin_new_for (const char *feed_id,
                        VgFeedKind  kind,
                        GDateTime  *received_at,
                        GBytes     *payload)
{
  return vg_feed_origin_new (feed_id, kind, vg_time_to_usec (received_at), payload);
}

gboolean
vg_feed_check_size (const char *feed_id,
                    GBytes     *payload,
                    GError    **error)
{
  gsize size = g_bytes_get_size (payload);

  if (size > VG_FEED_MAX_PAYLOAD)
    return vg_feed_fail (error, VG_FEED_ERROR_TOO_LARGE, feed_id, "payload",
                         "%" G_GSIZE_FORMAT " bytes, over the limit of %u bytes (64 MiB)",
                         size, VG_FEED_MAX_PAYLOAD);
  if (size == 0)
    return vg_feed_fail (error, VG_FEED_ERROR_MALFORMED, feed_id, "payload", "empty");
  return TRUE;
}

/* "YYYY-MM-DDTHH:MM" followed by nothing, 'Z' or an offset: GLib 2.74 wants the seconds. */
static char *
add_missing_seconds (const char *text)
{
  gsize len = strlen (text);

  if (len < 16 || text[10] != 'T' || text[13] != ':' || !g_ascii_isdigit (text[15]))
    return NULL;
  if (len > 16 && text[16] != 'Z' && text[16] != '+' && text[16] != '-')
    return NULL;
  return g_strdup_printf ("%.16s:00%s", text, text + 16);
}

gboolean
vg_feed_parse_time (const char  *text,
                    GTimeZone   *default_tz,
                    gint64      *usec,
                    char       **day)
{
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  /* GLib also reads week and ordinal dates; feeds use calendar dates, and a bare date is not a
   * time, so insist on "YYYY-MM-DDT". */
  if (strlen (text) < 11 || text[4] != '-' || text[7] != '-' || text[10] != 'T')
    return FALSE;
  time = g_date_time_new_from_iso8601 (text, default_tz);
  if (time == NULL)
    {
      g_autofree char *fixed = add_missing_seconds (text);

      if (fixed != NULL)
        time = g_date_time_new_from_iso8601 (fixed, default_tz);
    }
  if (time == NULL)
    return FALSE;
  *usec = vg_time_to_usec (time);
  if (!vg_feed_time_is_plausible (*usec))
    return FALSE;
  if (day != NULL)
    *day = g_date_time_format (time, "%Y-%m-%d");
  return TRUE;
}

gboolean
vg_feed_time_is_plausible (gint64 usec)
{
  /* 1900-01-01 and 2200-01-01, Unix µs. */
  return usec >= G_GINT64_CONSTANT (-2208988800) * G_USEC_PER_SEC &&
         usec < G_GINT64_CONSTANT (7258118400) * G_USEC_PER_SEC;
}

gboolean
vg_feed_parse_double (const char *text,
                      double     *value)
{
  char *end = NULL;
  double v;

  if (text == NULL || *text == '\0')
    return FALSE;
  /* Decimal numbers only: strtod would also take "nan", "inf" and hexadecimal. */
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && strchr ("+-.eE", *p) == NULL)
      return FALSE;
  v = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (v))
    return FALSE;
  *value = v;
  return TRUE;
}

/* Words that say biometric data, compared with whole words of a name; a few usual compounds
 * written as one word are listed too ("faceimage"). */
static const char * const biometric_words[] = {
  "biometric", "biometrics", "biometry", "face", "faces", "facial", "fingerprint",
  "fingerprints", "iris", "voiceprint", "voiceprints", "gait",
  "faceid", "faceimage", "facephoto", "facerecognition", "facetemplate", "faceprint",
  "irisscan", "iriscode", "gaitanalysis", "gaitrecognition",
};

/* Pairs of consecutive words that say it too: "voice print", "finger_print", "face-id". */
static const struct {
  const char *first;
  const char *second;
  const char *term;
} biometric_pairs[] = {
  { "voice", "print", "voiceprint" }, { "voice", "prints", "voiceprint" },
  { "finger", "print", "fingerprint" }, { "finger", "prints", "fingerprint" },
};

static GPtrArray *
split_words (const char *name)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);

  for (const char *p = name; ; p++)
    {
      gboolean boundary = *p == '\0' || !g_ascii_isalnum (*p);

      /* camelCase: a capital after a lower-case letter starts a word. */
      if (!boundary && g_ascii_isupper (*p) && p > name && g_ascii_islower (p[-1]))
        boundary = TRUE;
      if (boundary && word->len > 0)
        {
          g_ptr_array_add (words, g_ascii_strdown (word->str, word->len));
          g_string_truncate (word, 0);
        }
      if (*p == '\0')
        break;
      if (g_ascii_isalnum (*p))
        g_string_append_c (word, *p);
    }
  g_string_free (word, TRUE);
  return words;
}

const char *
vg_feed_biometric_term (const char *name)
{
  g_autoptr(GPtrArray) words = NULL;

  if (name == NULL)
    return NULL;
  words = split_words (name);
  for (guint i = 0; i < words->len; i++)
    {
      for (guint j = 0; j < G_N_ELEMENTS (biometric_words); j++)
        if (g_str_equal (words->pdata[i], biometric_words[j]))
          return biometric_words[j];
      for (guint j = 0; i + 1 < words->len && j < G_N_ELEMENTS (biometric_pairs); j++)
        if (g_str_equal (words->pdata[i], biometric_pairs[j].first) &&
            g_str_equal (words->pdata[i + 1], biometric_pairs[j].second))
          return biometric_pairs[j].term;
    }
  return NULL;
}

gboolean
vg_feed_is_media_type (const char *mime_type)
{
  if (mime_type == NULL)
    return FALSE;
  while (g_ascii_isspace (*mime_type))
    mime_type++;
  return g_ascii_strncasecmp (mime_type, "image/", 6) == 0 ||
         g_ascii_strncasecmp (mime_type, "audio/", 6) == 0 ||
         g_ascii_strncasecmp (mime_type, "video/", 6) == 0;
}
