/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-ical-export.h"
#include "hallway-plan.h"

G_BEGIN_DECLS

/* The SEQUENCE store of one followed conference (exports-<id>.json), loaded. A damaged or
 * newer file is told with g_warning and the store starts afresh; it is never NULL. */
HallwayExportSequences *hallway_agenda_export_load_sequences (const char  *conference_id);

/* My Agenda of the plan as calendar text, without a window (`hallway --export-agenda`): the
 * same stable UIDs and SEQUENCE as the app's exports, the store loaded and saved again
 * synchronously. alarm_minutes as for hallway_ical_export(). */
char                   *hallway_agenda_export_dup_ics        (HallwayPlan *plan,
                                                              const char  *conference_id,
                                                              int          alarm_minutes,
                                                              GError     **error);

G_END_DECLS
