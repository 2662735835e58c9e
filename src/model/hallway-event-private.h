/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "hallway-event.h"
#include "hallway-rich-text.h"

G_BEGIN_DECLS

/* The readers fill events field by field; everything else uses the getters. Strings are
 * owned; abstract and description become sanitized HTML when first read; start and end are never NULL once
 * the event has been added to a conference. */
struct _HallwayEvent
{
  GObject parent_instance;

  char *key;
  char *id;
  char *guid;
  char *code;
  char *slug;
  char *title;
  char *subtitle;
  char *event_type;
  char *language;
  HallwayRichText abstract;
  HallwayRichText description;
  char *url;
  char *feedback_url;

  GDateTime *start;
  GDateTime *end;

  HallwayDay *day;      /* the schedule's day; derived from start when it has none */
  HallwayRoom *room;
  HallwayTrack *track;
  GPtrArray *persons;   /* HallwayPerson */
  GPtrArray *links;     /* HallwayLink, attachments included */

  char *search_text;   /* folded lazily by hallway-search.c */

  guint do_not_record : 1;
};

HallwayEvent *hallway_event_new       (void);
void          hallway_event_set_key   (HallwayEvent *self,
                                       const char   *key);
void          hallway_event_set_times (HallwayEvent *self,
                                       GDateTime    *start,
                                       GDateTime    *end);

G_END_DECLS
