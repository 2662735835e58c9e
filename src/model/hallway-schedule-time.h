/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean   hallway_parse_duration   (const char *text,
                                     GTimeSpan  *duration);
GDateTime *hallway_parse_start      (const char *iso_date_time,
                                     const char *day_date,
                                     const char *start_time,
                                     GTimeZone  *zone);

G_END_DECLS
