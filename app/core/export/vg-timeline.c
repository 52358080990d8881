/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-timeline"

#include "config.h"

#include "vg-timeline.h"

struct _VgTimeline
{
  GObject           parent_instance;

  VgJournal        *journal;
  VgTimelineFilter *filter;
  GPtrArray        *entries;   /* every VgJournalEntry read, in seq order */
  GPtrArray        *items;     /* VgTimelineItem per entry, NULL until asked for */
  GArray           *visible;   /* guint indexes into entries, of those the filter passes */
};

static void vg_timeline_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VgTimeline, vg_timeline, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, vg_timeline_list_model_init))

enum { PROP_0, PROP_JOURNAL, PROP_FILTER, PROP_N_ITEMS, PROP_N_ENTRIES, PROP_LAST_SEQ, N_PROPS };
static GParamSpec *properties[N_PROPS];

static GType
vg_timeline_get_item_type (GListModel *model)
{
  return VG_TYPE_TIMELINE_ITEM;
}

static guint
vg_timeline_get_n_items (GListModel *model)
{
  return VG_TIMELINE (model)->visible->len;
}

static gpointer
vg_timeline_get_item (GListModel *model,
                      guint       position)
{
  VgTimeline *self = VG_TIMELINE (model);
  guint index;

  if (position >= self->visible->len)
    return NULL;
  index = g_array_index (self->visible, guint, position);
  /* Made once and kept, so a row keeps its object (selection, bindings) while it lives. */
  if (g_ptr_array_index (self->items, index) == NULL)
    g_ptr_array_index (self->items, index) = vg_timeline_item_new (g_ptr_array_index (self->entries, index));
  return g_object_ref (g_ptr_array_index (self->items, index));
}

static void
vg_timeline_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = vg_timeline_get_item_type;
  iface->get_n_items = vg_timeline_get_n_items;
  iface->get_item = vg_timeline_get_item;
}

static void
vg_timeline_finalize (GObject *object)
{
  VgTimeline *self = VG_TIMELINE (object);

  g_clear_object (&self->journal);
  g_clear_pointer (&self->filter, vg_timeline_filter_free);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->visible, g_array_unref);

  G_OBJECT_CLASS (vg_timeline_parent_class)->finalize (object);
}

static void
vg_timeline_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VgTimeline *self = VG_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;
    case PROP_FILTER:
      g_value_set_boxed (value, self->filter);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->visible->len);
      break;
    case PROP_N_ENTRIES:
      g_value_set_uint (value, self->entries->len);
      break;
    case PROP_LAST_SEQ:
      g_value_set_uint64 (value, vg_timeline_get_last_seq (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vg_timeline_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VgTimeline *self = VG_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;
    case PROP_FILTER:
      vg_timeline_set_filter (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vg_timeline_class_init (VgTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vg_timeline_finalize;
  object_class->get_property = vg_timeline_get_property;
  object_class->set_property = vg_timeline_set_property;

  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, VG_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_boxed ("filter", NULL, NULL, VG_TYPE_TIMELINE_FILTER,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ENTRIES] =
    g_param_spec_uint ("n-entries", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SEQ] =
    g_param_spec_uint64 ("last-seq", NULL, NULL, 0, G_MAXUINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* NULL slots are items not made yet: g_object_unref() must not see them. */
static void
free_item (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static void
vg_timeline_init (VgTimeline *self)
{
  self->filter = vg_timeline_filter_new ();
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_journal_entry_unref);
  self->items = g_ptr_array_new_with_free_func (free_item);
  self->visible = g_array_new (FALSE, FALSE, sizeof (guint));
}

VgTimeline *
vg_timeline_new (VgJournal *journal)
{
  g_return_val_if_fail (VG_IS_JOURNAL (journal), NULL);

  return g_object_new (VG_TYPE_TIMELINE, "journal", journal, NULL);
}

VgJournal *
vg_timeline_get_journal (VgTimeline *self)
{
  g_return_val_if_fail (VG_IS_TIMELINE (self), NULL);

  return self->journal;
}

static gboolean
collect_cb (VgJournalEntry *entry,
            gpointer        user_data)
{
  g_ptr_array_add (user_data, vg_journal_entry_ref (entry));
  return TRUE;
}

gboolean
vg_timeline_refresh (VgTimeline  *self,
                     GError     **error)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_journal_entry_unref);
  VgJournalFilter filter;
  guint old_visible;

  g_return_val_if_fail (VG_IS_TIMELINE (self), FALSE);

  vg_journal_filter_init (&filter);
  filter.after_seq = vg_timeline_get_last_seq (self);
  if (!vg_journal_foreach (self->journal, &filter, collect_cb, fresh, error))
    return FALSE;
  if (fresh->len == 0)
    return TRUE;

  old_visible = self->visible->len;
  for (guint i = 0; i < fresh->len; i++)
    {
      VgJournalEntry *entry = g_ptr_array_index (fresh, i);
      guint index = self->entries->len;

      g_ptr_array_add (self->entries, vg_journal_entry_ref (entry));
      g_ptr_array_add (self->items, NULL);
      if (vg_timeline_filter_matches (self->filter, entry))
        g_array_append_val (self->visible, index);
    }
  if (self->visible->len != old_visible)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_visible, 0, self->visible->len - old_visible);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ENTRIES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SEQ]);
  return TRUE;
}

void
vg_timeline_set_filter (VgTimeline             *self,
                        const VgTimelineFilter *filter)
{
  g_autoptr(VgTimelineFilter) replacement = NULL;
  guint old_visible;

  g_return_if_fail (VG_IS_TIMELINE (self));

  replacement = filter != NULL ? vg_timeline_filter_copy (filter) : vg_timeline_filter_new ();
  if (vg_timeline_filter_equal (replacement, self->filter))
    return;
  vg_timeline_filter_free (self->filter);
  self->filter = g_steal_pointer (&replacement);

  old_visible = self->visible->len;
  g_array_set_size (self->visible, 0);
  for (guint i = 0; i < self->entries->len; i++)
    if (vg_timeline_filter_matches (self->filter, g_ptr_array_index (self->entries, i)))
      g_array_append_val (self->visible, i);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_visible, self->visible->len);
  if (self->visible->len != old_visible)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

const VgTimelineFilter *
vg_timeline_get_filter (VgTimeline *self)
{
  g_return_val_if_fail (VG_IS_TIMELINE (self), NULL);

  return self->filter;
}

guint
vg_timeline_get_n_entries (VgTimeline *self)
{
  g_return_val_if_fail (VG_IS_TIMELINE (self), 0);

  return self->entries->len;
}

guint64
vg_timeline_get_last_seq (VgTimeline *self)
{
  g_return_val_if_fail (VG_IS_TIMELINE (self), 0);

  if (self->entries->len == 0)
    return 0;
  return vg_journal_entry_get_seq (g_ptr_array_index (self->entries, self->entries->len - 1));
}

/* Index in entries of the first entry whose seq is >= @seq (entries are in seq order). */
static guint
lower_bound (VgTimeline *self,
             guint64     seq)
{
  guint lo = 0, hi = self->entries->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (vg_journal_entry_get_seq (g_ptr_array_index (self->entries, mid)) < seq)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

gboolean
vg_timeline_find_seq (VgTimeline *self,
                      guint64     seq,
                      guint      *position)
{
  guint index, lo = 0, hi;

  g_return_val_if_fail (VG_IS_TIMELINE (self), FALSE);

  index = lower_bound (self, seq);
  if (index >= self->entries->len || vg_journal_entry_get_seq (g_ptr_array_index (self->entries, index)) != seq)
    return FALSE;
  hi = self->visible->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->visible, guint, mid) < index)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo >= self->visible->len || g_array_index (self->visible, guint, lo) != index)
    return FALSE;
  if (position != NULL)
    *position = lo;
  return TRUE;
}

VgTimelineState *
vg_timeline_dup_state_at (VgTimeline *self,
                          guint64     seq)
{
  VgTimelineState *state;

  g_return_val_if_fail (VG_IS_TIMELINE (self), NULL);

  state = vg_timeline_state_new ();
  for (guint i = 0; i < self->entries->len; i++)
    {
      VgJournalEntry *entry = g_ptr_array_index (self->entries, i);

      if (vg_journal_entry_get_seq (entry) > seq)
        break;
      vg_timeline_state_apply (state, entry);
    }
  return state;
}
