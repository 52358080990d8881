/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-review-mark"

#include "config.h"

#include <glib/gi18n.h>

#include "vg-review-mark.h"

struct _VgReviewMark
{
  GObject          parent_instance;

  guint64          seq;
  VgTimelineGroup  group;
  double           latitude;
  double           longitude;
  GString         *text;
};

G_DEFINE_FINAL_TYPE (VgReviewMark, vg_review_mark, G_TYPE_OBJECT)

static void
vg_review_mark_finalize (GObject *object)
{
  VgReviewMark *self = VG_REVIEW_MARK (object);

  g_string_free (self->text, TRUE);

  G_OBJECT_CLASS (vg_review_mark_parent_class)->finalize (object);
}

static void
vg_review_mark_class_init (VgReviewMarkClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_review_mark_finalize;
}

static void
vg_review_mark_init (VgReviewMark *self)
{
}

VgReviewMark *
vg_review_mark_new (guint64          seq,
                    VgTimelineGroup  group,
                    double           latitude,
                    double           longitude,
                    const char      *text)
{
  VgReviewMark *self = g_object_new (VG_TYPE_REVIEW_MARK, NULL);

  self->seq = seq;
  self->group = group;
  self->latitude = latitude;
  self->longitude = longitude;
  self->text = g_string_new (NULL);
  vg_review_mark_add_text (self, seq, text);
  return self;
}

gboolean
vg_review_mark_is_at (VgReviewMark *self,
                      double        latitude,
                      double        longitude)
{
  g_return_val_if_fail (VG_IS_REVIEW_MARK (self), FALSE);

  return self->latitude == latitude && self->longitude == longitude;
}

void
vg_review_mark_add_text (VgReviewMark *self,
                         guint64       seq,
                         const char   *text)
{
  g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, seq);

  g_return_if_fail (VG_IS_REVIEW_MARK (self));

  if (self->text->len > 0)
    g_string_append_c (self->text, '\n');
  g_string_append_printf (self->text, _("Journal entry %s: %s"), number, text ? text : "");
}

guint64
vg_review_mark_get_seq (VgReviewMark *self)
{
  g_return_val_if_fail (VG_IS_REVIEW_MARK (self), 0);

  return self->seq;
}

gboolean
vg_review_mark_locate (gpointer  item,
                       double   *latitude,
                       double   *longitude)
{
  VgReviewMark *self = item;

  *latitude = self->latitude;
  *longitude = self->longitude;
  return TRUE;
}

void
vg_review_mark_draw (cairo_t *cr,
                     gpointer item,
                     double   x,
                     double   y,
                     double   size)
{
  VgReviewMark *self = item;
  /* Okabe–Ito, as the site symbols: readings sky blue, warnings vermilion, the rest orange. */
  double r = 0.90, g = 0.62, b = 0.0;

  if (self->group == VG_TIMELINE_GROUP_OBSERVATIONS)
    r = 0.34, g = 0.71, b = 0.91;
  else if (self->group == VG_TIMELINE_GROUP_WARNINGS || self->group == VG_TIMELINE_GROUP_INCIDENTS)
    r = 0.84, g = 0.37, b = 0.0;

  /* A navy square, the review band's colour, with the entry's group in its centre: no live
   * symbol (site, gauge, incident) looks like it, so a rewound map never passes for the live one. */
  cairo_rectangle (cr, x - size / 2, y - size / 2, size, size);
  cairo_set_source_rgb (cr, 0x1c / 255.0, 0x3f / 255.0, 0x6e / 255.0);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  cairo_arc (cr, x, y, size / 4, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, r, g, b);
  cairo_fill (cr);
}

GtkWidget *
vg_review_mark_detail (gpointer item)
{
  VgReviewMark *self = item;
  GtkWidget *label = gtk_label_new (self->text->str);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  return label;
}
