/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-plan.h"

G_BEGIN_DECLS

/* Gaps shorter than this are hallway time, not free time. */
#define HALLWAY_AGENDA_MIN_GAP (10 * G_TIME_SPAN_MINUTE)

/* My Agenda (from hallway_agenda_build()) cut into days of the plan's display zone: one
 * GListModel of HallwayAgendaItem per day with at least one item, in time order. */
GPtrArray *hallway_agenda_split_days          (HallwayPlan *plan,
                                               GListModel  *agenda);

/* The pieces every rendering of My Agenda shares, in the plan's display zone:
 * "Saturday 31 January", "13:30–13:55", "1 h 30 min", "CET (Europe/Brussels)". */
char      *hallway_agenda_format_day          (HallwayPlan *plan,
                                               GDateTime   *time);
char      *hallway_agenda_format_range        (HallwayPlan *plan,
                                               GDateTime   *start,
                                               GDateTime   *end);
char      *hallway_agenda_format_duration     (GTimeSpan    span);
char      *hallway_agenda_format_time_zone    (HallwayPlan *plan,
                                               GDateTime   *time);
/* "FOSDEM 2026 — My Agenda" */
char      *hallway_agenda_format_heading      (HallwayPlan *plan);

/* My Agenda as text for an e-mail or a chat: plain, or Markdown with the titles escaped. */
char      *hallway_agenda_text_format         (HallwayPlan *plan,
                                               gboolean     markdown);

G_END_DECLS
