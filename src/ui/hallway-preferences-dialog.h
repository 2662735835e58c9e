/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HALLWAY_TYPE_PREFERENCES_DIALOG (hallway_preferences_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HallwayPreferencesDialog, hallway_preferences_dialog, HALLWAY,
                      PREFERENCES_DIALOG, AdwPreferencesDialog)

/* The rows bound to settings, the application's: shared with the window and the reminders,
 * so a change made here reaches them at once. */
HallwayPreferencesDialog *hallway_preferences_dialog_new (GSettings *settings);

G_END_DECLS
