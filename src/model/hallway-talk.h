/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-types.h"

G_BEGIN_DECLS

#define HALLWAY_TYPE_TALK (hallway_talk_get_type ())
G_DECLARE_FINAL_TYPE (HallwayTalk, hallway_talk, HALLWAY, TALK, GObject)

const char   *hallway_talk_get_key          (HallwayTalk *self);
const char   *hallway_talk_get_id           (HallwayTalk *self);
const char   *hallway_talk_get_guid         (HallwayTalk *self);
const char   *hallway_talk_get_code         (HallwayTalk *self);
const char   *hallway_talk_get_slug         (HallwayTalk *self);
const char   *hallway_talk_get_title        (HallwayTalk *self);
const char   *hallway_talk_get_subtitle     (HallwayTalk *self);
const char   *hallway_talk_get_talk_type   (HallwayTalk *self);
const char   *hallway_talk_get_language     (HallwayTalk *self);
const char   *hallway_talk_get_abstract     (HallwayTalk *self);
const char   *hallway_talk_get_description  (HallwayTalk *self);
const char   *hallway_talk_get_url          (HallwayTalk *self);
const char   *hallway_talk_get_feedback_url (HallwayTalk *self);
GDateTime    *hallway_talk_get_start        (HallwayTalk *self);
GDateTime    *hallway_talk_get_end          (HallwayTalk *self);
GTimeSpan     hallway_talk_get_duration     (HallwayTalk *self);
HallwayDay   *hallway_talk_get_day          (HallwayTalk *self);
HallwayRoom  *hallway_talk_get_room         (HallwayTalk *self);
HallwayTrack *hallway_talk_get_track        (HallwayTalk *self);
const char   *hallway_talk_get_room_name    (HallwayTalk *self);
const char   *hallway_talk_get_track_name   (HallwayTalk *self);
GPtrArray    *hallway_talk_get_persons      (HallwayTalk *self);
GPtrArray    *hallway_talk_get_links        (HallwayTalk *self);
char         *hallway_talk_dup_speakers     (HallwayTalk *self);
gboolean      hallway_talk_get_do_not_record (HallwayTalk *self);
gboolean      hallway_talk_overlaps         (HallwayTalk *self,
                                              HallwayTalk *other);
int           hallway_talk_compare          (gconstpointer a,
                                              gconstpointer b);

G_END_DECLS
