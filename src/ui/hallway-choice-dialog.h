/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HALLWAY_TYPE_CHOICE_DIALOG (hallway_choice_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HallwayChoiceDialog, hallway_choice_dialog, HALLWAY, CHOICE_DIALOG,
                      AdwDialog)

/* One value of many, such as a track at FOSDEM (about 70): a search entry over a list of the
 * values with their talk counts, "All …" first and the current choice marked. Typing
 * filters, the arrows move, Enter chooses, Escape closes. "chosen" gives the value, "" for
 * "All …". Values are added in the order shown, after "All …". */
HallwayChoiceDialog *hallway_choice_dialog_new (const char *title,
                                                const char *search_label,
                                                const char *all_label);
void hallway_choice_dialog_add (HallwayChoiceDialog *self,
                                const char          *value,
                                guint                n_talks,
                                gboolean             current);

G_END_DECLS
