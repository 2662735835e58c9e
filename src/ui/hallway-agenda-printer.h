/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

#include "hallway-plan.h"

G_BEGIN_DECLS

/* The printed day plan: My Agenda, one page per day with picks, drawn with cairo and Pango
 * only, so a PDF can be written without a display. */

/* Pages of the agenda (from hallway_agenda_build()): one per day with picks, at least one. */
guint              hallway_agenda_printer_get_n_pages     (HallwayPlan *plan,
                                                           GListModel  *agenda);
/* Draws day day_index of the agenda within width × height (in points) of cr. */
void               hallway_agenda_printer_draw_page       (HallwayPlan *plan,
                                                           GListModel  *agenda,
                                                           guint        day_index,
                                                           cairo_t     *cr,
                                                           double       width,
                                                           double       height);
/* A print operation of My Agenda as it is now, one page per day, measured in points; run it
 * with GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG (the dialog also offers "Print to File" PDF). */
GtkPrintOperation *hallway_agenda_printer_new_operation   (HallwayPlan *plan);
/* Writes My Agenda to an A4 PDF file at path. */
gboolean           hallway_agenda_printer_export_pdf      (HallwayPlan *plan,
                                                           const char  *path,
                                                           GError     **error);

G_END_DECLS
