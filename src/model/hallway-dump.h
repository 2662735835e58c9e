/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "hallway-types.h"

G_BEGIN_DECLS

char *hallway_dump_conference (HallwayConference *conference);

G_END_DECLS
