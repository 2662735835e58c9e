/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-types.h"

G_BEGIN_DECLS

/* What a room's door says, as FOSDEM's room status API gives it ("state" 0, 1, 2). */
typedef enum
{
  HALLWAY_ROOM_STATE_UNKNOWN,
  HALLWAY_ROOM_STATE_AVAILABLE,
  HALLWAY_ROOM_STATE_FULL,
  HALLWAY_ROOM_STATE_EVACUATED,
} HallwayRoomState;

/* How often the status is asked while the conference is live. */
#define HALLWAY_ROOM_STATUS_INTERVAL    (90 * G_TIME_SPAN_SECOND)
/* After a failure: the first retry, doubled after each further failure up to the cap. */
#define HALLWAY_ROOM_STATUS_FIRST_RETRY (30 * G_TIME_SPAN_SECOND)
#define HALLWAY_ROOM_STATUS_MAX_RETRY   (5 * G_TIME_SPAN_MINUTE)
/* A state not confirmed by the server for this long is no longer shown. */
#define HALLWAY_ROOM_STATUS_MAX_AGE     (6 * G_TIME_SPAN_MINUTE)

/* Microseconds since the epoch, as g_get_real_time () gives them. */
typedef gint64 (*HallwayClockFunc) (gpointer user_data);

#define HALLWAY_TYPE_ROOM_STATUS (hallway_room_status_get_type ())
G_DECLARE_FINAL_TYPE (HallwayRoomStatus, hallway_room_status, HALLWAY, ROOM_STATUS, GObject)

HallwayRoomStatus *hallway_room_status_new           (const char        *url,
                                                      GDateTime         *live_start,
                                                      GDateTime         *live_end);
/* Polls while the conference's talks run: from the first one's start to the last's end. */
HallwayRoomStatus *hallway_room_status_new_for_conference (const char        *url,
                                                           HallwayConference *conference);
const char        *hallway_room_status_get_url       (HallwayRoomStatus *self);

/* Starts polling on the real clock, with timers of its own. */
void               hallway_room_status_start         (HallwayRoomStatus *self);
/* For tests: a clock of the caller's and no timers; the caller calls run_due whenever its
 * clock moved. */
void               hallway_room_status_set_clock     (HallwayRoomStatus *self,
                                                      HallwayClockFunc   clock,
                                                      gpointer           user_data);
/* Drops states that are too old and sends a request if one is due. */
void               hallway_room_status_run_due       (HallwayRoomStatus *self);
/* When the next request is due (µs since the epoch); 0 when none will be (the conference
 * is over), or while one is on its way. */
gint64             hallway_room_status_get_next_poll (HallwayRoomStatus *self);

HallwayRoomState   hallway_room_status_lookup        (HallwayRoomStatus *self,
                                                      HallwayRoom       *room);
/* What went wrong with the last request; NULL after one that succeeded. */
const GError      *hallway_room_status_get_error     (HallwayRoomStatus *self);

G_END_DECLS
