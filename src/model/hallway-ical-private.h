/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib.h>

#include "hallway-ical-export.h"

G_BEGIN_DECLS

/* libical aborts on errors by default: a broken file must only be refused, an export must
 * only fail. Every caller of libical calls this first. */
void hallway_ical_make_errors_recoverable (void);

/* The SEQUENCE to write for uid now (hallway-ical-export.c), for the writer
 * (hallway-ical-writer.c). */
guint hallway_export_sequences_take (HallwayExportSequences *self,
                                     const char             *uid,
                                     GDateTime              *start,
                                     GDateTime              *end,
                                     const char             *room,
                                     gboolean                cancelled);

G_END_DECLS
