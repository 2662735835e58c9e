/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HallwayConference HallwayConference;
typedef struct _HallwayDay HallwayDay;
typedef struct _HallwayTalk HallwayTalk;
typedef struct _HallwayLink HallwayLink;
typedef struct _HallwayPerson HallwayPerson;
typedef struct _HallwayRoom HallwayRoom;
typedef struct _HallwayTrack HallwayTrack;

G_END_DECLS
