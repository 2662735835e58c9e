/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void hallway_first_frame_report_if_asked (GtkWidget *window);
void hallway_first_frame_content_shown   (GtkWidget *window);

G_END_DECLS
