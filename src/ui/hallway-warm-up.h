/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

#include "hallway-conference.h"

G_BEGIN_DECLS

void hallway_warm_up_after_next_frame (GtkWidget         *window,
                                       HallwayConference *conference);

G_END_DECLS
