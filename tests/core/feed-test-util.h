/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <string.h>

#include "vg-clock.h"
#include "vg-error.h"
#include "vg-feed-parser.h"
#include "vg-test-util.h"

/* Helpers shared by the test-feed-*.c programs. */

/* The reception time every test parses with: 2024-10-17T06:10:00Z. */
static inline GDateTime *
feed_test_received_at (void)
{
  return g_date_time_new_utc (2024, 10, 17, 6, 10, 0);
}

/* Contents of tests/data/feeds/@relpath. */
static inline GBytes *
feed_test_load (const char *relpath)
{
  g_autofree char *path = g_build_filename ("feeds", relpath, NULL);
  g_autofree char *full = vg_test_data_path (path);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len;

  g_file_get_contents (full, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

/* Contents of @relpath with the first occurrence of @from replaced by @to. */
static inline GBytes *
feed_test_load_edited (const char *relpath,
                       const char *from,
                       const char *to)
{
  g_autoptr(GBytes) bytes = feed_test_load (relpath);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autofree char *text = g_strndup (data, len);
  const char *at = strstr (text, from);
  GString *edited;

  g_assert_nonnull (at);
  edited = g_string_new_len (text, at - text);
  g_string_append (edited, to);
  g_string_append (edited, at + strlen (from));
  return g_string_free_to_bytes (edited);
}

/* Parses @relpath as @kind, asserting success. */
static inline VgFeedBatch *
feed_test_parse (VgFeedKind  kind,
                 const char *relpath)
{
  g_autoptr(GDateTime) received_at = feed_test_received_at ();
  g_autoptr(GBytes) payload = feed_test_load (relpath);
  g_autoptr(GError) error = NULL;
  VgFeedBatch *batch = vg_feed_parse (kind, relpath, received_at, payload, &error);

  g_assert_no_error (error);
  g_assert_nonnull (batch);
  return batch;
}

/* Parses @text (a string payload) as @kind and asserts that it fails with @code and a
 * message containing each of the NULL-terminated fragments. */
static inline void
feed_test_assert_fails (VgFeedKind  kind,
                        GBytes     *payload,
                        int         code,
                        ...)
{
  g_autoptr(GDateTime) received_at = feed_test_received_at ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFeedBatch) batch = vg_feed_parse (kind, "test-feed", received_at, payload, &error);
  const char *fragment;
  va_list args;

  g_assert_null (batch);
  g_assert_error (error, VG_FEED_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "Feed “test-feed”: "));
  va_start (args, code);
  while ((fragment = va_arg (args, const char *)) != NULL)
    {
      if (strstr (error->message, fragment) == NULL)
        g_error ("“%s” not in error “%s”", fragment, error->message);
    }
  va_end (args);
}

/* As feed_test_assert_fails() for a literal string payload. */
#define feed_test_assert_text_fails(kind, text, code, ...) \
  G_STMT_START { \
    g_autoptr(GBytes) text_payload_ = g_bytes_new_static (text, strlen (text)); \
    feed_test_assert_fails (kind, text_payload_, code, __VA_ARGS__); \
  } G_STMT_END

/* Time @iso (with offset) as Unix µs. */
static inline gint64
feed_test_usec (const char *iso)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return vg_time_to_usec (time);
}
