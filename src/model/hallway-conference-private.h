/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "hallway-conference.h"

G_BEGIN_DECLS

/* The readers build a conference: set the metadata, ensure tracks, rooms and persons,
 * add days and talks, then call hallway_conference_finish() once. */

HallwayConference *hallway_conference_new             (void);
void               hallway_conference_set_title       (HallwayConference *self,
                                                       const char        *title);
void               hallway_conference_set_acronym     (HallwayConference *self,
                                                       const char        *acronym);
void               hallway_conference_set_venue       (HallwayConference *self,
                                                       const char        *venue);
void               hallway_conference_set_city        (HallwayConference *self,
                                                       const char        *city);
void               hallway_conference_set_position    (HallwayConference *self,
                                                       double             latitude,
                                                       double             longitude);
void               hallway_conference_set_base_url    (HallwayConference *self,
                                                       const char        *base_url);
void               hallway_conference_set_format      (HallwayConference *self,
                                                       const char        *format);
gboolean           hallway_conference_set_time_zone_name (HallwayConference *self,
                                                          const char        *tz_name);

HallwayTrack      *hallway_conference_ensure_track    (HallwayConference *self,
                                                       const char        *name);
HallwayRoom       *hallway_conference_ensure_room     (HallwayConference *self,
                                                       const char        *name);
HallwayPerson     *hallway_conference_ensure_person   (HallwayConference *self,
                                                       const char        *id,
                                                       const char        *name);
HallwayDay        *hallway_conference_ensure_day      (HallwayConference *self,
                                                       GDateTime         *date);
void               hallway_conference_add_talk       (HallwayConference *self,
                                                       HallwayTalk      *talk);
guint              hallway_conference_get_n_pending_talks (HallwayConference *self);
void               hallway_conference_finish          (HallwayConference *self);

G_END_DECLS
