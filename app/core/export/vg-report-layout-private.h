/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A small flowing layout for the PDF report: A4 portrait pages in points, a cursor moving
 * down, paragraphs and tables that wrap (pango) and continue on the next page (a table repeats
 * its header there), and a footer on every page. What pdftotext reads back is what this draws:
 * text stays text. */

#define VG_REPORT_PAGE_WIDTH  595.276   /* A4, points */
#define VG_REPORT_PAGE_HEIGHT 841.89
#define VG_REPORT_MARGIN      48.0
#define VG_REPORT_TEXT_WIDTH  (VG_REPORT_PAGE_WIDTH - 2 * VG_REPORT_MARGIN)

typedef struct _VgReportLayout VgReportLayout;

/* A layout drawing on @cr (a cairo PDF surface's context); @footer is printed at the foot of
 * every page, with the page number after "@page_word ". */
VgReportLayout *vg_report_layout_new        (cairo_t              *cr,
                                             const char           *footer,
                                             const char           *page_word);
/* Ends the last page and frees @self. */
void            vg_report_layout_free       (VgReportLayout       *self);
/* Ends the page (if anything is on it) and starts a new one. */
void            vg_report_layout_new_page   (VgReportLayout       *self);
/* Vertical space, in points (a new page if it does not fit). */
void            vg_report_layout_skip       (VgReportLayout       *self,
                                             double                points);
/* Text at @size points (bold if @bold), wrapped to the text width, in grey if @muted. A new page
 * first if it does not fit on this one. */
void            vg_report_layout_text       (VgReportLayout       *self,
                                             const char           *text,
                                             double                size,
                                             gboolean              bold,
                                             gboolean              muted);
/* A section heading, kept with at least @keep points of what follows. */
void            vg_report_layout_heading    (VgReportLayout       *self,
                                             const char           *text,
                                             double                keep);
/* A table of @n_columns: @widths (fractions of the text width), @headers, then @rows (each a
 * NULL-terminated GStrv of @n_columns cells). Rows never split; the header repeats on every
 * page the table reaches. */
void            vg_report_layout_table      (VgReportLayout       *self,
                                             guint                 n_columns,
                                             const double         *widths,
                                             const char * const   *headers,
                                             GPtrArray            *rows);
/* @image scaled to @width × @height points, centred, framed. */
void            vg_report_layout_image      (VgReportLayout       *self,
                                             cairo_surface_t      *image,
                                             double                width,
                                             double                height);
/* The cairo context, at the cursor (for drawing a legend); the cursor then moves @height. */
cairo_t        *vg_report_layout_reserve    (VgReportLayout       *self,
                                             double                height,
                                             double               *y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VgReportLayout, vg_report_layout_free)

G_END_DECLS
