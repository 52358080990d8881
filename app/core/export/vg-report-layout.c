/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-report-layout"

#include "config.h"

#include <pango/pangocairo.h>

#include "vg-report-layout-private.h"

/* DejaVu Sans ships with Vigie's build dependencies (fonts-dejavu-core) and has the accents,
 * arrows and dashes the reports use; fontconfig falls back if it is missing. */
#define FONT_FAMILY    "DejaVu Sans"
#define FOOTER_SIZE    7.5
#define CELL_SIZE      7.5
#define CELL_PADDING   3.0
#define FOOTER_SPACE   28.0
/* A table cell holds at most this many characters: a longer text (a note pasted from an email)
 * would not fit a page, and the full text is in the timeline exports. */
#define CELL_MAX_CHARS 900

struct _VgReportLayout
{
  cairo_t *cr;
  char    *footer;
  char    *page_word;
  guint    n_pages;
  double   y;            /* cursor, points from the top of the page */
  gboolean page_empty;
};

static double
bottom (void)
{
  return VG_REPORT_PAGE_HEIGHT - VG_REPORT_MARGIN - FOOTER_SPACE;
}

static PangoLayout *
make_layout (VgReportLayout *self,
             const char     *text,
             double          size,
             gboolean        bold,
             double          width)
{
  PangoLayout *layout = pango_cairo_create_layout (self->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return height / (double) PANGO_SCALE;
}

static void
draw_footer (VgReportLayout *self)
{
  g_autofree char *text = g_strdup_printf ("%s — %s %u", self->footer, self->page_word, self->n_pages);
  g_autoptr(PangoLayout) layout = make_layout (self, text, FOOTER_SIZE, FALSE, VG_REPORT_TEXT_WIDTH);

  cairo_save (self->cr);
  cairo_set_source_rgb (self->cr, 0.4, 0.4, 0.4);
  cairo_set_line_width (self->cr, 0.5);
  cairo_move_to (self->cr, VG_REPORT_MARGIN, VG_REPORT_PAGE_HEIGHT - VG_REPORT_MARGIN - 14);
  cairo_line_to (self->cr, VG_REPORT_PAGE_WIDTH - VG_REPORT_MARGIN, VG_REPORT_PAGE_HEIGHT - VG_REPORT_MARGIN - 14);
  cairo_stroke (self->cr);
  cairo_move_to (self->cr, VG_REPORT_MARGIN, VG_REPORT_PAGE_HEIGHT - VG_REPORT_MARGIN - 10);
  pango_cairo_show_layout (self->cr, layout);
  cairo_restore (self->cr);
}

static void
begin_page (VgReportLayout *self)
{
  self->n_pages++;
  self->y = VG_REPORT_MARGIN;
  self->page_empty = TRUE;
}

VgReportLayout *
vg_report_layout_new (cairo_t    *cr,
                      const char *footer,
                      const char *page_word)
{
  VgReportLayout *self = g_new0 (VgReportLayout, 1);

  self->cr = cairo_reference (cr);
  self->footer = g_strdup (footer);
  self->page_word = g_strdup (page_word);
  begin_page (self);
  return self;
}

void
vg_report_layout_free (VgReportLayout *self)
{
  if (self == NULL)
    return;
  draw_footer (self);
  cairo_show_page (self->cr);
  cairo_destroy (self->cr);
  g_free (self->footer);
  g_free (self->page_word);
  g_free (self);
}

void
vg_report_layout_new_page (VgReportLayout *self)
{
  if (self->page_empty)
    return;
  draw_footer (self);
  cairo_show_page (self->cr);
  begin_page (self);
}

/* A new page unless @height fits below the cursor. */
static void
ensure_room (VgReportLayout *self,
             double          height)
{
  if (self->y + height > bottom ())
    vg_report_layout_new_page (self);
}

void
vg_report_layout_skip (VgReportLayout *self,
                       double          points)
{
  if (self->page_empty)
    return;   /* no blank band at the top of a page */
  if (self->y + points > bottom ())
    vg_report_layout_new_page (self);
  else
    self->y += points;
}

void
vg_report_layout_text (VgReportLayout *self,
                       const char     *text,
                       double          size,
                       gboolean        bold,
                       gboolean        muted)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, size, bold, VG_REPORT_TEXT_WIDTH);
  double height = layout_height (layout);

  ensure_room (self, height);
  cairo_save (self->cr);
  if (muted)
    cairo_set_source_rgb (self->cr, 0.35, 0.35, 0.35);
  else
    cairo_set_source_rgb (self->cr, 0.1, 0.1, 0.1);
  cairo_move_to (self->cr, VG_REPORT_MARGIN, self->y);
  pango_cairo_show_layout (self->cr, layout);
  cairo_restore (self->cr);
  self->y += height;
  self->page_empty = FALSE;
}

void
vg_report_layout_heading (VgReportLayout *self,
                          const char     *text,
                          double          keep)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, 13, TRUE, VG_REPORT_TEXT_WIDTH);

  vg_report_layout_skip (self, 12);
  ensure_room (self, layout_height (layout) + keep);
  vg_report_layout_text (self, text, 13, TRUE, FALSE);
  vg_report_layout_skip (self, 4);
}

static char *
cut_cell (const char *text)
{
  g_autofree char *cut = NULL;

  if (g_utf8_strlen (text, -1) <= CELL_MAX_CHARS)
    return g_strdup (text);
  cut = g_utf8_substring (text, 0, CELL_MAX_CHARS - 1);
  return g_strconcat (cut, "…", NULL);
}

/* Height of a row of @cells; @layouts receives one layout per cell. */
static double
measure_row (VgReportLayout     *self,
             guint               n_columns,
             const double       *widths,
             const char * const *cells,
             gboolean            bold,
             PangoLayout       **layouts)
{
  double height = 0;

  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *text = cut_cell (cells[i] != NULL ? cells[i] : "");

      layouts[i] = make_layout (self, text, CELL_SIZE, bold, widths[i] * VG_REPORT_TEXT_WIDTH - 2 * CELL_PADDING);
      height = MAX (height, layout_height (layouts[i]));
    }
  return height + 2 * CELL_PADDING;
}

static void
draw_row (VgReportLayout  *self,
          guint            n_columns,
          const double    *widths,
          PangoLayout    **layouts,
          double           height,
          gboolean         header,
          gboolean         shaded)
{
  double x = VG_REPORT_MARGIN;

  cairo_save (self->cr);
  if (header || shaded)
    {
      if (header)
        cairo_set_source_rgb (self->cr, 0.86, 0.89, 0.93);
      else
        cairo_set_source_rgb (self->cr, 0.96, 0.96, 0.96);
      cairo_rectangle (self->cr, VG_REPORT_MARGIN, self->y, VG_REPORT_TEXT_WIDTH, height);
      cairo_fill (self->cr);
    }
  cairo_set_source_rgb (self->cr, 0.1, 0.1, 0.1);
  for (guint i = 0; i < n_columns; i++)
    {
      cairo_move_to (self->cr, x + CELL_PADDING, self->y + CELL_PADDING);
      pango_cairo_show_layout (self->cr, layouts[i]);
      x += widths[i] * VG_REPORT_TEXT_WIDTH;
    }
  cairo_set_source_rgb (self->cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (self->cr, 0.4);
  cairo_move_to (self->cr, VG_REPORT_MARGIN, self->y + height);
  cairo_line_to (self->cr, VG_REPORT_MARGIN + VG_REPORT_TEXT_WIDTH, self->y + height);
  cairo_stroke (self->cr);
  cairo_restore (self->cr);
  self->y += height;
  self->page_empty = FALSE;
}

static void
free_layouts (PangoLayout **layouts,
              guint         n)
{
  for (guint i = 0; i < n; i++)
    g_clear_object (&layouts[i]);
}

void
vg_report_layout_table (VgReportLayout     *self,
                        guint               n_columns,
                        const double       *widths,
                        const char * const *headers,
                        GPtrArray          *rows)
{
  g_autofree PangoLayout **header_layouts = g_new0 (PangoLayout *, n_columns);
  g_autofree PangoLayout **layouts = g_new0 (PangoLayout *, n_columns);
  double header_height;

  header_height = measure_row (self, n_columns, widths, headers, TRUE, header_layouts);
  for (guint r = 0; r < rows->len; r++)
    {
      const char * const *cells = g_ptr_array_index (rows, r);
      double height = measure_row (self, n_columns, widths, cells, FALSE, layouts);

      /* The header opens the table and every page it continues on; a header alone at the foot
       * of a page helps nobody, so it goes over with the first row. */
      if (r == 0 || self->y + height > bottom ())
        {
          if (self->y + header_height + height > bottom ())
            vg_report_layout_new_page (self);
          draw_row (self, n_columns, widths, header_layouts, header_height, TRUE, FALSE);
        }
      draw_row (self, n_columns, widths, layouts, height, FALSE, r % 2 == 1);
      free_layouts (layouts, n_columns);
    }
  free_layouts (header_layouts, n_columns);
}

void
vg_report_layout_image (VgReportLayout  *self,
                        cairo_surface_t *image,
                        double           width,
                        double           height)
{
  double scale_x = width / cairo_image_surface_get_width (image);
  double scale_y = height / cairo_image_surface_get_height (image);

  ensure_room (self, height);
  cairo_save (self->cr);
  cairo_translate (self->cr, VG_REPORT_MARGIN + (VG_REPORT_TEXT_WIDTH - width) / 2, self->y);
  cairo_scale (self->cr, scale_x, scale_y);
  cairo_set_source_surface (self->cr, image, 0, 0);
  cairo_paint (self->cr);
  cairo_restore (self->cr);
  cairo_save (self->cr);
  cairo_set_source_rgb (self->cr, 0.5, 0.5, 0.5);
  cairo_set_line_width (self->cr, 0.6);
  cairo_rectangle (self->cr, VG_REPORT_MARGIN + (VG_REPORT_TEXT_WIDTH - width) / 2, self->y, width, height);
  cairo_stroke (self->cr);
  cairo_restore (self->cr);
  self->y += height;
  self->page_empty = FALSE;
}

cairo_t *
vg_report_layout_reserve (VgReportLayout *self,
                          double          height,
                          double         *y)
{
  ensure_room (self, height);
  *y = self->y;
  self->y += height;
  self->page_empty = FALSE;
  return self->cr;
}
