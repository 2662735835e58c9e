/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-types.h"

G_BEGIN_DECLS

typedef enum
{
  HALLWAY_CHANGE_ADDED,
  HALLWAY_CHANGE_REMOVED,   /* gone from the schedule: shown as cancelled */
  HALLWAY_CHANGE_MOVED,     /* start, end or room changed (other fields may have too) */
  HALLWAY_CHANGE_CHANGED,   /* same slot; title, speakers, track, abstract or links changed */
} HallwayChangeKind;

typedef enum
{
  HALLWAY_CHANGED_NOTHING  = 0,
  HALLWAY_CHANGED_START    = 1 << 0,
  HALLWAY_CHANGED_END      = 1 << 1,
  HALLWAY_CHANGED_ROOM     = 1 << 2,
  HALLWAY_CHANGED_TITLE    = 1 << 3,
  HALLWAY_CHANGED_SPEAKERS = 1 << 4,
  HALLWAY_CHANGED_TRACK    = 1 << 5,
  HALLWAY_CHANGED_ABSTRACT = 1 << 6,
  HALLWAY_CHANGED_LINKS    = 1 << 7,
} HallwayChangedFields;

/* Abstract and link edits: shown quietly, as "Details updated". */
#define HALLWAY_CHANGED_DETAILS (HALLWAY_CHANGED_ABSTRACT | HALLWAY_CHANGED_LINKS)

#define HALLWAY_TYPE_SCHEDULE_CHANGE (hallway_schedule_change_get_type ())
G_DECLARE_FINAL_TYPE (HallwayScheduleChange, hallway_schedule_change, HALLWAY, SCHEDULE_CHANGE,
                      GObject)

HallwayChangeKind     hallway_schedule_change_get_kind      (HallwayScheduleChange *self);
HallwayChangedFields  hallway_schedule_change_get_fields    (HallwayScheduleChange *self);
const char           *hallway_schedule_change_get_key       (HallwayScheduleChange *self);
/* NULL for an added talk */
HallwayTalk         *hallway_schedule_change_get_old_talk (HallwayScheduleChange *self);
/* NULL for a removed talk */
HallwayTalk         *hallway_schedule_change_get_new_talk (HallwayScheduleChange *self);

/* What changed, one line per field, old → new: "New", "Cancelled", "Moved: Sat 14:30 →
 * Sat 14:10", "Room: H.1301 → H.1302", "Duration: 25 min → 50 min", "Speaker left: Ann",
 * "Speakers joined: Bo, Cy", "Title: “Old” → “New”", "Track: Old → New", "Details
 * updated", joined by newlines. Times are shown in display_zone. */
char                 *hallway_schedule_change_dup_description (HallwayScheduleChange *self,
                                                               GTimeZone             *display_zone);

/* Compares two versions of a schedule by identity key: a GListModel of
 * HallwayScheduleChange, removed first, then moved, changed and added, each in schedule
 * order (removed talks in the old schedule's order, the others in the new one's).
 * Unchanged talks are not listed. O(n): one hash lookup per talk. */
GListModel           *hallway_schedule_diff                 (HallwayConference     *old_version,
                                                             HallwayConference     *new_version);

G_END_DECLS
