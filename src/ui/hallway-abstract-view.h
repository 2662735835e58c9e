/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HALLWAY_TYPE_ABSTRACT_VIEW (hallway_abstract_view_get_type ())

G_DECLARE_FINAL_TYPE (HallwayAbstractView, hallway_abstract_view, HALLWAY, ABSTRACT_VIEW, GtkWidget)

GtkWidget  *hallway_abstract_view_new                       (void);
void        hallway_abstract_view_set_html                  (HallwayAbstractView *self,
                                                             const char          *sanitized_html);
int         hallway_abstract_view_get_content_height        (HallwayAbstractView *self);
void        hallway_abstract_view_warm_up                   (GtkWidget           *view);

G_END_DECLS
