/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-types.h"

G_BEGIN_DECLS

#define HALLWAY_TYPE_EVENT (hallway_event_get_type ())
G_DECLARE_FINAL_TYPE (HallwayEvent, hallway_event, HALLWAY, EVENT, GObject)

const char   *hallway_event_get_key          (HallwayEvent *self);
const char   *hallway_event_get_id           (HallwayEvent *self);
const char   *hallway_event_get_guid         (HallwayEvent *self);
const char   *hallway_event_get_code         (HallwayEvent *self);
const char   *hallway_event_get_slug         (HallwayEvent *self);
const char   *hallway_event_get_title        (HallwayEvent *self);
const char   *hallway_event_get_subtitle     (HallwayEvent *self);
const char   *hallway_event_get_event_type   (HallwayEvent *self);
const char   *hallway_event_get_language     (HallwayEvent *self);
const char   *hallway_event_get_abstract     (HallwayEvent *self);
const char   *hallway_event_get_description  (HallwayEvent *self);
const char   *hallway_event_get_url          (HallwayEvent *self);
const char   *hallway_event_get_feedback_url (HallwayEvent *self);
GDateTime    *hallway_event_get_start        (HallwayEvent *self);
GDateTime    *hallway_event_get_end          (HallwayEvent *self);
GTimeSpan     hallway_event_get_duration     (HallwayEvent *self);
HallwayDay   *hallway_event_get_day          (HallwayEvent *self);
HallwayRoom  *hallway_event_get_room         (HallwayEvent *self);
HallwayTrack *hallway_event_get_track        (HallwayEvent *self);
const char   *hallway_event_get_room_name    (HallwayEvent *self);
const char   *hallway_event_get_track_name   (HallwayEvent *self);
GPtrArray    *hallway_event_get_persons      (HallwayEvent *self);
GPtrArray    *hallway_event_get_links        (HallwayEvent *self);
char         *hallway_event_dup_speakers     (HallwayEvent *self);
gboolean      hallway_event_get_do_not_record (HallwayEvent *self);
gboolean      hallway_event_overlaps         (HallwayEvent *self,
                                              HallwayEvent *other);
int           hallway_event_compare          (gconstpointer a,
                                              gconstpointer b);

G_END_DECLS
