/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-xml-reader"
#include "hallway-schedule-reader-private.h"
/* STUB: to be written (issue 3). */
HallwayConference *
hallway_read_pentabarf_xml (const char *data, gsize length, GError **error)
{
  g_set_error_literal (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED, "XML: not yet");
  return NULL;
}
