/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

#include "hallway-subscription.h"
#include "hallway-types.h"

G_BEGIN_DECLS

#define HALLWAY_TYPE_APPLICATION (hallway_application_get_type ())
G_DECLARE_FINAL_TYPE (HallwayApplication, hallway_application, HALLWAY, APPLICATION, AdwApplication)

HallwayApplication *hallway_application_new               (void);
/* Follows a conference (a URL or a local file) once it was fetched and read. */
void                hallway_application_add_conference    (HallwayApplication  *self,
                                                           const char          *location,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
void                hallway_application_show_subscription (HallwayApplication  *self,
                                                           HallwaySubscription *subscription);

G_END_DECLS
