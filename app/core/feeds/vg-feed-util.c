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

/* Years 1900–2200: later or earlier is a garbled time, not data. */
static gboolean
time_is_plausible (gint64 usec)
{
  /* 1900-01-01 and 2200-01-01, Unix µs. */
  return usec >= G_GINT64_CONSTANT (-2208988800) * G_USEC_PER_SEC &&
         usec < G_GINT64_CONSTANT (7258118400) * G_USEC_PER_SEC;
}

/* Feed times are RFC 3339 / xs:dateTime: "YYYY-MM-DDTHH:MM[:SS[.fraction]]" then "Z", an
 * offset "±HH:MM" (or "±HHMM", "±HH"), or nothing when the feed gives the zone elsewhere
 * (Open-Meteo). GLib's reader would take week and ordinal dates too, and costs a GDateTime per
 * call, a measurable share of parsing a million gauge readings; this one is strict and cheap. */
static gboolean
digits (const char *p,
        guint       n,
        int        *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      *value = *value * 10 + (p[i] - '0');
    }
  return TRUE;
}

/* Days from 1970-01-01 to the proleptic Gregorian date (H. Hinnant's days_from_civil). */
static gint64
days_from_civil (int y,
                 int m,
                 int d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

gboolean
vg_feed_parse_time (const char  *text,
                    GTimeZone   *default_tz,
                    gint64      *usec,
                    char       **day)
{
  static const int month_days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int year, month, mday, hour, minute, second = 0, offset_h = 0, offset_m = 0;
  gint64 fraction = 0, result;
  const char *p;
  gboolean leap;

  if (text == NULL || !digits (text, 4, &year) || text[4] != '-' || !digits (text + 5, 2, &month) ||
      text[7] != '-' || !digits (text + 8, 2, &mday) || text[10] != 'T' || !digits (text + 11, 2, &hour) ||
      text[13] != ':' || !digits (text + 14, 2, &minute))
    return FALSE;
  p = text + 16;
  if (*p == ':')
    {
      if (!digits (p + 1, 2, &second))
        return FALSE;
      p += 3;
      if (*p == '.' || *p == ',')
        {
          guint n = 0;

          for (p++; g_ascii_isdigit (*p); p++, n++)
            if (n < 6)
              fraction = fraction * 10 + (*p - '0');
          if (n == 0)
            return FALSE;
          for (; n < 6; n++)
            fraction *= 10;
        }
    }
  leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month < 1 || month > 12 || mday < 1 || mday > month_days[month - 1] + (month == 2 && leap) ||
      hour > 23 || minute > 59 || second > 59)
    return FALSE;

  if (*p == '\0')
    {
      g_autoptr(GDateTime) local = NULL;

      /* No offset: local time in the feed's zone, which only the caller knows. */
      if (default_tz == NULL)
        return FALSE;
      local = g_date_time_new (default_tz, year, month, mday, hour, minute, second);
      if (local == NULL)
        return FALSE;
      result = g_date_time_to_unix (local) * G_USEC_PER_SEC + fraction;
    }
  else
    {
      if (*p == 'Z')
        p++;
      else if (*p == '+' || *p == '-')
        {
          int sign = *p == '-' ? -1 : 1;

          if (!digits (p + 1, 2, &offset_h))
            return FALSE;
          p += 3;
          if (*p == ':')
            p++;
          if (g_ascii_isdigit (*p))
            {
              if (!digits (p, 2, &offset_m))
                return FALSE;
              p += 2;
            }
          if (offset_h > 23 || offset_m > 59)
            return FALSE;
          offset_h *= sign;
          offset_m *= sign;
        }
      if (*p != '\0')
        return FALSE;
      result = ((days_from_civil (year, month, mday) * 24 + hour - offset_h) * 60 + minute - offset_m) * 60 + second;
      result = result * G_USEC_PER_SEC + fraction;
    }
  if (!time_is_plausible (result))
    return FALSE;
  *usec = result;
  if (day != NULL)
    *day = g_strndup (text, 10);   /* the date as written: in the time's own offset */
  return TRUE;
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
