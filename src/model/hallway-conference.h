/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-types.h"

G_BEGIN_DECLS

#define HALLWAY_TYPE_CONFERENCE (hallway_conference_get_type ())
G_DECLARE_FINAL_TYPE (HallwayConference, hallway_conference, HALLWAY, CONFERENCE, GObject)

const char   *hallway_conference_get_title          (HallwayConference *self);
const char   *hallway_conference_get_acronym        (HallwayConference *self);
const char   *hallway_conference_get_venue          (HallwayConference *self);
const char   *hallway_conference_get_city           (HallwayConference *self);
/* The venue's position (degrees), when the schedule gives one. */
gboolean      hallway_conference_get_position       (HallwayConference *self,
                                                     double            *latitude,
                                                     double            *longitude);
char         *hallway_conference_dup_venue_text     (HallwayConference *self);
char         *hallway_conference_dup_venue_map_uri  (HallwayConference *self);
char         *hallway_conference_dup_venue_web_map_uri (HallwayConference *self);
const char   *hallway_conference_get_time_zone_name (HallwayConference *self);
GTimeZone    *hallway_conference_get_time_zone      (HallwayConference *self);
const char   *hallway_conference_get_base_url       (HallwayConference *self);
const char   *hallway_conference_get_format         (HallwayConference *self);

GListModel   *hallway_conference_get_days           (HallwayConference *self);
/* Whether two schedules are of the same conference, wherever each came from: the same first
 * day and, when both give one, the same acronym (FOSDEM's preliminary and final schedules
 * share "fosdem-2026"), else the same title. */
gboolean      hallway_conference_is_same_as         (HallwayConference *self,
                                                     HallwayConference *other);
GListModel   *hallway_conference_get_tracks         (HallwayConference *self);
GListModel   *hallway_conference_get_rooms          (HallwayConference *self);
GListModel   *hallway_conference_get_persons        (HallwayConference *self);

GListModel   *hallway_conference_dup_now_and_next   (HallwayConference *self,
                                                     GDateTime         *now,
                                                     GTimeSpan          horizon);
char         *hallway_conference_dup_live_stream_url (HallwayConference *self,
                                                     HallwayTalk      *talk);
HallwayTalk *hallway_conference_lookup_talk       (HallwayConference *self,
                                                     const char        *key);
GListModel   *hallway_conference_get_talks_for_day    (HallwayConference *self,
                                                        HallwayDay        *day);
GListModel   *hallway_conference_get_talks_for_track  (HallwayConference *self,
                                                        HallwayTrack      *track);
GListModel   *hallway_conference_get_talks_for_room   (HallwayConference *self,
                                                        HallwayRoom       *room);
GListModel   *hallway_conference_get_talks_for_person (HallwayConference *self,
                                                        HallwayPerson     *person);

G_END_DECLS
