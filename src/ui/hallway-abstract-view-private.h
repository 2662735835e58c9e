/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "hallway-abstract-view.h"

G_BEGIN_DECLS

/* For the tests only: not part of what the app uses. */
void        hallway_abstract_view_load_unsanitized_for_testing (HallwayAbstractView *self,
                                                                const char          *html);
const char *hallway_abstract_view_get_document_for_testing     (HallwayAbstractView *self);
GtkWidget  *hallway_abstract_view_get_web_view_for_testing     (HallwayAbstractView *self);

G_END_DECLS
