/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <stdint.h>

#include "vg-error.h"
#include "vg-feed-parser.h"
#include "vg-feed-sanitizer.h"

/* Shared body of the libFuzzer targets: parse the input with one parser and check the
 * contract: a batch or an error in VG_FEED_ERROR, never both, never neither; criticals and
 * warnings (a g_return_if_fail tripped by hostile data) are crashes. */

typedef VgFeedBatch *(*FuzzParser) (const char *, GDateTime *, GBytes *, GError **);

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static inline VgFeedBatch *
fuzz_parse (FuzzParser     parser,
            const uint8_t *data,
            size_t         size)
{
  static GDateTime *received_at;
  g_autoptr(GBytes) payload = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  VgFeedBatch *batch;

  if (received_at == NULL)
    received_at = g_date_time_new_utc (2024, 10, 17, 6, 10, 0);
  batch = parser ("fuzz", received_at, payload, &error);
  g_assert_true ((batch == NULL) != (error == NULL));
  if (batch == NULL)
    {
      g_assert_true (error->domain == VG_FEED_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "Feed “fuzz”: "));
      return NULL;
    }
  /* Every getter, through the JSON the journal would store. */
  {
    g_autoptr(JsonNode) json = vg_feed_batch_to_json (batch);
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autofree char *text = NULL;

    json_generator_set_root (generator, json);
    text = json_generator_to_data (generator, NULL);
    g_assert_nonnull (text);
  }
  return batch;
}

/* What the journal would store of a batch that withheld something: a copy without it, or an
 * error in VG_FEED_ERROR saying why none can be kept, never both, never neither. */
static inline void
fuzz_sanitize (VgFeedKind     kind,
               const uint8_t *data,
               size_t         size,
               VgFeedBatch   *batch)
{
  g_autoptr(GDateTime) received_at = g_date_time_new_utc (2024, 10, 17, 6, 10, 0);
  g_autoptr(GBytes) payload = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) copy = NULL;
  g_autoptr(JsonNode) withheld = NULL;

  if (batch == NULL || !vg_feed_batch_withholds (batch))
    return;
  withheld = vg_feed_batch_withheld_to_json (batch);
  g_assert_true (json_array_get_length (json_node_get_array (withheld)) > 0);
  copy = vg_feed_sanitize (kind, "fuzz", received_at, payload, batch, &error);
  g_assert_true ((copy == NULL) != (error == NULL));
  if (copy == NULL)
    g_assert_true (error->domain == VG_FEED_ERROR);
}
