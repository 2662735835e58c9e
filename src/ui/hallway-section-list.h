/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What a page gives for its rows and section headers. The header is a label made here;
 * bind_header sets its text. */
typedef struct
{
  GCallback setup_row;
  GCallback bind_row;
  GCallback unbind_row;     /* or NULL */
  GCallback bind_header;
  gboolean  numeric_headers; /* headers that show times: digits of one width */
} HallwaySectionListFuncs;

void hallway_section_list_setup (GtkListView                   *list_view,
                                 GListModel                    *sections,
                                 const HallwaySectionListFuncs *funcs,
                                 gpointer                       user_data);
void hallway_section_list_scroll_to_row (GtkListView *list_view,
                                        guint        position);
void hallway_section_list_scroll_to_top (GtkListView *list_view);
void hallway_section_list_rebind_headers (GtkListView *list_view);
/* A header's heading; gtk_list_header_get_child () is the box around it. */
GtkLabel *hallway_section_list_get_header_label (GtkListHeader *header);

G_END_DECLS
