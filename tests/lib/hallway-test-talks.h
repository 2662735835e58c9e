/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "hallway-conference.h"
#include "hallway-talk.h"

G_BEGIN_DECLS

/* A hand-built version of a schedule: talks in Brussels time, keyed by guid. */
typedef struct
{
  const char *guid;
  const char *title;
  const char *start;     /* ISO 8601 */
  int minutes;
  const char *room;
  const char *track;     /* NULL: none */
  const char *speakers;  /* comma-separated names, each also the person's id; NULL: none */
  const char *abstract;  /* HTML; NULL: none */
} HallwayTestTalk;

/* A talk of conference made from spec (added to nothing); the caller owns it. */
HallwayTalk       *hallway_test_make_talk     (HallwayConference     *conference,
                                               const HallwayTestTalk *spec);
/* A finished conference of these talks, in Europe/Brussels. */
HallwayConference *hallway_test_build_version (const HallwayTestTalk *specs,
                                               guint                  n_specs);
/* n_talks five-minute lightning talks one after the other from 2027-02-06T09:00+01:00 in one
 * room, titled "Lightning talk number N, with a reasonably long title" (N from 0); talk i's
 * guid is guid_for (i), or "talk-%04u" without guid_for. A finished conference. */
HallwayConference *hallway_test_build_lightning_talks (guint   n_talks,
                                                       char *(*guid_for) (guint i));

G_END_DECLS
