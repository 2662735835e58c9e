/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void hallway_menu_button_name_items (GtkMenuButton *button);

G_END_DECLS
