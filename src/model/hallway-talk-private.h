/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "hallway-talk.h"
#include "hallway-rich-text.h"

G_BEGIN_DECLS

/* The readers fill talks field by field; everything else uses the getters. Strings are
 * owned; abstract and description become sanitized HTML when first read; start and end are never
 * NULL once the talk has been added to a conference. */
struct _HallwayTalk
{
  GObject parent_instance;

  char *key;
  char *id;
  char *guid;
  char *code;
  char *slug;
  char *title;
  char *subtitle;
  char *talk_type;
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
  char *names_text;    /* the same without the abstract: the desktop's search */

  guint do_not_record : 1;
};

HallwayTalk *hallway_talk_new       (void);
void          hallway_talk_set_key   (HallwayTalk *self,
                                       const char   *key);
void          hallway_talk_set_times (HallwayTalk *self,
                                       GDateTime    *start,
                                       GDateTime    *end);

G_END_DECLS
