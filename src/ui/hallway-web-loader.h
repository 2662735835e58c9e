/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *hallway_web_loader_new_abstract_view (GError **error);
void       hallway_web_loader_warm_up           (void);

G_END_DECLS
