/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-agenda-export"

#include "config.h"

#include "hallway-agenda-export.h"

/* The part of exporting My Agenda that needs no window, shared by the command line and
 * HallwayAgendaExporter (which adds the file dialog and writes the store asynchronously). */

char *
hallway_agenda_export_dup_talks_ics (HallwayPlan            *plan,
                                     const char * const     *keys,
                                     HallwayExportSequences *sequences,
                                     int                     alarm_minutes,
                                     GError                **error)
{
  g_return_val_if_fail (HALLWAY_IS_PLAN (plan), NULL);
  g_return_val_if_fail (keys != NULL, NULL);
  g_return_val_if_fail (HALLWAY_IS_EXPORT_SEQUENCES (sequences), NULL);

  return hallway_ical_export (hallway_plan_get_conference (plan), keys,
                              hallway_plan_get_bookmarks (plan), sequences, NULL, alarm_minutes,
                              error);
}

char *
hallway_agenda_export_dup_ics (HallwayPlan            *plan,
                               HallwayExportSequences *sequences,
                               int                     alarm_minutes,
                               GError                **error)
{
  g_auto (GStrv) keys = NULL;
  char *ics;

  g_return_val_if_fail (HALLWAY_IS_PLAN (plan), NULL);
  g_return_val_if_fail (HALLWAY_IS_EXPORT_SEQUENCES (sequences), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  keys = hallway_ical_export_dup_agenda_keys (hallway_plan_get_conference (plan),
                                              hallway_plan_get_bookmarks (plan), NULL);
  ics = hallway_agenda_export_dup_talks_ics (plan, (const char * const *) keys, sequences,
                                             alarm_minutes, error);
  if (ics != NULL && !hallway_export_sequences_save (sequences, NULL, error))
    g_clear_pointer (&ics, g_free);
  return ics;
}
