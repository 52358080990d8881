/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-timeline-item"

#include "config.h"

#include "vg-entry-payload.h"
#include "vg-timeline-item.h"

struct _VgTimelineItem
{
  GObject          parent_instance;

  VgJournalEntry  *entry;
  VgTimelineGroup  group;
  char            *summary;   /* made on first use: most rows of a long journal are never shown */
};

G_DEFINE_FINAL_TYPE (VgTimelineItem, vg_timeline_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENTRY,
  PROP_SEQ,
  PROP_TIME,
  PROP_KIND_ID,
  PROP_GROUP,
  PROP_GROUP_ID,
  PROP_SOURCE,
  PROP_AUTHOR,
  PROP_SUMMARY,
  PROP_HAS_GEOMETRY,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
vg_timeline_item_finalize (GObject *object)
{
  VgTimelineItem *self = VG_TIMELINE_ITEM (object);

  g_clear_pointer (&self->entry, vg_journal_entry_unref);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (vg_timeline_item_parent_class)->finalize (object);
}

static void
vg_timeline_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VgTimelineItem *self = VG_TIMELINE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_boxed (value, self->entry);
      break;
    case PROP_SEQ:
      g_value_set_uint64 (value, vg_journal_entry_get_seq (self->entry));
      break;
    case PROP_TIME:
      g_value_set_int64 (value, vg_journal_entry_get_time (self->entry));
      break;
    case PROP_KIND_ID:
      g_value_set_string (value, vg_journal_entry_get_kind_id (self->entry));
      break;
    case PROP_GROUP:
      g_value_set_uint (value, self->group);
      break;
    case PROP_GROUP_ID:
      g_value_set_string (value, vg_timeline_group_to_id (self->group));
      break;
    case PROP_SOURCE:
      g_value_set_string (value, vg_journal_entry_get_source (self->entry));
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, vg_journal_entry_get_author (self->entry));
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, vg_timeline_item_get_summary (self));
      break;
    case PROP_HAS_GEOMETRY:
      g_value_set_boolean (value, vg_timeline_item_has_geometry (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vg_timeline_item_class_init (VgTimelineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vg_timeline_item_finalize;
  object_class->get_property = vg_timeline_item_get_property;

  properties[PROP_ENTRY] = g_param_spec_boxed ("entry", NULL, NULL, VG_TYPE_JOURNAL_ENTRY, flags);
  properties[PROP_SEQ] = g_param_spec_uint64 ("seq", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_TIME] = g_param_spec_int64 ("time", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_KIND_ID] = g_param_spec_string ("kind-id", NULL, NULL, NULL, flags);
  properties[PROP_GROUP] = g_param_spec_uint ("group", NULL, NULL, 0, VG_N_TIMELINE_GROUPS - 1, 0, flags);
  properties[PROP_GROUP_ID] = g_param_spec_string ("group-id", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties[PROP_HAS_GEOMETRY] = g_param_spec_boolean ("has-geometry", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vg_timeline_item_init (VgTimelineItem *self)
{
}

VgTimelineItem *
vg_timeline_item_new (VgJournalEntry *entry)
{
  VgTimelineItem *self;

  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (VG_TYPE_TIMELINE_ITEM, NULL);
  self->entry = vg_journal_entry_ref (entry);
  self->group = vg_timeline_group_of_entry (entry);
  return self;
}

VgJournalEntry *
vg_timeline_item_get_entry (VgTimelineItem *self)
{
  g_return_val_if_fail (VG_IS_TIMELINE_ITEM (self), NULL);

  return self->entry;
}

guint64
vg_timeline_item_get_seq (VgTimelineItem *self)
{
  g_return_val_if_fail (VG_IS_TIMELINE_ITEM (self), 0);

  return vg_journal_entry_get_seq (self->entry);
}

gint64
vg_timeline_item_get_time (VgTimelineItem *self)
{
  g_return_val_if_fail (VG_IS_TIMELINE_ITEM (self), 0);

  return vg_journal_entry_get_time (self->entry);
}

VgTimelineGroup
vg_timeline_item_get_group (VgTimelineItem *self)
{
  g_return_val_if_fail (VG_IS_TIMELINE_ITEM (self), VG_TIMELINE_GROUP_OTHER);

  return self->group;
}

const char *
vg_timeline_item_get_summary (VgTimelineItem *self)
{
  g_return_val_if_fail (VG_IS_TIMELINE_ITEM (self), NULL);

  /* Items belong to the UI thread (a GListModel's), so a plain lazy field is enough. */
  if (self->summary == NULL)
    self->summary = vg_entry_summarize (self->entry, NULL);
  return self->summary;
}

gboolean
vg_timeline_item_has_geometry (VgTimelineItem *self)
{
  g_autoptr(JsonNode) geometry = NULL;

  g_return_val_if_fail (VG_IS_TIMELINE_ITEM (self), FALSE);

  geometry = vg_entry_dup_geometry (self->entry, NULL);
  return geometry != NULL;
}
