/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <json-glib/json-glib.h>

#include "hallway-schedule-reader.h"

G_BEGIN_DECLS

/* Each reader returns a finished conference or NULL with a HALLWAY_SCHEDULE_ERROR whose
 * message names the format and, where known, the line ("Pentabarf XML, line 3127: …").
 * The data has been checked against the size cap and is not empty. In the app,
 * hallway_read_icalendar fails with G_IO_ERROR_NOT_SUPPORTED instead when the iCalendar
 * module cannot be loaded (hallway-ical-loader.c). */

HallwayConference *hallway_read_pentabarf_xml (const char  *data,
                                               gsize        length,
                                               GError     **error);
HallwayConference *hallway_read_schedule_json (JsonNode    *root,
                                               GError     **error);
HallwayConference *hallway_read_icalendar     (const char  *data,
                                               gsize        length,
                                               GError     **error);

G_END_DECLS
