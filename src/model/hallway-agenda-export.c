/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-agenda-export"

#include "config.h"

#include "hallway-agenda-export.h"

/* The part of exporting My Agenda that needs no window, shared by the command line and
 * HallwayAgendaExporter (which adds the file dialog and writes the store asynchronously). */

char *
hallway_agenda_export_dup_ics (HallwayPlan            *plan,
                               HallwayExportSequences *sequences,
                               int                     alarm_minutes,
                               GError                **error)
{
  g_auto (GStrv) keys = NULL;
  HallwayConference *conference;
  HallwayBookmarks *bookmarks;
  char *ics;

  g_return_val_if_fail (HALLWAY_IS_PLAN (plan), NULL);
  g_return_val_if_fail (HALLWAY_IS_EXPORT_SEQUENCES (sequences), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  conference = hallway_plan_get_conference (plan);
  bookmarks = hallway_plan_get_bookmarks (plan);
  keys = hallway_ical_export_dup_agenda_keys (conference, bookmarks, NULL);
  ics = hallway_ical_export (conference, (const char * const *) keys, bookmarks, sequences, NULL,
                             alarm_minutes, error);
  if (ics != NULL && !hallway_export_sequences_save (sequences, NULL, error))
    g_clear_pointer (&ics, g_free);
  return ics;
}
