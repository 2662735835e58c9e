/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-ical-reader"
#include "hallway-schedule-reader-private.h"
/* STUB: to be written (issue 3). */
HallwayConference *
hallway_read_icalendar (const char *data, gsize length, GError **error)
{
  g_set_error_literal (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED, "iCal: not yet");
  return NULL;
}
