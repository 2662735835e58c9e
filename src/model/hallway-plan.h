/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-bookmarks.h"
#include "hallway-schedule-change.h"
#include "hallway-types.h"

G_BEGIN_DECLS

/* How the Changes section groups the talks of the last update, in this order: the
 * person's bookmarked talks first, whatever happened to them. */
typedef enum
{
  HALLWAY_CHANGE_GROUP_IN_MY_AGENDA,
  HALLWAY_CHANGE_GROUP_CANCELLED,
  HALLWAY_CHANGE_GROUP_MOVED,
  HALLWAY_CHANGE_GROUP_CHANGED,
  HALLWAY_CHANGE_GROUP_NEW,
  HALLWAY_CHANGE_GROUP_DETAILS_UPDATED,
} HallwayChangeGroup;

/* The group's header, as in "In My Agenda", "Details Updated". */
const char *hallway_change_group_get_title (HallwayChangeGroup group);

#define HALLWAY_TYPE_PLAN (hallway_plan_get_type ())
G_DECLARE_FINAL_TYPE (HallwayPlan, hallway_plan, HALLWAY, PLAN, GObject)



/* A person's plan for one conference: the schedule, their bookmarks and the changes of the
 * last update, with the questions the views ask of them. "changed" is emitted when any of
 * them changes, so views rebind their rows. */
HallwayPlan       *hallway_plan_new              (HallwayConference *conference,
                                                  HallwayBookmarks  *bookmarks);
HallwayConference *hallway_plan_get_conference   (HallwayPlan       *self);
void               hallway_plan_set_conference   (HallwayPlan       *self,
                                                  HallwayConference *conference,
                                                  GListModel        *changes);
HallwayBookmarks  *hallway_plan_get_bookmarks    (HallwayPlan       *self);
GListModel        *hallway_plan_get_changes      (HallwayPlan       *self);

/* Times are shown in the conference's zone unless the person asked for local time. */
void               hallway_plan_set_show_local_time (HallwayPlan    *self,
                                                     gboolean        show_local_time);
gboolean           hallway_plan_get_show_local_time (HallwayPlan    *self);
GDateTime         *hallway_plan_to_display_time  (HallwayPlan       *self,
                                                  GDateTime         *time);
/* The zone's abbreviation ("JST") when times are shown in a zone whose offset at `time`
 * differs from the conference's; NULL when they are the conference's own times. */
char              *hallway_plan_dup_zone_label   (HallwayPlan       *self,
                                                  GDateTime         *time);
/* The header of a day's talks: "Saturday 6 February", and when times are shown in another
 * zone than the conference's, which one, said of the times ("Saturday 6 February · times in
 * JST"): a day alone has no zone. */
char              *hallway_plan_dup_day_header   (HallwayPlan       *self,
                                                  GDateTime         *time);
/* What Now & Next says when no talk runs at `now` or within its horizon: when the
 * conference starts, that it has ended, or when the next talks start. NULL without talks. */
char              *hallway_plan_dup_quiet_time_text (HallwayPlan    *self,
                                                     GDateTime      *now);
gboolean           hallway_plan_is_bookmarked    (HallwayPlan       *self,
                                                  HallwayTalk      *talk);
void               hallway_plan_set_bookmarked   (HallwayPlan       *self,
                                                  HallwayTalk      *talk,
                                                  gboolean           bookmarked);
gboolean           hallway_plan_is_backup        (HallwayPlan       *self,
                                                  HallwayTalk      *talk);
void               hallway_plan_set_backup       (HallwayPlan       *self,
                                                  HallwayTalk      *talk,
                                                  gboolean           backup);
gboolean           hallway_plan_is_conflicting   (HallwayPlan       *self,
                                                  HallwayTalk      *talk);
gboolean           hallway_plan_get_change       (HallwayPlan       *self,
                                                  HallwayTalk      *talk,
                                                  HallwayChangeKind *kind);
/* FALSE for a talk the last update did not change. */
gboolean           hallway_plan_get_change_group (HallwayPlan       *self,
                                                  HallwayTalk      *talk,
                                                  HallwayChangeGroup *group);
/* TRUE when the last update changed only the talk's abstract or links: worth a quiet
 * "Details updated", not a badge. */
gboolean           hallway_plan_is_details_change (HallwayPlan      *self,
                                                   HallwayTalk      *talk);
/* What the last update changed in the talk, one line per field, times in the display
 * zone (hallway_schedule_change_dup_description); NULL for an unchanged talk. */
char              *hallway_plan_dup_change_description (HallwayPlan *self,
                                                        HallwayTalk *talk);

G_END_DECLS
