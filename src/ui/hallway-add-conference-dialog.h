/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

#include "hallway-library.h"

G_BEGIN_DECLS

#define HALLWAY_TYPE_ADD_CONFERENCE_DIALOG (hallway_add_conference_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HallwayAddConferenceDialog, hallway_add_conference_dialog, HALLWAY,
                      ADD_CONFERENCE_DIALOG, AdwDialog)

/* Follow a known conference from the catalogue, any schedule URL, or a file. A URL is only
 * added once it was fetched and read; until then the dialog says it is checking, and on
 * failure why. Once added, the conference is shown through the action
 * "app.show-conference" (its library id): the application that presents the dialog has it. */
HallwayAddConferenceDialog *hallway_add_conference_dialog_new (HallwayLibrary *library);

G_END_DECLS
