/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-json-reader"
#include "hallway-schedule-reader-private.h"
/* STUB: to be written (issue 3). */
HallwayConference *
hallway_read_schedule_json (JsonNode *root, GError **error)
{
  g_set_error_literal (error, HALLWAY_SCHEDULE_ERROR, HALLWAY_SCHEDULE_ERROR_MALFORMED, "JSON: not yet");
  return NULL;
}
