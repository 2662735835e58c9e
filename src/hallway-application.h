/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HALLWAY_TYPE_APPLICATION (hallway_application_get_type ())
G_DECLARE_FINAL_TYPE (HallwayApplication, hallway_application, HALLWAY, APPLICATION, AdwApplication)

HallwayApplication *hallway_application_new (void);

G_END_DECLS
