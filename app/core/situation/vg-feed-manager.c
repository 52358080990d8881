/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-feed-manager"

#include "config.h"

#include "vg-error.h"
#include "vg-feed-health-private.h"
#include "vg-feed-kind.h"
#include "vg-feed-manager.h"

struct _VgFeedManager
{
  GObject       parent_instance;

  VgSituation  *situation;
  VgFeedPoller *poller;
  GHashTable   *states;   /* feed id → last VgFeedState seen + 1, | STALE_SEEN if stale */
  GHashTable   *cap_sources;   /* MeteoAlarm index feed id → VgFeedSource of its CAP messages */
  GHashTable   *fetched;       /* "index feed\nentry id\nupdated" of CAP messages asked for */
  GHashTable   *journalled;    /* URL of a CAP message in the journal → when it was fetched (µs) */
};

#define STALE_SEEN 0x100u

G_DEFINE_FINAL_TYPE (VgFeedManager, vg_feed_manager, G_TYPE_OBJECT)

/* The MeteoAlarm index names the CAP messages; those for Hérault not asked for yet (by entry
 * id and update time) are fetched once each, as payloads of the index's CAP feed. */
/* The URL as the poller writes it (g_uri_to_string of the parsed link); full ownership. */
static char *
normalise_url (const char *url)
{
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_PARSE_RELAXED, NULL) : NULL;

  return uri != NULL ? g_uri_to_string (uri) : g_strdup (url);
}

static gboolean
journalled_cb (VgJournalEntry *entry,
               gpointer        user_data)
{
  GHashTable *journalled = user_data;
  g_autofree char *raw_url = vg_journal_entry_dup_string (entry, "url");
  g_autofree char *url = raw_url != NULL ? normalise_url (raw_url) : NULL;
  gint64 *when;

  if (url == NULL)
    return TRUE;
  if ((when = g_hash_table_lookup (journalled, url)) == NULL)
    {
      when = g_new (gint64, 1);
      *when = G_MININT64;
      g_hash_table_insert (journalled, g_steal_pointer (&url), when);
    }
  *when = MAX (*when, vg_journal_entry_get_time (entry));
  return TRUE;
}

/* Whether the message of @entry was journalled after the index said it was last updated: a
 * situation reopened does not fetch again what it already holds. */
static gboolean
already_journalled (VgFeedManager   *self,
                    VgCapIndexEntry *entry)
{
  g_autofree char *url = normalise_url (vg_cap_index_entry_get_uri (entry));
  gint64 updated = vg_cap_index_entry_get_updated (entry);
  const gint64 *when = g_hash_table_lookup (self->journalled, url);

  return when != NULL && updated != VG_FEED_TIME_UNKNOWN && *when >= updated;
}

static void
fetch_linked_cap (VgFeedManager *self,
                  const char    *index_id,
                  VgFeedBatch   *batch)
{
  VgFeedSource *cap = g_hash_table_lookup (self->cap_sources, index_id);
  GPtrArray *entries = vg_feed_batch_get_index_entries (batch);

  if (cap == NULL)
    return;
  for (guint i = 0; i < entries->len; i++)
    {
      VgCapIndexEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GError) error = NULL;
      char *key;

      if (!vg_cap_index_entry_has_nuts (entry, "FR813") && !vg_cap_index_entry_has_nuts (entry, "FRJ13"))
        continue;
      key = g_strdup_printf ("%s\n%s\n%" G_GINT64_FORMAT, index_id, vg_cap_index_entry_get_entry_id (entry),
                             vg_cap_index_entry_get_updated (entry));
      if (!g_hash_table_add (self->fetched, key) || already_journalled (self, entry))
        continue;
      if (!vg_feed_poller_fetch_once (self->poller, cap, vg_cap_index_entry_get_uri (entry), &error))
        {
          /* Not fetched: forgotten, so that the next index asks again. */
          g_debug ("%s", error->message);
          g_hash_table_remove (self->fetched, key);
        }
    }
}

static void
payload_received_cb (VgFeedPoller  *poller,
                     VgFeedSource  *source,
                     GBytes        *body,
                     const char    *content_type,
                     const char    *url,
                     gint64         fetched_usec,
                     VgFeedManager *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFeedBatch) batch = NULL;
  VgFeedHealth *polled;

  if (vg_situation_ingest_payload (self->situation, vg_feed_source_get_id (source), url, content_type,
                                   fetched_usec, body, &batch, &error))
    {
      fetch_linked_cap (self, vg_feed_source_get_id (source), batch);
      return;
    }
  /* A payload that does not parse is journaled by the ingestion; one the journal cannot take
   * (disk full, read-only) is not. Either way it is no success: the feed fails with the
   * reason, and the poller forgets its validators so the next poll fetches the whole thing
   * again — else a 304 would confirm data that was never recorded (the feed would look fresh
   * without its last payload until the server's content changed). */
  if (g_error_matches (error, VG_STORE_ERROR, VG_STORE_ERROR_WRITE))
    /* The operator is told, as a banner. */
    vg_situation_report_problem (self->situation, error->message);
  vg_feed_poller_report_invalid (poller, vg_feed_source_get_id (source), fetched_usec, error);
  /* The picture heard of the fetch as a success (the poller reports health before the
   * payload): it goes back to the last good one too, so its data ages and turns stale. */
  polled = vg_feed_poller_get_health (poller, vg_feed_source_get_id (source));
  if (polled != NULL)
    vg_feed_health_retract_success (vg_picture_ensure_feed (vg_situation_get_picture (self->situation),
                                                            vg_feed_source_get_id (source), 0),
                                    vg_feed_health_get_last_success_usec (polled),
                                    vg_clock_get_now_usec (vg_situation_get_clock (self->situation)));
}

static void
health_changed_cb (VgFeedPoller  *poller,
                   VgFeedSource  *source,
                   VgFeedHealth  *health,
                   VgFeedManager *self)
{
  g_autoptr(GError) error = NULL;
  VgPicture *picture = vg_situation_get_picture (self->situation);
  const char *id = vg_feed_source_get_id (source);
  VgFeedState state = vg_feed_health_get_state (health);
  guint before = GPOINTER_TO_UINT (g_hash_table_lookup (self->states, id));
  guint seen = ((guint) state + 1) | (vg_feed_health_get_stale (health) ? STALE_SEEN : 0);
  gboolean changed = (before & ~STALE_SEEN) != (guint) state + 1;

  /* The poller reports every change of its health (each retry counts); the journal and the
   * picture hear of a change of state only. */
  g_hash_table_insert (self->states, g_strdup (id), GUINT_TO_POINTER (seen));
  if (!changed && state != VG_FEED_STATE_OK)
    {
      /* A failing feed's last good data ages too: the picture must say it is stale (failing
       * outranks stale in the state, so this is no change of state). */
      if (before != seen)
        vg_picture_refresh (picture);
      return;
    }
  switch (state)
    {
    case VG_FEED_STATE_FAILING:
      /* Journaled on the change, not on every retry. */
      if (vg_feed_health_get_error (health) != NULL &&
          !vg_situation_feed_failed (self->situation, id, vg_feed_health_get_error (health), &error))
        g_warning ("%s", error->message);
      break;
    case VG_FEED_STATE_OK:
      /* A 304 Not Modified is a good answer without a payload. */
      vg_picture_feed_succeeded (picture, id, vg_feed_health_get_last_success_usec (health));
      break;
    case VG_FEED_STATE_STALE:
    case VG_FEED_STATE_PENDING:
    default:
      vg_picture_refresh (picture);
      break;
    }
}

static void
vg_feed_manager_dispose (GObject *object)
{
  VgFeedManager *self = VG_FEED_MANAGER (object);

  if (self->poller != NULL)
    {
      vg_feed_poller_stop (self->poller);
      g_signal_handlers_disconnect_by_data (self->poller, self);
    }
  g_clear_object (&self->poller);
  g_clear_object (&self->situation);
  g_clear_pointer (&self->states, g_hash_table_unref);
  g_clear_pointer (&self->cap_sources, g_hash_table_unref);
  g_clear_pointer (&self->fetched, g_hash_table_unref);
  g_clear_pointer (&self->journalled, g_hash_table_unref);

  G_OBJECT_CLASS (vg_feed_manager_parent_class)->dispose (object);
}

static void
vg_feed_manager_class_init (VgFeedManagerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = vg_feed_manager_dispose;
}

static void
vg_feed_manager_init (VgFeedManager *self)
{
  self->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cap_sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->fetched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->journalled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* The feed "<index id>/cap" the CAP messages of a MeteoAlarm index come in as: the index's
 * limits, CAP content types. */
static gboolean
declare_cap_feed (VgFeedManager  *self,
                  VgFeedSource   *index,
                  GError        **error)
{
  g_autofree char *id = g_strconcat (vg_feed_source_get_id (index), "/cap", NULL);
  g_autofree char *name = g_strdup_printf ("%s (CAP)", vg_feed_source_get_name (index));
  VgFeedSource *cap;

  if (!vg_situation_declare_feed (self->situation, id, VG_FEED_KIND_CAP, name, error))
    return FALSE;
  cap = g_object_new (VG_TYPE_FEED_SOURCE, "id", id, "name", name, "kind", "cap",
                      "url", vg_feed_source_get_url (index),
                      "interval-ms", vg_feed_source_get_interval_ms (index),
                      "timeout-ms", vg_feed_source_get_timeout_ms (index),
                      "max-bytes", vg_feed_source_get_max_bytes (index),
                      "stale-after", vg_feed_source_get_stale_after (index),
                      NULL);
  g_hash_table_replace (self->cap_sources, g_strdup (vg_feed_source_get_id (index)), cap);

  /* What an earlier run already fetched. */
  {
    VgJournalFilter filter;

    vg_journal_filter_init (&filter);
    filter.kinds = VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_RAW_FEED_PAYLOAD);
    filter.source = id;
    return vg_journal_foreach (vg_situation_get_journal (self->situation), &filter, journalled_cb,
                               self->journalled, error);
  }
}

VgFeedManager *
vg_feed_manager_new (VgSituation   *situation,
                     VgFeedConfig  *config,
                     GError       **error)
{
  g_autoptr(VgFeedManager) self = NULL;
  GListModel *sources;

  g_return_val_if_fail (VG_IS_SITUATION (situation), NULL);
  g_return_val_if_fail (VG_IS_FEED_CONFIG (config), NULL);

  self = g_object_new (VG_TYPE_FEED_MANAGER, NULL);
  self->situation = g_object_ref (situation);
  self->poller = vg_feed_poller_new (vg_situation_get_clock (situation));
  g_signal_connect (self->poller, "payload-received", G_CALLBACK (payload_received_cb), self);
  g_signal_connect (self->poller, "health-changed", G_CALLBACK (health_changed_cb), self);

  sources = vg_feed_config_get_sources (config);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(VgFeedSource) source = g_list_model_get_item (sources, i);
      VgFeedKind kind;

      if (!vg_feed_source_get_enabled (source))
        continue;
      if (!vg_feed_kind_from_id (vg_feed_source_get_kind (source), &kind))
        {
          g_set_error (error, VG_FEED_ERROR, VG_FEED_ERROR_UNSUPPORTED,
                       "Feed “%s”: kind “%s” has no parser", vg_feed_source_get_id (source),
                       vg_feed_source_get_kind (source));
          return NULL;
        }
      if (!vg_situation_declare_feed (situation, vg_feed_source_get_id (source), kind,
                                      vg_feed_source_get_name (source), error))
        return NULL;
      vg_picture_ensure_feed (vg_situation_get_picture (situation), vg_feed_source_get_id (source),
                              (gint64) vg_feed_source_get_stale_after (source) * vg_feed_source_get_interval_ms (source) * 1000);
      vg_feed_poller_add_source (self->poller, source);
      if (kind == VG_FEED_KIND_METEOALARM_ATOM && !declare_cap_feed (self, source, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

VgFeedPoller *
vg_feed_manager_get_poller (VgFeedManager *self)
{
  g_return_val_if_fail (VG_IS_FEED_MANAGER (self), NULL);

  return self->poller;
}

void
vg_feed_manager_start (VgFeedManager *self)
{
  g_return_if_fail (VG_IS_FEED_MANAGER (self));

  vg_feed_poller_start (self->poller);
}

void
vg_feed_manager_stop (VgFeedManager *self)
{
  g_return_if_fail (VG_IS_FEED_MANAGER (self));

  vg_feed_poller_stop (self->poller);
}
