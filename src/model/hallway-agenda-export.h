/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-ical-export.h"
#include "hallway-plan.h"

G_BEGIN_DECLS

/* These talks of the plan (their keys) as calendar text, with stable UIDs and the SEQUENCE
 * of each from the store (changed in memory, not saved). alarm_minutes as for
 * hallway_ical_export(). */
char *hallway_agenda_export_dup_talks_ics (HallwayPlan            *plan,
                                           const char * const     *keys,
                                           HallwayExportSequences *sequences,
                                           int                     alarm_minutes,
                                           GError                **error);

/* My Agenda of the plan as calendar text, without a window (`hallway --export-agenda`): the
 * same stable UIDs and SEQUENCE as the app's exports; the SEQUENCE store (the conference's,
 * hallway_library_entry_load_export_sequences()) is saved again synchronously.
 * alarm_minutes as for hallway_ical_export(). */
char *hallway_agenda_export_dup_ics (HallwayPlan            *plan,
                                     HallwayExportSequences *sequences,
                                     int                     alarm_minutes,
                                     GError                **error);

G_END_DECLS
