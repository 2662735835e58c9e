/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-types.h"

G_BEGIN_DECLS

#define HALLWAY_SCHEDULE_ERROR (hallway_schedule_error_quark ())

typedef enum
{
  HALLWAY_SCHEDULE_ERROR_EMPTY,          /* nothing in the file */
  HALLWAY_SCHEDULE_ERROR_NOT_A_SCHEDULE, /* an HTML page, an image, some other JSON */
  HALLWAY_SCHEDULE_ERROR_MALFORMED,      /* a schedule format, but broken or truncated */
  HALLWAY_SCHEDULE_ERROR_TOO_LARGE,      /* above HALLWAY_SCHEDULE_MAX_SIZE */
} HallwayScheduleError;

/* No real schedule comes near this (39C3 everything: about 4 MB). */
#define HALLWAY_SCHEDULE_MAX_SIZE (64 * 1024 * 1024)

GQuark             hallway_schedule_error_quark     (void);

/* What a file of size bytes is told when max_size (whole MiB) refuses it: "The file is too
 * large for a schedule (100 MiB, at most 64 MiB)". */
char              *hallway_schedule_describe_too_large (guint64 size,
                                                        guint64 max_size);

HallwayConference *hallway_schedule_read_bytes      (GBytes               *data,
                                                     GError              **error);
HallwayConference *hallway_schedule_read_file       (GFile                *file,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void               hallway_schedule_read_file_async (GFile                *file,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
HallwayConference *hallway_schedule_read_file_finish (GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
